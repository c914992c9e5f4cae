"""`qcoder survey load|summary|items|remove`: respondent-level survey data joined to cases."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json

SHOW_AT_MOST = 15


def _listing(values: list[str]) -> str:
    shown = ", ".join(values[:SHOW_AT_MOST])
    return shown + (f", ... ({len(values) - SHOW_AT_MOST} more; see --json)"
                    if len(values) > SHOW_AT_MOST else "")


def cmd_load(args) -> int:
    from ..core.survey.datasets import load_survey

    with open_project(args.project) as project:
        report = load_survey(project, args.file, args.key, name=args.name, labels=args.labels,
                             case_attribute=args.case_attribute, sheet=args.sheet,
                             replace=args.replace)
    if args.json:
        print_json(report.as_json())
        return 0
    join = report.join
    print(f"Loaded survey {report.name!r} from {report.source}: {report.respondents} "
          f"respondents, {report.items} items")
    for warning in report.warnings:
        print(f"  note: {warning}")
    print(f"Joined {len(join.matched)} case(s) to respondents through the case attribute "
          f"{join.case_attribute!r}" + (": " + _listing([f"{c} = {k}" for c, k
                                                          in join.matched.items()])
                                        if join.matched else ""))
    if join.unmatched_cases:
        print(f"  cases whose {join.case_attribute} is not in the survey: "
              f"{_listing(join.unmatched_cases)}")
    if join.cases_without_key:
        print(f"  cases without {join.case_attribute}: {_listing(join.cases_without_key)}")
    if join.unmatched_respondents:
        print(f"  {len(join.unmatched_respondents)} respondents without a case: "
              f"{_listing(join.unmatched_respondents)}")
    return 0


def _share(x) -> str:
    return "-" if x is None else f"{100 * x:.1f} %".replace(".", ",")


def cmd_summary(args) -> int:
    from ..core.survey.summaries import summarize_item

    with open_project(args.project) as project:
        summary = summarize_item(project, args.item, args.subgroup, args.top, args.survey)
    if args.json:
        print_json(summary.as_json())
        return 0
    print(f"{summary.item}: {summary.wording}".rstrip(": "))
    if summary.filter:
        print(f"  filter: {summary.filter}")
    mean = "" if summary.mean is None else f", mean {summary.mean}"
    print(f"  valid N {summary.n_valid}, missing {summary.n_missing}{mean}")
    for label, share in summary.distribution.items():
        print(f"  {label:<40} {_share(share):>8}")
    if summary.top_box is not None:
        print(f"  top-box ({' / '.join(summary.top_labels)}): {_share(summary.top_box)}")
    for group, part in summary.by_subgroup.items():
        top = f", top-box {_share(part['top_box'])}" if part["top_box"] is not None else ""
        mean = f", mean {part['mean']}" if part["mean"] is not None else ""
        print(f"  [{args.subgroup} = {group}] N {part['n_valid']}{top}{mean}")
    return 0


def cmd_items(args) -> int:
    from ..core.survey.datasets import survey_contents

    with open_project(args.project) as project:
        survey = survey_contents(project, args.survey)
    if args.json:
        print_json([i.as_json() for i in survey.items])
        return 0
    print(f"{survey.name} ({survey.source}), {survey.respondents} respondents")
    for i in survey.items:
        print(f"  {i.ident:<20} {i.kind:<9} {i.wording[:70]}")
    return 0


def cmd_remove(args) -> int:
    from ..core.survey.datasets import remove_survey

    with open_project(args.project) as project:
        remove_survey(project, args.name)
    print(f"Removed survey {args.name!r}")
    return 0


def register(sub) -> None:
    survey = sub.add_parser("survey", help="load survey data and summarise items")
    ssub = survey.add_subparsers(dest="survey_command", metavar="ACTION")
    ssub.required = True
    add_examples(survey, "qcoder survey summary demo.qcoder --item Q1_1 --subgroup task_type")

    p = ssub.add_parser("load", help="store respondent-level survey data (.xlsx, .csv, .sav)")
    p.add_argument("project")
    p.add_argument("file", help="the survey file, one row per respondent")
    p.add_argument("--key", required=True, help="the column identifying respondents")
    p.add_argument("--name", help="the survey's name in the project (default: the file name)")
    p.add_argument("--labels", help="labels file (.csv/.xlsx): item, wording, labels (top first, "
                   "separated by |), missing, filter, top")
    p.add_argument("--case-attribute", help="the case attribute holding the respondent key "
                   "(default: the key column's name)")
    p.add_argument("--sheet", help="the data sheet of an .xlsx (default: the first)")
    p.add_argument("--replace", action="store_true", help="replace a survey of the same name")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder survey load demo.qcoder survey.csv --key respondent_id "
                    "--labels survey_labels.csv")
    p.set_defaults(func=cmd_load)

    p = ssub.add_parser("summary", help="valid N, mean, distribution, top-box, cross-tab")
    p.add_argument("project")
    p.add_argument("--item", required=True, help="the item (column) to summarise")
    p.add_argument("--subgroup", help="another item to cross-tabulate by")
    p.add_argument("--survey", help="which survey (needed when the project has several)")
    p.add_argument("--top", type=int, help="top-box size (default: the item's, usually 2)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder survey summary demo.qcoder --item Q1_1 --subgroup task_type --json")
    p.set_defaults(func=cmd_summary)

    p = ssub.add_parser("items", help="list a survey's items")
    p.add_argument("project")
    p.add_argument("--survey")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder survey items demo.qcoder --survey DM-survey")
    p.set_defaults(func=cmd_items)

    p = ssub.add_parser("remove", help="remove a survey from the project")
    p.add_argument("project")
    p.add_argument("name")
    add_examples(p, "qcoder survey remove demo.qcoder DM-survey")
    p.set_defaults(func=cmd_remove)

"""`qcoder new`, `qcoder info`, `qcoder demo`."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json, progress


def cmd_new(args) -> int:
    from ..core.store import Project

    Project.create(args.project, title=args.title or "").close()
    print(f"Created {args.project}")
    return 0


def cmd_info(args) -> int:
    from ..core.summary import project_summary

    with open_project(args.project) as project:
        info = project_summary(project)
    if args.json:
        print_json(info)
        return 0
    print(f"{info['title']} ({args.project})")
    print(
        f"  {len(info['documents'])} documents, {info['cases']} cases, {info['codebooks']} codebooks, "
        f"{info['codes']} codes, {len(info['coders'])} coders, {info['codings']} codings; "
        f"coding round {info['current_round']}"
    )
    if info["coders"]:
        print("  coders: " + ", ".join(info["coders"]))
    print(f"  language pipeline: {info['nlp_pipeline']}")
    for d in info["documents"]:
        print(
            f"  {d['name']:<40} {d['kind']:<16} {d['chars']:>8} chars  {d['turns']:>4} turns  "
            f"{d['speakers']:>2} speakers  {d['pages']:>3} pages  {d['sections']:>2} sections  "
            f"{d['codings']:>5} codings"
        )
    return 0


def cmd_demo(args) -> int:
    from ..core.demo import build_demo

    target = build_demo(args.project, replace=True, report=progress)
    print(f"Built the demo project at {target}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("new", help="create an empty project")
    p.add_argument("project", help="the new project file, NAME.qcoder")
    p.add_argument("--title", help="the project's title (default: the file name)")
    add_examples(p, "qcoder new borgmestre.qcoder --title 'Borgmestre og politisk pres'")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="what is in a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder info demo.qcoder --json")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("demo", help="build the demo project (fictitious Danish material)")
    p.add_argument("project", nargs="?",
                   help="where to build it (default: demo.qcoder in your qcoder data folder)")
    add_examples(p, "qcoder demo demo.qcoder")
    p.set_defaults(func=cmd_demo)

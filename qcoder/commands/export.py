"""`qcoder export`: displays and listings to .xlsx, .docx, .csv or .html."""

from __future__ import annotations

from ..cli import add_examples, open_project, progress_callback


def _split(text: str | None, sep: str = ",") -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(sep) if p.strip())


def cmd_export(args) -> int:
    from ..core.analysis.displays import Options
    from ..core.exchange.exporters import export

    options = Options(coder=args.coder, round=args.round, hypothesis=args.hypothesis,
                      survey=args.survey, subgroup=args.subgroup,
                      attributes=_split(args.attributes), survey_items=_split(args.survey_items),
                      codes=_split(args.codes, ";"), quotes=args.quotes, measure=args.measure,
                      level=args.level, family=args.family)
    with open_project(args.project) as project:
        written = export(project, args.what, args.out, options, progress_callback("Export"))
    for path in written:
        print(f"Wrote {path}")
    return 0


def register(sub) -> None:
    from ..core.choices import LEVELS, MEASURES, WHAT

    p = sub.add_parser("export", help="export displays (hypotheses, matrices, joint display, "
                       "segments, codebook) to xlsx, docx, csv or html")
    p.add_argument("project")
    p.add_argument("--what", required=True, choices=WHAT)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="FILE.xlsx, .docx, .csv (several displays: FILE_<display>.csv) or .html")
    p.add_argument("--hypothesis", help="only this hypothesis (id, e.g. H1)")
    p.add_argument("--survey", help="the survey to join (needed when there are several)")
    p.add_argument("--subgroup", help="survey item to split top-box %% by in the joint display")
    p.add_argument("--coder", help="only this coder's codings")
    p.add_argument("--round", type=int, help="only codings of this round")
    p.add_argument("--measure", default="count", choices=MEASURES,
                   help="code x case cells: count, presence or share of the case's text")
    p.add_argument("--level", default="code", choices=LEVELS,
                   help="code x case rows: every code, or code families (sub-codes rolled up)")
    p.add_argument("--family", metavar="CODE_PATH",
                   help="code x case rows: only this code and the codes below it")
    p.add_argument("--attributes", help="case attributes as extra hypothesis display columns "
                   "(comma-separated)")
    p.add_argument("--survey-items", help="survey items as extra hypothesis display columns, "
                   "with each case's own answer (comma-separated)")
    p.add_argument("--codes", help="codes for the motivation profile / joint display "
                   "(paths Codebook/Code, separated by ;)")
    p.add_argument("--quotes", type=int, default=2, help="quotes per cell (default 2)")
    add_examples(p, "qcoder export demo.qcoder --what hypotheses --out hypoteser.docx",
                 "qcoder export demo.qcoder --what matrix --measure share --out matrix.xlsx")
    p.set_defaults(func=cmd_export)

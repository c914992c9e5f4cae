"""`qcoder qdpx export|import`: whole projects to and from NVivo, ATLAS.ti, MAXQDA, QualCoder."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json, progress_callback


def cmd_export(args) -> int:
    from ..core.exchange.refi import export_qdpx

    with open_project(args.project) as project:
        summary = export_qdpx(project, args.out, report=progress_callback("Exporting"))
    if args.json:
        print_json(summary.as_json())
    else:
        print("\n".join(summary.lines()))
    return 0


def cmd_import(args) -> int:
    from ..core.exchange.refi import import_qdpx

    summary = import_qdpx(args.file, args.project, report=progress_callback("Importing"))
    if args.json:
        print_json(summary.as_json())
    else:
        print("\n".join(summary.lines()))
    return 0


def register(sub) -> None:
    p = sub.add_parser("qdpx", help="exchange whole projects as REFI-QDA (.qdpx) with other tools")
    q = p.add_subparsers(dest="qdpx_command", metavar="ACTION")
    q.required = True
    add_examples(p, "qcoder qdpx export demo.qcoder demo.qdpx")

    e = q.add_parser("export", help="write the project as a REFI-QDA project (.qdpx)")
    e.add_argument("project")
    e.add_argument("out", metavar="OUT.qdpx")
    e.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_examples(e, "qcoder qdpx export demo.qcoder demo.qdpx")
    e.set_defaults(func=cmd_export)

    i = q.add_parser("import", help="create a new project from a REFI-QDA project (.qdpx) "
                     "exported by NVivo, ATLAS.ti, MAXQDA, QualCoder or qcoder")
    i.add_argument("file", metavar="FILE.qdpx")
    i.add_argument("project", metavar="NEW_PROJECT.qcoder")
    i.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_examples(i, "qcoder qdpx import fra-nvivo.qdpx fra-nvivo.qcoder --json")
    i.set_defaults(func=cmd_import)

"""`qcoder codebook load|export|list` and `qcoder round` (the current coding round)."""

from __future__ import annotations

from pathlib import Path

from ..cli import add_examples, open_project, print_json
from ..core.errors import QcoderError


def cmd_load(args) -> int:
    """YAML files load together in one transaction; REFI-QDA .qdc files one by one after."""
    from ..core.codebooks.loading import load_codebooks
    from ..core.exchange.refi import import_qdc

    qdc = [f for f in args.files if f.lower().endswith(".qdc")]
    yaml_files = [f for f in args.files if f not in qdc]
    with open_project(args.project) as project:
        if yaml_files:
            for report in load_codebooks(project, yaml_files):
                print(report.summary)
        for path in qdc:
            print("\n".join(import_qdc(project, path).lines()))
    return 0


def cmd_export(args) -> int:
    from ..core import catalog
    from ..core.codebooks.export import export_codebook_yaml, export_codebooks_xlsx

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".yaml", ".yml", ".xlsx", ".qdc"):
        raise QcoderError(f"{out}: cannot tell the format from {out.suffix or 'no suffix'!r}; "
                          "end the file name in .yaml, .xlsx or .qdc (REFI-QDA)")
    with open_project(args.project) as project:
        if suffix == ".qdc":
            from ..core.exchange.refi import export_qdc

            export_qdc(project, out, codebook=args.codebook)
        elif suffix == ".xlsx":
            export_codebooks_xlsx(project, out, args.codebook)
        else:
            key = args.codebook
            if key is None:
                idents = sorted(book.ident for book in catalog.codebooks(project))
                if len(idents) != 1:
                    raise QcoderError(
                        "a YAML file holds one codebook; name it with --codebook ID (the project "
                        f"has: {', '.join(idents) or 'none'})")
                key = idents[0]
            export_codebook_yaml(project, key, out)
    print(f"Wrote {out}")
    return 0


def _print_codes(codes, depth: int) -> None:
    for code in codes:
        marks = []
        if code.origin == "inductive":
            marks.append(f"inductive, round {code.round_added}")
        if code.flagged:
            marks.append("FLAGGED: " + code.flagged)
        links = ", ".join(f"{i}{'+' if d == 'supports' else '-'}" for i, d in code.hypotheses)
        extra = (f"  [{links}]" if links else "") + (f"  ({'; '.join(marks)})" if marks else "")
        print(f"{'  ' * depth}{code.name:<{max(10, 44 - 2 * depth)}} {code.count:>5}{extra}")
        _print_codes(code.children, depth + 1)


def cmd_list(args) -> int:
    from ..core.codebooks.tree import code_tree

    with open_project(args.project) as project:
        books = code_tree(project)
    if args.json:
        print_json({"codebooks": [b.as_json() for b in books]})
        return 0
    if not books:
        print("No codebooks; load one with: qcoder codebook load PROJECT FILE.yaml")
    for book in books:
        print(f"{book.name} (id {book.ident}, version {book.version})")
        for hyp in book.hypotheses:
            print(f"  {hyp.id}: {hyp.label} [{hyp.kind}]")
        _print_codes(book.codes, 1)
    return 0


def cmd_round(args) -> int:
    from ..core.coding.rounds import set_current_round

    with open_project(args.project) as project:
        if args.round is None:
            print(project.current_round)
            return 0
        old = project.current_round
        set_current_round(project, args.round)
    print(f"Coding round {old} -> {args.round}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("codebook", help="load, export and list codebooks")
    cb = p.add_subparsers(dest="codebook_command", metavar="ACTION")
    cb.required = True
    add_examples(p, "qcoder codebook list demo.qcoder")

    q = cb.add_parser("load", help="add codebook files, or update to a newer version of them")
    q.add_argument("project")
    q.add_argument("files", nargs="+", metavar="FILE.yaml|FILE.qdc")
    add_examples(q, "qcoder codebook load borgmestre.qcoder codebooks/psm.yaml "
                    "codebooks/sludge.yaml")
    q.set_defaults(func=cmd_load)

    q = cb.add_parser("export", help="write a codebook as YAML, or codebooks as xlsx or REFI-QDA .qdc")
    q.add_argument("project")
    q.add_argument("--codebook", metavar="ID", help="the codebook's id or name")
    q.add_argument("--out", required=True, metavar="FILE.yaml|FILE.xlsx|FILE.qdc")
    add_examples(q, "qcoder codebook export demo.qcoder --codebook demo --out demo-kodebog.xlsx")
    q.set_defaults(func=cmd_export)

    q = cb.add_parser("list", help="codebooks, codes with paths and coding counts, hypotheses")
    q.add_argument("project")
    q.add_argument("--json", action="store_true", help="print JSON")
    add_examples(q, "qcoder codebook list demo.qcoder --json")
    q.set_defaults(func=cmd_list)

    p = sub.add_parser("round", help="show or set the current coding round")
    p.add_argument("project")
    p.add_argument("round", nargs="?", type=int, metavar="N",
                   help="make N the current round (new codings and codes record it)")
    add_examples(p, "qcoder round demo.qcoder 2")
    p.set_defaults(func=cmd_round)

"""`qcoder code` (bulk coding from CSV) and `qcoder codings` (list codings)."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json


def cmd_code(args) -> int:
    from ..core.coding.bulk import code_from_csv

    with open_project(args.project) as project:
        result = code_from_csv(project, args.from_csv, args.coder)
    print(f"Applied {result.value} codings by {args.coder}")
    return 0


def cmd_codings(args) -> int:
    from ..core.coding.codings import list_codings

    with open_project(args.project) as project:
        rows = list_codings(project, coder=args.coder or None, code=args.code or None,
                            with_children=args.children)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        snippet = " ".join(r.text.split())
        snippet = snippet if len(snippet) <= 70 else snippet[:67] + "..."
        print(f"{r.document}\t{r.start}-{r.end}\t{r.coder}\t{r.code}\t{snippet}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("code", help="apply codings from a CSV (document,start,end,code)")
    p.add_argument("project")
    p.add_argument("--coder", required=True, help="who is coding (created if new)")
    p.add_argument("--from", dest="from_csv", required=True, metavar="FILE.csv")
    add_examples(p, "qcoder code demo.qcoder --coder Anna --from kodninger.csv")
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("codings", help="list codings")
    p.add_argument("project")
    p.add_argument("--coder", help="only this coder's codings")
    p.add_argument("--code", help="only this code (path Codebook/Parent/Child)")
    p.add_argument("--children", action="store_true", help="with --code: include sub-codes")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder codings demo.qcoder --coder Bo --code 'demo/Office-seeking' --children")
    p.set_defaults(func=cmd_codings)

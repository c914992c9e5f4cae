"""`qcoder search PROJECT QUERY [--regex|--lemma] [--json]`: find words and phrases."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json, progress_callback


def cmd_search(args) -> int:
    from ..core.language.search import search

    mode = "regex" if args.regex else "lemma" if args.lemma else "plain"
    with open_project(args.project) as project:
        hits = search(project, args.query, mode, case_sensitive=args.case_sensitive,
                      report=progress_callback("Searching") if args.progress else None)
    if args.json:
        print_json([h.as_json() for h in hits])
        return 0
    for h in hits:
        print(f"{h.document}\t{h.start}-{h.end}\t{h.text}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("search", help="search the documents (plain, regex or Danish lemmas)")
    p.add_argument("project")
    p.add_argument("query")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    how.add_argument("--lemma", action="store_true",
                     help="find every inflected form of QUERY's words (Danish)")
    p.add_argument("--case-sensitive", action="store_true", help="plain and regex search only")
    p.add_argument("--progress", action="store_true", help="progress lines on stderr")
    p.add_argument("--json", action="store_true",
                   help='print a list of {"document", "start", "end", "text"}')
    add_examples(p, "qcoder search demo.qcoder trussel --lemma",
                 "qcoder search demo.qcoder 'Christiansborg|Folketinget' --regex --json")
    p.set_defaults(func=cmd_search)

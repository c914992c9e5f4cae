"""`qcoder suggest` (coding suggestions from codebook keywords) and `qcoder pseudonymise`."""

from __future__ import annotations

from pathlib import Path

from ..cli import add_examples, open_project, print_json, progress, progress_callback


def cmd_suggest(args) -> int:
    from ..core.documents.texts import document_texts
    from ..core.language.suggest import suggest

    with open_project(args.project) as project:
        found = suggest(project, codebook=args.codebook, documents=args.documents,
                        unit=args.unit, coder=args.coder or None,
                        include_interviewer=args.interviewer,
                        report=progress_callback("Indexing"))
        if args.json:
            print_json([x.as_json() for x in found])
            return 0
        texts = document_texts(project, {x.document_id for x in found})
    for x in found:
        snippet = " ".join(texts[x.document_id][x.start:x.end].split())
        snippet = snippet if len(snippet) <= 70 else snippet[:67] + "..."
        print(f"{x.document}\t{x.start}-{x.end}\t{x.code}\t{', '.join(x.terms)}\t{snippet}")
    codes = len({x.code for x in found})
    progress(f"{len(found)} suggestions for {codes} codes; none is a coding until accepted")
    return 0


def _print_table(rows: list[dict]) -> None:
    heads = {"entity": "Entity", "type": "Type", "occurrences": "Occurrences",
             "pseudonym": "Proposed pseudonym", "found_by": "Found by"}
    widths = {k: max([len(h)] + [len(str(r[k])) for r in rows]) for k, h in heads.items()}
    print("  ".join(h.ljust(widths[k]) for k, h in heads.items()).rstrip())
    for r in rows:
        print("  ".join(str(r[k]).rjust(widths[k]) if k == "occurrences"
                        else str(r[k]).ljust(widths[k]) for k in heads).rstrip())


def cmd_pseudonymise(args) -> int:
    from ..core.privacy.entities import read_user_list
    from ..core.privacy.pseudonymise import (
        apply_plan,
        confirm_pseudonymisation,
        plan_pseudonymisation,
        stale_backups,
    )

    user = read_user_list(Path(args.names)) if args.names else []
    with open_project(args.project) as project:
        plan = plan_pseudonymisation(project, args.documents, Path(args.key), user_list=user,
                                     ignore=args.ignore or ())
        rows = plan.table()
        if args.json:
            print_json(rows)
        elif rows:
            _print_table(rows)
        else:
            print("Nothing to pseudonymise was found.")
        if not args.apply:
            progress(f"Dry run: nothing changed. Review the table, then run again with --apply; "
                     f"the key will be written to {args.key}")
            return 0
        result = apply_plan(project, plan)
        confirm_pseudonymisation(project)
        backups = stale_backups(project)
    progress(f"Pseudonymised {len(args.documents)} document(s) ({result.value} fields changed); "
             f"the key is in {args.key} - keep it apart from the project and its exports")
    for backup in backups:
        progress(f"warning: {backup} is an older copy of the project and still holds the "
                 "original text; delete it")
    return 0


def register(sub) -> None:
    p = sub.add_parser("suggest", help="passages to code, found by the codebook's keywords")
    p.add_argument("project")
    p.add_argument("--codebook", metavar="ID", help="only this codebook's codes (id or name)")
    p.add_argument("--documents", nargs="+", metavar="NAME", help="only these documents")
    p.add_argument("--unit", choices=("sentence", "turn"), default="sentence",
                   help="suggest whole sentences (default) or speaker turns")
    p.add_argument("--coder", metavar="NAME",
                   help="leave out what this coder already coded or rejected")
    p.add_argument("--interviewer", action="store_true",
                   help="include the interviewer's turns (left out by default)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of {code, document, start, end, terms}")
    add_examples(p, "qcoder suggest demo.qcoder --codebook demo --coder Anna --json")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("pseudonymise",
                       help="replace names, places, e-mail, phone and CPR numbers (dry run "
                            "unless --apply)")
    p.add_argument("project")
    p.add_argument("documents", nargs="+", metavar="DOCUMENT")
    p.add_argument("--key", required=True, metavar="KEYFILE.csv",
                   help="the key (original -> pseudonym), kept outside the project; an "
                        "existing key is reused so pseudonyms stay the same across runs")
    p.add_argument("--apply", action="store_true",
                   help="pseudonymise and make it final (without: only show the table)")
    p.add_argument("--names", metavar="FILE",
                   help="more names to replace, one per line, optionally 'text;type'")
    p.add_argument("--ignore", action="append", metavar="ENTITY",
                   help="leave this entity as it is (repeatable)")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    add_examples(p, "qcoder pseudonymise demo.qcoder borgmester_jens --key ../nøgle.csv",
                 "qcoder pseudonymise demo.qcoder borgmester_jens --key ../nøgle.csv --apply")
    p.set_defaults(func=cmd_pseudonymise)

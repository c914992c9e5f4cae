"""`qcoder verdict`, `qcoder verdicts`, `qcoder hypothesis add`, `qcoder counter-evidence`:
recording the researcher's judgement of each hypothesis per case."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json
from ..core.errors import QcoderError


def cmd_verdict(args) -> int:
    from ..core.analysis.verdicts import set_verdict

    cells = []
    for spec in args.cell or []:
        column, sep, statement = spec.partition("=")
        if not sep:
            raise QcoderError(f"--cell {spec!r} must look like 'COLUMN=statement'")
        cells.append((column.strip(), statement.strip()))
    with open_project(args.project) as project:
        set_verdict(project, args.case, args.hypothesis, args.verdict, note=args.note,
                    evidence=tuple(args.evidence) if args.evidence is not None else None,
                    evidence_codes=tuple(args.evidence_code or ()), cells=tuple(cells))
    print(f"{args.case} / {args.hypothesis}: {args.verdict or '(no verdict)'}")
    return 0


def cmd_verdicts(args) -> int:
    from ..core.analysis.listings import verdict_listing

    with open_project(args.project) as project:
        entries = verdict_listing(project, args.hypothesis)
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    for e in entries:
        print(f"{e.hypothesis:<6} {e.case:<30} {e.verdict or '-':<14} "
              f"(forslag: {e.suggestion}, {e.supporting}/{e.contradicting})")
    return 0


def cmd_hypothesis_add(args) -> int:
    from ..core.analysis.hypotheses import create_hypothesis

    with open_project(args.project) as project:
        columns = tuple(c.strip() for c in (args.columns or "").split("|") if c.strip())
        create_hypothesis(project, args.id, args.label or "", args.statement or "", args.kind,
                          columns)
    print(f"Added hypothesis {args.id}")
    return 0


def cmd_counter(args) -> int:
    from ..core.analysis.counter_evidence import flag_counter_evidence

    with open_project(args.project) as project:
        flag_counter_evidence(project, args.coding, args.hypothesis, args.note or "",
                              remove=args.remove)
    state = "no longer flagged" if args.remove else "flagged as counter-evidence (modfortælling)"
    print(f"Coding {args.coding} {state} for {args.hypothesis}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("verdict", help="record a verdict for one case and hypothesis")
    p.add_argument("project")
    p.add_argument("case", help="the case's name")
    p.add_argument("hypothesis", help="the hypothesis id, e.g. H1")
    p.add_argument("verdict", help="støtte, 'delvis støtte', 'ingen støtte', modstrid, "
                   "'ingen data', or '' to clear")
    p.add_argument("--note", help="a note on the verdict")
    p.add_argument("--evidence", nargs="*", metavar="CODING_ID",
                   help="the codings (ids from `qcoder codings --json`) the verdict rests on")
    p.add_argument("--evidence-code", action="append", metavar="CODE_PATH",
                   help="use the case's codings of this code (and sub-codes) as evidence "
                   "(repeatable)")
    p.add_argument("--cell", action="append", metavar="COLUMN=TEXT",
                   help="a condensed statement for a display column (repeatable)")
    add_examples(p, "qcoder verdict demo.qcoder 'Borgmester Jens' H1 støtte "
                    "--evidence-code demo/Policy-seeking")
    p.set_defaults(func=cmd_verdict)

    p = sub.add_parser("verdicts", help="list verdicts with the suggestions from linked codes")
    p.add_argument("project")
    p.add_argument("--hypothesis")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder verdicts demo.qcoder --hypothesis H1")
    p.set_defaults(func=cmd_verdicts)

    p = sub.add_parser("hypothesis", help="add a hypothesis outside the codebooks")
    hsub = p.add_subparsers(dest="hypothesis_command", metavar="ACTION")
    hsub.required = True
    add_examples(p, "qcoder hypothesis add demo.qcoder H5 --label 'Lokal forankring'")
    a = hsub.add_parser("add", help="add a hypothesis")
    a.add_argument("project")
    a.add_argument("id", help="a new id, e.g. H5")
    a.add_argument("--label")
    a.add_argument("--statement")
    a.add_argument("--kind", default="exit", choices=("exit", "retention", "general"))
    a.add_argument("--columns", help="display columns separated by |")
    add_examples(a, "qcoder hypothesis add demo.qcoder H5 --label 'Lokal forankring'")
    a.set_defaults(func=cmd_hypothesis_add)

    p = sub.add_parser("counter-evidence", help="flag a coding as counter-evidence "
                       "(modfortælling) for a hypothesis")
    p.add_argument("project")
    p.add_argument("coding", help="the coding's id")
    p.add_argument("hypothesis")
    p.add_argument("--note")
    p.add_argument("--remove", action="store_true", help="remove the flag")
    add_examples(p, "qcoder counter-evidence demo.qcoder b710ce2e-aec3-4f13-8b80-0b5a55616e7b H1")
    p.set_defaults(func=cmd_counter)

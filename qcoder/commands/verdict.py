"""`qcoder verdict`, `qcoder verdicts`, `qcoder hypothesis add`, `qcoder counter-evidence`:
recording the researcher's judgement of each hypothesis per case."""

from __future__ import annotations

import sqlalchemy as sa

from ..cli import add_examples, open_project, print_json
from ..core.errors import QcoderError


def cmd_verdict(args) -> int:
    from ..core.analysis.hypotheses import (
        SetCell, SetEvidence, SetVerdict, SetVerdictNote, case_by_name, hypothesis_by_ident,
    )
    from ..core.operations import Batch, run

    with open_project(args.project) as project:
        with project.session() as s:
            case_id = case_by_name(s, args.case).id
            hyp_id = hypothesis_by_ident(s, args.hypothesis).id
        ops = [SetVerdict(case_id, hyp_id, args.verdict)]
        if args.note is not None:
            ops.append(SetVerdictNote(case_id, hyp_id, args.note))
        if args.evidence is not None or args.evidence_code:
            evidence = list(args.evidence or [])
            if args.evidence_code:
                evidence += _codings_of(project, case_id, args.evidence_code)
            ops.append(SetEvidence(case_id, hyp_id, tuple(evidence)))
        for spec in args.cell or []:
            column, sep, statement = spec.partition("=")
            if not sep:
                raise QcoderError(f"--cell {spec!r} must look like 'COLUMN=statement'")
            ops.append(SetCell(case_id, hyp_id, column.strip(), statement.strip()))
        run(project, Batch(tuple(ops), label="Set verdict"))
    print(f"{args.case} / {args.hypothesis}: {args.verdict or '(no verdict)'}")
    return 0


def _codings_of(project, case_id: int, paths: list[str]) -> list[str]:
    """The case's codings of the given codes (with their sub-codes)."""
    from ..core.analysis.case_codings import CaseCodings
    from ..core.coding.codings import descendant_ids
    from ..core.lookup import code_by_path

    with project.session() as s:
        ids = set().union(*(descendant_ids(s, code_by_path(s, p).id) for p in paths))
        found = [c.uuid for c in CaseCodings(s, code_ids=ids).codings if c.case_id == case_id]
    if not found:
        raise QcoderError(f"the case has no codings of {', '.join(paths)}; code the passages "
                          "first, or name codings with --evidence")
    return found


def cmd_verdicts(args) -> int:
    from ..core.analysis.case_codings import CaseCodings
    from ..core.analysis.displays import hypothesis_cases
    from ..core.analysis.hypotheses import suggest_verdicts, verdict_states
    from ..core.lookup import hypothesis_by_ident
    from ..core.store.models import Hypothesis

    out = []
    with open_project(args.project) as project, project.session() as s:
        hyps = ([hypothesis_by_ident(s, args.hypothesis)] if args.hypothesis
                else list(s.scalars(sa.select(Hypothesis).order_by(Hypothesis.ident))))
        cc = CaseCodings(s)
        states = verdict_states(s)
        for hyp in hyps:
            suggestions = suggest_verdicts(s, hyp.id, cc)
            for case_id in hypothesis_cases(s, hyp.id, cc):
                suggestion = suggestions[case_id]
                state = states.get((case_id, hyp.id))
                out.append({"case": cc.cases[case_id], "hypothesis": hyp.ident,
                            "verdict": state.verdict if state else None,
                            "suggestion": suggestion.verdict,
                            "supporting": len(suggestion.supporting),
                            "contradicting": len(suggestion.contradicting),
                            "evidence": list(state.evidence) if state else [],
                            "note": state.note if state else "",
                            "cells": {c: st for c, st, _q in state.cells} if state else {}})
    if args.json:
        print_json(out)
        return 0
    for r in out:
        print(f"{r['hypothesis']:<6} {r['case']:<30} {r['verdict'] or '-':<14} "
              f"(forslag: {r['suggestion']}, {r['supporting']}/{r['contradicting']})")
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
    from ..core.analysis.hypotheses import FlagCounterEvidence, UnflagCounterEvidence
    from ..core.lookup import hypothesis_by_ident
    from ..core.operations import run

    with open_project(args.project) as project:
        with project.session() as s:
            hyp_id = hypothesis_by_ident(s, args.hypothesis).id
        if args.remove:
            run(project, UnflagCounterEvidence(args.coding, hyp_id))
        else:
            run(project, FlagCounterEvidence(args.coding, hyp_id, args.note or ""))
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

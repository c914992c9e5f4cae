"""The verdict suggested by the codes linked to a hypothesis, shown beside the researcher's own.

Rules, per case over the codings in view: a coding supports the hypothesis when its code - or
its nearest linked ancestor - is linked with direction "supports", and contradicts it when that
link says "contradicts" or the coding is flagged as counter-evidence. Then: no codings at all
-> "ingen data"; none linked -> "ingen støtte"; only supporting -> "støtte"; more supporting
than contradicting -> "delvis støtte"; otherwise -> "modstrid". A suggestion is never stored:
the verdict is the researcher's (verdicts.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..store.models import Code, CodeHypothesis
from .case_codings import CaseCodings
from .counter_evidence import counter_evidence


def code_directions(session: Session, hypothesis_id: int) -> dict[int, str]:
    """Each code's direction for the hypothesis: its own link, else its nearest linked
    ancestor's; codes without either are absent."""
    links = dict(session.execute(sa.select(CodeHypothesis.code_id, CodeHypothesis.direction)
                                 .where(CodeHypothesis.hypothesis_id == hypothesis_id)).all())
    parents = dict(session.execute(sa.select(Code.id, Code.parent_id)).all())
    out: dict[int, str] = {}
    for code_id in parents:
        node: int | None = code_id
        while node is not None and node not in links:
            node = parents.get(node)
        if node is not None:
            out[code_id] = links[node]
    return out


@dataclass(frozen=True)
class Suggestion:
    verdict: str
    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]


def suggest_verdicts(session: Session, hypothesis_id: int,
                     codings: CaseCodings) -> dict[int, Suggestion]:
    """The suggested verdict for every case (rules in the module docstring)."""
    directions = code_directions(session, hypothesis_id)
    flagged = counter_evidence(session, hypothesis_id)
    support: dict[int, list[str]] = defaultdict(list)
    against: dict[int, list[str]] = defaultdict(list)
    coded: set[int] = set()
    for c in codings.codings:
        coded.add(c.case_id)
        if c.uuid in flagged or directions.get(c.code_id) == "contradicts":
            against[c.case_id].append(c.uuid)
        elif directions.get(c.code_id) == "supports":
            support[c.case_id].append(c.uuid)
    out = {}
    for case_id in codings.cases:
        s, a = support.get(case_id, []), against.get(case_id, [])
        if case_id not in coded:
            verdict = "ingen data"
        elif not s and not a:
            verdict = "ingen støtte"
        elif not a:
            verdict = "støtte"
        elif len(s) > len(a):
            verdict = "delvis støtte"
        else:
            verdict = "modstrid"
        out[case_id] = Suggestion(verdict, tuple(s), tuple(a))
    return out

"""Codings as evidence: the choices a verdict's evidence and a display cell's quotes are taken
from, and where one coding stands towards the project's hypotheses (for its context menus)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from .. import catalog
from ..lookup import code_paths
from ..store.models import Coder, Coding
from ..store.models_analysis import CounterEvidence
from .case_codings import CaseCodings
from .counter_evidence import counter_evidence
from .displays import Options, case_codings
from .suggestions import code_directions
from .verdicts import verdict_states

if TYPE_CHECKING:
    from ..store.project import Project


@dataclass(frozen=True)
class CodingChoice:
    uuid: str
    code: str           # the code's path below its codebook
    coder: str
    quote: str
    direction: str      # supports | contradicts | ""
    flagged: bool       # counter-evidence for the hypothesis


def coding_choices(project: Project, options: Options, case_id: int,
                   hypothesis_id: int) -> list[CodingChoice]:
    """The case's codings in view, those linked to the hypothesis first: counter-evidence,
    supporting, contradicting, then the rest, each in document order."""
    with project.session() as s:
        cc = case_codings(s, options)
        directions = code_directions(s, hypothesis_id)
        flagged = counter_evidence(s, hypothesis_id)
        paths = code_paths(s)
        coders = dict(s.execute(sa.select(Coder.id, Coder.name)).all())
        mine = [c for c in cc.codings if c.case_id == case_id]
        rank = {"supports": 1, "contradicts": 2}
        mine.sort(key=lambda c: (0 if c.uuid in flagged else rank.get(directions.get(c.code_id, ""), 3),
                                 c.document_id, c.start))
        return [CodingChoice(c.uuid, paths[c.code_id].split("/", 1)[-1],
                             coders.get(c.coder_id, ""), cc.quote(c),
                             directions.get(c.code_id, ""), c.uuid in flagged)
                for c in mine]


@dataclass(frozen=True)
class CodingStance:
    """Where a coding stands towards the project's hypotheses."""

    hypotheses: tuple[catalog.HypothesisInfo, ...]
    flagged: set[int]                                 # hypotheses it is counter-evidence for
    cases: list[tuple[int, str]]                      # the cases it belongs to (id, name)
    evidence: dict[tuple[int, int], tuple[str, ...]]  # (case, hypothesis) -> chosen evidence


def coding_stance(project: Project, uuid: str) -> CodingStance | None:
    """The stance of coding `uuid` (None when it is gone), over every coder's codings."""
    with project.session() as s:
        code_id = s.scalar(sa.select(Coding.code_id).where(Coding.uuid == uuid))
        if code_id is None:
            return None
        flagged = set(s.scalars(sa.select(CounterEvidence.hypothesis_id)
                                .where(CounterEvidence.coding_uuid == uuid)))
        cc = CaseCodings(s, code_ids={code_id})
        cases = [(c.case_id, cc.cases[c.case_id]) for c in cc.codings if c.uuid == uuid]
        ids = {case for case, _n in cases}
        evidence = {key: state.evidence for key, state in verdict_states(s).items()
                    if key[0] in ids}
    return CodingStance(tuple(catalog.hypotheses(project)), flagged, cases, evidence)

"""Codings flagged as counter-evidence (modfortælling) for a hypothesis.

A flag holds for the coding in every case it belongs to: the suggestion counts it against the
hypothesis, and the hypothesis display quotes it as a counter-story. Flagging and unflagging
are undoable operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..lookup import hypothesis_by_ident
from ..operations import Result, run
from ..store.models_analysis import CounterEvidence
from .verdicts import require_codings, require_hypothesis

if TYPE_CHECKING:
    from ..store.project import Project


@dataclass(frozen=True)
class FlagCounterEvidence:
    coding_uuid: str
    hypothesis_id: int
    note: str = ""
    label: str = "Flag as counter-evidence"

    def execute(self, session: Session) -> tuple[bool, FlagCounterEvidence | UnflagCounterEvidence]:
        require_codings(session, (self.coding_uuid,))
        require_hypothesis(session, self.hypothesis_id)
        row = session.get(CounterEvidence, (self.coding_uuid, self.hypothesis_id))
        inverse: FlagCounterEvidence | UnflagCounterEvidence
        if row is None:
            session.add(CounterEvidence(coding_uuid=self.coding_uuid,
                                        hypothesis_id=self.hypothesis_id, note=self.note))
            inverse = UnflagCounterEvidence(self.coding_uuid, self.hypothesis_id, self.label)
        else:
            inverse = FlagCounterEvidence(self.coding_uuid, self.hypothesis_id, row.note, self.label)
            row.note = self.note
        session.flush()
        return True, inverse


@dataclass(frozen=True)
class UnflagCounterEvidence:
    coding_uuid: str
    hypothesis_id: int
    label: str = "Remove counter-evidence flag"

    def execute(self, session: Session) -> tuple[bool, FlagCounterEvidence]:
        row = session.get(CounterEvidence, (self.coding_uuid, self.hypothesis_id))
        if row is None:
            raise NotFoundError("the coding is not flagged as counter-evidence for this hypothesis")
        note = row.note
        session.delete(row)
        session.flush()
        return False, FlagCounterEvidence(self.coding_uuid, self.hypothesis_id, note, self.label)


def counter_evidence(session: Session, hypothesis_id: int) -> dict[str, str]:
    """Flagged coding UUIDs for a hypothesis, with their notes."""
    return dict(session.execute(sa.select(CounterEvidence.coding_uuid, CounterEvidence.note)
                                .where(CounterEvidence.hypothesis_id == hypothesis_id)).all())


def flag_counter_evidence(project: Project, coding_uuid: str, hypothesis: str, note: str = "", *,
                          remove: bool = False) -> Result:
    """Flag a coding as counter-evidence for the hypothesis named by its id (or, with
    `remove`, take the flag away)."""
    with project.session() as s:
        hyp_id = hypothesis_by_ident(s, hypothesis).id
    return run(project, UnflagCounterEvidence(coding_uuid, hyp_id) if remove
               else FlagCounterEvidence(coding_uuid, hyp_id, note))

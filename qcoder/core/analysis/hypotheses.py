"""Hypotheses made in the project, and the links between codes and hypotheses.

Hypotheses mostly come with a codebook (its file owns them); a researcher can add one outside
any codebook, and delete it again with its code links, verdicts and counter-evidence flags -
undo restores all of them. A code's link says whether coding it supports or contradicts the
hypothesis (suggestions.py reads the links). Every change is an undoable operation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..codebooks.schema import DIRECTIONS, HYPOTHESIS_KINDS
from ..errors import NotFoundError, QcoderError
from ..lookup import _nfc
from ..operations import Result, run
from ..store.models import Code, CodeHypothesis, Hypothesis, new_uuid
from ..store.models_analysis import CounterEvidence, Verdict, VerdictCell
from .counter_evidence import counter_evidence
from .verdicts import VerdictState, require_hypothesis, verdict_states, write_state

if TYPE_CHECKING:
    from ..store.project import Project


@dataclass(frozen=True)
class HypothesisSpec:
    ident: str
    label: str = ""
    statement: str = ""
    kind: str = "exit"
    display_columns: tuple[str, ...] = ()
    parent_ident: str | None = None
    uuid: str = ""
    id: int | None = None
    codebook_id: int | None = None
    position: int = 0


def _check_spec(session: Session, spec: HypothesisSpec) -> None:
    if not spec.ident.strip():
        raise QcoderError("a hypothesis needs an id, e.g. H5")
    if spec.kind not in HYPOTHESIS_KINDS:
        raise QcoderError(f"unknown hypothesis kind {spec.kind!r}; use {' or '.join(HYPOTHESIS_KINDS)}")
    if session.scalar(sa.select(Hypothesis.id).where(Hypothesis.ident == spec.ident)) is not None:
        raise QcoderError(f"the project already has a hypothesis {spec.ident!r}; choose another id")
    if len(set(spec.display_columns)) != len(spec.display_columns):
        raise QcoderError("display columns must have different names")


@dataclass(frozen=True)
class _Snapshot:
    spec: HypothesisSpec
    links: tuple[tuple[int, str], ...]
    verdicts: tuple[tuple[int, VerdictState], ...]
    flags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CreateHypothesis:
    """A hypothesis made in the project, outside any codebook (or restored after deletion)."""

    spec: HypothesisSpec
    label: str = "Create hypothesis"
    restore: _Snapshot | None = None

    def execute(self, session: Session) -> tuple[int, DeleteHypothesis]:
        spec = self.spec
        _check_spec(session, spec)
        if spec.position == 0 and spec.codebook_id is None and self.restore is None:
            last = session.scalar(sa.select(sa.func.max(Hypothesis.position)))
            spec = replace(spec, position=(last or 0) + 1)
        hyp = Hypothesis(ident=spec.ident, label=spec.label, statement=spec.statement,
                         kind=spec.kind, display_columns=list(spec.display_columns),
                         parent_ident=spec.parent_ident, uuid=spec.uuid or new_uuid(),
                         codebook_id=spec.codebook_id, position=spec.position,
                         **({"id": spec.id} if spec.id is not None else {}))
        session.add(hyp)
        session.flush()
        if self.restore is not None:
            for code_id, direction in self.restore.links:
                session.add(CodeHypothesis(code_id=code_id, hypothesis_id=hyp.id, direction=direction))
            for coding_uuid, note in self.restore.flags:
                session.add(CounterEvidence(coding_uuid=coding_uuid, hypothesis_id=hyp.id, note=note))
            session.flush()
            for case_id, state in self.restore.verdicts:
                write_state(session, case_id, hyp.id, state)
        return hyp.id, DeleteHypothesis(hyp.uuid, label=self.label)


@dataclass(frozen=True)
class DeleteHypothesis:
    """Delete a project hypothesis with its code links, verdicts and counter-evidence flags;
    undo restores all of them. Hypotheses of a codebook belong to the codebook file."""

    uuid: str
    label: str = "Delete hypothesis"

    def execute(self, session: Session) -> tuple[str, CreateHypothesis]:
        hyp = session.scalar(sa.select(Hypothesis).where(Hypothesis.uuid == self.uuid))
        if hyp is None:
            raise NotFoundError(f"no hypothesis with id {self.uuid}")
        if hyp.codebook is not None:
            raise QcoderError(f"hypothesis {hyp.ident} belongs to codebook {hyp.codebook.name!r}; "
                              "remove it from the codebook file and load the file again")
        snapshot = _Snapshot(
            HypothesisSpec(hyp.ident, hyp.label, hyp.statement, hyp.kind,
                           tuple(hyp.display_columns or ()), hyp.parent_ident, hyp.uuid, hyp.id,
                           hyp.codebook_id, hyp.position),
            tuple(session.execute(sa.select(CodeHypothesis.code_id, CodeHypothesis.direction)
                                  .where(CodeHypothesis.hypothesis_id == hyp.id)).all()),
            tuple((case_id, state) for (case_id, _h), state
                  in sorted(verdict_states(session, hyp.id).items())),
            tuple(sorted(counter_evidence(session, hyp.id).items())),
        )
        verdicts = sa.select(Verdict.id).where(Verdict.hypothesis_id == hyp.id)
        session.execute(sa.delete(VerdictCell).where(VerdictCell.verdict_id.in_(verdicts)))
        for model in (CodeHypothesis, CounterEvidence, Verdict):
            session.execute(sa.delete(model).where(model.hypothesis_id == hyp.id))
        session.delete(hyp)
        session.flush()
        return snapshot.spec.ident, CreateHypothesis(snapshot.spec, self.label, snapshot)


@dataclass(frozen=True)
class LinkCode:
    """Link a code to a hypothesis with a direction; direction None removes the link."""

    code_id: int
    hypothesis_id: int
    direction: str | None
    label: str = "Link code to hypothesis"

    def execute(self, session: Session) -> tuple[str | None, LinkCode]:
        if self.direction is not None and self.direction not in DIRECTIONS:
            raise QcoderError(f"unknown direction {self.direction!r}; use {' or '.join(DIRECTIONS)}")
        if session.get(Code, self.code_id) is None:
            raise NotFoundError(f"code id {self.code_id} is not in the project")
        require_hypothesis(session, self.hypothesis_id)
        row = session.get(CodeHypothesis, (self.code_id, self.hypothesis_id))
        old = row.direction if row is not None else None
        if self.direction is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(CodeHypothesis(code_id=self.code_id, hypothesis_id=self.hypothesis_id,
                                       direction=self.direction))
        else:
            row.direction = self.direction
        session.flush()
        return self.direction, LinkCode(self.code_id, self.hypothesis_id, old, self.label)


def create_hypothesis(project: Project, ident: str, label: str = "", statement: str = "",
                      kind: str = "exit", display_columns: tuple[str, ...] = ()) -> Result:
    return run(project, CreateHypothesis(HypothesisSpec(_nfc(ident), label, statement, kind,
                                                        tuple(display_columns))))

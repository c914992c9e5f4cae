"""Memos on documents, codes and cases, and the project journal - as undoable operations.

A document, code or case has one memo (its running note); the journal is a list of dated
entries on the project. A memo on a coding lives on the coding itself (coding.SetCodingMemo).
Memos are kept by UUID, so undoing a deletion brings back the same memo with its dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..operations import Result, run
from ..store import Project
from ..store.models import Case, Code, Document, Memo, new_uuid, utcnow

#: memo target kinds handled here, with the model their target UUID names
TARGETS: dict[str, type[Document] | type[Code] | type[Case] | None] = {
    "project": None, "document": Document, "code": Code, "case": Case}


@dataclass(frozen=True)
class MemoData:
    uuid: str
    kind: str
    target_uuid: str | None
    title: str
    text: str
    coder_id: int | None
    created: datetime
    updated: datetime

    @classmethod
    def of(cls, memo: Memo) -> MemoData:
        return cls(memo.uuid, memo.target_kind, memo.target_uuid, memo.title, memo.text,
                   memo.coder_id, memo.created, memo.updated)


def _check_target(session: Session, kind: str, target_uuid: str | None) -> None:
    if kind not in TARGETS:
        raise QcoderError(f"memos attach to {', '.join(TARGETS)}, not {kind!r}")
    model = TARGETS[kind]
    if model is None:
        return
    if session.scalar(sa.select(model.id).where(model.uuid == target_uuid)) is None:
        raise NotFoundError(f"no {kind} with id {target_uuid} in the project (it may have been "
                            "deleted); the memo was not saved")


@dataclass(frozen=True)
class SaveMemo:
    """Create the memo `uuid` (new when empty) or replace its title and text."""

    kind: str
    target_uuid: str | None
    text: str
    title: str = ""
    coder_id: int | None = None
    uuid: str = ""
    created: datetime | None = None
    label: str = "Edit memo"

    def execute(self, session: Session) -> tuple[str, DeleteMemo | SaveMemo]:
        memo = session.scalar(sa.select(Memo).where(Memo.uuid == self.uuid)) if self.uuid else None
        if memo is None:
            _check_target(session, self.kind, self.target_uuid)
            memo = Memo(uuid=self.uuid or new_uuid(), target_kind=self.kind,
                        target_uuid=self.target_uuid, coder_id=self.coder_id, title=self.title,
                        text=self.text, created=self.created or utcnow(), updated=utcnow())
            session.add(memo)
            return memo.uuid, DeleteMemo(memo.uuid, label=self.label)
        old = MemoData.of(memo)
        memo.title, memo.text, memo.updated = self.title, self.text, utcnow()
        if self.coder_id is not None:
            memo.coder_id = self.coder_id
        return memo.uuid, SaveMemo(old.kind, old.target_uuid, old.text, old.title, old.coder_id,
                                   old.uuid, old.created, label=self.label)


@dataclass(frozen=True)
class DeleteMemo:
    uuid: str
    label: str = "Delete memo"

    def execute(self, session: Session) -> tuple[MemoData, SaveMemo]:
        memo = session.scalar(sa.select(Memo).where(Memo.uuid == self.uuid))
        if memo is None:
            raise NotFoundError(f"no memo with id {self.uuid} (it may have been deleted already)")
        old = MemoData.of(memo)
        session.delete(memo)
        session.flush()
        return old, SaveMemo(old.kind, old.target_uuid, old.text, old.title, old.coder_id,
                             old.uuid, old.created, label=self.label)


def memo_on(project: Project, kind: str, target_uuid: str) -> MemoData | None:
    """The memo of a document, code or case (the most recently edited, if there are several)."""
    with project.session() as s:
        memo = s.scalar(sa.select(Memo).where(Memo.target_kind == kind,
                                              Memo.target_uuid == target_uuid)
                        .order_by(Memo.updated.desc(), Memo.id.desc()).limit(1))
        return MemoData.of(memo) if memo else None


def journal(project: Project) -> list[MemoData]:
    """The project journal's entries, oldest first."""
    with project.session() as s:
        return [MemoData.of(m) for m in s.scalars(
            sa.select(Memo).where(Memo.target_kind == "project").order_by(Memo.created, Memo.id))]


@dataclass(frozen=True)
class MemoTarget:
    """A document, code or case a memo is on: its UUID (what the memo keeps) and its name."""

    kind: str
    uuid: str
    name: str


def memo_target(project: Project, kind: str, *, id: int | None = None,
                uuid: str | None = None) -> MemoTarget | None:
    """The document, code or case with this id or UUID, or None when it is not (any longer)
    in the project; the memo dialog shows its name and saves the memo on its UUID."""
    model = TARGETS.get(kind)
    if model is None:
        raise QcoderError(f"memos on one item attach to a document, code or case, not {kind!r}")
    where = model.id == id if id is not None else model.uuid == uuid
    with project.session() as s:
        row = s.execute(sa.select(model.uuid, model.name).where(where)).first()
    return MemoTarget(kind, *row) if row is not None else None


def set_memo(project: Project, kind: str, target_uuid: str | None, text: str, *, title: str = "",
             coder_id: int | None = None) -> Result:
    """Write the memo of a target (creating it), or add a journal entry for kind "project"."""
    existing = (memo_on(project, kind, target_uuid)
                if kind != "project" and target_uuid is not None else None)
    return run(project, SaveMemo(kind, target_uuid, text, title, coder_id,
                                 existing.uuid if existing else ""))

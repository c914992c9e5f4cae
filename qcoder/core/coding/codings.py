"""Applying, removing, resizing, merging and listing codings.

Offsets are code points into the stored document text. Every change is an undoable operation
(see operations.py); the module-level functions run one and return its `Result`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..lookup import code_by_path, code_paths, coder_by_name
from ..operations import Batch, Operation, Result, run
from ..store import Project
from ..store.models import Code, Coder, Coding, Document, new_uuid, utcnow


class HasId(Protocol):
    """A row of the project, or a catalog entry for one: whatever carries its id."""

    @property
    def id(self) -> int: ...


#: a document, code or coder, by id or as an object that has one
IdRef = int | HasId


def id_of(obj: IdRef) -> int:
    return obj if isinstance(obj, int) else obj.id


@dataclass(frozen=True)
class CodingSpec:
    """Everything needed to (re)create one coding, so removal can be undone exactly."""

    document_id: int
    start: int
    end: int
    code_id: int
    coder_id: int
    round: int = 1
    memo: str = ""
    origin: str = "manual"
    uuid: str = ""
    created: datetime | None = None

    @classmethod
    def of(cls, coding: Coding) -> CodingSpec:
        return cls(
            coding.document_id, coding.start, coding.end, coding.code_id, coding.coder_id,
            coding.round, coding.memo, coding.origin, coding.uuid, coding.created,
        )


def check_range(document: Document, start: int, end: int) -> None:
    if not (0 <= start < end <= len(document.text)):
        raise QcoderError(
            f"range {start}-{end} does not fit document {document.name!r} "
            f"({len(document.text)} characters): start must be >= 0 and below end, "
            f"end at most {len(document.text)}"
        )


def _document(session: Session, document_id: int) -> Document:
    """The document, kept referenced for the session: the identity map holds objects weakly,
    and a bulk batch would otherwise reload (and autoflush) the same document per coding."""
    held: dict[int, Document] = session.info.setdefault("held_documents", {})
    if document_id not in held:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFoundError(f"document id {document_id} is not in the project")
        held[document_id] = document
    return held[document_id]


def _coding(session: Session, uuid: str) -> Coding:
    coding = session.scalar(sa.select(Coding).where(Coding.uuid == uuid))
    if coding is None:
        raise NotFoundError(f"no coding with id {uuid} (it may have been removed already)")
    return coding


@dataclass(frozen=True)
class ApplyCoding:
    spec: CodingSpec
    label: str = "Apply code"

    def execute(self, session: Session) -> tuple[str, RemoveCoding]:
        spec = self.spec
        check_range(_document(session, spec.document_id), spec.start, spec.end)
        coding = Coding(
            uuid=spec.uuid or new_uuid(),
            document_id=spec.document_id, start=spec.start, end=spec.end,
            code_id=spec.code_id, coder_id=spec.coder_id, round=spec.round,
            memo=spec.memo, origin=spec.origin, created=spec.created or utcnow(),
        )
        session.add(coding)  # the UUID is made here, so no flush is needed for it
        return coding.uuid, RemoveCoding(coding.uuid, label=self.label)


@dataclass(frozen=True)
class RemoveCoding:
    uuid: str
    label: str = "Remove coding"

    def execute(self, session: Session) -> tuple[CodingSpec, ApplyCoding]:
        coding = _coding(session, self.uuid)
        spec = CodingSpec.of(coding)
        session.delete(coding)
        session.flush()
        return spec, ApplyCoding(spec, label=self.label)


@dataclass(frozen=True)
class ResizeCoding:
    uuid: str
    start: int
    end: int
    label: str = "Resize coding"

    def execute(self, session: Session) -> tuple[tuple[int, int], ResizeCoding]:
        coding = _coding(session, self.uuid)
        check_range(coding.document, self.start, self.end)
        old = (coding.start, coding.end)
        coding.start, coding.end = self.start, self.end
        return (self.start, self.end), ResizeCoding(self.uuid, *old, label=self.label)


@dataclass(frozen=True)
class SetCodingMemo:
    uuid: str
    memo: str
    label: str = "Edit coding memo"

    def execute(self, session: Session) -> tuple[str, SetCodingMemo]:
        coding = _coding(session, self.uuid)
        old = coding.memo
        coding.memo = self.memo
        return self.memo, SetCodingMemo(self.uuid, old, label=self.label)


def apply_coding(project: Project, document: IdRef, start: int, end: int, code: IdRef,
                 coder: IdRef, *, round: int | None = None, memo: str = "",
                 origin: str = "manual") -> Result:
    """Code [start, end) of `document`; the result's value is the new coding's UUID."""
    spec = CodingSpec(
        id_of(document), start, end, id_of(code), id_of(coder),
        round=round if round is not None else project.current_round, memo=memo, origin=origin,
    )
    return run(project, ApplyCoding(spec))


def remove_coding(project: Project, uuid: str) -> Result:
    return run(project, RemoveCoding(uuid))


def resize_coding(project: Project, uuid: str, start: int, end: int) -> Result:
    return run(project, ResizeCoding(uuid, start, end))


def set_coding_memo(project: Project, uuid: str, memo: str) -> Result:
    return run(project, SetCodingMemo(uuid, memo))


def merge_overlapping(project: Project, code: IdRef, coder: IdRef,
                      document: IdRef | None = None) -> Result:
    """Join each run of overlapping or touching codings of one code by one coder into one.

    The merged coding keeps the earliest coding's UUID, round and origin; memos are joined.
    The value is the number of codings removed by merging.
    """
    with project.session() as s:
        query = sa.select(Coding).where(Coding.code_id == id_of(code), Coding.coder_id == id_of(coder))
        if document is not None:
            query = query.where(Coding.document_id == id_of(document))
        codings = list(s.scalars(query.order_by(Coding.document_id, Coding.start, Coding.end)))
    ops: list[Operation] = []
    removed = 0
    group: list[Coding] = []

    def flush_group() -> None:
        nonlocal removed
        if len(group) < 2:
            return
        first = group[0]
        memo = "\n\n".join(c.memo for c in group if c.memo)
        merged = replace(
            CodingSpec.of(first), end=max(c.end for c in group), memo=memo
        )
        ops.extend(RemoveCoding(c.uuid) for c in group)
        ops.append(ApplyCoding(merged))
        removed += len(group) - 1

    for coding in codings:
        if group and coding.document_id == group[0].document_id and coding.start <= max(
            c.end for c in group
        ):
            group.append(coding)
        else:
            flush_group()
            group = [coding]
    flush_group()
    result = run(project, Batch(tuple(ops), label="Merge overlapping codings"))
    return Result(removed, result.inverse)


@dataclass(frozen=True)
class CodingRow:
    uuid: str
    document: str
    start: int
    end: int
    code: str
    coder: str
    round: int
    memo: str
    origin: str
    text: str

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document, "start": self.start, "end": self.end,
            "code": self.code, "coder": self.coder, "text": self.text, "id": self.uuid,
        }


def list_codings(project: Project, *, document: IdRef | None = None,
                 coder: str | IdRef | None = None, code: str | IdRef | None = None,
                 with_children: bool = False) -> list[CodingRow]:
    """Codings ordered by document and position, optionally filtered; with their text.

    `coder` and `code` may also be what a user typed: a coder's name, a code's path
    (NotFoundError names close matches)."""
    with project.session() as s:
        if isinstance(coder, str):
            coder = coder_by_name(s, coder)
        if isinstance(code, str):
            code = code_by_path(s, code)
        query = (
            sa.select(Coding.uuid, Coding.document_id, Document.name, Coding.start, Coding.end,
                      Coding.code_id, Coder.name.label("coder"), Coding.round, Coding.memo,
                      Coding.origin)
            .join(Document, Coding.document_id == Document.id)
            .join(Coder, Coding.coder_id == Coder.id)
            .order_by(Document.name, Coding.start, Coding.end, Coding.id)
        )
        if document is not None:
            query = query.where(Coding.document_id == id_of(document))
        if coder is not None:
            query = query.where(Coding.coder_id == id_of(coder))
        if code is not None:
            ids = {id_of(code)}
            if with_children:
                ids = descendant_ids(s, id_of(code))
            query = query.where(Coding.code_id.in_(ids))
        paths = code_paths(s)
        rows = s.execute(query).all()
        # each document's text is read once, not once per coding
        texts = dict(s.execute(sa.select(Document.id, Document.text).where(
            Document.id.in_({r.document_id for r in rows}))).all())
        return [
            CodingRow(r.uuid, r.name, r.start, r.end, paths[r.code_id], r.coder, r.round,
                      r.memo, r.origin, texts[r.document_id][r.start:r.end])
            for r in rows
        ]


def descendant_ids(session: Session, code_id: int) -> set[int]:
    """The code and all codes below it."""
    children: dict[int | None, list[int]] = {}
    for cid, parent in session.execute(sa.select(Code.id, Code.parent_id)):
        children.setdefault(parent, []).append(cid)
    found: set[int] = set()
    todo = [code_id]
    while todo:
        cid = todo.pop()
        found.add(cid)
        todo.extend(children.get(cid, []))
    return found

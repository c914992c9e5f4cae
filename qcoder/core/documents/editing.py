"""Editing a transcript after coding: the text changes, codings and structure move with it.

Researchers fix transcription errors after they have coded. An edit replaces the document's
text; every coding, turn, page, section and rejected suggestion is carried to its new place
through a diff of old and new text (offset_map.py). A coding whose text was deleted entirely is
moved to the detached list (models_editing.DetachedCoding) and reported - never dropped
silently. The edit is one undoable operation: undo restores the old text and every offset
exactly, detached codings included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..language.text_index import RefreshIndex
from ..lookup import code_paths, document_by_name
from ..operations import Result, run
from ..store import Project
from ..store.models import Coder, Coding, Document, StructureRange, utcnow
from ..store.models_editing import DetachedCoding
from ..store.models_nlp import SuggestionRejection
from .offset_map import OffsetMap
from .removal import ColumnValues, column_values
from .transcript import content_hash, normalise_text


@dataclass
class DetachedInfo:
    uuid: str
    document: str
    code: str
    coder: str
    text: str
    start: int
    end: int

    def as_json(self) -> dict[str, object]:
        return {"uuid": self.uuid, "document": self.document, "code": self.code,
                "coder": self.coder, "text": self.text, "start": self.start, "end": self.end}


@dataclass
class EditReport:
    document: str
    codings: int = 0          # codings carried over
    moved: int = 0            # ... of which at new offsets
    changed: int = 0          # ... of which now cover different text (edited inside)
    detached: list[DetachedInfo] = field(default_factory=list)
    ranges_dropped: int = 0   # turns/pages/sections whose text was deleted

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "codings": self.codings, "moved": self.moved,
                "changed": self.changed, "detached": [d.as_json() for d in self.detached],
                "ranges_dropped": self.ranges_dropped}


def _detached_info(session: Session, rows: list[DetachedCoding],
                   document: str) -> list[DetachedInfo]:
    paths = code_paths(session)
    coders = dict(session.execute(sa.select(Coder.id, Coder.name)).all())
    return [DetachedInfo(r.uuid, document, paths.get(r.code_id, "?"), coders.get(r.coder_id, "?"),
                         r.text, r.start, r.end) for r in rows]


@dataclass(frozen=True)
class EditText:
    """Replace a document's text, carrying offsets along."""

    document_id: int
    text: str
    label: str = "Edit transcript"

    def execute(self, session: Session) -> tuple[EditReport, RestoreText]:
        doc = session.get(Document, self.document_id)
        if doc is None:
            raise NotFoundError(f"document id {self.document_id} is not in the project")
        old, new = doc.text, normalise_text(self.text)
        if not new.strip():
            raise QcoderError(f"the new text of {doc.name!r} is empty; an edit cannot delete a "
                              "whole document")
        mapping = OffsetMap(old, new)
        report = EditReport(doc.name)
        ranges_before = tuple(column_values(r) for r in doc.ranges)
        for r in list(doc.ranges):
            if r.kind == "turn":
                ns, ne = mapping.start(r.start), mapping.end(r.end)
            else:
                ns, ne = mapping.position(r.start), mapping.position(r.end)
            if ne > ns:
                r.start, r.end = ns, ne
            else:
                session.delete(r)
                report.ranges_dropped += 1
        positions: list[tuple[str, int, int]] = []
        detached: list[DetachedCoding] = []
        for coding in list(doc.codings):
            positions.append((coding.uuid, coding.start, coding.end))
            place = mapping.range(coding.start, coding.end)
            if place is None:
                detached.append(DetachedCoding(
                    uuid=coding.uuid, document_id=doc.id, code_id=coding.code_id,
                    coder_id=coding.coder_id, round=coding.round, memo=coding.memo,
                    origin=coding.origin, created=coding.created, start=coding.start,
                    end=coding.end, text=old[coding.start:coding.end], detached=utcnow()))
                session.delete(coding)
                continue
            report.codings += 1
            report.moved += place != (coding.start, coding.end)
            report.changed += new[place[0]:place[1]] != old[coding.start:coding.end]
            coding.start, coding.end = place
        rejections = list(session.scalars(sa.select(SuggestionRejection)
                                          .where(SuggestionRejection.document_id == doc.id)))
        rejections_before = tuple(column_values(r) for r in rejections)
        for rej in rejections:
            place = mapping.range(rej.start, rej.end)
            if place is None:
                session.delete(rej)
            else:
                rej.start, rej.end = place
        session.flush()
        detached.sort(key=lambda d: (d.start, d.end))
        session.add_all(detached)
        doc.text, doc.content_hash = new, content_hash(new)
        session.flush()
        RefreshIndex((doc.id,)).execute(session)  # sentences and lemmas follow the new text
        report.detached = _detached_info(session, detached, doc.name)
        inverse = RestoreText(doc.id, old, tuple(positions), ranges_before, rejections_before,
                              tuple(d.uuid for d in detached), new, self.label)
        return report, inverse


@dataclass(frozen=True)
class RestoreText:
    """Undo an edit: the old text, every offset as it was, detached codings back as codings."""

    document_id: int
    text: str
    positions: tuple[tuple[str, int, int], ...]
    ranges: tuple[ColumnValues, ...]
    rejections: tuple[ColumnValues, ...]
    detached: tuple[str, ...]
    redo_text: str
    label: str = "Edit transcript"

    def execute(self, session: Session) -> tuple[str, EditText]:
        doc = session.get_one(Document, self.document_id)
        for row in session.scalars(sa.select(DetachedCoding)
                                   .where(DetachedCoding.uuid.in_(self.detached))):
            session.add(Coding(uuid=row.uuid, document_id=row.document_id, start=row.start,
                               end=row.end, code_id=row.code_id, coder_id=row.coder_id,
                               round=row.round, created=row.created, memo=row.memo,
                               origin=row.origin))
            session.delete(row)
        session.flush()
        where = {uuid: (s, e) for uuid, s, e in self.positions}
        for coding in session.scalars(sa.select(Coding).where(Coding.document_id == doc.id)):
            if coding.uuid in where:
                coding.start, coding.end = where[coding.uuid]
        for model, rows in ((StructureRange, self.ranges), (SuggestionRejection, self.rejections)):
            session.execute(sa.delete(model).where(model.document_id == doc.id))
            if rows:
                session.execute(sa.insert(model), list(rows))
        doc.text, doc.content_hash = self.text, content_hash(self.text)
        session.flush()
        RefreshIndex((doc.id,)).execute(session)
        session.expire(doc)
        return doc.name, EditText(self.document_id, self.redo_text, self.label)


def edit_text(project: Project, document: str | int, new_text: str) -> Result:
    """Replace a document's text; the value is an EditReport."""
    with project.session() as s:
        doc_id = document if isinstance(document, int) else document_by_name(s, document).id
    return run(project, EditText(doc_id, new_text))


def detached_codings(project: Project, document: str | int | None = None) -> list[DetachedInfo]:
    """The codings edits have detached, newest first."""
    with project.session() as s:
        query = sa.select(DetachedCoding, Document.name).join(
            Document, Document.id == DetachedCoding.document_id)
        if document is not None:
            doc_id = document if isinstance(document, int) else document_by_name(s, document).id
            query = query.where(DetachedCoding.document_id == doc_id)
        out: list[DetachedInfo] = []
        for row, name in s.execute(query.order_by(DetachedCoding.detached.desc(),
                                                   DetachedCoding.id)):
            out.extend(_detached_info(s, [row], name))
        return out


@dataclass(frozen=True)
class ReattachCoding:
    """Apply a detached coding again, at a place the user chose, with its own UUID."""

    uuid: str
    start: int
    end: int
    label: str = "Re-attach coding"

    def execute(self, session: Session) -> tuple[str, DetachAgain]:
        row = session.scalar(sa.select(DetachedCoding).where(DetachedCoding.uuid == self.uuid))
        if row is None:
            raise NotFoundError(f"no detached coding with id {self.uuid}")
        doc = session.get_one(Document, row.document_id)
        if not 0 <= self.start < self.end <= len(doc.text):
            raise QcoderError(f"range {self.start}-{self.end} does not fit document {doc.name!r} "
                              f"({len(doc.text)} characters)")
        kept = column_values(row)
        session.add(Coding(uuid=row.uuid, document_id=row.document_id, start=self.start,
                           end=self.end, code_id=row.code_id, coder_id=row.coder_id,
                           round=row.round, created=row.created, memo=row.memo,
                           origin=row.origin))
        session.delete(row)
        session.flush()
        return self.uuid, DetachAgain(kept, self.label)


@dataclass(frozen=True)
class DetachAgain:
    row: ColumnValues
    label: str = "Re-attach coding"

    def execute(self, session: Session) -> tuple[str, ReattachCoding]:
        coding = session.scalars(sa.select(Coding).where(Coding.uuid == self.row["uuid"])).one()
        place = (coding.start, coding.end)
        session.delete(coding)
        session.flush()
        session.add(DetachedCoding(**self.row))
        session.flush()
        return self.row["uuid"], ReattachCoding(self.row["uuid"], *place, self.label)

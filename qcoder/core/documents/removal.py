"""Removing documents as an undoable operation, and putting them back exactly.

Undoing an import removes the documents it added; undoing that removal restores each document
from a snapshot with its ids, UUIDs, speakers, turns, pages, sections, case links and codings,
so nothing that pointed at it (memos, coder packages, exports) loses its target.
Detached codings and rejected suggestions of the document come back too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..store.models import Base, Coding, Document, DocumentCase, Speaker, StructureRange
from ..store.models_editing import DetachedCoding
from ..store.models_nlp import SuggestionRejection, TextIndex

#: a row's column values by column name, as `sa.insert` and the model's constructor take them
ColumnValues = dict[str, Any]


def column_values(obj: Base) -> ColumnValues:
    return {c.key: getattr(obj, c.key) for c in sa.inspect(type(obj)).column_attrs}


#: Tables whose rows belong to one document (by document_id), restored in this order. The
#: text index is left out: it is a cache, rebuilt when needed.
OWNED = (Speaker, StructureRange, Coding, DetachedCoding, SuggestionRejection, TextIndex)


@dataclass(frozen=True)
class DocumentSnapshot:
    """Every row that belongs to one document, as column dicts."""

    document: ColumnValues
    owned: tuple[tuple[ColumnValues, ...], ...]    # rows per table in OWNED
    case_ids: tuple[int, ...]

    @classmethod
    def take(cls, session: Session, doc: Document) -> DocumentSnapshot:
        return cls(
            column_values(doc),
            tuple(tuple(column_values(r) for r in session.scalars(
                sa.select(model).where(model.document_id == doc.id))) for model in OWNED),
            tuple(session.scalars(sa.select(DocumentCase.case_id)
                                  .where(DocumentCase.document_id == doc.id))),
        )

    def restore(self, session: Session) -> None:
        session.add(Document(**self.document))
        session.flush()
        for model, rows in zip(OWNED, self.owned):
            if rows:
                session.execute(sa.insert(model), list(rows))
        if self.case_ids:
            session.execute(sa.insert(DocumentCase), [
                {"document_id": self.document["id"], "case_id": c} for c in self.case_ids])


@dataclass(frozen=True)
class RemoveDocuments:
    uuids: tuple[str, ...]
    label: str = "Remove documents"

    def execute(self, session: Session) -> tuple[int, RestoreDocuments]:
        snapshots = []
        for uuid in self.uuids:
            doc = session.scalar(sa.select(Document).where(Document.uuid == uuid))
            if doc is None:
                continue
            snapshots.append(DocumentSnapshot.take(session, doc))
            session.delete(doc)
        session.flush()
        return len(snapshots), RestoreDocuments(tuple(snapshots), label=self.label)


@dataclass(frozen=True)
class RestoreDocuments:
    snapshots: tuple[DocumentSnapshot, ...]
    label: str = "Restore documents"

    def execute(self, session: Session) -> tuple[int, RemoveDocuments]:
        for snap in self.snapshots:
            snap.restore(session)
        session.flush()
        uuids = tuple(s.document["uuid"] for s in self.snapshots)
        return len(uuids), RemoveDocuments(uuids, label=self.label)

"""Documents' stored text, for views that quote or show context around offsets into it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import NotFoundError
from ..lookup import document_by_name
from ..store import Project
from ..store.models import Document


def document_texts(project: Project, ids: Iterable[int]) -> dict[int, str]:
    """The texts of the given documents by id, read in one query; ids not in the project are
    left out (the document was removed)."""
    with project.session() as s:
        return dict(s.execute(sa.select(Document.id, Document.text)
                              .where(Document.id.in_(set(ids)))).all())


@dataclass(frozen=True)
class DocumentText:
    id: int
    name: str
    text: str


def document_text(project: Project, document: str | int) -> DocumentText:
    """A document's stored text, by the name a user typed (NotFoundError names close matches)
    or by id: what an editor opens and edit_text replaces."""
    with project.session() as s:
        doc = s.get(Document, document) if isinstance(document, int) else document_by_name(
            s, document)
        if doc is None:
            raise NotFoundError(f"document id {document} is not in the project")
        return DocumentText(doc.id, doc.name, doc.text)

"""Documents' stored text, for views that quote or show context around offsets into it."""

from __future__ import annotations

from typing import Iterable

import sqlalchemy as sa

from ..lookup import document_by_name
from ..store.models import Document


def document_texts(project, ids: Iterable[int]) -> dict[int, str]:
    """The texts of the given documents by id, read in one query; ids not in the project are
    left out (the document was removed)."""
    with project.session() as s:
        return dict(s.execute(sa.select(Document.id, Document.text)
                              .where(Document.id.in_(set(ids)))).all())


def document_text(project, name: str) -> str:
    """The text of the document a user named; NotFoundError names close matches."""
    with project.session() as s:
        return document_by_name(s, name).text

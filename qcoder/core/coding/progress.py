"""How far a coder has got with each document: the share of its text the coder's codings
cover (overlaps counted once), and how many codings that is. Read in two queries, without
loading document texts, so the document list can show it for hundreds of documents at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ..store import Project
from ..store.models import Coder, Coding, Document


@dataclass(frozen=True)
class Progress:
    chars: int
    covered: int
    codings: int

    @property
    def share(self) -> float:
        return self.covered / self.chars if self.chars else 0.0


def covered_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Length of the union of sorted (start, end) intervals."""
    total, reach = 0, -1
    for start, end in intervals:
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total


def coding_progress(project: Project, coders: set[str] | None = None,
                    documents: list[int] | None = None) -> dict[int, Progress]:
    """Progress per document id for the codings of `coders` (names; None: everyone's), of
    every document or only the given ones."""
    with project.session() as s:
        lengths = sa.select(Document.id, sa.func.length(Document.text))
        query = (sa.select(Coding.document_id, Coding.start, Coding.end)
                 .order_by(Coding.document_id, Coding.start))
        if documents is not None:
            lengths = lengths.where(Document.id.in_(documents))
            query = query.where(Coding.document_id.in_(documents))
        chars: dict[int, int] = dict(s.execute(lengths).all())
        if coders is not None:
            query = query.join(Coder, Coder.id == Coding.coder_id).where(Coder.name.in_(coders))
        spans: dict[int, list[tuple[int, int]]] = {}
        for doc_id, start, end in s.execute(query):
            spans.setdefault(doc_id, []).append((start, end))
    return {doc_id: Progress(n, covered_length(spans.get(doc_id, ())), len(spans.get(doc_id, ())))
            for doc_id, n in chars.items()}

"""What the suggestions pane shows of each suggestion: its passage's text, where the code's
terms matched in it, and the code's colour - and whether a listed passage still reads so.

Marks come from the stored text index (the same lemmas `suggest` matched), as offsets into the
passage, so the pane can highlight them without analysing any text itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ..documents.texts import document_texts
from ..store import Project
from ..store.models import Code
from .suggest import Suggestion
from .text_index import compile_term, load_indexes


@dataclass(frozen=True)
class Candidate:
    """A suggestion with its passage's text, where its terms matched in it (offsets into
    `text`) and its code's colour."""

    suggestion: Suggestion
    text: str
    marks: tuple[tuple[int, int], ...]
    color: str

    @property
    def key(self) -> tuple[int, int, int, int]:
        x = self.suggestion
        return x.code_id, x.document_id, x.start, x.end


def find_candidates(project: Project, suggestions: list[Suggestion]) -> list[Candidate]:
    """The suggestions with their passages and matched terms, read from the stored index."""
    by_doc: dict[int, list[Suggestion]] = {}
    for x in suggestions:
        by_doc.setdefault(x.document_id, []).append(x)
    texts = document_texts(project, by_doc)
    out: list[Candidate] = []
    with project.session() as s:
        colors = dict(s.execute(sa.select(Code.id, Code.color)).all())
        for index in load_indexes(s, list(by_doc)):
            hits: dict[str, list[tuple[int, int]]] = {}
            for x in by_doc[index.document_id]:
                marks: set[tuple[int, int]] = set()
                for term in x.terms:
                    if term not in hits:
                        hits[term] = index.find(compile_term(term))
                    marks.update((a - x.start, b - x.start) for a, b in hits[term]
                                 if a >= x.start and b <= x.end)
                out.append(Candidate(x, texts[index.document_id][x.start:x.end],
                                     tuple(sorted(marks)), colors.get(x.code_id, "#999999")))
    return out


def still_current(project: Project, candidates: Iterable[Candidate]) -> bool:
    """Whether each candidate's passage still reads as it did (no edit moved it)."""
    candidates = list(candidates)
    texts = document_texts(project, {c.suggestion.document_id for c in candidates})
    return all(texts.get(c.suggestion.document_id, "")[c.suggestion.start:c.suggestion.end]
               == c.text for c in candidates)

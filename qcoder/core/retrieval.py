"""Coded segments of a code (with its sub-codes): the passages, where they stand, and how to
cite them - what the retrieval pane lists and copies.

A segment's case is the case of the speaker whose turn it starts in, when that speaker is
linked to a case (a focus-group participant), else the document's case. Its citation follows
the corpus templates of case_codings.fallback_citation ("(Jens, bilag 2, s. 3)").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import sqlalchemy as sa

from .case_codings import fallback_citation
from .cases import case_attributes
from .coding import descendant_ids
from .lookup import code_paths
from .store.models import (
    Case, Code, Coder, Coding, Document, DocumentCase, Speaker, StructureRange,
)


@dataclass(frozen=True)
class Segment:
    uuid: str
    document_id: int
    document: str
    start: int
    end: int
    text: str
    code_id: int
    code: str
    color: str
    coder: str
    memo: str
    case: str
    speaker: str
    page: str | None
    citation: str

    def quote(self) -> str:
        """The passage, white space folded, with its citation - for the clipboard."""
        return f"\u201d{' '.join(self.text.split())}\u201d {self.citation}"

    def as_json(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end,
                "code": self.code, "coder": self.coder, "case": self.case,
                "speaker": self.speaker, "citation": self.citation, "memo": self.memo,
                "text": self.text}


class _DocInfo:
    """Turns (with speaker and speaker case), pages and the case of one document."""

    def __init__(self, kind: str, text: str, case_id: int | None):
        self.kind, self.text, self.case_id = kind, text, case_id
        self.turn_starts: list[int] = []
        self.turns: list[tuple[int, str, int | None]] = []  # end, speaker, speaker's case
        self.page_starts: list[int] = []
        self.page_labels: list[str] = []

    def turn_at(self, pos: int) -> tuple[str, int | None]:
        i = bisect.bisect_right(self.turn_starts, pos) - 1
        if i >= 0 and pos < self.turns[i][0]:
            return self.turns[i][1], self.turns[i][2]
        return "", None

    def page_at(self, pos: int) -> str | None:
        if len(self.page_starts) < 2:
            return None
        return self.page_labels[max(bisect.bisect_right(self.page_starts, pos) - 1, 0)]


def segments(project, code_id: int, *, with_children: bool = True,
             coders: set[str] | None = None) -> list[Segment]:
    """The segments coded with `code_id` (and its sub-codes), by the given coders' names
    (None: all), in document name and position order."""
    with project.session() as s:
        ids = descendant_ids(s, code_id) if with_children else {code_id}
        query = (
            sa.select(Coding.uuid, Coding.document_id, Document.name, Coding.start, Coding.end,
                      Coding.code_id, Code.color, Coder.name.label("coder"), Coding.memo)
            .join(Document, Document.id == Coding.document_id)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(Coding.code_id.in_(ids))
            .order_by(Document.name, Coding.start, Coding.end, Coding.id))
        if coders is not None:
            query = query.where(Coder.name.in_(coders))
        rows = s.execute(query).all()
        doc_ids = {r.document_id for r in rows}
        docs = _documents(s, doc_ids)
        paths = code_paths(s)
        case_names = dict(s.execute(sa.select(Case.id, Case.name)).all())
        attributes: dict[int, dict] = {}
        out = []
        for r in rows:
            info = docs[r.document_id]
            speaker, speaker_case = info.turn_at(r.start)
            case_id = speaker_case or info.case_id
            if case_id is not None and case_id not in attributes:
                attributes[case_id] = case_attributes(s, s.get(Case, case_id))
            case = case_names.get(case_id, "")
            page = info.page_at(r.start)
            citation = fallback_citation(case or r.name, attributes.get(case_id, {}),
                                         info.kind, page)
            out.append(Segment(r.uuid, r.document_id, r.name, r.start, r.end,
                               info.text[r.start:r.end], r.code_id, paths[r.code_id], r.color,
                               r.coder, r.memo, case, speaker, page, citation))
        return out


def _documents(s, doc_ids: set[int]) -> dict[int, _DocInfo]:
    first_case = {}
    for doc_id, case_id in s.execute(
            sa.select(DocumentCase.document_id, DocumentCase.case_id)
            .join(Case, Case.id == DocumentCase.case_id)
            .where(DocumentCase.document_id.in_(doc_ids)).order_by(Case.name)):
        first_case.setdefault(doc_id, case_id)
    docs = {
        doc_id: _DocInfo(kind, text, first_case.get(doc_id))
        for doc_id, kind, text in s.execute(
            sa.select(Document.id, Document.kind, Document.text).where(Document.id.in_(doc_ids)))
    }
    for doc_id, kind, start, end, label, speaker_case in s.execute(
            sa.select(StructureRange.document_id, StructureRange.kind, StructureRange.start,
                      StructureRange.end, StructureRange.label, Speaker.case_id)
            .outerjoin(Speaker, Speaker.id == StructureRange.speaker_id)
            .where(StructureRange.document_id.in_(doc_ids),
                   StructureRange.kind.in_(("turn", "page")))
            .order_by(StructureRange.start)):
        info = docs[doc_id]
        if kind == "turn":
            info.turn_starts.append(start)
            info.turns.append((end, label, speaker_case))
        else:
            info.page_starts.append(start)
            info.page_labels.append(label if label.strip().isdigit()
                                    else str(len(info.page_labels) + 1))
    return docs

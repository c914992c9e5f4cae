"""Coded segments of a code (with its sub-codes): the passages, where they stand, and how to
cite them - what the retrieval pane lists and copies.

A segment's case is the case of the speaker whose turn it starts in, when that speaker is
linked to a case (a focus-group participant), else the document's case. Its citation is
qcoder.core.cases.citation's, after the project's template for the document's corpus kind
("(Jens, bilag 2, s. 3)"); a citation the case attributes cannot fill says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..cases.citation import cite
from ..documents.structure import DocumentStructure
from ..lookup import code_paths
from ..store import Project
from ..store.models import Case, Code, Coder, Coding, Document, DocumentCase
from .codings import descendant_ids


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
    citation_problem: str = ""

    def quote(self) -> str:
        """The passage, white space folded, with its citation - for the clipboard."""
        return f"\u201d{' '.join(self.text.split())}\u201d {self.citation}"

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "start": self.start, "end": self.end,
                "code": self.code, "coder": self.coder, "case": self.case,
                "speaker": self.speaker, "citation": self.citation, "memo": self.memo,
                "text": self.text}


def segments(project: Project, code_id: int, *, with_children: bool = True,
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
        docs = {d.id: d for d in s.scalars(sa.select(Document).where(Document.id.in_(doc_ids)))}
        structures = {doc_id: DocumentStructure.load(s, doc) for doc_id, doc in docs.items()}
        doc_case: dict[int, int] = {}
        for doc_id, case_id in s.execute(
                sa.select(DocumentCase.document_id, DocumentCase.case_id)
                .join(Case, Case.id == DocumentCase.case_id)
                .where(DocumentCase.document_id.in_(doc_ids)).order_by(Case.name)):
            doc_case.setdefault(doc_id, case_id)
        case_names = dict(s.execute(sa.select(Case.id, Case.name)).all())
        paths = code_paths(s)
        out = []
        for r in rows:
            doc, structure = docs[r.document_id], structures[r.document_id]
            turn = structure.turn_at(r.start)
            segment_case = (turn.speaker_case_id if turn and turn.speaker_case_id
                            else doc_case.get(r.document_id))
            case = case_names.get(segment_case, "") if segment_case is not None else ""
            citation = cite(s, doc, r.start, r.end, structure=structure)
            out.append(Segment(r.uuid, r.document_id, r.name, r.start, r.end,
                               doc.text[r.start:r.end], r.code_id, paths[r.code_id], r.color,
                               r.coder, r.memo, case,
                               turn.speaker if turn else "", structure.page_at(r.start),
                               citation.text, citation.problem))
        return out

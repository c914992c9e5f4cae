"""Coding suggestions from the codebook's keywords.

A code's `keywords:` are lemmas, phrases or prefixes (see text_index.compile_term). Every
sentence (or speaker turn) holding one of them is a candidate passage for the code, with the
terms it matched. Suggestions are never codings: a coder accepts one (it becomes a coding with
origin "suggested", so agreement and reports can tell it from manual coding) or rejects it
(remembered, so it is not offered again). Interviewer turns are left out by default: the
questions echo the codebook's words without being evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import ApplyCoding, CodingSpec, IdRef, id_of
from ..errors import NotFoundError, QcoderError
from ..lookup import code_paths, coder_by_name, document_by_name
from ..operations import Batch, Result, run
from ..store import Project
from ..store.models import Code, Codebook, Coding, Document, Speaker, StructureRange
from ..store.models_nlp import SuggestionRejection
from .text_index import Report, Term, compile_term, ensure_indexed, load_indexes

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .text_index import DocumentIndex, Int32s

    #: candidate passages as (start, end) rows
    Spans = npt.NDArray[np.int64]

UNITS = ("sentence", "turn")


@dataclass(frozen=True)
class Suggestion:
    """A candidate passage [start, end) of a document for a code, with the terms it matched."""

    code_id: int
    code: str
    document_id: int
    document: str
    start: int
    end: int
    terms: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "document": self.document, "start": self.start,
                "end": self.end, "terms": list(self.terms)}


def _codes_with_keywords(session: Session, codebook: str | None) -> list[Code]:
    query = sa.select(Code).join(Codebook).order_by(Codebook.ident, Code.id)
    if codebook is not None:
        book = session.scalar(sa.select(Codebook).where(
            sa.or_(Codebook.ident == codebook, Codebook.name == codebook)))
        if book is None:
            known = ", ".join(session.scalars(sa.select(Codebook.ident))) or "none"
            raise NotFoundError(f"no codebook with id or name {codebook!r}; "
                                f"the project has: {known}")
        query = query.where(Code.codebook_id == book.id)
    return [c for c in session.scalars(query) if c.keywords]


def _units(session: Session, document_id: int, unit: str, sentences: Int32s,
           include_interviewer: bool) -> Spans:
    """The candidate passages of one document as (start, end) rows in text order."""
    import numpy as np

    turns = session.execute(
        sa.select(StructureRange.start, StructureRange.end, Speaker.is_interviewer)
        .outerjoin(Speaker, Speaker.id == StructureRange.speaker_id)
        .where(StructureRange.document_id == document_id, StructureRange.kind == "turn")
        .order_by(StructureRange.start)).all()
    if unit == "turn" and turns:
        rows = [(a, b) for a, b, asks in turns if include_interviewer or not asks]
        return np.array(rows, dtype=np.int64).reshape(-1, 2)
    units = sentences.astype(np.int64).copy()
    if not turns or not len(units):
        return units
    spans = np.array([(a, b) for a, b, _asks in turns], dtype=np.int64)
    asks = np.array([bool(x) for _a, _b, x in turns])
    # the turn each sentence ends in; a sentence that begins with the speaker label
    # ("Hanne: Ja.") is cut to start where the turn's speech starts
    i = np.searchsorted(spans[:, 0], units[:, 1] - 1, "right") - 1
    ok = i >= 0
    j = np.maximum(i, 0)
    in_turn = ok & (units[:, 1] <= spans[j, 1]) & (units[:, 1] > spans[j, 0])
    units[:, 0] = np.where(in_turn, np.maximum(units[:, 0], spans[j, 0]), units[:, 0])
    if not include_interviewer:
        units = units[~(in_turn & asks[j])]
    return units


def _taken(session: Session, document_id: int,
           coder_id: int | None) -> dict[int, list[tuple[int, int]]]:
    """Per code: the spans already coded (by the coder, or by anyone) or rejected."""
    query = sa.select(Coding.code_id, Coding.start, Coding.end).where(
        Coding.document_id == document_id)
    if coder_id is not None:
        query = query.where(Coding.coder_id == coder_id)
    taken: dict[int, list[tuple[int, int]]] = {}
    for code_id, a, b in session.execute(query):
        taken.setdefault(code_id, []).append((a, b))
    if coder_id is not None:
        for code_id, a, b in session.execute(
                sa.select(SuggestionRejection.code_id, SuggestionRejection.start,
                          SuggestionRejection.end)
                .where(SuggestionRejection.document_id == document_id,
                       SuggestionRejection.coder_id == coder_id)):
            taken.setdefault(code_id, []).append((a, b))
    return taken


def suggest(project: Project, *, codebook: str | None = None,
            documents: Sequence[str] | None = None, unit: str = "sentence",
            coder: str | IdRef | None = None, include_interviewer: bool = False,
            report: Report | None = None) -> list[Suggestion]:
    """Candidate passages per code with keywords, ordered by document, position and code.

    `coder` (id, Coder or name) leaves out what that coder already coded with the code or
    rejected; without it, passages anyone coded with the code are left out.
    """
    if unit not in UNITS:
        raise QcoderError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    with project.session() as s:
        if isinstance(coder, str):
            coder = coder_by_name(s, coder)
        coder_id = None if coder is None else id_of(coder)
        doc_ids = ([document_by_name(s, name).id for name in documents] if documents
                   else None)
    ensure_indexed(project, doc_ids, report)
    with project.session() as s:
        codes = _codes_with_keywords(s, codebook)
        paths = code_paths(s)
        terms = {c.id: [compile_term(k) for k in c.keywords or [] if str(k).strip()]
                 for c in codes}
        names = dict(s.execute(sa.select(Document.id, Document.name)).all())
        out: list[Suggestion] = []
        for index in load_indexes(s, doc_ids if doc_ids is not None else sorted(names)):
            doc_id = index.document_id
            units = _units(s, doc_id, unit, index.sentences, include_interviewer)
            taken = _taken(s, doc_id, coder_id)
            for code in codes:
                out.extend(_for_code(code, paths[code.id], doc_id, names[doc_id], index,
                                     terms[code.id], units, taken.get(code.id, [])))
    out.sort(key=lambda x: (x.document, x.start, x.code))
    return out


def _for_code(code: Code, path: str, doc_id: int, doc_name: str, index: DocumentIndex,
              terms: list[Term], units: Spans, taken: list[tuple[int, int]]) -> list[Suggestion]:
    import numpy as np

    if not len(units):
        return []
    matched: dict[int, list[str]] = {}
    for term in terms:
        for a, b in index.find(term):
            i = int(np.searchsorted(units[:, 0], a, "right")) - 1
            if i >= 0 and b <= units[i, 1]:
                found = matched.setdefault(i, [])
                if term.text not in found:
                    found.append(term.text)
    out = []
    for i, found in sorted(matched.items()):
        a, b = int(units[i, 0]), int(units[i, 1])
        if any(x < b and a < y for x, y in taken):
            continue
        out.append(Suggestion(code.id, path, doc_id, doc_name, a, b, tuple(found)))
    return out


# -- accepting and rejecting ------------------------------------------------------------------
def accept_suggestions(project: Project, suggestions: Iterable[Suggestion],
                       coder: IdRef) -> Result:
    """Code each suggested passage for `coder` (origin "suggested"), as one undoable step;
    the value is the new codings' UUIDs."""
    coder_id = id_of(coder)
    ops = tuple(ApplyCoding(CodingSpec(x.document_id, x.start, x.end, x.code_id, coder_id,
                                       round=project.current_round, origin="suggested"),
                            label="Accept suggestion")
                for x in suggestions)
    return run(project, Batch(ops, label="Accept suggestions"))


@dataclass(frozen=True)
class RejectSuggestion:
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    label: str = "Reject suggestion"

    def execute(self, session: Session) -> tuple[None, UndoRejectSuggestion]:
        session.add(SuggestionRejection(document_id=self.document_id, code_id=self.code_id,
                                        coder_id=self.coder_id, start=self.start, end=self.end))
        session.flush()
        return None, UndoRejectSuggestion(self.document_id, self.code_id, self.coder_id,
                                          self.start, self.end)


@dataclass(frozen=True)
class UndoRejectSuggestion:
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    label: str = "Reject suggestion"

    def execute(self, session: Session) -> tuple[None, RejectSuggestion]:
        session.execute(sa.delete(SuggestionRejection).where(
            SuggestionRejection.document_id == self.document_id,
            SuggestionRejection.code_id == self.code_id,
            SuggestionRejection.coder_id == self.coder_id,
            SuggestionRejection.start == self.start, SuggestionRejection.end == self.end))
        return None, RejectSuggestion(self.document_id, self.code_id, self.coder_id,
                                      self.start, self.end)


def reject_suggestions(project: Project, suggestions: Iterable[Suggestion],
                       coder: IdRef) -> Result:
    """Remember that `coder` rejected these suggestions, as one undoable step."""
    coder_id = id_of(coder)
    ops = tuple(RejectSuggestion(x.document_id, x.code_id, coder_id, x.start, x.end)
                for x in suggestions)
    return run(project, Batch(ops, label="Reject suggestions"))

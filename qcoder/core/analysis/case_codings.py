"""Codings seen per case: which case a coded passage belongs to, its quote and its citation.

Displays and verdict suggestions all ask "which codings does this case have?". A coding
belongs to the cases its document is linked to; in a group transcript whose speakers are
linked to cases of their own, a coding inside such a speaker's turn belongs to that speaker's
case instead. Everything is read once into memory, so building a display for hundreds of
cases and tens of thousands of codings costs a handful of queries.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..cases.cases import AttributeValue
from ..cases.citation import citation_template, field_key, format_value, render
from ..documents.structure import DocumentStructure
from ..store.models import (
    Attribute,
    Case,
    CaseValue,
    Coding,
    Document,
    DocumentCase,
    Speaker,
    StructureRange,
)


@dataclass(frozen=True, slots=True)
class CaseCoding:
    uuid: str
    case_id: int
    document_id: int
    start: int
    end: int
    code_id: int
    coder_id: int
    round: int
    memo: str


#: per document: turn starts, and (end, case id) of each turn whose speaker is a case
SpeakerTurns = dict[int, tuple[list[int], list[tuple[int, int]]]]


class CaseCodings:
    """The project's codings by case, optionally only one coder's (or, for blind mode and
    coder visibility in the GUI, only some coders') and/or one round's."""

    def __init__(self, session: Session, *, coder_id: int | None = None,
                 round: int | None = None, code_ids: set[int] | None = None,
                 coder_ids: set[int] | None = None):
        self.session = session
        self.cases: dict[int, str] = dict(session.execute(
            sa.select(Case.id, Case.name).order_by(Case.name)).all())
        self.doc_cases: dict[int, list[int]] = defaultdict(list)
        self.case_docs: dict[int, list[int]] = defaultdict(list)
        for doc_id, case_id in session.execute(
                sa.select(DocumentCase.document_id, DocumentCase.case_id)):
            self.doc_cases[doc_id].append(case_id)
            self.case_docs[case_id].append(doc_id)
        self.doc_kind: dict[int, str] = {}
        self._doc_names: dict[int, str] = {}
        for doc_id, kind, name in session.execute(sa.select(Document.id, Document.kind,
                                                            Document.name)):
            self.doc_kind[doc_id], self._doc_names[doc_id] = kind, name
        self._texts: dict[int, str] = {}
        self._sections: dict[int, list[tuple[int, int, str]]] | None = None
        self._attributes: dict[int, dict[str, AttributeValue]] = {}
        #: (template, its field values) -> the citation
        self._citations: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
        self._structures: dict[int, DocumentStructure] = {}
        self._templates: dict[str, str] = {}
        speaker_turns = self._speaker_turns()
        query = sa.select(Coding.uuid, Coding.document_id, Coding.start, Coding.end, Coding.code_id,
                          Coding.coder_id, Coding.round, Coding.memo)
        if coder_id is not None:
            query = query.where(Coding.coder_id == coder_id)
        if coder_ids is not None:
            query = query.where(Coding.coder_id.in_(coder_ids))
        if round is not None:
            query = query.where(Coding.round == round)
        if code_ids is not None:
            query = query.where(Coding.code_id.in_(code_ids))
        self.codings: list[CaseCoding] = []
        for row in session.execute(query.order_by(Coding.document_id, Coding.start, Coding.id)):
            for case_id in self._cases_of(row.document_id, row.start, speaker_turns):
                self.codings.append(CaseCoding(row.uuid, case_id, row.document_id, row.start,
                                               row.end, row.code_id, row.coder_id, row.round,
                                               row.memo))
        self.by_uuid: dict[str, CaseCoding] = {}
        self._by_case = {(c.uuid, c.case_id): c for c in self.codings}
        for c in self.codings:
            self.by_uuid.setdefault(c.uuid, c)

    def find(self, uuid: str, case_id: int) -> CaseCoding | None:
        """The coding as seen from `case_id` (a document may belong to several cases)."""
        return self._by_case.get((uuid, case_id)) or self.by_uuid.get(uuid)

    def _speaker_turns(self) -> SpeakerTurns:
        """Per document: turn starts, and (end, case id) of turns whose speaker is a case."""
        rows = self.session.execute(
            sa.select(StructureRange.document_id, StructureRange.start, StructureRange.end,
                      Speaker.case_id)
            .join(Speaker, Speaker.id == StructureRange.speaker_id)
            .where(StructureRange.kind == "turn", Speaker.case_id.is_not(None))
            .order_by(StructureRange.document_id, StructureRange.start)).all()
        out: SpeakerTurns = {}
        for doc_id, start, end, case_id in rows:
            starts, rest = out.setdefault(doc_id, ([], []))
            starts.append(start)
            rest.append((end, cast(int, case_id)))  # the query keeps speakers with a case
        return out

    def _cases_of(self, doc_id: int, start: int, speaker_turns: SpeakerTurns) -> list[int]:
        turns = speaker_turns.get(doc_id)
        if turns:
            i = bisect.bisect_right(turns[0], start) - 1
            if i >= 0 and start < turns[1][i][0]:
                return [turns[1][i][1]]
        return self.doc_cases.get(doc_id, [])

    # -- text and sections ---------------------------------------------------------------
    def text(self, coding: CaseCoding) -> str:
        if coding.document_id not in self._texts:  # read all coded documents at once
            wanted = {c.document_id for c in self.codings} | {coding.document_id}
            self._texts.update(self.session.execute(
                sa.select(Document.id, Document.text).where(Document.id.in_(wanted))).all())
        return self._texts[coding.document_id][coding.start:coding.end]

    def section(self, coding: CaseCoding) -> str:
        """The label of the section (vignette) the coding starts in, or ""."""
        if self._sections is None:
            self._sections = defaultdict(list)
            for doc, start, end, label in self.session.execute(
                    sa.select(StructureRange.document_id, StructureRange.start, StructureRange.end,
                              StructureRange.label)
                    .where(StructureRange.kind == "section").order_by(StructureRange.start)):
                self._sections[doc].append((start, end, label))
        for start, end, label in self._sections.get(coding.document_id, []):
            if start <= coding.start < end:
                return label
        return ""

    def attributes(self, case_id: int) -> dict[str, AttributeValue]:
        """The case's attribute values by name, typed as in cases.case_attributes."""
        if not self._attributes:
            self._attributes = {case: {} for case in self.cases}
            for case, name, kind, text, number, day, flag in self.session.execute(
                    sa.select(CaseValue.case_id, Attribute.name, Attribute.type,
                              CaseValue.text_value, CaseValue.number_value,
                              CaseValue.date_value, CaseValue.bool_value)
                    .join(Attribute, Attribute.id == CaseValue.attribute_id)):
                self._attributes.setdefault(case, {})[name] = {
                    "number": number, "bool": flag, "date": day}.get(kind, text)
        return self._attributes.get(case_id, {})

    # -- quotes --------------------------------------------------------------------------------
    @staticmethod
    def distinct(codings: list[CaseCoding]) -> list[CaseCoding]:
        """One coding per passage: two coders' codings of the same span quote it once."""
        seen: dict[tuple[int, int, int], CaseCoding] = {}
        for c in codings:
            seen.setdefault((c.document_id, c.start, c.end), c)
        return list(seen.values())

    def citation(self, coding: CaseCoding) -> str:
        """The passage's citation after its corpus kind's template (citation.py), filled from
        the coding's case - the speaker's own case in a group transcript."""
        doc = coding.document_id
        if doc not in self._structures:
            self._structures[doc] = DocumentStructure.load(self.session, doc)
        structure = self._structures[doc]
        kind = self.doc_kind.get(doc, "other")
        if kind not in self._templates:
            self._templates[kind] = citation_template(self.session, kind)
        values = {"document": self._doc_names[doc],
                  "page": structure.pages(coding.start, coding.end) or "",
                  "section": structure.section_at(coding.start) or ""}
        if "{line}" in self._templates[kind]:
            values["line"] = structure.lines(coding.start, coding.end)
        turn = structure.turn_at(coding.start)
        if turn is not None:
            values["speaker"] = turn.speaker
        values.update(self._case_fields(coding.case_id))
        key = (self._templates[kind], tuple(sorted(values.items())))
        if key not in self._citations:
            self._citations[key] = render(key[0], values).text
        return self._citations[key]

    def _case_fields(self, case_id: int) -> dict[str, str]:
        fields = {field_key(k): format_value(v) for k, v in self.attributes(case_id).items()}
        fields["case"] = self.cases.get(case_id, "")
        return {k: v for k, v in fields.items() if v}

    def quote(self, coding: CaseCoding, max_chars: int = 400) -> str:
        """The coded passage, whitespace folded, shortened in the middle with "[...]", cited."""
        text = " ".join(self.text(coding).split())
        if len(text) > max_chars:
            half = (max_chars - 7) // 2
            text = text[:half].rstrip() + " [...] " + text[-half:].lstrip()
        return f"\u201d{text}\u201d {self.citation(coding)}"

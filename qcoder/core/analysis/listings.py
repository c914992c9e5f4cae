"""Listings beside the displays: the coded segments and the codebooks as tables, the codings
behind a display cell, and the verdicts per case and hypothesis (`qcoder verdicts`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..catalog import HYPOTHESIS_ORDER
from ..lookup import code_paths, hypothesis_by_ident
from ..store.models import Code, Codebook, CodeHypothesis, Coder, Coding, Document, Hypothesis
from .case_codings import CaseCodings
from .displays import Cell, Column, Options, Table, case_codings, filter_notes, standings

if TYPE_CHECKING:
    from ..store.project import Project

_ARROW = {"supports": "+", "contradicts": "\u2212"}


def segments_table(session: Session, options: Options, cc: CaseCodings | None = None) -> Table:
    """Every coding in view with its case, code, coder, round, quote, citation and memo."""
    cc = cc or case_codings(session, options)
    paths = code_paths(session)
    coders = dict(session.execute(sa.select(Coder.id, Coder.name)).all())
    documents = dict(session.execute(sa.select(Document.id, Document.name)).all())
    table = Table("segments", "Kodede segmenter", [
        Column("Case"), Column("Dokument"), Column("Kode"), Column("Koder"),
        Column("Runde", "number"), Column("Citat", "long"), Column("Henvisning"),
        Column("Memo", "long"), Column("Start", "number"), Column("Slut", "number")])
    for c in sorted(cc.codings, key=lambda c: (cc.cases[c.case_id], documents[c.document_id],
                                                c.start, paths[c.code_id])):
        table.rows.append([
            Cell(cc.cases[c.case_id]), Cell(documents[c.document_id]), Cell(paths[c.code_id]),
            Cell(coders.get(c.coder_id)), Cell(c.round), Cell(cc.text(c)),
            Cell(cc.citation(c)), Cell(c.memo or None), Cell(c.start), Cell(c.end),
        ])
    table.notes = ["Start og slut er tegnpositioner i dokumentets tekst."] + filter_notes(options)
    return table


def codebook_table(session: Session, options: Options | None = None) -> Table:
    """The codes of every codebook: definitions, criteria, hypotheses and survey items."""
    paths = code_paths(session)
    links: dict[int, list[str]] = {}
    for code_id, ident, direction in session.execute(
            sa.select(CodeHypothesis.code_id, Hypothesis.ident, CodeHypothesis.direction)
            .join(Hypothesis, Hypothesis.id == CodeHypothesis.hypothesis_id)
            .order_by(*HYPOTHESIS_ORDER)):
        links.setdefault(code_id, []).append(f"{ident} {_ARROW.get(direction, direction)}")
    table = Table("codebook", "Kodebog", [
        Column("Kode"), Column("Dansk navn"), Column("Definition", "long"),
        Column("Inklusion", "long"), Column("Eksklusion", "long"), Column("Indikatorer", "long"),
        Column("Eksempel", "long"), Column("Hypoteser"), Column("Survey-items"),
        Column("Oprindelse"), Column("Runde", "number")])
    books = list(session.scalars(sa.select(Codebook).order_by(Codebook.id)))
    for code in sorted(session.scalars(sa.select(Code)), key=_tree_key):
        table.rows.append([
            Cell(paths[code.id]), Cell(code.label_da or None), Cell(code.definition or None),
            Cell(code.include or None), Cell(code.exclude or None),
            Cell("; ".join(code.indicators or []) or None), Cell(code.example or None),
            Cell(", ".join(links.get(code.id, [])) or None),
            Cell(", ".join(code.survey_items or []) or None),
            Cell("deduktiv" if code.origin == "deductive" else "induktiv"), Cell(code.round_added),
        ])
    table.notes = [f"{b.name} ({b.ident}), version {b.version}" for b in books]
    table.notes.append("Hypoteser: + støtter, \u2212 modsiger.")
    return table


def _tree_key(code: Code) -> tuple[int, ...]:
    parts = []
    node: Code | None = code
    while node is not None:
        parts.append(node.position)
        node = node.parent
    return (code.codebook_id, *reversed(parts))


# -- the codings behind a cell ---------------------------------------------------------------
@dataclass(frozen=True)
class SegmentRow:
    uuid: str
    document_id: int
    start: int
    end: int
    case: str
    document: str
    code: str
    coder: str
    quote: str
    memo: str


def cell_segments(project: Project, uuids: list[str], options: Options,
                  case_id: int | None = None) -> list[SegmentRow]:
    """The codings `uuids` as seen from `case_id`, with their quotes (up to 2000 characters)
    and citations, in the order given; a coding the options leave out of view is left out."""
    with project.session() as s:
        code_ids = set(s.scalars(sa.select(Coding.code_id).where(Coding.uuid.in_(uuids))))
        if not code_ids:
            return []
        cc = case_codings(s, options, code_ids)
        paths = code_paths(s)
        coders = dict(s.execute(sa.select(Coder.id, Coder.name)).all())
        docs = dict(s.execute(sa.select(Document.id, Document.name)).all())
        rows = []
        for uuid in dict.fromkeys(uuids):
            c = cc.find(uuid, case_id) if case_id is not None else cc.by_uuid.get(uuid)
            if c is None:
                continue
            rows.append(SegmentRow(c.uuid, c.document_id, c.start, c.end, cc.cases[c.case_id],
                                   docs[c.document_id], paths[c.code_id],
                                   coders.get(c.coder_id, ""), cc.quote(c, max_chars=2000),
                                   c.memo or ""))
        return rows


# -- verdicts --------------------------------------------------------------------------------
@dataclass(frozen=True)
class VerdictEntry:
    """A hypothesis in one case, as the overview matrix shows it: the recorded verdict, note,
    evidence and display-cell statements beside the suggestion and its counts."""

    case: str
    hypothesis: str
    verdict: str | None
    suggestion: str
    supporting: int
    contradicting: int
    evidence: tuple[str, ...]
    note: str
    cells: dict[str, str]

    def as_json(self) -> dict[str, object]:
        return {"case": self.case, "hypothesis": self.hypothesis, "verdict": self.verdict,
                "suggestion": self.suggestion, "supporting": self.supporting,
                "contradicting": self.contradicting, "evidence": list(self.evidence),
                "note": self.note, "cells": dict(self.cells)}


def verdict_listing(project: Project, hypothesis: str | None = None) -> list[VerdictEntry]:
    """Every hypothesis (or the one named) in the one hypothesis order, and per case it is
    judged over, how it stands - over all codings, like the overview matrix."""
    with project.session() as s:
        hyps = ([hypothesis_by_ident(s, hypothesis)] if hypothesis
                else list(s.scalars(sa.select(Hypothesis).order_by(*HYPOTHESIS_ORDER))))
        cc = case_codings(s, Options())
        per_hyp = standings(s, cc, [h.id for h in hyps])
        out = []
        for hyp in hyps:
            for case_id, standing in per_hyp[hyp.id].items():
                state, suggestion = standing.state, standing.suggestion
                out.append(VerdictEntry(
                    cc.cases[case_id], hyp.ident, state.verdict if state else None,
                    suggestion.verdict, len(suggestion.supporting),
                    len(suggestion.contradicting), state.evidence if state else (),
                    state.note if state else "",
                    {c: st for c, st, _q in state.cells} if state else {}))
        return out

"""The coded segments and the codebooks as tables, for exports beside the displays."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .case_codings import CaseCodings
from .displays import Cell, Column, Options, Table, case_codings, filter_notes
from ..lookup import code_paths
from ..store.models import Code, Codebook, CodeHypothesis, Coder, Document, Hypothesis

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
            .order_by(Hypothesis.ident)):
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


def _tree_key(code: Code) -> tuple:
    parts = []
    node: Code | None = code
    while node is not None:
        parts.append(node.position)
        node = node.parent
    return (code.codebook_id, *reversed(parts))

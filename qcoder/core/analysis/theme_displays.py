"""Displays by theme: the motivation profile (cases x chosen codes, each cell "quote ->
interpretation") and the joint display (a theme beside its linked survey items: k of n
interviews with the Danish prevalence word, quotes with the interviewee's own answer, base N
and top-box % overall and by subgroup)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import descendant_ids
from ..errors import NotFoundError
from ..lookup import code_by_path, code_paths
from ..store.models import Code, CodeHypothesis
from ..store.models_analysis import SurveyDataset
from ..survey.datasets import dataset_by_name
from ..survey.summaries import ItemSummary, case_answers, item_by_ident, summarize
from .case_codings import CaseCoding, CaseCodings
from .displays import Cell, Column, Options, Table, case_codings, filter_notes, relevant_cases

#: k of n cases -> a Danish prevalence word, tested in this order (share = k / n).
PREVALENCE_RULES = (
    ("ingen", "k = 0"),
    ("alle", "k = n"),
    ("de fleste", "k/n > 1/2"),
    ("flere", "k/n >= 0,3 og k >= 3"),
    ("nogle", "k/n >= 0,15 og k >= 2"),
    ("enkelte", "ellers (mindst én)"),
)


def prevalence(k: int, n: int) -> str:
    """The Danish word for k of n interviews, by PREVALENCE_RULES."""
    if k <= 0 or n <= 0:
        return "ingen"
    share = k / n
    if k >= n:
        return "alle"
    if share > 0.5:
        return "de fleste"
    if share >= 0.3 and k >= 3:
        return "flere"
    if share >= 0.15 and k >= 2:
        return "nogle"
    return "enkelte"


def prevalence_note() -> str:
    return "Udbredelse af k ud af n interviews: " + "; ".join(
        f"{word} ({rule})" for word, rule in PREVALENCE_RULES) + "."


def percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


# -- motivation profile -----------------------------------------------------------------------
def _chosen_codes(session: Session, options: Options) -> list[Code]:
    if options.codes:
        return [code_by_path(session, p) for p in options.codes]
    linked = set(session.scalars(sa.select(CodeHypothesis.code_id)))
    tops = list(session.scalars(sa.select(Code).where(Code.parent_id.is_(None))
                                .order_by(Code.codebook_id, Code.position)))
    return [c for c in tops if descendant_ids(session, c.id) & linked]


def motivation_profile(session: Session, options: Options, cc: CaseCodings | None = None) -> Table:
    """Cases x chosen codes (with their sub-codes); each cell "quote -> interpretation", the
    interpretation being the coding's memo."""
    cc = cc or case_codings(session, options)
    codes = _chosen_codes(session, options)
    families = {c.id: descendant_ids(session, c.id) for c in codes}
    cells: dict[tuple[int, int], list[CaseCoding]] = {}
    for coding in cc.codings:
        for code in codes:
            if coding.code_id in families[code.id]:
                cells.setdefault((coding.case_id, code.id), []).append(coding)
    per_cell = max(options.quotes, 1)
    table = Table("profile", "Motivationsprofil: citat \u2192 fortolkning",
                  [Column("Case")] + [Column(c.label_da or c.name, "long") for c in codes])
    rows_cases = relevant_cases(cc, set().union(*families.values()) if families else set())
    for case_id in rows_cases:
        row = [Cell(cc.cases[case_id])]
        for code in codes:
            found = cc.distinct(cells.get((case_id, code.id), []))
            lines = [cc.quote(c) + (f" \u2192 {c.memo}" if c.memo else "") for c in found[:per_cell]]
            if len(found) > per_cell:
                lines.append(f"(+{len(found) - per_cell} flere)")
            row.append(Cell("\n".join(lines) or None, codings=tuple(c.uuid for c in found)))
        table.rows.append(row)
    table.notes = ["Fortolkningen er kodningens memo."] + filter_notes(options)
    return table


# -- joint display ----------------------------------------------------------------------------
def joint_display(session: Session, options: Options, cc: CaseCodings | None = None) -> Table:
    """A row per theme (code) and linked survey item: k of n interviews with the Danish
    prevalence word, representative quotes with citations (and the interviewee's own answer
    when they are a respondent), the item's wording, base N, top-box % overall and by subgroup."""
    cc = cc or case_codings(session, options)
    paths = code_paths(session)
    if options.codes:
        codes = [code_by_path(session, p) for p in options.codes]
    else:
        codes = [c for c in session.scalars(sa.select(Code).order_by(Code.codebook_id, Code.id))
                 if c.survey_items]
        codes.sort(key=lambda c: paths[c.id])
    ds = None
    if any(c.survey_items for c in codes):
        try:
            ds = dataset_by_name(session, options.survey)
        except NotFoundError:
            if options.survey:
                raise
    summaries: dict[str, ItemSummary | None] = {}
    groups: list[str] = []
    if ds is not None:
        for item_ident in dict.fromkeys(i for c in codes for i in (c.survey_items or [])):
            summaries[item_ident] = _summary(session, ds, item_ident, options.subgroup)
        if options.subgroup:
            groups = list(dict.fromkeys(g for s in summaries.values() if s for g in s.by_subgroup))
    answers = case_answers(session, ds, list(summaries)) if ds is not None else {}
    top_header = "Top-box %"
    columns = [Column("Tema"), Column("Kode"), Column("k", "number"), Column("n", "number"),
               Column("Interviews"), Column("Udbredelse"), Column("Citater", "long"),
               Column("Item"), Column("Spørgsmål", "long"), Column("Base N", "number"),
               Column("Filter"), Column(top_header, "percent"), Column("Top-box svar")]
    columns += [Column(f"{top_header} ({g})", "percent") for g in groups]
    table = Table("joint", "Joint display: interviews og survey", columns)
    for code in codes:
        family = descendant_ids(session, code.id)
        mine = [c for c in cc.codings if c.code_id in family]
        cases = relevant_cases(cc, family)
        with_code = {c.case_id for c in mine}
        coded = [case for case in cases if case in with_code]
        k, n = len(coded), len(cases)
        picked = _representative(mine, coded, options.quotes)
        items: list[str | None] = list(code.survey_items or []) or [None]
        for ident in items:
            lines = []
            for c in picked:
                own = answers.get(cc.cases[c.case_id], {}).get(ident) if ident else None
                lines.append(cc.quote(c) + (f" \u2014 eget svar: {own}" if own else ""))
            summary = summaries.get(ident) if ident else None
            row = [Cell(code.label_da or code.name), Cell(paths[code.id]), Cell(k), Cell(n),
                   Cell(f"{k} af {n}"), Cell(prevalence(k, n)),
                   Cell("\n".join(lines) or None, codings=tuple(c.uuid for c in picked)),
                   Cell(ident)]
            if summary is not None:
                row += [Cell(summary.wording or None), Cell(summary.n_valid),
                        Cell(summary.filter or None), Cell(percent(summary.top_box)),
                        Cell(" / ".join(summary.top_labels) or None)]
                row += [Cell(percent(summary.by_subgroup[g]["top_box"]
                                     if g in summary.by_subgroup else None)) for g in groups]
            else:
                row += [Cell(None) for _ in range(5 + len(groups))]
            table.rows.append(row)
    table.notes = [prevalence_note(),
                   "n = interviews i de korpusser, hvor temaet er kodet; k = interviews med "
                   "mindst én kodning af temaet eller dets underkoder.",
                   "Top-box % = andel af gyldige svar i de øverste svarkategorier (Ved ikke og "
                   "tomme svar tæller ikke med)."]
    if ds is not None:
        table.notes.append(f"Survey: {ds.name} ({ds.source_name}).")
    if options.subgroup:
        table.notes.append(f"Opdelt efter {options.subgroup}.")
    table.notes += filter_notes(options)
    return table


def _summary(session: Session, ds: SurveyDataset, ident: str, subgroup: str | None) -> ItemSummary | None:
    try:
        item_by_ident(session, ds, ident)
    except NotFoundError:
        return None
    return summarize(session, ds, ident, subgroup)


def _representative(codings: list[CaseCoding], cases: list[int], k: int) -> list[CaseCoding]:
    """Up to k quotes, each from a different case first (breadth before depth)."""
    first: dict[int, CaseCoding] = {}
    for c in codings:
        first.setdefault(c.case_id, c)
    picked = [first[case] for case in cases if case in first][:k]
    return picked

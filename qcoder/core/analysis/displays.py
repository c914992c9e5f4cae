"""The displays researchers write from, as plain tables: the table types and the options every
display is built from, the hypothesis display and the overview matrix (theme_displays.py has
the motivation profile and the joint display, matrices.py the code x case ones).

A `Table` is data only - titles and headers in Danish, cells with a value, a tone (a verdict,
so views and exports colour it alike) and the UUIDs of the codings behind the cell (so a view
can open them). The GUI shows these tables, the exporters write them; neither computes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..cases.cases import AttributeValue
from ..catalog import HYPOTHESIS_ORDER
from ..lookup import coder_by_name, hypothesis_by_ident
from ..store.models import Coder, Coding, Hypothesis
from ..survey.datasets import dataset_by_name
from ..survey.summaries import case_answers
from .case_codings import CaseCoding, CaseCodings
from .counter_evidence import counter_evidence
from .suggestions import Suggestion, code_directions, suggest_verdicts
from .verdicts import VerdictState, verdict_states

if TYPE_CHECKING:
    from ..store.project import Project

#: what a display cell shows
CellValue = str | int | float | None


@dataclass(slots=True)
class Cell:
    value: CellValue = None
    tone: str | None = None
    codings: tuple[str, ...] = ()


@dataclass
class Column:
    header: str
    kind: str = "text"  # text | long | number | percent | verdict


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    caption: str = ""
    notes: list[str] = field(default_factory=list)

    def values(self) -> list[list[CellValue]]:
        return [[c.value for c in row] for row in self.rows]


VERDICT_SYMBOLS = {"støtte": "\u2714", "delvis støtte": "\u25d0", "ingen støtte": "\u25cb",
                   "modstrid": "\u2718", "ingen data": "\u00b7"}


@dataclass
class Options:
    """What a display is built from; names as users type them."""

    coder: str | None = None
    #: only these coders' codings (the GUI's visible coders); None: everyone's
    coders: tuple[str, ...] | None = None
    round: int | None = None
    hypothesis: str | None = None
    survey: str | None = None
    subgroup: str | None = None
    attributes: tuple[str, ...] = ()
    survey_items: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    quotes: int = 2
    measure: str = "count"
    level: str = "code"  # code x case rows: "code", or "family" (sub-codes rolled up)
    family: str | None = None  # code x case rows: only this code and the codes below it


def coding_rounds(project: Project) -> list[int]:
    """The coding rounds that have codings: what `Options.round` can narrow a display to."""
    with project.session() as s:
        return sorted(set(s.scalars(sa.select(Coding.round).distinct())))


def case_codings(session: Session, options: Options,
                 code_ids: set[int] | None = None) -> CaseCodings:
    """The codings the options leave in view (optionally only those of `code_ids`)."""
    coder_id = coder_by_name(session, options.coder).id if options.coder else None
    coder_ids = None
    if options.coders is not None:
        coder_ids = set(session.scalars(sa.select(Coder.id)
                                        .where(Coder.name.in_(options.coders))))
    return CaseCodings(session, coder_id=coder_id, coder_ids=coder_ids, round=options.round,
                       code_ids=code_ids)


def relevant_cases(cc: CaseCodings, code_ids: Collection[int],
                   extra: Collection[int] = frozenset()) -> list[int]:
    """Cases of the corpus kinds in which `code_ids` were coded (a mayor hypothesis is judged
    over the mayor interviews, not the focus groups), plus `extra`; all cases when none."""
    kinds = {cc.doc_kind[c.document_id] for c in cc.codings if c.code_id in code_ids}
    kinds |= {cc.doc_kind[d] for case in extra for d in cc.case_docs.get(case, [])}
    if not kinds:
        return list(cc.cases)
    return [case for case in cc.cases
            if case in extra or any(cc.doc_kind[d] in kinds for d in cc.case_docs.get(case, []))]


def hypothesis_cases(session: Session, hypothesis_id: int, cc: CaseCodings,
                     judged: set[int]) -> list[int]:
    """The cases a hypothesis is judged over: those of the corpus kinds where its linked codes
    or counter-evidence were coded, and any case with a recorded verdict (`judged`)."""
    linked = set(code_directions(session, hypothesis_id))
    flagged = counter_evidence(session, hypothesis_id)
    return relevant_cases(cc, {c.code_id for c in cc.codings
                               if c.code_id in linked or c.uuid in flagged}, judged)


@dataclass(frozen=True)
class Standing:
    """A hypothesis in one case it is judged over: the researcher's record (None before there
    is one) beside the suggestion from the linked codes."""

    state: VerdictState | None
    suggestion: Suggestion


def standings(session: Session, cc: CaseCodings,
              hypothesis_ids: list[int]) -> dict[int, dict[int, Standing]]:
    """Per hypothesis id, the cases it is judged over (by name) and how it stands in each:
    what the hypothesis display, the overview matrix and `qcoder verdicts` show."""
    states = verdict_states(session)
    out = {}
    for hyp_id in hypothesis_ids:
        judged = {case for case, h in states if h == hyp_id}
        suggestions = suggest_verdicts(session, hyp_id, cc)
        out[hyp_id] = {case: Standing(states.get((case, hyp_id)), suggestions[case])
                       for case in hypothesis_cases(session, hyp_id, cc, judged)}
    return out


def _quotes(cc: CaseCodings, codings: list[CaseCoding], prefix: str = "") -> str:
    return "\n".join(prefix + cc.quote(c) for c in codings)


def _verdict_cell(state: VerdictState | None) -> Cell:
    if state is not None and state.verdict:
        return Cell(state.verdict, tone=state.verdict)
    return Cell(None)


# -- hypothesis display ------------------------------------------------------------------------
def hypothesis_display(session: Session, options: Options, cc: CaseCodings | None = None) -> Table:
    """One row per case: attributes, the display columns' condensed statements with quotes, the
    verdict, the suggestion, counts of supporting/contradicting codings, key quotes, and the
    case's own survey answers."""
    hyp = hypothesis_by_ident(session, options.hypothesis or "")
    cc = cc or case_codings(session, options)
    rows = standings(session, cc, [hyp.id])[hyp.id]
    display_columns = list(hyp.display_columns or [])
    answers: dict[str, dict[str, str | None]] = {}
    if options.survey_items:
        answers = case_answers(session, dataset_by_name(session, options.survey),
                               list(options.survey_items))
    columns = ([Column("Case")] + [Column(a) for a in options.attributes]
               + [Column(c, "long") for c in display_columns]
               + [Column("Vurdering", "verdict"), Column("Forslag"),
                  Column("Støttende kodninger", "number"), Column("Modstridende kodninger", "number"),
                  Column("Nøglecitater", "long")]
               + [Column(_item_header(i)) for i in options.survey_items])
    table = Table(f"hypothesis-{hyp.ident}", f"Hypotesedisplay {hyp.ident}: {hyp.label}".strip(),
                  columns, caption=hyp.statement)
    for case_id, standing in rows.items():
        state, suggestion = standing.state, standing.suggestion
        row = [Cell(cc.cases[case_id])]
        attrs = cc.attributes(case_id)
        row += [Cell(_plain(attrs.get(a))) for a in options.attributes]
        for column in display_columns:
            statement, quote_ids = state.cell(column) if state else ("", ())
            quoted = [c for c in (cc.find(u, case_id) for u in quote_ids) if c is not None]
            text = "\n".join(filter(None, [statement, _quotes(cc, quoted)]))
            row.append(Cell(text or None, codings=tuple(c.uuid for c in quoted)))
        row.append(_verdict_cell(state))
        row.append(Cell(f"{VERDICT_SYMBOLS[suggestion.verdict]} {suggestion.verdict}"))
        row.append(Cell(len(suggestion.supporting), codings=suggestion.supporting))
        row.append(Cell(len(suggestion.contradicting), codings=suggestion.contradicting))
        chosen = [c for c in (cc.find(u, case_id) for u in (state.evidence if state else ()))
                  if c is not None]
        if chosen:
            key = cc.distinct(chosen)
        else:
            key = cc.distinct([c for c in (cc.find(u, case_id) for u in suggestion.supporting)
                               if c is not None])[:options.quotes]
        against = [c for c in (cc.find(u, case_id) for u in suggestion.contradicting[:1])
                   if c is not None and c not in chosen]
        text = "\n".join(filter(None, [_quotes(cc, key), _quotes(cc, against, "Modfortælling: ")]))
        row.append(Cell(text or None, codings=tuple(c.uuid for c in key + against)))
        row += [Cell(answers.get(cc.cases[case_id], {}).get(i)) for i in options.survey_items]
        table.rows.append(row)
    table.notes = [
        f"Hypotese ({_KIND_NAMES.get(hyp.kind, hyp.kind)}): {hyp.statement}",
        "Vurdering er forskerens; Forslag er beregnet af de koblede koder og overskriver "
        "aldrig vurderingen. Nøglecitater er de valgte belæg, ellers de første støttende.",
    ] + filter_notes(options)
    return table


_KIND_NAMES = {"exit": "exit", "retention": "fastholdelse", "general": "generel"}


def _plain(value: AttributeValue) -> CellValue:
    """An attribute value as a cell shows it: whole numbers as int, dates as text."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return value if value is None or isinstance(value, (int, str)) else str(value)


def _item_header(ident: str) -> str:
    return f"Survey {ident} (eget svar)"


def filter_notes(options: Options) -> list[str]:
    notes = []
    if options.coder:
        notes.append(f"Kun kodninger af {options.coder}.")
    elif options.coders is not None:
        notes.append(f"Kun kodninger af {', '.join(options.coders) or 'ingen kodere'}.")
    if options.round:
        notes.append(f"Kun kodningsrunde {options.round}.")
    return notes


# -- overview matrix --------------------------------------------------------------------------
def overview_matrix(session: Session, options: Options, cc: CaseCodings | None = None) -> Table:
    """Cases x hypotheses: the verdict's symbol with counts (supporting/contradicting); where
    the researcher has no verdict yet, the suggestion in brackets, uncoloured."""
    cc = cc or case_codings(session, options)
    hyps = list(session.scalars(sa.select(Hypothesis).order_by(*HYPOTHESIS_ORDER)))
    per_hyp = standings(session, cc, [h.id for h in hyps])
    table = Table("overview", "Oversigtsmatrix: vurderinger pr. case og hypotese",
                  [Column("Case")] + [Column(h.ident, "verdict") for h in hyps])
    for case_id, name in cc.cases.items():
        row = [Cell(name)]
        for hyp in hyps:
            standing = per_hyp[hyp.id].get(case_id)
            if standing is None:
                row.append(Cell(None))
                continue
            s, state = standing.suggestion, standing.state
            counts = f"({len(s.supporting)}/{len(s.contradicting)})"
            if state is not None and state.verdict:
                row.append(Cell(f"{VERDICT_SYMBOLS[state.verdict]} {state.verdict} {counts}",
                                tone=state.verdict, codings=s.supporting + s.contradicting))
            else:
                row.append(Cell(f"[forslag: {s.verdict}] {counts}",
                                codings=s.supporting + s.contradicting))
        table.rows.append(row)
    table.notes = ["Tal i parentes: støttende/modstridende kodninger. "
                   + ", ".join(f"{sym} {v}" for v, sym in VERDICT_SYMBOLS.items()) + ".",
                   "[forslag: ...] = ingen vurdering endnu; forslaget er beregnet af de koblede koder.",
                   ] + [f"{h.ident}: {h.label}" for h in hyps] + filter_notes(options)
    return table

"""The researcher's verdict on a hypothesis for one case, with what it rests on.

A verdict (støtte / delvis støtte / ingen støtte / modstrid / ingen data) is the researcher's
judgement of one hypothesis for one case, held with the codings chosen as its evidence, a note,
and a condensed statement per display column ("condition | argument | consequence") linked to
its quotes. The suggestion computed from linked codes (suggestions.py) is only ever shown
beside it. Every change is an undoable operation (see operations.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import descendant_ids
from ..errors import NotFoundError, QcoderError
from ..lookup import case_by_name, code_by_path, hypothesis_by_ident
from ..operations import Batch, Operation, Result, run
from ..store.models import Case, Coding, Hypothesis, new_uuid
from ..store.models_analysis import VERDICTS, Verdict, VerdictCell
from .case_codings import CaseCodings

if TYPE_CHECKING:
    from ..store.project import Project

_ALIASES = {"stotte": "støtte", "support": "støtte", "supported": "støtte",
            "delvis stotte": "delvis støtte", "partial": "delvis støtte",
            "partly": "delvis støtte", "ingen stotte": "ingen støtte", "none": "ingen støtte",
            "no support": "ingen støtte", "contradicts": "modstrid", "contradiction": "modstrid",
            "no data": "ingen data"}


def parse_verdict(text: str | None) -> str | None:
    """A verdict from what a user typed (Danish, without æøå, or English); "" clears it."""
    if text is None or not text.strip():
        return None
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    verdict = key if key in VERDICTS else _ALIASES.get(key)
    if verdict is None:
        raise QcoderError(f"unknown verdict {text!r}; use one of {', '.join(VERDICTS)}")
    return verdict


# -- what a verdict refers to ------------------------------------------------------------------
def require_hypothesis(session: Session, hypothesis_id: int) -> Hypothesis:
    hyp = session.get(Hypothesis, hypothesis_id)
    if hyp is None:
        raise NotFoundError(f"hypothesis id {hypothesis_id} is not in the project")
    return hyp


def require_codings(session: Session, uuids: tuple[str, ...]) -> None:
    """Evidence, quotes and counter-evidence must name codings that still exist."""
    found = set(session.scalars(sa.select(Coding.uuid).where(Coding.uuid.in_(uuids))))
    missing = [u for u in uuids if u not in found]
    if missing:
        raise NotFoundError(f"no coding with id {', '.join(missing[:3])} (it may have been "
                            "removed); choose evidence among the case's codings")


# -- the record ---------------------------------------------------------------------------------
#: a display cell as recorded: (column, statement, the quotes' coding UUIDs)
CellRecord = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True)
class VerdictState:
    """Everything recorded for one case and hypothesis, so any change can be undone exactly."""

    verdict: str | None = None
    evidence: tuple[str, ...] = ()
    note: str = ""
    cells: tuple[CellRecord, ...] = ()
    uuid: str = ""

    @property
    def empty(self) -> bool:
        return self.verdict is None and not self.evidence and not self.note and not self.cells

    def cell(self, column: str) -> tuple[str, tuple[str, ...]]:
        for col, statement, quotes in self.cells:
            if col == column:
                return statement, quotes
        return "", ()

    def with_cell(self, column: str, statement: str, quotes: tuple[str, ...]) -> VerdictState:
        cells = [c for c in self.cells if c[0] != column]
        if statement or quotes:
            cells.append((column, statement, quotes))
        return replace(self, cells=tuple(sorted(cells)))


def _row(session: Session, case_id: int, hypothesis_id: int) -> Verdict | None:
    return session.scalar(sa.select(Verdict).where(Verdict.case_id == case_id,
                                                   Verdict.hypothesis_id == hypothesis_id))


def _state_of(row: Verdict) -> VerdictState:
    return VerdictState(row.verdict, tuple(row.evidence or ()), row.note or "",
                        tuple(sorted((c.column, c.statement, tuple(c.quotes or ()))
                                     for c in row.cells)), row.uuid)


def read_state(session: Session, case_id: int, hypothesis_id: int) -> VerdictState | None:
    row = _row(session, case_id, hypothesis_id)
    return _state_of(row) if row is not None else None


def verdict_states(session: Session, hypothesis_id: int | None = None) -> dict[tuple[int, int], VerdictState]:
    """All recorded verdicts by (case id, hypothesis id), read in two queries."""
    query = sa.select(Verdict.id, Verdict.case_id, Verdict.hypothesis_id, Verdict.verdict,
                      Verdict.evidence, Verdict.note, Verdict.uuid)
    if hypothesis_id is not None:
        query = query.where(Verdict.hypothesis_id == hypothesis_id)
    rows = session.execute(query).all()
    cells: dict[int, list[CellRecord]] = defaultdict(list)
    cell_query = sa.select(VerdictCell.verdict_id, VerdictCell.column, VerdictCell.statement,
                           VerdictCell.quotes)
    if hypothesis_id is not None:
        cell_query = cell_query.join(Verdict).where(Verdict.hypothesis_id == hypothesis_id)
    for verdict_id, column, statement, quotes in session.execute(cell_query):
        cells[verdict_id].append((column, statement, tuple(quotes or ())))
    return {(r.case_id, r.hypothesis_id): VerdictState(
        r.verdict, tuple(r.evidence or ()), r.note or "", tuple(sorted(cells[r.id])), r.uuid)
        for r in rows}


def write_state(session: Session, case_id: int, hypothesis_id: int,
                state: VerdictState | None) -> None:
    """Make the stored record `state` (None or empty removes it); cells update in place."""
    row = _row(session, case_id, hypothesis_id)
    if state is None or state.empty:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        row = Verdict(case_id=case_id, hypothesis_id=hypothesis_id, uuid=state.uuid or new_uuid())
        session.add(row)
    row.verdict, row.evidence, row.note = state.verdict, list(state.evidence), state.note
    wanted = {column: (statement, quotes) for column, statement, quotes in state.cells}
    for cell in list(row.cells):  # (verdict, column) is unique
        if cell.column not in wanted:
            row.cells.remove(cell)
    have = {cell.column: cell for cell in row.cells}
    for column, (statement, quotes) in wanted.items():
        cell = have.get(column) or VerdictCell(column=column)
        cell.statement, cell.quotes = statement, list(quotes)
        if column not in have:
            row.cells.append(cell)
    session.flush()


def _check_case_hypothesis(session: Session, case_id: int, hypothesis_id: int) -> Hypothesis:
    if session.get(Case, case_id) is None:
        raise NotFoundError(f"case id {case_id} is not in the project")
    return require_hypothesis(session, hypothesis_id)


@dataclass(frozen=True)
class PutVerdict:
    """Replace the whole record of one case and hypothesis (None removes it)."""

    case_id: int
    hypothesis_id: int
    state: VerdictState | None
    label: str = "Restore verdict"

    def execute(self, session: Session) -> tuple[VerdictState | None, PutVerdict]:
        _check_case_hypothesis(session, self.case_id, self.hypothesis_id)
        old = read_state(session, self.case_id, self.hypothesis_id)
        write_state(session, self.case_id, self.hypothesis_id, self.state)
        return self.state, PutVerdict(self.case_id, self.hypothesis_id, old, self.label)


def _change(session: Session, case_id: int, hypothesis_id: int, label: str,
            change: Callable[[VerdictState], VerdictState]) -> tuple[VerdictState, PutVerdict]:
    """Apply `change` to the record (an empty one when there is none); undo puts it back."""
    _check_case_hypothesis(session, case_id, hypothesis_id)
    old = read_state(session, case_id, hypothesis_id)
    new = change(old or VerdictState())
    write_state(session, case_id, hypothesis_id, new)
    return new, PutVerdict(case_id, hypothesis_id, old, label)


@dataclass(frozen=True)
class SetVerdict:
    case_id: int
    hypothesis_id: int
    verdict: str | None
    label: str = "Set verdict"

    def execute(self, session: Session) -> tuple[VerdictState, PutVerdict]:
        verdict = parse_verdict(self.verdict)
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: replace(s, verdict=verdict))


@dataclass(frozen=True)
class SetEvidence:
    """Choose the codings that carry the verdict (replaces the earlier choice)."""

    case_id: int
    hypothesis_id: int
    codings: tuple[str, ...]
    label: str = "Choose evidence"

    def execute(self, session: Session) -> tuple[VerdictState, PutVerdict]:
        require_codings(session, self.codings)
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: replace(s, evidence=tuple(dict.fromkeys(self.codings))))


@dataclass(frozen=True)
class SetVerdictNote:
    case_id: int
    hypothesis_id: int
    note: str
    label: str = "Edit verdict note"

    def execute(self, session: Session) -> tuple[VerdictState, PutVerdict]:
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: replace(s, note=self.note))


@dataclass(frozen=True)
class SetCell:
    """The condensed statement for one display column, with the quotes it rests on."""

    case_id: int
    hypothesis_id: int
    column: str
    statement: str
    quotes: tuple[str, ...] = ()
    label: str = "Edit display cell"

    def execute(self, session: Session) -> tuple[VerdictState, PutVerdict]:
        hyp = _check_case_hypothesis(session, self.case_id, self.hypothesis_id)
        columns = list(hyp.display_columns or [])
        if self.column not in columns:
            raise QcoderError(f"hypothesis {hyp.ident} has no display column {self.column!r}; "
                              f"its columns are: {', '.join(columns) or '(none)'}")
        require_codings(session, self.quotes)
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: s.with_cell(self.column, self.statement.strip(),
                                             tuple(dict.fromkeys(self.quotes))))


# -- for callers outside a transaction ------------------------------------------------------------
def verdict_state(project: Project, case_id: int, hypothesis_id: int) -> VerdictState | None:
    """The record for one case and hypothesis, read in its own session."""
    with project.session() as s:
        return read_state(s, case_id, hypothesis_id)


def set_verdict(project: Project, case: str, hypothesis: str, verdict: str | None, *,
                note: str | None = None, evidence: tuple[str, ...] | None = None,
                evidence_codes: tuple[str, ...] = (),
                cells: tuple[tuple[str, str], ...] = ()) -> Result:
    """Record a verdict by the names users type, as one undoable step with, when given, its
    note, its evidence (coding ids, and the case's codings of the code paths `evidence_codes`
    with their sub-codes) and display-cell statements (column, statement)."""
    with project.session() as s:
        case_id, hyp_id = case_by_name(s, case).id, hypothesis_by_ident(s, hypothesis).id
        ops: list[Operation] = [SetVerdict(case_id, hyp_id, verdict)]
        if note is not None:
            ops.append(SetVerdictNote(case_id, hyp_id, note))
        if evidence is not None or evidence_codes:
            chosen = list(evidence or []) + (_codings_of(s, case_id, evidence_codes)
                                             if evidence_codes else [])
            ops.append(SetEvidence(case_id, hyp_id, tuple(chosen)))
        ops += [SetCell(case_id, hyp_id, column, statement) for column, statement in cells]
    return run(project, Batch(tuple(ops), label="Set verdict"))


def _codings_of(session: Session, case_id: int, paths: tuple[str, ...]) -> list[str]:
    """The case's codings of the given codes (with their sub-codes)."""
    ids = set().union(*(descendant_ids(session, code_by_path(session, p).id) for p in paths))
    found = [c.uuid for c in CaseCodings(session, code_ids=ids).codings if c.case_id == case_id]
    if not found:
        raise QcoderError(f"the case has no codings of {', '.join(paths)}; code the passages "
                          "first, or name codings with --evidence")
    return found

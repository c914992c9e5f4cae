"""Hypotheses, the researcher's verdict per case, and codings flagged as counter-evidence.

A verdict (støtte / delvis støtte / ingen støtte / modstrid / ingen data) is the researcher's
judgement of one hypothesis for one case, held with the codings chosen as its evidence, a note,
and a condensed statement per display column ("condition | argument | consequence") linked to
its quotes. The suggestion computed from linked codes is only ever shown beside it. Every change
is an undoable operation (see operations.py); the module-level functions run one.

Suggestion rules (per case, over the codings in view): a coding supports the hypothesis when
its code - or its nearest linked ancestor - is linked with direction "supports", and contradicts
it when that link says "contradicts" or the coding is flagged as counter-evidence. Then:
no codings at all -> "ingen data"; none linked -> "ingen støtte"; only supporting -> "støtte";
more supporting than contradicting -> "delvis støtte"; otherwise -> "modstrid".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .case_codings import CaseCodings
from ..codebooks.schema import DIRECTIONS, HYPOTHESIS_KINDS
from ..errors import NotFoundError, QcoderError
from ..lookup import _nfc, case_by_name, hypothesis_by_ident
from ..operations import Result, run
from ..store.models import Case, Code, CodeHypothesis, Coding, Hypothesis, new_uuid
from ..store.models_analysis import VERDICTS, CounterEvidence, Verdict, VerdictCell

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


# -- finding things --------------------------------------------------------------------------
def _hypothesis(session: Session, hypothesis_id: int) -> Hypothesis:
    hyp = session.get(Hypothesis, hypothesis_id)
    if hyp is None:
        raise NotFoundError(f"hypothesis id {hypothesis_id} is not in the project")
    return hyp


# -- verdicts ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class VerdictState:
    """Everything recorded for one case and hypothesis, so any change can be undone exactly."""

    verdict: str | None = None
    evidence: tuple[str, ...] = ()
    note: str = ""
    cells: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (column, statement, quotes)
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
    cells: dict[int, list] = defaultdict(list)
    cell_query = sa.select(VerdictCell.verdict_id, VerdictCell.column, VerdictCell.statement,
                           VerdictCell.quotes)
    if hypothesis_id is not None:
        cell_query = cell_query.join(Verdict).where(Verdict.hypothesis_id == hypothesis_id)
    for verdict_id, column, statement, quotes in session.execute(cell_query):
        cells[verdict_id].append((column, statement, tuple(quotes or ())))
    return {(r.case_id, r.hypothesis_id): VerdictState(
        r.verdict, tuple(r.evidence or ()), r.note or "", tuple(sorted(cells[r.id])), r.uuid)
        for r in rows}


def _write_state(session: Session, case_id: int, hypothesis_id: int,
                 state: VerdictState | None) -> None:
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
    for cell in list(row.cells):  # update in place: (verdict, column) is unique
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
    return _hypothesis(session, hypothesis_id)


def _check_codings(session: Session, uuids: tuple[str, ...]) -> None:
    found = set(session.scalars(sa.select(Coding.uuid).where(Coding.uuid.in_(uuids))))
    missing = [u for u in uuids if u not in found]
    if missing:
        raise NotFoundError(f"no coding with id {', '.join(missing[:3])} (it may have been "
                            "removed); choose evidence among the case's codings")


@dataclass(frozen=True)
class PutVerdict:
    """Replace the whole record of one case and hypothesis (None removes it)."""

    case_id: int
    hypothesis_id: int
    state: VerdictState | None
    label: str = "Restore verdict"

    def execute(self, session: Session):
        _check_case_hypothesis(session, self.case_id, self.hypothesis_id)
        old = read_state(session, self.case_id, self.hypothesis_id)
        _write_state(session, self.case_id, self.hypothesis_id, self.state)
        return self.state, PutVerdict(self.case_id, self.hypothesis_id, old, self.label)


def _change(session: Session, case_id: int, hypothesis_id: int, label: str, change):
    _check_case_hypothesis(session, case_id, hypothesis_id)
    old = read_state(session, case_id, hypothesis_id)
    new = change(old or VerdictState())
    _write_state(session, case_id, hypothesis_id, new)
    return new, PutVerdict(case_id, hypothesis_id, old, label)


@dataclass(frozen=True)
class SetVerdict:
    case_id: int
    hypothesis_id: int
    verdict: str | None
    label: str = "Set verdict"

    def execute(self, session: Session):
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

    def execute(self, session: Session):
        _check_codings(session, self.codings)
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: replace(s, evidence=tuple(dict.fromkeys(self.codings))))


@dataclass(frozen=True)
class SetVerdictNote:
    case_id: int
    hypothesis_id: int
    note: str
    label: str = "Edit verdict note"

    def execute(self, session: Session):
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

    def execute(self, session: Session):
        hyp = _check_case_hypothesis(session, self.case_id, self.hypothesis_id)
        columns = list(hyp.display_columns or [])
        if self.column not in columns:
            raise QcoderError(f"hypothesis {hyp.ident} has no display column {self.column!r}; "
                              f"its columns are: {', '.join(columns) or '(none)'}")
        _check_codings(session, self.quotes)
        return _change(session, self.case_id, self.hypothesis_id, self.label,
                       lambda s: s.with_cell(self.column, self.statement.strip(),
                                             tuple(dict.fromkeys(self.quotes))))


# -- counter-evidence ------------------------------------------------------------------------
@dataclass(frozen=True)
class FlagCounterEvidence:
    coding_uuid: str
    hypothesis_id: int
    note: str = ""
    label: str = "Flag as counter-evidence"

    def execute(self, session: Session):
        _check_codings(session, (self.coding_uuid,))
        _hypothesis(session, self.hypothesis_id)
        row = session.get(CounterEvidence, (self.coding_uuid, self.hypothesis_id))
        if row is None:
            session.add(CounterEvidence(coding_uuid=self.coding_uuid,
                                        hypothesis_id=self.hypothesis_id, note=self.note))
            inverse = UnflagCounterEvidence(self.coding_uuid, self.hypothesis_id, self.label)
        else:
            inverse = FlagCounterEvidence(self.coding_uuid, self.hypothesis_id, row.note, self.label)
            row.note = self.note
        session.flush()
        return True, inverse


@dataclass(frozen=True)
class UnflagCounterEvidence:
    coding_uuid: str
    hypothesis_id: int
    label: str = "Remove counter-evidence flag"

    def execute(self, session: Session):
        row = session.get(CounterEvidence, (self.coding_uuid, self.hypothesis_id))
        if row is None:
            raise NotFoundError("the coding is not flagged as counter-evidence for this hypothesis")
        note = row.note
        session.delete(row)
        session.flush()
        return False, FlagCounterEvidence(self.coding_uuid, self.hypothesis_id, note, self.label)


def counter_evidence(session: Session, hypothesis_id: int) -> dict[str, str]:
    """Flagged coding UUIDs for a hypothesis, with their notes."""
    return dict(session.execute(sa.select(CounterEvidence.coding_uuid, CounterEvidence.note)
                                .where(CounterEvidence.hypothesis_id == hypothesis_id)).all())


# -- hypotheses themselves -------------------------------------------------------------------
@dataclass(frozen=True)
class HypothesisSpec:
    ident: str
    label: str = ""
    statement: str = ""
    kind: str = "exit"
    display_columns: tuple[str, ...] = ()
    parent_ident: str | None = None
    uuid: str = ""
    id: int | None = None
    codebook_id: int | None = None
    position: int = 0


def _check_spec(session: Session, spec: HypothesisSpec, own_id: int | None = None) -> None:
    if not spec.ident.strip():
        raise QcoderError("a hypothesis needs an id, e.g. H5")
    if spec.kind not in HYPOTHESIS_KINDS:
        raise QcoderError(f"unknown hypothesis kind {spec.kind!r}; use {' or '.join(HYPOTHESIS_KINDS)}")
    clash = session.scalar(sa.select(Hypothesis.id).where(Hypothesis.ident == spec.ident))
    if clash is not None and clash != own_id:
        raise QcoderError(f"the project already has a hypothesis {spec.ident!r}; choose another id")
    if len(set(spec.display_columns)) != len(spec.display_columns):
        raise QcoderError("display columns must have different names")


@dataclass(frozen=True)
class _Snapshot:
    spec: HypothesisSpec
    links: tuple[tuple[int, str], ...]
    verdicts: tuple[tuple[int, VerdictState], ...]
    flags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CreateHypothesis:
    """A hypothesis made in the project, outside any codebook (or restored after deletion)."""

    spec: HypothesisSpec
    label: str = "Create hypothesis"
    restore: _Snapshot | None = None

    def execute(self, session: Session):
        spec = self.spec
        _check_spec(session, spec)
        if spec.position == 0 and spec.codebook_id is None and self.restore is None:
            last = session.scalar(sa.select(sa.func.max(Hypothesis.position)))
            spec = replace(spec, position=(last or 0) + 1)
        hyp = Hypothesis(ident=spec.ident, label=spec.label, statement=spec.statement,
                         kind=spec.kind, display_columns=list(spec.display_columns),
                         parent_ident=spec.parent_ident, uuid=spec.uuid or new_uuid(),
                         codebook_id=spec.codebook_id, position=spec.position,
                         **({"id": spec.id} if spec.id is not None else {}))
        session.add(hyp)
        session.flush()
        if self.restore is not None:
            for code_id, direction in self.restore.links:
                session.add(CodeHypothesis(code_id=code_id, hypothesis_id=hyp.id, direction=direction))
            for coding_uuid, note in self.restore.flags:
                session.add(CounterEvidence(coding_uuid=coding_uuid, hypothesis_id=hyp.id, note=note))
            session.flush()
            for case_id, state in self.restore.verdicts:
                _write_state(session, case_id, hyp.id, state)
        return hyp.id, DeleteHypothesis(hyp.uuid, label=self.label)


@dataclass(frozen=True)
class DeleteHypothesis:
    """Delete a project hypothesis with its code links, verdicts and counter-evidence flags;
    undo restores all of them. Hypotheses of a codebook belong to the codebook file."""

    uuid: str
    label: str = "Delete hypothesis"

    def execute(self, session: Session):
        hyp = session.scalar(sa.select(Hypothesis).where(Hypothesis.uuid == self.uuid))
        if hyp is None:
            raise NotFoundError(f"no hypothesis with id {self.uuid}")
        if hyp.codebook_id is not None:
            raise QcoderError(f"hypothesis {hyp.ident} belongs to codebook {hyp.codebook.name!r}; "
                              "remove it from the codebook file and load the file again")
        snapshot = _Snapshot(
            HypothesisSpec(hyp.ident, hyp.label, hyp.statement, hyp.kind,
                           tuple(hyp.display_columns or ()), hyp.parent_ident, hyp.uuid, hyp.id,
                           hyp.codebook_id, hyp.position),
            tuple(session.execute(sa.select(CodeHypothesis.code_id, CodeHypothesis.direction)
                                  .where(CodeHypothesis.hypothesis_id == hyp.id)).all()),
            tuple((case_id, state) for (case_id, _h), state
                  in sorted(verdict_states(session, hyp.id).items())),
            tuple(sorted(counter_evidence(session, hyp.id).items())),
        )
        verdicts = sa.select(Verdict.id).where(Verdict.hypothesis_id == hyp.id)
        session.execute(sa.delete(VerdictCell).where(VerdictCell.verdict_id.in_(verdicts)))
        for model in (CodeHypothesis, CounterEvidence, Verdict):
            session.execute(sa.delete(model).where(model.hypothesis_id == hyp.id))
        session.delete(hyp)
        session.flush()
        return snapshot.spec.ident, CreateHypothesis(snapshot.spec, self.label, snapshot)


@dataclass(frozen=True)
class EditHypothesis:
    uuid: str
    label_text: str
    statement: str
    kind: str
    display_columns: tuple[str, ...]
    label: str = "Edit hypothesis"

    def execute(self, session: Session):
        hyp = session.scalar(sa.select(Hypothesis).where(Hypothesis.uuid == self.uuid))
        if hyp is None:
            raise NotFoundError(f"no hypothesis with id {self.uuid}")
        _check_spec(session, HypothesisSpec(hyp.ident, kind=self.kind,
                                            display_columns=self.display_columns), hyp.id)
        old = EditHypothesis(self.uuid, hyp.label, hyp.statement, hyp.kind,
                             tuple(hyp.display_columns or ()), self.label)
        hyp.label, hyp.statement, hyp.kind = self.label_text, self.statement, self.kind
        hyp.display_columns = list(self.display_columns)
        session.flush()
        return hyp.id, old


@dataclass(frozen=True)
class LinkCode:
    """Link a code to a hypothesis with a direction; direction None removes the link."""

    code_id: int
    hypothesis_id: int
    direction: str | None
    label: str = "Link code to hypothesis"

    def execute(self, session: Session):
        if self.direction is not None and self.direction not in DIRECTIONS:
            raise QcoderError(f"unknown direction {self.direction!r}; use {' or '.join(DIRECTIONS)}")
        if session.get(Code, self.code_id) is None:
            raise NotFoundError(f"code id {self.code_id} is not in the project")
        _hypothesis(session, self.hypothesis_id)
        row = session.get(CodeHypothesis, (self.code_id, self.hypothesis_id))
        old = row.direction if row is not None else None
        if self.direction is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(CodeHypothesis(code_id=self.code_id, hypothesis_id=self.hypothesis_id,
                                       direction=self.direction))
        else:
            row.direction = self.direction
        session.flush()
        return self.direction, LinkCode(self.code_id, self.hypothesis_id, old, self.label)


# -- suggestions ------------------------------------------------------------------------------
def code_directions(session: Session, hypothesis_id: int) -> dict[int, str]:
    """Each code's direction for the hypothesis: its own link, else its nearest linked
    ancestor's; codes without either are absent."""
    links = dict(session.execute(sa.select(CodeHypothesis.code_id, CodeHypothesis.direction)
                                 .where(CodeHypothesis.hypothesis_id == hypothesis_id)).all())
    parents = dict(session.execute(sa.select(Code.id, Code.parent_id)).all())
    out: dict[int, str] = {}
    for code_id in parents:
        node: int | None = code_id
        while node is not None and node not in links:
            node = parents.get(node)
        if node is not None:
            out[code_id] = links[node]
    return out


@dataclass(frozen=True)
class Suggestion:
    verdict: str
    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]


def suggest_verdicts(session: Session, hypothesis_id: int,
                     codings: CaseCodings) -> dict[int, Suggestion]:
    """The suggested verdict for every case (rules in the module docstring)."""
    directions = code_directions(session, hypothesis_id)
    flagged = counter_evidence(session, hypothesis_id)
    support: dict[int, list[str]] = defaultdict(list)
    against: dict[int, list[str]] = defaultdict(list)
    coded: set[int] = set()
    for c in codings.codings:
        coded.add(c.case_id)
        if c.uuid in flagged or directions.get(c.code_id) == "contradicts":
            against[c.case_id].append(c.uuid)
        elif directions.get(c.code_id) == "supports":
            support[c.case_id].append(c.uuid)
    out = {}
    for case_id in codings.cases:
        s, a = support.get(case_id, []), against.get(case_id, [])
        if case_id not in coded:
            verdict = "ingen data"
        elif not s and not a:
            verdict = "ingen støtte"
        elif not a:
            verdict = "støtte"
        elif len(s) > len(a):
            verdict = "delvis støtte"
        else:
            verdict = "modstrid"
        out[case_id] = Suggestion(verdict, tuple(s), tuple(a))
    return out


# -- convenience for callers ------------------------------------------------------------------
def set_verdict(project, case: str, hypothesis: str, verdict: str | None) -> Result:
    with project.session() as s:
        case_id, hyp_id = case_by_name(s, case).id, hypothesis_by_ident(s, hypothesis).id
    return run(project, SetVerdict(case_id, hyp_id, verdict))


def set_cell(project, case: str, hypothesis: str, column: str, statement: str,
             quotes: tuple[str, ...] = ()) -> Result:
    with project.session() as s:
        case_id, hyp_id = case_by_name(s, case).id, hypothesis_by_ident(s, hypothesis).id
    return run(project, SetCell(case_id, hyp_id, column, statement, tuple(quotes)))


def set_evidence(project, case: str, hypothesis: str, codings: tuple[str, ...]) -> Result:
    with project.session() as s:
        case_id, hyp_id = case_by_name(s, case).id, hypothesis_by_ident(s, hypothesis).id
    return run(project, SetEvidence(case_id, hyp_id, tuple(codings)))


def flag_counter_evidence(project, coding_uuid: str, hypothesis: str, note: str = "") -> Result:
    with project.session() as s:
        hyp_id = hypothesis_by_ident(s, hypothesis).id
    return run(project, FlagCounterEvidence(coding_uuid, hyp_id, note))


def create_hypothesis(project, ident: str, label: str = "", statement: str = "",
                      kind: str = "exit", display_columns: tuple[str, ...] = ()) -> Result:
    return run(project, CreateHypothesis(HypothesisSpec(_nfc(ident), label, statement, kind,
                                                        tuple(display_columns))))

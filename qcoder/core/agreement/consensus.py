"""Consensus after discussion: decisions on disagreements become codings of a coder named
"Konsensus".

The original coders' codings are never touched, so a report can show agreement before the
discussion (Anna vs Bo) and the final coding after it (Konsensus). A decision covers one unit
or segment [start, end) of one code: what Konsensus had of that code inside it is replaced by
the decision, and the discussion is kept as a memo on the document. Each decision is one
undoable step.

What was decided is read back from the project (`decisions`, `coded_ranges`), so a browser of
the disagreements survives closing and an undo shows at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import ApplyCoding, CodingSpec, RemoveCoding, check_range
from ..errors import QcoderError
from ..lookup import code_by_path, code_path, coder_by_name, document_by_name
from ..operations import Batch, Operation, Result
from ..store.models import Coder, Coding, Document, Memo, new_uuid, utcnow

if TYPE_CHECKING:
    from ..store.project import Project

KONSENSUS = "Konsensus"
DECISIONS = {
    "a": "accept the first coder's coding",
    "b": "accept the second coder's coding",
    "both": "accept both codings (their union)",
    "neither": "code neither",
    "edit": "code the ranges given",
}


@dataclass(frozen=True)
class AddMemo:
    target_kind: str
    target_uuid: str | None
    coder_id: int | None
    title: str
    text: str
    uuid: str = ""
    label: str = "Add memo"

    def execute(self, session: Session) -> tuple[str, RemoveMemo]:
        memo = Memo(uuid=self.uuid or new_uuid(), target_kind=self.target_kind,
                    target_uuid=self.target_uuid, coder_id=self.coder_id, title=self.title,
                    text=self.text, created=utcnow())
        session.add(memo)
        session.flush()
        return memo.uuid, RemoveMemo(memo.uuid, self.label)


@dataclass(frozen=True)
class RemoveMemo:
    uuid: str
    label: str = "Remove memo"

    def execute(self, session: Session) -> tuple[None, AddMemo]:
        memo = session.scalar(sa.select(Memo).where(Memo.uuid == self.uuid))
        if memo is None:
            raise QcoderError(f"no memo with id {self.uuid} (it may have been removed already)")
        again = AddMemo(memo.target_kind, memo.target_uuid, memo.coder_id, memo.title, memo.text,
                        memo.uuid, self.label)
        session.delete(memo)
        session.flush()
        return None, again


def _union_within(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    clipped = sorted((max(a, start), min(b, end)) for a, b in ranges if min(b, end) > max(a, start))
    out: list[list[int]] = []
    for a, b in clipped:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _ranges(session: Session, document_id: int, code_id: int, coder_id: int) -> list[Coding]:
    return list(session.scalars(sa.select(Coding).where(
        Coding.document_id == document_id, Coding.code_id == code_id,
        Coding.coder_id == coder_id).order_by(Coding.start)))


def decide(project: Project, *, document: str, code: str, start: int, end: int, coders: tuple[str, str],
           decision: str, ranges: list[tuple[int, int]] | None = None, memo: str = "") -> Result:
    """Record the consensus on `code` in [start, end) of `document`; value = new coding UUIDs."""
    if decision not in DECISIONS:
        raise QcoderError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    edit_ranges = list(ranges or [])
    if decision == "edit" and not edit_ranges:
        raise QcoderError("an 'edit' decision needs the ranges to code")
    with project.transaction() as s:
        doc = document_by_name(s, document)
        check_range(doc, start, end)
        code_row = code_by_path(s, code)
        a, b = (coder_by_name(s, c) for c in coders)
        konsensus = coder_by_name(s, KONSENSUS, create=True)
        if decision == "edit":
            for x, y in edit_ranges:
                check_range(doc, x, y)
            chosen = _union_within(edit_ranges, 0, len(doc.text))
        else:
            sources = {"a": [a], "b": [b], "both": [a, b], "neither": []}[decision]
            found = [(c.start, c.end) for coder in sources
                     for c in _ranges(s, doc.id, code_row.id, coder.id)]
            chosen = _union_within(found, start, end)
        ops: list[Operation] = []
        for old in _ranges(s, doc.id, code_row.id, konsensus.id):
            if old.end <= start or old.start >= end:
                continue
            ops.append(RemoveCoding(old.uuid))
            base = CodingSpec.of(old)
            for x, y in ((old.start, start), (end, old.end)):
                if y > x:
                    ops.append(ApplyCoding(CodingSpec(doc.id, x, y, code_row.id, konsensus.id,
                                                      round=base.round, origin=base.origin)))
        for x, y in chosen:
            ops.append(ApplyCoding(CodingSpec(doc.id, x, y, code_row.id, konsensus.id,
                                              round=project.current_round, origin="consensus")))
        title = decision_key(code_path(code_row), start, end) + DECISIONS[decision]
        ops.append(AddMemo("document", doc.uuid, konsensus.id, title, memo))
        values, inverse = Batch(tuple(ops), label=f"{KONSENSUS}: {DECISIONS[decision]}").execute(s)
    new = [v for op, v in zip(ops, values) if isinstance(op, ApplyCoding)][-len(chosen):] \
        if chosen else []
    return Result(new, inverse)


# -- what was decided -------------------------------------------------------------------------
def decision_key(code: str, start: int, end: int) -> str:
    """What names the decision on `code` in [start, end): the start of the memo title that
    `decide` writes, so a later decision on the same unit replaces the earlier one."""
    return f"{KONSENSUS}: {code} [{start}-{end}] - "


@dataclass(frozen=True)
class Decision:
    decision: str  # a key of DECISIONS
    memo: str


def decisions(project: Project) -> dict[str, Decision]:
    """The latest decision on each unit decided, by decision_key, with its discussion memo."""
    keys = {text: key for key, text in DECISIONS.items()}
    found: dict[str, Decision] = {}
    with project.session() as s:
        for title, text in s.execute(
                sa.select(Memo.title, Memo.text).where(Memo.title.like(f"{KONSENSUS}: %"))
                .order_by(Memo.created, Memo.id)):
            head, _sep, what = title.rpartition(" - ")
            if what in keys:
                found[head + " - "] = Decision(keys[what], text)
    return found


def coded_ranges(project: Project, document: str, code: str,
                 coders: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Each named coder's codings of `code` in `document`, as (start, end) in text order."""
    out: dict[str, list[tuple[int, int]]] = {c: [] for c in coders}
    with project.session() as s:
        code_id = code_by_path(s, code).id
        rows = s.execute(
            sa.select(Coder.name, Coding.start, Coding.end)
            .join(Coder, Coder.id == Coding.coder_id)
            .join(Document, Document.id == Coding.document_id)
            .where(Document.name == document, Coding.code_id == code_id,
                   Coder.name.in_(list(out)))
            .order_by(Coding.start))
        for name, start, end in rows:
            out[name].append((start, end))
    return out

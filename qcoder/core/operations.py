"""Undoable operations: small data objects that change the project and return their inverse.

An operation's `execute(session)` makes its change inside the caller's transaction and returns
`(value, inverse)`. `run(project, op)` commits it as one user operation and adds what the
transaction changed, read off its statements (store/tracking.py), so an operation never has to
describe itself. The GUI keeps a stack of inverses for undo; running an inverse returns the
operation again, which is redo, and says what the undo changed the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from .changes import EVERYTHING, Changes
from .store.tracking import changes_of


class Operation(Protocol):
    """An undoable change; `label` is read-only so that frozen dataclasses are operations."""

    @property
    def label(self) -> str: ...

    def execute(self, session: Session) -> tuple[Any, Operation]: ...


@dataclass(frozen=True)
class Result:
    value: Any
    inverse: Operation
    #: what the operation changed; everything, when a caller building a Result of several
    #: transactions does not say (each of those is in the project's journal precisely)
    changes: Changes = EVERYTHING


@dataclass(frozen=True)
class Batch:
    """Several operations as one: undone together, in reverse order."""

    ops: tuple[Operation, ...]
    label: str = "Batch"

    def execute(self, session: Session) -> tuple[list[Any], Operation]:
        values, inverses = [], []
        for op in self.ops:
            value, inverse = op.execute(session)
            values.append(value)
            inverses.append(inverse)
        return values, Batch(tuple(reversed(inverses)), self.label)


def run(project, op: Operation) -> Result:
    """Execute `op` as one committed transaction on `project`."""
    with project.transaction() as session:
        value, inverse = op.execute(session)
    return Result(value, inverse, changes_of(session))

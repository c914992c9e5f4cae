"""An undoable operation that sets columns of rows in any table, named by table and key.

Changes that sweep the whole project (pseudonymisation rewrites every text field that holds a
name) are recorded as (table, key, column, old, new) so the inverse is the same operation with
old and new swapped. Rows with a UUID are keyed by it, because undoing a deletion recreates a
row under its UUID with a new integer id. Each update also checks the old value, so replaying
an inverse over a row that has changed since fails loudly instead of overwriting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..store.models import Base


@dataclass(frozen=True)
class RowChange:
    table: str
    key: tuple[tuple[str, object], ...]
    column: str
    old: object
    new: object

    def inverted(self) -> RowChange:
        return RowChange(self.table, self.key, self.column, self.new, self.old)


def row_key(table: sa.Table, row: sa.RowMapping) -> tuple[tuple[str, object], ...]:
    """The key columns of `table` (its UUID when it has one) with their values in `row`."""
    names = ["uuid"] if "uuid" in table.c else [c.name for c in table.primary_key.columns]
    return tuple((name, row[name]) for name in names)


def key_columns(table: sa.Table) -> list[sa.Column[Any]]:
    if "uuid" in table.c:
        return [table.c.uuid]
    return list(table.primary_key.columns)


@dataclass(frozen=True, eq=False)
class SetRows:
    """Apply `changes` in order."""

    changes: tuple[RowChange, ...]
    label: str = "Change"

    def execute(self, session: Session) -> tuple[int, SetRows]:
        session.flush()
        for c in self.changes:
            table = Base.metadata.tables[c.table]
            where = [table.c[k] == v for k, v in c.key] + [table.c[c.column] == c.old]
            # an UPDATE gives a CursorResult (Session.execute is typed for any statement)
            done = cast(sa.CursorResult[Any], session.execute(
                sa.update(table).where(*where).values({c.column: c.new})))
            if done.rowcount != 1:
                raise QcoderError(
                    f"{c.table} {dict(c.key)}: {c.column} has changed since this step was "
                    "recorded; nothing was changed")
        session.expire_all()
        inverse = SetRows(tuple(c.inverted() for c in reversed(self.changes)), self.label)
        return len(self.changes), inverse

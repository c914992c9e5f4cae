"""What a transaction changed, read off the statements that reach the database.

Operations write through the ORM and through Core `insert/update/delete` alike, and there are
many of them; rather than trusting each to describe itself, the engine's events watch every
statement of a tracked transaction:

- INSERT: the documents are in the inserted values (or, for new documents, the keys the
  database gave them);
- UPDATE and DELETE: the rows are read with the statement's own WHERE just before it runs
  (their documents, or for other tables whether there are any); a DELETE also follows the
  schema's ON DELETE CASCADE / SET NULL rules to the rows the database will change by itself;
- anything else that writes (SQL text, DDL, an upsert) counts as everything.

When the documents cannot be told, a field widens to every document: coarse, never missing.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, BooleanClauseList
from sqlalchemy.sql.expression import SelectBase

from ..changes import ALL_DOCS, DOC_FIELDS, EVERYTHING, Changes, Docs

#: which field of `Changes` each table's rows belong to
FIELD_OF_TABLE = {
    "documents": "documents", "structure_ranges": "documents",
    "codings": "codings", "detached_codings": "codings",
    "speakers": "speakers",
    "text_index": "language", "suggestion_rejections": "language",
    "cases": "cases", "attributes": "cases", "case_values": "cases", "document_cases": "cases",
    "codebooks": "codes", "codes": "codes",
    "hypotheses": "hypotheses", "code_hypotheses": "hypotheses", "verdicts": "hypotheses",
    "verdict_cells": "hypotheses", "counter_evidence": "hypotheses",
    "survey_datasets": "surveys", "survey_items": "surveys", "survey_respondents": "surveys",
    "survey_values": "surveys",
    "memos": "memos", "coders": "coders", "meta": "settings",
    "display_definitions": "hypotheses", "code_summaries": "hypotheses",
    "saved_queries": "settings", "merged_packages": "settings", "export_records": "settings",
}

_KEY = "qcoder.tracker"
#: statements that read, or only steer the transaction
_HARMLESS = ("SELECT", "PRAGMA", "EXPLAIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN",
             "COMMIT", "END")
_IN_CHUNK = 500

#: one set of a statement's bound parameters (SQLAlchemy's own type: values of any column)
Params = Mapping[str, Any]
#: a statement's WHERE clause, None for every row
Where = sa.ColumnElement[Any] | None
_T = TypeVar("_T")


class Tracker:
    """The changes of one transaction, gathered as its statements run."""

    def __init__(self) -> None:
        self.docs: dict[str, set[int]] = defaultdict(set)
        self.flags: set[str] = set()
        self.everything = False

    def touch(self, table: sa.Table, docs: set[int] | None = None) -> None:
        """Rows of `table` changed, in these documents (None: unknown, so every document)."""
        name = FIELD_OF_TABLE.get(table.name)
        if name is None:
            self.everything = True
        elif name not in DOC_FIELDS or docs is None:
            self.flags.add(name)
        else:
            self.docs[name] |= docs

    def changes(self) -> Changes:
        if self.everything:
            return EVERYTHING
        docs = {name: Docs.of(ids) for name, ids in self.docs.items()}
        docs |= {name: ALL_DOCS for name in self.flags if name in DOC_FIELDS}
        return Changes.from_fields(docs, self.flags - set(DOC_FIELDS))


@contextmanager
def tracked(session: Session) -> Iterator[Tracker]:
    """Watch what the session's transaction writes. The caller flushes before leaving, so
    that the commit has nothing left to write unseen."""
    tracker = Tracker()
    info = session.connection().info   # the DBAPI connection's: the one every statement uses
    info[_KEY] = tracker
    session.info[_KEY] = tracker
    try:
        yield tracker
    finally:
        info.pop(_KEY, None)


def changes_of(session: Session) -> Changes:
    """What the session's tracked (and committed) transaction changed."""
    tracker: Tracker = session.info[_KEY]
    return tracker.changes()


def install(engine: sa.Engine) -> None:
    """Listen to the engine's statements; untracked connections cost a dictionary lookup."""
    event.listen(engine, "before_execute", _before_execute)
    event.listen(engine, "after_execute", _after_execute)
    event.listen(engine, "before_cursor_execute", _before_cursor_execute)


# -- the events --------------------------------------------------------------------------------
def _tracker(conn: sa.Connection) -> Tracker | None:
    """The tracker of the connection's transaction, if it is tracked."""
    tracker: Tracker | None = conn.info.get(_KEY)
    return tracker


def _before_execute(conn: sa.Connection, clause: sa.Executable, multiparams: Sequence[Params],
                    params: Params, _options: object) -> None:
    tracker = _tracker(conn)
    if tracker is None or not isinstance(clause, (sa.Update, sa.Delete, sa.Insert)):
        return
    table = clause.table
    if not isinstance(table, sa.Table):   # a join or an alias: coarse, never missing
        tracker.everything = True
        return
    param_sets = list(multiparams) or [params or {}]
    if isinstance(clause, sa.Insert):
        _inserting(tracker, conn, clause, table, param_sets)
        return
    doc = _doc_column(table)
    if isinstance(clause, sa.Update) and doc is not None and (
            any(doc.key in p for p in param_sets) or doc.key in _embedded(conn, clause)):
        tracker.touch(table)   # rows move to other documents: which, is not worth reading
        return
    _touch_rows(tracker, conn, table, clause.whereclause, param_sets)
    if isinstance(clause, sa.Delete):
        _follow_deletion(tracker, conn, table, clause.whereclause, param_sets, frozenset())


def _after_execute(conn: sa.Connection, clause: sa.Executable, _multiparams: object,
                   _params: object, _options: object, result: sa.CursorResult[Any]) -> None:
    """New documents' ids are known only once the database has given them."""
    tracker = _tracker(conn)
    if (tracker is None or not isinstance(clause, sa.Insert)
            or not isinstance(clause.table, sa.Table) or clause.table.name != "documents"):
        return
    try:
        keys = {row[0] if row is not None else None for row in result.inserted_primary_key_rows}
    except sa.exc.InvalidRequestError:
        keys = set()
    tracker.touch(clause.table, cast(set[int], keys) if keys and None not in keys else None)


def _before_cursor_execute(conn: sa.Connection, _cursor: object, statement: str,
                           _parameters: object, context: ExecutionContext | None,
                           _many: bool) -> None:
    """The net under the others: SQL they did not see, or that writes more than it says."""
    tracker = _tracker(conn)
    if tracker is None:
        return
    construct = getattr(getattr(context, "compiled", None), "statement", None)
    head = statement.lstrip()[:16].upper()
    if isinstance(construct, (sa.Insert, sa.Update, sa.Delete)):   # seen by _before_execute
        if head.startswith(("INSERT OR", "REPLACE")) or " ON CONFLICT" in statement:
            tracker.everything = True   # an upsert may replace (delete) rows
    elif not isinstance(construct, SelectBase) and not head.startswith(_HARMLESS):
        tracker.everything = True


# -- reading which rows ------------------------------------------------------------------------
def _doc_column(table: sa.Table) -> sa.Column[int] | None:
    """The column naming a row's document, for tables whose field names documents."""
    if FIELD_OF_TABLE.get(table.name) not in DOC_FIELDS:
        return None
    return table.c.id if table.name == "documents" else table.c.document_id


def _embedded(conn: sa.Connection, clause: sa.Insert | sa.Update) -> dict[str, Any]:
    """The values written into the statement itself (`.values(...)`), by column key."""
    params: dict[str, Any] = clause.compile(dialect=conn.dialect, column_keys=[]).params
    return params


def _inserting(tracker: Tracker, conn: sa.Connection, clause: sa.Insert, table: sa.Table,
               param_sets: list[Params]) -> None:
    doc = _doc_column(table)
    if doc is None:
        tracker.touch(table)
        return
    ids = {p.get(doc.key) for p in param_sets}
    if None in ids and doc.primary_key:
        return   # new documents: the database gives their ids, _after_execute reads them
    if None in ids:
        embedded = _embedded(conn, clause).get(doc.key)
        ids = {p.get(doc.key, embedded) for p in param_sets}
    from_select = getattr(clause, "select", None) is not None
    tracker.touch(table, None if None in ids or from_select else cast(set[int], ids))


def _touch_rows(tracker: Tracker, conn: sa.Connection, table: sa.Table, where: Where,
                param_sets: list[Params]) -> None:
    """Note the rows `where` matches (before the statement acts on them): by document where
    the table names documents, else whether there are any."""
    doc = _doc_column(table)
    found = _values(conn, table, where, param_sets, sa.literal(1) if doc is None else doc)
    if doc is not None:
        tracker.touch(table, found)
    elif found:
        tracker.touch(table)


def _follow_deletion(tracker: Tracker, conn: sa.Connection, table: sa.Table, where: Where,
                     param_sets: list[Params], followed: frozenset[tuple[str, str, int]]) -> None:
    """The rows the schema's ON DELETE rules change when the rows of `table` matched by
    `where` go, followed down by their keys. `followed` holds the (table, column, key) already
    followed, so that a tree of codes ends."""
    for fk in _dependents(table):
        keys = {k for k in _values(conn, table, where, param_sets, fk.column)
                if (table.name, fk.column.key, k) not in followed}
        if not keys:
            continue
        child, child_where = fk.parent.table, fk.parent.in_(sorted(keys))
        _touch_rows(tracker, conn, child, child_where, [{}])
        if (fk.ondelete or "").upper() == "CASCADE":   # (SET NULL changes the rows, which stay)
            _follow_deletion(tracker, conn, child, child_where, [{}],
                             followed | {(table.name, fk.column.key, k) for k in keys})


def _values(conn: sa.Connection, table: sa.Table, where: Where, param_sets: list[Params],
            column: sa.ColumnElement[_T]) -> set[_T]:
    """The distinct values of `column` in the rows `where` matches under each parameter set."""
    query = sa.select(column).select_from(table).distinct()
    if where is None:
        return set(conn.execute(query).scalars())
    bound = _bound_column(where)
    if len(param_sets) > 1 and bound is not None and all(bound[1] in p for p in param_sets):
        # the ORM's by-primary-key form, for many rows at once: one query per chunk of keys
        keys = [p[bound[1]] for p in param_sets]
        found: set[_T] = set()
        for i in range(0, len(keys), _IN_CHUNK):
            found.update(conn.execute(query.where(bound[0].in_(keys[i:i + _IN_CHUNK])))
                         .scalars())
        return found
    query = query.where(where)
    found = set()
    for p in param_sets:
        found.update(conn.execute(query, p).scalars())
    return found


def _bound_column(where: sa.ColumnElement[Any]) -> tuple[sa.Column[Any], str] | None:
    """(column, parameter name) when `where` is just `column = :name`."""
    clauses = where.clauses if isinstance(where, BooleanClauseList) else [where]
    if len(clauses) != 1:
        return None
    (only,) = clauses
    if (isinstance(only, BinaryExpression) and only.operator is operator.eq
            and isinstance(only.left, sa.Column) and isinstance(only.right, BindParameter)):
        return only.left, only.right.key
    return None


def _dependents(table: sa.Table) -> tuple[sa.ForeignKey, ...]:
    """Foreign keys elsewhere whose ON DELETE rule changes rows when `table` loses one. (By
    name: a statement on an ORM entity carries an annotated copy of the table.)"""
    return _dependents_by_name(table.metadata, table.name)


@cache
def _dependents_by_name(metadata: sa.MetaData, name: str) -> tuple[sa.ForeignKey, ...]:
    return tuple(fk for other in metadata.tables.values() for fk in other.foreign_keys
                 if fk.column.table.name == name
                 and (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"))

"""What a committed change touched, so that views refresh only that (Anki's `OpChanges`).

Every transaction yields a `Changes`, derived from the statements that reached the database
(store/tracking.py), so no operation can forget to say what it did. A view asks only what it
shows: `doc in changes.codings`, `changes.codes`. Coarse is allowed, missing is not: when the
documents concerned are unknown, a field is `ALL_DOCS`, which contains every document.

`ChangeJournal` keeps each committed transaction's changes by revision, so a view that was
busy, or a dialog that ran core functions itself, catches up with everything since it last
looked; a team server's NOTIFY (the JSON form below) will feed the same journal.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import reduce
from typing import Any


@dataclass(frozen=True)
class Docs:
    """Some documents by id, or every document (`ALL_DOCS`) when which ones is not known."""

    ids: frozenset[int] = frozenset()
    every: bool = False

    @classmethod
    def of(cls, ids: Iterable[int]) -> Docs:
        return cls(frozenset(ids))

    def __contains__(self, doc_id: object) -> bool:
        return self.every or doc_id in self.ids

    def __bool__(self) -> bool:
        return self.every or bool(self.ids)

    def __or__(self, other: Docs) -> Docs:
        return ALL_DOCS if self.every or other.every else Docs(self.ids | other.ids)

    def listed(self) -> list[int] | None:
        """The ids in order, or None for every document (the panels' convention)."""
        return None if self.every else sorted(self.ids)


NO_DOCS = Docs()
ALL_DOCS = Docs(every=True)

#: the fields that name documents; the others are true when anything of their kind changed
DOC_FIELDS = ("documents", "codings", "speakers", "language")


@dataclass(frozen=True)
class Changes:
    #: documents added, removed or renamed, or whose text or structure (turns, pages,
    #: sections) changed
    documents: Docs = NO_DOCS
    #: documents whose codings changed (set-aside codings of an edit included)
    codings: Docs = NO_DOCS
    #: documents whose speakers changed (names, interviewers, links to cases)
    speakers: Docs = NO_DOCS
    #: documents whose stored sentence and lemma index, or rejected suggestions, changed
    language: Docs = NO_DOCS
    #: codebooks or the code tree
    codes: bool = False
    #: cases, attributes, their values, documents' links to cases
    cases: bool = False
    #: hypotheses, their links to codes, verdicts, display cells, counter-evidence
    hypotheses: bool = False
    surveys: bool = False
    #: memos and the journal (a coding's own memo is part of `codings`)
    memos: bool = False
    coders: bool = False
    #: project settings: coding round, citation templates, title and other metadata
    settings: bool = False

    @classmethod
    def from_fields(cls, docs: Mapping[str, Docs], flags: Iterable[str] = ()) -> Changes:
        """The changes with these document fields, and these other fields true."""
        # field names arrive as data, which no checker can match to the fields' types: the
        # split into documents and flags is what keeps each value of the right type
        values: dict[str, Any] = {**docs, **dict.fromkeys(flags, True)}
        return cls(**values)

    @classmethod
    def everything(cls) -> Changes:
        """For what touches the whole project (an import, a merge) or cannot be told apart."""
        return EVERYTHING

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name)
                          for f in fields(self)})

    @property
    def is_everything(self) -> bool:
        return self == EVERYTHING

    def __repr__(self) -> str:
        return f"Changes({self.to_json()})"

    # -- JSON, e.g. for a PostgreSQL NOTIFY payload (at most 8000 bytes) ----------------------
    def to_json(self, max_length: int | None = None) -> str:
        """Compact JSON naming only what changed: `{"codings":[3],"codes":true}`, `"*"` for
        everything. Past `max_length` characters, document lists widen to every document
        (coarser, never missing)."""
        if self.is_everything:
            return '"*"'
        data: dict[str, list[int] | str | bool] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Docs) and value:
                data[f.name] = "*" if value.every else sorted(value.ids)
            elif value is True:
                data[f.name] = True
        text = json.dumps(data, separators=(",", ":"))
        if max_length is not None and len(text) > max_length:
            return self.coarsened().to_json()
        return text

    @classmethod
    def from_json(cls, text: str) -> Changes:
        """The inverse of `to_json`. A field this qcoder does not know (a newer peer's) counts
        as everything, so a change is never lost."""
        data = json.loads(text)
        if data == "*":
            return EVERYTHING
        known = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or set(data) - known:
            return EVERYTHING
        return cls.from_fields({name: ALL_DOCS if value == "*" else Docs.of(value)
                                for name, value in data.items() if name in DOC_FIELDS},
                               [name for name, value in data.items()
                                if name not in DOC_FIELDS and value])

    def coarsened(self) -> Changes:
        """The same kinds of change, every document for each document field that names some."""
        return Changes.from_fields({name: ALL_DOCS for name in DOC_FIELDS if getattr(self, name)},
                                   [f.name for f in fields(self)
                                    if f.name not in DOC_FIELDS and getattr(self, f.name)])


NOTHING = Changes()
EVERYTHING = Changes.from_fields(dict.fromkeys(DOC_FIELDS, ALL_DOCS),
                                 [f.name for f in fields(Changes) if f.name not in DOC_FIELDS])


def union(changes: Iterable[Changes]) -> Changes:
    return reduce(lambda a, b: a | b, changes, NOTHING)


class ChangeJournal:
    """The changes of recent committed transactions, by revision (thread-safe: an import
    commits from a worker thread while the window reads)."""

    def __init__(self, keep: int = 512):
        self._lock = threading.Lock()
        self._entries: deque[tuple[int, Changes]] = deque()
        self._keep = keep
        self._forgotten = 0   # entries up to this revision were dropped to bound memory
        self.revision = 0

    def record(self, changes: Changes) -> int:
        """Note one committed transaction; its revision."""
        with self._lock:
            self.revision += 1
            if changes:
                self._entries.append((self.revision, changes))
                if len(self._entries) > self._keep:
                    self._forgotten = self._entries.popleft()[0]
            return self.revision

    def since(self, revision: int) -> tuple[Changes, int]:
        """Everything committed after `revision`, and the revision now. A reader so far
        behind that entries were dropped gets everything."""
        with self._lock:
            if revision < self._forgotten:
                return EVERYTHING, self.revision
            return union(c for r, c in self._entries if r > revision), self.revision

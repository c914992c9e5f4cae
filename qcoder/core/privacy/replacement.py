"""Replacing a plan's entities everywhere in the project, as one operation whose inverse
restores every text and offset: each chosen document's text through the transcript edit
(which carries codings, turns, pages and sections along), its name and file name, and every
other text column of the project that holds a form of an entity (speaker labels, memos, case
names and values, notes, titles), so the file keeps no original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..operations import Batch, Operation
from ..store.models import Base, Document
from .row_changes import RowChange, SetRows, key_columns, row_key

if TYPE_CHECKING:
    from ..documents.editing import EditText
    from .pseudonymise import Entity, Plan

#: tables rebuilt from the text, or holding no text to pseudonymise
SKIP_TABLES = {"text_index", "suggestion_rejections"}
#: tables whose rows belong to one document: only those of the chosen documents change
DOCUMENT_TABLES = {"speakers": "document_id", "structure_ranges": "document_id",
                   "detached_codings": "document_id"}


def _pattern(forms: dict[str, str], identifier: bool) -> re.Pattern[str] | None:
    if not forms:
        return None
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    if identifier:  # file and document names: '_' separates words, any case
        return re.compile(rf"(?<![^\W_])(?:{alts})(?=s?(?![^\W_]))", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alts})(?=s?(?!\w))")


def _text_columns(table: sa.Table) -> list[sa.Column[Any]]:
    cols = []
    for col in table.c:
        if col.name == "uuid" or col.name.endswith("hash") or col.primary_key:
            continue
        if isinstance(col.type, sa.Text) or (isinstance(col.type, sa.String)
                                             and (col.type.length or 1000) >= 64):
            cols.append(col)
    return cols


def _document_edits(session: Session, plan: Plan, included: dict[str, Entity],
                    identifier: re.Pattern[str] | None, lookup: dict[str, str],
                    ) -> tuple[list[EditText], list[RowChange]]:
    """Per chosen document: the text edit (codings, turns, pages and sections are carried
    along by editing.EditText), and the changes to its name and source file name."""
    from ..documents.editing import EditText

    edits: list[EditText] = []
    changes: list[RowChange] = []
    taken_names = set(session.scalars(sa.select(Document.name)))
    for doc_id in plan.document_ids:
        doc = session.get(Document, doc_id)
        if doc is None or doc.content_hash != plan.hashes[doc_id]:
            name = doc.name if doc is not None else f"id {doc_id}"
            raise QcoderError(f"document {name!r} changed since the pseudonymisation was "
                              "planned; plan it again and review the new table")
        pieces, pos = [], 0
        for a, b, original in sorted(plan.occurrences[doc_id]):
            if original in included:
                pieces += [doc.text[pos:a], included[original].pseudonym]
                pos = b
        text = "".join(pieces) + doc.text[pos:]
        if text != doc.text:
            edits.append(EditText(doc_id, text, label="Pseudonymise"))
        for col in ("name", "source_name"):
            old = getattr(doc, col)
            new = identifier.sub(lambda m: lookup[m.group().lower()], old) if identifier else old
            if col == "name" and new != old:
                n, base = 2, new
                while new in taken_names:
                    new, n = f"{base} ({n})", n + 1
                taken_names.add(new)
            if new != old:
                changes.append(RowChange("documents", (("uuid", doc.uuid),), col, old, new))
    return edits, changes


def _free_text_changes(session: Session, plan: Plan, pattern: re.Pattern[str] | None,
                       lookup: dict[str, str]) -> list[RowChange]:
    """Every other text field of the project that holds a form of an included entity."""
    if pattern is None:
        return []
    changes = []
    for table in Base.metadata.sorted_tables:
        cols = _text_columns(table)
        if table.name in SKIP_TABLES or not cols:
            continue
        if table.name == "documents":
            continue  # text, name and source are handled with the offsets
        query = sa.select(*key_columns(table), *cols)
        if table.name in DOCUMENT_TABLES:
            query = query.where(table.c[DOCUMENT_TABLES[table.name]].in_(plan.document_ids))
        for row in session.execute(query).mappings():
            for col in cols:
                old = row[col.name]
                if not isinstance(old, str):
                    continue
                new = pattern.sub(lambda m: lookup[m.group()], old)
                if new != old:
                    changes.append(RowChange(table.name, row_key(table, row), col.name, old, new))
    return changes


@dataclass(frozen=True, eq=False)
class ApplyPseudonyms:
    """Replace the plan's included entities everywhere in the project, as one operation whose
    inverse restores every text and offset."""

    plan: Plan
    label: str = "Pseudonymise"

    def execute(self, session: Session) -> tuple[int, Operation]:
        from ..language.text_index import RefreshIndex

        included = {o: e for o, e in self.plan.entities.items() if e.include}
        forms = {f: e.pseudonym for e in included.values() for f in e.forms if f.strip()}
        lower = {f.lower(): p.strip("[]") for f, p in forms.items()}
        edits, changes = _document_edits(session, self.plan, included,
                                         _pattern(forms, True), lower)
        changes += _free_text_changes(session, self.plan, _pattern(forms, False), forms)
        refresh = RefreshIndex(tuple(self.plan.document_ids))
        batch = Batch((refresh, *edits, SetRows(tuple(changes), self.label), refresh),
                      self.label)
        _values, inverse = batch.execute(session)
        return len(edits) + len(changes), inverse

"""Pseudonymising documents: one consistent pseudonym per entity across the project, a key
kept outside the project, and codings, turns, pages and sections carried along.

Three steps, so a person reviews before anything changes:

1. `plan_pseudonymisation` finds the entities (entities.py) in the chosen documents, merges
   the forms of one entity ("Hanne Vestergaard", "Hanne", "Vestergaards" -> one person), and
   proposes a pseudonym for each: the one the key file already gives it, else the next free
   "[Kommune 3]" / "[Person 2]" - or, for a named speaker, a role with a letter
   ("[Borgmester A]"). `Plan.table()` is the dry run; entities can be edited or left out.
2. `apply_plan` writes the key file (key_file.py: original -> pseudonym, CSV, outside the
   project) and then replaces every occurrence in one undoable operation (replacement.py):
   the documents' text through the transcript edit, which carries codings, turns, pages and
   sections along, and the entities' forms in every other text field of the project, so the
   file holds no original.
3. `confirm_pseudonymisation` makes it final: the SQLite file is vacuumed and its write-ahead
   log emptied, so deleted pages do not keep the old text. Until then the operation's inverse
   (held in memory, never in the project) undoes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..lookup import document_by_name
from ..operations import Result, run
from ..store.models import Attribute, CaseValue, Document, DocumentCase, Speaker
from .entities import (
    NOT_NAMES,
    ROLE_WORDS,
    TITLES,
    TYPE_LABELS,
    Detector,
    Found,
    first_names,
    is_role_label,
    kommuner,
    resolve,
)
from .key_file import check_key_path, read_key, write_key
from .replacement import ApplyPseudonyms

if TYPE_CHECKING:
    from ..store import Project

#: speaker pseudonyms by document kind: a role and a letter
ROLES = {"mayor_interview": "Borgmester", "dm_interview": "Informant",
         "vignette_group": "Deltager", "other": "Informant"}
#: attribute names (split into words) whose text values identify a case, and their type
IDENTIFYING_ATTRIBUTES = {
    "navn": "person", "name": "person", "fornavn": "person", "efternavn": "person",
    "kommune": "kommune", "municipality": "kommune", "by": "place", "city": "place",
    "sted": "place", "place": "place", "region": "place", "landsdel": "place",
    "organisation": "organisation", "organization": "organisation", "arbejdsplads": "organisation",
    "workplace": "organisation", "skole": "organisation", "school": "organisation",
    "institution": "organisation", "forvaltning": "organisation",
}
_PSEUDONYM_PARTS = re.compile(r"^\[(.+) (\d+|[A-Z]+)\]$")


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _letter_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


class _Numbering:
    """The next free number (or letter) per pseudonym label, after those already used."""

    def __init__(self, used: Iterable[str]):
        self.top: dict[str, int] = {}
        for pseudonym in used:
            m = _PSEUDONYM_PARTS.match(pseudonym)
            if m:
                label, mark = m.groups()
                n = int(mark) if mark.isdigit() else _letter_number(mark)
                self.top[label] = max(self.top.get(label, 0), n)

    def next(self, label: str, letters: bool) -> str:
        self.top[label] = self.top.get(label, 0) + 1
        mark = _letters(self.top[label]) if letters else str(self.top[label])
        return f"[{label} {mark}]"


# -- planning ----------------------------------------------------------------------------------
@dataclass
class Entity:
    """One entity to pseudonymise: its canonical original, the forms it takes in the text,
    and its pseudonym. Set `include` False to leave it as it is."""

    original: str
    type: str
    pseudonym: str
    sources: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    occurrences: int = 0
    include: bool = True


@dataclass
class Plan:
    """What pseudonymising the documents would do; `table()` is the dry run."""

    key_path: Path
    document_ids: list[int]
    hashes: dict[int, str]
    entities: dict[str, Entity]
    occurrences: dict[int, list[tuple[int, int, str]]]
    key_rows: list[tuple[str, str, str]]

    def table(self) -> list[dict[str, str | int | bool]]:
        """Rows of entity, type, occurrences and proposed pseudonym, by type then entity."""
        return [{"entity": e.original, "type": e.type, "occurrences": e.occurrences,
                 "pseudonym": e.pseudonym, "found_by": ", ".join(e.sources),
                 "include": e.include}
                for e in sorted(self.entities.values(), key=lambda e: (e.type, e.original))]

    def set_pseudonym(self, original: str, pseudonym: str) -> None:
        if not pseudonym.strip():
            raise QcoderError(f"the pseudonym for {original!r} is empty; give e.g. [Person 9]")
        self.entities[original].pseudonym = pseudonym.strip()


def _identifying_type(attribute_name: str) -> str | None:
    for word in re.findall(r"[^\W\d_]+", attribute_name.lower()):
        if word in IDENTIFYING_ATTRIBUTES:
            return IDENTIFYING_ATTRIBUTES[word]
    return None


def _known_strings(session: Session, doc_ids: list[int], user: list[tuple[str, str]],
                   ) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """(text, type, source) from the user list, named speakers and identifying case values
    of the documents; and each named speaker's role label."""
    known = [(text, type_, "user list") for text, type_ in user]
    roles: dict[str, str] = {}
    rows = session.execute(
        sa.select(Speaker.name, Speaker.is_interviewer, Document.kind)
        .join(Document, Document.id == Speaker.document_id)
        .where(Speaker.document_id.in_(doc_ids)).order_by(Document.id, Speaker.id))
    for name, asks, kind in rows:
        if is_role_label(name):
            continue
        known.append((name, "person", "speaker"))
        roles.setdefault(name, "Interviewer" if asks else ROLES.get(kind, "Informant"))
    values = session.execute(
        sa.select(Attribute.name, Attribute.type, CaseValue.text_value)
        .join(CaseValue, CaseValue.attribute_id == Attribute.id)
        .join(DocumentCase, DocumentCase.case_id == CaseValue.case_id)
        .where(DocumentCase.document_id.in_(doc_ids)).order_by(Attribute.name))
    for attr, attr_type, value in values:
        type_ = _identifying_type(attr)
        value = (value or "").strip()
        if type_ and attr_type in ("text", "category") and len(value) >= 2 \
                and value[0].isupper() and not any(ch.isdigit() for ch in value):
            known.append((value, type_, f"case attribute: {attr}"))
    return known, roles


def _merge_person_forms(found: dict[int, list[Found]], key_persons: set[str]) -> dict[str, str]:
    """Canonical person names that are another person's name in part or in the genitive,
    mapped to that person: 'Hanne' and 'Vestergaards' -> 'Hanne Vestergaard' (when only one
    known person has that part)."""
    persons = {f.canonical for fs in found.values() for f in fs if f.type == "person"}
    persons |= key_persons
    owners: dict[str, set[str]] = {}
    for full in persons:
        parts = full.split()
        if len(parts) < 2:
            continue
        for part in parts:
            low = part.lower()
            if len(part) >= 3 and part[0].isupper() and low not in NOT_NAMES \
                    and low not in TITLES and low not in ROLE_WORDS:
                owners.setdefault(part, set()).add(full)
    alias = {part: next(iter(fulls)) for part, fulls in owners.items() if len(fulls) == 1}
    for name in persons:
        if name.endswith("s") and name[:-1] in persons:
            alias[name] = alias.get(name[:-1], name[:-1])
    return {k: v for k, v in alias.items() if k != v}


def _sweep(text: str, forms: dict[str, tuple[str, str]], taken: list[Found]) -> list[Found]:
    """Occurrences of known forms the detector did not report (a surname alone, a name in a
    sentence the rules skipped); common-word names at a sentence start are left alone."""
    if not forms:
        return []
    ambiguous = first_names()[1] | kommuner()[1]
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alts})(?=s?(?!\w))")
    out = []
    for m in pattern.finditer(text):
        form = m.group()
        if form in ambiguous:
            i = m.start() - 1
            while i >= 0 and text[i] in " \t\"'(":
                i -= 1
            if i < 0 or text[i] in ".!?:\n":
                continue
        original, type_ = forms[form]
        out.append(Found(m.start(), m.end(), type_, original, "name: form of a found entity"))
    return resolve(out, [(f.start, f.end) for f in taken])


def plan_pseudonymisation(project: Project, documents: Iterable[str], key_path: Path, *,
                          user_list: Sequence[tuple[str, str]] = (), ignore: Iterable[str] = (),
                          use_ner: bool = True) -> Plan:
    """Find the entities of the named documents and propose pseudonyms (nothing changes)."""
    key_path = check_key_path(project, key_path)
    key_rows = read_key(key_path)
    key = {original: (type_, pseudonym) for original, type_, pseudonym in key_rows}
    with project.session() as s:
        docs = [document_by_name(s, name) for name in documents]
        if not docs:
            raise QcoderError("name at least one document to pseudonymise")
        doc_ids = [d.id for d in docs]
        known, roles = _known_strings(s, doc_ids, list(user_list))
        texts = {d.id: d.text for d in docs}
        hashes = {d.id: d.content_hash for d in docs}
    # what earlier runs pseudonymised is looked for again, so it keeps its pseudonym
    known += [(original, type_, "key file") for original, type_, _p in key_rows]
    detector = Detector(known, use_ner=use_ner)
    found = {doc_id: detector.find(text) for doc_id, text in texts.items()}
    alias = _merge_person_forms(found, {o for o, (t, _p) in key.items() if t == "person"})

    def canonical(f: Found) -> Found:
        name = alias.get(f.canonical, f.canonical) if f.type == "person" else f.canonical
        if name == f.canonical:
            return f
        return replace(f, canonical=name)

    found = {d: [canonical(f) for f in fs] for d, fs in found.items()}
    # every form of every entity is swept for once more, aliases included
    forms: dict[str, tuple[str, str]] = {}
    for fs in found.values():
        for f in fs:
            forms.setdefault(f.canonical, (f.canonical, f.type))
    for part, full in alias.items():
        forms.setdefault(part, (full, "person"))
    for text, type_, _src in known:
        forms.setdefault(text, (alias.get(text, text), type_))
    for doc_id, text in texts.items():
        found[doc_id] = sorted(found[doc_id] + _sweep(text, forms, found[doc_id]),
                               key=lambda f: f.start)

    entities: dict[str, Entity] = {}
    ignored = {i.strip() for i in ignore}
    order = [(f, doc_id) for doc_id in doc_ids for f in found[doc_id]]
    always = [(Found(0, 0, t, alias.get(x, x), src), None) for x, t, src in known
              if src == "speaker" or src.startswith("case attribute")]
    for f, in_doc in order + always:
        if f.canonical in ignored:
            continue
        e = entities.get(f.canonical)
        if e is None:
            e = entities[f.canonical] = Entity(f.canonical, f.type, "")
        if f.source not in e.sources:
            e.sources.append(f.source)
        if in_doc is not None:
            e.occurrences += 1
            e.forms.add(texts[in_doc][f.start:f.end])
    for part, full in alias.items():
        if full in entities:
            entities[full].forms.add(part)
    numbering = _Numbering(p for _o, _t, p in key_rows)
    for e in entities.values():
        e.forms.add(e.original)
        if e.original in key:
            e.type, e.pseudonym = key[e.original]
        elif e.type == "person" and e.original in roles:
            e.pseudonym = numbering.next(roles[e.original], letters=True)
        else:
            e.pseudonym = numbering.next(TYPE_LABELS[e.type], letters=False)
    occurrences = {d: [(f.start, f.end, f.canonical) for f in found[d]
                       if f.canonical in entities] for d in doc_ids}
    return Plan(key_path, doc_ids, hashes, entities, occurrences, key_rows)


def key_rows(plan: Plan) -> list[tuple[str, str, str]]:
    """The key file's rows after applying `plan`: the old rows, updated, then the new ones."""
    rows = {o: (o, t, p) for o, t, p in plan.key_rows}
    for e in plan.entities.values():
        if e.include:
            rows[e.original] = (e.original, e.type, e.pseudonym)
    return list(rows.values())


def apply_plan(project: Project, plan: Plan) -> Result:
    """Write the key file, then pseudonymise as one undoable operation. The key is written
    first: a project pseudonymised without its key could never be traced back."""
    with project.session() as s:
        current = dict(s.execute(sa.select(Document.id, Document.content_hash)
                                 .where(Document.id.in_(plan.document_ids))).all())
    if current != plan.hashes:
        raise QcoderError("a document changed (or was removed) since the pseudonymisation was "
                          "planned; plan it again and review the new table")
    write_key(plan.key_path, key_rows(plan))
    return run(project, ApplyPseudonyms(plan))


def confirm_pseudonymisation(project: Project) -> None:
    """Make the pseudonymisation final in the file: checkpoint the write-ahead log, VACUUM
    (rewriting the file without free pages that still hold the old text) and truncate the
    log. The caller drops the operation's inverse (undo) at the same time."""
    if project.engine.dialect.name != "sqlite":
        with project.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM FULL")
        return
    project.engine.dispose()  # no pooled connection may hold a read snapshot open
    with project.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("VACUUM")
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar_one()
    project.engine.dispose()
    if busy:
        raise QcoderError(f"{project.path}: another connection kept the project busy, so the "
                          "old text may remain in the file; close other windows on the "
                          "project and confirm again")


def stale_backups(project: Project) -> list[Path]:
    """Backups beside the project (made before schema upgrades) still hold the original text."""
    if project.path is None:
        return []
    return sorted(project.path.parent.glob(project.path.name + ".bak-*"))

"""Writing a read REFI-QDA project into a fresh qcoder project, inside the import's one
transaction: coders from users, codebooks and codes, memos (from Notes, and from Descriptions
where a tool writes memos there), cases with their variables' values, documents with their
placed codings, and a document's corpus kind from its source Variable.

GUIDs become the UUIDs of what they name; what has no place in qcoder is counted in the
summary's `skipped`, and what was adapted is said in its `changes`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ...documents.adding import store_transcript
from ...documents.importers import structure
from ...documents.kinds import CORPUS_KINDS
from ...store.models import (
    Attribute,
    Base,
    Case,
    CaseValue,
    Code,
    Codebook,
    Coder,
    Coding,
    Document,
    Memo,
    new_uuid,
)
from .codes import CodeNode, safe_names
from .positions import Placement, SourceText
from .reader import CaseData, CodingData, ProjectData, SourceData
from .standard import KIND_GUID, KIND_VARIABLE, is_qcoder

if TYPE_CHECKING:
    from .importer import ImportSummary

_TYPES = {"Text": "text", "Boolean": "bool", "Integer": "number", "Float": "number",
          "Date": "date", "DateTime": "text"}


def _unique(name: str, taken: set[str], fallback: str) -> str:
    name = " ".join(name.split()) or fallback
    base, n = name, 2
    while name.casefold() in taken:
        name, n = f"{base} ({n})", n + 1
    taken.add(name.casefold())
    return name


def _kind_variables(data: ProjectData) -> set[str]:
    """The GUID of the Variable carrying document kinds: qcoder's own, else one by its name."""
    own = {v.guid for v in data.variables if v.guid == KIND_GUID}
    return own or {v.guid for v in data.variables
                   if v.guid and v.name.casefold() == KIND_VARIABLE.casefold()}


class ImportWriter:
    """Writes read project data into a fresh project, inside one transaction."""

    def __init__(self, session: Session, data: ProjectData, summary: ImportSummary):
        self.s = session
        self.data = data
        self.summary = summary
        self.used: dict[type[Base], set[str]] = {}
        self.coders: dict[str, Coder] = {}
        self.codes: dict[str, Code] = {}
        self.notes = {n.guid: n for n in data.notes if n.guid}
        self.notes_used: set[str] = set()
        self.targets: dict[str, tuple[str, str]] = {}  # GUID -> (memo target kind, uuid)
        self.target_memos: dict[tuple[str, str | None], Memo] = {}
        self.coding_rows: dict[str, Coding] = {}
        self.kind_variables = _kind_variables(data)
        # NVivo writes one Coding per selection, stamped with whoever exported or merged the
        # project; the selection's creatingUser is the coder who made the coding reference.
        self.selection_coders = "nvivo" in data.origin.casefold()
        if self.selection_coders:
            summary.changes.append("codings are attributed to the user who made their "
                                   "selection, as NVivo records coders")

    def uuid(self, model: type[Base], guid: str | None) -> str:
        """The GUID as the row's UUID, unless missing or already used by another row."""
        used = self.used.setdefault(model, set())
        if not guid or guid in used:
            guid = new_uuid()
        used.add(guid)
        return guid

    # -- coders ----------------------------------------------------------------------------
    def users(self) -> None:
        names: set[str] = set()
        for guid, name in self.data.users:
            coder = Coder(uuid=self.uuid(Coder, guid),
                          name=_unique(name, names, f"user {(guid or '?')[:8]}"))
            self.s.add(coder)
            if guid:
                self.coders[guid] = coder
        self.names = names
        self.s.flush()

    def coder(self, *guids: str | None) -> Coder:
        """The coder named by the first GUID given (the coding's own user before its
        selection's, source's and project's); a GUID no User lists gets a coder of its own."""
        guid = next((g for g in guids if g), None)
        key = guid or "unknown"
        if key not in self.coders:
            coder = Coder(uuid=self.uuid(Coder, guid),
                          name=_unique(f"unknown user {guid[:8]}" if guid else "unknown user",
                                       self.names, "unknown user"))
            self.s.add(coder)
            self.coders[key] = coder
            self.summary.changes.append(f"codings by a user the file does not list were "
                                        f"given to coder {coder.name!r}")
        return self.coders[key]

    # -- codes -----------------------------------------------------------------------------
    def codebooks(self, fallback_name: str) -> None:
        tops = self.data.codes
        safe_names(tops, self.summary.changes)
        own = is_qcoder(self.data.origin) and bool(tops) and not any(t.codable for t in tops)
        groups = [(t, t.children) for t in tops] if own else (
            [(CodeNode(None, fallback_name), tops)] if tops else [])
        idents: set[str] = set()
        for top, nodes in groups:
            slug = re.sub(r"[^\w.-]+", "-", top.name).strip("-.")[:100] or "refi"
            ident, n = slug, 2
            while ident.casefold() in idents:
                ident, n = f"{slug}-{n}", n + 1
            idents.add(ident.casefold())
            book = Codebook(uuid=self.uuid(Codebook, top.guid), name=top.name, ident=ident,
                            description=top.description if own else "")
            self.s.add(book)
            self.summary.codebooks.append(book.name)
            self._codes(book, None, nodes)
        categories = sum(1 for t in tops for n in t.walk() if not n.codable)
        categories -= len(tops) if own else 0
        if categories:
            self.summary.changes.append(f"{categories} categories (isCodable=\"false\") became "
                                        "ordinary parent codes: qcoder lets every code be applied")

    def _codes(self, book: Codebook, parent: Code | None, nodes: list[CodeNode]) -> None:
        for position, node in enumerate(nodes):
            code = Code(uuid=self.uuid(Code, node.guid), codebook=book, parent=parent,
                        position=position, name=node.name, label_da=node.name,
                        color=node.color or "#999999", definition=node.description,
                        origin="deductive", round_added=1)
            self.s.add(code)
            self.summary.codes += 1
            if node.guid:
                self.codes[node.guid] = code
                self.targets[node.guid] = ("code", code.uuid)
            for note in node.note_refs:
                self.memo(note, "code", code.uuid)
            self._codes(book, code, node.children)

    # -- memos -----------------------------------------------------------------------------
    def memo(self, note_guid: str, kind: str, target: str | None) -> None:
        note = self.notes.get(note_guid)
        if note is None:
            self.summary.skipped["references to notes the file does not hold"] += 1
            return
        self.notes_used.add(note_guid)
        writer = self.coders.get(note.user) if note.user else None
        self.attach(kind, target, note.name, note.text, writer, note.created, note.modified,
                    note.guid)

    def described(self, text: str, kind: str, target: str | None, title: str) -> None:
        """A Description used as a memo (as some tools write memos)."""
        if text:
            self.attach(kind, target, title, text)

    def attach(self, kind: str, target: str | None, title: str, text: str,
               writer: Coder | None = None, created: datetime | None = None,
               modified: datetime | None = None, guid: str | None = None) -> None:
        """A memo as qcoder keeps them: a coding's on the coding, one memo per document,
        code or case (a second one is appended to it), journal entries on the project."""
        if kind == "coding":
            assert target is not None   # a coding's memo names its coding
            coding = self.coding_rows[target]
            self.summary.coding_memos += not coding.memo
            coding.memo = "\n\n".join(filter(None, [coding.memo, text]))
            return
        existing = self.target_memos.get((kind, target)) if kind != "project" else None
        if existing is not None:
            existing.text = "\n\n".join(filter(None, [existing.text,
                                                      f"{title}\n{text}" if title else text]))
            return
        memo = Memo(uuid=self.uuid(Memo, guid), target_kind=kind, target_uuid=target,
                    coder_id=writer.id if writer else None, title=title, text=text,
                    **{k: v for k, v in (("created", created),
                                         ("updated", modified or created)) if v})
        self.s.add(memo)
        self.target_memos[(kind, target)] = memo
        self.summary.memos += 1

    # -- cases -----------------------------------------------------------------------------
    def cases(self) -> dict[str, Case]:
        attrs: dict[str, Attribute] = {}
        names: set[str] = set()
        own = is_qcoder(self.data.origin)
        for var in self.data.variables:
            if var.guid in self.kind_variables:
                continue
            kind = _TYPES.get(var.kind, "text")
            categories = None
            if own and var.description.startswith("Categories: "):
                kind, categories = "category", var.description[12:].split("; ")
            attr = Attribute(uuid=self.uuid(Attribute, var.guid),
                             name=_unique(var.name, names, "variable"), type=kind,
                             categories=categories)
            self.s.add(attr)
            self.summary.attributes += 1
            if var.guid:
                attrs[var.guid] = attr
        self.s.flush()
        by_guid: dict[str, Case] = {}
        names = set()
        for data in self.data.cases:
            case = Case(uuid=self.uuid(Case, data.guid), name=_unique(data.name, names, "case"))
            self.s.add(case)
            self.s.flush()
            self.summary.cases += 1
            if data.guid:
                by_guid[data.guid] = case
                self.targets[data.guid] = ("case", case.uuid)
            self.described(data.description, "case", case.uuid, "Description")
            self._values(case, data, attrs)
            for what, n in data.unsupported.items():
                if n:
                    self.summary.skipped[f"{what} (qcoder links cases to documents)"] += n
        return by_guid

    def _values(self, case: Case, data: CaseData, attrs: dict[str, Attribute]) -> None:
        for var_guid, element, value in data.values:
            attr = attrs.get(var_guid)
            if attr is None:
                self.summary.skipped["case values of variables the file does not define"] += 1
                continue
            row = CaseValue(case_id=case.id, attribute_id=attr.id, text_value=value)
            try:
                if element in ("IntegerValue", "FloatValue"):
                    row.number_value = float(value)
                elif element == "BooleanValue":
                    row.bool_value = value.lower() in ("true", "1")
                elif element == "DateValue" and attr.type == "date":
                    row.date_value = date.fromisoformat(value)
            except ValueError:
                self.summary.skipped[f"case values that are not valid {element}s"] += 1
                continue
            self.s.add(row)

    # -- documents and codings -------------------------------------------------------------
    def document(self, data: SourceData, source: SourceText, placement: Placement,
                 names: set[str]) -> Document:
        name = _unique(data.name, names, "document")
        if name != " ".join(data.name.split()):
            self.summary.changes.append(f"source {data.name!r} imported as {name!r}")
        transcript = structure(source.text, data.name, "refi")
        added = store_transcript(self.s, transcript, name, self._kind(data))
        doc = self.s.get_one(Document, added.document_id)
        doc.uuid = self.uuid(Document, data.guid)
        if data.created:
            doc.created = data.created
        if data.guid:
            self.targets[data.guid] = ("document", doc.uuid)
        self.described(data.description, "document", doc.uuid, "Description")
        for note in data.note_refs:
            self.memo(note, "document", doc.uuid)
        for sel, placed in zip(data.selections, placement.selections):
            if placed.span is None:
                continue
            made = [self.coding(doc, placed.span, c, sel.user, data.user)
                    if not self.selection_coders else
                    self.coding(doc, placed.span, replace(c, user=sel.user or c.user), data.user)
                    for c in sel.codings]
            for coding in (c for c in made if c is not None):
                self.described(sel.description, "coding", coding.uuid, "")
                for note in sel.note_refs:
                    self.memo(note, "coding", coding.uuid)
        for c in data.codings:
            self.coding(doc, (0, len(doc.text)), c, data.user)
        return doc

    def _kind(self, data: SourceData) -> str:
        kinds = [value for guid, _element, value in data.values if guid in self.kind_variables]
        if len(kinds) < len(data.values):
            self.summary.skipped["values of variables on sources (qcoder keeps variables on "
                                 "cases)"] += len(data.values) - len(kinds)
        if not kinds or kinds[0] in CORPUS_KINDS:
            return kinds[0] if kinds else "other"
        self.summary.changes.append(
            f"source {data.name!r}: its document kind {kinds[0]!r} is none of qcoder's "
            f"({', '.join(CORPUS_KINDS)}), so it was imported as 'other'")
        return "other"

    def coding(self, doc: Document, span: tuple[int, int], data: CodingData,
               *users: str | None) -> Coding | None:
        code = self.codes.get(data.code or "")
        if code is None:
            self.summary.skipped["codings of codes the codebook does not hold"] += 1
            return None
        coder = self.coder(data.user, *users, self.data.user)
        coding = Coding(uuid=self.uuid(Coding, data.guid), document=doc, start=span[0],
                        end=span[1], code=code, coder=coder, round=1, origin="imported",
                        **({"created": data.created} if data.created else {}))
        self.s.add(coding)
        self.coding_rows[coding.uuid] = coding
        self.summary.codings_by_user[coder.name] += 1
        if data.guid:
            self.targets[data.guid] = ("coding", coding.uuid)
        for note in data.note_refs:
            self.memo(note, "coding", coding.uuid)
        return coding

    # -- what is left ----------------------------------------------------------------------
    def finish(self) -> None:
        self.described(self.data.description, "project", None, "Project description")
        for note in self.data.note_refs:
            self.memo(note, "project", None)
        for origin, target in self.data.links:
            if origin in self.notes and target in self.targets:
                self.memo(origin, *self.targets[target])
            else:
                self.summary.skipped["links (qcoder has no links between items)"] += 1
        loose = [n for n in self.data.notes if n.guid not in self.notes_used]
        for loose_note in loose:
            if loose_note.guid:
                self.memo(loose_note.guid, "project", None)
        if loose:
            self.summary.changes.append(f"{len(loose)} notes attached to nothing were kept as "
                                        "project memos")

"""Writing a project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder.

The .qdpx is a zip of `project.qde` and `sources/<uuid>.txt`, each document's stored text as
UTF-8 with LF line ends, so positions are Unicode code points over exactly that text - which
`origin` states. Every GUID is the UUID the project already holds (selections and coding memos
get GUIDs derived from their coding's), and the zip carries fixed timestamps: exporting an
unchanged project twice gives the same bytes.

Where REFI-QDA has no place for something, the nearest honest one is used: a coding is one
PlainTextSelection with one Coding by its coder; a coding's memo text is a Note; a memo on a
case is a Note with a Link to the case (cases take no NoteRef in the standard); a document's
corpus kind is the value of a source Variable (standard.KIND_VARIABLE).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, SubElement, indent, register_namespace, tostring

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...store.models import (
    Attribute,
    Case,
    CaseValue,
    Code,
    Codebook,
    Coder,
    Coding,
    Document,
    Memo,
)
from .codes import write_codes
from .standard import (
    KIND_DESCRIPTION,
    KIND_GUID,
    KIND_VARIABLE,
    ORIGIN,
    PROJECT_NS,
    derived_guid,
    xml_datetime,
    xml_text,
)

if TYPE_CHECKING:
    from ...store import Project
    from ..exporters.base import Progress

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_PREVIEW = 100


def _tag(name: str) -> str:
    return f"{{{PROJECT_NS}}}{name}"


def _sub(parent: Element, tag: str, text: str | None = None, **attrs: str | None) -> Element:
    el = SubElement(parent, _tag(tag), {k: xml_text(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = xml_text(text)
    return el


def preview(text: str) -> str:
    """A selection's name: its text on one line, shortened with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1].rstrip() + "\u2026"


def _decimal(value: float) -> str:
    """A float as xsd:decimal (never in exponent form)."""
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass
class ExportSummary:
    path: Path
    documents: int
    codes: int
    coders: int
    cases: int
    memos: int
    #: the codings written, per coder (coders without codings are not listed)
    codings_by_coder: dict[str, int]

    @property
    def codings(self) -> int:
        return sum(self.codings_by_coder.values())

    def lines(self) -> list[str]:
        return [f"Wrote {self.path}: {self.documents} documents, {self.codes} codes, "
                f"{self.codings} codings by {self.coders} coders, {self.cases} cases, "
                f"{self.memos} memos"]

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "documents": self.documents, "codes": self.codes,
                "codings": self.codings, "coders": self.coders, "cases": self.cases,
                "memos": self.memos}


class _ProjectWriter:
    """Builds project.qde from one read session."""

    def __init__(self, session: Session, title: str):
        self.s = session
        self.title = title
        self.notes: list[Element] = []
        self.links: list[Element] = []
        self.refs: dict[str, list[str]] = defaultdict(list)  # target uuid -> note GUIDs
        self.case_notes: list[tuple[str, str]] = []  # (note GUID, case uuid)
        self.project_notes: list[str] = []
        self.code_uuids = dict(session.execute(sa.select(Code.id, Code.uuid)).all())

    def build(self, documents: list[Document], report: Progress | None) -> Element:
        register_namespace("", PROJECT_NS)
        root = Element(_tag("Project"), name=self.title or "qcoder project", origin=ORIGIN)
        self.memos()
        coders = list(self.s.scalars(sa.select(Coder).order_by(Coder.name)))
        if coders:
            users = _sub(root, "Users")
            for coder in coders:
                _sub(users, "User", guid=coder.uuid, name=coder.name)
        books = list(self.s.scalars(sa.select(Codebook).order_by(Codebook.name)))
        if books:
            codes = _sub(_sub(root, "CodeBook"), "Codes")
            write_codes(codes, PROJECT_NS, self.s, books, self.refs)
        self.cases(root, bool(documents))
        if documents:
            sources = _sub(root, "Sources")
            for done, doc in enumerate(documents, start=1):
                self.source(sources, doc)
                if report:
                    report(done, len(documents), doc.name)
        if self.notes:
            root.append(notes := Element(_tag("Notes")))
            notes.extend(self.notes)
        if self.case_notes:
            links = _sub(root, "Links")
            for note, case in self.case_notes:
                _sub(links, "Link", guid=derived_guid("memo-link", note), name="memo",
                     direction="OneWay", originGUID=note, targetGUID=case)
        for note in self.project_notes:
            _sub(root, "NoteRef", targetGUID=note)
        return root

    # -- memos -----------------------------------------------------------------------------
    def _note(self, guid: str, name: str, text: str, coder: str | None, created: datetime | None,
              updated: datetime | None = None) -> None:
        note = Element(_tag("Note"), {k: xml_text(v) for k, v in {
            "guid": guid, "name": name, "creatingUser": coder,
            "creationDateTime": xml_datetime(created),
            "modifiedDateTime": xml_datetime(updated)}.items() if v is not None})
        SubElement(note, _tag("PlainTextContent")).text = xml_text(text)
        self.notes.append(note)

    def memos(self) -> None:
        coders = dict(self.s.execute(sa.select(Coder.id, Coder.uuid)).all())
        known = {
            "document": set(self.s.scalars(sa.select(Document.uuid))),
            "case": set(self.s.scalars(sa.select(Case.uuid))),
            "coding": set(self.s.scalars(sa.select(Coding.uuid))),
            "code": set(self.code_uuids.values()),
        }
        for memo in self.s.scalars(sa.select(Memo).order_by(Memo.created, Memo.id)):
            writer = coders.get(memo.coder_id) if memo.coder_id is not None else None
            self._note(memo.uuid, memo.title, memo.text, writer, memo.created, memo.updated)
            target = memo.target_uuid
            if target is None or target not in known.get(memo.target_kind, ()):
                self.project_notes.append(memo.uuid)
            elif memo.target_kind == "case":
                self.case_notes.append((memo.uuid, target))
            else:
                self.refs[target].append(memo.uuid)

    # -- cases and variables -----------------------------------------------------------------
    def cases(self, root: Element, documents: bool) -> None:
        attributes = list(self.s.scalars(sa.select(Attribute).order_by(Attribute.name)))
        cases = list(self.s.scalars(sa.select(Case).order_by(Case.name)))
        kinds = {}
        if attributes or documents:
            variables = _sub(root, "Variables")
            for attr in attributes:
                kinds[attr.id] = self._variable_kind(attr)
                var = _sub(variables, "Variable", guid=attr.uuid, name=attr.name,
                           typeOfVariable=kinds[attr.id])
                if attr.type == "category" and attr.categories:
                    _sub(var, "Description", "Categories: " + "; ".join(map(str, attr.categories)))
            if documents:
                var = _sub(variables, "Variable", guid=KIND_GUID, name=KIND_VARIABLE,
                           typeOfVariable="Text")
                _sub(var, "Description", KIND_DESCRIPTION)
        if not cases:
            return
        parent = _sub(root, "Cases")
        for case in cases:
            el = _sub(parent, "Case", guid=case.uuid, name=case.name)
            for value in sorted(case.values, key=lambda v: v.attribute.name):
                self._value(el, value, kinds[value.attribute_id])
            for doc in sorted(case.documents, key=lambda d: d.name):
                _sub(el, "SourceRef", targetGUID=doc.uuid)

    def _variable_kind(self, attr: Attribute) -> str:
        if attr.type == "number":
            numbers = self.s.scalars(sa.select(CaseValue.number_value)
                                     .where(CaseValue.attribute_id == attr.id))
            return ("Integer" if all(float(n).is_integer() for n in numbers if n is not None)
                    else "Float")
        return {"bool": "Boolean", "date": "Date"}.get(attr.type, "Text")

    @staticmethod
    def _value(case_el: Element, value: CaseValue, kind: str) -> None:
        if kind == "Integer" and value.number_value is not None:
            text = str(int(value.number_value))
        elif kind == "Float" and value.number_value is not None:
            if value.number_value != value.number_value or abs(value.number_value) == float("inf"):
                return
            text = _decimal(value.number_value)
        elif kind == "Boolean" and value.bool_value is not None:
            text = "true" if value.bool_value else "false"
        elif kind == "Date" and value.date_value is not None:
            text = value.date_value.isoformat()
        elif kind == "Text" and value.text_value is not None:
            text = value.text_value
        else:
            return
        el = _sub(case_el, "VariableValue")
        _sub(el, "VariableRef", targetGUID=value.attribute.uuid)
        _sub(el, {"Integer": "IntegerValue", "Float": "FloatValue", "Boolean": "BooleanValue",
                  "Date": "DateValue"}.get(kind, "TextValue"), text)

    # -- sources ---------------------------------------------------------------------------
    def source(self, parent: Element, doc: Document) -> None:
        el = _sub(parent, "TextSource", guid=doc.uuid, name=doc.name,
                  plainTextPath=f"internal://{doc.uuid}.txt",
                  creationDateTime=xml_datetime(doc.created))
        codings = self.s.execute(
            sa.select(Coding, Coder.uuid).join(Coder, Coding.coder_id == Coder.id)
            .where(Coding.document_id == doc.id)
            .order_by(Coding.start, Coding.end, Coding.uuid)).all()
        for coding, coder in codings:
            sel = _sub(el, "PlainTextSelection", guid=derived_guid("selection", coding.uuid),
                       name=preview(doc.text[coding.start:coding.end]),
                       startPosition=str(coding.start), endPosition=str(coding.end),
                       creatingUser=coder, creationDateTime=xml_datetime(coding.created))
            c = _sub(sel, "Coding", guid=coding.uuid, creatingUser=coder,
                     creationDateTime=xml_datetime(coding.created))
            _sub(c, "CodeRef", targetGUID=self.code_uuids[coding.code_id])
            notes = list(self.refs.get(coding.uuid, []))
            if coding.memo:
                guid = derived_guid("coding-memo", coding.uuid)
                self._note(guid, "Coding memo", coding.memo, coder, coding.created)
                notes.insert(0, guid)
            for note in notes:
                _sub(c, "NoteRef", targetGUID=note)
        for note in self.refs.get(doc.uuid, []):
            _sub(el, "NoteRef", targetGUID=note)
        kind = _sub(el, "VariableValue")
        _sub(kind, "VariableRef", targetGUID=KIND_GUID)
        _sub(kind, "TextValue", doc.kind)


def write_atomically(out: Path, data: bytes) -> None:
    """Write beside `out` and move into place, so a failure leaves no half-written file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def export_qdpx(project: Project, out: str | Path, report: Progress | None = None) -> ExportSummary:
    """Write the whole project to `out` (.qdpx); `report(done, total, what)` per document."""
    out = Path(out)
    with project.session() as s:
        documents = list(s.scalars(sa.select(Document).order_by(Document.name)))
        writer = _ProjectWriter(s, project.title)
        root = writer.build(documents, report)
        summary = ExportSummary(
            out, len(documents),
            len(writer.code_uuids),
            s.scalar(sa.select(sa.func.count(Coder.id))) or 0,
            s.scalar(sa.select(sa.func.count(Case.id))) or 0,
            s.scalar(sa.select(sa.func.count(Memo.id))) or 0,
            dict(s.execute(sa.select(Coder.name, sa.func.count(Coding.id))
                           .join(Coding, Coding.coder_id == Coder.id).group_by(Coder.name))
                 .all()))
        texts = [(f"sources/{d.uuid}.txt", d.text.encode("utf-8")) for d in documents]
    indent(root, space=" ")
    qde = tostring(root, encoding="utf-8", xml_declaration=True)
    write_atomically(out, _zip([("project.qde", qde)] + texts))
    return summary

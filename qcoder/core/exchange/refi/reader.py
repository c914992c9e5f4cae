"""Reading a REFI-QDA project (.qde and its sources) into plain data, before anything is stored.

Tolerant where real tools diverge: any namespace under urn:QDA-XML, a source folder called
`Sources` or `sources`, source text inline (PlainTextContent), internal (`internal://`) or beside
the file (`relative://`); a PDF's text representation is read like a text source. What qcoder
cannot hold is counted for the import summary instead of failing the import.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from ...documents.importers.txt import decode_bytes
from ...errors import InputFileError
from .codes import CodeNode, read_codes
from .safety import SafeArchive, local
from .standard import norm_guid, parse_datetime


def _child(el: Element, name: str) -> Element | None:
    return next((c for c in el if local(c.tag) == name), None)


def _children(el: Element, name: str) -> list[Element]:
    return [c for c in el if local(c.tag) == name]


def _text(el: Element, name: str) -> str:
    child = _child(el, name)
    return (child.text or "").strip() if child is not None else ""


def _refs(el: Element, name: str = "NoteRef") -> list[str]:
    return [g for c in _children(el, name) if (g := norm_guid(c.get("targetGUID")))]


@dataclass
class CodingData:
    guid: str | None
    code: str | None
    user: str | None
    created: datetime | None
    note_refs: list[str]


@dataclass
class SelectionData:
    guid: str | None
    start: int
    end: int
    name: str
    user: str | None
    created: datetime | None
    description: str
    codings: list[CodingData]
    note_refs: list[str]


@dataclass
class SourceData:
    guid: str | None
    name: str
    raw: str | None
    skipped: str = ""
    user: str | None = None
    created: datetime | None = None
    description: str = ""
    selections: list[SelectionData] = field(default_factory=list)
    codings: list[CodingData] = field(default_factory=list)  # of the whole source
    note_refs: list[str] = field(default_factory=list)
    values: list[tuple[str, str, str]] = field(default_factory=list)  # as CaseData.values


@dataclass
class NoteData:
    guid: str | None
    name: str
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None


@dataclass
class VariableData:
    guid: str | None
    name: str
    kind: str
    description: str


@dataclass
class CaseData:
    guid: str | None
    name: str
    description: str
    values: list[tuple[str, str, str]]  # (variable GUID, value element name, lexical value)
    sources: list[str]
    unsupported: Counter[str]


@dataclass
class ProjectData:
    name: str
    origin: str
    user: str | None
    description: str
    note_refs: list[str]
    users: list[tuple[str | None, str]]
    codes: list[CodeNode]
    variables: list[VariableData]
    cases: list[CaseData]
    sources: list[SourceData]
    notes: list[NoteData]
    links: list[tuple[str, str]]  # (origin GUID, target GUID)
    skipped: Counter[str]  # what was left out -> how many


def _coding(el: Element) -> CodingData:
    ref = _child(el, "CodeRef")
    return CodingData(norm_guid(el.get("guid")), norm_guid(ref.get("targetGUID")) if ref is not None
                      else None, norm_guid(el.get("creatingUser")),
                      parse_datetime(el.get("creationDateTime")), _refs(el))


def _values(el: Element) -> list[tuple[str, str, str]]:
    """The VariableValues of a case or source: (variable GUID, value element, lexical value)."""
    values = []
    for vv in _children(el, "VariableValue"):
        ref = _child(vv, "VariableRef")
        value = next((x for x in vv if local(x.tag) != "VariableRef"), None)
        guid = norm_guid(ref.get("targetGUID")) if ref is not None else None
        if guid and value is not None:
            values.append((guid, local(value.tag), (value.text or "").strip()))
    return values


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


class _Reader:
    def __init__(self, root: Element, archive: SafeArchive, where: str):
        self.root = root
        self.archive = archive
        self.where = where
        self.skipped: Counter[str] = Counter()
        self.base = archive.path.resolve().parent

    # -- files -----------------------------------------------------------------------------
    def _file(self, path: str) -> tuple[bytes | None, str]:
        """A source or note file's bytes by its REFI-QDA path, or None and why not."""
        scheme, _, rest = path.partition("://")
        if not rest:
            scheme, rest = "internal", path
        if scheme == "internal":
            name = self.archive.find("sources/" + rest) or self.archive.find(rest)
            if name is None:
                base = rest.rsplit("/", 1)[-1].casefold()
                name = next((n for n in self.archive.names()
                             if n.rsplit("/", 1)[-1].casefold() == base), None)
            if name is None:
                return None, f"its file {rest!r} is not in the archive"
            return self.archive.read(name), ""
        if scheme == "relative":
            # read only beside the .qdpx: a file from elsewhere must not pull in local files
            target = (self.base / rest).resolve()
            if not target.is_relative_to(self.base):
                return None, f"its file {rest!r} lies outside the folder of the .qdpx"
            if not target.is_file():
                return None, f"its file {target} (outside the archive) was not found"
            if target.stat().st_size > self.archive.limits.max_entry_bytes:
                return None, f"its file {target} is larger than the size limit"
            return target.read_bytes(), ""
        return None, (f"its path {path!r} is absolute or of an unknown kind; qcoder reads "
                      "sources inside the .qdpx or beside it")

    def _content(self, el: Element) -> tuple[str | None, str]:
        inline = _child(el, "PlainTextContent")
        if inline is not None:
            return inline.text or "", ""
        path = el.get("plainTextPath")
        if not path:
            if el.get("richTextPath"):
                return None, ("it has only rich text, and positions refer to plain text; "
                              "export it with plain text")
            return None, "it has no text"
        data, why = self._file(path)
        if data is None:
            return None, why
        return decode_bytes(data, Path(f"{self.where}:{path}")), ""

    # -- parts -----------------------------------------------------------------------------
    def source(self, el: Element, name: str | None = None) -> SourceData:
        raw, why = self._content(el)
        data = SourceData(norm_guid(el.get("guid")), (name or el.get("name") or "").strip(), raw,
                          why, norm_guid(el.get("creatingUser")),
                          parse_datetime(el.get("creationDateTime")), _text(el, "Description"))
        for sel in _children(el, "PlainTextSelection"):
            start, end = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
            codings = [_coding(c) for c in _children(sel, "Coding")]
            if start is None or end is None:
                self.skipped["selections without readable positions"] += max(1, len(codings))
                continue
            data.selections.append(SelectionData(
                norm_guid(sel.get("guid")), start, end, sel.get("name") or "",
                norm_guid(sel.get("creatingUser")), parse_datetime(sel.get("creationDateTime")),
                _text(sel, "Description"), codings, _refs(sel)))
        data.codings = [_coding(c) for c in _children(el, "Coding")]
        data.note_refs = _refs(el)
        data.values = _values(el)
        return data

    def sources(self) -> list[SourceData]:
        out = []
        holder = _child(self.root, "Sources")
        for el in list(holder) if holder is not None else []:
            kind = local(el.tag)
            if kind == "TextSource":
                out.append(self.source(el))
            elif kind == "PDFSource" and (text := _child(el, "Representation")) is not None:
                out.append(self.source(text, el.get("name")))
            else:
                self.skipped[f"{kind}s (qcoder codes text only)"] += 1
        return out

    def notes(self) -> list[NoteData]:
        holder = _child(self.root, "Notes")
        out = []
        for el in _children(holder, "Note") if holder is not None else []:
            text, why = self._content(el)
            if text is None:
                self.skipped[f"notes whose text could not be read ({why})"] += 1
                continue
            out.append(NoteData(norm_guid(el.get("guid")), (el.get("name") or "").strip(),
                                text, norm_guid(el.get("creatingUser")),
                                parse_datetime(el.get("creationDateTime")),
                                parse_datetime(el.get("modifiedDateTime"))))
        return out

    def cases(self) -> tuple[list[VariableData], list[CaseData]]:
        variables = [VariableData(norm_guid(v.get("guid")), (v.get("name") or "").strip(),
                                  (v.get("typeOfVariable") or "Text").strip(),
                                  _text(v, "Description"))
                     for holder in _children(self.root, "Variables")
                     for v in _children(holder, "Variable")]
        cases = []
        for holder in _children(self.root, "Cases"):
            for c in _children(holder, "Case"):
                values = _values(c)
                unsupported = Counter({
                    "codes applied to cases": len(_children(c, "CodeRef")),
                    "selections linked to cases": len(_children(c, "SelectionRef"))})
                cases.append(CaseData(norm_guid(c.get("guid")), (c.get("name") or "").strip(),
                                      _text(c, "Description"), values,
                                      _refs(c, "SourceRef"), unsupported))
        return variables, cases

    def read(self) -> ProjectData:
        users = [(norm_guid(u.get("guid")), (u.get("name") or u.get("id") or "").strip())
                 for holder in _children(self.root, "Users") for u in _children(holder, "User")]
        book = _child(self.root, "CodeBook")
        codes = read_codes(_child(book, "Codes") if book is not None else None)
        variables, cases = self.cases()
        pairs = [(norm_guid(link.get("originGUID")), norm_guid(link.get("targetGUID")))
                 for holder in _children(self.root, "Links") for link in _children(holder, "Link")]
        links = [(o, t) for o, t in pairs if o and t]
        for holder in _children(self.root, "Sets"):
            self.skipped["sets (qcoder has no sets)"] += len(_children(holder, "Set"))
        for holder in _children(self.root, "Graphs"):
            self.skipped["graphs (qcoder has no graphs)"] += len(_children(holder, "Graph"))
        return ProjectData(
            name=(self.root.get("name") or "").strip(), origin=self.root.get("origin") or "",
            user=norm_guid(self.root.get("creatingUserGUID")),
            description=_text(self.root, "Description"), note_refs=_refs(self.root),
            users=users, codes=codes, variables=variables, cases=cases,
            sources=self.sources(), notes=self.notes(), links=links, skipped=self.skipped)


def find_qde(archive: SafeArchive) -> str:
    """The project file inside a .qdpx: project.qde, else the only .qde there is."""
    qdes = [n for n in archive.names() if n.lower().endswith(".qde")]
    preferred = [n for n in qdes if n.rsplit("/", 1)[-1].lower() == "project.qde"]
    if len(preferred) == 1:
        return preferred[0]
    if len(qdes) == 1:
        return qdes[0]
    if not qdes:
        raise InputFileError(f"{archive.path}: is not a REFI-QDA project: the zip holds no .qde "
                             "project file; export the project again as 'REFI-QDA project'")
    raise InputFileError(f"{archive.path}: holds several project files "
                         f"({', '.join(sorted(qdes))}) and none is project.qde; keep only one")


def read_project(root: Element, archive: SafeArchive, where: str) -> ProjectData:
    return _Reader(root, archive, where).read()

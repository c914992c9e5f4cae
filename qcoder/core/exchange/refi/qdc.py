"""REFI-QDA codebooks (.qdc): exporting qcoder codebooks, loading codebooks from other tools.

Export writes each chosen codebook as a category holding its codes (see codes.py). Loading adds
the codes to the project as one undoable operation: a file qcoder wrote updates the codebooks it
came from (matched by GUID); another tool's file updates the codebook whose codes its GUIDs name,
if any, else becomes a new codebook named after the file. Codes are matched by GUID only, renamed
or recoloured in place, moved where the file puts them; codes the file lacks are left alone.
Sets (code groups) have no place in qcoder and are reported as skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, indent, register_namespace, tostring

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...codebooks.code_ops import CodeSnapshot, CreateCode, RestoreLayout, SetCodeFields
from ...errors import InputFileError, NotFoundError, QcoderError
from ...operations import Batch, Operation, run
from ...store.models import Code, Codebook, new_uuid
from .codes import CodeNode, read_codes, safe_names, write_codes
from .export import write_atomically
from .safety import DEFAULT_LIMITS, local, namespace, parse_xml
from .standard import CODEBOOK_NS, NS_PREFIX, ORIGIN, is_qcoder

if TYPE_CHECKING:
    from ...store import Project

#: a top-level code of a .qdc file (None for the file's loose codes), the codes under it, and
#: the project's codebook it updates (None for a new one)
Group = tuple[CodeNode | None, list[CodeNode], Codebook | None]


# -- export ----------------------------------------------------------------------------------
def _books(session: Session, codebook: Codebook | int | str | None) -> list[Codebook]:
    if codebook is None:
        books = list(session.scalars(sa.select(Codebook).order_by(Codebook.name)))
        if not books:
            raise QcoderError("the project has no codebooks to export; load one with "
                              "`qcoder codebook load PROJECT FILE`")
        return books
    if isinstance(codebook, Codebook):
        codebook = codebook.id   # as this session reads it: a deleted one is not found
    if isinstance(codebook, int):
        book = session.get(Codebook, codebook)
    else:
        book = session.scalar(sa.select(Codebook).where(
            sa.or_(Codebook.ident == codebook, Codebook.name == codebook)))
    if book is None:
        known = ", ".join(repr(i) for i in session.scalars(sa.select(Codebook.ident)))
        raise NotFoundError(f"no codebook with id or name {codebook!r}; "
                            f"known ids: {known or 'none'}")
    return [book]


def export_qdc(project: Project, path: str | Path,
               codebook: Codebook | int | str | None = None) -> Path:
    """Write `codebook` (id, name, Codebook or None for all) as a REFI-QDA codebook file."""
    path = Path(path)
    register_namespace("", CODEBOOK_NS)
    root = Element(f"{{{CODEBOOK_NS}}}CodeBook", origin=ORIGIN)
    codes = Element(f"{{{CODEBOOK_NS}}}Codes")
    root.append(codes)
    with project.session() as s:
        write_codes(codes, CODEBOOK_NS, s, _books(s, codebook))
    indent(root, space=" ")
    write_atomically(path, tostring(root, encoding="utf-8", xml_declaration=True))
    return path


# -- the undoable load ----------------------------------------------------------------------
@dataclass(frozen=True)
class BookSpec:
    uuid: str
    ident: str
    name: str
    description: str = ""
    id: int | None = None


@dataclass(frozen=True)
class NodeSpec:
    uuid: str
    parent_uuid: str | None
    position: int
    name: str
    color: str | None
    definition: str


@dataclass(frozen=True)
class CreateCodebook:
    spec: BookSpec
    label: str = "Add codebook"

    def execute(self, session: Session) -> tuple[int, DeleteCodebook]:
        spec = self.spec
        free = spec.id is not None and session.get(Codebook, spec.id) is None
        book = Codebook(uuid=spec.uuid, ident=spec.ident, name=spec.name,
                        description=spec.description, **({"id": spec.id} if free else {}))
        session.add(book)
        session.flush()
        return book.id, DeleteCodebook(spec.uuid, label=self.label)


@dataclass(frozen=True)
class DeleteCodebook:
    """Remove a codebook that holds no codes (the undo of adding one)."""

    uuid: str
    label: str = "Delete codebook"

    def execute(self, session: Session) -> tuple[BookSpec, CreateCodebook]:
        book = session.scalar(sa.select(Codebook).where(Codebook.uuid == self.uuid))
        if book is None:
            raise NotFoundError(f"no codebook with id {self.uuid} (already deleted?)")
        if session.scalar(sa.select(sa.func.count(Code.id)).where(Code.codebook_id == book.id)):
            raise QcoderError(f"codebook {book.name!r} still holds codes; delete them first")
        spec = BookSpec(book.uuid, book.ident, book.name, book.description, book.id)
        session.delete(book)
        session.flush()
        return spec, CreateCodebook(spec, label=self.label)


@dataclass(frozen=True)
class LoadCodeTree:
    """Bring one codebook to the code tree a file gives: create, update, move codes."""

    book: BookSpec
    nodes: tuple[NodeSpec, ...]  # parents before children
    round: int = 1
    label: str = "Load REFI-QDA codebook"

    def execute(self, session: Session) -> tuple[dict[str, int], Batch]:
        inverses: list[Operation] = []
        counts: Counter[str] = Counter()
        book = session.scalar(sa.select(Codebook).where(Codebook.uuid == self.book.uuid))
        if book is None:
            book_id, inverse = CreateCodebook(self.book).execute(session)
            inverses.append(inverse)
        else:
            book_id = book.id
        for node in self.nodes:
            code = session.scalar(sa.select(Code).where(Code.uuid == node.uuid))
            wanted = {"name": node.name, "definition": node.definition}
            if node.color:
                wanted["color"] = node.color
            if code is None:
                values: dict[str, str | int] = {
                    **wanted, "label_da": node.name, "color": node.color or "#999999",
                    "origin": "deductive", "round_added": self.round}
                snap = CodeSnapshot(node.uuid, None, book_id, node.parent_uuid, node.position,
                                    tuple(values.items()))
                inverses.append(CreateCode(snap).execute(session)[1])
                counts["added"] += 1
                continue
            parent = code.parent.uuid if code.parent else None
            if parent != node.parent_uuid or code.position != node.position:
                inverses.append(RestoreLayout(((node.uuid, node.parent_uuid, book_id,
                                                node.position),)).execute(session)[1])
                counts["moved"] += 1
            changed = tuple((k, v) for k, v in wanted.items() if getattr(code, k) != v)
            if changed:
                inverses.append(SetCodeFields(node.uuid, changed).execute(session)[1])
            counts["updated"] += 1
        return dict(counts), Batch(tuple(reversed(inverses)), self.label)


# -- planning a load -------------------------------------------------------------------------
@dataclass
class QdcReport:
    """What loading a .qdc did; `inverse` undoes it (for the GUI's undo stack)."""

    path: Path
    origin: str
    codebooks: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    moved: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)
    inverse: Operation | None = None

    @property
    def summary(self) -> str:
        text = (f"Loaded {self.path.name} ({self.origin or 'unknown program'}) into "
                f"{', '.join(repr(b) for b in self.codebooks)}: {self.added} codes added, "
                f"{self.updated} updated ({self.moved} moved)")
        if self.skipped:
            text += "; skipped " + ", ".join(f"{n} {w}" for w, n in sorted(self.skipped.items()))
        return text

    def lines(self) -> list[str]:
        return [self.summary] + [f"  Note: {c}" for c in self.changes]


def read_qdc(path: str | Path) -> tuple[str, list[CodeNode], Counter[str]]:
    """A .qdc's origin, code tree and what it holds that qcoder skips."""
    path = Path(path)
    try:
        if path.stat().st_size > DEFAULT_LIMITS.max_entry_bytes:
            raise InputFileError(f"{path}: is too large for a codebook file; refused")
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if data.startswith(b"PK"):
        raise InputFileError(f"{path}: is a zip archive, not a REFI-QDA codebook; a .qdpx "
                             "project is imported with `qcoder qdpx import`")
    root = parse_xml(data, str(path))
    ns = namespace(root.tag)
    if local(root.tag) != "CodeBook" or (ns and not ns.startswith(NS_PREFIX)):
        hint = ("; a project is imported with `qcoder qdpx import`"
                if local(root.tag) == "Project" else "")
        raise InputFileError(f"{path}: is not a REFI-QDA codebook (its root element is "
                             f"{local(root.tag)!r}, expected 'CodeBook'){hint}")
    codes_el = next((c for c in root if local(c.tag) == "Codes"), None)
    nodes = read_codes(codes_el)
    if not nodes:
        raise InputFileError(f"{path}: the codebook holds no codes; nothing to load")
    skipped: Counter[str] = Counter()
    for sets in (c for c in root if local(c.tag) == "Sets"):
        skipped["sets (code groups; qcoder has none)"] += sum(local(s.tag) == "Set" for s in sets)
    return root.get("origin") or "", nodes, skipped


def _free(wanted: str, taken: set[str], pattern: str) -> str:
    out, n = wanted, 2
    while out.casefold() in taken:
        out, n = pattern.format(wanted, n), n + 1
    taken.add(out.casefold())
    return out


def _flatten(nodes: list[CodeNode], parent: str | None, taken: set[str], out: list[NodeSpec],
             fresh: list[str]) -> None:
    for position, node in enumerate(nodes):
        uuid = node.guid
        if not uuid or uuid in taken:
            if uuid:
                fresh.append(node.name)
            uuid = new_uuid()
        taken.add(uuid)
        out.append(NodeSpec(uuid, parent, position, node.name, node.color, node.description))
        _flatten(node.children, uuid, taken, out, fresh)


def _groups(session: Session, origin: str, nodes: list[CodeNode]) -> list[Group]:
    """(top node or None, its codes, existing codebook or None) for each codebook in the file.

    A top-level category whose GUID is a codebook's UUID is that codebook (qcoder wrote it, or
    another tool kept it); in qcoder's own files every top-level category is a codebook; all
    other codes form one codebook."""
    books = {b.uuid: b for b in session.scalars(sa.select(Codebook))}
    own = is_qcoder(origin) and not any(n.codable for n in nodes)
    groups: list[Group] = []
    rest: list[CodeNode] = []
    for node in nodes:
        if node.guid in books and not node.codable:
            groups.append((node, node.children, books[node.guid]))
        elif own:
            groups.append((node, node.children, None))
        else:
            rest.append(node)
    if rest:
        groups.append((None, rest, None))
    return groups


def _plan(session: Session, path: Path, origin: str, nodes: list[CodeNode],
          report: QdcReport) -> list[LoadCodeTree]:
    safe_names(nodes, report.changes)
    code_books = dict(session.execute(sa.select(Code.uuid, Code.codebook_id)).all())
    names = {n.casefold() for n in session.scalars(sa.select(Codebook.name))}
    idents = {i.casefold() for i in session.scalars(sa.select(Codebook.ident))}
    plans: list[LoadCodeTree] = []
    planned: set[str] = set()
    for top, children, book in _groups(session, origin, nodes):
        if book is None and top is None:
            hits = Counter(code_books[n.guid] for c in children for n in c.walk()
                           if n.guid in code_books)
            if hits:
                book = session.get(Codebook, hits.most_common(1)[0][0])
        if book is not None:
            spec = BookSpec(book.uuid, book.ident, book.name, book.description)
        else:
            name = _free(top.name if top is not None else path.stem, names, "{} ({})")
            slug = re.sub(r"[^\w.-]+", "-", name).strip("-.")[:100] or "refi"
            spec = BookSpec(top.guid if top is not None and top.guid else new_uuid(),
                            _free(slug, idents, "{}-{}"), name,
                            top.description if top is not None else "")
        # codes of other codebooks keep theirs: a GUID already used elsewhere gets a new one
        taken = {u for u, b in code_books.items() if book is None or b != book.id} | planned
        out: list[NodeSpec] = []
        fresh: list[str] = []
        _flatten(children, None, taken, out, fresh)
        planned |= {n.uuid for n in out}
        if fresh:
            report.changes.append(f"{len(fresh)} codes whose GUIDs another codebook already "
                                  f"uses were added as new codes: {', '.join(fresh[:5])}")
        report.codebooks.append(spec.name)
        plans.append(LoadCodeTree(spec, tuple(out)))
    return plans


def import_qdc(project: Project, path: str | Path) -> QdcReport:
    """Load a REFI-QDA codebook file into the project as one undoable operation."""
    path = Path(path)
    origin, nodes, skipped = read_qdc(path)
    report = QdcReport(path, origin, skipped=skipped)
    with project.session() as s:
        plans = _plan(s, path, origin, nodes, report)
    plans = [LoadCodeTree(p.book, p.nodes, project.current_round) for p in plans]
    try:
        result = run(project, Batch(tuple(plans), label=f"Load {path.name}"))
    except QcoderError as exc:
        raise InputFileError(f"{path}: cannot be loaded: {exc}") from None
    for counts in result.value:
        report.added += counts.get("added", 0)
        report.updated += counts.get("updated", 0)
        report.moved += counts.get("moved", 0)
    report.inverse = result.inverse
    return report

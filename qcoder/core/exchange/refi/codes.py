"""Code trees in REFI-QDA XML, shared by projects (.qde) and codebooks (.qdc).

REFI-QDA has one code tree per project, qcoder one per codebook; so qcoder writes each codebook
as a top-level category (isCodable="false", GUID = the codebook's UUID) holding its codes. Codes
carry name, colour and definition (as Description); the rest of a qcoder code has no place in
the standard and stays in the project (the YAML codebook export carries all of it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...store.models import Code, Codebook
from .safety import local
from .standard import colour, norm_guid, xml_text


@dataclass
class CodeNode:
    """A code as a REFI-QDA file gives it."""

    guid: str | None
    name: str
    codable: bool = True
    color: str | None = None
    description: str = ""
    note_refs: list[str] = field(default_factory=list)
    children: list[CodeNode] = field(default_factory=list)

    def walk(self) -> Iterator[CodeNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def children_of(session: Session, books: list[Codebook]) -> dict[int | None, list[Code]]:
    """Codes of the given codebooks by parent id (None for each codebook's top level)."""
    codes = session.scalars(sa.select(Code).where(Code.codebook_id.in_([b.id for b in books]))
                            .order_by(Code.position, Code.id))
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    return children


def write_codes(parent: Element, ns: str, session: Session, books: list[Codebook],
                code_notes: dict[str, list[str]] | None = None) -> None:
    """Each codebook as a category with its codes below it; NoteRefs only in projects."""
    children = children_of(session, books)

    def code_element(into: Element, code: Code) -> None:
        el = SubElement(into, f"{{{ns}}}Code", guid=code.uuid, name=xml_text(code.name),
                        isCodable="true")
        if rgb := colour(code.color):
            el.set("color", rgb)
        if code.definition:
            SubElement(el, f"{{{ns}}}Description").text = xml_text(code.definition)
        for note in (code_notes or {}).get(code.uuid, []):
            SubElement(el, f"{{{ns}}}NoteRef", targetGUID=note)
        for child in children.get(code.id, []):
            code_element(el, child)

    for book in books:
        el = SubElement(parent, f"{{{ns}}}Code", guid=book.uuid, name=xml_text(book.name),
                        isCodable="false")
        if book.description:
            SubElement(el, f"{{{ns}}}Description").text = xml_text(book.description)
        for code in (c for c in children.get(None, []) if c.codebook_id == book.id):
            code_element(el, code)


def read_codes(codes_el: Element | None) -> list[CodeNode]:
    """The code tree under a <Codes> element, whatever its namespace."""
    if codes_el is None:
        return []

    def node(el: Element) -> CodeNode:
        desc = next((c for c in el if local(c.tag) == "Description"), None)
        return CodeNode(
            guid=norm_guid(el.get("guid")),
            name=" ".join((el.get("name") or "").split()),
            codable=(el.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            color=colour(el.get("color")),
            description=(desc.text or "").strip() if desc is not None else "",
            note_refs=[g for c in el if local(c.tag) == "NoteRef"
                       if (g := norm_guid(c.get("targetGUID")))],
            children=[node(c) for c in el if local(c.tag) == "Code"],
        )

    return [node(c) for c in codes_el if local(c.tag) == "Code"]


def safe_names(nodes: list[CodeNode], fixes: list[str], parent: str = "") -> None:
    """Make names usable in code paths: no '/', none empty, unique among siblings."""
    taken: set[str] = set()
    for n in nodes:
        original = n.name
        name = original.replace("/", "-").strip() or "(unnamed code)"
        base, k = name, 2
        while name.casefold() in taken:
            name, k = f"{base} ({k})", k + 1
        taken.add(name.casefold())
        if name != original:
            fixes.append(f"code {parent + original!r} renamed {name!r} (code names may not "
                         "contain '/' or repeat among siblings)")
        n.name = name
        safe_names(n.children, fixes, parent + name + "/")

"""OpenDocument text (.odt, LibreOffice/OpenOffice) via odfpy.

Paragraphs, headings and list items in reading order; pages from paragraph styles that break
the page and from the page breaks the editor recorded (`text:soft-page-break`). Footnotes,
annotations and frames stay out; table rows become lines as in .docx.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers.expat import ExpatError

from odf.namespaces import FONS, OFFICENS, STYLENS, TABLENS, TEXTNS

from ...errors import InputFileError
from .extracted import Extracted, table_row_line

if TYPE_CHECKING:
    from odf.element import Element, Node
    from odf.opendocument import OpenDocument

_SKIP = {(TEXTNS, "note"), (OFFICENS, "annotation"), (OFFICENS, "annotation-end"),
         (TEXTNS, "tracked-changes"), ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
                                       "frame"), (TEXTNS, "sequence-decls")}
#: A recorded (soft) break next to a style's hard break is one page break, not two.
_DOUBLE_BREAK = re.compile(r"\f(?:\s*\f)+")
_BLOCK = {(TEXTNS, "p"), (TEXTNS, "h")}


def _load(path: Path) -> OpenDocument:
    from odf.opendocument import load

    try:
        return load(str(path))
    except (zipfile.BadZipFile, KeyError, ExpatError, ValueError, OSError) as exc:
        raise InputFileError(
            f"{path}: cannot be read as an OpenDocument text ({type(exc).__name__}: {exc}); "
            "it may be truncated - open it in LibreOffice and save it again as .odt"
        ) from None


def _page_styles(doc: OpenDocument) -> set[str]:
    """Names of paragraph styles that start (or end) a page, following parent styles."""
    styles, parents, breaking = {}, {}, set()
    for container in (doc.styles, doc.automaticstyles):
        for st in container.childNodes:
            if st.qname != (STYLENS, "style"):
                continue
            name = st.attributes.get((STYLENS, "name"))
            styles[name] = st
            parents[name] = st.attributes.get((STYLENS, "parent-style-name"))
            for props in st.childNodes:
                if props.qname == (STYLENS, "paragraph-properties") and (
                        props.attributes.get((FONS, "break-before")) == "page"):
                    breaking.add(name)
    out = set()
    for name in styles:
        seen, cur = set(), name
        while cur and cur not in seen:
            if cur in breaking:
                out.add(name)
                break
            seen.add(cur)
            cur = parents.get(cur)
    return out


class _Walker:
    def __init__(self, page_styles: set[str]):
        self.out: list[str] = []
        self.page_styles = page_styles

    def node(self, node: Node) -> None:
        if node.nodeType == node.TEXT_NODE:
            self.out.append(node.data)
            return
        q = node.qname
        if q in _SKIP:
            return
        if q in _BLOCK:
            if node.attributes.get((TEXTNS, "style-name")) in self.page_styles and self.out:
                self.out.append("\f")
            self.children(node)
            self.out.append("\n")
        elif q == (TEXTNS, "s"):
            self.out.append(" " * int(node.attributes.get((TEXTNS, "c"), 1)))
        elif q == (TEXTNS, "tab"):
            self.out.append("\t")
        elif q == (TEXTNS, "line-break"):
            self.out.append("\n")
        elif q == (TEXTNS, "soft-page-break"):
            self.out.append("\f")
        elif q == (TABLENS, "table-row"):
            cells = []
            for cell in node.childNodes:
                if cell.qname == (TABLENS, "table-cell"):
                    inner = _Walker(set())
                    inner.children(cell)
                    cells.append("".join(inner.out).replace("\f", " "))
            self.out.append(table_row_line(cells) + "\n")
        else:
            self.children(node)

    def children(self, node: Element) -> None:
        for child in node.childNodes:
            self.node(child)


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    doc = _load(path)
    walker = _Walker(_page_styles(doc))
    walker.node(doc.text)
    return Extracted(_DOUBLE_BREAK.sub("\f", "".join(walker.out)))

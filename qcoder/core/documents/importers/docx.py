"""Word documents (.docx): the body text in reading order, with pages where the document has them.

Pages come from explicit page breaks, page-starting section breaks, "page break before"
paragraphs, and the page breaks Word itself recorded when it last saved the file (so a
transcript paginated by Word keeps Word's page numbers for citations). Headers, footers,
footnotes, comments, text boxes and deleted tracked changes stay out of the text. A table row
becomes one line: `Speaker: text` for a two-column speaker table, else cells joined by " | ".
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputFileError
from .extracted import Extracted, table_row_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Elements whose content is not part of the running text.
_SKIP = {_W + t for t in ("del", "moveFrom", "drawing", "pict", "object", "footnoteReference",
                          "endnoteReference", "commentReference", "delText", "instrText",
                          "rPr", "pPr", "sectPr")} | {_MC + "AlternateContent"}
#: Word's own record of where it broke pages when it last saved; dropped where it merely
#: repeats an explicit break (written as "\f") just before it.
_RENDERED = "\x1c"
_REPEATED = re.compile(r"(\f\s*)\x1c")


def _load(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError,
            EOFError) as exc:
        raise InputFileError(
            f"{path}: cannot be read as a Word .docx file ({type(exc).__name__}: {exc}); "
            "it may be truncated or in another format - open it in Word and save it again "
            "as .docx"
        ) from None
    except Exception as exc:  # lxml raises its own XMLSyntaxError for a damaged part
        if type(exc).__name__ == "XMLSyntaxError":
            raise InputFileError(
                f"{path}: the Word file is damaged ({exc}); open it in Word and save it again"
            ) from None
        raise


def _inline(el: BaseOxmlElement, out: list[str]) -> None:
    """The text of a paragraph's runs, hyperlinks, fields and inserted changes, in order."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag == _W + "br":
            out.append("\f" if child.get(_W + "type") == "page" else "\n")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "lastRenderedPageBreak":
            out.append(_RENDERED)
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        else:
            _inline(child, out)


def _page_break_before(p: BaseOxmlElement) -> bool:
    ppr = p.find(_W + "pPr")
    if ppr is None:
        return False
    flag = ppr.find(_W + "pageBreakBefore")
    return flag is not None and flag.get(_W + "val", "true") not in ("0", "false", "off")


def _section_types(body: BaseOxmlElement) -> list[str]:
    """The start type of each section, in order (the last is the body's own sectPr)."""
    types = []
    for sect in body.iter(_W + "sectPr"):
        kind = sect.find(_W + "type")
        types.append(kind.get(_W + "val", "nextPage") if kind is not None else "nextPage")
    return types


class _Body:
    def __init__(self, section_types: list[str]):
        self.out: list[str] = []
        self.section_types = section_types
        self.section = 0

    def blocks(self, el: BaseOxmlElement) -> None:
        for child in el:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.blocks(child)

    def paragraph(self, p: BaseOxmlElement) -> None:
        if _page_break_before(p):
            self.out.append("\f")
        _inline(p, self.out)
        self.out.append("\n")
        ppr = p.find(_W + "pPr")
        if ppr is not None and ppr.find(_W + "sectPr") is not None:
            self.section += 1
            nxt = self.section_types[self.section] if self.section < len(
                self.section_types) else "continuous"
            if nxt != "continuous":
                self.out.append("\f")

    def table(self, tbl: BaseOxmlElement) -> None:
        for tr in tbl.findall(_W + "tr"):
            cells = []
            for tc in tr.findall(_W + "tc"):
                inner = _Body([])
                inner.blocks(tc)
                cells.append("".join(inner.out))
            if any("\f" in c or _RENDERED in c for c in cells):
                self.out.append("\f")
                cells = [c.replace("\f", " ").replace(_RENDERED, " ") for c in cells]
            self.out.append(table_row_line(cells) + "\n")


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    document = _load(path)
    body = document.element.body
    reader = _Body(_section_types(body))
    reader.blocks(body)
    text = _REPEATED.sub(r"\1", "".join(reader.out)).replace(_RENDERED, "\f")
    return Extracted(text)

"""Word documents with tables ready for a thesis: Danish headings, a caption per table, the
header row repeated on every page, verdict shading, and landscape pages for wide tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml.etree import SubElement

from ...analysis.displays import Table
from .base import HEADER_COLOUR, VERDICT_COLOURS, Progress, Report, atomic_path, cell_text, is_wide

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table as WordTable
    from docx.table import _Cell, _Row


def _shade(cell: _Cell, colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row: _Row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _set_text(cell: _Cell, text: str, bold: bool = False) -> None:
    lines = text.split("\n")
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold


def _add_row(table: WordTable, cells: list[tuple[str, str | None]]) -> None:
    """Append a row as XML directly: python-docx's cell objects are too slow for big tables."""
    tr = SubElement(table._tbl, qn("w:tr"))
    for text, colour in cells:
        tc = SubElement(tr, qn("w:tc"))
        if colour:
            shd = SubElement(SubElement(tc, qn("w:tcPr")), qn("w:shd"))
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), colour)
        for line in text.split("\n"):
            paragraph = SubElement(tc, qn("w:p"))
            if line:
                t = SubElement(SubElement(paragraph, qn("w:r")), qn("w:t"))
                t.text = line
                t.set(qn("xml:space"), "preserve")


def _orient(doc: WordDocument, landscape: bool) -> None:
    """Start a new section in the wanted orientation unless the current one has it."""
    section = doc.sections[-1]
    is_landscape = section.orientation == WD_ORIENT.LANDSCAPE
    if is_landscape == landscape:
        return
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if (width < height) == landscape:
        section.page_width, section.page_height = height, width


def _write_table(doc: WordDocument, table: Table, number: int) -> None:
    _orient(doc, is_wide(table))
    doc.add_heading(table.title, level=2)
    if table.caption:
        doc.add_paragraph(table.caption).runs[0].italic = True
    out = doc.add_table(rows=1, cols=len(table.columns))
    out.style = "Table Grid"
    header = out.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, table.columns):
        _set_text(cell, column.header, bold=True)
        _shade(cell, HEADER_COLOUR)
    for row in table.rows:
        _add_row(out, [(cell_text(cell, column), VERDICT_COLOURS.get(cell.tone or ""))
                       for cell, column in zip(row, table.columns)])
    caption = doc.add_paragraph(f"Tabel {number}: {table.title}")
    caption.style = doc.styles["Caption"]
    for note in table.notes:
        doc.add_paragraph(note).runs[0].font.size = Pt(8)


class DocxExporter:
    suffix = ".docx"

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]:
        doc = Document()
        normal = doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(9)
        doc.add_heading(report.title, level=1)
        doc.add_heading("Om eksporten", level=2)
        about = doc.add_table(rows=0, cols=2)
        about.style = "Table Grid"
        for key, value in report.provenance:
            cells = about.add_row().cells
            _set_text(cells[0], key, bold=True)
            _set_text(cells[1], value)
        for i, table in enumerate(report.tables, start=1):
            progress(i, len(report.tables), f"skriver {table.title}")
            _write_table(doc, table, i)
        with atomic_path(path) as tmp:
            doc.save(str(tmp))
        return [path]

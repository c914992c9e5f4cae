"""Excel workbooks: provenance first, then a sheet per display with a frozen, coloured header,
fitted column widths, wrapped text and verdict colours. Text is always written as text, so a
quote starting with "=" is never run as a formula."""

from __future__ import annotations

import re
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from ...analysis.displays import Table
from .base import HEADER_COLOUR, VERDICT_COLOURS, Progress, Report, atomic_path, clean

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_WIDTH = {"long": 60, "text": 40}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_NOTE = Font(italic=True, color="555555")
_HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOUR)
_FILLS = {v: PatternFill("solid", fgColor=c) for v, c in VERDICT_COLOURS.items()}
_FORMATS = {"percent": "0.0"}


def sheet_name(title: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("-", title).strip("'") or "Ark"
    name, n = base[:31], 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _width(values: list[str], kind: str, header: str) -> float:
    longest = max([len(line) for v in values for line in v.split("\n")] + [len(header), 6])
    return min(longest, MAX_WIDTH.get(kind, 14)) + 2


class _Styles:
    """Cell styles made once per sheet and copied onto cells: assigning style objects cell by
    cell makes openpyxl hash them every time, which dominates writing large sheets."""

    def __init__(self, ws: WriteOnlyWorksheet):
        self.ws = ws
        self._made: dict[tuple[int, int, str | None], StyleArray] = {}

    def cell(self, value: str | float, *, font: Font | None = None, fill: PatternFill | None = None,
             number_format: str | None = None, text: bool = False) -> Cell:
        key = (id(font), id(fill), number_format)
        if key not in self._made:
            template = WriteOnlyCell(self.ws)
            template.alignment = _WRAP
            if font is not None:
                template.font = font
            if fill is not None:
                template.fill = fill
            if number_format:
                template.number_format = number_format
            # (openpyxl's stubs leave out the private _style, which is what copying saves)
            self._made[key] = template._style  # type: ignore[attr-defined]
        cell = WriteOnlyCell(self.ws, value=value)
        cell._style = copy(self._made[key])  # type: ignore[attr-defined]
        if text:
            cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell


def _text_cell(ws: WriteOnlyWorksheet, text: str, font: Font | None = None,
               fill: PatternFill | None = None) -> Cell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.alignment = _WRAP
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _write_table(wb: Workbook, table: Table, name: str) -> None:
    ws: WriteOnlyWorksheet = wb.create_sheet(name)   # (typed Any: it depends on write_only)
    styles = _Styles(ws)
    sample = table.rows[:500]
    for j, column in enumerate(table.columns):
        texts = [str(r[j].value) for r in sample if r[j].value is not None]
        _set_width(ws, _column_letter(j), _width(texts, column.kind, column.header))
    ws.freeze_panes = "B2"
    ws.append([styles.cell(c.header, font=_BOLD, fill=_HEADER_FILL, text=True)
               for c in table.columns])
    formats = [_FORMATS.get(c.kind) for c in table.columns]
    wrapped = [c.kind == "long" for c in table.columns]
    for row in table.rows:
        out: list[Cell | str | float | None] = []   # plain short values unstyled: much faster
        for cell, fmt, wrap in zip(row, formats, wrapped):
            value = cell.value
            if isinstance(value, str):
                text = clean(value)
                if wrap or cell.tone or "\n" in text or text.startswith("="):
                    out.append(styles.cell(text, fill=_FILLS.get(cell.tone or ""), text=True))
                else:
                    out.append(text)
            elif value is not None and (fmt or cell.tone):
                out.append(styles.cell(value, fill=_FILLS.get(cell.tone or ""), number_format=fmt))
            else:
                out.append(value)
        ws.append(out)
    if table.caption or table.notes:
        ws.append([])
        for line in ([table.title, table.caption] if table.caption else [table.title]) + table.notes:
            ws.append([styles.cell(clean(line), font=_NOTE, text=True)])


def _set_width(ws: WriteOnlyWorksheet, letter: str, width: float) -> None:
    # (openpyxl's stubs leave out the column_dimensions a write-only sheet has too)
    ws.column_dimensions[letter].width = width  # type: ignore[attr-defined]


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


class XlsxExporter:
    suffix = ".xlsx"

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]:
        wb = Workbook(write_only=True)
        taken: set[str] = set()
        ws: WriteOnlyWorksheet = wb.create_sheet(sheet_name("Om eksporten", taken))
        _set_width(ws, "A", 24)
        _set_width(ws, "B", 90)
        ws.append([_text_cell(ws, report.title, _BOLD)])
        for key, value in report.provenance:
            ws.append([_text_cell(ws, key, _BOLD), _text_cell(ws, value)])
        ws.append([])
        ws.append([_text_cell(ws, "Ark", _BOLD), _text_cell(ws, "Display", _BOLD)])
        names = [sheet_name(t.title.split(":")[0], taken) for t in report.tables]
        for name, table in zip(names, report.tables):
            ws.append([_text_cell(ws, name), _text_cell(ws, table.title)])
        try:
            for i, (name, table) in enumerate(zip(names, report.tables), start=1):
                progress(i, len(report.tables), f"skriver {name}")
                _write_table(wb, table, name)
        except BaseException:
            for sheet in wb.worksheets:  # finish the streamed sheets so nothing dangles
                sheet.close()
            raise
        with atomic_path(path) as tmp:
            wb.save(tmp)
        return [path]

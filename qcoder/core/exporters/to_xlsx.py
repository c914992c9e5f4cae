"""Excel workbooks: provenance first, then a sheet per display with a frozen, coloured header,
fitted column widths, wrapped text and verdict colours. Text is always written as text, so a
quote starting with "=" is never run as a formula."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from ..displays import Table
from .base import HEADER_COLOUR, VERDICT_COLOURS, Progress, Report, atomic_path

MAX_WIDTH = {"long": 60, "text": 40}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_NOTE = Font(italic=True, color="555555")
_HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOUR)
_FILLS = {v: PatternFill("solid", fgColor=c) for v, c in VERDICT_COLOURS.items()}
_FORMATS = {"percent": "0.0", "number": "General"}


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


def _text_cell(ws, text: str, font=None, fill=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.alignment = _WRAP
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _write_table(wb: Workbook, table: Table, name: str) -> None:
    ws = wb.create_sheet(name)
    sample = table.rows[:500]
    for j, column in enumerate(table.columns):
        texts = [str(r[j].value) for r in sample if r[j].value is not None]
        letter = _column_letter(j)
        ws.column_dimensions[letter].width = _width(texts, column.kind, column.header)
    ws.freeze_panes = "B2"
    ws.append([_text_cell(ws, c.header, _BOLD, _HEADER_FILL) for c in table.columns])
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        out = []
        for cell, kind in zip(row, kinds):
            value = cell.value
            if isinstance(value, str):
                out.append(_text_cell(ws, value, fill=_FILLS.get(cell.tone)))
                continue
            c = WriteOnlyCell(ws, value=value)
            c.alignment = _WRAP
            if kind in _FORMATS and value is not None:
                c.number_format = _FORMATS[kind]
            if cell.tone in _FILLS:
                c.fill = _FILLS[cell.tone]
            out.append(c)
        ws.append(out)
    if table.caption or table.notes:
        ws.append([])
        for line in ([table.title, table.caption] if table.caption else [table.title]) + table.notes:
            ws.append([_text_cell(ws, line, _NOTE)])


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


class XlsxExporter:
    suffix = ".xlsx"

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]:
        wb = Workbook(write_only=True)
        taken: set[str] = set()
        ws = wb.create_sheet(sheet_name("Om eksporten", taken))
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 90
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

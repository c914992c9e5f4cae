"""What every exporter shares: the report it writes, safe cell text, Danish number format,
verdict colours."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ...analysis.displays import Cell, Column, Table

Progress = Callable[[int, int, str], None]

#: Verdict -> background colour (hex RGB), the same in every format and in the GUI.
VERDICT_COLOURS = {
    "støtte": "C6EFCE",
    "delvis støtte": "E2F0D9",
    "ingen støtte": "EDEDED",
    "modstrid": "FFC7CE",
    "ingen data": "FFFFFF",
}
HEADER_COLOUR = "D9E1F2"

#: A cell starting with one of these is a formula to spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Report:
    """A titled set of displays with the provenance that makes an export citable."""

    title: str
    provenance: list[tuple[str, str]]
    tables: list[Table] = field(default_factory=list)


class Exporter(Protocol):
    suffix: str

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]: ...


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without the control characters XML (xlsx, docx, html) cannot hold."""
    return _CONTROL.sub("", text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def number_da(value: float | int, kind: str = "number") -> str:
    """12 -> "12", 18.25 -> "18,3" for percentages, 0.77 -> "0,77"."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int) or float(value).is_integer() and kind != "percent":
        return str(int(value))
    text = f"{value:.1f}" if kind == "percent" else f"{value:.4g}"
    return text.replace(".", ",")


def cell_text(cell: Cell, column: Column) -> str:
    """The cell as text for formats without types (docx, html, csv)."""
    if cell.value is None:
        return ""
    if isinstance(cell.value, (int, float)):
        text = number_da(cell.value, column.kind)
        return text + " %" if column.kind == "percent" else text
    return clean(str(cell.value))


def is_wide(table: Table) -> bool:
    return len(table.columns) > 6 or sum(c.kind == "long" for c in table.columns) > 2


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it only when writing succeeded, so a
    failed or cancelled export leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)

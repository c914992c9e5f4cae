"""CSV for Danish Excel: UTF-8 with BOM (so æøå show), semicolons and decimal commas. One
display per file; several displays go to NAME_<display>.csv beside the asked-for name. A text
cell that a spreadsheet would read as a formula gets a leading apostrophe."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .base import Progress, Report, atomic_path, cell_text, is_formula_like


def safe(text: str) -> str:
    return "'" + text if is_formula_like(text) else text


class CsvExporter:
    suffix = ".csv"

    def __init__(self, delimiter: str = ";"):
        self.delimiter = delimiter

    def paths(self, report: Report, path: Path) -> list[Path]:
        if len(report.tables) == 1:
            return [path]
        return [path.with_name(f"{path.stem}_{re.sub(r'[^0-9A-Za-zæøåÆØÅ-]+', '_', t.key)}.csv")
                for t in report.tables]

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]:
        targets = self.paths(report, path)
        for i, (table, target) in enumerate(zip(report.tables, targets), start=1):
            progress(i, len(report.tables), f"skriver {target.name}")
            with atomic_path(target) as tmp:
                with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh, delimiter=self.delimiter)
                    writer.writerow([safe(c.header) for c in table.columns])
                    for row in table.rows:
                        writer.writerow([
                            safe(cell.value) if isinstance(cell.value, str)
                            else cell_text(cell, column).removesuffix(" %")
                            for cell, column in zip(row, table.columns)])
        return targets

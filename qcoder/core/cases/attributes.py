"""Case attributes from a spreadsheet (.xlsx or .csv): one row per case, one column per attribute.

The key column names the case. A key that is a case's name updates that case; a key that is a
document's name creates the case and links the document. Other keys are reported as unmatched
(and only created on request); keys that occur twice are reported and left alone - nothing is
guessed. Column types are inferred from all their values ("0,77" and "12" make a number column,
"ja"/"nej" a yes/no column); a value that does not fit an existing attribute's type stops the
import with its cell named. The import is one undoable operation.
"""

from __future__ import annotations

import csv
import difflib
import io
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..documents.importers.txt import decode_bytes
from ..errors import InputFileError, QcoderError
from ..operations import Result, run
from ..store.models import Attribute, Case, CaseValue, Document, DocumentCase
from .cases import get_or_create_attribute, infer_type, link_document, set_value
from .table import check_value

if TYPE_CHECKING:
    from ..store.project import Project

#: a case value as stored: text, number, date and yes/no columns
StoredValue = tuple[str | None, float | None, date | None, bool | None]


@dataclass(frozen=True)
class Row:
    where: str                       # "cases.xlsx, sheet 'Ark1', row 5"
    cells: tuple[str, ...]           # cell names per column ("C5"), for messages
    values: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    source: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def _text(value: object) -> str:
    """A spreadsheet value as the text a user would type (numbers with a decimal comma)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        midnight = value.time() == datetime.min.time()
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").replace(".", ",")
    return unicodedata.normalize("NFC", str(value)).strip()


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputFileError(f"{path}: cannot be read as an Excel .xlsx workbook ({exc}); "
                             "open it in Excel and save it again as .xlsx") from None
    try:
        names = [w.title for w in wb.worksheets]  # not chart sheets: they hold no cells
        if not names:
            raise InputFileError(f"{path}: the workbook has only charts; put the case table "
                                 "on a worksheet")
        if sheet is not None and sheet not in names:
            raise InputFileError(f"{path}: no sheet named {sheet!r}; its sheets are: "
                                 + ", ".join(repr(n) for n in names))
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    name = f"{path.name}, sheet {ws.title!r}"
    return _table(name, grid, lambda r, c: f"{_column_letter(c + 1)}{r}")


def read_csv(path: Path) -> Table:
    try:
        text = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    grid = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    return _table(path.name, grid, lambda r, c: f"line {r}, column {c + 1}")


def _table(source: str, values: Sequence[Sequence[object]],
           cell: Callable[[int, int], str]) -> Table:
    """The table of a grid of cell values; `cell(row number, column index)` names a cell."""
    grid = [[_text(v) for v in row] for row in values]
    offset = 0
    while grid and not any(grid[0]):
        grid.pop(0)
        offset += 1
    if not grid:
        raise InputFileError(f"{source}: the table is empty; the first row must name the "
                             "columns, one row per case below it")
    headers = list(grid[0])
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for number, raw in enumerate(grid[1:], start=offset + 2):
        raw = (raw + [""] * len(headers))[:len(headers)]
        if not any(raw):
            continue
        cells = tuple(cell(number, c) for c in range(len(headers)))
        rows.append(Row(f"{source}, row {number}", cells, tuple(raw)))
    for c, name in enumerate(headers):
        if not name and any(r.values[c] for r in rows):
            raise InputFileError(f"{source}: column {c + 1} has values but no name in the header "
                                 "row; give it a name")
    return Table(source, tuple(headers), tuple(rows))


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv(path)
    raise InputFileError(f"{path}: case attributes are read from .xlsx or .csv; save the sheet "
                         "as one of those")


@dataclass
class AttributeReport:
    source: str
    updated: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    linked: list[tuple[str, str]] = field(default_factory=list)     # (document, case)
    new_attributes: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # (key, hint)
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # key -> rows
    blank_keys: list[str] = field(default_factory=list)
    values: int = 0

    def as_json(self) -> dict[str, object]:
        return {"source": self.source, "updated": self.updated, "created": self.created,
                "linked": [list(x) for x in self.linked],
                "new_attributes": [list(x) for x in self.new_attributes],
                "unmatched": [{"key": k, "hint": h} for k, h in self.unmatched],
                "duplicates": self.duplicates, "blank_keys": self.blank_keys,
                "values": self.values}


@dataclass(frozen=True)
class ImportAttributes:
    table: Table
    key: str
    create_unmatched: bool = False
    label: str = "Import case attributes"

    def execute(self, session: Session) -> tuple[AttributeReport, RevertAttributes]:
        headers = self.table.headers
        if self.key not in headers:
            close = difflib.get_close_matches(self.key, headers, n=1)
            raise InputFileError(
                f"{self.table.source}: no key column {self.key!r}; the columns are "
                + ", ".join(repr(h) for h in headers if h)
                + (f". Did you mean {close[0]!r}?" if close else ""))
        k = headers.index(self.key)
        report = AttributeReport(self.table.source)
        by_key: dict[str, list[Row]] = {}
        for row in self.table.rows:
            key = row.values[k]
            if not key:
                report.blank_keys.append(row.where)
            else:
                by_key.setdefault(key, []).append(row)
        report.duplicates = {key: [r.where for r in rows]
                             for key, rows in by_key.items() if len(rows) > 1}
        usable = {key: rows[0] for key, rows in by_key.items() if len(rows) == 1}
        undo = _Undo()
        targets = self._match(session, usable, report, undo)
        columns = [c for c, h in enumerate(headers) if h and c != k]
        for c in columns:
            attr = self._attribute(session, headers[c], [targets[key][1].values[c] for key in
                                                         targets], report, undo)
            for case, row in targets.values():
                raw = row.values[c]
                try:
                    check_value(attr, raw, case.name)
                except QcoderError as exc:
                    raise InputFileError(f"{row.where}, cell {row.cells[c]}: {exc}; fix the cell "
                                         "or rename the column to make a new attribute") from None
                old = session.get(CaseValue, (case.id, attr.id))
                undo.values.append((case.id, attr.id, None if old is None else (
                    old.text_value, old.number_value, old.date_value, old.bool_value)))
                set_value(session, case, attr, raw)
                report.values += 1 if raw else 0
        session.flush()
        return report, undo.op(self)

    def _match(self, session: Session, usable: dict[str, Row], report: AttributeReport,
               undo: _Undo) -> dict[str, tuple[Case, Row]]:
        cases = {c.name: c for c in session.scalars(sa.select(Case))}
        docs = {d.name: d for d in session.scalars(sa.select(Document))}
        targets = {}
        for key, row in usable.items():
            case = cases.get(key)
            doc = docs.get(key)
            if case is None and (doc is not None or self.create_unmatched):
                case = Case(name=key)
                session.add(case)
                session.flush()
                undo.cases.append(case.id)
                report.created.append(key)
            elif case is not None:
                report.updated.append(key)
            if case is None:
                close = difflib.get_close_matches(key, list(cases) + list(docs), n=1)
                report.unmatched.append((key, f"did you mean {close[0]!r}?" if close else ""))
                continue
            if doc is not None and case not in doc.cases:
                link_document(session, doc, case)
                undo.links.append((doc.id, case.id))
                report.linked.append((doc.name, case.name))
            targets[key] = (case, row)
        return targets

    def _attribute(self, session: Session, name: str, values: list[str],
                   report: AttributeReport, undo: _Undo) -> Attribute:
        attr = session.scalar(sa.select(Attribute).where(Attribute.name == name))
        if attr is None:
            attr = get_or_create_attribute(session, name, infer_type(values))
            undo.attributes.append(attr.id)
            report.new_attributes.append((name, attr.type))
        return attr


@dataclass
class _Undo:
    cases: list[int] = field(default_factory=list)
    attributes: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    #: (case id, attribute id, the value before the import or None when there was none)
    values: list[tuple[int, int, StoredValue | None]] = field(default_factory=list)

    def op(self, redo: ImportAttributes) -> RevertAttributes:
        return RevertAttributes(tuple(self.cases), tuple(self.attributes), tuple(self.links),
                                tuple(reversed(self.values)), redo)


@dataclass(frozen=True)
class RevertAttributes:
    """Put case values, links, cases and attributes back as they were before an import."""

    cases: tuple[int, ...]
    attributes: tuple[int, ...]
    links: tuple[tuple[int, int], ...]
    values: tuple[tuple[int, int, StoredValue | None], ...]
    redo: ImportAttributes
    label: str = "Import case attributes"

    def execute(self, session: Session) -> tuple[None, ImportAttributes]:
        for case_id, attr_id, before in self.values:
            value = session.get(CaseValue, (case_id, attr_id))
            if before is None:
                if value is not None:
                    session.delete(value)
            else:
                if value is None:
                    value = CaseValue(case_id=case_id, attribute_id=attr_id)
                    session.add(value)
                (value.text_value, value.number_value, value.date_value,
                 value.bool_value) = before
        session.flush()
        for doc_id, case_id in self.links:
            session.execute(sa.delete(DocumentCase).where(DocumentCase.document_id == doc_id,
                                                          DocumentCase.case_id == case_id))
        for model, ids in ((Case, self.cases), (Attribute, self.attributes)):
            if ids:
                session.execute(sa.delete(model).where(model.id.in_(ids)))
        session.flush()
        session.expire_all()
        return None, self.redo


def import_attributes(project: Project, path: str | Path, key: str, *, sheet: str | None = None,
                      create_unmatched: bool = False) -> Result:
    """Read a sheet and apply it; the value is an AttributeReport."""
    table = read_table(path, sheet)
    return run(project, ImportAttributes(table, key, create_unmatched))

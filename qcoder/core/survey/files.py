"""Reading survey files as they arrive: CSV from Danish Excel, xlsx, SPSS .sav, labels files.

Every reader returns a `SheetData`: column names and rows of cells, each cell its text as
written plus the number the file itself typed (xlsx numbers, .sav numerics). Numbers written
as text are parsed per column (`parse_column`), so a column of "0,77" is read with decimal
commas and a column of "0.5" with decimal points; both facts are reported, never guessed
silently. Nothing here touches the project.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputFileError

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

#: Answers that mean "no answer" when no labels file says otherwise.
DEFAULT_MISSING = ("ved ikke", "ikke relevant")

#: Danish answer scales as printed in survey reports, from the top end down; used to order the
#: categories of an unlabelled item and to notice labels in a scrambled order.
KNOWN_SCALES = (
    ("Meget ofte", "Ofte", "Af og til", "Sjældent", "Aldrig"),
    ("Helt enig", "Delvist enig", "Hverken enig eller uenig", "Delvist uenig", "Helt uenig"),
    ("Helt enig", "Enig", "Hverken enig eller uenig", "Uenig", "Helt uenig"),
    ("I meget høj grad", "I høj grad", "I nogen grad", "I lav grad", "I meget lav grad"),
    ("Meget godt", "Godt", "Hverken godt eller dårligt", "Dårligt", "Meget dårligt"),
    ("Ja", "Nej"),
)

SAV_SUFFIXES = (".sav", ".zsav")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
LABEL_SHEET_NAMES = ("labels", "etiketter", "labels_sheet", "variabler", "kodebog")

#: A scale point: its code as the data write it (None when the labels give no codes), and its
#: label. Stored in the project as a JSON pair [code, label].
Label = tuple[str | None, str]


@dataclass
class Cell:
    text: str
    number: float | None = None


@dataclass
class SheetData:
    """A table read from a file: `rows[i]` came from `places[i]` (e.g. "line 7", "row 7")."""

    source: str
    columns: list[str]
    rows: list[list[Cell]]
    places: list[str]
    notes: list[str] = field(default_factory=list)
    #: From .sav files: per column (wording, [(code, label)...], [missing codes]).
    meta: dict[str, tuple[str, list[Label], list[str]]] = field(default_factory=dict)

    def column_letter(self, index: int) -> str:
        return _letter(index) if self.source.lower().endswith(XLSX_SUFFIXES) else f"#{index + 1}"


def _letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def format_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def missing_set(spec: list[str] | None) -> set[str]:
    """The answers that mean "no answer" for an item, lower-cased: its own, else the defaults."""
    return {m.strip().lower() for m in (spec if spec is not None else DEFAULT_MISSING)}


# -- numbers written as text ---------------------------------------------------------------
_INT = re.compile(r"^[+-]?\d+$")
_COMMA_DEC = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_DOT_DEC = re.compile(r"^[+-]?\d*\.\d+$")


def parse_column(texts: list[str]) -> tuple[list[float | None], str]:
    """Numbers for the texts of one column and the decimal mark used ("," "." or "").

    A column with any "0,77"-style value uses decimal commas (dots are then thousands
    separators: "1.288" is 1288); otherwise a dot is the decimal mark.
    """
    cleaned = [t.strip().replace("\u00a0", "").replace(" ", "") for t in texts]
    comma = any(_COMMA_DEC.match(t) for t in cleaned)
    out: list[float | None] = []
    for t in cleaned:
        if _INT.match(t):
            out.append(float(t))
        elif comma and _COMMA_DEC.match(t):
            out.append(float(t.replace(".", "").replace(",", ".")))
        elif comma and _DOT_THOUSANDS.match(t):
            out.append(float(t.replace(".", "")))
        elif not comma and _DOT_DEC.match(t):
            out.append(float(t))
        else:
            out.append(None)
    mark = "," if comma else ("." if any(_DOT_DEC.match(t) for t in cleaned) else "")
    return out, mark


# -- CSV -------------------------------------------------------------------------------------
def _decode(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "read as Windows-1252 (not UTF-8), as older Danish Excel writes"


def read_csv(path: Path) -> SheetData:
    text, note = _decode(path)
    if not text.strip():
        raise InputFileError(f"{path}: the file is empty; export the survey with a header row")
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = [(reader.line_num, r) for r in reader if any(c.strip() for c in r)]
    if not records:
        raise InputFileError(f"{path}: no header row; the first line must name the columns")
    header = [c.strip() for c in records[0][1]]
    lengths = Counter(len(r) for _n, r in records[1:])
    usual = lengths.most_common(1)[0][0] if lengths else len(header)
    rows: list[list[Cell]] = []
    places: list[str] = []
    for line, record in records[1:]:
        if len(record) > len(header) and (any(c.strip() for c in record[len(header):])
                                          or len(record) != usual):
            raise InputFileError(
                f"{path}: line {line} has {len(record)} values but the header names "
                f"{len(header)} columns; a value probably contains {delimiter!r} without quotes - "
                "put double quotes around that value")
        rows.append([Cell(c.strip()) for c in record])
        places.append(f"line {line}")
    notes = [f"{path.name}: {note}"] if note else []
    if delimiter == ";":
        notes.append(f"{path.name}: semicolon-separated (as Danish Excel writes CSV)")
    return _finish(SheetData(path.name, header, rows, places, notes))


# -- xlsx ------------------------------------------------------------------------------------
def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, bool):
        return Cell("ja" if value else "nej")
    if isinstance(value, (int, float)):
        return Cell(format_number(value), float(value))
    if isinstance(value, (date, time)):  # datetimes are dates
        return Cell(value.isoformat())
    return Cell(str(value).strip())


def _read_sheet(ws: ReadOnlyWorksheet, source: str) -> SheetData:
    rows: list[list[Cell]] = []
    places: list[str] = []
    header: list[str] | None = None
    # types-openpyxl gives ReadOnlyWorksheet the iter_rows of Worksheet, bound to Worksheet
    rows_read = ws.iter_rows(values_only=True)  # type: ignore[misc]
    for index, values in enumerate(rows_read, start=1):
        cells = [_xlsx_cell(v) for v in values]
        if not any(c.text for c in cells):
            continue
        if header is None:
            header = [c.text for c in cells]
            continue
        rows.append(cells)
        places.append(f"row {index}")
    return _finish(SheetData(source, header or [], rows, places))


def read_xlsx(path: Path, sheet: str | None = None) -> tuple[SheetData, SheetData | None]:
    """The data sheet (the named one, else the first that is not a labels sheet) and the
    labels sheet when the workbook has one."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputFileError(f"{path}: cannot be read as an Excel workbook ({exc})") from None
    try:
        names = [w.title for w in wb.worksheets]  # not chart sheets: they hold no cells
        label_names = [n for n in names if n.strip().lower() in LABEL_SHEET_NAMES]
        if sheet is not None:
            if sheet not in names:
                raise InputFileError(f"{path}: no sheet named {sheet!r}; sheets: {', '.join(names)}")
            data_name = sheet
        else:
            candidates = [n for n in names if n not in label_names]
            if not candidates:
                raise InputFileError(f"{path}: the workbook has only a labels sheet, no data")
            data_name = candidates[0]
        data = _read_sheet(wb[data_name], path.name)
        labels = _read_sheet(wb[label_names[0]], f"{path.name} sheet {label_names[0]!r}") \
            if label_names else None
    finally:
        wb.close()
    data.notes += [
        f"{path.name} column {data.columns[c]!r}: {n} numbers stored as text "
        f"(e.g. cell {_letter(c)}{where}) read as numbers"
        for c, n, where in _numbers_as_text(data)
    ]
    return data, labels


def _numbers_as_text(data: SheetData) -> list[tuple[int, int, str]]:
    """Per column with numbers stored as text: its index, how many, and the first one's row."""
    found = []
    for c in range(len(data.columns)):
        hits = [i for i, row in enumerate(data.rows)
                if c < len(row) and row[c].number is None and row[c].text
                and parse_column([row[c].text])[0][0] is not None]
        if hits:
            found.append((c, len(hits), data.places[hits[0]].split()[-1]))
    return found


# -- SPSS ------------------------------------------------------------------------------------
def read_sav(path: Path) -> SheetData:
    """An SPSS file with its variable labels (wording), value labels and user-missing codes."""
    try:
        import pyreadstat
    except ImportError:
        raise InputFileError(f"{path}: reading SPSS files needs the pyreadstat package; "
                             "install it with `pip install pyreadstat`, or save the data "
                             "as .xlsx or .csv") from None
    try:
        df, meta = pyreadstat.read_sav(str(path), user_missing=True)
    except Exception as exc:  # pyreadstat.ReadstatError and OSError
        raise InputFileError(f"{path}: cannot be read as an SPSS .sav file ({exc})") from None
    columns = [str(c) for c in df.columns]
    rows: list[list[Cell]] = []
    for record in df.itertuples(index=False, name=None):
        cells = []
        for value in record:
            if value is None or (isinstance(value, float) and value != value):
                cells.append(Cell(""))
            elif isinstance(value, (int, float)):
                cells.append(Cell(format_number(value), float(value)))
            else:
                cells.append(Cell(str(value).strip()))
        rows.append(cells)
    places = [f"case {i}" for i in range(1, len(rows) + 1)]
    sav_meta: dict[str, tuple[str, list[Label], list[str]]] = {}
    for col in columns:
        wording = (meta.column_names_to_labels or {}).get(col) or ""
        value_labels = sorted((meta.variable_value_labels or {}).get(col, {}).items(),
                              key=lambda kv: (isinstance(kv[0], str), kv[0]))
        missing = [format_number(v) if isinstance(v, (int, float)) else str(v)
                   for v in (meta.missing_user_values or {}).get(col, [])]
        for rng in (meta.missing_ranges or {}).get(col, []):
            if not isinstance(rng, dict):  # pyreadstat's type allows bare values; ranges are dicts
                continue
            lo, hi = rng["lo"], rng["hi"]
            if lo == hi:
                missing.append(format_number(lo) if isinstance(lo, (int, float)) else str(lo))
        pairs: list[Label] = [(format_number(k) if isinstance(k, (int, float)) else str(k), str(v))
                              for k, v in value_labels]
        sav_meta[col] = (wording, pairs, sorted(set(missing)))
    return _finish(SheetData(path.name, columns, rows, places, meta=sav_meta))


# -- shared checks ---------------------------------------------------------------------------
def _finish(data: SheetData) -> SheetData:
    """Drop unnamed empty columns; refuse unnamed or repeated column names."""
    keep = []
    for i, name in enumerate(data.columns):
        filled = any(i < len(r) and r[i].text for r in data.rows)
        if not name and not filled:
            continue
        if not name:
            raise InputFileError(f"{data.source}: column {data.column_letter(i)} has values but no "
                                 "name in the header row; give it a name")
        keep.append(i)
    names = [data.columns[i] for i in keep]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InputFileError(f"{data.source}: the header names {', '.join(map(repr, dupes))} more "
                             "than once; every column needs its own name")
    if keep != list(range(len(data.columns))):
        data.rows = [[r[i] if i < len(r) else Cell("") for i in keep] for r in data.rows]
    else:
        data.rows = [r + [Cell("")] * (len(keep) - len(r)) for r in data.rows]
    data.columns = names
    return data


def read_table(path: Path, sheet: str | None = None) -> tuple[SheetData, SheetData | None]:
    """Any supported survey file: its data, and a labels sheet when an xlsx holds one."""
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, sheet)
    if suffix in SAV_SUFFIXES:
        return read_sav(path), None
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path), None
    raise InputFileError(f"{path}: unsupported survey format {suffix!r}; use .xlsx, .csv or .sav")


# -- labels files ----------------------------------------------------------------------------
_LABEL_COLUMNS = {
    "item": ("item", "id", "item_id", "variabel", "variable", "kolonne", "column"),
    "wording": ("wording", "ordlyd", "spørgsmål", "tekst", "question", "text"),
    "labels": ("labels", "scale", "skala", "svarkategorier", "kategorier", "value_labels"),
    "missing": ("missing", "manglende", "missing_codes", "ugyldige"),
    "filter": ("filter", "base", "population"),
    "top": ("top", "top_box", "topbox", "top_k"),
}
_CODED = re.compile(r"^\(?\s*([+-]?\d+(?:[.,]\d+)?)\s*[)=:]\s*(.+)$")


@dataclass
class ItemLabels:
    wording: str = ""
    labels: list[Label] = field(default_factory=list)
    missing: list[str] | None = None
    filter: str = ""
    top_k: int | None = None
    place: str = ""


def split_list(text: str) -> list[str]:
    sep = "|" if "|" in text else ";"
    return [p.strip() for p in text.split(sep) if p.strip()]


def stored_labels(labels: list[Label]) -> list[list[str | None]]:
    """Labels as the project stores them: JSON [code, label] pairs."""
    return [[code, label] for code, label in labels]


def labels_of(stored: list[list[str | None]] | None) -> list[Label]:
    """An item's stored [code, label] pairs as Labels (a pair without a label, which qcoder
    never writes, is left out)."""
    return [(code, label) for code, label in stored or [] if label is not None]


def parse_label(part: str) -> Label:
    """'1=Helt enig' -> ('1', 'Helt enig'); 'Helt enig' -> (None, 'Helt enig')."""
    m = _CODED.match(part)
    if m:
        return format_number(float(m.group(1).replace(",", "."))), m.group(2).strip()
    return None, part


def read_labels(data: SheetData) -> dict[str, ItemLabels]:
    """Labels per item from a labels table (one row per item)."""
    lower = [c.strip().lower() for c in data.columns]
    where: dict[str, int] = {}
    for role, names in _LABEL_COLUMNS.items():
        for i, c in enumerate(lower):
            if c in names and role not in where:
                where[role] = i
    if "item" not in where:
        raise InputFileError(f"{data.source}: a labels file needs an item column (named one of "
                             f"{', '.join(_LABEL_COLUMNS['item'])}); it has {', '.join(data.columns)}")
    out: dict[str, ItemLabels] = {}
    for row, place in zip(data.rows, data.places):
        def get(role: str, row: list[Cell] = row) -> str:
            return row[where[role]].text if role in where else ""

        ident = get("item")
        if not ident:
            continue
        if ident in out:
            raise InputFileError(f"{data.source} {place}: item {ident!r} is described twice "
                                 f"(first at {out[ident].place}); keep one row per item")
        top = get("top")
        if top and not top.isdigit():
            raise InputFileError(f"{data.source} {place}: top {top!r} must be a whole number "
                                 "(how many categories from the top the top-box counts)")
        out[ident] = ItemLabels(
            wording=get("wording"),
            labels=[parse_label(p) for p in split_list(get("labels"))],
            missing=[v for part in split_list(get("missing")) for v in parse_label(part) if v]
            if get("missing") else None,
            filter=get("filter"), top_k=int(top) if top else None, place=place,
        )
    return out


def read_labels_file(path: Path) -> dict[str, ItemLabels]:
    if not path.is_file():
        raise InputFileError(f"{path}: no such labels file")
    if path.suffix.lower() in XLSX_SUFFIXES:
        data, labels_sheet = read_xlsx(path)
        return read_labels(labels_sheet or data)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return read_labels(read_csv(path))
    raise InputFileError(f"{path}: a labels file must be .csv or .xlsx")


def known_scale(values: list[str]) -> tuple[str, ...] | None:
    """The known scale (top end first) that holds all of `values`, ignoring case."""
    wanted = {v.strip().lower() for v in values}
    for scale in KNOWN_SCALES:
        if wanted and wanted <= {s.lower() for s in scale}:
            return scale
    return None

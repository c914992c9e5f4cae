"""Writing a project's codebooks out: the YAML codebook format and an xlsx overview.

The YAML export is the file format read by codebook_schema.py, with every code's `uuid:` so a
re-load after hand edits matches codes by identity, not by name. Loading an exported file
gives back the same codebook, field for field (YAML -> project -> YAML is lossless). Empty
fields and defaults are left out to keep the file readable by hand.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..store import Project
from ..store.models import Code, Codebook, CodeHypothesis, Coding, Hypothesis


# -- finding codebooks ---------------------------------------------------------------------
def codebook_by_key(session: Session, key: str) -> Codebook:
    """A codebook by its id or its name."""
    book = session.scalar(sa.select(Codebook).where(sa.or_(Codebook.ident == key,
                                                           Codebook.name == key)))
    if book is None:
        known = ", ".join(repr(i) for i in session.scalars(sa.select(Codebook.ident)
                                                           .order_by(Codebook.ident)))
        raise NotFoundError(f"no codebook with id or name {key!r} in the project; "
                            f"known ids: {known or 'none (load one with qcoder codebook load)'}")
    return book


# -- the file-format structure -------------------------------------------------------------
class _FlowList(list[str]):
    """A list written on one line: [a, b, c]."""


class _FlowDict(dict[str, str]):
    """A mapping written on one line: {id: H1, direction: supports}."""


def _opt(target: dict[str, object], key: str, value: object, default: object = None) -> None:
    if value not in (None, "", [], default):
        target[key] = value


def _code_data(code: Code, children: dict[int | None, list[Code]],
               links: dict[int, list[tuple[str, str]]]) -> dict[str, object]:
    data: dict[str, object] = {"name": code.name, "uuid": code.uuid}
    if code.label_da != code.name:
        data["label_da"] = code.label_da
    _opt(data, "label_en", code.label_en)
    data["color"] = code.color
    _opt(data, "origin", code.origin, "deductive")
    _opt(data, "round", code.round_added, 1)
    _opt(data, "flagged", code.flagged)
    for key in ("definition", "include", "exclude"):
        _opt(data, key, getattr(code, key))
    _opt(data, "indicators", list(code.indicators or []))
    _opt(data, "example", code.example)
    _opt(data, "keywords", _FlowList(code.keywords or []))
    _opt(data, "hypotheses", [_FlowDict(id=ident, direction=direction)
                              for ident, direction in links.get(code.id, [])])
    _opt(data, "survey_items", _FlowList(code.survey_items or []))
    kids = [_code_data(c, children, links) for c in children.get(code.id, [])]
    _opt(data, "children", kids)
    return data


def _hypothesis_data(hyp: Hypothesis) -> dict[str, object]:
    data: dict[str, object] = {"id": hyp.ident, "uuid": hyp.uuid}
    _opt(data, "parent", hyp.parent_ident)
    _opt(data, "label", hyp.label)
    _opt(data, "statement", hyp.statement)
    data["kind"] = hyp.kind
    _opt(data, "display_columns", _FlowList(hyp.display_columns or []))
    return data


def code_children(session: Session, book: Codebook) -> dict[int | None, list[Code]]:
    """The codebook's codes by parent id (None for top level), in position order."""
    children: dict[int | None, list[Code]] = {}
    for code in session.scalars(sa.select(Code).where(Code.codebook_id == book.id)
                                .order_by(Code.position, Code.id)):
        children.setdefault(code.parent_id, []).append(code)
    return children


def code_links(session: Session, book: Codebook) -> dict[int, list[tuple[str, str]]]:
    """(hypothesis id, direction) for each code of the codebook, in hypothesis order."""
    links: dict[int, list[tuple[str, str]]] = {}
    rows = session.execute(
        sa.select(CodeHypothesis.code_id, Hypothesis.ident, CodeHypothesis.direction)
        .join(Hypothesis, Hypothesis.id == CodeHypothesis.hypothesis_id)
        .join(Code, Code.id == CodeHypothesis.code_id)
        .where(Code.codebook_id == book.id)
        .order_by(Hypothesis.codebook_id, Hypothesis.position, Hypothesis.ident))
    for code_id, ident, direction in rows:
        links.setdefault(code_id, []).append((ident, direction))
    return links


def codebook_data(session: Session, book: Codebook) -> dict[str, object]:
    """The codebook as the dict a codebook file holds."""
    data: dict[str, object] = {"codebook": book.name, "id": book.ident, "uuid": book.uuid,
                  "version": book.version, "language": book.language}
    _opt(data, "sources", _FlowList(book.sources or []))
    _opt(data, "description", book.description)
    hyps = session.scalars(sa.select(Hypothesis).where(Hypothesis.codebook_id == book.id)
                           .order_by(Hypothesis.position, Hypothesis.id))
    _opt(data, "hypotheses", [_hypothesis_data(h) for h in hyps])
    children = code_children(session, book)
    links = code_links(session, book)
    data["codes"] = [_code_data(c, children, links) for c in children.get(None, [])]
    return data


# -- YAML ------------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under keys


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowDict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(dict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=False))


def dump_codebook_yaml(data: dict[str, object], header: str = "") -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=96,
                     default_flow_style=False)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join(lines + [body]) if lines else body


def export_codebook_yaml(project: Project, key: str, out: str | Path) -> Path:
    """Write codebook `key` (id or name) to `out` in the codebook file format."""
    out = Path(out)
    with project.session() as s:
        book = codebook_by_key(s, key)
        data = codebook_data(s, book)
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    header = (f"Codebook {data['id']!r} exported by qcoder from {project.display_name}, {stamp}.\n"
              "Edit freely; keep the uuid lines so codes keep their codings when re-loaded.\n"
              "Raise 'version:' and load it with: qcoder codebook load PROJECT FILE")
    _write(out, dump_codebook_yaml(data, header).encode("utf-8"))
    return out


def _write(out: Path, payload: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(payload)
    except OSError as exc:
        raise QcoderError(f"{out}: cannot be written ({exc.strerror}); choose another place") from None


# -- xlsx ------------------------------------------------------------------------------------
CODE_COLUMNS = (
    ("codebook_id", 16), ("codebook", 28), ("version", 8), ("path", 48), ("level", 6),
    ("name", 28), ("label_da", 24), ("label_en", 24), ("color", 9), ("origin", 10),
    ("round", 6), ("codings", 8), ("definition", 60), ("include", 50), ("exclude", 50),
    ("indicators", 50), ("example", 50), ("keywords", 36), ("hypotheses", 24),
    ("survey_items", 18), ("flagged", 30), ("uuid", 38),
)
HYPOTHESIS_COLUMNS = (
    ("codebook_id", 16), ("id", 8), ("parent", 8), ("label", 36), ("statement", 70),
    ("kind", 10), ("display_columns", 60), ("uuid", 38),
)


def code_rows(session: Session, books: list[Codebook]) -> list[dict[str, str | int]]:
    """One row per code (depth first, in tree order) with every field, as strings and numbers."""
    counts: dict[int, int] = dict(session.execute(sa.select(Coding.code_id, sa.func.count())
                                  .group_by(Coding.code_id)).all())
    rows: list[dict[str, str | int]] = []
    for book in books:
        children = code_children(session, book)
        links = code_links(session, book)

        def walk(parent_id: int | None, prefix: str, level: int, book: Codebook = book,
                 children: dict[int | None, list[Code]] = children,
                 links: dict[int, list[tuple[str, str]]] = links) -> None:
            for code in children.get(parent_id, []):
                path = f"{prefix}/{code.name}"
                rows.append({
                    "codebook_id": book.ident, "codebook": book.name, "version": book.version,
                    "path": path, "level": level, "name": code.name, "label_da": code.label_da,
                    "label_en": code.label_en, "color": code.color, "origin": code.origin,
                    "round": code.round_added, "codings": counts.get(code.id, 0),
                    "definition": code.definition, "include": code.include,
                    "exclude": code.exclude, "indicators": "\n".join(code.indicators or []),
                    "example": code.example, "keywords": "; ".join(code.keywords or []),
                    "hypotheses": "; ".join(f"{i} ({d})" for i, d in links.get(code.id, [])),
                    "survey_items": "; ".join(code.survey_items or []),
                    "flagged": code.flagged, "uuid": code.uuid,
                })
                walk(code.id, path, level + 1)

        walk(None, book.name, 1)
    return rows


def export_codebooks_xlsx(project: Project, out: str | Path, key: str | None = None) -> Path:
    """Write codebooks (all, or `key` only) to an xlsx: sheet 'Codes' with one row per code and
    every field, sheet 'Hypotheses' with one row per hypothesis."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    out = Path(out)
    with project.session() as s:
        books = ([codebook_by_key(s, key)] if key else
                 list(s.scalars(sa.select(Codebook).order_by(Codebook.ident))))
        rows = code_rows(s, books)
        hyps = [(b.ident, h) for b in books for h in
                s.scalars(sa.select(Hypothesis).where(Hypothesis.codebook_id == b.id)
                          .order_by(Hypothesis.position))]
        hyp_rows = [{"codebook_id": ident, "id": h.ident, "parent": h.parent_ident or "",
                     "label": h.label, "statement": h.statement, "kind": h.kind,
                     "display_columns": " | ".join(h.display_columns or []), "uuid": h.uuid}
                    for ident, h in hyps]
    wb = Workbook()
    codes_sheet = wb.worksheets[0]  # the one sheet of a new workbook
    sheets = ((codes_sheet, "Codes", CODE_COLUMNS, rows),
              (wb.create_sheet(), "Hypotheses", HYPOTHESIS_COLUMNS, hyp_rows))
    wrap = Alignment(wrap_text=True, vertical="top")
    for ws, title, columns, data in sheets:
        ws.title = title
        ws.append([name for name, _w in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in data:
            ws.append([row[name] for name, _w in columns])
        for i, (_name, width) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for row_cells in ws.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = wrap
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    colour_col = [name for name, _w in CODE_COLUMNS].index("color") + 1
    for r, row in enumerate(rows, start=2):
        rgb = str(row["color"]).lstrip("#").upper()
        codes_sheet.cell(r, colour_col).fill = PatternFill("solid", start_color=rgb, end_color=rgb)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
    except OSError as exc:
        raise QcoderError(f"{out}: cannot be written ({exc.strerror}); close it in Excel or "
                          "choose another place") from None
    return out

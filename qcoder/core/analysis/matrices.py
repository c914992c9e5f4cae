"""Code x case matrices: coverage and distribution of codes across cases after a coding round.

Rows are codes in codebook order (or code families: a top-level code with everything below
it); columns are cases, or for focus groups case x section (municipality x vignette). A cell
holds a count of codings, presence, or the share of the case's text the code covers, and the
UUIDs of the codings behind it so a view can open them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..choices import LEVELS, MEASURES
from ..coding.codings import descendant_ids
from ..errors import QcoderError
from ..lookup import code_by_path, code_paths
from ..store.models import Code, Codebook, Document, StructureRange
from .case_codings import CaseCoding, CaseCodings
from .displays import Cell, CellValue, Column, Options, Table, case_codings, filter_notes

if TYPE_CHECKING:
    from ..store.project import Project

_MEASURE_NAMES = {"count": "antal kodninger", "presence": "forekomst",
                  "share": "andel af casens tekst (%)"}


def _ordered_codes(session: Session, family: str | None) -> list[Code]:
    """Codes depth-first in codebook order, optionally one code and its descendants."""
    codes = list(session.scalars(sa.select(Code).join(Codebook)
                                 .order_by(Codebook.id, Code.position, Code.id)))
    children: dict[int | None, list[Code]] = defaultdict(list)
    for c in codes:
        children[c.parent_id].append(c)
    roots = [code_by_path(session, family)] if family else children[None]
    out: list[Code] = []

    def walk(code: Code) -> None:
        out.append(code)
        for child in children[code.id]:
            walk(child)

    for root in roots:
        walk(root)
    return out


def _covered(ranges: list[tuple[int, int]]) -> int:
    """Characters covered by the union of [start, end) ranges."""
    total, last = 0, -1
    for start, end in sorted(ranges):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


def code_case_matrix(session: Session, options: Options, *, by_section: bool = False,
                     cc: CaseCodings | None = None) -> Table:
    """Codes x cases, or with `by_section` codes x (case, section) over the documents that
    have sections (municipality x vignette). `level` "family" rolls sub-codes into top codes."""
    if options.measure not in MEASURES:
        raise QcoderError(f"unknown measure {options.measure!r}; use one of {', '.join(MEASURES)}")
    if options.level not in LEVELS:
        raise QcoderError(f"unknown level {options.level!r}; use one of {', '.join(LEVELS)}")
    family, level = options.family, options.level
    cc = cc or case_codings(session, options)
    paths = code_paths(session)
    codes = _ordered_codes(session, family)
    if level == "family":
        rows = [(c, descendant_ids(session, c.id)) for c in codes if c.parent_id is None
                or (family and c.id == codes[0].id)]
    else:
        rows = [(c, {c.id}) for c in codes]
    row_of: dict[int, list[int]] = defaultdict(list)
    for i, (_code, ids) in enumerate(rows):
        for cid in ids:
            row_of[cid].append(i)
    if by_section:
        cols = [cs for cs in dict.fromkeys((c.case_id, cc.section(c)) for c in cc.codings) if cs[1]]
        cols.sort(key=lambda cs: (cc.cases[cs[0]], cs[1]))
        headers = [f"{cc.cases[case]} \u00b7 {section}" for case, section in cols]
    else:
        cols = [(case, "") for case in cc.cases]
        headers = list(cc.cases.values())
    col_index = {cs: j for j, cs in enumerate(cols)}
    hits: dict[tuple[int, int], list[CaseCoding]] = defaultdict(list)
    for c in cc.codings:
        j = col_index.get((c.case_id, cc.section(c) if by_section else ""))
        if j is None:
            continue
        for i in row_of.get(c.code_id, ()):
            hits[(i, j)].append(c)
    sizes = _case_sizes(session, cc) if options.measure == "share" else {}
    kind = "percent" if options.measure == "share" else (
        "number" if options.measure == "count" else "text")
    table = Table("matrix-sections" if by_section else "matrix",
                  ("Kode \u00d7 case \u00d7 afsnit" if by_section else "Kode \u00d7 case")
                  + f": {_MEASURE_NAMES[options.measure]}",
                  [Column("Kode")] + [Column(h, kind) for h in headers]
                  + [Column("I alt", "number"), Column("Cases", "number")])
    for i, (code, _ids) in enumerate(rows):
        row = [Cell(paths[code.id])]
        total = 0
        with_code = set()
        for j, (case, _section) in enumerate(cols):
            found = hits.get((i, j), [])
            total += len(found)
            if found:
                with_code.add(case)
            row.append(Cell(_measure(options.measure, found, sizes.get(case)),
                            codings=tuple(c.uuid for c in found)))
        row += [Cell(total), Cell(len(with_code))]
        table.rows.append(row)
    table.notes = [f"Celler: {_MEASURE_NAMES[options.measure]}; I alt: kodninger i alt; "
                   "Cases: antal cases med koden."] + filter_notes(options)
    if level == "family":
        table.notes.append("Hver række er en kodefamilie: overkoden med alle underkoder.")
    return table


def _measure(measure: str, found: list[CaseCoding], size: int | None) -> CellValue:
    if measure == "count":
        return len(found)
    if measure == "presence":
        return "\u2713" if found else None
    if not found or not size:
        return None
    by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for c in found:
        by_doc[c.document_id].append((c.start, c.end))
    return round(100 * sum(_covered(r) for r in by_doc.values()) / size, 1)


def _case_sizes(session: Session, cc: CaseCodings) -> dict[int, int]:
    lengths: dict[int, int] = dict(session.execute(
        sa.select(Document.id, sa.func.length(Document.text))).all())
    return {case: sum(lengths.get(d, 0) for d in cc.case_docs.get(case, [])) for case in cc.cases}


# -- what the matrix can be narrowed by ---------------------------------------------------------
def has_sections(session: Session) -> bool:
    """Whether any document has sections (vignettes), so codes x (case, section) has columns."""
    return session.execute(sa.select(sa.func.count()).select_from(StructureRange)
                           .where(StructureRange.kind == "section")).scalar_one() > 0


@dataclass(frozen=True)
class MatrixChoices:
    families: tuple[str, ...]   # paths of the codes a family can start at, sorted
    has_sections: bool


def matrix_choices(project: Project) -> MatrixChoices:
    """The code families (top-level codes and codes with sub-codes) to narrow the rows to, and
    whether the columns can be split by section."""
    with project.session() as s:
        paths = code_paths(s)
        codes = s.execute(sa.select(Code.id, Code.parent_id)).all()
        parents = {parent for _code, parent in codes if parent is not None}
        families = tuple(sorted(paths[code] for code, parent in codes
                                if parent is None or code in parents))
        return MatrixChoices(families, has_sections(s))

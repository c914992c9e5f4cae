"""Exports of the displays to xlsx, docx, csv and html: one exporter per format behind one
interface (`write(report, path, progress) -> written paths`), chosen by the file suffix.

`export()` builds the asked-for displays once (see WHAT), adds provenance - project, date,
coders, rounds, codebook versions, surveys, filters, agreement if computed - and writes them;
`export_display()` writes one display the analysis window has built, with the same provenance.
Progress goes to a `report(done, total, what)` callback, which may raise CancelledError; a
cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .... import __version__
from ...analysis.build import build_table
from ...analysis.displays import Options, Table, case_codings, coding_rounds
from ...analysis.matrices import has_sections
from ...catalog import HYPOTHESIS_ORDER
from ...choices import WHAT
from ...errors import QcoderError
from ...lookup import hypothesis_by_ident
from ...store.models import Codebook, Coder, Coding, Hypothesis, Meta
from ...store.models_analysis import SurveyDataset
from .base import Exporter, Progress, Report

if TYPE_CHECKING:
    from ...store import Project


# A format's module is imported when that format is written, so openpyxl and python-docx load
# only for an xlsx or docx export.
def _xlsx() -> Exporter:
    from .to_xlsx import XlsxExporter

    return XlsxExporter()


def _docx() -> Exporter:
    from .to_docx import DocxExporter

    return DocxExporter()


def _csv() -> Exporter:
    from .to_csv import CsvExporter

    return CsvExporter()


def _html() -> Exporter:
    from .to_html import HtmlExporter

    return HtmlExporter()


#: File suffix -> its exporter.
EXPORTERS: dict[str, Callable[[], Exporter]] = {".xlsx": _xlsx, ".docx": _docx, ".csv": _csv,
                                                ".html": _html}
DISPLAYS = ("overview", "hypotheses", "matrix", "profile", "joint")
ALL_ORDER = DISPLAYS + ("segments", "codebook")


def exporter_for(path: Path) -> Exporter:
    found = EXPORTERS.get(path.suffix.lower())
    if found is None:
        raise QcoderError(f"{path}: cannot export to {path.suffix or 'a file without suffix'!r}; "
                          f"use one of {', '.join(EXPORTERS)}")
    return found()


def _quiet(done: int, total: int, what: str = "") -> None:
    pass


def build_tables(session: Session, what: str, options: Options,
                 progress: Progress = _quiet) -> list[Table]:
    """The displays for `what` (one of WHAT), built over one read of the codings."""
    if what not in WHAT:
        raise QcoderError(f"unknown display {what!r}; choose one of {', '.join(WHAT)}")
    kinds = {"all": ALL_ORDER, "displays": DISPLAYS}.get(what, (what,))
    cc = case_codings(session, options)
    if options.hypothesis:
        hypothesis_by_ident(session, options.hypothesis)
        idents = [options.hypothesis]
    else:
        idents = list(session.scalars(sa.select(Hypothesis.ident).order_by(*HYPOTHESIS_ORDER)))
    steps: list[tuple[str, Callable[[], Table]]] = []
    for kind in kinds:
        if kind == "hypotheses":
            steps += [(f"hypotese {i}", partial(build_table, session, "hypotheses",
                                                replace(options, hypothesis=i), cc)) for i in idents]
        elif kind == "matrix":
            steps.append(("kode x case", partial(build_table, session, "matrix", options, cc)))
            if has_sections(session):
                steps.append(("kode x case x afsnit", partial(
                    build_table, session, "matrix", options, cc, by_section=True)))
        else:
            steps.append((kind, partial(build_table, session, kind, options, cc)))
    tables = []
    for i, (label, step) in enumerate(steps, start=1):
        progress(i, len(steps), f"bygger {label}")
        tables.append(step())
    return tables


def provenance(project: Project, session: Session, what: str,
               options: Options) -> list[tuple[str, str]]:
    """What makes an export citable; the coders are those whose codings are in view."""
    in_view = sa.select(Coder.name, sa.func.count(Coding.id)).join(
        Coding, Coding.coder_id == Coder.id, isouter=True)
    if options.coders is not None:
        in_view = in_view.where(Coder.name.in_(options.coders))
    coders = session.execute(in_view.group_by(Coder.name).order_by(Coder.name)).all()
    rounds = coding_rounds(project)
    books = session.execute(sa.select(Codebook.name, Codebook.ident, Codebook.version)
                            .order_by(Codebook.name)).all()
    surveys = session.execute(sa.select(SurveyDataset.name, SurveyDataset.source_name,
                                        SurveyDataset.case_attribute)).all()
    agreement = session.execute(sa.select(Meta.key, Meta.value)
                                .where(Meta.key.like("agreement%"))).all()
    filters = [f"{k}: {v}" for k, v in (("koder", options.coder), ("runde", options.round),
                                          ("hypotese", options.hypothesis),
                                          ("survey", options.survey),
                                          ("undergruppe", options.subgroup)) if v]
    return [
        ("Projekt", project.title),
        ("Projektfil", project.display_name),
        ("Eksporteret", datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("Program", f"qcoder {__version__}"),
        ("Displays", what),
        ("Kodere", ", ".join(f"{n} ({c} kodninger)" for n, c in coders) or "ingen"),
        ("Kodningsrunder", (", ".join(map(str, rounds)) or "ingen")
         + f" (aktuel runde: {project.current_round})"),
        ("Kodebøger", "; ".join(f"{n} ({i}), version {v}" for n, i, v in books) or "ingen"),
        ("Survey", "; ".join(f"{n} ({s}), koblet via casevariablen {a}" for n, s, a in surveys)
         or "ingen"),
        ("Interkoder-enighed", "; ".join(f"{k}: {v}" for k, v in agreement)
         or "ikke beregnet i projektet"),
        ("Udvalg", ", ".join(filters) or "alle kodninger"),
    ]


def export(project: Project, what: str, out: str | Path, options: Options | None = None,
           progress: Progress = _quiet) -> list[Path]:
    """Build the displays for `what` and write them to `out`; returns the written files."""
    out = Path(out)
    exporter = exporter_for(out)
    options = options or Options()
    with project.session() as session:
        tables = build_tables(session, what, options, progress)
        report = Report(f"{project.title}: analyse-eksport",
                        provenance(project, session, what, options), tables)
    return exporter.write(report, out, progress)


def export_display(project: Project, key: str, table: Table, options: Options, out: str | Path,
                   progress: Progress = _quiet) -> list[Path]:
    """Write `table`, the display `key` built with `options`, to `out` with its provenance."""
    out = Path(out)
    exporter = exporter_for(out)
    with project.session() as session:
        facts = provenance(project, session, key, options)
    return exporter.write(Report(f"{project.title}: {table.title}", facts, [table]), out, progress)

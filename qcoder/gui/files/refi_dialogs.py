"""File > Import/Export REFI-QDA project and codebook (.qdpx, .qdc): exchange with NVivo,
ATLAS.ti, MAXQDA and QualCoder.

Each runs under a progress dialog and ends with a summary of what moved: documents, codes,
codings per coder, cases, and - for imports - what was skipped and why and how the other
tool's selection positions were placed. An imported project is a new file that is opened
afterwards; a loaded codebook is one step on the undo stack.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
)

from ...core import catalog
from ...core.errors import CancelledError, QcoderError
from ...core.exchange.refi import export_qdc, export_qdpx, import_qdc, import_qdpx
from ...core.exchange.refi.export import ExportSummary
from ...core.exchange.refi.importer import ImportSummary
from ...core.exchange.refi.qdc import QdcReport
from ...core.store import PROJECT_SUFFIX
from ..shell.i18n import tr
from ..shell.long_task import run_task

QDPX_FILTER = "REFI-QDA (*.qdpx)"
QDC_FILTER = "REFI-QDA (*.qdc)"


def unit_title(key: str) -> str:
    return {"codepoints": tr("Unicode code points"),
            "codepoints-crlf": tr("code points, CRLF as two"),
            "utf16-crlf": tr("UTF-16 units, CRLF as two"),
            "utf16": tr("UTF-16 units")}.get(key, key)


def _table(headers: list[str] | None, rows: list[list], numeric: tuple[int, ...] = ()) -> str:
    """An HTML table; the columns in `numeric` are right-aligned."""
    def cell(tag: str, i: int, value) -> str:
        align = "right" if i in numeric else "left"
        wrap = " nowrap" if i == 0 else ""
        return f"<{tag} align='{align}'{wrap}>{escape(str(value))}</{tag}>"

    head = ("<tr>" + "".join(cell("th", i, h) for i, h in enumerate(headers)) + "</tr>"
            if headers else "")
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
                   for row in rows)
    return f"<table cellspacing='0' cellpadding='3'>{head}{body}</table>"


def _facts(rows: list[tuple[str, object]]) -> str:
    return _table(None, [[f"{k}:", v] for k, v in rows])


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _p(text: str, bold: bool = False) -> str:
    return f"<p><b>{escape(text)}</b></p>" if bold else f"<p>{escape(text)}</p>"


def _h(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


def import_summary_html(summary: ImportSummary) -> str:
    parts = [_p(tr("Imported {file} (made with {origin}) as the new project {target}.").format(
        file=summary.source.name, origin=summary.origin or tr("an unknown program"),
        target=summary.target.name), bold=True)]
    parts.append(_facts([
        (tr("Documents"), summary.documents),
        (tr("Codes"), summary.codes),
        (tr("Codebooks"), ", ".join(summary.codebooks) or "-"),
        (tr("Cases"), summary.cases), (tr("Attributes"), summary.attributes),
        (tr("Memos"), summary.memos), (tr("Coding memos"), summary.coding_memos)]))
    total = sum(summary.codings_by_user.values())
    parts.append(_h(tr("Codings per coder ({n} in all)").format(n=total)))
    parts.append(_table([tr("Coder"), tr("Codings")], sorted(summary.codings_by_user.items()),
                        numeric=(1,))
                 if total else _p(tr("No codings.")))
    placed = [(name, p) for name, p in summary.placements.items() if p.selections]
    if placed:
        parts.append(_h(tr("Where the coded selections landed")))
        parts.append(_table(
            [tr("Document"), tr("Positions counted in"), tr("Selections"), tr("Verified"),
             tr("Converted"), tr("Found nearby"), tr("As given"), tr("Not placed")],
            [[name, unit_title(p.unit.key), len(p.selections), p.count("verified"),
              p.count("converted"), p.count("relocated"), p.count("as given"),
              p.count("unplaced")] for name, p in placed], numeric=tuple(range(2, 8))))
    if summary.skipped:
        parts.append(_h(tr("Skipped, and why")))
        parts.append(_list([f"{n} × {what}" for what, n in sorted(summary.skipped.items())]))
    else:
        parts.append(_p(tr("Nothing was skipped.")))
    if summary.changes:
        parts.append(_h(tr("Notes")))
        parts.append(_list(summary.changes))
    return "".join(parts)


def export_summary_html(summary: ExportSummary, per_coder: dict[str, int] | None) -> str:
    parts = [_p(tr("Wrote {file}.").format(file=summary.path), bold=True),
             _facts([(tr("Documents"), summary.documents), (tr("Codes"), summary.codes),
                     (tr("Codings"), summary.codings), (tr("Coders"), summary.coders),
                     (tr("Cases"), summary.cases), (tr("Memos"), summary.memos)])]
    if per_coder:
        parts.append(_h(tr("Codings per coder")))
        parts.append(_table([tr("Coder"), tr("Codings")], sorted(per_coder.items()),
                            numeric=(1,)))
    parts.append(_p(tr("Selection positions are written in Unicode code points, as the "
                        "standard asks; qcoder reads its own files back exactly.")))
    return "".join(parts)


def qdc_summary_html(report: QdcReport) -> str:
    parts = [_p(tr("Loaded {file} (made with {origin}).").format(
        file=report.path.name, origin=report.origin or tr("an unknown program")), bold=True),
             _facts([(tr("Into codebooks"), ", ".join(report.codebooks)),
                     (tr("Codes added"), report.added), (tr("Codes updated"), report.updated),
                     (tr("… of which moved"), report.moved)])]
    if report.skipped:
        parts.append(_h(tr("Skipped, and why")))
        parts.append(_list([f"{n} × {what}" for what, n in sorted(report.skipped.items())]))
    if report.changes:
        parts.append(_h(tr("Notes")))
        parts.append(_list(report.changes))
    parts.append(_p(tr("Edit > Undo takes the loaded codes out again.")))
    return "".join(parts)


class SummaryDialog(QDialog):
    """A summary to read (and copy) before going on."""

    def __init__(self, title: str, html: str, parent=None, ok_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(780, 540)


def _start_dir(window) -> str:
    if window.project is not None and window.project.path is not None:
        return str(Path(window.project.path).parent)
    return window._last_dir() if hasattr(window, "_last_dir") else str(Path.home())


def _failed(window, title: str, exc: QcoderError) -> None:
    if isinstance(exc, CancelledError):
        window.statusBar().showMessage(str(exc), 5000)
    else:
        QMessageBox.warning(window, title, str(exc))


def import_refi_project(window, source: str | None = None, target: str | None = None) -> bool:
    """Make a new project from a .qdpx, show what came in, then open it."""
    title = tr("Import REFI-QDA project")
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, title, _start_dir(window), QDPX_FILTER)
        if not source:
            return False
    if target is None:
        suggested = Path(source).with_suffix(PROJECT_SUFFIX)
        target, _ = QFileDialog.getSaveFileName(
            window, tr("Save the imported project as"), str(suggested),
            tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if not target:
            return False
        if not target.endswith(PROJECT_SUFFIX):
            target += PROJECT_SUFFIX
    try:
        summary = run_task(window, title, lambda report: import_qdpx(source, target, report))
    except QcoderError as exc:
        _failed(window, title, exc)
        return False
    SummaryDialog(title, import_summary_html(summary), window,
                  tr("Open the project")).exec()
    return window.open_path(summary.target)


def export_refi_project(window, out: str | None = None) -> ExportSummary | None:
    title = tr("Export REFI-QDA project")
    if window.project is None:
        window.statusBar().showMessage(tr("Open a project first."), 4000)
        return None
    if out is None:
        stem = Path(window.project.display_name).stem
        suggested = Path(_start_dir(window)) / f"{stem}.qdpx"
        out, _ = QFileDialog.getSaveFileName(window, title, str(suggested), QDPX_FILTER)
        if not out:
            return None
        if not out.lower().endswith(".qdpx"):
            out += ".qdpx"
    project = window.project  # the worker thread reads through its own sessions, not the window
    try:
        summary = run_task(window, title, lambda report: export_qdpx(project, out, report))
    except QcoderError as exc:
        _failed(window, title, exc)
        return None
    # in blind mode only the total is shown, not how much each other coder has coded
    per_coder = None if window.workbench.blind else summary.codings_by_coder
    SummaryDialog(title, export_summary_html(summary, per_coder), window).exec()
    return summary


def export_codebook(window, out: str | None = None, codebook: int | None = None) -> Path | None:
    """Write one codebook (or all) as .qdc."""
    title = tr("Export codebook (REFI-QDA)")
    if window.project is None:
        window.statusBar().showMessage(tr("Open a project first."), 4000)
        return None
    books = sorted(((b.id, b.name) for b in catalog.codebooks(window.project)),
                   key=lambda book: book[1])
    if not books:
        QMessageBox.information(window, title, tr("The project has no codebook yet."))
        return None
    if out is None:
        if len(books) > 1:
            choices = [tr("All codebooks")] + [name for _id, name in books]
            chosen, ok = QInputDialog.getItem(window, title, tr("Codebook to export:"), choices,
                                              0, False)
            if not ok:
                return None
            codebook = None if chosen == choices[0] else books[choices.index(chosen) - 1][0]
        name = books[0][1] if len(books) == 1 else "codebook"
        out, _ = QFileDialog.getSaveFileName(window, title,
                                             str(Path(_start_dir(window)) / f"{name}.qdc"),
                                             QDC_FILTER)
        if not out:
            return None
        if not out.lower().endswith(".qdc"):
            out += ".qdc"
    project = window.project
    try:
        path = run_task(window, title, lambda _report: export_qdc(project, out, codebook),
                        cancellable=False)
    except QcoderError as exc:
        _failed(window, title, exc)
        return None
    codes = sum(1 for c in catalog.codes(window.project)
                if codebook is None or c.codebook_id == codebook)
    window.statusBar().showMessage(tr("Wrote {file}: {n} codes.").format(file=path, n=codes),
                                   8000)
    return path


def import_codebook(window, source: str | None = None) -> QdcReport | None:
    """Load a .qdc into the project as one undoable step and show what changed."""
    title = tr("Import codebook (REFI-QDA)")
    if window.project is None:
        window.statusBar().showMessage(tr("Open a project first."), 4000)
        return None
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, title, _start_dir(window), QDC_FILTER)
        if not source:
            return None
    project = window.project
    try:
        report = run_task(window, title, lambda _report: import_qdc(project, source),
                          cancellable=False)
    except QcoderError as exc:
        _failed(window, title, exc)
        return None
    window.workbench.undo.record(tr("Load codebook {file}").format(file=Path(source).name),
                                 report.inverse)
    window.workbench.notify()
    SummaryDialog(title, qdc_summary_html(report), window).exec()
    return report


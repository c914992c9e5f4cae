"""Analyse > Intercoder agreement: choose coders, unit, codes and documents (choices_pane.py),
compute the report (core agreement_report, in a worker behind a progress dialog), read it as
tables with the warnings in view, copy the methods paragraph, export the report, and open the
disagreement browser to reach a consensus.

Only coders whose codings the window shows can be compared, so blind mode holds: comparing
reveals where the others coded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.agreement import AgreementReport, agreement_report, units_compared
from ...core.agreement.export import export_report, methods_paragraph
from ...core.errors import CancelledError, QcoderError
from ..shell.i18n import tr
from ..shell.long_task import run_task
from .agreement_tables import (
    ENTRY_ROLE,
    fill_code_table,
    fill_domain_table,
    make_table,
    row_details,
    warning_color,
)
from .choices_pane import ChoicesPane
from .disagreements import DisagreementBrowser


class AgreementDialog(QDialog):
    """The settings on the left, the report on the right."""

    def __init__(self, project, workbench, settings, parent=None):
        super().__init__(parent)
        self.project, self.workbench, self.settings = project, workbench, settings
        self.report: AgreementReport | None = None
        self.browser = None
        self.setWindowTitle(tr("Intercoder agreement"))
        self.choices = ChoicesPane(project, workbench)
        self.choices.compute_button.clicked.connect(self.compute)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.code_table = make_table([tr("Code")])
        self.domain_table = make_table([tr("Domain (parent code)")])
        domain_page = QWidget()
        domain_layout = QVBoxLayout(domain_page)
        explain = QLabel(tr("A domain is a parent code whose sub-codes are used as mutually "
                            "exclusive categories. Krippendorff's nominal alpha compares which "
                            "sub-code each coder gave a unit; a unit a coder gave none of them "
                            "is missing for that coder."))
        explain.setWordWrap(True)
        domain_layout.addWidget(explain)
        domain_layout.addWidget(self.domain_table)
        self.methods = {lang: QPlainTextEdit(readOnly=True) for lang in ("da", "en")}
        methods_page = QWidget()
        methods_layout = QVBoxLayout(methods_page)
        for lang, title in (("da", tr("Danish")), ("en", tr("English"))):
            copy = QPushButton(tr("Copy"))
            copy.setObjectName(f"copy_{lang}")
            copy.clicked.connect(lambda _=False, x=lang: self.copy_methods(x))
            head = QHBoxLayout()
            head.addWidget(QLabel(f"<b>{title}</b>"))
            head.addStretch(1)
            head.addWidget(copy)
            methods_layout.addLayout(head)
            methods_layout.addWidget(self.methods[lang])
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(3 * self.details.fontMetrics().lineSpacing())
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for table in (self.code_table, self.domain_table):
            table.currentCellChanged.connect(
                lambda row, _c, _r, _p, t=table: self._show_details(t, row))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.code_table, tr("Codes"))
        self.tabs.addTab(domain_page, tr("Domains"))
        self.tabs.addTab(methods_page, tr("Methods paragraph"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.empty = QLabel(tr("Choose the coders and the unit on the left, then press "
                               "Compute."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.tabs, 1)
        results_layout.addWidget(self.details)
        self.stack.addWidget(results)

        self.disagreements_button = QPushButton(tr("&Disagreements…"))
        self.disagreements_button.clicked.connect(self.open_disagreements)
        self.export_button = QPushButton(tr("&Export report…"))
        self.export_button.clicked.connect(self.export_dialog)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.disagreements_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        result_pane = QWidget()
        result_pane.setLayout(right)
        split = QSplitter()
        split.addWidget(self.choices)
        split.addWidget(result_pane)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 1110])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1400, 800)
        self.choices.restore(settings)
        self._show_report()
        workbench.visibilityChanged.connect(self._visibility_changed)

    # -- computing -------------------------------------------------------------------------
    def compute(self) -> bool:
        """Compute the report for the chosen settings; False when refused or cancelled."""
        choices = self.choices
        coders = choices.chosen_coders()
        codes = choices.chosen_codes()
        documents = choices.chosen_documents()
        problem = (tr("Tick two or more coders to compare.") if len(coders) < 2 else
                   tr("Tick at least one code.") if codes == [] else
                   tr("Tick at least one document.") if documents == [] else "")
        if problem:
            QMessageBox.warning(self, tr("Intercoder agreement"), problem)
            return False
        unit, overlap, min_cover = (choices.unit.currentData(), choices.overlap.value(),
                                    choices.min_cover.value())
        try:
            report = run_task(self, tr("Computing agreement"), lambda step: agreement_report(
                self.project, coders, unit, overlap=overlap, min_cover=min_cover, codes=codes,
                documents=documents, report=step))
        except CancelledError:
            return False
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Intercoder agreement"), str(exc))
            return False
        choices.remember(self.settings)
        self.report = report
        self._show_report()
        return True

    def _show_report(self) -> None:
        report = self.report
        self.stack.setCurrentIndex(1 if report else 0)
        self.export_button.setEnabled(report is not None)
        can_browse = report is not None and len(report.data["coders"]) == 2 \
            and bool(report.disagreements)
        self.disagreements_button.setEnabled(can_browse)
        if report is None:
            self.summary.setText(tr("No report yet."))
            self.disagreements_button.setText(tr("&Disagreements…"))
            return
        data = report.data
        self.disagreements_button.setText(
            tr("&Disagreements ({n})…").format(n=len(report.disagreements)))
        self.disagreements_button.setToolTip(
            "" if len(data["coders"]) == 2 else
            tr("The disagreement browser compares two coders; compute for two."))
        fill_code_table(self.code_table, data, self.choices.colors)
        fill_domain_table(self.domain_table, data)
        self.tabs.setTabText(1, tr("Domains ({n})").format(n=len(data.get("domains", []))))
        for lang, box in self.methods.items():
            box.setPlainText(methods_paragraph(data, lang))
        self.summary.setText(self._summary_html(data))
        for table in (self.domain_table, self.code_table):
            if table.rowCount():
                table.setCurrentCell(0, 0)
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        table = {0: self.code_table, 1: self.domain_table}.get(index)
        self.details.setVisible(table is not None)
        if table is not None:
            self._show_details(table, table.currentRow())

    def _show_details(self, table, row: int) -> None:
        item = table.item(row, 0) if row >= 0 else None
        entry = item.data(ENTRY_ROLE) if item is not None else None
        self.details.setText(row_details(entry, self.report.data) if entry and self.report
                             else "")

    def _summary_html(self, data: dict) -> str:
        s = data["settings"]
        n = units_compared(data)
        unit = {"character": tr("characters"), "segment": tr("coded segments"),
                "sentence": tr("sentences"), "paragraph": tr("paragraphs"),
                "turn": tr("speaker turns"), "section": tr("sections")}[data["unit"]]
        parts = [tr("<b>{coders}</b> compared on {unit}: {n} in {docs} documents.").format(
            coders=" · ".join(data["coders"]), unit=unit, n=f"{n:,}".replace(",", " "),
            docs=len(s["documents"]))]
        if "scope" in s:
            parts.append(tr("Compared: {scope}.").format(scope=s["scope"]))
        warn = warning_color().name()
        for w in data.get("warnings", []):
            parts.append(f'<span style="color:{warn}">⚠ {w}</span>')
        flagged = sum(1 for e in data["codes"] if e.get("warnings") and e.get("used", True))
        if flagged:
            parts.append(f'<span style="color:{warn}">⚠ ' + tr(
                "{n} codes have warnings: a coefficient is left out where it would mislead; "
                "see Notes and the details under the table.").format(n=flagged) + "</span>")
        return "<br>".join(parts)

    # -- methods, export, disagreements ----------------------------------------------------
    def copy_methods(self, lang: str) -> None:
        QGuiApplication.clipboard().setText(self.methods[lang].toPlainText())

    def export_dialog(self) -> None:
        if self.report is None:
            return
        start = str(Path(self.project.path).with_name(
            f"{Path(self.project.path).stem}-agreement.xlsx")) if self.project.path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export agreement report"), start,
            tr("Excel workbook") + " (*.xlsx);;" + tr("Web page") + " (*.html)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Path | None:
        report = self.report
        try:
            written = run_task(self, tr("Writing the report"),
                               lambda _step: export_report(report, path), cancellable=False)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Export report"), str(exc))
            return None
        self.summary.setText(self._summary_html(report.data) + "<br>" + tr(
            "Report written to {path}.").format(path=written))
        return written

    def _visibility_changed(self) -> None:
        if self.workbench.blind:  # the report shows how the others coded
            self.close()

    def done(self, result: int) -> None:
        if self.browser is not None:
            self.browser.close()  # it lets go of the workbench's signals
        try:
            self.workbench.visibilityChanged.disconnect(self._visibility_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    def open_disagreements(self) -> DisagreementBrowser | None:
        if self.report is None or not self.disagreements_button.isEnabled():
            return None
        if self.browser is not None:
            self.browser.close()
        self.browser = DisagreementBrowser(self.project, self.workbench, self.report,
                                           self.choices.colors, self)
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()
        return self.browser


def open_agreement(window) -> AgreementDialog | None:
    """Analyse > Intercoder agreement… (refused in blind mode, which hides the others)."""
    if window.project is None:
        return None
    wb = window.workbench
    if wb.blind:
        QMessageBox.information(window, tr("Intercoder agreement"), tr(
            "Blind mode hides the other coders' codings, and comparing would show them. "
            "Leave blind mode first (View > Blind mode)."))
        return None
    dialog = AgreementDialog(window.project, wb, window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

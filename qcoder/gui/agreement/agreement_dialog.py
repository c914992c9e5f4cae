"""Analyse > Intercoder agreement: choose coders, unit, codes and documents, compute the report
(core agreement_report, in a worker behind a progress dialog), read it as tables with the
warnings in view, copy the methods paragraph, export the report, and open the disagreement
browser to reach a consensus.

Only coders whose codings the window shows can be compared, so blind mode holds: comparing
reveals where the others coded.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
    QStackedWidget, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ...core.agreement import AgreementReport, agreement_report
from ...core.agreement.consensus import KONSENSUS
from ...core.agreement.export import export_report, methods_paragraph
from ...core.codebooks.tree import code_tree
from ...core.errors import CancelledError, QcoderError
from ...core.store.models import Document
from .agreement_tables import (ENTRY_ROLE, fill_code_table, fill_domain_table, make_table,
                               row_details, warning_color)
from ..codebook.codebook_panel import colour_swatch
from .disagreements import DisagreementBrowser
from ..shell.i18n import tr
from ..shell.long_task import run_task

PATH_ROLE = Qt.ItemDataRole.UserRole
TEXT_UNITS = ("sentence", "paragraph", "turn", "section")


def unit_names() -> dict[str, str]:
    return {"character": tr("Characters (as NVivo)"), "segment": tr("Coded segments (as MAXQDA)"),
            "sentence": tr("Sentences"), "paragraph": tr("Paragraphs (split at blank lines)"),
            "turn": tr("Speaker turns"), "section": tr("Sections (from section markers)")}


class AgreementDialog(QDialog):
    """The settings on the left, the report on the right."""

    def __init__(self, project, workbench, settings, parent=None):
        super().__init__(parent)
        self.project, self.workbench, self.settings = project, workbench, settings
        self.report: AgreementReport | None = None
        self.browser = None
        self.setWindowTitle(tr("Intercoder agreement"))
        self.colors: dict[str, str] = {}
        self._order: list[str] = []

        self.coders = QListWidget()
        self.coders.setToolTip(tr("Tick two or more coders to compare"))
        self.unit = QComboBox()
        for key, name in unit_names().items():
            self.unit.addItem(name, key)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.overlap = QDoubleSpinBox(decimals=2, minimum=0.05, maximum=1.0, singleStep=0.05)
        self.overlap.setValue(0.9)
        self.overlap.setToolTip(tr("Two segments of a code match when their overlap "
                                   "(intersection over union) is at least this share"))
        self.min_cover = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=0.95, singleStep=0.05)
        self.min_cover.setToolTip(tr("A unit counts as coded when a coder's codings cover more "
                                     "than this share of it (0: any overlap)"))
        self.codes = QTreeWidget()
        self.codes.setHeaderHidden(True)
        self.documents = QListWidget()
        self._fill_choices()

        form = QFormLayout()
        form.addRow(tr("Unit:"), self.unit)
        form.addRow(tr("Segment overlap:"), self.overlap)
        form.addRow(tr("Minimum cover:"), self.min_cover)
        left = QVBoxLayout()
        left.addWidget(self._group(tr("Coders"), self.coders, self._coder_note()))
        left.addLayout(form)
        left.addWidget(self._group(tr("Codes"), self.codes), 3)
        left.addWidget(self._group(tr("Documents"), self.documents), 2)
        self.compute_button = QPushButton(tr("&Compute"))
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        left.addWidget(self.compute_button)
        settings_pane = QWidget()
        settings_pane.setLayout(left)
        settings_pane.setMinimumWidth(260)

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
        split.addWidget(settings_pane)
        split.addWidget(result_pane)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 1110])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1400, 800)
        self._restore()
        self._unit_changed()
        self._show_report()
        workbench.visibilityChanged.connect(self._visibility_changed)

    # -- choices ---------------------------------------------------------------------------
    @staticmethod
    def _group(title: str, widget: QWidget, note: QLabel | None = None) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(widget)
        if note is not None:
            layout.addWidget(note)
        return box

    def _coder_note(self) -> QLabel | None:
        if self.workbench.visible_coders() is None:
            return None
        note = QLabel(tr("Only the coders whose codings are shown are offered (View > Show "
                         "codings by)."))
        note.setWordWrap(True)
        note.setEnabled(False)
        return note

    def _fill_choices(self) -> None:
        visible = self.workbench.visible_coders()
        names = [c for c in self.workbench.coders() if visible is None or c in visible]
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.coders.addItem(item)
        self.coders.setMaximumHeight(self.coders.sizeHintForRow(0) * min(max(len(names), 3), 6)
                                     + 8)
        for book in code_tree(self.project):
            top = QTreeWidgetItem([book.name])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Checked)
            self.codes.addTopLevelItem(top)

            def add(parent, nodes):
                for node in nodes:
                    self.colors[node.path] = node.color
                    item = QTreeWidgetItem([node.name])
                    item.setData(0, PATH_ROLE, node.path)
                    item.setIcon(0, colour_swatch(node.color))
                    item.setToolTip(0, node.path)
                    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                    if node.children:
                        flags |= Qt.ItemFlag.ItemIsAutoTristate
                    item.setFlags(flags)
                    item.setCheckState(0, Qt.CheckState.Checked)
                    parent.addChild(item)
                    add(item, node.children)

            add(top, book.codes)
        self.codes.expandToDepth(0)
        with self.project.session() as s:
            docs = list(s.scalars(sa.select(Document.name).order_by(Document.name)))
        for name in docs:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)

    def _restore(self) -> None:
        wanted = self.settings.value("agreement/coders", [])
        wanted = [wanted] if isinstance(wanted, str) else list(wanted or [])
        names = [self.coders.item(i).text() for i in range(self.coders.count())]
        if len([w for w in wanted if w in names]) < 2:
            others = [n for n in names if n != KONSENSUS]
            mine = self.workbench.coder_name
            wanted = ([mine] if mine in others else []) + [n for n in others if n != mine]
            wanted = wanted[:2]
        self.set_coders(wanted)
        self.set_unit(str(self.settings.value("agreement/unit", "sentence")))
        self.overlap.setValue(float(self.settings.value("agreement/overlap", 0.9)))
        self.min_cover.setValue(float(self.settings.value("agreement/min_cover", 0.0)))

    def set_coders(self, names: list[str]) -> None:
        for i in range(self.coders.count()):
            item = self.coders.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)
        self._order = list(names)

    def set_unit(self, unit: str) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))

    def chosen_coders(self) -> list[str]:
        """Ticked coders, those chosen by name first in their given order (coder A, B...)."""
        ticked = [self.coders.item(i).text() for i in range(self.coders.count())
                  if self.coders.item(i).checkState() == Qt.CheckState.Checked]
        first = [n for n in self._order if n in ticked]
        return first + [n for n in ticked if n not in first]

    def chosen_codes(self) -> list[str] | None:
        """Code paths to compare (a code brings its sub-codes); None when all are ticked."""
        out: list[str] = []
        everything = True

        def visit(item: QTreeWidgetItem) -> None:
            nonlocal everything
            state = item.checkState(0)
            path = item.data(0, PATH_ROLE)
            if state != Qt.CheckState.Checked:
                everything = False
            if state == Qt.CheckState.Checked and path:
                out.append(path)
            elif state != Qt.CheckState.Unchecked:  # a codebook, or partly ticked
                for i in range(item.childCount()):
                    visit(item.child(i))

        for i in range(self.codes.topLevelItemCount()):
            visit(self.codes.topLevelItem(i))
        return None if everything else out

    def chosen_documents(self) -> list[str] | None:
        ticked = [self.documents.item(i).text() for i in range(self.documents.count())
                  if self.documents.item(i).checkState() == Qt.CheckState.Checked]
        return None if len(ticked) == self.documents.count() else ticked

    def set_documents(self, names: list[str]) -> None:
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.overlap.setEnabled(unit == "segment")
        self.min_cover.setEnabled(unit in TEXT_UNITS)

    # -- computing -------------------------------------------------------------------------
    def compute(self) -> bool:
        """Compute the report for the chosen settings; False when refused or cancelled."""
        coders = self.chosen_coders()
        codes = self.chosen_codes()
        documents = self.chosen_documents()
        problem = (tr("Tick two or more coders to compare.") if len(coders) < 2 else
                   tr("Tick at least one code.") if codes == [] else
                   tr("Tick at least one document.") if documents == [] else "")
        if problem:
            QMessageBox.warning(self, tr("Intercoder agreement"), problem)
            return False
        unit = self.unit.currentData()
        try:
            report = run_task(self, tr("Computing agreement"), lambda step: agreement_report(
                self.project, coders, unit, overlap=self.overlap.value(),
                min_cover=self.min_cover.value(), codes=codes, documents=documents,
                report=step))
        except CancelledError:
            return False
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Intercoder agreement"), str(exc))
            return False
        self.settings.setValue("agreement/coders", coders)
        self.settings.setValue("agreement/unit", unit)
        self.settings.setValue("agreement/overlap", self.overlap.value())
        self.settings.setValue("agreement/min_cover", self.min_cover.value())
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
        fill_code_table(self.code_table, data, self.colors)
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
        n = s.get("n_units", s.get("n_characters", data["pooled"].get("n_units", 0)))
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
                                           self.colors, self)
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

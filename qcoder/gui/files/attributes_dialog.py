"""File > Import case attributes…: a spreadsheet (.xlsx or .csv), one row per case.

The user picks the sheet and the key column (the one whose values name cases or documents
is offered first) and sees the first rows before importing. The import is one undoable step;
afterwards a report lists which keys matched, which matched nothing (with a close name when
there is one) and which occur twice - those are left alone, never guessed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.cases.attributes import AttributeReport, ImportAttributes, Table, read_table
from ...core.errors import QcoderError
from ..shell.i18n import tr

PREVIEW_ROWS = 8


def sheet_names(path: Path) -> list[str]:
    """The sheets of an .xlsx (empty for .csv)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def type_title(type_: str) -> str:
    return {"text": tr("text"), "number": tr("number"), "date": tr("date"),
            "bool": tr("yes/no"), "category": tr("category")}.get(type_, type_)


class AttributesDialog(QDialog):
    def __init__(self, project, run, parent=None, start_dir: str = ""):
        super().__init__(parent)
        self.project, self.run, self.start_dir = project, run, start_dir
        self.table: Table | None = None
        self.report: AttributeReport | None = None
        self.known = {c.name for c in catalog.cases(project)} | {
            d.name for d in catalog.documents(project)}
        self.setWindowTitle(tr("Import case attributes"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.result_tree = QTreeWidget()
        self.result_tree.setHeaderHidden(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.result_label)
        done_layout.addWidget(self.result_tree, 1)
        self.pages.addWidget(done)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._update()

    def _choice_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(tr("an .xlsx or .csv file, one row per case"))
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _i: self._read())
        self.key = QComboBox()
        self.key.currentIndexChanged.connect(lambda _i: self._update())
        self.create = QCheckBox(tr("Create a case for keys that match no case or document"))
        form = QFormLayout()
        form.addRow(tr("File:"), row)
        form.addRow(tr("Sheet:"), self.sheet)
        form.addRow(tr("Key column:"), self.key)
        form.addRow("", self.create)
        hint = QLabel(tr("The key column names each row's case, or the document the case "
                         "belongs to (the case is then created and linked). The other columns "
                         "become attributes; their type is read from the values (numbers, "
                         "also with a decimal comma such as 0,77; dates; ja/nej; text)."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_label = QLabel()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        return page

    # -- reading -------------------------------------------------------------------------
    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a spreadsheet of case attributes"), self.start_dir,
            tr("Spreadsheets") + " (*.xlsx *.xlsm *.csv *.tsv);;" + tr("All files") + " (*)")
        if name:
            self.load(name)

    def load(self, path) -> bool:
        path = Path(path)
        try:
            sheets = sheet_names(path)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            sheets = []       # read_table below says what is wrong with the file
        self.path.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.setEnabled(len(sheets) > 1)
        self.sheet.blockSignals(False)
        return self._read()

    def _read(self) -> bool:
        self.table = None
        self.key.clear()
        try:
            self.table = read_table(self.path.text(), self.sheet.currentText() or None)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Import case attributes"), str(exc))
            self._update()
            return False
        headers = [h for h in self.table.headers if h]
        self.key.blockSignals(True)
        self.key.addItems(headers)
        self.key.setCurrentIndex(headers.index(self.guess_key()))
        self.key.blockSignals(False)
        self._fill_preview()
        self._update()
        return True

    def guess_key(self) -> str:
        """The column whose values name the most known cases and documents (else the first)."""
        headers = self.table.headers
        hits = [sum(r.values[c] in self.known for r in self.table.rows)
                for c in range(len(headers))]
        named = [c for c in range(len(headers)) if headers[c]]
        return headers[max(named, key=lambda c: (hits[c], -c))]

    def _fill_preview(self) -> None:
        rows = self.table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(self.table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(list(self.table.headers))
        for r, row in enumerate(rows):
            for c, value in enumerate(row.values):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        self.preview_label.setText(tr("{source}: {rows} rows; the first ones:").format(
            source=self.table.source, rows=len(self.table.rows)))

    def _update(self) -> None:
        ready = self.table is not None and bool(self.key.currentText())
        self.import_button.setEnabled(ready)
        self.preview.setVisible(self.table is not None)
        self.preview_label.setVisible(self.table is not None)
        if self.table is not None:
            k = self.table.headers.index(self.key.currentText()) if ready else -1
            for c in range(self.preview.columnCount()):
                item = self.preview.horizontalHeaderItem(c)
                font = QFont(item.font())
                font.setBold(c == k)
                item.setFont(font)

    # -- importing -----------------------------------------------------------------------
    def do_import(self) -> bool:
        if self.table is None:
            return False
        try:
            result = self.run(ImportAttributes(self.table, self.key.currentText(),
                                               self.create.isChecked()))
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Import case attributes"), str(exc))
            return False
        self.report = result.value
        self.show_report(self.report)
        return True

    def show_report(self, report: AttributeReport) -> None:
        self.result_label.setText(tr(
            "Imported from {source}: {values} values for {cases} cases. Undo with Edit > "
            "Undo.").format(source=report.source, values=report.values,
                            cases=len(report.updated) + len(report.created)))
        self.result_tree.clear()
        groups = [
            (tr("Existing cases updated: {n}"), report.updated, False),
            (tr("New cases: {n}"), report.created, False),
            (tr("Documents linked to their case: {n}"),
             [f"{doc} → {case}" for doc, case in report.linked], False),
            (tr("New attributes: {n}"),
             [f"{name} ({type_title(t)})" for name, t in report.new_attributes], False),
            (tr("Keys that match no case or document (not imported): {n}"),
             [key + (f" — {hint}" if hint else "") for key, hint in report.unmatched], True),
            (tr("Keys that occur more than once (left alone): {n}"),
             [f"{key}: {'; '.join(rows)}" for key, rows in report.duplicates.items()], True),
            (tr("Rows without a key (left alone): {n}"), report.blank_keys, True),
        ]
        for title, members, problem in groups:
            if not members:
                continue
            top = QTreeWidgetItem([title.format(n=len(members))])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            self.result_tree.addTopLevelItem(top)
            for member in members:
                top.addChild(QTreeWidgetItem([member]))
            top.setExpanded(problem or len(members) <= 12)
        if not self.result_tree.topLevelItemCount():
            self.result_tree.addTopLevelItem(QTreeWidgetItem([tr("The sheet held no rows.")]))
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)


def import_case_attributes(window) -> AttributeReport | None:
    if window.project is None:
        window.statusBar().showMessage(tr("Open a project first."), 4000)
        return None
    start = str(Path(window.project.path).parent) if window.project.path else ""
    dialog = AttributesDialog(window.project, window.workbench.undo.run, window, start)
    dialog.exec()
    if dialog.report is not None:
        window.note_change(None)
    return dialog.report

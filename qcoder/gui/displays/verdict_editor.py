"""Dialogs behind the hypothesis display: a display cell's condensed statement with the quotes
it rests on, the evidence and counter-evidence for a verdict, and the extra columns (case
attributes, the interviewees' own survey answers). They only collect choices; the view runs
the core operations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.evidence import CodingChoice
from ..shell.i18n import tr
from .display_model import fit_rows_on_resize

_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def stance(choice: CodingChoice) -> str:
    """How the coding bears on the hypothesis, as the dialogs say it."""
    if choice.flagged:
        return tr("counter-evidence")
    return {"supports": tr("supports"), "contradicts": tr("contradicts")}.get(
        choice.direction, "")


def _filter_box(placeholder: str, apply) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(apply)
    return box


class CellEditor(QDialog):
    """The condensed statement for one display column and the quotes that back it."""

    def __init__(self, title: str, statement: str, choices: list[CodingChoice],
                 chosen: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choices = choices
        self.statement = QPlainTextEdit(statement)
        self.statement.setPlaceholderText(tr("A short condensed statement, e.g. \"Saw no chance "
                                             "of carrying the budget through\""))
        self.statement.setMaximumHeight(90)
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self.quotes.setSpacing(3)
        self.quotes.setAlternatingRowColors(True)
        for choice in choices:
            tags = " \u00b7 ".join(filter(None, (choice.code, stance(choice), choice.coder)))
            item = QListWidgetItem(f"[{tags}]\n{choice.quote}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(_CHECKED if choice.uuid in chosen else _UNCHECKED)
            item.setData(Qt.ItemDataRole.UserRole, choice.uuid)
            self.quotes.addItem(item)
        search = _filter_box(tr("Filter quotes…"), self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Condensed statement:")))
        layout.addWidget(self.statement)
        layout.addWidget(QLabel(tr("Quotes it rests on (tick them):")))
        layout.addWidget(search)
        layout.addWidget(self.quotes, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.quotes.count()):
            item = self.quotes.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def set_checked(self, uuids) -> None:
        for i in range(self.quotes.count()):
            item = self.quotes.item(i)
            item.setCheckState(_CHECKED if item.data(Qt.ItemDataRole.UserRole) in uuids
                               else _UNCHECKED)

    def value(self) -> tuple[str, tuple[str, ...]]:
        chosen = tuple(self.quotes.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(self.quotes.count())
                       if self.quotes.item(i).checkState() == _CHECKED)
        return self.statement.toPlainText().strip(), chosen


class EvidenceDialog(QDialog):
    """Tick the codings that carry the verdict, and those that are counter-evidence."""

    COLUMNS = 6

    def __init__(self, title: str, choices: list[CodingChoice], evidence: tuple[str, ...],
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choices = choices
        self.table = QTableWidget(len(choices), self.COLUMNS)
        self.table.setHorizontalHeaderLabels([tr("Evidence"), tr("Counter-evidence"),
                                              tr("Linked as"), tr("Code"), tr("Coder"),
                                              tr("Quote")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, choice in enumerate(choices):
            for c, checked in ((0, choice.uuid in evidence), (1, choice.flagged)):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(_CHECKED if checked else _UNCHECKED)
                self.table.setItem(r, c, box)
            for c, text in enumerate((stance(choice), choice.code, choice.coder, choice.quote),
                                     start=2):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(self.COLUMNS - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        fit_rows_on_resize(self.table)
        search = _filter_box(tr("Filter codings…"), self._filter)
        note = QLabel(tr("Evidence is what the verdict rests on; its quotes become the key "
                         "quotes. Counter-evidence (modfortælling) counts against the "
                         "hypothesis in every case."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for r, choice in enumerate(self.choices):
            hay = f"{choice.code} {choice.coder} {choice.quote}".lower()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    def set_checked(self, row: int, column: int, on: bool) -> None:
        self.table.item(row, column).setCheckState(_CHECKED if on else _UNCHECKED)

    def value(self) -> tuple[tuple[str, ...], set[str]]:
        """The chosen evidence (in list order) and the codings flagged as counter-evidence."""
        checked = [(self.table.item(r, 0).checkState() == _CHECKED,
                    self.table.item(r, 1).checkState() == _CHECKED)
                   for r in range(len(self.choices))]
        return (tuple(c.uuid for c, (ev, _f) in zip(self.choices, checked) if ev),
                {c.uuid for c, (_e, fl) in zip(self.choices, checked) if fl})


def _checklist(names: list[str], chosen) -> QListWidget:
    box = QListWidget()
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(_CHECKED if name in chosen else _UNCHECKED)
        box.addItem(item)
    return box


def _ticked(box: QListWidget) -> tuple[str, ...]:
    return tuple(box.item(i).text() for i in range(box.count())
                 if box.item(i).checkState() == _CHECKED)


class ColumnsDialog(QDialog):
    """Extra columns: case attributes, and survey items with each interviewee's own answer."""

    def __init__(self, attributes: list[str], surveys: dict[str, list[tuple[str, str]]],
                 chosen_attributes, survey: str | None, chosen_items, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Extra columns"))
        self.surveys = surveys
        self.attributes = _checklist(attributes, chosen_attributes)
        self.survey = QComboBox()
        self.survey.addItems(list(surveys))
        if survey in surveys:
            self.survey.setCurrentText(survey)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self._chosen_items = set(chosen_items)
        self.survey.currentTextChanged.connect(self._fill_items)
        self._fill_items(self.survey.currentText())
        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        if surveys:
            form.addRow(tr("Survey:"), self.survey)
            form.addRow(self.items)
        else:
            form.addRow(QLabel(tr("No survey loaded (qcoder survey load).")))
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Case attributes:")))
        left.addWidget(self.attributes)
        columns.addLayout(left)
        right_box = QVBoxLayout()
        right_box.addWidget(QLabel(tr("The interviewee's own survey answers:")))
        right_box.addWidget(right)
        columns.addLayout(right_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def _fill_items(self, survey: str) -> None:
        self.items.clear()
        for ident, wording in self.surveys.get(survey, []):
            item = QListWidgetItem(f"{ident} \u2014 {wording}" if wording else ident)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setToolTip(wording)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(_CHECKED if ident in self._chosen_items else _UNCHECKED)
            self.items.addItem(item)

    def tick(self, attributes=(), items=()) -> None:
        for box, wanted, role in ((self.attributes, attributes, Qt.ItemDataRole.DisplayRole),
                                  (self.items, items, Qt.ItemDataRole.UserRole)):
            for i in range(box.count()):
                if box.item(i).data(role) in wanted:
                    box.item(i).setCheckState(_CHECKED)

    def value(self) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
        items = tuple(self.items.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.items.count())
                      if self.items.item(i).checkState() == _CHECKED)
        return _ticked(self.attributes), self.survey.currentText() or None, items

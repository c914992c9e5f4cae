"""The case table: one row per case with its documents and attributes - sortable by any
column, filtered by a text box, attribute values editable in place (each edit an undoable
operation, checked against the attribute's type)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ...core.cases.cases import parse_number
from ...core.cases.table import SetCaseValue, case_table
from ..shell.i18n import tr

CASE_ROLE = Qt.ItemDataRole.UserRole + 1
ATTR_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


def _sort_key(text: str, type_: str):
    if type_ == "number":
        value = parse_number(text)
        return value if value is not None else float("inf")
    return text.lower()


class CasePanel(QWidget):
    #: an edit to run: the SetCaseValue operation (the window runs it through undo)
    editRequested = Signal(object)
    caseChosen = Signal(str)    # case uuid

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter cases…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().setVisible(False)
        self.view.clicked.connect(self._clicked)
        self.empty = QLabel(tr("No cases yet. Cases come with imported case attributes."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.model.itemChanged.connect(self._edited)
        self._filling = False

    def fill(self, project) -> None:
        data = case_table(project)
        self._filling = True
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [tr("Case"), tr("Documents")] + [name for _u, name, _t in data.attributes])
        for row in data.rows:
            items = [QStandardItem(row.name), QStandardItem(", ".join(row.documents))]
            for item in items:
                item.setEditable(False)
                item.setData(item.text().lower(), SORT_ROLE)
            for attr_uuid, name, type_ in data.attributes:
                text = row.values.get(name, "")
                item = QStandardItem(text)
                item.setData(attr_uuid, ATTR_ROLE)
                item.setData(_sort_key(text, type_), SORT_ROLE)
                item.setToolTip(tr("{name} ({type}) - double-click to edit").format(
                    name=name, type=type_))
                items.append(item)
            for item in items:
                item.setData(row.uuid, CASE_ROLE)
            self.model.appendRow(items)
        self._filling = False
        self.view.resizeColumnsToContents()
        self.view.setVisible(bool(data.rows))
        self.empty.setVisible(not data.rows)

    def _edited(self, item: QStandardItem) -> None:
        if self._filling or item.data(ATTR_ROLE) is None:
            return
        self.editRequested.emit(SetCaseValue(item.data(CASE_ROLE), item.data(ATTR_ROLE),
                                             item.text()))

    def _clicked(self, index) -> None:
        uuid = self.proxy.data(index, CASE_ROLE)
        if uuid:
            self.caseChosen.emit(uuid)

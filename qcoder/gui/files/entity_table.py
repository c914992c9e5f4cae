"""The pseudonymisation dry run as a table to review: one row per entity found, ticked to be
replaced, with its type, occurrences, the proposed pseudonym (editable) and what found it.
An entity left out is greyed and its pseudonym struck through, so its state reads at a glance
in any palette."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...core.privacy.pseudonymise import Plan
from ..shell.i18n import tr

TYPE_NAMES = {
    "person": QT_TRANSLATE_NOOP("", "Person"), "kommune": QT_TRANSLATE_NOOP("", "Municipality"),
    "place": QT_TRANSLATE_NOOP("", "Place"), "organisation": QT_TRANSLATE_NOOP("", "Organisation"),
    "email": QT_TRANSLATE_NOOP("", "E-mail"), "phone": QT_TRANSLATE_NOOP("", "Phone"),
    "cpr": QT_TRANSLATE_NOOP("", "CPR number"), "other": QT_TRANSLATE_NOOP("", "Other"),
}
COLUMNS = (QT_TRANSLATE_NOOP("", "Entity"), QT_TRANSLATE_NOOP("", "Type"),
           QT_TRANSLATE_NOOP("", "Occurrences"), QT_TRANSLATE_NOOP("", "Pseudonym"),
           QT_TRANSLATE_NOOP("", "Found by"))
ORIGINAL_ROLE = Qt.ItemDataRole.UserRole
PSEUDONYM = 3


class EntityTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PSEUDONYM, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PSEUDONYM, 170)
        self.itemChanged.connect(self._item_changed)

    def show_plan(self, plan: Plan | None) -> None:
        """The plan's entities (none for no plan), each shown included or left out."""
        self.blockSignals(True)
        self._fill_rows(plan)
        self.blockSignals(False)
        for r in range(self.rowCount()):
            self._show_included(r)

    def _fill_rows(self, plan: Plan | None) -> None:
        self.setRowCount(0)
        if plan is None:
            return
        rows = plan.table()
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            entity = QTableWidgetItem(row["entity"])
            entity.setData(ORIGINAL_ROLE, row["entity"])
            entity.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                            | Qt.ItemFlag.ItemIsUserCheckable)
            entity.setCheckState(Qt.CheckState.Checked if row["include"]
                                 else Qt.CheckState.Unchecked)
            entity.setToolTip(tr("Untick to leave this entity as it is"))
            cells = [entity, QTableWidgetItem(tr(TYPE_NAMES.get(row["type"], row["type"]))),
                     QTableWidgetItem(str(row["occurrences"])),
                     QTableWidgetItem(row["pseudonym"]), QTableWidgetItem(row["found_by"])]
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, cell in enumerate(cells):
                if col not in (0, PSEUDONYM):
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.setItem(r, col, cell)
            cells[PSEUDONYM].setToolTip(tr("Double-click to edit the pseudonym"))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self._show_included(item.row())

    def _show_included(self, row: int) -> None:
        included = self.item(row, 0).checkState() == Qt.CheckState.Checked
        role = QPalette.ColorRole.Text if included else QPalette.ColorRole.PlaceholderText
        colour = self.palette().color(QPalette.ColorGroup.Active, role)
        self.blockSignals(True)
        for col in range(self.columnCount()):
            cell = self.item(row, col)
            cell.setForeground(colour)
            font = cell.font()
            font.setStrikeOut(col == PSEUDONYM and not included)
            cell.setFont(font)
        self.blockSignals(False)

    def edits(self) -> dict[str, tuple[bool, str]]:
        """original -> (include, pseudonym) as the table shows them now."""
        out = {}
        for r in range(self.rowCount()):
            entity = self.item(r, 0)
            out[entity.data(ORIGINAL_ROLE)] = (entity.checkState() == Qt.CheckState.Checked,
                                               self.item(r, PSEUDONYM).text())
        return out

    def row_of(self, original: str) -> int:
        for r in range(self.rowCount()):
            if self.item(r, 0).data(ORIGINAL_ROLE) == original:
                return r
        raise KeyError(original)

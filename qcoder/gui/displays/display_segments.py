"""The codings behind a display cell, listed with their quotes and citations; a double-click
(or Go to passage) shows the passage in the document view. A coding's context menu offers the
hypothesis actions (evidence, counter-evidence) of hypothesis_actions.py."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core.analysis.listings import cell_segments
from ..shell.i18n import tr
from .display_model import fit_rows_on_resize

HEADERS = (QT_TRANSLATE_NOOP("", "Case"), QT_TRANSLATE_NOOP("", "Document"),
           QT_TRANSLATE_NOOP("", "Code"), QT_TRANSLATE_NOOP("", "Coder"),
           QT_TRANSLATE_NOOP("", "Quote"))


class SegmentsDialog(QDialog):
    """A non-modal list of a cell's codings."""

    def __init__(self, window, title: str, uuids: list[str], case_id: int | None, host):
        super().__init__(host)
        self.window = window
        self.setWindowTitle(tr("Codings: {cell}").format(cell=title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows = cell_segments(window.project, uuids, host.scope().options(), case_id)
        heading = QLabel(tr("{n} codings. Double-click one to see it in its document.").format(
            n=len(self.rows)))
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        for r, row in enumerate(self.rows):
            for c, value in enumerate((row.case, row.document, row.code.split("/", 1)[-1],
                                       row.coder, row.quote)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(value + (f"\n\nMemo: {row.memo}" if row.memo else ""))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(len(HEADERS) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        fit_rows_on_resize(self.table)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.jump(r))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        go = buttons.addButton(tr("Go to passage"), QDialogButtonBox.ButtonRole.ActionRole)
        go.clicked.connect(lambda: self.jump(self.table.currentRow()))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def jump(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            seg = self.rows[row]
            self.window.jump_to(seg.document_id, seg.start, seg.end, seg.uuid)
            self.window.raise_()
            self.window.activateWindow()

    def _menu(self, pos) -> None:
        row = self.table.rowAt(pos.y())
        if row < 0:
            return
        from .hypothesis_actions import add_hypothesis_actions

        menu = QMenu(self)
        menu.addAction(tr("Go to passage"), lambda: self.jump(row))
        add_hypothesis_actions(self.window, menu, self.rows[row].uuid)
        menu.exec(self.table.viewport().mapToGlobal(pos))

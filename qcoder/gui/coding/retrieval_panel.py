"""The coded-segments pane: every passage coded with the selected code (optionally with its
sub-codes) by the visible coders - document, case, speaker, citation, coder, memo, text. A
click jumps to the passage; Copy puts the passage with its citation on the clipboard."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.coding.retrieval import Segment, segments
from ..shell.i18n import tr

COLUMNS = (QT_TRANSLATE_NOOP("", "Document"), QT_TRANSLATE_NOOP("", "Case"),
           QT_TRANSLATE_NOOP("", "Speaker"), QT_TRANSLATE_NOOP("", "Citation"),
           QT_TRANSLATE_NOOP("", "Coder"), QT_TRANSLATE_NOOP("", "Memo"),
           QT_TRANSLATE_NOOP("", "Text"))


class RetrievalPanel(QWidget):
    jumpTo = Signal(int, int, int, str)    # document id, start, end, coding uuid

    def __init__(self, parent=None):
        super().__init__(parent)
        self.project = None
        self.code_id: int | None = None
        self.code_name = ""
        self.visible: set[str] | None = None
        self.rows: list[Segment] = []
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.children_box = QCheckBox(tr("With sub-codes"))
        self.children_box.setChecked(True)
        self.children_box.toggled.connect(self.reload)
        self.copy_button = QPushButton(tr("Copy with citation"))
        self.copy_button.setToolTip(tr("Copy the selected passages with their citations"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self._clicked)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selected)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.children_box)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.show_code(None, None, "")

    def show_code(self, project, code_id: int | None, name: str,
                  visible: set[str] | None = None) -> None:
        self.project, self.code_id, self.code_name, self.visible = project, code_id, name, visible
        self.reload()

    def reload(self) -> None:
        if self.project is None or self.code_id is None:
            self.rows = []
            self.title.setText(tr("Select a code to list the passages coded with it."))
        else:
            self.rows = segments(self.project, self.code_id,
                                 with_children=self.children_box.isChecked(),
                                 coders=self.visible)
            self.title.setText(tr("Coded segments of {code}: {n}").format(code=self.code_name,
                                                                        n=len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for r, seg in enumerate(self.rows):
            values = (seg.document, seg.case, seg.speaker, seg.citation, seg.coder, seg.memo,
                      " ".join(seg.text.split()))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == len(values) - 1:
                    item.setToolTip(seg.quote())
                elif c == 3 and seg.citation_problem:
                    item.setToolTip(seg.citation_problem)
                    item.setForeground(QColor("#c0392b"))
                elif c == 5 and value:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.copy_button.setEnabled(bool(self.rows))

    def _clicked(self, row: int, _col: int) -> None:
        seg = self.rows[row]
        self.jumpTo.emit(seg.document_id, seg.start, seg.end, seg.uuid)

    def selected_segments(self) -> list[Segment]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r] for r in rows]

    def copy_selected(self) -> None:
        chosen = self.selected_segments() or self.rows[:1]
        if chosen:
            QGuiApplication.clipboard().setText("\n\n".join(s.quote() for s in chosen))

"""Project search: plain text, regular expression or Danish lemmas, with the hits listed in
context. A click jumps to a hit; "Code all hits" codes every listed hit with the chosen code
as one undoable step, after the user has seen the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.documents.texts import document_texts
from ...core.errors import QcoderError
from ...core.language.search import Hit, search
from ..shell.i18n import tr

CONTEXT = 40


class SearchPanel(QWidget):
    jumpTo = Signal(int, int, int)            # document id, start, end
    codeAllRequested = Signal(list)           # the hits
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.project = None
        self.hits: list[Hit] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("Search the documents…"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.mode = QComboBox()
        for mode, label in (("plain", tr("Plain text")), ("regex", tr("Regular expression")),
                            ("lemma", tr("Word forms (Danish lemmas)"))):
            self.mode.addItem(label, mode)
        self.mode.setToolTip(tr("Word forms: \"chikane\" also finds \"chikanen\" and "
                                "\"chikaneret\""))
        self.search_button = QPushButton(tr("Search"))
        self.search_button.clicked.connect(self.run_search)
        self.summary = QLabel()
        self.code_all = QPushButton(tr("Code all hits…"))
        self.code_all.setToolTip(tr("Code every hit in the list with the current code"))
        self.code_all.setEnabled(False)
        self.code_all.clicked.connect(lambda: self.codeAllRequested.emit(list(self.hits)))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Document"), tr("Hit in context")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self._clicked)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.mode)
        row.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.code_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def set_project(self, project) -> None:
        self.project = project
        self.hits = []
        self.table.setRowCount(0)
        self.summary.setText("")
        self.code_all.setEnabled(False)

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def run_search(self) -> None:
        if self.project is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.hits = search(self.project, self.query.text(), self.mode.currentData())
        except QcoderError as exc:
            self.hits = []
            self.failed.emit(str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self._show()

    @staticmethod
    def _context(hit: Hit, text: str) -> str:
        shown = (text[max(0, hit.start - CONTEXT):hit.start] + f"[{hit.text}]"
                 + text[hit.end:hit.end + CONTEXT])
        return "…" + " ".join(shown.split()) + "…"

    def _show(self) -> None:
        shown = self.hits[:2000]
        texts = document_texts(self.project, {h.document_id for h in shown})
        self.table.setRowCount(len(shown))
        for r, hit in enumerate(shown):
            self.table.setItem(r, 0, QTableWidgetItem(hit.document))
            self.table.setItem(r, 1, QTableWidgetItem(self._context(hit, texts[hit.document_id])))
        docs = len({h.document_id for h in self.hits})
        text = tr("Hits: {n}, in documents: {d}").format(n=len(self.hits), d=docs)
        if len(self.hits) > len(shown):
            text += " " + tr("(the first {n} are listed)").format(n=len(shown))
        self.summary.setText(text)
        self.code_all.setEnabled(bool(self.hits))

    def _clicked(self, row: int, _col: int) -> None:
        hit = self.hits[row]
        self.jumpTo.emit(hit.document_id, hit.start, hit.end)

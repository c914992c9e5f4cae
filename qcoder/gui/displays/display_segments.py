"""The codings behind a display cell, listed with their quotes and citations; a double-click
(or Go to passage) shows the passage in the document view. A coding's context menu offers the
hypothesis actions (evidence, counter-evidence) of hypothesis_actions.py."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMenu, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from ...core.analysis.case_codings import CaseCodings
from ...core.lookup import code_paths
from ...core.store.models import Coder, Coding, Document
from .display_model import fit_rows_on_resize
from ..shell.i18n import tr

HEADERS = (QT_TRANSLATE_NOOP("", "Case"), QT_TRANSLATE_NOOP("", "Document"),
           QT_TRANSLATE_NOOP("", "Code"), QT_TRANSLATE_NOOP("", "Coder"),
           QT_TRANSLATE_NOOP("", "Quote"))


@dataclass(frozen=True)
class SegmentRow:
    uuid: str
    document_id: int
    start: int
    end: int
    case: str
    document: str
    code: str
    coder: str
    quote: str
    memo: str


def cell_segments(project, uuids: list[str], scope, case_id: int | None = None) -> list[SegmentRow]:
    """The codings `uuids` as seen from `case_id`, in scope (a coding hidden from the user is
    left out), in the order given."""
    with project.session() as s:
        code_ids = set(s.scalars(sa.select(Coding.code_id).where(Coding.uuid.in_(uuids))))
        if not code_ids:
            return []
        cc = CaseCodings(s, code_ids=code_ids, coder_ids=scope.coder_ids, round=scope.round)
        paths = code_paths(s)
        coders = dict(s.execute(sa.select(Coder.id, Coder.name)).all())
        docs = dict(s.execute(sa.select(Document.id, Document.name)).all())
        rows = []
        for uuid in dict.fromkeys(uuids):
            c = cc.find(uuid, case_id) if case_id is not None else cc.by_uuid.get(uuid)
            if c is None:
                continue
            rows.append(SegmentRow(c.uuid, c.document_id, c.start, c.end, cc.cases[c.case_id],
                                   docs[c.document_id], paths[c.code_id],
                                   coders.get(c.coder_id, ""), cc.quote(c, max_chars=2000),
                                   c.memo or ""))
        return rows


class SegmentsDialog(QDialog):
    """A non-modal list of a cell's codings."""

    def __init__(self, window, title: str, uuids: list[str], case_id: int | None, host):
        super().__init__(host)
        self.window = window
        self.setWindowTitle(tr("Codings: {cell}").format(cell=title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows = cell_segments(window.project, uuids, host.scope_now(), case_id)
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

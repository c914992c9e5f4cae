"""The documents dock: documents grouped by corpus kind, each with its visible codings and the
current coder's progress (the share of its text they have coded), drawn as a small bar."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from ...core import catalog
from ...core.coding.progress import coding_progress
from ...core.documents.kinds import CORPUS_KINDS
from ..shell.i18n import tr

DOC_ROLE = Qt.ItemDataRole.UserRole
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_title(kind: str) -> str:
    return {"mayor_interview": tr("Mayor interviews"), "dm_interview": tr("DM interviews"),
            "vignette_group": tr("Vignette focus groups"),
            "other": tr("Other documents")}.get(kind, kind)


class ProgressDelegate(QStyledItemDelegate):
    """A thin bar under the percentage: how much of the document the coder has coded."""

    def paint(self, painter, option, index) -> None:
        share = index.data(SHARE_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        rect = option.rect.adjusted(3, 0, -4, 0)
        label = f"{share * 100:.0f}%"
        text_width = option.fontMetrics.horizontalAdvance("100%") + 4
        bar = QRect(rect.left(), rect.center().y() - 2, max(rect.width() - text_width, 8), 5)
        painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Mid))
        done = QRect(bar.left(), bar.top(), int(bar.width() * min(share, 1.0)), bar.height())
        painter.fillRect(done, QColor("#3c9a5f"))
        painter.setPen(option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)


class DocumentList(QTreeWidget):
    documentChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([tr("Document"), tr("Codings"), tr("Coded")])
        self.headerItem().setToolTip(1, tr("Codings you can see in this document"))
        self.headerItem().setToolTip(2, tr("How much of the text your codings cover"))
        self.setItemDelegateForColumn(2, ProgressDelegate(self))
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 84)
        self.items: dict[int, QTreeWidgetItem] = {}
        self.counts: dict[int, int] = {}
        self.itemSelectionChanged.connect(self._chosen)

    def fill(self, project, visible: set[str] | None, coder: str) -> None:
        """(Re)build the list; keeps the chosen document."""
        current = self.current_document()
        rows = catalog.documents(project)
        self.blockSignals(True)
        self.clear()
        self.items = {}
        self.counts = {}
        for kind in CORPUS_KINDS + tuple(sorted({r.kind for r in rows} - set(CORPUS_KINDS))):
            members = [r for r in rows if r.kind == kind]
            if not members:
                continue
            group = QTreeWidgetItem([f"{kind_title(kind)} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for r in members:
                item = QTreeWidgetItem([r.name, "", ""])
                item.setData(0, DOC_ROLE, r.id)
                item.setToolTip(0, r.name)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                group.addChild(item)
                self.items[r.id] = item
        self.expandAll()
        self.update_counts(project, visible, coder)
        if current in self.items:
            self.setCurrentItem(self.items[current])
        self.blockSignals(False)

    def update_counts(self, project, visible: set[str] | None, coder: str,
                      documents: list[int] | None = None) -> int:
        """Refresh counts and progress (of the given documents only, if named); returns the
        number of visible codings in the refreshed documents."""
        shown = coding_progress(project, visible, documents)
        mine = shown if visible == {coder} else coding_progress(project, {coder}, documents)
        total = 0
        for doc_id, progress in shown.items():
            item = self.items.get(doc_id)
            if item is None:
                continue
            total += progress.codings
            self.counts[doc_id] = progress.codings
            item.setText(1, str(progress.codings))
            item.setData(2, SHARE_ROLE, mine[doc_id].share if coder else None)
        return total

    def total(self) -> int:
        """Visible codings in all documents."""
        return sum(self.counts.values())

    def current_document(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(0, DOC_ROLE) if items else None

    def choose(self, doc_id: int) -> None:
        if doc_id in self.items:
            self.setCurrentItem(self.items[doc_id])

    def _chosen(self) -> None:
        doc_id = self.current_document()
        if doc_id is not None:
            self.documentChosen.emit(doc_id)

"""The codebook panel: the code tree with colours and counts, a filter, and a detail pane.

Coders consult definitions constantly while coding, so the definition, the inclusion and
exclusion criteria, indicators, example and hypotheses of the selected code stay visible
below the tree, and the definition is the tooltip of every code. Double-click (or Enter) on a
code emits `codeActivated(code_id)` - the main window applies that code to the selection.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ...core.codebooks.tree import CodebookNode, CodeNode, HypothesisInfo, code_tree
from ..shell.i18n import tr
from .code_detail import Colours, code_html, codebook_html

CODE_ROLE = Qt.ItemDataRole.UserRole
BOOK_ROLE = Qt.ItemDataRole.UserRole + 1


def colour_swatch(color: str, size: int = 14, flagged: bool = False) -> QIcon:
    """A filled square in the code's colour; flagged codes get a red corner mark."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color) if QColor(color).isValid() else QColor("#999999")
    painter.setBrush(fill)
    painter.setPen(fill.darker(140))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    if flagged:
        painter.setBrush(QColor("#d62728"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(size - 7, 0, 7, 7)
    painter.end()
    return QIcon(pixmap)


class CodebookPanel(QWidget):
    """Code tree (colour, name, codings by all coders / by the current coder) over a detail pane."""

    codeActivated = Signal(int)
    #: The selected code changed (-1 when a codebook or nothing is selected).
    currentCodeChanged = Signal(int)

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.coder_id: int | None = None
        self.coder_name = ""
        #: blind mode: only the coder's own counts are shown anywhere
        self.blind = False
        #: If set, the codebook editor hands each undo operation here (label, inverse)
        #: instead of keeping its own undo stack - the main window's undo history.
        self.undo_sink = None
        self._nodes: dict[int, CodeNode] = {}
        self._books: dict[int, CodebookNode] = {}
        self._hypotheses: dict[str, HypothesisInfo] = {}

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter codes (name, definition, keyword)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setToolTip(tr("Open the codebook editor: add, edit, move, merge, delete "
                                       "codes"))
        self.edit_button.clicked.connect(self.open_editor)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Code"), tr("All"), tr("Mine")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.headerItem().setToolTip(1, tr("Codings of this code by all coders"))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(tr("Select a code to see its definition."))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.edit_button)
        tree_box = QWidget()
        box = QVBoxLayout(tree_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.tree)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(tree_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.refresh()

    # -- public --------------------------------------------------------------------------
    def set_coder(self, coder_id: int | None, name: str = "") -> None:
        """Whose codings the 'Mine' column counts."""
        self.coder_id, self.coder_name = coder_id, name
        self.tree.headerItem().setText(2, name or tr("Mine"))
        self.tree.headerItem().setToolTip(2, tr("Codings by {name}").format(name=name) if name
                                          else tr("Codings by you"))
        self.refresh()

    def set_blind(self, on: bool) -> None:
        """Blind mode: other coders' counts leave the tree, its tooltips and the detail pane."""
        if on == self.blind and self.tree.isColumnHidden(1) == on:
            return
        self.blind = on
        self.tree.setColumnHidden(1, on)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the project, keeping the selection, expanded codes and the filter."""
        expanded, selected = self._view_state()
        first = not self._books
        books = code_tree(self.project, self.coder_id)
        self._books = {b.id: b for b in books}
        self._nodes = {n.id: n for b in books for n in b.walk()}
        self._hypotheses = {h.id: h for b in books for h in b.hypotheses}
        self.tree.blockSignals(True)
        self.tree.clear()
        for book in books:
            item = QTreeWidgetItem([book.name, self._all(sum(n.count for n in book.walk())),
                                    self._mine(sum(n.coder_count for n in book.walk()))])
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setData(0, BOOK_ROLE, book.id)
            item.setToolTip(0, tr("{name} - id {ident}, version {version}").format(
                name=book.name, ident=book.ident, version=book.version))
            self._align(item)
            self.tree.addTopLevelItem(item)
            self._add(item, book.codes)
        self.tree.blockSignals(False)
        if first:
            self.tree.expandToDepth(0)
        else:
            for item in self._items():
                if self._key(item) in expanded:
                    item.setExpanded(True)
        self._apply_filter(self.filter.text())
        if selected is not None:
            for item in self._items():
                if self._key(item) == selected:
                    self.tree.setCurrentItem(item)
                    break
        self._show_detail(self.tree.currentItem())

    def select_code(self, code_id: int) -> bool:
        for item in self._items():
            if item.data(0, CODE_ROLE) == code_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def current_code_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CODE_ROLE) if item is not None else None

    def open_editor(self) -> None:
        from .codebook_editor import CodebookEditor

        item = self.tree.currentItem()
        dialog = CodebookEditor(self.project, parent=self, undo_sink=self.undo_sink,
                                coder_id=self.coder_id, blind=self.blind)
        if item is not None and item.data(0, CODE_ROLE) is not None:
            dialog.select_code(item.data(0, CODE_ROLE))
        dialog.changed.connect(self.refresh)
        dialog.exec()

    # -- building ------------------------------------------------------------------------
    def _mine(self, n: int) -> str:
        return str(n) if self.coder_id is not None else ""

    def _all(self, n: int) -> str:
        return "" if self.blind else str(n)

    def _align(self, item: QTreeWidgetItem) -> None:
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _add(self, parent: QTreeWidgetItem, nodes: list[CodeNode]) -> None:
        colours = Colours(self.tree.palette())
        for node in nodes:
            item = QTreeWidgetItem([node.name, self._all(node.count),
                                    self._mine(node.coder_count)])
            item.setIcon(0, colour_swatch(node.color, flagged=bool(node.flagged)))
            item.setData(0, CODE_ROLE, node.id)
            item.setToolTip(0, self._tooltip(node, colours))
            if node.children and not self.blind:
                item.setToolTip(1, tr("{count} on this code, {total} with its sub-codes").format(
                    count=node.count, total=node.total))
            if node.origin == "inductive":
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
            if node.flagged:
                item.setForeground(0, QColor(colours.flag))
            for column, n in ((1, node.count), (2, node.coder_count)):
                if n == 0:
                    item.setForeground(column, QColor(colours.muted))
            self._align(item)
            parent.addChild(item)
            self._add(item, node.children)

    @staticmethod
    def _tooltip(node: CodeNode, colours: Colours) -> str:
        parts = [f"<b>{escape(node.name)}</b>"]
        if node.label_en and node.label_en != node.name:
            parts[0] += f" <i>({escape(node.label_en)})</i>"
        none_yet = tr("No definition yet.")
        parts.append(escape(node.definition) if node.definition else f"<i>{none_yet}</i>")
        if node.origin == "inductive":
            parts.append("<i>" + tr("Emergent code, added in round {n}.").format(
                n=node.round_added) + "</i>")
        if node.flagged:
            parts.append(f"<span style='color:{colours.flag}'>⚑ {escape(node.flagged)}</span>")
        return "<p style='white-space:pre-wrap; max-width:380px'>" + "<br>".join(parts) + "</p>"

    def _items(self):
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            yield iterator.value()
            iterator += 1

    @staticmethod
    def _key(item: QTreeWidgetItem):
        code = item.data(0, CODE_ROLE)
        return ("code", code) if code is not None else ("book", item.data(0, BOOK_ROLE))

    def _view_state(self):
        expanded = {self._key(i) for i in self._items() if i.isExpanded()}
        current = self.tree.currentItem()
        return expanded, (self._key(current) if current is not None else None)

    # -- filtering -----------------------------------------------------------------------
    def _matches(self, item: QTreeWidgetItem, needle: str) -> bool:
        node = self._nodes.get(item.data(0, CODE_ROLE))
        if node is None:
            return needle in item.text(0).lower()
        haystack = " ".join([node.name, node.label_en, node.definition, *node.keywords,
                             *node.indicators]).lower()
        return needle in haystack

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            child_shown = False
            for i in range(item.childCount()):
                child_shown |= visit(item.child(i))
            shown = not needle or child_shown or self._matches(item, needle)
            item.setHidden(not shown)
            if needle and child_shown:
                item.setExpanded(True)
            return shown

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))

    # -- selection and detail ------------------------------------------------------------
    def _current_changed(self, item, _previous) -> None:
        self._show_detail(item)
        code = item.data(0, CODE_ROLE) if item is not None else None
        self.currentCodeChanged.emit(code if code is not None else -1)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CODE_ROLE)
        if code is not None:
            self.codeActivated.emit(code)

    def _show_detail(self, item) -> None:
        if item is None:
            self.detail.clear()
            return
        colours = Colours(self.detail.palette())
        node = self._nodes.get(item.data(0, CODE_ROLE))
        if node is not None:
            self.detail.setHtml(code_html(node, self._hypotheses, self.coder_name, colours,
                                          blind=self.blind))
            return
        book = self._books.get(item.data(0, BOOK_ROLE))
        self.detail.setHtml(codebook_html(book, colours) if book else "")

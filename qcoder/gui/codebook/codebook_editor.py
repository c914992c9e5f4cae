"""The codebook editor: every field of a code (in the form of code_form.py), plus add, move
(drag and drop), merge, delete.

All changes go through the undoable operations of qcoder.core.codebooks (code_ops, code_merge).
The dialog keeps its own undo stack unless it is given an `undo_sink(label, inverse)` - then
the caller (the main window) owns undo. Deleting a code that holds codings is refused with the
count and merge is offered instead, so codings are never lost.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.codebooks import code_ops
from ...core.codebooks.code_merge import merge_codes
from ...core.codebooks.tree import CodeNode, code_tree
from ...core.errors import QcoderError
from ...core.operations import run
from ..shell.i18n import tr
from .code_detail import count_text
from .code_form import CodeForm
from .codebook_panel import BOOK_ROLE, CODE_ROLE, colour_swatch


class CodeTree(QTreeWidget):
    """A code tree whose drops become MoveCode operations instead of widget moves.

    The request is emitted after the drop event has returned, so the editor can rebuild the
    tree without pulling items from under Qt's drag-and-drop machinery.
    """

    #: code id, new parent code id (or None), codebook id (for the top level), index or None
    moveRequested = Signal(int, object, object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def drop_place(self, point: QPoint) -> tuple[QTreeWidgetItem | None, str]:
        """The item under `point` and whether the drop lands above, below or on it."""
        target = self.itemAt(point)
        if target is None:
            return None, "on"
        rect = self.visualItemRect(target)
        margin = max(2, rect.height() // 4)
        if point.y() < rect.top() + margin:
            return target, "above"
        if point.y() > rect.bottom() - margin:
            return target, "below"
        return target, "on"

    @staticmethod
    def move_for_drop(source: QTreeWidgetItem, target: QTreeWidgetItem, place: str):
        """(code id, parent id, codebook id, index) for dropping `source` on/above/below
        `target`, or None when the drop means nothing."""
        code_id = source.data(0, CODE_ROLE)
        target_code = target.data(0, CODE_ROLE)
        if code_id is None or source is target:
            return None
        if place == "on":
            return code_id, target_code, target.data(0, BOOK_ROLE), None
        if target_code is None:
            return None  # above or below a codebook row
        holder = target.parent()
        parent = holder.data(0, CODE_ROLE)
        book = holder.data(0, BOOK_ROLE) if parent is None else None
        siblings = [holder.child(i) for i in range(holder.childCount())]
        index = siblings.index(target) + (1 if place == "below" else 0)
        if source in siblings and siblings.index(source) < index:
            index -= 1
        return code_id, parent, book, index

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        source = self.currentItem()
        target, place = self.drop_place(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        move = self.move_for_drop(source, target, place) if source and target else None
        if move is not None:
            QTimer.singleShot(0, self, lambda: self.moveRequested.emit(*move))


class CodebookEditor(QDialog):
    changed = Signal()

    def __init__(self, project, parent: QWidget | None = None, undo_sink=None,
                 coder_id: int | None = None, blind: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("Codebook editor"))
        self.resize(1000, 680)
        self.project = project
        self.undo_sink = undo_sink
        #: in blind mode a refused delete names only the coder's own codings
        self.coder_id, self.blind = coder_id, blind
        self.undo_stack: list[tuple[str, object]] = []
        self._nodes: dict[int, CodeNode] = {}
        self._code_id: int | None = None

        self.tree = CodeTree()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.moveRequested.connect(self.move_code)

        toolbar = QToolBar()
        self.actions = {}
        for key, text, slot, tip in (
            ("add", tr("New code"), self.add_code,
             tr("Add a code at the top level of the codebook")),
            ("add_child", tr("New sub-code"), self.add_sub_code,
             tr("Add a code under the selected code")),
            ("merge", tr("Merge into…"), self.merge_code,
             tr("Move this code's codings to another code")),
            ("delete", tr("Delete…"), self.delete_code,
             tr("Delete the code (refused while it holds codings)")),
            ("undo", tr("Undo"), self.undo, tr("Undo the last change made in this editor")),
        ):
            action = toolbar.addAction(text, slot)
            action.setToolTip(tip)
            self.actions[key] = action
        self.actions["undo"].setVisible(undo_sink is None)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)

        self.form = CodeForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.save_button = QPushButton(tr("Save changes"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(tr("Revert"))
        self.revert_button.clicked.connect(lambda: self._load_form(self._code_id))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        right_layout.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([340, 660])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        hint = QLabel(tr("Drag a code onto another to make it a sub-code, or between codes to "
                         "reorder."))
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.refresh()

    def _load_form(self, code_id: int | None) -> None:
        node = self._nodes.get(code_id)
        for button in (self.save_button, self.revert_button):
            button.setEnabled(node is not None)
        for key in ("merge", "delete", "add_child"):
            self.actions[key].setEnabled(node is not None)
        self.form.load(node)

    # -- tree ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the tree from the project and reload the form of the current code."""
        books = code_tree(self.project)
        self._nodes = {n.id: n for b in books for n in b.walk()}
        self.form.set_hypotheses(catalog.hypotheses(self.project))
        self.tree.blockSignals(True)
        self.tree.clear()
        for book in books:
            top = QTreeWidgetItem([book.name])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, BOOK_ROLE, book.id)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            self.tree.addTopLevelItem(top)
            self._add(top, book.codes)
        self.tree.expandAll()
        found = self._code_id is not None and self._item_of(self._code_id) is not None
        if found:
            self.tree.setCurrentItem(self._item_of(self._code_id))
        self.tree.blockSignals(False)
        if not found:
            self._code_id = None
        self._load_form(self._code_id)

    def _add(self, parent: QTreeWidgetItem, nodes: list[CodeNode]) -> None:
        for node in nodes:
            item = QTreeWidgetItem([node.name])
            item.setIcon(0, colour_swatch(node.color, flagged=bool(node.flagged)))
            item.setData(0, CODE_ROLE, node.id)
            item.setToolTip(0, node.definition)
            parent.addChild(item)
            self._add(item, node.children)

    def _items(self):
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            yield iterator.value()
            iterator += 1

    def _item_of(self, code_id: int) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.data(0, CODE_ROLE) == code_id), None)

    def select_code(self, code_id: int) -> bool:
        item = self._item_of(code_id)
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None

    def _current_changed(self, item, _previous) -> None:
        code_id = item.data(0, CODE_ROLE) if item is not None else None
        if code_id == self._code_id:
            return
        if self.form.dirty():  # keep the edits of the code being left; rebuild the tree afterwards
            self.save(refresh=False)
            QTimer.singleShot(0, self, self.refresh)
        self._code_id = code_id
        self._load_form(code_id)

    def _book_id(self) -> int | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, BOOK_ROLE) is None:
            item = item.parent()
        return item.data(0, BOOK_ROLE) if item is not None else None

    # -- running operations ----------------------------------------------------------------
    def perform(self, label: str, action, refresh: bool = True) -> object | None:
        """Run one core change; record its inverse; report a user error in a dialog."""
        try:
            result = action()
        except QcoderError as exc:
            self.warn(tr(label), str(exc))
            return None
        if self.undo_sink is not None:
            self.undo_sink(label, result.inverse)
        else:
            self.undo_stack.append((label, result.inverse))
        if refresh:
            self.refresh()
        self.changed.emit()
        return result

    def undo(self) -> None:
        if self.undo_sink is not None or not self.undo_stack:
            return
        label, inverse = self.undo_stack.pop()
        try:
            run(self.project, inverse)
        except QcoderError as exc:
            self.warn(tr("Undo {label}").format(label=tr(label)), str(exc))
        self.refresh()
        self.changed.emit()

    def save(self, refresh: bool = True) -> None:
        """Store the form's changed fields as one undoable edit."""
        changes = self.form.dirty()
        if not changes or self._code_id is None:
            return
        code_id = self._code_id
        self.perform("Edit code", lambda: code_ops.edit_code(self.project, code_id, **changes),
                     refresh)

    def add_code(self) -> None:
        book = self._book_id()
        if book is None:
            self.warn(tr("New code"), tr("Load a codebook first (qcoder codebook load)."))
            return
        name = self.ask_text(tr("New code"), tr("Name of the new code:"))
        if name:
            result = self.perform("Add code", lambda: code_ops.add_code(self.project, book, name))
            if result is not None:
                self._select_uuid(result.value)

    def add_sub_code(self) -> None:
        parent = self._code_id
        if parent is None:
            return
        name = self.ask_text(tr("New sub-code"), tr("Name of the new code under '{parent}':")
                             .format(parent=self._nodes[parent].name))
        if name:
            result = self.perform("Add code", lambda: code_ops.add_code(
                self.project, None, name, parent=parent))
            if result is not None:
                self._select_uuid(result.value)

    def _select_uuid(self, uuid: str) -> None:
        for node in self._nodes.values():
            if node.uuid == uuid:
                self.select_code(node.id)

    def delete_code(self) -> None:
        code_id = self._code_id
        if code_id is None:
            return
        node = self._nodes[code_id]
        codings, coders, subcodes = code_ops.subtree_usage(self.project, code_id)
        if codings:
            if self.confirm(tr("Delete code"), self._holds(node, codings, coders) + "\n\n" + tr(
                    "Merge it into another code instead? The codings move there and a memo "
                    "records the merge."), tr("Merge…")):
                self.merge_code()
            return
        if subcodes:
            text = (tr("Delete '{path}' and its sub-code? It holds no codings.") if subcodes == 1
                    else tr("Delete '{path}' and its {n} sub-codes? It holds no codings."))
        else:
            text = tr("Delete '{path}'? It holds no codings.")
        if self.confirm(tr("Delete code"), text.format(path=node.path, n=subcodes),
                        tr("Delete")):
            self.perform("Delete code", lambda: code_ops.delete_code(self.project, code_id))

    def _holds(self, node: CodeNode, codings: int, coders: int) -> str:
        """What deleting would lose; in blind mode without other coders' counts."""
        if self.blind:
            mine = sum(n.coder_count for n in _with_counts(self.project, self.coder_id,
                                                           node.id).walk())
            return tr("'{path}' holds codings, {mine} of them yours. Deleting it would lose "
                      "them.").format(path=node.path, mine=mine)
        who = (tr("{n} coder") if coders == 1 else tr("{n} coders")).format(n=coders)
        return tr("'{path}' holds {codings} by {coders}. Deleting it would lose them.").format(
            path=node.path, codings=count_text(codings), coders=who)

    def merge_code(self) -> None:
        code_id = self._code_id
        if code_id is None:
            return
        node = self._nodes[code_id]
        inside = {n.id for n in node.walk()}
        choices = [(n.path, n.id) for n in self._nodes.values() if n.id not in inside]
        target = self.choose_code(tr("Merge into"), tr("Move the codings of '{path}' to:").format(
            path=node.path), choices)
        if target is not None:
            if self.perform("Merge codes", lambda: merge_codes(
                    self.project, code_id, target)) is not None:
                self.select_code(target)

    def move_code(self, code_id: int, parent: int | None, book: int | None,
                  index: int | None) -> None:
        """Move a code under `parent` (or to the top of codebook `book`) at `index`."""
        self.perform("Move code", lambda: code_ops.move_code(
            self.project, code_id, parent=parent, index=index, codebook=book))
        self.select_code(code_id)

    # -- questions to the user (replaceable in tests) ----------------------------------------
    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok and text.strip() else None

    def confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def choose_code(self, title: str, label: str, choices: list[tuple[str, int]]) -> int | None:
        paths = [path for path, _id in sorted(choices)]
        path, ok = QInputDialog.getItem(self, title, label, paths, 0, False)
        return dict(choices).get(path) if ok else None

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)


def _with_counts(project, coder_id: int | None, code_id: int) -> CodeNode:
    """A code's node with the coder's counts (the editor's own tree has none)."""
    for book in code_tree(project, coder_id):
        for node in book.walk():
            if node.id == code_id:
                return node
    raise KeyError(code_id)

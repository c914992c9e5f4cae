"""Speakers of one or more documents: rename, merge and mark the interviewer.

Used in the import summary (changes there belong to the import and are undone with it) and by
Document > Speakers… (each change its own undo step) - so the panel is given the `run`
that executes a core operation. Speakers are per document: renaming "I" to "Interviewer"
in one transcript leaves the others alone; renaming to a name the document already has
merges the two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.documents.speakers import RenameSpeaker, SetInterviewers, list_speakers
from ...core.errors import QcoderError
from ...core.operations import Batch
from ..shell.i18n import tr

DOC_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ASK = QMessageBox.StandardButton


class SpeakersPanel(QWidget):
    """A tree: documents, their speakers (editable names, an interviewer tick, counts)."""

    changed = Signal()

    def __init__(self, project, run, parent=None):
        super().__init__(parent)
        self.project, self.run = project, run
        self.doc_items: dict[int, QTreeWidgetItem] = {}
        self._filling = False
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Speaker"), tr("Interviewer"), tr("Turns"), tr("Words")])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked
                                  | QTreeWidget.EditTrigger.EditKeyPressed)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.rename_button = QPushButton(tr("Rename…"))
        self.rename_button.clicked.connect(self._rename_current)
        self.merge_button = QPushButton(tr("Merge selected…"))
        self.merge_button.clicked.connect(self._merge_selected)
        hint = QLabel(tr("Double-click a name to rename it; renaming to a name the document "
                         "already has merges the two. Select several speakers of one "
                         "document to merge them. Tick who asks the questions."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addLayout(row)
        self._update_buttons()

    # -- filling -------------------------------------------------------------------------
    def show_documents(self, doc_ids: list[int]) -> None:
        self.tree.clear()
        self.doc_items = {}
        names = {d.id: d.name for d in catalog.documents(self.project)}
        for doc_id in doc_ids:
            item = QTreeWidgetItem([names[doc_id]])
            item.setData(0, DOC_ROLE, doc_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            self.doc_items[doc_id] = item
            self._fill(doc_id)
        self.tree.expandAll()
        self._update_buttons()

    def _fill(self, doc_id: int) -> None:
        top = self.doc_items[doc_id]
        self._filling = True
        try:
            top.takeChildren()
            speakers = list_speakers(self.project, doc_id)
            for info in speakers:
                item = QTreeWidgetItem([info.name, "", str(info.turns), str(info.words)])
                item.setData(0, DOC_ROLE, doc_id)
                item.setData(0, NAME_ROLE, info.name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(1, Qt.CheckState.Checked if info.interviewer
                                   else Qt.CheckState.Unchecked)
                for column in (2, 3):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(item)
            if not speakers:
                empty = QTreeWidgetItem([tr("No speakers found: the text has no recurring "
                                            "speaker labels.")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                top.addChild(empty)
                empty.setFirstColumnSpanned(True)
            top.setExpanded(True)
        finally:
            self._filling = False

    def speakers(self, doc_id: int) -> list[QTreeWidgetItem]:
        top = self.doc_items[doc_id]
        return [top.child(i) for i in range(top.childCount())
                if top.child(i).data(0, NAME_ROLE) is not None]

    def speaker_item(self, doc_id: int, name: str) -> QTreeWidgetItem | None:
        return next((i for i in self.speakers(doc_id) if i.data(0, NAME_ROLE) == name), None)

    # -- changes -------------------------------------------------------------------------
    def _do(self, doc_id: int, op) -> bool:
        try:
            self.run(op)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Speakers"), str(exc))
            self._fill(doc_id)
            return False
        self._fill(doc_id)
        self.changed.emit()
        return True

    def rename(self, doc_id: int, old: str, new: str) -> bool:
        """Rename a speaker; a name the document has already merges (after asking)."""
        new = " ".join(new.split())
        if not new or new == old:
            self._fill(doc_id)
            return False
        if self.speaker_item(doc_id, new) is not None and QMessageBox.question(
                self, tr("Merge speakers"),
                tr("This document already has a speaker “{new}”. Merge “{old}” into "
                   "“{new}”? Their turns become {new}'s.").format(old=old, new=new)) != ASK.Yes:
            self._fill(doc_id)
            return False
        return self._do(doc_id, RenameSpeaker(doc_id, old, new))

    def merge(self, doc_id: int, names: list[str], into: str) -> bool:
        """Merge the speakers `names` of one document into the speaker `into`."""
        ops = tuple(RenameSpeaker(doc_id, name, into) for name in names if name != into)
        if not ops:
            return False
        return self._do(doc_id, Batch(ops, label="Merge speakers"))

    def set_interviewer(self, doc_id: int, name: str, on: bool) -> bool:
        names = {i.data(0, NAME_ROLE) for i in self.speakers(doc_id)
                 if i.checkState(1) == Qt.CheckState.Checked}
        names = (names | {name}) if on else (names - {name})
        return self._do(doc_id, SetInterviewers(doc_id, tuple(sorted(names))))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or item.data(0, NAME_ROLE) is None:
            return
        doc_id, name = item.data(0, DOC_ROLE), item.data(0, NAME_ROLE)
        if column == 0 and item.text(0) != name:
            self.rename(doc_id, name, item.text(0))
        elif column == 1:
            self.set_interviewer(doc_id, name, item.checkState(1) == Qt.CheckState.Checked)

    # -- buttons -------------------------------------------------------------------------
    def _selected(self) -> list[QTreeWidgetItem]:
        return [i for i in self.tree.selectedItems() if i.data(0, NAME_ROLE) is not None]

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(
            len(chosen) > 1 and len({i.data(0, DOC_ROLE) for i in chosen}) == 1)

    def _rename_current(self) -> None:
        chosen = self._selected()
        if len(chosen) == 1:
            self.tree.editItem(chosen[0], 0)

    def _merge_selected(self) -> None:
        chosen = self._selected()
        if len(chosen) < 2 or len({i.data(0, DOC_ROLE) for i in chosen}) != 1:
            return
        names = [i.data(0, NAME_ROLE) for i in chosen]
        most = max(chosen, key=lambda i: int(i.text(2)))
        into, ok = QInputDialog.getItem(
            self, tr("Merge speakers"), tr("Merge the selected speakers into:"), names,
            names.index(most.data(0, NAME_ROLE)), False)
        if ok:
            self.merge(chosen[0].data(0, DOC_ROLE), names, into)


class SpeakersDialog(QDialog):
    """Document > Speakers…: the open document's speakers; each change can be undone."""

    def __init__(self, project, doc_id: int, run, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Speakers"))
        self.panel = SpeakersPanel(project, run, self)
        self.panel.show_documents([doc_id])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(close)
        self.resize(560, 420)


def open_speakers(window) -> None:
    """Document > Speakers… for the open document."""
    doc_id = window.view.document_id if window.project is not None else None
    if doc_id is None:
        window.statusBar().showMessage(tr("Open a document first."), 4000)
        return
    SpeakersDialog(window.project, doc_id, window.workbench.undo.run, window).exec()

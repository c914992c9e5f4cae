"""What the agreement dialog compares: the coders (those the window shows), the unit with its
segment overlap or minimum cover, the codes (a tri-state tree, a code bringing its sub-codes)
and the documents. The choices are remembered between sessions once a report is computed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.agreement.consensus import KONSENSUS
from ...core.codebooks.tree import code_tree
from ..codebook.codebook_panel import colour_swatch
from ..shell.i18n import tr

PATH_ROLE = Qt.ItemDataRole.UserRole
TEXT_UNITS = ("sentence", "paragraph", "turn", "section")


def unit_names() -> dict[str, str]:
    return {"character": tr("Characters (as NVivo)"), "segment": tr("Coded segments (as MAXQDA)"),
            "sentence": tr("Sentences"), "paragraph": tr("Paragraphs (split at blank lines)"),
            "turn": tr("Speaker turns"), "section": tr("Sections (from section markers)")}


def _group(title: str, widget: QWidget, note: QLabel | None = None) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    if note is not None:
        layout.addWidget(note)
    return box


def _checkable(name: str, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(name)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _ticked(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _tick(widget: QListWidget, names: list[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in names
                           else Qt.CheckState.Unchecked)


class ChoicesPane(QWidget):
    """The left side of the agreement dialog, with its Compute button."""

    def __init__(self, project, workbench, parent=None):
        super().__init__(parent)
        self.project, self.workbench = project, workbench
        #: code path -> colour, for the report's tables and the disagreement browser
        self.colors: dict[str, str] = {}
        self._order: list[str] = []
        self.coders = QListWidget()
        self.coders.setToolTip(tr("Tick two or more coders to compare"))
        self.unit = QComboBox()
        for key, name in unit_names().items():
            self.unit.addItem(name, key)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.overlap = QDoubleSpinBox(decimals=2, minimum=0.05, maximum=1.0, singleStep=0.05)
        self.overlap.setValue(0.9)
        self.overlap.setToolTip(tr("Two segments of a code match when their overlap "
                                   "(intersection over union) is at least this share"))
        self.min_cover = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=0.95, singleStep=0.05)
        self.min_cover.setToolTip(tr("A unit counts as coded when a coder's codings cover more "
                                     "than this share of it (0: any overlap)"))
        self.codes = QTreeWidget()
        self.codes.setHeaderHidden(True)
        self.documents = QListWidget()
        self._fill()

        form = QFormLayout()
        form.addRow(tr("Unit:"), self.unit)
        form.addRow(tr("Segment overlap:"), self.overlap)
        form.addRow(tr("Minimum cover:"), self.min_cover)
        layout = QVBoxLayout(self)
        layout.addWidget(_group(tr("Coders"), self.coders, self._coder_note()))
        layout.addLayout(form)
        layout.addWidget(_group(tr("Codes"), self.codes), 3)
        layout.addWidget(_group(tr("Documents"), self.documents), 2)
        self.compute_button = QPushButton(tr("&Compute"))
        self.compute_button.setDefault(True)
        layout.addWidget(self.compute_button)
        self.setMinimumWidth(260)
        self._unit_changed()

    def _coder_note(self) -> QLabel | None:
        if self.workbench.visible_coders() is None:
            return None
        note = QLabel(tr("Only the coders whose codings are shown are offered (View > Show "
                         "codings by)."))
        note.setWordWrap(True)
        note.setEnabled(False)
        return note

    def _fill(self) -> None:
        visible = self.workbench.visible_coders()
        names = [c for c in self.workbench.coders() if visible is None or c in visible]
        for name in names:
            self.coders.addItem(_checkable(name, False))
        self.coders.setMaximumHeight(self.coders.sizeHintForRow(0) * min(max(len(names), 3), 6)
                                     + 8)
        for book in code_tree(self.project):
            top = QTreeWidgetItem([book.name])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Checked)
            self.codes.addTopLevelItem(top)
            self._add_codes(top, book.codes)
        self.codes.expandToDepth(0)
        for doc in catalog.documents(self.project):
            self.documents.addItem(_checkable(doc.name, True))

    def _add_codes(self, parent: QTreeWidgetItem, nodes) -> None:
        for node in nodes:
            self.colors[node.path] = node.color
            item = QTreeWidgetItem([node.name])
            item.setData(0, PATH_ROLE, node.path)
            item.setIcon(0, colour_swatch(node.color))
            item.setToolTip(0, node.path)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if node.children:
                flags |= Qt.ItemFlag.ItemIsAutoTristate
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Checked)
            parent.addChild(item)
            self._add_codes(item, node.children)

    # -- remembered between sessions -------------------------------------------------------
    def restore(self, settings) -> None:
        """The last computed choices; else this coder and the next one (not Konsensus)."""
        wanted = settings.value("agreement/coders", [])
        wanted = [wanted] if isinstance(wanted, str) else list(wanted or [])
        names = [self.coders.item(i).text() for i in range(self.coders.count())]
        if len([w for w in wanted if w in names]) < 2:
            others = [n for n in names if n != KONSENSUS]
            mine = self.workbench.coder_name
            wanted = ([mine] if mine in others else []) + [n for n in others if n != mine]
            wanted = wanted[:2]
        self.set_coders(wanted)
        self.set_unit(str(settings.value("agreement/unit", "sentence")))
        self.overlap.setValue(float(settings.value("agreement/overlap", 0.9)))
        self.min_cover.setValue(float(settings.value("agreement/min_cover", 0.0)))

    def remember(self, settings) -> None:
        settings.setValue("agreement/coders", self.chosen_coders())
        settings.setValue("agreement/unit", self.unit.currentData())
        settings.setValue("agreement/overlap", self.overlap.value())
        settings.setValue("agreement/min_cover", self.min_cover.value())

    # -- the choices -------------------------------------------------------------------------
    def set_coders(self, names: list[str]) -> None:
        _tick(self.coders, names)
        self._order = list(names)

    def set_unit(self, unit: str) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))

    def set_documents(self, names: list[str]) -> None:
        _tick(self.documents, names)

    def chosen_coders(self) -> list[str]:
        """Ticked coders, those chosen by name first in their given order (coder A, B...)."""
        ticked = _ticked(self.coders)
        first = [n for n in self._order if n in ticked]
        return first + [n for n in ticked if n not in first]

    def chosen_codes(self) -> list[str] | None:
        """Code paths to compare (a code brings its sub-codes); None when all are ticked."""
        out: list[str] = []
        everything = True

        def visit(item: QTreeWidgetItem) -> None:
            nonlocal everything
            state = item.checkState(0)
            path = item.data(0, PATH_ROLE)
            if state != Qt.CheckState.Checked:
                everything = False
            if state == Qt.CheckState.Checked and path:
                out.append(path)
            elif state != Qt.CheckState.Unchecked:  # a codebook, or partly ticked
                for i in range(item.childCount()):
                    visit(item.child(i))

        for i in range(self.codes.topLevelItemCount()):
            visit(self.codes.topLevelItem(i))
        return None if everything else out

    def chosen_documents(self) -> list[str] | None:
        ticked = _ticked(self.documents)
        return None if len(ticked) == self.documents.count() else ticked

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.overlap.setEnabled(unit == "segment")
        self.min_cover.setEnabled(unit in TEXT_UNITS)

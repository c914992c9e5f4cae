"""What every display view shares: whose codings it reads, its table with a detail pane and
notes, a clear empty state, and an Export button.

A view asks the core for its `Table` (qcoder.core.analysis.build) over the codings in scope -
the coders visible in the window (blind mode shows only the coder's own), narrowed by the
display window's coder and round filters - and shows it through DisplayModel. Export rebuilds
the same table and writes it with the core exporters under a progress dialog that can be
cancelled; a cancelled export leaves no file behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.analysis.displays import Options, Table
from ...core.errors import CancelledError, QcoderError
from ...core.exchange.exporters import export_display
from ..shell.i18n import tr
from .display_model import CODINGS_ROLE, DisplayModel, DisplayTable

EXPORT_FILTERS = ("Excel (*.xlsx)", "Word (*.docx)", "CSV (*.csv)", "HTML (*.html)")


@dataclass(frozen=True)
class Scope:
    """Whose codings a display reads: the project's coders by name (None: everyone's) and a
    round."""

    coder_names: tuple[str, ...] | None = None
    round: int | None = None

    def options(self, **values) -> Options:
        """Display options for the scope, the coder named when it is one coder (so the
        display's notes and the export's provenance say so)."""
        one = self.coder_names[0] if self.coder_names and len(self.coder_names) == 1 else None
        return Options(coder=one, coders=self.coder_names, round=self.round, **values)


def scope_for(project, visible: set[str] | None, chosen: str | None,
              round: int | None) -> Scope:
    """The scope for the window's visible coders and the display filter's chosen coder; a
    coder hidden by blind mode or visibility is never chosen."""
    names = visible
    if chosen and (visible is None or chosen in visible):
        names = {chosen}
    if names is None:
        return Scope(round=round)
    return Scope(tuple(sorted(c.name for c in catalog.coders(project) if c.name in names)), round)


class DisplayView(QWidget):
    """A display: options row, caption, table with a detail pane, notes, Export."""

    key = ""            # the display's name in exports (qcoder export --what)

    def __init__(self, host, parent=None):
        super().__init__(parent)
        self.host = host
        self.current: Table | None = None
        self.built_revision: int | None = None
        self.segment_dialogs: list = []
        self.model = DisplayModel(self)
        self.table = DisplayTable()
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(self.activated)
        self.table.selectionModel().currentChanged.connect(self._show_detail)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setStyleSheet("font-size: 12pt; padding: 24px")
        muted(self.empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(tr("Select a cell to read all of it here."))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        muted(self.notes)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Write this display to Excel, Word, CSV or HTML"))
        self.export_button.clicked.connect(self.export)
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addLayout(self.controls)
        top.addStretch(1)
        top.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.stack)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 70])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)

    # -- what a view supplies ------------------------------------------------------------
    def options(self, scope: Scope) -> Options:
        return scope.options()

    def build(self, options: Options) -> Table | None:
        """The display's table, or None with `self.empty_text` saying why there is none."""
        raise NotImplementedError

    def prepare(self) -> None:
        """Fill the view's own choices (hypotheses, surveys, codes) before building."""

    def show_table(self, table: Table) -> None:
        self.model.set_table(table)

    empty_text = ""

    # -- building ------------------------------------------------------------------------
    @property
    def project(self):
        return self.host.project

    def refresh(self) -> None:
        """Rebuild from the project (a no-op without one)."""
        project = self.project
        if project is None:
            self._empty(tr("No project open."))
            return
        self.empty_text = ""
        try:
            self.prepare()
            table = self.build(self.options(self.host.scope()))
        except QcoderError as exc:
            self._empty(str(exc))
            return
        self.built_revision = project.revision
        if table is None:
            self._empty(self.empty_text)
            return
        place = self._place()
        self.current = table
        self.caption.setText(f"<b>{escape(table.title)}</b>"
                             + (f"<br>{escape(table.caption)}" if table.caption else ""))
        self.show_table(table)
        self.table.fit()
        self.notes.setText("\n".join(table.notes))
        self.stack.setCurrentWidget(self.table if table.rows else self.empty)
        if not table.rows:
            self.empty.setText(self.empty_text or tr("Nothing to show for the codings in view."))
        self.export_button.setEnabled(True)
        self._restore(place)
        self._show_detail(self.table.currentIndex())

    def _place(self) -> tuple:
        """Where the user is in the table: current cell and scroll positions."""
        index = self.table.currentIndex()
        return ((index.row(), index.column()) if index.isValid() else None,
                self.table.verticalScrollBar().value(), self.table.horizontalScrollBar().value())

    def _restore(self, place: tuple) -> None:
        cell, vertical, horizontal = place
        if cell is not None and cell[0] < self.model.rowCount() \
                and cell[1] < self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(*cell))
        self.table.verticalScrollBar().setValue(vertical)
        self.table.horizontalScrollBar().setValue(horizontal)

    def _empty(self, text: str) -> None:
        self.current = None
        self.model.set_table(None)
        self.caption.setText("")
        self.notes.setText("")
        self.detail.clear()
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.export_button.setEnabled(False)

    def is_stale(self) -> bool:
        return self.project is not None and self.built_revision != self.project.revision

    def _show_detail(self, index) -> None:
        if not index.isValid() or self.current is None:
            self.detail.clear()
            return
        header = self.current.columns[index.column()].header
        row_name = self.model.text(index.row(), 0)
        text = self.model.text(index.row(), index.column())
        self.detail.setPlainText(f"{row_name} \u2014 {header}\n\n{text}")

    # -- cells ---------------------------------------------------------------------------
    def activated(self, index) -> None:
        """Double-click: open the codings behind the cell."""
        self.open_cell(index.row(), index.column())

    def case_of_cell(self, row: int, column: int) -> int | None:
        return None

    def open_cell(self, row: int, column: int):
        """The segments dialog for a cell's codings (None when the cell has none)."""
        uuids = self.model.index(row, column).data(CODINGS_ROLE) or ()
        if not uuids:
            return None
        from .display_segments import SegmentsDialog

        title = f"{self.model.text(row, 0)} \u2014 {self.current.columns[column].header}"
        dialog = SegmentsDialog(self.host.window, title, list(uuids),
                                self.case_of_cell(row, column), self.host)
        self.segment_dialogs = [d for d in self.segment_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    # -- export --------------------------------------------------------------------------
    def export(self) -> None:
        if self.current is None:
            return
        last = str(self.host.window.settings.value("displays/export_dir", "") or Path.home())
        name = str(Path(last) / f"{self.current.key}.xlsx")
        path, chosen = QFileDialog.getSaveFileName(self, tr("Export display"), name,
                                                   ";;".join(EXPORT_FILTERS))
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(chosen[chosen.rfind("*.") + 1:].rstrip(")") or ".xlsx")
        self.host.window.settings.setValue("displays/export_dir", str(path.parent))
        written = self.export_to(path)
        if written:
            self.host.window.statusBar().showMessage(tr("Exported to {files}").format(
                files=", ".join(p.name for p in written)), 8000)

    def export_to(self, path: str | Path) -> list[Path]:
        """Build the display afresh and write it to `path` (format by suffix) under a
        progress dialog; the written files, or [] when cancelled or refused."""
        path = Path(path)
        progress = QProgressDialog(tr("Exporting {name}…").format(name=path.name), tr("Cancel"),
                                   0, 100, self)
        progress.setWindowTitle(tr("Export display"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)

        def report(done: int, total: int, what: str = "") -> None:
            progress.setValue(min(99, 10 + int(89 * done / max(total, 1))))
            QApplication.processEvents()
            if progress.wasCanceled():
                raise CancelledError("export cancelled")

        try:
            options = self.options(self.host.scope())
            table = self.build(options)
            if table is None:
                raise QcoderError(self.empty_text or tr("Nothing to export."))
            report(0, 1)
            written = export_display(self.project, self.key, table, options, path, report)
        except CancelledError:
            return []
        except (QcoderError, OSError) as exc:
            QMessageBox.warning(self, tr("Export display"), str(exc))
            return []
        finally:
            progress.close()
        return written


def muted(label: QLabel) -> QLabel:
    """Secondary text (notes, hints): the palette's placeholder colour, which stays legible
    in a dark palette where disabled text does not."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def refill_combo(box: QComboBox, entries: list[tuple[str, object]]) -> None:
    """Set a combo's (text, data) entries keeping the current choice (else the first),
    without emitting signals; unchanged entries leave it alone."""
    if [(box.itemText(i), box.itemData(i)) for i in range(box.count())] == entries:
        return
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, data in entries:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
    box.blockSignals(False)

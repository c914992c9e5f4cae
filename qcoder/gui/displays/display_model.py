"""A Qt table model over a core display `Table`, and the table view that shows it.

The core builds every display as plain data (qcoder.core.analysis.displays); this model only presents
it: the same text as the exports (Danish numbers, verdicts with their symbols), verdict
colours blended into the palette so they stay readable in a dark theme, a heat shade for
counts, and the codings behind each cell under CODINGS_ROLE so a view can open them. Edits are
not stored here: `editRequested` hands them to the view, which runs a core operation and
rebuilds the table.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from ...core.analysis.displays import VERDICT_SYMBOLS, Cell, Column, Table
from ...core.exchange.exporters.base import VERDICT_COLOURS, cell_text
from ..shell.i18n import tr

CODINGS_ROLE = Qt.ItemDataRole.UserRole + 20
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 21

WIDTHS = {"long": 300, "verdict": 150, "text": 200, "number": 110, "percent": 110}
MAX_ROW_HEIGHT = 170


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def blend(colour: QColor, base: QColor, share: float) -> QColor:
    """`share` of `colour` over `base`."""
    return QColor(round(colour.red() * share + base.red() * (1 - share)),
                  round(colour.green() * share + base.green() * (1 - share)),
                  round(colour.blue() * share + base.blue() * (1 - share)))


def tone_colour(tone: str | None, palette: QPalette | None = None) -> QColor | None:
    """The verdict's background: the export colour on a light palette, a darker tint of it
    on a dark one (so the palette's light text stays legible); None for no colour."""
    hex_colour = VERDICT_COLOURS.get(tone or "")
    if hex_colour is None or hex_colour.upper() == "FFFFFF":
        return None
    palette = palette or QApplication.palette()
    colour = QColor("#" + hex_colour)
    if is_dark(palette):
        return blend(colour, palette.color(QPalette.ColorRole.Base), 0.32)
    return colour


def cell_display(cell: Cell, column: Column) -> str:
    """A cell's text as the view shows it: the exporters' text, verdicts with their symbol."""
    text = cell_text(cell, column)
    if column.kind == "verdict" and cell.value in VERDICT_SYMBOLS:
        return f"{VERDICT_SYMBOLS[cell.value]} {text}"
    return text


class DisplayModel(QAbstractTableModel):
    """Rows and columns of one `Table`."""

    #: row, column, new value (a verdict name, or "" to clear) - the view decides what to run
    editRequested = Signal(int, int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: Table | None = None
        self.editable: set[int] = set()
        self.faint: set[int] = set()      # columns shown as suggestions (italic, muted)
        self.heat: set[int] = set()       # numeric columns shaded by their value
        self._heat_max = 0.0
        self._texts: list[list[str]] = []
        self._labels: list[str] = []

    def set_table(self, table: Table | None, *, editable=(), faint=(), heat=(),
                  label=None) -> None:
        """Show `table`; `label` turns a row's first cell into what the view shows there
        (e.g. a code path into an indented code name), the full text stays its tooltip."""
        self.beginResetModel()
        self.table = table
        self.editable, self.faint, self.heat = set(editable), set(faint), set(heat)
        self._texts = [] if table is None else [
            [cell_display(c, col) for c, col in zip(row, table.columns)] for row in table.rows]
        self._labels = [label(row[0]) if label else row[0] for row in self._texts]
        values = [row[j].value for row in (table.rows if table else []) for j in self.heat
                  if isinstance(row[j].value, (int, float))]
        self._heat_max = float(max(values, default=0) or 0)
        self.endResetModel()

    # -- shape ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.table.columns[section].header
        return None

    def cell(self, row: int, column: int) -> Cell:
        return self.table.rows[row][column]

    def text(self, row: int, column: int) -> str:
        """The cell's full text (as exported)."""
        return self._texts[row][column]

    def shown(self, row: int, column: int) -> str:
        return self._labels[row] if column == 0 else self._texts[row][column]

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- contents ------------------------------------------------------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        r, c = index.row(), index.column()
        cell, column = self.table.rows[r][c], self.table.columns[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(r, c)
        if role == FULL_TEXT_ROLE:
            return self._texts[r][c]
        if role == Qt.ItemDataRole.EditRole:
            return cell.value if isinstance(cell.value, str) else self._texts[r][c]
        if role == CODINGS_ROLE:
            return cell.codings
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, c)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell, c)
        suggestion = c in self.faint or (column.kind == "verdict" and cell.tone is None
                                         and cell.value)
        if role == Qt.ItemDataRole.ForegroundRole and (suggestion or (
                c in self.heat and cell.value == 0)):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and suggestion:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column.kind in ("number", "percent")
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        return None

    def _tooltip(self, r: int, c: int) -> str | None:
        text, cell = self._texts[r][c], self.table.rows[r][c]
        parts = [text] if len(text) > 60 or "\n" in text or text != self.shown(r, c) else []
        if cell.codings:
            parts.append(tr("Double-click to open the codings behind this cell ({n}).").format(
                n=len(cell.codings)))
        if c in self.editable:
            parts.append(tr("Double-click to edit."))
        return "\n\n".join(parts) or None

    def _background(self, cell: Cell, c: int):
        colour = tone_colour(cell.tone)
        if colour is not None:
            return colour
        if c in self.heat and self._heat_max and isinstance(cell.value, (int, float)) \
                and cell.value > 0:
            palette = QApplication.palette()
            share = 0.12 + 0.38 * min(cell.value / self._heat_max, 1.0)
            return blend(palette.color(QPalette.ColorRole.Highlight),
                         palette.color(QPalette.ColorRole.Base), share)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in self.editable:
            return False
        self.editRequested.emit(index.row(), index.column(), str(value or ""))
        return True


class DisplayTable(QTableView):
    """A table that wraps long text, sizes columns by their kind and keeps rows readable:
    a row grows with its text up to MAX_ROW_HEIGHT (the detail pane shows the rest)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)

    def fit(self) -> None:
        """Column widths by kind (short columns to their contents), then row heights."""
        model = self.model()
        table = getattr(model, "table", None)
        if table is None:
            return
        metrics = self.fontMetrics()
        rows = range(min(model.rowCount(), 300))
        # a last column of text takes the room left; a last column of numbers stays narrow
        self.horizontalHeader().setStretchLastSection(table.columns[-1].kind in ("long", "text"))
        for j, column in enumerate(table.columns):
            content = max([metrics.horizontalAdvance(line) for r in rows
                           for line in model.shown(r, j).split("\n")[:3]], default=0) + 24
            header = metrics.horizontalAdvance(column.header) + 24
            if column.kind in ("number", "percent", "verdict"):   # read by their header
                width = max(content, min(header, 200))
            else:
                width = min(max(content, header), WIDTHS.get(column.kind, 240) if j else 300)
            self.setColumnWidth(j, max(width, 60))
        self.resizeRowsToContents()
        for r in range(model.rowCount()):
            if self.rowHeight(r) > MAX_ROW_HEIGHT:
                self.setRowHeight(r, MAX_ROW_HEIGHT)


class _RowFitter(QObject):
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:   # after the header has resized its sections
            QTimer.singleShot(0, self.parent().resizeRowsToContents)
        return False


def fit_rows_on_resize(table: QTableView) -> None:
    """Keep a table's wrapped rows as tall as their text whenever its width changes."""
    table.viewport().installEventFilter(_RowFitter(table))

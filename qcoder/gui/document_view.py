"""The transcript in the centre of the window: text, coding highlights, speakers, pages, sections.

Codings are drawn as translucent extra selections, so overlapping codes blend. Speaker labels
are bold, section headings bold and coloured, page breaks a thin dashed line with "s. N" at the
right edge, drawn only for the visible part of the document.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from ..core.layers import DocumentLayers
from .textpos import TextPositions

HIGHLIGHT_ALPHA = 80


def highlight_color(hex_color: str) -> QColor:
    color = QColor(hex_color)
    if not color.isValid():
        color = QColor("#999999")
    color.setAlpha(HIGHLIGHT_ALPHA)
    return color


class DocumentView(QPlainTextEdit):
    """Read-only transcript view. Emits `selectionChangedTo(start, end)` in code points."""

    selectionChangedTo = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.layers: DocumentLayers | None = None
        self.positions = TextPositions("")
        self.selectionChanged.connect(self._emit_selection)
        self.show_empty()

    # -- content -------------------------------------------------------------------------
    def show_empty(self, message: str = "") -> None:
        self.layers = None
        self.positions = TextPositions("")
        self.setPlainText("")
        self.setPlaceholderText(message or "Choose a document on the left to read and code it.")
        self.setExtraSelections([])

    def show_layers(self, layers: DocumentLayers) -> None:
        scroll = self.verticalScrollBar().value() if self.layers and self.layers.document_id == layers.document_id else 0
        self.layers = layers
        self.positions = TextPositions(layers.text)
        self.setPlainText(layers.text)
        self._format_structure()
        self.refresh_codings(layers)
        self.verticalScrollBar().setValue(scroll)

    def refresh_codings(self, layers: DocumentLayers) -> None:
        """Redraw coding highlights only (the text and its structure are unchanged)."""
        self.layers = layers
        selections = []
        to_qt = self.positions.to_qt
        for mark in layers.codings:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(highlight_color(mark.color))
            sel.format.setToolTip(f"{mark.code_path} ({mark.coder})")
            cursor = QTextCursor(self.document())
            cursor.setPosition(to_qt(mark.start))
            cursor.setPosition(to_qt(mark.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)

    def _format_structure(self) -> None:
        layers = self.layers
        to_qt = self.positions.to_qt
        label_fmt = QTextCharFormat()
        label_fmt.setFontWeight(QFont.Weight.Bold)
        label_fmt.setForeground(self.palette().color(self.foregroundRole()).darker(130))
        section_fmt = QTextCharFormat()
        section_fmt.setFontWeight(QFont.Weight.Bold)
        section_fmt.setForeground(QColor("#2b6cb0"))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, _speaker in layers.labels:
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(label_fmt)
        for start, _end, _label in layers.sections:
            line_end = layers.text.find("\n", start)
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(line_end if line_end >= 0 else len(layers.text)),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(section_fmt)
        cursor.endEditBlock()

    # -- selection -----------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.positions.from_qt(cursor.selectionStart())
        b = self.positions.from_qt(cursor.selectionEnd())
        return (a, b) if b > a else None

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def _emit_selection(self) -> None:
        rng = self.selected_range()
        if rng:
            self.selectionChangedTo.emit(*rng)

    # -- page breaks ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.layers or len(self.layers.pages) < 2:
            return
        painter = QPainter(self.viewport())
        pen = QPen(QColor(150, 150, 150, 160))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        painter.setFont(small)
        height = self.viewport().height()
        width = self.viewport().width()
        for start, _end, label in self.layers.pages[1:]:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.positions.to_qt(start))
            y = self.cursorRect(cursor).top() - 2
            if y < -20:
                continue
            if y > height:
                break
            painter.drawLine(8, y, width - 60, y)
            painter.drawText(QRect(width - 56, y - 8, 52, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"s. {label}")
        painter.end()

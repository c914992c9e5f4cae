"""One coder's side of a disagreement: the document text, read-only, with the unit under
discussion as a band, the coder's codings of the code in the code's colour, and what the
Konsensus coder has there underlined - so two panes side by side show where two coders differ
and what was decided."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from ..coding.document_view import code_color, is_dark
from ..coding.textpos import TextPositions


def unit_band_color(palette: QPalette) -> QColor:
    # neutral grey, so that no code colour is mistaken for it
    return QColor("#4d4d4d") if is_dark(palette) else QColor("#e0e0e0")


def konsensus_color(palette: QPalette) -> QColor:
    return QColor("#6fd08c") if is_dark(palette) else QColor("#1b7a3a")


class CoderPane(QWidget):
    """A heading (who, and whether they coded the unit) over the highlighted text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.text.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.text.setFont(font)
        self.text.document().setDocumentMargin(10)
        self.positions = TextPositions("")
        self.document_name: str | None = None
        #: (start, end) ranges drawn as this coder's codings, for tests and tooltips
        self.coded: list[tuple[int, int]] = []
        self.unit = (0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)

    def show_document(self, name: str, text: str) -> None:
        if name == self.document_name:
            return
        self.document_name = name
        self.positions = TextPositions(text)
        self.text.setPlainText(text)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def mark(self, unit: tuple[int, int], coded: list[tuple[int, int]], color: str,
             konsensus: list[tuple[int, int]]) -> None:
        """Draw the unit band, the coder's codings and the Konsensus codings; show the unit."""
        palette = self.text.palette()
        self.coded = list(coded)
        band = QTextCharFormat()
        band.setBackground(unit_band_color(palette))
        fill = QTextCharFormat()
        fill.setBackground(code_color(color, 140 if is_dark(palette) else 160))
        agreed = QTextCharFormat()
        agreed.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        agreed.setUnderlineColor(konsensus_color(palette))
        agreed.setFontUnderline(True)
        selections = [self._selection(*unit, band)]
        selections += [self._selection(a, b, fill) for a, b in coded]
        selections += [self._selection(a, b, agreed) for a, b in konsensus]
        self.text.setExtraSelections(selections)
        self.unit = unit
        self.scroll_to_unit()
        QTimer.singleShot(0, self.scroll_to_unit)  # again once a new text is laid out

    def scroll_to_unit(self) -> None:
        """Centre the unit, its start in view even when it is longer than the pane."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.positions.to_qt(self.unit[1]))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        cursor.setPosition(self.positions.to_qt(self.unit[0]))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.scroll_to_unit)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.positions.from_qt(cursor.selectionStart())
        b = self.positions.from_qt(cursor.selectionEnd())
        return (a, b) if b > a else None

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

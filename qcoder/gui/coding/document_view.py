"""The transcript in the centre of the window: text, coding highlights, speakers, pages, sections.

The whole document is loaded (no chunking). Highlights are painted by the view itself under
the text, only for the codings on screen (found through a MarkIndex), so opening and scrolling
a long, heavily coded transcript costs the same as a short one; overlapping codes blend
because each is a translucent fill. Speaker labels are bold, section headings bold and
coloured with a rule above them, page breaks a dashed line with "s. N" at the right edge.
A margin on the left holds optional line numbers and the coding stripes (margins.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from ...core.coding.layers import CodingMark, DocumentLayers
from ..shell.i18n import tr
from .margins import CodingStripes, LineNumberGutter
from .mark_index import MarkIndex
from .textpos import TextPositions

PASSAGE_MIME = "application/x-qcoder-passage"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def code_color(hex_color: str, alpha: int = 255) -> QColor:
    color = QColor(hex_color)
    if not color.isValid():
        color = QColor("#999999")
    color.setAlpha(alpha)
    return color


class DocumentView(QPlainTextEdit):
    """Read-only transcript view. Positions in its API are code points into the stored text."""

    selectionChangedTo = Signal(int, int)
    codingClicked = Signal(str)
    resizeRequested = Signal(str, int, int)
    contextMenuAt = Signal(int, QPoint)       # code point under the mouse, global position
    codingMenuRequested = Signal(str, QPoint)  # a stripe's context menu

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.layers: DocumentLayers | None = None
        self.positions = TextPositions("")
        self.index = MarkIndex()
        self.selected_uuid: str | None = None
        self._page_starts: list[int] = []
        self._page_labels: list[str] = []
        self._section_starts: list[int] = []
        self._drag_from: QPoint | None = None
        self.painted_marks: list[CodingMark] = []   # what the last paint showed, for tests
        self.gutter = LineNumberGutter(self)
        self.stripes = CodingStripes(self)
        self.stripes.codingClicked.connect(self._stripe_clicked)
        self.stripes.resizeRequested.connect(self.resizeRequested)
        self.stripes.menuRequested.connect(self.codingMenuRequested)
        #: coding uuid -> its memo, for the stripes' tooltips (set by the window)
        self.memo_lookup: Callable[[str], str] = lambda _uuid: ""
        self.updateRequest.connect(self._scroll_margins)
        self.selectionChanged.connect(self._emit_selection)
        self.show_empty()

    # -- content -------------------------------------------------------------------------
    @property
    def document_id(self) -> int | None:
        return self.layers.document_id if self.layers else None

    def show_empty(self, message: str = "") -> None:
        self.layers = None
        self.positions = TextPositions("")
        self.index = MarkIndex()
        self.selected_uuid = None
        self._page_starts, self._page_labels, self._section_starts = [], [], []
        self.setPlainText("")
        self.setPlaceholderText(message or tr("Choose a document on the left to read and code it."))
        self._update_margins()

    def show_layers(self, layers: DocumentLayers) -> None:
        same = self.layers is not None and self.layers.document_id == layers.document_id
        scroll = self.verticalScrollBar().value() if same else 0
        self.layers = layers
        self.positions = TextPositions(layers.text)
        self.selected_uuid = None
        self.setPlainText(layers.text)
        self._page_starts = [self.positions.to_qt(start) for start, _e, _l in layers.pages[1:]]
        self._page_labels = [label for _s, _e, label in layers.pages[1:]]
        self._section_starts = [self.positions.to_qt(start) for start, _e, _l in layers.sections]
        self._format_structure()
        self.set_marks(layers.codings)
        self.verticalScrollBar().setValue(scroll)

    def set_marks(self, marks: list[CodingMark]) -> None:
        """Replace the codings drawn (text and structure unchanged)."""
        self.index = MarkIndex(marks)
        if self.selected_uuid not in self.index.by_uuid:
            self.selected_uuid = None
        self._update_margins()
        self.viewport().update()

    def add_mark(self, mark: CodingMark) -> None:
        self.index.add(mark)
        self._update_margins()
        self.viewport().update()

    def _format_structure(self) -> None:
        layers = self.layers
        to_qt = self.positions.to_qt
        label_fmt = QTextCharFormat()
        label_fmt.setFontWeight(QFont.Weight.Bold)
        section_fmt = QTextCharFormat()
        section_fmt.setFontWeight(QFont.Weight.Bold)
        section_fmt.setForeground(self.section_color())
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

    def section_color(self) -> QColor:
        return QColor("#8cb4ff") if is_dark(self.palette()) else QColor("#2b5fa8")

    # -- selection -----------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.positions.from_qt(cursor.selectionStart())
        b = self.positions.from_qt(cursor.selectionEnd())
        return (a, b) if b > a else None

    def cursor_position(self) -> int:
        return self.positions.from_qt(self.textCursor().position())

    def select_range(self, start: int, end: int, center: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if center:
            self.centerCursor()

    def select_coding(self, uuid: str | None) -> None:
        self.selected_uuid = uuid if uuid in self.index.by_uuid else None
        self.viewport().update()
        self.stripes.update()

    def _stripe_clicked(self, uuid: str) -> None:
        self.select_coding(uuid)
        self.codingClicked.emit(uuid)

    def _emit_selection(self) -> None:
        rng = self.selected_range()
        if rng:
            self.selectionChangedTo.emit(*rng)

    def position_at(self, point: QPoint) -> int:
        """Code point under a viewport point."""
        return self.positions.from_qt(self.cursorForPosition(point).position())

    # -- geometry of what is on screen ---------------------------------------------------
    def visible_qt_range(self) -> tuple[int, int]:
        first = self.firstVisibleBlock()
        last = self.cursorForPosition(QPoint(0, self.viewport().height())).block()
        return first.position(), last.position() + last.length()

    def visible_range(self) -> tuple[int, int]:
        a, b = self.visible_qt_range()
        return self.positions.from_qt(a), self.positions.from_qt(b)

    def line_rects(self, qa: int, qb: int) -> list[QRectF]:
        """Viewport rectangles covering the Qt positions [qa, qb), one per visual line, for
        the part that is on screen."""
        rects: list[QRectF] = []
        first = self.firstVisibleBlock()
        block = first if qa <= first.position() else self.document().findBlock(qa)
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid() and block.position() < qb:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            layout = block.layout()
            base = block.position()
            origin = geo.topLeft() + layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls = base + line.textStart()
                le = ls + line.textLength()
                s, e = max(qa, ls), min(qb, le)
                if e <= s:
                    continue
                x1 = line.cursorToX(s - base)[0]
                x2 = line.cursorToX(e - base)[0]
                rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1,
                                    line.height()))
            block = block.next()
        return rects

    def y_of(self, pos: int, bottom: bool = False,
             visible: tuple[int, int] | None = None) -> float:
        """Viewport y of the top (or bottom) of the visual line holding code point `pos`;
        above or below the viewport for positions off screen. `visible`: the Qt range on
        screen, when the caller has it already."""
        q = self.positions.to_qt(pos)
        a, b = visible or self.visible_qt_range()
        if q < a:
            return -10.0
        if q >= b:
            return self.viewport().height() + 10.0
        block = self.document().findBlock(q)
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        layout = block.layout()
        line = layout.lineForTextPosition(q - block.position())
        if not line.isValid():
            return geo.bottom() if bottom else geo.top()
        top = geo.top() + layout.position().y() + line.y()
        return top + line.height() if bottom else top

    # -- painting ------------------------------------------------------------------------
    def highlight_alpha(self) -> int:
        return 105 if is_dark(self.palette()) else 80

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        qa, qb = self.visible_qt_range()
        to_qt = self.positions.to_qt
        self.painted_marks = self.index.overlapping(*self.visible_range()) if self.layers else []
        alpha = self.highlight_alpha()
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in self.painted_marks:
            painter.setBrush(code_color(mark.color, alpha))
            for rect in self.line_rects(max(qa, to_qt(mark.start)), min(qb, to_qt(mark.end))):
                painter.drawRect(rect)
        selected = self.index.by_uuid.get(self.selected_uuid) if self.selected_uuid else None
        if selected is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(code_color(selected.color).darker(140), 1.5))
            for rect in self.line_rects(to_qt(selected.start), to_qt(selected.end)):
                painter.drawRect(rect.adjusted(-1, 0, 1, 0))
        painter.end()
        super().paintEvent(event)
        self._paint_boundaries(qa, qb)

    def _paint_boundaries(self, qa: int, qb: int) -> None:
        first, last = bisect_left(self._page_starts, qa), bisect_right(self._page_starts, qb)
        sections = self._section_starts[bisect_left(self._section_starts, qa):
                                        bisect_right(self._section_starts, qb)]
        if first == last and not sections:
            return
        painter = QPainter(self.viewport())
        width = self.viewport().width()
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        painter.setFont(small)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        pen = QPen(muted)
        pen.setStyle(Qt.PenStyle.DashLine)
        for q, label in zip(self._page_starts[first:last], self._page_labels[first:last]):
            y = self._qt_y(q) - 1
            painter.setPen(pen)
            painter.drawLine(8, int(y), width - 64, int(y))
            painter.drawText(QRectF(width - 60, y - 9, 54, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tr("p. {page}").format(page=label))
        painter.setPen(QPen(self.section_color(), 1.5))
        for q in sections:
            y = self._qt_y(q) - 4
            painter.drawLine(8, int(y), width - 8, int(y))
        painter.end()

    def _qt_y(self, q: int) -> float:
        cursor = QTextCursor(self.document())
        cursor.setPosition(q)
        return self.cursorRect(cursor).top()

    # -- margins -------------------------------------------------------------------------
    def set_line_numbers(self, on: bool) -> None:
        self.gutter.setVisible(on)
        self._update_margins()

    def _update_margins(self) -> None:
        gutter = self.gutter.width_hint() if self.gutter.isVisibleTo(self) else 0
        stripes = self.stripes.width_hint()
        self.setViewportMargins(gutter + stripes, 0, 0, 0)
        rect = self.contentsRect()
        self.gutter.setGeometry(rect.left(), rect.top(), gutter, rect.height())
        self.stripes.setGeometry(rect.left() + gutter, rect.top(), stripes, rect.height())
        self.stripes.update()
        self.gutter.update()

    def _scroll_margins(self, _rect, _dy: int) -> None:
        self.gutter.update()
        self.stripes.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if hasattr(self, "stripes") and event.type() in (event.Type.FontChange,
                                                         event.Type.PaletteChange):
            self._update_margins()

    # -- dragging a selection onto a code ------------------------------------------------
    def mousePressEvent(self, event) -> None:
        rng = self.selected_range()
        if (event.button() == Qt.MouseButton.LeftButton and rng
                and rng[0] <= self.position_at(event.position().toPoint()) < rng[1]):
            self._drag_from = event.position().toPoint()
            return
        self._drag_from = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag_from is not None:
            moved = (event.position().toPoint() - self._drag_from).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._drag_from = None
                self.start_passage_drag()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag_from is not None:  # a click inside the selection: place the cursor
            self._drag_from = None
            cursor = self.cursorForPosition(event.position().toPoint())
            self.setTextCursor(cursor)
            return
        super().mouseReleaseEvent(event)

    def passage_mime(self) -> QMimeData | None:
        rng = self.selected_range()
        if not rng or self.layers is None:
            return None
        mime = QMimeData()
        mime.setData(PASSAGE_MIME, f"{self.layers.document_id}:{rng[0]}:{rng[1]}".encode())
        mime.setText(self.layers.text[rng[0]:rng[1]])
        return mime

    def start_passage_drag(self) -> None:
        mime = self.passage_mime()
        if mime is not None:
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.exec(Qt.DropAction.CopyAction)

    def contextMenuEvent(self, event) -> None:
        self.contextMenuAt.emit(self.position_at(event.pos()), event.globalPos())


def passage_from_mime(mime: QMimeData) -> tuple[int, int, int] | None:
    """(document id, start, end) of a dragged passage."""
    if not mime.hasFormat(PASSAGE_MIME):
        return None
    doc, start, end = bytes(mime.data(PASSAGE_MIME)).decode().split(":")
    return int(doc), int(start), int(end)

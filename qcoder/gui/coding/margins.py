"""The left margin of the document view: optional line numbers, and the coding stripes.

A stripe per coding, in the code's colour, from the coding's first line to its last; codings
that overlap sit side by side in lanes (MarkIndex gives each a stable lane). Hovering names
the code and coder, a click selects the coding, dragging either end resizes it (to whole
lines; exact resizing goes through "Resize to selection"). Only codings on screen are
painted. Line numbers count the text's lines (not wrapped screen lines), so they stay the same
when the window is resized and can be cited.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ..shell.i18n import tr

LANE = 6          # stripe width
GAP = 3
PAD = 5
MAX_LANES = 12    # more overlapping codings share the last lane
GRAB = 5          # how close to an end a press starts a resize


def _code_color(hex_color: str) -> QColor:
    color = QColor(hex_color)
    return color if color.isValid() else QColor("#999999")


class LineNumberGutter(QWidget):
    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.hide()

    def width_hint(self) -> int:
        digits = len(str(max(1, self.view.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(digits, 3)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        pal = self.view.palette()
        painter.fillRect(event.rect(), pal.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self.view.font())
        block = self.view.firstVisibleBlock()
        offset = self.view.contentOffset()
        height = self.height()
        right = self.width() - 6
        line_height = self.view.fontMetrics().height()
        while block.isValid():
            top = self.view.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            if block.isVisible() and block.length() > 1:
                painter.drawText(QRectF(0, top + block.layout().position().y(), right,
                                        line_height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(block.blockNumber() + 1))
            block = block.next()
        painter.end()


class CodingStripes(QWidget):
    codingClicked = Signal(str)
    resizeRequested = Signal(str, int, int)
    menuRequested = Signal(str, QPoint)

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self._hits: list[tuple[QRectF, object, bool, bool]] = []   # rect, mark, top/bottom shown
        self._drag: tuple[str, str, float] | None = None           # uuid, "start"/"end", y

    def width_hint(self) -> int:
        lanes = min(max(self.view.index.lanes, 1), MAX_LANES)
        return 2 * PAD + lanes * LANE + (lanes - 1) * GAP

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        view = self.view
        pal = view.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        self._hits = []
        if view.layers is None:
            painter.end()
            return
        height = self.height()
        shown = view.visible_qt_range()
        from_qt = view.positions.from_qt
        for mark in view.index.overlapping(from_qt(shown[0]), from_qt(shown[1])):
            top = view.y_of(mark.start, visible=shown)
            bottom = view.y_of(max(mark.start, mark.end - 1), True, visible=shown)
            if self._drag and self._drag[0] == mark.uuid:
                if self._drag[1] == "start":
                    top = min(self._drag[2], bottom - 4)
                else:
                    bottom = max(self._drag[2], top + 4)
            lane = min(view.index.lane[mark.uuid], MAX_LANES - 1)
            x = PAD + lane * (LANE + GAP)
            top_shown, bottom_shown = top >= 0, bottom <= height
            rect = QRectF(x, max(top, -2) + 1, LANE, min(bottom, height + 2) - max(top, -2) - 2)
            color = _code_color(mark.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 2, 2)
            if mark.uuid == view.selected_uuid:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.5))
                painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)
            self._hits.append((rect, mark, top_shown, bottom_shown))
        painter.end()

    # -- finding what is under the mouse -------------------------------------------------
    def hit(self, pos: QPoint):
        """(mark, "start"/"end"/None) of the stripe under `pos`; the narrowest wins."""
        best = None
        for rect, mark, top_shown, bottom_shown in self._hits:
            grab = rect.adjusted(-1, -GRAB, 1, GRAB)
            if not grab.contains(pos.x(), pos.y()):
                continue
            end = None
            if top_shown and abs(pos.y() - rect.top()) <= GRAB:
                end = "start"
            elif bottom_shown and abs(pos.y() - rect.bottom()) <= GRAB:
                end = "end"
            if best is None or rect.height() < best[2]:
                best = (mark, end, rect.height())
        return (best[0], best[1]) if best else (None, None)

    def tooltip(self, mark) -> str:
        """A stripe's tooltip: code, coder, whether it was an accepted suggestion, memo."""
        text = f"<b>{mark.code_path}</b><br>{tr('Coder')}: {mark.coder}"
        if mark.origin == "suggested":
            text += "<br>" + tr("Accepted suggestion")
        memo = self.view.memo_lookup(mark.uuid)
        if memo:
            text += f"<br><i>{memo[:200]}</i>"
        return text

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            mark, _end = self.hit(event.pos())
            if mark is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(mark), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- clicking and resizing -----------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        mark, end = self.hit(event.position().toPoint())
        if mark is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if end is not None:
            self._drag = (mark.uuid, end, event.position().y())
        self.codingClicked.emit(mark.uuid)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], self._drag[1], event.position().y())
            self.update()
            return
        mark, end = self.hit(event.position().toPoint())
        shape = (Qt.CursorShape.SizeVerCursor if end else
                 Qt.CursorShape.PointingHandCursor if mark else Qt.CursorShape.ArrowCursor)
        self.setCursor(shape)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is None:
            return
        uuid, which, y = self._drag
        self._drag = None
        mark = self.view.index.by_uuid.get(uuid)
        if mark is None:
            return
        y = int(max(0, min(y, self.height() - 1)))
        if which == "start":
            start, end = self.view.position_at(QPoint(0, y)), mark.end
        else:
            start = mark.start
            end = self.view.position_at(QPoint(self.view.viewport().width() - 1, y))
        if end > start and (start, end) != (mark.start, mark.end):
            self.resizeRequested.emit(uuid, start, end)
        self.update()

    def contextMenuEvent(self, event) -> None:
        mark, _end = self.hit(event.pos())
        if mark is not None:
            self.codingClicked.emit(mark.uuid)
            self.menuRequested.emit(mark.uuid, event.globalPos())

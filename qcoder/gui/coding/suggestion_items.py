"""The list of the suggestions pane: candidate passages grouped by code, each drawn as a
one-line excerpt around its first match (the whole passage in the preview and the tooltip),
with the matched terms marked in colours legible on light and dark palettes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from ...core.language.candidates import Candidate
from ..codebook.codebook_panel import colour_swatch
from ..shell.i18n import tr
from .document_view import is_dark

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: characters of context shown before the first matched term in a one-line excerpt
LEAD = 50
EXCERPT = 180


def mark_colours(palette: QPalette) -> tuple[str, str]:
    """Background and text colour of a matched term, legible on the light and dark palette."""
    return ("#8a6d00", "#ffffff") if is_dark(palette) else ("#ffe27a", "#000000")


def passage_html(text: str, marks, palette: QPalette, excerpt: bool = False) -> str:
    """The passage (or a one-line excerpt around its first match) with its terms marked."""
    start, end = 0, len(text)
    if excerpt:  # one line: the first match with a little context before it
        first = marks[0][0] if marks else 0
        if first > LEAD + 20:
            start = text.rfind(" ", 0, first - LEAD) + 1
        end = min(len(text), start + EXCERPT)
    background, foreground = mark_colours(palette)
    pieces, pos = [], start
    for a, b in marks:
        a, b = max(a, pos), min(b, end)
        if a >= b:
            continue
        pieces += [escape(text[pos:a]),
                   f"<span style='background:{background}; color:{foreground}; "
                   f"font-weight:600'>{escape(text[a:b])}</span>"]
        pos = b
    pieces.append(escape(text[pos:end]))
    body = "".join(pieces)
    if excerpt:
        body = body.replace("\n", " ")
        body = ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
    else:
        body = body.replace("\n", "<br>")
    return body


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's HTML_ROLE (one line, clipped) instead of its plain text."""

    def paint(self, painter, option, index) -> None:
        html = index.data(HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(f"<span style='color:{option.palette.color(role).name()}'>{html}</span>")
        rect = option.rect.adjusted(4, 0, -2, 0)
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


def code_name(path: str) -> str:
    """A code's path without its codebook, as the list and the preview name it."""
    return path.split("/", 1)[-1].replace("/", " › ")


def preview_html(candidate: Candidate, palette: QPalette) -> str:
    """The preview of a candidate: its code, document and matched terms over the passage."""
    x = candidate.suggestion
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    matched = tr("matched: {terms}").format(terms=", ".join(x.terms))
    passage = passage_html(candidate.text, candidate.marks, palette)
    return (f"<p style='color:{muted}; margin:0 0 4px 0'>{escape(code_name(x.code))} · "
            f"{escape(x.document)} · {escape(matched)}</p><p style='margin:0'>{passage}</p>")


class CandidateTree(QTreeWidget):
    """The candidates under one group per code: a group's CANDIDATE_ROLE is its code id, a
    passage's its Candidate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([tr("Code / passage"), tr("Document")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setItemDelegateForColumn(0, HtmlDelegate(self))
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, candidates: list[Candidate], expand_all: bool) -> bool:
        """List the candidates, keeping the current one and the expanded groups (all groups
        open when `expand_all` or when there are at most three); whether the current one
        was kept - it is then chosen again, with the signals that brings."""
        current = self.currentItem()
        keep = self.key_of(current) if current is not None else None
        expanded = {self.key_of(self.topLevelItem(i)) for i in range(self.topLevelItemCount())
                    if self.topLevelItem(i).isExpanded()}
        self.blockSignals(True)
        self.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        palette = self.palette()
        for c in sorted(candidates, key=lambda c: (c.suggestion.code, c.suggestion.document,
                                                   c.suggestion.start)):
            x = c.suggestion
            group = groups.get(x.code_id)
            if group is None:
                group = groups[x.code_id] = QTreeWidgetItem([code_name(x.code), ""])
                group.setIcon(0, colour_swatch(c.color))
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                group.setToolTip(0, x.code)
                group.setData(0, CANDIDATE_ROLE, x.code_id)
                self.addTopLevelItem(group)
            item = QTreeWidgetItem(["", x.document])
            item.setData(0, CANDIDATE_ROLE, c)
            item.setData(0, HTML_ROLE, passage_html(c.text, c.marks, palette, excerpt=True))
            item.setToolTip(0, "<p style='max-width:420px'>"
                            + passage_html(c.text, c.marks, palette) + "</p>")
            group.addChild(item)
        for group in groups.values():
            n = group.childCount()
            group.setText(0, f"{group.text(0)}  ({n})")
            group.setExpanded(expand_all or len(groups) <= 3 or self.key_of(group) in expanded)
        self.blockSignals(False)
        chosen = next((i for i in self.items() if self.key_of(i) == keep), None) if keep else None
        if chosen is not None:
            self.setCurrentItem(chosen)
        return chosen is not None

    def items(self):
        """Every group and passage item, top to bottom."""
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            yield group
            for j in range(group.childCount()):
                yield group.child(j)

    @staticmethod
    def key_of(item: QTreeWidgetItem):
        data = item.data(0, CANDIDATE_ROLE)
        return data.key if isinstance(data, Candidate) else ("code", data)

    def select(self, candidate: Candidate) -> None:
        item = next((i for i in self.items() if self.key_of(i) == candidate.key), None)
        if item is not None:
            self.setCurrentItem(item)

    def selected_candidates(self) -> list[Candidate]:
        out = []
        for item in self.selectedItems():
            data = item.data(0, CANDIDATE_ROLE)
            if isinstance(data, Candidate):
                out.append(data)
        return out

    def current_code(self) -> int | None:
        """The code of the current group, or of the current passage's group."""
        item = self.currentItem()
        if item is None:
            return None
        if item.parent() is not None:
            item = item.parent()
        return item.data(0, CANDIDATE_ROLE)

    def next_after(self, gone: set) -> Candidate | None:
        """The candidate to move on to once those with the keys `gone` leave the list: the
        first one from the current item down, else the nearest one above it."""
        items = list(self.items())
        current = self.currentItem()
        index = items.index(current) if current in items else 0
        after = [i.data(0, CANDIDATE_ROLE) for i in items[index:] + items[:index][::-1]]
        return next((c for c in after if isinstance(c, Candidate) and c.key not in gone), None)

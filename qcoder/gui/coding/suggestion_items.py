"""What the suggestions pane lists: each candidate passage with where its terms matched, and
how it is drawn - a one-line excerpt around the first match in the list, the whole passage in
the preview - with the matched terms marked in colours legible on light and dark palettes."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import sqlalchemy as sa
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.store.models import Code, Document
from ...core.language.suggest import Suggestion
from ...core.language.text_index import compile_term, load_indexes
from .document_view import is_dark

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: characters of context shown before the first matched term in a one-line excerpt
LEAD = 50
EXCERPT = 180


@dataclass(frozen=True)
class Candidate:
    """A suggestion with its passage's text, where its terms matched in it (offsets into
    `text`) and its code's colour."""

    suggestion: Suggestion
    text: str
    marks: tuple[tuple[int, int], ...]
    color: str

    @property
    def key(self) -> tuple[int, int, int, int]:
        x = self.suggestion
        return x.code_id, x.document_id, x.start, x.end


def find_candidates(project, suggestions: list[Suggestion]) -> list[Candidate]:
    """The suggestions with their passages and matched terms, read from the stored index."""
    by_doc: dict[int, list[Suggestion]] = {}
    for x in suggestions:
        by_doc.setdefault(x.document_id, []).append(x)
    out: list[Candidate] = []
    with project.session() as s:
        colors = dict(s.execute(sa.select(Code.id, Code.color)).all())
        texts = dict(s.execute(sa.select(Document.id, Document.text)
                               .where(Document.id.in_(list(by_doc)))).all())
        for index in load_indexes(s, list(by_doc)):
            hits: dict[str, list[tuple[int, int]]] = {}
            for x in by_doc[index.document_id]:
                marks = set()
                for term in x.terms:
                    if term not in hits:
                        hits[term] = index.find(compile_term(term))
                    marks.update((a - x.start, b - x.start) for a, b in hits[term]
                                 if a >= x.start and b <= x.end)
                out.append(Candidate(x, texts[index.document_id][x.start:x.end],
                                     tuple(sorted(marks)), colors.get(x.code_id, "#999999")))
    return out


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

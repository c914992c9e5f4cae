"""Where an offset sits in a document: page, line, section, speaker turn - for citations.

Pages, sections and turns are the document's stored structure ranges; line numbers count the
stored text's lines from 1. A range [start, end) that crosses a page or line boundary is
cited as "3-4".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..store.models import Document, Speaker, StructureRange

#: a structure range as loaded: kind, start, end, label, speaker id, time of its start
RangeRow = tuple[str, int, int, str, int | None, float | None]
#: a range of one kind: start, end, label, speaker id, time of its start
_KindRange = tuple[int, int, str, int | None, float | None]


@dataclass(frozen=True)
class TurnInfo:
    start: int
    end: int
    speaker: str
    speaker_id: int | None
    speaker_case_id: int | None
    time_start: float | None


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}-{last}"


class DocumentStructure:
    """A document's text and structure, loaded once, answering position questions quickly."""

    def __init__(self, text: str, ranges: Sequence[RangeRow],
                 speakers: dict[int, tuple[str, int | None]]):
        self.text = text
        by_kind: dict[str, list[_KindRange]] = {"page": [], "section": [], "turn": []}
        for kind, start, end, label, speaker_id, time_start in sorted(ranges, key=lambda r: r[1]):
            by_kind.setdefault(kind, []).append((start, end, label, speaker_id, time_start))
        self._pages = by_kind["page"]
        self._page_starts = [p[0] for p in self._pages]
        self._sections = by_kind["section"]
        self._turns: list[TurnInfo] = []
        for s, e, label, sid, t in by_kind["turn"]:
            name, case_id = speakers.get(sid, (label, None)) if sid is not None else (label, None)
            self._turns.append(TurnInfo(s, e, name, sid, case_id, t))
        self._turn_starts = [t.start for t in self._turns]
        self._line_starts: list[int] | None = None

    @classmethod
    def load(cls, session: Session, document: Document | int) -> DocumentStructure:
        doc = document if isinstance(document, Document) else session.get(Document, document)
        if doc is None:
            raise NotFoundError(f"document id {document} is not in the project")
        ranges = session.execute(
            sa.select(StructureRange.kind, StructureRange.start, StructureRange.end,
                      StructureRange.label, StructureRange.speaker_id, StructureRange.time_start)
            .where(StructureRange.document_id == doc.id)).all()
        speakers = {sid: (name, case_id) for sid, name, case_id in session.execute(
            sa.select(Speaker.id, Speaker.name, Speaker.case_id)
            .where(Speaker.document_id == doc.id))}
        return cls(doc.text, ranges, speakers)

    # -- pages -----------------------------------------------------------------------------
    def page_at(self, offset: int) -> str | None:
        """The page label at `offset` (a line break between pages counts to the page before)."""
        return self._page_label(offset) if self._pages else None

    def _page_label(self, offset: int) -> str:
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return self._pages[max(i, 0)][2]

    def pages(self, start: int, end: int | None = None) -> str | None:
        """"3", or "3-4" for a passage that runs over a page break."""
        first = self.page_at(start)
        if first is None or end is None or end <= start:
            return first
        return _span(first, self._page_label(end - 1))

    # -- lines -----------------------------------------------------------------------------
    def line_at(self, offset: int) -> int:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return bisect.bisect_right(self._line_starts, offset)

    def lines(self, start: int, end: int | None = None) -> str:
        first = self.line_at(start)
        if end is None or end <= start:
            return str(first)
        return _span(str(first), str(self.line_at(end - 1)))

    # -- sections and turns ----------------------------------------------------------------
    def section_at(self, offset: int) -> str | None:
        for start, end, label, _sid, _t in self._sections:
            if start <= offset < end:
                return label
        return None

    def turn_at(self, offset: int) -> TurnInfo | None:
        """The speaker turn holding `offset`; an offset on a label line belongs to no turn."""
        i = bisect.bisect_right(self._turn_starts, offset) - 1
        if i >= 0 and offset < self._turns[i].end:
            return self._turns[i]
        return None


def page_at(session: Session, document: Document | int, offset: int) -> str | None:
    return DocumentStructure.load(session, document).page_at(offset)


def line_at(text: str, offset: int) -> int:
    """The 1-based line number of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1

"""The passage around a position - its speaker turn, sentence or paragraph - and snapping a
selection to whole words: what "code this turn" and word snapping in the workbench use.

Only the neighbourhood of the position is looked at (the paragraph around it, the turn that
holds it), so this stays instant in a transcript of a million characters. Sentences come from
qcoder.core.language.nlp, cut at speaker turns as agreement's sentence units are, so the speaker label
is never part of a sentence.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..store import Project
from ..store.models import Document, StructureRange

UNITS = ("turn", "sentence", "paragraph")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the line holding `pos`, without its line break."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def paragraph_at(text: str, pos: int) -> tuple[int, int] | None:
    """The blank-line separated paragraph holding `pos`, without surrounding white space."""
    a, b = _line(text, pos)
    if not text[a:b].strip():
        return None
    while a > 0:
        pa, pb = _line(text, a - 1)
        if not text[pa:pb].strip():
            break
        a = pa
    while b < len(text):
        na, nb = _line(text, b + 1)
        if not text[na:nb].strip():
            break
        b = nb
    return _strip(text, a, b)


def _turn(session: Session, document_id: int, text: str, pos: int) -> tuple[int, int] | None:
    """The speech of the turn holding `pos`; on its speaker label, that turn's speech too."""
    turn = (StructureRange.document_id == document_id, StructureRange.kind == "turn")
    columns = sa.select(StructureRange.start, StructureRange.end)
    before = session.execute(columns.where(*turn, StructureRange.start <= pos)
                             .order_by(StructureRange.start.desc()).limit(1)).first()
    after = session.execute(columns.where(*turn, StructureRange.start > pos)  # pos on its label?
                            .order_by(StructureRange.start).limit(1)).first()
    for start, end in (r for r in (before, after) if r is not None):
        label_start = text.rfind("\n", 0, start) + 1
        if label_start == start and start > 0:  # a header on the line above the speech
            label_start = text.rfind("\n", 0, start - 1) + 1
        if label_start <= pos < end:
            return _strip(text, start, end)
    return None


def unit_at(project: Project, document_id: int, pos: int, kind: str) -> tuple[int, int] | None:
    """[start, end) of the turn, sentence or paragraph at code point `pos`, or None where
    there is none (between turns, on a blank line)."""
    if kind not in UNITS:
        raise QcoderError(f"unknown unit {kind!r}; use one of {', '.join(UNITS)}")
    with project.session() as s:
        text = s.scalar(sa.select(Document.text).where(Document.id == document_id))
        if text is None:
            raise QcoderError(f"document id {document_id} is not in the project")
        pos = max(0, min(pos, len(text) - 1))
        turn = _turn(s, document_id, text, pos)
    if kind == "turn":
        return turn
    para = paragraph_at(text, pos)
    if kind == "paragraph" or para is None:
        return para
    from ..language.nlp import sentence_spans

    lo, hi = para
    if turn is not None:  # sentences of the speech only, never of the label
        lo, hi = max(lo, turn[0]), min(hi, turn[1])
        pos = max(pos, lo)
    best = None
    for a, b in sentence_spans(text[lo:hi]):
        if a + lo <= pos < b + lo or (best is None and a + lo > pos):
            return a + lo, b + lo
        best = (a + lo, b + lo)
    return best


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words and drop white space at its edges."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    a, b = _strip(text, start, end)
    return (a, b) if b > a else (start, end)

"""Where a REFI-QDA selection lies in qcoder's text: position units, detected per source.

The standard says positions count characters, but tools count differently: NVivo counts UTF-16
code units over the source text without its BOM and with CRLF as two; MAXQDA counts code points
with CRLF as two; ATLAS.ti, QualCoder and qcoder count code points. A file does not say which,
so each source decides by its own selections: the unit under which the selections' own texts
(tools put a preview of the text in `name`) are found where they point wins; without texts, the
unit under which selections begin and end on word boundaries - a misread unit drifts into the
middle of words after the first emoji or line break. The tool's known habit breaks ties.

qcoder stores text normalised (see transcript.normalise_text), so positions in the file's text
are then mapped onto the normalised text, where CRLF became LF and trailing spaces went.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ...documents.transcript import normalise_text

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n)?")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    key: str
    label: str
    utf16: bool
    crlf_two: bool


CODEPOINTS = Unit("codepoints", "Unicode code points", False, False)
CODEPOINTS_CRLF = Unit("codepoints-crlf", "code points with CRLF as two", False, True)
UTF16_CRLF = Unit("utf16-crlf", "UTF-16 code units with CRLF as two", True, True)
UTF16 = Unit("utf16", "UTF-16 code units", True, False)
UNITS = (CODEPOINTS, UTF16_CRLF, CODEPOINTS_CRLF, UTF16)


def habitual_units(origin: str) -> tuple[Unit, ...]:
    """All units, the one the exporting tool is known to use first (ties go to it)."""
    tool = origin.casefold()
    first = UTF16_CRLF if "nvivo" in tool else CODEPOINTS_CRLF if "maxqda" in tool else CODEPOINTS
    return (first,) + tuple(u for u in UNITS if u is not first)


def normalise_with_map(raw: str) -> tuple[str, list[int]]:
    """qcoder's normalised text, and for each of its characters the index in `raw` it came from.

    Normalisation works line by line, so each changed line is aligned on its own; the result is
    checked against normalise_text itself, so the two cannot silently drift apart.
    """
    full = raw
    # BOMs go first (they may sit between a CR and its LF); keep where the rest came from
    kept = [i for i, ch in enumerate(raw) if ch != "\ufeff"] if "\ufeff" in raw else None
    if kept is not None:
        raw = raw.replace("\ufeff", "")
    pieces: list[str] = []
    origins: list[int] = []
    for m in _LINE.finditer(raw):
        start = m.start()
        content, ending = m.group(1), m.group(2)
        if not content and not ending:
            continue
        out = normalise_text(content)
        pieces.append(out)
        if out == content:
            origins.extend(range(start, start + len(content)))
        else:
            matcher = difflib.SequenceMatcher(None, content, out, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    origins.extend(range(start + i1, start + i2))
                else:
                    origins.extend([start + i1] * (j2 - j1))
        if ending:
            pieces.append("\n")
            origins.append(m.start(2))
    text = "".join(pieces)
    if kept is not None:
        origins = [kept[o] for o in origins]
    if text != normalise_text(full):
        raise RuntimeError("internal: refi.positions.normalise_with_map no longer matches "
                           "transcript.normalise_text; normalisation must stay line by line")
    return text, origins


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text_matches(carried: str, found: str) -> bool:
    """Whether a selection's own text (often a shortened preview) is the text at its place."""
    want = _collapse(normalise_text(carried))
    for ellipsis in ("\u2026", "..."):
        if want.endswith(ellipsis) and len(want) > len(ellipsis):
            want = want[: -len(ellipsis)].rstrip()
            return bool(want) and _collapse(found).startswith(want)
    return bool(want) and _collapse(found) == want


class SourceText:
    """A source's text as its file holds it (BOM removed) and as qcoder stores it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text, self._origins = normalise_with_map(raw)
        self._crlf = [m.start() for m in re.finditer("\r\n", raw)]
        self._astral = [m.start() for m in _ASTRAL.finditer(raw)]
        # astral positions as counted with CRLF as one character
        self._astral_lf = [a - bisect_left(self._crlf, a) for a in self._astral]
        # where each CRLF sits when CRLF counts as one
        self._crlf_lf = [c - k for k, c in enumerate(self._crlf)]
        # in UTF-16 units: where each astral character's surrogate pair ends
        self._pair_ends = {two: [a + k + 2 for k, a in enumerate(self._astral if two
                                                                 else self._astral_lf)]
                           for two in (True, False)}

    def distinct(self, units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        """The units that count this text differently, the first of each alike group kept:
        without CRLF the CRLF-as-two units count as the others, without characters beyond
        UTF-16's basic plane the UTF-16 units count as code points."""
        seen, kept = set(), []
        for unit in units:
            key = (unit.utf16 and bool(self._astral), unit.crlf_two and bool(self._crlf))
            if key not in seen:
                seen.add(key)
                kept.append(unit)
        return tuple(kept)

    def _to_raw(self, unit: Unit, pos: int) -> int | None:
        """Index into `raw` of a position counted in `unit`; None if it splits a character."""
        if pos < 0:
            return None
        if unit.utf16:
            astral = self._astral if unit.crlf_two else self._astral_lf
            before = bisect_right(self._pair_ends[unit.crlf_two], pos)
            if before < len(astral) and astral[before] + before < pos:
                return None  # between the two halves of a surrogate pair
            pos -= before
        if not unit.crlf_two:
            pos += bisect_left(self._crlf_lf, pos)
        elif pos and pos < len(self.raw) and self.raw[pos - 1] == "\r" and self.raw[pos] == "\n":
            pos -= 1  # between CR and LF: the line end is one character to qcoder
        return pos if pos <= len(self.raw) else None

    def _to_text(self, raw_pos: int) -> int:
        return bisect_left(self._origins, raw_pos)

    def place(self, unit: Unit, start: int, end: int) -> tuple[int, int] | None:
        """[start, end) in `unit` as offsets into the stored text; None if it does not fit."""
        a, b = self._to_raw(unit, start), self._to_raw(unit, end)
        if a is None or b is None or b <= a:
            return None
        a, b = self._to_text(a), self._to_text(b)
        return (a, b) if b > a else None

    def boundary_score(self, span: tuple[int, int]) -> int:
        """0-2: whether a span starts and ends where a word (or a run of punctuation) does."""
        text, (a, b) = self.text, span
        good_start = (a == 0 or not text[a - 1].isalnum()) and not text[a].isspace()
        good_end = (b == len(text) or not text[b].isalnum()) and not text[b - 1].isspace()
        return good_start + good_end


@dataclass
class Selection:
    """One selection as the file gives it, and where it landed."""

    start: int
    end: int
    carried: str = ""
    span: tuple[int, int] | None = None
    outcome: str = ""  # verified | relocated | converted | as given | unplaced
    why: str = ""


@dataclass
class Placement:
    """How one source's selections were placed: the unit chosen, why, and the outcomes."""

    unit: Unit
    decided_by: str
    selections: list[Selection] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.selections if s.outcome == outcome)

    def as_json(self) -> dict[str, object]:
        return {"unit": self.unit.key, "decided_by": self.decided_by,
                "selections": len(self.selections),
                **{k.replace(" ", "_"): self.count(k) for k in
                   ("verified", "relocated", "converted", "as given", "unplaced")}}


def _score(source: SourceText, unit: Unit, selections: list[Selection]) -> tuple[int, int, int]:
    matched = placed = boundaries = 0
    for sel in selections:
        span = source.place(unit, sel.start, sel.end)
        if span is None:
            continue
        placed += 1
        boundaries += source.boundary_score(span)
        if sel.carried and text_matches(sel.carried, source.text[span[0]:span[1]]):
            matched += 1
    return matched, placed, boundaries


def choose_unit(source: SourceText, selections: list[Selection],
                candidates: tuple[Unit, ...]) -> tuple[Unit, str, bool]:
    """The unit for this source, what decided it, and whether carried texts are real texts."""
    if len(candidates) == 1:
        return candidates[0], "stated by the file", True
    distinct = source.distinct(candidates)
    if len(distinct) == 1:
        return distinct[0], "all units agree on this text", True
    scores = {u: _score(source, u, selections) for u in distinct}
    best = max(distinct, key=lambda u: scores[u])  # max keeps the first of equals
    carried = sum(1 for s in selections if s.carried)
    texts_real = carried > 0 and scores[best][0] * 2 >= carried
    # what told the best unit from the runner-up: the last criterion needed for any other
    needed = 0
    for other in distinct:
        if other is not best:
            differs = [i for i in range(3) if scores[best][i] != scores[other][i]]
            needed = max(needed, differs[0] if differs else 3)
    reasons = ("decided by the selections' own texts", "decided by which positions fit the text",
               "decided by word boundaries",
               "nothing told the units apart: the exporting program's habit")
    return best, reasons[needed], texts_real


def _relocate(text: str, carried: str, near: int) -> tuple[int, int] | None:
    """The occurrence of a selection's text closest to where its positions point."""
    words = _collapse(normalise_text(carried)).rstrip("\u2026").removesuffix("...").split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    best = None
    for m in pattern.finditer(text):
        if best is None or abs(m.start() - near) < abs(best.start() - near):
            best = m
    return (best.start(), best.end()) if best else None


def place_selections(source: SourceText, selections: list[Selection],
                     candidates: tuple[Unit, ...]) -> Placement:
    """Choose the source's unit and place each selection, recording how it went."""
    unit, decided_by, texts_real = choose_unit(source, selections, candidates)
    for sel in selections:
        span = source.place(unit, sel.start, sel.end)
        if span is None:
            sel.outcome, sel.why = "unplaced", (
                f"positions {sel.start}-{sel.end} do not fit the text ({unit.label})")
            continue
        if texts_real and sel.carried:
            if text_matches(sel.carried, source.text[span[0]:span[1]]):
                sel.span, sel.outcome = span, "verified"
                continue
            moved = _relocate(source.text, sel.carried, span[0])
            if moved is None:
                sel.outcome, sel.why = "unplaced", (
                    f"its text {sel.carried[:40]!r} is not at positions {sel.start}-{sel.end} "
                    "nor anywhere else in the source")
            else:
                sel.span, sel.outcome = moved, "relocated"
            continue
        sel.span = span
        sel.outcome = "as given" if span == (sel.start, sel.end) else "converted"
    return Placement(unit, decided_by, selections)

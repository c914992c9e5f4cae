"""Timed cues (from .vtt and .srt) turned into a transcript: one turn per run of one speaker.

Speakers come from WebVTT voice tags (`<v Sara Jensen>`, as Teams writes them), from a
`Name: text` prefix (as Zoom writes them), or from a user's speaker pattern. Consecutive cues of
one speaker are merged into one turn that keeps the first cue's start and the last cue's end
time. The text reads like a plain transcript: `Name: speech` per turn, one line each.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...errors import QcoderError
from ..transcript import Turn
from .extracted import Extracted
from .structure import NAME, parse_time

_TIME = r"\d+(?::\d{1,2}){1,2}(?:[.,]\d+)?"
TIMING = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")
_PREFIX = re.compile(rf"^\s*(?:>>\s*)?(?P<name>{NAME})\s*:\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MAX_LABEL_WORDS = 4


@dataclass
class Cue:
    line: int
    start: float
    end: float
    payload: list[str]


@dataclass
class _Segment:
    speaker: str | None
    text: str
    start: float
    end: float


def timing(line: str) -> tuple[float, float] | None:
    m = TIMING.match(line)
    if not m:
        return None
    return parse_time(m.group(1)), parse_time(m.group(2))


def take_cue(line: int, block: list[str], at: int, cues: list[Cue], bad: list[int]) -> None:
    """Read block[at] as the timing line and what follows as the cue's text; a timing line
    that does not parse is noted (by its line number) as a malformed cue."""
    times = timing(block[at])
    if times is None:
        bad.append(line + at)
    else:
        cues.append(Cue(line + at, times[0], times[1], block[at + 1:]))


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks with the 1-based line number of their first line."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            out.append((first, current))
            current = []
    if current:
        out.append((first, current))
    return out


def _clean(text: str) -> str:
    text = html.unescape(_TAG.sub("", text))
    text = text.replace("\u200e", "").replace("\u200f", "")
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _name(raw: str) -> str:
    return unicodedata.normalize("NFC", " ".join(html.unescape(raw).split()))


def _join(lines: list[str]) -> str:
    """Subtitle lines joined with spaces, except dialogue lines (`- ...`), which keep theirs."""
    lines = [ln for ln in lines if ln]
    if len(lines) > 1 and all(ln.startswith(("-", "–")) for ln in lines):
        return "\n".join(lines)
    return " ".join(lines)


def _voice_segments(cue: Cue) -> list[_Segment] | None:
    """Split a cue at its `<v Name>` tags; None when it has none."""
    payload = "\n".join(cue.payload)
    tags = list(_VOICE.finditer(payload))
    if not tags:
        return None
    out = []
    if payload[: tags[0].start()].strip():
        out.append(_Segment(None, payload[: tags[0].start()], cue.start, cue.end))
    for i, tag in enumerate(tags):
        stop = tags[i + 1].start() if i + 1 < len(tags) else len(payload)
        name = _name(tag.group(1) or "") or None
        out.append(_Segment(name, payload[tag.end():stop], cue.start, cue.end))
    return out


def _label_of(text: str, pattern: re.Pattern[str] | None) -> tuple[str, str] | None:
    m = (pattern or _PREFIX).match(text)
    if not m or not m.groupdict().get("name"):
        return None
    name = _name(m.group("name"))
    if not name or len(name.split()) > _MAX_LABEL_WORDS:
        return None
    return name, text[m.end():]


def segments(cues: list[Cue], speaker_pattern: str | None = None) -> list[_Segment]:
    """Cues as speaker segments. A `Name:` prefix counts when the name recurs, or when most
    cues carry such a prefix (then even a speaker who speaks once is a speaker)."""
    pattern = None
    if speaker_pattern:
        try:
            pattern = re.compile(speaker_pattern)
        except re.error as exc:
            raise QcoderError(
                f"the speaker pattern {speaker_pattern!r} is not a valid regular expression: {exc}"
            ) from None
        if "name" not in pattern.groupindex:
            raise QcoderError(f"the speaker pattern {speaker_pattern!r} needs a named group "
                              "(?P<name>...) for the speaker")
    raw: list[_Segment] = []
    for cue in cues:
        voiced = _voice_segments(cue)
        if voiced is not None:
            raw.extend(voiced)
        else:
            raw.append(_Segment(None, "\n".join(cue.payload), cue.start, cue.end))
    prefixed: dict[int, tuple[str, str]] = {}
    for i, seg in enumerate(raw):
        if seg.speaker is None:
            found = _label_of(_TAG.sub("", seg.text).lstrip(), pattern)
            if found:
                prefixed[i] = found
    counts: dict[str, int] = {}
    for name, _rest in prefixed.values():
        counts[name] = counts.get(name, 0) + 1
    most = len(prefixed) >= 0.5 * max(1, sum(1 for s in raw if s.speaker is None))
    for i, (name, rest) in prefixed.items():
        if pattern is not None or most or counts[name] >= 2:
            raw[i] = _Segment(name, rest, raw[i].start, raw[i].end)
    out = []
    for seg in raw:
        text = _join([_clean(line) for line in seg.text.split("\n")])
        if text:
            out.append(_Segment(seg.speaker, text, seg.start, seg.end))
    return out


def render(cues: list[Cue], warnings: list[str], speaker_pattern: str | None = None) -> Extracted:
    """Normalised text and turns: consecutive segments of one speaker become one turn."""
    merged: list[_Segment] = []
    for seg in segments(cues, speaker_pattern):
        last = merged[-1] if merged else None
        if last is not None and seg.speaker is not None and seg.speaker == last.speaker:
            last.text += " " + seg.text
            last.end = max(last.end, seg.end)
        else:
            merged.append(_Segment(seg.speaker, seg.text, seg.start, seg.end))
    pieces, turns, offset = [], [], 0
    for seg in merged:
        label = f"{seg.speaker}: " if seg.speaker else ""
        line = label + seg.text + "\n"
        if seg.speaker:
            start = offset + len(label)
            turns.append(Turn(start, start + len(seg.text), seg.speaker, seg.start, seg.end))
        pieces.append(line)
        offset += len(line)
    return Extracted("".join(pieces), turns, warnings)


def skipped(path: Path, lines: list[int], what: str) -> list[str]:
    """One warning naming the skipped cues' line numbers (the first twenty)."""
    if not lines:
        return []
    shown = ", ".join(str(n) for n in lines[:20]) + (" ..." if len(lines) > 20 else "")
    return [f"{path}: skipped {len(lines)} malformed cue(s) ({what}) at line(s) {shown}"]


def empty(path: Path) -> str:
    return f"{path}: the file is empty: it has no text to import"

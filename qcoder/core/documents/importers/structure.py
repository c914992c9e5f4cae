"""Finding speaker turns and (vignette) sections in plain transcript text.

A line-initial label counts as a speaker when it recurs in the document: `I:`, `Sara:`,
`Anders Jensen:`, `[id1]`, `[00:01:23] Sara:`, or a Teams/Word header line `Sara Jensen  0:03`
followed by the speech. A turn covers the speech after its label up to the next label or
section marker, so "code the whole turn" and turn-level agreement never include the label.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...errors import QcoderError
from ..transcript import Span, Turn

NAME = r"[^\W\d_][\w.'’\- ]{0,38}?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"

#: Built-in label shapes, tried in order; each has a `name` group and may have `time`.
SPEAKER_PATTERNS = [
    # [00:01:23] Sara: text   /   (00:01:23) Sara: text   /   00:01:23 Sara: text
    re.compile(rf"^[\[(]?(?P<time>{_TIME})[\])]?[ \t]*(?P<name>{NAME})\s*:[ \t]*", re.MULTILINE),
    # Sara Jensen  0:03   (Teams/Word export: the speech follows on the next line)
    re.compile(rf"^(?P<name>{NAME})[ \t]+(?P<time>{_TIME})[ \t]*$\n?", re.MULTILINE),
    # [id1] text   (QualCoder example style)
    re.compile(r"^\[(?P<name>[^\]\n:]{1,24})\][ \t]*", re.MULTILINE),
    # Sara: text   /   I: text   /   S1: text
    re.compile(rf"^(?P<name>{NAME}|[A-ZÆØÅ]{{1,3}}\d{{0,2}})[ \t]*:[ \t]*", re.MULTILINE),
]

#: Section markers: `## Vignet 2`, `Vignet 2: Kira, 4`, `[Vignet: Kira]`.
SECTION_PATTERN = re.compile(
    r"^(?:#{1,4}[ \t]*(?P<h>[^\n]+?)|(?P<v>Vignet(?:te)?[ \t]*\d+[^\n]*?)"
    r"|\[(?P<b>Vignet(?:te)?:?[^\]\n]*)\])[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

_INTERVIEWER = re.compile(
    r"^(I\d?|INT|Q|Interviewer|Intervieweren|Interviewerin|Interviewer \d+|Intervjuare|"
    r"Moderator|Moderatoren|Ordstyrer|Spørger|Facilitator|Researcher|Forsker)$",
    re.IGNORECASE,
)
_MAX_LABEL_WORDS = 4


@dataclass
class _Label:
    line_start: int
    speech_start: int
    name: str
    time: float | None


def parse_time(value: str) -> float:
    """Seconds from "1:02:03.5", "02:03,5" or "3"."""
    value = value.replace(",", ".")
    parts = value.split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def _compile(pattern: str | None, what: str) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        compiled = re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise QcoderError(
            f"the {what} pattern {pattern!r} is not a valid regular expression: {exc}") from None
    if what == "speaker" and "name" not in compiled.groupindex:
        raise QcoderError(
            f"the speaker pattern {pattern!r} needs a named group (?P<name>...) for the speaker"
        )
    return compiled


def _rstrip_end(text: str, stop: int) -> int:
    """The end of text[:stop] without trailing whitespace, without copying the text."""
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    return stop


def _line_starts(text: str) -> Iterator[int]:
    """Where each line begins (a generator: a 50 MB transcript has a million lines)."""
    if text:
        yield 0
    for m in re.finditer("\n", text):
        if m.end() < len(text):
            yield m.end()


def find_sections(text: str, pattern: str | None = None) -> list[Span]:
    compiled = _compile(pattern, "section") or SECTION_PATTERN
    markers = []
    for m in compiled.finditer(text):
        if m.start() and text[m.start() - 1] != "\n":
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        label = (groups.get("name") or next(iter(groups.values()), None) or m.group(0)).strip()
        markers.append((m.start(), m.end(), label.strip(" :[]#")))
    sections = []
    for i, (start, _end, label) in enumerate(markers):
        stop = markers[i + 1][0] if i + 1 < len(markers) else len(text)
        sections.append(Span(start, _rstrip_end(text, stop), label))
    return sections


def _labels(text: str, pattern: re.Pattern[str] | None, blocked: set[int]) -> list[_Label]:
    patterns = [pattern] if pattern else SPEAKER_PATTERNS
    found = []
    for line_start in _line_starts(text):
        if line_start in blocked:
            continue
        for pat in patterns:
            m = pat.match(text, line_start)
            if not m:
                continue
            name = " ".join(m.group("name").split())
            if not name or len(name.split()) > _MAX_LABEL_WORDS:
                continue
            time = m.groupdict().get("time")
            found.append(_Label(line_start, m.end(), name, parse_time(time) if time else None))
            break
    return found


def find_turns(text: str, pattern: str | None = None,
               sections: list[Span] | None = None) -> tuple[list[Turn], set[str]]:
    """Turns and the guessed interviewer names.

    A label that occurs only once is not a speaker, unless it carries a timestamp in a document
    with several timestamped labels (Teams/Word exports, `[00:01:23] Name:`).
    """
    sections = sections or []
    blocked = {s.start for s in sections}
    labels = _labels(text, _compile(pattern, "speaker"), blocked)
    counts = Counter(lab.name for lab in labels)
    min_count = 1 if pattern else 2
    # a timestamped label is evidence enough once the document uses that shape throughout
    timed = sum(lab.time is not None for lab in labels) >= 3
    labels = [lab for lab in labels
              if counts[lab.name] >= min_count or (timed and lab.time is not None)]
    # a turn ends at the next label or section marker, whichever comes first
    stops = sorted({lab.line_start for lab in labels} | blocked | {len(text)})
    turns = []
    for lab in labels:
        stop = stops[bisect.bisect_right(stops, lab.line_start)]
        end = _rstrip_end(text, stop)
        start = lab.speech_start
        while start < end and text[start] in " \t\n":
            start += 1
        if end > start:
            turns.append(Turn(start, end, lab.name, lab.time))
    for prev, nxt in zip(turns, turns[1:]):
        if prev.time_start is not None and nxt.time_start is not None:
            prev.time_end = nxt.time_start
    return turns, guess_interviewers(turns, text)


def guess_interviewers(turns: list[Turn], text: str) -> set[str]:
    """Speakers named like an interviewer; else the one who clearly asks the questions.

    Without a telling name, the speaker whose turns most often hold a question mark (at least
    half of them, and twice the rate of anyone else) is guessed; with two speakers of three or
    more turns each, failing that, the one whose turns are much shorter. The user can correct
    the guess.
    """
    names = {t.speaker for t in turns}
    named = {n for n in names if _INTERVIEWER.match(n)}
    if named or len(names) < 2:
        return named
    length: Counter[str] = Counter()
    count: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    for t in turns:
        length[t.speaker] += t.end - t.start
        count[t.speaker] += 1
        asks[t.speaker] += "?" in text[t.start:t.end]
    rate = sorted(((asks[n] / count[n], n) for n in names), reverse=True)
    (best, who), (second, _) = rate[0], rate[1]
    if count[who] >= 2 and best >= 0.5 and best >= 2 * second:
        return {who}
    if len(names) != 2 or min(count.values()) < 3:
        return set()
    a, b = sorted(names, key=lambda n: length[n] / count[n])
    return {a} if length[a] / count[a] < 0.5 * length[b] / count[b] else set()

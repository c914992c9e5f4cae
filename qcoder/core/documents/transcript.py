"""What an importer hands to the project: normalised text plus its structure.

Offsets everywhere are code-point indices into `text`, which is normalised exactly once here
(NFC, LF line ends, no trailing spaces). Turns, pages and sections are [start, end) ranges.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no trailing spaces or tabs, no BOM."""
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _TRAILING_SPACE.sub("", text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Turn:
    start: int
    end: int
    speaker: str
    time_start: float | None = None
    time_end: float | None = None


@dataclass
class Span:
    """A page (label = page number as text) or a section (label = its name)."""

    start: int
    end: int
    label: str


@dataclass
class Transcript:
    text: str
    turns: list[Turn] = field(default_factory=list)
    pages: list[Span] = field(default_factory=list)
    sections: list[Span] = field(default_factory=list)
    interviewers: set[str] = field(default_factory=set)
    source_name: str = ""
    import_format: str = "txt"
    #: Things the importer skipped or guessed, for the user to read (e.g. malformed cues).
    warnings: list[str] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            seen.setdefault(turn.speaker, None)
        return list(seen)

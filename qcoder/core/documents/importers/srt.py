"""SubRip subtitles (.srt), as Whisper and many transcription services write them.

Each cue is an optional number, a timing line `00:00:01,000 --> 00:00:04,000` and its text. A
block without a readable timing line is skipped and reported by line number.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputFileError
from ..transcript import normalise_text
from .cues import Cue, blocks, empty, render, skipped, take_cue
from .extracted import Extracted
from .txt import read_text_file


def parse(text: str) -> tuple[list[Cue], list[int]]:
    cues: list[Cue] = []
    bad: list[int] = []
    for line, block in blocks(text):
        at = 1 if block[0].strip().isdigit() and len(block) > 1 else 0
        take_cue(line, block, at, cues, bad)
    return cues, bad


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    text = normalise_text(read_text_file(path))
    if not text.strip():
        raise InputFileError(empty(path))
    cues, bad = parse(text)
    if not cues:
        raise InputFileError(
            f"{path}: no readable subtitles (each needs a line like "
            "'00:00:01,000 --> 00:00:04,000' followed by its text)"
            + (f"; malformed cues at line(s) {', '.join(map(str, bad[:20]))}" if bad else "")
        )
    return render(cues, skipped(path, bad, "no valid 'start --> end' timing line"), speaker_pattern)

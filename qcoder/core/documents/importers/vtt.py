"""WebVTT captions and transcripts (Teams, Zoom, Whisper and similar tools).

The file must start with `WEBVTT`. NOTE, STYLE and REGION blocks are skipped; a cue whose timing
line cannot be read is skipped and reported by line number, the rest is imported.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputFileError
from ..transcript import normalise_text
from .cues import Cue, blocks, empty, render, skipped, take_cue
from .extracted import Extracted
from .txt import read_text_file

_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION")


def parse(text: str, path: Path) -> tuple[list[Cue], list[int]]:
    """The cues and the line numbers of malformed ones."""
    found = blocks(text)
    if not found or not found[0][1][0].startswith("WEBVTT"):
        raise InputFileError(
            f"{path}: line 1 is not 'WEBVTT', so this is not a WebVTT file; "
            "if it is SubRip (numbered cues, times like 00:00:01,000), rename it to .srt"
        )
    cues: list[Cue] = []
    bad: list[int] = []
    for line, block in found[1:]:
        head = block[0].split(maxsplit=1)[0] if block[0].split() else ""
        if head in _SKIP_BLOCKS:
            continue
        if "-->" in block[0]:
            at = 0
        elif len(block) > 1 and "-->" in block[1]:
            at = 1
        else:
            bad.append(line)
            continue
        take_cue(line, block, at, cues, bad)
    return cues, bad


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    text = normalise_text(read_text_file(path))
    if not text.strip():
        raise InputFileError(empty(path))
    cues, bad = parse(text, path)
    if not cues:
        raise InputFileError(
            f"{path}: no readable cues (a cue is a line 'start --> end' followed by its text)"
            + (f"; malformed cues at line(s) {', '.join(map(str, bad[:20]))}" if bad else "")
        )
    return render(cues, skipped(path, bad, "no valid 'start --> end' timing line"), speaker_pattern)

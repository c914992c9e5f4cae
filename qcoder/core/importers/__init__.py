"""Importers: one module per format, each turning a file into a Transcript.

`read_transcript(path)` picks the importer by file extension, normalises the text once and
detects pages, sections and speaker turns.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputFileError
from ..transcript import Span, Transcript, normalise_text
from .structure import find_sections, find_turns
from .txt import read_text_file

FORMATS = {".txt": "txt"}


def split_pages(text: str) -> tuple[str, list[Span]]:
    """Turn form feeds into page boundaries; the form feeds themselves leave the text."""
    if "\f" not in text:
        return text, []
    parts = text.split("\f")
    pages, pieces, offset = [], [], 0
    for number, part in enumerate(parts, start=1):
        if number > 1:
            pieces.append("\n")
            offset += 1
        pieces.append(part)
        pages.append(Span(offset, offset + len(part), str(number)))
        offset += len(part)
    return "".join(pieces), pages


def structure(text: str, source_name: str, import_format: str, *, pages=None,
              speaker_pattern: str | None = None,
              section_pattern: str | None = None) -> Transcript:
    """Build a Transcript from already normalised text: sections first, then turns."""
    sections = find_sections(text, section_pattern)
    turns, interviewers = find_turns(text, speaker_pattern, sections)
    return Transcript(text=text, turns=turns, pages=pages or [], sections=sections,
                      interviewers=interviewers, source_name=source_name,
                      import_format=import_format)


def read_transcript(path: str | Path, *, speaker_pattern: str | None = None,
                    section_pattern: str | None = None) -> Transcript:
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputFileError(
            f"{path}: unknown transcript format {path.suffix!r}; "
            f"qcoder reads {', '.join(sorted(FORMATS))}"
        )
    text, pages = split_pages(normalise_text(read_text_file(path)))
    if not text.strip():
        raise InputFileError(f"{path}: the file is empty; nothing to import")
    return structure(text, path.name, fmt, pages=pages, speaker_pattern=speaker_pattern,
                     section_pattern=section_pattern)

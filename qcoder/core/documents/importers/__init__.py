"""Importers: one module per format, each turning a file into a Transcript.

A format module's `read(path, speaker_pattern)` returns an `Extracted`: raw text with form feeds
where pages break, or (for cue formats such as .vtt and .srt) finished, normalised text with its
speaker turns. `read_transcript(path)` picks the module by file extension, normalises the text
once and detects pages, sections and speaker turns.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputFileError
from ..transcript import Span, Transcript, Turn, normalise_text
from .extracted import Extracted
from .structure import find_sections, find_turns, guess_interviewers

#: File extension -> format module (and the format name stored on the document).
FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
    ".odt": "odt", ".rtf": "rtf", ".pdf": "pdf", ".vtt": "vtt", ".srt": "srt",
}
#: Formats people try that qcoder cannot read, with what to do instead.
_CONVERT_HINTS = {
    ".doc": "open it in Word and save it as .docx",
    ".pages": "export it from Pages as .docx",
    ".wpd": "save it as .docx",
    ".xlsx": "spreadsheets hold case attributes: use `qcoder attributes`",
    ".csv": "spreadsheets hold case attributes: use `qcoder attributes`",
}


_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")
_ENDS_LINE = re.compile(r"\n[ \t]*$")


@dataclass
class _Page:
    number: int
    text: str
    line_break: bool  # joins the page before at a line boundary


def split_pages(text: str) -> tuple[str, list[Span]]:
    """Turn form feeds into page boundaries; the form feeds themselves leave the text.

    A break between lines joins the pages with one line break (blank lines at page edges are
    dropped); a break inside a line (Word breaks pages mid-paragraph) joins them directly, so the
    sentence reads on. A page left empty keeps its number but gets no range, so later pages
    keep theirs.
    """
    if "\f" not in text:
        return text, []
    kept: list[_Page] = []
    at_line_start = True
    for number, part in enumerate(text.split("\f"), start=1):
        if not part.strip():
            at_line_start = True
            continue
        line_break = at_line_start or bool(_LEADING_BLANK_LINES.match(part))
        if line_break:
            part = _LEADING_BLANK_LINES.sub("", part)
            if kept:
                kept[-1].text = kept[-1].text.rstrip()
        at_line_start = bool(_ENDS_LINE.search(part))
        kept.append(_Page(number, part, line_break))
    if kept:
        kept[-1].text = kept[-1].text.rstrip()
    pieces, pages, offset = [], [], 0
    for i, page in enumerate(kept):
        if i and page.line_break:
            pieces.append("\n")
            offset += 1
        lead = len(page.text) - len(page.text.lstrip())
        pieces.append(page.text)
        pages.append(Span(offset + lead, offset + len(page.text), str(page.number)))
        offset += len(page.text)
    return "".join(pieces), pages


def structure(text: str, source_name: str, import_format: str, *, pages: list[Span] | None = None,
              turns: list[Turn] | None = None,
              speaker_pattern: str | None = None,
              section_pattern: str | None = None) -> Transcript:
    """Build a Transcript from normalised text: sections first, then turns (unless given)."""
    sections = find_sections(text, section_pattern)
    if turns is None:
        turns, interviewers = find_turns(text, speaker_pattern, sections)
    else:
        interviewers = guess_interviewers(turns, text)
    return Transcript(text=text, turns=turns, pages=pages or [], sections=sections,
                      interviewers=interviewers, source_name=source_name,
                      import_format=import_format)


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        hint = _CONVERT_HINTS.get(suffix)
        known = ", ".join(sorted(FORMATS))
        raise InputFileError(
            f"{path}: qcoder cannot import {suffix or 'files without an extension'}; "
            + (hint + "." if hint else f"it reads {known}.")
        )
    return fmt


def read_transcript(path: str | Path, *, speaker_pattern: str | None = None,
                    section_pattern: str | None = None,
                    stage: Callable[[str], None] | None = None) -> Transcript:
    """Read and structure one file; `stage(what)` hears each step (for long files)."""
    stage = stage or (lambda what: None)
    path = Path(path)
    fmt = format_of(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    reader = importlib.import_module(f"{__name__}.{fmt}")
    stage("reading")
    found: Extracted = reader.read(path, speaker_pattern=speaker_pattern)
    if found.turns is None:
        text, pages = split_pages(normalise_text(found.text))
    else:
        text, pages = found.text, []
    if not text.strip():
        raise InputFileError(f"{path}: the file is empty: it has no text to import")
    stage("finding speakers, pages and sections")
    transcript = structure(text, path.name, fmt, pages=pages, turns=found.turns,
                           speaker_pattern=speaker_pattern, section_pattern=section_pattern)
    transcript.warnings.extend(found.warnings)
    return transcript

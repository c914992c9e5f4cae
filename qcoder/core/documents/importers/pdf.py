"""PDF transcripts through their text layer (pypdf): one page per PDF page.

Lines that repeat at the top or bottom of most pages (running headers and footers, with their
page numbers) and bare page-number lines are dropped; a word hyphenated at a line end is joined
again ("kommune-/plan" -> "kommuneplan", but "Syd- og" stays). A PDF without a text layer
(a scan) is refused with a hint to run OCR first; an encrypted one with a hint to unlock it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputFileError
from .extracted import Extracted

if TYPE_CHECKING:
    from pypdf import PdfReader

_EDGE_LINES = 3
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:side|page|seite|sida|s\.|p\.)\s*)?\d{1,4}"
    r"(?:\s*(?:af|of|von|av|/)\s*\d{1,4})?[\W_]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_HYPHEN = re.compile(r"(\w)[-\u00ad]\n(?!(?:og|eller|samt|and|or|und|oder|och)\b)(?=[^\W\d_])")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb06": "st"})


def _open(path: Path) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError(
                f"{path}: the PDF is protected by a password; open it with the password, "
                "save an unprotected copy (or print to PDF) and import that"
            )
        len(reader.pages)
        return reader
    except InputFileError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as exc:
        if "decrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise InputFileError(
                f"{path}: the PDF is encrypted and cannot be opened ({exc}); save an "
                "unprotected copy and import that"
            ) from None
        raise InputFileError(
            f"{path}: cannot be read as a PDF ({type(exc).__name__}: {exc}); it may be "
            "truncated or damaged - export it again from the program that made it"
        ) from None


def _edge_keys(lines: list[str]) -> set[str]:
    filled = [ln for ln in lines if ln.strip()]
    edges = filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]
    return {_key(ln) for ln in edges}


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def _strip_edges(lines: list[str], running: set[str]) -> list[str]:
    """Drop running header/footer and page-number lines from the top and bottom of a page."""

    def droppable(line: str) -> bool:
        return not line.strip() or _key(line) in running or bool(_PAGE_NUMBER.match(line.strip()))

    start, end = 0, len(lines)
    for _ in range(2 * _EDGE_LINES):
        if start < end and droppable(lines[start]):
            start += 1
    for _ in range(2 * _EDGE_LINES):
        if end > start and droppable(lines[end - 1]):
            end -= 1
    return lines[start:end]


def page_texts(pages: list[str]) -> list[str]:
    """Clean extracted page texts: running headers/footers, page numbers, hyphenation."""
    split = [p.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n").split("\n")
             for p in pages]
    seen = Counter(k for lines in split for k in _edge_keys(lines))
    need = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in seen.items() if n >= need and k.strip("# ")}
    if len(pages) < 2:
        running = set()
    out = []
    for lines in split:
        text = "\n".join(ln.rstrip() for ln in _strip_edges(lines, running))
        out.append(_HYPHEN.sub(r"\1", text).replace("\u00ad", ""))
    return out


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs its repairs of damaged files; our own error message says what matters."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    try:
        with _quiet():
            reader = _open(path)
            raw = [page.extract_text() or "" for page in reader.pages]
    except InputFileError:
        raise
    except Exception as exc:
        raise InputFileError(
            f"{path}: the PDF's text cannot be extracted ({type(exc).__name__}: {exc}); "
            "export it again, or save it as .docx and import that"
        ) from None
    if not any(p.strip() for p in raw):
        raise InputFileError(
            f"{path}: the PDF has no text layer (it is probably scanned images); run OCR on it "
            "first (e.g. `ocrmypdf in.pdf out.pdf`) and import the result"
        )
    blank = [str(i) for i, p in enumerate(raw, start=1) if not p.strip()]
    warnings = [f"{path}: page(s) {', '.join(blank)} have no text layer (images?); "
                "their text is missing unless you run OCR"] if blank else []
    return Extracted("\n\f".join(page_texts(raw)), warnings=warnings)

"""Markdown transcripts: read as text, with inline emphasis, links and escapes removed.

`**Sara:** tekst` becomes `Sara: tekst` so the label is found; headings stay as they are
(`## Vignet 2` marks a section).
"""

from __future__ import annotations

import re
from pathlib import Path

from .extracted import Extracted
from .txt import read_text_file

_RULES = [
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),             # [text](url), images
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),           # **bold**, __bold__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),    # _em_
]
#: Backslash escapes are parked in the private-use area while the rules run, then restored.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_PARK = 0xE000


def strip_markup(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return re.sub("[\uE000-\uE07F]", lambda m: chr(ord(m.group(0)) - _PARK), text)


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    return Extracted(strip_markup(read_text_file(path)))

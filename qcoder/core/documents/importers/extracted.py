"""What a format reader hands back before structure detection."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..transcript import Turn

_LABEL_CELL = re.compile(r"^[^\W\d_][\w.'’\- ]{0,38}:?$")


@dataclass
class Extracted:
    """Raw text with form feeds where pages break; or, from cue formats (.vtt, .srt), finished
    normalised text with its speaker turns already known."""

    text: str
    turns: list[Turn] | None = None
    warnings: list[str] = field(default_factory=list)


def table_row_line(cells: list[str]) -> str:
    """A table row as one line: `Speaker: text` for a two-column speaker table, else cells
    joined by " | "."""
    cells = [" ".join(c.split()) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) == 2 and cells[1] and _LABEL_CELL.match(cells[0]) \
            and len(cells[0].split()) <= 4:
        return f"{cells[0].rstrip(':')}: {cells[1]}"
    return " | ".join(cells)

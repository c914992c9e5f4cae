"""The one place where code-point offsets (qcoder's) meet Qt's UTF-16 positions.

They differ only after characters outside the Basic Multilingual Plane (emoji), which take two
UTF-16 units. For text without such characters both directions are the identity.
"""

from __future__ import annotations

from bisect import bisect_right


class TextPositions:
    def __init__(self, text: str):
        # code-point indices of astral characters, in order
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_right(self._astral, offset - 1)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt, position - 1)

"""Carrying offsets through an edit of a text: a diff of old and new text, asked about positions.

The diff is found line by line, then word by word inside changed lines, then character by
character inside changed words that are still alike (a typo fix), using difflib. A range
[start, end) keeps exactly the characters of it that survived, plus whatever was inserted
between them; text replaced wholly inside it follows it. Where the diff is ambiguous (deleting
one of two identical words, inserting a letter next to the same letter), the range is placed
where its own text still stands in some equally valid reading, and a range partly deleted
keeps what the reading most favourable to it leaves.
"""

from __future__ import annotations

import bisect
import builtins
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Literal

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_CHAR_DIFF_MAX = 200
#: Unchanged stretches shorter than this between two changed lines are diffed with them.
_SHORT_MATCH = 80
_WORD = re.compile(r"\w+")

#: one step of a diff as difflib gives it: (tag, i1, i2, j1, j2), old[i1:i2] became new[j1:j2]
Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]


def _matcher(a: Sequence[str], b: Sequence[str], autojunk: bool = False) -> SequenceMatcher[str]:
    return SequenceMatcher(None, a, b, autojunk=autojunk)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _offsets(pieces: Sequence[str]) -> list[int]:
    out, total = [0], 0
    for piece in pieces:
        total += len(piece)
        out.append(total)
    return out


def _coalesce(opcodes: list[Opcode], offsets: tuple[list[int], list[int]]) -> list[Opcode]:
    """Join changes separated only by a short unchanged stretch into one replacement, so a
    stray match of a short line (a blank line, "Ja.") cannot split one edit in two."""
    ao, _bo = offsets
    out: list[Opcode] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        absorbed = (tag == "equal" and ao[i2] - ao[i1] < _SHORT_MATCH
                    and 0 < k < len(opcodes) - 1 and opcodes[k + 1][0] != "equal")
        if out and out[-1][0] != "equal" and (tag != "equal" or absorbed):
            out[-1] = ("replace", out[-1][1], i2, out[-1][3], j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _refine(old: str, new: str, i0: int, j0: int, level: int, ops: list[Opcode]) -> None:
    """Opcodes for old -> new (placed at i0, j0), diffing lines, then words, then characters."""
    a: Sequence[str]
    b: Sequence[str]
    if level == 0:
        a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    elif level == 1:
        a, b = _tokens(old), _tokens(new)
    else:
        a, b = old, new
    ao, bo = _offsets(a), _offsets(b)
    # at line level, very common lines (blank ones) are not used as anchors: that keeps long
    # transcripts fast; words and characters are matched exactly
    opcodes = _matcher(a, b, autojunk=level == 0).get_opcodes()
    if level == 0:
        opcodes = _coalesce(opcodes, (ao, bo))
    for tag, i1, i2, j1, j2 in opcodes:
        s1, s2, t1, t2 = ao[i1], ao[i2], bo[j1], bo[j2]
        if tag != "equal" and s2 > s1 and t2 > t1 and level < 2:
            sub_old, sub_new = old[s1:s2], new[t1:t2]
            if level == 1 and (max(len(sub_old), len(sub_new)) > _CHAR_DIFF_MAX
                               or _matcher(sub_old, sub_new).quick_ratio() < 0.5):
                ops.append(("replace", i0 + s1, i0 + s2, j0 + t1, j0 + t2))
            else:
                _refine(sub_old, sub_new, i0 + s1, j0 + t1, level + 1, ops)
        elif s2 > s1 or t2 > t1:
            if tag == "replace" and s2 == s1:
                tag = "insert"
            elif tag == "replace" and t2 == t1:
                tag = "delete"
            ops.append((tag, i0 + s1, i0 + s2, j0 + t1, j0 + t2))


def _inside_word(text: str, pos: int) -> bool:
    """Whether position `pos` (between two characters) lies inside a word of `text`."""
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


class OffsetMap:
    """Answers where an old offset or range went in the new text."""

    def __init__(self, old: str, new: str, *, whole_words: bool = False):
        self.old, self.new = old, new
        self.whole_words = whole_words
        self._word_map: OffsetMap | None = None
        limit = min(len(old), len(new))
        prefix = 0
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        if whole_words:
            # the unchanged head and tail do not cut a word that runs across the cut in both
            # texts ("påvirket." must not become "påvirke" + an unchanged "t.")
            while prefix and _inside_word(old, prefix) and _inside_word(new, prefix):
                prefix -= 1
            while (suffix and _inside_word(old, len(old) - suffix)
                   and _inside_word(new, len(new) - suffix)):
                suffix -= 1
        ops: list[Opcode] = [("equal", 0, prefix, 0, prefix)] if prefix else []
        _refine(old[prefix:len(old) - suffix], new[prefix:len(new) - suffix], prefix, prefix, 0,
                ops)
        if suffix:
            ops.append(("equal", len(old) - suffix, len(old), len(new) - suffix, len(new)))
        #: (tag, i1, i2, j1, j2) in order; together they cover old and new without gaps
        self.ops = ops
        self._i1 = [op[1] for op in ops]
        self._i2 = [op[2] for op in ops]
        self._covering = [op for op in ops if op[2] > op[1]]
        self._starts = [op[1] for op in self._covering]
        self.changed = any(op[0] != "equal" for op in ops)

    # -- positions ---------------------------------------------------------------------------
    def _op_at(self, pos: int) -> Opcode:
        return self._covering[bisect.bisect_right(self._starts, pos) - 1]

    def start(self, pos: int) -> int:
        """Where a range starting at old `pos` starts: after text inserted at pos; at the start
        of a replacement when the range starts where the replaced text did."""
        if pos >= len(self.old):
            return len(self.new)
        tag, i1, _i2, j1, j2 = self._op_at(pos)
        if tag == "equal":
            return j1 + pos - i1
        return j1 if pos == i1 else j2

    #: A boundary between characters (a page or section edge) moves like a range start.
    position = start

    def end(self, pos: int) -> int:
        """Where a range ending at old `pos` ends: before text inserted at pos; at the end of a
        replacement when the range ends where the replaced text did."""
        if pos <= 0:
            return 0
        tag, i1, i2, j1, j2 = self._op_at(pos - 1)
        if tag == "equal":
            return j1 + pos - i1
        return j2 if pos == i2 else j1

    # -- ranges ------------------------------------------------------------------------------
    def range(self, start: int, end: int) -> tuple[int, int] | None:
        """Where [start, end) went; None when all of its text was deleted.

        The diff trims the unchanged head and tail character by character, which is exact for
        most edits but can cut a word at the edge of an edit ("påvirket." read as "påvirke"
        plus an unchanged "t.", so a deleted "Det var hårdt." keeps that "t."). A range whose
        text changed is asked again of a diff that keeps words whole at those edges: its answer
        wins when it finds the range's text intact, or when the first answer kept no whole word.
        """
        found = self._range(start, end)
        text = self.old[start:end]
        if found is None or self.whole_words or self.new[found[0]:found[1]] == text:
            return found
        if self._word_map is None:
            self._word_map = OffsetMap(self.old, self.new, whole_words=True)
        other = self._word_map._range(start, end)
        if other is not None and self.new[other[0]:other[1]] == text:
            return other
        return found if self._has_whole_word(*found) else other

    def _range(self, start: int, end: int) -> tuple[int, int] | None:
        if not self.changed:
            return start, end
        ns, ne = self.start(start), self.end(end)
        text = self.old[start:end]
        if self.new[ns:ne] == text:
            return ns, ne
        found = self._ambiguous_place(start, end, ns)
        if found is not None:
            return found
        # a survivor must keep a whole word of the range: a lone full stop is not the coding,
        # and a fragment is so only when no equally valid reading of the diff keeps more
        if ne > ns and (self._has_whole_word(ns, ne) or not _WORD.search(text)):
            return ns, ne
        slid = self._slid_survivor(start, end)
        if slid is not None:
            return slid
        return (ns, ne) if ne > ns and _WORD.search(self.new, ns, ne) else None

    def _near(self, start: int, end: int) -> builtins.range:  # `range` here is the method
        """Indexes of the ops touching old [start, end]."""
        return range(bisect.bisect_left(self._i2, start), bisect.bisect_right(self._i1, end))

    def _slide(self, index: int) -> tuple[int, int]:
        """How far a pure insertion or deletion could move left and right and mean the same
        (within the unchanged text on either side of it)."""
        tag, i1, i2, j1, j2 = self.ops[index]
        if tag == "delete":
            seq, a, b = self.old, i1, i2
        elif tag == "insert":
            seq, a, b = self.new, j1, j2
        else:
            return 0, 0

        def room(k: int) -> int:
            ok = 0 <= k < len(self.ops) and self.ops[k][0] == "equal"
            return self.ops[k][2] - self.ops[k][1] if ok else 0

        left, right = 0, 0
        while left < room(index - 1) and seq[a - left - 1] == seq[b - left - 1]:
            left += 1
        while right < room(index + 1) and seq[a + right] == seq[b + right]:
            right += 1
        return left, right

    def _ambiguous_place(self, start: int, end: int, near: int) -> tuple[int, int] | None:
        """The range's own text, where an equally valid reading of the diff leaves it."""
        lo, hi = start, end
        for index in self._near(start, end):
            tag, i1, i2 = self.ops[index][:3]
            if tag != "equal":
                left, right = self._slide(index)
                lo, hi = min(lo, i1 - left), max(hi, i2 + right)
        window = (self._left_of(lo), self._right_of(hi))
        text = self.old[start:end]
        # sliding a change moves the edges of the unchanged text, never how far it moved: only
        # the shifts of the text before and after each change can carry the range intact (a
        # look-alike of its text in inserted text is no reading of the diff)
        shifted: set[int] = set()
        for index in self._near(lo, hi):
            _tag, i1, i2, j1, j2 = self.ops[index]
            shifted |= {start + j1 - i1, start + j2 - i2}
        fits = [at for at in shifted if window[0] <= at and at + len(text) <= window[1]
                and self.new[at:at + len(text)] == text]
        if not fits:
            return None
        best = min(fits, key=lambda at: (abs(at - near), at))
        return best, best + len(text)

    def _slid_survivor(self, start: int, end: int) -> tuple[int, int] | None:
        """For a range the diff's reading of a deletion leaves no whole word of: what survives
        when the deletion is read shifted as far as it can go (deleting "aaaaa " from
        "aaaaa a " may be read as taking "aaaa a", which leaves a coding of "a a " only a
        space). The reading keeping the most of the range wins. Only a survivor holding a
        whole word counts: a stray full stop, or the "De" of a deleted "Der ..." next to
        "Det", is not the coding surviving."""
        best: tuple[int, int] | None = None
        for index in self._near(start, end):
            tag, i1, i2 = self.ops[index][:3]
            if tag != "delete" or i2 <= start or end <= i1:
                continue
            left, right = self._slide(index)
            for shift in (-left, right):
                place = (self._shifted(index, shift, start, self.start),
                         self._shifted(index, shift, end, self.end))
                if (self._has_whole_word(*place)
                        and (best is None or place[1] - place[0] > best[1] - best[0])):
                    best = place
        return best

    def _shifted(self, index: int, shift: int, pos: int, plain: Callable[[int], int]) -> int:
        """The new offset of old `pos` when deletion `index` is read `shift` characters along.
        Within the stretch it slides over, a position keeps its distance to the deletion;
        outside it the diff's own reading (`plain`) holds."""
        _tag, i1, i2, j1, _j2 = self.ops[index]
        left, right = self._slide(index)
        if not i1 - left <= pos <= i2 + right:
            return plain(pos)
        before = pos - (i1 + shift)
        return j1 + shift + before - min(max(before, 0), i2 - i1)

    def _has_whole_word(self, start: int, end: int) -> bool:
        new = self.new
        for m in _WORD.finditer(new, start, end):
            if (m.start() == 0 or not new[m.start() - 1].isalnum()) and (
                    m.end() == len(new) or not new[m.end()].isalnum()):
                return True
        return False

    def _left_of(self, pos: int) -> int:
        """The new offset of old boundary `pos`, before any text inserted there."""
        index = bisect.bisect_left(self._i1, pos)
        if index < len(self.ops) and self.ops[index][0] == "insert" and self.ops[index][1] == pos:
            return self.ops[index][3]
        return self.start(pos)

    def _right_of(self, pos: int) -> int:
        """The new offset of old boundary `pos`, after any text inserted there."""
        index = bisect.bisect_right(self._i1, pos) - 1
        if index >= 0 and self.ops[index][0] == "insert" and self.ops[index][1] == pos:
            return self.ops[index][4]
        return self.end(pos)

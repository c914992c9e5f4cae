"""The codings of the open document, indexed so that painting asks only about what is on screen.

Codings are filed in fixed-size buckets of the text, so "which codings touch [a, b)" costs the
buckets of that range, never a walk over all codings; scrolling a transcript with thousands of
codings does the same small amount of work at any position. Each coding also gets a stable
stripe lane: the lowest lane free of the codings it overlaps, given once when it arrives, so
stripes never jump sideways while the user codes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from ...core.coding.layers import CodingMark

BUCKET = 2048


class MarkIndex:
    def __init__(self, marks: Iterable[CodingMark] = ()):
        self.by_uuid: dict[str, CodingMark] = {}
        self.lane: dict[str, int] = {}
        self._buckets: dict[int, set[str]] = {}
        ordered = sorted(marks, key=lambda m: (m.start, -m.end, m.uuid))
        # greedy interval partitioning: the fewest lanes, lowest free lane first
        active: list[tuple[int, int]] = []  # (end, lane)
        free: list[int] = []
        lanes = 0
        for mark in ordered:
            while active and active[0][0] <= mark.start:
                heapq.heappush(free, heapq.heappop(active)[1])
            if free:
                lane = heapq.heappop(free)
            else:
                lane, lanes = lanes, lanes + 1
            heapq.heappush(active, (mark.end, lane))
            self._file(mark, lane)

    def __len__(self) -> int:
        return len(self.by_uuid)

    def __iter__(self):
        return iter(self.by_uuid.values())

    @property
    def lanes(self) -> int:
        return max(self.lane.values(), default=-1) + 1

    def _file(self, mark: CodingMark, lane: int) -> None:
        self.by_uuid[mark.uuid] = mark
        self.lane[mark.uuid] = lane
        for b in range(mark.start // BUCKET, (max(mark.end, mark.start + 1) - 1) // BUCKET + 1):
            self._buckets.setdefault(b, set()).add(mark.uuid)

    def overlapping(self, start: int, end: int) -> list[CodingMark]:
        """Codings that share at least one character with [start, end), by start."""
        seen: set[str] = set()
        for b in range(start // BUCKET, (max(end, start + 1) - 1) // BUCKET + 1):
            seen.update(self._buckets.get(b, ()))
        found = [self.by_uuid[u] for u in seen]
        return sorted((m for m in found if m.start < end and m.end > start),
                      key=lambda m: (m.start, -m.end, m.uuid))

    def at(self, pos: int) -> list[CodingMark]:
        return self.overlapping(pos, pos + 1)

    def add(self, mark: CodingMark) -> None:
        """File one new coding in the lowest lane its neighbours leave free."""
        taken = {self.lane[m.uuid] for m in self.overlapping(mark.start, mark.end)}
        lane = next(i for i in range(len(taken) + 1) if i not in taken)
        self._file(mark, lane)

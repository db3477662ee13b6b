"""Sorted, non-overlapping spans with fast look-ups, so checks stay linear in a long source."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class SpanSet:
    """Half-open spans ``[start, end)``; overlapping input spans are merged."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def contains(self, position: int) -> bool:
        """Whether some span holds ``position``."""
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with ``[start, end)``."""
        i = bisect_right(self.starts, end - 1) - 1  # the last span starting before ``end``
        return i >= 0 and self.ends[i] > start

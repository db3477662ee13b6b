"""Progress on long runs: a bar on an interactive terminal, a few quiet lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

# Runs shorter than this show no progress at all.
MIN_ITEMS = 50


def progress(items: Iterable[T], total: int, label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield ``items``, reporting how far along the run is on ``stream`` (stderr).

    On a terminal the bar redraws in place; in CI (not a terminal) a line is printed
    at every quarter, so logs stay short.
    """
    out = stream or sys.stderr
    if total < MIN_ITEMS:
        yield from items
        return
    interactive = out.isatty()
    next_quarter = 1
    for done, item in enumerate(items, start=1):
        yield item
        if interactive:
            width = 30
            filled = width * done // total
            out.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                out.write("\n")
            out.flush()
        elif done * 4 >= next_quarter * total:
            out.write(f"{label}: {done}/{total}\n")
            out.flush()
            next_quarter += 1

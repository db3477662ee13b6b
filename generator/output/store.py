"""Generated files kept on disk as they are made.

A build of thousands of sources makes hundreds of megabytes of pages and data files; held
in memory until the docs folder is written, they were most of the build's peak memory.
A :class:`FileStore` writes each file to a private folder as soon as it is made and reads
it back only when asked, so memory holds one file at a time. It is a read-only
``Mapping[str, bytes]`` to its readers (``check``, ``serve``, the tests) and hands the
writer of the docs folder a path to link or copy instead of bytes.

A forked process may write into the same store (:meth:`adopt` then lists what it wrote):
the files travel by disk, not pickled through a pipe.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class FileStore(Mapping[str, bytes]):
    """Relative path → file content, the contents on disk in a folder of their own
    (``.casefile-files-…`` in ``parent``, by default the system's temporary folder; beside
    the docs folder, the docs folder's files are hard links to it and cost no copy).

    The folder is removed when the store is closed or garbage-collected in the process
    that made it (never by a forked process that wrote into it).
    """

    def __init__(self, parent: Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".casefile-files-", dir=parent)).absolute()
        self._names: set[str] = set()
        self._cleanup = weakref.finalize(self, _remove, self.folder, os.getpid())

    def path(self, rel: str) -> Path:
        """Where the content of ``rel`` is."""
        if rel not in self._names:
            raise KeyError(rel)
        return self.folder / rel

    def __setitem__(self, rel: str, data: bytes) -> None:
        with self.open(rel) as handle:
            handle.write(data)

    @contextmanager
    def open(self, rel: str) -> Iterator[BinaryIO]:
        """A binary file to write ``rel`` into, piece by piece (replacing what it held)."""
        target = self.folder / rel
        if not target.resolve().is_relative_to(self.folder.resolve()):
            raise ValueError(f"{rel!r} is outside the store")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            yield handle
        self._names.add(rel)

    def adopt(self, names: Iterable[str]) -> None:
        """Take in files another process wrote into this store's folder."""
        for rel in names:
            if not (self.folder / rel).is_file():
                raise KeyError(rel)
            self._names.add(rel)

    def same(self, rel: str, other: Path) -> bool:
        """Whether the file at ``other`` holds exactly the content of ``rel``."""
        return other.is_file() and not other.is_symlink() and filecmp.cmp(self.path(rel), other, shallow=False)

    def __getitem__(self, rel: str) -> bytes:
        return self.path(rel).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, rel: object) -> bool:
        return rel in self._names

    def close(self) -> None:
        """Remove the folder and everything in it."""
        self._cleanup()
        self._names.clear()


def scratch_beside(out: Path) -> Path | None:
    """Where a build keeps its files until they are written: beside the docs folder ``out``
    (so that the docs folder's files are hard links to them), or ``None`` (the system's
    temporary folder) when that folder cannot be written."""
    parent = out.absolute().parent
    return parent if parent.is_dir() and os.access(parent, os.W_OK) else None


def _remove(folder: Path, owner: int) -> None:
    if os.getpid() == owner:
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:  # a signal's exception cut the removal short: finish it, then let it go on
            shutil.rmtree(folder, ignore_errors=True)

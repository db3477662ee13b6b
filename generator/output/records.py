"""A section of the case document (``sources``, ``discrepancies``, …) kept on disk.

At thousands of sources the case document is hundreds of thousands of small records; as
Python dicts they took a gigabyte, several times the JSON they become. :class:`Records`
keeps a section as JSON lines in an unnamed temporary file and makes each record again
only while a reader looks at it: ``case.json``, its checks, the dossier and the exports
read the sections one record at a time, several times over, and memory holds a few
records, not the document. Readers that need another order than the section's ask
:func:`ordered`, which sorts the keys, not the records.
"""

from __future__ import annotations

import json
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

Record = Mapping[str, Any]

_CHUNK = 1 << 20


def _line(record: Record) -> bytes:
    try:
        return orjson.dumps(record)
    except (orjson.JSONEncodeError, TypeError):  # beyond what orjson writes (integers over 64 bits)
        return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _load(line: bytes) -> Any:
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


class Records:
    """The records of one section, in the order they were given, kept as JSON lines on disk.

    Iterating makes the records again (fresh dicts each time); the file goes with the object.
    """

    def __init__(self, records: Iterable[Record], folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)
        self._starts = array("q")
        position = 0
        pending: list[bytes] = []
        size = 0
        for record in records:
            line = _line(record) + b"\n"
            self._starts.append(position)
            position += len(line)
            pending.append(line)
            size += len(line)
            if size >= _CHUNK:
                self._file.write(b"".join(pending))
                pending.clear()
                size = 0
        self._file.write(b"".join(pending))
        self._file.flush()
        self._end = position

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return len(self._starts) > 0

    def __iter__(self) -> Iterator[Any]:
        descriptor = self._file.fileno()
        offset, rest = 0, b""
        while offset < self._end:
            block = os.pread(descriptor, min(_CHUNK, self._end - offset), offset)
            offset += len(block)
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            for line in lines:
                yield _load(line)

    def at(self, index: int) -> Any:
        """Record number ``index``."""
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._end
        return _load(os.pread(self._file.fileno(), end - start, start))

    def ordered(self, key: Callable[[Any], Any]) -> Iterator[Any]:
        """The records sorted by ``key`` (stable), made one at a time."""
        order = sorted(range(len(self)), key=[key(record) for record in self].__getitem__)
        for index in order:
            yield self.at(index)

    def close(self) -> None:
        self._file.close()


def ordered(records: Iterable[Any], key: Callable[[Any], Any]) -> Iterator[Any]:
    """``sorted(records, key=key)``, one record at a time when ``records`` are :class:`Records`."""
    if isinstance(records, Records):
        return records.ordered(key)
    return iter(sorted(records, key=key))

"""Site stage: write the generated tree into the docs folder, atomically.

The only stage that writes files. Generated files are listed in ``.generated`` inside
the docs folder (MkDocs skips dot-files); everything not listed there is hand-written and
is never changed or removed. A run builds the complete new docs folder beside the old
one (unchanged and hand-written files as hard links, so it is cheap), then swaps the two
directories in one step (``renameat2(RENAME_EXCHANGE)`` on Linux). A run that fails or
is killed at any point before the swap leaves the docs folder exactly as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import OutputError
from generator.output.store import FileStore

MANIFEST = ".generated"
_MANIFEST_HEADER = (
    "# Files written by `casefile build`; the build deletes them when it stops producing them.\n"
    "# Every other file in this folder is hand-written and never touched.\n"
)


@dataclass(frozen=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    """Generated files whose content is new or changed."""
    removed: tuple[str, ...]
    """Generated files no longer produced, now deleted."""
    unchanged: int
    """Generated files left as they were."""


def manifest_text(paths: list[str]) -> str:
    """The manifest listing ``paths``, sorted, one per line."""
    return _MANIFEST_HEADER + "".join(f"{p}\n" for p in sorted(paths))


def read_manifest(out_dir: Path) -> set[str]:
    """Paths the previous build generated (empty when there was none)."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def _safe_relative(path: str) -> bool:
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def plan(out_dir: Path, files: Mapping[str, bytes]) -> tuple[list[str], list[str], list[str]]:
    """Which generated files would be written, removed, or stay unchanged.

    Raises :class:`OutputError` when a generated path would overwrite a hand-written file.
    """
    previous = read_manifest(out_dir)
    written, unchanged = [], []
    for rel in sorted(files):
        if not _safe_relative(rel):
            raise OutputError(f"refusing to write outside the docs folder: {rel!r}")
        target = out_dir / rel
        if target.exists() or target.is_symlink():
            if rel not in previous:
                raise OutputError(
                    f"{target}:1: a hand-written file is where a generated page must go — "
                    f"rename or move it; the build never overwrites hand-written files")
            if _same_content(files, rel, target):
                unchanged.append(rel)
                continue
        written.append(rel)
    removed = sorted(p for p in previous - set(files) if (out_dir / p).exists())
    return written, removed, unchanged


def stale_files(out_dir: Path, files: Mapping[str, bytes]) -> list[str]:
    """Generated files that differ from ``files``: changed, missing or no longer produced."""
    previous = read_manifest(out_dir)
    stale = []
    for rel in sorted(files):
        target = out_dir / rel
        if not _same_content(files, rel, target):
            stale.append(rel)
    stale.extend(sorted(p for p in previous - set(files) if (out_dir / p).exists()))
    expected_manifest = manifest_text(list(files)).encode("utf-8")
    manifest = out_dir / MANIFEST
    if not manifest.is_file() or manifest.read_bytes() != expected_manifest:
        stale.append(MANIFEST)
    return stale


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_file(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)


def _same_content(files: Mapping[str, bytes], rel: str, target: Path) -> bool:
    """Whether ``target`` is a regular file holding exactly ``files[rel]``."""
    if isinstance(files, FileStore):
        return files.same(rel, target)
    return target.is_file() and not target.is_symlink() and target.read_bytes() == files[rel]


def _put(files: Mapping[str, bytes], rel: str, target: Path) -> None:
    """Write ``files[rel]`` to ``target``: linked (or copied) from a store, written otherwise."""
    if isinstance(files, FileStore):
        _link_or_copy(files.path(rel), target)
    else:
        _write_file(target, files[rel])


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically; ``False`` when the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        err = ctypes.get_errno()
        if err in (errno.ENOSYS, errno.EINVAL, errno.EPERM):
            return False
        raise OSError(err, os.strerror(err), str(a))
    return True


def write_tree(out_dir: Path, files: Mapping[str, bytes]) -> WriteReport:
    """Make the generated part of ``out_dir`` exactly ``files``, all at once.

    Hand-written files are carried over untouched; generated files no longer produced
    are removed. Nothing in ``out_dir`` changes unless the whole write succeeds.
    """
    written, removed, unchanged = plan(out_dir, files)
    manifest = manifest_text(list(files)).encode("utf-8")
    if out_dir.exists() and not written and not removed and (out_dir / MANIFEST).is_file() \
            and (out_dir / MANIFEST).read_bytes() == manifest:
        return WriteReport((), (), len(unchanged))
    out_dir = out_dir.absolute()
    recover(out_dir)
    staging = out_dir.parent / f".{out_dir.name}.casefile-staging-{os.getpid()}"
    try:
        staging.mkdir(parents=True)
        previous = read_manifest(out_dir)
        if out_dir.exists():
            for root, dirs, names in os.walk(out_dir):
                rel_root = Path(root).relative_to(out_dir)
                for name in dirs:
                    (staging / rel_root / name).mkdir(exist_ok=True)
                for name in names:
                    rel = (rel_root / name).as_posix()
                    if rel == MANIFEST or rel in previous:
                        continue  # generated: rewritten or dropped below
                    _link_or_copy(Path(root) / name, staging / rel)
        kept = set(unchanged)
        for rel in sorted(files):
            if rel in kept:
                _link_or_copy(out_dir / rel, staging / rel)
            else:
                _put(files, rel, staging / rel)
        _write_file(staging / MANIFEST, manifest)
        _prune_empty_generated_dirs(staging, previous - set(files))
        if out_dir.exists():
            os.chmod(staging, os.stat(out_dir).st_mode & 0o7777)
            if _exchange(staging, out_dir):
                shutil.rmtree(staging)
            else:
                old = out_dir.parent / f".{out_dir.name}.casefile-old-{os.getpid()}"
                os.rename(out_dir, old)
                os.rename(staging, out_dir)
                shutil.rmtree(old)
        else:
            os.rename(staging, out_dir)
    except BaseException:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(tuple(written), tuple(removed), len(unchanged))


def write_in_place(out_dir: Path, files: Mapping[str, bytes]) -> WriteReport:
    """Rewrite only the generated files that changed, each replaced atomically.

    For ``make serve``: the docs folder itself stays the same directory, so a file
    watcher on it keeps working, and unchanged files keep their modification time, so
    the live server rebuilds only when something really changed. Each file is whole at
    every moment, but a run killed midway can leave some files new and some old (the
    next run completes it); :func:`write_tree` is the all-or-nothing writer.
    """
    written, removed, unchanged = plan(out_dir, files)
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel in written:
        target = out_dir / rel
        temporary = target.parent / f".{target.name}.casefile-{os.getpid()}"
        _put(files, rel, temporary)
        os.replace(temporary, target)
    for rel in removed:
        (out_dir / rel).unlink()
    _prune_empty_generated_dirs(out_dir, set(removed))
    manifest = manifest_text(list(files)).encode("utf-8")
    if not (out_dir / MANIFEST).is_file() or (out_dir / MANIFEST).read_bytes() != manifest:
        temporary = out_dir / f".generated.casefile-{os.getpid()}"
        _write_file(temporary, manifest)
        os.replace(temporary, out_dir / MANIFEST)
    return WriteReport(tuple(written), tuple(removed), len(unchanged))


def recover(out_dir: Path) -> None:
    """Clean up after a run that was killed: restore the docs folder, drop staging copies."""
    out_dir = out_dir.absolute()
    for old in sorted(out_dir.parent.glob(f".{out_dir.name}.casefile-old-*")):
        if not out_dir.exists():
            os.rename(old, out_dir)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for staging in sorted(out_dir.parent.glob(f".{out_dir.name}.casefile-staging-*")):
        shutil.rmtree(staging, ignore_errors=True)


def _prune_empty_generated_dirs(root: Path, removed: set[str]) -> None:
    """Remove folders left empty because their generated files are gone."""
    for rel in sorted(removed, key=lambda p: -p.count("/")):
        parent = (root / rel).parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

"""The seeds folder as ``casefile add`` sees it: what is in it, the next number, and writing a
seed with its sidecar, both or neither.

A seed is named ``NNN_<outlet-slug>.txt``: ``NNN`` one more than the highest number in the folder
(ids never change, so a number is never reused while its seed is there), the outlet's slug (else
the address's host, else the source's own name). The text and the sidecar are written to hidden
temporary files in the folder, the sidecar checked as the build reads it, then linked into
place, the sidecar first: a run stopped at any moment leaves both, or neither, or at worst a
sidecar whose seed is missing, which the build reports.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.errors import SourceError
from generator.ingest.dedup import Fingerprint, fingerprint
from generator.ingest.metadata import FIELDS
from generator.read.sources import MAX_SEED_BYTES, decode_seed, display_path, read_sidecar
from generator.util.slug import slugify

_NUMBERED = re.compile(r"^(\d+)_")
_SLUG_LETTERS = 40  # of the outlet's slug in a seed's name
_TEMPORARY = ".casefile-add-"  # hidden: neither the build nor `casefile serve` reads it


@dataclass(frozen=True)
class NewSeed:
    """A seed ready to be written."""

    stem: str
    """Its file name without extension (``006_coastwatch-news``)."""
    text: str
    """The seed: the paragraphs, separated by blank lines, ending in a newline."""
    sidecar: str
    """The sidecar's YAML."""


def seed_text(paragraphs: Iterable[str]) -> str:
    """The seed of these paragraphs: separated by blank lines, ending in a newline."""
    return "\n\n".join(paragraphs) + "\n"


def next_number(names: Iterable[str]) -> int:
    """One more than the highest ``NNN_`` number of these file names (0 for none)."""
    numbers = [int(m.group(1)) for name in names if (m := _NUMBERED.match(name))]
    return max(numbers) + 1 if numbers else 0


def seed_stem(number: int, outlet: str | None, address: str | None, name: str) -> str:
    """``NNN_<slug>``: the outlet's slug, else the address's host, else ``name``'s."""
    host = (urlsplit(address).hostname or "").removeprefix("www.") if address else ""
    label = outlet or host or Path(name).stem
    slug = slugify(label, fallback="source")[:_SLUG_LETTERS].rstrip("-")
    return f"{number:03d}_{slug}"


def sidecar_yaml(fields: Mapping[str, str], retrieved: dt.date, near_copy_of: str | None, notes: str) -> str:
    """The sidecar: the fields in a fixed order, then ``retrieved``, ``near_copy_of`` and ``notes``."""
    data: dict[str, str] = {key: fields[key] for key in FIELDS if key in fields}
    data["retrieved"] = retrieved.isoformat()
    if near_copy_of:
        data["near_copy_of"] = near_copy_of
    data["notes"] = notes
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return ("# Written by `casefile add`. Check each field against the page; notes says where each came from.\n"
            + body)


def known_seeds(seeds_dir: Path) -> list[Fingerprint]:
    """The fingerprints of the seeds in the folder (by name), with their sidecars' addresses;
    a seed the build could not read is left out (the build reports it)."""
    known = []
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_SEED_BYTES:
                continue
            text, _ = decode_seed(path.read_bytes(), display_path(path))
        except OSError:
            continue
        if text is None:
            continue
        sidecar = path.with_suffix(".yml")
        address = read_sidecar(sidecar)[0].url if sidecar.is_file() else None
        known.append(fingerprint(path.name, text, address))
    return known


def folder_names(seeds_dir: Path) -> list[str]:
    """The names of the files in the seeds folder, for numbering."""
    return sorted(p.name for p in seeds_dir.iterdir()) if seeds_dir.is_dir() else []


def write_seed(seeds_dir: Path, seed: NewSeed) -> tuple[Path, Path]:
    """Write the seed and its sidecar, both or neither; returns their paths."""
    text_path, sidecar_path = seeds_dir / f"{seed.stem}.txt", seeds_dir / f"{seed.stem}.yml"
    if text_path.exists() or sidecar_path.exists():
        raise SourceError(f"{display_path(text_path)} already exists (another run is adding seeds?)",
                          "run casefile add again")
    temporary = []
    try:
        for content in (seed.sidecar, seed.text):
            path = seeds_dir / f"{_TEMPORARY}{secrets.token_hex(8)}.tmp"
            temporary.append(path)
            with open(path, "xb") as handle:
                handle.write(content.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        _, problems = read_sidecar(temporary[0])
        if problems:
            raise AssertionError(f"casefile add wrote a sidecar the build refuses: {problems[0]}")
        _place(temporary[0], sidecar_path)
        try:
            _place(temporary[1], text_path)
        except BaseException:
            sidecar_path.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise SourceError(f"cannot write into {display_path(seeds_dir)} ({exc.strerror or exc})",
                          "check the folder's permissions and free space") from exc
    finally:
        for path in temporary:
            path.unlink(missing_ok=True)
    _sync_folder(seeds_dir)
    return text_path, sidecar_path


def _place(temporary: Path, final: Path) -> None:
    """Give ``temporary`` the name ``final``, never replacing a file of that name: a hard link
    where the file system has them (atomic), else a rename after a check."""
    try:
        os.link(temporary, final)
    except FileExistsError:
        raise
    except OSError:
        if final.exists():
            raise FileExistsError(final) from None
        os.replace(temporary, final)


def _sync_folder(folder: Path) -> None:
    """Make the new names durable (POSIX; elsewhere a no-op)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)

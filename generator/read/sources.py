"""Read stage: seed files, their sidecars and ``case.yml`` into :class:`Source` records.

This is the only stage that reads files. Every problem is collected as a
:class:`~generator.errors.Problem`; the caller aborts once, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from generator.errors import Problem
from generator.lang import canonical_language
from generator.model.source import CaseInfo, Metadata, Paragraph, Source
from generator.read.furniture import mark_furniture
from generator.read.language import detect_language, paragraph_language
from generator.read.segment import segment
from generator.read.yamlfile import load_yaml
from generator.util.slug import slugify

SIDECAR_KEYS = ("title", "outlet", "url", "published", "language", "author", "notes", "retrieved", "near_copy_of")
# Top-level keys of case.yml; the curation keys are read by later stages.
CASE_KEYS = ("title", "summary", "repository", "site_url", "year", "period", "aliases", "merges", "splits", "rejects",
             "types", "translations", "discrepancies")
# Largest seed read; bigger files are refused rather than exhausting memory.
MAX_SEED_BYTES = 64 * 1024 * 1024
# Largest sidecar or case.yml read.
MAX_YAML_BYTES = 1024 * 1024
# Source ids that would collide with a generated page of the same folder.
RESERVED_IDS = frozenset({"index"})
_TITLE_WORDS = 14


@dataclass(frozen=True)
class Corpus:
    """Everything the read stage produces."""

    sources: tuple[Source, ...]
    """The sources, sorted by id."""
    case: CaseInfo
    """What ``case.yml`` says (defaults when it is absent)."""
    warnings: tuple[Problem, ...]
    """Problems that do not stop the build."""


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it.

    Control characters in a file name (a newline, an escape) are shown as ``\\n``,
    ``\\x1b``…, so that every problem stays on one line and nothing reaches the terminal raw.
    """
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        shown = str(path)
    return printable(shown)


def printable(name: str) -> str:
    """``name`` with control characters shown as ``\\n``, ``\\x1b``…: one line, nothing raw on a terminal."""
    return _CONTROL_IN_NAME.sub(lambda m: repr(m.group(0))[1:-1], name)


_CONTROL_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def decode_seed(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8 text of a seed, or the problem that stops it being read."""
    fix_encoding = "save the file as UTF-8 text"
    if not data.strip():
        return None, [Problem(path, 1, "the seed is empty", "add the article's text or remove the file")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data):
        return None, [Problem(path, 1, "the seed is UTF-16 text, not UTF-8", fix_encoding)]
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        return None, [Problem(path, line, f"binary content (NUL byte at byte offset {offset})",
                              "seeds must be plain text; convert the file or remove it")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Problem(path, line, f"invalid UTF-8 at byte offset {exc.start}", fix_encoding)]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, [Problem(path, 1, "the seed holds only whitespace",
                              "add the article's text or remove the file")]
    return text, []


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: most bytes at even or at odd positions are NUL."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    half = len(sample) // 2
    return sample[1::2].count(0) >= 0.8 * half or sample[0::2].count(0) >= 0.8 * half


# Line and paragraph separators other than LF; form feed and vertical tab end lines too.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
# Control characters other than tab and newline are not text: no page can show them.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def normalise_text(text: str) -> str:
    """The text every offset refers to, and every page shows.

    Line ends (CRLF, CR, NEL, U+2028, form feed, vertical tab) become LF and U+2029 a blank
    line; other control characters become U+FFFD; the whole is Unicode NFC.
    """
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _CONTROLS.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def control_characters(text: str) -> tuple[int, int]:
    """How many control characters ``normalise_text`` replaces, and the line of the first."""
    text = _LINE_BREAKS.sub("\n", text)
    found = _CONTROLS.search(text)
    if found is None:
        return 0, 0
    return len(_CONTROLS.findall(text)), text.count("\n", 0, found.start()) + 1


def derive_title(text: str, paragraphs: tuple[Paragraph, ...]) -> str:
    """A title from the text's first sentence, cut to a few words."""
    first = paragraphs[0]
    sentence = first.sentences[0] if first.sentences else first
    words = text[sentence.start:sentence.end].split()
    title = " ".join(words[:_TITLE_WORDS])
    if len(words) > _TITLE_WORDS:
        title = title.rstrip(",;:–—-") + " …"
    return title


def _string(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _check_language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    code = canonical_language(value)
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    return code


def _check_published(value: Any) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed.date() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else parsed
    return None


def _check_day(value: Any) -> dt.date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_seed_name(value: Any) -> str | None:
    """The source id of a seed named by its file name, with or without ``.txt`` (``003_reuters``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return source_id(Path(value.strip().removesuffix(".txt") + ".txt"))


def _check_url(value: Any) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"'`]+", value.strip()) \
            and not any(unicodedata.category(c) in ("Cc", "Cf") for c in value.strip()):
        return value.strip()
    return None


# key -> (checker returning the clean value or None, what is expected)
_FIELD_CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "title": (_string, "non-empty text"),
    "outlet": (_string, "non-empty text"),
    "author": (_string, "non-empty text"),
    "notes": (_string, "non-empty text"),
    "url": (_check_url, "an http:// or https:// address"),
    "published": (_check_published, "a date such as 2017-12-11 or 2017-12-11T09:30:00+01:00"),
    "language": (_check_language, "a language code such as en, nb, de or fr"),
    "retrieved": (_check_day, "a date such as 2024-03-12"),
    "near_copy_of": (_check_seed_name, "the file name of the seed it copies, such as 003_reuters"),
}


def read_sidecar(path: Path) -> tuple[Metadata, list[Problem]]:
    """Validate a sidecar; unknown keys warn, wrong types and bad values are errors."""
    shown = display_path(path)
    raw, problems = _read_text(path)
    if raw is None:
        return Metadata(), problems
    loaded, problems = load_yaml(raw, shown)
    if loaded is None:
        return Metadata(), problems
    if loaded.data is None:
        return Metadata(), problems
    if not isinstance(loaded.data, dict):
        return Metadata(), [*problems, Problem(shown, 1, "the sidecar is not a mapping of keys to values",
                                               "write one 'key: value' per line")]
    values: dict[str, Any] = {}
    for key, value in loaded.data.items():
        line = loaded.line(key)
        if key not in _FIELD_CHECKS:
            problems.append(Problem(shown, line, f"unknown key '{key}'",
                                    f"use one of: {', '.join(SIDECAR_KEYS)}", warning=True))
            continue
        if value is None:
            continue
        check, expected = _FIELD_CHECKS[key]
        clean = check(value)
        if clean is None:
            problems.append(Problem(shown, line, f"'{key}' is {_describe(value)}", f"give {expected}"))
        else:
            values[key] = clean
    lines = tuple(sorted((str(k), loaded.line(k)) for k in loaded.data))
    return Metadata(**values, lines=lines), problems


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'" if value.strip() else "empty"
    return f"a {type(value).__name__} ({value!r:.40})"


def _read_text(path: Path) -> tuple[str | None, list[Problem]]:
    shown = display_path(path)
    if not path.is_file():
        return None, [Problem(shown, 1, "not a regular file", "replace it with a plain UTF-8 text file")]
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return None, [Problem(shown, 1, f"the file is larger than {MAX_YAML_BYTES} bytes",
                                  "keep only the metadata in it")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot be read ({exc.strerror})", "check the file's permissions")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Problem(shown, line, f"invalid UTF-8 at byte offset {exc.start}", "save the file as UTF-8")]
    return text.removeprefix("\ufeff"), []


def read_case(path: Path) -> tuple[CaseInfo, list[Problem]]:
    """``case.yml``: the case title and summary, and the curation the later stages read."""
    if not path.exists():
        return CaseInfo(), []
    shown = display_path(path)
    raw, problems = _read_text(path)
    if raw is None:
        return CaseInfo(), problems
    loaded, problems = load_yaml(raw, shown)
    if loaded is None or loaded.data is None:
        return CaseInfo(), problems
    if not isinstance(loaded.data, dict):
        return CaseInfo(), [*problems, Problem(shown, 1, "case.yml is not a mapping of keys to values",
                                               "start with 'title: …'")]
    data: dict[str, Any] = loaded.data
    for key in data:
        if key not in CASE_KEYS:
            problems.append(Problem(shown, loaded.line(key), f"unknown key '{key}'",
                                    f"use one of: {', '.join(CASE_KEYS)}", warning=True))
    info: dict[str, Any] = {}
    for key in ("title", "summary"):
        if key in data and data[key] is not None:
            if _string(data[key]) is None:
                problems.append(Problem(shown, loaded.line(key), f"'{key}' is {_describe(data[key])}",
                                        "give non-empty text"))
            else:
                info[key] = _string(data[key])
    if data.get("repository") is not None:
        repository = _check_repository(data["repository"])
        if repository is None:
            problems.append(Problem(shown, loaded.line("repository"),
                                    f"'repository' is {_describe(data['repository'])}",
                                    "give the repository's https:// address, such as "
                                    "https://github.com/owner/name"))
        else:
            info["repository"] = repository
    if data.get("site_url") is not None:
        site_url = _check_repository(data["site_url"])
        if site_url is None:
            problems.append(Problem(shown, loaded.line("site_url"), f"'site_url' is {_describe(data['site_url'])}",
                                    "give the https:// address the site is published at, such as "
                                    "https://owner.github.io/name/"))
        else:
            info["site_url"] = site_url + "/"
    lines = {str(k): loaded.line(k) for k in data}
    return CaseInfo(raw=dict(data), lines=lines, entry_lines=dict(loaded.key_lines), path=shown,
                    **info), problems


def _check_repository(value: Any) -> str | None:
    """An https address without query, fragment or trailing slash, or ``None``."""
    if isinstance(value, str) and re.fullmatch(r"https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"'`?#]*)?",
                                               value.strip()):
        return value.strip().rstrip("/")
    return None


def _inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
    except ValueError:
        return False
    return True


def read_source(path: Path, seeds_dir: Path) -> tuple[Source | None, list[Problem]]:
    """One seed and its optional sidecar, validated, normalised and segmented."""
    shown = display_path(path)
    if path.is_symlink() and not _inside(path, seeds_dir):
        return None, [Problem(shown, 1, "symbolic link pointing outside the seeds folder",
                              "copy the file into the seeds folder instead of linking to it")]
    if not path.is_file():
        return None, [Problem(shown, 1, "not a regular file (a folder, a pipe or a device)",
                              "replace it with a plain UTF-8 text file or remove it")]
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            return None, [Problem(shown, 1, f"the seed is {size} bytes, more than {MAX_SEED_BYTES}",
                                  "split it into several seeds")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot be read ({exc.strerror})", "check the file's permissions")]
    text, problems = decode_seed(data, shown)
    sidecar_path = path.with_suffix(".yml")
    metadata = Metadata()
    if sidecar_path.exists():
        if sidecar_path.is_symlink() and not _inside(sidecar_path, seeds_dir):
            problems.append(Problem(display_path(sidecar_path), 1, "symbolic link pointing outside the seeds folder",
                                    "copy the file into the seeds folder instead of linking to it"))
        else:
            metadata, sidecar_problems = read_sidecar(sidecar_path)
            problems.extend(sidecar_problems)
    if text is None or any(not p.warning for p in problems):
        return None, problems
    replaced, line = control_characters(text)
    if replaced:
        problems.append(Problem(shown, line, f"{replaced} control character(s) shown as U+FFFD",
                                "remove them from the text (they are not visible text)", warning=True))
    text, language, confidence, paragraphs = analyse_text(text, metadata.language)
    title = metadata.title or derive_title(text, paragraphs)
    slug = source_id(path)
    return Source(
        id=slug,
        slug=slug,
        path=_repo_path(path, seeds_dir),
        sidecar=_repo_path(sidecar_path, seeds_dir) if sidecar_path.exists() else None,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=title,
        title_derived=metadata.title is None,
        language=language,
        language_confidence=confidence,
        metadata=metadata,
        paragraphs=paragraphs,
    ), problems


def analyse_text(raw: str, language: str | None = None,
                 ) -> tuple[str, str, float, tuple[Paragraph, ...]]:
    """What the reader makes of a seed's decoded text: the normalised text, its language
    and confidence (``language`` given wins), and its paragraphs with their sentences."""
    text = normalise_text(raw)
    if language:
        confidence = 1.0
    else:
        language, confidence = detect_language(text)
    paragraphs = tuple(
        _with_language(p, paragraph_language(text[p.start:p.end], language)) for p in segment(text, language)
    )
    return text, language, confidence, mark_furniture(text, paragraphs, language)


def source_from_text(raw: str, source_id: str = "s", language: str | None = None) -> Source:
    """A :class:`Source` made from text alone, exactly as the reader makes one from a file."""
    text, language, confidence, paragraphs = analyse_text(raw, language)
    return Source(id=source_id, slug=source_id, path=f"seeds/{source_id}.txt", sidecar=None,
                  sha256=hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(), text=text,
                  title=derive_title(text, paragraphs) if paragraphs else source_id, title_derived=True,
                  language=language, language_confidence=confidence, metadata=Metadata(), paragraphs=paragraphs)


def source_id(path: Path) -> str:
    """The id (and page slug) of the seed at ``path``: the slug of its stem.

    A stem without any Latin letter or digit (``日本.txt``) gets ``source-`` and a short
    hash of the name, so that two such names do not collide.
    """
    slug = slugify(path.stem, fallback="")
    if not slug:
        slug = "source-" + hashlib.sha256(path.stem.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return slug


def _with_language(paragraph: Paragraph, language: str | None) -> Paragraph:
    return paragraph if language is None else replace(paragraph, language=language)


def _repo_path(path: Path, seeds_dir: Path) -> str:
    """The path as the repository names it: ``seeds/<name>`` (POSIX separators)."""
    return f"{seeds_dir.name}/{path.name}"


def discover(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The seed files (``*.txt``) in sorted order, and problems with the folder itself."""
    shown = display_path(seeds_dir)
    if not seeds_dir.is_dir():
        return [], [Problem(shown, 1, "the seeds folder does not exist",
                            "create it and put the articles in it as .txt files, or pass --seeds DIR")]
    entries = sorted(seeds_dir.iterdir())
    seeds = [p for p in entries if p.suffix == ".txt" and not p.name.startswith(".")]
    problems = [Problem(display_path(p), 1, "hidden file ignored",
                        "remove the leading dot to read it as a seed, or delete it", warning=True)
                for p in entries if p.suffix == ".txt" and p.name.startswith(".") and p.is_file()
                and not p.name.startswith((".#", "._"))]
    if not seeds:
        problems.append(Problem(shown, 1, "no seed texts (*.txt) found",
                                "put each article in the folder as a UTF-8 .txt file"))
    txt_stems = {p.stem for p in seeds}
    for other in entries:
        if other.name.startswith(".") or other.suffix == ".txt" or other.name == "case.yml":
            continue
        if other.suffix == ".yml" and other.stem in txt_stems:
            continue
        if other.suffix in (".yml", ".yaml"):
            problems.append(Problem(display_path(other), 1, "sidecar without a seed text",
                                    f"name it after its seed ({other.stem}.txt) or remove it", warning=True))
        elif other.is_file():
            problems.append(Problem(display_path(other), 1, "not a seed text and ignored",
                                    "give seed texts the .txt extension", warning=True))
    return seeds, problems


def duplicate_ids(paths: list[Path]) -> list[Problem]:
    """Seeds whose names give the same source id."""
    problems = []
    owners: dict[str, Path] = {}
    for path in paths:
        slug = source_id(path)
        if slug in RESERVED_IDS:
            problems.append(Problem(display_path(path), 1,
                                    f"the source id '{slug}' is reserved for the list of sources",
                                    "rename the file"))
        elif slug in owners:
            problems.append(Problem(display_path(path), 1,
                                    f"duplicate source id '{slug}' (also the id of {display_path(owners[slug])})",
                                    "rename one of the files so their names differ in letters or digits"))
        owners.setdefault(slug, path)
    return problems


def check_near_copies(sources: Sequence[Source], seeds_dir: Path | None = None,
                      ) -> tuple[list[Source], list[Problem]]:
    """The sources, each ``near_copy_of`` that names no other source dropped with a warning
    (naming the sidecar in ``seeds_dir``)."""
    ids = {s.id for s in sources}
    checked, problems = [], []
    for source in sources:
        twin = source.metadata.near_copy_of
        if twin is not None and (twin not in ids or twin == source.id):
            line = dict(source.metadata.lines).get("near_copy_of", 1)
            what = "the seed itself" if twin == source.id else f"no seed (no source has the id '{twin}')"
            shown = source.sidecar or source.path
            if seeds_dir is not None:
                shown = display_path(seeds_dir / Path(shown).name)
            problems.append(Problem(shown, line, f"'near_copy_of' names {what}",
                                    "give the file name of the seed this one copies, or remove the line",
                                    warning=True))
            source = replace(source, metadata=replace(source.metadata, near_copy_of=None))
        checked.append(source)
    return checked, problems


def read_corpus(seeds_dir: Path) -> tuple[Corpus | None, list[Problem]]:
    """All seeds, sidecars and ``case.yml``; ``None`` when an error stops the build."""
    paths, problems = discover(seeds_dir)
    case, case_problems = read_case(seeds_dir / "case.yml")
    problems.extend(case_problems)
    sources: list[Source] = []
    for path in paths:
        source, found = read_source(path, seeds_dir)
        problems.extend(found)
        if source is not None:
            sources.append(source)
    problems.extend(duplicate_ids(paths))
    sources, unknown_twins = check_near_copies(sources, seeds_dir)
    problems.extend(unknown_twins)
    if any(not p.warning for p in problems):
        return None, problems
    return Corpus(tuple(sorted(sources, key=lambda s: s.id)), case,
                  tuple(p for p in problems if p.warning)), problems

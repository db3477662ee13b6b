"""``casefile add``: saved pages, addresses and texts become seeds with their sidecars.

Each source is read, its article and metadata taken out (:mod:`generator.ingest`), compared with
the seeds already in the folder and those added before it in the same run, and written as the
next numbered seed, or not: a source already in the case (the same address or the same text) is
reported and skipped; a near copy is added and its sidecar names its twin (``near_copy_of``). A
source that cannot be added is reported in one line, ``SOURCE: problem — how to fix``, with
nothing written for it; the others are still added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from generator.errors import SourceError
from generator.ingest.article import Article, extract_article
from generator.ingest.dedup import Fingerprint, Match, find_twin, fingerprint
from generator.ingest.fetch import FetchLimits, fetch_page, is_address
from generator.ingest.metadata import FIELDS, Field, clean_text
from generator.ingest.pages import PAGE_SUFFIXES, read_page_file
from generator.ingest.seeds import (
    NewSeed,
    folder_names,
    known_seeds,
    next_number,
    seed_stem,
    seed_text,
    sidecar_yaml,
    write_seed,
)
from generator.read.sources import MAX_SEED_BYTES, decode_seed, display_path, normalise_text, printable, read_sidecar

TEXT_SUFFIXES = (".txt",)
"""Texts ``casefile add`` reads as they are."""

Status = Literal["added", "already", "failed"]


@dataclass(frozen=True)
class AddOptions:
    """What ``casefile add`` was asked to do."""

    seeds: Path
    """The seeds folder written into."""
    retrieved: dt.date
    """The day the sources are added (the sidecars' ``retrieved``; the latest publication date
    htmldate accepts)."""
    language: str | None = None
    """A language code that wins over what the pages declare."""
    outlet: str | None = None
    """An outlet that wins over what the pages give."""
    limits: FetchLimits = field(default_factory=FetchLimits)
    """Timeouts and size cap of fetching an address."""


@dataclass(frozen=True)
class Outcome:
    """What became of one source."""

    source: str
    """The source as the messages name it (a path or an address)."""
    status: Status
    """Added, already in the case, or not added for a problem."""
    line: str
    """The line that reports it, ``SOURCE: …``."""
    seed: Path | None = None
    """The seed written, when added."""


@dataclass(frozen=True)
class _Item:
    """One source to add, as the command line names it (a folder gives one per file)."""

    label: str
    """The source as the messages name it."""
    path: Path | None = None
    """A saved page or a text."""
    address: str | None = None
    """A web address."""
    problem: SourceError | None = None
    """Why it cannot be read at all."""


@dataclass(frozen=True)
class _Read:
    """A source read, before it is compared and written."""

    paragraphs: tuple[str, ...]
    """The text's paragraphs."""
    fields: Mapping[str, Field]
    """The sidecar's fields it gives, each with where it came from."""
    left_out: int
    """Paragraphs left out as page furniture."""
    name: str
    """The source's own name (a file's name or the address), for the notes and a fallback seed name."""
    notes: str | None = None
    """Notes a sidecar beside a text already held."""


def retrieved_on(environ: Mapping[str, str]) -> dt.date:
    """The day of adding: ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, so that a
    run can be repeated byte for byte; else today in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def add_sources(sources: Sequence[str], options: AddOptions) -> Iterator[Outcome]:
    """Add every source in order (a folder's files in name order), yielding each one's outcome
    as soon as it is known."""
    if not options.seeds.is_dir():
        shown = display_path(options.seeds)
        if options.seeds.exists() or not options.seeds.parent.is_dir():
            yield Outcome(shown, "failed", f"{shown}: the seeds folder does not exist — create it, or pass --seeds DIR")
            return
        options.seeds.mkdir()  # a new case: its first source makes the folder (removed if none is added)
        created = True
    else:
        created = False
    known = known_seeds(options.seeds)
    names = folder_names(options.seeds)
    for item in _expand(sources):
        try:
            if item.problem is not None:
                raise item.problem
            outcome, added = _add_one(item, _read(item, options), known, names, options)
        except SourceError as exc:
            yield Outcome(item.label, "failed", exc.line(item.label))
            continue
        if added is not None:
            known.append(added)
            names.append(added.name)
        yield outcome
    if created and not any(options.seeds.iterdir()):
        options.seeds.rmdir()


def _expand(sources: Sequence[str]) -> Iterator[_Item]:
    """The sources to add: a folder's saved pages and texts (not its subfolders, such as the
    ``_files`` folder a browser saves beside a page), in name order."""
    suffixes = PAGE_SUFFIXES + TEXT_SUFFIXES
    for source in sources:
        path = Path(source)
        label = display_path(path) if path.exists() else printable(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir()
                           if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in suffixes)
            if not files:
                yield _Item(label, problem=SourceError(
                    "the folder holds no saved pages (.html, .htm, .mhtml) or texts (.txt)",
                    "give the folder the pages were saved into, or the pages themselves"))
            yield from (_Item(display_path(p), path=p) for p in files)
        elif path.is_file():
            yield _Item(label, path=path) if path.suffix.lower() in suffixes else _Item(label, problem=SourceError(
                f"not a saved page or a text ({path.suffix or 'no extension'})",
                "save the page as .html or .mhtml (Save as… in the browser), or its text as .txt"))
        elif is_address(source):
            yield _Item(label, address=source)
        else:
            yield _Item(label, problem=SourceError("no such file or folder",
                                                   "check the path, or give the page's http(s) address"))


def _read(item: _Item, options: AddOptions) -> _Read:
    """The source's paragraphs and fields: a page's article, or a text as it is."""
    if item.path is not None and item.path.suffix.lower() in TEXT_SUFFIXES:
        return _read_text(item.path, options.language)
    if item.address is not None:
        page = fetch_page(item.address, options.limits)
    else:
        assert item.path is not None
        page = read_page_file(item.path, item.path.name)
    article: Article = extract_article(page, options.language, options.retrieved.isoformat())
    return _Read(article.paragraphs, article.fields, article.left_out, page.name)


def _read_text(path: Path, language: str | None) -> _Read:
    """A ``.txt`` as it is (normalised, its paragraphs separated by blank lines), with the fields
    of a sidecar beside it (``name.yml``) when there is one."""
    try:
        if path.stat().st_size > MAX_SEED_BYTES:
            raise SourceError(f"the text is more than {MAX_SEED_BYTES:,} bytes", "split it into several texts")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})", "check the file's permissions") from exc
    text, problems = decode_seed(data, path.name)
    if text is None:
        raise SourceError(problems[0].problem, problems[0].fix)
    paragraphs = text_paragraphs(normalise_text(text))
    fields: dict[str, Field] = {}
    notes = None
    sidecar = path.with_suffix(".yml")
    if sidecar.is_file():
        meta, _ = read_sidecar(sidecar)
        origin = f"the sidecar beside it ({sidecar.name})"
        for key in FIELDS:
            value = getattr(meta, key)
            if value is not None:
                fields[key] = Field(value.isoformat() if key == "published" else str(value), origin)
        notes = meta.notes
    if language:
        fields["language"] = Field(language, "the command line (--language)")
    return _Read(tuple(paragraphs), fields, 0, path.name, notes)


def text_paragraphs(text: str) -> list[str]:
    """A text's paragraphs: separated by blank lines, or one a line when it has no blank line
    (as the reader segments it); trailing spaces dropped."""
    lines = [line.rstrip() for line in text.split("\n")]
    joined = "\n".join(lines).strip("\n")
    if "\n\n" in joined:
        return [p.strip("\n") for p in joined.split("\n\n") if p.strip()]
    return [line for line in lines if line.strip()]


def _add_one(item: _Item, read: _Read, known: list[Fingerprint], names: list[str], options: AddOptions,
             ) -> tuple[Outcome, Fingerprint | None]:
    """Compare the source with what the folder holds and write it unless it is already there."""
    fields = dict(read.fields)
    if options.outlet:
        outlet = clean_text(options.outlet)
        if outlet:
            fields["outlet"] = Field(outlet, "the command line (--outlet)")
    text = seed_text(read.paragraphs)
    address = fields["url"].value if "url" in fields else None
    new = fingerprint(read.name, text, address)
    match = find_twin(new, known)
    seeds = options.seeds
    if match is not None and match.kind != "near copy":
        twin = display_path(seeds / match.twin.name)
        return Outcome(item.label, "already", f"{item.label}: already in the case as {twin} ({match.kind}) "
                                              "— not added"), None
    stem = seed_stem(next_number(names), fields["outlet"].value if "outlet" in fields else None, address, read.name)
    twin_stem = Path(match.twin.name).stem if match is not None else None
    sidecar = sidecar_yaml({k: f.value for k, f in fields.items()}, options.retrieved, twin_stem,
                           _notes(read, fields, match))
    text_path, _ = write_seed(seeds, NewSeed(stem, text, sidecar))
    given = [k for k in FIELDS if k in fields]
    missing = [k for k in FIELDS if k not in fields]
    line = (f"{item.label}: added as {display_path(text_path)} ({_paragraph_count(read)}); the sidecar gives "
            f"{', '.join([*given, 'retrieved'])}" + (f"; not in the page: {', '.join(missing)}" if missing else ""))
    if match is not None:
        line += (f"; a near copy of {display_path(seeds / match.twin.name)} ({match.share:.0%} of the shorter "
                 "text's wording), recorded as near_copy_of")
    return Outcome(item.label, "added", line, text_path), replace(new, name=text_path.name)


def _paragraph_count(read: _Read) -> str:
    count = f"{len(read.paragraphs)} paragraph{'s' if len(read.paragraphs) != 1 else ''}"
    return count + (f", {read.left_out} left out as page furniture" if read.left_out else "")


def _notes(read: _Read, fields: Mapping[str, Field], match: Match | None) -> str:
    """The sidecar's notes: where the text and each field came from, what the page does not give."""
    parts = [f"Added by casefile add from {read.name}."]
    given = [f"{key} from {fields[key].origin}" for key in FIELDS if key in fields]
    if given:
        parts.append(f"Where each field came from: {'; '.join(given)}.")
    missing = [key for key in FIELDS if key not in fields]
    if missing:
        parts.append(f"Not given by the page: {', '.join(missing)}.")
    if read.left_out:
        parts.append(f"{read.left_out} paragraph(s) left out as page furniture.")
    if match is not None:
        parts.append(f"A near copy of {match.twin.name} ({match.share:.0%} of the shorter text's wording is in "
                     "the other); the comparison counts the two once.")
    if read.notes:
        parts.append(read.notes)
    return " ".join(parts)


def summary(outcomes: Sequence[Outcome]) -> str:
    """The run in one line: how many were added, already there, not added."""
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in ("added", "already", "failed")}
    return (f"casefile: {counts['added']} added, {counts['already']} already in the case, "
            f"{counts['failed']} not added")

"""What the read stage makes of the seeds: sources with their paragraphs and sentences, the
sidecars' metadata and ``case.yml``."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from generator.model.span import Span
from generator.text.words import count_words


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph."""

    anchor: str
    """Stable anchor, ``p3-s2`` for the second sentence of paragraph 3."""
    start: int
    """Offset into the source's normalised text."""
    end: int
    """Offset one past the last character."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a source, with its sentences."""

    anchor: str
    """Stable anchor, ``p1``, ``p2``, … in reading order."""
    index: int
    """1-based position in the source."""
    start: int
    """Offset into the source's normalised text."""
    end: int
    """Offset one past the last character."""
    sentences: tuple[Sentence, ...] = ()
    """The sentences, in order; together they cover the paragraph's words."""
    language: str | None = None
    """Set only when the paragraph is in another language than its source."""
    furniture: str | None = None
    """When the paragraph is page furniture, not the article (a photo credit, a "Read more" link,
    a newsletter prompt): the rule that says so. No stage reads such a paragraph."""


@dataclass(frozen=True)
class Metadata:
    """What a sidecar ``seeds/<stem>.yml`` says about a source; every field optional."""

    title: str | None = None
    """Headline as published."""
    outlet: str | None = None
    """Publication or site that published the text."""
    url: str | None = None
    """Where the text was published (http or https)."""
    published: dt.date | dt.datetime | None = None
    """Publication date (or date and time)."""
    language: str | None = None
    """BCP 47 language code; wins over detection."""
    author: str | None = None
    """Byline."""
    notes: str | None = None
    """Free text for the curator: where the metadata comes from, caveats."""
    retrieved: dt.date | None = None
    """When the text was taken from the page (``casefile add`` writes the day it added it)."""
    near_copy_of: str | None = None
    """The id of the source this one nearly copies (a wire story reprinted): the coverage
    comparison counts the two once."""
    lines: tuple[tuple[str, int], ...] = ()
    """Line of each key in the sidecar, for error messages."""


@dataclass(frozen=True)
class Source:
    """One seed text, read, normalised and segmented."""

    id: str
    """Stable id: the slug of the file stem (``000-01294162fb12b41a``)."""
    slug: str
    """Slug used for the page ``sources/<slug>.md``; equal to ``id``."""
    path: str
    """Path of the seed file relative to the repository (``seeds/000_….txt``)."""
    sidecar: str | None
    """Path of the sidecar, when there is one."""
    sha256: str
    """SHA-256 of the seed file's bytes, as stored."""
    text: str
    """Normalised text: BOM removed, line ends LF, Unicode NFC. All offsets refer to it."""
    title: str
    """Title from the sidecar, else derived from the text."""
    title_derived: bool
    """True when ``title`` was derived from the text rather than given."""
    language: str
    """Language code (``en``, ``nb``, ``de``, ``fr``, …)."""
    language_confidence: float
    """1.0 when given in the sidecar; otherwise the detector's score."""
    metadata: Metadata
    """The sidecar's fields (all ``None`` when there is no sidecar)."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Paragraphs in reading order."""

    @cached_property
    def words(self) -> int:
        """Number of words in the text (counted once: a seed can be megabytes long)."""
        return count_words(self.text)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph:
        """The paragraph that holds ``offset`` (or the nearest one before it)."""
        return self.paragraphs[max(bisect_right(self._paragraph_starts, offset) - 1, 0)]

    def in_furniture(self, offset: int) -> bool:
        """Whether ``offset`` lies in a paragraph of page furniture (which no stage reads)."""
        return self.paragraph_at(offset).furniture is not None

    @cached_property
    def article(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the article: every paragraph but the page furniture."""
        return tuple(p for p in self.paragraphs if p.furniture is None)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, if any (``None`` between sentences)."""
        return next((s for s in self.paragraph_at(offset).sentences if s.start <= offset < s.end), None)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of this source's text, anchored to its paragraph."""
        return Span(self.id, self.paragraph_at(start).anchor, start, end, self.text[start:end])


@dataclass(frozen=True)
class CaseInfo:
    """What ``seeds/case.yml`` says about the case as a whole."""

    title: str = "Case file"
    """Title of the case, shown on the home page."""
    summary: str | None = None
    """A short summary, shown under the title."""
    repository: str | None = None
    """https address of the repository holding the seeds (for "view source" links)."""
    site_url: str | None = None
    """https address the site is published at, ending in ``/`` (MkDocs' ``site_url``: the sitemap,
    canonical links, and a 404 page that works under a project path such as ``/name/``)."""
    raw: dict[str, object] = field(default_factory=dict)
    """The whole parsed file, for the curation stages that read more of it."""
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level key, for error messages."""
    entry_lines: dict[tuple[object, ...], int] = field(default_factory=dict)
    """Line of every key and list item by its path (``("aliases", "keaton-jones", 0)``)."""
    path: str = "seeds/case.yml"
    """Where the file was read from, for error messages."""


def counted_once(sources: Iterable[Source]) -> dict[str, str]:
    """Each source's id to the id it is counted as when sources are counted: its own, or for a
    near copy (``near_copy_of``) the id of the source it copies, followed to the first of the
    chain (in a loop of copies, the smallest id of the loop). A copy whose twin is not among
    ``sources`` counts as itself."""
    by_id = {s.id: s for s in sources}
    counted: dict[str, str] = {}
    for sid in by_id:
        chain = [sid]
        twin = by_id[sid].metadata.near_copy_of
        while twin is not None and twin in by_id and twin not in chain:
            chain.append(twin)
            twin = by_id[twin].metadata.near_copy_of
        counted[sid] = min(chain[chain.index(twin):]) if twin is not None and twin in chain else chain[-1]
    return counted


def published_day(source: Source) -> dt.date | None:
    """The day the source was published (a time of day dropped), or ``None``."""
    value = source.metadata.published
    return value.date() if isinstance(value, dt.datetime) else value


def published_text(source: Source) -> str | None:
    """The publication date as ISO text, or ``None``."""
    value = source.metadata.published
    return value.isoformat() if value is not None else None

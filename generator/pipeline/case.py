"""What the stages hand on: one source's analysis, and the whole case the pages are made from."""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Problem
from generator.model.claims import DateMention, Figure, Quote
from generator.model.entity import Resolution
from generator.model.finding import DateCheck, Discrepancy, TranslationLink
from generator.model.mention import Mention
from generator.model.source import CaseInfo, Source


@dataclass(frozen=True)
class Analysis:
    """Everything known about one source from its own text."""

    source: Source | None
    """The source, or ``None`` when it could not be read."""
    problems: tuple[Problem, ...]
    """Errors and warnings met reading it."""
    mentions: tuple[Mention, ...] = ()
    """Named-entity mentions, before resolution across sources."""
    dates: tuple[DateMention, ...] = ()
    """Dates and times."""
    lemmas: tuple[tuple[str, str], ...] = ()
    """``(word, lemma)`` of each distinct word, for the comparison (:func:`~generator.text.lemmas.word_lemmas`)."""


@dataclass(frozen=True)
class Case:
    """Everything the stages found across all sources: what the pages are rendered from."""

    info: CaseInfo
    """Title, summary and curation from ``case.yml``."""
    sources: tuple[Source, ...]
    """The sources, sorted by id."""
    resolution: Resolution
    """Entities, ambiguous mentions, candidates and co-mentions."""
    quotes: tuple[Quote, ...]
    """Direct quotes with their speakers."""
    figures: tuple[Figure, ...]
    """Figures and ages."""
    dates: tuple[DateMention, ...]
    """Dates and times."""
    discrepancies: tuple[Discrepancy, ...]
    """Where the sources disagree, and what only one says."""
    checks: tuple[DateCheck, ...]
    """Weekday and date checks."""
    translations: tuple[TranslationLink, ...]
    """Quotes linked across languages."""

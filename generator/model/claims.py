"""What one source says that can be compared with another: quotes, figures and dates.

Each is a :class:`~generator.model.span.Span` of its source (a quote's span is the quoted
words inside the marks; a figure's includes its qualifier, "more than 300"; a date's is the
words that give it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from generator.model.span import Span

QuoteEvidence = Literal["name", "pronoun", "description", "continuation", "credit", "repeat", "none"]
"""How a quote's speaker was found: a name, a pronoun or a description next to a speech verb,
the continuation of the quote before, or not at all."""

Qualifier = Literal["exact", "more_than", "at_least", "about", "nearly", "less_than", "up_to", "range"]
"""How a figure's wording bounds its value ("range": "between 300 and 400")."""
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)

DateKind = Literal["absolute", "weekday", "relative", "time"]
"""A day and month, a weekday, a relative day ("i går") or a clock time ("6.10am")."""
KINDS: tuple[DateKind, ...] = get_args(DateKind)


@dataclass(frozen=True)
class Quote(Span):
    """One direct quote in one source."""

    id: str
    """Stable id: ``<source>-<paragraph anchor>-q<n>``."""
    language: str
    """Language the quote is written in."""
    speaker: str | None
    """Entity id of the speaker, or ``None`` when no evidence names one."""
    evidence: str | None
    """Why the speaker is who it is, in words (``"sier han" → Keaton Jones, nearest male person``)."""
    evidence_kind: QuoteEvidence = "none"
    """How the speaker was found."""
    style: str = "curly"
    """How the quote is marked: ``curly``, ``guillemets``, ``dash``, …"""
    speaker_name: str | None = None
    """Display name of the speaker."""


@dataclass(frozen=True)
class Figure(Span):
    """One number in one source, with what it counts."""

    id: str
    """Stable id: ``<source>-<paragraph anchor>-f<n>``."""
    value: float
    """The number as written, scale applied (``17m`` is 17000000); in base units for measures with units."""
    low: float | None
    """Lowest value the wording allows (``None``: no lower bound)."""
    high: float | None
    """Highest value the wording allows (``None``: no upper bound)."""
    measure: str
    """What is counted, language-independent (``views``, ``dead``, ``age``, ``weight``) or ``word:<noun>``."""
    qualifier: Qualifier
    """How the wording bounds the value (``range``: ``low`` and ``high`` are the two numbers,
    ``value`` their middle)."""
    subject: str | None
    """Entity id of the person the figure is about (ages), else ``None``."""
    language: str
    """Language of the source."""
    unit: str | None = None
    """Unit as written, normalised (``lb``, ``kg``), for measures with units."""
    written_value: float | None = None
    """The value in the unit as written (``400`` for ``400-pound``)."""
    measure_text: str | None = None
    """The word that says what is counted, as written."""
    counted_by: str | None = None
    """Who gave the figure, when the text says so right after it ("80 000 manifestants selon la
    police": ``police``), lower case without articles; figures are compared by who counted."""
    rules: tuple[str, ...] = ()
    """Names of the rules that decided what the figure measures, in the order they applied
    (:data:`generator.extract.measures.MEASURE_RULES`); never written to case.json."""
    about: str | None = None
    """What the figure is said of when no named person is its subject: a noun of the sentence, lower
    case (``boy`` of "a five-year-old boy", ``well`` of "the 40m-deep well")."""


@dataclass(frozen=True)
class DateMention(Span):
    """One date or time written in a source."""

    id: str
    """Stable id: ``<source>-<paragraph anchor>-d<n>``."""
    kind: DateKind
    """What the words give: a day and month, a weekday, a relative day or a clock time."""
    resolved: str | None
    """ISO date (``2017-12-08``) when it can be worked out, else ``None`` (shown as unresolved)."""
    language: str
    """Language the mention is written in."""
    day: int | None = None
    """Day of the month as written."""
    month: int | None = None
    """Month (1–12) as written."""
    year: int | None = None
    """Year as written."""
    weekday: int | None = None
    """Weekday as written, 0 = Monday."""
    offset: tuple[str, int] | None = None
    """For relative mentions: unit (``day``, ``week``, ``month``, ``year``) and count (``-2``)."""
    clock: str | None = None
    """For times: ``HH:MM`` on the 24-hour clock."""
    event: str | None = None
    """Language-independent key of the event the sentence dates (``publish``), if one is named."""
    event_text: str | None = None
    """The word that names the event, as written."""
    inferred_from: str | None = None
    """When ``resolved`` comes not from the source's own date but from a check across sources
    (a weekday and a day-month about the same event that fit only one year): how, for the reader."""

"""Findings: what the sources say about one thing (claims) and where they disagree."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("figure", "quote", "paraphrase", "date", "attribute", "actor", "coverage")


EXPLANATIONS = ("rounding", "different-time", "different-scope", "translation", "conflict")


STATUSES = ("open", "explained", "resolved")


SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class Claim:
    """What one source says, pointing at the exact passage."""

    source: str
    """Id of the source."""
    anchor: str
    """Anchor of the paragraph holding the passage."""
    start: int
    """Offset of the passage's first character in the source's normalised text."""
    end: int
    """Offset one past its last character."""
    text: str
    """The exact text ``source.text[start:end]``."""
    value: str | float | None = None
    """The value compared (a number, an ISO date, a name), when there is one."""
    role: str = "claim"
    """What the passage is: ``figure``, ``quote``, ``narrative``, ``translation``, ``date``, ``mention``, …"""


@dataclass(frozen=True)
class DiffPart:
    """One step of a word-level diff between two renderings of a quote."""

    op: str
    """``equal``, ``replace``, ``delete`` (only in the first) or ``insert`` (only in the second)."""
    left: str
    """Words of the first claim."""
    right: str
    """Words of the second claim."""


@dataclass(frozen=True)
class Discrepancy:
    """Sources that disagree, or a fact only one of them reports."""

    id: str
    """Stable id: ``<kind>-<hash of the key>``."""
    kind: str
    """One of :data:`KINDS`."""
    key: str
    """What the claims are about, readable (``views``, ``keaton-jones|age``)."""
    summary: str
    """One sentence saying what differs."""
    explanation: str
    """One of :data:`EXPLANATIONS`."""
    severity: str
    """``low``, ``medium`` or ``high``."""
    claims: tuple[Claim, ...]
    """Every source's claim, in source order."""
    status: str = "open"
    """From ``case.yml``: ``open``, ``explained`` or ``resolved``."""
    note: str | None = None
    """The curator's note from ``case.yml``."""
    diff: tuple[DiffPart, ...] = ()
    """Word-level diff for quote variants."""
    detail: str | None = None
    """A more specific label (``substitution``, ``hedge dropped``, ``omission``, ``years 2017``)."""


@dataclass(frozen=True)
class DateCheck:
    """A weekday and a date about the same event, checked against each other."""

    event: str
    """Event key the mentions date (``publish``)."""
    claims: tuple[Claim, ...]
    """The mentions checked."""
    years: tuple[int, ...]
    """Years (within the story period when known) in which they agree; empty when none."""
    consistent: bool
    """Whether some year fits."""
    summary: str
    """One sentence for the reader."""
    key: str
    """The values checked (``publish|12-08|weekday 4``): the discrepancy's key when they disagree."""


@dataclass(frozen=True)
class TranslationLink:
    """Quotes that render the same words in different languages."""

    quotes: tuple[str, ...]
    """Ids of the linked quotes, sorted."""
    origin: str
    """``curated`` (``case.yml``) or ``detected``."""
    evidence: str
    """Why they are linked."""


def short_id(source_id: str) -> str:
    return source_id.split("-")[0]

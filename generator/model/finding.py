"""Findings: what each source says about one thing (claims) and where the sources disagree.

A finding's ``kind`` says what was compared, its ``explanation`` why the claims differ, its
``severity`` how much that matters to a reader, and its ``status`` what the curator decided.
Each is a ``Literal`` type, with the tuple of its values in the order the site lists them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal, get_args

from generator.model.span import Span

Kind = Literal["figure", "quote", "paraphrase", "date", "attribute", "contradiction", "actor", "coverage"]
"""What a finding compares: figures, a quote's wording, narrative against a quote, dates and
times, ages, spellings and roles, one thing named or asserted differently (a car and a truck,
"a swap" and "not a swap"), who did what, and what only one source reports."""
KINDS: tuple[Kind, ...] = get_args(Kind)

Explanation = Literal["rounding", "different-time", "different-scope", "translation", "conflict"]
"""Why the claims differ: within rounding, written at different moments, about different
things, in translation, or they cannot all be true."""
EXPLANATIONS: tuple[Explanation, ...] = get_args(Explanation)

Status = Literal["open", "explained", "resolved"]
"""What the curator decided in ``case.yml``."""
STATUSES: tuple[Status, ...] = get_args(Status)

Severity = Literal["low", "medium", "high"]
"""How much the difference matters to a reader."""
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

Confidence = Literal["high", "low"]
"""How sure a finding is: ``high`` when its evidence shows the claims are about the same thing and
really differ (it may lead the overview), ``low`` for a possible disagreement a reader should check."""
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)

DiffOp = Literal["equal", "replace", "delete", "insert"]
"""One step of a word diff: the same words, other words, words only in the first or only in the second."""
DIFF_OPS: tuple[DiffOp, ...] = get_args(DiffOp)

TranslationOrigin = Literal["curated", "detected"]
"""Whether a translation link was given in ``case.yml`` or found."""


@dataclass(frozen=True)
class Claim(Span):
    """What one source says, pointing at the exact passage."""

    value: str | float | None = None
    """The value compared (a number, an ISO date, a name), when there is one."""
    role: str = "claim"
    """What the passage is: ``figure``, ``quote``, ``narrative``, ``translation``, ``date``, ``mention``, …"""


@dataclass(frozen=True)
class DiffPart:
    """One step of a word-level diff between two renderings of a quote."""

    op: DiffOp
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
    kind: Kind
    """What was compared."""
    key: str
    """What the claims are about, readable (``views``, ``keaton-jones|age``)."""
    summary: str
    """One sentence saying what differs."""
    explanation: Explanation
    """Why the claims differ."""
    severity: Severity
    """How much it matters to a reader."""
    claims: tuple[Claim, ...]
    """Every source's claim, in source order."""
    status: Status = "open"
    """From ``case.yml``: ``open``, ``explained`` or ``resolved``."""
    note: str | None = None
    """The curator's note from ``case.yml``."""
    diff: tuple[DiffPart, ...] = ()
    """Word-level diff for quote variants."""
    detail: str | None = None
    """A more specific label (``substitution``, ``hedge dropped``, ``omission``, ``years 2017``)."""
    rules: tuple[str, ...] = ()
    """Names of the rules that decided the finding (that made it one, chose its explanation and
    severity, and set its confidence), in the order they applied."""
    confidence: Confidence = "low"
    """``high`` when the evidence shows one thing told differently; ``low``: a possible disagreement to check."""
    evidence: tuple[str, ...] = ()
    """The facts that speak for the finding, in words (the same speaker, aligned wording, the same
    words around the figures, the opening paragraphs)."""


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
class AlignedWord:
    """Two words of quotes in different languages that say the same thing, and why they are taken to."""

    language_a: str
    """Language of the first word."""
    word_a: str
    """The first word, as its quote writes it."""
    language_b: str
    """Language of the second word."""
    word_b: str
    """The second word, as its quote writes it."""
    via: str
    """Why they align: ``dictionary: nose`` (the English word both may translate as), ``same spelling``
    (a name, a loanword) or ``same number``."""


@dataclass(frozen=True)
class TranslationLink:
    """Quotes that render the same words in different languages."""

    quotes: tuple[str, ...]
    """Ids of the linked quotes, sorted (copies of one text in several sources are linked together)."""
    origin: TranslationOrigin
    """``curated`` (``case.yml``) or ``detected``."""
    evidence: str
    """Why they are linked, in words."""
    rules: tuple[str, ...] = ()
    """The rule that made the link (``curated``, ``words-aligned``, ``same-names-and-numbers``)."""
    score: float | None = None
    """For aligned words: the share of the shorter quote's weight aligned (0–1)."""
    aligned: tuple[AlignedWord, ...] = ()
    """For aligned words: the words aligned, in the shorter quote's order."""
    parts: tuple[Span, ...] = ()
    """The stretch of a quote the others render, for each linked quote rendered only in part."""


_LABELS: ContextVar[Mapping[str, str] | None] = ContextVar("source_labels", default=None)


def short_id(source_id: str) -> str:
    """The label a source is known by in summaries, passage links, tables and the dossier: its
    outlet ("VG", "In Touch Weekly") while a case is built (:func:`source_labels`), else the
    number its id starts with (``001`` for ``001-71882606a5f9e5a9``)."""
    return (_LABELS.get() or {}).get(source_id) or source_id.split("-")[0]


def source_label(source_id: str, outlet: str | None) -> str:
    """A source's label (:func:`short_id`), its outlet standing in outside a build."""
    return ((_LABELS.get() or {}).get(source_id) or (" ".join(outlet.split()) if outlet else "")
            or source_id.split("-")[0])


def label_sources(outlets: Mapping[str, str | None]) -> dict[str, str]:
    """One label per source (id → outlet, if known): the outlet, with the id's number beside it
    when two sources share an outlet ("BBC 002", "BBC 005"), else the number."""
    named = [outlet.strip() for outlet in outlets.values() if outlet and outlet.strip()]
    shared = {outlet for outlet in named if named.count(outlet) > 1}
    labels = {}
    for source_id, outlet in outlets.items():
        number = source_id.split("-")[0]
        name = " ".join(outlet.split()) if outlet else ""
        labels[source_id] = (f"{name} {number}" if outlet and outlet.strip() in shared else name) or number
    return labels


@contextmanager
def source_labels(labels: Mapping[str, str]) -> Iterator[None]:
    """While a case is built, sources are cited by ``labels`` (:func:`label_sources`) everywhere."""
    token = _LABELS.set(labels)
    try:
        yield
    finally:
        _LABELS.reset(token)

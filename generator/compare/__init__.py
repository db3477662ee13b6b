"""Compare stage: claims about the same thing from different sources, as typed discrepancies.

Claims are grouped by key, never compared all against all: figures by measure and subject,
ages by person, quotes and narrative by the words they share (an inverted index), dates
by the event they date, actions by actor and by platform, coverage by entity, measure and
term. Each discrepancy carries every source's claim with its exact text, an explanation
class, a severity, and the status and note a curator gave it in ``case.yml``::

    discrepancies:
      figure-3f2a9c01de: {status: explained, note: "view counts grow; the sources were written days apart"}
    translations:
      - [002-…-p4-q1, 001-…-p2-q3]          # a quote and its rendering in another language
    year: 2017                              # or period: 2017-12, narrows weekday and date checks

Ids are a stable hash of the kind and the key, so curation survives re-runs and edits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping, Sequence

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DEFAULT_DICTIONARY_FACTORY,
    MappingStrToByteString,
)

from generator.extract.dates import DEFAULT_YEARS, DateMention, years_fitting
from generator.util.derived import persistent, release
from generator.text import lexicon as lex
from generator.text.lexicon import calendar_words, fold
from generator.errors import Problem
from generator.extract.figures import CURRENCY_MEASURES, GROWING_MEASURES, Figure
from generator.lang import language_data, phrase_pattern, word_set
from generator.model.source import CaseInfo, Source
from generator.text.numbers import number_syntax, parse_number
from generator.util.parallel import Forked
from generator.model.entityref import COVERAGE_TYPES, EntityRef, from_persons
from generator.model.refs import PersonRef
from generator.extract.quotes import Quote
from generator.util.spans import SpanSet

KINDS = ("figure", "quote", "paraphrase", "date", "attribute", "actor", "coverage")
EXPLANATIONS = ("rounding", "different-time", "different-scope", "translation", "conflict")
STATUSES = ("open", "explained", "resolved")
SEVERITIES = ("low", "medium", "high")
# Platforms people post on; names, the same in every language.
PLATFORMS = ("Facebook", "Instagram", "YouTube", "Twitter", "TikTok", "Snapchat", "Reddit", "WhatsApp",
             "Telegram", "LinkedIn", "Twitch", "Threads", "Bluesky")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_CLAUSE_BREAK = re.compile(r"[,;:.!?–—()]")
_PARENTHETICAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MIN_VARIANT_MATCH = 4
_CONJUNCTIONS = {"and": "en", "og": "nb", "und": "de", "et": "fr", "but": "en", "men": "nb", "aber": "de", "mais": "fr"}  # words two quotes must share, in order, to be one quote


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


def _stable_id(kind: str, key: str) -> str:
    return f"{kind}-{hashlib.sha256(f'{kind}|{key}'.encode()).hexdigest()[:10]}"


def _claim(sources: dict[str, Source], source: str, start: int, end: int, value: Any = None,
           role: str = "claim") -> Claim:
    span = sources[source].span(start, end)
    return Claim(span.source, span.anchor, span.start, span.end, span.text, value, role)


def _short(source_id: str) -> str:
    return source_id.split("-")[0]


SAID_IN_FULL = 6
"""Sources a summary names one by one; with more, it groups them by what they say."""


def _said(pairs: Sequence[tuple[str, str]]) -> str:
    """What each source says (``pairs`` of source id and its wording), for a finding's summary:
    ``001: “18 kg”; 002: “40 lb”`` for a few sources, and for many, grouped by wording, most
    sources first: ``“18 kg” (001, 004, 009, 011, 017 and 40 more); “40 lb” (002 …); and 12
    other wordings``, so that a finding across thousands of sources keeps a summary one can read
    (every source is still a claim of the finding)."""
    if len(pairs) <= SAID_IN_FULL:
        return "; ".join(f"{_short(source)}: {said}" for source, said in pairs)
    by_said: dict[str, list[str]] = {}
    for source, said in pairs:
        by_said.setdefault(said, []).append(source)
    ranked = sorted(by_said.items(), key=lambda item: -len(item[1]))  # stable: first said first among equals
    parts = [f"{said} ({_listed(ids)})" for said, ids in ranked[:4]]
    if len(ranked) > 4:
        parts.append(f"and {len(ranked) - 4} other wordings")
    return "; ".join(parts)


def _number(value: float) -> str:
    for factor, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= factor and (value / factor) == round(value / factor, 2):
            return f"{value / factor:g} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


# ---------------------------------------------------------------- language helpers

@lru_cache(maxsize=None)
def _stopwords(language: str) -> frozenset[str]:
    return word_set(language, "claim_stopwords")


@lru_cache(maxsize=None)
def _hedges(language: str) -> tuple[str, ...]:
    return tuple(sorted(word_set(language, "claim_hedges"), key=len, reverse=True))


# Lemmas worked out with each source's own analysis (in parallel, and cached with it), so
# that comparing a case whose analyses all come from the cache loads no lemma dictionary
# (loading simplemma's four dictionaries takes seconds). Filled by :func:`prime_lemmas`.
_PRIMED: dict[tuple[str, str], str] = {}


def word_lemmas(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """``(word, lemma)`` for each distinct word of ``text`` as the comparison reads words
    (lower case, typographic apostrophe straightened), sorted."""
    words = sorted({m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)})
    return tuple((word, _lemma(word, language)) for word in words)


def prime_lemmas(language: str, pairs: Iterable[tuple[str, str]]) -> None:
    """Remember lemmas from :func:`word_lemmas` (the same function's results: a word not
    primed is still lemmatised, so priming changes only how fast it goes)."""
    for word, lemma in pairs:
        _PRIMED[(word, language)] = lemma


@persistent
def _lemma_dictionary(language: str) -> dict[bytes, bytes]:
    """simplemma's dictionary for ``language``, decoded. Its shipped form is front-coded and
    takes up to half a second a language to decode, in every process; kept as a pickle in
    the derived-data cache it loads three times faster."""
    table = DEFAULT_DICTIONARY_FACTORY.get_dictionary(language)
    return {key.encode(): value.encode() for key, value in table.items()}


class _Dictionaries:
    """simplemma's dictionary factory, reading :func:`_lemma_dictionary`."""

    @lru_cache(maxsize=None)  # noqa: B019 (one instance, for the life of the process)
    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return MappingStrToByteString(_lemma_dictionary(lang))  # type: ignore[arg-type]


def release_dictionaries() -> None:
    """Drop the lemma dictionaries from memory, with every other derived table: once each
    source's words are primed, comparing needs them only for a stray word (then they load
    again, the same)."""
    _Dictionaries.get_dictionary.cache_clear()
    release()


# simplemma's default lemmatizer (not greedy), over the cached dictionaries
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_Dictionaries()))


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    lower = word.lower().replace("’", "'")
    primed = _PRIMED.get((lower, language))
    if primed is not None:
        return primed
    try:
        lemma = _LEMMATIZER.lemmatize(lower, lang=language).lower()
    except ValueError:
        lemma = lower
    if language == "en":
        lemma = re.sub(r"is(e|ed|ing)$", r"iz\1", lemma)  # criticise / criticize
    return lemma


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str
    lemma: str
    content: bool
    hedge: bool


def _tokens(text: str, start: int, end: int, language: str) -> list[_Token]:
    stop = _stopwords(language)
    hedges = set(_hedges(language))
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group(0)
        lower = word.lower().replace("’", "'")
        lemma = _lemma(word, language)
        is_hedge = lower in hedges
        content = (not is_hedge and not lower[:1].isdigit() and len(lower) > 1
                   and lower not in stop and lemma not in stop)
        out.append(_Token(m.start(), m.end(), word, lemma, content, is_hedge))
    return out


def _clauses(text: str, tokens: list[_Token], language: str) -> list[list[_Token]]:
    """Tokens cut at punctuation and at coordinating "and"/"og"/"und"/"et"."""
    conjunctions = _CONJUNCTIONS
    clauses: list[list[_Token]] = [[]]
    previous_end = tokens[0].start if tokens else 0
    for token in tokens:
        gap = text[previous_end:token.start]
        if _CLAUSE_BREAK.search(gap) or conjunctions.get(token.word.lower()) == language:
            if clauses[-1]:
                clauses.append([])
        if conjunctions.get(token.word.lower()) != language:
            clauses[-1].append(token)
        previous_end = token.end
    return [c for c in clauses if c]


@lru_cache(maxsize=100_000)
def _hedge_in(text: str, language: str) -> str | None:
    lower = " " + re.sub(r"\s+", " ", text.lower().replace("’", "'")) + " "
    for hedge in _hedges(language):
        if f" {hedge} " in lower or f" {hedge}," in lower or f" {hedge}." in lower:
            return hedge
    return None


# ---------------------------------------------------------------- figures and ages

_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")


def _as_written(figure: Figure) -> float | None:
    """The number as its digits give it ("2" of "2 millions", 40 of "40-pound"); ``None`` in words."""
    if figure.written_value is not None:
        return figure.written_value
    digits = _DIGITS.search(figure.text)
    return parse_number(digits.group(0), figure.language) if digits else None


def _tolerance(figure: Figure) -> tuple[float | None, float | None]:
    """The figure's range widened by the rounding its written value implies."""
    low, high = figure.low, figure.high
    written = _as_written(figure)
    value = written or figure.value
    factor = figure.value / value if value else 1.0
    step = 1.0
    integer = int(round(value))
    if integer == value and integer != 0:
        while integer % 10 == 0 and step * 10 < abs(value):
            integer //= 10
            step *= 10
    else:
        step = 0.1
    if step > 1 and written is not None:  # round digits: what rounds to them, within a tenth ("1000", "300 million")
        half = min(step / 2, abs(value) / 10) * factor
    elif step > 1 or factor != 1.0:  # in words, or scaled or converted ("two million", "2 millions", "60 mph")
        half = step / 2 * factor
    else:  # a count or measure as written ("6 years", "6.1"): itself
        half = 0.0
    half *= 0.999  # what rounds to a value is a half-open range: "6.1 km" and "6.2 km" do not meet at 6.15
    return (None if low is None else low - half, None if high is None else high + half)


def _precision(figure: Figure) -> tuple[float, int]:
    """How narrow a figure's range is (open-ended last), then where it stands: the most precise first."""
    low, high = _tolerance(figure)
    width = float("inf") if low is None or high is None else high - low
    return (width, figure.start)


def _overlap(ranges: list[tuple[float | None, float | None]]) -> bool:
    low = max((r[0] for r in ranges if r[0] is not None), default=None)
    high = min((r[1] for r in ranges if r[1] is not None), default=None)
    return low is None or high is None or low <= high


_FAR_APART = 5  # values this many times apart count different things more likely than one thing wrongly


def _far_apart(values: Iterable[float]) -> bool:
    positive = [abs(v) for v in values if v]
    return len(positive) > 1 and max(positive) > _FAR_APART * min(positive)


def _comparable(by_source: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """Each source's figures of one measure that can be compared with the other sources'.

    Where a source also gives values near the other sources', a value far from every one of
    theirs ("plus de 50 000 morts" of an earlier quake beside "41 morts") is about something
    else and is set aside. A source whose values still exclude each other counts different
    things under one name: it is left out rather than guessed at.
    """
    values = sorted(abs(f.value) for fs in by_source.values() for f in fs if f.value)
    zeros = sum(1 for fs in by_source.values() for f in fs if not f.value)

    def near_others(value: float, own: list[Figure]) -> bool:
        """Whether another source gives a value within a factor of _FAR_APART of ``value`` (a zero
        is near everything): counted in the sorted values of all sources, less the source's own."""
        if not value:
            return len(values) + zeros > len(own)
        low, high = abs(value) / _FAR_APART, abs(value) * _FAR_APART
        mine = sum(1 for f in own if f.value and low <= abs(f.value) <= high)
        return zeros > sum(1 for f in own if not f.value) or bisect_right(values, high) - bisect_left(values, low) > mine

    kept: dict[str, list[Figure]] = {}
    for source, figures in by_source.items():
        near = [f for f in figures if near_others(f.value, figures)] or figures
        if len({(f.value, f.qualifier) for f in near}) > 1 and not _overlap([_tolerance(f) for f in near]):
            continue
        kept[source] = near
    return kept


# Measures that do not say of what: a percentage is compared within one language, like a noun
# ("27.4 per cent" of which party? the words around it say, in that language only).
_SHARES = frozenset({"percent"})


def _figure_discrepancies(figures: Sequence[Figure], sources: dict[str, Source]) -> list[Discrepancy]:
    groups: dict[tuple[str, str | None, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.measure == "age":
            continue
        scope = figure.language if figure.measure.startswith("word:") or figure.measure in _SHARES else ""
        groups[(figure.measure, figure.subject, scope)].append(figure)
    found = []
    for (measure, subject, scope), members in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1] or "", g[0][2])):
        by_source: dict[str, list[Figure]] = defaultdict(list)
        for figure in members:
            by_source[figure.source].append(figure)
        if any(len({f.counted_by for f in fs if f.counted_by}) > 1 for fs in by_source.values()):
            # a source gives counts by different counters ("80 000 selon la police, 400 000 selon la
            # CGT"): each counter's figures are compared with that counter's in other sources only
            counters = sorted({f.counted_by for f in members if f.counted_by})
            for counter in counters:
                kept = {sid: [f for f in fs if f.counted_by == counter] for sid, fs in by_source.items()}
                finding = _figure_finding(measure, subject, scope, {k: v for k, v in kept.items() if v}, sources,
                                          counter)
                found.extend([finding] if finding else [])
            continue
        finding = _figure_finding(measure, subject, scope, by_source, sources)
        found.extend([finding] if finding else [])
    return found


def _figure_finding(measure: str, subject: str | None, scope: str, by_source: dict[str, list[Figure]],
                    sources: dict[str, Source], counter: str | None = None) -> Discrepancy | None:
    """The finding of one measure's figures, each source's list of them by its id; ``None`` if they agree."""
    if len(by_source) < 2:
        return None
    by_source = _comparable(by_source)
    if len(by_source) < 2:
        return None
    # a source's values that agree ("zwölf Verletzte", "mindestens 12 Menschen wurden verletzt"): the most precise
    chosen = [min(fs, key=_precision) for _, fs in sorted(by_source.items())]
    if len({(f.value, f.qualifier) for f in chosen}) == 1:
        return None
    values = {f.value for f in chosen}
    compatible = _overlap([_tolerance(f) for f in chosen])
    if not compatible and _far_apart(values):
        explanation, severity = "different-scope", "medium"
    elif measure in GROWING_MEASURES:
        explanation, severity = "different-time", "low" if compatible else "medium"
    elif len(values) == 1 or compatible:
        explanation, severity = "rounding", "low"
    else:
        explanation, severity = "conflict", "high"
    label = measure.removeprefix("word:").replace("_", " ") + (f" counted by {counter}" if counter else "")
    said = _said([(f.source, f"“{f.text}”") for f in chosen])
    why = {"different-time": f"{measure.removeprefix('word:')} grow over time and the sources count at different "
                             "moments",
           "rounding": "the values agree within rounding and the qualifiers used",
           "different-scope": f"the values are more than {_FAR_APART} times apart: the sources likely count "
                              "different things (a part and the whole, or another event)",
           "conflict": "the values cannot all be true"}[explanation]
    key = "|".join(x for x in (measure, subject or "", scope, f"by:{counter}" if counter else "") if x)
    return Discrepancy(
        id=_stable_id("figure", key), kind="figure", key=key,
        summary=f"The sources give different figures for {label}: {said} — {why}.",
        explanation=explanation, severity=severity,
        claims=tuple(_claim(sources, f.source, f.start, f.end, f.value, "figure") for f in chosen))


def _birthday_fits(ages: Sequence[Figure], sources: dict[str, Source]) -> bool:
    """Whether a birthday between the reports can explain ages a year apart: every source giving
    the lower age was published before every one giving the higher (unknown dates fit)."""
    low = min(f.value for f in ages)

    def published(figure: Figure) -> Any:
        source = sources.get(figure.source)
        day = source.metadata.published if source is not None else None
        return day.date() if isinstance(day, dt.datetime) else day

    younger = [d for f in ages if f.value == low and (d := published(f)) is not None]
    older = [d for f in ages if f.value != low and (d := published(f)) is not None]
    return not younger or not older or max(younger) < min(older)


def _age_discrepancies(figures: Sequence[Figure], sources: dict[str, Source],
                       names: dict[str, str]) -> list[Discrepancy]:
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.measure == "age" and figure.subject:
            groups[figure.subject].append(figure)
    found = []
    for subject, members in sorted(groups.items()):
        values = sorted({f.value for f in members})
        if len(values) < 2:
            continue
        close = values[-1] - values[0] <= 1
        explanation = "different-time" if close and _birthday_fits(members, sources) else "conflict"
        name = names.get(subject, subject)
        said = _said([(f.source, f.text) for f in members])
        ruled_out = " — the reports' publication dates rule out a birthday between them."
        why = {"different-time": " — a birthday between the reports would explain it.",
               "conflict": ruled_out if close else "."}[explanation]
        found.append(Discrepancy(
            id=_stable_id("attribute", f"{subject}|age"), kind="attribute", key=f"{subject}|age",
            summary=f"{name}'s age differs: {said}{why}",
            explanation=explanation, severity="low" if explanation == "different-time" else "medium",
            claims=tuple(_claim(sources, f.source, f.start, f.end, f.value, "figure") for f in members),
            detail="age"))
    return found


# ---------------------------------------------------------------- quotes

def _quote_words(quote: Quote) -> list[tuple[int, int, str]]:
    """Words of a quote, without editorial insertions in brackets, as (start, end, normalised)."""
    text = quote.text
    masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text)
    numbers = _number_words(quote.language)
    return [(quote.start + m.start(), quote.start + m.end(), numbers.get(word, word))
            for m in _WORD.finditer(masked) for word in (m.group(0).lower().replace("’", "'"),)]


@lru_cache(maxsize=None)
def _number_words(language: str) -> dict[str, str]:
    """Number words as digits, so that "forty years" and "40 years" quote the same words."""
    return {word: str(int(value)) for word, value in number_syntax(language).words.items()
            if value == int(value) and " " not in word}


_TAIL_WORDS = 3  # words at either end in which two renderings of one quote may both differ


def _aligned_region(a: list[str], b: list[str]) -> tuple[int, int, int, int] | None:
    """Cached :func:`_align` (syndicated copies repeat the same quotes)."""
    return _align(tuple(a), tuple(b))


@lru_cache(maxsize=50_000)
def _align(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int, int, int] | None:
    """The stretch of two word lists that renders the same words, allowing one-word changes.

    The longest chain of matching runs with small gaps is the anchor; it is then extended
    word by word on both sides while the words agree or differ in a single word.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    chains: list[list[Any]] = []
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        if chains:
            last = chains[-1][-1]
            if block.a - (last.a + last.size) <= 3 and block.b - (last.b + last.size) <= 3:
                chains[-1].append(block)
                continue
        chains.append([block])
    if not chains:
        return None
    chain = max(chains, key=lambda c: sum(blk.size for blk in c))
    if sum(blk.size for blk in chain) < _MIN_VARIANT_MATCH:
        return None
    a_lo, b_lo = chain[0].a, chain[0].b
    a_hi, b_hi = chain[-1].a + chain[-1].size, chain[-1].b + chain[-1].size
    while a_lo > 0 and b_lo > 0:
        if a[a_lo - 1] == b[b_lo - 1]:
            a_lo, b_lo = a_lo - 1, b_lo - 1
        elif a_lo > 1 and b_lo > 1 and a[a_lo - 2] == b[b_lo - 2]:
            a_lo, b_lo = a_lo - 2, b_lo - 2
        else:
            break
    while a_hi < len(a) and b_hi < len(b):
        if a[a_hi] == b[b_hi]:
            a_hi, b_hi = a_hi + 1, b_hi + 1
        elif a_hi + 1 < len(a) and b_hi + 1 < len(b) and a[a_hi + 1] == b[b_hi + 1]:
            a_hi, b_hi = a_hi + 2, b_hi + 2
        else:
            break
    # Both quotes go on for a few words more, differently ("… dès qu'il a vu l'obstacle" /
    # "… aperçu l'arbre"): the same sentence ends in other words. (Where only one goes on, it
    # quotes more of the sentence: no change of wording.)
    if 0 < a_lo <= _TAIL_WORDS and 0 < b_lo <= _TAIL_WORDS:
        a_lo, b_lo = 0, 0
    if 0 < len(a) - a_hi <= _TAIL_WORDS and 0 < len(b) - b_hi <= _TAIL_WORDS:
        a_hi, b_hi = len(a), len(b)
    matched = sum(blk.size for blk in SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi],
                                                      autojunk=False).get_matching_blocks())
    if matched / max(a_hi - a_lo, b_hi - b_lo) < 0.75:
        return None
    return a_lo, a_hi, b_lo, b_hi


def _quote_variants(quotes: Sequence[Quote], sources: dict[str, Source]) -> list[Discrepancy]:
    """Quotes rendered in different words. Each distinct rendering is indexed and aligned
    once; a variant is one discrepancy holding every source that quotes either rendering."""
    words = {q.id: _quote_words(q) for q in quotes}
    renderings: dict[tuple[str, tuple[str, ...]], list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.language, tuple(w for *_, w in words[quote.id]))].append(quote)
    order = {key: (min(q.source for q in members), key) for key, members in renderings.items()}
    index: dict[tuple[str, str, str, str], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key in renderings:
        language, ws = key
        for gram in {ws[k:k + 3] for k in range(len(ws) - 2)}:
            index[(language, *gram)].append(key)
    pairs: set[tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]]] = set()
    for keys in index.values():
        if len(keys) > 50:
            continue  # a phrase everyone quotes says nothing about which quotes belong together
        for a in keys:
            for b in keys:
                if order[a] < order[b]:
                    pairs.add((a, b))
    groups: dict[str, dict[str, Any]] = {}
    for a_key, b_key in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
        wa_plain, wb_plain = a_key[1], b_key[1]
        region = _align(wa_plain, wb_plain)
        if region is None:
            continue
        a_lo, a_hi, b_lo, b_hi = region
        matcher = SequenceMatcher(None, wa_plain[a_lo:a_hi], wb_plain[b_lo:b_hi], autojunk=False)
        ops = [(tag, i1 + a_lo, i2 + a_lo, j1 + b_lo, j2 + b_lo) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
        if all(op[0] == "equal" for op in ops):
            continue
        for a in renderings[a_key]:
            for b in renderings[b_key]:
                if a.source == b.source or (a.speaker and b.speaker and a.speaker != b.speaker):
                    continue
                speaker = a.speaker or b.speaker or "unknown"
                key = f"{speaker}|{' '.join(wa_plain[a_lo:min(a_hi, a_lo + 8)])}|{' '.join(wb_plain[b_lo:min(b_hi, b_lo + 8)])}"
                group = groups.get(key)
                if group is None:
                    group = groups[key] = {"ops": ops, "a": set(), "b": set(), "who": None, "language": a.language,
                                           "plain": (wa_plain, wb_plain)}
                group["who"] = group["who"] or a.speaker_name or b.speaker_name
                wa, wb = words[a.id], words[b.id]
                group["a"].add((a.source, wa[a_lo][0], wa[a_hi - 1][1]))
                group["b"].add((b.source, wb[b_lo][0], wb[b_hi - 1][1]))
    found = []
    for key, group in sorted(groups.items()):
        wa_plain, wb_plain = group["plain"]
        diff = tuple(DiffPart(tag, " ".join(wa_plain[i1:i2]), " ".join(wb_plain[j1:j2]))
                     for tag, i1, i2, j1, j2 in group["ops"])
        a_sources = _listed(s for s, _, _ in group["a"])
        b_sources = _listed(s for s, _, _ in group["b"])
        changes = "; ".join(f"“{d.left}” → “{d.right}”" if d.op == "replace" else
                            (f"“{d.left}” only in {a_sources}" if d.op == "delete" else
                             f"“{d.right}” only in {b_sources}") for d in diff if d.op != "equal")
        claims = tuple(_claim(sources, s, start, end, None, "quote")
                       for side in ("a", "b") for s, start, end in sorted(group[side]))
        found.append(Discrepancy(
            id=_stable_id("quote", key), kind="quote", key=key,
            summary=f"The sources quote {group['who'] or 'an unnamed speaker'} in different words: {changes}.",
            explanation="conflict", severity="medium" if any(
                _content_word(d.left + " " + d.right, group["language"]) for d in diff if d.op != "equal") else "low",
            claims=claims, diff=diff, detail="wording"))
    return found


def _content_word(text: str, language: str) -> bool:
    stop = _stopwords(language)
    return any(w.lower() not in stop for w in _WORD.findall(text))


# ---------------------------------------------------------------- paraphrase

@dataclass(frozen=True)
class _Departure:
    """One departure between a narrative sentence and a quote, in offsets relative to each."""

    detail: str
    key_words: str
    summary: str
    """With ``\x00N`` and ``\x00Q`` standing for the narrative's and the quote's sources."""
    n_span: tuple[int, int]
    q_span: tuple[int, int]
    explanation: str = "conflict"
    severity: str = "medium"


def _paraphrase_departures(sources: dict[str, Source], quotes: Sequence[Quote],
                           links: dict[str, tuple[str, ...]]) -> list[Discrepancy]:
    """Narrative sentences of one source set against direct quotes in another.

    Work is done once per distinct sentence text and distinct quote text (syndicated
    copies repeat both), and departures with the same key are one discrepancy whose
    claims are every source telling it and every source quoting it.
    """
    renderings: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.text, quote.language)].append(quote)
    quote_index: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    quote_tokens: dict[tuple[str, str], list[_Token]] = {}
    quote_clauses: dict[tuple[str, str], list[list[_Token]]] = {}
    quote_lemmas: dict[tuple[str, str], set[str]] = {}
    for key in renderings:
        text, language = key
        tokens = _tokens(text, 0, len(text), language)
        quote_tokens[key] = tokens
        quote_clauses[key] = _clauses(text, tokens, language)
        quote_lemmas[key] = {t.lemma for t in tokens if t.content}
        for lemma in quote_lemmas[key]:
            quote_index[(language, lemma)].add(key)
    # Each quote text's renderings by speaker (a departure's wording and its discrepancy
    # depend on who speaks), each speaker's by source, with the quoting sources sorted.
    classes: dict[tuple[str, str], list[_Rendered]] = {}
    for key, group in renderings.items():
        by_speaker: dict[tuple[str | None, str], dict[str, list[Quote]]] = {}
        for quote in group:
            by_speaker.setdefault((quote.speaker, quote.speaker_name or "the speaker"), {}) \
                .setdefault(quote.source, []).append(quote)
        classes[key] = [_Rendered(speaker, who, by_source, sorted(by_source))
                        for (speaker, who), by_source in by_speaker.items()]
    sentences: dict[tuple[str, str], tuple[list[_Token], list[tuple[str, str]]]] = {}
    departures: dict[tuple[str, str, tuple[str, str], str], list[_Departure]] = {}
    # which quoting sources' renderings are in the groups already, per departure list and speaker:
    # all but one source's (its id) or all (None). Wire copy repeats a sentence in M sources and
    # a quote in N: the groups get N + M claims, and the work is no longer M × N.
    quotes_left: dict[tuple[tuple[str, str, tuple[str, str], str], str | None], str | None] = {}
    groups: dict[str, dict[str, Any]] = {}
    quoted = _spans_by_source(quotes)
    for source in sources.values():
        language = source.language
        spans = SpanSet(quoted.get(source.id, []))
        for paragraph in source.paragraphs:
            for sentence in paragraph.sentences:
                if spans.overlaps(sentence.start, sentence.end):
                    continue
                s_text = source.text[sentence.start:sentence.end]
                known = sentences.get((s_text, language))
                if known is None:
                    known = sentences[(s_text, language)] = _sentence_candidates(
                        s_text, language, quote_index, quote_lemmas)
                tokens, candidates = known
                n_clauses: list[list[_Token]] | None = None
                for q_key in candidates:
                    for rendered in classes[q_key]:
                        other = rendered.first_other(source.id)
                        if other is None:  # only this source quotes these words
                            continue
                        cache_key = (s_text, language, q_key, rendered.who)
                        found = departures.get(cache_key)
                        if found is None:
                            if n_clauses is None:
                                n_clauses = _clauses(s_text, tokens, language)
                            found = departures[cache_key] = _departures(
                                s_text, language, tokens, n_clauses, q_key[0], q_key[1], quote_tokens[q_key],
                                quote_clauses[q_key], rendered.who)
                        if not found:
                            continue
                        for departure in found:
                            _add_narrative(groups, departure, rendered.speaker, source.id, other, sentence.start)
                        memo = (cache_key, rendered.speaker)
                        if memo not in quotes_left:
                            quoting = [q for qs in rendered.sources if qs != source.id for q in rendered.by_source[qs]]
                            quotes_left[memo] = source.id if source.id in rendered.by_source else None
                        elif quotes_left[memo] not in (None, source.id):
                            quoting = list(rendered.by_source[quotes_left[memo] or ""])
                            quotes_left[memo] = None
                        else:
                            continue
                        for quote in quoting:
                            for departure in found:
                                _add_quote(groups, departure, quote, links)
    return [_departure_discrepancy(group, sources) for _, group in sorted(groups.items())]


@dataclass(frozen=True)
class _Rendered:
    """One speaker's renderings of one quote text, by source (``sources`` sorted)."""

    speaker: str | None
    who: str
    by_source: dict[str, list[Quote]]
    sources: list[str]

    def first_other(self, source: str) -> str | None:
        """The first quoting source (by id) other than ``source``, or ``None``."""
        if self.sources[0] != source:
            return self.sources[0]
        return self.sources[1] if len(self.sources) > 1 else None


def _spans_by_source(records: Iterable[Any]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each record, by source, sorted: one pass instead of one per source."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for record in records:
        out[record.source].append((record.start, record.end))
    return {source: sorted(spans) for source, spans in out.items()}


def _sentence_candidates(s_text: str, language: str, quote_index: dict[tuple[str, str], set[tuple[str, str]]],
                         quote_lemmas: dict[tuple[str, str], set[str]]
                         ) -> tuple[list[_Token], list[tuple[str, str]]]:
    """A sentence's tokens and the distinct quotes sharing enough content words with it.

    The tokens are kept only for a sentence with candidates: the caller caches the result
    per sentence text, and most sentences have none (a long source has hundreds of
    thousands of them)."""
    tokens = _tokens(s_text, 0, len(s_text), language)
    lemmas = {t.lemma for t in tokens if t.content}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for lemma in lemmas:
        for q_key in quote_index.get((language, lemma), ()):
            counts[q_key] += 1
    candidates = []
    for q_key, shared in sorted(counts.items()):
        if shared < 2:
            continue
        if shared < 3 and shared / max(1, min(len(lemmas), len(quote_lemmas[q_key]))) < 0.25:
            continue
        candidates.append(q_key)
    return (tokens if candidates else []), candidates


def _group_key(departure: _Departure, speaker: str | None) -> str:
    return f"{departure.detail}|{speaker or 'unknown'}|{departure.key_words}"


def _add_narrative(groups: dict[str, dict[str, Any]], departure: _Departure, speaker: str | None,
                   source: str, quote_source: str, base: int) -> None:
    """A narrative sentence's departure from a quote, whose first other quoting source is
    ``quote_source``; the group's wording comes from its first (narrative, quote) source pair."""
    key = _group_key(departure, speaker)
    group = groups.get(key)
    if group is None:
        group = groups[key] = {"key": key, "first": (source, quote_source, departure), "narrative": set(),
                               "quote": set(), "translation": set()}
    elif (source, quote_source) < group["first"][:2]:
        group["first"] = (source, quote_source, departure)
    group["narrative"].add((source, base + departure.n_span[0], base + departure.n_span[1]))


def _add_quote(groups: dict[str, dict[str, Any]], departure: _Departure, quote: Quote,
               links: dict[str, tuple[str, ...]]) -> None:
    """A rendering of the quote a narrative departs from (its group exists: the narrative came first)."""
    group = groups[_group_key(departure, quote.speaker)]
    group["quote"].add((quote.source, quote.start + departure.q_span[0], quote.start + departure.q_span[1]))
    for other in links.get(quote.id, ()):
        source_id, start, end = other.split("|")
        group["translation"].add((source_id, int(start), int(end)))


def _listed(ids: Iterable[str]) -> str:
    shorts = sorted({_short(i) for i in ids})
    if len(shorts) > 6:
        return ", ".join(shorts[:5]) + f" and {len(shorts) - 5} more"
    return shorts[0] if len(shorts) == 1 else ", ".join(shorts[:-1]) + " and " + shorts[-1]


def _departure_discrepancy(group: dict[str, Any], sources: dict[str, Source]) -> Discrepancy:
    _, _, departure = group["first"]
    narrators = {s for s, _, _ in group["narrative"]}
    quoting = {s for s, _, _ in group["quote"]}
    summary = departure.summary.replace("\x00N", _listed(narrators)).replace("\x00Q", _listed(quoting))
    if len(narrators) > 1:
        summary = summary.replace(" tells it as ", " tell it as ", 1).replace("'s account ", "' accounts ", 1)
        summary = summary.replace(" reports “", " report “", 1)
    claims = [_claim(sources, s, start, end, None, role)
              for role in ("narrative", "quote", "translation") for s, start, end in sorted(group[role])]
    return Discrepancy(id=_stable_id("paraphrase", group["key"]), kind="paraphrase", key=group["key"],
                       summary=summary, explanation=departure.explanation, severity=departure.severity,
                       claims=tuple(claims), detail=departure.detail)


def _extend_left(clause: list[_Token], index: int, limit: int = 2) -> int:
    k = index
    while k > 0 and index - k < limit and not clause[k - 1].content:
        k -= 1
    return k


def _slot(clause: list[_Token], only: list[int], shared: set[str]) -> tuple[str | None, str | None] | None:
    """The shared words around a contiguous run of unshared content words, or ``None`` if not contiguous."""
    content = [k for k, t in enumerate(clause) if t.content]
    if not only:
        return None
    positions = [content.index(k) for k in only]
    if positions != list(range(positions[0], positions[0] + len(positions))):
        return None
    before = [clause[k].lemma for k in content[:positions[0]] if clause[k].lemma in shared]
    after = [clause[k].lemma for k in content[positions[-1] + 1:] if clause[k].lemma in shared]
    return (before[-1] if before else None, after[0] if after else None)


def _same_slot(a: tuple[str | None, str | None] | None, b: tuple[str | None, str | None] | None) -> bool:
    """Two runs stand in the same place: between the same shared words, or both ending or opening their clause."""
    if a is None or b is None:
        return False
    return a == b or (a[1] is None and b[1] is None) or (a[0] is None and b[0] is None)


def _departures(text: str, language: str, tokens: list[_Token], n_clauses: list[list[_Token]],
                q_text: str, q_language: str, q_tokens: list[_Token], q_clauses: list[list[_Token]],
                who: str) -> list[_Departure]:
    """How a narrative sentence (``text``) departs from a quote (``q_text``); spans relative to each."""
    s_start, s_end = 0, len(text)
    found = []
    matched_q: set[int] = set()
    n_lemmas_all = {t.lemma for t in tokens if t.content}

    def make(detail: str, key_words: str, summary: str, n_span: tuple[int, int], q_span: tuple[int, int],
             explanation: str = "conflict", severity: str = "medium") -> _Departure:
        return _Departure(detail, key_words, summary, n_span, q_span, explanation, severity)

    for n_clause in n_clauses:
        n_set = {t.lemma for t in n_clause if t.content}
        best, best_shared = None, 0
        for k, q_clause in enumerate(q_clauses):
            shared = len(n_set & {t.lemma for t in q_clause if t.content})
            if shared > best_shared:
                best, best_shared = k, shared
        if best is None:
            continue
        matched_q.add(best)
        q_clause = q_clauses[best]
        q_set = {t.lemma for t in q_clause if t.content}
        shared_set = n_set & q_set
        n_only = [k for k, t in enumerate(n_clause) if t.content and t.lemma not in q_set]
        q_only = [k for k, t in enumerate(q_clause) if t.content and t.lemma not in n_set]
        n_span_clause = (n_clause[0].start, n_clause[-1].end)
        q_span_clause = (q_clause[0].start, q_clause[-1].end)
        n_hedge = _hedge_in(text[n_span_clause[0]:n_span_clause[1]], language)
        q_hedge = _hedge_in(q_text[q_span_clause[0]:q_span_clause[1]], q_language)
        # One shared word is a retelling only in a short clause ("things can get better" for
        # "it'll probably get better"); in a long one it is chance ("the storm" in any report).
        if q_hedge and not n_hedge and (best_shared >= 2 or 2 * best_shared >= len(n_set)):
            # keyed by the hedge and the quote clause it is in: narratives dropping it from
            # different quotes are different findings
            found.append(make("hedge dropped", f"{q_hedge}: " + " ".join(sorted(q_set)),
                              f"\x00N reports “{text[n_span_clause[0]:n_span_clause[1]]}” without the "
                              f"hedge “{q_hedge}” that {who} uses in the quote in \x00Q.",
                              n_span_clause, q_span_clause))
        if len(shared_set) < 2:
            continue
        n_slot = _slot(n_clause, n_only, shared_set)
        q_slot = _slot(q_clause, q_only, shared_set)
        if 1 <= len(n_only) <= 2 and 1 <= len(q_only) <= 2 and _same_slot(n_slot, q_slot):
            n_lo = _extend_left(n_clause, n_only[0])
            q_lo = _extend_left(q_clause, q_only[0])
            n_span = (n_clause[n_lo].start, n_clause[n_only[-1]].end)
            q_span = (q_clause[q_lo].start, q_clause[q_only[-1]].end)
            found.append(make("substitution", " ".join(sorted(n_clause[k].lemma for k in n_only)) + "/"
                              + " ".join(sorted(q_clause[k].lemma for k in q_only)),
                              f"\x00N tells it as “{text[n_span[0]:n_span[1]]}” where {who} says "
                              f"“{q_text[q_span[0]:q_span[1]]}” in the quote in \x00Q.",
                              n_span, q_span))
        elif len(n_only) == 1 and not q_only and n_slot is not None:
            n_lo = _extend_left(n_clause, n_only[0])
            n_span = (n_clause[n_lo].start, n_clause[n_only[-1]].end)
            last_shared = max(k for k, t in enumerate(q_clause) if t.lemma in shared_set)
            tail = q_clause[last_shared + 1:] or q_clause
            q_span = (tail[0].start, tail[-1].end)
            found.append(make("addition", " ".join(sorted(n_clause[k].lemma for k in n_only)),
                              f"\x00N tells it as “{text[n_span[0]:n_span[1]]}” where {who} says "
                              f"“{q_text[q_span[0]:q_span[1]]}” in the quote in \x00Q.",
                              n_span, q_span))
    # a short quote whose other parts the narrative retells, but one part it leaves out
    if len(q_clauses) <= 4 and len(matched_q) >= 2 and len(matched_q) >= len(q_clauses) - 1:
        for k, q_clause in enumerate(q_clauses):
            q_set = {t.lemma for t in q_clause if t.content}
            if k in matched_q or not q_set or q_set & n_lemmas_all:
                continue
            q_span = (q_clause[0].start, q_clause[-1].end)
            found.append(make("omission", " ".join(sorted(q_set)),
                              f"\x00N's account (“{text[s_start:s_end].strip()[:80]}…”) leaves out "
                              f"“{q_text[q_span[0]:q_span[1]]}”, which {who} says in the quote in "
                              f"\x00Q.", (s_start, s_end), q_span, severity="low"))
    return found


# ---------------------------------------------------------------- dates

def story_years(sources: Iterable[Source], case: CaseInfo | None,
                dates: Iterable[DateMention] = ()) -> tuple[tuple[int, ...], str]:
    """Years the story can lie in, and where that comes from.

    ``case.yml`` ``year: 2017`` (or a list) or ``period: 2017-12`` / ``2017-2018`` wins; else the
    years of published dates (that year and the one before) and of dates written with a year;
    else :data:`~generator.extract.dates.DEFAULT_YEARS`.
    """
    raw = case.raw if case is not None else {}
    hint = raw.get("year", raw.get("period"))
    years: set[int] = set()
    if isinstance(hint, int):
        years.add(hint)
    elif isinstance(hint, (list, tuple)):
        years.update(int(y) for y in hint if isinstance(y, int) or str(y).isdigit())
    elif isinstance(hint, (dt.date, str)):
        found = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", str(hint))]
        if len(found) == 2 and found[0] <= found[1]:
            years.update(range(found[0], found[1] + 1))
        else:
            years.update(found)
    elif isinstance(hint, dict):
        found = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", " ".join(map(str, hint.values())))]
        if found:
            years.update(range(min(found), max(found) + 1))
    if years:
        return tuple(sorted(years)), "case.yml"
    for source in sources:
        published = source.metadata.published
        if published is not None:
            years.update((published.year - 1, published.year))
    for mention in dates:
        if mention.year:
            years.add(mention.year)
    if years:
        return tuple(sorted(years)), "published dates"
    return tuple(DEFAULT_YEARS), "no hint"


@lru_cache(maxsize=10_000)
def _years_fitting(day: int, month: int, weekday: int, years: tuple[int, ...]) -> tuple[int, ...]:
    return years_fitting(day, month, weekday, years)


def _event_groups(dates: Iterable[DateMention]) -> dict[str, list[DateMention]]:
    """Day-month and weekday mentions by the event they date."""
    groups: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        if mention.event and mention.kind in ("absolute", "weekday"):
            groups[mention.event].append(mention)
    return groups


def _by_key(mentions: Iterable[DateMention], key: Any) -> list[list[DateMention]]:
    """``mentions`` grouped by ``key``, groups in order of their first member.

    Weekday checks compare groups of equal values, never all pairs of mentions: a thousand
    sources that each say "Dec. 8" and "Friday" make one check, not a million.
    """
    groups: dict[Any, list[DateMention]] = {}
    for mention in mentions:
        groups.setdefault(key(mention), []).append(mention)
    return list(groups.values())


def _firm(mention: DateMention) -> bool:
    """Resolved from the text and its source's date, not inferred from another source."""
    return bool(mention.resolved) and not mention.inferred_from


def _wordings(mentions: Sequence[DateMention]) -> str:
    """“Dec. 8” (001), or “Dec. 8” (001, 004 and 2 more) / “8. desember” (003) for a group."""
    by_text: dict[str, list[str]] = {}
    for mention in mentions:
        by_text.setdefault(mention.text, []).append(mention.source)
    parts = [f"“{text}” ({_listed(ids)})" for text, ids in list(by_text.items())[:3]]
    if len(by_text) > 3:
        parts.append(f"{len(by_text) - 3} other wordings")
    return " / ".join(parts)


def date_checks(sources: Sequence[Source], dates: Sequence[DateMention],
                case: CaseInfo | None = None) -> tuple[DateCheck, ...]:
    """Weekdays and day-month dates of the same event across sources, checked for the years that fit.

    Mentions of equal value (day, month, year; weekday) are checked together, one check per
    pair of values, so the checks grow with the distinct dates, not with the sources squared.
    """
    by_id = {s.id: s for s in sources}
    years, origin = story_years(sources, case, dates)
    where = {"case.yml": "the story period in case.yml", "published dates": "the published dates",
             "no hint": f"{years[0]}–{years[-1]}"}[origin]
    checks = []
    for event, members in sorted(_event_groups(dates).items()):
        days = _by_key((m for m in members if m.kind == "absolute" and m.day and m.month),
                       lambda m: (m.day, m.month, m.year, _firm(m)))
        weekdays = _by_key((m for m in members if m.kind == "weekday" and m.weekday is not None),
                           lambda m: (m.weekday, _firm(m)))
        for day_group in days:
            day = day_group[0]
            for weekday_group in weekdays:
                weekday = weekday_group[0]
                if _firm(day) and _firm(weekday):
                    continue  # both resolved: compared as dates by _date_discrepancies
                fit = _years_fitting(day.day or 0, day.month or 0, weekday.weekday or 0,
                                     (day.year,) if day.year else years)
                claims = tuple(_claim(by_id, m.source, m.start, m.end, m.resolved, "date")
                               for m in (*day_group, *weekday_group))
                shown = ", ".join(map(str, fit[:8])) + (" …" if len(fit) > 8 else "")
                summary = (f"{_wordings(day_group)} and {_wordings(weekday_group)} date the same event ({event}): "
                           + (f"consistent in {shown}." if fit else f"they never agree within {where}."))
                key = (f"{event}|{day.month:02d}-{day.day:02d}" + (f"-{day.year}" if day.year else "")
                       + (" resolved" if _firm(day) else "") + f"|weekday {weekday.weekday}"
                       + (" resolved" if _firm(weekday) else ""))
                checks.append(DateCheck(event, claims, fit, bool(fit), summary, key))
    return tuple(checks)


def infer_dates(sources: Sequence[Source], dates: Sequence[DateMention],
                case: CaseInfo | None = None) -> tuple[DateMention, ...]:
    """Dates resolved by a weekday and date check: ``dates`` with those mentions resolved, marked inferred.

    When a day-month and a weekday date the same event (in any sources) and fit exactly one
    year of the story period, both are that day ("Dec. 8" and "fredag" in 2017 are Friday
    2017-12-08). A mention is resolved only when every pair it is in points at the same day.
    Nothing else moves: a relative date ("i går") in a source without a publication date
    stays unresolved, since the source's own date is still unknown.
    """
    years, origin = story_years(sources, case, dates)
    where = {"case.yml": "the story period in case.yml", "published dates": "the years of the published dates",
             "no hint": f"{years[0]}–{years[-1]}"}[origin]
    candidates: dict[str, set[str]] = defaultdict(set)
    reasons: dict[str, str] = {}
    for event, members in sorted(_event_groups(dates).items()):
        days = _by_key((m for m in members if m.kind == "absolute" and m.day and m.month and m.weekday is None),
                       lambda m: (m.day, m.month, m.year, m.resolved))
        weekdays = _by_key((m for m in members if m.kind == "weekday" and m.weekday is not None and not m.resolved),
                           lambda m: m.weekday)
        for day_group in days:
            day = day_group[0]
            for weekday_group in weekdays:
                weekday = weekday_group[0]
                fit = _years_fitting(day.day or 0, day.month or 0, weekday.weekday or 0,
                                     (day.year,) if day.year else years)
                if len(fit) != 1:
                    continue
                try:
                    iso = dt.date(fit[0], day.month or 0, day.day or 0).isoformat()
                except ValueError:
                    continue
                if day.resolved and day.resolved != iso:
                    continue
                # The first pair in reading order names the reason, as a pairwise walk would.
                for group, other in ((day_group, weekday), (weekday_group, day)):
                    for mention in group:
                        if mention.resolved:
                            continue
                        candidates[mention.id].add(iso)
                        if mention.id not in reasons:
                            first, second = (mention, other) if mention.kind == "absolute" else (other, mention)
                            reasons[mention.id] = (
                                f"weekday check: “{first.text}” ({_short(first.source)}) and “{second.text}” "
                                f"({_short(second.source)}) date the same event ({event}) and fit only {fit[0]}"
                                + ("" if first.year else f" within {where}"))
    if not candidates:
        return tuple(dates)
    out = []
    for mention in dates:
        found = candidates.get(mention.id)
        if found and len(found) == 1:
            mention = replace(mention, resolved=next(iter(found)), inferred_from=reasons[mention.id])
        out.append(mention)
    return tuple(out)


@dataclass(frozen=True)
class _Reading:
    """What a date finding compares: the day a mention resolves to, or the clock time it gives."""

    kinds: frozenset[str]
    """Kinds of mention that give it."""
    detail: str
    """Prefix of the finding's key and detail ("" for days: ``lead``, ``context``)."""
    noun: str
    """What differs, for the summary ("date the story", "time the story")."""
    top: int
    """Paragraphs after the headline that tell when the story happened: the opening paragraph
    for the day; the first two for the time (news gives it in the second as often as not)."""

    def value(self, mention: DateMention) -> str | None:
        """The day (``2026-03-09``) or the clock time (``04:17``) the mention gives, if any."""
        if self.detail:
            return mention.clock
        return mention.resolved[:10] if mention.resolved else None


_DAYS = _Reading(frozenset({"absolute", "weekday", "relative"}), "", "date", 1)
_CLOCKS = _Reading(frozenset({"time"}), "time-", "time", 2)
_ROUGH_MINUTES = 30  # a time given roughly ("around 8 p.m.", "vers 20 heures") agrees within this


def _minutes(mention: DateMention, sources: dict[str, Source]) -> tuple[int, bool]:
    """A clock time in minutes after midnight, and whether the source gives it only roughly."""
    pattern = phrase_pattern(mention.language, "date_time_approximate", r"[ \u00a0]+$")
    text = sources[mention.source].text
    rough = bool(pattern and pattern.search(text[max(0, mention.start - 30):mention.start]))
    return _clock_minutes(mention), rough


def _clock_minutes(mention: DateMention) -> int:
    hours, minutes = (mention.clock or "0:0").split(":")
    return int(hours) * 60 + int(minutes)


def _at_night(sources: dict[str, Source], mention: DateMention) -> bool:
    """Whether the date is of a night ("overnight on Tuesday", "natt til tirsdag", "Nacht zum Mittwoch")."""
    source = sources[mention.source]
    night = word_set(mention.language, "date_night_words")
    reach = _TELLING_REACH + len(mention.text.split())
    near = _WORD.findall(source.text[max(0, mention.start - 40):mention.end])[-reach:]
    return (any(word.lower() in night for word in near)
            or any(mention.text.lower().endswith(word) for word in night))  # "Samstagnacht", "lørdagsnatt"


def _apart(reading: _Reading, mentions: Sequence[DateMention], sources: dict[str, Source]) -> bool:
    """Whether the mentions (one per source) give values that cannot all be right: two days, or
    two clock times further apart than a rough time allows."""
    if reading is _DAYS:
        days = sorted({dt.date.fromisoformat(v) for m in mentions if (v := reading.value(m))})
        if len(days) == 2 and (days[1] - days[0]).days == 1 and any(_at_night(sources, m) for m in mentions):
            return False  # a night straddles two days: "overnight on Tuesday", "in der Nacht zum Mittwoch"
        return len(days) > 1
    times = [_minutes(m, sources) for m in mentions]
    return any(abs(a - b) > (_ROUGH_MINUTES if rough_a or rough_b else 0)
               for i, (a, rough_a) in enumerate(times) for b, rough_b in times[i + 1:])


def _zones_apart(mentions: Sequence[DateMention]) -> tuple[str, ...]:
    """The sources whose clock times are a whole number of hours from another's (04:17, 02:17):
    likely one time in two time zones."""
    minutes = {m.source: _clock_minutes(m) for m in mentions}
    return tuple(sorted(a for a in minutes for b in minutes
                        if minutes[a] != minutes[b] and (minutes[a] - minutes[b]) % 60 == 0))


def _date_discrepancies(sources: dict[str, Source], dates: Sequence[DateMention],
                        checks: Sequence[DateCheck]) -> list[Discrepancy]:
    found = []
    for check in checks:
        if check.consistent:
            continue
        found.append(Discrepancy(id=_stable_id("date", check.key), kind="date", key=check.key, summary=check.summary,
                                 explanation="conflict", severity="high", claims=check.claims, detail="weekday"))
    groups: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        if mention.event and mention.kind in ("absolute", "weekday", "relative") and mention.resolved:
            groups[mention.event].append(mention)
    for event, members in sorted(groups.items()):
        by_source: dict[str, set[str]] = defaultdict(set)
        for m in members:
            by_source[m.source].add(m.resolved or "")
        if len(by_source) < 2 or any(len(v) > 1 for v in by_source.values()):
            continue
        values = {next(iter(v)) for v in by_source.values()}
        if len(values) < 2:
            continue
        chosen = sorted(members, key=lambda m: (m.source, m.start))
        found.append(_date_finding(sources, f"{event}|resolved", f"The sources date the event ({event}) differently",
                                   chosen, "high", "date"))
    for reading in (_DAYS, _CLOCKS):
        found.extend(_lead_date_discrepancy(sources, dates, {(c.source, c.start) for d in found for c in d.claims},
                                            reading))
        found.extend(_context_date_discrepancies(sources, dates,
                                                 {(c.source, c.start) for d in found for c in d.claims}, reading))
    return found


_SHARED_CONTEXT = 3  # content words two sentences must share to tell of the same happening
_CONTEXT_FANOUT = 50  # a word in more dated sentences than this is no sign of the same happening


def _context_date_discrepancies(sources: dict[str, Source], dates: Sequence[DateMention],
                                reported: set[tuple[str, int]], reading: _Reading = _DAYS) -> list[Discrepancy]:
    """One happening told in the same words with different dates ("Newsom declared a state of
    emergency on Saturday" / "He declared a state of emergency on Sunday") or clock times,
    whatever it is called: sentences of different sources, one date (time) each, sharing three
    content words or more (function words and calendar words aside), in one language."""
    by_sentence: dict[tuple[str, int, int], list[DateMention]] = defaultdict(list)
    for mention in dates:
        source = sources.get(mention.source)
        if source is None or not reading.value(mention) or mention.kind not in reading.kinds:
            continue
        sentence = source.sentence_at(mention.start)
        if sentence is not None:
            by_sentence[(mention.source, sentence.start, sentence.end)].append(mention)
    entries: list[tuple[DateMention, str, frozenset[str]]] = []
    order: dict[int, tuple[str, ...]] = {}  # each entry's words in the order its sentence has them
    for (source_id, start, end), mentions in sorted(by_sentence.items()):
        if len({reading.value(m) for m in mentions}) != 1:
            continue
        source = sources[source_id]
        language = source.language
        calendar = calendar_words(language)
        lemmas = tuple(dict.fromkeys(t.lemma for t in _tokens(source.text, start, end, language)
                                     if t.content and fold(t.word) not in calendar
                                     and not any(m.start <= t.start < m.end for m in mentions)))
        order[len(entries)] = lemmas
        entries.append((mentions[0], language, frozenset(lemmas)))
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (_, language, words) in enumerate(entries):
        for word in words:
            index[(language, word)].append(number)
    parent = list(range(len(entries)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    shared: dict[tuple[int, int], frozenset[str]] = {}
    for members in index.values():
        if len(members) > _CONTEXT_FANOUT:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) in shared or entries[a][0].source == entries[b][0].source:
                    continue
                common = entries[a][2] & entries[b][2]
                shared[(a, b)] = common
                if len(common) >= _SHARED_CONTEXT:
                    parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(entries)):
        groups[root(number)].append(number)
    found = []
    for members in groups.values():
        chosen: dict[str, DateMention] = {}
        for number in members:
            chosen.setdefault(entries[number][0].source, entries[number][0])
        picked = sorted(chosen.values(), key=lambda m: (m.source, m.start))
        if len(picked) < 2 or not _apart(reading, picked, sources):
            continue
        if all((m.source, m.start) in reported for m in picked):
            continue
        words = frozenset.intersection(*(entries[n][2] for n in members))
        if len(words) < _SHARED_CONTEXT:
            words = max((shared.get((a, b), frozenset()) for a in members for b in members if a < b), key=len)
        telling = sorted((n for n in members if words <= entries[n][2]),
                         key=lambda n: (entries[n][0].source, entries[n][0].start))
        label = " ".join(w for w in order[telling[0]] if w in words)  # "declare state emergency"
        found.append(_date_finding(sources, f"{reading.detail}context|{label}",
                                   f"The sources {reading.noun} what they tell in the same words ({label}) differently",
                                   picked, "medium", f"{reading.detail}context", reading))
    return sorted(found, key=lambda d: d.key)


def _date_finding(sources: dict[str, Source], key: str, what: str, chosen: Sequence[DateMention],
                  severity: str, detail: str, reading: _Reading = _DAYS) -> Discrepancy:
    """A date finding: each source's mention of one happening, with the day it resolves to (or
    the clock time it gives). Clock times a whole number of hours apart are told as such: the
    sources may give one time in two time zones ("local time", "norsk tid")."""
    zones = _zones_apart(chosen) if reading is _CLOCKS else ()
    every = len(zones) == len({m.source for m in chosen})
    why = ""
    if zones:
        whose = "" if every else " (" + ", ".join(dict.fromkeys(_short(z) for z in zones)) + ")"
        why = f" — whole hours apart{whose}: the sources may give the time in different time zones"
    return Discrepancy(
        id=_stable_id("date", key), kind="date", key=key,
        summary=f"{what}: " + _said([(m.source, f"“{m.text}” = {reading.value(m)}") for m in chosen]) + why + ".",
        explanation="different-scope" if every and zones else "conflict",
        severity="low" if every and zones else severity,
        claims=tuple(_claim(sources, m.source, m.start, m.end, reading.value(m), "date") for m in chosen),
        detail=detail)


_HEADLINE_WORDS = 20  # a first paragraph this short and without a full stop is a headline


def _lead(source: Source, paragraphs: int = 1) -> tuple[int, int] | None:
    """Where the opening paragraph (or the first ``paragraphs``) of a report, after any
    headline, starts and ends: where news says when the story happened."""
    for number, paragraph in enumerate(source.paragraphs):
        body = source.text[paragraph.start:paragraph.end].rstrip()
        if len(_WORD.findall(body)) < _HEADLINE_WORDS and body[-1:] not in ".!?\"”»":
            continue
        return paragraph.start, source.paragraphs[min(number + paragraphs, len(source.paragraphs)) - 1].end
    return None


def _dated_alike(chosen: Sequence[DateMention], dates: Sequence[DateMention]) -> bool:
    """Whether an event that an opening paragraph names ("killed") is given the same one day by
    every one of these sources, somewhere in it: then the openings that differ date other things
    ("the fire reached the coast on Tuesday" beside "a firefighter was killed on Monday")."""
    sources = {m.source for m in chosen}
    for event in sorted({m.event for m in chosen if m.event}):
        days: dict[str, set[str]] = defaultdict(set)
        for mention in dates:
            if mention.event == event and mention.source in sources and mention.resolved:
                days[mention.source].add(mention.resolved[:10])
        if len(days) == len(sources) and len(set().union(*days.values())) == 1:
            return True
    return False


_TELLING_REACH = 3  # words before a date that may say it dates a statement ("the club said on Wednesday")


def _dates_the_telling(source: Source, mention: DateMention) -> bool:
    """Whether a speech verb just before the date makes it the day something was said ("said on
    Wednesday", "sa klubben onsdag", "a annoncé mardi"), not the day of the story."""
    sentence = source.sentence_at(mention.start)
    begin = sentence.start if sentence is not None else max(0, mention.start - 60)
    words = _WORD.findall(source.text[begin:mention.start])[-_TELLING_REACH:]
    verbs = word_set(mention.language, "quote_speech_verbs")
    return any(word.lower() in verbs for word in words)


def _lead_date_discrepancy(sources: dict[str, Source], dates: Sequence[DateMention],
                           reported: set[tuple[str, int]], reading: _Reading = _DAYS) -> list[Discrepancy]:
    """When each source's opening paragraph gives one date (one clock time) and they differ ("on
    Monday evening", "on Tuesday evening", "mandag kveld"): the sources disagree on when the
    story happened, whatever the event is called (no event word needed)."""
    leads = {sid: _lead(source, reading.top) for sid, source in sources.items()}
    by_source: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        lead = leads.get(mention.source)
        if (lead is not None and lead[0] <= mention.start < lead[1] and reading.value(mention)
                and mention.kind in reading.kinds and not _dates_the_telling(sources[mention.source], mention)):
            by_source[mention.source].append(mention)
    chosen = []
    for source_id, mentions in sorted(by_source.items()):
        if len({reading.value(m) for m in mentions}) != 1:
            continue  # a lead with two dates ("announced on Wednesday what happened on Tuesday"): no guess
        chosen.append(min(mentions, key=lambda m: m.start))
    if len(chosen) < 2 or not _apart(reading, chosen, sources):
        return []
    if all((m.source, m.start) in reported for m in chosen):
        return []  # already a finding of a named event
    if reading is _DAYS and _dated_alike(chosen, dates):
        return []  # every source gives one day to the event an opening names: the openings date other things
    key = "lead|resolved" if reading is _DAYS else "time-lead|clock"
    return [_date_finding(sources, key, f"The sources' opening paragraphs {reading.noun} the story differently",
                          chosen, "medium", f"{reading.detail}lead", reading)]


# ---------------------------------------------------------------- actors and platforms

@lru_cache(maxsize=None)
def _event_words(language: str) -> dict[str, str]:
    out = {}
    for key, words in (language_data(language).get("date_event_words") or {}).items():
        for word in words:
            if " " not in str(word):
                out[str(word).lower()] = str(key)
    return out


def _actions(sources: Sequence[Source], quotes: Sequence[Quote],
             persons: Sequence[PersonRef]) -> list[tuple[str, str, str | None, str, int, int, int, int]]:
    """(source, event, platform, actor, sentence start, end, actor start, end) of each sentence naming one."""
    platform_re = re.compile(r"(?<!\w)(" + "|".join(PLATFORMS) + r")(?!\w)")
    refs_by_source: dict[str, list[PersonRef]] = defaultdict(list)
    for ref in persons:
        refs_by_source[ref.source].append(ref)
    out = []
    quoted_by_source = _spans_by_source(quotes)
    for source in sources:
        events = _event_words(source.language)
        quoted = SpanSet(quoted_by_source.get(source.id, []))
        refs = sorted(refs_by_source[source.id])
        ref_starts = [r.start for r in refs]
        for paragraph in source.paragraphs:
            for sentence in paragraph.sentences:
                in_sentence = refs[bisect_left(ref_starts, sentence.start):bisect_left(ref_starts, sentence.end)]
                for m in _WORD.finditer(source.text, sentence.start, sentence.end):
                    event = events.get(m.group(0).lower())
                    if event is None or quoted.contains(m.start()):
                        continue
                    actors = [r for r in in_sentence if r.end <= m.start() and not quoted.contains(r.start)]
                    if not actors:
                        continue
                    actor = actors[-1]
                    platform = platform_re.search(source.text, sentence.start, sentence.end)
                    out.append((source.id, event, platform.group(1) if platform else None, actor.entity_id,
                                sentence.start, sentence.end, actor.start, actor.end))
                    break
    return out


def _actor_discrepancies(sources: dict[str, Source], actions: list[tuple[str, str, str | None, str, int, int, int, int]],
                         names: dict[str, str]) -> list[Discrepancy]:
    found = []
    # the same action on the same platform, done by different people according to different sources
    by_platform: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    where: dict[tuple[str, str, str], tuple[int, int]] = {}
    for source, event, platform, actor, s_start, s_end, _, _ in actions:
        if platform:
            by_platform[(event, platform)][source].add(actor)
            where.setdefault((source, event, platform), (s_start, s_end))
    for (event, platform), per_source in sorted(by_platform.items()):
        if len(per_source) < 2 or any(len(a) > 1 for a in per_source.values()):
            continue
        actors = {next(iter(a)) for a in per_source.values()}
        if len(actors) < 2:
            continue
        key = f"{event}|{platform}"
        said = _said([(s, names.get(next(iter(a)), next(iter(a)))) for s, a in sorted(per_source.items())])
        found.append(Discrepancy(
            id=_stable_id("actor", key), kind="actor", key=key,
            summary=f"The sources disagree on who did it ({event} on {platform}): {said}.",
            explanation="conflict", severity="high",
            claims=tuple(_claim(sources, s, *where[(s, event, platform)], names.get(next(iter(a))), "narrative")
                         for s, a in sorted(per_source.items())), detail="who"))
    # the same person's action, on different platforms according to different sources
    by_actor: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple[str, str, str], tuple[int, int]] = {}
    for source, event, platform, actor, s_start, s_end, _, _ in actions:
        if platform:
            by_actor[(actor, event)][source].add(platform)
            spans.setdefault((source, actor, event), (s_start, s_end))
    for (actor, event), per_source in sorted(by_actor.items()):
        if len(per_source) < 2:
            continue
        sets = list(per_source.values())
        if not any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:]):
            continue  # every two sources share a platform: no contradiction
        key = f"{actor}|{event}|platform"
        said = _said([(s, ", ".join(sorted(p))) for s, p in sorted(per_source.items())])
        found.append(Discrepancy(
            id=_stable_id("actor", key), kind="actor", key=key,
            summary=f"The sources name different platforms for {names.get(actor, actor)} ({event}): {said}.",
            explanation="different-scope", severity="medium",
            claims=tuple(_claim(sources, s, *spans[(s, actor, event)], ", ".join(sorted(p)), "narrative")
                         for s, p in sorted(per_source.items())), detail="platform"))
    return found


# ---------------------------------------------------------------- coverage

_TERM = re.compile(r"(?<![\w-])([A-ZÆØÅÄÖÜ][\w]+(?:[ -][A-ZÆØÅÄÖÜ][\w]+)*)")


_OPENERS = " \t\"'“‘«„»–—(-"


def _opens_sentence(text: str, start: int, paragraph_start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a quote or a paragraph (so its capital says nothing)."""
    before = text[paragraph_start:start].rstrip(_OPENERS)
    return not before or before[-1] in ".!?:…"


@lru_cache(maxsize=None)
def _common(word: str, language: str) -> bool:
    """A frequent word of the language: capitalised, it is a noun (German) or an opener, not a name."""
    from wordfreq import zipf_frequency
    return zipf_frequency(word, language) >= _COMMON_ZIPF.get(language, 9.0)


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    """Country names in every supported language (pycountry's ISO 3166 translations), to their code."""
    import gettext

    import pycountry

    from generator.lang import supported_languages
    names: dict[str, str] = {}
    translations = []
    for language in supported_languages():
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            names[name.lower()] = country.alpha_2
            for translation in translations:
                names[translation.gettext(name).lower()] = country.alpha_2
    return names


@lru_cache(maxsize=None)
def _country_prefixes() -> frozenset[str]:
    """First letters of country names: "Norwegian" and "American" name no new fact beside "Norway"."""
    return frozenset(name[:4] for name in _countries() if len(name) >= 4)


def _covered_elsewhere(term: str, others: Iterable[str]) -> bool:
    code = _countries().get(term.lower())
    if code is not None:
        names = [n for n, c in _countries().items() if c == code]
        return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", other) for other in others for n in names)
    return any(term.lower() in other for other in others)


# Languages that capitalise every noun: a single capitalised word there is a name only when rare.
_COMMON_ZIPF = {"de": 3.0}


@lru_cache(maxsize=None)
def _term_stopwords(language: str) -> frozenset[str]:
    """Words no name is made of: the claim stop words and the entity function words ("Tens")."""
    return _stopwords(language) | word_set(language, "entity_function_words")


def _terms(source: Source, persons: Sequence[PersonRef], person_words: frozenset[str],
           spans_by_source: dict[str, list[tuple[int, int]]] | None = None) -> dict[str, tuple[int, int]]:
    """Capitalised names that are not people and do not open a sentence: the first span of each."""
    stop = _term_stopwords(source.language)
    calendar = calendar_words(source.language) if language_data(source.language) else frozenset()
    refs = spans_by_source.get(source.id, []) if spans_by_source is not None else [
        (p.start, p.end) for p in persons if p.source == source.id]
    found: dict[str, tuple[int, int]] = {}
    text = source.text
    for paragraph in source.paragraphs:
        for m in _TERM.finditer(text, paragraph.start, paragraph.end):
            start, end = m.start(1), m.end(1)
            words = m.group(1).split(" ")
            if _opens_sentence(text, start, paragraph.start):
                if len(words) == 1:
                    continue
                start += len(words[0]) + 1
                words = words[1:]
            if any(s < end and start < e for s, e in refs):
                continue
            term = " ".join(words)
            lower = term.lower()
            if (len(term) < 3 or lower in stop or fold(term) in calendar or (term.isupper() and len(term) <= 3)
                    or all(w.lower() in stop or w in person_words for w in words)
                    or (source.language in _COMMON_ZIPF and any(_common(w.lower(), source.language) for w in words))
                    or (len(words) == 1 and source.language in _COMMON_ZIPF)
                    or (lower not in _countries() and lower[:4] in _country_prefixes())):
                continue
            found.setdefault(term, (start, start + len(term)))
    return found


def _fold(name: str) -> str:
    """A name compared without case, accents or a possessive ending."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"'s$", "", re.sub(r"\s+", " ", folded).strip())


_TYPE_LABELS = {"person": ("person", "people"), "place": ("place", "places"),
                "organization": ("organisation", "organisations"), "platform": ("platform", "platforms"),
                "work": ("work", "works"), "term": ("other name", "other names")}
# What may stand between a name and the person it describes ("Hollywood-stjernen Mark Ruffalo",
# "«Captain America»-stjernen Chris Evans", "Hollywood star Mark Ruffalo"): a compound tail or one word.
_DESCRIPTOR_GAP = re.compile(r"[»”\"'’]?(?:-(?P<tail>[^\W\d_][\w-]*)|\s+(?P<word>[^\W\d_][\w-]*))\s+$")


def _outlet_words(source: Source) -> tuple[frozenset[str], str]:
    """The words of the source's own outlet, and their initials ("bt" for "Bergens Tidende")."""
    outlet = source.metadata.outlet or ""
    words = [w.lower() for w in _WORD.findall(outlet)]
    return frozenset(words), "".join(w[0] for w in words) if len(words) >= 2 else ""


def _own_outlet(name: str, source: Source) -> bool:
    """Whether ``name`` is the source's own outlet, part of it, or its initials ("In Touch", "BT")."""
    words, initials = _outlet_words(source)
    if not words:
        return False
    parts = [w.lower() for w in _WORD.findall(name)]
    return bool(parts) and (all(p in words for p in parts) or (len(parts) == 1 and parts[0] == initials))


def _descriptor(source: Source, start: int, end: int, person_starts: set[int]) -> bool:
    """Whether the name at ``[start, end)`` only describes the person named right after it."""
    window = source.text[end:end + 40]
    for offset in range(1, len(window) + 1):
        if end + offset in person_starts:
            m = _DESCRIPTOR_GAP.fullmatch(window[:offset])
            if m is None:
                return False
            word = m.group("word")
            return word is None or (word[:1].islower() and word.lower() not in _stopwords(source.language))
    return False


class _OtherTexts:
    """Every source's lower-cased text but one's, read as often as needed: a list of them for
    each source was sources × sources entries (25 million at 5,000 sources)."""

    def __init__(self, texts: dict[str, str], skip: str) -> None:
        self.texts = texts
        self.skip = skip

    def __iter__(self) -> Iterator[str]:
        return (text for source_id, text in self.texts.items() if source_id != self.skip)


def _named_elsewhere(name: str, others: Iterable[str]) -> bool:
    """Whether another source writes the name, or (for a longer name) two or more of its words in a row."""
    if _covered_elsewhere(name, others):
        return True
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i:i + size]).lower()
            if any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", other) for other in others):
                return True
    return False


def _coverage(sources: dict[str, Source], figures: Sequence[Figure], persons: Sequence[PersonRef],
              entities: Sequence[EntityRef]) -> list[Discrepancy]:
    """What only one source reports: figures by measure, and per source the names no other source gives.

    Names come from the resolved entities (people, places, organisations, platforms, works)
    and from a term pass over capitalised words no entity covers, kept only for names of
    several words or names the source repeats. A source's own outlet is never a fact.
    """
    if len(sources) < 2:
        return []
    found = []
    measures: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for figure in figures:
        if figure.measure != "age" and not figure.measure.startswith("word:"):
            measures[figure.measure][figure.source].append(figure)
    paying = {sid for measure, per_source in measures.items() if measure in CURRENCY_MEASURES for sid in per_source}
    for measure, per_source in sorted(measures.items()):
        if len(per_source) != 1:
            continue
        (source, figs), = per_source.items()
        if measure in CURRENCY_MEASURES and len(paying) > 1:
            continue  # one sum in kroner, another source's in euros: money is given by more than one
        key = f"figure|{measure}"
        found.append(Discrepancy(
            id=_stable_id("coverage", key), kind="coverage", key=key,
            summary=f"Only {_short(source)} gives a figure for {measure.replace('_', ' ')}: "
                    + ", ".join(f"“{f.text}”" for f in figs[:3]) + ".",
            explanation="different-scope", severity="low",
            claims=tuple(_claim(sources, source, f.start, f.end, f.value, "figure") for f in figs[:3]),
            detail="figure"))
    lowered = {sid: s.text.lower() for sid, s in sources.items()}
    others_of = {sid: _OtherTexts(lowered, sid) for sid in sources}
    person_starts: dict[str, set[int]] = defaultdict(set)
    person_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ref in persons:
        person_starts[ref.source].add(ref.start)
        person_spans[ref.source].append((ref.start, ref.end))
    entity_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    known: set[str] = set()
    only: dict[str, list[tuple[int, str, str, int, int]]] = defaultdict(list)  # source → (type order, type, name, span)
    order = {t: i for i, t in enumerate(COVERAGE_TYPES)}
    for entity in entities:
        if entity.type not in COVERAGE_TYPES:
            continue
        for source_id, start, end in entity.mentions:
            entity_spans[source_id].append((start, end))
            if source_id in sources:
                known.add(_fold(sources[source_id].text[start:end]))
        known.add(_fold(entity.name))
        present = sorted({s for s, _, _ in entity.mentions if s in sources})
        if len(present) != 1:
            continue
        sid = present[0]
        source = sources[sid]
        spans = sorted((start, end) for s, start, end in entity.mentions if s == sid)
        forms = {entity.name} | {source.text[start:end] for start, end in spans}
        if any(_own_outlet(form, source) for form in forms):
            continue
        if all(_descriptor(source, start, end, person_starts[sid]) for start, end in spans):
            continue
        if any(_named_elsewhere(form, others_of[sid]) for form in forms):
            continue
        only[sid].append((order[entity.type], entity.type, entity.name, *spans[0]))
    person_words = frozenset(w for p in persons for w in p.name.split())
    for sid, source in sorted(sources.items()):
        spans = sorted(entity_spans.get(sid, []) + person_spans.get(sid, []))
        for term, (start, end) in _terms(source, persons, person_words, {sid: spans}).items():
            if _fold(term) in known or _own_outlet(term, source):
                continue
            if " " not in term and len(re.findall(rf"(?<![\w-]){re.escape(term)}(?![\w])", source.text)) < 2:
                continue  # a single capitalised word, once: too often an ordinary word or a descriptor
            if _descriptor(source, start, end, person_starts[sid]) or _named_elsewhere(term, others_of[sid]):
                continue
            only[sid].append((len(COVERAGE_TYPES), "term", term, start, end))
    for sid, items in sorted(only.items()):
        items.sort(key=lambda item: (item[0], item[3]))
        by_type: dict[str, list[str]] = defaultdict(list)
        for _, kind, name, _, _ in items:
            by_type[kind].append(name)
        listed = "; ".join(f"{_TYPE_LABELS[k][len(v) > 1]} {', '.join(v)}" for k, v in by_type.items())
        count = len(items)
        key = f"names|{sid}"
        found.append(Discrepancy(
            id=_stable_id("coverage", key), kind="coverage", key=key,
            summary=f"Only {_short(sid)} names {'these' if count > 1 else 'this'} ({count}): {listed}.",
            explanation="different-scope", severity="low",
            claims=tuple(_claim(sources, sid, start, end, name, _TYPE_LABELS[kind][0])
                         for _, kind, name, start, end in items),
            detail="names"))
    return found


# ---------------------------------------------------------------- translations and curation

def _quote_ref(entry: Any, quotes: Sequence[Quote]) -> Quote | None:
    if isinstance(entry, str):
        return next((q for q in quotes if q.id == entry), None)
    if isinstance(entry, dict):
        source, starts = str(entry.get("source", "")), str(entry.get("text", ""))
        return next((q for q in quotes if q.source.startswith(source) and q.text.startswith(starts) and starts), None)
    return None


def translation_links(quotes: Sequence[Quote], case: CaseInfo | None = None) -> tuple[TranslationLink, ...]:
    """Quotes linked across languages: curated in ``case.yml`` ``translations:``, else detected.

    Detected links need the same speaker, different languages, the same numbers and names
    (two or more in common, none differing) and lengths within a factor of two.
    """
    links: list[TranslationLink] = []
    linked: set[str] = set()
    raw = (case.raw.get("translations") if case is not None else None) or []
    for group in raw if isinstance(raw, list) else []:
        members = [_quote_ref(e, quotes) for e in (group if isinstance(group, list) else group.get("quotes", [])
                                                     if isinstance(group, dict) else [])]
        found = sorted({q.id for q in members if q is not None})
        if len(found) >= 2:
            links.append(TranslationLink(tuple(found), "curated", "linked in case.yml"))
            linked.update(found)
    keyed: dict[tuple[str, frozenset[str]], list[Quote]] = defaultdict(list)
    for quote in quotes:
        marks = _marks(quote.text, quote.language)
        if quote.speaker and len(marks) >= 2 and quote.id not in linked:
            keyed[(quote.speaker, frozenset(marks))].append(quote)
    for (_, marks), members in sorted(keyed.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.language == b.language:
                    continue
                words_a, words_b = len(_WORD.findall(a.text)), len(_WORD.findall(b.text))
                if 0.5 <= words_a / max(1, words_b) <= 2:
                    links.append(TranslationLink(tuple(sorted((a.id, b.id))), "detected",
                                                 f"same speaker; same names and numbers: {', '.join(sorted(marks))}"))
    return tuple(sorted(links, key=lambda link: link.quotes))


def _marks(text: str, language: str) -> set[str]:
    """Numbers (in digits or words: "onze" and "eleven" are 11) and mid-sentence capitalised
    names (not German nouns, which are capitalised too): what a translation keeps."""
    numbers = set(re.findall(r"\d+", text))
    words = number_syntax(language).words
    for word in _WORD.findall(text):
        value = words.get(word.lower())
        if value is not None and value >= 2 and value == int(value):
            numbers.add(str(int(value)))
    names = {m.group(0) for m in re.finditer(r"(?<=[\w,;] )[A-ZÆØÅÄÖÜ]\w+", text)
             if not (language == "de" and lex.zipf(m.group(0).lower(), "de") >= 3.0
                     and lex.place(m.group(0)) is None and not lex.is_given_name(m.group(0)))}
    return numbers | names


def curation_problems(discrepancies: Sequence[Discrepancy], case: CaseInfo | None,
                      path: str = "seeds/case.yml") -> tuple[Problem, ...]:
    """Warnings for curated discrepancy ids that match nothing and for bad statuses."""
    if case is None:
        return ()
    curated = case.raw.get("discrepancies") or {}
    line = case.lines.get("discrepancies", 0)
    known = {d.id for d in discrepancies}
    problems = []
    if not isinstance(curated, dict):
        return (Problem(path, line, "'discrepancies' is not a mapping of ids to {status, note}",
                        "write 'discrepancies:' then '  <id>: {status: explained, note: \"…\"}'"),)
    for key, entry in sorted(curated.items(), key=lambda kv: str(kv[0])):
        if str(key) not in known:
            kind = str(key).split("-", 1)[0]  # an id starts with its kind, which has a page when it has findings
            page = f"discrepancies/{kind}.md" if kind in {d.kind for d in discrepancies} else "discrepancies.md"
            problems.append(Problem(path, line, f"discrepancy '{key}' is not found in this build",
                                    f"check the id on {page} (every id is also in data/case.json), "
                                    "or remove the entry", warning=True))
        status = entry.get("status") if isinstance(entry, dict) else None
        if status is not None and status not in STATUSES:
            problems.append(Problem(path, line, f"discrepancy '{key}' has status '{status}'",
                                    f"use one of: {', '.join(STATUSES)}"))
    return tuple(problems)


def _apply_curation(discrepancy: Discrepancy, case: CaseInfo | None) -> Discrepancy:
    if case is None:
        return discrepancy
    curated = case.raw.get("discrepancies") or {}
    entry = curated.get(discrepancy.id) if isinstance(curated, dict) else None
    if not isinstance(entry, dict):
        return discrepancy
    status = entry.get("status") if entry.get("status") in STATUSES else discrepancy.status
    note = entry.get("note") if isinstance(entry.get("note"), str) else discrepancy.note
    return Discrepancy(**{**discrepancy.__dict__, "status": status, "note": note})


# ---------------------------------------------------------------- entry point

def compare(sources: Sequence[Source], quotes: Sequence[Quote], figures: Sequence[Figure],
            dates: Sequence[DateMention], persons: Sequence[PersonRef] = (),
            case: CaseInfo | None = None, entities: Sequence[EntityRef] | None = None,
            jobs: int = 1, checks: Sequence[DateCheck] | None = None,
            translations: Sequence[TranslationLink] | None = None) -> tuple[Discrepancy, ...]:
    """All discrepancies between the sources, sorted by kind and id, with curated statuses.

    ``entities`` are the resolved entities coverage is reported from; without them, the
    person mentions stand in (people only, plus the term pass). With ``jobs`` above one,
    paraphrase departures (the longest pass) are found in a forked process meanwhile: the
    same discrepancies either way. ``checks`` and ``translations`` are :func:`date_checks`
    and :func:`translation_links` of the same input, worked out here when not given.
    """
    by_id = {s.id: s for s in sources}
    names = {p.entity_id: p.name for p in persons}
    links: dict[str, tuple[str, ...]] = defaultdict(tuple)
    quote_by_id = {q.id: q for q in quotes}
    for link in translation_links(quotes, case) if translations is None else translations:
        for qid in link.quotes:
            others = tuple(f"{quote_by_id[o].source}|{quote_by_id[o].start}|{quote_by_id[o].end}"
                           for o in link.quotes if o != qid)
            links[qid] = links[qid] + others
    aside = Forked(_paraphrase_departures, by_id, quotes, links) if jobs > 1 else None
    before: list[Discrepancy] = []
    before += _figure_discrepancies(figures, by_id)
    before += _age_discrepancies(figures, by_id, names)
    before += _quote_variants(quotes, by_id)
    after: list[Discrepancy] = []
    after += _date_discrepancies(by_id, dates, date_checks(sources, dates, case) if checks is None else checks)
    after += _actor_discrepancies(by_id, _actions(sources, quotes, persons), names)
    after += _coverage(by_id, figures, persons, from_persons(persons) if entities is None else entities)
    paraphrases = aside.result() if aside else _paraphrase_departures(by_id, quotes, links)
    found = [*before, *paraphrases, *after]
    unique: dict[str, Discrepancy] = {}
    for discrepancy in found:
        unique.setdefault(discrepancy.id, discrepancy)
    return tuple(sorted((_apply_curation(d, case) for d in unique.values()),
                        key=lambda d: (KINDS.index(d.kind), d.id)))


# ---------------------------------------------------------------- records for case.json

def _span(record: Any) -> dict[str, Any]:
    return {"source": record.source, "anchor": record.anchor, "start": record.start, "end": record.end,
            "text": record.text}


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def quote_records(quotes: Iterable[Quote]) -> Iterator[dict[str, Any]]:
    """``quotes`` of case.json, sorted by source and position."""
    return ({"id": q.id, **_span(q), "language": q.language, "speaker": q.speaker, "evidence": q.evidence,
             "evidence_kind": q.evidence_kind, "style": q.style}
            for q in sorted(quotes, key=lambda q: (q.source, q.start, q.id)))


def figure_records(figures: Iterable[Figure]) -> Iterator[dict[str, Any]]:
    """``figures`` of case.json, sorted by source and position."""
    return ({"id": f.id, **_span(f), "value": _num(f.value), "low": _num(f.low), "high": _num(f.high),
             "measure": f.measure, "qualifier": f.qualifier, "subject": f.subject, "unit": f.unit,
             "counted_by": f.counted_by}
            for f in sorted(figures, key=lambda f: (f.source, f.start, f.id)))


def date_records(dates: Iterable[DateMention]) -> Iterator[dict[str, Any]]:
    """``dates`` of case.json, sorted by source and position."""
    return ({"id": d.id, **_span(d), "kind": d.kind, "resolved": d.resolved, "event": d.event,
             "clock": d.clock, "offset": list(d.offset) if d.offset else None, "inferred_from": d.inferred_from}
            for d in sorted(dates, key=lambda d: (d.source, d.start, d.id)))


def _claim_record(claim: Claim) -> dict[str, Any]:
    value = _num(claim.value) if isinstance(claim.value, (int, float)) else claim.value
    return {**_span(claim), "value": value, "role": claim.role}


def discrepancy_records(discrepancies: Iterable[Discrepancy]) -> Iterator[dict[str, Any]]:
    """``discrepancies`` of case.json, sorted by kind and id."""
    return ({"id": d.id, "kind": d.kind, "key": d.key, "summary": d.summary, "explanation": d.explanation,
             "severity": d.severity, "status": d.status, "note": d.note, "detail": d.detail,
             "claims": [_claim_record(c) for c in d.claims],
             "diff": [{"op": p.op, "left": p.left, "right": p.right} for p in d.diff]}
            for d in sorted(discrepancies, key=lambda d: (KINDS.index(d.kind), d.id)))


def date_check_records(checks: Iterable[DateCheck]) -> Iterator[dict[str, Any]]:
    """Weekday and date checks, for the timeline."""
    return ({"event": c.event, "years": list(c.years), "consistent": c.consistent, "summary": c.summary,
             "claims": [_claim_record(x) for x in c.claims]} for c in checks)


def translation_records(links: Iterable[TranslationLink]) -> Iterator[dict[str, Any]]:
    """Cross-language quote links, for side-by-side display."""
    return ({"quotes": list(link.quotes), "origin": link.origin, "evidence": link.evidence}
            for link in sorted(links, key=lambda link: link.quotes))

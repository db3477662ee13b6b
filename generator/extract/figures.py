"""Figure stage: numbers with what they count and how they are qualified, and ages.

"more than 17 million views", "over 20 millioner ganger" (with "sett" nearby: views),
"fast 7000", "400-pound", "181-kg", "11-year-old", "Justin Bieber (23)". Each figure is
a value and a range (``low``–``high``) that the qualifier implies, the language-independent
measure it counts, and for ages the person it belongs to. All words are data in
``generator/lang/<code>/figures.yml`` (read by :mod:`generator.extract.figure_syntax`);
numbers are read by :mod:`generator.text.numbers`, what they measure by
:mod:`generator.extract.measures`, ages by :mod:`generator.extract.ages`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from typing import NamedTuple

from generator.extract.ages import Age, read_ages
from generator.extract.dates import extract_dates
from generator.extract.figure_syntax import FigureSyntax, figure_syntax
from generator.extract.measures import (
    LENGTH_MEASURES,
    Clues,
    Reading,
    another_before,
    convert,
    decide,
    measured_thing,
    outcome_word_before,
    read_after,
    scale_as_length,
    what_happened,
)
from generator.lang import canonical_language
from generator.model.claims import DateMention, Figure, Qualifier
from generator.model.refs import PersonIndex, PersonRef
from generator.model.source import Source
from generator.text.numbers import parse_number
from generator.text.words import HYPHENATED_WORD

# The range a qualifier implies, as factors of the value (None: open-ended).
QUALIFIER_RANGES: dict[Qualifier, tuple[float | None, float | None]] = {
    "exact": (1.0, 1.0),
    "more_than": (1.0, None),
    "at_least": (1.0, None),
    "about": (0.9, 1.1),
    "nearly": (0.9, 1.0),
    "less_than": (None, 1.0),
    "up_to": (None, 1.0),
    "range": (None, None),  # "between 300 and 400": low and high are the two numbers as written
}


_YEAR = re.compile(r"(1[89]|20)\d\d")


_COUNTER_WORDS = 3


class _Draft(NamedTuple):
    """A figure before its id, which it gets once every figure of the source is found and sorted
    (the fields are :class:`~generator.model.claims.Figure`'s, ``written`` its ``written_value``)."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    measure: str
    qualifier: Qualifier
    subject: str | None
    unit: str | None
    written: float | None
    measure_text: str | None
    counted_by: str | None
    rules: tuple[str, ...]
    about: str | None = None


class _Taken:
    """Spans already read (dates, then figures); they never overlap one another."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no span taken; only the neighbours by start can."""
        spans = self.spans
        i = bisect_left(spans, (start, start))
        if i > 0 and spans[i - 1][0] < end and start < spans[i - 1][1]:
            return False
        return not (i < len(spans) and spans[i][0] < end and start < spans[i][1])

    def take(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))


def extract_figures(source: Source, persons: Iterable[PersonRef] = (),
                    dates: Iterable[DateMention] | None = None) -> tuple[Figure, ...]:
    """Every figure in ``source`` that says what it counts, and every age, in text order.

    ``persons`` are the source's person mentions (ages attach to them); ``dates`` are its
    date mentions (numbers inside them are no figures), computed when not given.
    """
    language = canonical_language(source.language)
    syntax = figure_syntax(language)
    text = source.text
    taken = _Taken((d.start, d.end) for d in (extract_dates(source) if dates is None else dates))
    hits = syntax.trigger.hits(text)
    ages = read_ages(source, PersonIndex(source.id, persons), syntax, language, hits, taken.free, taken.take)
    numbers: list[_Draft] = []
    for m in syntax.number_probe.finditer(text, hits):
        if not m.group("num") or not taken.free(m.start(), m.end()):
            continue
        value = parse_number(m.group("num"), language)
        if value is None:
            continue
        vague = _vague_quantity(text, m, syntax)
        if vague is not None:
            taken.take(m.start(), vague)
            continue
        draft = _number(source, m, value, syntax, language, numbers[-1] if numbers else None)
        if draft is not None:
            taken.take(draft.start, draft.end)
            numbers.append(draft)
    return _figures(source, language, [*map(_age_draft, ages), *numbers])


def _vague_quantity(text: str, m: re.Match[str], syntax: FigureSyntax) -> int | None:
    """Where a vague quantity opened by the number word ``m`` ends ("des dizaines de milliers de
    foyers", "tens of thousands of homes": no number at all), if it opens one."""
    if m.group("num")[:1].isdigit() or syntax.vague_link is None:
        return None
    link = syntax.vague_link.match(text, m.end())
    other = syntax.number.match(text, link.end()) if link else None
    if other is None or not other.group("num") or other.group("num")[:1].isdigit():
        return None
    counted = read_after(text, other.end(), other.start(), syntax)
    return counted.end if counted else other.end()


def _number(source: Source, m: re.Match[str], value: float, syntax: FigureSyntax, language: str,
            previous: _Draft | None) -> _Draft | None:
    """The number ``m`` (worth ``value`` as written) as a figure: its value with its scale, and
    for a range its second number; what it measures, decided by the measure rules; how it is
    qualified. ``None`` when it says nothing it counts, or is a word or a year, not a count."""
    text = source.text
    groups = m.groupdict()  # a language without scale words or currencies has no such group
    scale = groups.get("scale")
    length = scale_as_length(text, m, syntax, language) if scale else None
    if length is not None:
        scale = None  # "the 40m dry well": metres, not millions
    if scale:
        value *= syntax.scales[scale.lower()]
    value, high, measured_from = _second_number(text, m, value, scale, syntax, language)
    qualifier, opening = _qualifier(text, m.start(), syntax)
    according = syntax.according.match(text, measured_from.end()) if syntax.according else None
    if according and according.group("lead"):
        according = None  # words between: the figure counts them ("80,000 people marched according to …")
    named = syntax.named_before.search(text, max(0, opening - 40), opening) if syntax.named_before else None
    clues = _clues(source, m, groups.get("cur"), measured_from, opening, according is not None, named, previous,
                   syntax)
    if length is not None:
        clues = clues._replace(after=length)
    decided = decide(clues)
    if decided is None:
        return None
    rule, found = decided
    measure, outcome = what_happened(found, clues, text, syntax)
    digits = m.group("num")
    start = opening
    low: float | None = None
    vague = False
    if high is not None:
        opener = syntax.range_open.search(text, max(0, m.start() - 20), m.start()) if syntax.range_open else None
        qualifier, start = "range", opener.start() if opener else m.start()
        low, high = (high, value) if high < value else (value, high)
        value = (low + high) / 2  # the value shown: the middle of the range
    elif qualifier == "exact" and digits.lower() in syntax.approximate:
        qualifier = "about"  # "une quinzaine de blessés", "a dozen people"
    elif digits.lower() in syntax.vague_counts and not scale:
        qualifier = "range"  # "dozens of rescuers": between 24 and 99, whatever word comes before
        low, high = syntax.vague_counts[digits.lower()]
        vague = True
    if named and found.text == named.group("w"):
        start = named.start("w")  # shown with the word that names it: "magnitude 6,2"
    if _no_count(digits, scale, value, qualifier, measure, found.unit, syntax):
        return None
    written, unit = value, found.unit
    if unit is not None:
        value = convert(value, unit)
        if high is not None and low is not None:
            high, low = convert(high, unit), convert(low, unit)
    if high is None:
        low, high = _range(value, qualifier)
    by = according or (syntax.according.match(text, found.end) if syntax.according else None)
    rules = _rule_names(rule, found, outcome)
    if vague:
        rules = (*rules, "vague-count")  # compared only where its source gives no closer count
    about = found.about
    if measure in LENGTH_MEASURES:
        measure, about, conversion = _length(text, start, found.end, measure, unit, previous, syntax)
        rules = (*rules, "conversion-in-brackets") if conversion else rules
    if another_before(text, start, syntax):
        rules = (*rules, "another-group")  # "another 1,000 troops": not the group the other sources count
    sentence = source.sentence_at(m.start())
    if syntax.other_time is not None and sentence is not None \
            and syntax.other_time.search(text, sentence.start, sentence.end):
        rules = (*rules, "other-time")  # "an airstrike last week that killed 30", "this year": not the story's day
    return _Draft(start, found.end, value, low, high, measure, qualifier, None, unit, written if unit else None,
                  found.text, _counter(by.group("who"), syntax) if by else None, rules, about)


_CONVERSION_GAP = re.compile(r"[^.;:!?()\n]{0,30}\($")  # "a 40-metre-deep well (131 feet)"


def _length(text: str, start: int, end: int, measure: str, unit: str | None, previous: _Draft | None,
            syntax: FigureSyntax) -> tuple[str, str | None, bool]:
    """A length's dimension, what it is the size of, and whether it converts the length before: a
    length in brackets after another ("a 40-metre-deep well (131 feet)") measures what that one
    does; else the dimension as read and the thing :func:`measured_thing` finds."""
    if (previous is not None and previous.measure in LENGTH_MEASURES and unit is not None
            and _CONVERSION_GAP.match(text, previous.end, start)):
        return previous.measure, previous.about, True
    return measure, measured_thing(text, start, end, syntax), False


def _second_number(text: str, m: re.Match[str], value: float, scale: str | None, syntax: FigureSyntax,
                   language: str) -> tuple[float, float | None, re.Match[str]]:
    """For a range ("between 300 and 400"): the first value (scaled by the second's scale when only
    the second has one: "between 3 and 4 million"), the second value, and the second number,
    from which the words after are read. Else ``value``, ``None`` and ``m``."""
    second = _range_end(text, m, syntax)
    if second is None:
        return value, None, m
    high = parse_number(second.group("num"), language)
    if high is None:
        return value, None, m
    second_scale = second.groupdict().get("scale")
    if second_scale:
        high *= syntax.scales[second_scale.lower()]
        if not scale:  # the scale is said once
            value *= syntax.scales[second_scale.lower()]
    return value, high, second


def _clues(source: Source, m: re.Match[str], currency: str | None, measured_from: re.Match[str], opening: int,
           according: bool, named: re.Match[str] | None, previous: _Draft | None, syntax: FigureSyntax) -> Clues:
    """Everything the words around the number ``m`` say it measures (``currency``: the sign before
    it; ``opening``: where it starts with its qualifier; ``according``: the words after only say
    who counted it)."""
    text = source.text
    end = measured_from.end()
    return Clues(
        currency=Reading(syntax.currency[currency], m.end(), None, currency) if currency else None,
        previous=(Reading(previous.measure, end, previous.unit, previous.measure_text)
                  if according and previous is not None and previous.measure != "age"
                  and source.sentence_at(previous.start) == source.sentence_at(m.start()) is not None else None),
        after=None if according else read_after(text, end, measured_from.start(), syntax),
        before=outcome_word_before(text, opening, syntax),
        named=(Reading(syntax.named_before_keys[named.group("w").lower()], end, None, named.group("w"))
               if named else None),
        end=end)


def _no_count(digits: str, scale: str | None, value: float, qualifier: Qualifier, measure: str, unit: str | None,
              syntax: FigureSyntax) -> bool:
    """Whether a number is a word ("one reason", "et tre falt": a tree fell) or a year, not a count
    ("four paintings" is one)."""
    if not digits[:1].isdigit() and not scale and (
            (value == 1 and qualifier == "exact")
            or (measure.startswith("word:") and digits.lower() in syntax.ambiguous_numbers)):
        return True
    return bool(_YEAR.fullmatch(digits) and not scale and unit is None and measure.startswith("word:"))


def _rule_names(rule: str, found: Reading, outcome: str | None) -> tuple[str, ...]:
    """The rules that decided a figure's measure: the measure rule, which words after it said it
    (when they did), and the rule that said what happened to the people counted."""
    names = (rule, found.how) if found.how else (rule,)
    return (*names, outcome) if outcome else names


def _age_draft(age: Age) -> _Draft:
    if age.upto is not None:  # a group's ages: a range, shown by its middle
        return _Draft(age.start, age.end, (age.value + age.upto) / 2, age.value, age.upto, "age", "range", None, None,
                      None, None, None, age.rules, None)
    low, high = _range(age.value, "exact")
    return _Draft(age.start, age.end, age.value, low, high, "age", "exact", age.subject, None, None, None, None,
                  age.rules, age.noun)


def _figures(source: Source, language: str, drafts: list[_Draft]) -> tuple[Figure, ...]:
    """The drafts as figures in text order, numbered within their paragraph."""
    drafts = sorted((d for d in drafts if not source.in_furniture(d.start)), key=lambda d: (d.start, d.end))
    figures = []
    counters: dict[str, int] = {}
    for d in drafts:
        anchor = source.paragraph_at(d.start).anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        figures.append(Figure(
            id=f"{source.id}-{anchor}-f{counters[anchor]}", source=source.id, anchor=anchor,
            start=d.start, end=d.end, text=source.text[d.start:d.end], value=_clean(d.value),
            low=None if d.low is None else _clean(d.low), high=None if d.high is None else _clean(d.high),
            measure=d.measure, qualifier=d.qualifier, subject=d.subject, language=language,
            unit=d.unit, written_value=d.written, measure_text=d.measure_text, counted_by=d.counted_by,
            rules=d.rules, about=d.about))
    return tuple(figures)


def _counter(who: str, syntax: FigureSyntax) -> str | None:
    """Who gave a figure, as a key: its first words after any article, up to the next function
    word, lower case ("la police": police; "police while unions claimed": police)."""
    words: list[str] = []
    for word in HYPHENATED_WORD.findall(who):
        lower = word.lower()
        if lower in syntax.stopwords:
            if words:
                break
            continue
        words.append(lower)
        if len(words) == _COUNTER_WORDS:
            break
    return " ".join(words) or None


def _range(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    low, high = QUALIFIER_RANGES[qualifier]
    return (None if low is None else value * low, None if high is None else value * high)


def _qualifier(text: str, start: int, syntax: FigureSyntax) -> tuple[Qualifier, int]:
    """How the words right before a number qualify it, and where the figure then starts."""
    if syntax.qualifier_before is None:
        return "exact", start
    window = text[max(0, start - 30):start]
    m = syntax.qualifier_before.search(window)
    if not m:
        return "exact", start
    return syntax.qualifier_keys[m.group("q").lower()], start - (len(window) - m.start())


def _clean(value: float) -> float:
    return float(round(value, 6))


def _range_end(text: str, m: re.Match[str], syntax: FigureSyntax) -> re.Match[str] | None:
    """The second number of a range whose first number is ``m`` ("between 300 and 400"), if any."""
    if syntax.range_open is None or syntax.range_join is None:
        return None
    if not syntax.range_open.search(text, max(0, m.start() - 20), m.start()):
        return None
    join = syntax.range_join.match(text, m.end())
    if join is None:
        return None
    second = syntax.number.match(text, join.end())
    return second if second is not None and second.group("num") else None

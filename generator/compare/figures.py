"""Figure findings: the numbers different sources give for one measure.

Figures are grouped by measure and subject (the person an age belongs to; ages themselves are
:mod:`~generator.compare.ages`' own), never compared all against all. Counts named by the
noun after them ("four paintings", ``word:`` measures) and percentages are compared within one
language only: no dictionary here says that *paintings* are *tableaux*, nor of what a
percentage is. Where a source gives counts by different counters ("80 000 selon la police,
400 000 selon la CGT"), each counter's counts are compared with that counter's in other
sources only.

Within a group, each source's figures are narrowed to those that can be compared: a value far
from every other source's, beside values near them, is about something else and is set
aside; a source whose values still exclude each other counts different things under one name
and is left out rather than guessed at. Of what is left, a source's most precise figure
stands for it. The sources disagree when those figures differ in value or qualifier. Each
value is widened by the rounding its wording implies (:func:`_tolerance`: "6 years" is
itself, "1000" is 900–1100, "2 millions" keeps its last digit's rounding), and the first rule
of :data:`_FIGURE_RULES` that holds decides the explanation and the severity:

``far-apart``
    the widened ranges do not meet and the values are more than five times apart:
    ``different-scope``, ``medium`` — a part and the whole, or another event, is likelier than
    one count wrong by that much.
``growing-within-rounding``
    the measure grows while a story runs (dead, injured, evacuated, views) and the ranges
    meet: ``different-time``, ``low``.
``later-reports-higher``
    the measure grows, or it is a span of time ("trapped for 50 hours"), and the later reports,
    each dated, give the higher values: ``different-time``, ``low`` — counted at different
    moments, never "cannot all be true".
``growing-in-order``
    the measure grows and no later report gives a lower count (unknown publication dates fit):
    ``different-time``, ``low``.
``growing-out-of-order``
    the measure grows but a later report gives a lower count: ``conflict``, ``medium``.
``within-rounding``
    one value with different qualifiers, or ranges that meet: ``rounding``, ``low``.
``conflict``
    anything else: ``conflict``, ``high`` — the values cannot all be true.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.compare.common import Rule, always, claim_at, first_rule, said_by_source, stable_id
from generator.extract.measures import DURATION_MEASURES, GROWING_MEASURES, LENGTH_MEASURES
from generator.model.claims import Figure
from generator.model.finding import Discrepancy
from generator.model.source import Source
from generator.text.numbers import parse_number

_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")


def _as_written(figure: Figure) -> float | None:
    """The number as its digits give it ("2" of "2 millions", 40 of "40-pound"); ``None`` in words."""
    if figure.written_value is not None:
        return figure.written_value
    digits = _DIGITS.search(figure.text)
    return parse_number(digits.group(0), figure.language) if digits else None


_ROUNDED_LEAST = 0.05  # "about 850" allows at least 5 % either way, and its last digit's rounding


def _tolerance(figure: Figure) -> tuple[float | None, float | None]:
    """The figure's range widened by the rounding its written value implies."""
    low, high = figure.low, figure.high
    written = _as_written(figure)
    value = written or figure.value
    factor = figure.value / value if value else 1.0
    step = 1.0
    integer = round(value)
    if integer == value and integer != 0:
        while integer % 10 == 0 and step * 10 < abs(value):
            integer //= 10
            step *= 10
    else:
        step = 0.1
    if figure.qualifier == "about":  # "about 850": the word says the number is rounded, to its last digit
        half = max(_ROUNDED_LEAST * abs(value), min(step / 2, abs(value) / 10)) * factor
        return figure.value - half, figure.value + half
    if figure.qualifier == "nearly":  # "nearly 1,000": up to a tenth below it
        return low, high
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
    """Whether the ranges (``None``: open on that side) have a value in common."""
    low = max((r[0] for r in ranges if r[0] is not None), default=None)
    high = min((r[1] for r in ranges if r[1] is not None), default=None)
    return low is None or high is None or low <= high


_FAR_APART = 5  # values this many times apart count different things more likely than one thing wrongly


def _far_apart(values: Iterable[float]) -> bool:
    """Whether the largest of the non-zero values is more than :data:`_FAR_APART` times the smallest."""
    positive = [abs(v) for v in values if v]
    return len(positive) > 1 and max(positive) > _FAR_APART * min(positive)


def _comparable(by_source: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """Each source's figures of one measure that can be compared with the other sources'.

    Where a source also gives values near the other sources', a value far from every one of
    theirs ("plus de 50 000 morts" of an earlier quake beside "41 morts") is about something
    else and is set aside. A source whose values still exclude each other counts different
    things under one name: it is left out rather than guessed at. A vague count ("dozens of
    rescuers") stands for its source only when the source gives no other count of the measure.
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
        return (zeros > sum(1 for f in own if not f.value)
                or bisect_right(values, high) - bisect_left(values, low) > mine)

    kept: dict[str, list[Figure]] = {}
    for source, figures in by_source.items():
        # a source's vague count ("tens of invaders") beside its own count of the measure is
        # another group's or a rough word: its count stands for it
        figures = [f for f in figures if "vague-count" not in f.rules] or figures
        near = [f for f in figures if near_others(f.value, figures)] or figures
        if len({(f.value, f.qualifier) for f in near}) > 1 and not _overlap([_tolerance(f) for f in near]):
            continue
        kept[source] = near
    return kept


# Measures that do not say of what: a percentage is compared within one language, like a noun
# ("27.4 per cent" of which party? the words around it say, in that language only).
_SHARES = frozenset({"percent"})


@dataclass(frozen=True)
class _Spread:
    """How the figures that stand for the sources relate: what the figure rules decide on."""

    growing: bool
    """The measure grows while a story runs (:data:`~generator.extract.figures.GROWING_MEASURES`)."""
    within_rounding: bool
    """The figures' ranges, widened by the rounding their wording implies, meet."""
    far_apart: bool
    """The values are more than :data:`_FAR_APART` times apart."""
    one_value: bool
    """The figures give one value (with different qualifiers)."""
    in_order: bool = True
    """No source published later gives a lower value than one published earlier (unknown dates fit)."""
    dated_in_order: bool = False
    """Every source gives its publication date, and the later reports give the higher values."""
    duration: bool = False
    """The measure is a span of time ("trapped for 50 hours"), which grows while a story runs."""


_GROWING = "{measure} grow over time and the sources count at different moments"
_LATER_HIGHER = "{measure} grow over time, and the later reports give the higher counts"

_FIGURE_RULES: tuple[Rule[_Spread], ...] = (
    Rule("far-apart", lambda s: not s.within_rounding and s.far_apart, "different-scope", "medium",
         f"the values are more than {_FAR_APART} times apart: the sources likely count different things "
         "(a part and the whole, or another event)"),
    Rule("growing-within-rounding", lambda s: s.growing and s.within_rounding, "different-time", "low", _GROWING),
    Rule("later-reports-higher", lambda s: (s.growing or s.duration) and s.dated_in_order,
         "different-time", "low", _LATER_HIGHER),
    Rule("growing-in-order", lambda s: s.growing and s.in_order, "different-time", "low", _GROWING),
    Rule("growing-out-of-order", lambda s: s.growing, "conflict", "medium",
         "{measure} grow over time, but a later report gives a lower count than an earlier one"),
    Rule("within-rounding", lambda s: s.one_value or s.within_rounding, "rounding", "low",
         "the values agree within rounding and the qualifiers used"),
    Rule("conflict", always, "conflict", "high", "the values cannot all be true"),
)
"""How a figure finding is explained, first rule that holds first."""


_GENERIC = frozenset({"people"})
"""Measures that say only that people are counted: a vague count of them ("thousands of people")
is compared with none (a precise one is, on the words around it)."""

_SET_ASIDE = frozenset({"another-group", "conversion-in-brackets"})
"""Figures compared with none: another group's count ("another 1,000 troops"), and a length in
brackets converting the one before it ("40 metres (131 feet)"), which says nothing of its own."""


def _subject(figure: Figure, only_about: dict[str, str | None]) -> str | None:
    """What a figure is compared as being about, beside its measure: the thing a length measures
    ("well"), the person an age or count is of; a count whose nationality the text gives ("German
    troops") is compared with counts of that nationality, and one without with the counts of the
    one nationality the measure's counts give, if there is just one."""
    if figure.measure in LENGTH_MEASURES:
        return figure.about
    if figure.subject:
        return figure.subject
    return figure.about or only_about.get(figure.measure)


def _only_abouts(figures: Sequence[Figure]) -> dict[str, str | None]:
    """Each measure's one ``about`` (nationality) when its figures give just one, else ``None``."""
    abouts: dict[str, set[str]] = {}
    for f in figures:
        if f.about and not _SET_ASIDE.intersection(f.rules):
            abouts.setdefault(f.measure, set()).add(f.about)
    return {measure: next(iter(found)) if len(found) == 1 else None for measure, found in abouts.items()}


def figure_findings(figures: Sequence[Figure], sources: dict[str, Source]) -> list[Discrepancy]:
    """Figures of one measure, subject and scope that differ between sources, a finding per
    group (per counter, where a source gives counts by different counters)."""
    groups: dict[tuple[str, str | None, str], list[Figure]] = defaultdict(list)
    only_about = _only_abouts(figures)
    for figure in figures:
        if figure.measure == "age" or _SET_ASIDE.intersection(figure.rules):
            continue
        if "vague-count" in figure.rules and (figure.measure in _GENERIC or figure.measure.startswith("word:")):
            continue  # "thousands of people online" beside "at least 14 people fell through the ice"
        scope = figure.language if figure.measure.startswith("word:") or figure.measure in _SHARES else ""
        if "other-time" in figure.rules:
            scope = f"{scope} earlier".strip()
        groups[(figure.measure, _subject(figure, only_about), scope)].append(figure)
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


def _publication_order(chosen: Sequence[Figure], sources: dict[str, Source]) -> tuple[bool, bool]:
    """Whether no later report gives a lower value than an earlier one (unknown dates fit), and
    whether every report is dated and the later ones give the higher values."""
    def published(figure: Figure) -> dt.date | None:
        source = sources.get(figure.source)
        day = source.metadata.published if source is not None else None
        return day.date() if isinstance(day, dt.datetime) else day

    dated = [(f.value, published(f)) for f in chosen]
    pairs = [(a, b) for a in dated for b in dated if a[0] < b[0]]
    in_order = all(a[1] is None or b[1] is None or a[1] <= b[1] for a, b in pairs)
    every = all(day is not None for _, day in dated)
    later = any(a[1] is not None and b[1] is not None and a[1] < b[1] for a, b in pairs)
    return in_order, in_order and every and later


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
    within_rounding = _overlap([_tolerance(f) for f in chosen])
    in_order, dated_in_order = _publication_order(chosen, sources)
    rule = first_rule(_FIGURE_RULES, _Spread(measure in GROWING_MEASURES, within_rounding, _far_apart(values),
                                             len(values) == 1, in_order, dated_in_order,
                                             measure in DURATION_MEASURES))
    label = measure.removeprefix("word:").replace("_", " ") + (f" counted by {counter}" if counter else "")
    said = said_by_source([(f.source, f"“{f.text}”") for f in chosen])
    why = rule.note.format(measure=measure.removeprefix("word:"))
    key = "|".join(x for x in (measure, subject or "", scope, f"by:{counter}" if counter else "") if x)
    dimension = measure in LENGTH_MEASURES and measure != "distance" and subject
    if dimension:
        label = f"the {measure} of the {subject}"
    return Discrepancy(
        id=stable_id("figure", key), kind="figure", key=key,
        summary=f"The sources give different figures for {label}: {said} — {why}.",
        explanation=rule.explanation, severity=rule.severity,
        claims=tuple(claim_at(sources, f.source, f.start, f.end, f.value, "figure")
                     for _, fs in sorted(by_source.items()) for f in sorted(fs, key=lambda f: f.start)),
        rules=(rule.name,),
        evidence=(f"{SAME_THING}: the {measure} of the {subject}, by the words next to each figure",)
        if dimension else ())


SAME_THING = "one thing measured"
"""The evidence of a finding whose figures each give one dimension of one thing ("the depth of the well")."""

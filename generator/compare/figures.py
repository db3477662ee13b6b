"""Figures."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from generator.compare.common import claim_at, said_by_source, stable_id
from generator.extract.measures import GROWING_MEASURES
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


def figure_findings(figures: Sequence[Figure], sources: dict[str, Source]) -> list[Discrepancy]:
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
    said = said_by_source([(f.source, f"“{f.text}”") for f in chosen])
    why = {"different-time": f"{measure.removeprefix('word:')} grow over time and the sources count at different "
                             "moments",
           "rounding": "the values agree within rounding and the qualifiers used",
           "different-scope": f"the values are more than {_FAR_APART} times apart: the sources likely count "
                              "different things (a part and the whole, or another event)",
           "conflict": "the values cannot all be true"}[explanation]
    key = "|".join(x for x in (measure, subject or "", scope, f"by:{counter}" if counter else "") if x)
    return Discrepancy(
        id=stable_id("figure", key), kind="figure", key=key,
        summary=f"The sources give different figures for {label}: {said} — {why}.",
        explanation=explanation, severity=severity,
        claims=tuple(claim_at(sources, f.source, f.start, f.end, f.value, "figure") for f in chosen))

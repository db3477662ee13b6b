"""Date inference: the years a story can lie in, and dates placed by a weekday check across sources.

A day and month written without a year ("Dec. 8") in a source without a publication date
cannot be resolved from that source alone. When a weekday in any source dates the same event
("fredag") and exactly one year of the story period has that day on that weekday, both
mentions are placed on that day and marked inferred, with the reason for the reader. The
story period is ``case.yml``'s ``year:`` or ``period:``, else the years of the publication
dates and of dates written with a year, else a default range. The weekday checks
(:func:`~generator.compare.checks.date_checks`) group mentions the same way: by the event
they date, then by equal value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from generator.extract.dates import DEFAULT_YEARS, years_fitting
from generator.model.claims import DateMention
from generator.model.finding import short_id
from generator.model.source import CaseInfo, Source


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
def fitting_years(day: int, month: int, weekday: int, years: tuple[int, ...]) -> tuple[int, ...]:
    """The years of ``years`` in which the day of the month falls on the weekday (cached)."""
    return years_fitting(day, month, weekday, years)


def event_groups(dates: Iterable[DateMention]) -> dict[str, list[DateMention]]:
    """Day-month and weekday mentions by the event they date."""
    groups: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        if mention.event and mention.kind in ("absolute", "weekday"):
            groups[mention.event].append(mention)
    return groups


def grouped_by(mentions: Iterable[DateMention], key: Callable[[DateMention], Hashable]) -> list[list[DateMention]]:
    """``mentions`` grouped by ``key``, groups in order of their first member.

    Weekday checks compare groups of equal values, never all pairs of mentions: a thousand
    sources that each say "Dec. 8" and "Friday" make one check, not a million.
    """
    groups: dict[Hashable, list[DateMention]] = {}
    for mention in mentions:
        groups.setdefault(key(mention), []).append(mention)
    return list(groups.values())


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
    for event, members in sorted(event_groups(dates).items()):
        days = grouped_by((m for m in members if m.kind == "absolute" and m.day and m.month and m.weekday is None),
                          lambda m: (m.day, m.month, m.year, m.resolved))
        weekdays = grouped_by((m for m in members if m.kind == "weekday" and m.weekday is not None and not m.resolved),
                              lambda m: m.weekday)
        for day_group in days:
            day = day_group[0]
            for weekday_group in weekdays:
                weekday = weekday_group[0]
                fit = fitting_years(day.day or 0, day.month or 0, weekday.weekday or 0,
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
                                f"weekday check: “{first.text}” ({short_id(first.source)}) and “{second.text}” "
                                f"({short_id(second.source)}) date the same event ({event}) and fit only {fit[0]}"
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

"""Weekday checks: a weekday and a day-month that date the same event, checked for the years both fit.

"Dec. 8" in one source and "fredag" in another, both dating the post, agree in 2017 (and in
every year whose 8 December is a Friday). Mentions are grouped by the event they date, then
by equal value (day, month and year; weekday; and whether the source's own date resolved
it), and each pair of a day group and a weekday group is one check citing every mention of
both: a thousand sources saying "Dec. 8" and "Friday" make one check, not a million. A pair
whose mentions were both resolved from their own sources is compared as dates by
:func:`~generator.compare.dates.date_findings` instead. The years checked are those of the
story period (:func:`~generator.resolve.dates.story_years`), or the year written with the
day. A check that no year fits becomes a date finding (``weekday-never-fits``); the others are
shown as consistent, with the years they fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.compare.common import claim_at, listed
from generator.model.claims import DateMention
from generator.model.finding import DateCheck
from generator.model.source import CaseInfo, Source
from generator.resolve.dates import event_groups, fitting_years, grouped_by, story_years


def _firm(mention: DateMention) -> bool:
    """Resolved from the text and its source's date, not inferred from another source."""
    return bool(mention.resolved) and not mention.inferred_from


def _wordings(mentions: Sequence[DateMention]) -> str:
    """“Dec. 8” (001), or “Dec. 8” (001, 004 and 2 more) / “8. desember” (003) for a group."""
    by_text: dict[str, list[str]] = {}
    for mention in mentions:
        by_text.setdefault(mention.text, []).append(mention.source)
    parts = [f"“{text}” ({listed(ids)})" for text, ids in list(by_text.items())[:3]]
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
    for event, members in sorted(event_groups(dates).items()):
        days = grouped_by((m for m in members if m.kind == "absolute" and m.day and m.month),
                          lambda m: (m.day, m.month, m.year, _firm(m)))
        weekdays = grouped_by((m for m in members if m.kind == "weekday" and m.weekday is not None),
                              lambda m: (m.weekday, _firm(m)))
        for day_group in days:
            day = day_group[0]
            for weekday_group in weekdays:
                weekday = weekday_group[0]
                if _firm(day) and _firm(weekday):
                    continue  # both resolved: compared as dates by date_findings
                fit = fitting_years(day.day or 0, day.month or 0, weekday.weekday or 0,
                                     (day.year,) if day.year else years)
                claims = tuple(claim_at(by_id, m.source, m.start, m.end, m.resolved, "date")
                               for m in (*day_group, *weekday_group))
                shown = ", ".join(map(str, fit[:8])) + (" …" if len(fit) > 8 else "")
                summary = (f"{_wordings(day_group)} and {_wordings(weekday_group)} date the same event ({event}): "
                           + (f"consistent in {shown}." if fit else f"they never agree within {where}."))
                key = (f"{event}|{day.month:02d}-{day.day:02d}" + (f"-{day.year}" if day.year else "")
                       + (" resolved" if _firm(day) else "") + f"|weekday {weekday.weekday}"
                       + (" resolved" if _firm(weekday) else ""))
                checks.append(DateCheck(event, claims, fit, bool(fit), summary, key))
    return tuple(checks)

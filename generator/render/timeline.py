"""``timeline.md``: dated events as a picture and a table; unresolved dates listed apart."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from generator.model.claims import DateMention
from generator.model.finding import DateCheck
from generator.model.source import Source
from generator.render.claims import CHECKS_PAGE
from generator.render.markup import NO_SEARCH, attr, declares, escape_html, escape_md, href, md_link
from generator.render.paging import Paged, table
from generator.render.passages import passage_html
from generator.render.source_page import short_source
from generator.render.svg import TimelineEvent, timeline_svg

TIMELINE_PER_PAGE = 400
"""Rows of the dated (or unresolved) table on one page; a case with more has pages by period."""
TIMELINE_ROWS = 40
"""Rows of the timeline picture: dated events the most sources give, when there are more."""
CHECKS_LISTED = 50
"""Weekday and date checks listed on the timeline; all are in the report."""
TIMELINE_PAGE = "timeline.md"
_INTRO = ("Dates and times the sources give, resolved against each source's publication date when "
          "it is known. Relative dates (\"two days ago\", \"fredag\") in a source without a known "
          "publication date cannot be placed and are listed as unresolved. A date marked *inferred* "
          "comes from a check across sources (a weekday and a day-month about the same event that fit "
          "only one year of the story period). The picture draws as uncertain every date that is not a "
          "day and month as written: inferred ones, and those read from a weekday or a relative phrase "
          "(\"on Tuesday\", \"i går\"), which assume the nearest such day before the publication date "
          "unless the words say otherwise (\"next Tuesday\").")


def render_timeline(dates: Sequence[DateMention], checks: Sequence[DateCheck],
                    sources: Sequence[Source]) -> dict[str, str]:
    """``timeline.md``: dated events as a picture and a table; unresolved dates listed apart.
    A table of more than :data:`TIMELINE_PER_PAGE` rows is in pages of its own (``timeline/1.md`` … by
    period, ``timeline/unresolved-1.md`` … by source), listed on the timeline."""
    page = TIMELINE_PAGE
    by_id = {s.id: s for s in sources}
    resolved = sorted((d for d in dates if d.resolved), key=lambda d: (d.resolved or "", d.source, d.start))
    unresolved = sorted((d for d in dates if not d.resolved), key=lambda d: (d.source, d.start))
    inferred_in = {d.source for d in dates if d.inferred_from}
    dated_pages = Paged(page, "Timeline", "timeline/", "Timeline", len(resolved), TIMELINE_PER_PAGE)
    unresolved_pages = Paged(page, "Timeline", "timeline/unresolved-", "Unresolved dates", len(unresolved),
                             TIMELINE_PER_PAGE)

    def dated_row(where: str, number: int, mention: DateMention) -> str:
        source = by_id[mention.source]
        day = mention.resolved or ""
        first = number == 0 or resolved[number - 1].resolved != mention.resolved
        row_id = f" id={attr('date-' + day)}" if first else ""
        inferred = (f' <span class="cf-badge cf-inferred" title={attr(mention.inferred_from)}>inferred</span>'
                    if mention.inferred_from else "")
        return (f"<tr{row_id}><td><time datetime={attr(day)}>{escape_html(day)}"
                f"</time>{' ' + escape_html(mention.clock) if mention.clock else ''}{inferred}</td>"
                f"<td>{escape_html(mention.kind)}</td><td>{escape_html(mention.event or '—')}</td>"
                f"<td>{passage_html(where, source, mention.anchor, mention.start, mention.end)}</td></tr>")

    def unresolved_row(where: str, number: int, mention: DateMention) -> str:
        source = by_id[mention.source]
        why = ("no year or reference date" if source.metadata.published is not None
               else "the source has no publication date (its other dates are only inferred)"
               if mention.source in inferred_in else "the source has no publication date")
        return (f"<tr><td><span{declares(source.id, mention.start, mention.end)}>{escape_html(mention.text)}"
                f"</span></td><td>{escape_html(mention.kind)}</td>"
                f"<td>{escape_html(mention.event or '—')}</td><td>{why}</td>"
                f"<td>{passage_html(where, source, mention.anchor, mention.start, mention.end)}</td></tr>")

    parts = ["# Timeline", "", _INTRO, ""]
    events = _timeline_events(resolved, by_id,
                              lambda n: href(page, dated_pages.page_of(n), "date-" + (resolved[n].resolved or "")))
    parts += _picture(events)
    parts += ["## Dated", ""]
    if resolved:
        parts += dated_pages.render(resolved, table(
            f'<table class="cf-dates"{NO_SEARCH}><thead><tr><th>Date</th><th>Kind</th><th>Event</th>'
            "<th>Passage</th></tr></thead><tbody>", dated_row),
            lambda chunk: f"{chunk[0].resolved} – {chunk[-1].resolved}", "rows")
    else:
        parts += ["No date could be resolved to a day.", ""]
    parts += _checks(checks, page)
    parts += ["## Unresolved", ""]
    if unresolved:
        parts += unresolved_pages.render(unresolved, table(
            f'<table class="cf-dates"{NO_SEARCH}><thead><tr><th>As written</th><th>Kind</th><th>Event</th>'
            "<th>Why unresolved</th><th>Passage</th></tr></thead><tbody>", unresolved_row),
            lambda chunk: f"{short_source(by_id[chunk[0].source])} – {short_source(by_id[chunk[-1].source])}", "rows")
    else:
        parts += ["None.", ""]
    return {page: "\n".join(parts), **dated_pages.files, **unresolved_pages.files}


def _picture(events: Sequence[tuple[int, TimelineEvent]]) -> list[str]:
    """The timeline picture of ``events`` (number of sources, event): the :data:`TIMELINE_ROWS`
    the most sources give when there are more."""
    if not events:
        return []
    parts = []
    shown = events if len(events) <= TIMELINE_ROWS else sorted(
        sorted(events, key=lambda e: (-e[0], e[1].start))[:TIMELINE_ROWS], key=lambda e: e[1].start)
    if len(shown) < len(events):
        parts += [f"The picture shows the {len(shown)} dated events the most sources give, of {len(events)}; "
                  "the table lists every date.", ""]
    return [*parts, f'<div class="cf-figure-box"{NO_SEARCH}>'
            f'{timeline_svg([e for _, e in shown], "Timeline of dated events")}</div>', ""]


def _checks(checks: Sequence[DateCheck], page: str) -> list[str]:
    """The first :data:`CHECKS_LISTED` weekday and date checks; the report has them all."""
    if not checks:
        return []
    parts = ["## Weekday and date checks", ""]
    for check in checks[:CHECKS_LISTED]:
        parts.append(f"- {escape_md(check.summary)}")
    if len(checks) > CHECKS_LISTED:
        parts.append(f"- … and {len(checks) - CHECKS_LISTED} more: all with their passages in the "
                     f"{md_link('report', page, CHECKS_PAGE)}")
    return [*parts, ""]


def _timeline_events(resolved: Sequence[DateMention], sources: Mapping[str, Source],
                     link: Callable[[int], str]) -> list[tuple[int, TimelineEvent]]:
    """The picture's rows: one per day, event and certainty, however many sources give it, with
    the number of sources; each links to the day's rows in the table (``link`` of a row's index)."""
    groups: dict[tuple[str, str, str, bool], list[int]] = {}
    for number, mention in enumerate(resolved):
        certain = mention.kind == "absolute" and not mention.inferred_from
        groups.setdefault(((mention.resolved or "")[:10], mention.clock or "", mention.event or "", certain),
                          []).append(number)
    events = []
    for (day, clock, _, certain), members in groups.items():
        words = list(dict.fromkeys(resolved[n].event_text or resolved[n].event or resolved[n].text for n in members))
        where = list(dict.fromkeys(short_source(sources[resolved[n].source]) for n in members))
        label = " / ".join(words[:2]) + (" …" if len(words) > 2 else "")
        label += f" ({', '.join(where[:2])}{f' and {len(where) - 2} more' if len(where) > 2 else ''})"
        events.append((len(where), TimelineEvent(day, day, label, link(members[0]), certain, clock)))
    return events

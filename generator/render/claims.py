"""Pages of claims: ``discrepancies.md``, ``quotes.md`` and ``timeline.md``.

Every claim is shown as the exact passage from its source (escaped) with a link to the
paragraph that holds it. Renderers are pure: records in, Markdown text out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import groupby
from typing import TypeVar

from generator.extract.measures import with_unit
from generator.model.claims import DateMention, Quote
from generator.model.finding import KINDS, Claim, DateCheck, Discrepancy, TranslationLink
from generator.model.source import Source
from generator.render.markup import (
    NO_SEARCH,
    SEARCH_EXCLUDED,
    Mark,
    annotate,
    attr,
    declares,
    escape_html,
    escape_md,
    href,
    md_link,
    value_text,
)
from generator.render.source_page import language_name, short_source, source_page_path
from generator.render.standalone import SideFile
from generator.render.svg import TimelineEvent, timeline_svg

T = TypeVar("T")

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
STATUS_ORDER = {"open": 0, "explained": 1, "resolved": 2}
KIND_TITLES = {
    "figure": "Figures", "quote": "Quote wording", "paraphrase": "Narrative against quote",
    "date": "Dates", "attribute": "Attributes (ages, roles)", "actor": "Who did what, where",
    "coverage": "Only one source",
}
KIND_HELP = {
    "figure": "The same measure about the same subject, given differently.",
    "quote": "One quote, worded differently by different sources (word-level diff).",
    "paraphrase": "A source's own narrative that departs from what another source quotes directly.",
    "date": "The same event dated or timed differently, or a weekday and a date that cannot both be right.",
    "attribute": "The same person's age or role, given differently.",
    "actor": "Who did something, where, or on which platform, told differently.",
    "coverage": "Facts, figures and people that only one source reports.",
}
EXPLANATION_HELP = {
    "rounding": "the values agree after rounding",
    "different-time": "a counter that grows (views, shares): sources written at different times",
    "different-scope": "the sources cover different ground",
    "translation": "the difference comes from translating",
    "conflict": "the sources cannot both be right",
}


def context_span(source: Source, start: int, end: int) -> tuple[int, int]:
    """The sentences around ``[start, end)``: the passage a reader needs to judge a claim."""
    paragraph = source.paragraph_at(start)
    first, last = start, end
    for sentence in paragraph.sentences:
        if sentence.start <= start < sentence.end:
            first = sentence.start
        if sentence.start < end <= sentence.end:
            last = sentence.end
    return min(first, start), max(last, end)


def passage_link(page: str, source: Source, anchor: str, titled: bool = True) -> str:
    """A link to one paragraph of a source, labelled ``VG ¶3`` (titled with the source's title)."""
    link = href(page, source_page_path(source), anchor)
    label = f"{short_source(source)} ¶{anchor[1:]}"
    title = f" title={attr(source.title)}" if titled else ""
    return f'<a class="cf-passage" href={attr(link)}{title}>{escape_html(label)}</a>'


def passage_html(page: str, source: Source, anchor: str, start: int, end: int) -> str:
    """The exact passage in its sentence, escaped and marked, linked to its paragraph."""
    first, last = context_span(source, start, end)
    text = annotate(source.text, first, last, [Mark(start, end, 0, '<mark class="cf-claim-mark">', "</mark>")])
    return (f'{passage_link(page, source, anchor)} '
            f'<span class="cf-passage-text" lang={attr(source.language)}{declares(source.id, first, last)}>'
            f'{text}</span>')


def _diff_html(discrepancy: Discrepancy) -> str:
    if not discrepancy.diff:
        return ""
    left, right = [], []
    for part in discrepancy.diff:
        if part.op == "equal":
            left.append(escape_html(part.left))
            right.append(escape_html(part.right))
        else:
            if part.left:
                left.append(f"<del>{escape_html(part.left)}</del>")
            if part.right:
                right.append(f"<ins>{escape_html(part.right)}</ins>")
    return ('<div class="cf-diff"><div>' + " ".join(left) + "</div><div>" + " ".join(right) + "</div></div>")


def _discrepancy_block(page: str, discrepancy: Discrepancy, sources: Mapping[str, Source],
                       overflow: _Overflow) -> str:
    badges = (f'<span class="cf-badge cf-sev-{discrepancy.severity}">{escape_html(discrepancy.severity)}</span> '
              f'<span class="cf-badge cf-status-{discrepancy.status}">{escape_html(discrepancy.status)}</span> '
              f'<span class="cf-badge" title={attr(EXPLANATION_HELP.get(discrepancy.explanation, ""))}>'
              f"{escape_html(discrepancy.explanation)}</span>")
    if discrepancy.detail:
        badges += f' <span class="cf-badge cf-detail">{escape_html(discrepancy.detail)}</span>'
    rows = []
    shown, rest = _passages(page, discrepancy.claims, sources, overflow, discrepancy.id, discrepancy.id,
                            _title(discrepancy), by_value=True)
    measure = discrepancy.key.split("|")[0] if discrepancy.kind == "figure" else ""
    for claim, passage in shown:
        value = with_unit(value_text(claim.value), measure)  # "25 m/s" for "90 km/h"
        rows.append(f"<tr><td>{passage}</td>"
                    f"<td>{escape_html(claim.role)}</td><td>{escape_html(value)}</td></tr>")
    if rest:
        rows.append(f'<tr><td colspan="3">{rest}</td></tr>')
    parts = ['<div class="cf-disc">', f"<p>{badges}</p>",
             f"<p>{escape_html(discrepancy.summary)}</p>"]
    if discrepancy.note:
        parts.append(f'<p class="cf-note"><strong>Curator:</strong> {escape_html(discrepancy.note)}</p>')
    parts.append(_diff_html(discrepancy))
    parts.append(f'<table class="cf-claims"{NO_SEARCH}><thead><tr><th>Passage</th><th>As</th><th>Value</th></tr></thead>'
                 "<tbody>" + "".join(rows) + "</tbody></table>")
    parts.append(f'<p class="cf-id">id <code>{escape_html(discrepancy.id)}</code></p></div>')
    return "\n".join(p for p in parts if p)


# Links to further sources with the same passage shown before the rest fold away.
ALSO_SHOWN = 8
# Distinct passages shown in full in one finding; the rest are links, folded away.
PASSAGES_SHOWN = 20


class _Overflow(SideFile):
    """Links too many for a report page, in a side file beside it
    (``discrepancies/<page>-links.html``): every source beyond the first :data:`ALSO_SHOWN`
    that repeats a passage, and the passages beyond :data:`PASSAGES_SHOWN`. At 5,000 sources
    these were hundreds of thousands of links, most of the report's markup; each claim is still
    one click from its own paragraph."""

    def __init__(self, page: str, title: str) -> None:
        super().__init__(page, title, f"{title}: all links", "links")

    def add_links(self, anchor: str, finding: str | None, heading: str,
                  claims: Sequence[tuple[Source, str]]) -> str:
        """List links to ``claims`` (source, paragraph anchor) under ``heading``, which links back
        to the ``finding`` (its anchor on the page); the URL of the list."""
        links = ", ".join(passage_link(self.file, source, paragraph, titled=False) for source, paragraph in claims)
        return self.add(anchor, finding, heading, f"<p>{links}</p>")


def _passages(page: str, claims: Sequence[Claim], sources: Mapping[str, Source], overflow: _Overflow,
              anchor: str, finding: str | None, heading: str,
              by_value: bool = False) -> tuple[list[tuple[Claim, str]], str]:
    """Each distinct passage once, with links to every other source that has it word for word,
    and the passages beyond :data:`PASSAGES_SHOWN` as links (HTML, or ""); links beyond the
    first few are in the page's :class:`_Overflow` file, listed under ``anchor`` and ``heading``
    (linking back to ``finding``, the finding's anchor on the page, when it has one).

    Wire copy repeats one sentence in hundreds of sources: it is shown once, and each
    source holding it is still a link to its own paragraph. Claims group by role, value
    (with ``by_value``) and the exact text shown (the sentence and the marked span in it).
    A finding across thousands of sources shows the first passage of every role and value
    before the second of any, so what disagrees is always on the page.
    """
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        source = sources[claim.source]
        first, last = context_span(source, claim.start, claim.end)
        group_key: tuple[object, ...] = (claim.role, value_text(claim.value) if by_value else "", source.language,
                                         source.text[first:last], claim.start - first, claim.end - first)
        groups.setdefault(group_key, []).append(claim)
    keys = list(groups)
    rank: dict[tuple[object, ...], int] = {}
    seen: dict[tuple[object, ...], int] = defaultdict(int)
    for key in keys:
        rank[key] = seen[key[:2]]
        seen[key[:2]] += 1
    position = {key: n for n, key in enumerate(keys)}
    chosen = set(sorted(keys, key=lambda k: (rank[k], position[k]))[:PASSAGES_SHOWN])
    out = []
    folded: list[Claim] = []
    for number, key in enumerate(keys, 1):
        members = groups[key]
        claim = members[0]
        if key not in chosen:
            folded += members
            continue
        html = passage_html(page, sources[claim.source], claim.anchor, claim.start, claim.end)
        others = members[1:]
        if others:
            shown = ", ".join(passage_link(page, sources[c.source], c.anchor, titled=False)
                              for c in others[:ALSO_SHOWN])
            if len(others) > ALSO_SHOWN:
                url = overflow.add_links(f"{anchor}-{number}", finding,
                                         f"{heading} — the same words as {short_source(sources[claim.source])} "
                                         f"¶{claim.anchor[1:]} in {len(others)} more sources",
                                         [(sources[c.source], c.anchor) for c in others])
                shown += f' <a class="cf-also-more" href={attr(url)}>and {len(others) - ALSO_SHOWN} more</a>'
            html += f' <span class="cf-also">The same words in {len(others) + 1} sources: also {shown}</span>'
        out.append((claim, html))
    rest = ""
    if folded:
        url = overflow.add_links(f"{anchor}-more", finding, f"{heading} — {len(keys) - len(chosen)} more passages",
                                 [(sources[c.source], c.anchor) for c in folded])
        rest = (f'<a class="cf-more-passages" href={attr(url)}>{len(keys) - len(chosen)} more passages '
                f"({len(folded)} claims), as links</a>")
    return out, rest


def urgency_order(discrepancy: Discrepancy) -> tuple[int, int, int, str]:
    """Unresolved and most serious first, whatever the kind (the overview and the home page)."""
    return (STATUS_ORDER.get(discrepancy.status, 0), SEVERITY_ORDER.get(discrepancy.severity, 3),
            KINDS.index(discrepancy.kind), discrepancy.id)


def discrepancy_order(discrepancy: Discrepancy) -> tuple[int, int, int, str]:
    """Kind order, then unresolved and most serious first."""
    return (KINDS.index(discrepancy.kind), STATUS_ORDER.get(discrepancy.status, 0),
            SEVERITY_ORDER.get(discrepancy.severity, 3), discrepancy.id)


DISCREPANCIES_PAGE = "discrepancies.md"
QUOTES_PAGE = "quotes.md"
CHECKS_PAGE = "discrepancies/checks.md"
PER_PAGE = 100
"""Findings on one page of a kind: a report of thousands of findings stays in pages a browser reads."""
TOP_FINDINGS = 30
"""Findings listed on the overview, most serious first."""


def _kind_page(kind: str, index: int) -> str:
    return f"discrepancies/{kind}.md" if index == 0 else f"discrepancies/{kind}-{index + 1}.md"


def _by_kind(discrepancies: Sequence[Discrepancy]) -> dict[str, list[Discrepancy]]:
    grouped: dict[str, list[Discrepancy]] = defaultdict(list)
    for discrepancy in discrepancies:
        grouped[discrepancy.kind].append(discrepancy)
    return {kind: sorted(grouped[kind], key=discrepancy_order) for kind in KINDS if grouped.get(kind)}


def discrepancy_pages(discrepancies: Sequence[Discrepancy]) -> dict[str, str]:
    """The page holding each finding (by id): ``discrepancies/<kind>.md``, then
    ``<kind>-2.md`` and on for every :data:`PER_PAGE` findings, most serious first."""
    return {d.id: _kind_page(kind, n // PER_PAGE)
            for kind, members in _by_kind(discrepancies).items() for n, d in enumerate(members)}


def render_discrepancies(discrepancies: Sequence[Discrepancy], checks: Sequence[DateCheck],
                         sources: Sequence[Source]) -> dict[str, str]:
    """The discrepancy report: ``discrepancies.md`` (an overview: kinds, counts and the most
    serious findings), a page per kind (paged by :data:`PER_PAGE`, most serious first, every
    claim linked to its passage) and ``discrepancies/checks.md`` (weekday and date checks)."""
    by_id = {s.id: s for s in sources}
    by_kind = _by_kind(discrepancies)
    where = discrepancy_pages(discrepancies)
    pages = {DISCREPANCIES_PAGE: _overview(discrepancies, by_kind, where, checks, sources)}
    for kind, members in by_kind.items():
        chunks = [members[i:i + PER_PAGE] for i in range(0, len(members), PER_PAGE)]
        for index, chunk in enumerate(chunks):
            page = _kind_page(kind, index)
            title = KIND_TITLES[kind] + (f" ({index + 1} of {len(chunks)})" if len(chunks) > 1 else "")
            parts = [f"# {title}", "", _pager(page, kind, index, len(chunks)), "", KIND_HELP[kind], ""]
            overflow = _Overflow(page, title)
            for number, discrepancy in enumerate(chunk, start=index * PER_PAGE + 1):
                parts += [f"## {number}. {escape_md(_title(discrepancy))} {{#{discrepancy.id}}}", "",
                          _discrepancy_block(page, discrepancy, by_id, overflow), ""]
            if len(chunks) > 1:
                parts += [_pager(page, kind, index, len(chunks)), ""]
            pages[page] = "\n".join(parts)
            overflow.add_to(pages)
    if checks:
        parts = ["# Weekday and date checks", "", md_link("All discrepancies", CHECKS_PAGE, DISCREPANCIES_PAGE), "",
                 "Weekdays and dates about the same event, checked against each other: the years in which "
                 "they agree, or none. Mentions of the same value are checked together.", ""]
        overflow = _Overflow(CHECKS_PAGE, "Weekday and date checks")
        for number, check in enumerate(checks, 1):
            shown, rest = _passages(CHECKS_PAGE, check.claims, by_id, overflow, f"check-{number}", None,
                                    check.summary)
            rows = "".join(f"<li>{passage}</li>" for _, passage in shown) + (f"<li>{rest}</li>" if rest else "")
            state = "consistent" if check.consistent else "inconsistent"
            parts += [f'<div class="cf-check cf-{state}"><p>{escape_html(check.summary)}</p>'
                      f'<ul{NO_SEARCH}>{rows}</ul></div>', ""]
        pages[CHECKS_PAGE] = "\n".join(parts)
        overflow.add_to(pages)
    return pages


def _pager(page: str, kind: str, index: int, count: int) -> str:
    links = [md_link("All discrepancies", page, DISCREPANCIES_PAGE)]
    if count > 1:
        links.append(_pages_line(page, index, [_kind_page(kind, n) for n in range(count)]))
    return " · ".join(links)


def _pages_line(page: str, index: int, pages: Sequence[str]) -> str:
    """``pages: 1 **2** 3``: links from ``page`` (number ``index``) to each of ``pages``."""
    return "pages: " + " ".join(f"**{n + 1}**" if n == index else md_link(str(n + 1), page, other)
                                for n, other in enumerate(pages))


def _overview(discrepancies: Sequence[Discrepancy], by_kind: Mapping[str, list[Discrepancy]],
              where: Mapping[str, str], checks: Sequence[DateCheck], sources: Sequence[Source]) -> str:
    page = DISCREPANCIES_PAGE
    parts = ["# Discrepancies", "",
             f"Where the {len(sources)} sources disagree, and what only one of them says: "
             f"**{len(discrepancies)}** findings. Each kind has its own page, most serious first; each "
             "finding shows every source's exact passage, linked to its paragraph, with an explanation "
             "class, a severity and the curator's status (set in `seeds/case.yml`).", ""]
    if by_kind:
        parts += ["| Kind | Findings | Open | What it means |", "|---|---|---|---|"]
        parts += [f"| {md_link(KIND_TITLES[k], page, _kind_page(k, 0))} | {len(members)} | "
                  f"{sum(1 for d in members if d.status == 'open')} | {KIND_HELP[k]} |"
                  for k, members in by_kind.items()]
        parts.append("")
        ranked = sorted(discrepancies, key=urgency_order)
        parts += ["## Most serious" if len(ranked) > TOP_FINDINGS else "## All findings", ""]
        for discrepancy in ranked[:TOP_FINDINGS]:
            parts.append(f"- **{KIND_TITLES[discrepancy.kind]}** ({discrepancy.severity}, {discrepancy.status}): "
                         + md_link(_title(discrepancy), page, where[discrepancy.id], discrepancy.id))
        if len(ranked) > TOP_FINDINGS:
            parts.append(f"- … and {len(ranked) - TOP_FINDINGS} more: see each kind's page above.")
        parts.append("")
    if checks:
        agreeing = sum(1 for c in checks if c.consistent)
        parts += ["## Weekday and date checks", "",
                  f"{md_link(f'{len(checks)} check' + ('s' if len(checks) != 1 else ''), page, CHECKS_PAGE)} "
                  "of a weekday against a date of the "
                  f"same event: {agreeing} consistent, {len(checks) - agreeing} not (those are findings under "
                  "Dates).", ""]
    if not discrepancies and not checks:
        parts += ["No discrepancies were found between the sources.", ""]
    return "\n".join(parts)


def _title(discrepancy: Discrepancy) -> str:
    summary = discrepancy.summary
    return summary if len(summary) <= 90 else summary[:87].rsplit(" ", 1)[0] + " …"


QUOTES_PER_PAGE = 300
"""Quotes on one page; a case with more has an overview and pages of quotes by speaker."""


def render_quotes(quotes: Sequence[Quote], links: Sequence[TranslationLink], discrepancies: Sequence[Discrepancy],
                  sources: Sequence[Source], names: Mapping[str, str]) -> dict[str, str]:
    """``quotes.md``: every direct quote by speaker; variants and translations side by side.
    With more than :data:`QUOTES_PER_PAGE` quotes, ``quotes.md`` is an overview (pages and speakers) and
    the quotes are on ``quotes/1.md``, ``quotes/2.md`` … in speaker order."""
    by_id = {s.id: s for s in sources}
    quote_by_id = {q.id: q for q in quotes}
    translated: dict[str, list[str]] = defaultdict(list)
    for link in links:
        for qid in link.quotes:
            translated[qid].extend(o for o in link.quotes if o != qid)
    where = discrepancy_pages(discrepancies)
    variant_of: dict[tuple[str, int], str] = {}
    for discrepancy in discrepancies:
        if discrepancy.kind == "quote":
            for claim in discrepancy.claims:
                variant_of[(claim.source, claim.start)] = discrepancy.id
    speakers, rows = _quote_rows(quotes, names)
    counts = Counter(speaker for speaker, _ in rows)

    def title_of(speaker: str | None) -> str:
        return (names.get(speaker, speaker) if speaker else "Speaker unknown") or ""

    def row(page: str, quote: Quote) -> str:
        source = by_id[quote.source]
        evidence = escape_html(quote.evidence or "no attribution in the text")
        extra = []
        if (quote.source, quote.start) in variant_of:
            target = variant_of[(quote.source, quote.start)]
            extra.append(f'<a href="{href(page, where[target], target)}">wording differs elsewhere</a>')
        for other_id in sorted(translated.get(quote.id, ())):
            other = quote_by_id.get(other_id)
            if other is not None:
                extra.append(f"{escape_html(language_name(other.language))}: "
                             + passage_html(page, by_id[other.source], other.anchor, other.start, other.end))
        return (f"<tr><td>{passage_html(page, source, quote.anchor, quote.start, quote.end)}</td><td>{evidence}</td>"
                f"<td>{'<br>'.join(extra)}</td></tr>")

    def sections(page: str, chunk: Sequence[tuple[str | None, Quote]], continued: bool) -> list[str]:
        """The chunk's speakers, each under a heading; ``continued`` when its first speaker's
        quotes began on the page before."""
        parts: list[str] = []
        for number, (speaker, group) in enumerate(groupby(chunk, key=lambda r: r[0])):
            if number == 0 and continued:
                parts += [f"## {escape_md(title_of(speaker))} (continued)", ""]
            else:
                parts += [f"## {escape_md(title_of(speaker))} {{#{_speaker_anchor(speaker)}}}", ""]
                if speaker and names.get(speaker):
                    parts += [md_link("Entity page", page, f"entities/{speaker}.md"), ""]
            parts += [f'<table class="cf-quotes"{NO_SEARCH}><thead><tr><th>Quote</th><th>Attribution</th>'
                      "<th>Variants and translations</th></tr></thead><tbody>",
                      *(row(page, quote) for _, quote in group), "</tbody></table>", ""]
        return parts

    intro = (f"**{len(quotes)}** direct quotes in {len(sources)} sources, by speaker. A speaker is named only "
             "when the text says who speaks (a speech verb with a name or a pronoun that can only mean one "
             "person); otherwise the speaker is unknown. Wording variants of one quote link to the "
             "{report}; renderings in another language are shown side by side.")
    page = QUOTES_PAGE
    paged = _quote_pages(len(rows))
    parts = ["# Quotes", "", intro.format(report=md_link("discrepancy report", page, DISCREPANCIES_PAGE)), ""]
    if not quotes:
        return {page: "\n".join([*parts, "No direct quotes were found.", ""])}

    def span(chunk: Sequence[tuple[str | None, Quote]]) -> str:
        (first, quote), (last, other) = chunk[0], chunk[-1]
        if first == last:  # one speaker's quotes over several pages: name their sources
            return f"{title_of(first)}: {short_source(by_id[quote.source])} – {short_source(by_id[other.source])}"
        return f"{title_of(first)} – {title_of(last)}"

    def body(where: str, first: int, chunk: Sequence[tuple[str | None, Quote]]) -> list[str]:
        return sections(where, chunk, continued=first > 0 and rows[first - 1][0] == chunk[0][0])

    listed = paged.render(rows, body, span, "quotes")
    if paged.paged:  # an overview: the pages in speaker order, and every speaker
        starts = _speaker_starts(rows, paged)
        who = ", ".join(f"<a href={attr(href(page, *starts[s]))}>{escape_html(title_of(s))}</a> ({counts[s]})"
                        for s in speakers if s in counts)
        listed = ["## Pages {#pages}", "", *listed,
                  f"## Speakers ({len(counts)}) {{#speakers}}", "", f"<p{NO_SEARCH}>{who}</p>", ""]
    return {page: "\n".join([*parts, *listed]), **paged.files}


def _speaker_anchor(speaker: str | None) -> str:
    return f"speaker-{speaker}" if speaker else "speaker-unknown"


def _quote_rows(quotes: Sequence[Quote],
                names: Mapping[str, str]) -> tuple[list[str | None], list[tuple[str | None, Quote]]]:
    """The speakers in the order of the quotes pages (by name, the unknown speaker last) and
    every quote as (speaker, quote) in that order, each speaker's by source and position."""
    by_speaker: dict[str | None, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.speaker].append(quote)
    named = sorted((s for s in by_speaker if s is not None), key=lambda s: (names.get(s, s).lower(), s))
    speakers: list[str | None] = [*named, None]
    return speakers, [(speaker, quote) for speaker in speakers if speaker in by_speaker
                      for quote in sorted(by_speaker[speaker], key=lambda q: (q.source, q.start))]


def _quote_pages(count: int) -> _Paged:
    return _Paged(QUOTES_PAGE, "All quotes", "quotes/", "Quotes", count, QUOTES_PER_PAGE)


def _speaker_starts(rows: Sequence[tuple[str | None, Quote]], paged: _Paged) -> dict[str | None, tuple[str, str]]:
    """Where each speaker's quotes begin: (page, anchor)."""
    starts: dict[str | None, tuple[str, str]] = {}
    for number, (speaker, _) in enumerate(rows):
        if speaker not in starts:
            starts[speaker] = (paged.page_of(number), _speaker_anchor(speaker))
    return starts


def speaker_links(quotes: Sequence[Quote], names: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Where each named speaker's quotes begin on the quotes pages: (page, anchor)."""
    _, rows = _quote_rows(quotes, names)
    return {s: where for s, where in _speaker_starts(rows, _quote_pages(len(rows))).items() if s is not None}

TIMELINE_PER_PAGE = 400
"""Rows of the dated (or unresolved) table on one page; a case with more has pages by period."""
TIMELINE_ROWS = 40
"""Rows of the timeline picture: dated events the most sources give, when there are more."""
CHECKS_LISTED = 50
"""Weekday and date checks listed on the timeline; all are in the report."""
TIMELINE_PAGE = "timeline.md"


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
    dated_pages = _Paged(page, "Timeline", "timeline/", "Timeline", len(resolved), TIMELINE_PER_PAGE)
    unresolved_pages = _Paged(page, "Timeline", "timeline/unresolved-", "Unresolved dates", len(unresolved),
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

    parts = ["# Timeline", "",
             "Dates and times the sources give, resolved against each source's publication date when "
             "it is known. Relative dates (\"two days ago\", \"fredag\") in a source without a known "
             "publication date cannot be placed and are listed as unresolved. A date marked *inferred* "
             "comes from a check across sources (a weekday and a day-month about the same event that fit "
             "only one year of the story period). The picture draws as uncertain every date that is not a "
             "day and month as written: inferred ones, and those read from a weekday or a relative phrase "
             "(\"on Tuesday\", \"i går\"), which assume the nearest such day before the publication date "
             "unless the words say otherwise (\"next Tuesday\").", ""]
    events = _timeline_events(resolved, by_id,
                              lambda n: href(page, dated_pages.page_of(n), "date-" + (resolved[n].resolved or "")))
    if events:
        shown = events if len(events) <= TIMELINE_ROWS else sorted(
            sorted(events, key=lambda e: (-e[0], e[1].start))[:TIMELINE_ROWS], key=lambda e: e[1].start)
        if len(shown) < len(events):
            parts += [f"The picture shows the {len(shown)} dated events the most sources give, of {len(events)}; "
                      "the table lists every date.", ""]
        parts += [f'<div class="cf-figure-box"{NO_SEARCH}>'
                  f'{timeline_svg([e for _, e in shown], "Timeline of dated events")}</div>', ""]
    parts += ["## Dated", ""]
    if resolved:
        parts += dated_pages.render(resolved, _table(
            f'<table class="cf-dates"{NO_SEARCH}><thead><tr><th>Date</th><th>Kind</th><th>Event</th>'
            "<th>Passage</th></tr></thead><tbody>", dated_row),
            lambda chunk: f"{chunk[0].resolved} – {chunk[-1].resolved}", "rows")
    else:
        parts += ["No date could be resolved to a day.", ""]
    if checks:
        parts += ["## Weekday and date checks", ""]
        for check in checks[:CHECKS_LISTED]:
            parts.append(f"- {escape_md(check.summary)}")
        if len(checks) > CHECKS_LISTED:
            parts.append(f"- … and {len(checks) - CHECKS_LISTED} more: all with their passages in the "
                         f"{md_link('report', page, CHECKS_PAGE)}")
        parts.append("")
    parts += ["## Unresolved", ""]
    if unresolved:
        parts += unresolved_pages.render(unresolved, _table(
            f'<table class="cf-dates"{NO_SEARCH}><thead><tr><th>As written</th><th>Kind</th><th>Event</th>'
            "<th>Why unresolved</th><th>Passage</th></tr></thead><tbody>", unresolved_row),
            lambda chunk: f"{short_source(by_id[chunk[0].source])} – {short_source(by_id[chunk[-1].source])}", "rows")
    else:
        parts += ["None.", ""]
    return {page: "\n".join(parts), **dated_pages.files, **unresolved_pages.files}


def _timeline_events(resolved: Sequence[DateMention], sources: Mapping[str, Source],
                     link: Callable[[int], str]) -> list[tuple[int, TimelineEvent]]:
    """The picture's rows: one per day, event and certainty, however many sources give it, with
    the number of sources; each links to the day's rows in the table (``link`` of a row's index)."""
    groups: dict[tuple[str, str, bool], list[int]] = {}
    for number, mention in enumerate(resolved):
        certain = mention.kind == "absolute" and not mention.inferred_from
        groups.setdefault(((mention.resolved or "")[:10], mention.event or "", certain), []).append(number)
    events = []
    for (day, _, certain), members in groups.items():
        words = list(dict.fromkeys(resolved[n].event_text or resolved[n].event or resolved[n].text for n in members))
        where = list(dict.fromkeys(short_source(sources[resolved[n].source]) for n in members))
        label = " / ".join(words[:2]) + (" …" if len(words) > 2 else "")
        label += f" ({', '.join(where[:2])}{f' and {len(where) - 2} more' if len(where) > 2 else ''})"
        events.append((len(where), TimelineEvent(day, day, label, link(members[0]), certain)))
    return events


def _table(head: str, row: Callable[[str, int, T], str]) -> Callable[[str, int, Sequence[T]], list[str]]:
    """A :class:`_Paged` body: a table opening with ``head``, one ``row`` (for the page it is
    on, its number, its item) per item."""
    def body(where: str, first: int, chunk: Sequence[T]) -> list[str]:
        return [head, *(row(where, first + n, item) for n, item in enumerate(chunk)), "</tbody></table>", ""]
    return body


class _Paged:
    """A long list of a page: on the page when it is short, else on pages of its own of at most
    ``per_page`` items (``<prefix>1.md`` …), listed on the page with the range each covers.
    Those pages are kept out of search: they are tables whose passages are searched on their
    sources' pages."""

    def __init__(self, page: str, back: str, prefix: str, title: str, count: int, per_page: int) -> None:
        self.page, self.back, self.prefix, self.title = page, back, prefix, title
        self.per_page = per_page
        self.paged = count > per_page
        self.files: dict[str, str] = {}

    def page_of(self, item: int) -> str:
        """The page holding item number ``item``."""
        return f"{self.prefix}{item // self.per_page + 1}.md" if self.paged else self.page

    def render(self, items: Sequence[T], body: Callable[[str, int, Sequence[T]], list[str]],
               span: Callable[[Sequence[T]], str], unit: str) -> list[str]:
        """The lines for the page: the list itself (``body`` of the page, the first item's number
        and the items), or the list of its pages, each made into :attr:`files` and labelled with
        ``span`` of its items."""
        if not self.paged:
            return body(self.page, 0, items)
        starts = range(0, len(items), self.per_page)
        targets = [self.page_of(n) for n in starts]
        listing = []
        for index, first in enumerate(starts):
            chunk = items[first:first + self.per_page]
            target = targets[index]
            listing.append(f"- {md_link(span(chunk), self.page, target)} ({len(chunk)} {unit})")
            pager = f"{md_link(self.back, target, self.page)} · {_pages_line(target, index, targets)}"
            self.files[target] = "\n".join([
                SEARCH_EXCLUDED, f"# {self.title} ({index + 1} of {len(targets)}): {escape_md(span(chunk))}", "",
                pager, "", *body(target, first, chunk), pager, ""])
        return [f"{len(items)} {unit} on {len(targets)} pages of at most {self.per_page}:", "", *listing, ""]

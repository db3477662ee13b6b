"""``quotes.md``: every direct quote by speaker; variants and translations side by side."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from generator.model.claims import Quote
from generator.model.finding import Discrepancy, TranslationLink
from generator.model.source import Source
from generator.model.span import Span
from generator.render.claims import DISCREPANCIES_PAGE, discrepancy_pages
from generator.render.markup import NO_SEARCH, attr, escape_html, escape_md, href, md_link
from generator.render.paging import Paged
from generator.render.passages import passage_html
from generator.render.source_page import language_name, short_source

QUOTES_PAGE = "quotes.md"
QUOTES_PER_PAGE = 300
"""Quotes on one page; a case with more has an overview and pages of quotes by speaker."""


RENDERINGS_SHOWN = 4
"""Renderings of a quote its row shows, those most sources give first; the others are counted."""


@dataclass(frozen=True)
class _QuoteTables:
    """What the quote tables show beside each quote: its source, its speaker's name, where its
    wording differs (a finding on the report) and its renderings in other languages."""

    sources: Mapping[str, Source]
    """Sources by id."""
    names: Mapping[str, str]
    """Entity names by id, for the speakers."""
    quotes: Mapping[str, Quote]
    """Quotes by id."""
    translated: Mapping[str, list[tuple[str, int, int, int]]]
    """The renderings of each quote in another language: the first quote giving each text, how many
    sources give it (wire copy gives one rendering in many sources), and the stretch of it that
    renders the quote (offsets in its source: the whole quote, or the part a link records)."""
    variant_of: Mapping[tuple[str, int], str]
    """Id of the quote-wording finding of each quote (by source and start) that has one."""
    report: Mapping[str, str]
    """The report page of each finding, by id."""

    @classmethod
    def of(cls, quotes: Sequence[Quote], links: Sequence[TranslationLink], discrepancies: Sequence[Discrepancy],
           sources: Sequence[Source], names: Mapping[str, str]) -> _QuoteTables:
        by_id = {q.id: q for q in quotes}
        translated: dict[str, list[tuple[str, int, int, int]]] = defaultdict(list)
        for link in links:
            parts = {(part.source, part.start): part for part in link.parts}
            texts: dict[tuple[str, str], list[str]] = defaultdict(list)
            for qid in link.quotes:
                if qid in by_id:
                    texts[(by_id[qid].language, by_id[qid].text)].append(qid)
            for qid in link.quotes:
                if qid in by_id:
                    translated[qid].extend((min(ids), len({by_id[i].source for i in ids}),
                                            *_rendering(by_id[min(ids)], parts.values()))
                                           for (language, _), ids in sorted(texts.items())
                                           if language != by_id[qid].language)
        variant_of: dict[tuple[str, int], str] = {}
        for discrepancy in discrepancies:
            if discrepancy.kind == "quote":
                for claim in discrepancy.claims:
                    variant_of[(claim.source, claim.start)] = discrepancy.id
        return cls({s.id: s for s in sources}, names, {q.id: q for q in quotes}, translated, variant_of,
                   discrepancy_pages(discrepancies))

    def title_of(self, speaker: str | None) -> str:
        return (self.names.get(speaker, speaker) if speaker else "Speaker unknown") or ""

    def row(self, page: str, quote: Quote) -> str:
        source = self.sources[quote.source]
        evidence = escape_html(quote.evidence or "no attribution in the text")
        extra = []
        if (quote.source, quote.start) in self.variant_of:
            target = self.variant_of[(quote.source, quote.start)]
            extra.append(f'<a href="{href(page, self.report[target], target)}">wording differs elsewhere</a>')
        renderings = sorted(set(self.translated.get(quote.id, ())), key=lambda r: (-r[1], r[0], r[2], r[3]))
        for other_id, count, start, end in renderings[:RENDERINGS_SHOWN]:
            other = self.quotes[other_id]
            copies = f" (the same words in {count - 1} more {'source' if count == 2 else 'sources'})" \
                if count > 1 else ""
            part = " (part of a longer quote)" if (start, end) != (other.start, other.end) else ""
            extra.append(f"{escape_html(language_name(other.language))}{part}: "
                         + passage_html(page, self.sources[other.source], other.anchor, start, end)
                         + copies)
        if len(renderings) > RENDERINGS_SHOWN:
            more = len(renderings) - RENDERINGS_SHOWN
            extra.append(f"and {more} more {'rendering' if more == 1 else 'renderings'} (in case.json’s translations)")
        return (f"<tr><td>{passage_html(page, source, quote.anchor, quote.start, quote.end)}</td><td>{evidence}</td>"
                f"<td>{'<br>'.join(extra)}</td></tr>")

    def sections(self, page: str, chunk: Sequence[tuple[str | None, Quote]], continued: bool) -> list[str]:
        """The chunk's speakers, each under a heading; ``continued`` when its first speaker's
        quotes began on the page before."""
        parts: list[str] = []
        for number, (speaker, group) in enumerate(groupby(chunk, key=lambda r: r[0])):
            if number == 0 and continued:
                parts += [f"## {escape_md(self.title_of(speaker))} (continued)", ""]
            else:
                parts += [f"## {escape_md(self.title_of(speaker))} {{#{_speaker_anchor(speaker)}}}", ""]
                if speaker and self.names.get(speaker):
                    parts += [md_link("Entity page", page, f"entities/{speaker}.md"), ""]
            parts += [f'<table class="cf-quotes"{NO_SEARCH}><thead><tr><th>Quote</th><th>Attribution</th>'
                      "<th>Variants and translations</th></tr></thead><tbody>",
                      *(self.row(page, quote) for _, quote in group), "</tbody></table>", ""]
        return parts

    def span(self, chunk: Sequence[tuple[str | None, Quote]]) -> str:
        """What a page of quotes covers, for the list of pages."""
        (first, quote), (last, other) = chunk[0], chunk[-1]
        if first == last:  # one speaker's quotes over several pages: name their sources
            return (f"{self.title_of(first)}: {short_source(self.sources[quote.source])} – "
                    f"{short_source(self.sources[other.source])}")
        return f"{self.title_of(first)} – {self.title_of(last)}"


_INTRO = ("**{quotes}** direct quotes in {sources} sources, by speaker. A speaker is named only "
          "when the text says who speaks (a speech verb with a name or a pronoun that can only mean one "
          "person); otherwise the speaker is unknown. Wording variants of one quote link to the "
          "{report}; renderings in another language are shown side by side.")


def render_quotes(quotes: Sequence[Quote], links: Sequence[TranslationLink], discrepancies: Sequence[Discrepancy],
                  sources: Sequence[Source], names: Mapping[str, str]) -> dict[str, str]:
    """``quotes.md``: every direct quote by speaker; variants and translations side by side.
    With more than :data:`QUOTES_PER_PAGE` quotes, ``quotes.md`` is an overview (pages and speakers) and
    the quotes are on ``quotes/1.md``, ``quotes/2.md`` … in speaker order."""
    tables = _QuoteTables.of(quotes, links, discrepancies, sources, names)
    speakers, rows = _quote_rows(quotes, names)
    counts = Counter(speaker for speaker, _ in rows)
    page = QUOTES_PAGE
    paged = _quote_pages(len(rows))
    report = md_link("discrepancy report", page, DISCREPANCIES_PAGE)
    parts = ["# Quotes", "", _INTRO.format(quotes=len(quotes), sources=len(sources), report=report), ""]
    if not quotes:
        return {page: "\n".join([*parts, "No direct quotes were found.", ""])}

    def body(where: str, first: int, chunk: Sequence[tuple[str | None, Quote]]) -> list[str]:
        return tables.sections(where, chunk, continued=first > 0 and rows[first - 1][0] == chunk[0][0])

    listed = paged.render(rows, body, tables.span, "quotes")
    if paged.paged:  # an overview: the pages in speaker order, and every speaker
        starts = _speaker_starts(rows, paged)
        who = ", ".join(f"<a href={attr(href(page, *starts[s]))}>{escape_html(tables.title_of(s))}</a> ({counts[s]})"
                        for s in speakers if s in counts)
        listed = ["## Pages {#pages}", "", *listed,
                  f"## Speakers ({len(counts)}) {{#speakers}}", "", f"<p{NO_SEARCH}>{who}</p>", ""]
    return {page: "\n".join([*parts, *listed]), **paged.files}


def _rendering(quote: Quote, parts: Iterable[Span]) -> tuple[int, int]:
    """The stretch of ``quote`` a link says renders the other quotes: its recorded part, else all of it."""
    return next(((part.start, part.end) for part in parts
                 if part.source == quote.source and quote.start <= part.start < quote.end), (quote.start, quote.end))


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


def _quote_pages(count: int) -> Paged:
    return Paged(QUOTES_PAGE, "All quotes", "quotes/", "Quotes", count, QUOTES_PER_PAGE)


def _speaker_starts(rows: Sequence[tuple[str | None, Quote]], paged: Paged) -> dict[str | None, tuple[str, str]]:
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

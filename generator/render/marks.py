"""The marks on a source page: entity links, quotes, figures and dates, each with its details.

The source page (:mod:`~generator.render.source_page`) wraps each marked passage in an element;
this module says which passages and what each element says (a quote's speaker and evidence, a
figure's measure and value, a date's resolution), built from the case's records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model.claims import DateMention, Figure, Quote
from generator.model.entity import Entity
from generator.model.source import Source
from generator.render.entity_pages import entity_link_mark
from generator.render.markup import Mark, attr, value_text

_DETAILS = ' tabindex="0" '
"""Focusable: a mark's details are its ``title``, which only a mouse can hover: the mark takes the focus
(tap or Tab), and the stylesheet shows the focused (or hovered) mark's title in a bar at the foot
of the screen. The bar is generated content, so the paragraph's text stays the source's."""


@dataclass(frozen=True)
class MarksBySource:
    """A case's mentions, quotes, figures and dates grouped by source, for marking source pages."""

    mentions: dict[str, list[tuple[int, int, Entity]]]
    """``(start, end, entity)`` of each resolved mention, by source."""
    quotes: dict[str, list[Quote]]
    """Quotes by source."""
    figures: dict[str, list[Figure]]
    """Figures by source."""
    dates: dict[str, list[DateMention]]
    """Dates by source."""

    @classmethod
    def of(cls, entities: Iterable[Entity], quotes: Iterable[Quote], figures: Iterable[Figure],
           dates: Iterable[DateMention]) -> MarksBySource:
        """The records grouped (a mention two entities claim is marked for the last one, as listed)."""
        entity_of = {(m.source, m.start, m.end): e for e in entities for m in e.mentions}
        by_mention: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for (source, start, end), entity in entity_of.items():
            by_mention[source].append((start, end, entity))
        by_quote: dict[str, list[Quote]] = defaultdict(list)
        for quote in quotes:
            by_quote[quote.source].append(quote)
        by_figure: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures:
            by_figure[figure.source].append(figure)
        by_date: dict[str, list[DateMention]] = defaultdict(list)
        for mention in dates:
            by_date[mention.source].append(mention)
        return cls(by_mention, by_quote, by_figure, by_date)


def source_marks(page: str, source: Source, grouped: MarksBySource) -> list[Mark]:
    """Entity links, quotes, figures and dates to mark in a source's text on ``page``."""
    marks: list[Mark] = []
    for start, end, entity in grouped.mentions.get(source.id, ()):
        marks.append(entity_link_mark(page, entity, start, end))
    for quote in grouped.quotes.get(source.id, ()):
        evidence = f" ({quote.evidence})" if quote.evidence else ""
        title = f"Quote — {quote.speaker_name or 'speaker unknown'}{evidence}"
        details = f"{_DETAILS}title={attr(title)}"
        marks.append(Mark(quote.start, quote.end, 1, f'<span class="cf-quote" id="{quote.id}"{details}>',
                          "</span>", reopen=f'<span class="cf-quote"{details}>'))
    for figure in grouped.figures.get(source.id, ()):
        title = f"{figure.measure}: {value_text(figure.value)}" + (f" ({figure.qualifier})" if figure.qualifier else "")
        marks.append(Mark(figure.start, figure.end, 2, f'<span class="cf-figure"{_DETAILS}title={attr(title)}>',
                          "</span>"))
    for mention in grouped.dates.get(source.id, ()):
        title = f"{mention.kind} date" + (f": {mention.resolved}" if mention.resolved else ", unresolved") + (
            f" (inferred: {mention.inferred_from})" if mention.inferred_from else "")
        marks.append(Mark(mention.start, mention.end, 3, f'<span class="cf-date"{_DETAILS}title={attr(title)}>',
                          "</span>"))
    return marks

"""Entity pages: ``entities/index.md``, ``entities/<id>.md``, ``coverage.md``, ``graph.md``
and ``review.md`` (what a curator should decide).

Long lists stay readable at any size: mentions are grouped by source and the groups
beyond the first few are collapsed; the index, coverage matrix and graph show the most
mentioned entities first and put the rest one click away.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from generator.extract.measures import with_unit
from generator.model.claims import Figure, Quote
from generator.model.entity import Ambiguous, Candidate, Entity, Resolution
from generator.model.finding import Discrepancy
from generator.model.mention import Mention
from generator.model.source import Source, counted_once
from generator.render.claims import TO_CHECK_PAGE
from generator.render.markup import (
    NO_SEARCH,
    SEARCH_EXCLUDED,
    Mark,
    annotate,
    attr,
    breadcrumb,
    declares,
    escape_html,
    escape_md,
    href,
    md_link,
    value_text,
)
from generator.render.source_page import front_matter_text, language_name, short_source, source_page_path, yaml_scalar
from generator.render.standalone import SideFile
from generator.render.svg import TYPE_COLOURS, GraphEdge, GraphNode, network_svg

TYPE_TITLES = {"person": "People", "place": "Places", "organization": "Organisations",
               "platform": "Platforms", "work": "Works", "other": "Other"}
TYPE_ORDER = tuple(TYPE_TITLES)
# Source groups shown open on an entity page; the next are collapsed, and the groups beyond
# GROUPS_SHOWN (and attributes and quotes beyond ITEMS_SHOWN) are in a side file beside the
# page. Pages stay small for entities named thousands of times; every mention is still shown
# in its sentence, one click away, and listed in data/case.json. Ten groups, not twenty-five:
# the fifteen more were collapsed groups few readers open, and a tenth of the pages' build time.
OPEN_GROUPS = 5
GROUPS_SHOWN = 10
ITEMS_SHOWN = 25
MAX_SENTENCES_PER_SOURCE = 50
MAX_AMBIGUOUS_SHOWN = 20
# A mention that fits more entities than this is listed on none of their pages, only counted
# there: it says nothing about any one of them, and at scale it repeated on dozens of pages.
FEW_CANDIDATES = 3
MAX_REVIEW_ITEMS = 200
# Entities shown in the coverage matrix and the graph before "the rest" lists.
TOP_ENTITIES = 50


def entity_page_path(entity_id: str) -> str:
    """Where an entity's page lives in the docs folder."""
    return f"entities/{entity_id}.md"


@dataclass(frozen=True)
class EntityFacts:
    """What the claim stages found about entities, for their pages."""

    quotes: Mapping[str, Sequence[Quote]]
    """Quotes by speaker entity id."""
    figures: Mapping[str, Sequence[Figure]]
    """Figures (ages and others) by subject entity id."""
    ambiguous: Mapping[str, Sequence[Ambiguous]] = field(default_factory=dict)
    """Ambiguous mentions by the id of each entity they may mean."""
    quote_pages: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Where each speaker's quotes begin on the quotes pages (page, anchor)."""


def _ranked(entities: Sequence[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name.lower(), e.id))


def entity_link_mark(page: str, entity: Entity, start: int, end: int) -> Mark:
    """A link from a mention in a text to the entity's page."""
    title = f"{entity.name} ({entity.type})"
    link = href(page, entity_page_path(entity.id))
    return Mark(start, end, 5, f'<a class="cf-entity cf-{entity.type}" href={attr(link)} title={attr(title)}>', "</a>")


def render_entities_index(resolution: Resolution, sources: Sequence[Source]) -> str:
    """``entities/index.md``: every entity by type with mention and source counts."""
    page = "entities/index.md"
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for entity in resolution.entities:
        by_type[entity.type].append(entity)
    counts = ", ".join(f"{len(by_type[t])} {TYPE_TITLES[t].lower()}" for t in TYPE_ORDER if by_type[t])
    # each entity's own page is found by search; the index's long tables would only repeat the names
    parts = [SEARCH_EXCLUDED, "# Entities", "",
             f"**{len(resolution.entities)}** entities named in {len(sources)} sources ({counts or 'none'}), "
             "each resolved across sources and languages. Also: the "
             f"{md_link('who names whom', page, 'coverage.md')}, the "
             f"{md_link('network of co-mentions', page, 'graph.md')} and the "
             f"{md_link('review list', page, 'review.md')} of names the generator was unsure about.", ""]
    for kind in TYPE_ORDER:
        members = _ranked(by_type.get(kind, []))
        if not members:
            continue
        parts += [f"## {TYPE_TITLES[kind]} {{#{kind}}}", "", "| Entity | Mentions | Sources | Also written |",
                  "|---|---|---|---|"]
        for entity in members:
            aliases = sorted({alias for _, alias in entity.aliases if alias != entity.name})
            shown = ", ".join(escape_md(a) for a in aliases[:6]) + (" …" if len(aliases) > 6 else "")
            parts.append(f"| {md_link(entity.name, page, entity_page_path(entity.id))} | {len(entity.mentions)} | "
                         f"{len(entity.sources)} | {shown} |")
        parts.append("")
    return "\n".join(parts)


def _sentence_span(source: Source, offset: int) -> tuple[str, int, int]:
    paragraph = source.paragraph_at(offset)
    for sentence in paragraph.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.anchor, sentence.start, sentence.end
    return paragraph.anchor, paragraph.start, paragraph.end


def render_entity_page(entity: Entity, resolution: Resolution, sources: Mapping[str, Source],
                       facts: EntityFacts, co_mentions: Sequence[tuple[Entity, int]]) -> dict[str, str]:
    """``entities/<id>.md``: type, aliases per language, sources, mentions in context,
    attributes, quotes and co-mentioned entities; and ``entities/<id>-more.html`` (a side
    file) when the lists are too long for one page."""
    page = entity_page_path(entity.id)
    files: dict[str, str] = {}
    by_language: dict[str, set[str]] = defaultdict(set)
    for mention in entity.mentions:
        by_language[sources[mention.source].paragraph_at(mention.start).language
                    or sources[mention.source].language].add(" ".join(mention.text.split()))
    said = (f"{entity.name}: {entity.type} named {len(entity.mentions)} times in {len(entity.sources)} of "
            f"{len(sources)} sources, each mention with its passage.")
    parts = ["---", f"entity: {entity.id}", f"type: {entity.type}",
             f"description: {yaml_scalar(front_matter_text(said))}", "---", "",
             breadcrumb(page, [("Overview", "index.md"), ("Entities", "entities/index.md")], entity.name), "",
             f"# {escape_md(entity.name)}", "",
             f'<p class="cf-type"><span class="cf-badge" style="border-color:{TYPE_COLOURS.get(entity.type, "#777")}">'
             f"{escape_html(entity.type)}</span> named {len(entity.mentions)} times in {len(entity.sources)} "
             f"of {len(sources)} sources. Type evidence: "
             f"{escape_html('; '.join(entity.type_evidence) or 'none recorded')}.</p>",
             ""]
    if by_language:
        parts += ["## Names used", "", "| Language | Written as |", "|---|---|"]
        for language in sorted(by_language):
            names = ", ".join(escape_md(n) for n in sorted(by_language[language]))
            parts.append(f"| {escape_md(language_name(language))} | {names} |")
        parts.append("")
    side = SideFile(page, entity.name, f"{entity.name}: more", "more")
    attributes = sorted(facts.figures.get(entity.id, ()), key=lambda f: (f.measure, f.source, f.start))
    if attributes:
        parts += ["## Attributes and figures {#attributes}", ""]
        parts += _capped(page, side, "attributes", "attributes", f"{entity.name}: attributes and figures",
                         [partial(_attribute_item, source=sources[f.source], figure=f) for f in attributes],
                         f'<ul class="cf-attributes"{NO_SEARCH}>', "</ul>", "attributes")
    quotes = sorted(facts.quotes.get(entity.id, ()), key=lambda q: (q.source, q.start))
    if quotes:
        parts += [f"## Quotes ({len(quotes)}) {{#quotes}}", ""]
        if entity.id in facts.quote_pages:
            parts += [f"Side by side with their wording variants and translations on the "
                      f"{md_link('quotes page', page, *facts.quote_pages[entity.id])}.", ""]
        parts += _capped(page, side, "quotes", "quotes", f"{entity.name}: quotes",
                         [partial(_quote_item, source=sources[q.source], quote=q) for q in quotes],
                         f'<ul class="cf-entity-quotes"{NO_SEARCH}>', "</ul>", "quotes")
    parts += [f"## Mentions ({len(entity.mentions)}) {{#mentions}}", ""]
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in entity.mentions:
        grouped[mention.source].append(mention)
    order = sorted(grouped, key=lambda s: (-len(grouped[s]), s))
    if len(order) > GROUPS_SHOWN:
        rest = order[GROUPS_SHOWN:]
        count = sum(len(grouped[s]) for s in rest)
        body = ('<div class="cf-mention-groups">'
                + "".join(_mention_group(side.file, sources[s], grouped[s], True) for s in rest) + "</div>")
        url = side.add("mentions", "mentions", f"{entity.name}: {count} more mentions in {len(rest)} more sources",
                       body)
        parts += [f'<p class="cf-more">The {GROUPS_SHOWN} sources that name it most are below; '
                  f'<a href={attr(url)}>{count} more mentions in {len(rest)} more sources</a> are on a page of '
                  "their own, each in its sentence.</p>", ""]
    # one HTML block for every group: Python-Markdown copies the rest of the page after each
    # top-level HTML block, so an entity named in hundreds of sources converted slowly
    parts.append(f'<div class="cf-mention-groups"{NO_SEARCH}>')
    parts += [_mention_group(page, sources[source_id], grouped[source_id], number < OPEN_GROUPS)
              for number, source_id in enumerate(order[:GROUPS_SHOWN])]
    parts += ["</div>", ""]
    if co_mentions:
        parts += ["## Named together with", "", "| Entity | Type | Shared sentences |", "|---|---|---|"]
        for other, shared in co_mentions[:30]:
            parts.append(f"| {md_link(other.name, page, entity_page_path(other.id))} | {other.type} | {shared} |")
        if len(co_mentions) > 30:
            parts.append(f"\n… and {len(co_mentions) - 30} more, see the "
                         f"{md_link('who names whom', page, 'coverage.md')}.")
        parts.append("")
    ambiguous = facts.ambiguous.get(entity.id, ())
    if ambiguous:
        parts += [f"## Mentions that may also mean this entity ({len(ambiguous)}) {{#ambiguous}}", ""]
        few = [item for item in ambiguous if len(item.candidates) <= FEW_CANDIDATES]
        if few:
            parts += _capped(page, side, "ambiguous", "ambiguous", f"{entity.name}: mentions that may also mean it",
                             [partial(_maybe_item, sources=sources, item=item) for item in few],
                             f'<ul class="cf-ambiguous"{NO_SEARCH}>', "</ul>", "mentions that may also mean it",
                             MAX_AMBIGUOUS_SHOWN)
        if len(few) < len(ambiguous):
            parts += [_many_candidates(page, [item for item in ambiguous if len(item.candidates) > FEW_CANDIDATES]),
                      ""]
    side.add_to(files)
    files[page] = "\n".join(parts)
    return files


def _capped(page: str, side: SideFile, anchor: str, back: str, heading: str,
            items: Sequence[Callable[[str], str]], opening: str, closing: str, what: str,
            shown: int | None = None) -> list[str]:
    """A list of ``items`` (each rendered for the file that holds it), the first ``shown``
    (:data:`ITEMS_SHOWN`) on the page and the rest in its side file, one link away."""
    shown = ITEMS_SHOWN if shown is None else shown
    lines = [opening, *(f"<li>{item(page)}</li>" for item in items[:shown]), closing]
    if len(items) > shown:
        rest = items[shown:]
        body = opening + "".join(f"<li>{item(side.file)}</li>" for item in rest) + closing
        url = side.add(anchor, back, f"{heading}: {len(rest)} more", body)
        lines.append(f'<p class="cf-more"><a href={attr(url)}>{len(rest)} more {what}</a> (a page of its own).</p>')
    return [*lines, ""]


def _many_candidates(page: str, items: Sequence[Ambiguous]) -> str:
    """One line for the mentions that fit too many entities to be evidence about this one:
    how many, the words written, and where they are listed (the review page, with every
    entity each fits), instead of the same mention on every page it fits."""
    words = sorted({item.mention.text for item in items})
    shown = ", ".join(f"“{escape_html(w)}”" for w in words[:5]) + (f" and {len(words) - 5} more" if len(words) > 5
                                                                        else "")
    fewest = min(len(item.candidates) for item in items)
    count = f"{len(items)} mention{'s' if len(items) != 1 else ''}"
    return (f'<p class="cf-more">{count} ({shown}) fit this entity and at least {fewest - 1} others, too many '
            f'to tell apart from here; each is listed with the entities it fits among the '
            f'<a href={attr(href(page, "review.md", "ambiguous"))}>ambiguous mentions</a> of the review page.</p>')


def _maybe_item(page: str, sources: Mapping[str, Source], item: Ambiguous) -> str:
    mention = item.mention
    return (f"{_passage(page, sources[mention.source], mention.anchor, mention.start, mention.end)} "
            f"— {escape_html(item.reason)}")


def _attribute_item(page: str, source: Source, figure: Figure) -> str:
    return (f"<strong>{escape_html(figure.measure)}</strong>: "
            f"{escape_html(with_unit(value_text(figure.value), figure.measure))} — "
            f"{_passage(page, source, figure.anchor, figure.start, figure.end)}")


def _quote_item(page: str, source: Source, quote: Quote) -> str:
    return (f"{_passage(page, source, quote.anchor, quote.start, quote.end)}"
            f' <span class="cf-evidence">({escape_html(quote.evidence or "")})</span>')


def _mention_group(page: str, source: Source, mentions: Sequence[Mention], is_open: bool) -> str:
    """One source's mentions of an entity, each sentence once with the mentions marked."""
    mentions = sorted(mentions, key=lambda m: m.start)
    label = escape_html(f"{short_source(source)} — {len(mentions)} mention"
                        f"{'s' if len(mentions) != 1 else ''} ({source.language})")
    items = []
    seen_sentences: set[str] = set()
    mention_starts = [m.start for m in mentions]
    for mention in mentions:
        anchor, start, end = _sentence_span(source, mention.start)
        if anchor in seen_sentences:
            continue
        seen_sentences.add(anchor)
        if len(seen_sentences) > MAX_SENTENCES_PER_SOURCE:
            rest = len({_sentence_span(source, m.start)[0] for m in mentions}) - MAX_SENTENCES_PER_SOURCE
            link = href(page, source_page_path(source))
            items.append(f'<li>… and {rest} more sentences naming it in <a href={attr(link)}>this source</a> '
                         "(all mentions are in <code>data/case.json</code>)</li>")
            break
        inside = mentions[bisect_left(mention_starts, start):bisect_left(mention_starts, end)]
        marks = [Mark(m.start, m.end, 0, "<mark>", "</mark>") for m in inside if m.end <= end]
        link = href(page, source_page_path(source), anchor)
        items.append(f'<li><a class="cf-passage" href={attr(link)}>¶{escape_html(anchor[1:])}</a> '
                     f'<span lang={attr(source.language)}{declares(source.id, start, end)}>'
                     f'{annotate(source.text, start, end, marks)}</span></li>')
    return (f'<details class="cf-mentions"{" open" if is_open else ""}><summary>{label}</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def _passage(page: str, source: Source, anchor: str, start: int, end: int) -> str:
    link = href(page, source_page_path(source), anchor)
    return (f'<a class="cf-passage" href={attr(link)}>{escape_html(short_source(source))} '
            f'¶{escape_html(anchor[1:])}</a> <q lang={attr(source.language)}{declares(source.id, start, end)}>'
            f'{escape_html(source.text[start:end])}</q>')


def co_mention_table(resolution: Resolution) -> dict[str, list[tuple[Entity, int]]]:
    """For each entity, the entities named in the same sentences, most shared first."""
    by_id = {e.id: e for e in resolution.entities}
    table: dict[str, list[tuple[Entity, int]]] = defaultdict(list)
    for pair in resolution.co_mentions:
        weight = pair.sentences or 0
        if pair.a in by_id and pair.b in by_id and weight:
            table[pair.a].append((by_id[pair.b], weight))
            table[pair.b].append((by_id[pair.a], weight))
    for rows in table.values():
        rows.sort(key=lambda r: (-r[1], r[0].name.lower(), r[0].id))
    return table


def render_coverage(resolution: Resolution, sources: Sequence[Source]) -> str:
    """``coverage.md``: which source names which entity; single-source entities marked."""
    page = "coverage.md"
    ranked = _ranked(resolution.entities)
    top, rest = ranked[:TOP_ENTITIES], ranked[TOP_ENTITIES:]
    labels = [s.metadata.outlet or s.id.split("-")[0] for s in sources]
    counts = {e.id: Counter(m.source for m in e.mentions) for e in ranked}
    counted = counted_once(sources)
    alone = {e.id for e in ranked if len({counted.get(s, s) for s in e.sources}) == 1}
    only_one = [e for e in ranked if e.id in alone]
    copies = ("; a near copy of another source counts as that source"
              if any(counted[s] != s for s in counted) else "")
    parts = [SEARCH_EXCLUDED, "# Who names whom", "",
             f"Which source names which entity. **{len(only_one)}** of {len(ranked)} entities are named by one "
             f"source only (marked ◆{copies}): facts a reader can check against one source alone.", ""]
    if len(sources) <= 12:
        header = ["Entity", "Type", *[escape_md(label) for label in labels], "Sources"]
        parts += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for entity in top:
            marker = " ◆" if entity.id in alone else ""
            cells = [md_link(entity.name, page, entity_page_path(entity.id)) + marker, entity.type]
            cells += [str(counts[entity.id][s.id]) if counts[entity.id][s.id] else "·" for s in sources]
            cells.append(str(len(entity.sources)))
            parts.append("| " + " | ".join(cells) + " |")
        parts.append("")
        parts += ["Sources: " + "; ".join(f"{escape_md(label)} = {md_link(s.title, page, source_page_path(s))}"
                                          for label, s in zip(labels, sources, strict=True)), ""]
    else:
        parts += ["| Entity | Type | Sources naming it | Mentions |", "|---|---|---|---|"]
        for entity in top:
            parts.append(f"| {md_link(entity.name, page, entity_page_path(entity.id))}"
                         f"{' ◆' if entity.id in alone else ''} | {entity.type} | {len(entity.sources)} | "
                         f"{len(entity.mentions)} |")
        parts.append("")
    if rest:
        links = ", ".join(f"<a href={attr(href(page, entity_page_path(e.id)))}>{escape_html(e.name)}</a>"
                          + (" ◆" if e.id in alone else "") for e in rest)
        parts += [f'<details class="cf-rest"><summary>{len(rest)} more entities</summary><p>{links}</p></details>', ""]
    if only_one:
        parts += ["## Named by one source only", ""]
        by_source: dict[str, list[Entity]] = defaultdict(list)
        for entity in only_one:
            by_source[entity.sources[0]].append(entity)
        source_by_id = {s.id: s for s in sources}
        for source_id in sorted(by_source):
            names = ", ".join(md_link(e.name, page, entity_page_path(e.id)) for e in by_source[source_id][:60])
            more = f" … and {len(by_source[source_id]) - 60} more" if len(by_source[source_id]) > 60 else ""
            source = source_by_id[source_id]
            parts.append(f"- {md_link(source.title, page, source_page_path(source))}: {names}{more}")
        parts.append("")
    return "\n".join(parts)


def render_graph(resolution: Resolution) -> str:
    """``graph.md``: the co-mention network of the most mentioned entities, as SVG."""
    page = "graph.md"
    ranked = _ranked(resolution.entities)[:TOP_ENTITIES]
    chosen = {e.id for e in ranked}
    nodes = [GraphNode(e.id, e.name, e.type, len(e.mentions), href(page, entity_page_path(e.id))) for e in ranked]
    edges = [GraphEdge(p.a, p.b, p.sentences) for p in resolution.co_mentions
             if p.a in chosen and p.b in chosen and p.sentences]
    legend = " ".join(f'<span class="cf-legend" style="color:{colour}">●</span> {escape_html(TYPE_TITLES[kind])}'
                      for kind, colour in TYPE_COLOURS.items())
    parts = [SEARCH_EXCLUDED, "# Who is named with whom", "",
             f"The {len(nodes)} most mentioned entities; a line joins two entities named in the same sentence, "
             "thicker when they are named together more often. Dots are sized by mentions; each links to "
             f"its page. All entities are listed on the {md_link('entities page', page, 'entities/index.md')}.", "",
             f'<p class="cf-legend-row">{legend}</p>', "",
             f'<div class="cf-figure-box"{NO_SEARCH}>{network_svg(nodes, edges, "Co-mention network")}</div>', ""]
    return "\n".join(parts)


def render_review(resolution: Resolution, sources: Mapping[str, Source],
                  unattributed: Sequence[Quote], possible: Sequence[Discrepancy] = ()) -> dict[str, str]:
    """``review.md``: the possible disagreements to check, ambiguous mentions, low-confidence
    candidates and quotes without a speaker (the first :data:`MAX_REVIEW_ITEMS` of each; the rest
    in the side file ``review-more.html``)."""
    page = "review.md"
    side = SideFile(page, "For the curator", "For the curator: more", "more")
    names = {e.id: e.name for e in resolution.entities}
    parts = [SEARCH_EXCLUDED, "# For the curator", "",
             "What the generator could not decide on its own. Decide in `seeds/case.yml` "
             f"(see {md_link('curation', page, 'curation.md')}): add an alias, a merge, a split or a reject.", ""]
    parts += [f"## Possible disagreements to check ({len(possible)}) {{#to-check}}", ""]
    if possible:
        by_kind = Counter(d.kind for d in possible)
        parts += [f"Findings whose evidence does not show that the sources tell one thing, each with what "
                  f"speaks for it: {md_link('read them and check', page, TO_CHECK_PAGE)} ("
                  + ", ".join(f"{count} {kind}" for kind, count in sorted(by_kind.items())) + "). Mark a "
                  "real one `open` and a false one `resolved` under `discrepancies:` in `case.yml`.", ""]
    else:
        parts += ["None: every finding's evidence makes it confident.", ""]
    parts += [f"## Ambiguous mentions ({len(resolution.ambiguous)}) {{#ambiguous}}", ""]
    if resolution.ambiguous:
        parts += _capped(page, side, "ambiguous", "ambiguous", "Ambiguous mentions",
                         [partial(_ambiguous_item, sources=sources, names=names, item=item)
                          for item in resolution.ambiguous],
                         '<ul class="cf-review">', "</ul>", "ambiguous mentions", MAX_REVIEW_ITEMS)
    else:
        parts += ["None: every short name was settled by its context.", ""]
    parts += [f"## Low-confidence names ({len(resolution.candidates)}) {{#candidates}}", "",
              "Capitalised words the generator did not take as entities. Add them as aliases or "
              "type overrides in `case.yml` if they are names.", ""]
    if resolution.candidates:
        parts += _capped(page, side, "candidates", "candidates", "Low-confidence names",
                         [partial(_candidate_item, sources=sources, candidate=c) for c in resolution.candidates],
                         '<ul class="cf-review">', "</ul>", "low-confidence names", MAX_REVIEW_ITEMS)
    parts += [f"## Quotes without a speaker ({len(unattributed)}) {{#unattributed}}", ""]
    if unattributed:
        parts += _capped(page, side, "unattributed", "unattributed", "Quotes without a speaker",
                         [partial(_passage, source=sources[q.source], anchor=q.anchor, start=q.start, end=q.end)
                          for q in unattributed],
                         '<ul class="cf-review">', "</ul>", "quotes without a speaker", MAX_REVIEW_ITEMS)
    else:
        parts += ["None.", ""]
    files = {page: "\n".join(parts)}
    side.add_to(files)
    return files


def _ambiguous_item(page: str, sources: Mapping[str, Source], names: Mapping[str, str], item: Ambiguous) -> str:
    options = ", ".join(f"<a href={attr(href(page, entity_page_path(c)))}>{escape_html(names.get(c, c))}</a>"
                        for c in item.candidates)
    mention = item.mention
    return (f"{_passage(page, sources[mention.source], mention.anchor, mention.start, mention.end)}: "
            f"could be {options} — {escape_html(item.reason)}")


def _candidate_item(page: str, sources: Mapping[str, Source], candidate: Candidate) -> str:
    first = candidate.mentions[0]
    return (f"<strong>{escape_html(candidate.name)}</strong> ({escape_html(candidate.type)}, "
            f"{len(candidate.mentions)}×): {escape_html(candidate.reason)} — "
            f"{_passage(page, sources[first.source], first.anchor, first.start, first.end)}")

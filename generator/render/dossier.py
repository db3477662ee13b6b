"""The printable dossier (``dossier.html``): the whole case on one page, for print or PDF.

Rendered from the case document (the ``case.json`` contract) only, so each section
fills as the data fills: overview, sources in full, entities, quotes, figures,
discrepancies and the timeline. Every passage cited in a later section links to its
paragraph in the dossier's own copy of the source, so the page stands alone on paper.

The dossier is one self-contained HTML file (its style inline, no script), copied to
the site as it is: it can be saved, sent and read offline as a single file, and MkDocs
does not parse it (at a thousand sources it held a third of the site's markup and took
a third of the site build). ``dossier.md`` is the site page that introduces it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from generator.model.finding import source_label
from generator.output.records import ordered
from generator.render.markup import attr, declares, escape_html, escape_md, href, html_table, md_link
from generator.render.standalone import STANDALONE_END, standalone_start
from generator.util.slug import unique_slugs

DOSSIER_PAGE = "dossier.md"
DOSSIER_FILE = "dossier.html"
SECTIONS = ("Overview", "Sources", "Entities", "Quotes", "Figures", "Discrepancies", "Timeline")
_NONE_YET = "<p><em>None recorded in the case data yet.</em></p>"
_UNKNOWN = '<span class="cf-unknown">not known</span>'

Record = Mapping[str, Any]


def _paragraph_id(source_id: str, anchor: str) -> str:
    return f"source-{source_id}-{anchor}"


class _Context:
    """Lookups shared by the sections: the title and label of each source, the name and
    anchor of each entity (not the records: a section reads those one at a time)."""

    def __init__(self, document: Record) -> None:
        self.titles = {s["id"]: s.get("title", "") for s in document.get("sources", [])}
        self.label = {s["id"]: source_label(str(s["id"]), s.get("outlet")) for s in document.get("sources", [])}
        entities = [(e["id"], e.get("name")) for e in document.get("entities", [])]
        ids = sorted((entity_id for entity_id, _ in entities), key=str)
        self.names = dict(entities)
        self.entity_anchor = dict(zip(ids, (f"entity-{s}" for s in unique_slugs([str(i) for i in ids])), strict=True))

    def where(self, span: Record) -> str:
        """``VG ¶3`` (the source's label, as the site cites it) linking to the paragraph in the dossier (HTML)."""
        source_id, anchor = str(span.get("source", "")), str(span.get("anchor", ""))
        if source_id not in self.titles:
            return escape_html(f"{source_id} {anchor}")
        label = f"{self.label[source_id]} ¶{anchor.removeprefix('p')}"
        title = escape_html(str(self.titles[source_id]), quote=True)
        return f'<a href="#{_paragraph_id(source_id, anchor)}" title="{title}">{escape_html(label)}</a>'

    def entity(self, entity_id: str | None) -> str:
        """An entity's name linking to its row (HTML), or a dash."""
        if entity_id is None:
            return '<span class="cf-unknown">unattributed</span>'
        if entity_id not in self.names:
            return escape_html(entity_id)
        return f'<a href="#{self.entity_anchor[entity_id]}">{escape_html(str(self.names[entity_id]))}</a>'


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return escape_html(value)
    return escape_html(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _quoted(record: Record) -> str:
    """A record's passage in quotation marks, declaring where it is in its source."""
    text = escape_html(str(record.get("text") or ""))
    try:
        where = declares(str(record["source"]), int(record["start"]), int(record["end"]))
    except (KeyError, TypeError, ValueError):  # a document without spans (older case data)
        return f"“{text}”"
    return f"“<span{where}>{text}</span>”"


_SHOWN_FACTS = ("id", "title", "outlet", "published", "language", "words")


def _overview(document: Record, ctx: _Context) -> list[str]:
    case = document.get("case", {})
    sources = [{k: s.get(k) for k in _SHOWN_FACTS} for s in ordered(document.get("sources", []), _id)]
    languages = sorted({str(s.get("language")) for s in sources})
    statuses: dict[str, int] = {}
    for discrepancy in document.get("discrepancies", []):
        statuses[str(discrepancy.get("status"))] = statuses.get(str(discrepancy.get("status")), 0) + 1
    rows = [
        ("Sources", str(len(sources))),
        ("Words", str(sum(int(s.get("words") or 0) for s in sources))),
        ("Languages", escape_html(", ".join(languages)) or "—"),
        ("Entities", str(len(document.get("entities", [])))),
        ("Quotes", str(len(document.get("quotes", [])))),
        ("Figures", str(len(document.get("figures", [])))),
        ("Dates", str(len(document.get("dates", [])))),
        ("Discrepancies", str(len(document.get("discrepancies", [])))
         + (" (" + ", ".join(f"{n} {escape_html(s)}" for s, n in sorted(statuses.items())) + ")"
            if statuses else "")),
    ]
    parts = [_heading("Overview")]
    if case.get("summary"):
        parts += [f"<p>{escape_html(str(case['summary']))}</p>"]
    parts += [html_table(("", "Count"), rows, "cf-dossier-counts"), ""]
    if sources:
        source_rows = [(escape_html(ctx.label[s["id"]]),
                        f'<a href="#source-{escape_html(s["id"], quote=True)}">{escape_html(str(s.get("title")))}</a>',
                        escape_html(str(s.get("outlet") or "—")), escape_html(str(s.get("published") or "—")),
                        f"<code>{escape_html(str(s.get('language')))}</code>") for s in sources]
        parts += [html_table(("", "Source", "Outlet", "Published", "Language"), source_rows), ""]
    return parts


def _source_section(source: Record, ctx: _Context, repository: str | None) -> list[str]:
    label = escape_html(ctx.label[source["id"]])
    facts = [
        ("Outlet", escape_html(str(source["outlet"])) if source.get("outlet") else _UNKNOWN),
        ("Published", escape_html(str(source["published"])) if source.get("published") else _UNKNOWN),
        ("Author", escape_html(str(source["author"])) if source.get("author") else _UNKNOWN),
        ("Language", f"<code>{escape_html(str(source.get('language')))}</code>"),
        ("Address", escape_html(str(source["url"])) if source.get("url") else _UNKNOWN),
        ("Seed file", f"<code>{escape_html(str(source.get('path')))}</code>"
         + (f" in {escape_html(repository)}" if repository else "")),
        ("SHA-256", f"<code>{escape_html(str(source.get('sha256')))}</code>"),
        ("Words", str(source.get("words", "—"))),
    ]
    body = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    derived = " <em>(derived title)</em>" if source.get("title_derived") else ""
    parts = [f'<h3 id={attr("source-" + str(source["id"]))}>{label}: {escape_html(str(source.get("title", "")))}'
             f"{derived}</h3>", f'<dl class="cf-card">\n{body}\n</dl>']
    if "page" in source:
        link = href(DOSSIER_FILE, str(source["page"]))
        parts.append(f"<p>On the site: <a href={attr(link)}>the source page</a>.</p>")
    text = source.get("text")
    if not isinstance(text, str):
        parts.append("<p><em>The text is not in this case data.</em></p>")
        return parts
    lines = [f'<div class="cf-text cf-dossier-text" lang={attr(str(source.get("language", "")))}>']
    for paragraph in source.get("anchors", []):
        anchor, start, end = str(paragraph["anchor"]), int(paragraph["start"]), int(paragraph["end"])
        lines.append(f'<p id="{_paragraph_id(source["id"], anchor)}" class="cf-p">'
                     f'<span class="cf-pilcrow">{escape_html(anchor.removeprefix("p"))}</span> '
                     f"<span{declares(str(source['id']), start, end)}>{escape_html(text[start:end])}</span></p>")
    lines.append("</div>")
    parts.append("\n".join(lines))
    return parts


def _entities(document: Record, ctx: _Context) -> Iterator[str]:
    yield _heading("Entities")
    if not ctx.names:
        yield from (_NONE_YET, "")
        return
    rows = []
    for entity in ordered(document.get("entities", []), _id):
        entity_id = entity["id"]
        mentions = entity.get("mentions", [])
        first_by_source: dict[str, Record] = {}
        for mention in sorted(mentions, key=lambda m: (str(m["source"]), int(m["start"]))):
            first_by_source.setdefault(str(mention["source"]), mention)
        rows.append((
            f'<span id="{ctx.entity_anchor[entity_id]}">{escape_html(str(entity.get("name")))}</span>',
            escape_html(str(entity.get("type"))),
            escape_html(", ".join(entity.get("aliases", []))) or "—",
            str(len(mentions)),
            ", ".join(ctx.where(m) for _, m in sorted(first_by_source.items())) or "—",
        ))
    yield from (html_table(("Name", "Type", "Aliases", "Mentions", "First mention per source"), rows), "")


def _id(record: Record) -> str:
    return str(record["id"])


def _quotes(document: Record, ctx: _Context) -> list[str]:
    if not document.get("quotes"):
        return [_heading("Quotes"), _NONE_YET, ""]
    rows = [(_quoted(q), ctx.entity(q.get("speaker")), _value(q.get("evidence")), ctx.where(q))
            for q in ordered(document["quotes"], _id)]
    return [_heading("Quotes"), html_table(("Quote", "Speaker", "Evidence", "Where"), rows), ""]


def _figures(document: Record, ctx: _Context) -> list[str]:
    if not document.get("figures"):
        return [_heading("Figures"), _NONE_YET, ""]
    rows = []
    for figure in ordered(document["figures"], _id):
        value = _value(figure.get("value"))
        if figure.get("low") is not None or figure.get("high") is not None:
            value += f" ({_value(figure.get('low'))}–{_value(figure.get('high'))})"
        rows.append((_quoted(figure), value, _value(figure.get("measure")),
                     _value(figure.get("qualifier")), ctx.entity(figure["subject"]) if figure.get("subject")
                     else "—", ctx.where(figure)))
    return [_heading("Figures"),
            html_table(("Text", "Value", "Measure", "Qualifier", "Subject", "Where"), rows), ""]


def _discrepancies(document: Record, ctx: _Context) -> Iterator[str]:
    yield _heading("Discrepancies")
    if not document.get("discrepancies"):
        yield from (_NONE_YET, "")
        return
    for number, discrepancy in enumerate(ordered(document["discrepancies"], _id), 1):
        explanation = discrepancy.get("explanation")
        yield from [f'<h3 id="discrepancy-{number}">D{number}. {escape_html(str(discrepancy.get("summary", "")))}</h3>',
                   f"<p>Kind: <strong>{escape_html(str(discrepancy.get('kind')))}</strong> · "
                   f"status: <strong>{escape_html(str(discrepancy.get('status')))}</strong> · "
                   f"explanation: {escape_html(str(explanation)) if explanation else '<em>none given</em>'}</p>"]
        # The same words with the same value in many sources (wire copy) are one row citing each.
        # The row shows (and declares) the first source's passage.
        grouped: dict[tuple[str, str], list[Record]] = {}
        for c in sorted(discrepancy.get("claims", []), key=lambda c: (str(c["source"]), int(c["start"]))):
            grouped.setdefault((str(c.get("text")), _value(c.get("value"))), []).append(c)
        rows = [(", ".join(ctx.where(c) for c in claims), _quoted(claims[0]), value)
                for (_, value), claims in grouped.items()]
        yield html_table(("Where", "Claim", "Value"), rows)


def _heading(title: str) -> str:
    """A section heading (``<h2 id="sources">Sources</h2>``): titles are our own labels."""
    return f'<h2 id="{title.lower()}">{title}</h2>'


def _timeline(document: Record, ctx: _Context) -> list[str]:
    dates = list(ordered(document.get("dates", []),
                         lambda d: (d.get("resolved") is None, str(d.get("resolved") or ""), str(d["id"]))))
    if not dates:
        return [_heading("Timeline"), _NONE_YET, ""]
    rows = [(escape_html(str(d["resolved"])) if d.get("resolved") else '<span class="cf-unknown">unresolved</span>',
             _value(d.get("event")), _quoted(d), escape_html(str(d.get("kind"))), ctx.where(d))
            for d in dates]
    return [_heading("Timeline"), html_table(("Date", "Event", "Text", "Kind", "Where"), rows), ""]


def render_dossier(document: Record) -> str:
    """``dossier.html``: every section of the case, from the case document alone, as one
    self-contained HTML document (inline style, no script, no request to any host)."""
    return "\n".join(dossier_parts(document))


def dossier_parts(document: Record) -> Iterator[str]:
    """:func:`render_dossier` in pieces, each whole elements, to be joined with new lines:
    a case of thousands of sources is written (and checked) piece by piece, never held whole."""
    case = document.get("case", {})
    ctx = _Context(document)
    repository = case.get("repository")
    title = escape_html(f"{case.get('title', 'Case file')}: dossier")
    contents = "".join(f'<li><a href="#{section.lower()}">{section}</a></li>' for section in SECTIONS)
    parts: Iterable[str] = itertools.chain(
        standalone_start(title, "./"),
        ['<p class="cf-dossier-note">The whole case on one page, for printing or saving as PDF '
         "(your browser's <em>Print</em>). Passages are cited as on the site, <em>VG ¶3</em>: the "
         "source's outlet (or its number), paragraph 3.</p>",
         f'<nav class="cf-contents"><ol>{contents}</ol></nav>'],
        _overview(document, ctx),
        [_heading("Sources")],
        [_NONE_YET] if not ctx.titles else
        (block for source in ordered(document.get("sources", []), _id)
         for block in _source_section(source, ctx, repository)),
        _entities(document, ctx),
        _quotes(document, ctx),
        _figures(document, ctx),
        _discrepancies(document, ctx),
        _timeline(document, ctx),
        STANDALONE_END,
    )
    return (part for part in parts if part)


def render_dossier_page(document: Record) -> str:
    """``dossier.md``: the site page that introduces the dossier and links to it."""
    case = document.get("case", {})
    return "\n".join([
        "---",
        'title: "Dossier"',
        "---",
        "",
        f"# {escape_md(str(case.get('title', 'Case file')))}: dossier",
        "",
        "The whole case on one page, for printing or saving as PDF: overview, every source in full, "
        "entities, quotes, figures, discrepancies and the timeline, each passage cited as on the site, *VG ¶3* "
        "(the source's outlet or number, paragraph 3), and linked to its paragraph in the dossier's own copy "
        "of the source.",
        "",
        f"**{md_link('Open the dossier', DOSSIER_PAGE, DOSSIER_FILE)}** "
        f"({len(document.get('sources', []))} sources, {len(document.get('discrepancies', []))} discrepancies).",
        "",
        "It is a single HTML file with its own style and no script: save it (your browser's *Save page*) "
        "to read it offline or send it on, or print it (*Print*, or *Save as PDF*).",
        "",
    ])


def dossier_sections(page: str) -> Sequence[str]:
    """The section headings (``<h2 id="…">…</h2>``) of a rendered dossier, in order."""
    return re.findall(r'^<h2 id="[a-z]+">([^<]+)</h2>$', page, re.M)

"""Source pages: ``sources/<slug>.md`` with front matter, a metadata card and the text.

The text is one raw HTML block in the source's language; every paragraph carries its
anchor (``#p3``) and every sentence its own (``#p3-s2``), so any page can cite a passage.
Other stages add :class:`~generator.render.markup.Mark` annotations (entity links,
quotes, figures) through ``marks``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from generator.lang import DISPLAY_LANGUAGE, language_data, supported_languages
from generator.model.finding import source_label
from generator.model.source import Paragraph, Source, published_text
from generator.render.markup import (
    Mark,
    annotate,
    attr,
    breadcrumb,
    escape_html,
    escape_md,
    href,
    md_link,
    show_invisible,
)


def source_page_path(source: Source) -> str:
    """Where the source's page lives in the docs folder."""
    return f"sources/{source.slug}.md"


def language_name(code: str) -> str:
    """A reader's name for a language code (Babel's English name when we have none)."""
    if code in supported_languages() and language_data(code).get("display_name"):
        return str(language_data(code).get("display_name"))
    try:
        from babel import Locale

        return str(Locale.parse(code).get_display_name(DISPLAY_LANGUAGE))
    except Exception:
        return code


# Characters YAML does not allow (or reads as line breaks) inside a double-quoted scalar.
_NOT_YAML_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_scalar(value: object) -> str:
    """A YAML scalar that reads back as exactly ``value`` (JSON syntax, a subset of YAML)."""
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def front_matter_text(text: str) -> str:
    """Free text for a front-matter value the theme prints unescaped: escaped, invisibles spelled out."""
    return escape_html(show_invisible(text)).replace('"', "&quot;")


def source_description(source: Source) -> str:
    """One line saying what the page holds: the source's outlet, date and language, and its opening words."""
    said = [source.metadata.outlet or "", published_text(source) or "", source.language]
    opening = " ".join(source.text[:200].split())
    opening = opening if len(source.text) <= 200 else opening.rsplit(" ", 1)[0] + " …"
    return f"Source {source.id.split('-')[0]} ({', '.join(s for s in said if s)}): {opening}"


def front_matter(source: Source) -> str:
    """YAML front matter; every value is JSON-quoted, which YAML reads as plain strings."""
    fields = {
        "id": source.id,
        # The theme prints the front-matter title unescaped (page header, <title>, search
        # index), so it is stored HTML-escaped, braces and Markdown punctuation included, and
        # with invisible characters spelled out; so is any free text (the outlet). The plain
        # values are in case.json.
        "title": front_matter_text(source.title),
        "title_derived": source.title_derived,
        "language": source.language,
        "outlet": front_matter_text(source.metadata.outlet) if source.metadata.outlet else None,
        "published": published_text(source),
        "url": source.metadata.url,
        "sha256": source.sha256,
        "words": source.words,
        "paragraphs": len(source.paragraphs),
        # the page's own description (search results, link previews), escaped like the title
        "description": front_matter_text(source_description(source)),
    }
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def repository_file_url(repository: str, path: str) -> str:
    """Address of ``path`` on the repository's default branch (GitHub's ``blob/HEAD`` form)."""
    return f"{repository}/blob/HEAD/{quote(path)}"


def seed_file_cell(source: Source, repository: str | None) -> str:
    """The seed file (and sidecar) as links into the repository, or as paths when it is unknown.

    The link points at the seed, the text this page is generated from: an "edit this
    page" link would point at generated Markdown and mislead.
    """
    files = [source.path] + ([source.sidecar] if source.sidecar else [])
    if repository is None:
        shown = " and ".join(f"<code>{escape_html(f)}</code>" for f in files)
        return (f'{shown} <span class="cf-unknown">(no link: <code>repository:</code> is not set '
                f'in <code>case.yml</code>)</span>')
    links = [f'<a class="cf-view-source" href={attr(repository_file_url(repository, f))} '
             f'rel="noopener"><code>{escape_html(f)}</code></a>' for f in files]
    return " and ".join(links) + " (view source)"


def metadata_card(source: Source, repository: str | None = None) -> str:
    """The facts about a source as an HTML definition list (values escaped)."""
    meta = source.metadata
    unknown = '<span class="cf-unknown">not known</span>'
    rows = [
        ("Outlet", escape_html(meta.outlet) if meta.outlet else unknown),
        ("Published", escape_html(published_text(source) or "") or unknown),
        ("Author", escape_html(meta.author) if meta.author else unknown),
        ("Language", f"{escape_html(language_name(source.language))} "
                     f"(<code>{escape_html(source.language)}</code>"
                     + (", from the sidecar)" if meta.language else
                        f", detected, confidence {source.language_confidence:.2f})")),
        ("Address", f'<a href={attr(meta.url)} rel="nofollow noopener">{escape_html(meta.url)}</a>'
         if meta.url else unknown),
        *_added_rows(source),
        ("Words", f"{source.words:,}".replace(",", "\u202f")),
        ("Paragraphs", str(len(source.paragraphs))),
        ("Seed file", seed_file_cell(source, repository)),
        ("SHA-256", f"<code>{source.sha256}</code>"),
    ]
    if source.title_derived:
        rows.insert(0, ("Title", "derived from the first sentence (no title given)"))
    if meta.notes:
        rows.append(("Notes", escape_html(meta.notes)))
    body = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="cf-card">\n{body}\n</dl>'


def _added_rows(source: Source) -> list[tuple[str, str]]:
    """The card's rows of a sidecar that ``casefile add`` wrote: when the page was read, and the
    source this one nearly copies (linked)."""
    meta = source.metadata
    rows = []
    if meta.retrieved:
        rows.append(("Retrieved", escape_html(meta.retrieved.isoformat())))
    if meta.near_copy_of:
        twin = f"sources/{meta.near_copy_of}.md"
        rows.append(("Near copy of", f'<a href={attr(href(source_page_path(source), twin))}>'
                                     f"<code>{escape_html(meta.near_copy_of)}</code></a> (counted once with it "
                                     "when the comparison counts sources)"))
    return rows


PART_WORDS = 8000
"""Words of a source text after which the next paragraph starts a new part (see :func:`source_text`)."""


@dataclass(frozen=True)
class Citing:
    """A finding that cites a source: shown at the top of the source's page and beside each
    paragraph it cites."""

    kind: str
    """The finding kind's display name ("Figures")."""
    summary: str
    """The finding's summary."""
    page: str
    """The report page holding it (``discrepancies/figure.md``)."""
    anchor: str
    """Its anchor on that page."""
    paragraphs: tuple[str, ...]
    """The first of the source's paragraphs it cites (``p3``), in order (at most
    :data:`PARAGRAPHS_LISTED`)."""
    more_paragraphs: int
    """How many more paragraphs it cites."""
    confident: bool
    """Whether it is a confident finding (else a possible one, to check)."""


CITING_LISTED = 8  # findings listed at the top of a source page; the rest are counted
CITING_SUMMARY = 120  # characters of a listed finding's summary (the link leads to the whole finding)
CITING_BESIDE = 3  # findings counted beside one paragraph (the first linked, the others in the list above)
PARAGRAPHS_LISTED = 12  # paragraphs named for one finding in the list; the rest are counted


@dataclass
class CitedBy:
    """The findings that cite one source, as its page shows them: bounded however many there are
    (a source of 20 MB is cited by thousands)."""

    listed: list[Citing] = field(default_factory=list)
    """The first :data:`CITING_LISTED`, in the report's order."""
    total: int = 0
    """How many findings cite the source."""
    beside: dict[str, list[Citing]] = field(default_factory=dict)
    """Each cited paragraph's first findings (one more than :data:`CITING_BESIDE`, to say there are more)."""

    def add(self, make: Callable[[tuple[str, ...], int], Citing], anchors: Sequence[str]) -> None:
        """Count a finding citing ``anchors`` (in order), made by ``make`` only if it is shown."""
        self.total += 1
        wanted = [a for a in anchors if len(self.beside.get(a, ())) <= CITING_BESIDE]
        if len(self.listed) >= CITING_LISTED and not wanted:
            return
        citing = make(tuple(anchors[:PARAGRAPHS_LISTED]), max(0, len(anchors) - PARAGRAPHS_LISTED))
        if len(self.listed) < CITING_LISTED:
            self.listed.append(citing)
        for anchor in wanted:
            self.beside.setdefault(anchor, []).append(citing)


def citing_list(source: Source, cited: CitedBy | None) -> list[str]:
    """The "Findings that cite this source" section, or nothing: a heading and a list in HTML
    (a thousand source pages of Markdown lists cost the site build seconds of inline parsing)."""
    if cited is None or not cited.total:
        return []
    page = source_page_path(source)
    items = []
    for item in cited.listed:
        where = ", ".join(f'<a href="#{p}">¶{p.removeprefix("p")}</a>' for p in item.paragraphs)
        where += f" and {item.more_paragraphs} more" if item.more_paragraphs else ""
        doubt = " <em>(possible, to check)</em>" if not item.confident else ""
        summary = item.summary if len(item.summary) <= CITING_SUMMARY else \
            item.summary[:CITING_SUMMARY].rsplit(" ", 1)[0] + " …"
        link = f"<a href={attr(href(page, item.page, item.anchor))}>{escape_html(summary)}</a>"
        items.append(f"<li><strong>{escape_html(item.kind)}</strong>{doubt}: {link} ({where})</li>")
    if cited.total > len(cited.listed):
        items.append(f"<li>… and {cited.total - len(cited.listed)} more in the "
                     f"<a href={attr(href(page, 'discrepancies.md'))}>discrepancy report</a></li>")
    return ["## Findings that cite this source {#findings}", "", f'<ul class="cf-citing">{"".join(items)}</ul>', ""]


def _cited_beside(source: Source, anchor: str, cited: CitedBy | None) -> str:
    """Links beside a paragraph to the findings that cite it (HTML; their text is no seed text: the
    provenance check reads them as it reads paragraph numbers)."""
    here = cited.beside.get(anchor, []) if cited is not None else []
    if not here:
        return ""
    page = source_page_path(source)
    first = here[0]
    marker = (f'<a class="cf-pilcrow cf-cited" href={attr(href(page, first.page, first.anchor))}> '
              f"⚑ {escape_html(first.kind)}</a>")  # short: a 20 MB source has a hundred thousand of them
    if len(here) > 1:
        more = "more" if len(here) > CITING_BESIDE else str(len(here) - 1)
        marker += f'<a class="cf-pilcrow cf-cited" href="#findings"> +{more}</a>'
    return marker


def source_text(source: Source, marks: Sequence[Mark] = (), citing: CitedBy | None = None) -> str:
    """The full text, paragraph by paragraph, with anchors and annotations, and beside each
    paragraph a finding cites, links to the findings."""
    by_paragraph: dict[str, list[Mark]] = {}
    for mark in marks:
        by_paragraph.setdefault(source.paragraph_at(mark.start).anchor, []).append(mark)
    lines = [f'<div class="cf-text" lang={attr(source.language)}>']
    words = 0
    part = 1
    for paragraph in source.paragraphs:
        if words >= PART_WORDS:
            # a long text is cut into parts at paragraph ends: a search section each (a search
            # index holds a bounded number of words per section), and landmarks for the reader
            part += 1
            words = 0
            lines.append(f'<h3 class="cf-part" id="part-{part}">Part {part}, from ¶{paragraph.index}</h3>')
        words += len(source.text[paragraph.start:paragraph.end].split())
        sentence_marks = [
            # a quote that crosses a sentence boundary splits the sentence: the continuation
            # piece names its sentence in data-cf-part (an id must be unique)
            Mark(s.start, s.end, -1, f'<span class="cf-s" id="{s.anchor}">', "</span>",
                 reopen=f'<span class="cf-s" data-cf-part="{s.anchor}">')
            for s in paragraph.sentences
        ]
        inner = annotate(source.text, paragraph.start, paragraph.end,
                         sentence_marks + by_paragraph.get(paragraph.anchor, []))
        lang = f" lang={attr(paragraph.language)}" if paragraph.language else ""
        number = paragraph.index
        furniture = ""
        if paragraph.furniture:
            furniture = " cf-furniture"
            previous = source.paragraphs[number - 2] if number > 1 else None
            if previous is None or not previous.furniture:
                lines.append(_furniture_note(source, paragraph))
        lines.append(
            f'<p id="{paragraph.anchor}" class="cf-p{furniture}"{lang}>'
            f'<a class="cf-pilcrow" href="#{paragraph.anchor}" title="Link to paragraph {number}">{number} </a>'
            f"{inner}{_cited_beside(source, paragraph.anchor, citing)}</p>"
        )
    lines.append("</div>")
    return "\n".join(lines)


def _furniture_note(source: Source, first: Paragraph) -> str:
    """The note before a run of page furniture: how many paragraphs, and why (the first's rule)."""
    run = 0
    for paragraph in source.paragraphs[first.index - 1:]:
        if not paragraph.furniture:
            break
        run += 1
    what = "this paragraph is" if run == 1 else f"these {run} paragraphs are"
    return (f'<p class="cf-furniture-note">Page furniture ({escape_html(first.furniture or "")}): {what} '
            "not the article, and nothing in them is counted.</p>")


def render_source_page(source: Source, marks: Sequence[Mark] = (), repository: str | None = None,
                       citing: CitedBy | None = None, around: tuple[Source | None, Source | None] = (None, None),
                       ) -> str:
    """The whole Markdown page of one source; ``repository`` links the seed file; ``citing``: the
    findings that cite it, listed at the top and linked beside each paragraph they cite;
    ``around``: the sources before and after it, linked at the foot."""
    title = escape_html(source.title)
    derived = ' <span class="cf-derived" title="No title was given; derived from the text">(derived title)</span>' \
        if source.title_derived else ""
    page = source_page_path(source)
    parts = [
        front_matter(source),
        breadcrumb(page, [("Overview", "index.md"), ("Sources", "sources/index.md")], short_source(source)),
        "",
        f'<h1 class="cf-title" lang={attr(source.language)}>{title}{derived}</h1>',
        "",
        metadata_card(source, repository),
        "",
        f"{md_link('All sources', source_page_path(source), 'sources/index.md')} · "
        f"{md_link('Case overview', source_page_path(source), 'index.md')}",
        "",
        *citing_list(source, citing),
        "## Text",
        "",
        '<p class="cf-marks-legend">Marked in the text: <span class="cf-entity">entities</span> '
        '(link to their pages), <span class="cf-quote">direct quotes</span>, <span class="cf-figure">figures</span>, '
        '<span class="cf-date">dates</span>; tap, hover or Tab to one for its details. Numbers link to paragraphs.</p>',
        "",
        source_text(source, marks, citing),
        "",
    ]
    ends = (("prev", "← Previous source:", around[0]), ("next", "Next source:", around[1]))
    steps = [f'<a rel="{rel}" href={attr(href(page, source_page_path(other)))}>{arrow} '
             f"{escape_html(short_source(other))}</a>" for rel, arrow, other in ends if other is not None]
    if steps:
        parts += [f'<nav class="cf-steps" aria-label="Other sources">{" · ".join(steps)}</nav>', ""]
    return "\n".join(parts)


def short_source(source: Source) -> str:
    """The source's one label (:func:`~generator.model.finding.short_id`): its outlet, else its
    id's first part. Passages everywhere are cited by it (``VG ¶3``), and the source lists show it."""
    return source_label(source.id, source.metadata.outlet)


def source_row_cells(source: Source, from_page: str) -> list[str]:
    """Markdown table cells describing a source: its label (how findings, passages and the
    dossier cite it), title link, language, outlet, date, words."""
    return [
        escape_md(short_source(source)),
        md_link(source.title, from_page, source_page_path(source))
        + (" *(derived title)*" if source.title_derived else ""),
        f"`{source.language}`",
        escape_md(source.metadata.outlet) if source.metadata.outlet else "—",
        published_text(source) or "—",
        str(source.words),
    ]

"""The case at a glance (``index.md``) and the list of sources (``sources/index.md``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.model.entity import Entity
from generator.model.finding import Discrepancy
from generator.model.source import CaseInfo, Source
from generator.render.claims import (
    DISCREPANCIES_PAGE,
    KIND_TITLES,
    TO_CHECK_PAGE,
    confident,
    discrepancy_pages,
    kind_page,
    urgency_order,
)
from generator.render.markup import SEARCH_EXCLUDED, escape_md, md_link, md_table
from generator.render.source_page import language_name, source_row_cells

SOURCE_HEADERS = ("Cited as", "Source", "Language", "Outlet", "Published", "Words")


# Discrepancies and sources shown on the home page; the rest are one click away.
TOP_DISCREPANCIES = 8
TOP_SOURCES = 25


def render_home(case: CaseInfo, sources: Sequence[Source], entities: Sequence[Entity] = (),
                discrepancies: Sequence[Discrepancy] = ()) -> str:
    """``index.md``: title, summary, counts, the most serious discrepancies and the sources."""
    languages = Counter(s.language for s in sources)
    language_list = ", ".join(f"{language_name(code)} ({count})" for code, count in sorted(languages.items()))
    words = sum(s.words for s in sources)
    parts = [
        f"# {escape_md(case.title)}",
        "",
    ]
    if case.summary:
        parts += [escape_md(case.summary), ""]
    parts += [
        f"**{len(sources)}** sources · **{words}** words · languages: {language_list or '—'}",
        "",
    ]
    if entities or discrepancies:
        by_type = Counter(e.type for e in entities)
        sure = confident(discrepancies)
        kinds = Counter(d.kind for d in sure)
        open_count = sum(1 for d in sure if d.status == "open")
        possible = len(discrepancies) - len(sure)
        parts += [
            f"**{len(entities)}** {md_link('entities', 'index.md', 'entities/index.md')} ("
            + ", ".join(f"{count} {kind}" for kind, count in sorted(by_type.items())) + ") · "
            f"**{len(sure)}** confident {md_link('discrepancies', 'index.md', DISCREPANCIES_PAGE)} "
            f"({open_count} open" + "".join(f"; {KIND_TITLES.get(kind, kind)}: {count}"
                                            for kind, count in sorted(kinds.items(), key=_kind_order)) + ") · "
            f"{md_link(f'{possible} possible ones to check', 'index.md', TO_CHECK_PAGE)}",
            "",
        ]
    serious = sorted((d for d in confident(discrepancies) if d.kind != "coverage"), key=urgency_order)
    if serious:
        where = discrepancy_pages(discrepancies)
        parts += ["## Where the sources disagree", ""]
        for discrepancy in serious[:TOP_DISCREPANCIES]:
            parts.append(f"- **{KIND_TITLES.get(discrepancy.kind, discrepancy.kind)}** ({discrepancy.severity}, "
                         f"{discrepancy.status}): "
                         f"{md_link(discrepancy.summary, 'index.md', where[discrepancy.id], discrepancy.id)}")
        if len(serious) > TOP_DISCREPANCIES:
            parts.append(f"- … and {len(serious) - TOP_DISCREPANCIES} more in the "
                         f"{md_link('discrepancy report', 'index.md', DISCREPANCIES_PAGE)} →")
        parts.append("")
    only_one = sum(1 for d in confident(discrepancies) if d.kind == "coverage")
    if only_one:
        shown = "The list leaves out" if serious else "The sources do not disagree on a confident finding; there are"
        link = md_link(f"{only_one} findings of what only one source reports", "index.md", kind_page("coverage"))
        parts += [f"{shown} {link} → (people, figures and times no other source gives).", ""]
    parts += [
        "## Sources",
        "",
        md_table(SOURCE_HEADERS, (source_row_cells(s, "index.md") for s in sources[:TOP_SOURCES])),
        "",
    ]
    if len(sources) > TOP_SOURCES:
        parts += [f"The first {TOP_SOURCES} of {len(sources)} sources; "
                  f"{md_link(f'all {len(sources)} sources', 'index.md', 'sources/index.md')}.", ""]
    parts += [
        f"How this case file is made: {md_link('Methodology', 'index.md', 'methodology.md')}. "
        f"All data: [`case.json`](data/case.json).",
        "",
    ]
    return "\n".join(parts)


def _kind_order(item: tuple[str, int]) -> int:
    """Kinds in the order the report lists them."""
    return list(KIND_TITLES).index(item[0]) if item[0] in KIND_TITLES else len(KIND_TITLES)


def render_sources_index(sources: Sequence[Source]) -> str:
    """``sources/index.md``: every source with its facts, in id order."""
    parts = [
        SEARCH_EXCLUDED,  # each source's own page is found by search; the table would repeat every title
        "# Sources",
        "",
        f"{len(sources)} source texts, each shown in full with every paragraph anchored.",
        "",
        md_table(SOURCE_HEADERS, (source_row_cells(s, "sources/index.md") for s in sources)),
        "",
    ]
    return "\n".join(parts)

"""The case at a glance (``index.md``) and the list of sources (``sources/index.md``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import CaseInfo, Source
from .markup import escape_md, md_link, md_table
from .source_page import language_name, source_row_cells

SOURCE_HEADERS = ("Source", "Language", "Outlet", "Published", "Words")


def render_home(case: CaseInfo, sources: Sequence[Source]) -> str:
    """``index.md``: title, summary, languages and the table of sources."""
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
        "## Sources",
        "",
        md_table(SOURCE_HEADERS, (source_row_cells(s, "index.md") for s in sources)),
        "",
        f"How this case file is made: {md_link('Methodology', 'index.md', 'methodology.md')}. "
        f"All data: [`case.json`](data/case.json).",
        "",
    ]
    return "\n".join(parts)


def render_sources_index(sources: Sequence[Source]) -> str:
    """``sources/index.md``: every source with its facts, in id order."""
    parts = [
        "# Sources",
        "",
        f"{len(sources)} source texts, each shown in full with every paragraph anchored.",
        "",
        md_table(SOURCE_HEADERS, (source_row_cells(s, "sources/index.md") for s in sources)),
        "",
    ]
    return "\n".join(parts)

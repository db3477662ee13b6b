"""The part of the MkDocs configuration that depends on the case (``data/mkdocs-site.yml``).

``mkdocs.yml`` stays the one configuration both MkDocs and Zensical read; it inherits this
generated file (``INHERIT``), which gives the site its name (the case title: the tab title and
the header), its description, its address (``site_url``, when ``case.yml`` gives one) and a link
to the repository (``repository``) in the footer. Material's ``repo_url`` is not used: its header
widget asks GitHub's API for the repository's stars, a request to another host.

The values come from ``case.yml``, which is untrusted input: Material writes ``site_name`` and
``site_description`` into pages without escaping them, so they are escaped here, and every value
is written as a JSON string (which YAML reads as it is: no tag, anchor or multi-line trick).
"""

from __future__ import annotations

import html
import json

from generator.model.source import CaseInfo

SITE_CONFIG = "data/mkdocs-site.yml"
"""Where the file is written, under the docs folder (``mkdocs.yml`` inherits ``docs_src/`` + this)."""

_DESCRIPTION_CHARACTERS = 300  # a search result shows about this much of a description


def _text(value: str) -> str:
    """A case value as MkDocs may show it: one line, HTML-escaped, as a JSON (YAML) string."""
    return json.dumps(html.escape(" ".join(value.split()), quote=True), ensure_ascii=False)


def description(info: CaseInfo) -> str:
    """The site's description: the case summary (shortened at a word), else a line naming the case."""
    text = " ".join((info.summary or f"A case file of news sources about {info.title}.").split())
    if len(text) > _DESCRIPTION_CHARACTERS:
        text = text[:_DESCRIPTION_CHARACTERS].rsplit(" ", 1)[0] + " …"
    return text


def site_config(info: CaseInfo) -> str:
    """The generated configuration, YAML."""
    lines = ["# Made by casefile build from case.yml: the settings of mkdocs.yml that depend on the case",
             "# (mkdocs.yml inherits this file). Change case.yml, not this file.",
             f"site_name: {_text(info.title)}",
             f"site_description: {_text(description(info))}"]
    if info.site_url:
        lines.append(f"site_url: {json.dumps(info.site_url)}")
    if info.repository:
        lines += ["extra:", "  social:", "    - icon: fontawesome/brands/git-alt",
                  f"      link: {json.dumps(info.repository)}",
                  f"      name: {_text('The case on ' + info.repository.split('//', 1)[-1])}"]
    return "\n".join(lines) + "\n"

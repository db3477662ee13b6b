"""MkDocs builds: the real case strictly, a hostile case safely, nothing from other hosts."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from hostile import HOSTILE_LINES
from sitecheck import broken_internal_links, parse


@pytest.mark.slow
def test_real_site_builds_strictly_with_every_page(real_site):
    for page in ("index.html", "sources/index.html", "methodology/index.html", "about/index.html",
                 "sources/002-2bb91e528b6fe96d/index.html"):
        assert (real_site / page).is_file(), page
    norwegian = parse(real_site / "sources/002-2bb91e528b6fe96d/index.html")
    assert "Keaton Jones" in norwegian.text and {"p1", "p29", "p4-s1"} <= norwegian.ids
    html = (real_site / "sources/002-2bb91e528b6fe96d/index.html").read_text()
    assert '<div class="cf-text" lang="nb">' in html


@pytest.mark.slow
def test_the_site_is_named_for_the_case(real_site):
    title = "Keaton Jones: a bullying video goes viral"  # seeds/case.yml
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{title}</title>" in home and f'<a href="." title="{title}"' in home
    source = (real_site / "sources/002-2bb91e528b6fe96d/index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]+ - Keaton Jones: a bullying video goes viral</title>", source)
    assert '<meta name="description" content="Source 002 (VG, nb):' in source


def test_no_broken_internal_link_or_anchor(real_site, hostile_site):
    assert broken_internal_links(real_site) == []
    assert broken_internal_links(hostile_site) == []


@pytest.mark.slow
def test_hostile_text_is_shown_as_text_and_never_runs(hostile_site):
    page = parse(hostile_site / "sources/evil/index.html")
    for line in HOSTILE_LINES:
        assert line in page.text, line
    sources = {p.parent.name for p in hostile_site.glob("sources/*/index.html")}
    assert len(sources) > 30, sorted(sources)
    assert "<script>alert(8)</script> {{ config }}" in page.text
    assert "<b onclick=alert(9)>Outlet</b>" in page.text
    for path in hostile_site.rglob("*.html"):
        parsed = parse(path)
        assert parsed.handlers == [], (path, parsed.handlers)
        assert not [link for link in parsed.links if link.lower().startswith(("javascript:", "data:"))], path
        assert not any("alert(" in script for script in parsed.inline_scripts), path
        assert not [r for r in parsed.resources if "evil.example" in r or r.startswith("data:text")], path
    home = parse(hostile_site / "index.html")
    assert "<script>alert(11)</script>" in home.text


@pytest.mark.slow
def test_no_page_loads_anything_from_another_host(real_site):
    for path in real_site.rglob("*.html"):
        parsed = parse(path)
        external = [r for r in parsed.resources if re.match(r"^(https?:)?//", r)]
        assert external == [], (path, external)
    for path in real_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis", path.read_text()), path


def test_mkdocs_config_promises():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["docs_dir"] == "docs_src" and config["strict"] == "true"
    assert config["use_directory_urls"] == "true"  # generated raw-HTML links assume it
    theme = config["theme"]
    assert theme["name"] == "material" and theme["language"] == "en" and theme["font"] == "false"
    assert "navigation.prune" in theme["features"]
    # no section index pages: with them the first index page of a section (sources/index.md)
    # became the section's own link and left the navigation
    assert "navigation.indexes" not in theme["features"]
    assert len(theme["palette"]) == 2
    search = next(p for p in config["plugins"] if isinstance(p, dict) and "search" in p)["search"]
    assert search["lang"] == ["en", "no"]
    assert "hooks" not in config
    extensions = {e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]}
    assert {"attr_list", "tables", "toc"} <= extensions
    # generated pages need no Markdown inside HTML, and md_in_html parses every tag a second time
    assert "md_in_html" not in extensions
    assert set(config["validation"]["links"].values()) == {"warn"}
    sections = {next(iter(item)): next(iter(item.values())) for item in config["nav"]}
    # the home page first (the tab shows the case title alone), readers' pages apart from curators'
    assert list(sections) == ["Overview", "Read the case", "Check and curate"] and sections["Overview"] == "index.md"
    nav_pages = [next(iter(item.values())) for key in ("Read the case", "Check and curate") for item in sections[key]]
    assert all(p.endswith(".md") and ("/" not in p or p.endswith("/index.md")) for p in nav_pages)
    assert nav_pages[:5] == ["discrepancies.md", "sources/index.md", "entities/index.md", "quotes.md", "timeline.md"]
    raw = (ROOT / "mkdocs.yml").read_text()
    assert 'lang: [en, "no"]' in raw

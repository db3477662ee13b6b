"""MkDocs builds: the real case strictly, a hostile case safely, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_docs_skeleton, run_casefile
from sitecheck import broken_internal_links, copy_repo_docs, mkdocs_build, parse

HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "{{ config }}",
    '--8<-- "/etc/passwd"',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(6)"><circle r="1"/></svg>',
    "[img](data:text/html;base64,PHNjcmlwdD4=) ![pic](https://evil.example/p.png)",
    "{: onclick=\"alert(7)\" }",
    "{% include 'x.html' %}",
    "# Not a heading",
    "| a | b |",
    "Footnote[^1] and :smile: and *emphasis* and `code`",
]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("real")
    docs = copy_repo_docs(base / "docs_src")
    result = mkdocs_build(docs, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return base / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / "seeds"
    seeds.mkdir()
    (seeds / "evil.txt").write_text("Intro line.\n\n" + "\n\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    (seeds / "evil.yml").write_text(yaml.safe_dump({
        "title": "<script>alert(8)</script> {{ config }}", "outlet": "<b onclick=alert(9)>Outlet</b>",
        "notes": "[n](javascript:alert(10))"}), encoding="utf-8")
    (seeds / "case.yml").write_text(yaml.safe_dump({"title": "<script>alert(11)</script>",
                                                    "summary": "{{ config.site_name }} [s](javascript:x)"}))
    docs = copy_docs_skeleton(base / "docs_src")
    built = run_casefile("build", "--seeds", str(seeds), "--out", str(docs))
    assert built.returncode == 0, built.stderr
    result = mkdocs_build(docs, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"


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
def test_no_broken_internal_link_or_anchor(real_site, hostile_site):
    assert broken_internal_links(real_site) == []
    assert broken_internal_links(hostile_site) == []


@pytest.mark.slow
def test_hostile_text_is_shown_as_text_and_never_runs(hostile_site):
    page = parse(hostile_site / "sources/evil/index.html")
    for line in HOSTILE_LINES:
        assert line in page.text, line
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
    assert {"navigation.prune", "navigation.indexes"} <= set(theme["features"])
    assert len(theme["palette"]) == 2
    search = [p for p in config["plugins"] if isinstance(p, dict) and "search" in p][0]["search"]
    assert search["lang"] == ["en", "no"]
    assert "hooks" not in config
    assert {"attr_list", "md_in_html"} <= {e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]}
    assert set(config["validation"]["links"].values()) == {"warn"}
    nav_pages = [next(iter(item.values())) for item in config["nav"]]
    assert all(p.endswith(".md") and ("/" not in p or p.endswith("/index.md")) for p in nav_pages)
    raw = (ROOT / "mkdocs.yml").read_text()
    assert 'lang: [en, "no"]' in raw

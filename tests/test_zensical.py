"""The case outlives Material for MkDocs: Zensical builds the same site from the same mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitecheck import copy_repo_docs, mkdocs_build, pages, parse, zensical_build


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("builders")
    docs = copy_repo_docs(base / "docs_src")
    built = mkdocs_build(docs, base / "mkdocs-site")
    assert built.returncode == 0, built.stdout + built.stderr
    built = zensical_build(docs, base / "zensical-site")
    assert built.returncode == 0, built.stdout + built.stderr
    return base / "mkdocs-site", base / "zensical-site"


@pytest.mark.slow
def test_both_builders_build_the_same_pages(both_sites):
    mkdocs_site, zensical_site = both_sites
    assert pages(zensical_site) == pages(mkdocs_site)
    assert {"index.html", "dossier/index.html", "sources/002-2bb91e528b6fe96d/index.html"} <= pages(zensical_site)
    data = {p.name for p in (zensical_site / "data").iterdir()}
    assert {"case.json", "case.ftm.json", "sources.csv", "entities.csv"} <= data


@pytest.mark.slow
def test_zensical_pages_keep_anchors_languages_and_privacy(both_sites):
    mkdocs_site, zensical_site = both_sites
    for page in ("sources/002-2bb91e528b6fe96d/index.html", "dossier/index.html"):
        ours, theirs = parse(mkdocs_site / page), parse(zensical_site / page)
        assert {i for i in ours.ids if re.match(r"^(p\d|source-)", i)} == \
            {i for i in theirs.ids if re.match(r"^(p\d|source-)", i)}
    html = (zensical_site / "sources/002-2bb91e528b6fe96d/index.html").read_text()
    assert '<div class="cf-text" lang="nb">' in html
    for path in zensical_site.rglob("*.html"):
        external = [r for r in parse(path).resources if re.match(r"^(https?:)?//", r)]
        assert external == [], (path, external)

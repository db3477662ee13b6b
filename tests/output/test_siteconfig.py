"""The generated part of the MkDocs configuration: the case's name, description, address and repository."""

from __future__ import annotations

import yaml
from conftest import ROOT

from generator.model.source import CaseInfo
from generator.output.siteconfig import site_config


def test_the_site_is_named_and_described_by_the_case() -> None:
    config = yaml.safe_load(site_config(CaseInfo(title="Storm Ingunn", summary="Two  sources\nabout a storm.")))
    assert config == {"site_name": "Storm Ingunn", "site_description": "Two sources about a storm."}


def test_the_address_and_the_repository_come_from_case_yml() -> None:
    config = yaml.safe_load(site_config(CaseInfo(title="x", site_url="https://owner.github.io/name/",
                                                 repository="https://github.com/owner/name")))
    assert config["site_url"] == "https://owner.github.io/name/"
    assert config["extra"]["social"][0]["link"] == "https://github.com/owner/name"
    assert "repo_url" not in config  # Material's repository widget asks GitHub's API: a request to another host


def test_a_hostile_title_is_neither_markup_nor_yaml() -> None:
    title = 'A </title><script>alert(1)</script> & "quotes" {{ config }}\nsite_url: https://evil.example/'
    config = yaml.safe_load(site_config(CaseInfo(title=title)))
    assert set(config) == {"site_name", "site_description"}
    assert "<" not in config["site_name"] and '"' not in config["site_name"]
    assert config["site_name"].startswith("A &lt;/title&gt;&lt;script&gt;")


def test_case_yml_gives_an_https_site_url(tmp_path) -> None:
    from generator.read.sources import read_case

    (tmp_path / "case.yml").write_text("title: x\nsite_url: https://owner.github.io/name\n", encoding="utf-8")
    info, problems = read_case(tmp_path / "case.yml")
    assert (info.site_url, problems) == ("https://owner.github.io/name/", [])
    (tmp_path / "case.yml").write_text("title: x\nsite_url: javascript:alert(1)\n", encoding="utf-8")
    info, problems = read_case(tmp_path / "case.yml")
    assert info.site_url is None and "'site_url' is" in str(problems[0])


def test_the_site_built_under_a_project_path_links_its_404_page_there(tmp_path) -> None:
    """GitHub Pages serves a project's site under /<name>/: with site_url, MkDocs writes the 404
    page's links under that path, so a missing page still loads the style."""
    from sitecheck import copy_repo_docs, mkdocs_build

    docs = copy_repo_docs(tmp_path / "docs_src")
    settings = docs / "data" / "mkdocs-site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'site_url: "https://owner.github.io/casefile/"\n',
                        encoding="utf-8")
    built = mkdocs_build(docs, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert 'href="/casefile/assets/' in page and 'href="/assets/' not in page
    assert "INHERIT: docs_src/data/mkdocs-site.yml" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

"""Source pages link to their seed file in the repository (``repository:`` in case.yml)."""

from __future__ import annotations

import os

from generator.pipeline import generate
from generator.read.sources import read_corpus

CASE = "title: T\nrepository: {}\n"


def test_repository_links_the_seed_and_sidecar(seeds):
    folder = seeds({"a b.txt": "Alpha text.", "a b.yml": "title: A\n",
                    "case.yml": CASE.format("https://github.com/owner/name/")})
    files = generate(folder).files
    page = files["sources/a-b.md"].decode()
    assert ('<dt>Seed file</dt><dd><a class="cf-view-source" '
            'href="https://github.com/owner/name/blob/HEAD/seeds/a%20b.txt" rel="noopener">'
            '<code>seeds/a b.txt</code></a> and <a class="cf-view-source" '
            'href="https://github.com/owner/name/blob/HEAD/seeds/a%20b.yml" rel="noopener">'
            '<code>seeds/a b.yml</code></a> (view source)</dd>') in page
    assert "edit" not in page.lower()
    assert b'"repository": "https://github.com/owner/name"' in files["data/case.json"]


def test_without_repository_the_path_is_shown_and_the_reason_said(seeds):
    page = generate(seeds({"a.txt": "Alpha text."})).files["sources/a.md"].decode()
    assert ("<dt>Seed file</dt><dd><code>seeds/a.txt</code> <span class=\"cf-unknown\">(no link: "
            "<code>repository:</code> is not set in <code>case.yml</code>)</span></dd>") in page
    assert "href=\"http" not in page


def test_repository_must_be_an_https_address(seeds):
    for bad in ("http://github.com/owner/name", "github.com/owner/name", "[1, 2]",
                "'https://x.example/a?b=c'", "'https://x.example/<script>'"):
        folder = seeds({"a.txt": "Alpha.", "case.yml": "title: T\n\nrepository: " + bad + "\n"}, "s" + str(hash(bad)))
        corpus, problems = read_corpus(folder)
        assert corpus is None, bad
        path = os.path.relpath(folder / "case.yml")
        assert [str(p) for p in problems] == [
            f"{path}:3: 'repository' is {problems[0].problem.split(' is ', 1)[1]} — give the repository's "
            "https:// address, such as https://github.com/owner/name"], bad


def test_repository_error_text(seeds):
    folder = seeds({"a.txt": "Alpha.", "case.yml": "title: T\nrepository: http://example.org/r\n"})
    _, problems = read_corpus(folder)
    assert [str(p) for p in problems] == [
        f"{os.path.relpath(folder / 'case.yml')}:2: 'repository' is 'http://example.org/r' — give the "
        "repository's https:// address, such as https://github.com/owner/name"]

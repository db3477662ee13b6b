"""Long lists of a huge case are split over pages and side files, and nothing is lost.

A real story is generated twice: with the usual limits (every list on its page) and with
limits of one or two rows, so that every list splits. The rows of the split version, read
page after page, are the rows of the whole list, in the same order; and the split site builds
with MkDocs with every link and anchor resolving.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.render import entity_pages, quotes, timeline
from generator.render.markup import SEARCH_EXCLUDED

STORY = Path(__file__).parent.parent / "stories" / "storm" / "seeds"
ROW = re.compile(r"<tr(?: id=\"[^\"]*\")?><td>.*?</tr>")
ITEM = re.compile(r"<li>.*?</li>|<details class=\"cf-mentions\"[^>]*>.*?</details>")


def _small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes, "QUOTES_PER_PAGE", 3)
    monkeypatch.setattr(timeline, "TIMELINE_PER_PAGE", 2)
    monkeypatch.setattr(timeline, "TIMELINE_ROWS", 2)
    monkeypatch.setattr(entity_pages, "GROUPS_SHOWN", 1)
    monkeypatch.setattr(entity_pages, "ITEMS_SHOWN", 1)
    monkeypatch.setattr(entity_pages, "MAX_REVIEW_ITEMS", 1)


@pytest.fixture(scope="module")
def whole() -> dict[str, str]:
    return {name: data.decode() for name, data in generate(STORY).files.items()}


@pytest.fixture()
def split(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    _small_limits(monkeypatch)
    return {name: data.decode() for name, data in generate(STORY).files.items()}


def _rows(text: str, pattern: re.Pattern[str] = ROW) -> list[str]:
    """The rows (or list items) of a page, their links made independent of the page's folder
    and its side file (``../../sources/`` and ``../sources/`` alike)."""
    rows = pattern.findall(text)
    return [re.sub(r'href="(?:\.\./)*', 'href="', row) for row in rows]


def _numbered(files: dict[str, str], prefix: str) -> list[str]:
    pages = [name for name in files if re.fullmatch(re.escape(prefix) + r"\d+\.md", name)]
    return sorted(pages, key=lambda name: int(name[len(prefix):-3]))


def test_quotes_split_into_pages_in_speaker_order_with_every_quote_once(whole, split) -> None:
    assert "quotes/1.md" not in whole
    pages = _numbered(split, "quotes/")
    assert len(pages) == 5  # 14 quotes, 3 a page
    assert [row for page in pages for row in _rows(split[page])] == _rows(whole["quotes.md"])
    # the pages are all tables kept out of search; each quote is searched on its source's page
    assert all(split[page].startswith(SEARCH_EXCLUDED) for page in pages)
    overview = split["quotes.md"]
    assert "## Pages {#pages}" in overview and all(f"]({page})" in overview for page in pages)
    # each speaker's anchor is on exactly one page, the one the overview links to for them
    for anchor in re.findall(r"\{#(speaker-[\w-]+)\}", whole["quotes.md"]):
        holders = [page for page in pages if f"{{#{anchor}}}" in split[page]]
        assert len(holders) == 1, anchor
        assert f'href="{holders[0].removeprefix("quotes/").removesuffix(".md")}/#{anchor}"' in overview


def test_an_entity_page_links_to_where_its_quotes_are_on_the_quotes_pages(whole, split) -> None:
    for files, quote_pages in ((whole, ["quotes.md"]), (split, _numbered(split, "quotes/"))):
        with_quotes = [name for name, text in files.items()
                       if name.startswith("entities/") and name.endswith(".md") and "{#quotes}" in text]
        assert with_quotes
        for name in with_quotes:  # each links once, to the page and anchor holding its first quote
            links = re.findall(r"\[quotes page\]\(\.\./([\w/.-]+)#(speaker-[\w-]+)\)", files[name])
            assert len(links) == 1, name
            target, anchor = links[0]
            assert target in quote_pages and f"{{#{anchor}}}" in files[target], (name, target, anchor)


def test_timeline_tables_split_by_period_and_the_picture_links_to_each_day(whole, split) -> None:
    dated = _numbered(split, "timeline/")
    unresolved = _numbered(split, "timeline/unresolved-")
    assert len(dated) == 4 and len(unresolved) == 3  # 7 dated and 6 unresolved mentions, 2 a page
    whole_rows = _rows(whole["timeline.md"])
    assert [row for page in dated + unresolved for row in _rows(split[page])] == whole_rows
    assert all(split[page].startswith(SEARCH_EXCLUDED) for page in dated + unresolved)
    timeline = split["timeline.md"]
    assert not _rows(timeline)  # the tables are on their pages
    # the picture: at most TIMELINE_ROWS rows, each linking to the page and row of its day
    links = re.findall(r'<a href="([^"]+)" aria-label="[^"]*"><title>', timeline)
    assert 1 <= len(links) <= 2 and "dated events the most sources give" in timeline
    for link in links:
        page, anchor = re.fullmatch(r"(\d+)/#(date-[\d-]+)", link).groups()
        assert f'<tr id="{anchor}">' in split[f"timeline/{page}.md"]


def test_entity_lists_beyond_the_first_are_in_a_side_file(whole, split) -> None:
    side_files = sorted(name for name in split if name.startswith("entities/") and name.endswith("-more.html"))
    assert side_files and not any(name.endswith(".html") for name in whole if name.startswith("entities/"))
    for side in side_files:
        page = side.removesuffix("-more.html") + ".md"
        assert split[side].startswith("<!doctype html>") and "<script" not in split[side]
        assert _rows(split[page], ITEM) + _rows(split[side], ITEM) != []
        # everything the whole page lists is on the page or in its side file, nothing twice
        assert sorted(_rows(split[page], ITEM) + _rows(split[side], ITEM)) == sorted(_rows(whole[page], ITEM))
        assert "-more.html#" in split[page]


def test_review_lists_beyond_the_first_are_in_a_side_file(whole, split) -> None:
    assert "review-more.html" not in whole
    page, side = split["review.md"], split["review-more.html"]
    assert sorted(_rows(page, ITEM) + _rows(side, ITEM)) == sorted(_rows(whole["review.md"], ITEM))


@pytest.mark.slow
def test_the_split_case_builds_with_every_link_and_anchor_resolving(split, tmp_path) -> None:
    from conftest import copy_docs_skeleton
    from sitecheck import broken_internal_links, mkdocs_build

    docs = copy_docs_skeleton(tmp_path / "docs_src")
    for name, text in split.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    result = mkdocs_build(docs, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_internal_links(tmp_path / "site") == []


def test_review_names_the_entities_an_ambiguous_mention_may_mean() -> None:
    review = generate(Path(__file__).parent.parent / "stories" / "flood-dog" / "seeds").files["review.md"].decode()
    assert 'could be <a href="../entities/erik-larsen/">Erik Larsen</a>' in review


def test_mentions_that_may_mean_an_entity_beyond_the_first_are_in_its_side_file(monkeypatch) -> None:
    story = Path(__file__).parent.parent / "stories" / "flood-dog" / "seeds"
    whole = {name: data.decode() for name, data in generate(story).files.items()}
    monkeypatch.setattr(entity_pages, "MAX_AMBIGUOUS_SHOWN", 1)
    split = {name: data.decode() for name, data in generate(story).files.items()}
    pages = [name for name, text in whole.items() if name.startswith("entities/") and "{#ambiguous}" in text
             and text.count("<li>", text.index("{#ambiguous}")) > 1]
    assert pages
    for page in pages:
        side = split[page.removesuffix(".md") + "-more.html"]
        assert "more mentions that may also mean it" in split[page]
        section = whole[page][whole[page].index("{#ambiguous}"):]
        assert sorted(_rows(split[page][split[page].index("{#ambiguous}"):], ITEM) + _rows(side, ITEM)) == sorted(
            _rows(section, ITEM))


def test_a_mention_fitting_many_entities_is_counted_on_their_pages_and_listed_on_review(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "case.yml").write_text("title: Five Annas\n", encoding="utf-8")
    people = ["Anna Berg", "Anna Dahl", "Anna Lie", "Anna Moe", "Ola Berg"]
    for number, name in enumerate(people):
        (seeds / f"s{number}.txt").write_text(f"{name}, a teacher, said the school would stay closed.\n",
                                              encoding="utf-8")
        (seeds / f"s{number}.yml").write_text("language: en\n", encoding="utf-8")
    (seeds / "s9.txt").write_text("The school stayed shut on Monday.\n\nAnna said the roof had fallen in.\n\n"
                                  "Berg said the pupils were safe.\n", encoding="utf-8")
    (seeds / "s9.yml").write_text("language: en\n", encoding="utf-8")
    files = {name: data.decode() for name, data in generate(seeds).files.items()}
    anna = files["entities/anna-dahl.md"]
    section = anna[anna.index("{#ambiguous}"):]
    # "Anna" fits four people: counted and sent to the review page, not listed on each page
    assert "1 mention (“Anna”) fit this entity and at least 3 others" in section
    assert 'href="../../review/#ambiguous"' in section
    assert "s9 ¶3" not in section and "<li>" not in section
    # "Berg" fits two: listed on both pages, as evidence that may be about either
    berg = files["entities/ola-berg.md"]
    assert "<li>" in berg[berg.index("{#ambiguous}"):]
    review = files["review.md"]
    assert review.count("could be") >= 2

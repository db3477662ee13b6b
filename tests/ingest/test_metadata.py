"""What a page says about itself: JSON-LD, Open Graph, meta tags, in a stated order per field."""

from __future__ import annotations

from trafilatura.utils import load_html

from generator.ingest.metadata import (
    JSON_LD,
    META,
    OPEN_GRAPH,
    choose,
    clean_address,
    clean_date,
    clean_language,
    json_ld,
    meta_tags,
    open_graph,
)


def tree(head: str, body: str = "<p>Text.</p>", lang: str = ""):
    return load_html(f"<!DOCTYPE html><html{lang}><head>{head}</head><body>{body}</body></html>")


def fields(page) -> dict[str, tuple[str, str]]:
    layers = {JSON_LD: json_ld(page), OPEN_GRAPH: open_graph(page), META: meta_tags(page)}
    return {key: (f.value, f.origin) for key, f in choose(layers, "https://example.org/news/a").items()}


GRAPH = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "The Site"},
 {"@type": ["NewsArticle", "Article"], "headline": "Ferry  strike\\nends", "datePublished": "2024-03-12T10:02:00Z",
  "author": [{"@type": "Person", "name": "A. Writer"}, {"@type": "Person", "name": "B. Writer"},
             {"@type": "Person", "name": "https://example.org/people/c"}],
  "mainEntityOfPage": {"@id": "https://example.org/news/ferry-strike?utm_source=x&id=7#top"}}]}</script>"""


def test_json_ld_in_a_graph_gives_the_articles_fields():
    assert fields(tree(GRAPH)) == {
        "title": ("Ferry strike ends", "JSON-LD (headline)"),
        "outlet": ("The Site", "JSON-LD (WebSite name)"),
        "url": ("https://example.org/news/ferry-strike?id=7", "JSON-LD (mainEntityOfPage)"),
        "published": ("2024-03-12T10:02:00+00:00", "JSON-LD (datePublished)"),
        "author": ("A. Writer; B. Writer", "JSON-LD (author)"),
    }


def test_broken_json_and_other_types_are_passed_over():
    page = tree('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
                '<script type="application/ld+json">{"@type": "Recipe", "name": "Soup"}</script>'
                '<meta property="og:title" content="From Open Graph">')
    assert fields(page) == {"title": ("From Open Graph", "Open Graph (og:title)")}


def test_the_canonical_link_names_the_address_first_resolved_against_the_page():
    page = tree('<meta property="og:url" content="https://example.org/other"><link rel="canonical" href="/news/b/">'
                '<meta property="article:author" content="https://facebook.com/someone">'
                '<meta name="author" content="C. Writer"><meta property="og:locale" content="nb_NO">',
                lang=' lang="de"')
    assert fields(page) == {"url": ("https://example.org/news/b/", "meta tags (link rel=canonical)"),
                            "author": ("C. Writer", "meta tags (name=author)"),
                            "language": ("nb", "Open Graph (og:locale)")}


def test_a_value_that_does_not_check_out_falls_to_the_next_layer():
    page = tree('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "12 March 2024",'
                ' "url": "javascript:alert(1)"}</script><meta property="article:published_time" content="2024-03-12">'
                '<meta property="og:url" content="ftp://example.org/x"><link rel="canonical" href="https://ex.org/y">')
    assert fields(page) == {"published": ("2024-03-12", "Open Graph (article:published_time)"),
                            "url": ("https://ex.org/y", "meta tags (link rel=canonical)")}


def test_cleaning():
    assert clean_date("2024-03-12T16:20:00Z") == "2024-03-12T16:20:00+00:00"
    assert clean_date("2024-03-12 08:15") == "2024-03-12T08:15:00"
    assert clean_date("2024-02-30") is None and clean_date("yesterday") is None
    assert clean_language("nb_NO") == "nb" and clean_language("no") == "nb" and clean_language("en-GB") == "en"
    assert clean_language("klingon!") is None
    assert clean_address("HTTPS://Example.ORG/a?b=1&utm_medium=x&fbclid=y#c") == "https://example.org/a?b=1"
    assert clean_address("data:text/html,<b>x</b>") is None
    assert clean_address("https://example.org/a b") is None

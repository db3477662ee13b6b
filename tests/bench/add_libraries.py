"""Which library reads the article in a saved page best: the comparison behind ``casefile add``.

On the saved pages of ``tests/ingest/pages/`` (six news pages in four languages and a wire
reprint, read by hand in ``expected.yml``), each library is given the page's HTML and scored on:

* **paragraphs**: article paragraphs whose text is in its output, of all the pages' paragraphs;
* **furniture**: phrases of the page around the article (menus, cookie banners, related stories,
  newsletter boxes, readers' comments, bylines) found in its output;
* **metadata**: of the title, outlet, address, date and author the pages give, those it finds
  (the date compared by day; an author by name);
* **speed**: milliseconds per page, and seconds on a 5 MB page (``add_speed.py``'s bloated page).

The libraries: trafilatura (with htmldate), readability-lxml, goose3 and jusText, each as its
documentation shows, and ``casefile add`` itself (trafilatura with the furniture blocks left out
before it and the furniture rules after it). readability-lxml and goose3 are not dependencies
of casefile: install them beside it to run this (``pip install readability-lxml goose3``).
Prints a Markdown table. Nothing here is a test.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, os.environ.get("CASEFILE_ROOT", str(ROOT)))

from add_speed import bloated_page  # noqa: E402
from pagekit import ADDED_ON, EXPECTED, page  # noqa: E402

from generator.ingest.article import extract_article  # noqa: E402
from generator.ingest.pages import Page, read_page_file  # noqa: E402

META_FIELDS = ("title", "outlet", "url", "published", "author")
JUSTEXT_STOPLISTS = {"en": "English", "de": "German", "fr": "French", "nb": "Norwegian_Bokmal"}


@dataclass(frozen=True)
class Reading:
    """What a library made of one page."""

    text: str
    """Its article text."""
    meta: dict[str, str | None]
    """The metadata it found, by sidecar field."""


def _casefile(page_: Page, language: str) -> Reading:
    article = extract_article(page_, until=ADDED_ON)
    return Reading("\n\n".join(article.paragraphs), {k: f.value for k, f in article.fields.items()})


def _trafilatura(page_: Page, language: str) -> Reading:
    import trafilatura

    document = trafilatura.bare_extraction(page_.html, url=page_.address, with_metadata=True, include_comments=False)
    if document is None:
        return Reading("", {})
    return Reading(document.text or "", {"title": document.title, "outlet": document.sitename, "url": document.url,
                                         "published": document.date, "author": document.author})


def _readability(page_: Page, language: str) -> Reading:
    from lxml import html as lxml_html
    from readability import Document

    document = Document(page_.html)
    summary = lxml_html.fromstring(document.summary(html_partial=True))
    return Reading("\n".join(summary.itertext()), {"title": document.short_title()})


def _goose(page_: Page, language: str) -> Reading:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False, "use_meta_language": True}) as goose:
        article = goose.extract(raw_html=page_.html)
    published = article.publish_date or article.publish_datetime_utc
    return Reading(article.cleaned_text or "", {
        "title": article.title, "outlet": (article.opengraph or {}).get("site_name"),
        "url": article.canonical_link, "published": str(published) if published else None,
        "author": "; ".join(article.authors) if article.authors else None})


def _justext(page_: Page, language: str) -> Reading:
    import justext

    paragraphs = justext.justext(page_.html.encode("utf-8"), justext.get_stoplist(JUSTEXT_STOPLISTS[language]),
                                 encoding="utf-8")
    return Reading("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate), {})


LIBRARIES: dict[str, Callable[[Page, str], Reading]] = {
    "casefile add (trafilatura + furniture rules)": _casefile,
    "trafilatura 2.3.1 (htmldate 1.11)": _trafilatura,
    "readability-lxml 0.9": _readability,
    "goose3 3.1": _goose,
    "jusText 3.0": _justext,
}


def _norm(text: str) -> str:
    return " ".join(html_module.unescape(text).split()).casefold()


def _found(field: str, got: str | None, wanted: str) -> bool:
    if not got:
        return False
    if field == "published":
        return str(got)[:10] == wanted[:10]
    if field == "url":
        return got.split("?")[0].rstrip("/") == wanted.rstrip("/")
    if field == "author":
        return all(_norm(name) in _norm(got) for name in wanted.split("; "))
    return _norm(got) == _norm(wanted)


def score(read: Callable[[Page, str], Reading]) -> dict[str, Any]:
    """One library's scores over every page."""
    kept = paragraphs = leaked = phrases = found = given = 0
    seconds = 0.0
    for name, expected in sorted(EXPECTED.items()):
        saved = read_page_file(page(name), name)
        language = expected["sidecar"].get("language", "nb")
        started = time.perf_counter()
        reading = read(saved, language)
        seconds += time.perf_counter() - started
        text = _norm(reading.text)
        wanted = expected["paragraphs"] + expected.get("lost", [])
        paragraphs += len(wanted)
        kept += sum(1 for p in wanted if _norm(p) in text)
        phrases += len(expected["furniture"])
        leaked += sum(1 for f in expected["furniture"] if _norm(f) in text)
        for field in META_FIELDS:
            if field in expected["sidecar"]:
                given += 1
                found += _found(field, reading.meta.get(field), expected["sidecar"][field])
    big = Page(bloated_page(), None, None, "bloated.html")
    started = time.perf_counter()
    read(big, "en")
    return {"kept": kept, "paragraphs": paragraphs, "leaked": leaked, "phrases": phrases, "found": found,
            "given": given, "ms": 1000 * seconds / len(EXPECTED), "big": time.perf_counter() - started}


def main() -> int:
    for read in LIBRARIES.values():  # imports and first-use caches
        read(read_page_file(page("coastwatch-en.html"), "coastwatch-en.html"), "en")
    print(f"Measured {dt.date.today().isoformat()} on {len(EXPECTED)} saved pages "  # noqa: DTZ011 (a label)
          "(tests/ingest/pages/, read by hand in expected.yml).\n")
    print("| library | article paragraphs kept | furniture phrases leaked | metadata found | ms per page | "
          "5 MB page (s) |")
    print("|---|---|---|---|---|---|")
    for name, read in LIBRARIES.items():
        s = score(read)
        print(f"| {name} | {s['kept']}/{s['paragraphs']} | {s['leaked']}/{s['phrases']} | {s['found']}/{s['given']} "
              f"| {s['ms']:.0f} | {s['big']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

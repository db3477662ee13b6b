"""The article in a page: its paragraphs, without the page around it, and its metadata.

trafilatura finds the article's text (it drops navigation, scripts, styles, forms and, as asked
here, readers' comments) and, with htmldate, reads a headline, a byline and a date where the
page's tags give none. Two passes around it leave out the page furniture it keeps:

1. before it, blocks whose class or id names them as not the article (``comments``,
   ``newsletter``, ``les-ogsaa``: the ``furniture_page_blocks`` words of ``generator/lang/``);
2. after it, the paragraphs the reader's furniture rules name (:mod:`generator.read.furniture`:
   "Les også:", "Sign up to …", a byline or a dateline alone).

The headline, which trafilatura gives as the first paragraph, goes to the sidecar's title, not
into the text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.errors import SourceError
from generator.ingest.metadata import (
    ADDRESS,
    JSON_LD,
    META,
    OPEN_GRAPH,
    TEXT,
    Field,
    Layer,
    choose,
    json_ld,
    meta_tags,
    open_graph,
)
from generator.ingest.pages import Page
from generator.lang import SHARED_DIR, supported_languages, word_set
from generator.model.source import Paragraph
from generator.read.furniture import mark_furniture
from generator.read.language import detect_language

# trafilatura's output elements that hold text inline, inside a paragraph.
_INLINE = frozenset({"hi", "ref", "del", "span", "a", "b", "i", "em", "strong", "sub", "sup"})
# Whitespace other than no-break and thin spaces, which belong to numbers ("39 000") and names.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Elements a block's class or id can never remove: the page and the article themselves.
_KEPT_TAGS = frozenset({"html", "body", "main", "article", "head", "script"})
SECOND_OPINION_WORDS = 2000
"""An extraction shorter than this is made again with trafilatura's fallbacks (readability,
jusText) to compare with: on a news article they cost a few milliseconds; on a very long text,
where trafilatura's own extraction is not in doubt, they would cost seconds."""
MIN_ARTICLE_WORDS = 15
"""Fewer words than this, once the furniture is left out, are no article (a menu, a cookie notice)."""
NO_TEXT_FIX = ("open the page in a browser: if the article shows, save it again once it has loaded; "
               "or copy the article's text into a .txt file and add that")


@dataclass(frozen=True)
class Article:
    """What ``casefile add`` takes from a page."""

    paragraphs: tuple[str, ...]
    """The article's paragraphs in reading order, each one line of plain text."""
    left_out: int
    """Paragraphs trafilatura kept that the furniture rules left out."""
    fields: Mapping[str, Field]
    """The sidecar's fields the page gives, each with where it came from."""
    language: str
    """The language the furniture rules read the text in: given or declared by the page when it is
    one with language data, else detected."""


def extract_article(page: Page, language: str | None = None, until: str | None = None) -> Article:
    """The article in ``page``; ``language`` given wins over the page's; ``until`` is the latest
    date htmldate accepts (ISO, the day the page is added). :class:`SourceError` when the page
    holds no article text."""
    import trafilatura
    from trafilatura.utils import load_html

    _quiet()
    tree = load_html(page.html)
    if tree is None:
        raise SourceError("no web page could be read from it", NO_TEXT_FIX)
    date_params = {"original_date": True, "extensive_search": True, "max_date": until} if until else None
    found = trafilatura.extract_metadata(tree, default_url=page.address, date_config=date_params)
    layers: dict[str, Layer] = {JSON_LD: json_ld(tree), OPEN_GRAPH: open_graph(tree), META: meta_tags(tree),
                                TEXT: _trafilatura_layer(found)}
    if page.address and page.address_origin:
        layers[ADDRESS] = {"url": (page.address, page.address_origin)}
    fields = choose(layers, page.address)
    declared = language or (fields["language"].value if "language" in fields else None)
    _drop_blocks(tree, declared)
    paragraphs = _extract(tree, page.address, fast=True)
    if sum(len(p.split()) for p in paragraphs) < SECOND_OPINION_WORDS:
        paragraphs = _extract(tree, page.address, fast=False)
    paragraphs = _without_headline(paragraphs, fields, layers)
    if not paragraphs:
        raise SourceError("no article text found in the page", NO_TEXT_FIX)
    reading = declared if declared in supported_languages() else detect_language("\n\n".join(paragraphs))[0]
    kept = _without_furniture(paragraphs, reading)
    words = sum(len(p.split()) for p in kept)
    if words < MIN_ARTICLE_WORDS:
        raise SourceError(f"no article text found in the page (only {words} word{'s' if words != 1 else ''} "
                          "outside menus, links and prompts)", NO_TEXT_FIX)
    if language:
        fields = {**fields, "language": Field(language, "the command line (--language)")}
    return Article(tuple(kept), len(paragraphs) - len(kept), fields, reading)


def _extract(tree: Any, address: str | None, fast: bool) -> list[str]:
    """trafilatura's paragraphs of the article; ``fast`` without its second opinion (readability
    and jusText, asked when its own extraction looks short)."""
    import trafilatura

    document = trafilatura.bare_extraction(tree, url=address, fast=fast, include_comments=False, include_tables=True,
                                           include_images=False, include_links=False, with_metadata=False)
    body = getattr(document, "body", None)
    return [p for p in (_clean(text) for text in _blocks(body)) if p] if body is not None else []


@cache
def _quiet() -> None:
    """trafilatura and htmldate log what they cannot read; a page's quirks are not the user's problem."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _trafilatura_layer(document: Any) -> Layer:
    """What trafilatura and htmldate found where the tags say nothing: the headline, a byline,
    a date in the text or the address, the site's name."""
    found: Layer = {}
    for field, attribute, origin in (("title", "title", "the page's headline (trafilatura)"),
                                     ("author", "author", "the page's byline (trafilatura)"),
                                     ("published", "date", "a date in the page or its address (htmldate)"),
                                     ("outlet", "sitename", "the page's site name (trafilatura)")):
        value = getattr(document, attribute, None)
        if isinstance(value, str) and value.strip():
            found[field] = (value, origin)
    hostname = str(getattr(document, "hostname", None) or "")
    if "outlet" in found and hostname and found["outlet"][0].lower() in (hostname, hostname.removeprefix("www.")):
        del found["outlet"]  # trafilatura's fallback, the host name: not a name the page gives
    return found


@cache
def _block_pattern(language: str | None) -> re.Pattern[str]:
    """The class and id parts of furniture blocks, of every language and of the page's (or of
    every language when it declares none), as one pattern: each word whole, its hyphens matching
    ``-`` or ``_`` (``related-stories``, ``related_stories``)."""
    codes = [SHARED_DIR, *([language] if language else supported_languages())]
    words = {w for code in codes for w in word_set(code, "furniture_page_blocks")}
    alternation = "|".join(r"[-_]+".join(re.escape(part) for part in word.split("-"))
                           for word in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![^\s_-])(?:{alternation})(?![^\s_-])")


def _drop_blocks(tree: Any, language: str | None) -> None:
    """Remove the elements whose class or id names a furniture block, unless they hold the
    headline or most of the page's text (a wrapper such as ``main-with-related``); what such a
    block holds is not looked at again."""
    pattern = _block_pattern(language)
    total = len("".join(tree.itertext()))
    doomed, stack = [], [tree]
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and element.tag not in _KEPT_TAGS:
            names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
            if pattern.search(names) and element.find(".//h1") is None \
                    and len("".join(element.itertext())) * 2 < total:
                doomed.append(element)
                continue
        stack.extend(reversed(element))
    for element in doomed:
        element.drop_tree()  # its tail, the text after it, stays


def _blocks(element: Any) -> Iterator[str]:
    """The paragraphs of trafilatura's output tree: each block element's text, inline elements
    joined into it, a line break (``lb``) ending a paragraph."""
    buffer = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            yield "".join(buffer)
            buffer = [child.tail or ""]
        elif child.tag in _INLINE and not any(d.tag == "lb" or d.tag not in _INLINE for d in child.iterdescendants()):
            buffer.append("".join(child.itertext()) + (child.tail or ""))
        else:
            yield "".join(buffer)
            yield from _blocks(child)
            buffer = [child.tail or ""]
    yield "".join(buffer)


def _clean(text: str) -> str:
    """One paragraph as one line: spaces joined (no-break spaces kept), control characters
    dropped, Unicode NFC."""
    return unicodedata.normalize("NFC", _CONTROLS.sub("", _SPACES.sub(" ", text)).strip())


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _without_headline(paragraphs: list[str], fields: Mapping[str, Field], layers: Mapping[str, Layer]) -> list[str]:
    """The paragraphs less a first one that is the headline (any title the page gives)."""
    titles = {_folded(layer["title"][0]) for layer in layers.values() if "title" in layer}
    if "title" in fields:
        titles.add(_folded(fields["title"].value))
    if paragraphs and _folded(paragraphs[0]) in titles:
        return paragraphs[1:]
    return paragraphs


def _without_furniture(paragraphs: list[str], language: str) -> list[str]:
    """The paragraphs the reader's furniture rules do not name (:func:`mark_furniture`)."""
    spans, start = [], 0
    for index, text in enumerate(paragraphs, 1):
        spans.append(Paragraph(f"p{index}", index, start, start + len(text)))
        start += len(text) + 2
    marked = mark_furniture("\n\n".join(paragraphs), spans, language)
    return [text for text, paragraph in zip(paragraphs, marked, strict=True) if paragraph.furniture is None]

"""What a page says about itself, each value with where it came from.

A value is read from the page's layers in a stated order per field (:data:`PRECEDENCE`), and the
first one that checks out wins: JSON-LD (the ``NewsArticle`` a news site gives search engines),
Open Graph (``og:`` tags for social media), the meta tags (``<link rel=canonical>``,
``<meta name=author>``, the ``lang`` of ``<html>``), then what trafilatura and htmldate find in
the page itself (its headline, its byline, a date in its text or address), and last the address
the page came from. The canonical link comes first for the address: naming the canonical
address is what it is for. Every value is plain text; none is ever markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from babel import Locale, UnknownLocaleError

from generator.lang import canonical_language

FIELDS = ("title", "outlet", "url", "published", "author", "language")
"""The sidecar fields a page can give, in the order the sidecar lists them."""

JSON_LD, OPEN_GRAPH, META, TEXT, ADDRESS = "json-ld", "open-graph", "meta", "text", "address"

PRECEDENCE: Mapping[str, tuple[str, ...]] = {
    "title": (JSON_LD, OPEN_GRAPH, META, TEXT),
    "outlet": (JSON_LD, OPEN_GRAPH, META, TEXT),
    "url": (META, OPEN_GRAPH, JSON_LD, ADDRESS),
    "published": (JSON_LD, OPEN_GRAPH, META, TEXT),
    "author": (JSON_LD, META, OPEN_GRAPH, TEXT),
    "language": (JSON_LD, OPEN_GRAPH, META),
}
"""For each field, the layers read, first first."""

_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "socialmediaposting", "report"})
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmpid|at_\w+)$", re.IGNORECASE)
"""Query parameters that track a click and do not name a page (``utm_source``, ``fbclid`` …)."""
_MAX_FIELD = 500  # characters: a title, a name or an outlet longer than this is not one
_MAX_DEPTH = 8  # JSON-LD nesting read


@dataclass(frozen=True)
class Field:
    """One metadata value and where it came from."""

    value: str
    """The value as the sidecar writes it."""
    origin: str
    """Where it came from, in words ("JSON-LD (headline)")."""


Layer = dict[str, tuple[str, str]]
"""One layer's raw values: field → (value as the page writes it, where exactly)."""


def json_ld(tree: Any) -> Layer:
    """The article's fields from the page's JSON-LD (``<script type="application/ld+json">``)."""
    objects = [obj for script in tree.xpath('//script[@type="application/ld+json"]') if script.text
               for obj in _objects(_load_json(script.text), 0)]
    article = next((o for o in objects if _types(o) & _ARTICLE_TYPES), None)
    found: Layer = {}
    if article is not None:
        for field, key in (("title", "headline"), ("published", "datePublished"), ("url", "url"),
                           ("url", "mainEntityOfPage"), ("author", "author"), ("outlet", "publisher"),
                           ("language", "inLanguage"), ("title", "name")):
            value = _names(article.get(key)) if field in ("author", "outlet") else _plain(article.get(key))
            if value and field not in found:
                found[field] = (value, f"JSON-LD ({key})")
    site = next((o for o in objects if "website" in _types(o)), None)
    if "outlet" not in found and site is not None and _plain(site.get("name")):
        found["outlet"] = (_plain(site.get("name")) or "", "JSON-LD (WebSite name)")
    return found


def _load_json(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``data``, outermost first (``@graph`` lists and nested ones included)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _objects(value, depth + 1)


def _types(obj: Mapping[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return {str(k).rsplit("/", 1)[-1].removeprefix("schema:").lower() for k in names if isinstance(k, str)}


def _plain(value: Any) -> str | None:
    """A JSON-LD value as text: a string, or the ``@id``/``url``/``name`` of an object."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("@id", "url", "name", "@value"):
            if isinstance(value.get(key), str):
                return str(value[key])
    if isinstance(value, list) and value:
        return _plain(value[0])
    return None


def _names(value: Any) -> str | None:
    """The names of a JSON-LD person, organisation or list of them, joined by "; "."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
        if isinstance(name, str) and name.strip() and not _is_address(name) and name.strip() not in names:
            names.append(name.strip())
    return "; ".join(names) or None


def _is_address(text: str) -> bool:
    return re.match(r"\s*(?:https?:)?//", text) is not None


_OPEN_GRAPH = {"og:title": "title", "og:site_name": "outlet", "og:url": "url", "og:locale": "language",
               "article:published_time": "published", "article:author": "author"}


def open_graph(tree: Any) -> Layer:
    """The fields of the page's Open Graph tags (``og:title``, ``og:site_name``, ``article:published_time`` …)."""
    found: Layer = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        field = _OPEN_GRAPH.get(key)
        content = meta.get("content") or ""
        if field and field not in found and content.strip() and not (field == "author" and _is_address(content)):
            found[field] = (content, f"Open Graph ({key})")
    return found


_META_NAMES = {
    "author": "author", "byl": "author", "dc.creator": "author", "sailthru.author": "author",
    "date": "published", "pubdate": "published", "publishdate": "published", "publish-date": "published",
    "publication_date": "published", "dc.date.issued": "published", "dcterms.issued": "published",
    "dc.date": "published", "parsely-pub-date": "published", "sailthru.date": "published",
    "article.published": "published", "datepublished": "published",
    "publisher": "outlet", "dc.publisher": "outlet", "application-name": "outlet",
    "dc.title": "title", "headline": "title",
}


def meta_tags(tree: Any) -> Layer:
    """The fields of the other tags: ``<link rel="canonical">``, ``<meta name=…>`` and
    ``itemprop`` tags, and the language of ``<html lang>`` or ``Content-Language``."""
    found: Layer = {}
    for link in tree.xpath("//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split() and "url" not in found:
            found["url"] = (link.get("href") or "", "meta tags (link rel=canonical)")
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("name") or meta.get("itemprop") or "").strip().lower()
        field = _META_NAMES.get(name)
        content = meta.get("content") or ""
        if field and field not in found and content.strip() and not (field == "author" and _is_address(content)):
            attribute = "itemprop" if meta.get("itemprop") and not meta.get("name") else "name"
            found[field] = (content, f"meta tags ({attribute}={name})")
        elif (meta.get("http-equiv") or "").lower() == "content-language" and "language" not in found:
            found["language"] = (content, "meta tags (Content-Language)")
    root = tree.getroottree().getroot()
    if (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")) and "language" not in found:
        found["language"] = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                             "the page's html lang attribute")
    return found


def choose(layers: Mapping[str, Layer], base: str | None) -> dict[str, Field]:
    """Each field's first value that checks out, by :data:`PRECEDENCE`; ``base`` resolves a
    relative address (a canonical link written ``/world/…``)."""
    chosen: dict[str, Field] = {}
    for field in FIELDS:
        for layer in PRECEDENCE[field]:
            raw = layers.get(layer, {}).get(field)
            value = _CLEAN[field](raw[0], base) if raw else None
            if raw and value:
                chosen[field] = Field(value, raw[1])
                break
    return chosen


def clean_text(value: str, base: str | None = None) -> str | None:
    """A name or title as one line of plain text: tags a page left in it dropped, spaces joined,
    control and format characters removed, character references read."""
    import html

    text = html.unescape(re.sub(r"<[^>]{0,200}>", " ", value))
    text = "".join(" " if c.isspace() else c for c in text
                   if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf"))
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return text if text and len(text) <= _MAX_FIELD else None


def clean_address(value: str, base: str | None = None) -> str | None:
    """An absolute http(s) address without fragment or tracking parameters (``utm_source`` …)."""
    value = value.strip()
    if base:
        value = urljoin(base, value)
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or re.search(r"[\s<>\"'`]", value) \
            or any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def clean_date(value: str, base: str | None = None) -> str | None:
    """An ISO date, or date and time, as the sidecar writes it (``2024-03-12T08:15:00+01:00``)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    return parsed.isoformat()


def clean_language(value: str, base: str | None = None) -> str | None:
    """A language code the sidecar accepts (``nb_NO`` and ``no`` become ``nb``)."""
    code = canonical_language(value.strip())
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    return code


_CLEAN: Mapping[str, Callable[[str, str | None], str | None]] = {
    "title": clean_text, "outlet": clean_text, "author": clean_text, "url": clean_address,
    "published": clean_date, "language": clean_language,
}

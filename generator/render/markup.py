"""Escaping and small HTML/Markdown builders shared by every page renderer.

Seed text and sidecar values are untrusted: they reach a page only through
:func:`escape_html` (inside raw HTML blocks) or :func:`escape_md` (inline Markdown), so
nothing in them can become markup, a link, template code, an attribute list or a
snippet include. Renderers produce strings; only :mod:`generator.output.site` writes files.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# Characters that can open Markdown (or extension, or template) syntax anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|~^<>&])")
# Characters that only open syntax at the start of a line (lists, quotes, headings).
_MD_LINE_START = re.compile(r"^(\d*)([-+.=>)])")
# C0/C1 controls other than tab and newline are not allowed in HTML text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Invisible characters that can hide or reorder text: every format character (Unicode
# category Cf: bidi embeddings, overrides and isolates, directional marks, zero-width
# space/joiners, word joiner, invisible operators, BOM, interlinear annotation, tags) except
# the soft hyphen, which web text uses legitimately; and the Hangul fillers, which show blank.
INVISIBLE = re.compile(
    "[\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0]")


def code_point(char: str) -> str:
    """``U+202E``."""
    return f"U+{ord(char):04X}"


def _invisible_span(match: re.Match[str]) -> str:
    char = match.group(0)
    name = unicodedata.name(char, "format character")
    return (f'<span class="cf-ctl" data-cf-cp="{code_point(char)}" title="{code_point(char)} {name}">'
            f"&#x{ord(char):X};</span>")


def show_invisible(text: str) -> str:
    """``text`` with each invisible character written as ``⟨U+202E⟩``: for places that
    cannot hold markup (titles in the page head, table cells, attribute values)."""
    return INVISIBLE.sub(lambda m: f"⟨{code_point(m.group(0))}⟩", text)


# One pass of str.translate: markup, entities, template and Markdown syntax, controls.
_ESCAPE_TEXT = {ord(c): r for c, r in {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;",
    "`": "&#96;", "\\": "&#92;", "_": "&#95;", "*": "&#42;"}.items()}
_ESCAPE_TEXT.update({c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]})
_ESCAPE_ATTRIBUTE = {**_ESCAPE_TEXT, ord('"'): "&quot;", ord("'"): "&#x27;"}
# Whether a text needs any of it: most texts (words, links) do not, and a search is faster than
# a translation that changes nothing.
_TEXT_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPE_TEXT) + "]|" + INVISIBLE.pattern)
_ATTRIBUTE_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPE_ATTRIBUTE) + "]|"
                                + INVISIBLE.pattern)


def escape_html(text: str, quote: bool = False) -> str:
    """Text for an HTML element or attribute: markup, entities and braces neutralised.

    Control characters become U+FFFD; braces and brackets become character references
    so that no template engine or Markdown extension sees syntax in them. ``quote``
    also escapes both quote marks, for attribute values.

    Invisible characters (:data:`INVISIBLE`: bidi overrides, zero-width characters) can
    neither reorder nor hide text: in element content (``quote=False``) each one is kept,
    so the text is exact, inside a ``span.cf-ctl`` that the stylesheet isolates
    (``unicode-bidi: isolate``) and labels with its code point; in attribute values it is
    written as ``⟨U+202E⟩``.
    """
    if quote:
        if not _ATTRIBUTE_SPECIAL.search(text):
            return text
        escaped = show_invisible(text).translate(_ESCAPE_ATTRIBUTE)
        return escaped
    if not _TEXT_SPECIAL.search(text):
        return text
    escaped = text.translate(_ESCAPE_TEXT)
    return INVISIBLE.sub(_invisible_span, escaped) if INVISIBLE.search(escaped) else escaped


def escape_md(text: str) -> str:
    """Text for inline Markdown (a heading, a table cell, a link text), on one line.

    Every character that could open Markdown syntax is written as a numeric character
    reference, which Python-Markdown renders as the character and never as syntax.
    Invisible characters are written as ``⟨U+202E⟩`` (a heading's text also goes to the
    table of contents and the page title, which hold no markup).
    """
    flat = " ".join(show_invisible(_CONTROL.sub("\ufffd", text)).split())
    flat = _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", flat)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", flat)


def attr(value: str) -> str:
    """A quoted HTML attribute value."""
    return '"' + escape_html(value, quote=True) + '"'


def declares(source_id: str, start: int, end: int) -> str:
    """The attribute by which an element declares the passage it shows (``source:start:end``):
    the build re-checks its visible text against the seed (:mod:`generator.output.provenance`)."""
    return f" data-cf-span={attr(f'{source_id}:{start}:{end}')}"


def page_url(page: str) -> str:
    """URL path of a page under MkDocs' ``use_directory_urls`` (``a/b.md`` → ``a/b/``)."""
    if page == "index.md":
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def href(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """Relative URL from one generated page to another (for links inside raw HTML); either may
    also be a file the site copies as it is (``dossier.html``, ``discrepancies/x-links.html``)."""
    return _relative_url(from_path, to_path) + (f"#{anchor}" if anchor else "")


def _folder(path: str) -> str:
    """The URL folder a generated file is read from: a page's own (``a/b.md`` is ``a/b/``), a
    copied file's parent."""
    if path.endswith(".md"):
        return page_url(path).rstrip("/") or "."
    return posixpath.dirname(path) or "."


@lru_cache(maxsize=65536)
def _relative_url(from_path: str, to_path: str) -> str:
    if not to_path.endswith(".md"):
        return posixpath.relpath(to_path, _folder(from_path))
    relative = posixpath.relpath(page_url(to_path).rstrip("/") or ".", _folder(from_path))
    return "./" if relative == "." else relative + "/"


def md_link(text: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link between pages (validated by MkDocs), its text escaped."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"[{escape_md(text)}]({target}{'#' + anchor if anchor else ''})"


@dataclass(frozen=True, order=True)
class Mark:
    """An annotation over ``[start, end)`` of a text: wrapped in ``open``…``close``."""

    start: int
    """Offset where the annotation opens."""
    end: int
    """Offset where it closes."""
    rank: int
    """Among marks with the same span, lower ranks go outside."""
    open: str
    """HTML that opens the annotation (trusted, built by a renderer)."""
    close: str
    """HTML that closes it."""
    reopen: str | None = None
    """HTML that opens a continuation piece (e.g. without the ``id``); ``open`` when unset."""


def annotate(text: str, start: int, end: int, marks: Iterable[Mark]) -> str:
    """Escaped ``text[start:end]`` with ``marks`` nested into it as HTML.

    Marks that overlap without nesting (a quote that spans two sentences) are split into
    pieces, closed and reopened at the boundary, so the HTML is always well-formed and
    the visible text is exactly ``text[start:end]``.
    """
    chosen = sorted({m for m in marks if start <= m.start < m.end <= end},
                    key=lambda m: (m.start, -m.end, m.rank, m.open))
    points = sorted({start, end, *(m.start for m in chosen), *(m.end for m in chosen)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    waiting = list(reversed(chosen))  # next to open at the end of the list
    active: list[Mark] = []
    for left, right in pairwise(points):
        active = [m for m in active if m.end > left]
        while waiting and waiting[-1].start <= left:
            active.append(waiting.pop())
        desired = sorted(active, key=lambda m: (m.start, -m.end, m.rank, m.open))
        keep = 0
        while keep < len(stack) and keep < len(desired) and stack[keep] is desired[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(mark.close)
        del stack[keep:]
        for mark in desired[keep:]:
            out.append(mark.open if mark not in opened else (mark.reopen or mark.open))
            opened.add(mark)
            stack.append(mark)
        out.append(escape_html(text[left:right]))
    for mark in reversed(stack):
        out.append(mark.close)
    return "".join(out)


def html_table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """An HTML table; headers are trusted labels, cells must already be escaped HTML."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cls = f' class="{css}"' if css else ""
    return f"<table{cls}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped Markdown."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


# Front matter keeping a bulky page of tables or pictures out of the search index (Material).
SEARCH_EXCLUDED = "---\nsearch:\n  exclude: true\n---\n"
# Attribute keeping one element (a claim table, a mention list, a picture) out of the search
# index: the passages in it are searched on their source pages.
NO_SEARCH = ' data-search-exclude=""'


def value_text(value: object) -> str:
    """A claim's value as a reader wants it: digits grouped, a converted unit ("40-pound" is
    18.143695 kg) to two decimals; the exact value is in ``case.json``."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        if abs(value) < 1:
            return f"{value:.3g}"
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f")
    if isinstance(value, float):
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return str(value)


def breadcrumb(page: str, trail: Sequence[tuple[str, str]], here: str) -> str:
    """Where a page that the navigation does not list sits (HTML): links to the pages above it
    (``trail``: text and generated page), then its own name."""
    links = [f"<a href={attr(href(page, target))}>{escape_html(text)}</a>" for text, target in trail]
    return (f'<nav class="cf-crumbs" aria-label="Breadcrumb">{" › ".join(links)} › '
            f'<span aria-current="page">{escape_html(here)}</span></nav>')

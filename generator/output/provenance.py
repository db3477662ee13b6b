"""Verified provenance: every passage the site shows is re-checked against its seed.

Two checks, both run by :func:`generator.pipeline.generate` before anything is written:

- :func:`verify` walks the case document (``case.json``): every record, at any depth, that
  has ``source``, ``start``, ``end`` and ``text`` (entity mentions, quotes, figures, dates,
  discrepancy claims, …) must quote the source's normalised text exactly at that span, and
  its ``anchor``, when it has one, must be the paragraph that holds ``start``.
- :func:`verify_page` reads a rendered page: on a source page, the visible text of every
  paragraph (``p.cf-p``, its pilcrow link left out) and sentence (``span.cf-s``, with its
  continuation pieces ``span.cf-s[data-cf-part]`` where a quote split it) must be the
  paragraph's or sentence's text, and every paragraph must be there; on any page, an
  element that declares the passage it shows with ``data-cf-span="SOURCE:START:END"``
  must show exactly that text.

A mismatch is a bug in a stage, never in the input: the build stops rather than publish a
passage that is not in its source.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from generator.errors import Problem
from generator.model.source import Source
from generator.output.records import Records

_FIX = ("a stage put text on the site that is not in its seed; this is a bug in casefile — "
        "report it with the seed, the build refuses to publish an unverified passage")


class ProvenanceError(Exception):
    """Passages on the site do not match their sources; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _short(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


_SPAN_KEYS = frozenset({"source", "start", "end", "text"})
_CONTAINERS = (Mapping, list, tuple, Records)
# A JSON path as a chain ``(parent, key)``, spelled out only for a record with a problem: a
# case of thousands of sources has millions of nodes.
Trail = tuple[Any, Any] | None


def _path(trail: Trail) -> str:
    parts: list[str] = []
    while trail is not None:
        trail, key = trail
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return "".join(reversed(parts)).lstrip(".")


def _records(value: Any, trail: Trail) -> Iterator[tuple[Trail, Mapping[str, Any]]]:
    """Every mapping in ``value`` that points into a source, with its JSON path (as a trail)."""
    if isinstance(value, Mapping):
        if _SPAN_KEYS <= value.keys():
            yield trail, value
        for key in sorted(value, key=str):
            child = value[key]
            if isinstance(child, _CONTAINERS):
                yield from _records(child, (trail, str(key)))
    elif isinstance(value, (list, tuple, Records)):
        for index, item in enumerate(value):
            if isinstance(item, _CONTAINERS):
                yield from _records(item, (trail, index))


class _Index:
    """A source with its paragraph starts, for finding the paragraph of an offset quickly."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.starts = [p.start for p in source.paragraphs]

    def paragraph_holding(self, offset: int) -> str | None:
        position = bisect.bisect_right(self.starts, offset) - 1
        if position < 0:
            return None
        paragraph = self.source.paragraphs[position]
        return paragraph.anchor if paragraph.start <= offset < paragraph.end else None


def verify(document: Mapping[str, Any], sources: Sequence[Source],
           page: str = "data/case.json") -> list[Problem]:
    """Problems with the passages of ``document``; empty when every one is exact."""
    index = {s.id: _Index(s) for s in sources}
    problems = []
    for trail, record in _records(document, None):
        source_id, start, end, text = record["source"], record["start"], record["end"], record["text"]
        target = index.get(source_id) if isinstance(source_id, str) else None
        if target is None:
            problems.append(Problem(page, 0, f"{_path(trail)} cites {source_id}: no such source", _FIX))
            continue
        source = target.source
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(source.text)):
            problems.append(Problem(page, 0, f"{_path(trail)} cites {source_id} [{start}:{end}]: the span is not "
                                             f"inside the source ({len(source.text)} characters)", _FIX))
            continue
        anchor = record.get("anchor")
        actual = source.text[start:end]
        holding = target.paragraph_holding(start) if "anchor" in record else anchor
        if text == actual and anchor == holding:
            continue
        passage = f"{_path(trail)} cites {source_id}#{anchor} [{start}:{end}]"
        if text != actual:
            problems.append(Problem(page, 0, f"{passage} shows {_short(str(text))}, "
                                             f"but the source reads {_short(actual)} there", _FIX))
        if anchor != holding:
            problems.append(Problem(page, 0, f"{passage}: the passage starts in paragraph "
                                             f"#{holding}, not #{anchor}", _FIX))
    return problems


# A tokenizer for the pages casefile renders (well-formed tags, quoted attributes): much
# faster than html.parser on a 50 MB source page, and it needs nothing else.
_MARKUP = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>"
    r"|<!--.*?-->|<![^>]*>|<\?[^>]*>|[^<]+|<", re.S)
_ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})


def page_texts(markup: str) -> list[tuple[dict[str, str], str]]:
    """``(attributes, visible text)`` of every element of ``markup`` that has attributes."""
    return list(iter_page_texts(markup))


def iter_page_texts(markup: str, position: int = 0,
                    one_element: bool = False) -> Iterator[tuple[dict[str, str], str]]:
    """``(attributes, visible text)`` of every element of ``markup`` that has attributes,
    as each element closes (so a huge page is not held twice in memory).

    Character references are decoded; the text of a pilcrow link (``a.cf-pilcrow``) and
    of script and style elements is left out. With ``one_element``, reading starts at the
    tag at ``position`` and stops when that element closes (it comes last).
    """
    # each open element: (name, attributes or None, text parts, is a pilcrow)
    stack: list[tuple[str, dict[str, str] | None, list[str], bool]] = [("#root", None, [], False)]
    skip = 0
    length = len(markup)
    while position < length:
        if one_element and len(stack) == 1 and stack[0][2]:
            return  # the element has closed
        token = _MARKUP.match(markup, position)
        assert token is not None  # the last alternative matches any character
        position = token.end()
        name = token.group(2)
        if name is None:
            text = token.group(0)
            if not skip and len(stack) > 1 and not text.startswith(("<!", "<?")):
                stack[-1][2].append(html.unescape(text) if "&" in text else text)
            continue
        name = name.lower()
        if token.group(1):  # an end tag: close up to the matching element
            if stack[-1][0] != name and not any(open_name == name for open_name, *_ in stack[1:]):
                continue
            while len(stack) > 1:
                open_name, attributes, parts, pilcrow = stack.pop()
                skip -= pilcrow
                text = "".join(parts)
                if len(stack) > 1:
                    stack[-1][2].append(text)
                if attributes is not None:
                    yield attributes, text
                if open_name == name:
                    break
            continue
        if name in _VOID or token.group(0).endswith("/>"):
            continue
        if name in _RAW_TEXT:
            close = re.compile(f"</{name}\\s*>", re.I).search(markup, position)
            position = close.end() if close else length
            continue
        attributes = None
        if token.group(3):
            attributes = {}
            for key, a, b, c in _ATTRIBUTE.findall(token.group(3)):
                value = a or b or c
                attributes[key.lower()] = html.unescape(value) if "&" in value else value
        pilcrow = name == "a" and attributes is not None and "cf-pilcrow" in attributes.get("class", "").split()
        skip += pilcrow
        if one_element and len(stack) == 1:
            stack[0][2].append("")  # the element has opened: stop when it closes
        stack.append((name, attributes, [], pilcrow))
    while len(stack) > 1:
        open_name, attributes, parts, pilcrow = stack.pop()
        text = "".join(parts)
        if len(stack) > 1:
            stack[-1][2].append(text)
        if attributes is not None:
            yield attributes, text


def verify_page(markup: str, page: str, sources: Sequence[Source] | Mapping[str, Source],
                source: Source | None = None) -> list[Problem]:
    """Problems with the passages shown on one rendered page (Markdown with raw HTML, or
    the HTML MkDocs built from it); ``source`` when the page is that source's page.
    ``sources`` may be given by id (a caller checking thousands of pages builds that once)."""
    by_id = sources if isinstance(sources, Mapping) else {s.id: s for s in sources}
    problems = [problem for attributes, text in declared_passages(markup)
                for problem in _check_declared(attributes["data-cf-span"], text, page, by_id)]
    if source is None:
        return problems
    seen: set[str] = set()
    expected: dict[str, tuple[str, int, int]] = {}
    for paragraph in source.paragraphs:
        expected[paragraph.anchor] = ("paragraph", paragraph.start, paragraph.end)
        for sentence in paragraph.sentences:
            expected[sentence.anchor] = ("sentence", sentence.start, sentence.end)
    # Each anchor's pieces (its element, then any continuation pieces) are checked as they
    # close, against the source text from where the previous piece ended: no page text is kept.
    consumed: dict[str, int] = {}  # anchor → characters of its passage matched so far
    wrong: dict[str, str] = {}  # anchor → what the page shows where it departs from the source
    closed: dict[str, int] = {}  # anchor → rank of its first piece in the page
    # the source's paragraphs are in its text block: only that is read element by element (the
    # card and the list of findings hold none, and were two fifths of a page's markup)
    begin = markup.find(TEXT_BLOCK)
    for values, text in iter_page_texts(markup, begin, one_element=True) if begin >= 0 else iter_page_texts(markup):
        classes = values.get("class", "").split()
        if {"cf-p", "cf-s"} & set(classes):
            anchor = values.get("id") or values.get("data-cf-part", "")
            if anchor in expected and anchor not in wrong:
                seen.add(anchor)
                closed.setdefault(anchor, len(closed))
                _, start, end = expected[anchor]
                at = start + consumed.get(anchor, 0)
                if at + len(text) <= end and source.text.startswith(text, at):
                    consumed[anchor] = consumed.get(anchor, 0) + len(text)
                else:
                    wrong[anchor] = text
    # in the order the page closes them (a sentence before its paragraph)
    for anchor in sorted(seen, key=lambda a: closed[a]):
        kind, start, end = expected[anchor]
        if anchor in wrong or consumed.get(anchor, 0) != end - start:
            text = wrong.get(anchor, source.text[start:start + consumed.get(anchor, 0)])
            problems.append(Problem(page, 0, f"{kind} #{anchor} shows {_short(text)}, but "
                                             f"{source.id} reads {_short(source.text[start:end])} there", _FIX))
    missing = [anchor for anchor in expected if anchor not in seen]
    if missing:
        problems.append(Problem(page, 0, f"{len(missing)} passage(s) of {source.id} are not shown "
                                         f"(first: #{missing[0]})", _FIX))
    return problems


_DECLARED = "data-cf-span="
TEXT_BLOCK = '<div class="cf-text"'
"""How a source page's text block opens (:func:`~generator.render.source_page.source_text`)."""


def declared_passages(markup: str) -> Iterator[tuple[dict[str, str], str]]:
    """``(attributes, visible text)`` of every element that declares its passage with
    ``data-cf-span``. Only those elements are read, not the whole page: on a page of tables
    and links the passages are a small part of the markup."""
    found = markup.find(_DECLARED)
    while found >= 0:
        tag = markup.rfind("<", 0, found)
        texts = deque(iter_page_texts(markup, tag, one_element=True), maxlen=1)  # the element's own, last
        element = texts[0] if texts else None
        if element is not None and _DECLARED[:-1] in element[0]:
            yield element
        found = markup.find(_DECLARED, found + len(_DECLARED))


def _check_declared(span: str, text: str, page: str, by_id: Mapping[str, Source]) -> list[Problem]:
    source_id, _, offsets = html.unescape(span).rpartition(":")
    source_id, _, start_text = source_id.rpartition(":")
    source = by_id.get(source_id)
    try:
        start, end = int(start_text), int(offsets)
    except ValueError:
        return [Problem(page, 0, f"passage data-cf-span={span!r} is not SOURCE:START:END", _FIX)]
    if source is None or not 0 <= start <= end <= len(source.text):
        return [Problem(page, 0, f"passage {span} points outside the sources", _FIX)]
    if text != source.text[start:end]:
        return [Problem(page, 0, f"passage {span} shows {_short(text)}, but the source reads "
                                 f"{_short(source.text[start:end])} there", _FIX)]
    return []

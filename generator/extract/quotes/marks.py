"""Where the quotes are: every style of quote marks, quotes that run over paragraphs, the dialogue dash.

Styles: ``“…”``, ``"…"``, ``''…''``, ``‘…’``, ``'…'``, ``«…»``, ``„…“``, ``» … «``, marks mixed
in one quote (``“…"``, ``"…”``, ``„…"``, ``“…’’``: typed and typeset marks meet in pasted text),
and the dialogue dash that opens a paragraph (``– De gjør narr av nesen min, sier …, hikster
han.``). Apostrophes are not quote marks. A quote may span sentences; one that runs over
paragraphs opens a paragraph's mark without closing it, and the next paragraph opens again
(the printer's convention): each paragraph's part is a quote of its own, marked ``runs_on``
so that the next part continues it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.model.source import Paragraph, Source
from generator.text.words import WORD_OR_INTEGER

# (style name, pattern whose group 1 is the quoted text), in order of preference.
_MARK_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.DOTALL)) for name, pattern in (
        ("guillemets", r"«([^«»\n]+)»"),
        ("low-high", r"„([^„“”\"\n]+)[“”]"),
        ("curly", r"“([^“”\"\n]+)”"),
        ("reversed-guillemets", r"»([^»«\n]+)«"),
        ("double-apostrophes", r"''((?:(?!'')[^\n])+)''"),
        ("mixed", r"[“„]([^„“”\"\n]+)(?:\"|’’|'')"),  # “…"  „…"  “…’’
        ("mixed", r"(?<![\w.,;:!?])\"([^„“”\"\n]+)”"),  # "…”
        ("straight", r"\"([^\"\n]+)\""),
        ("curly-single", r"(?<![\w‘’])‘(\S(?:[^\n]*?\S)?)’(?![\w’])"),
        ("curly-unclosed", r"“([^“”\n]+)“"),
        ("straight-single", r"(?<![\w'])'(?=[^\s'])((?:[^'\n]|'(?=\w))+?)(?<=\S)'(?![\w'])"),
    )
)


_OPENING = re.compile(r"[“„«»]|(?<![\w.,;:!?])\"(?=\S)")  # a mark that may open a quote left open


_OPENING_STYLE = {"“": "curly", "„": "low-high", '"': "straight", "«": "guillemets", "»": "reversed-guillemets"}


_CLOSING = {"«": ("»",), "»": ("«",)}  # what closes each opening mark; the double marks close each other
_DOUBLE_CLOSING = ("”", "“", '"', "’’", "''")





_MIN_WORDS = 3


@dataclass
class RawQuote:
    """A quote found in a paragraph, before its speaker is known."""

    start: int
    """Offset of the quoted text's first character (inside the marks)."""
    end: int
    """Offset one past its last character."""
    outer_start: int
    """Offset of the opening mark (or dash)."""
    outer_end: int
    """Offset one past the closing mark (or the end of the quote's part of the paragraph)."""
    style: str
    """How it is marked: ``curly``, ``guillemets``, ``mixed``, ``dash``, …"""
    paragraph: Paragraph
    """The paragraph it stands in."""
    attribution: tuple[int, int] | None = None
    """Where a dash quote's attribution lies (``, sier han``)."""
    runs_on: bool = False
    """Whether the quote is left open at the paragraph's end and goes on in the next paragraph."""


def mark_quotes(text: str, paragraph: Paragraph) -> list[RawQuote]:
    """The quotes between quote marks in one paragraph (the first pattern in order keeps a span)."""
    candidates = []
    for rank, (style, pattern) in enumerate(_MARK_PATTERNS):
        for m in pattern.finditer(text, paragraph.start, paragraph.end):
            candidates.append((m.start(), -(m.end() - m.start()), rank, style, m))
    candidates.sort(key=lambda c: (c[2], c[0]))
    kept: list[RawQuote] = []
    for _, _, _, style, m in candidates:
        if any(m.start() < k.outer_end and k.outer_start < m.end() for k in kept):
            continue
        start, end = m.start(1), m.end(1)
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end -= len(inner) - len(inner.rstrip(" \u00a0\u202f\t,"))
        if end <= start:
            continue
        kept.append(RawQuote(start, end, m.start(), m.end(), style, paragraph))
    return kept


def left_open(text: str, paragraph: Paragraph, kept: list[RawQuote], following: Paragraph | None) -> RawQuote | None:
    """The part of a quote that runs over paragraphs: a mark opened in ``paragraph`` and never
    closed, where the ``following`` paragraph opens with a mark of the same kind. It runs from
    the mark to the paragraph's end."""
    if following is None:
        return None
    reopening = text[following.start:following.end].lstrip()[:1]
    if reopening not in _OPENING_STYLE:
        return None
    for m in _OPENING.finditer(text, paragraph.start, paragraph.end):
        at = m.start()
        if any(k.outer_start <= at < k.outer_end for k in kept):
            continue
        mark = m.group(0)
        rest = text[at + 1:paragraph.end]
        if any(close in rest for close in _CLOSING.get(mark, _DOUBLE_CLOSING)):
            return None  # a mark further on closes it, or closes something: not left open
        if (mark in _CLOSING) != (reopening in _CLOSING) or (mark in _CLOSING and reopening != mark):
            return None  # the next paragraph opens another kind of quote
        start = at + 1 + len(rest) - len(rest.lstrip())
        end = paragraph.end - (len(rest) - len(rest.rstrip()))
        return RawQuote(start, end, at, paragraph.end, _OPENING_STYLE[mark], paragraph, runs_on=True) \
            if end > start else None
    return None


def is_quote(text: str, raw: RawQuote) -> bool:
    """Quotes say something; titles and terms («Avengers»-premieren, ''N'' word) do not."""
    inner = text[raw.start:raw.end]
    words = WORD_OR_INTEGER.findall(inner)
    if raw.outer_end < len(text) and text[raw.outer_end] == "-" and raw.outer_end + 1 < len(text) \
            and text[raw.outer_end + 1].isalpha():
        return False
    if len(words) >= _MIN_WORDS:
        return not (len(words) <= 4 and all(w[:1].isupper() for w in words) and inner[-1:] not in ".!?")
    return len(words) == 2 and inner[-1:] in ".!?"


def is_cross_head(text: str, raw: RawQuote) -> bool:
    """A quote that is all its paragraph holds, a few words without a sentence's end: a cross-head
    quoting words said further on ('Not a swap'), not a quote that goes on from the one before."""
    paragraph = raw.paragraph
    outside = text[paragraph.start:raw.outer_start] + text[raw.outer_end:paragraph.end]
    inner = text[raw.start:raw.end].rstrip()
    return (not outside.strip(" -–—") and len(WORD_OR_INTEGER.findall(inner)) <= 5
            and inner[-1:] not in ".!?…" and not raw.runs_on)


def quotes_in(source: Source, dash_quotes: Callable[[Paragraph], list[RawQuote]] | None = None) -> list[RawQuote]:
    """Every quote between marks in the article's paragraphs, in text order, with the parts of
    quotes that run over paragraphs (``dash_quotes``: a function giving a paragraph's dash quotes,
    which win over marks they overlap)."""
    text = source.text
    raws: list[RawQuote] = []
    paragraphs = source.paragraphs
    for paragraph in paragraphs:
        if paragraph.furniture is not None:
            continue
        in_paragraph = dash_quotes(paragraph) if dash_quotes is not None else []
        marked = mark_quotes(text, paragraph)
        following = paragraphs[paragraph.index] if paragraph.index < len(paragraphs) else None
        opened = left_open(text, paragraph, marked, following if following and following.furniture is None else None)
        for raw in (*marked, *((opened,) if opened else ())):
            if any(raw.outer_start < d.outer_end and d.outer_start < raw.outer_end for d in in_paragraph):
                continue
            if is_quote(text, raw):
                in_paragraph.append(raw)
        raws.extend(sorted(in_paragraph, key=lambda r: r.start))
    return raws

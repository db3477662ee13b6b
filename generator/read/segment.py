"""Segment stage: paragraphs and sentences with character spans and stable anchors.

Paragraphs are separated by blank lines; a text with no blank line at all has one
paragraph per line. Anchors are positional (``p1``, ``p2``, …; ``p3-s2`` for sentences):
editing a paragraph's words never moves another paragraph's anchor.
"""

from __future__ import annotations

import re

from generator.lang import language_data, word_set
from generator.model.source import Paragraph, Sentence
from generator.read.language import frequent_words
from generator.text.words import LETTER_RUN, SENTENCE_OPENERS

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# A candidate sentence end: terminal punctuation, optional closing quotes or brackets,
# then whitespace. Whether it really ends a sentence is decided by _is_boundary.
_END = re.compile(r"[.!?…]+[\"'”’»“)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``, whitespace around each trimmed."""
    if _BLANK_LINE.search(text):
        pieces = []
        position = 0
        for match in _BLANK_LINE.finditer(text):
            pieces.append((position, match.start()))
            position = match.end()
        pieces.append((position, len(text)))
    else:
        pieces = []
        position = 0
        for line in text.split("\n"):
            pieces.append((position, position + len(line)))
            position += len(line) + 1
    spans = []
    for start, end in pieces:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


_SPACE = re.compile(r"\s*")


def _word_before(paragraph: str, end: int) -> str:
    """The run of word characters (and ``.'’-``) that ends at ``end``.

    Searched in a window that grows only while the run fills it, so a long paragraph is
    not rescanned from its start at every full stop.
    """
    window = 64
    while True:
        low = max(0, end - window)
        found = _WORD_BEFORE.search(paragraph, low, end)
        if found is None:
            return ""
        if found.start() > low or low == 0:
            return found.group(1)
        window *= 4


def _is_boundary(paragraph: str, match: re.Match[str], language: str) -> bool:
    space = _SPACE.match(paragraph, match.end())  # always matches, maybe nothing
    after = space.end() if space is not None else match.end()
    if after >= len(paragraph):
        return False
    following = paragraph[after]
    if not (following.isupper() or following.isdigit() or following in SENTENCE_OPENERS):
        return False
    punct = match.group(0)
    if not punct.startswith("."):
        return True
    word = _word_before(paragraph, match.start())
    bare = word.lower().strip("'’")
    if len(word) == 1 and word.isupper():  # an initial: "J. K. Rowling"
        return False
    if bare in word_set(language, "sentence_final_abbreviations"):
        return True  # "at 3 a.m. Officers found …", "usw. Die Polizei …"
    if bare in word_set(language, "abbreviations") or re.fullmatch(r"(?:\w\.)+\w", word):
        # "Dec. 8", "Mr. Smith", "U.S. officials": not an end, unless a common word such as
        # "They" follows, which starts a sentence far more often than it continues a name.
        next_word = LETTER_RUN.match(paragraph, after)
        return next_word is not None and next_word.group(0).lower() in frequent_words(language)
    if word.isdigit() and len(word) <= 2 and language_data(language).get("ordinal_period"):
        return False
    return True


def split_sentences(paragraph: str, language: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph (offsets relative to the paragraph)."""
    spans = []
    start = 0
    for match in _END.finditer(paragraph):
        if _is_boundary(paragraph, match, language):
            spans.append((start, match.end()))
            start = match.end()
            while start < len(paragraph) and paragraph[start].isspace():
                start += 1
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(s, e) for s, e in spans if paragraph[s:e].strip()]


def segment(text: str, language: str) -> tuple[Paragraph, ...]:
    """Paragraphs of ``text`` with their sentences, anchored ``p1``… and ``p1-s1``…."""
    paragraphs = []
    for index, (start, end) in enumerate(split_paragraphs(text), start=1):
        anchor = f"p{index}"
        sentences = tuple(
            Sentence(f"{anchor}-s{n}", start + s, start + e)
            for n, (s, e) in enumerate(split_sentences(text[start:end], language), start=1)
        )
        paragraphs.append(Paragraph(anchor, index, start, end, sentences))
    return tuple(paragraphs)

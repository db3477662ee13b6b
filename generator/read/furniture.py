"""Page furniture: the lines of a web page pasted with an article that are not the article.

Photo credits and captions ("Image copyright EPA Image caption …", "… (AFP/Getty Images)"),
gallery items ("4/16 2007 Students recite prayers …"), related-story strips and "Read more"
links, newsletter prompts, advertisements, share buttons, agency credit lines ("(AFP/fur)") and
bylines written alone. The source page still shows them, set apart; no stage reads them, so
they make no entity, quote, figure, date or finding.

A paragraph is furniture by the first rule of :data:`RULES` that holds, each named; the
patterns and words are language data (``furniture_*`` keys of ``generator/lang/<code>/`` and
``_all/``). Two rules look at the paragraphs around: the title a gallery repeats, and the short
paragraphs after a header such as "Read more:" (a block of links).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from generator.lang import SHARED_DIR, language_data, shared_data, word_set
from generator.model.source import Paragraph
from generator.text import lexicon as lex
from generator.text.words import WORD_AND_TAIL

_CAPTION_WORDS = 45  # a paragraph this short that ends in a photo credit is a caption
_BLOCK_WORDS = 25  # paragraphs after a "Read more:" header this short are its links
_NAME_ALONE = re.compile(r"[^\W\d_][\w'’\-]*(?:[ \u00a0][^\W\d_][\w'’\-]*){1,2}")


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """The language's furniture line patterns and the shared ones, each matched at a paragraph's start."""
    found = [*language_data(language).get("furniture_line_patterns"), *shared_data().get("furniture_line_patterns")]
    return tuple(re.compile(str(pattern), re.IGNORECASE) for pattern in found)


@cache
def _credit() -> re.Pattern[str] | None:
    """A photo credit ending a paragraph: "(AFP/Getty Images)", ".Getty Images", "Foto: Keystone"."""
    names = sorted((str(n) for n in shared_data().get("furniture_credits")), key=len, reverse=True)
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in names)
    # in brackets, or right after the caption's last sentence: not "…, he told AFP."
    return re.compile(rf"(?:\((?:[\w .-]+/)?(?:{alternation})\)|(?<=[.!?»”\"])[ \u00a0]?(?:{alternation}))\.?\s*$")


def _line_pattern(text: str, language: str) -> bool:
    return any(p.match(text) for p in _patterns(language))


def _caption_with_credit(text: str, language: str) -> bool:
    credit = _credit()
    return credit is not None and len(text.split()) <= _CAPTION_WORDS and credit.search(text) is not None


def _name_alone(text: str, language: str) -> bool:
    """A byline or credit: two or three capitalised words and nothing else, none an ordinary word
    of the language ("Konstantin Furrer"; not a heading such as "Massive Damage")."""
    if not _NAME_ALONE.fullmatch(text):
        return False
    words = text.split()
    return all(w[:1].isupper() and not lex.is_common_word(w, language) for w in words)


Rule = tuple[str, Callable[[str, str], bool]]

RULES: tuple[Rule, ...] = (
    ("furniture line", _line_pattern),
    ("caption with a credit", _caption_with_credit),
    ("name alone", _name_alone),
)
"""What makes one paragraph furniture, in order: a line the language data names (credits,
captions, gallery items, links, prompts), a short paragraph ending in a photo credit, a byline."""


def _block_header(text: str, language: str) -> bool:
    headers = word_set(language, "furniture_block_headers") | word_set(SHARED_DIR, "furniture_block_headers")
    return text.rstrip(" :").lower() in headers


def _links_after(bodies: Sequence[str], header: int) -> range:
    """The paragraphs after a links header that are its links: of the short paragraphs after it,
    up to the last one that ends without a full stop (a headline; an article sentence ends in one)."""
    run = header + 1
    while run < len(bodies) and len(WORD_AND_TAIL.findall(bodies[run])) <= _BLOCK_WORDS:
        run += 1
    last = max((j for j in range(header + 1, run) if bodies[j][-1:] not in ".!?\"”»"), default=header)
    return range(header + 1, last + 1)


def mark_furniture(text: str, paragraphs: Sequence[Paragraph], language: str) -> tuple[Paragraph, ...]:
    """``paragraphs`` with ``furniture`` set to the name of the rule that makes each one furniture."""
    bodies = [text[p.start:p.end].strip() for p in paragraphs]
    marks: list[str | None] = []
    for body, paragraph in zip(bodies, paragraphs, strict=True):
        own = paragraph.language or language
        rules = RULES if paragraph.index > 1 else RULES[:2]  # the first paragraph is the headline, no byline
        marks.append(next((name for name, holds in rules if holds(body, own)), None))
    for i, body in enumerate(bodies):
        if _block_header(body, paragraphs[i].language or language):
            marks[i] = marks[i] or "links header"
            for j in _links_after(bodies, i):
                marks[j] = marks[j] or "links after a header"
    for i in range(len(bodies) - 1):  # "Afghanistan: Between Hope and Fear", then "16 show all Afghanistan: …"
        title, following = bodies[i], bodies[i + 1]
        if marks[i] is None and marks[i + 1] and title and len(title.split()) <= 12 and title in following:
            marks[i] = "title of what follows"
    return tuple(replace(p, furniture=mark) if mark else p for p, mark in zip(paragraphs, marks, strict=True))

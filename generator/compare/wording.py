"""How the comparison reads words: tokens with their lemmas, content words, hedges and clauses.

A token's lemma is simplemma's (:mod:`generator.text.lemmas`), so that "said" and "says" are
one word across sources. A content word is a word that is neither a hedge, a number, a
single letter, nor one of the language's ``claim_stopwords`` (as written or as lemma).
Hedges are the language's ``claim_hedges`` ("probably", "I think"), longest first; clauses
are cut at punctuation and at the language's ``claim_conjunctions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from generator.lang import word_set
from generator.text.lemmas import lemma_of
from generator.text.words import WORD_OR_NUMBER

_CLAUSE_BREAK = re.compile(r"[,;:.!?–—()]")


@cache
def claim_stopwords(language: str) -> frozenset[str]:
    """The language's function words: no content word is one of them."""
    return word_set(language, "claim_stopwords")


@cache
def hedge_words(language: str) -> tuple[str, ...]:
    """The language's hedges, longest first (so that "i think" is found before "think" could be)."""
    return tuple(sorted(word_set(language, "claim_hedges"), key=len, reverse=True))


@dataclass(frozen=True)
class Token:
    """One word of a sentence or quote, as the comparison reads it."""

    start: int
    """Offset of its first character in the text tokenised."""
    end: int
    """Offset one past its last character."""
    word: str
    """The word as written."""
    lemma: str
    """Its lemma, lower case."""
    content: bool
    """Whether it is a content word (no hedge, number, single letter or function word)."""
    hedge: bool
    """Whether it is a hedge."""


def tokenise(text: str, start: int, end: int, language: str) -> list[Token]:
    """The tokens of ``text[start:end]``, offsets in ``text``."""
    stop = claim_stopwords(language)
    hedges = set(hedge_words(language))
    out = []
    for m in WORD_OR_NUMBER.finditer(text, start, end):
        word = m.group(0)
        lower = word.lower().replace("’", "'")
        lemma = lemma_of(word, language)
        is_hedge = lower in hedges
        content = (not is_hedge and not lower[:1].isdigit() and len(lower) > 1
                   and lower not in stop and lemma not in stop)
        out.append(Token(m.start(), m.end(), word, lemma, content, is_hedge))
    return out


def split_clauses(text: str, tokens: list[Token], language: str) -> list[list[Token]]:
    """Tokens cut at punctuation and at coordinating conjunctions ("and", "og", "und", "et"), which are dropped."""
    conjunctions = word_set(language, "claim_conjunctions")
    clauses: list[list[Token]] = [[]]
    previous_end = tokens[0].start if tokens else 0
    for token in tokens:
        gap = text[previous_end:token.start]
        if _CLAUSE_BREAK.search(gap) or token.word.lower() in conjunctions:
            if clauses[-1]:
                clauses.append([])
        if token.word.lower() not in conjunctions:
            clauses[-1].append(token)
        previous_end = token.end
    return [c for c in clauses if c]


@lru_cache(maxsize=100_000)
def hedge_in(text: str, language: str) -> str | None:
    """The longest hedge ``text`` uses as a whole word or phrase, if any."""
    lower = " " + re.sub(r"\s+", " ", text.lower().replace("’", "'")) + " "
    for hedge in hedge_words(language):
        if f" {hedge} " in lower or f" {hedge}," in lower or f" {hedge}." in lower:
            return hedge
    return None


def has_content_word(text: str, language: str) -> bool:
    """Whether a word of ``text`` is not one of the language's function words."""
    stop = claim_stopwords(language)
    return any(w.lower() not in stop for w in WORD_OR_NUMBER.findall(text))

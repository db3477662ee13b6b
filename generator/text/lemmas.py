"""Lemmas: the dictionary form of a word, so that "said" and "says" compare as one word.

simplemma's default lemmatizer (not greedy) over its own dictionaries, kept decoded in the
derived-data cache (decoding the shipped form takes up to half a second a language, in every
process), and the language's ``lemma_rewrites`` after it (one spelling of a word: criticise,
criticize). Lemmas worked out with each source's analysis are primed, so that comparing a
case whose analyses come from the cache loads no dictionary at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DEFAULT_DICTIONARY_FACTORY,
    MappingStrToByteString,
)

from generator.lang import language_data
from generator.text.words import WORD_OR_NUMBER
from generator.util.derived import persistent, release

# Lemmas worked out with each source's own analysis (in parallel, and cached with it), so
# that comparing a case whose analyses all come from the cache loads no lemma dictionary
# (loading simplemma's four dictionaries takes seconds). Filled by :func:`prime_lemmas`.
_PRIMED: dict[tuple[str, str], str] = {}


def word_lemmas(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """``(word, lemma)`` for each distinct word of ``text`` as the comparison reads words
    (lower case, typographic apostrophe straightened), sorted."""
    words = sorted({m.group(0).lower().replace("’", "'") for m in WORD_OR_NUMBER.finditer(text)})
    return tuple((word, lemma_of(word, language)) for word in words)


def prime_lemmas(language: str, pairs: Iterable[tuple[str, str]]) -> None:
    """Remember lemmas from :func:`word_lemmas` (the same function's results: a word not
    primed is still lemmatised, so priming changes only how fast it goes)."""
    for word, lemma in pairs:
        _PRIMED[(word, language)] = lemma


@persistent
def _lemma_dictionary(language: str) -> dict[bytes, bytes]:
    """simplemma's dictionary for ``language``, decoded. Its shipped form is front-coded and
    takes up to half a second a language to decode, in every process; kept as a pickle in
    the derived-data cache it loads three times faster."""
    table = DEFAULT_DICTIONARY_FACTORY.get_dictionary(language)
    return {key.encode(): value.encode() for key, value in table.items()}


@cache
def _dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's view of :func:`_lemma_dictionary`, made once a language."""
    return MappingStrToByteString(_lemma_dictionary(lang))


class _Dictionaries:
    """simplemma's dictionary factory, reading :func:`_lemma_dictionary`."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return _dictionary(lang)


def release_dictionaries() -> None:
    """Drop the lemma dictionaries from memory, with every other derived table: once each
    source's words are primed, comparing needs them only for a stray word (then they load
    again, the same)."""
    _dictionary.cache_clear()
    release()


# simplemma's default lemmatizer (not greedy), over the cached dictionaries
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_Dictionaries()))


@lru_cache(maxsize=200_000)
def lemma_of(word: str, language: str) -> str:
    """The lemma of ``word`` (lower case, typographic apostrophe straightened): primed, else worked out."""
    lower = word.lower().replace("’", "'")
    primed = _PRIMED.get((lower, language))
    if primed is not None:
        return primed
    try:
        lemma = _LEMMATIZER.lemmatize(lower, lang=language).lower()
    except ValueError:
        lemma = lower
    for pattern, replacement in _rewrites(language):  # one spelling of a word: criticise / criticize
        lemma = pattern.sub(replacement, lemma)
    return lemma


@cache
def _rewrites(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The language's ``lemma_rewrites``, compiled."""
    return tuple((re.compile(str(pattern)), str(replacement))
                 for pattern, replacement in language_data(language).get("lemma_rewrites") or ())

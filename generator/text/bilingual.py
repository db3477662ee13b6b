"""Words across languages: may a word of one language translate a word of another?

Each language other than the pivot (:data:`~generator.lang.PIVOT_LANGUAGE`, English) has a table
of its words and the English words they may translate as (``generator/lang/<code>/bilingual/
en.tsv``, made from FreeDict by :mod:`generator.text.freedict` and shipped: nothing is
downloaded). Two words of other languages are compared through English: German "Passagiere"
(passenger) and French "passagers" (passenger) share one. A word is looked up as written and by
its lemma (:func:`~generator.text.lemmas.lemma_of`), case-folded, so inflected forms are found
("nesen" is "nese", *nose*). A word joined to a part by an apostrophe that the language lists as
a word of its own (``clitics``: English "n't", German "'s") is read as both: "don't" is *do* and
*not*, "it's" is *it*. A table is loaded only when a word of its language is asked about,
and kept parsed in the derived-data cache.

The dictionaries are small and general: a missing translation says nothing (Norwegian "sterk" is
given only as *hot*), and a word with many senses may translate words of other senses (German
"sein" is *be* and *his*). Callers weigh a match accordingly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from generator.lang import PIVOT_LANGUAGE, bilingual_table, canonical_language, language_data
from generator.text.lemmas import lemma_of
from generator.text.words import fold


@lru_cache(maxsize=200_000)
def pivot_words(word: str, language: str) -> frozenset[str]:
    """The English words ``word`` of ``language`` may translate as (case-folded): for an English
    word, the word and its lemma; otherwise what the language's table gives for the word as
    written and for its lemma (empty when the table does not hold it, or there is no table)."""
    language = canonical_language(language)
    written = word.casefold().replace("’", "'")
    lemma = lemma_of(word, language).casefold()
    table = bilingual_table(language)
    found = {written, lemma} if language == PIVOT_LANGUAGE else {*table.get(written, ()), *table.get(lemma, ())}
    if not found:
        found.update(next((table[stem] for stem in _stems(lemma.casefold(), language) if stem in table), ()))
    split = _clitic(written, language)
    if split is not None:
        stem, meanings = split
        found.update(meanings)
        found.update(pivot_words(stem, language))
    return frozenset(found)


def _stems(lemma: str, language: str) -> Iterator[str]:
    """The forms the language's ``bilingual_stems`` make of a lemma its table lacks, in order."""
    for pattern, replacement in _stem_rules(language):
        if pattern.search(lemma):
            yield pattern.sub(replacement, lemma)


@cache
def _stem_rules(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(str(pattern)), str(replacement))
                 for pattern, replacement in language_data(language).get("bilingual_stems") or ())


def _clitic(written: str, language: str) -> tuple[str, tuple[str, ...]] | None:
    """The word without the part an apostrophe joins to it, and the English words that part means,
    when the language lists the part among its ``clitics`` (the longest that fits)."""
    if "'" not in written:
        return None
    parts: dict[str, list[str]] = language_data(language).get("clitics") or {}
    for part in sorted(parts, key=lambda p: (-len(p), p)):
        if part.endswith("'"):
            fits = written.startswith(part)
            stem = written[len(part):]
        else:
            fits = written.endswith(part)
            stem = written[:-len(part)]
        if fits and stem:
            return stem, tuple(str(m).casefold() for m in parts[part])
    return None


def has_table(language: str) -> bool:
    """Whether words of ``language`` can be compared with other languages' (English, or a table)."""
    language = canonical_language(language)
    return language == PIVOT_LANGUAGE or bool(bilingual_table(language))


def shared_meanings(word_a: str, lang_a: str, word_b: str, lang_b: str) -> frozenset[str]:
    """The English words both words may translate as (empty when none)."""
    return pivot_words(word_a, lang_a) & pivot_words(word_b, lang_b)


def same_meaning(word_a: str, lang_a: str, word_b: str, lang_b: str) -> bool:
    """Whether two words may mean the same thing: in one language, the same lemma (or the same
    word, accents and case aside); across languages, an English word both may translate as, or
    the same spelling (a name, a loanword).

    ``same_meaning("Passagiere", "de", "passagers", "fr")`` and ``same_meaning("soldats", "fr",
    "soldiers", "en")`` hold; ``same_meaning("Soldaten", "de", "troops", "en")`` does not: the
    dictionary gives *Truppen* for *troops*, and *soldier* for *Soldat*.
    """
    if fold(word_a) == fold(word_b):
        return True
    if canonical_language(lang_a) == canonical_language(lang_b):
        return lemma_of(word_a, lang_a).casefold() == lemma_of(word_b, lang_b).casefold()
    return bool(shared_meanings(word_a, lang_a, word_b, lang_b))

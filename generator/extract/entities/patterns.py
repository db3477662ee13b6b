"""What entity extraction reads of a language: its word lists, traits and hook, and the patterns
built from them, once per language; and the patterns every language shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from generator.lang import hook, language_data, shared_data, trait, word_set
from generator.text import lexicon as lex
from generator.text.words import UPPER_CLASS

_WORDC = r"[^\W_]"

# A capitalised word: "Keaton", "O'Brien", "Jean-Pierre", "U.S", "Beckham-sønnen", "Keaton's".
# The capital comes first and the look-behind after it, so the regex engine can skip ahead to
# capitals instead of testing the look-behind at every character (four times faster).
_TOKEN = rf"[{UPPER_CLASS}](?<![\w\-‐][{UPPER_CLASS}]){_WORDC}*(?:[.'’\-‐]{_WORDC}+)*"

_GAP = r"[ \u00a0]+"

AGE_AFTER = re.compile(r"[ \u00a0]*\((\d{1,3})\)|,[ \u00a0]+(\d{1,3}),")

PUNCT = re.compile(r"[.!?,;:…]")

HYPHEN_HEAD = re.compile(r"[-‐]([^\W\d_]+)")

HYPHENS = re.compile(r"[-‐]")

POSSESSIVE_S = re.compile(r"['’]s$")

NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")

NEXT_WORD_COMMA = re.compile(r",?[ \u00a0]+([^\W\d_]+)")

ADJACENT = re.compile(r"([^\W\d_][\w'’\-‐]*)[ \u00a0]+$")

BEFORE_COMMA = re.compile(rf"([{UPPER_CLASS}][\w .'-]*?),[ \u00a0]*$")

BREAK = re.compile(r"[,;:\"“”«»„]\s*$|[,;:\"“”«»„][^\w]*$")  # punctuation between a cue word and a name

ACRONYM_WORD = re.compile(rf"[{UPPER_CLASS}]{{2,4}}")

QUOTED = re.compile(r"«[ \u00a0]?([^«»\n]{1,80}?)[ \u00a0]?»|“([^“”\n]{1,80})”|„([^„“”\n]{1,80})[“”]"
                    r"|\"([^\"\n]{1,80})\"|''([^'\n]{1,80})''")


@cache
def apposition() -> re.Pattern[str]:
    """A comma, an optional article, up to one word, then the word that may describe the name (", a singer")."""
    articles = "|".join(re.escape(w) for w in _shared_words("entity_apposition_articles"))
    return re.compile(rf",[ \u00a0]+(?:(?:{articles})[ \u00a0]+)?(?:[^\W\d_]+[ \u00a0]+)?([^\W\d_][\w\-]*)")


@cache
def title_gap() -> re.Pattern[str]:
    """Small words inside a title: "The Last Summer in the Valley", "Le Dîner de cons"."""
    small = "|".join(re.escape(w) for w in _shared_words("entity_title_small_words"))
    return re.compile(rf"[ \u00a0]+(?:(?:{small})[ \u00a0]+)+")


def _shared_words(key: str) -> list[str]:
    """A shared word list as written (lower case), in its order."""
    return [str(w) for w in shared_data().get(key)]


def _no_stems(word: str) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per language, used as a cache key
class Patterns:
    """One language's word lists, traits and patterns, as extraction reads them."""

    lang: str
    """The language code."""
    run: re.Pattern[str]
    """A run of capitalised words, with the link words that may join them."""
    token: re.Pattern[str]
    """One token of a run: a capitalised word, a lower-case link word or "&"."""
    function_words: frozenset[str]
    honorifics: frozenset[str]
    roles: frozenset[str]
    role_heads: tuple[str, ...]
    animals: frozenset[str]
    naming: frozenset[str]
    work_cues: frozenset[str]
    work_heads: frozenset[str]
    place_cues: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    coordinators: frozenset[str]
    person_after: frozenset[str]
    org_words: frozenset[str]
    not_names: frozenset[str]
    calendar: frozenset[str]
    never_alone: frozenset[str]
    storms: frozenset[str]
    definite_suffixes: tuple[str, ...] = ()
    street_words: frozenset[str] = frozenset()
    """Words that make a name a street, square or bridge ("rue", "Platz", "plass", "Street")."""
    place_words: frozenset[str] = frozenset()
    """Nouns for kinds of places ("village", "Provinz", "landsbyen"): a name beside one is a place's."""
    directions: frozenset[str] = frozenset()
    """Words for a direction before a place's name ("Northeastern"): the place's qualifier."""
    group_nouns: frozenset[str] = frozenset()
    """Plural nouns for people ("girls", "Mädchen"): a name ending in or before one names a group."""
    articles: frozenset[str] = frozenset()
    """Articles and determiners before a noun ("ein", "dem"): what follows is a noun."""
    indefinite: frozenset[str] = frozenset()
    """Indefinite articles ("a", "eine"): a capitalised run after one names a kind of thing ("a Confederate Flag")."""
    adjective_endings: tuple[str, ...] = ()
    """Endings of an adjective before a noun ("deutliches"): what follows is a noun."""
    org_suffixes: tuple[str, ...] = ()
    """Organisation words that may end a compound name, longest first ("departementet")."""
    capitalises_nouns: bool = False
    """Every noun has a capital: a capital alone is no sign of a name."""
    forms_compounds: bool = False
    """Nouns join into one word: an organisation word may end a one-word name."""
    genitive_s: bool = False
    """The genitive adds a bare -s: "Bergs" may be Berg's."""
    org_word_after_name: bool = False
    """A lower-case organisation word may follow the name ("Statens vegvesen")."""
    quoted_titles_in_title_case: bool = False
    """A quoted run of capitalised words is a title."""
    role_stems: Callable[[str], tuple[str, ...]] = field(default=_no_stems)
    """Other forms of a case-folded role noun to look up (the language's hook)."""


@cache
def language_patterns(lang: str) -> Patterns:
    """The patterns of ``lang``, built once."""
    def w(key: str) -> frozenset[str]:
        return word_set(lang, key)

    links = w("entity_connectors") | w("entity_name_particles") | w("entity_coordinators")
    link = "|".join(re.escape(x) for x in sorted(links, key=len, reverse=True)) or "(?!)"
    run = re.compile(rf"{_TOKEN}\.?(?:(?:{_GAP}(?:(?:{link}){_GAP})*){_TOKEN}\.?)*")
    token = re.compile(rf"{_TOKEN}\.?|[^\W\d_]+|&")
    return Patterns(
        lang=lang, run=run, token=token,
        function_words=w("entity_function_words"), honorifics=w("entity_honorifics"),
        roles=w("entity_person_roles"),
        role_heads=tuple(sorted(w("entity_person_role_heads"), key=len, reverse=True)),
        animals=w("entity_animal_cues"), naming=w("entity_naming_words"),
        work_cues=w("entity_work_cues"), work_heads=w("entity_work_heads"),
        place_cues=w("entity_place_cues"), connectors=w("entity_connectors"),
        particles=w("entity_name_particles"), coordinators=w("entity_coordinators"),
        person_after=w("entity_person_after"), org_words=w("entity_org_words"),
        not_names=w("entity_not_names"), calendar=lex.calendar_words(lang),
        storms=w("entity_storm_cues"),
        never_alone=w("entity_function_words") | lex.calendar_words(lang) | w("entity_honorifics")
        | w("entity_not_names"),
        definite_suffixes=tuple(sorted(w("entity_definite_suffixes"), key=len, reverse=True)),
        street_words=w("entity_street_words"), place_words=w("entity_place_words"),
        group_nouns=w("entity_group_nouns"), directions=w("entity_direction_words"), articles=w("entity_articles"),
        indefinite=w("entity_indefinite_articles"),
        adjective_endings=tuple(str(e) for e in language_data(lang).get("entity_adjective_endings")),
        org_suffixes=tuple(x for x in sorted(w("entity_org_words"), key=len, reverse=True) if len(x) >= 5),
        capitalises_nouns=bool(trait(lang, "capitalises_nouns")), forms_compounds=bool(trait(lang, "forms_compounds")),
        genitive_s=bool(trait(lang, "genitive_s")), org_word_after_name=bool(trait(lang, "org_word_after_name")),
        quoted_titles_in_title_case=bool(trait(lang, "quoted_titles_in_title_case")),
        role_stems=hook(lang, "role_stems"),
    )

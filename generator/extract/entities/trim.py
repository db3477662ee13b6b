"""Trimming a group of capitalised words to the name it holds, by two ordered tables of named rules:
one for the words before the name (titles, role nouns, cue words, ordinary words opening a
sentence), one for the words after it (calendar words, ordinary nouns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.extract.entities.lookups import (
    common_noun,
    is_role,
    name_itself,
    name_like_pair,
    ordinary,
    starts_name,
)
from generator.extract.entities.patterns import Patterns
from generator.extract.entities.records import Tok
from generator.text import lexicon as lex

Cue = Literal["person", "work", "animal"]
"""What a cue word says the name is: a person, a work, an animal (or a named storm)."""

Action = Literal["keep", "drop", "cue"]
"""What becomes of the first word: part of the name (stop trimming), dropped, or dropped as a cue."""


@dataclass(frozen=True)
class LeadRule:
    """A rule for the first word of a group: when ``test`` holds, ``action`` says what becomes of it."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    min_words: int
    """The rule looks at groups of at least this many words (1 to 3) only."""
    test: Callable[[list[Tok], bool, Patterns, str], bool]
    """Over the words left, whether they open a sentence, the language's patterns and its code."""
    action: Action
    """``keep``: the word begins the name; ``drop``: it is no part of it; ``cue``: no part of it, but it
    says what the name is."""
    cue: Cue | None = None
    """For a cue: what the name is."""
    evidence: str = ""
    """For a cue: the evidence, ``{}`` standing for the word."""


@dataclass(frozen=True)
class TailRule:
    """A rule for the last word of a group: when ``test`` holds, the word is no part of the name."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    test: Callable[[list[Tok], Patterns], bool]
    """Over the words left and the language's patterns."""


def _town_institution(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.org_words and lex.place(t[-1].text) is not None


def _title(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.honorifics


def _title_first_word(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return (t[1].bare in p.honorifics or is_role(t[1].text, p)) \
        and (ordinary(t[0].text, lang, p) or lex.zipf(t[0].bare, lang) >= 3.0) and not name_itself(t[0].text)


def _role(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return is_role(t[0].text, p) and (p.capitalises_nouns or initial)


def _work_cue(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.work_cues and (p.capitalises_nouns or initial)


def _animal(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.animals and (p.capitalises_nouns or initial)


def _storm(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.storms


def _no_name(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return t[0].bare in p.not_names or (t[0].bare in p.calendar and len(t) > 1)


def _opening_function_word(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return initial and t[0].bare in p.function_words


def _opening_before_name(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return initial and starts_name(t[1], p) and not name_itself(t[0].text)


def _opening_frequent_word(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return initial and not name_itself(t[0].text) and (
        lex.zipf(t[0].bare, lang) >= 3.0 or lex.is_compound_of_common(t[0].text, lang))


def _opening_common_word(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return initial and lex.is_common_word(t[0].text, lang) \
        and not lex.is_given_name(t[0].text) and lex.place(t[0].text) is None


def _noun_first(t: list[Tok], initial: bool, p: Patterns, lang: str) -> bool:
    return p.capitalises_nouns and common_noun(t[0].text, p) \
        and not lex.is_given_name(t[0].text) and lex.place(t[0].text) is None


LEADING_RULES: tuple[LeadRule, ...] = (
    LeadRule("institution named after its town", 2, _town_institution, "keep"),  # "Landgericht Hamburg"
    LeadRule("leading title", 2, _title, "cue", "person", "title '{}'"),
    # "Prime Minister Erik Solheim", "Finance Minister Kari Dahl": the first word of a title
    LeadRule("leading title word", 3, _title_first_word, "drop"),
    LeadRule("leading role noun", 2, _role, "cue", "person", "role '{}'"),
    LeadRule("leading work cue", 2, _work_cue, "cue", "work", "after '{}'"),
    LeadRule("leading animal word", 2, _animal, "cue", "animal", "animal '{}'"),
    LeadRule("leading storm word", 2, _storm, "cue", "animal", "storm '{}'"),  # "Storm Ingrid", "Ekstremværet Ingrid"
    LeadRule("leading word that is no name", 1, _no_name, "drop"),
    LeadRule("leading function word", 2, _opening_function_word, "drop"),
    LeadRule("leading word before a given name or role", 2, _opening_before_name, "drop"),
    # "Filmmaker Anders Holm", "Dokumentarfilmskaper Anders Holm" at the start of a sentence
    LeadRule("leading frequent word", 3, _opening_frequent_word, "drop"),
    LeadRule("leading common word", 2, _opening_common_word, "drop"),
    LeadRule("leading common noun", 2, _noun_first, "drop"),  # German: "Hafenbecken von Tromsø"
)
"""The rules for the first word of a group, in order: the first that holds decides; none: keep it."""
_LEADING_BY_SIZE = {size: tuple(r for r in LEADING_RULES if r.min_words <= size) for size in (1, 2, 3)}
"""The rules that look at a group of 1, 2, or 3 and more words, in the same order."""


def _function_word_last(t: list[Tok], p: Patterns) -> bool:
    return t[-1].bare in p.not_names or t[-1].bare in p.function_words


def _calendar_word_last(t: list[Tok], p: Patterns) -> bool:
    return t[-1].bare in p.calendar and not lex.is_given_name(t[-2].text)


def _common_noun_last(t: list[Tok], p: Patterns) -> bool:
    return p.capitalises_nouns and common_noun(t[-1].text, p) and not name_like_pair(t) \
        and not (t[0].bare in p.org_words and lex.place(t[-1].text) is not None)


TRAILING_RULES: tuple[TailRule, ...] = (
    TailRule("trailing function word", _function_word_last),
    TailRule("trailing calendar word", _calendar_word_last),
    # German: "Lena Fischer" keeps Fischer after a given name, "Landgericht Hamburg" its town
    TailRule("trailing common noun", _common_noun_last),
)
"""The rules for the last word of a group, in order: the first that holds drops it; none: keep it."""


def _lead_rule(tokens: list[Tok], initial: bool, p: Patterns, lang: str) -> LeadRule | None:
    for rule in _LEADING_BY_SIZE[min(len(tokens), 3)]:
        if rule.test(tokens, initial, p, lang):
            return rule
    return None


def trim_leading(tokens: list[Tok], initial: bool, p: Patterns, lang: str, evidence: list[str],
                 rules: list[str]) -> tuple[bool, tuple[Cue, ...]]:
    """Drop leading titles, role nouns, cue words and sentence-initial ordinary words from ``tokens``
    (in place); whether what is left opens the sentence, and the cues found."""
    cues: tuple[Cue, ...] = ()
    while tokens:
        rule = _lead_rule(tokens, initial, p, lang)
        if rule is None:
            break
        rules.append(rule.name)
        if rule.action == "keep":
            break
        if rule.cue is not None:
            evidence.append(rule.evidence.format(tokens[0].text))
            cues += (rule.cue,)
        tokens.pop(0)
        initial = False
        # "Hafenbecken von Tromsø": the particle went with the ordinary word just removed.
        while len(tokens) > 1 and not tokens[0].text[:1].isupper():
            tokens.pop(0)
    return initial, cues


def trim_trailing(tokens: list[Tok], p: Patterns, rules: list[str]) -> None:
    """Drop trailing calendar words and ordinary words from ``tokens`` (in place)."""
    while len(tokens) > 1:
        for rule in TRAILING_RULES:
            if rule.test(tokens, p):
                rules.append(rule.name)
                tokens.pop()
                break
        else:
            return

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
    place_named_with_title,
    starts_name,
)
from generator.extract.entities.patterns import Patterns
from generator.extract.entities.records import Tok
from generator.text import lexicon as lex

Cue = Literal["person", "work", "animal"]
"""What a cue word says the name is: a person, a work, an animal (or a named storm)."""

Action = Literal["keep", "drop", "cue", "qualify"]
"""What becomes of the first word: part of the name (stop trimming), dropped, dropped as a cue, or dropped as
the name's qualifier (kept as evidence)."""

WordList = Literal["honorifics", "work_cues", "animals", "storms", "function_words", "org_words", "directions"]
"""The word lists of :class:`~generator.extract.entities.patterns.Patterns` a leading rule may name."""

Where = Literal["anywhere", "opening", "nouns", "opening or nouns"]
"""Where a rule looks: anywhere; only at the opening of a sentence, quotation or clause (where any word
has a capital); only in a language that capitalises its nouns; or in either of those two."""


def looks(where: Where, initial: bool, capitalises_nouns: bool) -> bool:
    """Whether a rule of ``where`` looks at a name that opens a sentence (``initial``) or not, in a
    language that capitalises its nouns or not."""
    return where == "anywhere" or (initial and where in ("opening", "opening or nouns")) \
        or (capitalises_nouns and where in ("nouns", "opening or nouns"))


@dataclass(frozen=True)
class LeadRule:
    """A rule for the first word of a group: when ``test`` holds, ``action`` says what becomes of it."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    min_words: int
    """The rule looks at groups of at least this many words (1 to 3) only."""
    where: Where
    """Where the rule looks."""
    action: Action
    """``keep``: the word begins the name; ``drop``: it is no part of it; ``cue``: no part of it, but it
    says what the name is."""
    first_in: WordList | None = None
    """The language's word list the first word must be in, if any."""
    test: Callable[[list[Tok], Patterns, str], bool] | None = None
    """What else must hold, over the words left, the language's patterns and its code."""
    cue: Cue | None = None
    """For a cue: what the name is."""
    evidence: str = ""
    """For a cue or a qualifier: the evidence, ``{}`` standing for the word."""


@dataclass(frozen=True)
class TailRule:
    """A rule for the last word of a group: when ``test`` holds, the word is no part of the name."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    test: Callable[[list[Tok], Patterns], bool]
    """Over the words left and the language's patterns."""


def _town_last(t: list[Tok], p: Patterns, lang: str) -> bool:
    return lex.place(t[-1].text) is not None


def _place_named_with_title(t: list[Tok], p: Patterns, lang: str) -> bool:
    return place_named_with_title([w.text for w in t])


def _title_first_word(t: list[Tok], p: Patterns, lang: str) -> bool:
    return (t[1].bare in p.honorifics or is_role(t[1].text, p)) \
        and (ordinary(t[0].text, lang, p) or lex.zipf(t[0].bare, lang) >= 3.0) and not name_itself(t[0].text)


def _role(t: list[Tok], p: Patterns, lang: str) -> bool:
    return is_role(t[0].text, p)


def _no_name(t: list[Tok], p: Patterns, lang: str) -> bool:
    return t[0].bare in p.not_names or (t[0].bare in p.calendar and len(t) > 1)


def _before_given_name_or_role(t: list[Tok], p: Patterns, lang: str) -> bool:
    return starts_name(t[1], p) and not name_itself(t[0].text)


def _frequent_word(t: list[Tok], p: Patterns, lang: str) -> bool:
    return not name_itself(t[0].text) and (
        lex.zipf(t[0].bare, lang) >= 3.0 or lex.is_compound_of_common(t[0].text, lang))


def _common_word(t: list[Tok], p: Patterns, lang: str) -> bool:
    return lex.is_common_word(t[0].text, lang) \
        and not lex.is_given_name(t[0].text) and lex.place(t[0].text) is None


def _noun_first(t: list[Tok], p: Patterns, lang: str) -> bool:
    return common_noun(t[0].text, p) and not lex.is_given_name(t[0].text) and lex.place(t[0].text) is None


def direction_before_place(words: list[str]) -> bool:
    """"Northeastern Nigeria", "North London": a place after the direction, and the whole no place of its own
    ("North Korea", "East London")."""
    return len(words) > 1 and lex.place(" ".join(words[1:])) is not None and lex.place(" ".join(words)) is None


def _direction(t: list[Tok], p: Patterns, lang: str) -> bool:
    return direction_before_place([w.text for w in t])


LEADING_RULES: tuple[LeadRule, ...] = (
    LeadRule("direction before a place", 2, "anywhere", "qualify", "directions", test=_direction,
             evidence="qualifier '{}'"),
    # "Landgericht Hamburg", "Universität Wien"
    LeadRule("institution named after its town", 2, "anywhere", "keep", "org_words", _town_last),
    LeadRule("place named with a title", 2, "anywhere", "keep", "honorifics", _place_named_with_title),
    LeadRule("leading title", 2, "anywhere", "cue", "honorifics", cue="person", evidence="title '{}'"),
    # "Prime Minister Erik Solheim", "Finance Minister Kari Dahl": the first word of a title
    LeadRule("leading title word", 3, "anywhere", "drop", test=_title_first_word),
    LeadRule("leading role noun", 2, "opening or nouns", "cue", test=_role, cue="person", evidence="role '{}'"),
    LeadRule("leading work cue", 2, "opening or nouns", "cue", "work_cues", cue="work", evidence="after '{}'"),
    LeadRule("leading animal word", 2, "opening or nouns", "cue", "animals", cue="animal", evidence="animal '{}'"),
    # "Storm Ingrid", "Ekstremværet Ingrid"
    LeadRule("leading storm word", 2, "anywhere", "cue", "storms", cue="animal", evidence="storm '{}'"),
    LeadRule("leading word that is no name", 1, "anywhere", "drop", test=_no_name),
    LeadRule("leading function word", 2, "opening", "drop", "function_words"),
    LeadRule("leading word before a given name or role", 2, "opening", "drop", test=_before_given_name_or_role),
    # "Filmmaker Anders Holm", "Dokumentarfilmskaper Anders Holm" at the start of a sentence
    LeadRule("leading frequent word", 3, "opening", "drop", test=_frequent_word),
    LeadRule("leading common word", 2, "opening", "drop", test=_common_word),
    LeadRule("leading common noun", 2, "nouns", "drop", test=_noun_first),  # German: "Hafenbecken von Tromsø"
)
"""The rules for the first word of a group, in order: the first that holds decides; none: keep it."""
_LEADING_FOR = {(size, initial, nouns): tuple(r for r in LEADING_RULES
                                              if r.min_words <= size and looks(r.where, initial, nouns))
                for size in (1, 2, 3) for initial in (False, True) for nouns in (False, True)}
"""The rules that look at a group of 1, 2, or 3 and more words, opening a sentence or not, in a language
that capitalises its nouns or not; in the same order."""


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


def trim_leading(tokens: list[Tok], initial: bool, p: Patterns, lang: str, evidence: list[str],
                 rules: list[str]) -> tuple[bool, tuple[Cue, ...]]:
    """Drop leading titles, role nouns, cue words and sentence-initial ordinary words from ``tokens``
    (in place); whether what is left opens the sentence, and the cues found."""
    cues: tuple[Cue, ...] = ()
    while tokens:
        head = tokens[0].bare
        for rule in _LEADING_FOR[min(len(tokens), 3), initial, p.capitalises_nouns]:
            if (rule.first_in is None or head in getattr(p, rule.first_in)) \
                    and (rule.test is None or rule.test(tokens, p, lang)):
                break
        else:
            break  # no rule holds: the first word begins the name
        rules.append(rule.name)
        if rule.action == "keep":
            break
        if rule.evidence:
            evidence.append(rule.evidence.format(tokens[0].text))
        if rule.cue is not None:
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

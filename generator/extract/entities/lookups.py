"""What a word is to entity extraction: a role noun, an ordinary word, a listed name, a town;
each lookup cached per word, because the same words come back in every sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeAlias

from generator.extract.entities.patterns import BEFORE_COMMA, NEXT_WORD, Patterns
from generator.extract.entities.records import Tok
from generator.extract.gender import feminine_role
from generator.lang import loanword_language, supported_languages
from generator.model.mention import EntityType
from generator.text import lexicon as lex
from generator.text.words import fold


def is_role(word: str, p: Patterns) -> bool:
    """A role noun ("singer", "Sängerin", "kapteinen"'s stem), by list, ending or the language's hook."""
    return _is_role_cached(word.casefold(), p) or feminine_role(word, p.lang)


@lru_cache(maxsize=100_000)
def _is_role_cached(lowered: str, p: Patterns) -> bool:
    if lowered in p.roles:
        return True
    if any(stem in p.roles for stem in p.role_stems(lowered)):
        return True  # German weak nouns: "des Meteorologen", "dem Experten"
    return any(lowered.endswith(head) and len(lowered) > len(head) for head in p.role_heads)


def ordinary_noun(word: str, lang: str, p: Patterns) -> bool:
    """Whether ``word`` is an ordinary noun or a role, also in its definite form ("kapteinen": kaptein)."""
    lowered = word.casefold()
    forms = [lowered] + [lowered[:-len(s)] for s in p.definite_suffixes
                         if lowered.endswith(s) and len(lowered) - len(s) >= 3]
    return any(is_role(form, p) or ordinary(form, lang, p) for form in forms)


def ordinary(word: str, lang: str, p: Patterns) -> bool:
    """An ordinary word of ``lang`` (German: any common noun or compound of one)."""
    return lex.is_common_word(word, lang) or (p.capitalises_nouns and common_noun(word, p))


def common_noun(word: str, p: Patterns) -> bool:
    """An ordinary noun of a language that capitalises its nouns (German): frequent in the language and
    clearly less so in the others, or a compound of one."""
    return _common_noun_cached(word, p)


@lru_cache(maxsize=100_000)
def _common_noun_cached(word: str, p: Patterns) -> bool:
    lowered = word.casefold()
    if lowered in p.function_words or lowered in p.not_names:
        return True
    own = lex.zipf(lowered, p.lang)
    if own >= lex.VERY_COMMON_ZIPF:
        return True
    if own >= 2.5:
        others = max((lex.zipf(lowered, other) for other in supported_languages() if other != p.lang), default=0.0)
        if own - others >= lex.COMMON_SPREAD:
            return True
    return own < 2.5 and lex.is_compound_of_common(word, p.lang)


ListedType: TypeAlias = EntityType | None
"""What the lists say a name is: ``platform``, ``organization``, ``place``, or nothing."""


def classify_single(name: str, lang: str) -> tuple[ListedType, bool, tuple[str, ...]]:
    """Type of a name from lists alone: (type, strong, evidence)."""
    return _classify_cached(name, lang)


@lru_cache(maxsize=100_000)
def _classify_cached(name: str, lang: str) -> tuple[ListedType, bool, tuple[str, ...]]:
    platform = lex.listed(name, lex.platforms())
    if platform:
        return "platform", True, ("platform list",)
    org = lex.listed(name, lex.organizations())
    if org:
        return "organization", True, ("organisation list",)
    place = lex.place(name)
    if place is not None and name not in lex.place_abbreviations():
        if name.isupper() and len(name) <= 4 and not place.name.isupper():
            place = None  # "TUI" is no town Tui: a short word in capitals is an acronym
        elif place.kind == "city" and fold(place.name) != fold(name) and " " not in name \
                and lex.zipf(name.casefold(), loanword_language()) >= 4.0:
            place = None  # "Tour" is another name of Tours, and an English word far more often
    if place is not None:
        return "place", True, (f"gazetteer: {place.kind} {place.name}",)
    directed = lex.qualified_place(name, lang)
    if directed is not None:  # "Nordnigeria": Nigeria, in its north; "Balkh Province"
        return "place", True, (f"gazetteer: {directed[1].kind} {directed[1].name}", f"qualifier '{directed[0]}'")
    if _is_acronym(name, lang):
        return "organization", True, ("acronym",)
    return None, False, ()


def _is_acronym(name: str, lang: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()
            and name not in lex.not_acronyms() and lex.zipf(letters.casefold(), lang) < 3.5)


def town(word: str, lang: str) -> bool:
    """A town or region of the gazetteer that is no common word ("Frankfurt"; not "Airport")."""
    place = lex.place(word)
    return (place is not None and place.kind in ("city", "admin") and not lex.is_common_word(word, lang)
            and not lex.is_common_word(word, loanword_language()))


def org_suffix(word: str, p: Patterns) -> str | None:
    """In a language that compounds its nouns, an organisation word ending a one-word name
    ("Utenriksdepartementet": departementet), if any."""
    return _org_suffix_cached(word, p) if p.forms_compounds else None


@lru_cache(maxsize=100_000)
def _org_suffix_cached(word: str, p: Patterns) -> str | None:
    lower = word.lower()
    return next((w for w in p.org_suffixes if len(lower) > len(w) + 2 and lower.endswith(w)), None)


def street_before(before_words: list[str], p: Patterns) -> str | None:
    """A lower-case street word just before a name, past link words ("place de la", "boulevard")."""
    for word in reversed(before_words[-4:]):
        if word in p.street_words:
            return word
        if word.casefold() not in p.connectors and word.casefold() not in p.function_words:
            return None
    return None


def street_after(text: str, end: int, s_end: int, p: Patterns) -> str | None:
    """A lower-case street word right after a name ("Karl Johans gate")."""
    tail = NEXT_WORD.match(text, end, s_end)
    return tail.group(1) if tail and tail.group(1) in p.street_words else None


def starts_name(tok: Tok, p: Patterns) -> bool:
    """A word that may open a name: a given name, a title or a role noun."""
    return lex.is_given_name(tok.text) or tok.bare in p.honorifics or is_role(tok.text, p)


def name_itself(word: str) -> bool:
    """A word that is a name wherever it stands: a given name, a place, a listed organisation or platform."""
    return (lex.is_given_name(word) or lex.place(word) is not None
            or bool(lex.listed(word, lex.organizations())) or bool(lex.listed(word, lex.platforms())))


def keeps_period(word: str, p: Patterns) -> bool:
    """Whether the final period of ``word`` is its own: an initial, an abbreviation, a title ("Dr.")."""
    core = word[:-1]
    return len(core) == 1 or "." in core or core.casefold() in p.honorifics


def name_like_pair(tokens: list[Tok]) -> bool:
    """A given name followed by a surname that is also a noun ("Lena Fischer")."""
    return len(tokens) >= 2 and lex.is_given_name(tokens[-2].text)


def state_code(text: str, start: int, name: str) -> bool:
    """"Knoxville, TN": a US state code right after a place and a comma."""
    if name not in lex.us_states():
        return False
    before = text[max(0, start - 40):start]
    m = BEFORE_COMMA.search(before)
    return m is not None and lex.place(m.group(1).split(",")[-1].strip()) is not None


_LAST_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_ELIDED = re.compile(r"([^\W\d_]+)[ \u00a0]+[dD]['’]$")  # "la ville d'Alep"


def _place_word(word: str, p: Patterns) -> bool:
    return word.casefold() in p.place_words and (word[:1].islower() or p.capitalises_nouns)


def place_word_before(text: str, start: int, s_start: int, p: Patterns) -> str | None:
    """A noun for a kind of place right before a name, past a link word ("the village of", "la province de",
    "im Dorf", "landsbyen"), if any."""
    window = text[max(s_start, start - 40):start]
    elided = _ELIDED.search(window)
    last = elided or _LAST_WORD.search(window)
    if last is None:
        return None
    word = last.group(1)
    if elided is None and word.casefold() in p.connectors:
        before = _LAST_WORD.search(window, 0, last.start())
        word = before.group(1) if before is not None else ""
    return word if _place_word(word, p) else None


def place_word_after(text: str, end: int, s_end: int, p: Patterns) -> str | None:
    """A lower-case noun for a kind of place right after a name and ending the noun phrase ("Hebei province
    on Sunday", not "the Trump town hall"), if any."""
    after = NEXT_WORD.match(text, end, s_end)
    if after is None or not after.group(1)[:1].islower() or not _place_word(after.group(1), p):
        return None
    more = NEXT_WORD.match(text, after.end(), s_end)
    if more is not None and more.group(1)[:1].islower() and more.group(1).casefold() not in p.function_words:
        return None
    return after.group(1)


def place_word_in(words: list[str], p: Patterns) -> str | None:
    """A capitalised noun for a kind of place ending a name of several words ("Zhongmengchang Village"), if any."""
    last = words[-1].rstrip(".")
    return last if len(words) > 1 and last[:1].isupper() and last.casefold() in p.place_words else None


def legal_form(words: list[str]) -> str | None:
    """A company's legal form ending a name of several words ("Development Berhad", "Volkswagen AG"), if any."""
    return words[-1] if len(words) > 1 and words[-1] in lex.legal_forms() else None


def group_noun(word: str, p: Patterns) -> bool:
    """A plural noun for people ("girls", "schoolgirls", "Mädchen")."""
    return word.casefold() in p.group_nouns


def place_named_with_title(words: Sequence[str]) -> bool:
    """"St Louis", "St. Petersburg": a title and the word or few after it are a town the gazetteer
    knows (the rules' leading title and the tagger's names both keep it)."""
    return any(lex.place(" ".join(words[:n])) is not None for n in (2, 3, 4) if n <= len(words))

"""Ages: "11-year-old", "71 Jahre alte", "Justin Bieber (23)", and the person each belongs to.

Ages are read before the other figures: their numbers are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from generator.extract.figure_syntax import FigureSyntax
from generator.model.refs import PersonIndex
from generator.model.source import Source
from generator.text.numbers import parse_number
from generator.text.trigger import Hits
from generator.text.words import fold

_AGE_TITLE = re.compile(r"[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,1}[^\W\d_]+(?:[ \u00a0]+|,[ \u00a0]+)")


_AGE_TITLE_REACH = 40


_AGE_AFTER_NAME = re.compile(r"(?:\s\(|, )(\d{1,3})(?:\)|,)")


class Age(NamedTuple):
    """One age in a source."""

    start: int
    """Offset of the age's first character."""
    end: int
    """Offset one past its last character."""
    value: float
    """The age in years."""
    subject: str | None
    """Entity id of the person it belongs to, when the text says."""
    rules: tuple[str, ...]
    """How it was read: an age pattern of the language, or a number after a name; then whose it is
    when no name says (``person-noun``, ``another-person``)."""
    noun: str | None = None
    """For an age of no named person: the noun of the person it is said of, lower case ("boy" of "a
    five-year-old boy", "garçon" of "un garçon de cinq ans"), if one stands next to it."""
    upto: float | None = None
    """For the ages of a group (“ages 16 to 18”, “âgés de 16 à 18 ans”): the highest; ``value`` is
    then the lowest."""


_BY_PATTERN = ("age_pattern",)
_AFTER_NAME = ("age_after_name",)
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]*)")
_TWO_BEFORE = re.compile(r"(?:([^\W\d_][\w'’-]*)[ \u00a0]+)?([^\W\d_][\w'’-]*)[ \u00a0]+$")


def read_ages(source: Source, index: PersonIndex, syntax: FigureSyntax, language: str, hits: Hits,
              free: Callable[[int, int], bool], take: Callable[[int, int], None]) -> list[Age]:
    """Every age in ``source`` in a span still ``free``, each taken as it is found: the language's
    age patterns first, then numbers in brackets or commas after a person's name."""
    text = source.text
    ages: list[Age] = []
    for probe in syntax.age_probes:
        for m in probe.finditer(text, hits):
            if not free(m.start(), m.end()):
                continue
            value = parse_number(m.group("n"), language)
            if value is None or not 0 < value < 130 or value != int(value):
                continue
            upto = parse_number(m.group("m"), language) if "m" in m.groupdict() and m.group("m") else None
            if upto is not None:
                if not value < upto < 130:
                    continue
                take(m.start(), m.end())
                ages.append(Age(m.start(), m.end(), value, None, (*_BY_PATTERN, "ages-of-a-group"), None, upto))
                continue
            subject = (_age_subject(index, m.start(), m.end(), text, syntax.stopwords)
                       or _age_back_reference(source, index, m.start(), syntax))
            take(m.start(), m.end())
            noun, rules = (None, _BY_PATTERN) if subject else _unnamed(text, m.start(), m.end(), syntax)
            ages.append(Age(m.start(), m.end(), value, subject, rules, noun))
    if syntax.age_after_name:
        for ref in index.refs:
            after = _AGE_AFTER_NAME.match(text, ref.end)
            if not after:
                continue
            value = float(after.group(1))
            if not 0 < value < 130 or not free(after.start(1), after.end(1)):
                continue
            take(after.start(1), after.end(1))
            ages.append(Age(after.start(1), after.end(1), value, ref.entity_id, _AFTER_NAME))
    return ages


def _unnamed(text: str, start: int, end: int, syntax: FigureSyntax) -> tuple[str | None, tuple[str, ...]]:
    """Whose an age named by no name is, as far as the words next to it say: another person's
    ("another 19-year-old", "un autre garçon de 19 ans": one of the two words before it says so),
    or the person the noun right after or right before it names ("a five-year-old boy", "un
    garçon de cinq ans")."""
    before = _TWO_BEFORE.search(text, max(0, start - 40), start)
    if before and any(w is not None and fold(w) in syntax.others for w in before.groups()):
        return None, (*_BY_PATTERN, "another-person")
    after = _NEXT_WORD.match(text, end)
    for word in (after.group(1) if after else None, before.group(2) if before else None):
        if word is not None and fold(word) in syntax.person_nouns:
            return word.lower(), (*_BY_PATTERN, "person-noun")
    return None, _BY_PATTERN


def _age_back_reference(source: Source, index: PersonIndex, start: int, syntax: FigureSyntax) -> str | None:
    """The person an age opening a sentence refers back to ("… sagte Bürgermeisterin Anna
    Schmidt. Die 47-Jährige kündigte …", "The 52-year-old has flown for 24 years"): the
    nearest person the sentence before names, of the gender its article gives (``die``: a
    woman, ``der``: a man), and only when that sentence names no other such person."""
    sentence = source.sentence_at(start)
    if sentence is None:
        return None
    opening = source.text[sentence.start:start].strip().lower()
    if opening and (len(opening.split()) > 1 or opening not in syntax.stopwords):
        return None  # the age does not open the sentence (at most an article before it)
    gender = syntax.age_articles.get(opening)
    paragraph = source.paragraph_at(start)
    earlier = [s for s in paragraph.sentences if s.end <= sentence.start]
    if not earlier and paragraph.index > 1:  # the sentence before closes the paragraph before
        earlier = list(source.paragraphs[paragraph.index - 2].sentences)
    if not earlier:
        return None
    previous = earlier[-1]
    named = [r for r in index.within(previous.start, previous.end) if gender is None or r.gender == gender]
    people = {r.entity_id for r in named}
    return named[0].entity_id if len(people) == 1 else None


def _age_subject(index: PersonIndex, start: int, end: int, text: str,
                 stopwords: frozenset[str] = frozenset()) -> str | None:
    """The person an age phrase is attached to: a name right after it, or after a title of
    one or two words ("71 Jahre alte Rentner Per Håland", "a 35-year-old firefighter, Mike
    Chen"), or a name right before it."""
    after = index.starting_at(end, slack=_AGE_TITLE_REACH)
    if after is not None:
        between = text[end:after.start]
        title = _AGE_TITLE.fullmatch(between)
        if between.strip() == "" or (title and not any(w.lower() in stopwords for w in between.split())):
            return after.entity_id
    before = index.ending_at(start, slack=2)
    if before is not None and text[before.end:start].strip(" ,(") == "":
        return before.entity_id
    before = index.ending_at(start, slack=6)  # "Heinrich Lindner, a 68-year-old retiree"
    if before is not None:
        between = text[before.end:start]
        word = between.strip(" ,")
        if between.startswith(", ") and " " not in word and word.lower() in stopwords:
            return before.entity_id
    return None

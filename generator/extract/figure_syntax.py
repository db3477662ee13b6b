"""The figure stage's tables for one language, built once from its ``figures.yml``.

Numbers with their scale and currency, the words that qualify, name, count and convert them,
the age patterns, and the probes that try each pattern only where a digit or a number word is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.lang import LanguageData, LanguageDataError, language_data, trait, word_set
from generator.model.claims import QUALIFIERS, Qualifier
from generator.text.lexicon import calendar_words
from generator.text.numbers import number_syntax
from generator.text.trigger import DIGIT, Probe, Trigger, last_token
from generator.text.words import fold


@dataclass(frozen=True)
class FigureSyntax:
    """What the figure stage reads in one language."""

    number: re.Pattern[str]
    """A number with an optional currency sign before and scale word after ("$5 million", "17m")."""
    scales: dict[str, float]
    """Scale words (lower case) to their factor ("million": 1e6)."""
    qualifier_before: re.Pattern[str] | None
    """A qualifier ending right before a number ("more than", "fast", "plus de")."""
    qualifier_keys: dict[str, Qualifier]
    """Those qualifiers (lower case) to their key (``more_than``)."""
    measures: dict[str, str]
    """Words after a number (lower case) to the measure they name ("views", "Aufrufe": views)."""
    units: dict[str, str]
    """Unit words (lower case) to their unit ("pound": lb)."""
    times: frozenset[str]
    """Words that make a count of times ("times", "ganger", "Mal", "fois")."""
    context: dict[str, str]
    """Verbs near a count of times to the measure they name ("sett": views)."""
    ages: tuple[re.Pattern[str], ...]
    """The language's age patterns, group ``n`` the number ("11-year-old", "71 Jahre alte")."""
    age_after_name: bool
    """Whether an age may follow a name in brackets or commas ("Justin Bieber (23)")."""
    currency: dict[str, str]
    """Currency signs before a number to their measure ("$": dollars)."""
    stopwords: frozenset[str]
    """Function words: never what a number counts."""
    links: frozenset[str]
    """Words that may stand between a number and what it counts ("1,5 million de vues")."""
    per_second: re.Pattern[str]
    """What turns a length into a speed ("per second", "i sekundet", "/s")."""
    per_hour: re.Pattern[str]
    """What turns a length into a speed per hour ("km/h", "per hour", "pro Stunde", "i timen")."""
    vague_link: re.Pattern[str] | None
    """What joins two number words into a vague quantity ("tens of thousands")."""
    range_open: re.Pattern[str] | None
    """The word opening a range, right before its first number ("between", "zwischen")."""
    range_join: re.Pattern[str] | None
    """The word joining its two numbers ("and", "und")."""
    trigger: Trigger
    """Digits and number words: no figure without one."""
    number_probe: Probe
    """:attr:`number`, tried only where the trigger found a digit or a number word."""
    age_probes: tuple[Probe, ...]
    """Each of :attr:`ages`, tried the same way."""
    calendar: frozenset[str]
    """Month and weekday names (folded): a number before one is a date, never a count of it."""
    capitalised_nouns: bool = False
    """Whether the language writes its nouns with a capital ("drei Gemälde")."""
    outcomes: dict[str, str] = field(default_factory=dict)
    """Words after a count of people that say what happened to them ("verletzt": injured)."""
    approximate: frozenset[str] = frozenset()
    """Number words that give a value only roughly ("quinzaine", "dozen"): qualified "about"."""
    vague_counts: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Plural number words that give only an order of size ("dozens", "des centaines",
    "Tausende"), lower case, to the range they allow: a figure of "range" between the two."""
    age_articles: dict[str, str] = field(default_factory=dict)
    """Articles before an age that opens a sentence, to the gender they give ("die": f)."""
    language: str = ""
    """The language's canonical code."""
    other_time: re.Pattern[str] | None = None
    """Words in a figure's sentence that date what it counts before the story ("last week")."""
    dimensions: dict[str, str] = field(default_factory=dict)
    """Words right after a length (lower case) to the dimension they make it ("deep": depth)."""
    dimension: re.Pattern[str] | None = None
    """Those words right after a length, hyphenated or not ("-deep", " in diameter"), group ``d``."""
    determiners: frozenset[str] = frozenset()
    """Articles and possessives: a length right after one describes the noun that follows."""
    subject_links: frozenset[str] = frozenset()
    """Words between a measured thing and its size ("the well was 40 m deep", "measuring")."""
    not_names: frozenset[str] = frozenset()
    """Capitalised words that are no names (nationalities): passed over between a number and the
    noun it counts ("1,000 German service members")."""
    others: frozenset[str] = frozenset()
    """Words right before an age that say it is another person's ("another 19-year-old")."""
    person_nouns: frozenset[str] = frozenset()
    """Nouns of people (roles, kin, gendered words; folded): an unnamed person an age is said of
    ("a five-year-old boy", "un garçon de cinq ans")."""
    ambiguous_numbers: frozenset[str] = frozenset()
    """Number words that are also other words (Norwegian "tre": three, tree): they count only
    what the measure words name ("tre personer"), not any word after them."""
    named_before: re.Pattern[str] | None = None
    """Words right before a number that name its measure ("magnitude 6.1", "styrken til 6,1")."""
    named_before_keys: dict[str, str] = field(default_factory=dict)
    """Those words (lower case) to the measure they name."""
    according: re.Pattern[str] | None = None
    """Right after a figure: who gave it ("selon la police", "according to organisers")."""
    percent: re.Pattern[str] | None = None
    """Right after a number: a percentage ("%", "per cent", "Prozent", "prosent", "pour cent")."""


@cache
def figure_syntax(language: str) -> FigureSyntax:
    """The figure tables of ``language`` (a canonical code)."""
    data = language_data(language)
    scales = _scales(data)
    currency = {str(k): str(v) for k, v in (data.get("figure_currency_prefix") or {}).items()}
    number = _number_pattern(language, scales, currency)
    qualifier_keys = _qualifiers(data)
    ages = _age_patterns(data, language)
    trigger, number_probe, age_probes = _probes(data, language, number, currency, ages)
    named_before_words = data.get("figure_named_before") or {}
    return FigureSyntax(
        number=number, scales=scales,
        qualifier_before=(re.compile(rf"(?<!\w)(?P<q>{_alternation(qualifier_keys)})[ \u00a0]+$", re.IGNORECASE)
                          if qualifier_keys else None),
        qualifier_keys=qualifier_keys, measures=_table(data, "figure_measures"), units=_table(data, "figure_units"),
        times=word_set(language, "figure_times_words"), context=_table(data, "figure_context_measures"),
        ages=ages, age_after_name=bool(data.get("figure_age_after_name", True)), currency=currency,
        stopwords=word_set(language, "claim_stopwords"), links=word_set(language, "figure_link_words"),
        per_second=_per_second(data), per_hour=_per_hour(data), vague_link=_vague_link(data),
        range_open=_word_pattern(data.get("figure_range_open"), r"(?<!\w)(?:{})[ \u00a0]+$"),
        range_join=_word_pattern(data.get("figure_range_join"), r"[ \u00a0]+(?:{})[ \u00a0]+"),
        trigger=trigger, number_probe=number_probe, age_probes=age_probes, calendar=calendar_words(language),
        capitalised_nouns=bool(trait(language, "capitalises_nouns")),
        outcomes=_table(data, "figure_outcome_words"),
        approximate=word_set(language, "figure_approximate_words"),
        vague_counts={str(w).lower(): (float(low), float(high))
                      for w, (low, high) in (data.get("figure_vague_counts") or {}).items()},
        age_articles={str(k).lower(): str(g) for g, words in (data.get("figure_age_articles") or {}).items()
                      for k in words},
        others=word_set(language, "figure_other_words"),
        language=language, dimensions=_table(data, "figure_dimensions"),
        other_time=_word_pattern(data.get("figure_other_time_words"), r"(?<!\w)(?:{})(?!\w)"),
        dimension=_word_pattern([w for ws in (data.get("figure_dimensions") or {}).values() for w in ws],
                                r"[-\u00a0 ](?P<d>{})(?!\w)"),
        subject_links=word_set(language, "figure_subject_links"),
        determiners=word_set(language, "figure_determiners"),
        not_names=word_set(language, "entity_not_names"),
        person_nouns=_person_nouns(language, data),
        ambiguous_numbers=word_set(language, "figure_ambiguous_number_words"),
        named_before=_named_before(named_before_words),
        named_before_keys={str(w).split(" ")[0].lower(): str(k) for k, words in named_before_words.items()
                           for w in words},
        according=_word_pattern(data.get("figure_according_words"),
                                r"(?P<lead>(?:[ \u00a0]+[^\W\d_]+){0,2})[ \u00a0]*,?[ \u00a0]*(?:{})[ \u00a0]+"
                                r"(?P<who>[^\W\d][^,.;:()\n]{0,40})"),
        percent=re.compile("|".join([r"[ \u00a0]?%", *(rf"[ \u00a0]+{re.escape(str(w))}(?!\w)"
                                                       for w in data.get("figure_percent_words") or ())]),
                           re.IGNORECASE))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _table(data: LanguageData, key: str) -> dict[str, str]:
    """A key's lists of words (lower case) to the key each list is under, the first list winning."""
    out: dict[str, str] = {}
    for canonical, words in (data.get(key) or {}).items():
        for word in words:
            out.setdefault(str(word).lower(), str(canonical))
    return out


def _qualifiers(data: LanguageData) -> dict[str, Qualifier]:
    """Qualifier phrases (lower case) to the qualifier they give, the first list winning."""
    out: dict[str, Qualifier] = {}
    for key, phrases in (data.get("figure_qualifiers") or {}).items():
        qualifier = next((q for q in QUALIFIERS if q == key), None)
        if qualifier is None:
            raise LanguageDataError(f"generator/lang/{data.origin}/figures.yml: figure_qualifiers has '{key}', "
                                    f"which is no qualifier — use one of {', '.join(QUALIFIERS)}")
        for phrase in phrases:
            out.setdefault(str(phrase).lower(), qualifier)
    return out


def _scales(data: LanguageData) -> dict[str, float]:
    scales: dict[str, float] = {}
    for factor, words in (data.get("figure_scales") or {}).items():
        for word in words:
            scales[str(word).lower()] = float(factor)
    return scales


def _number_pattern(language: str, scales: dict[str, float], currency: dict[str, str]) -> re.Pattern[str]:
    """A number as the language writes it, with a currency sign before it and a scale word after it."""
    cur = f"(?P<cur>{_alternation(currency)}) ?" if currency else "(?P<cur>(?!))?"
    scale = f"(?:[ \u00a0-]?(?P<scale>{_alternation(scales)}))?" if scales else ""
    return re.compile(rf"(?:{cur})?(?P<num>{number_syntax(language).pattern})(?:{scale}(?![\w/]))?",
                      re.IGNORECASE)


def _age_patterns(data: LanguageData, language: str) -> tuple[re.Pattern[str], ...]:
    # in an age a number word may be glued to what follows ("elfjährige")
    glued = number_syntax(language).pattern.replace(")(?!\\w))", "))")
    return tuple(re.compile(rf"(?<!\w){str(p).replace('{num}', glued)}(?!\w)", re.IGNORECASE)
                 for p in data.get("figure_age_patterns") or ())


def _per_second(data: LanguageData) -> re.Pattern[str]:
    per_second = [str(w) for w in data.get("figure_per_second") or ()]
    if not per_second:
        return re.compile(r"[ \u00a0]*/[ \u00a0]*s(?!\w)")
    return re.compile(rf"[ \u00a0]*/[ \u00a0]*s(?!\w)|[ \u00a0]+(?:{_alternation(per_second)})(?!\w)", re.IGNORECASE)


def _per_hour(data: LanguageData) -> re.Pattern[str]:
    per_hour = [str(w) for w in data.get("figure_per_hour") or ()]
    return re.compile(r"[ \u00a0]*/[ \u00a0]*h(?!\w)"
                      + "".join(rf"|[ \u00a0]*{re.escape(w)}(?!\w)" if w.startswith("/")
                                else rf"|[ \u00a0]+{re.escape(w)}(?!\w)" for w in per_hour), re.IGNORECASE)


def _vague_link(data: LanguageData) -> re.Pattern[str] | None:
    vague = [str(w) for w in data.get("figure_vague_links") or ()]
    if not vague:
        return None
    return re.compile(rf"[ \u00a0]+(?:{_alternation(vague)})[ \u00a0]*|(?<=')", re.IGNORECASE)


def _probes(data: LanguageData, language: str, number: re.Pattern[str], currency: dict[str, str],
            ages: tuple[re.Pattern[str], ...]) -> tuple[Trigger, Probe, tuple[Probe, ...]]:
    """Every figure holds a digit or a number word (an age's may be glued: "elfjährige")."""
    tails = [last_token(w) for w in number_syntax(language).words]
    keys = frozenset(t for t, _ in tails) | {DIGIT}
    word_lookback = max((n for _, n in tails), default=0)  # "a hundred"
    number_probe = Probe(number, keys, word_lookback, "".join(sorted({c[0] for c in currency})),
                         max((len(c) for c in currency), default=0) + 1)
    templates = data.get("figure_age_patterns") or ()
    age_probes = tuple(Probe(p, keys, word_lookback + _literal_length(str(t).split("{num}")[0]))
                       for p, t in zip(ages, templates, strict=True))
    return Trigger(keys - {DIGIT}), number_probe, age_probes


def _named_before(table: dict[str, Any]) -> re.Pattern[str] | None:
    """A word naming the measure, then an optional link word ("magnitude of", "styrken til"), right
    before a number."""
    words = [str(w) for ws in table.values() for w in ws if " " not in str(w)]
    links = [str(w).split(" ", 1)[1] for ws in table.values() for w in ws if " " in str(w)]
    if not words:
        return None
    link = rf"(?:[ \u00a0]+(?:{_alternation(links)}))?" if links else ""
    return re.compile(rf"(?<!\w)(?P<w>{_alternation(words)}){link}[ \u00a0]+$", re.IGNORECASE)


def _word_pattern(words: Any, template: str) -> re.Pattern[str] | None:
    words = [str(w) for w in words or ()]
    return re.compile(template.replace("{}", _alternation(words)), re.IGNORECASE) if words else None


def _literal_length(regex: str) -> int:
    """Roughly how many characters the part of an age pattern before its number matches at most."""
    return len(re.sub(r"\(\?<[=!][^)]*\)|\\[bB]|[?()\\]", "", regex)) + 1


def _person_nouns(language: str, data: Mapping[str, Any]) -> frozenset[str]:
    """The language's nouns of people, folded: its role nouns and its gendered words."""
    gendered = data.get("entity_gender_words") or {}
    return frozenset(fold(str(w)) for w in (*word_set(language, "entity_person_roles"),
                                            *(w for words in gendered.values() for w in words or ())))

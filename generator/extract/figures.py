"""Figure stage: numbers with what they count and how they are qualified, and ages.

"more than 17 million views", "over 20 millioner ganger" (with "sett" nearby: views),
"fast 7000", "400-pound", "181-kg", "11-year-old", "Justin Bieber (23)". Each figure is
a value and a range (``low``–``high``) that the qualifier implies, the language-independent
measure it counts, and for ages the person it belongs to. All words are data in
``generator/lang/<code>/figures.yml``; numbers are read by :mod:`generator.text.numbers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.extract.dates import extract_dates
from generator.lang import canonical_language, language_data, trait, word_set
from generator.model.claims import DateMention, Figure
from generator.model.refs import PersonIndex, PersonRef
from generator.model.source import Source
from generator.text.lexicon import calendar_words
from generator.text.numbers import number_syntax, parse_number
from generator.text.trigger import DIGIT, Probe, Trigger, last_token
from generator.text.words import HYPHENATED_WORD, fold

# The range a qualifier implies, as factors of the value (None: open-ended).
QUALIFIER_RANGES: dict[str, tuple[float | None, float | None]] = {
    "exact": (1.0, 1.0),
    "more_than": (1.0, None),
    "at_least": (1.0, None),
    "about": (0.9, 1.1),
    "nearly": (0.9, 1.0),
    "less_than": (None, 1.0),
    "up_to": (None, 1.0),
    "range": (None, None),  # "between 300 and 400": low and high are the two numbers as written
}


# Unit conversions to one base unit per dimension: unit -> (measure, factor to the base unit).
UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "kg": ("weight", 1.0), "lb": ("weight", 0.45359237),
    "km": ("distance", 1000.0), "mi": ("distance", 1609.344), "m": ("distance", 1.0),
    "ft": ("distance", 0.3048), "cm": ("distance", 0.01), "in": ("distance", 0.0254),
    # speeds, in metres per second ("per second" after a length keeps the length's unit)
    "km/h": ("speed", 1000.0 / 3600.0), "mi/h": ("speed", 1609.344 / 3600.0), "m/h": ("speed", 1.0 / 3600.0),
    # areas, in square metres
    "ha": ("area", 10_000.0), "acre": ("area", 4046.8564224), "km2": ("area", 1_000_000.0), "daa": ("area", 1000.0),
    # temperatures, in degrees Celsius (Fahrenheit: offset first, see UNIT_OFFSETS)
    "C": ("temperature", 1.0), "F": ("temperature", 5.0 / 9.0),
}


# Added to a value before its factor (°F: 111 → (111 − 32) × 5/9 = 43.9 °C).
UNIT_OFFSETS: dict[str, float] = {"F": -32.0}


# The unit a converted value is in, by measure: what a reader sees beside the value.
BASE_UNITS: dict[str, str] = {"weight": "kg", "distance": "m", "speed": "m/s", "area": "m²", "temperature": "°C"}


def convert(value: float, unit: str) -> float:
    """``value`` in ``unit`` in the base unit of its measure."""
    return (value + UNIT_OFFSETS.get(unit, 0.0)) * UNIT_FACTORS[unit][1]


def with_unit(text: str, measure: str) -> str:
    """A value as shown (``"25"``) with the unit of its measure, if converted (``"25 m/s"``)."""
    unit = BASE_UNITS.get(measure)
    return f"{text}\u00a0{unit}" if unit and text else text


# Measures that are sums of money, by currency (the measure keys of the language lists).
CURRENCY_MEASURES = frozenset({"euros", "dollars", "kroner", "pounds_sterling", "francs", "swiss_francs", "yen",
                               "yuan", "rubles", "crowns"})


# Counters that grow while a story runs: two sources citing them at different times differ.
# People as such are not among them ("182 people on board" does not grow); what happened to
# them is ("injured", "evacuated": the outcome words of each language).
GROWING_MEASURES = frozenset({"views", "likes", "shares", "followers", "comments", "dead", "injured",
                              "signatures", "retweets", "donations", "messages", "tweets", "evacuated"})


_MAX_SKIPPED = 2  # words between a number and what it counts ("39.000 norske elever")




_CONTEXT_WORDS = 6


_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+(?:-[^\W\d_]+)*)")


_ELIDED_WORD = re.compile(r"['’]([^\W\d_]+(?:-[^\W\d_]+)*)")  # after an elided link word: "millions d'euros"


_GLUED_WORD = re.compile(r"[-\u00a0 ]?°?([^\W\d_]+²?)")  # "400-pound", "44C", "44 °C", "12 km²"


_AGE_TITLE = re.compile(r"[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,1}[^\W\d_]+(?:[ \u00a0]+|,[ \u00a0]+)")


_AGE_TITLE_REACH = 40


_SI_PER_SECOND = re.compile(r"[ \u00a0]*/[ \u00a0]*s(?!\w)")  # "m/s" in any language, even where "m" means million


_AGE_AFTER_NAME = re.compile(r"(?:\s\(|, )(\d{1,3})(?:\)|,)")


@dataclass(frozen=True)
class _Syntax:
    number: re.Pattern[str]
    scales: dict[str, float]
    qualifier_before: re.Pattern[str] | None
    qualifier_keys: dict[str, str]
    measures: dict[str, str]
    units: dict[str, str]
    times: frozenset[str]
    context: dict[str, str]
    ages: tuple[re.Pattern[str], ...]
    age_after_name: bool
    currency: dict[str, str]
    stopwords: frozenset[str]
    links: frozenset[str]
    per_second: re.Pattern[str] | None
    per_hour: re.Pattern[str]
    """What turns a length into a speed per hour ("km/h", "per hour", "pro Stunde", "i timen")."""
    vague_link: re.Pattern[str] | None
    """What joins two number words into a vague quantity ("tens of thousands")."""
    """What turns a length into a speed ("per second", "i sekundet", "/s")."""
    range_open: re.Pattern[str] | None
    """The word opening a range, right before its first number ("between", "zwischen")."""
    range_join: re.Pattern[str] | None
    """The word joining its two numbers ("and", "und")."""
    trigger: Trigger
    """Digits and number words: no figure without one."""
    number_probe: Probe
    age_probes: tuple[Probe, ...]
    calendar: frozenset[str]
    """Month and weekday names (folded): a number before one is a date, never a count of it."""
    capitalised_nouns: bool = False
    """Whether the language writes its nouns with a capital ("drei Gemälde")."""
    outcomes: dict[str, str] = field(default_factory=dict)
    """Words after a count of people that say what happened to them ("verletzt": injured)."""
    approximate: frozenset[str] = frozenset()
    """Number words that give a value only roughly ("quinzaine", "dozen"): qualified "about"."""
    age_articles: dict[str, str] = field(default_factory=dict)
    """Articles before an age that opens a sentence, to the gender they give ("die": f)."""
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


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _syntax(language: str) -> _Syntax:
    data = language_data(language)
    num = number_syntax(language).pattern
    scales: dict[str, float] = {}
    for factor, words in (data.get("figure_scales") or {}).items():
        for word in words:
            scales[str(word).lower()] = float(factor)
    currency = {str(k): str(v) for k, v in (data.get("figure_currency_prefix") or {}).items()}
    cur = f"(?P<cur>{_alternation(currency)}) ?" if currency else "(?P<cur>(?!))?"
    scale_re = f"(?:[ \u00a0-]?(?P<scale>{_alternation(scales)}))?" if scales else ""
    number = re.compile(rf"(?:{cur})?(?P<num>{num})(?:{scale_re}(?![\w/]))?", re.IGNORECASE)
    qualifier_keys: dict[str, str] = {}
    for key, phrases in (data.get("figure_qualifiers") or {}).items():
        for phrase in phrases:
            qualifier_keys.setdefault(str(phrase).lower(), str(key))
    qualifier_before = (re.compile(rf"(?<!\w)(?P<q>{_alternation(qualifier_keys)})[ \u00a0]+$", re.IGNORECASE)
                        if qualifier_keys else None)

    def table(key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for canonical, words in (data.get(key) or {}).items():
            for word in words:
                out.setdefault(str(word).lower(), str(canonical))
        return out

    # in an age a number word may be glued to what follows ("elfjährige")
    glued = num.replace(")(?!\\w))", "))")
    ages = tuple(re.compile(rf"(?<!\w){str(p).replace('{num}', glued)}(?!\w)", re.IGNORECASE)
                 for p in data.get("figure_age_patterns") or ())
    per_second = [str(w) for w in data.get("figure_per_second") or ()]
    per_hour = [str(w) for w in data.get("figure_per_hour") or ()]
    per_hour_re = re.compile(r"[ \u00a0]*/[ \u00a0]*h(?!\w)"
                             + "".join(rf"|[ \u00a0]*{re.escape(w)}(?!\w)" if w.startswith("/")
                                       else rf"|[ \u00a0]+{re.escape(w)}(?!\w)" for w in per_hour), re.IGNORECASE)
    vague = [str(w) for w in data.get("figure_vague_links") or ()]
    # Every figure holds a digit or a number word (an age's may be glued: "elfjährige").
    tails = [last_token(w) for w in number_syntax(language).words]
    keys = frozenset(t for t, _ in tails) | {DIGIT}
    word_lookback = max((n for _, n in tails), default=0)  # "a hundred"
    number_probe = Probe(number, keys, word_lookback, "".join(sorted({c[0] for c in currency})),
                         max((len(c) for c in currency), default=0) + 1)
    age_probes = tuple(Probe(p, keys, word_lookback + _literal_length(str(t).split("{num}")[0]))
                       for p, t in zip(ages, data.get("figure_age_patterns") or ()))
    return _Syntax(number, scales, qualifier_before, qualifier_keys, table("figure_measures"),
                   table("figure_units"), word_set(language, "figure_times_words"),
                   table("figure_context_measures"), ages, bool(data.get("figure_age_after_name", True)),
                   currency, word_set(language, "claim_stopwords"), word_set(language, "figure_link_words"),
                   re.compile(rf"[ \u00a0]*/[ \u00a0]*s(?!\w)|[ \u00a0]+(?:{_alternation(per_second)})(?!\w)",
                              re.IGNORECASE) if per_second else re.compile(r"[ \u00a0]*/[ \u00a0]*s(?!\w)"),
                   per_hour_re,
                   re.compile(rf"[ \u00a0]+(?:{_alternation(vague)})[ \u00a0]*|(?<=')", re.IGNORECASE)
                   if vague else None,
                   _word_pattern(data.get("figure_range_open"), r"(?<!\w)(?:{})[ \u00a0]+$"),
                   _word_pattern(data.get("figure_range_join"), r"[ \u00a0]+(?:{})[ \u00a0]+"),
                   Trigger(keys - {DIGIT}), number_probe, age_probes, calendar_words(language),
                   bool(trait(language, "capitalises_nouns")),
                   table("figure_outcome_words"), word_set(language, "figure_approximate_words"),
                   {str(k).lower(): str(g) for g, words in (data.get("figure_age_articles") or {}).items()
                    for k in words},
                   word_set(language, "figure_ambiguous_number_words"),
                   _named_before(data.get("figure_named_before") or {}),
                   {str(w).split(" ")[0].lower(): str(k)
                    for k, words in (data.get("figure_named_before") or {}).items() for w in words},
                   _word_pattern(data.get("figure_according_words"),
                                 r"(?P<lead>(?:[ \u00a0]+[^\W\d_]+){0,2})[ \u00a0]*,?[ \u00a0]*(?:{})[ \u00a0]+"
                                 r"(?P<who>[^\W\d][^,.;:()\n]{0,40})"),
                   re.compile("|".join([r"[ \u00a0]?%", *(rf"[ \u00a0]+{re.escape(str(w))}(?!\w)"
                                                          for w in data.get("figure_percent_words") or ())]),
                              re.IGNORECASE))


_COUNTER_WORDS = 3


def _counter(who: str, syntax: _Syntax) -> str | None:
    """Who gave a figure, as a key: its first words after any article, up to the next function
    word, lower case ("la police": police; "police while unions claimed": police)."""
    words: list[str] = []
    for word in HYPHENATED_WORD.findall(who):
        lower = word.lower()
        if lower in syntax.stopwords:
            if words:
                break
            continue
        words.append(lower)
        if len(words) == _COUNTER_WORDS:
            break
    return " ".join(words) or None


def _named_before(table: dict[str, Any]) -> re.Pattern[str] | None:
    """"magnitude", then an optional link word ("of", "de", "til"), right before a number."""
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


def _range(value: float, qualifier: str) -> tuple[float | None, float | None]:
    low, high = QUALIFIER_RANGES[qualifier]
    return (None if low is None else value * low, None if high is None else value * high)


def _qualifier(text: str, start: int, syntax: _Syntax) -> tuple[str, int]:
    if syntax.qualifier_before is None:
        return "exact", start
    window = text[max(0, start - 30):start]
    m = syntax.qualifier_before.search(window)
    if not m:
        return "exact", start
    return syntax.qualifier_keys[m.group("q").lower()], start - (len(window) - m.start())


def _clean(value: float) -> float:
    return float(round(value, 6))


def extract_figures(source: Source, persons: Iterable[PersonRef] = (),
                    dates: Iterable[DateMention] | None = None) -> tuple[Figure, ...]:
    """Every figure in ``source`` that says what it counts, and every age, in text order.

    ``persons`` are the source's person mentions (ages attach to them); ``dates`` are its
    date mentions (numbers inside them are no figures), computed when not given.
    """
    language = canonical_language(source.language)
    syntax = _syntax(language)
    text = source.text
    index = PersonIndex(source.id, persons)
    date_spans = [(d.start, d.end) for d in (extract_dates(source) if dates is None else dates)]
    taken: list[tuple[int, int]] = sorted(date_spans)
    raw: list[dict[str, Any]] = []
    hits = syntax.trigger.hits(text)

    def free(start: int, end: int) -> bool:
        # taken spans never overlap each other, so only the neighbours by start matter
        i = bisect_left(taken, (start, start))
        return not any(s < end and start < e for s, e in taken[max(0, i - 1):i + 1])

    def take(start: int, end: int) -> None:
        insort(taken, (start, end))

    # Ages first: their numbers are not counts.
    for probe in syntax.age_probes:
        for m in probe.finditer(text, hits):
            if not free(m.start(), m.end()):
                continue
            value = parse_number(m.group("n"), language)
            if value is None or not 0 < value < 130 or value != int(value):
                continue
            subject = (_age_subject(index, m.start(), m.end(), text, syntax.stopwords)
                       or _age_back_reference(source, index, m.start(), syntax))
            take(m.start(), m.end())
            raw.append({"start": m.start(), "end": m.end(), "value": value, "measure": "age",
                        "qualifier": "exact", "subject": subject, "measure_text": None})
    if syntax.age_after_name:
        for ref in index.refs:
            m = _AGE_AFTER_NAME.match(text, ref.end)
            if not m:
                continue
            value = float(m.group(1))
            if not 0 < value < 130 or not free(m.start(1), m.end(1)):
                continue
            take(m.start(1), m.end(1))
            raw.append({"start": m.start(1), "end": m.end(1), "value": value, "measure": "age",
                        "qualifier": "exact", "subject": ref.entity_id, "measure_text": None})

    for m in syntax.number_probe.finditer(text, hits):
        if not m.group("num") or not free(m.start(), m.end()):
            continue
        value = parse_number(m.group("num"), language)
        if value is None:
            continue
        if not m.group("num")[:1].isdigit() and syntax.vague_link is not None:
            # "des dizaines de milliers de foyers", "tens of thousands of homes": no number at all
            link = syntax.vague_link.match(text, m.end())
            other = syntax.number.match(text, link.end()) if link else None
            if other is not None and other.group("num") and not other.group("num")[:1].isdigit():
                skipped = _measure(text, other.end(), other.start(), syntax)
                take(m.start(), skipped[1] if skipped else other.end())
                continue
        groups = m.groupdict()  # a language without scale words or currencies has no such group
        scale = groups.get("scale")
        if scale:
            value *= syntax.scales[scale.lower()]
        high_value: float | None = None
        low_value = value
        measured_from = m
        second = _range_end(text, m, syntax)
        if second is not None:
            high_value = parse_number(second.group("num"), language)
            if high_value is not None:
                if second.groupdict().get("scale"):
                    high_value *= syntax.scales[second.groupdict()["scale"].lower()]
                    if not scale:  # "between 3 and 4 million": the scale is said once
                        value *= syntax.scales[second.groupdict()["scale"].lower()]
                measured_from = second
        according = syntax.according.match(text, measured_from.end()) if syntax.according else None
        if according and according.group("lead"):
            according = None  # words between: the figure counts them ("80,000 people marched according to …")
        found: tuple[str, int, str | None, str | None] | None = (
            None if according else _measure(text, measured_from.end(), measured_from.start(), syntax))
        if according and raw and raw[-1]["measure"] != "age" \
                and source.sentence_at(raw[-1]["start"]) == source.sentence_at(m.start()) is not None:
            # "80 000 manifestants selon la police, 400 000 selon la CGT": the count of the one before
            found = (raw[-1]["measure"], measured_from.end(), raw[-1]["unit"], raw[-1]["measure_text"])
        if groups.get("cur"):
            found = (syntax.currency[groups["cur"]], m.end(), None, groups["cur"])
        opening = _qualifier(text, m.start(), syntax)[1]
        before = _outcome_before(text, opening, syntax)
        if found is None and before:  # "killing 38 people and injuring more than 250,"
            found = (before, measured_from.end(), None, None)
        named = syntax.named_before.search(text, max(0, opening - 40), opening) if syntax.named_before else None
        if named and (found is None or found[0] == "people" or found[0].startswith("word:")):
            # "a magnitude 6.1 earthquake", "séisme de magnitude 6,2", "styrken til 6,1": the word before says
            found = (syntax.named_before_keys[named.group("w").lower()], measured_from.end(), None, named.group("w"))
        if found is None:
            continue
        measure, end, unit, measure_text = found
        if measure in _PEOPLE_MEASURES or measure.startswith("word:"):
            # "12 Menschen wurden verletzt", "14 people were killed", "300 skadd", "killing 38 people",
            # "three firefighters had been injured":
            # what happened to them is the measure
            measure = (syntax.outcomes.get((measure_text or "").lower()) or before or _outcome(text, end, syntax)
                       or measure)
        digits = m.group("num")
        if high_value is not None:
            opener = syntax.range_open.search(text, max(0, m.start() - 20), m.start()) if syntax.range_open else None
            qualifier, start = "range", opener.start() if opener else m.start()
            if high_value < value:
                value, high_value = high_value, value
            low_value = value
            value = (low_value + high_value) / 2  # the value shown: the middle of the range
        else:
            qualifier, start = _qualifier(text, m.start(), syntax)
            if qualifier == "exact" and digits.lower() in syntax.approximate:
                qualifier = "about"  # "une quinzaine de blessés", "a dozen people"
        if named and measure_text == named.group("w"):
            start = named.start("w")  # shown with the word that names it: "magnitude 6,2"
        if not digits[:1].isdigit() and not scale and (
                (value == 1 and qualifier == "exact")
                or (measure.startswith("word:") and digits.lower() in syntax.ambiguous_numbers)):
            continue  # "one reason", "et tre falt" (a tree fell): a word, not a count ("four paintings" is one)
        if (re.fullmatch(r"(1[89]|20)\d\d", digits) and not scale and unit is None
                and measure.startswith("word:")):
            continue  # a year, not a count
        written = value
        if unit is not None:
            value = convert(value, unit)
            if high_value is not None:
                high_value = convert(high_value, unit)
                low_value = convert(low_value, unit)
        take(start, end)
        by = according or (syntax.according.match(text, end) if syntax.according else None)
        raw.append({"start": start, "end": end, "value": value, "measure": measure, "qualifier": qualifier,
                    "subject": None, "unit": unit, "written": written if unit else None,
                    "measure_text": measure_text, "high": high_value, "low": low_value,
                    "counted_by": _counter(by.group("who"), syntax) if by else None})

    raw.sort(key=lambda r: (r["start"], r["end"]))
    figures = []
    counters: dict[str, int] = {}
    for r in raw:
        anchor = source.paragraph_at(r["start"]).anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        low, high = (r["low"], r["high"]) if r.get("high") is not None else _range(r["value"], r["qualifier"])
        figures.append(Figure(
            id=f"{source.id}-{anchor}-f{counters[anchor]}", source=source.id, anchor=anchor,
            start=r["start"], end=r["end"], text=text[r["start"]:r["end"]], value=_clean(r["value"]),
            low=None if low is None else _clean(low), high=None if high is None else _clean(high),
            measure=r["measure"], qualifier=r["qualifier"], subject=r["subject"], language=language,
            unit=r.get("unit"), written_value=r.get("written"), measure_text=r.get("measure_text"),
            counted_by=r.get("counted_by")))
    return tuple(figures)


def _range_end(text: str, m: re.Match[str], syntax: _Syntax) -> re.Match[str] | None:
    """The second number of a range whose first number is ``m`` ("between 300 and 400"), if any."""
    if syntax.range_open is None or syntax.range_join is None:
        return None
    if not syntax.range_open.search(text, max(0, m.start() - 20), m.start()):
        return None
    join = syntax.range_join.match(text, m.end())
    if join is None:
        return None
    second = syntax.number.match(text, join.end())
    return second if second is not None and second.group("num") else None


def _age_back_reference(source: Source, index: PersonIndex, start: int, syntax: _Syntax) -> str | None:
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


def _measure(text: str, end: int, start: int, syntax: _Syntax) -> tuple[str, int, str | None, str] | None:
    """What the number ending at ``end`` counts: (measure, end of the figure, unit, word)."""
    percent = syntax.percent.match(text, end) if syntax.percent else None
    if percent:
        return "percent", percent.end(), None, percent.group(0).strip()  # "8 %", "27.4 per cent", "8 Prozent"
    # a unit glued to the number: "400-pound", "181-kg", "5km"
    glued = _GLUED_WORD.match(text, end)
    if glued and glued.group(1) == "m" and _SI_PER_SECOND.match(text, glued.end()):
        return "speed", glued.end() + len(_SI_PER_SECOND.match(text, glued.end()).group(0)), "m", "m"  # "45 m/s"
    if glued and glued.group(1).lower() in syntax.units:
        unit = syntax.units[glued.group(1).lower()]
        if unit in UNIT_FACTORS:
            per_second = syntax.per_second.match(text, glued.end()) if syntax.per_second else None
            if per_second and UNIT_FACTORS[unit][0] == "distance":
                return "speed", per_second.end(), unit, glued.group(1)  # metres per second: m/s
            per_hour = syntax.per_hour.match(text, glued.end())
            if per_hour and f"{unit}/h" in UNIT_FACTORS:
                return "speed", per_hour.end(), f"{unit}/h", glued.group(1)  # "90 km/h", "100 kilomètres à l'heure"
            return UNIT_FACTORS[unit][0], glued.end(), unit, glued.group(1)
    position = end
    skipped = 0
    first: tuple[str, int] | None = None
    after_link = False
    while skipped <= _MAX_SKIPPED:
        # after an elided link word the next word is glued to it: "2 millions d'euros"
        m = (after_link and _ELIDED_WORD.match(text, position)) or _NEXT_WORD.match(text, position)
        if not m:
            break
        word = m.group(1)
        lower = word.lower()
        after_link = False
        if lower in syntax.measures:
            return syntax.measures[lower], m.end(), None, word
        if lower in syntax.links:
            position = m.end()
            after_link = True
            continue
        if lower in syntax.times:
            measure = _context_measure(text, start, m.end(), syntax)
            return (measure or "times"), m.end(), None, word
        if skipped == 0 and _counted_word(word, syntax):
            first = (word, m.end())
        elif skipped == 0:
            return None
        skipped += 1
        position = m.end()
    if first is None:
        return None
    return f"word:{first[0].lower()}", first[1], None, first[0]


_PEOPLE_MEASURES = frozenset({"people", "responders", "passengers", "spectators"})  # outcome words refine them


_OUTCOME_REACH = 4  # words after what a number counts to the word saying what happened to them


def _outcome(text: str, end: int, syntax: _Syntax) -> str | None:
    """The measure an outcome word right after a count names ("… wurden verletzt": injured)."""
    window = _OUTCOME_STOP.split(text[end:end + 60], maxsplit=1)[0]  # not past a sentence or the next count
    for word in HYPHENATED_WORD.findall(window)[:_OUTCOME_REACH]:
        found = syntax.outcomes.get(word.lower())
        if found:
            return found
    return None


_OUTCOME_STOP = re.compile(r"[.;:!?]|\d")


_LAST_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")  # the word right before, no punctuation between


def _outcome_before(text: str, start: int, syntax: _Syntax) -> str | None:
    """The measure an outcome word right before a count names ("killing at least 38", "injuring 250")."""
    last = _LAST_WORD.search(text, max(0, start - 30), start)
    return syntax.outcomes.get(last.group(1).lower()) if last else None


def _counted_word(word: str, syntax: _Syntax) -> bool:
    """Whether ``word`` right after a number may be what it counts: a noun, not a function
    word or a month (lower case, or capitalised where the language capitalises its nouns)."""
    lower = word.lower()
    shaped = word.islower() or (syntax.capitalised_nouns and word[:1].isupper() and word[1:].islower())
    return shaped and len(word) > 2 and lower not in syntax.stopwords and fold(lower) not in syntax.calendar


def _context_measure(text: str, start: int, end: int, syntax: _Syntax) -> str | None:
    """For "sett over 20 millioner ganger": the measure a verb near the number names (``sett``: views)."""
    window = text[max(0, start - 80):start]
    words = HYPHENATED_WORD.findall(window)[-_CONTEXT_WORDS:]
    for word in reversed(words):
        if word.lower() in syntax.context:
            return syntax.context[word.lower()]
    for word in HYPHENATED_WORD.findall(text[end:end + 40])[:3]:  # "1,2 Millionen Mal angesehen"
        if word.lower() in syntax.context:
            return syntax.context[word.lower()]
    return None

"""What a number measures: units and their conversions, the words around a number, and the
ordered rules that choose among what those words say.

A number is read once for every clue (a currency sign before it, a percent sign, unit or word
after it, an outcome word or a word naming the measure before it, who counted it); then
:data:`MEASURE_RULES` decide, the first rule that applies winning, and for a count of people
:data:`OUTCOME_RULES` say what happened to them. The names of the rules that decided are the
figure's ``rules``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from generator.extract.figure_syntax import FigureSyntax
from generator.text.lemmas import lemma_of
from generator.text.words import HYPHENATED_WORD, fold

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
BASE_UNITS: dict[str, str] = {"weight": "kg", "distance": "m", "speed": "m/s", "area": "m²", "temperature": "°C",
                              "depth": "m", "height": "m", "length": "m", "width": "m"}


# Lengths: a distance, or the dimension the words after it name ("40 metres deep": depth).
LENGTH_MEASURES = frozenset({"distance", "depth", "height", "length", "width"})


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


# Counts of people: a story counts many groups of them (the dead of this attack and of another,
# the staff of a building, the people taken to hospital), so a count of people says nothing about
# which group it is.
PEOPLE_COUNTS = frozenset({"people", "responders", "passengers", "spectators", "students", "children", "fans",
                           "celebrities", "friends", "dead", "injured", "arrested", "evacuated", "hospitalised",
                           "troops"})
# Measures of size: a story measures many things (a well's depth and its distance from a town).
SIZE_MEASURES = frozenset({"weight", "speed", "area", "temperature", "percent", "times", "age"}) | LENGTH_MEASURES


# Spans of time: how long something lasted or has lasted. Counted at different moments of a
# running story ("trapped for 50 hours", "for more than 85 hours"), they differ without disagreeing.
DURATION_MEASURES = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})


_PEOPLE_MEASURES = frozenset({"people", "responders", "passengers", "spectators"})  # outcome words refine them


class Reading(NamedTuple):
    """What one clue says a number measures."""

    measure: str
    """The measure key (``views``, ``speed``, ``word:elever``)."""
    end: int
    """Where the figure ends: after the number, or after the words that say what it counts."""
    unit: str | None
    """The unit as normalised (``lb``), for measures with units."""
    text: str | None
    """The word that says what is counted, as written."""
    how: str = ""
    """For the words after a number, which of them said it (``percent``, ``speed``, ``unit``,
    ``measure_word``, ``times``, ``context``, ``counted_word``, ``counted_word_after_modifier``,
    ``dimension``)."""
    about: str | None = None
    """Whom what is counted belongs to, when a word before the noun says it ("german" of "1,000
    German troops"), lower case."""


class Clues(NamedTuple):
    """What the words around one number say it measures, each read once; the rules choose."""

    currency: Reading | None
    """A currency sign before the number ("$5 million")."""
    previous: Reading | None
    """When the words after it only say who counted it: what the figure before in its sentence
    counts ("5000 vues selon YouTube, 7000 selon la chaîne")."""
    after: Reading | None
    """What the words after it say it counts ("%", "400-pound", "millions de vues", "elever")."""
    before: str | None
    """The measure an outcome word right before it names ("killing 38", "injuring more than 250")."""
    named: Reading | None
    """What a word right before it names ("magnitude 6.1", "styrken til 6,1")."""
    end: int
    """Where the number (the second number of a range) ends."""


def _weak(found: Reading) -> bool:
    """Whether a reading says no more than people or a noun: a word before naming the measure outranks it."""
    return found.measure == "people" or found.measure.startswith("word:")


class MeasureRule(NamedTuple):
    """One way to tell what a number measures."""

    name: str
    """The rule's name, as a figure's ``rules`` records it."""
    read: Callable[[Clues], Reading | None]
    """The test and the result in one: the measure when the rule applies, else ``None``."""


# What a number measures: the first rule that applies decides.
MEASURE_RULES: tuple[MeasureRule, ...] = (
    # "$5 million", "€ 3 millions": a currency sign before the number
    MeasureRule("currency", lambda c: c.currency),
    # "5000 vues selon YouTube, 7000 selon la chaîne": what the figure before counts
    MeasureRule("as_before", lambda c: c.previous if c.previous is not None and not _weak(c.previous) else None),
    # "8 %", "400-pound", "45 m/s", "20 million views", "17 million times": the words after name it
    MeasureRule("said_after", lambda c: c.after if c.after is not None and not _weak(c.after) else None),
    # "killing 38, injuring more than 250,": an outcome word before a number nothing after names
    MeasureRule("outcome_before", lambda c: Reading(c.before, c.end, None, None)
                if c.before and c.previous is None and c.after is None else None),
    # "a magnitude 6.1 earthquake", "styrken til 6,1": a word before names it, over people or a noun after
    MeasureRule("named_before", lambda c: c.named),
    # "80 000 manifestants selon la police, 400 000 selon la CGT": people or a noun, as the figure before
    MeasureRule("counted_as_before", lambda c: c.previous),
    # "39.000 norske elever", "12 people", "four paintings": people or a noun after the number
    MeasureRule("counted_after", lambda c: c.after),
)


def decide(clues: Clues) -> tuple[str, Reading] | None:
    """The measure of one number and the name of the rule that decided it, if any rule applies."""
    for rule in MEASURE_RULES:
        found = rule.read(clues)
        if found is not None:
            return rule.name, found
    return None


class OutcomeRule(NamedTuple):
    """One way to tell what happened to the people a number counts."""

    name: str
    """The rule's name, as a figure's ``rules`` records it."""
    read: Callable[[Reading, Clues, str, FigureSyntax], str | None]
    """The outcome measure when the rule applies (``injured``), else ``None``."""


# What happened to the people counted ("12 people were injured"): the first rule that applies decides.
OUTCOME_RULES: tuple[OutcomeRule, ...] = (
    # "une quinzaine de blessés", "30 Tote": the counted word says it
    OutcomeRule("outcome_word", lambda found, c, text, syntax: syntax.outcomes.get((found.text or "").lower())),
    # "killing 38 people", "injuring 250 people": the word before says it
    OutcomeRule("outcome_before", lambda found, c, text, syntax: c.before),
    # "12 Menschen wurden verletzt", "three firefighters had been injured": a word after says it
    OutcomeRule("outcome_after", lambda found, c, text, syntax: outcome_after(text, found.end, syntax)),
)


def what_happened(found: Reading, clues: Clues, text: str, syntax: FigureSyntax) -> tuple[str, str | None]:
    """For a count of people or of a noun, the measure of what happened to them and the rule that
    said so; else the measure as found (and no rule)."""
    if found.measure not in _PEOPLE_MEASURES and not found.measure.startswith("word:"):
        return found.measure, None
    for rule in OUTCOME_RULES:
        outcome = rule.read(found, clues, text, syntax)
        if outcome:
            return outcome, rule.name
    return found.measure, None


_MAX_SKIPPED = 2  # words between a number and what it counts ("39.000 norske elever")


_CONTEXT_WORDS = 6


_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+(?:-[^\W\d_]+)*)")


_ELIDED_WORD = re.compile(r"['’]([^\W\d_]+(?:-[^\W\d_]+)*)")  # after an elided link word: "millions d'euros"


_GLUED_WORD = re.compile(r"[-\u00a0 ]?°?([^\W\d_]+²?)")  # "400-pound", "44C", "44 °C", "12 km²"


_SI_PER_SECOND = re.compile(r"[ \u00a0]*/[ \u00a0]*s(?!\w)")  # "m/s" in any language, even where "m" means million


def read_after(text: str, end: int, start: int, syntax: FigureSyntax) -> Reading | None:
    """What the words after the number from ``start`` to ``end`` say it counts: a percent sign,
    a unit glued to it, or a word after it (a measure word, "times", a noun)."""
    percent = syntax.percent.match(text, end) if syntax.percent else None
    if percent:
        return Reading("percent", percent.end(), None, percent.group(0).strip(), "percent")  # "8 %", "8 Prozent"
    unit = _unit_after(text, end, syntax)
    if unit is not None:
        return unit
    return _words_after(text, end, start, syntax)


def _unit_after(text: str, end: int, syntax: FigureSyntax) -> Reading | None:
    """A unit glued to the number ("400-pound", "181-kg", "5km"), and what makes it a speed ("45 m/s")."""
    glued = _GLUED_WORD.match(text, end)
    if glued is None:
        return None
    word = glued.group(1)
    if word == "m":
        si = _SI_PER_SECOND.match(text, glued.end())
        if si:
            return Reading("speed", glued.end() + len(si.group(0)), "m", "m", "speed")  # "45 m/s"
    unit = syntax.units.get(word.lower())
    if unit is None or unit not in UNIT_FACTORS:
        return None
    if UNIT_FACTORS[unit][0] == "distance":
        per_second = syntax.per_second.match(text, glued.end())
        if per_second:
            return Reading("speed", per_second.end(), unit, word, "speed")  # metres per second: m/s
    per_hour = syntax.per_hour.match(text, glued.end())
    if per_hour and f"{unit}/h" in UNIT_FACTORS:
        return Reading("speed", per_hour.end(), f"{unit}/h", word, "speed")  # "90 km/h", "100 kilomètres à l'heure"
    dimension = dimension_after(text, glued.end(), syntax) if UNIT_FACTORS[unit][0] == "distance" else None
    if dimension is not None:
        return Reading(dimension[0], dimension[1], unit, word, "dimension")  # "40-metre-deep", "130ft deep"
    return Reading(UNIT_FACTORS[unit][0], glued.end(), unit, word, "unit")


def dimension_after(text: str, end: int, syntax: FigureSyntax) -> tuple[str, int] | None:
    """The dimension the words right after a length name ("-deep": depth, " in diameter": width),
    and where they end."""
    found = syntax.dimension.match(text, end) if syntax.dimension else None
    return (syntax.dimensions[found.group("d").lower()], found.end()) if found else None


def scale_as_length(text: str, m: re.Match[str], syntax: FigureSyntax, language: str) -> Reading | None:
    """A scale word glued to a number that is the symbol of a length rather than a scale ("the 40m
    dry well", "the 80m-deep well"; not "40m views", "£40m", "40m users"): a length when no
    currency sign goes before, and the word after names a dimension or is neither a measure word,
    a function word nor an inflected (plural) noun."""
    groups = m.groupdict()
    scale = groups.get("scale")
    if not scale or groups.get("cur") or m.start("scale") != m.end("num"):
        return None
    unit = scale.lower()
    if unit not in UNIT_FACTORS or UNIT_FACTORS[unit][0] != "distance":
        return None
    dimension = dimension_after(text, m.end(), syntax)
    if dimension is not None:
        return Reading(dimension[0], dimension[1], unit, scale, "dimension")
    after = _NEXT_WORD.match(text, m.end())
    if after is None:
        return None
    word = after.group(1)
    lower = word.lower()
    if lower in syntax.measures or not _counted_word(word, syntax) or lemma_of(word, language) != lower:
        return None
    return Reading("distance", m.end(), unit, scale, "unit")


_TWO_BEFORE = re.compile(r"(?:([^\W\d_][\w'’-]*)[ \u00a0]+)?([^\W\d_][\w'’-]*)[ \u00a0]+$")


def another_before(text: str, start: int, syntax: FigureSyntax) -> bool:
    """Whether one of the two words before ``start`` says the figure is another group's or person's
    ("another 1,000 troops", "un autre garçon de 19 ans")."""
    before = _TWO_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and any(w is not None and w.lower() in syntax.others for w in before.groups())


def words_before(text: str, start: int) -> tuple[str | None, str | None]:
    """The two words right before ``start``, the nearer last (``None`` where there is none)."""
    before = _TWO_BEFORE.search(text, max(0, start - 40), start)
    return (before.group(1), before.group(2)) if before else (None, None)


_RUN_WORDS = 3  # words after a length read for the thing it measures ("the 40m dry well in")


def measured_thing(text: str, start: int, end: int, syntax: FigureSyntax) -> str | None:
    """What a length is the size of, lower case: after an article, the noun after it, past one word
    that describes it ("a 40-metre-deep well", "the 40m dry well in"; not "swam 50 metres through"),
    or the noun before a word that links it to its size ("the well was about 40 metres deep", "a
    well measuring 130ft deep")."""
    further, nearer = words_before(text, start)
    if nearer is not None and nearer.lower() in syntax.subject_links and further is not None \
            and _counted_word(further, syntax) and further.lower() not in syntax.determiners:
        return further.lower()
    if nearer is None or nearer.lower() not in syntax.determiners:
        return None
    run: list[str] = []
    position = end
    while len(run) < _RUN_WORDS:
        after = _NEXT_WORD.match(text, position)
        if after is None or not _counted_word(after.group(1), syntax) or after.group(1).lower() in syntax.measures:
            break
        run.append(after.group(1))
        position = after.end()
    if syntax.capitalised_nouns:  # the noun is the word with a capital ("der 40 Meter tiefe Brunnen")
        run = [w for w in run if w[:1].isupper()]
    if not run:
        return None
    return (run[-1] if len(run) == 2 else run[0]).lower()


def _words_after(text: str, end: int, start: int, syntax: FigureSyntax) -> Reading | None:
    """The first of the words after a number that names what it counts (link words skipped), or
    the noun right after it."""
    position = end
    skipped = 0
    first: tuple[str, int] | None = None
    after_link = False
    previous = ""
    nationality: str | None = None
    second: tuple[str, int] | None = None
    while skipped <= _MAX_SKIPPED:
        # after an elided link word the next word is glued to it: "2 millions d'euros"
        m = (after_link and _ELIDED_WORD.match(text, position)) or _NEXT_WORD.match(text, position)
        if not m:
            break
        word = m.group(1)
        lower = word.lower()
        after_link = False
        if lower in syntax.measures:
            return Reading(syntax.measures[lower], m.end(), None, word, "measure_word", nationality)
        pair = f"{previous} {lower}"
        if previous and pair in syntax.measures:  # "service members"
            return Reading(syntax.measures[pair], m.end(), None, text[position - len(previous):m.end()],
                           "measure_word", nationality)
        previous = lower
        if skipped == 0 and nationality is None and word[:1].isupper() and lower in syntax.not_names:
            nationality = lower  # passed over once, before what is counted, whose it is: "1,000 German troops"
            position = m.end()
            continue
        if lower in syntax.links:
            position = m.end()
            after_link = True
            continue
        link = (syntax.vague_link.match(text, position) if skipped == 0 and first is None and syntax.vague_link
                and text[start:end].lower() in syntax.vague_counts else None)
        if link and text[position:link.end()].strip() == word:
            position = m.end()  # "dozens of rescuers": what the vague count counts comes after its link
            after_link = True
            continue
        if lower in syntax.times:
            measure = _context_measure(text, start, m.end(), syntax)
            return Reading(measure or "times", m.end(), None, word, "context" if measure else "times")
        if skipped == 0 and _counted_word(word, syntax):
            first = (word, m.end())
        elif skipped == 1 and first is not None and second is None and _counted_word(word, syntax):
            second = (word, m.end())
        elif skipped == 0:
            return None
        skipped += 1
        position = m.end()
    if first is None:
        return None
    if second is not None and _head_after(first[0], second[0], syntax):
        return Reading(f"word:{second[0].lower()}", second[1], None, second[0], "counted_word_after_modifier",
                       nationality)
    return Reading(f"word:{first[0].lower()}", first[1], None, first[0], "counted_word", nationality)


def _head_after(first: str, second: str, syntax: FigureSyntax) -> bool:
    """Whether of two words after a number the second is what it counts and the first describes it:
    the second a noun where the first is not ("drei große Gemälde"), or the second inflected where
    the first is not ("100 dump trucks", "two large explosions"; not "two cars crashed")."""
    if syntax.capitalised_nouns:
        return first.islower() and second[:1].isupper()
    return (lemma_of(first, syntax.language) == first.lower()
            and lemma_of(second, syntax.language) != second.lower())


_OUTCOME_REACH = 5  # words after what a number counts to the word saying what happened to them


_OUTCOME_STOP = re.compile(r"[.;:!?]|\d")


def outcome_after(text: str, end: int, syntax: FigureSyntax) -> str | None:
    """The measure an outcome word right after a count names ("… wurden verletzt": injured)."""
    window = _OUTCOME_STOP.split(text[end:end + 60], maxsplit=1)[0]  # not past a sentence or the next count
    for word in HYPHENATED_WORD.findall(window)[:_OUTCOME_REACH]:
        found = syntax.outcomes.get(word.lower())
        if found:
            return found
    return None


_LAST_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")  # the word right before, no punctuation between


def outcome_word_before(text: str, start: int, syntax: FigureSyntax) -> str | None:
    """The measure an outcome word right before a count names ("killing at least 38", "injuring 250")."""
    last = _LAST_WORD.search(text, max(0, start - 30), start)
    return syntax.outcomes.get(last.group(1).lower()) if last else None


def _counted_word(word: str, syntax: FigureSyntax) -> bool:
    """Whether ``word`` right after a number may be what it counts: a noun, not a function
    word or a month (lower case, or capitalised where the language capitalises its nouns)."""
    lower = word.lower()
    shaped = word.islower() or (syntax.capitalised_nouns and word[:1].isupper() and word[1:].islower())
    return shaped and len(word) > 2 and lower not in syntax.stopwords and fold(lower) not in syntax.calendar


def _context_measure(text: str, start: int, end: int, syntax: FigureSyntax) -> str | None:
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

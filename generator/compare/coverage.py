"""Coverage findings: what only one source reports.

Two kinds of finding, each named by the rule that made it one. Neither is a contradiction (a
source that reports more tells the reader where else to look), so both are
``different-scope``, ``low``:

``measure-in-one-source`` (detail ``figure``)
    one source alone gives figures of a measure (dead, injured, views …; not ages, nor counts
    named by the noun after them); its first three figures are the claims. A sum of money is
    no fact of its own when more than one source gives a sum in some currency (one in kroner,
    another in euros).
``entity-in-one-source``, ``term-in-one-source`` (detail ``names``)
    the names one source gives and no other, one finding per source listing them by type
    (people, places, organisations, platforms, works, other names), recording which of the
    two rules found its names.

Names come from the resolved entities of the coverage types whose mentions are all in one
source (``entity-in-one-source``), and from a term pass over runs of capitalised words that
no entity or person mention covers (``term-in-one-source``), less a first word that opens a
sentence. A term is none of these: shorter than three letters, a function or calendar word,
an acronym of three letters or fewer, made only of function words and words of people's
names, a country's adjective ("Norwegian" beside "Norway"), in a language that capitalises
nouns a single word or one holding a common word, nor a name or mention of an entity
(compared without case, accents or a possessive ending). A name is left out when it is the
source's own outlet, part of it or its initials ("In Touch", "BT"); when it only describes
the person named right after it ("Hollywood-stjernen Mark Ruffalo"); when another source
writes it, or two or more of its words in a row (a country also in another language:
"Tyskland" covers "Germany"); and a term of one word when the source writes it only once
(too often an ordinary word or a descriptor).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache

from generator.compare.common import Rule, always, claim_at, stable_id
from generator.compare.dates import clock_minutes
from generator.compare.wording import claim_stopwords
from generator.extract.measures import (
    CURRENCY_MEASURES,
    DURATION_MEASURES,
    LENGTH_MEASURES,
    PEOPLE_COUNTS,
    SIZE_MEASURES,
)
from generator.lang import language_data, trait, word_set
from generator.model.claims import DateMention, Figure
from generator.model.finding import Discrepancy, short_id
from generator.model.refs import COVERAGE_TYPES, EntityRef, PersonRef
from generator.model.source import Source
from generator.text import lexicon as lex
from generator.text.lexicon import calendar_words
from generator.text.numbers import number_syntax, parse_number
from generator.text.words import OPENING_SPACE, UPPER_CLASS, WORD_OR_NUMBER, fold

_TERM = re.compile(rf"(?<![\w-])([{UPPER_CLASS}][\w]+(?:[ -][{UPPER_CLASS}][\w]+)*)")




def _opens_sentence(text: str, start: int, paragraph_start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a quote or a paragraph (so its capital says nothing)."""
    before = text[paragraph_start:start].rstrip(OPENING_SPACE)
    return not before or before[-1] in ".!?:…"


@cache
def _common(word: str, language: str) -> bool:
    """A frequent word of the language: capitalised, it is a noun (German) or an opener, not a name."""
    from wordfreq import zipf_frequency
    return zipf_frequency(word, language) >= lex.COMMON_NOUN_ZIPF


@cache
def _countries() -> dict[str, str]:
    """Country names in every supported language (pycountry's ISO 3166 translations), to their code."""
    import gettext

    import pycountry

    from generator.lang import supported_languages
    names: dict[str, str] = {}
    translations = []
    for language in supported_languages():
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            names[name.lower()] = country.alpha_2
            for translation in translations:
                names[translation.gettext(name).lower()] = country.alpha_2
    return names


@cache
def _country_prefixes() -> frozenset[str]:
    """First letters of country names: "Norwegian" and "American" name no new fact beside "Norway"."""
    return frozenset(name[:4] for name in _countries() if len(name) >= 4)


def _covered_elsewhere(term: str, others: Iterable[str]) -> bool:
    """Whether another source writes the term (a country: its name in any supported language)."""
    code = _countries().get(term.lower())
    if code is not None:
        names = [n for n, c in _countries().items() if c == code]
        return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", other) for other in others for n in names)
    return any(term.lower() in other for other in others)


@cache
def _term_stopwords(language: str) -> frozenset[str]:
    """Words no name is made of: the claim stop words and the entity function words ("Tens")."""
    return claim_stopwords(language) | word_set(language, "entity_function_words")


def _terms(source: Source, persons: Sequence[PersonRef], person_words: frozenset[str],
           spans_by_source: dict[str, list[tuple[int, int]]] | None = None) -> dict[str, tuple[int, int]]:
    """Capitalised names that are not people and do not open a sentence: the first span of each."""
    stop = _term_stopwords(source.language)
    nouns = bool(trait(source.language, "capitalises_nouns"))  # a single capitalised word is a name only when rare
    calendar = calendar_words(source.language) if language_data(source.language) else frozenset()
    refs = spans_by_source.get(source.id, []) if spans_by_source is not None else [
        (p.start, p.end) for p in persons if p.source == source.id]
    found: dict[str, tuple[int, int]] = {}
    text = source.text
    for paragraph in source.article:
        for m in _TERM.finditer(text, paragraph.start, paragraph.end):
            start, end = m.start(1), m.end(1)
            words = m.group(1).split(" ")
            if _opens_sentence(text, start, paragraph.start):
                if len(words) == 1:
                    continue
                start += len(words[0]) + 1
                words = words[1:]
            if any(s < end and start < e for s, e in refs):
                continue
            term = " ".join(words)
            lower = term.lower()
            if (len(term) < 3 or lower in stop or fold(term) in calendar or (term.isupper() and len(term) <= 3)
                    or all(w.lower() in stop or w in person_words for w in words)
                    or (nouns and any(_common(w.lower(), source.language) for w in words))
                    or (len(words) == 1 and nouns)
                    or (lower not in _countries() and lower[:4] in _country_prefixes())):
                continue
            found.setdefault(term, (start, start + len(term)))
    return found


def _fold(name: str) -> str:
    """A name compared without case, accents or a possessive ending ("Strømstad's": "stromstad")."""
    return _POSSESSIVE.sub("", fold(name))


_POSSESSIVE = re.compile(r"'s$")


_TYPE_LABELS = {"person": ("person", "people"), "place": ("place", "places"),
                "organization": ("organisation", "organisations"), "platform": ("platform", "platforms"),
                "work": ("work", "works"), "term": ("other name", "other names")}


# What may stand between a name and the person it describes ("Hollywood-stjernen Mark Ruffalo",
# "«Captain America»-stjernen Chris Evans", "Hollywood star Mark Ruffalo"): a compound tail or one word.
_DESCRIPTOR_GAP = re.compile(r"[»”\"'’]?(?:-(?P<tail>[^\W\d_][\w-]*)|\s+(?P<word>[^\W\d_][\w-]*))\s+$")


def _outlet_words(source: Source) -> tuple[frozenset[str], str]:
    """The words of the source's own outlet, and their initials ("bt" for "Bergens Tidende")."""
    outlet = source.metadata.outlet or ""
    words = [w.lower() for w in WORD_OR_NUMBER.findall(outlet)]
    return frozenset(words), "".join(w[0] for w in words) if len(words) >= 2 else ""


def _own_outlet(name: str, source: Source) -> bool:
    """Whether ``name`` is the source's own outlet, part of it, or its initials ("In Touch", "BT")."""
    words, initials = _outlet_words(source)
    if not words:
        return False
    parts = [w.lower() for w in WORD_OR_NUMBER.findall(name)]
    return bool(parts) and (all(p in words for p in parts) or (len(parts) == 1 and parts[0] == initials))


def _own_staff(name: str, source: Source) -> bool:
    """Whether ``name`` is one of the source's own people, named with its outlet ("NPR's Ofeibea
    Quist-Arcton" in NPR's report): no fact of the story."""
    first = name.split(" ", 1)[0]
    owner = first[:-2] if first.endswith(("'s", "’s")) else ""
    return bool(owner) and " " in name and _own_outlet(owner, source)


def _descriptor(source: Source, start: int, end: int, person_starts: set[int]) -> bool:
    """Whether the name at ``[start, end)`` only describes the person named right after it."""
    window = source.text[end:end + 40]
    for offset in range(1, len(window) + 1):
        if end + offset in person_starts:
            m = _DESCRIPTOR_GAP.fullmatch(window[:offset])
            if m is None:
                return False
            word = m.group("word")
            return word is None or (word[:1].islower() and word.lower() not in claim_stopwords(source.language))
    return False


class _OtherTexts:
    """Every source's lower-cased text but one's, read as often as needed: a list of them for
    each source was sources × sources entries (25 million at 5,000 sources)."""

    def __init__(self, texts: dict[str, str], skip: str) -> None:
        self.texts = texts
        self.skip = skip

    def __iter__(self) -> Iterator[str]:
        return (text for source_id, text in self.texts.items() if source_id != self.skip)


def _named_elsewhere(name: str, others: Iterable[str]) -> bool:
    """Whether another source writes the name, or (for a longer name) two or more of its words in a row."""
    if _covered_elsewhere(name, others):
        return True
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i:i + size]).lower()
            if any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", other) for other in others):
                return True
    return False


_ONLY_MEASURE: Rule[object] = Rule("measure-in-one-source", always, "different-scope", "low")
"""One source alone gives figures of a measure."""

_ONLY_NUMBERS: Rule[object] = Rule("numbers-in-one-source", always, "different-scope", "low")
"""One source alone gives figures whose numbers no other source writes, where no other finding compares them."""

NUMBERS_NOWHERE_ELSE = "numbers no other source writes"
TIMES_NOWHERE_ELSE = "clock times no other source gives, nor one near them"
"""The evidence of a figure coverage finding whose every number no other source writes, in digits or words."""

_ONLY_ENTITY: Rule[object] = Rule("entity-in-one-source", always, "different-scope", "low")
"""One source alone names an entity."""

_ONLY_TERM: Rule[object] = Rule("term-in-one-source", always, "different-scope", "low")
"""One source alone writes a capitalised name no entity covers."""

Named = tuple[int, str, str, int, int, bool]
"""A name only one source gives: the order of its type, the type, the name, its first span, and
whether its evidence makes it a fact of its own (see :func:`_typed_on_evidence`)."""


def coverage_findings(sources: dict[str, Source], figures: Sequence[Figure], persons: Sequence[PersonRef],
                      entities: Sequence[EntityRef]) -> list[Discrepancy]:
    """What only one source reports: figures by measure, and per source the names no other source gives.

    Names come from the resolved entities (people, places, organisations, platforms, works)
    and from a term pass over capitalised words no entity covers, kept only for names of
    several words or names the source repeats. A source's own outlet is never a fact.
    """
    if len(sources) < 2:
        return []
    found = _measure_findings(sources, figures, numbers_written(sources, figures), counted_measures(figures))
    lowered = {sid: article_text(s).lower() for sid, s in sources.items()}
    others_of = {sid: _OtherTexts(lowered, sid) for sid in sources}
    person_starts: dict[str, set[int]] = defaultdict(set)
    person_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ref in persons:
        person_starts[ref.source].add(ref.start)
        person_spans[ref.source].append((ref.start, ref.end))
    only: dict[str, list[Named]] = defaultdict(list)  # source → names only it gives
    known, entity_spans = _entity_names(sources, entities, person_starts, others_of, only)
    person_words = frozenset(w for p in persons for w in p.name.split())
    for sid, source in sorted(sources.items()):
        spans = sorted(entity_spans.get(sid, []) + person_spans.get(sid, []))
        for term, (start, end) in _terms(source, persons, person_words, {sid: spans}).items():
            if _fold(term) in known or _own_outlet(term, source):
                continue
            if " " not in term and len(re.findall(rf"(?<![\w-]){re.escape(term)}(?![\w])", source.text)) < 2:
                continue  # a single capitalised word, once: too often an ordinary word or a descriptor
            if _descriptor(source, start, end, person_starts[sid]) or _named_elsewhere(term, others_of[sid]):
                continue
            only[sid].append((len(COVERAGE_TYPES), "term", term, start, end, False))
    for sid, items in sorted(only.items()):
        sure = [item for item in items if item[5]]
        found.extend(_names_finding(sources, sid, part, part is sure) for part in (sure, [i for i in items if not i[5]])
                     if part)
    return found


def _typed_on_evidence(entity: EntityRef, source: Source, sources: dict[str, Source]) -> bool:
    """Whether a name only ``source`` gives is a fact of its own: a person whose type rests on
    evidence beyond a capital letter (a role, a title, an age, a given name). A person's name is
    the same in every language; a place or an organisation may be named in another language's
    words (Sicile, Sizilien) or typed wrongly, so those are left to check."""
    return entity.strong and entity.type == "person"


def article_text(source: Source) -> str:
    """The source's article, its page furniture left out (a photo gallery's caption names no one
    the article names): the paragraphs, one per line."""
    if all(p.furniture is None for p in source.paragraphs):
        return source.text
    return "\n".join(source.text[p.start:p.end] for p in source.article)


Written = dict[str, dict[float, tuple[str | None, ...]]]
"""Each number each source writes, to the measure of the figure each writing of it stands in
(``None`` where it stands in none)."""


def numbers_written(sources: dict[str, Source], figures: Sequence[Figure] = ()) -> Written:
    """Every number each source writes, in digits or in words, as its value (the value of a number
    with a scale word counted both ways: “5.2 billion” is 5.2 and 5,200,000,000), with the measure
    of the figure of ``figures`` it stands in, where it stands in one."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for figure in figures:
        spans[figure.source].append((figure.start, figure.end, figure.measure))
    written: Written = {}
    for sid, source in sources.items():
        held = sorted(spans.get(sid, ()))
        starts = [start for start, _, _ in held]
        by_value: dict[float, list[str | None]] = defaultdict(list)
        for value, start in _numbers_of(source):
            at = bisect_right(starts, start) - 1
            by_value[value].append(held[at][2] if at >= 0 and start < held[at][1] else None)
        written[sid] = {value: tuple(measures) for value, measures in by_value.items()}
    return written


@lru_cache(maxsize=20_000)
def _numbers_of(source: Source) -> tuple[tuple[float, int], ...]:
    """The numbers one source's article writes, with where each is written (read once for the
    coverage kind and its later pass)."""
    syntax = number_syntax(source.language)
    scales = {str(w).lower(): float(k) for k, words in (language_data(source.language).get("figure_scales") or {}
                                                         ).items() for w in words}
    pattern = re.compile(rf"({syntax.pattern})(?:[ \u00a0]*([^\W\d_]+))?")
    found: list[tuple[float, int]] = []
    for paragraph in source.article:
        for m in pattern.finditer(source.text[paragraph.start:paragraph.end]):
            value = parse_number(m.group(1), source.language)
            if value is None:
                continue
            found.append((value, paragraph.start + m.start()))
            scale = scales.get((m.group(2) or "").lower())
            if scale:
                found.append((value * scale, paragraph.start + m.start()))
    return tuple(found)


def _kind_of(measure: str) -> str:
    """What a measure counts or measures, broadly: time, money, a size, or a count (of people or
    things: a noun may count people, “20,000 lives”)."""
    if measure in DURATION_MEASURES:
        return "time"
    if measure in CURRENCY_MEASURES:
        return "money"
    return "size" if measure in SIZE_MEASURES else "count"


def _writes(figure: Figure, measures: tuple[str | None, ...], counts: Iterable[str]) -> bool:
    """Whether another source's writings of a figure's number (the measures of the figures they
    stand in) may give the figure: not where each stands in a figure of another kind (“over 100
    hours” beside “100 dump trucks”), or of another thing, not people, the figure's own source
    counts too, otherwise (“100 excavators”, where it counts “some 60 excavators” and “100 dump
    trucks”). People are counted under many names (“20,000 lives”, “20,000 people” dead)."""
    kind = _kind_of(figure.measure)
    return any(measure is None or measure == figure.measure
               or (_kind_of(measure) == kind and (kind != "count" or measure not in counts
                                                   or PEOPLE_COUNTS.intersection((measure, figure.measure))))
               for measure in measures)


_VICTIMS = frozenset({"people", "dead"})
"""Counts of people any other count of people may be made up of (“Mike Lynch, his daughter and five
other people” are the “seven dead”)."""


COUNT_REACH = 2.0
"""How far another source's count may lie from a count (a factor either way) and still count the
same people otherwise (seven dead, five other people beside two named)."""


def _nowhere_else(figure: Figure, written: Written,
                  counted: dict[str, dict[str, tuple[float, ...]]] | None = None) -> bool:
    """Whether no other source writes the figure's number (its value, its range's ends, or as
    written) and, for a count, none counts the same thing within :data:`COUNT_REACH` of it
    (``counted``: the values of each measure each source gives): counts add up, so a near count
    may hold the same people (“five other people” beside two named dead), unless it is a smaller
    count whose number the source writes too, of its own (another's “21 girls” are the source's
    “21 freed”, not its “40 girls were married off”). Spans of time, sums and sizes are not added up that way."""
    values = {v for v in (figure.value, figure.low, figure.high, figure.written_value) if v is not None}
    counts = (counted or {}).get(figure.source, {}).keys()
    if any(_writes(figure, numbers[value], counts) for sid, numbers in written.items() if sid != figure.source
           for value in values & numbers.keys()):
        return False
    if counted is None or not (figure.measure in PEOPLE_COUNTS or figure.measure.startswith("word:")):
        return True
    measures = {figure.measure} | (_VICTIMS if figure.measure in PEOPLE_COUNTS else frozenset())
    blocking = measures | ({f"{m} earlier" for m in measures} if "other-time" in figure.rules else set())
    low, high = figure.value / COUNT_REACH, figure.value * COUNT_REACH
    own = written.get(figure.source, {}).keys() - values
    return not any(low <= value <= high and not (value < figure.value and value in own)
                   for sid, by_measure in counted.items() if sid != figure.source
                   for measure in blocking & by_measure.keys() for value in by_measure[measure])


def _counted(figure: Figure, measure: str) -> str:
    """The key a count of ``measure`` is added up under, beside ``figure``: a count of an earlier
    time (“a dozen captives died … more than a year ago”) holds none of the people of a count of
    the story's day; one of the story's day may hold some of an earlier one (the story may be
    last week's, told “la semaine dernière”)."""
    return f"{measure} earlier" if "other-time" in figure.rules else measure


def counted_measures(figures: Sequence[Figure]) -> dict[str, dict[str, tuple[float, ...]]]:
    """The values of each measure each source gives figures of (an earlier time's apart)."""
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for figure in figures:
        out[figure.source][_counted(figure, figure.measure)].append(figure.value)
    return {sid: {m: tuple(v) for m, v in by.items()} for sid, by in out.items()}


def _a_noun(figure: Figure, text: str) -> bool:
    """Whether a count named by the word after it counts something: in a language that
    capitalises nouns, a lower-case word after a number is a verb or an adjective (“sieben
    kamen”), and a number after an article refers back to people already counted (“the two
    men”, “les deux hommes”)."""
    if not figure.measure.startswith("word:"):
        return True
    before = re.search(r"([^\W\d_]+['’]?)\s+$", text[max(0, figure.start - 30):figure.start])
    word = before.group(1).lower().replace("’", "'") if before else ""
    if word in word_set(figure.language, "figure_determiners") and not (
            figure.value > 1 and word in word_set(figure.language, "figure_singular_determiners")):
        return False
    last = figure.text.split()[-1:] or [""]
    return not trait(figure.language, "capitalises_nouns") or last[0][:1].isupper()


_TIMES = {2: "twice", 3: "three times"}


def _listed(texts: Sequence[str]) -> str:
    """Texts quoted for a summary, each once, with how often it is cited where more than once
    ("“cinq jours” (twice)", not "“cinq jours”, “cinq jours”")."""
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    return ", ".join(f"“{text}”" + (f" ({_TIMES.get(n, f'{n} times')})" if n > 1 else "") for text, n in counts.items())


def _only_here(sources: dict[str, Source], sid: str, key: str, said: str, rule: Rule[object],
               shown: Sequence[tuple[int, int, str, str | float | None]], detail: str, role: str,
               evidence: tuple[str, ...]) -> Discrepancy:
    """A coverage finding of what source ``sid`` alone gives: ``said`` before the first three of
    ``shown`` (start, end, text, value), which are its claims."""
    return Discrepancy(
        id=stable_id("coverage", key), kind="coverage", key=key,
        summary=f"Only {short_id(sid)} {said}: " + _listed([text for _, _, text, _ in shown[:3]]) + ".",
        explanation=rule.explanation, severity=rule.severity,
        claims=tuple(claim_at(sources, sid, start, end, value, role) for start, end, _, value in shown[:3]),
        detail=detail, rules=(rule.name,), evidence=evidence)


_RUN_BEFORE = re.compile(r"[^\W\d_][\w'’.-]* $")
_RUN_AFTER = re.compile(r" [^\W\d_]")


def _standing_apart(text: str, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The first of a name's spans where it stands apart from other names: not run together with
    capitalised words on both sides, as in a list whose commas were lost ("… Maryam Basheer Mary
    Usman Bulama Glory Dama …"), where a reader could not tell the names apart; else the first."""
    for start, end in spans:
        before = _RUN_BEFORE.search(text, max(0, start - 40), start)
        after = _RUN_AFTER.match(text, end)
        if not (before and before.group(0)[:1].isupper() and after and after.group(0)[1:2].isupper()):
            return start, end
    return spans[0]


def _measure_findings(sources: dict[str, Source], figures: Sequence[Figure],
                      written: Written,
                      counted: dict[str, dict[str, tuple[float, ...]]]) -> list[Discrepancy]:
    """A finding per measure only one source gives figures of."""
    found = []
    measures: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for figure in figures:
        if figure.measure != "age" and not figure.measure.startswith("word:"):
            measures[figure.measure][figure.source].append(figure)
    paying = {sid for measure, per_source in measures.items() if measure in CURRENCY_MEASURES for sid in per_source}
    for measure, per_source in sorted(measures.items()):
        if len(per_source) != 1:
            continue
        (sid, figs), = per_source.items()
        if measure in CURRENCY_MEASURES and len(paying) > 1:
            continue  # one sum in kroner, another source's in euros: money is given by more than one
        if measure in LENGTH_MEASURES and all(_length_elsewhere(f, written) for f in figs):
            continue  # "56 Meter langen" beside "56 mètres": one length, its dimension said in one source only
        key = f"figure|{measure}"
        found.append(_only_here(
            sources, sid, key, f"gives a figure for {measure.replace('_', ' ')}", _ONLY_MEASURE,
            [(f.start, f.end, f.text, f.value) for f in figs], "figure", "figure",
            (NUMBERS_NOWHERE_ELSE,) if all(_nowhere_else(f, written, counted) for f in figs[:3]) else ()))
    return found


def _length_elsewhere(figure: Figure, written: Written) -> bool:
    """Whether another source writes a length's number as a length too, of whatever dimension: the
    dimension is read from words one source may leave out ("56 Meter langen Schiff", "le yacht de
    56 mètres"), so a length is not one only its source gives for lacking them."""
    values = {v for v in (figure.value, figure.written_value) if v is not None}
    return any(measure in LENGTH_MEASURES for sid, numbers in written.items() if sid != figure.source
               for value in values & numbers.keys() for measure in numbers[value])


_APART = frozenset({"far-apart"})
"""Figure findings that hold their figures to count different things: a figure held by one only is
still a figure no other source gives (“eight people killed” beside “6,644 deaths”)."""


def number_findings(sources: dict[str, Source], figures: Sequence[Figure], found: Sequence[Discrepancy],
                    ) -> list[Discrepancy]:
    """A finding per source and measure of the figures whose numbers no other source writes, which
    no finding already holds (a figure another finding compares is a disagreement, not coverage):
    “sieben Jahren” when the other sources write no 7, in digits or words. Money, durations and
    counts alike; the measure's words as the source writes them."""
    if len(sources) < 2:
        return []
    held = {(c.source, c.start) for d in found if not _APART.intersection(d.rules) for c in d.claims}
    written = numbers_written(sources, figures)
    counted = counted_measures(figures)
    by_key: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.source not in sources or (figure.source, figure.start) in held or "vague-count" in figure.rules:
            continue  # "dozens of rescuers" writes no number another source could write
        if _a_noun(figure, sources[figure.source].text) and _nowhere_else(figure, written, counted):
            by_key[(figure.source, figure.measure)].append(figure)
    out = []
    for (sid, measure), figs in sorted(by_key.items()):
        named = measure.removeprefix("word:").replace("_", " ")
        key = f"numbers|{sid}|{measure}"
        out.append(_only_here(
            sources, sid, key, f"gives these figures ({named}), whose numbers no other source writes", _ONLY_NUMBERS,
            [(f.start, f.end, f.text, f.value) for f in figs], "figure", "figure", (NUMBERS_NOWHERE_ELSE,)))
    return out


_ONLY_TIME: Rule[object] = Rule("time-in-one-source", always, "different-scope", "low")
"""One source alone gives a clock time, and no other source one near it."""

TIME_NEAR_MINUTES = 60
"""Another source's clock time nearer than this may time the same happening (the dates comparison's)."""


def time_findings(sources: dict[str, Source], dates: Sequence[DateMention], found: Sequence[Discrepancy],
                  ) -> list[Discrepancy]:
    """A finding per source of the clock times no other source gives, nor one within
    :data:`TIME_NEAR_MINUTES` of it, that no finding already holds (“released around 5:30 a.m.”)."""
    if len(sources) < 2:
        return []
    held = {(c.source, c.start) for d in found for c in d.claims}
    clocks = [(m, clock_minutes(m)) for m in dates if m.clock and m.source in sources]
    by_source: dict[str, list[DateMention]] = defaultdict(list)
    for mention, minutes in clocks:
        if (mention.source, mention.start) in held:
            continue
        if any(other.source != mention.source and abs(at - minutes) < TIME_NEAR_MINUTES for other, at in clocks):
            continue
        by_source[mention.source].append(mention)
    out = []
    for sid, mentions in sorted(by_source.items()):
        key = f"times|{sid}"
        out.append(_only_here(
            sources, sid, key, "gives these clock times, and no other source one near them", _ONLY_TIME,
            [(m.start, m.end, m.text, m.clock) for m in mentions], "time", "date", (TIMES_NOWHERE_ELSE,)))
    return out


def _entity_names(sources: dict[str, Source], entities: Sequence[EntityRef], person_starts: dict[str, set[int]],
                  others_of: dict[str, _OtherTexts], only: dict[str, list[Named]],
                  ) -> tuple[set[str], dict[str, list[tuple[int, int]]]]:
    """The entities only one source names, into ``only``; returns every entity name and mention,
    folded (what the term pass leaves to the entities), and the entity spans by source."""
    entity_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    known: set[str] = set()
    order = {t: i for i, t in enumerate(COVERAGE_TYPES)}
    for entity in entities:
        if entity.type not in COVERAGE_TYPES:
            continue
        for source_id, start, end in entity.mentions:
            entity_spans[source_id].append((start, end))
            if source_id in sources:
                known.add(_fold(sources[source_id].text[start:end]))
        known.add(_fold(entity.name))
        present = sorted({s for s, _, _ in entity.mentions if s in sources})
        if len(present) != 1:
            continue
        sid = present[0]
        source = sources[sid]
        spans = sorted((start, end) for s, start, end in entity.mentions if s == sid)
        forms = {entity.name} | {source.text[start:end] for start, end in spans}
        if any(_own_outlet(form, source) or _own_staff(form, source) for form in forms):
            continue
        if all(_descriptor(source, start, end, person_starts[sid]) for start, end in spans):
            continue
        if any(_named_elsewhere(form, others_of[sid]) for form in forms):
            continue
        only[sid].append((order[entity.type], entity.type, entity.name, *_standing_apart(source.text, spans),
                          _typed_on_evidence(entity, source, sources)))
    return known, entity_spans


def names_without(finding: Discrepancy, sources: dict[str, Source],
                  taken: set[tuple[str, int]]) -> Discrepancy | None:
    """A names finding without the names ``taken`` (``(source, start)``: a misspelling of a name
    other sources write is no name of its own), or ``None`` when it named nothing else."""
    if finding.kind != "coverage" or finding.detail != "names" or not any(
            (c.source, c.start) in taken for c in finding.claims):
        return finding
    kinds = {labels[0]: kind for kind, labels in _TYPE_LABELS.items()}
    order: dict[str, int] = {t: i for i, t in enumerate(COVERAGE_TYPES)}
    items: list[Named] = [(order.get(kinds[c.role], len(order)), kinds[c.role], str(c.value), c.start, c.end, True)
                          for c in finding.claims if (c.source, c.start) not in taken]
    if not items:
        return None
    return _names_finding(sources, finding.claims[0].source, items, not finding.key.endswith("|to check"))


def _names_finding(sources: dict[str, Source], sid: str, items: list[Named], sure: bool) -> Discrepancy:
    """The finding of the names only source ``sid`` gives, listed by type: those typed on evidence
    (``sure``), or the others, to check."""
    items.sort(key=lambda item: (item[0], item[3]))
    by_type: dict[str, list[str]] = defaultdict(list)
    for _, kind, name, _, _, _ in items:
        by_type[kind].append(name)
    listed = "; ".join(f"{_TYPE_LABELS[k][len(v) > 1]} {', '.join(v)}" for k, v in by_type.items())
    count = len(items)
    key = f"names|{sid}" if sure else f"names|{sid}|to check"
    rules = tuple(rule.name for rule, holds in ((_ONLY_ENTITY, any(k != "term" for k in by_type)),
                                                (_ONLY_TERM, "term" in by_type)) if holds)
    return Discrepancy(
        id=stable_id("coverage", key), kind="coverage", key=key,
        summary=f"Only {short_id(sid)} names {'these' if count > 1 else 'this'} ({count}): {listed}.",
        explanation=_ONLY_ENTITY.explanation, severity=_ONLY_ENTITY.severity,
        claims=tuple(claim_at(sources, sid, start, end, name, _TYPE_LABELS[kind][0])
                     for _, kind, name, start, end, _ in items),
        detail="names", rules=rules,
        evidence=("names with evidence: people named on more than a capital letter, whom no other source names",)
        if sure else ("names no other source writes: places, organisations and names typed on a capital letter",))

"""Date findings: the day, or the clock time, different sources give one happening.

Mentions are grouped by what they date, never compared all against all, in four passes:

weekday
    a weekday and a day-month that date the same event fit no year of the story period
    (:func:`~generator.compare.checks.date_checks`, which groups mentions of equal value).
event
    mentions naming the same event ("posted", "died": the language's event words) resolve to
    different days, one day in each source (an event that a source gives two days makes no
    finding: which day would stand for it is a guess).
lead
    the sources' opening paragraphs after any headline, where news says when the story
    happened, give one day each, and they differ, whatever the event is called (an opening
    with two days is left out). A date right after a speech verb ("the club said on
    Wednesday") dates the telling and is left out. When every source gives one and the same
    day to an event an opening names ("killed on Monday"), the openings date other things
    and make no finding.
context
    one happening told in the same words with different days ("declared a state of emergency
    on Saturday" / "on Sunday"): sentences of different sources, one date each, sharing three
    content words or more (function and calendar words aside) in one language, joined
    through an index of their words (a word in more than fifty dated sentences joins none).

A lead or context finding whose mentions are all in an earlier finding is not made again.

The context pass runs a third time for weeks (``week-context``): a week told relative to its
report ("last week", "cette semaine", "forrige uke") is the calendar week counted from the
report's publication day, so "this week" in a report of Thursday and "last week" in one of the
next day, told in the same words, give two weeks.

The lead and context passes run for days and again for clock times (``time-lead``,
``time-context``; for times the opening is the first two paragraphs, since news gives the
time in the second as often as not). Days differ when they are not the same day, except two
days in a row when a source dates a night ("overnight on Tuesday", "natt til tirsdag"); clock
times differ by any minute, or by half an hour or more when a source gives one roughly
("around 8 p.m.", "vers 20 heures"). The first rule of :data:`_DATE_RULES` that holds decides:

``whole-hours-apart``
    clock times, every source's a whole number of hours from another's: ``different-scope``,
    ``low`` — likely one time given in two time zones ("local time", "norsk tid").
``rough-times-apart``
    clock times less than an hour apart, one given roughly ("around 11pm", "around 11:30pm"):
    ``rounding``, ``low`` — small, but the sources do not give one time.
``weekday-never-fits``
    ``conflict``, ``high`` — a weekday and a date no year fits cannot both be right.
``event-dated-apart``
    ``conflict``, ``high`` — the sources name the event they date, and give it different days.
``opening-dated-apart``
    ``conflict``, ``medium`` — the openings may still date different happenings of one story.
``told-alike-dated-apart``
    ``conflict``, ``medium`` — the same words may still tell two happenings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from generator.compare.common import Rule, always, claim_at, first_rule, said_by_source, stable_id
from generator.compare.wording import tokenise
from generator.lang import phrase_pattern, word_set
from generator.model.claims import DateMention
from generator.model.finding import DateCheck, Discrepancy, short_id
from generator.model.source import Source, published_day
from generator.text.lexicon import calendar_words
from generator.text.words import WORD_OR_NUMBER, fold


@dataclass(frozen=True)
class _Reading:
    """What a date finding compares: the day a mention resolves to, or the clock time it gives."""

    kinds: frozenset[str]
    """Kinds of mention that give it."""
    detail: str
    """Prefix of the finding's key and detail ("" for days: ``lead``, ``context``)."""
    noun: str
    """What differs, for the summary ("date the story", "time the story")."""
    top: int
    """Paragraphs after the headline that tell when the story happened: the opening paragraph
    for the day; the first two for the time (news gives it in the second as often as not)."""

    weeks: Mapping[tuple[str, int], str] | None = None
    """For weeks: the calendar week (``2016-W45``) each relative mention of a week gives, by its
    source and start."""

    def value(self, mention: DateMention) -> str | None:
        """The day (``2026-03-09``), the clock time (``04:17``) or the week (``2016-W45``) the
        mention gives, if any."""
        if self.weeks is not None:
            return self.weeks.get((mention.source, mention.start))
        if self.detail:
            return mention.clock
        return mention.resolved[:10] if mention.resolved else None


_DAYS = _Reading(frozenset({"absolute", "weekday", "relative"}), "", "date", 1)


_CLOCKS = _Reading(frozenset({"time"}), "time-", "time", 2)


def _weeks(sources: dict[str, Source], dates: Sequence[DateMention]) -> _Reading:
    """The weeks reading: the calendar week each mention of a week relative to its report (“last
    week”, “cette semaine”) gives, counted from the report's publication day."""
    weeks: dict[tuple[str, int], str] = {}
    for mention in dates:
        source = sources.get(mention.source)
        published = published_day(source) if source is not None else None
        if mention.kind != "relative" or not mention.offset or mention.offset[0] != "week" or published is None:
            continue
        year, week, _ = (published + dt.timedelta(weeks=mention.offset[1])).isocalendar()
        weeks[(mention.source, mention.start)] = f"{year}-W{week:02d}"
    return _Reading(frozenset({"relative"}), "week-", "date", 0, weeks)


_ROUGH_MINUTES = 30  # a time given roughly ("around 8 p.m.", "vers 20 heures") agrees within this


def _minutes(mention: DateMention, sources: dict[str, Source]) -> tuple[int, bool]:
    """A clock time in minutes after midnight, and whether the source gives it only roughly."""
    pattern = phrase_pattern(mention.language, "date_time_approximate", r"[ \u00a0]+$")
    text = sources[mention.source].text
    rough = bool(pattern and pattern.search(text[max(0, mention.start - 30):mention.start]))
    return clock_minutes(mention), rough


def clock_minutes(mention: DateMention) -> int:
    """The mention's clock time in minutes after midnight."""
    hours, minutes = (mention.clock or "0:0").split(":")
    return int(hours) * 60 + int(minutes)


def _at_night(sources: dict[str, Source], mention: DateMention) -> bool:
    """Whether the date is of a night ("overnight on Tuesday", "natt til tirsdag", "Nacht zum Mittwoch")."""
    source = sources[mention.source]
    night = word_set(mention.language, "date_night_words")
    reach = _TELLING_REACH + len(mention.text.split())
    near = WORD_OR_NUMBER.findall(source.text[max(0, mention.start - 40):mention.end])[-reach:]
    return (any(word.lower() in night for word in near)
            or any(mention.text.lower().endswith(word) for word in night))  # "Samstagnacht", "lørdagsnatt"


def _apart(reading: _Reading, mentions: Sequence[DateMention], sources: dict[str, Source]) -> bool:
    """Whether the mentions (one per source) give values that cannot all be right: two days, or
    two clock times further apart than a rough time allows."""
    if reading.weeks is not None:
        return len({reading.value(m) for m in mentions}) > 1
    if reading is _DAYS:
        days = sorted({dt.date.fromisoformat(v) for m in mentions if (v := reading.value(m))})
        if len(days) == 2 and (days[1] - days[0]).days == 1 and any(_at_night(sources, m) for m in mentions):
            return False  # a night straddles two days: "overnight on Tuesday", "in der Nacht zum Mittwoch"
        return len(days) > 1
    times = [_minutes(m, sources) for m in mentions]
    return any(abs(a - b) >= _ROUGH_MINUTES if rough_a or rough_b else a != b
               for i, (a, rough_a) in enumerate(times) for b, rough_b in times[i + 1:])


def _zones_apart(mentions: Sequence[DateMention]) -> tuple[str, ...]:
    """The sources whose clock times are a whole number of hours from another's (04:17, 02:17):
    likely one time in two time zones."""
    minutes = {m.source: clock_minutes(m) for m in mentions}
    return tuple(sorted(a for a in minutes for b in minutes
                        if minutes[a] != minutes[b] and (minutes[a] - minutes[b]) % 60 == 0))


FoundBy = Literal["weekday", "event", "lead", "context"]
"""The pass that found a date finding."""


@dataclass(frozen=True)
class _Dated:
    """What the date rules decide on."""

    found_by: FoundBy
    """The pass that found it."""
    whole_hours: bool
    """Clock times, every source's a whole number of hours from another's."""
    rough: bool = False
    """Clock times less than an hour apart, one of them given roughly ("around 11pm")."""


_DATE_RULES: tuple[Rule[_Dated], ...] = (
    Rule("whole-hours-apart", lambda d: d.whole_hours, "different-scope", "low"),
    Rule("rough-times-apart", lambda d: d.rough, "rounding", "low"),
    Rule("weekday-never-fits", lambda d: d.found_by == "weekday", "conflict", "high"),
    Rule("event-dated-apart", lambda d: d.found_by == "event", "conflict", "high"),
    Rule("opening-dated-apart", lambda d: d.found_by == "lead", "conflict", "medium"),
    Rule("told-alike-dated-apart", always, "conflict", "medium"),
)
"""How a date finding is explained, first rule that holds first."""


def date_findings(sources: dict[str, Source], dates: Sequence[DateMention],
                  checks: Sequence[DateCheck]) -> list[Discrepancy]:
    """Every date finding: weekday checks that fit no year, then events, openings and
    sentences told alike that the sources date differently (days, then clock times)."""
    found = []
    weekday = first_rule(_DATE_RULES, _Dated("weekday", False))
    for check in checks:
        if check.consistent:
            continue
        found.append(Discrepancy(id=stable_id("date", check.key), kind="date", key=check.key, summary=check.summary,
                                 explanation=weekday.explanation, severity=weekday.severity, claims=check.claims,
                                 detail="weekday", rules=(weekday.name,)))
    groups: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        if mention.event and mention.kind in ("absolute", "weekday", "relative") and mention.resolved:
            groups[mention.event].append(mention)
    for event, members in sorted(groups.items()):
        by_source: dict[str, set[str]] = defaultdict(set)
        for m in members:
            by_source[m.source].add(m.resolved or "")
        if len(by_source) < 2 or any(len(v) > 1 for v in by_source.values()):
            continue
        values = {next(iter(v)) for v in by_source.values()}
        if len(values) < 2:
            continue
        chosen = sorted(members, key=lambda m: (m.source, m.start))
        found.append(_date_finding(sources, f"{event}|resolved", f"The sources date the event ({event}) differently",
                                   chosen, "event", "date"))
    for reading in (_DAYS, _CLOCKS, _weeks(sources, dates)):
        if reading.top:
            found.extend(_lead_date_discrepancy(sources, dates, {(c.source, c.start) for d in found for c in d.claims},
                                                reading))
        found.extend(_context_date_discrepancies(sources, dates,
                                                 {(c.source, c.start) for d in found for c in d.claims}, reading))
    return found


_SHARED_CONTEXT = 3  # content words two sentences must share to tell of the same happening


_CONTEXT_FANOUT = 50  # a word in more dated sentences than this is no sign of the same happening


def _context_date_discrepancies(sources: dict[str, Source], dates: Sequence[DateMention],
                                reported: set[tuple[str, int]], reading: _Reading = _DAYS) -> list[Discrepancy]:
    """One happening told in the same words with different dates ("Newsom declared a state of
    emergency on Saturday" / "He declared a state of emergency on Sunday") or clock times,
    whatever it is called: sentences of different sources, one date (time) each, sharing three
    content words or more (function words and calendar words aside), in one language."""
    by_sentence: dict[tuple[str, int, int], list[DateMention]] = defaultdict(list)
    for mention in dates:
        source = sources.get(mention.source)
        if source is None or not reading.value(mention) or mention.kind not in reading.kinds:
            continue
        sentence = source.sentence_at(mention.start)
        if sentence is not None:
            by_sentence[(mention.source, sentence.start, sentence.end)].append(mention)
    entries: list[tuple[DateMention, str, frozenset[str]]] = []
    order: dict[int, tuple[str, ...]] = {}  # each entry's words in the order its sentence has them
    for (source_id, start, end), mentions in sorted(by_sentence.items()):
        if len({reading.value(m) for m in mentions}) != 1:
            continue
        source = sources[source_id]
        language = source.language
        calendar = calendar_words(language)
        lemmas = tuple(dict.fromkeys(t.lemma for t in tokenise(source.text, start, end, language)
                                     if t.content and fold(t.word) not in calendar
                                     and not any(m.start <= t.start < m.end for m in mentions)))
        order[len(entries)] = lemmas
        entries.append((mentions[0], language, frozenset(lemmas)))
    groups, shared = _told_alike(entries)
    found = []
    for members in groups:
        chosen: dict[str, DateMention] = {}
        for number in members:
            chosen.setdefault(entries[number][0].source, entries[number][0])
        picked = sorted(chosen.values(), key=lambda m: (m.source, m.start))
        if len(picked) < 2 or not _apart(reading, picked, sources):
            continue
        if all((m.source, m.start) in reported for m in picked):
            continue
        words = frozenset.intersection(*(entries[n][2] for n in members))
        if len(words) < _SHARED_CONTEXT:
            words = max((shared.get((a, b), frozenset()) for a in members for b in members if a < b), key=len)
        telling = sorted((n for n in members if words <= entries[n][2]),
                         key=lambda n: (entries[n][0].source, entries[n][0].start))
        label = " ".join(w for w in order[telling[0]] if w in words)  # "declare state emergency"
        found.append(_date_finding(sources, f"{reading.detail}context|{label}",
                                   f"The sources {reading.noun} what they tell in the same words ({label}) differently",
                                   picked, "context", f"{reading.detail}context", reading))
    return sorted(found, key=lambda d: d.key)


def _told_alike(entries: Sequence[tuple[DateMention, str, frozenset[str]]],
                ) -> tuple[list[list[int]], dict[tuple[int, int], frozenset[str]]]:
    """The entries (a dated sentence's first mention, its language, its content words) joined
    when two of different sources share :data:`_SHARED_CONTEXT` words or more, through an
    index of their words: each group's entry numbers, and the words each pair compared shares."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (_, language, words) in enumerate(entries):
        for word in words:
            index[(language, word)].append(number)
    parent = list(range(len(entries)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    shared: dict[tuple[int, int], frozenset[str]] = {}
    for members in index.values():
        if len(members) > _CONTEXT_FANOUT:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) in shared or entries[a][0].source == entries[b][0].source:
                    continue
                common = entries[a][2] & entries[b][2]
                shared[(a, b)] = common
                if len(common) >= _SHARED_CONTEXT:
                    parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(entries)):
        groups[root(number)].append(number)
    return list(groups.values()), shared


def _date_finding(sources: dict[str, Source], key: str, what: str, chosen: Sequence[DateMention],
                  found_by: FoundBy, detail: str, reading: _Reading = _DAYS) -> Discrepancy:
    """A date finding: each source's mention of one happening, with the day it resolves to (or
    the clock time it gives). Clock times a whole number of hours apart are told as such: the
    sources may give one time in two time zones ("local time", "norsk tid")."""
    zones = _zones_apart(chosen) if reading is _CLOCKS else ()
    every = len(zones) == len({m.source for m in chosen})
    why = ""
    if zones:
        whose = "" if every else " (" + ", ".join(dict.fromkeys(short_id(z) for z in zones)) + ")"
        why = f" — whole hours apart{whose}: the sources may give the time in different time zones"
    rough = False
    if reading is _CLOCKS:
        times = [_minutes(m, sources) for m in chosen]
        rough = any(r for _, r in times) and max(t for t, _ in times) - min(t for t, _ in times) < 60
        if rough and not zones:
            why = " — times given roughly, less than an hour apart"
    rule = first_rule(_DATE_RULES, _Dated(found_by, bool(zones) and every, rough))
    said = said_by_source([(m.source, f"“{m.text}” = {reading.value(m)}") for m in chosen])
    return Discrepancy(
        id=stable_id("date", key), kind="date", key=key, summary=f"{what}: {said}{why}.",
        explanation=rule.explanation, severity=rule.severity,
        claims=tuple(claim_at(sources, m.source, m.start, m.end, reading.value(m), "date") for m in chosen),
        detail=detail, rules=(rule.name,))


_HEADLINE_WORDS = 20  # a first paragraph this short and without a full stop is a headline


def _lead(source: Source, paragraphs: int = 1) -> tuple[int, int] | None:
    """Where the opening paragraph (or the first ``paragraphs``) of a report, after any
    headline, starts and ends: where news says when the story happened."""
    article = source.article
    for number, paragraph in enumerate(article):
        body = source.text[paragraph.start:paragraph.end].rstrip()
        if len(WORD_OR_NUMBER.findall(body)) < _HEADLINE_WORDS and body[-1:] not in ".!?\"”»":
            continue
        return paragraph.start, article[min(number + paragraphs, len(article)) - 1].end
    return None


def _dated_alike(chosen: Sequence[DateMention], dates: Sequence[DateMention]) -> bool:
    """Whether an event that an opening paragraph names ("killed") is given the same one day by
    every one of these sources, somewhere in it: then the openings that differ date other things
    ("the fire reached the coast on Tuesday" beside "a firefighter was killed on Monday")."""
    sources = {m.source for m in chosen}
    for event in sorted({m.event for m in chosen if m.event}):
        days: dict[str, set[str]] = defaultdict(set)
        for mention in dates:
            if mention.event == event and mention.source in sources and mention.resolved:
                days[mention.source].add(mention.resolved[:10])
        if len(days) == len(sources) and len(set().union(*days.values())) == 1:
            return True
    return False


_TELLING_REACH = 3  # words before a date that may say it dates a statement ("the club said on Wednesday")


def _dates_the_telling(source: Source, mention: DateMention) -> bool:
    """Whether a speech verb just before the date makes it the day something was said ("said on
    Wednesday", "sa klubben onsdag", "a annoncé mardi"), not the day of the story."""
    sentence = source.sentence_at(mention.start)
    begin = sentence.start if sentence is not None else max(0, mention.start - 60)
    words = WORD_OR_NUMBER.findall(source.text[begin:mention.start])[-_TELLING_REACH:]
    verbs = word_set(mention.language, "quote_speech_verbs")
    return any(word.lower() in verbs for word in words)


def _lead_date_discrepancy(sources: dict[str, Source], dates: Sequence[DateMention],
                           reported: set[tuple[str, int]], reading: _Reading = _DAYS) -> list[Discrepancy]:
    """When each source's opening paragraph gives one date (one clock time) and they differ ("on
    Monday evening", "on Tuesday evening", "mandag kveld"): the sources disagree on when the
    story happened, whatever the event is called (no event word needed)."""
    leads = {sid: _lead(source, reading.top) for sid, source in sources.items()}
    by_source: dict[str, list[DateMention]] = defaultdict(list)
    for mention in dates:
        lead = leads.get(mention.source)
        if (lead is not None and lead[0] <= mention.start < lead[1] and reading.value(mention)
                and mention.kind in reading.kinds and not _dates_the_telling(sources[mention.source], mention)):
            by_source[mention.source].append(mention)
    chosen = []
    for _, mentions in sorted(by_source.items()):
        if len({reading.value(m) for m in mentions}) != 1:
            continue  # a lead with two dates ("announced on Wednesday what happened on Tuesday"): no guess
        chosen.append(min(mentions, key=lambda m: m.start))
    if len(chosen) < 2 or not _apart(reading, chosen, sources):
        return []
    if all((m.source, m.start) in reported for m in chosen):
        return []  # already a finding of a named event
    if reading is _DAYS and _dated_alike(chosen, dates):
        return []  # every source gives one day to the event an opening names: the openings date other things
    key = "lead|resolved" if reading is _DAYS else "time-lead|clock"
    return [_date_finding(sources, key, f"The sources' opening paragraphs {reading.noun} the story differently",
                          chosen, "lead", f"{reading.detail}lead", reading)]

"""Date stage: absolute dates, weekdays, relative dates and clock times in one source.

Each mention is resolved against the source's published date when it has one and kept
relative (``resolved`` is ``None``) when it has none. A day and month without a year can
still be checked against a weekday: :func:`years_fitting` gives the years in which a
date falls on a weekday. Month and weekday names come from Babel's CLDR data; the words
CLDR lacks (abbreviations, "i går", "two days ago", event verbs) are data in
``generator/lang/<code>/dates.yml``. Nothing here calls a slow general date parser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from babel.dates import get_day_names, get_month_names

from generator.lang import DISPLAY_LANGUAGE, LanguageData, canonical_language, language_data, phrase_pattern
from generator.model.claims import DateKind, DateMention
from generator.model.source import Source
from generator.text.numbers import number_syntax, parse_number
from generator.text.trigger import DIGIT, Hits, Probe, Trigger, last_token
from generator.text.words import LETTER_RUN

# Years searched for a weekday and day-month pair when nothing narrows them.
DEFAULT_YEARS = range(1970, 2070)


# An undated day and month is put in the year that brings it nearest the publication,
# but never more than this many days after it (news reports the past more than the future).
_FUTURE_SLACK = 60


# How far before its digits a clock time may start ("klokken 15.40", "kl. 9").
_TIME_LOOKBACK = 12


# How far before its unit word a "{n} {unit} ago" phrase may start ("il y a vingt jours").
_AGO_LOOKBACK = 40


@dataclass(frozen=True)
class _Calendar:
    """A language's month and weekday names (lower case) to their numbers (months 1–12, Monday 0)."""

    months: dict[str, int]
    """Every month name: wide, abbreviated (without its period) and the language's extras."""
    full_months: frozenset[str]
    """The wide month names only ("desember", not "des")."""
    weekdays: dict[str, int]
    """The wide weekday names only: a bare weekday is one of these."""
    weekday_names: dict[str, int]
    """Every weekday name: wide, abbreviated and the language's extras."""


@dataclass(frozen=True)
class _Patterns:
    """What the date stage reads in one language: each kind of mention as probes (a pattern and
    the words it cannot match without), and the tables its readers look words up in."""

    language: str
    """The language (canonical code): numbers in "two days ago" are read in it."""
    absolute: tuple[Probe, ...]
    """Day and month, in the orders the language writes them, and ISO dates."""
    weekday: Probe
    """A bare weekday, with a part of the day glued to it or after it ("Freitagabend")."""
    weekday_modified: tuple[tuple[Probe, int], ...]
    """A weekday with a word that points back or ahead ("last Friday": -1)."""
    relative_days: Probe | None
    """A day relative to the publication ("yesterday", "i går")."""
    relative_days_values: dict[str, int]
    """Those words (lower case) to their offset in days."""
    ago: tuple[Probe, ...]
    """"{num} {unit} ago" and the like."""
    relative_units: tuple[tuple[Probe, str | None, int], ...]
    """"next {unit}" and the like, with a fixed unit when the template has none, and the offset."""
    times: tuple[Probe, ...]
    """Clock times."""
    events: re.Pattern[str] | None
    """The words that name what a date dates."""
    event_keys: dict[str, str]
    """Those words (lower case) to their event key."""
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    """Every weekday name (lower case) to its number."""
    units: dict[str, str]
    """Time unit words (lower case) to their unit (``day``, ``week``, ``month``, ``year``)."""
    trigger: Trigger
    """Digits and the words some pattern cannot match without."""
    particles: dict[str, dict[str, str | None]] = field(default_factory=dict)
    """Event words whose particle ends their clause (German "nahm … fest": arrest, "nahm … auf":
    record), to the event each particle makes (``None``: no event)."""


def _optional_words(words: Any) -> str:
    """A pattern for one of ``words`` and a space, or nothing ("" when there are no words)."""
    return f"(?:(?:{_alternation(words)}) )?" if words else ""


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cased(words: Iterable[str], case_sensitive: bool) -> str:
    """An alternation of names, capitalised where the language matches names in their own case."""
    if not case_sensitive:
        return _alternation(words)
    return _alternation([w[:1].upper() + w[1:] for w in words])


@cache
def _patterns(language: str) -> _Patterns:
    data = language_data(language)
    case_sensitive = bool(data.get("date_case_sensitive", False))
    locale = language if data else DISPLAY_LANGUAGE  # month and weekday names of a language we have no data for
    calendar = _calendar(data, locale)
    units = _units(data)
    relative_days, relative_values = _relative_days(data)
    events, event_keys = _events(data)
    absolute = _absolute(data, calendar, case_sensitive)
    modified = _weekday_modifiers(data, calendar, case_sensitive)
    weekday = _weekday(data, calendar, case_sensitive)
    ago = _ago(data, units, language)
    relative_units = _relative_units(data, units)
    times = tuple(Probe(re.compile(rf"(?<![\w.,:]){t}", re.IGNORECASE), frozenset({DIGIT}), _TIME_LOOKBACK)
                  for t in data.get("date_time_patterns") or ())
    every = (*absolute, *(p for p, _ in modified), weekday, *([relative_days] if relative_days else []), *ago,
             *(p for p, _, _ in relative_units), *times)
    return _Patterns(language, absolute, weekday, modified, relative_days, relative_values, ago, relative_units,
                     times, events, event_keys, calendar.months, calendar.full_months, calendar.weekday_names, units,
                     Trigger({key for probe in every for key in probe.keys if key != DIGIT}), _particles(data))


def _calendar(data: LanguageData, locale: str) -> _Calendar:
    """Month and weekday names from CLDR, and the ones the language's data adds."""
    months: dict[str, int] = {}
    full_months = frozenset(n.lower() for n in get_month_names("wide", locale=locale).values())
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=locale).items():
            months[name.rstrip(".").lower()] = int(number)
    for number, names in (data.get("date_month_extra") or {}).items():
        for name in names:
            months[str(name).lower()] = int(number)
    weekdays = {name.lower(): int(n) for n, name in get_day_names("wide", locale=locale).items()}
    weekday_names = dict(weekdays)
    for n, name in get_day_names("abbreviated", locale=locale).items():
        weekday_names[name.rstrip(".").lower()] = int(n)
    for n, names in (data.get("date_weekday_extra") or {}).items():
        for name in names:
            weekday_names[str(name).lower()] = int(n)
    return _Calendar(months, full_months, weekdays, weekday_names)


def _absolute(data: LanguageData, calendar: _Calendar, case_sensitive: bool) -> tuple[Probe, ...]:
    """A day and month with an optional weekday before and year after, in the orders the language
    writes them ("Dec. 8, 2017", "Freitag, den 8. Dezember"), and the numeric forms."""
    flags = 0 if case_sensitive else re.IGNORECASE
    month_re = f"(?P<mon>{_cased(calendar.months, case_sensitive)})\\.?"
    wd_links = _optional_words(data.get("date_weekday_links"))  # "Freitag, den 8.", "vendredi le 8"
    day_links = _optional_words(data.get("date_day_month_links"))  # "8 of December", "8 de décembre"
    wd_re = f"(?:(?P<wd>{_cased(calendar.weekday_names, case_sensitive)})\\.?,? {wd_links})?"
    ordinal = str(data.get("date_ordinal_suffix", ""))
    day_re = rf"(?P<d>[0-3]?\d){ordinal}"
    year_re = r"(?:,? (?P<y>(?:1[89]|20)\d\d)(?!\d))?"
    absolute = []
    orders = data.get("date_orders") or ["md", "dm"]
    if "md" in orders:
        absolute.append(re.compile(rf"(?<!\w){wd_re}{month_re} {day_re}(?![\d\w]){year_re}", flags))
    if "dm" in orders:
        absolute.append(re.compile(rf"(?<![\w.]){wd_re}{day_re} {day_links}{month_re}(?!\w){year_re}", flags))
    absolute.append(re.compile(r"(?<![\d-])(?P<y>(?:1[89]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d])"))
    if "dm" in orders and "md" not in orders:
        absolute.append(re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)(?!\d)"))
    # a match opens with a weekday, a month or the day
    keys = frozenset(calendar.months) | frozenset(calendar.weekday_names) | {DIGIT}
    return tuple(Probe(pattern, keys) for pattern in absolute)


def _weekday(data: LanguageData, calendar: _Calendar, case_sensitive: bool) -> Probe:
    """A weekday, with a part of the day glued to it ("Freitagabend", "fredagskveld") or after it
    ("fredag kveld")."""
    parts = [str(p) for p in data.get("date_weekday_parts") or ()]
    part_re = rf"(?:s?(?:{_alternation(parts)})|[ \u00a0](?:{_alternation(parts)}))?" if parts else ""
    pattern = re.compile(rf"(?<!\w)(?P<wd>{_cased(calendar.weekdays, case_sensitive)}){part_re}(?!\w)",
                         0 if case_sensitive else re.IGNORECASE)
    return Probe(pattern, frozenset(calendar.weekdays))


def _weekday_modifiers(data: LanguageData, calendar: _Calendar, case_sensitive: bool) -> tuple[tuple[Probe, int], ...]:
    """A weekday in a template that points back or ahead ("last {weekday}": -1), and where it points."""
    modified = []
    for template, value in (data.get("date_weekday_modifiers") or {}).items():
        body = re.escape(str(template)).replace(re.escape("{weekday}"),
                                                f"(?P<wd>{_cased(calendar.weekdays, case_sensitive)})")
        pattern = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
        modified.append((Probe(pattern, frozenset(calendar.weekdays), len(str(template).split("{weekday}")[0])),
                         int(value)))
    return tuple(modified)


def _relative_days(data: LanguageData) -> tuple[Probe | None, dict[str, int]]:
    """Words for a day relative to the publication ("yesterday": -1), capitalised too unless the
    language matches them only as written (German "morgen", not "Morgen"), and their offsets."""
    values = {str(k).lower(): int(v) for k, v in (data.get("date_relative_days") or {}).items()}
    if not values:
        return None, values
    strict = {str(w) for w in data.get("date_case_strict") or ()}
    variants = []
    for phrase in values:
        variants.append(phrase)
        if phrase not in strict:
            variants.append(phrase[:1].upper() + phrase[1:])
    tails = [last_token(phrase) for phrase in values]
    pattern = re.compile(rf"(?<!\w)(?:{_alternation(variants)})(?!\w)")
    return Probe(pattern, frozenset(t for t, _ in tails), max(n for _, n in tails)), values


def _units(data: LanguageData) -> dict[str, str]:
    units: dict[str, str] = {}
    for unit, words in (data.get("date_units") or {}).items():
        for word in words:
            units[str(word).lower()] = str(unit)
    return units


def _unit_alternation(units: dict[str, str]) -> str:
    return _alternation(units) if units else "(?!)"


def _ago(data: LanguageData, units: dict[str, str], language: str) -> tuple[Probe, ...]:
    """"{num} {unit} ago" and the like ("il y a vingt jours"), found from their unit word."""
    num = number_syntax(language).pattern
    unit_re = _unit_alternation(units)
    return tuple(
        Probe(re.compile(rf"(?<!\w){str(t).replace('{num}', num).replace('{unit}', unit_re)}(?!\w)", re.IGNORECASE),
              frozenset(units), _AGO_LOOKBACK)
        for t in data.get("date_ago_patterns") or ())


def _relative_units(data: LanguageData, units: dict[str, str]) -> tuple[tuple[Probe, str | None, int], ...]:
    """Templates with a unit and their offset ("next {unit}": 1), or a fixed phrase with its unit
    and offset ("neste år": year, 1)."""
    relative: list[tuple[Probe, str | None, int]] = []
    for template, value in (data.get("date_relative_units") or {}).items():
        template = str(template)
        if isinstance(value, list):
            pattern = re.compile(rf"(?<!\w){re.escape(template)}(?!\w)", re.IGNORECASE)
            tail, before = last_token(template)
            relative.append((Probe(pattern, frozenset({tail}), before), str(value[0]), int(value[1])))
        else:
            body = re.escape(template).replace(re.escape("{unit}"), f"(?P<unit>{_unit_alternation(units)})")
            pattern = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
            relative.append((Probe(pattern, frozenset(units), len(template.split("{unit}")[0])), None, int(value)))
    return tuple(relative)


def _events(data: LanguageData) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    event_keys: dict[str, str] = {}
    for key, words in (data.get("date_event_words") or {}).items():
        for word in words:
            event_keys[str(word).lower()] = str(key)
    if not event_keys:
        return None, event_keys
    return re.compile(rf"(?<!\w)(?:{_alternation(event_keys)})(?!\w)", re.IGNORECASE), event_keys


def _particles(data: LanguageData) -> dict[str, dict[str, str | None]]:
    return {str(w).lower(): {str(k).lower(): (None if v is None else str(v)) for k, v in (table or {}).items()}
            for w, table in (data.get("date_event_particles") or {}).items()}


def years_fitting(day: int, month: int, weekday: int, years: Any = DEFAULT_YEARS) -> tuple[int, ...]:
    """The years among ``years`` in which ``day``/``month`` falls on ``weekday`` (0 = Monday)."""
    found = []
    for year in years:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                found.append(year)
        except ValueError:
            continue
    return tuple(found)


def _published_date(source: Source) -> dt.date | None:
    published = source.metadata.published
    if isinstance(published, dt.datetime):
        return published.date()
    return published


def _shift(date: dt.date, unit: str, count: int) -> dt.date | None:
    if unit == "day":
        return date + dt.timedelta(days=count)
    if unit == "week":
        return date + dt.timedelta(weeks=count)
    month = date.month - 1 + (count if unit == "month" else 12 * count)
    year, month = date.year + month // 12, month % 12 + 1
    try:
        return date.replace(year=year, month=month, day=1 if unit in ("month", "year") else date.day)
    except ValueError:
        return None


def _nearest_year(day: int, month: int, published: dt.date) -> dt.date | None:
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate - published).days > _FUTURE_SLACK:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


def _resolve_weekday(weekday: int, direction: int, published: dt.date) -> dt.date:
    delta = (published.weekday() - weekday) % 7
    if direction > 0:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if direction < 0 and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


class _Info(NamedTuple):
    """What one mention gives, before it is resolved against the publication date."""

    kind: DateKind
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    direction: int | None = None
    """For a weekday: -1 the last one, 1 the next one (0 this one), ``None`` when the words do not say."""
    offset: tuple[str, int] | None = None
    clock: str | None = None


_Found = tuple[int, int, _Info]
"""A mention's start, end and what it gives."""


def extract_dates(source: Source) -> tuple[DateMention, ...]:
    """Every date and time mentioned in ``source``, in text order."""
    language = canonical_language(source.language)
    patterns = _patterns(language)
    hits = patterns.trigger.hits(source.text)
    found: list[_Found] = []
    for read in _READERS:
        read(source.text, hits, patterns, found)
    return _mentions(source, _longest(found), patterns, language)


def _read_absolute(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"Dec. 8", "8. desember 2017", "Freitag, den 8. Dezember", "2017-12-08": a day and month,
    with the year and weekday when they are written."""
    for probe in patterns.absolute:
        for m in probe.finditer(text, hits):
            groups = m.groupdict()
            day = int(groups["d"])
            month = int(groups["mo"]) if groups.get("mo") else patterns.months.get((groups.get("mon") or "").lower())
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            year = int(groups["y"]) if groups.get("y") else None
            weekday = patterns.weekdays.get(groups["wd"].lower()) if groups.get("wd") else None
            end = m.end()
            if text[end - 1] == "." and not year and (groups.get("mon") or "").lower() in patterns.full_months:
                end -= 1  # "8. desember." : the period ends the sentence, not an abbreviation
            found.append((m.start(), end, _Info("absolute", day=day, month=month, year=year, weekday=weekday)))


def _read_weekdays(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"last Friday", "neste fredag" (the words say which one), then a bare "Friday"."""
    for probe, direction in patterns.weekday_modified:
        for m in probe.finditer(text, hits):
            weekday = patterns.weekdays[m.group("wd").lower()]
            found.append((m.start(), m.end(), _Info("weekday", weekday=weekday, direction=direction)))
    for m in patterns.weekday.finditer(text, hits):
        found.append((m.start(), m.end(), _Info("weekday", weekday=patterns.weekdays[m.group("wd").lower()])))


def _read_relative_days(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"yesterday", "i går", "vorgestern": a day relative to the publication."""
    if patterns.relative_days is None:
        return
    for m in patterns.relative_days.finditer(text, hits):
        value = patterns.relative_days_values[m.group(0).lower()]
        found.append((m.start(), m.end(), _Info("relative", offset=("day", value))))


def _read_ago(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"two days ago", "vor drei Tagen", "il y a vingt jours": a whole number of units back."""
    for probe in patterns.ago:
        for m in probe.finditer(text, hits):
            count = parse_number(m.group("n"), patterns.language)
            unit = patterns.units.get(m.group("unit").lower())
            if count is None or unit is None or count != int(count):
                continue
            found.append((m.start(), m.end(), _Info("relative", offset=(unit, -int(count)))))


def _read_relative_units(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"next week", "neste år": a unit back or ahead."""
    for probe, fixed_unit, value in patterns.relative_units:
        for m in probe.finditer(text, hits):
            unit = fixed_unit or patterns.units.get(m.group("unit").lower())
            if unit is None:
                continue
            found.append((m.start(), m.end(), _Info("relative", offset=(unit, value))))


def _read_times(text: str, hits: Hits, patterns: _Patterns, found: list[_Found]) -> None:
    """"6.10am", "21 h 30", "18.30 Uhr", "klokka 15.40": a clock time."""
    for probe in patterns.times:
        for m in probe.finditer(text, hits):
            clock = _clock(m)
            if clock is not None:
                found.append((m.start(), m.end(), _Info("time", clock=clock)))


def _clock(m: re.Match[str]) -> str | None:
    """A time pattern's match on the 24-hour clock (``HH:MM``), or ``None`` when it is no time."""
    groups = m.groupdict()
    hour = int(m.group("h"))
    minute = int(m.group("m")) if groups.get("m") else 0
    # "3 p.m." (one group for both), or a group each: "du matin" (am), "du soir" (pm)
    ampm = "pm" if groups.get("pm") else "am" if groups.get("am") else \
        (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


# The readers of each kind of mention, in the order their mentions are found: of two mentions
# equally long at one place, the one found first is kept.
_READERS: tuple[Callable[[str, Hits, _Patterns, list[_Found]], None], ...] = (
    _read_absolute, _read_weekdays, _read_relative_days, _read_ago, _read_relative_units, _read_times)


def _longest(found: list[_Found]) -> list[_Found]:
    """Longest first, then earliest; drop mentions overlapping one already kept; in text order."""
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[_Found] = []
    for start, end, info in found:
        if any(start < k_end and k_start < end for k_start, k_end, _ in kept):
            continue
        kept.append((start, end, info))
    kept.sort(key=lambda f: (f[0], f[1]))
    return kept


def _mentions(source: Source, kept: list[_Found], patterns: _Patterns, language: str) -> tuple[DateMention, ...]:
    """The mentions kept, each with the event its sentence dates, resolved against the publication."""
    text = source.text
    published = _published_date(source)
    mentions = []
    counters: dict[str, int] = {}
    for start, end, info in kept:
        if source.in_furniture(start):
            continue  # a caption's or a gallery's date dates no story
        anchor = source.paragraph_at(start).anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        event, event_text = _event(source, start, end, patterns)
        if _DATELINE_AFTER.match(text, end):  # "BERLIN, March 14 (Reuters) -": the report's date, not the story's
            event, event_text = "publish", None
        if info.kind == "weekday" and info.direction is None and _told_as_future(source, start, language):
            info = info._replace(direction=1)  # "Store is expected to meet the King on Wednesday": the next one
        resolved = _resolve(info, published)
        mentions.append(DateMention(
            id=f"{source.id}-{anchor}-d{counters[anchor]}", source=source.id, anchor=anchor,
            start=start, end=end, text=text[start:end], kind=info.kind,
            resolved=resolved.isoformat() if resolved else None, language=language,
            day=info.day, month=info.month, year=info.year, weekday=info.weekday, offset=info.offset,
            clock=info.clock, event=event, event_text=event_text))
    return tuple(mentions)


def _resolve(info: _Info, published: dt.date | None) -> dt.date | None:
    if info.kind == "absolute" and info.day is not None and info.month is not None:
        if info.year:
            try:
                return dt.date(info.year, info.month, info.day)
            except ValueError:
                return None
        return _nearest_year(info.day, info.month, published) if published else None
    if published is None:
        return None
    if info.kind == "weekday" and info.weekday is not None:
        return _resolve_weekday(info.weekday, info.direction or 0, published)
    if info.kind == "relative" and info.offset is not None:
        unit, count = info.offset
        return _shift(published, unit, count) if unit == "day" else None
    return None


# A wire dateline after a date: "(Reuters) -", "(AP) —", "(dpa) –".
_DATELINE_AFTER = re.compile(r"[ \u00a0]*\([A-Za-z][\w .&/-]{0,30}\)[ \u00a0]*[-–—]")


def _told_as_future(source: Source, start: int, language: str) -> bool:
    """Whether its clause, before a weekday, says what is to come ("will", "skal", "wird", "va"):
    a bare weekday is then the next one, not the last."""
    pattern = phrase_pattern(language, "date_future_words")
    if pattern is None:
        return False
    s_start, _ = _sentence_bounds(source, start)
    clause = max((m.end() for m in _CLAUSE_END.finditer(source.text, s_start, start)), default=s_start)
    return pattern.search(source.text, clause, start) is not None


def _sentence_bounds(source: Source, offset: int) -> tuple[int, int]:
    found = source.sentence_at(offset) or source.paragraph_at(offset)
    return found.start, found.end


_CLAUSE_END = re.compile(r"[,.;:!?]")




def _event(source: Source, start: int, end: int, patterns: _Patterns) -> tuple[str | None, str | None]:
    """The event word nearest the mention in its sentence, if any."""
    if patterns.events is None:
        return None, None
    s_start, s_end = _sentence_bounds(source, start)
    best: tuple[int, str, str, int] | None = None
    for m in patterns.events.finditer(source.text, s_start, s_end):
        distance = m.start() - end if m.start() >= end else start - m.end()
        if distance < 0:
            continue
        if best is None or distance < best[0]:
            best = (distance, patterns.event_keys[m.group(0).lower()], m.group(0), m.start())
    if best is not None and best[2].lower() in patterns.particles:
        # "Am Donnerstag nahm die Polizei einen Verdächtigen fest": the particle ending the clause says which
        clause = _CLAUSE_END.search(source.text, best[3], s_end)
        words = LETTER_RUN.findall(source.text, best[3], clause.start() if clause else s_end)
        particle = words[-1].lower() if len(words) > 1 else ""
        table = patterns.particles[best[2].lower()]
        if particle in table:
            event = table[particle]
            return (event, f"{best[2]} … {words[-1]}") if event else (None, None)
    return (best[1], best[2]) if best else (None, None)

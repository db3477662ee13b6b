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
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel.dates import get_day_names, get_month_names

from generator.lang import DISPLAY_LANGUAGE, canonical_language, language_data, phrase_pattern
from generator.model.claims import DateMention
from generator.model.source import Source
from generator.text.numbers import number_syntax, parse_number
from generator.text.trigger import DIGIT, Probe, Trigger, last_token
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
class _Patterns:
    absolute: tuple[re.Pattern[str], ...]
    weekday: re.Pattern[str]
    weekday_modified: tuple[tuple[re.Pattern[str], int], ...]
    relative_days: re.Pattern[str] | None
    relative_days_values: dict[str, int]
    ago: tuple[re.Pattern[str], ...]
    relative_units: tuple[tuple[re.Pattern[str], str | None, int], ...]
    times: tuple[re.Pattern[str], ...]
    events: re.Pattern[str] | None
    event_keys: dict[str, str]
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    units: dict[str, str]
    case_sensitive: bool
    trigger: Trigger
    """Digits and the words some pattern cannot match without."""
    probes: dict[re.Pattern[str], Probe]
    """Each pattern above with its trigger words."""
    particles: dict[str, dict[str, str | None]] = field(default_factory=dict)
    """Event words whose particle ends their clause (German "nahm … fest": arrest, "nahm … auf":
    record), to the event each particle makes (``None``: no event)."""


def _optional_words(words: Any) -> str:
    """A pattern for one of ``words`` and a space, or nothing ("" when there are no words)."""
    return f"(?:(?:{_alternation(words)}) )?" if words else ""


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns(language: str) -> _Patterns:
    data = language_data(language)
    case_sensitive = bool(data.get("date_case_sensitive", False))
    flags = 0 if case_sensitive else re.IGNORECASE
    locale = language if data else DISPLAY_LANGUAGE  # month and weekday names of a language we have no data for
    months: dict[str, int] = {}
    full_months = frozenset(n.lower() for n in get_month_names("wide", locale=locale).values())
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=locale).items():
            months[name.rstrip(".").lower()] = int(number)
    for number, names in (data.get("date_month_extra") or {}).items():
        for name in names:
            months[str(name).lower()] = int(number)
    weekdays = {name.lower(): int(n) for n, name in get_day_names("wide", locale=locale).items()}
    weekday_abbr = dict(weekdays)
    for n, name in get_day_names("abbreviated", locale=locale).items():
        weekday_abbr[name.rstrip(".").lower()] = int(n)
    for n, names in (data.get("date_weekday_extra") or {}).items():
        for name in names:
            weekday_abbr[str(name).lower()] = int(n)

    def cased(words: Any) -> str:
        if not case_sensitive:
            return _alternation(words)
        return _alternation([w[:1].upper() + w[1:] for w in words])

    month_re = f"(?P<mon>{cased(months)})\\.?"
    wd_links = _optional_words(data.get("date_weekday_links"))  # "Freitag, den 8.", "vendredi le 8"
    day_links = _optional_words(data.get("date_day_month_links"))  # "8 of December", "8 de décembre"
    wd_re = f"(?:(?P<wd>{cased(weekday_abbr)})\\.?,? {wd_links})?"
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

    parts = [str(p) for p in data.get("date_weekday_parts") or ()]
    # a part of the day glued to the weekday ("Freitagabend", "fredagskveld") or after it ("fredag kveld")
    part_re = rf"(?:s?(?:{_alternation(parts)})|[ \u00a0](?:{_alternation(parts)}))?" if parts else ""
    weekday = re.compile(rf"(?<!\w)(?P<wd>{cased(weekdays)}){part_re}(?!\w)", flags)
    modified = []
    for template, value in (data.get("date_weekday_modifiers") or {}).items():
        body = re.escape(str(template)).replace(re.escape("{weekday}"), f"(?P<wd>{cased(weekdays)})")
        modified.append((re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), int(value)))

    rel_values = {str(k).lower(): int(v) for k, v in (data.get("date_relative_days") or {}).items()}
    strict = {str(w) for w in data.get("date_case_strict") or ()}
    if rel_values:
        variants = []
        for phrase in rel_values:
            variants.append(phrase)
            if phrase not in strict:
                variants.append(phrase[:1].upper() + phrase[1:])
        relative_days = re.compile(rf"(?<!\w)(?:{_alternation(variants)})(?!\w)")
    else:
        relative_days = None

    units: dict[str, str] = {}
    for unit, words in (data.get("date_units") or {}).items():
        for word in words:
            units[str(word).lower()] = str(unit)
    unit_re = _alternation(units) if units else "(?!)"
    num = number_syntax(language).pattern
    ago = tuple(
        re.compile(rf"(?<!\w){str(t).replace('{num}', num).replace('{unit}', unit_re)}(?!\w)", re.IGNORECASE)
        for t in data.get("date_ago_patterns") or ()
    )
    rel_units = []
    for template, value in (data.get("date_relative_units") or {}).items():
        template = str(template)
        if isinstance(value, list):
            body = re.escape(template)
            rel_units.append((re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), str(value[0]), int(value[1])))
        else:
            body = re.escape(template).replace(re.escape("{unit}"), f"(?P<unit>{unit_re})")
            rel_units.append((re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), None, int(value)))
    times = tuple(re.compile(rf"(?<![\w.,:]){t}", re.IGNORECASE) for t in data.get("date_time_patterns") or ())
    event_keys: dict[str, str] = {}
    for key, words in (data.get("date_event_words") or {}).items():
        for word in words:
            event_keys[str(word).lower()] = str(key)
    events = re.compile(rf"(?<!\w)(?:{_alternation(event_keys)})(?!\w)", re.IGNORECASE) if event_keys else None

    # Which words each pattern needs, and how far before them its match may start.
    digit = frozenset({DIGIT})
    calendar = frozenset(months) | frozenset(weekday_abbr) | digit
    probes: dict[re.Pattern[str], Probe] = {}
    for pattern in absolute:
        probes[pattern] = Probe(pattern, calendar)  # a match opens with a weekday, a month or the day
    weekday_keys = frozenset(weekdays)
    for (pattern, _), template in zip(modified, (data.get("date_weekday_modifiers") or {})):
        probes[pattern] = Probe(pattern, weekday_keys, len(str(template).split("{weekday}")[0]))
    probes[weekday] = Probe(weekday, weekday_keys)
    if relative_days is not None:
        tails = [last_token(phrase) for phrase in rel_values]
        probes[relative_days] = Probe(relative_days, frozenset(t for t, _ in tails), max(n for _, n in tails))
    unit_keys = frozenset(units)
    for pattern in ago:
        probes[pattern] = Probe(pattern, unit_keys, _AGO_LOOKBACK)
    for (pattern, fixed, _), template in zip(rel_units, (data.get("date_relative_units") or {})):
        if fixed is None:
            probes[pattern] = Probe(pattern, unit_keys, len(str(template).split("{unit}")[0]))
        else:
            tail, before = last_token(str(template))
            probes[pattern] = Probe(pattern, frozenset({tail}), before)
    for pattern in times:
        probes[pattern] = Probe(pattern, digit, _TIME_LOOKBACK)
    trigger = Trigger({key for probe in probes.values() for key in probe.keys if key != DIGIT})
    return _Patterns(tuple(absolute), weekday, tuple(modified), relative_days, rel_values, ago,
                     tuple(rel_units), times, events, event_keys, months, full_months, weekday_abbr, units,
                     case_sensitive, trigger, probes,
                     {str(w).lower(): {str(k).lower(): (None if v is None else str(v)) for k, v in (table or {}).items()}
                      for w, table in (data.get("date_event_particles") or {}).items()})


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


def extract_dates(source: Source) -> tuple[DateMention, ...]:
    """Every date and time mentioned in ``source``, in text order."""
    language = canonical_language(source.language)
    patterns = _patterns(language)
    text = source.text
    found: list[tuple[int, int, dict[str, Any]]] = []
    hits = patterns.trigger.hits(text)

    def matches(pattern: re.Pattern[str]) -> Any:
        return patterns.probes[pattern].finditer(text, hits)

    for pattern in patterns.absolute:
        for m in matches(pattern):
            groups = m.groupdict()
            day = int(groups["d"])
            month = int(groups["mo"]) if groups.get("mo") else patterns.months.get((groups.get("mon") or "").lower())
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            info: dict[str, Any] = {"kind": "absolute", "day": day, "month": month,
                                    "year": int(groups["y"]) if groups.get("y") else None}
            if groups.get("wd"):
                info["weekday"] = patterns.weekdays.get(groups["wd"].lower())
            end = m.end()
            if text[end - 1] == "." and not groups.get("y") and (groups.get("mon") or "").lower() in patterns.full_months:
                end -= 1  # "8. desember." : the period ends the sentence, not an abbreviation
            found.append((m.start(), end, info))
    for pattern, direction in patterns.weekday_modified:
        for m in matches(pattern):
            found.append((m.start(), m.end(), {"kind": "weekday", "direction": direction,
                                               "weekday": patterns.weekdays[m.group("wd").lower()]}))
    for m in matches(patterns.weekday):
        found.append((m.start(), m.end(), {"kind": "weekday", "direction": None,
                                           "weekday": patterns.weekdays[m.group("wd").lower()]}))
    if patterns.relative_days is not None:
        for m in matches(patterns.relative_days):
            value = patterns.relative_days_values[m.group(0).lower()]
            found.append((m.start(), m.end(), {"kind": "relative", "offset": ("day", value)}))
    for pattern in patterns.ago:
        for m in matches(pattern):
            count = parse_number(m.group("n"), language)
            unit = patterns.units.get(m.group("unit").lower())
            if count is None or unit is None or count != int(count):
                continue
            found.append((m.start(), m.end(), {"kind": "relative", "offset": (unit, -int(count))}))
    for pattern, fixed_unit, value in patterns.relative_units:
        for m in matches(pattern):
            unit = fixed_unit or patterns.units.get(m.group("unit").lower())
            if unit is None:
                continue
            found.append((m.start(), m.end(), {"kind": "relative", "offset": (unit, value)}))
    for pattern in patterns.times:
        for m in matches(pattern):
            hour = int(m.group("h"))
            minute = int(m.group("m")) if m.groupdict().get("m") else 0
            groups = m.groupdict()
            # "3 p.m." (one group for both), or a group each: "du matin" (am), "du soir" (pm)
            ampm = "pm" if groups.get("pm") else "am" if groups.get("am") else \
                (groups.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if hour > 23 or minute > 59:
                continue
            found.append((m.start(), m.end(), {"kind": "time", "clock": f"{hour:02d}:{minute:02d}"}))

    # Longest first, then earliest; drop mentions overlapping one already kept.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, dict[str, Any]]] = []
    for start, end, info in found:
        if any(start < k_end and k_start < end for k_start, k_end, _ in kept):
            continue
        kept.append((start, end, info))
    kept.sort(key=lambda f: (f[0], f[1]))

    published = _published_date(source)
    mentions = []
    counters: dict[str, int] = {}
    for start, end, info in kept:
        anchor = source.paragraph_at(start).anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        event, event_text = _event(source, start, end, patterns)
        if _DATELINE_AFTER.match(text, end):  # "BERLIN, March 14 (Reuters) -": the report's date, not the story's
            event, event_text = "publish", None
        if info["kind"] == "weekday" and info.get("direction") is None and _told_as_future(source, start, language):
            info = {**info, "direction": 1}  # "Store is expected to meet the King on Wednesday": the next one
        resolved = _resolve(info, published)
        mentions.append(DateMention(
            id=f"{source.id}-{anchor}-d{counters[anchor]}", source=source.id, anchor=anchor,
            start=start, end=end, text=text[start:end], kind=info["kind"],
            resolved=resolved.isoformat() if resolved else None, language=language,
            day=info.get("day"), month=info.get("month"), year=info.get("year"),
            weekday=info.get("weekday"), offset=info.get("offset"), clock=info.get("clock"),
            event=event, event_text=event_text))
    return tuple(mentions)


def _resolve(info: dict[str, Any], published: dt.date | None) -> dt.date | None:
    kind = info["kind"]
    if kind == "absolute":
        if info.get("year"):
            try:
                return dt.date(info["year"], info["month"], info["day"])
            except ValueError:
                return None
        return _nearest_year(info["day"], info["month"], published) if published else None
    if published is None:
        return None
    if kind == "weekday":
        return _resolve_weekday(info["weekday"], info.get("direction") or 0, published)
    if kind == "relative":
        unit, count = info["offset"]
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

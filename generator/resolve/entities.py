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

Curation in ``seeds/case.yml`` (see ``docs_src/curation.md``), all optional; entity ids
are those of the generated case file::

    aliases:            # more names and descriptors for an entity, in any language
      kimberly-jones: ["his mother", "moren", "Kim"]
    merges:             # entities that are one referent; the first id is kept
      - [justin-bieber, bieber]
    splits:             # mentions that belong to another referent, by source or passage
      jones: {"Kevin Jones": ["002-2bb91e528b6fe96d", "000-01294162fb12b41a#p9"]}
    rejects:            # names (any case) or entity ids that are not entities
      - Oppdatert
      - confederate-flag
    types:              # type overrides
      cbs: organization

An entry that matches nothing is reported as a warning with its line in ``case.yml``; an
unknown type is an error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.errors import Problem
from generator.extract.gender import PersonMention, infer_genders
from generator.model.entity import Ambiguous, Candidate, CoMention, Entity, Resolution
from generator.model.mention import TYPES, Mention, with_type
from generator.model.source import CaseInfo, Source
from generator.text import lexicon as lex
from generator.text.words import fold
from generator.util.slug import slugify, unique_slugs

# Evidence that only says "capital letter": it does not vote for a type.
_WEAK = ("capitalised within a sentence", "named elsewhere in the source", "name of several capitalised words",
         "capital letter only where every word may have one", "capitalised ordinary word",
         "capitalised ordinary words", "at sentence start")


# Evidence that a name is no person's however much it looks like a given name ("Bamse", "Storm Ingrid").
_NOT_PERSON = ("animal", "storm")


# How far back (in paragraphs) the nearest full name may be to settle a short form.
_CONTEXT_PARAGRAPHS = 2


# An ambiguous mention lists at most this many candidates (the nearest named before it), and
# its reason names at most _REASON_NAMES of them: a short form that fits thousands of people
# (a long source naming many "Jones") must not make the review quadratic in size.
_MAX_CANDIDATES = 10


_REASON_NAMES = 5


# How many earlier full names the search for the nearest candidates looks at, at most.
_NEAREST_LOOKBACK = 500


# ---------------------------------------------------------------------------------------
# Clusters (internal, mutable while resolving).

@dataclass
class _Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    linked: list[tuple[Mention, str]] = field(default_factory=list)  # short forms and why
    name: str | None = None
    type: str | None = None
    evidence: tuple[str, ...] = ()
    id: str = ""

    def all(self) -> list[Mention]:
        return self.mentions + [m for m, _ in self.linked]


def _strong(mention: Mention) -> list[str]:
    return [e for e in mention.evidence if e not in _WEAK and not e.startswith(("genitive of", "short form"))]


def _vote(mentions: Iterable[Mention]) -> tuple[str, tuple[str, ...]]:
    scores: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    animal = False
    for mention in mentions:
        strong = _strong(mention)
        if any(e.startswith(_NOT_PERSON) for e in strong):
            animal = True
        weight = 2.0 if strong else 0.5
        if mention.confidence == "low":
            weight /= 2
        scores[mention.type] += weight
        for reason in strong or [e for e in mention.evidence if e in _WEAK][:1]:
            reasons[mention.type][reason] += 1
    if animal:
        kind = "other"
        why = Counter({e: n for e, n in reasons["other"].items() if e.startswith(_NOT_PERSON)})
    else:
        kind = max(sorted(scores), key=lambda t: (scores[t], t != "other")) if scores else "other"
        why = reasons[kind]
    ordered = tuple(e for e, _ in sorted(why.items(), key=lambda item: (-item[1], item[0])))[:8]
    return kind, ordered


def _key(mention: Mention) -> str:
    if mention.type == "place":
        place = lex.place(mention.name)
        if place is None and mention.name in lex.us_states():
            place = lex.us_states()[mention.name]
        if place is not None:
            return f"place:{place.key}"
    if mention.type in ("platform", "organization"):
        for table in (lex.platforms(), lex.organizations()):
            listed = lex.listed(mention.name, table)
            if listed:
                return f"list:{fold(listed)}"
    return f"name:{fold(mention.name)}"


def _words(name: str) -> list[str]:
    return [w for w in name.split() if len(w.rstrip(".")) > 1]


def _is_multi(mention: Mention) -> bool:
    return len(mention.name.split()) > 1 or mention.surface == "title"


# ---------------------------------------------------------------------------------------

def resolve_entities(sources: Sequence[Source], mentions: Mapping[str, Sequence[Mention]],
                     case: CaseInfo) -> Resolution:
    """Join the mentions of all sources into entities, apply ``case.yml`` curation."""
    curation, problems = _read_curation(case)
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

    clusters: dict[str, _Cluster] = {}
    singles: list[Mention] = []
    weak: list[Mention] = []
    for mention in kept:
        if mention.confidence == "low":
            weak.append(mention)
        elif _is_multi(mention) or mention.type in ("platform", "organization", "work") \
                and any(e for e in _strong(mention)):
            clusters.setdefault(_key(mention), _Cluster(_key(mention))).mentions.append(mention)
        else:
            singles.append(mention)
    for cluster in clusters.values():
        cluster.type, cluster.evidence = _vote(cluster.mentions)
    _merge_spellings(clusters)

    ambiguous: list[Ambiguous] = []
    index = _person_index(clusters)
    named = [m for m in weak if not _is_multi(m) and any(fold(f) in index for f in (m.name, *m.forms))]
    named_ids = {id(m) for m in named}
    weak = [m for m in weak if id(m) not in named_ids]
    singles = sorted(singles + named, key=lambda m: (order.get(m.source, len(order)), m.source, m.start))
    _link_singles(singles, clusters, ambiguous)
    candidates = _link_weak(weak, clusters)

    entities_by_id = _name_clusters(clusters)
    # Ambiguous records name cluster ids, known only now.
    ambiguous = [replace(a, candidates=tuple(sorted(clusters[k].id for k in a.candidates)))
                 for a in ambiguous]
    entities_by_id, ambiguous, candidates, more = _curate(
        curation, entities_by_id, ambiguous, candidates, by_source, used_rejects, case)
    problems.extend(more)
    entities = tuple(sorted((_freeze(c) for c in entities_by_id.values() if c.all()), key=lambda e: e.id))
    entities = _with_genders(entities, ambiguous, by_source)
    return Resolution(
        entities=entities,
        ambiguous=tuple(sorted(ambiguous, key=lambda a: (a.mention.source, a.mention.start))),
        candidates=tuple(sorted(candidates, key=lambda c: (fold(c.name), c.name))),
        co_mentions=_co_mentions(entities),
        problems=tuple(problems),
    )


_SPELLING_SIMILARITY = 85  # rapidfuzz ratio of two given names that spell one name ("Vassilis", "Vasilis")


def _merge_spellings(clusters: dict[str, _Cluster]) -> None:
    """Join people whose full names differ only in the spelling of the given name, surname
    equal ("Vassilis Kikilias", "Vasilis Kikilias": a transliteration); the cluster with more
    mentions keeps its key. Different given names ("Kimberly Jones", "Keaton Jones") stay apart."""
    from rapidfuzz.fuzz import ratio

    people: dict[str, list[str]] = defaultdict(list)
    for key, cluster in sorted(clusters.items()):
        words = _words(cluster.mentions[0].name) if cluster.type == "person" and cluster.mentions else []
        if len(words) == 2:
            people[fold(words[-1])].append(key)
    for keys in people.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a not in clusters or b not in clusters:
                    continue
                first_a = fold(_words(clusters[a].mentions[0].name)[0])
                first_b = fold(_words(clusters[b].mentions[0].name)[0])
                if first_a == first_b or ratio(first_a, first_b) < _SPELLING_SIMILARITY:
                    continue
                keep, drop = sorted((a, b), key=lambda k: (-len(clusters[k].mentions), k))
                clusters[keep].mentions.extend(clusters.pop(drop).mentions)


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
    return tuple(replace(e, gender=genders[e.id][0], gender_evidence=genders[e.id][1]) if e.id in genders else e
                 for e in entities)


def _person_index(clusters: Mapping[str, _Cluster]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        if cluster.type != "person" or not key.startswith("name:"):
            continue
        names = {m.name for m in cluster.mentions if _is_multi(m)}
        parts = {fold(w) for name in names for w in _words(name)}
        for part in sorted(parts):
            index[part].append(key)
    return index


def _link_singles(singles: list[Mention], clusters: dict[str, _Cluster], ambiguous: list[Ambiguous]) -> None:
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
        animal = any(e.startswith(_NOT_PERSON) for e in mention.evidence)
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
    # What is left forms entities of its own (or joins one by exact key, e.g. a place).
    for index, mention in enumerate(leftovers):
        if mention.type == "other" and not any(e.startswith(_NOT_PERSON) for e in mention.evidence):
            place = lex.place(mention.name)
            if place is not None:
                mention = leftovers[index] = with_type(mention, "place", f"gazetteer: {place.kind} {place.name}")
        key = _key(mention)
        if key not in clusters and mention.forms:
            for form in mention.forms:
                other = f"name:{fold(form)}"
                if other in clusters:
                    key = other
                    break
        clusters.setdefault(key, _Cluster(key)).mentions.append(mention)
    leftover_ids = {id(m) for m in leftovers}
    for cluster in clusters.values():
        if cluster.type is None or any(id(m) in leftover_ids for m in cluster.mentions):
            cluster.type, cluster.evidence = _vote(cluster.mentions or [m for m, _ in cluster.linked])


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
    position = bisect_left(starts, mention.start) - 1
    for position in range(position, -1, -1):
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
        return None, f"'{form}' fits {_names_phrase(shortlist, len(keys))}, and none of them is named before it in the source", shortlist
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


def _display_name(cluster: _Cluster) -> str:
    return cluster.name or _canonical_name(cluster)


def _link_weak(weak: list[Mention], clusters: dict[str, _Cluster]) -> list[Candidate]:
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
        evidence = [e for e in found[0].evidence if e in _WEAK] or ["no evidence beyond a capital letter"]
        out.append(Candidate(name, found[0].type, tuple(found), evidence[0]))
    return out


def _canonical_name(cluster: _Cluster) -> str:
    if cluster.key.startswith("place:"):
        place_key = cluster.key.split(":", 1)[1]
        for mention in cluster.mentions:
            place = lex.place(mention.name) or lex.us_states().get(mention.name)
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


def _name_clusters(clusters: dict[str, _Cluster]) -> dict[str, _Cluster]:
    ordered = sorted(clusters.values(), key=lambda c: (_canonical_name(c), c.key))
    for cluster in ordered:
        cluster.name = _canonical_name(cluster)
    ids = unique_slugs([c.name or "" for c in ordered], fallback="entity")
    for cluster, slug in zip(ordered, ids):
        cluster.id = slug
    return {c.id: c for c in ordered}


def _freeze(cluster: _Cluster) -> Entity:
    mentions = sorted(cluster.all(), key=lambda m: (m.source, m.start, m.end))
    if cluster.type is None:
        cluster.type, cluster.evidence = _vote(mentions)
    name = cluster.name or _canonical_name(cluster)
    aliases: set[tuple[str, str]] = set()
    for mention in mentions:
        alias = mention.text if mention.surface in ("descriptor", "alias") else mention.name
        alias = " ".join(alias.split())
        if alias != name:
            aliases.add((mention.language, alias))
    evidence = cluster.evidence
    if cluster.linked and cluster.type == "person":
        evidence = (*evidence, "short forms: " + ", ".join(sorted({m.name for m, _ in cluster.linked})[:5]))
    return Entity(
        id=cluster.id, name=name, type=cluster.type, type_evidence=tuple(evidence),
        aliases=tuple(sorted(aliases)), mentions=tuple(mentions),
        sources=tuple(sorted({m.source for m in mentions})), key=cluster.key)


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


# ---------------------------------------------------------------------------------------
# Curation.

@dataclass
class _Curation:
    aliases: list[tuple[str, str, int]] = field(default_factory=list)  # (id, alias, line)
    merges: list[tuple[list[str], int]] = field(default_factory=list)
    splits: list[tuple[str, str, list[str], int]] = field(default_factory=list)  # (id, name, locations, line)
    rejects: list[tuple[str, int]] = field(default_factory=list)
    types: list[tuple[str, str, int]] = field(default_factory=list)


def _line(case: CaseInfo, *path: Any) -> int:
    while path:
        if path in case.entry_lines:
            return case.entry_lines[path]
        path = path[:-1]
    return 1


def _read_curation(case: CaseInfo) -> tuple[_Curation, list[Problem]]:
    raw = case.raw or {}
    out = _Curation()
    problems: list[Problem] = []

    def bad(path: tuple[Any, ...], problem: str, fix: str) -> None:
        problems.append(Problem(case.path, _line(case, *path), problem, fix))

    aliases = raw.get("aliases")
    if isinstance(aliases, dict):
        for entity_id, values in aliases.items():
            items = values if isinstance(values, list) else [values]
            for i, alias in enumerate(items):
                if isinstance(alias, str) and alias.strip():
                    out.aliases.append((str(entity_id), alias.strip(),
                                        _line(case, "aliases", entity_id, i if isinstance(values, list) else None)))
                else:
                    bad(("aliases", entity_id), f"alias of '{entity_id}' is not text", "write each alias as a string")
    elif aliases is not None:
        bad(("aliases",), "'aliases' is not a mapping", "write 'aliases: {entity-id: [alias, …]}'")
    merges = raw.get("merges")
    if isinstance(merges, list):
        for i, group in enumerate(merges):
            if isinstance(group, list) and len(group) >= 2 and all(isinstance(g, str) for g in group):
                out.merges.append(([str(g) for g in group], _line(case, "merges", i)))
            else:
                bad(("merges", i), "a merge is not a list of two or more entity ids", "write '- [id-to-keep, other-id]'")
    elif merges is not None:
        bad(("merges",), "'merges' is not a list", "write 'merges: [[id-to-keep, other-id]]'")
    splits = raw.get("splits")
    if isinstance(splits, dict):
        for entity_id, parts in splits.items():
            if not isinstance(parts, dict):
                bad(("splits", entity_id), f"split of '{entity_id}' is not a mapping",
                    "write '{New Name: [source-id, source-id#p3]}'")
                continue
            for new_name, where in parts.items():
                places = where if isinstance(where, list) else [where]
                out.splits.append((str(entity_id), str(new_name), [str(w) for w in places],
                                   _line(case, "splits", entity_id, new_name)))
    elif splits is not None:
        bad(("splits",), "'splits' is not a mapping", "write 'splits: {entity-id: {New Name: [source-id]}}'")
    rejects = raw.get("rejects")
    if isinstance(rejects, list):
        for i, item in enumerate(rejects):
            if isinstance(item, str) and item.strip():
                out.rejects.append((item.strip(), _line(case, "rejects", i)))
            else:
                bad(("rejects", i), "a reject is not text", "write the name or entity id to reject")
    elif rejects is not None:
        bad(("rejects",), "'rejects' is not a list", "write 'rejects: [Name, entity-id]'")
    types = raw.get("types")
    if isinstance(types, dict):
        for entity_id, kind in types.items():
            if kind not in TYPES:
                bad(("types", entity_id), f"unknown type '{kind}' for '{entity_id}'", f"use one of: {', '.join(TYPES)}")
            else:
                out.types.append((str(entity_id), str(kind), _line(case, "types", entity_id)))
    elif types is not None:
        bad(("types",), "'types' is not a mapping", "write 'types: {entity-id: organization}'")
    return out, problems


def _curate(curation: _Curation, entities: dict[str, _Cluster], ambiguous: list[Ambiguous],
            candidates: list[Candidate], sources: Mapping[str, Source], used_rejects: set[int],
            case: CaseInfo) -> tuple[dict[str, _Cluster], list[Ambiguous], list[Candidate], list[Problem]]:
    problems: list[Problem] = []

    def warn(line: int, problem: str, fix: str) -> None:
        problems.append(Problem(case.path, line, problem, fix, warning=True))

    renamed: dict[str, str] = {}

    def target(entity_id: str) -> str | None:
        while entity_id in renamed:
            entity_id = renamed[entity_id]
        return entity_id if entity_id in entities else None

    # merges
    for ids, line in curation.merges:
        found = [target(i) for i in ids]
        missing = [i for i, f in zip(ids, found) if f is None]
        for i in missing:
            warn(line, f"merge names '{i}', which matches no entity", "use an id from the entity list or remove it")
        present = [f for f in dict.fromkeys(found) if f is not None]
        if len(present) < 2:
            continue
        keep = entities[present[0]]
        for other_id in present[1:]:
            other = entities.pop(other_id)
            keep.mentions.extend(other.mentions)
            keep.linked.extend(other.linked)
            renamed[other_id] = keep.id
        keep.type, keep.evidence = _vote(keep.mentions or [m for m, _ in keep.linked])
    # splits
    for entity_id, new_name, places, line in curation.splits:
        source_id = target(entity_id)
        if source_id is None:
            warn(line, f"split names '{entity_id}', which matches no entity", "use an id from the entity list")
            continue
        cluster = entities[source_id]

        def inside(m: Mention) -> bool:
            for place in places:
                sid, _, anchor = place.partition("#")
                if m.source == sid and (not anchor or m.anchor == anchor or m.sentence == anchor):
                    return True
            return False

        moved = [m for m in cluster.mentions if inside(m)]
        moved_linked = [(m, why) for m, why in cluster.linked if inside(m)]
        if not moved and not moved_linked:
            warn(line, f"split of '{entity_id}' into '{new_name}' matches no mention",
                 "give source ids (or source-id#p3) where the entity is mentioned")
            continue
        cluster.mentions = [m for m in cluster.mentions if not inside(m)]
        cluster.linked = [(m, w) for m, w in cluster.linked if not inside(m)]
        new_id = _free_id(slugify(new_name, "entity"), entities)
        new = _Cluster(f"split:{new_id}", moved, moved_linked, new_name, cluster.type, cluster.evidence, new_id)
        entities[new_id] = new
    # aliases
    for entity_id, alias, line in curation.aliases:
        found_id = target(entity_id)
        if found_id is None:
            warn(line, f"alias '{alias}' is for '{entity_id}', which matches no entity",
                 "use an id from the entity list")
            continue
        cluster = entities[found_id]
        hits = _apply_alias(alias, cluster, entities, ambiguous, candidates, sources)
        if not hits:
            warn(line, f"alias '{alias}' of '{entity_id}' matches nothing in the sources",
                 "check the spelling or remove the alias")
    # types
    for entity_id, kind, line in curation.types:
        found_id = target(entity_id)
        if found_id is None:
            warn(line, f"type for '{entity_id}', which matches no entity", "use an id from the entity list")
            continue
        entities[found_id].type = kind
        entities[found_id].evidence = ("set in case.yml",)
    # rejects by id
    for i, (text, line) in enumerate(curation.rejects):
        found_id = target(text)
        if found_id is not None:
            entities.pop(found_id)
            used_rejects.add(i)
        if i not in used_rejects:
            warn(line, f"reject '{text}' matches no name or entity", "check the spelling or remove the entry")
    return entities, ambiguous, candidates, problems


def _free_id(base: str, taken: Mapping[str, Any]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _alias_pattern(alias: str) -> re.Pattern[str]:
    body = r"[ \u00a0]+".join(re.escape(part) for part in alias.split())
    return re.compile(rf"(?<![\w])({body})(?:['’]s|s)?(?![\w])", re.IGNORECASE)


def _apply_alias(alias: str, cluster: _Cluster, entities: dict[str, _Cluster], ambiguous: list[Ambiguous],
                 candidates: list[Candidate], sources: Mapping[str, Source]) -> int:
    """Give ``cluster`` every mention named ``alias`` and every occurrence of it in the texts."""
    folded = fold(alias)
    hits = 0
    why = f"alias in case.yml: '{alias}'"
    # Mentions of other entities with that very name.
    for other in list(entities.values()):
        if other is cluster:
            continue
        moving = [m for m in other.mentions if fold(m.name) == folded or fold(m.text) == folded]
        moving_linked = [(m, w) for m, w in other.linked if fold(m.name) == folded or fold(m.text) == folded]
        if moving or moving_linked:
            other.mentions = [m for m in other.mentions if m not in moving]
            other.linked = [(m, w) for m, w in other.linked if (m, w) not in moving_linked]
            cluster.linked.extend((m, why) for m in moving)
            cluster.linked.extend((m, why) for m, _ in moving_linked)
            hits += len(moving) + len(moving_linked)
            if not other.all():
                entities.pop(other.id)
    for item in list(ambiguous):
        if fold(item.mention.name) == folded:
            cluster.linked.append((item.mention, why))
            ambiguous.remove(item)
            hits += 1
    for item in list(candidates):
        if fold(item.name) == folded:
            cluster.linked.extend((m, why) for m in item.mentions)
            candidates.remove(item)
            hits += len(item.mentions)
    # Occurrences in the text that no mention covers: descriptors ("his mother", "moren").
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for other in entities.values():
        for m in other.all():
            taken[m.source].append((m.start, m.end))
    for item in ambiguous:
        taken[item.mention.source].append((item.mention.start, item.mention.end))
    pattern = _alias_pattern(alias)
    surface = "descriptor" if alias[:1].islower() else "alias"
    for source_id in sorted(sources):
        source = sources[source_id]
        for match in pattern.finditer(source.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken[source_id]):
                continue
            paragraph = source.paragraph_at(start)
            holding = source.sentence_at(start)
            sentence = holding.anchor if holding is not None else (
                paragraph.sentences[0].anchor if paragraph.sentences else paragraph.anchor)
            language = paragraph.language or source.language
            cluster.linked.append((Mention(
                source=source_id, anchor=paragraph.anchor, sentence=sentence, start=start, end=end,
                text=source.text[start:end], name=match.group(1), surface=surface,
                type=cluster.type or "other", evidence=(why,), language=language), why))
            taken[source_id].append((start, end))
            hits += 1
    return hits


def entity_records(resolution: Resolution) -> Iterator[dict[str, Any]]:
    """The ``entities`` array of ``case.json``, one record at a time: sorted, JSON-serialisable."""
    related: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pair in resolution.co_mentions:
        related[pair.a].append({"id": pair.b, "sentences": pair.sentences, "paragraphs": pair.paragraphs})
        related[pair.b].append({"id": pair.a, "sentences": pair.sentences, "paragraphs": pair.paragraphs})
    for entity in resolution.entities:
        by_language: dict[str, list[str]] = defaultdict(list)
        for language, alias in entity.aliases:
            by_language[language].append(alias)
        yield {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "type_evidence": list(entity.type_evidence),
            "gender": entity.gender,
            "gender_evidence": list(entity.gender_evidence),
            "aliases": sorted({alias for _, alias in entity.aliases}),
            "aliases_by_language": {k: sorted(v) for k, v in sorted(by_language.items())},
            "sources": list(entity.sources),
            "mentions": [
                {"source": m.source, "anchor": m.anchor, "sentence": m.sentence, "start": m.start,
                 "end": m.end, "text": m.text, "surface": m.surface}
                for m in entity.mentions
            ],
            "co_mentions": sorted(related[entity.id], key=lambda r: (-r["sentences"], -r["paragraphs"], r["id"])),
        }

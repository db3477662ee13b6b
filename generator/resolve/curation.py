"""Curation in ``seeds/case.yml`` (see ``docs_src/curation.md``): entities and discrepancies.

Entity curation, all optional; entity ids are those of the generated case file::

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

Findings take a status and a note by id::

    discrepancies:
      figure-3f2a9c01de: {status: explained, note: "view counts grow; the sources were written days apart"}

A finding's id is a hash of its kind and key, so a curated entry holds across re-runs and
edits. An entry that matches no finding of the build is a warning (the finding may come
back when a source does); a status other than ``open``, ``explained`` or ``resolved`` is an
error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field

from generator.errors import Problem
from generator.model.entity import Ambiguous, Candidate
from generator.model.finding import STATUSES, Discrepancy
from generator.model.mention import TYPES, EntityType, Mention, Surface
from generator.model.source import CaseInfo, Source
from generator.resolve.clusters import Cluster
from generator.text.words import fold
from generator.util.slug import slugify


def curation_problems(discrepancies: Sequence[Discrepancy], case: CaseInfo | None,
                      path: str = "seeds/case.yml") -> tuple[Problem, ...]:
    """Warnings for curated discrepancy ids that match nothing and for bad statuses."""
    if case is None:
        return ()
    curated = case.raw.get("discrepancies") or {}
    line = case.lines.get("discrepancies", 0)
    known = {d.id for d in discrepancies}
    problems = []
    if not isinstance(curated, dict):
        return (Problem(path, line, "'discrepancies' is not a mapping of ids to {status, note}",
                        "write 'discrepancies:' then '  <id>: {status: explained, note: \"…\"}'"),)
    for key, entry in sorted(curated.items(), key=lambda kv: str(kv[0])):
        if str(key) not in known:
            kind = str(key).split("-", 1)[0]  # an id starts with its kind, which has a page when it has findings
            page = (f"discrepancies/{kind}.md" if kind in {d.kind for d in discrepancies if d.confidence == "high"}
                    else "discrepancies.md")
            problems.append(Problem(path, line, f"discrepancy '{key}' is not found in this build",
                                    f"check the id on {page} (every id is also in data/case.json), "
                                    "or remove the entry", warning=True))
        status = entry.get("status") if isinstance(entry, dict) else None
        if status is not None and status not in STATUSES:
            problems.append(Problem(path, line, f"discrepancy '{key}' has status '{status}'",
                                    f"use one of: {', '.join(STATUSES)}"))
    return tuple(problems)


def apply_curation(discrepancy: Discrepancy, case: CaseInfo | None) -> Discrepancy:
    """The finding with the status and note ``case.yml`` gives it (a bad status leaves its own)."""
    if case is None:
        return discrepancy
    curated = case.raw.get("discrepancies") or {}
    entry = curated.get(discrepancy.id) if isinstance(curated, dict) else None
    if not isinstance(entry, dict):
        return discrepancy
    status = entry.get("status") if entry.get("status") in STATUSES else discrepancy.status
    note = entry.get("note") if isinstance(entry.get("note"), str) else discrepancy.note
    return Discrepancy(**{**discrepancy.__dict__, "status": status, "note": note})


# ---------------------------------------------------------------------------------------
# Entities: aliases, merges, splits, rejects and types.

@dataclass(frozen=True)
class EntityCuration:
    """The entity curation of ``case.yml``, each entry with its line there."""

    aliases: list[tuple[str, str, int]] = field(default_factory=list)
    """(entity id, alias, line)."""
    merges: list[tuple[list[str], int]] = field(default_factory=list)
    """(entity ids, the first one kept; line)."""
    splits: list[tuple[str, str, list[str], int]] = field(default_factory=list)
    """(entity id, new name, where: source ids or ``source-id#p3``; line)."""
    rejects: list[tuple[str, int]] = field(default_factory=list)
    """(name or entity id, line)."""
    types: list[tuple[str, EntityType, int]] = field(default_factory=list)
    """(entity id, type, line)."""


_Bad = Callable[[tuple[object, ...], str, str], None]
"""Reports a problem at the entry with a path (its line is looked up), the problem and the fix."""


def _line(case: CaseInfo, *path: object) -> int:
    while path:
        if path in case.entry_lines:
            return case.entry_lines[path]
        path = path[:-1]
    return 1


def _read_aliases(aliases: object, case: CaseInfo, out: EntityCuration, bad: _Bad) -> None:
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


def _read_merges(merges: object, case: CaseInfo, out: EntityCuration, bad: _Bad) -> None:
    if isinstance(merges, list):
        for i, group in enumerate(merges):
            if isinstance(group, list) and len(group) >= 2 and all(isinstance(g, str) for g in group):
                out.merges.append(([str(g) for g in group], _line(case, "merges", i)))
            else:
                bad(("merges", i), "a merge is not a list of two or more entity ids",
                    "write '- [id-to-keep, other-id]'")
    elif merges is not None:
        bad(("merges",), "'merges' is not a list", "write 'merges: [[id-to-keep, other-id]]'")


def _read_splits(splits: object, case: CaseInfo, out: EntityCuration, bad: _Bad) -> None:
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


def _read_rejects(rejects: object, case: CaseInfo, out: EntityCuration, bad: _Bad) -> None:
    if isinstance(rejects, list):
        for i, item in enumerate(rejects):
            if isinstance(item, str) and item.strip():
                out.rejects.append((item.strip(), _line(case, "rejects", i)))
            else:
                bad(("rejects", i), "a reject is not text", "write the name or entity id to reject")
    elif rejects is not None:
        bad(("rejects",), "'rejects' is not a list", "write 'rejects: [Name, entity-id]'")


def _entity_type(value: object) -> EntityType | None:
    for kind in TYPES:
        if value == kind:
            return kind
    return None


def _read_types(types: object, case: CaseInfo, out: EntityCuration, bad: _Bad) -> None:
    if isinstance(types, dict):
        for entity_id, value in types.items():
            kind = _entity_type(value)
            if kind is None:
                bad(("types", entity_id), f"unknown type '{value}' for '{entity_id}'",
                    f"use one of: {', '.join(TYPES)}")
            else:
                out.types.append((str(entity_id), kind, _line(case, "types", entity_id)))
    elif types is not None:
        bad(("types",), "'types' is not a mapping", "write 'types: {entity-id: organization}'")


_READERS: tuple[tuple[str, Callable[[object, CaseInfo, EntityCuration, _Bad], None]], ...] = (
    ("aliases", _read_aliases), ("merges", _read_merges), ("splits", _read_splits), ("rejects", _read_rejects),
    ("types", _read_types),
)
"""Each key of entity curation and its reader, in the order problems are reported."""


def read_entity_curation(case: CaseInfo) -> tuple[EntityCuration, list[Problem]]:
    """The entity curation of ``case.yml`` and the problems with its entries."""
    raw = case.raw or {}
    out = EntityCuration()
    problems: list[Problem] = []

    def bad(path: tuple[object, ...], problem: str, fix: str) -> None:
        problems.append(Problem(case.path, _line(case, *path), problem, fix))

    for key, reader in _READERS:
        reader(raw.get(key), case, out, bad)
    return out, problems


@dataclass
class _Curating:
    """What entity curation changes in place, and the warnings it gives."""

    entities: dict[str, Cluster]
    """Clusters by entity id."""
    ambiguous: list[Ambiguous]
    """Mentions left unresolved (an alias may settle them)."""
    candidates: list[Candidate]
    """Names for review (an alias may make them the entity's)."""
    sources: Mapping[str, Source]
    """Sources by id, searched for aliases."""
    used_rejects: set[int]
    """Indexes of the rejects that matched a name or an id."""
    path: str
    """Path of ``case.yml``, for the warnings."""
    problems: list[Problem] = field(default_factory=list)
    """Warnings so far."""
    renamed: dict[str, str] = field(default_factory=dict)
    """Ids merged into another entity: the id they now go by."""

    def warn(self, line: int, problem: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, problem, fix, warning=True))

    def target(self, entity_id: str) -> str | None:
        """The id ``entity_id`` goes by now (after merges), if it is still an entity."""
        while entity_id in self.renamed:
            entity_id = self.renamed[entity_id]
        return entity_id if entity_id in self.entities else None


def _merge(state: _Curating, curation: EntityCuration) -> None:
    for ids, line in curation.merges:
        found = [state.target(i) for i in ids]
        for entity_id, hit in zip(ids, found, strict=True):
            if hit is None:
                state.warn(line, f"merge names '{entity_id}', which matches no entity",
                           "use an id from the entity list or remove it")
        present = [f for f in dict.fromkeys(found) if f is not None]
        if len(present) < 2:
            continue
        keep = state.entities[present[0]]
        for other_id in present[1:]:
            other = state.entities.pop(other_id)
            keep.mentions.extend(other.mentions)
            keep.linked.extend(other.linked)
            state.renamed[other_id] = keep.id
        keep.decide_type(keep.mentions or [m for m, _ in keep.linked])


def _inside(mention: Mention, places: Sequence[str]) -> bool:
    """Whether ``mention`` is in one of ``places``: source ids, or ``source-id#anchor`` of a paragraph or sentence."""
    for place in places:
        sid, _, anchor = place.partition("#")
        if mention.source == sid and (not anchor or mention.anchor == anchor or mention.sentence == anchor):
            return True
    return False


def _split(state: _Curating, curation: EntityCuration) -> None:
    for entity_id, new_name, places, line in curation.splits:
        source_id = state.target(entity_id)
        if source_id is None:
            state.warn(line, f"split names '{entity_id}', which matches no entity", "use an id from the entity list")
            continue
        cluster = state.entities[source_id]
        moved = [m for m in cluster.mentions if _inside(m, places)]
        moved_linked = [(m, why) for m, why in cluster.linked if _inside(m, places)]
        if not moved and not moved_linked:
            state.warn(line, f"split of '{entity_id}' into '{new_name}' matches no mention",
                       "give source ids (or source-id#p3) where the entity is mentioned")
            continue
        cluster.mentions = [m for m in cluster.mentions if not _inside(m, places)]
        cluster.linked = [(m, w) for m, w in cluster.linked if not _inside(m, places)]
        new_id = _free_id(slugify(new_name, "entity"), state.entities)
        state.entities[new_id] = Cluster(f"split:{new_id}", moved, moved_linked, new_name, cluster.type,
                                         cluster.evidence, new_id, cluster.rules)


def _add_aliases(state: _Curating, curation: EntityCuration) -> None:
    for entity_id, alias, line in curation.aliases:
        found_id = state.target(entity_id)
        if found_id is None:
            state.warn(line, f"alias '{alias}' is for '{entity_id}', which matches no entity",
                       "use an id from the entity list")
            continue
        cluster = state.entities[found_id]
        why = f"alias in case.yml: '{alias}'"
        hits = _take_named(state, alias, cluster, why) + _find_in_texts(state, alias, cluster, why)
        if not hits:
            state.warn(line, f"alias '{alias}' of '{entity_id}' matches nothing in the sources",
                       "check the spelling or remove the alias")


def _set_types(state: _Curating, curation: EntityCuration) -> None:
    for entity_id, kind, line in curation.types:
        found_id = state.target(entity_id)
        if found_id is None:
            state.warn(line, f"type for '{entity_id}', which matches no entity", "use an id from the entity list")
            continue
        cluster = state.entities[found_id]
        cluster.type, cluster.evidence, cluster.rules = kind, ("set in case.yml",), ("curated type",)


def _reject_ids(state: _Curating, curation: EntityCuration) -> None:
    for number, (text, line) in enumerate(curation.rejects):
        found_id = state.target(text)
        if found_id is not None:
            state.entities.pop(found_id)
            state.used_rejects.add(number)
        if number not in state.used_rejects:
            state.warn(line, f"reject '{text}' matches no name or entity", "check the spelling or remove the entry")


_STEPS: tuple[Callable[[_Curating, EntityCuration], None], ...] = (
    _merge, _split, _add_aliases, _set_types, _reject_ids)
"""The curation steps in order: a split or an alias may name a merged id, a type or a reject any id."""


def curate_entities(curation: EntityCuration, entities: dict[str, Cluster], ambiguous: list[Ambiguous],
                    candidates: list[Candidate], sources: Mapping[str, Source], used_rejects: set[int],
                    case: CaseInfo) -> list[Problem]:
    """Apply ``curation`` to the clusters by id, the ambiguous mentions and the candidates, in place
    (``used_rejects`` holds the rejects that matched a name already); the warnings."""
    state = _Curating(entities, ambiguous, candidates, sources, used_rejects, case.path)
    for step in _STEPS:
        step(state, curation)
    return state.problems


def _free_id(base: str, taken: Container[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _alias_pattern(alias: str) -> re.Pattern[str]:
    body = r"[ \u00a0]+".join(re.escape(part) for part in alias.split())
    return re.compile(rf"(?<![\w])({body})(?:['’]s|s)?(?![\w])", re.IGNORECASE)


def _take_named(state: _Curating, alias: str, cluster: Cluster, why: str) -> int:
    """Give ``cluster`` the mentions of other entities, the ambiguous mentions and the candidates
    named ``alias``; how many."""
    folded = fold(alias)
    hits = 0
    for other in list(state.entities.values()):
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
                state.entities.pop(other.id)
    for unresolved in list(state.ambiguous):
        if fold(unresolved.mention.name) == folded:
            cluster.linked.append((unresolved.mention, why))
            state.ambiguous.remove(unresolved)
            hits += 1
    for candidate in list(state.candidates):
        if fold(candidate.name) == folded:
            cluster.linked.extend((m, why) for m in candidate.mentions)
            state.candidates.remove(candidate)
            hits += len(candidate.mentions)
    return hits


def _find_in_texts(state: _Curating, alias: str, cluster: Cluster, why: str) -> int:
    """Give ``cluster`` the occurrences of ``alias`` in the texts that no mention covers:
    descriptors ("his mother", "moren"); how many."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for other in state.entities.values():
        for m in other.all():
            taken[m.source].append((m.start, m.end))
    for unresolved in state.ambiguous:
        taken[unresolved.mention.source].append((unresolved.mention.start, unresolved.mention.end))
    pattern = _alias_pattern(alias)
    surface: Surface = "descriptor" if alias[:1].islower() else "alias"
    hits = 0
    for source_id in sorted(state.sources):
        source = state.sources[source_id]
        for match in pattern.finditer(source.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken[source_id]) or source.in_furniture(start):
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

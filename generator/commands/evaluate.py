"""``casefile eval``: a built case scored against gold annotations.

The gold format is that of the development set (``../shared/devset/gold.json``, described in its
README): per case, the persons (with the other forms the texts use), places and organisations,
the disagreements between the sources (each side a phrase of one source; ``core`` marks what a
reader must not miss; a ``coverage`` item has one side, a fact only that source gives) and the
traps (passages that look like a disagreement and are not one).

A phrase is found in its source's text (it occurs there once); a finding's claim overlaps it
when their character ranges in the same source intersect. A gold disagreement is *found* when
one finding holds claims overlapping the phrases of two of its sides (a coverage item: one side,
by a finding of kind ``coverage``); a trap is *hit* the same way. Persons are found when an
extracted person's name or one of its mentions is the gold name or one of its aliases (any
case); an extracted person is *right* when it is a gold person or one the gold allows. Places
and organisations are counted the same way; their precision is for a reader to judge.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Record = Mapping[str, Any]


class GoldError(ValueError):
    """The gold file cannot be read, names no such case, or a phrase is not in its source."""


@dataclass(frozen=True)
class Side:
    """One side of a gold item: a phrase of one source, where it stands."""

    source: str
    """Id of the source in the case (``000-npr``)."""
    start: int
    """Offset of the phrase in the source's text."""
    end: int
    """Offset one past its end."""
    phrase: str
    """The phrase."""


@dataclass(frozen=True)
class GoldItem:
    """A gold disagreement or trap, its sides located."""

    id: str
    """Its id in the gold file (``D3``, ``T1``)."""
    kind: str
    """A disagreement's kind (``figure``, ``coverage``, …); ``trap`` for a trap."""
    summary: str
    """What it is, from the gold file (a trap's ``why``)."""
    sides: tuple[Side, ...]
    """Its sides."""
    core: bool = False
    """Whether a reader must not miss it."""


@dataclass(frozen=True)
class Found:
    """A gold item and the findings that hold it (none: missed; for a trap: not hit)."""

    item: GoldItem
    """The gold item."""
    findings: tuple[str, ...]
    """Ids of the findings whose claims overlap two of its sides (one, for coverage)."""


@dataclass(frozen=True)
class Names:
    """How one kind of name fared: the gold names found and missed, the extracted ones judged."""

    found: tuple[str, ...]
    """Gold names an extracted entity of the kind has."""
    missed: tuple[str, ...]
    """Gold names none has."""
    right: tuple[str, ...] = ()
    """Extracted names that are gold (or allowed); empty where precision is judged by reading."""
    wrong: tuple[str, ...] = ()
    """Extracted names that are not."""

    @property
    def recall(self) -> float | None:
        """Share of gold names found."""
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else None

    @property
    def precision(self) -> float | None:
        """Share of extracted names that are right (``None`` when not judged)."""
        total = len(self.right) + len(self.wrong)
        return len(self.right) / total if total else None


@dataclass(frozen=True)
class Score:
    """A case scored against its gold."""

    case: str
    """The case's name in the gold file."""
    persons: Names
    """Persons: recall and precision."""
    places: Names
    """Places: recall."""
    organizations: Names
    """Organisations (and platforms): recall."""
    disagreements: tuple[Found, ...]
    """Every gold disagreement and the findings that hold it."""
    traps: tuple[Found, ...]
    """Every trap and the findings that hit it."""
    findings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Every finding's id → the gold ids it matches (disagreements and traps); empty: matches nothing."""
    confident: frozenset[str] = frozenset()
    """Ids of the confident findings: those the report leads with (a case.json without confidences: all)."""

    def _held(self, found: Found, confident_only: bool) -> bool:
        return any(fid in self.confident for fid in found.findings) if confident_only else bool(found.findings)

    def recall(self, core_only: bool = False, confident_only: bool = True) -> float | None:
        """Share of the gold disagreements found (only the core ones, if asked; by confident findings
        only, unless asked for every finding)."""
        items = [f for f in self.disagreements if f.item.core or not core_only]
        return sum(1 for f in items if self._held(f, confident_only)) / len(items) if items else None

    def traps_hit(self, confident_only: bool = True) -> int:
        """How many traps a (confident) finding fell into."""
        return sum(1 for f in self.traps if self._held(f, confident_only))


def load_gold(path: Path) -> Mapping[str, Any]:
    """The gold file: case name → annotation."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldError(f"{path}: cannot read the gold file ({error}) — give a JSON file in the format of "
                        "../shared/devset/gold.json") from error
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise GoldError(f"{path}: not an object of cases — the gold file maps each case's name to its annotation")
    return data


def pick_case(gold: Mapping[str, Any], case: Record, name: str | None, path: Path) -> str:
    """The gold case to score: the one named, else the one whose title is the case's, else the only one."""
    if name is not None:
        if name not in gold:
            raise GoldError(f"{path}: no case '{name}' — the cases are {', '.join(sorted(gold))}")
        return name
    title = (case.get("case") or {}).get("title")
    matching = [key for key, value in gold.items() if value.get("title") == title]
    if len(matching) == 1:
        return matching[0]
    if len(gold) == 1:
        return next(iter(gold))
    raise GoldError(f"{path}: no case has the title '{title}' — name one with --case "
                    f"({', '.join(sorted(gold))})")


def _sources_by_prefix(case: Record) -> dict[str, Record]:
    return {str(s["id"]).split("-")[0]: s for s in case.get("sources", [])}


def _side(pair: Sequence[str], sources: Mapping[str, Record], where: str) -> Side:
    prefix, phrase = str(pair[0]), str(pair[1])
    source = sources.get(prefix)
    if source is None:
        raise GoldError(f"{where}: no source {prefix} in the case — build the case from the same seeds")
    start = str(source.get("text", "")).find(phrase)
    if start < 0:
        raise GoldError(f"{where}: '{phrase}' is not in source {source['id']} — build the case from the same seeds")
    return Side(str(source["id"]), start, start + len(phrase), phrase)


def _items(entries: Iterable[Record], sources: Mapping[str, Record], trap: bool) -> tuple[GoldItem, ...]:
    items = []
    for entry in entries:
        where = f"gold {entry.get('id')}"
        sides = tuple(_side(pair, sources, where) for pair in entry.get("sides", []))
        items.append(GoldItem(str(entry.get("id")), "trap" if trap else str(entry.get("kind")),
                              str(entry.get("why") if trap else entry.get("summary")), sides,
                              bool(entry.get("core", False))))
    return tuple(items)


def _overlaps(claim: Record, side: Side) -> bool:
    return claim["source"] == side.source and claim["start"] < side.end and side.start < claim["end"]


def holds(finding: Record, item: GoldItem) -> bool:
    """Whether ``finding`` holds ``item``: claims overlapping two of its sides; a one-sided item
    (a fact only one source gives) is held by a coverage finding with a claim overlapping it."""
    if len(item.sides) == 1:
        return finding["kind"] == "coverage" and any(_overlaps(c, item.sides[0]) for c in finding["claims"])
    touched = sum(1 for side in item.sides if any(_overlaps(c, side) for c in finding["claims"]))
    return touched >= 2


def _name_forms(entity: Record) -> set[str]:
    forms = {str(entity.get("name", "")).casefold()}
    forms |= {str(m.get("text", "")).casefold() for m in entity.get("mentions", [])}
    return forms


def _names(gold: Sequence[Any], entities: Sequence[Record], allowed: Sequence[str] = (),
           judged: bool = False) -> Names:
    """How the gold names fared among ``entities`` (a gold name is a string or {name, aliases})."""
    wanted = [(str(g["name"]), {str(g["name"]).casefold(), *(str(a).casefold() for a in g.get("aliases", []))})
              if isinstance(g, dict) else (str(g), {str(g).casefold()}) for g in gold]
    forms = [_name_forms(e) for e in entities]
    found = tuple(name for name, keys in wanted if any(keys & f for f in forms))
    missed = tuple(name for name, keys in wanted if name not in found)
    if not judged:
        return Names(found, missed)
    good = set().union(*(keys for _, keys in wanted)) | {str(a).casefold() for a in allowed}
    right = tuple(str(e["name"]) for e, f in zip(entities, forms, strict=True) if f & good)
    wrong = tuple(str(e["name"]) for e, f in zip(entities, forms, strict=True) if not f & good)
    return Names(found, missed, right, wrong)


def evaluate(case: Record, gold: Record, name: str) -> Score:
    """Score the case document ``case`` (as in ``case.json``) against one case's ``gold``."""
    sources = _sources_by_prefix(case)
    entities = case.get("entities", [])
    persons = [e for e in entities if e.get("type") == "person"]
    places = [e for e in entities if e.get("type") == "place"]
    organizations = [e for e in entities if e.get("type") in ("organization", "platform")]
    findings = list(case.get("discrepancies", []))
    disagreements = _items(gold.get("discrepancies", []), sources, trap=False)
    traps = _items(gold.get("traps", []), sources, trap=True)

    def holding(item: GoldItem) -> Found:
        return Found(item, tuple(str(f["id"]) for f in findings if holds(f, item)))

    found = tuple(holding(item) for item in disagreements)
    hit = tuple(holding(item) for item in traps)
    matches: dict[str, list[str]] = {str(f["id"]): [] for f in findings}
    for result in (*found, *hit):
        for finding_id in result.findings:
            matches[finding_id].append(result.item.id)
    confident = frozenset(str(f["id"]) for f in findings if f.get("confidence", "high") == "high")
    return Score(name, _names(gold.get("persons", []), persons, gold.get("allowed_extra_persons", []), judged=True),
                 _names(gold.get("places", []), places), _names(gold.get("organizations", []), organizations),
                 found, hit, {k: tuple(v) for k, v in matches.items()}, confident)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def score_lines(score: Score, case: Record) -> list[str]:
    """The score of one case as Markdown: the numbers, then what was missed and what was hit."""
    findings = {str(f["id"]): f for f in case.get("discrepancies", [])}
    traps = {f.item.id for f in score.traps}
    unmatched = [fid for fid, ids in score.findings.items() if not ids]
    sure = {fid: ids for fid, ids in score.findings.items() if fid in score.confident}
    real = sum(1 for ids in sure.values() if any(i not in traps for i in ids))
    false = sum(1 for ids in sure.values() if any(i in traps for i in ids))
    lines = [f"## {score.case}", "",
             "| measure | value |", "|---|---|",
             f"| persons recall | {_share(score.persons.recall)} ({len(score.persons.found)} of "
             f"{len(score.persons.found) + len(score.persons.missed)}) |",
             f"| persons precision | {_share(score.persons.precision)} ({len(score.persons.right)} of "
             f"{len(score.persons.right) + len(score.persons.wrong)}) |",
             f"| places recall | {_share(score.places.recall)} |",
             f"| organisations recall | {_share(score.organizations.recall)} |",
             f"| disagreements found (confident findings) | {_share(score.recall())} |",
             f"| core disagreements found (confident findings) | {_share(score.recall(core_only=True))} |",
             f"| disagreements found (with the possible ones) | {_share(score.recall(confident_only=False))} |",
             f"| traps hit (confident findings) | {score.traps_hit()} of {len(score.traps)} |",
             f"| traps hit (with the possible ones) | {score.traps_hit(confident_only=False)} of {len(score.traps)} |",
             f"| confident findings holding a gold disagreement | {real} of {len(sure)} |",
             f"| confident findings falling into a trap | {false} of {len(sure)} |",
             f"| possible findings (to check) | {len(findings) - len(sure)} |", ""]
    missed = [f for f in score.disagreements if not f.findings]
    if missed:
        lines += ["Missed:", ""] + [f"- {f.item.id}{' (core)' if f.item.core else ''} {f.item.kind}: "
                                    f"{f.item.summary}" for f in missed] + [""]
    hit = [f for f in score.traps if f.findings]
    if hit:
        lines += ["Traps hit:", ""] + [f"- {f.item.id} by {', '.join(_marked(fid, score) for fid in f.findings)}: "
                                       f"{f.item.summary}" for f in hit] + [""]
    if unmatched:
        lines += ["Findings that match no gold item (read them: real, trivial or false):", ""]
        lines += [f"- {_marked(fid, score)} {findings[fid]['kind']}: {findings[fid]['summary']}"
                  for fid in unmatched] + [""]
    if score.persons.wrong:
        lines += ["Persons that are not gold: " + ", ".join(score.persons.wrong), ""]
    return lines


def _marked(finding_id: str, score: Score) -> str:
    return f"`{finding_id}`" + (" (confident)" if finding_id in score.confident else " (possible)")


def score_record(score: Score) -> dict[str, Any]:
    """The score as plain data, for ``--json`` and the benchmark."""
    return {
        "case": score.case,
        "persons": {"recall": score.persons.recall, "precision": score.persons.precision,
                    "missed": list(score.persons.missed), "wrong": list(score.persons.wrong)},
        "places": {"recall": score.places.recall, "missed": list(score.places.missed)},
        "organizations": {"recall": score.organizations.recall, "missed": list(score.organizations.missed)},
        "disagreements": {"recall": score.recall(), "core_recall": score.recall(core_only=True),
                          "recall_with_possible": score.recall(confident_only=False),
                          "core_recall_with_possible": score.recall(core_only=True, confident_only=False),
                          "found": {f.item.id: list(f.findings) for f in score.disagreements if f.findings},
                          "missed": [f.item.id for f in score.disagreements if not f.findings]},
        "traps": {"hit": {f.item.id: [fid for fid in f.findings if fid in score.confident]
                          for f in score.traps if score._held(f, True)},
                  "hit_with_possible": {f.item.id: list(f.findings) for f in score.traps if f.findings},
                  "total": len(score.traps), "ids": [f.item.id for f in score.traps]},
        "findings": {fid: list(ids) for fid, ids in sorted(score.findings.items())},
        "confident": sorted(score.confident),
    }

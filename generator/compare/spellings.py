"""Spelling findings: one name the sources spell differently ("Zhao Zicong", "Zhao Sicong").

The resolve stage joins full names that differ in the spelling of one word, every other word
the same, into one entity and records the spellings (:attr:`generator.model.entity.Entity.spellings`);
the entity keeps one page, and the difference is a finding of kind ``attribute`` with the detail
``spelling``. Its claims are the mentions written in one of the spellings, a source's first one
only where it writes that spelling more than three times (a name seventy mentions write is not
seventy passages of the finding); its summary gives each source's spellings once. The first
rule of :data:`_SPELLING_RULES` that holds decides the explanation and the severity:

``sources-spell-apart``
    some source does not use a spelling another source uses: ``conflict``, ``medium`` — a
    reader who searches for one spelling misses the other source, and at most one is right.
``one-source-spells-both``
    one source spells the name both ways and no other source names it: ``conflict``, ``low``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.compare.common import Rule, always, claim_at, first_rule, said_by_source, stable_id
from generator.model.finding import Discrepancy
from generator.model.refs import EntityRef
from generator.model.source import Source
from generator.resolve.entities import spelled_alike
from generator.text.words import fold


@dataclass(frozen=True)
class _Spellings:
    """Which sources use which spelling of one name: what the spelling rules decide on."""

    by_source: dict[str, frozenset[str]]
    """The spellings each source uses."""

    def apart(self) -> bool:
        """Whether some source lacks a spelling another source uses."""
        every = frozenset().union(*self.by_source.values())
        return len(self.by_source) > 1 and any(used != every for used in self.by_source.values())


_SPELLING_RULES: tuple[Rule[_Spellings], ...] = (
    Rule("sources-spell-apart", _Spellings.apart, "conflict", "medium",
         "one name spelled or transliterated differently; at most one spelling is right"),
    Rule("one-source-spells-both", always, "conflict", "low", "the source spells the name more than one way"),
)
"""How a spelling finding is explained, first rule that holds first."""


def spelling_findings(entities: Sequence[EntityRef], sources: dict[str, Source]) -> list[Discrepancy]:
    """A finding per entity whose name the sources spell in more than one way."""
    found = []
    for entity in sorted(entities, key=lambda e: e.id):
        mentions = [(source, start, end, spelling) for spelling, source, start, end in entity.spellings
                    if source in sources]
        first: dict[tuple[str, str], tuple[int, int]] = {}
        for source, start, end, spelling in sorted(mentions):
            first.setdefault((source, spelling), (start, end))
        if len({spelling for _, spelling in first}) < 2:
            continue
        by_source: dict[str, set[str]] = defaultdict(set)
        for source, spelling in first:
            by_source[source].add(spelling)
        rule = first_rule(_SPELLING_RULES, _Spellings({s: frozenset(v) for s, v in by_source.items()}))
        said = said_by_source([(source, ", ".join(f"“{n}”" for n in sorted(used, key=lambda n: first[(source, n)])))
                               for source, used in sorted(by_source.items())])
        found.append(Discrepancy(
            id=stable_id("attribute", f"{entity.id}|spelling"), kind="attribute", key=f"{entity.id}|spelling",
            summary=f"The sources spell {entity.name}'s name differently: {said} — {rule.note}.",
            explanation=rule.explanation, severity=rule.severity,
            claims=tuple(claim_at(sources, source, start, end, spelling, "mention")
                         for source, start, end, spelling in _passages(mentions)),
            detail="spelling", rules=(rule.name,)))
    return found


PASSAGES_PER_SPELLING = 3
"""A source's mentions in one spelling are each a passage of the finding up to this many;
beyond, its first one only (a name a source writes thirty times is one passage there, not
thirty: the finding is about how it is spelled, not where)."""


def _passages(mentions: Sequence[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """The mentions a spelling finding cites, in source and text order: every mention of a
    spelling in a source that writes it at most :data:`PASSAGES_PER_SPELLING` times, else the first."""
    by_spelling: dict[tuple[str, str], list[tuple[str, int, int, str]]] = defaultdict(list)
    for mention in sorted(mentions):
        by_spelling[(mention[0], mention[3])].append(mention)
    kept = [m for group in by_spelling.values() for m in (group if len(group) <= PASSAGES_PER_SPELLING
                                                           else group[:1])]
    return sorted(kept)


def _one_word_apart(name: str, other: str) -> bool:
    """Whether two names of two words or more differ in the spelling of exactly one word."""
    words, others = fold(name).split(), fold(other).split()
    if len(words) < 2 or len(words) != len(others):
        return False
    apart = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    return len(apart) == 1 and spelled_alike(*apart[0])


def misspelt_findings(sources: dict[str, Source], found: Sequence[Discrepancy],
                      entities: Sequence[EntityRef]) -> list[Discrepancy]:
    """A spelling finding for each name only one source writes (a coverage finding's name) that
    differs in the spelling of one word from an entity's name other sources write ("Boko Harm",
    "Boko Haram"): one name misspelt or transliterated otherwise, not a name of its own."""
    named = [(claim, d) for d in found if d.kind == "coverage" and d.detail == "names" for claim in d.claims]
    if not named:
        return []
    by_words: dict[int, list[EntityRef]] = defaultdict(list)
    for entity in entities:
        by_words[len(entity.name.split())].append(entity)
    out = []
    for claim, _ in sorted(named, key=lambda item: (item[0].source, item[0].start)):
        for entity in by_words.get(len(claim.text.split()), ()):
            elsewhere = sorted(m for m in entity.mentions if m[0] != claim.source and m[0] in sources)
            if not elsewhere or not _one_word_apart(claim.text, entity.name):
                continue
            first: dict[str, tuple[str, int, int]] = {}
            for mention in elsewhere:
                first.setdefault(mention[0], mention)
            others = sorted(first.values())
            rule = first_rule(_SPELLING_RULES, _Spellings({claim.source: frozenset({claim.text}),
                                                           **{m[0]: frozenset({entity.name}) for m in others}}))
            said = said_by_source([(claim.source, f"“{claim.text}”")]
                                  + [(m[0], f"“{sources[m[0]].text[m[1]:m[2]]}”") for m in others])
            out.append(Discrepancy(
                id=stable_id("attribute", f"{entity.id}|spelling"), kind="attribute", key=f"{entity.id}|spelling",
                summary=f"The sources spell {entity.name}'s name differently: {said} — {rule.note}.",
                explanation=rule.explanation, severity=rule.severity,
                claims=tuple(sorted([claim_at(sources, claim.source, claim.start, claim.end, claim.text, "mention")]
                                    + [claim_at(sources, m[0], m[1], m[2], entity.name, "mention") for m in others],
                                    key=lambda c: (c.source, c.start))),
                detail="spelling", rules=(rule.name,)))
            break
    return out

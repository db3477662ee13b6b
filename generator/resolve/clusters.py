"""Clusters of mentions while the resolve stage joins them, and the rules that decide their type.

A cluster's type is what its mentions vote for, weighted by how strong their evidence is. The
decision is an ordered table of named rules (:data:`TYPE_RULES`): the first that decides wins, and
its name goes into the entity's ``rules``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.model.mention import EntityType, Mention

WEAK = ("capitalised within a sentence", "named elsewhere in the source", "name of several capitalised words",
        "capital letter only where every word may have one", "capitalised ordinary word",
        "capitalised ordinary words", "at sentence start")
"""Evidence that only says "capital letter": it does not vote for a type."""

NOT_PERSON = ("animal", "storm")
"""Evidence that a name is no person's however much it looks like a given name ("Bamse", "Storm Ingrid")."""

REASONS_KEPT = 8
"""Reasons for a type kept as the entity's type evidence, most frequent first."""


@dataclass
class Cluster:
    """Mentions taken for one referent (internal, mutable while resolving)."""

    key: str
    """What the mentions were joined by (``name:keaton jones``, ``place:country:US``, ``split:<id>``)."""
    mentions: list[Mention] = field(default_factory=list)
    """Mentions that are the entity's own names."""
    linked: list[tuple[Mention, str]] = field(default_factory=list)
    """Short forms, aliases and the like joined to it, each with why."""
    name: str | None = None
    """Canonical name, once chosen."""
    type: EntityType | None = None
    """Type, once decided."""
    evidence: tuple[str, ...] = ()
    """Why that type, most frequent reason first."""
    id: str = ""
    """Entity id, once named."""
    rules: tuple[str, ...] = ()
    """Names of the rules that decided the type, in the order they applied."""
    spellings: set[str] = field(default_factory=set)
    """Full names joined as spellings of one name ("Zhao Zicong", "Zhao Sicong"), if any."""

    def all(self) -> list[Mention]:
        """Its own mentions and the linked ones."""
        return self.mentions + [m for m, _ in self.linked]

    def decide_type(self, mentions: Iterable[Mention]) -> EntityType:
        """Set type, evidence and rules from the vote of ``mentions``; the type."""
        decision = vote(mentions)
        self.type, self.evidence, self.rules = decision.type, decision.evidence, (decision.rule,)
        return decision.type


def strong_evidence(mention: Mention) -> list[str]:
    """The evidence of ``mention`` that speaks for its type (not only for a capital letter)."""
    return [e for e in mention.evidence if e not in WEAK and not e.startswith(("genitive of", "short form"))]


@dataclass(frozen=True)
class Tally:
    """The mentions' votes, which the type rules read."""

    scores: dict[EntityType, float]
    """Weight of the votes for each type: 2 for a mention with strong evidence, 0.5 without, halved if low."""
    reasons: dict[EntityType, Counter[str]]
    """The reasons given for each type, counted."""
    not_person: bool
    """Whether some mention's strong evidence says animal or storm."""


@dataclass(frozen=True)
class TypeDecision:
    """A cluster's type, why, and the rule that decided it."""

    type: EntityType
    """The type."""
    evidence: tuple[str, ...]
    """Reasons, most frequent first (at most :data:`REASONS_KEPT`)."""
    rule: str
    """Name of the deciding rule."""


def tally(mentions: Iterable[Mention]) -> Tally:
    """Count the votes of ``mentions``."""
    scores: dict[EntityType, float] = defaultdict(float)
    reasons: dict[EntityType, Counter[str]] = defaultdict(Counter)
    not_person = False
    for mention in mentions:
        strong = strong_evidence(mention)
        if any(e.startswith(NOT_PERSON) for e in strong):
            not_person = True
        weight = 2.0 if strong else 0.5
        if mention.confidence == "low":
            weight /= 2
        scores[mention.type] += weight
        for reason in strong or [e for e in mention.evidence if e in WEAK][:1]:
            reasons[mention.type][reason] += 1
    return Tally(scores, reasons, not_person)


def _animal_or_storm(votes: Tally) -> tuple[EntityType, Counter[str]] | None:
    """An animal or a storm is no person, whatever else the mentions say."""
    if not votes.not_person:
        return None
    said = votes.reasons.get("other", Counter())
    return "other", Counter({e: n for e, n in said.items() if e.startswith(NOT_PERSON)})


def _majority_vote(votes: Tally) -> tuple[EntityType, Counter[str]] | None:
    """The type with the most weight; on a tie any type before ``other``, then the first by name."""
    if not votes.scores:
        return None
    kind = max(sorted(votes.scores), key=lambda t: (votes.scores[t], t != "other"))
    return kind, votes.reasons.get(kind, Counter())


def _no_votes(votes: Tally) -> tuple[EntityType, Counter[str]] | None:
    """No mention voted: nothing to call it but ``other``."""
    return "other", votes.reasons.get("other", Counter())


@dataclass(frozen=True)
class TypeRule:
    """One rule of the type decision."""

    name: str
    """Name recorded in ``Entity.rules`` when the rule decides."""
    decide: Callable[[Tally], tuple[EntityType, Counter[str]] | None]
    """The type and its reasons, or None when the rule does not apply."""


TYPE_RULES = (
    TypeRule("animal or storm evidence", _animal_or_storm),
    TypeRule("majority vote", _majority_vote),
    TypeRule("no votes", _no_votes),
)
"""The type decision, in order: the first rule that applies decides."""


def vote(mentions: Iterable[Mention]) -> TypeDecision:
    """The type ``mentions`` vote for, by the first of :data:`TYPE_RULES` that applies."""
    votes = tally(mentions)
    for rule in TYPE_RULES:
        decided = rule.decide(votes)
        if decided is not None:
            kind, why = decided
            ordered = tuple(e for e, _ in sorted(why.items(), key=lambda item: (-item[1], item[0])))
            return TypeDecision(kind, ordered[:REASONS_KEPT], rule.name)
    raise AssertionError("the last type rule always decides")

"""What the resolve stage makes of the mentions: entities across sources and languages, the
mentions it could not settle, the names left for review, and who is named with whom."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from generator.errors import Problem
from generator.model.mention import EntityType, Mention
from generator.text.words import fold

Gender = Literal["m", "f"]
"""The gender a person's pronouns take, when the texts say so."""
GENDERS: tuple[Gender, ...] = get_args(Gender)


@dataclass(frozen=True)
class Entity:
    """One real-world referent with all its mentions."""

    id: str
    """Slug of the canonical name, unique in the case (``keaton-jones``)."""
    name: str
    """Canonical name: the most used full name, the gazetteer's or the list's name."""
    type: EntityType
    """What the entity is."""
    type_evidence: tuple[str, ...]
    """Why this type, most frequent reason first ("role 'popstjernen'", "gazetteer: city …")."""
    aliases: tuple[tuple[str, str], ...]
    """Other names and descriptors seen, as sorted ``(language, alias)`` pairs."""
    mentions: tuple[Mention, ...]
    """Every mention, sorted by source and offset."""
    sources: tuple[str, ...]
    """Ids of the sources that mention it, sorted."""
    key: str = ""
    """Internal key the mentions were joined by (``place:country:US``, ``name:keaton jones``)."""
    gender: Gender | None = None
    """For persons: ``m`` or ``f`` when the texts say so without contradiction (see :mod:`generator.extract.gender`)."""
    gender_evidence: tuple[str, ...] = ()
    """Why that gender (or why none: "conflicting evidence" and both sides), most frequent first."""
    rules: tuple[str, ...] = ()
    """Names of the resolve rules that decided the type, in the order they applied ("majority vote",
    "curated type", …; see :data:`generator.resolve.clusters.TYPE_RULES`). Not written to ``case.json``."""
    spellings: tuple[str, ...] = ()
    """Full names the sources spell differently and that were joined as one name ("Zhao Sicong",
    "Zhao Zicong"), sorted; empty when every source spells it alike."""


@dataclass(frozen=True)
class Ambiguous:
    """A mention that fits more than one entity and was left unresolved."""

    mention: Mention
    """The mention."""
    candidates: tuple[str, ...]
    """Ids of the entities it could stand for, sorted."""
    reason: str
    """Why it was not resolved."""


@dataclass(frozen=True)
class Candidate:
    """A possible entity that only a capital letter speaks for: listed for review."""

    name: str
    """The name as found."""
    type: EntityType
    """Type guessed."""
    mentions: tuple[Mention, ...]
    """Where it was found."""
    reason: str
    """Why it is not an entity."""


@dataclass(frozen=True)
class CoMention:
    """Two entities mentioned together."""

    a: str
    """Id of the first entity (the smaller id)."""
    b: str
    """Id of the second entity."""
    sentences: int
    """Number of sentences that mention both."""
    paragraphs: int
    """Number of paragraphs that mention both."""


@dataclass(frozen=True)
class Resolution:
    """Everything the resolve stage produces."""

    entities: tuple[Entity, ...]
    """Entities, sorted by id."""
    ambiguous: tuple[Ambiguous, ...] = ()
    """Mentions left unresolved, by source and offset."""
    candidates: tuple[Candidate, ...] = ()
    """Low-confidence names for review, by name."""
    co_mentions: tuple[CoMention, ...] = ()
    """Pairs of entities mentioned together, sorted by ids."""
    problems: tuple[Problem, ...] = ()
    """Warnings (and errors) about the curation in ``case.yml``."""

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with id ``entity_id``, if any."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def find(self, name: str) -> Entity | None:
        """The entity whose canonical name is ``name`` (any case), if any."""
        folded = fold(name)
        for entity in self.entities:
            if fold(entity.name) == folded:
                return entity
        return None

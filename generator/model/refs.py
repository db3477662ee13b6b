"""The persons and entities the claim stages need, as a small protocol of their own.

Quotes need speakers, ages need the person they belong to, the comparison keys claims by
person, and coverage ("only one source names X") is reported from resolved entities, not
from capitalised words. The resolve stage produces richer records; the pipeline adapts them
to :class:`PersonRef` and :class:`EntityRef` so that the claim stages depend on nothing but
this module.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model.mention import EntityType


@dataclass(frozen=True, order=True)
class PersonRef:
    """One mention of a person in one source, resolved to an entity."""

    source: str
    """Id of the source the mention is in."""
    start: int
    """Offset of the mention's first character in the source's normalised text."""
    end: int
    """Offset one past the mention's last character."""
    entity_id: str
    """Id of the person entity the mention refers to."""
    name: str
    """The entity's display name (for evidence texts)."""
    gender: str | None = None
    """Grammatical gender pronouns use for the person (``m``, ``f``), when known."""


class PersonIndex:
    """The person mentions of one source, sorted, with fast look-ups by offset."""

    def __init__(self, source_id: str, persons: Iterable[PersonRef]) -> None:
        self.refs = tuple(sorted(p for p in persons if p.source == source_id))
        self.starts = [p.start for p in self.refs]

    def starting_at(self, offset: int, slack: int = 0) -> PersonRef | None:
        """The mention that starts at ``offset`` (up to ``slack`` characters later)."""
        i = bisect_left(self.starts, offset)
        if i < len(self.refs) and self.refs[i].start - offset <= slack:
            return self.refs[i]
        return None

    def ending_at(self, offset: int, slack: int = 0) -> PersonRef | None:
        """The mention that ends at ``offset`` (or up to ``slack`` characters before it)."""
        best = None
        for ref in self.before(offset):
            if offset - ref.end <= slack:
                best = ref
            break
        return best

    def within(self, start: int, end: int) -> tuple[PersonRef, ...]:
        """Mentions lying wholly inside ``[start, end)``."""
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.refs) and self.refs[i].start < end:
            if self.refs[i].end <= end:
                found.append(self.refs[i])
            i += 1
        return tuple(found)

    def before(self, offset: int) -> Iterable[PersonRef]:
        """Mentions ending at or before ``offset``, nearest first."""
        refs = self.refs
        for i in range(bisect_left(self.starts, offset) - 1, -1, -1):  # no slice: a copy is O(n)
            if refs[i].end <= offset:
                yield refs[i]


# Entity types coverage reports; "other" is too weakly typed to be a fact of its own.
COVERAGE_TYPES: tuple[EntityType, ...] = ("person", "place", "organization", "platform", "work")


@dataclass(frozen=True, order=True)
class EntityRef:
    """One resolved entity with the spans that name it."""

    id: str
    """Id of the entity (``justin-bieber``)."""
    name: str
    """Display name."""
    type: EntityType
    """What the entity is."""
    sources: tuple[str, ...]
    """Ids of the sources that name it, sorted."""
    mentions: tuple[tuple[str, int, int], ...]
    """``(source, start, end)`` of each mention, sorted."""
    strong: bool = False
    """Whether its type rests on evidence beyond a capital letter (a role, a list, the gazetteer)."""
    spellings: tuple[tuple[str, str, int, int], ...] = ()
    """For a name the sources spell differently: ``(spelling, source, start, end)`` of each
    mention written in one of those spellings, sorted by source and place."""


def from_persons(persons: Iterable[PersonRef]) -> tuple[EntityRef, ...]:
    """Entity refs for person mentions alone (when no resolution is at hand, as in tests)."""
    spans: dict[str, list[tuple[str, int, int]]] = {}
    names: dict[str, str] = {}
    for ref in persons:
        spans.setdefault(ref.entity_id, []).append((ref.source, ref.start, ref.end))
        names.setdefault(ref.entity_id, ref.name)
    return tuple(sorted(EntityRef(eid, names[eid], "person", tuple(sorted({s for s, _, _ in ms})), tuple(sorted(ms)))
                        for eid, ms in spans.items()))

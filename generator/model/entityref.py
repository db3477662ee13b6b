"""The resolved entities the comparison needs, as a small protocol of its own.

Coverage ("only one source names X") is reported from resolved entities, not from
capitalised words. The entity stages produce richer records; the pipeline adapts them
to :class:`EntityRef` so that the claim stages depend on nothing but this module (as
they do on :mod:`generator.model.refs` for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.model.refs import PersonRef

# Entity types coverage reports; "other" is too weakly typed to be a fact of its own.
COVERAGE_TYPES = ("person", "place", "organization", "platform", "work")


@dataclass(frozen=True, order=True)
class EntityRef:
    """One resolved entity with the spans that name it."""

    id: str
    """Id of the entity (``justin-bieber``)."""
    name: str
    """Display name."""
    type: str
    """``person``, ``place``, ``organization``, ``platform``, ``work`` or ``other``."""
    sources: tuple[str, ...]
    """Ids of the sources that name it, sorted."""
    mentions: tuple[tuple[str, int, int], ...]
    """``(source, start, end)`` of each mention, sorted."""


def from_persons(persons: Iterable[PersonRef]) -> tuple[EntityRef, ...]:
    """Entity refs for person mentions alone (when no resolution is at hand, as in tests)."""
    spans: dict[str, list[tuple[str, int, int]]] = {}
    names: dict[str, str] = {}
    for ref in persons:
        spans.setdefault(ref.entity_id, []).append((ref.source, ref.start, ref.end))
        names.setdefault(ref.entity_id, ref.name)
    return tuple(sorted(EntityRef(eid, names[eid], "person", tuple(sorted({s for s, _, _ in ms})), tuple(sorted(ms)))
                        for eid, ms in spans.items()))

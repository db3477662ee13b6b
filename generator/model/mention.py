"""Mentions of named entities: what the extract stage finds in one source."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from generator.model.span import Span

EntityType = Literal["person", "place", "organization", "platform", "work", "other"]
"""Entity types, as written in ``case.json``."""
TYPES: tuple[EntityType, ...] = get_args(EntityType)

Surface = Literal["full", "single", "possessive", "genitive", "compound", "coordinated", "acronym",
                  "title", "descriptor", "alias"]
"""Kinds of mention: a full name, a single name, a possessive or genitive form, the name part
of a compound ("Beckham-sønnen"), the first name of a coordination ("Kimberly and Keaton
Jones"), an acronym, a quoted title, and the curated descriptors and aliases the resolver adds."""
SURFACES: tuple[Surface, ...] = get_args(Surface)

Confidence = Literal["high", "low"]
"""``high``, or ``low`` when only a capital letter speaks for a name."""


@dataclass(frozen=True)
class Mention(Span):
    """One mention of a named entity in one source (``text`` exactly as written)."""

    sentence: str
    """Sentence anchor (``p3-s2``)."""
    name: str
    """The name meant, normalised: possessive removed, spaces collapsed, a coordinated
    first name completed ("Kimberly" in "Kimberly and Keaton Jones" is "Kimberly Jones")."""
    surface: Surface
    """What kind of mention this is."""
    type: EntityType
    """Type guessed from this mention alone."""
    evidence: tuple[str, ...]
    """Short reasons for the type and for taking the words as a name."""
    confidence: Confidence = "high"
    """``high``, or ``low`` when only a capital letter speaks for it."""
    language: str = "und"
    """Language of the paragraph the mention is in."""
    forms: tuple[str, ...] = ()
    """Other names this mention may stand for, most likely first (``Bloom`` for ``Blooms``)."""
    rules: tuple[str, ...] = ()
    """Names of the extraction rules that decided the type and the name, in the order they applied."""


def with_type(mention: Mention, kind: EntityType, why: str) -> Mention:
    """``mention`` with another type and the reason added to its evidence."""
    return replace(mention, type=kind, evidence=(*mention.evidence, why))

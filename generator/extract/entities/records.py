"""Working records of entity extraction (internal): the tokens of a run and the candidate names."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from generator.model.mention import EntityType, Surface


class Tok:
    """A token of a run: offsets, text, and the text without a final period, case-folded."""

    __slots__ = ("bare", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.bare = bare(text)


@lru_cache(maxsize=100_000)
def bare(text: str) -> str:
    """``text`` without a final period, case-folded: the form the word lists are looked up in."""
    return text.rstrip(".").casefold()


@dataclass
class Cand:
    """A candidate name before it is accepted: tokens, evidence, type votes."""

    tokens: list[Tok]
    initial: bool
    sentence: str
    anchor: str
    evidence: list[str]
    type: EntityType
    strong: bool
    surface: Surface = "single"
    name: str | None = None
    end: int | None = None
    needs_support: bool = False
    low: bool = False
    forms: tuple[str, ...] = ()
    lang: str = "und"
    rules: list[str] = field(default_factory=list)
    """Names of the rules that decided, in the order they applied (the Mention's ``rules``)."""
    sure: float | None = None
    """The sequence tagger's confidence in the type it gave (None: it gave none)."""

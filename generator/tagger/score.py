"""Scoring found names against gold names: precision, recall and F1 per type, on exact and overlapping spans.

*Exact*: a found name counts when a gold name of the same type has the same start and end.
*Overlap*: a found name counts when it shares a character with a gold name of the same type, and a
gold name is found when a found name of its type shares a character with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.tagger.corpora import KINDS, Span

ALL = "ALL"
"""The three types together (micro-averaged)."""


@dataclass(frozen=True)
class Counts:
    """Counts for one type under one matching."""

    found: int
    """Names found of the type."""
    gold: int
    """Gold names of the type."""
    right: int
    """Found names that match a gold one."""
    recalled: int
    """Gold names matched by a found one (equals ``right`` for exact spans)."""

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.found + other.found, self.gold + other.gold, self.right + other.right,
                      self.recalled + other.recalled)


ZERO = Counts(0, 0, 0, 0)


def _counts(gold: list[Span], found: list[Span], overlap: bool) -> Counts:
    if not overlap:
        golds = {(s.start, s.end) for s in gold}
        right = sum(1 for s in found if (s.start, s.end) in golds)
        return Counts(len(found), len(gold), right, right)
    right = sum(1 for f in found if any(f.start < g.end and g.start < f.end for g in gold))
    recalled = sum(1 for g in gold if any(f.start < g.end and g.start < f.end for f in found))
    return Counts(len(found), len(gold), right, recalled)


def score(pairs: Iterable[tuple[Iterable[Span], Iterable[Span]]]) -> dict[str, dict[str, Counts]]:
    """Counts over documents of (gold names, found names): ``exact``/``overlap`` → type (and ``ALL``) → counts.
    Repeated found names count once."""
    out: dict[str, dict[str, Counts]] = {m: {k: ZERO for k in (*KINDS, ALL)} for m in ("exact", "overlap")}
    for gold, found in pairs:
        gold_set, found_set = sorted(set(gold), key=_order), sorted(set(found), key=_order)
        for kind in KINDS:
            g = [s for s in gold_set if s.kind == kind]
            f = [s for s in found_set if s.kind == kind]
            for matching in ("exact", "overlap"):
                counts = _counts(g, f, matching == "overlap")
                out[matching][kind] += counts
                out[matching][ALL] += counts
    return out


def _order(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.kind


def as_json(scores: Mapping[str, Mapping[str, Counts]]) -> dict[str, dict[str, dict[str, float | int]]]:
    """The scores as plain numbers (precision, recall, F1 rounded to four places, and the counts)."""
    return {matching: {kind: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                              "f1": round(c.f1, 4), "found": c.found, "gold": c.gold, "right": c.right,
                              "recalled": c.recalled}
                       for kind, c in by_kind.items()}
            for matching, by_kind in scores.items()}

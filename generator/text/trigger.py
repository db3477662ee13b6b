"""Cheap trigger scans: run the big claim patterns only where they can match.

Python's ``re`` scans a pattern that opens with a look-behind and a word alternation
position by position, which made the date and figure stages spend most of their time
finding nothing. A :class:`Trigger` finds, in one fast case-sensitive scan, where the
words a pattern cannot match without (a digit, a number word, a month or weekday name,
a unit) start a word. A :class:`Probe` then tries its pattern anchored (``match``) only
at the word starts a little before each such hit, and yields the matches that
``finditer`` would have yielded: leftmost first, never overlapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DIGIT = "#"
"""The key of a hit that is a run of digits."""
_WORD_START = re.compile(r"(?<!\w)\w")
_TOKEN = re.compile(r"\w+")


def last_token(phrase: str) -> tuple[str, int]:
    """The last word of ``phrase``, lower-cased, and how many characters stand before it."""
    tokens = list(_TOKEN.finditer(phrase))
    if not tokens:
        return phrase.lower(), 0
    return tokens[-1].group(0).lower(), tokens[-1].start()


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, as a trie: ``re`` then tries a few
    letters per position instead of every word."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(tree)


Hits = dict[str, list[int]]
"""Trigger key → offsets where it starts a word, in text order."""


class Trigger:
    """Where one of ``words`` (in any case) or a run of digits starts a word, found by one
    compiled scan of the lower-cased text. A word may run on ("elf" in "elfjährige")."""

    def __init__(self, words: Iterable[str], digits: bool = True) -> None:
        keys = sorted({str(w).lower() for w in words if str(w)})
        parts = ([_trie(keys)] if keys else []) + ([r"\d+"] if digits else [])
        body = "|".join(parts) or "(?!)"
        # led by the character before the word, so that re skips most positions at once
        self.pattern = re.compile(rf"\W(?:{body})")
        self.fallback = re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)

    def hits(self, text: str) -> Hits:
        """Offsets of every hit at a word start, by key: the word lower-cased, or :data:`DIGIT`."""
        lower = text.lower()
        found: Hits = {}
        if len(lower) == len(text):
            matches = ((m.start(), m.group(0)[1:]) for m in self.pattern.finditer(" " + lower))
        else:  # lower-casing changed the length ("İ"): scan the text itself, slowly
            matches = ((m.start(), m.group(0).lower()) for m in self.fallback.finditer(text))
        for start, word in matches:
            found.setdefault(DIGIT if word[0].isdigit() else word, []).append(start)
        return found


@dataclass(frozen=True)
class Probe:
    """One pattern, the trigger keys it cannot match without, and how far before such a
    key its match may start."""

    pattern: re.Pattern[str]
    keys: frozenset[str]
    lookback: int = 0
    """Characters of words that may precede the key inside a match (``il y a`` before a number)."""
    prefixes: str = ""
    """Characters that may open a match right before the key's word (currency signs)."""
    prefix_reach: int = 0
    """How far before the key such a character may stand (``$ 5``: 2)."""

    def starts(self, text: str, hits: Hits) -> list[int]:
        """Offsets where a match of the pattern may start, sorted."""
        found: set[int] = set()
        for key, positions in hits.items():
            if key not in self.keys:
                continue
            found.update(positions)
            if not (self.lookback or self.prefix_reach):
                continue
            for position in positions:
                if self.lookback:
                    for m in _WORD_START.finditer(text, max(0, position - self.lookback), position):
                        found.add(m.start())
                for k in range(1, self.prefix_reach + 1):
                    if position - k >= 0 and text[position - k] in self.prefixes:
                        found.add(position - k)
        return sorted(found)

    def finditer(self, text: str, hits: Hits) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` gives, found at the candidate starts only."""
        end = 0
        for start in self.starts(text, hits):
            if start < end:
                continue
            m = self.pattern.match(text, start)
            if m is not None and m.end() > m.start():
                end = m.end()
                yield m

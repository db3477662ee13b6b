"""Quotes."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

from generator.compare.common import claim_at, listed, stable_id
from generator.compare.wording import has_content_word
from generator.model.claims import Quote
from generator.model.finding import DiffPart, Discrepancy
from generator.model.source import Source
from generator.text.numbers import number_syntax
from generator.text.words import WORD_OR_NUMBER

_PARENTHETICAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


_MIN_VARIANT_MATCH = 4


def _quote_words(quote: Quote) -> list[tuple[int, int, str]]:
    """Words of a quote, without editorial insertions in brackets, as (start, end, normalised)."""
    text = quote.text
    masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text)
    numbers = _number_words(quote.language)
    return [(quote.start + m.start(), quote.start + m.end(), numbers.get(word, word))
            for m in WORD_OR_NUMBER.finditer(masked) for word in (m.group(0).lower().replace("’", "'"),)]


@cache
def _number_words(language: str) -> dict[str, str]:
    """Number words as digits, so that "forty years" and "40 years" quote the same words."""
    return {word: str(int(value)) for word, value in number_syntax(language).words.items()
            if value == int(value) and " " not in word}


_TAIL_WORDS = 3  # words at either end in which two renderings of one quote may both differ


def _aligned_region(a: list[str], b: list[str]) -> tuple[int, int, int, int] | None:
    """Cached :func:`_align` (syndicated copies repeat the same quotes)."""
    return _align(tuple(a), tuple(b))


@lru_cache(maxsize=50_000)
def _align(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int, int, int] | None:
    """The stretch of two word lists that renders the same words, allowing one-word changes.

    The longest chain of matching runs with small gaps is the anchor; it is then extended
    word by word on both sides while the words agree or differ in a single word.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    chains: list[list[Any]] = []
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        if chains:
            last = chains[-1][-1]
            if block.a - (last.a + last.size) <= 3 and block.b - (last.b + last.size) <= 3:
                chains[-1].append(block)
                continue
        chains.append([block])
    if not chains:
        return None
    chain = max(chains, key=lambda c: sum(blk.size for blk in c))
    if sum(blk.size for blk in chain) < _MIN_VARIANT_MATCH:
        return None
    a_lo, b_lo = chain[0].a, chain[0].b
    a_hi, b_hi = chain[-1].a + chain[-1].size, chain[-1].b + chain[-1].size
    while a_lo > 0 and b_lo > 0:
        if a[a_lo - 1] == b[b_lo - 1]:
            a_lo, b_lo = a_lo - 1, b_lo - 1
        elif a_lo > 1 and b_lo > 1 and a[a_lo - 2] == b[b_lo - 2]:
            a_lo, b_lo = a_lo - 2, b_lo - 2
        else:
            break
    while a_hi < len(a) and b_hi < len(b):
        if a[a_hi] == b[b_hi]:
            a_hi, b_hi = a_hi + 1, b_hi + 1
        elif a_hi + 1 < len(a) and b_hi + 1 < len(b) and a[a_hi + 1] == b[b_hi + 1]:
            a_hi, b_hi = a_hi + 2, b_hi + 2
        else:
            break
    # Both quotes go on for a few words more, differently ("… dès qu'il a vu l'obstacle" /
    # "… aperçu l'arbre"): the same sentence ends in other words. (Where only one goes on, it
    # quotes more of the sentence: no change of wording.)
    if 0 < a_lo <= _TAIL_WORDS and 0 < b_lo <= _TAIL_WORDS:
        a_lo, b_lo = 0, 0
    if 0 < len(a) - a_hi <= _TAIL_WORDS and 0 < len(b) - b_hi <= _TAIL_WORDS:
        a_hi, b_hi = len(a), len(b)
    matched = sum(blk.size for blk in SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi],
                                                      autojunk=False).get_matching_blocks())
    if matched / max(a_hi - a_lo, b_hi - b_lo) < 0.75:
        return None
    return a_lo, a_hi, b_lo, b_hi


def quote_findings(quotes: Sequence[Quote], sources: dict[str, Source]) -> list[Discrepancy]:
    """Quotes rendered in different words. Each distinct rendering is indexed and aligned
    once; a variant is one discrepancy holding every source that quotes either rendering."""
    words = {q.id: _quote_words(q) for q in quotes}
    renderings: dict[tuple[str, tuple[str, ...]], list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.language, tuple(w for *_, w in words[quote.id]))].append(quote)
    order = {key: (min(q.source for q in members), key) for key, members in renderings.items()}
    index: dict[tuple[str, str, str, str], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key in renderings:
        language, ws = key
        for gram in {ws[k:k + 3] for k in range(len(ws) - 2)}:
            index[(language, *gram)].append(key)
    pairs: set[tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]]] = set()
    for keys in index.values():
        if len(keys) > 50:
            continue  # a phrase everyone quotes says nothing about which quotes belong together
        for a in keys:
            for b in keys:
                if order[a] < order[b]:
                    pairs.add((a, b))
    groups: dict[str, dict[str, Any]] = {}
    for a_key, b_key in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
        wa_plain, wb_plain = a_key[1], b_key[1]
        region = _align(wa_plain, wb_plain)
        if region is None:
            continue
        a_lo, a_hi, b_lo, b_hi = region
        matcher = SequenceMatcher(None, wa_plain[a_lo:a_hi], wb_plain[b_lo:b_hi], autojunk=False)
        ops = [(tag, i1 + a_lo, i2 + a_lo, j1 + b_lo, j2 + b_lo) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
        if all(op[0] == "equal" for op in ops):
            continue
        for a in renderings[a_key]:
            for b in renderings[b_key]:
                if a.source == b.source or (a.speaker and b.speaker and a.speaker != b.speaker):
                    continue
                speaker = a.speaker or b.speaker or "unknown"
                key = f"{speaker}|{' '.join(wa_plain[a_lo:min(a_hi, a_lo + 8)])}|{' '.join(wb_plain[b_lo:min(b_hi, b_lo + 8)])}"
                group = groups.get(key)
                if group is None:
                    group = groups[key] = {"ops": ops, "a": set(), "b": set(), "who": None, "language": a.language,
                                           "plain": (wa_plain, wb_plain)}
                group["who"] = group["who"] or a.speaker_name or b.speaker_name
                wa, wb = words[a.id], words[b.id]
                group["a"].add((a.source, wa[a_lo][0], wa[a_hi - 1][1]))
                group["b"].add((b.source, wb[b_lo][0], wb[b_hi - 1][1]))
    found = []
    for key, group in sorted(groups.items()):
        wa_plain, wb_plain = group["plain"]
        diff = tuple(DiffPart(tag, " ".join(wa_plain[i1:i2]), " ".join(wb_plain[j1:j2]))
                     for tag, i1, i2, j1, j2 in group["ops"])
        a_sources = listed(s for s, _, _ in group["a"])
        b_sources = listed(s for s, _, _ in group["b"])
        changes = "; ".join(f"“{d.left}” → “{d.right}”" if d.op == "replace" else
                            (f"“{d.left}” only in {a_sources}" if d.op == "delete" else
                             f"“{d.right}” only in {b_sources}") for d in diff if d.op != "equal")
        claims = tuple(claim_at(sources, s, start, end, None, "quote")
                       for side in ("a", "b") for s, start, end in sorted(group[side]))
        found.append(Discrepancy(
            id=stable_id("quote", key), kind="quote", key=key,
            summary=f"The sources quote {group['who'] or 'an unnamed speaker'} in different words: {changes}.",
            explanation="conflict", severity="medium" if any(
                has_content_word(d.left + " " + d.right, group["language"]) for d in diff if d.op != "equal") else "low",
            claims=claims, diff=diff, detail="wording"))
    return found

"""Quote findings: one quote given in different words by different sources.

Quotes are compared by the words they share, never all against all. Each distinct rendering
(its language and its words, editorial insertions in brackets left out, number words as
digits so that "forty years" and "40 years" are the same words) is indexed by its runs of
three words; two renderings sharing a run are aligned, once per pair of renderings however
many sources repeat them. A run that more than fifty renderings share says nothing about
which quotes belong together and pairs none. Renderings in different languages share no run:
they are linked as translations (:mod:`~generator.compare.translations`), never diffed.

The alignment (:func:`_align`) is the stretch of the two renderings that gives the same
words allowing one-word changes: at least four words matching, three quarters of the stretch,
and two renderings that go on for a few words more, differently, change the end of the same
sentence (where only one goes on, it quotes more of the sentence: no change of wording). When
one speaker is named in both sources, the stretch so found widens to runs up to six words apart
that half the wider stretch gives alike ("a credible first step in the eventual release" / "a
first step in what we believe will lead to the eventual release"), so that the word diff shows
the whole change; it never pairs quotes the narrow alignment does not. A stretch with a
difference is a variant, for every two quotes of different sources whose speakers are not
known to differ; it is keyed by the speaker and the first eight words of each side, and one
finding holds every source quoting either rendering, with a word diff.

Quote marks promise the speaker's own words, and two wordings cannot both be them, so the
explanation is always ``conflict``; the first rule of :data:`_QUOTE_RULES` that holds gives
the severity:

``content-word-changed``
    a changed, added or dropped word is a content word of the language (not one of its
    ``claim_stopwords``): ``medium`` — the wording may change what was said.
``function-words-changed``
    only function words differ ("they" for "you"): ``low``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import Match, SequenceMatcher
from functools import cache, cached_property, lru_cache

from generator.compare.common import Rule, always, claim_at, first_rule, listed, stable_id
from generator.compare.wording import has_content_word
from generator.model.claims import Quote
from generator.model.finding import DIFF_OPS, DiffOp, DiffPart, Discrepancy
from generator.model.source import Source
from generator.text.numbers import number_syntax
from generator.text.words import WORD_OR_NUMBER

_PARENTHETICAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


_MIN_VARIANT_MATCH = 4  # words two renderings must give alike to be one quote


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


_SPEAKER_GAP = 6  # words one rendering of one speaker's quote may add between runs the other gives alike


@lru_cache(maxsize=50_000)
def _align(a: tuple[str, ...], b: tuple[str, ...], gap: int = 3,
           share: float = 0.75) -> tuple[int, int, int, int] | None:
    """The stretch of two word lists that renders the same words, allowing one-word changes
    (cached: syndicated copies repeat the same quotes).

    The longest chain of matching runs with gaps of at most ``gap`` words is the anchor; it is
    then extended word by word on both sides while the words agree or differ in a single word;
    ``share`` of the longer side of the stretch must match.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    chains: list[list[Match]] = []
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        if chains:
            last = chains[-1][-1]
            if block.a - (last.a + last.size) <= gap and block.b - (last.b + last.size) <= gap:
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
    if matched / max(a_hi - a_lo, b_hi - b_lo) < share:
        return None
    return a_lo, a_hi, b_lo, b_hi


Rendering = tuple[str, tuple[str, ...]]
"""A distinct rendering of a quote: its language and its words as compared."""

_DIFF_OPS: dict[str, DiffOp] = {op: op for op in DIFF_OPS}

_VARIANT_FANOUT = 50  # renderings sharing a three-word run beyond which the run pairs none
_UNATTRIBUTED_MATCH = 8  # words alike that make two quotes one without a speaker named in both


@dataclass
class _Variant:
    """Two renderings of one quote and the sources quoting each, gathered pair by pair of quotes."""

    ops: list[tuple[DiffOp, int, int, int, int]]
    """The word diff of the aligned stretch, in offsets of the plain words."""
    plain: tuple[tuple[str, ...], tuple[str, ...]]
    """The two renderings' words as compared."""
    language: str
    """Language of both."""
    who: str | None = None
    """The speaker's name, from the first pair of quotes that names one."""
    a: set[tuple[str, int, int]] = field(default_factory=set)
    """(source, start, end) of each quote of the first rendering."""
    b: set[tuple[str, int, int]] = field(default_factory=set)
    """(source, start, end) of each quote of the second rendering."""
    same_speaker: bool = False
    """Whether a pair of its quotes names one speaker in both sources (not only in one)."""

    @cached_property
    def diff(self) -> tuple[DiffPart, ...]:
        """The word diff of the two renderings' aligned stretch."""
        wa, wb = self.plain
        return tuple(DiffPart(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])) for op, i1, i2, j1, j2 in self.ops)

    def changes_content(self) -> bool:
        """Whether a changed, added or dropped word is a content word of the language."""
        return any(has_content_word(d.left + " " + d.right, self.language) for d in self.diff if d.op != "equal")


_QUOTE_RULES: tuple[Rule[_Variant], ...] = (
    Rule("content-word-changed", _Variant.changes_content, "conflict", "medium"),
    Rule("function-words-changed", always, "conflict", "low"),
)
"""How a quote variant is weighed, first rule that holds first."""


def quote_findings(quotes: Sequence[Quote], sources: dict[str, Source]) -> list[Discrepancy]:
    """Quotes rendered in different words. Each distinct rendering is indexed and aligned
    once; a variant is one discrepancy holding every source that quotes either rendering."""
    words = {q.id: _quote_words(q) for q in quotes}
    renderings: dict[Rendering, list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.language, tuple(w for *_, w in words[quote.id]))].append(quote)
    order = {rendering: (min(q.source for q in members), rendering) for rendering, members in renderings.items()}
    variants: dict[str, _Variant] = {}
    for a_key, b_key in sorted(_pairs(renderings, order), key=lambda p: (order[p[0]], order[p[1]])):
        wa_plain, wb_plain = a_key[1], b_key[1]
        region = _align(wa_plain, wb_plain)
        if region is None:
            continue
        # one speaker named in both: the stretch may take in words one rendering adds between
        # runs the other gives alike ("a credible first step in" / "a first step in what we
        # believe will lead to"), so that the difference shows whole
        for a in renderings[a_key]:
            for b in renderings[b_key]:
                if a.source == b.source or (a.speaker and b.speaker and a.speaker != b.speaker):
                    continue
                known = bool(a.speaker) and a.speaker == b.speaker
                wider = _align(wa_plain, wb_plain, _SPEAKER_GAP, 0.5) if known else None
                a_lo, a_hi, b_lo, b_hi = wider if wider and _contains(wider, region) else region
                ops = _ops(wa_plain, wb_plain, a_lo, a_hi, b_lo, b_hi)
                if all(op[0] == "equal" for op in ops):
                    continue
                if not known and a_hi - a_lo < _UNATTRIBUTED_MATCH:
                    continue  # a short stretch alike, with no speaker to say it is one quote
                key = "|".join((a.speaker or b.speaker or "unknown", " ".join(wa_plain[a_lo:min(a_hi, a_lo + 8)]),
                                " ".join(wb_plain[b_lo:min(b_hi, b_lo + 8)])))
                variant = variants.get(key)
                if variant is None:
                    variant = variants[key] = _Variant(list(ops), (wa_plain, wb_plain), a.language)
                variant.who = variant.who or a.speaker_name or b.speaker_name
                variant.same_speaker = variant.same_speaker or known
                wa, wb = words[a.id], words[b.id]
                variant.a.add((a.source, wa[a_lo][0], wa[a_hi - 1][1]))
                variant.b.add((b.source, wb[b_lo][0], wb[b_hi - 1][1]))
    return [_variant_finding(key, variant, sources) for key, variant in sorted(variants.items())]


def _contains(outer: tuple[int, int, int, int], inner: tuple[int, int, int, int]) -> bool:
    """Whether one aligned stretch holds another on both sides."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer[2] <= inner[2] and inner[3] <= outer[3]


@lru_cache(maxsize=50_000)
def _ops(wa: tuple[str, ...], wb: tuple[str, ...], a_lo: int, a_hi: int, b_lo: int,
         b_hi: int) -> tuple[tuple[DiffOp, int, int, int, int], ...]:
    """The word diff of an aligned stretch, in offsets of the whole word lists."""
    matcher = SequenceMatcher(None, wa[a_lo:a_hi], wb[b_lo:b_hi], autojunk=False)
    return tuple((_DIFF_OPS[tag], i1 + a_lo, i2 + a_lo, j1 + b_lo, j2 + b_lo)
                 for tag, i1, i2, j1, j2 in matcher.get_opcodes())


def _pairs(renderings: dict[Rendering, list[Quote]],
           order: dict[Rendering, tuple[str, Rendering]]) -> set[tuple[Rendering, Rendering]]:
    """Renderings sharing a run of three words, each pair once (first in ``order`` first)."""
    index: dict[tuple[str, tuple[str, ...]], list[Rendering]] = defaultdict(list)
    for rendering in renderings:
        language, ws = rendering
        for gram in {ws[k:k + 3] for k in range(len(ws) - 2)}:
            index[(language, gram)].append(rendering)
    pairs: set[tuple[Rendering, Rendering]] = set()
    for keys in index.values():
        if len(keys) > _VARIANT_FANOUT:
            continue  # a phrase everyone quotes says nothing about which quotes belong together
        for a in keys:
            for b in keys:
                if order[a] < order[b]:
                    pairs.add((a, b))
    return pairs


def _variant_finding(key: str, variant: _Variant, sources: dict[str, Source]) -> Discrepancy:
    """The finding of one variant: every source quoting either rendering, and what changed."""
    diff = variant.diff
    a_sources = listed(s for s, _, _ in variant.a)
    b_sources = listed(s for s, _, _ in variant.b)
    changes = "; ".join(f"“{d.left}” → “{d.right}”" if d.op == "replace" else
                        (f"“{d.left}” only in {a_sources}" if d.op == "delete" else
                         f"“{d.right}” only in {b_sources}") for d in diff if d.op != "equal")
    claims = tuple(claim_at(sources, s, start, end, None, "quote")
                   for side in (variant.a, variant.b) for s, start, end in sorted(side))
    rule = first_rule(_QUOTE_RULES, variant)
    wa, _ = variant.plain
    aligned = max(i2 for _, _, i2, _, _ in variant.ops) - min(i1 for _, i1, _, _, _ in variant.ops)
    evidence = (f"same speaker: {variant.who}" if variant.same_speaker else "the speaker is named in one source only",
                f"aligned wording: {aligned} of {len(wa)} words")
    return Discrepancy(
        id=stable_id("quote", key), kind="quote", key=key,
        summary=f"The sources quote {variant.who or 'an unnamed speaker'} in different words: {changes}.",
        explanation=rule.explanation, severity=rule.severity, claims=claims, diff=diff, detail="wording",
        rules=(rule.name,), evidence=evidence)

"""The sequence tagger at build time: one CRF model per language, shipped in ``generator/lang/<code>/``.

Trained by :mod:`generator.tagger.train` (``make models``) on the training splits of public annotated
corpora; reading a model is all a build does (nothing is downloaded, and tagging is deterministic).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

import pycrfsuite

from generator.extract.entities.features import sentence_features, tokenise

Kind = Literal["PER", "LOC", "ORG"]
"""The types the tagger tells apart."""
KINDS: tuple[Kind, ...] = ("PER", "LOC", "ORG")

MODEL_NAME = "tagger.crfsuite"
LANG_DIR = Path(__file__).resolve().parents[2] / "lang"

Found = tuple[int, int, Kind]
"""A name the tagger found: start and end in the text, and its type."""


def model_path(lang: str) -> Path:
    """Where the model of ``lang`` is kept."""
    return LANG_DIR / lang / MODEL_NAME


@cache
def _tagger(lang: str) -> pycrfsuite.Tagger | None:
    path = model_path(lang)
    if not path.exists():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def has_model(lang: str) -> bool:
    """Whether there is a model for ``lang``."""
    return _tagger(lang) is not None


def tag_tokens(words: list[str], lang: str) -> list[str]:
    """The IOB2 tags of a sentence's tokens (all ``O`` without a model)."""
    tagger = _tagger(lang)
    if tagger is None or not words:
        return ["O"] * len(words)
    return list(tagger.tag(sentence_features(words, lang)))


def tag(text: str, start: int, end: int, lang: str) -> list[Found]:
    """The names the tagger finds in the sentence ``text[start:end]``."""
    return [name[0] for name in tag_scored(text, start, end, lang).names]


class Tagged(NamedTuple):
    """What the tagger read in a sentence."""

    names: list[tuple[Found, float, dict[Kind, float]]]
    """The names it found, each with its confidence (the lowest marginal probability of its tokens' tags) and
    the probability of each type on its first token."""
    doubts: list[tuple[int, int]]
    """Capitalised tokens it left out of every name but was unsure of (the marginal probability of no name
    below :data:`SURE`): start and end."""


SURE = 0.8
"""The confidence from which the tagger's reading outweighs the rules' own."""


def tag_scored(text: str, start: int, end: int, lang: str) -> Tagged:
    """The names the tagger finds in the sentence ``text[start:end]`` with its confidence in each, and the
    capitalised words it is unsure are no name."""
    tokens = tokenise(text, start, end)
    if not any(t[2][:1].isupper() for t in tokens) or not has_model(lang):
        return Tagged([], [])  # no capital, no name: the tagger never learnt one
    names, doubts = _read(tuple(t[2] for t in tokens), lang)
    return Tagged([((tokens[first][0], tokens[after - 1][1], kind), sure, dict(shares))
                   for first, after, kind, sure, shares in names],
                  [(tokens[i][0], tokens[i][1]) for i in doubts])


_Name = tuple[int, int, Kind, float, tuple[tuple[Kind, float], ...]]


@lru_cache(maxsize=50_000)
def _read(words: tuple[str, ...], lang: str) -> tuple[tuple[_Name, ...], tuple[int, ...]]:
    """What the tagger reads in a sentence of ``words``, by token: the names (first token, token after the
    last, type, confidence, probability of each type) and the capitalised tokens it doubts are no name. Cached:
    the same sentences come back in copies of one article."""
    tagger = _tagger(lang)
    assert tagger is not None
    tagger.set(sentence_features(words, lang))
    tags = tagger.tag()
    names = tuple((first, after, kind, min(tagger.marginal(tags[i], i) for i in range(first, after)),
                   tuple((k, tagger.marginal(f"B-{k}", first) + tagger.marginal(f"I-{k}", first)) for k in KINDS))
                  for first, after, kind in token_spans(tags))
    doubts = tuple(i for i, word in enumerate(words)
                   if tags[i] == "O" and word[:1].isupper() and tagger.marginal("O", i) < SURE)
    return names, doubts


def spans_of(tokens: Sequence[tuple[int, int, str]], tags: Sequence[str]) -> list[Found]:
    """Character spans of the names an IOB2 tag sequence marks."""
    return [(tokens[first][0], tokens[after - 1][1], kind) for first, after, kind in token_spans(tags)]


def token_spans(tags: Sequence[str]) -> list[tuple[int, int, Kind]]:
    """The names of an IOB2 tag sequence: (first token, token after the last, kind)."""
    spans: list[tuple[int, int, Kind]] = []
    start: int | None = None
    kind: str | None = None
    for i, tag_ in enumerate([*tags, "O"]):
        if start is not None and (tag_ == "O" or tag_.startswith("B-") or tag_[2:] != kind):
            spans.append((start, i, _kind(kind)))
            start = None
        if tag_.startswith("B-") or (tag_.startswith("I-") and start is None):
            start, kind = i, tag_[2:]
    return spans


def _kind(value: str | None) -> Kind:
    for kind in KINDS:
        if kind == value:
            return kind
    raise ValueError(f"not a kind: {value!r}")

"""The sequence tagger at build time: one CRF model per language, shipped in ``generator/lang/<code>/``.

Trained by :mod:`generator.tagger.train` (``make models``) on the training splits of public annotated
corpora; reading a model is all a build does (nothing is downloaded, and tagging is deterministic).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

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
    tokens = tokenise(text, start, end)
    if not any(t[2][:1].isupper() for t in tokens):
        return []  # no capital, no name: the tagger never learnt one
    tags = tag_tokens([t[2] for t in tokens], lang)
    return spans_of(tokens, tags)


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

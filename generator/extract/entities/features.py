"""The words of a sentence as the sequence tagger reads them: tokens, and the features of each token.

One tokeniser for training and tagging, so the model sees at build time the tokens it learnt from.
A token's own features (its form, shape, affixes, frequency, and what the lexicons say it is) and
the features it lends its neighbours are computed once per word and language and cached: the same
words come back in every sentence, and building feature strings is what tagging costs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator.extract.entities.lookups import is_role
from generator.extract.entities.patterns import language_patterns
from generator.text import lexicon as lex

TOKEN = re.compile(
    r"(?i:qu|jusqu|lorsqu|puisqu|[cdjlmnst])['’](?=\w)"  # French elision: l'Inde, qu'il
    r"|(?:[^\W\d_]\.){2,}"  # U.S., N.Y.
    r"|\w+(?:['’](?![sS]\b)\w+)*(?:[-‐]\w+(?:['’](?![sS]\b)\w+)*)*"  # O'Brien, Jean-Pierre, not Keaton's
    r"|['’][sS]\b"  # the possessive 's on its own
    r"|\S"
)
"""A token: a word (hyphens and inner apostrophes kept), an abbreviation, an elided article, a possessive
or one character of punctuation."""

Token = tuple[int, int, str]
"""Start, end and text of a token."""


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with their offsets in ``text``."""
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def shape(word: str) -> str:
    """The word's shape, runs collapsed: "Xx" (Smith), "X" (NATO), "x" (the), "d" (1996), "X.X." (U.S.)."""
    return _shape(word)


@lru_cache(maxsize=200_000)
def _shape(word: str) -> str:
    out: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


@lru_cache(maxsize=200_000)
def own_features(word: str, lang: str) -> tuple[str, ...]:
    """The features of ``word`` itself in ``lang``."""
    lower = word.casefold()
    p = language_patterns(lang)
    zipf = lex.zipf(lower, lang) if lower.isalpha() else 0.0
    feats = [f"w={lower}", f"sh={_shape(word)}", f"z={int(zipf)}", f"s3={lower[-3:]}", f"p3={lower[:3]}",
             f"s2={lower[-2:]}"]
    if word[:1].isupper():
        feats.append(f"cz={int(zipf)}")  # a capital on a frequent word says less
        if lex.is_given_name(word):
            feats.append("given")
        place = lex.place(word)
        if place is not None:
            feats.append(f"gz={place.kind}")
        if lex.listed(word, lex.organizations()):
            feats.append("orglist")
        if lex.listed(word, lex.platforms()):
            feats.append("platform")
    if lower in p.honorifics:
        feats.append("title")
    if lower in p.org_words:
        feats.append("orgword")
    if lower in p.function_words:
        feats.append("function")
    if lower in p.calendar:
        feats.append("calendar")
    if lower in p.place_cues:
        feats.append("placecue")
    if len(lower) > 2 and word.isalpha() and is_role(word, p):
        feats.append("role")
    if p.forms_compounds and any(lower.endswith(s) and len(lower) > len(s) + 2 for s in p.org_suffixes):
        feats.append("orgsuffix")
    return tuple(feats)


@lru_cache(maxsize=200_000)
def lent_features(word: str, lang: str, offset: str) -> tuple[str, ...]:
    """The features ``word`` lends the token ``offset`` away ("-1", "+1", "-2", "+2")."""
    lower = word.casefold()
    if offset in ("-2", "+2"):
        return (f"{offset}w={lower}",)
    own = own_features(word, lang)
    keep = [f"{offset}w={lower}", f"{offset}sh={_shape(word)}"]
    keep += [f"{offset}{f}" for f in own if f in ("title", "role", "orgword", "given", "placecue", "function")
             or f.startswith("gz=")]
    return tuple(keep)


_BEFORE = ("BOS",)
_AFTER = ("EOS",)


def sentence_features(words: Sequence[str], lang: str) -> list[list[str]]:
    """The features of each token of a sentence (``words``: the tokens' texts)."""
    n = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = ["bias", *own_features(word, lang)]
        feats += lent_features(words[i - 1], lang, "-1") if i else _BEFORE
        feats += lent_features(words[i + 1], lang, "+1") if i + 1 < n else _AFTER
        if i > 1:
            feats += lent_features(words[i - 2], lang, "-2")
        if i + 2 < n:
            feats += lent_features(words[i + 2], lang, "+2")
        if i == 0 or (i == 1 and not words[0][:1].isalnum()):
            feats.append("first")
        out.append(feats)
    return out

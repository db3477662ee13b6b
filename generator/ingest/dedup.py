"""Is a source already in the case? The same address, the same text, or a near copy.

- **The same address**: two canonical addresses that differ only in what does not name a page
  (``http``/``https``, ``www.``, letter case of the host, a default port, a trailing slash, the
  fragment, tracking parameters such as ``utm_source``) are the same.
- **The same text**: the words, case-folded, in order, ignoring punctuation and spacing.
- **A near copy** (a wire story reprinted with its own headline, a sentence added or cut): of
  the shorter text's runs of :data:`SHINGLE_WORDS` words, at least :data:`NEAR_COPY_SHARE` are
  in the other text. Shingles are linear in the text's length, so a 5 MB page costs no more
  than reading it; an edit distance over two long texts would cost their product.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

from generator.ingest.metadata import TRACKING

SHINGLE_WORDS = 5
"""Words in a shingle."""
NEAR_COPY_SHARE = 0.7
"""Share of the shorter text's shingles the longer one must hold for a near copy."""
MIN_SHINGLES = 20
"""A text with fewer shingles (about 25 words) is too short to call a near copy of anything."""

_WORD = re.compile(r"\w+")
_DEFAULT_PORTS = {"http": 80, "https": 443}

Kind = Literal["same address", "same text", "near copy"]


@dataclass(frozen=True)
class Fingerprint:
    """What a source is compared by."""

    name: str
    """The seed's file name (``006_coastwatch-news.txt``) or, for a source not yet written, its name."""
    address: str | None
    """Its canonical address, normalised (:func:`address_key`)."""
    text: str
    """A hash of its words (:func:`text_key`)."""
    shingles: frozenset[int]
    """Its runs of words, hashed (:func:`shingles`)."""


@dataclass(frozen=True)
class Match:
    """A source already in the case that a new one repeats."""

    kind: Kind
    """How it repeats it."""
    twin: Fingerprint
    """The source it repeats."""
    share: float
    """For a near copy, the share of the shorter text found in the other (1.0 otherwise)."""


def address_key(address: str) -> str:
    """An address as compared: scheme, ``www.``, default port, fragment, trailing slash and
    tracking parameters left out, host in lower case, the other parameters sorted."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port != _DEFAULT_PORTS.get(parts.scheme.lower()) else ""
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING.match(k)))
    path = parts.path.rstrip("/") or ""
    return f"{host}{port}{path}" + (f"?{query}" if query else "")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def text_key(text: str) -> str:
    """A hash of the text's words, case-folded, in order: the same for the same words however
    they are spaced and punctuated."""
    return _text_key(_words(text))


def _text_key(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def shingles(text: str) -> frozenset[int]:
    """The text's runs of :data:`SHINGLE_WORDS` words, each hashed."""
    return _shingles(_words(text))


def _shingles(words: list[str]) -> frozenset[int]:
    """Each word's CRC-32, then each run's tuple of them hashed: tuples of integers hash the same
    in every process (strings do not), and no run is joined into a new string."""
    code = {word: zlib.crc32(word.encode("utf-8")) for word in set(words)}
    codes = [code[word] for word in words]
    return frozenset(map(hash, zip(*(codes[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def fingerprint(name: str, text: str, address: str | None) -> Fingerprint:
    """The fingerprint of a source."""
    words = _words(text)
    return Fingerprint(name, address_key(address) if address else None, _text_key(words), _shingles(words))


def shared(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set that is in the other (0 when either is too small to tell)."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def find_twin(new: Fingerprint, known: Sequence[Fingerprint]) -> Match | None:
    """The source in ``known`` that ``new`` repeats: the first with the same address, else the
    first with the same text, else the one it copies most (at least :data:`NEAR_COPY_SHARE`;
    the first of equals)."""
    if new.address is not None:
        same = next((k for k in known if k.address == new.address), None)
        if same is not None:
            return Match("same address", same, 1.0)
    same = next((k for k in known if k.text == new.text), None)
    if same is not None:
        return Match("same text", same, 1.0)
    best: Match | None = None
    for other in known:
        share = shared(new.shingles, other.shingles)
        if share >= NEAR_COPY_SHARE and (best is None or share > best.share):
            best = Match("near copy", other, share)
    return best

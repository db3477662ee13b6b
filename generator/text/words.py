"""What a word is: the patterns that find words, the one fold that compares names, capitals.

Stages read words in a few ways, each for a reason, and each way is defined here once:

* :data:`WORD_OR_NUMBER`: words with inner apostrophes ("don't") and numbers with their
  separators ("39.000", "6,1") — how the comparison reads claims;
* :func:`count_words`: words as a reader counts them, for a source's length;
* :func:`fold`: the key two spellings of one name share (case, accents and letters such as
  "ø" aside).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD_OR_NUMBER = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
"""A word (inner apostrophes kept) or a number with its separators: how the comparison reads claims."""

_READER_WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of letters or digits (``don't`` is one word)."""
    return len(_READER_WORD.findall(text))


# Letters no Unicode decomposition takes to a base letter, spelt so in other languages'
# writing of the same name ("Strømstad", "Strömstad"; "Færder", "Faerder").
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "’": "'"})


# Capital letters of the Latin, Greek and Cyrillic scripts, for a regex character class ("[...]").
UPPER_CLASS = "".join(re.escape(chr(c)) for c in range(0x41, 0x530) if chr(c).isupper() or chr(c).istitle())


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``"Zoë  Ball"`` → ``"zoe ball"``, ``"Strømstad"`` → ``"stromstad"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.translate(_UNDECOMPOSED).split())

"""What a word is: the patterns that find words, the marks that open a sentence, capitals, fold.

Stages read words in a few ways, each for a reason; each way is defined here once, named for
what it keeps, and built from the same pieces (:data:`LETTERS`: a run of letters, no digit
and no underscore):

* :data:`WORD`: letters with inner apostrophes ("don't", "l'homme") — the plain word;
* :data:`WORD_OR_NUMBER`: that, or a number with its separators ("39.000", "6,1") — how the
  comparison reads claims, so that "39.000" is one token;
* :data:`WORD_OR_INTEGER`: a word or a run of digits — how quotes are measured and attributed;
* :data:`HYPHENATED_WORD`: inner hyphens kept too ("Verdi-Sprecherin", "Jean-Pierre"), with
  :data:`HYPHENATED_WORD_OR_INTEGER` beside it — titles and names;
* :data:`ABBREVIATED_WORD`: a hyphenated word with a final period ("Mme.", "Dr.") — titles
  before names;
* :data:`WORD_AND_TAIL`: a letter, then anything a word goes on with (digits, apostrophes,
  hyphens: "Covid-19", "VGs") — the words around a name;
* :func:`count_words`: words as a reader counts them, for a source's length.

:data:`UPPER_CLASS` holds every capital of the Latin, Greek and Cyrillic scripts;
:data:`SENTENCE_OPENERS` and :data:`CLAUSE_OPENERS` the marks before a word that make its
capital say nothing; :func:`fold` the key two spellings of one name share.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LETTERS = r"[^\W\d_]"
"""One letter of any script: a word character that is no digit and no underscore."""

_WORD = rf"{LETTERS}+(?:['’]{LETTERS}+)*"
WORD = re.compile(_WORD)
"""Letters with inner apostrophes: "don't", "l'homme", "Keaton’s"."""
LETTER_RUN = re.compile(rf"{LETTERS}+")
"""Letters only: the word after a sentence end, the words of a clause."""
WORD_OR_NUMBER = re.compile(rf"{_WORD}|\d+(?:[.,]\d+)*")
"""A word, or a number with its separators ("39.000", "6,1"): how the comparison reads claims."""
WORD_OR_INTEGER = re.compile(rf"{_WORD}|\d+")
"""A word, or a run of digits: how quotes are measured and their speakers found."""
_HYPHENATED = rf"{LETTERS}+(?:[-‐'’]{LETTERS}+)*"
HYPHENATED_WORD = re.compile(rf"{LETTERS}+(?:['’-]{LETTERS}+)*")
"""A word with inner apostrophes and hyphens: "Verdi-Sprecherin", "aujourd'hui"."""
HYPHENATED_WORD_OR_INTEGER = re.compile(rf"{_HYPHENATED}|\d+")
"""A hyphenated word (either hyphen) or a run of digits: the words of a title before a name."""
ABBREVIATED_WORD = re.compile(rf"{LETTERS}+(?:[-'’]{LETTERS}+)*\.?")
"""A hyphenated word with its final period, if any: "Mme.", "Dr.", "mother"."""
WORD_AND_TAIL = re.compile(r"[^\W\d_][\w'’\-‐]*")
"""A letter, then anything a word goes on with (digits, apostrophes, hyphens): "Covid-19", "VGs"."""

SENTENCE_OPENERS = "\"'“‘«„»([–—-¿¡"
"""Marks that may open a sentence before its first word (a quote, a bracket, a dialogue dash)."""
CLAUSE_OPENERS = frozenset("\"'“”‘’«»„‹›–—-:([*")
"""Marks after which a word opens a quotation, a parenthesis or a clause: its capital says nothing."""
OPENING_SPACE = " \t\"'“‘«„»–—(-"
"""Spaces and marks to pass over, back from a word, to see whether a sentence ends before it."""

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

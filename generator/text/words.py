"""What a word is."""

from __future__ import annotations

import re

WORD_OR_NUMBER = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")

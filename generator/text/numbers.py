"""Numbers as each language writes them: digits with its separators, and number words.

Shared by the figure and date stages. Patterns are compiled once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator.lang import language_data


@dataclass(frozen=True)
class NumberSyntax:
    """How one language writes numbers, compiled."""

    pattern: str
    """Regular expression (no groups) for one number in digits or words."""
    decimal: str
    """Decimal separator."""
    groups: tuple[str, ...]
    """Thousands separators."""
    words: dict[str, float]
    """Number words, lower-cased, to their value."""


@cache
def number_syntax(language: str) -> NumberSyntax:
    """The number syntax of ``language`` (English conventions when it has no data)."""
    data = language_data(language)
    decimal = str(data.get("figure_decimal", "."))
    groups = tuple(str(g) for g in data.get("figure_group", [","])) or (",",)
    words = {str(k).lower(): float(v) for k, v in (data.get("figure_number_words") or {}).items()}
    group_class = "[" + "".join(re.escape(g) for g in groups) + "]"
    dec = re.escape(decimal)
    digits = (rf"(?<![\w.,]){{sign}}\d{{{{1,3}}}}(?:{group_class}\d{{{{3}}}})+(?:{dec}\d+)?(?![\d]|{dec}\d)"
              rf"|(?<![\w.,]){{sign}}\d+(?:{dec}\d+)?(?![\d]|{dec}\d)")
    digits = digits.replace("{sign}", "").replace("{{", "{").replace("}}", "}")
    if words:
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = rf"(?:{digits}|(?<!\w)(?i:{alternation})(?!\w))"
    else:
        pattern = rf"(?:{digits})"
    return NumberSyntax(pattern, decimal, groups, words)


def parse_number(text: str, language: str) -> float | None:
    """The value of one number written as ``language`` writes it; ``None`` if it is none."""
    syntax = number_syntax(language)
    text = text.strip()
    word = syntax.words.get(text.lower())
    if word is not None:
        return word
    cleaned = text
    for group in syntax.groups:
        if group != syntax.decimal:
            # a group separator is only one when followed by exactly three digits
            cleaned = re.sub(re.escape(group) + r"(?=\d{3}(?!\d))", "", cleaned)
    cleaned = cleaned.replace(syntax.decimal, ".")
    try:
        return float(cleaned)
    except ValueError:
        return None

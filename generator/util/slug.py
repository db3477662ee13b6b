"""Slugs: ASCII, lower-case, hyphenated names for files and anchors (``keaton-jones``)."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into an ASCII base letter.
_TRANSLITERATE = str.maketrans({
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "œ": "oe", "Œ": "oe", "đ": "d",
    "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
})


def slugify(text: str, fallback: str = "item") -> str:
    """``"Beckham-sønnen Romeo"`` → ``"beckham-sonnen-romeo"``; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].rstrip("-") or fallback


def unique_slugs(names: list[str], fallback: str = "item") -> list[str]:
    """Slugs for ``names`` in order, suffixed ``-2``, ``-3`` … where two would collide."""
    seen: dict[str, int] = {}
    slugs = []
    for name in names:
        base = slugify(name, fallback)
        count = seen.get(base, 0) + 1
        seen[base] = count
        slugs.append(base if count == 1 else f"{base}-{count}")
    return slugs

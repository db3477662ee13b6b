"""German procedures the word lists cannot say (see ``HOOKS`` in :mod:`generator.lang`)."""

from __future__ import annotations


def role_stems(word: str) -> tuple[str, ...]:
    """Weak nouns add -n or -en in every case but the nominative ("des Meteorologen", "dem
    Experten"): the role noun is the word without its last one or two letters."""
    return (word[:-1], word[:-2]) if word.endswith("n") else ()

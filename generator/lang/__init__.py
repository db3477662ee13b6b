"""Per-language knowledge, kept as data: ``generator/lang/<code>/*.yml``.

Every stage that needs language-specific words (abbreviations, speech verbs, month
names, honorifics, …) reads them through :func:`language_data`, which merges all YAML
files of one language directory. A language is supported when its directory exists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

LANG_DIR = Path(__file__).parent
# Data shared by all languages; a directory starting with "_" is not a language.
SHARED_DIR = "_all"

# Codes that name the same language as one of our directories.
ALIASES = {"no": "nb", "nob": "nb", "nor": "nb", "eng": "en", "deu": "de", "ger": "de",
           "fra": "fr", "fre": "fr"}


@lru_cache(maxsize=None)
def supported_languages() -> tuple[str, ...]:
    """Codes of the languages with a data directory, sorted."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@lru_cache(maxsize=1024)
def canonical_language(code: str) -> str:
    """Lower-case primary subtag, with aliases mapped (``no`` and ``nb-NO`` become ``nb``)."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return ALIASES.get(primary, primary)


@lru_cache(maxsize=None)
def language_data(code: str) -> Mapping[str, Any]:
    """All data for language ``code``, merged from its YAML files in name order.

    Lists under the same key in several files are concatenated; other keys must not
    repeat. Unknown languages give an empty mapping, so callers degrade gracefully.
    """
    return _load_directory(LANG_DIR / canonical_language(code), code)


@lru_cache(maxsize=None)
def shared_data() -> Mapping[str, Any]:
    """Data that holds in every language (``generator/lang/_all/*.yml``), merged the same way."""
    return _load_directory(LANG_DIR / SHARED_DIR, SHARED_DIR)


# Our own data files: libyaml's safe loader when PyYAML was built with it (ten times faster
# than the pure-Python one on the word lists), else the same loader in Python.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """YAML 1.2 booleans: only ``true`` and ``false``. YAML 1.1 also reads ``on``, ``off``,
    ``yes`` and ``no`` as booleans, which took English "on", "off" and "no" and French "on"
    out of the word lists that hold them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER = _Loader


def _load_directory(directory: Path, code: str) -> Mapping[str, Any]:
    merged: dict[str, Any] = {}
    if not code.strip() or not directory.is_dir() or directory == LANG_DIR:
        return MappingProxyType(merged)
    for path in sorted(directory.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, value in data.items():
            if key in merged and isinstance(merged[key], list) and isinstance(value, list):
                merged[key] = merged[key] + value
            elif key in merged and isinstance(merged[key], dict) and isinstance(value, dict):
                merged[key] = {**merged[key], **value}
            elif key in merged:
                raise ValueError(f"{path}: key '{key}' is defined twice for language '{code}'")
            else:
                merged[key] = value
    return MappingProxyType(merged)


@lru_cache(maxsize=None)
def word_set(code: str, key: str) -> frozenset[str]:
    """A list from the language data as a set of lower-cased words."""
    return frozenset(str(w).lower() for w in language_data(code).get(key, ()) or ())


@lru_cache(maxsize=None)
def phrase_pattern(code: str, key: str, tail: str = r"(?!\w)") -> re.Pattern[str] | None:
    """The words and phrases of a language-data list as one case-insensitive pattern, longest
    first, each a whole word, followed by ``tail``; ``None`` when the language has none."""
    words = sorted(word_set(code, key), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")" + tail, re.IGNORECASE)

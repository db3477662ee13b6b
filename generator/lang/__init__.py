"""Per-language knowledge, kept as data: ``generator/lang/<code>/*.yml``, and the one loader.

Every stage that needs language-specific words (abbreviations, speech verbs, month names,
honorifics, …) or traits (a language that capitalises its nouns, forms compounds, writes its
genitive with a bare -s) reads them here: :func:`language_data` merges the YAML files of one
language folder, :func:`word_set` and :func:`trait` read one key, :func:`shared_data` reads
``_all/``, the data that holds in every language. Each file is checked against
:data:`~generator.lang.schema.KEYS` when it is read: a key the schema does not list, or a value
of another shape, stops with ``path:line: problem — how to fix``; so does code asking for a key
the schema does not list.

A rule that really is a procedure, not a list, lives beside the data in
``generator/lang/<code>/hooks.py``: a function named in :data:`HOOKS`, which :func:`hook`
returns (or the default of :data:`HOOKS` when the language has none).

A language is supported when its folder exists: adding one is adding a folder.
"""

from __future__ import annotations

import bisect
import difflib
import importlib.util
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import yaml

from generator.lang.schema import KEYS, Key

LANG_DIR = Path(__file__).parent
SHARED_DIR = "_all"
"""Data shared by all languages; a folder whose name starts with "_" is not a language."""
DISPLAY_LANGUAGE = "en"
"""The language of the site's own words (headings, summaries, evidence), and of place names as
the gazetteer gives them canonically."""
PIVOT_LANGUAGE = "en"
"""The language the bilingual tables translate into (``<code>/bilingual/en.tsv``): two other
languages' words are compared through it."""


class LanguageDataError(ValueError):
    """A language file breaks the schema, or code asks for a key the schema does not list."""


class UnknownKey(LanguageDataError, KeyError):
    """Code asked for a key that :data:`~generator.lang.schema.KEYS` does not list."""


def _unknown(key: str) -> UnknownKey:
    close = difflib.get_close_matches(key, KEYS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return UnknownKey(f"generator/lang/schema.py: no language key '{key}'{hint} — "
                      "add it to KEYS with its shape and what it is for, or fix the spelling")


def _schema(key: str) -> Key:
    found = KEYS.get(key)
    if found is None:
        raise _unknown(key)
    return found


@cache
def supported_languages() -> tuple[str, ...]:
    """Codes of the languages with a data folder, sorted."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def _aliases() -> Mapping[str, str]:
    """Other codes of each language, from its ``aliases`` (``no``, ``nob`` → ``nb``)."""
    table: dict[str, str] = {}
    for code in supported_languages():
        for alias in _load_directory(LANG_DIR / code, code).get("aliases", ()):
            table[str(alias).lower()] = code
    return MappingProxyType(table)


@cache
def canonical_language(code: str) -> str:
    """Lower-case primary subtag, with aliases mapped (``no`` and ``nb-NO`` become ``nb``)."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return _aliases().get(primary, primary)


_EMPTY: dict[str, Any] = {"words": (), "patterns": (), "groups": MappingProxyType({}),
                          "numbers": MappingProxyType({}), "names": MappingProxyType({})}
"""The value of a key a language does not give, by shape (a table, a flag, a text: ``None``)."""


class LanguageData(Mapping[str, Any]):
    """One language's data, read-only. Only the keys a file gives are in it, but asking for any
    key the schema lists is fine (``get`` gives the default); asking for another raises."""

    def __init__(self, data: Mapping[str, Any], origin: str) -> None:
        self._data = data
        self.origin = origin

    def __getitem__(self, key: str) -> Any:
        _schema(key)
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``; ``default`` (else the schema's default) when the files do not give it."""
        spec = _schema(key)
        if key in self._data:
            return self._data[key]
        if default is not None:
            return default
        return spec.default if spec.default is not None else _EMPTY.get(spec.shape)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@cache
def language_data(code: str) -> LanguageData:
    """All data for language ``code``, merged from its YAML files in name order.

    Lists under the same key in several files are concatenated, mappings merged; other keys
    must not repeat. Unknown languages give an empty mapping, so callers degrade gracefully.
    """
    return _load_directory(LANG_DIR / canonical_language(code), code)


@cache
def shared_data() -> LanguageData:
    """Data that holds in every language (``generator/lang/_all/*.yml``), merged the same way."""
    return _load_directory(LANG_DIR / SHARED_DIR, SHARED_DIR)


def trait(code: str, key: str) -> Any:
    """One value of a language (a flag, a text, a number): its own, else the schema's default."""
    return language_data(code).get(key)


@cache
def loanword_language() -> str:
    """The language whose words, capitalised in another language's text, make a brand's name
    (``loanword_language`` in ``_all``; the display language when not given)."""
    return str(shared_data().get("loanword_language") or DISPLAY_LANGUAGE)


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


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _shape_problem(key: Key, value: Any) -> str | None:
    """What is wrong with ``value`` for ``key``'s shape, if anything."""
    shape = key.shape
    if shape in ("words", "patterns"):
        ok = isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
        return None if ok else "is not a list of words"
    if shape == "groups":
        ok = isinstance(value, dict) and all(isinstance(v, list) and all(_scalar(w) for w in v)
                                             for v in value.values())
        return None if ok else "is not a mapping of keys to lists of words"
    if shape == "numbers":
        ok = isinstance(value, dict) and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                             for v in value.values())
        return None if ok else "is not a mapping of words to numbers"
    if shape == "names":
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        return None if ok else "is not a mapping of words to names"
    if shape == "table":
        return None if isinstance(value, (dict, list)) else "is not a mapping or a list"
    if shape == "flag":
        return None if isinstance(value, bool) else "is not true or false"
    if shape == "text":
        return None if isinstance(value, str) else "is not a text"
    if shape == "number":
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "is not a number"
    return f"has a shape the loader does not know ('{shape}')"


def _check(path: Path, text: str, data: Mapping[str, Any], shared: bool) -> None:
    """Raise :class:`LanguageDataError` for the first key of ``data`` the schema refuses."""
    node = yaml.compose(text, Loader=_LOADER)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    shown = path.relative_to(LANG_DIR.parent.parent).as_posix() if path.is_relative_to(LANG_DIR.parent.parent) \
        else path.as_posix()
    for key, value in data.items():
        line = lines.get(str(key), 1)
        spec = KEYS.get(str(key))
        if spec is None:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise LanguageDataError(f"{shown}:{line}: unknown key '{key}' — {hint}every key is listed, with "
                                    "its shape and purpose, in generator/lang/schema.py")
        if (spec.scope == "shared" and not shared) or (spec.scope == "language" and shared):
            where = "generator/lang/_all/" if spec.scope == "shared" else "a language's folder"
            raise LanguageDataError(f"{shown}:{line}: '{key}' belongs in {where} — move it there")
        problem = _shape_problem(spec, value)
        if problem:
            raise LanguageDataError(f"{shown}:{line}: '{key}' {problem} — write it as "
                                    f"generator/lang/schema.py describes ({spec.shape})")


def _load_directory(directory: Path, code: str) -> LanguageData:
    merged: dict[str, Any] = {}
    if not code.strip() or not directory.is_dir() or directory == LANG_DIR:
        return LanguageData(MappingProxyType(merged), code)
    for path in sorted(directory.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LOADER) or {}
        _check(path, text, data, directory.name == SHARED_DIR)
        for key, value in data.items():
            if key in merged and isinstance(merged[key], list) and isinstance(value, list):
                merged[key] = merged[key] + value
            elif key in merged and isinstance(merged[key], dict) and isinstance(value, dict):
                merged[key] = {**merged[key], **value}
            elif key in merged:
                raise LanguageDataError(f"{path}: key '{key}' is defined twice for language '{code}' — "
                                        "keep one of them")
            else:
                merged[key] = value
    return LanguageData(MappingProxyType(merged), code)


@cache
def word_set(code: str, key: str) -> frozenset[str]:
    """A word list of a language as a set, each word lower-cased and case-folded (German "straße"
    is there as "straße" and "strasse"), so that a word looked up in either form is found.
    ``code`` ``_all`` reads the shared list."""
    data = shared_data() if code == SHARED_DIR else language_data(code)
    words = data.get(key) or ()
    return frozenset(form for w in words for form in (str(w).lower(), str(w).casefold()))


@cache
def phrase_pattern(code: str, key: str, tail: str = r"(?!\w)") -> re.Pattern[str] | None:
    """The words and phrases of a language-data list as one case-insensitive pattern, longest
    first, each a whole word, followed by ``tail``; ``None`` when the language has none."""
    words = sorted(word_set(code, key), key=lambda w: (-len(w), w))
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")" + tail, re.IGNORECASE)


BILINGUAL_FOLDER = "bilingual"
"""A language's folder of word tables into the pivot language: ``<code>/bilingual/en.tsv``."""


class BilingualTable(Mapping[str, tuple[str, ...]]):
    """One language's word table into the pivot language, read-only: a word (case-folded) → the
    pivot-language words it may translate as, best first. The file's lines are kept as they are,
    sorted, and a word is found by bisection: loading a table of twenty thousand words takes a few
    milliseconds, where building a dictionary of it took fifty."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def _line(self, word: str) -> str | None:
        key = word + "\t"
        at = bisect.bisect_left(self._lines, key)
        if at < len(self._lines) and self._lines[at].startswith(key):
            return self._lines[at]
        return None

    def __getitem__(self, word: str) -> tuple[str, ...]:
        line = self._line(word)
        if line is None:
            raise KeyError(word)
        return tuple(line.partition("\t")[2].split())

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._line(word) is not None

    def __iter__(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@cache
def bilingual_table(code: str) -> BilingualTable:
    """Words of language ``code`` (case-folded) → the words of :data:`PIVOT_LANGUAGE` they may
    translate as, best first: ``generator/lang/<code>/bilingual/en.tsv``, made from FreeDict by
    :mod:`generator.text.freedict` (a line is a word, a tab and its translations separated by
    spaces, sorted by word; ``#`` lines are comments). Empty for the pivot language and for a
    language without one."""
    path = LANG_DIR / canonical_language(code) / BILINGUAL_FOLDER / f"{PIVOT_LANGUAGE}.tsv"
    if not code.strip() or not path.is_file():
        return BilingualTable([])
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and line[0] != "#"]
    if any(lines[n] > lines[n + 1] for n in range(len(lines) - 1)):
        lines.sort()  # written sorted; a table edited by hand is sorted here
    return BilingualTable(lines)


def _role_stems(word: str) -> tuple[str, ...]:
    """Other forms of a (case-folded) role noun to look up in the role list: none."""
    return ()


HOOKS: dict[str, Callable[..., Any]] = {
    "role_stems": _role_stems,
}
"""The procedures a language may define in ``generator/lang/<code>/hooks.py``, with the default
every other language gets:

* ``role_stems(word) -> tuple[str, ...]``: other forms of a case-folded role noun to look up in
  ``entity_person_roles`` (German weak nouns: "des Experten" is "Experte").
"""


@cache
def _hooks_module(code: str) -> ModuleType | None:
    path = LANG_DIR / canonical_language(code) / "hooks.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"generator.lang._hooks_{canonical_language(code)}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    unknown = sorted(name for name in vars(module) if not name.startswith("_") and callable(vars(module)[name])
                     and name not in HOOKS and getattr(vars(module)[name], "__module__", None) == module.__name__)
    if unknown:
        raise LanguageDataError(f"{path}: '{unknown[0]}' is no hook — the hooks a language may define are "
                                f"{', '.join(sorted(HOOKS))} (generator/lang/__init__.py HOOKS)")
    return module


def hook(code: str, name: str) -> Callable[..., Any]:
    """The procedure ``name`` of language ``code``: its own (``hooks.py``), else the default."""
    if name not in HOOKS:
        raise _unknown(f"hook {name}")
    module = _hooks_module(code)
    own = getattr(module, name, None) if module is not None else None
    return own if callable(own) else HOOKS[name]

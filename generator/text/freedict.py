"""Build the bilingual word tables (``generator/lang/<code>/bilingual/en.tsv``) from FreeDict.

A maintainer's tool, never run by a build: the tables it writes are committed, and nothing is
downloaded when a case is built. Run it as ``python -m generator.text.freedict DEB…`` (or
``make bilingual``) with the Debian packages of FreeDict's dictionaries in dict format
(``dict-freedict-deu-eng_…_all.deb``); with ``--download`` it fetches them first with
``apt-get download`` into a temporary folder. Each language names the dictionaries that give its
words in English in its ``bilingual_freedict`` key (``[deu-eng, eng-deu]``; Norwegian has only
``eng-nor``, read the other way round).

What it keeps, so that a table stays small (a few hundred kilobytes) and means what the
comparison needs: single-word headwords and single-word translations (phrases such as "make fun
of" are left out); both sides reduced to their lemma as :func:`~generator.text.lemmas.lemma_of`
gives it (the comparison looks words up by lemma); only lemmas of the language's
:data:`FREQUENT_WORDS` most frequent words by ``wordfreq`` on both sides (the words news is
written in, not "abtauchende Antiklinale" for *nose*); and for each word at most
:data:`MAX_TRANSLATIONS` English lemmas, those both directions of the dictionary give first, then
those the dictionary lists first, then the more frequent. The output is sorted and written with
a header naming the dictionaries, their editions and their licences, so the same packages give
the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.lang import LANG_DIR, PIVOT_LANGUAGE, canonical_language, supported_languages, word_set
from generator.text.lemmas import lemma_of

FREQUENT_WORDS = 40_000
"""How many of a language's most frequent words (``wordfreq.top_n_list``) the table may hold, by lemma."""
MAX_TRANSLATIONS = 6
"""At most this many English lemmas for a word."""
TABLE = "bilingual"
"""The folder of a language's bilingual tables: ``generator/lang/<code>/bilingual/<pivot>.tsv``."""

_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SINGLE_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_BRACKETED = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}")
_LEADING_LABEL = re.compile(r"^ ?(?:\[[^\]]*\]\s*)+")  # " [langsam] develop": a label, not an indented note
_SENSE = re.compile(r"^\s*\d+\.\s*")
_TRAILING_SENSE = re.compile(r"\s+\d+\.\s*$")
_ISO3 = {"eng": "en", "deu": "de", "fra": "fr", "nor": "nb", "nob": "nb"}


@dataclass(frozen=True)
class Dictionary:
    """One FreeDict dictionary read from its dict-format files."""

    name: str
    """FreeDict's name: the headwords' language and the translations', ``deu-eng``."""
    info: str
    """The database's own description (``00-database-info``): edition, licence, authors."""
    entries: tuple[tuple[str, tuple[str, ...]], ...]
    """Each entry's headword and its translations as written, in the dictionary's order."""


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _BASE64.index(char)
    return value


def _translations(lines: Sequence[str], wikdict: bool) -> Iterator[str]:
    """The translations of one entry's lines after the headword.

    Ding-based dictionaries (German) write one line of translations per entry and indent their
    notes; the older French ones number their senses ("1. friend"); WikDict (Norwegian) numbers
    senses too but writes an English gloss under each, unnumbered, which is no translation."""
    for number, line in enumerate(lines):
        line = _LEADING_LABEL.sub("", line)
        if not line.strip() or (line[0].isspace() and not _SENSE.match(line)):
            continue
        numbered = bool(_SENSE.match(line))
        if wikdict and number > 0 and not numbered:
            continue  # a gloss ("protuberance on the face")
        text = _TRAILING_SENSE.sub("", _SENSE.sub("", line))
        if not text:
            continue
        for term in re.split(r"[,;]", _BRACKETED.sub(" ", text)):
            term = " ".join(term.split())
            if term:
                yield term


def read_dictionary(index: Path, data: Path) -> Dictionary:
    """A dictionary from its ``.index`` and ``.dict.dz`` (dictd's format: the index gives each
    headword's offset and length, in base 64, into the gzip-compressed data)."""
    text = gzip.decompress(data.read_bytes())
    seen: set[int] = set()
    entries: list[tuple[str, tuple[str, ...]]] = []
    info = ""
    for line in index.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        offset, length = _number(fields[1]), _number(fields[2])
        body = text[offset:offset + length].decode("utf-8", "replace")
        if fields[0] == "00databaseinfo" or fields[0] == "00-database-info":
            info = body
        if fields[0].startswith("00") or offset in seen:
            continue
        seen.add(offset)
        lines = body.split("\n")
        headword = re.split(r"\s+[/<]", lines[0], maxsplit=1)[0].strip()
        entries.append((headword, tuple(_translations(lines[1:], "WikDict" in info))))
    name = index.name.removeprefix("freedict-").removesuffix(".index")
    return Dictionary(name, info, tuple(entries))


def _frequent_words(language: str) -> frozenset[str]:
    """The language's :data:`FREQUENT_WORDS` most frequent single words, and their lemmas."""
    import wordfreq

    words = [word for word in wordfreq.top_n_list(language, FREQUENT_WORDS) if _SINGLE_WORD.fullmatch(word)]
    return frozenset(words) | frozenset(lemma_of(word, language) for word in words)


def _zipf(word: str, language: str) -> float:
    import wordfreq

    return float(wordfreq.zipf_frequency(word, language))


def word_pairs(dictionary: Dictionary, language: str) -> Iterator[tuple[str, str, int]]:
    """``(word of language, English word, rank)`` for every single-word pair the dictionary
    gives, as written (case-folded: "Fußball" is "fussball", as Swiss German writes it and as
    ``wordfreq`` lists it), either way round; rank is the translation's place in its entry."""
    source, target = (_ISO3.get(code, code) for code in dictionary.name.split("-", 1))
    if {canonical_language(source), canonical_language(target)} != {language, PIVOT_LANGUAGE}:
        return
    forward = canonical_language(source) == language
    for headword, translations in dictionary.entries:
        if not _SINGLE_WORD.fullmatch(headword):
            continue
        for rank, term in enumerate(translations):
            term = term.removeprefix("to ") if forward else term
            if not _SINGLE_WORD.fullmatch(term):
                continue
            word, english = (headword, term) if forward else (term, headword)
            yield word.casefold(), english.casefold(), rank


def build_table(language: str, dictionaries: Iterable[Dictionary]) -> dict[str, tuple[str, ...]]:
    """Word of ``language`` → its English words, best first (see the module's docstring).

    Both sides stay as the dictionary writes them (its headwords and translations are already
    dictionary forms): lemmatising them again would merge what a lemmatiser confuses (French
    "été", *summer*, is also a form of "être"). The loader looks a word up as written and by lemma.
    """
    frequent, english = _frequent_words(language), _frequent_words(PIVOT_LANGUAGE)
    found: dict[str, dict[str, tuple[set[str], int]]] = defaultdict(dict)  # word -> English -> (directions, rank)
    for dictionary in dictionaries:
        for word, term, rank in word_pairs(dictionary, language):
            if word not in frequent or term not in english:
                continue
            directions, best = found[word].get(term, (set(), rank))
            directions.add(dictionary.name)
            found[word][term] = (directions, min(best, rank))
    table: dict[str, tuple[str, ...]] = {}
    for word, terms in found.items():
        ranked = sorted(terms, key=lambda t: (-len(terms[t][0]), terms[t][1], -_zipf(t, PIVOT_LANGUAGE), t))
        table[word] = tuple(ranked[:MAX_TRANSLATIONS])
    return table


def _edition(info: str) -> str:
    found = re.search(r"^Edition:\s*(.+)$", info, re.MULTILINE)
    return found.group(1).strip() if found else "unknown edition"


def _licence(info: str) -> str:
    if "Creative Commons Attribution-ShareAlike 3.0" in info:
        return "CC BY-SA 3.0"
    if "General Public License, version 3" in info:
        return "GPL-3.0-or-later"
    if "General Public License ver. 2.0 and" in info:
        return "GPL-2.0-or-later"
    return "see the dictionary's own notice"


def table_text(language: str, dictionaries: Sequence[Dictionary], table: dict[str, tuple[str, ...]]) -> str:
    """The ``.tsv`` file: a header of ``#`` lines, then ``word<TAB>english english …`` sorted."""
    header = [f"# {language} -> {PIVOT_LANGUAGE}: a word, then up to {MAX_TRANSLATIONS} English words, best first.",
              "# Made by generator/text/freedict.py (make bilingual) from FreeDict (https://freedict.org/):"]
    header += [f"#   {d.name} {_edition(d.info)}, {_licence(d.info)}" for d in dictionaries]
    header += ["# Licence and authors: see README.md in this folder."]
    rows = [f"{lemma}\t{' '.join(targets)}" for lemma, targets in sorted(table.items()) if targets]
    return "\n".join(header + rows) + "\n"


def _unpack(deb: Path, into: Path) -> list[Path]:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return sorted((into / "usr" / "share" / "dictd").glob("freedict-*.index"))


def _download(names: Iterable[str], into: Path) -> list[Path]:
    for name in sorted(set(names)):
        subprocess.run(["apt-get", "download", f"dict-freedict-{name}"], check=True, cwd=into)
    return sorted(into.glob("dict-freedict-*.deb"))


def main(argv: Sequence[str] | None = None) -> int:
    """Write every language's ``bilingual/en.tsv`` from the packages given (or downloaded)."""
    parser = argparse.ArgumentParser(prog="python -m generator.text.freedict", description=__doc__.split("\n")[0])
    parser.add_argument("debs", nargs="*", type=Path, help="dict-freedict-*.deb packages (or folders holding them)")
    parser.add_argument("--download", action="store_true", help="fetch the packages with apt-get download")
    parser.add_argument("--languages", nargs="*", help="only these languages (default: all that name dictionaries)")
    options = parser.parse_args(argv)
    wanted = {code: tuple(sorted(word_set(code, "bilingual_freedict")))
              for code in (options.languages or supported_languages())}
    wanted = {code: names for code, names in wanted.items() if names}
    with tempfile.TemporaryDirectory() as scratch:
        debs = [p for given in options.debs for p in (sorted(given.glob("*.deb")) if given.is_dir() else [given])]
        if options.download:
            debs += _download((n for names in wanted.values() for n in names), Path(scratch))
        dictionaries: dict[str, Dictionary] = {}
        for number, deb in enumerate(debs):
            for index in _unpack(deb, Path(scratch) / f"deb{number}"):
                dictionary = read_dictionary(index, index.with_suffix(".dict.dz"))
                dictionaries[dictionary.name] = dictionary
        for code, names in sorted(wanted.items()):
            missing = [n for n in names if n not in dictionaries]
            if missing:
                sys.stderr.write(f"freedict: {code}: no package gives {', '.join(missing)} — pass "
                                 f"dict-freedict-{missing[0]}_*.deb or use --download\n")
                return 1
            chosen = [dictionaries[n] for n in names]
            table = build_table(code, chosen)
            path = LANG_DIR / code / TABLE / f"{PIVOT_LANGUAGE}.tsv"
            path.parent.mkdir(exist_ok=True)
            path.write_text(table_text(code, chosen, table), encoding="utf-8")
            sys.stderr.write(f"freedict: {path.relative_to(LANG_DIR.parent.parent)}: {len(table)} words, "
                             f"{path.stat().st_size} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

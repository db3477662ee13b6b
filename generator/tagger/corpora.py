"""Public annotated corpora for named entities: read, mapped to PER/LOC/ORG, turned into documents.

Used by the training script (:mod:`generator.tagger.train`, ``make models``) and the benchmark
(``tests/bench/ner.py``, ``make eval-ner``); never at build time. Each corpus is read from a
snapshot of its public repository (a bare git directory under a mirror folder, as the ``fetch``
tool leaves it) at a pinned commit; no corpus text is ever committed.

A document is detokenised text with gold character spans: each sentence its own paragraph (a
blank line between), the tokens joined as a reader would write them ("Mr. Smith's , sagte er" →
"Mr. Smith's, sagte er"), so what is built is text and not a token list.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.extract.entities.tagger import KINDS, Kind, token_spans
from generator.read.sources import normalise_text

__all__ = ["CORPORA", "KINDS", "Corpus", "Document", "Kind", "Sentence", "Span", "corpus", "detokenise", "document",
           "documents", "norne_train", "read_split", "token_spans"]



@dataclass(frozen=True)
class Sentence:
    """One annotated sentence: its tokens and one IOB2 tag per token (``B-PER``, ``I-LOC``, ``O``)."""

    tokens: tuple[str, ...]
    """The tokens as the corpus gives them."""
    tags: tuple[str, ...]
    """IOB2 tags over PER, LOC and ORG only (the corpus's other types are ``O``)."""
    spaces: tuple[bool, ...] | None = None
    """Whether a space follows each token, when the corpus says (CoNLL-U ``SpaceAfter=No``)."""
    starts_document: bool = False
    """A new document begins here (CoNLL-2003's ``-DOCSTART-``, a NorNE ``newdoc``)."""


@dataclass(frozen=True)
class Span:
    """A gold (or found) name: character offsets in a document's text and its type."""

    start: int
    end: int
    kind: Kind


@dataclass(frozen=True)
class Document:
    """Detokenised text with the gold spans of its names."""

    name: str
    """``<corpus>-<split>-<number>``."""
    text: str
    """The sentences, one paragraph each."""
    spans: tuple[Span, ...]
    """The gold names, sorted by start."""
    language: str
    """The language code the seed declares."""


# --- tags -------------------------------------------------------------------------------------


def _iob2(raw: Sequence[str], mapping: Mapping[str, Kind | None]) -> tuple[str, ...]:
    """IOB1 or IOB2 tags over the corpus's types → IOB2 over PER/LOC/ORG (``mapping``: corpus type →
    kind, ``None`` to drop). An ``I-`` after ``O`` or after another type opens a name (IOB1)."""
    out: list[str] = []
    previous = "O"
    for tag in raw:
        if tag == "O" or "-" not in tag:
            out.append("O")
            previous = "O"
            continue
        prefix, kind = tag.split("-", 1)
        mapped = mapping.get(kind)
        if mapped is None:
            out.append("O")
            previous = tag
            continue
        opens = prefix == "B" or previous == "O" or previous.split("-", 1)[1] != kind
        out.append(("B-" if opens else "I-") + mapped)
        previous = tag
    return tuple(out)


# --- readers ----------------------------------------------------------------------------------

CONLL2003_TYPES: Mapping[str, Kind | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": None}
NORNE_TYPES: Mapping[str, Kind | None] = {"PER": "PER", "LOC": "LOC", "GPE_LOC": "LOC", "ORG": "ORG",
                                          "GPE_ORG": "LOC"}
"""Geo-political entities are places in either sense ("Norge signerte": GPE_ORG): a case file has one
entity for a country, a place, as the other corpora annotate it; PROD, EVT, DRV, MISC dropped."""
GERMEVAL_TYPES: Mapping[str, Kind | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
"""The outer level only; OTH and the derived and partial names ("deutsche", "EU-Kommission": PERderiv,
LOCpart, …) are dropped: they are no names of a person, place or organisation."""
WIKINEURAL_TYPES: Mapping[str, Kind | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def read_conll2003(text: str) -> list[Sentence]:
    """CoNLL-2003 (``token POS chunk NER`` per line, IOB1, ``-DOCSTART-`` between documents)."""
    sentences: list[Sentence] = []
    new_document = False
    for block in _blocks(text.splitlines()):
        rows = [line.split() for line in block]
        if rows[0][0] == "-DOCSTART-":
            new_document = True
            continue
        sentences.append(Sentence(tuple(r[0] for r in rows), _iob2([r[-1] for r in rows], CONLL2003_TYPES),
                                  starts_document=new_document))
        new_document = False
    return sentences


def read_conllu_names(text: str, mapping: Mapping[str, Kind | None] = NORNE_TYPES,
                      skip: frozenset[str] = frozenset()) -> list[Sentence]:
    """CoNLL-U or NDT's CoNLL-X with ``name=B-PER`` in the last column (NorNE). ``# newdoc`` opens
    a document; tokens in ``skip`` (NDT's headline mark ``|``) are left out."""
    sentences: list[Sentence] = []
    for block in _blocks(text.splitlines(), comments=True):
        new_document = any(line.startswith("# newdoc") for line in block)
        rows = [line.split("\t") for line in block if not line.startswith("#")]
        rows = [r for r in rows if r[0].isdigit() and r[1] not in skip]
        if not rows:
            continue
        misc = [dict(field.split("=", 1) for field in r[-1].split("|") if "=" in field) for r in rows]
        sentences.append(Sentence(tuple(r[1] for r in rows), _iob2([m.get("name", "O") for m in misc], mapping),
                                  spaces=tuple(m.get("SpaceAfter") != "No" for m in misc),
                                  starts_document=new_document))
    return sentences


def read_germeval(text: str) -> list[Sentence]:
    """GermEval 2014 (``n token outer inner`` per line, IOB2; a ``#`` line with the source before each
    sentence). The outer level only."""
    sentences: list[Sentence] = []
    for block in _blocks(text.splitlines(), comments=True):
        rows = [line.split("\t") for line in block if not line.startswith("#")]
        if rows:
            sentences.append(Sentence(tuple(r[1] for r in rows), _iob2([r[2] for r in rows], GERMEVAL_TYPES)))
    return sentences


def read_wikineural(text: str) -> list[Sentence]:
    """WikiNEuRal (``n token tag`` per line, IOB2)."""
    sentences: list[Sentence] = []
    for block in _blocks(text.splitlines()):
        rows = [line.split("\t") for line in block]
        sentences.append(Sentence(tuple(r[1] for r in rows), _iob2([r[2] for r in rows], WIKINEURAL_TYPES)))
    return sentences


def _blocks(lines: Iterable[str], comments: bool = False) -> Iterator[list[str]]:
    """Runs of non-blank lines (``#`` lines kept with the block that follows, when ``comments``)."""
    block: list[str] = []
    for line in lines:
        if not line.strip():
            if block and (not comments or any(not b.startswith("#") for b in block)):
                yield block
                block = []
            continue
        block.append(line.rstrip("\n"))
    if block:
        yield block


# --- text -------------------------------------------------------------------------------------

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "''", "'s", "'S", "n't",
                              "'re", "'ve", "'ll", "'d", "'m", "»", "“", "”"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "«", "„", "$", "#"})
_QUOTES = frozenset({'"'})


def detokenise(tokens: Sequence[str], spaces: Sequence[bool] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The tokens as text, and each token's character span in it. ``spaces`` (when the corpus gives
    them) decide; otherwise punctuation attaches as a writer would set it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    open_quote = False
    for i, token in enumerate(tokens):
        if i:
            if spaces is not None:
                space = spaces[i - 1]
            else:
                previous = tokens[i - 1]
                space = not (token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER
                             or (previous.endswith(("'", "’")) and previous[:-1].isalpha() and len(previous) <= 6)
                             or (token in _QUOTES and open_quote) or (previous in _QUOTES and open_quote))
            if space:
                parts.append(" ")
                position += 1
        if token in _QUOTES:
            open_quote = not open_quote
        offsets.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
    return "".join(parts), offsets


def documents(sentences: Sequence[Sentence], corpus: str, language: str, size: int = 20) -> list[Document]:
    """The sentences as documents: split where a document starts, or every ``size`` sentences when the
    corpus marks no documents."""
    groups: list[list[Sentence]] = []
    marked = any(s.starts_document for s in sentences)
    for sentence in sentences:
        if not groups or (sentence.starts_document if marked else len(groups[-1]) >= size):
            groups.append([])
        groups[-1].append(sentence)
    return [document(group, f"{corpus}-{n:04d}", language) for n, group in enumerate(groups)]


def document(sentences: Sequence[Sentence], name: str, language: str) -> Document:
    """One document of ``sentences``, a paragraph each, its tokens as the reader normalises them (NFC, no
    control characters), so that offsets in the built text are offsets in the document."""
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    for sentence in sentences:
        text, offsets = detokenise([normalise_text(t) for t in sentence.tokens], sentence.spaces)
        for first, after, kind in token_spans(sentence.tags):
            spans.append(Span(position + offsets[first][0], position + offsets[after - 1][1], kind))
        pieces.append(text)
        position += len(text) + 2
    return Document(name, "\n\n".join(pieces) + "\n", tuple(spans), language)


# --- snapshots --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """A corpus in a public repository at a pinned commit, and how to read its splits."""

    name: str
    """Its short name (``conll2003``)."""
    language: str
    """The language code of casefile's data (``nb`` for Bokmål)."""
    repo: str
    """``owner/name`` on GitHub."""
    commit: str
    """The commit read."""
    splits: Mapping[str, str]
    """``train``/``dev``/``test`` → path in the repository."""
    read: Callable[[str], list[Sentence]]
    """The reader of one split's text."""
    title: str
    """How the accuracy page names it."""
    silver: bool = False
    """Annotated by a machine, not by hand."""


CORPORA: tuple[Corpus, ...] = (
    Corpus("conll2003", "en", "ZhixiuYe/HSCRF-pytorch", "86bb64890317b74517c5ad44b47c66635df327d8",
           {"train": "data/eng.train", "dev": "data/eng.testa", "test": "data/eng.testb"}, read_conll2003,
           "CoNLL-2003 English (test B)"),
    Corpus("norne", "nb", "ltgoslo/norne", "bd311de55b5a7fc1255aee7b088364f8271c2330",
           {"dev": "ud/nob/no_bokmaal-ud-dev.conllu", "test": "ud/nob/no_bokmaal-ud-test.conllu"},
           read_conllu_names, "NorNE Bokmål (test)"),
    Corpus("germeval2014", "de", "viniciusrpb/cloud_image_classification", "48fd5685a974f4e6fb457e178ebceb2862605545",
           {"dev": "NER-de-dev.tsv", "test": "NER-de-test.tsv"}, read_germeval, "GermEval 2014 (test)"),
    Corpus("wikineural-fr", "fr", "Babelscape/wikineural", "d2e28c770cba2b285e742529ae18ed849e336c65",
           {"dev": "data/wikineural/fr/val.conllu", "test": "data/wikineural/fr/test.conllu"}, read_wikineural,
           "WikiNEuRal French (test, machine-annotated)", silver=True),
)
"""The four corpora. The snapshots lack the training files of NorNE, GermEval and WikiNEuRal (too large
to be kept); NorNE's training sentences are read from its NDT files instead (:func:`norne_train`)."""

NDT_FOLDER = "ndt/nob"
"""NorNE's annotated Norwegian Dependency Treebank files, all of UD's splits together."""

_GERMAN_SILVER = Corpus("wikineural-de", "de", "Babelscape/wikineural", "d2e28c770cba2b285e742529ae18ed849e336c65",
                        {"dev": "data/wikineural/de/val.conllu"}, read_wikineural,
                        "WikiNEuRal German (validation, machine-annotated)", silver=True)


def corpus(name: str) -> Corpus:
    """The corpus called ``name``."""
    for item in (*CORPORA, _GERMAN_SILVER):
        if item.name == name:
            return item
    raise KeyError(name)


class SnapshotError(RuntimeError):
    """A corpus's snapshot is missing or lacks the pinned commit."""


def git_dir(mirror: Path, repo: str, commit: str) -> Path:
    """The git directory under ``mirror`` that holds ``repo`` at ``commit``."""
    base = mirror / repo.replace("/", "+")
    for candidate in (base / "repo", base / "repo" / ".git", base, base / ".git"):
        if (candidate / "HEAD").is_file() and subprocess.run(
                ["git", "--git-dir", str(candidate), "cat-file", "-e", commit + "^{commit}"],
                capture_output=True).returncode == 0:
            return candidate
    raise SnapshotError(f"{base}: no snapshot of {repo} at {commit} — fetch github:{repo} into {mirror}")


def read_path(mirror: Path, item: Corpus, path: str) -> str:
    """The text of ``path`` in ``item``'s snapshot."""
    folder = git_dir(mirror, item.repo, item.commit)
    done = subprocess.run(["git", "--git-dir", str(folder), "show", f"{item.commit}:{path}"], capture_output=True)
    if done.returncode != 0:
        raise SnapshotError(f"{folder}: cannot read {path} — {done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode("utf-8")


def read_split(mirror: Path, item: Corpus, split: str) -> list[Sentence]:
    """The sentences of one split of ``item``."""
    return item.read(read_path(mirror, item, item.splits[split]))


def norne_train(mirror: Path) -> list[Sentence]:
    """NorNE Bokmål's training sentences: those of the NDT files that are in neither UD's dev nor its test
    split (the treebank and its UD conversion share the tokens); each NDT file a document."""
    item = corpus("norne")
    held = {s.tokens for split in ("dev", "test") for s in read_split(mirror, item, split)}
    folder = git_dir(mirror, item.repo, item.commit)
    listing = subprocess.run(["git", "--git-dir", str(folder), "ls-tree", "--name-only", item.commit,
                              NDT_FOLDER + "/"], capture_output=True, text=True, check=True).stdout.split()
    out: list[Sentence] = []
    for path in sorted(p for p in listing if p.endswith(".conll")):
        first = True
        for sentence in read_conllu_names(read_path(mirror, item, path), skip=frozenset({"|"})):
            if sentence.tokens in held:
                continue
            out.append(Sentence(sentence.tokens, sentence.tags, None, first))
            first = False
    return out

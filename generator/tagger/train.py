"""Training the sequence taggers (``make models``): one CRF per language, from public annotated corpora.

``python -m generator.tagger.train [--mirror DIR] [--lang CODE] [--evaluate]`` reads the corpora
of :mod:`generator.tagger.corpora` from their snapshots (``MIRROR``, default ``../.mirror``) and
writes ``generator/lang/<code>/tagger.crfsuite``. Training is deterministic: the sentences in the
corpora's order, L-BFGS for a fixed number of iterations, no randomness; the same snapshots give
the same bytes. ``--evaluate`` scores each model on its held-out sentences (never a test split)
instead of writing it.

What each language learns from (the snapshots lack the large training files of three corpora):

* ``en``: CoNLL-2003's training split; held out: its dev split (test A).
* ``nb``: NorNE Bokmål's training sentences, read from its NDT files (those in neither UD's dev nor
  test split); held out: the dev split.
* ``de``: GermEval 2014's dev split, three sentences of four, and WikiNEuRal German's validation
  split (machine-annotated); held out: the fourth GermEval sentence.
* ``fr``: WikiNEuRal French's validation split (machine-annotated), nine sentences of ten; held out:
  the tenth.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from generator.extract.entities.features import sentence_features, tokenise
from generator.extract.entities.tagger import model_path, spans_of
from generator.tagger import corpora as corp
from generator.tagger.score import ALL, score

PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True,
          "feature.minfreq": 2}
"""L1 (``c1``) prunes the features that do not pay, which keeps a model to a few MB."""


def split_sets(mirror: Path, lang: str) -> tuple[list[corp.Sentence], list[corp.Sentence]]:
    """The training and held-out sentences of ``lang``."""
    if lang == "en":
        item = corp.corpus("conll2003")
        return corp.read_split(mirror, item, "train"), corp.read_split(mirror, item, "dev")
    if lang == "nb":
        return corp.norne_train(mirror), corp.read_split(mirror, corp.corpus("norne"), "dev")
    if lang == "de":
        gold = corp.read_split(mirror, corp.corpus("germeval2014"), "dev")
        silver = corp.read_split(mirror, corp.corpus("wikineural-de"), "dev")
        return [s for i, s in enumerate(gold) if i % 4] + silver, gold[::4]
    if lang == "fr":
        silver = corp.read_split(mirror, corp.corpus("wikineural-fr"), "dev")
        return [s for i, s in enumerate(silver) if i % 10], silver[::10]
    raise KeyError(lang)


LANGUAGES = ("en", "nb", "de", "fr")


def examples(sentences: Sequence[corp.Sentence], lang: str) -> list[tuple[list[list[str]], list[str]]]:
    """Each sentence detokenised, tokenised again as at build time, its tokens tagged from the gold spans."""
    out = []
    for sentence in sentences:
        doc = corp.document([sentence], "s", lang)
        tokens = tokenise(doc.text)
        if not tokens:
            continue
        tags = ["O"] * len(tokens)
        for span in doc.spans:
            inside = [i for i, (s, e, _) in enumerate(tokens) if s < span.end and span.start < e]
            for n, i in enumerate(inside):
                tags[i] = ("B-" if n == 0 else "I-") + span.kind
        out.append((sentence_features([t[2] for t in tokens], lang), tags))
    return out


def train(mirror: Path, lang: str, path: Path, params: dict[str, object] | None = None) -> None:
    """Train the model of ``lang`` and write it to ``path``."""
    sentences, _ = split_sets(mirror, lang)
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in examples(sentences, lang):
        trainer.append(xseq, yseq)
    trainer.set_params({**PARAMS, **(params or {})})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def evaluate(mirror: Path, lang: str, path: Path) -> dict[str, dict[str, float]]:
    """Exact and overlap F1 of the model at ``path`` on the held-out sentences of ``lang``."""
    _, held = split_sets(mirror, lang)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    pairs = []
    for sentence in held:
        doc = corp.document([sentence], "s", lang)
        tokens = tokenise(doc.text)
        tags = list(tagger.tag(sentence_features([t[2] for t in tokens], lang))) if tokens else []
        pairs.append((doc.spans, [corp.Span(s, e, k) for s, e, k in spans_of(tokens, tags)]))
    scores = score(pairs)
    return {m: {k: round(c.f1, 4) for k, c in by_kind.items()} for m, by_kind in scores.items()} | {
        "exact-pr": {"precision": round(scores["exact"][ALL].precision, 4),
                     "recall": round(scores["exact"][ALL].recall, 4)}}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path,
                        default=Path(os.environ.get("MIRROR", Path(__file__).resolve().parents[3] / ".mirror")))
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    parser.add_argument("--evaluate", action="store_true", help="score on the held-out sentences; write nothing")
    parser.add_argument("--param", action="append", default=[], help="a training parameter, NAME=VALUE")
    args = parser.parse_args(argv)
    params: dict[str, object] = {}
    for item in args.param:
        key, value = item.split("=", 1)
        params[key] = float(value) if "." in value else int(value)
    for lang in args.lang or LANGUAGES:
        path = model_path(lang)
        if args.evaluate:
            path = Path(os.environ.get("TMPDIR", "/tmp")) / f"casefile-tagger-{lang}.crfsuite"
        train(args.mirror, lang, path, params)
        if args.evaluate:
            sys.stderr.write(f"models: {lang} held out: {evaluate(args.mirror, lang, path)}\n")
        else:
            sys.stderr.write(f"models: {path} ({path.stat().st_size // 1024} KiB)\n")


if __name__ == "__main__":
    main()

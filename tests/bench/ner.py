"""The named-entity benchmark: public annotated corpora built with ``casefile build`` and scored.

Not part of ``make test``: run ``make eval-ner`` (or ``python tests/bench/ner.py``). Each corpus of
:data:`generator.tagger.corpora.CORPORA` is read from a snapshot of its public repository at a pinned
commit (``--mirror`` or ``MIRROR``: the folder holding ``owner+name/``; default ``../.mirror``) and
never committed. Its test split (``--split dev`` while tuning) becomes seeds: one document per seed,
each sentence a paragraph, the tokens detokenised, with a sidecar naming the language. The seeds are
built with ``casefile build``; the names found are the mentions of the persons, places and
organisations (and platforms, which the corpora annotate as organisations) in ``data/case.json``,
and they are scored against the gold names with :mod:`generator.tagger.score`.

The scores are added to ``tests/bench/ner.json`` under ``--label`` (a run with the same label
replaces the earlier one); ``docs_src/accuracy.md`` (written by ``devset.py``'s page, which reads
that file) shows the first run beside the latest, with reference numbers from the literature.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generator.tagger import corpora as corp  # noqa: E402
from generator.tagger.score import ALL, as_json, score  # noqa: E402

RESULTS = HERE / "ner.json"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
KIND_OF: dict[str, corp.Kind] = {"person": "PER", "place": "LOC", "organization": "ORG", "platform": "ORG"}
"""The entity types of ``case.json`` the corpora annotate; works and other names are not scored."""

REFERENCES: dict[str, str] = {
    "conll2003": "88.76 F1 over all four types (PER, LOC, ORG, MISC), the best system of the shared task "
                 "(Florian et al.), reported in Tjong Kim Sang & De Meulder 2003, *Introduction to the "
                 "CoNLL-2003 Shared Task*",
    "germeval2014": "79.08 F1 on the outer level (all its classes, OTH and the derived and partial names "
                    "included), the best system (ExB), about 0.76 on the official metric of both levels, "
                    "reported in Benikova et al. 2014, *GermEval 2014 Named Entity Recognition Shared Task: "
                    "Companion Paper*",
    "norne": "Jørgensen et al. 2020, *NorNE: Annotating Named Entities for Norwegian* (LREC), report neural "
             "taggers (a character CNN and a word BiLSTM with a CRF) on these splits; their entity set "
             "differs from ours (eight or nine types), so no number is set beside ours",
    "wikineural-fr": "machine-annotated: Tedeschi et al. 2021, *WikiNEuRal* (Findings of EMNLP), report "
                     "models trained on it and tested on hand-annotated sets, not on this split; no "
                     "reference number",
}


def write_seeds(docs: list[corp.Document], folder: Path) -> dict[str, corp.Document]:
    """The documents as seeds in ``folder``: source id → document."""
    folder.mkdir(parents=True)
    (folder / "case.yml").write_text('title: "Named-entity benchmark"\n', encoding="utf-8")
    by_id: dict[str, corp.Document] = {}
    for n, doc in enumerate(docs):
        stem = f"{n:05d}_{doc.name}"
        (folder / f"{stem}.txt").write_text(doc.text, encoding="utf-8")
        (folder / f"{stem}.yml").write_text(f"language: {doc.language}\n", encoding="utf-8")
        by_id[f"{n:05d}-{doc.name}"] = doc
    return by_id


def found_spans(case: dict[str, Any], by_id: dict[str, corp.Document]) -> dict[str, list[corp.Span]]:
    """The names ``case.json`` found, by source id, as spans of the corpus's types."""
    texts = {s["id"]: s["text"] for s in case["sources"]}
    found: dict[str, list[corp.Span]] = {sid: [] for sid in by_id}
    for entity in case["entities"]:
        kind = KIND_OF.get(entity["type"])
        if kind is None:
            continue
        for mention in entity["mentions"]:
            if mention["source"] in found:
                found[mention["source"]].append(corp.Span(mention["start"], mention["end"], kind))
    for sid, doc in by_id.items():
        if texts.get(sid) != doc.text.rstrip("\n") and texts.get(sid) != doc.text:
            raise SystemExit(f"{sid}: the built text differs from the seed's; offsets cannot be compared")
    return found


def run_corpus(mirror: Path, item: corp.Corpus, split: str, work: Path, sample: int | None,
               jobs: int | None) -> dict[str, Any]:
    """Build one corpus split and score it."""
    docs = corp.documents(corp.read_split(mirror, item, split), f"{item.name}-{split}", item.language)
    if sample:
        step = max(1, len(docs) // sample)
        docs = docs[::step][:sample]
    seeds, out = work / item.name / "seeds", work / item.name / "docs"
    by_id = write_seeds(docs, seeds)
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out), "--no-cache"]
    if jobs:
        command += ["--jobs", str(jobs)]
    done = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    case = json.loads((out / "data" / "case.json").read_text(encoding="utf-8"))
    found = found_spans(case, by_id)
    scores = as_json(score((doc.spans, found[sid]) for sid, doc in by_id.items()))
    return {"split": split, "documents": len(docs), "scores": scores}


def _cell(counts: dict[str, Any]) -> str:
    return f"{counts['precision']:.2f} / {counts['recall']:.2f} / **{counts['f1']:.2f}**"


def section(runs: list[dict[str, Any]]) -> list[str]:
    """The accuracy page's section on named entities: the first run and the latest, corpus by corpus."""
    if not runs:
        return []
    first, last = runs[0], runs[-1]
    lines = ["", "## Named entities on public annotated corpora", "",
             "Measured by `make eval-ner` (`tests/bench/ner.py`): the test split of each corpus, turned into",
             "seeds (one document a seed, a sentence a paragraph, the tokens detokenised), built with",
             "`casefile build`, and the mentions of persons, places and organisations in `case.json` scored",
             "against the gold names: precision / recall / **F1**, on *exact* spans (same start, end and",
             "type) and on *overlapping* spans (a shared character and the same type). Platforms count as",
             "organisations; works and other names are not scored. Only PER, LOC and ORG are scored: MISC",
             "(CoNLL-2003, WikiNEuRal), OTH and the derived and partial names (GermEval 2014: only the outer",
             "level is read), PROD, EVT and DRV (NorNE) are left out, and NorNE's geo-political entities are",
             "places in either sense (a case file has one entity for a country). WikiNEuRal is",
             "machine-annotated (silver standard), so its numbers measure agreement with another program.",
             "The reference numbers are not measured the same way (other type sets, token-level input); they",
             "show what the field reached, not a like-for-like comparison.", "",
             f"Baseline: {first['label']} (`{first['commit']}`). Latest: {last['label']} (`{last['commit']}`).", ""]
    header = ["corpus", "run", "spans", "PER", "LOC", "ORG", "all three"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    titles = {c.name: c.title for c in corp.CORPORA}
    for name in [c.name for c in corp.CORPORA if c.name in last["corpora"]]:
        for run in ([first, last] if first is not last else [last]):
            result = run["corpora"].get(name)
            if result is None:
                continue
            for matching in ("exact", "overlap"):
                s = result["scores"][matching]
                cells = [titles[name], run["label"], matching, *(_cell(s[k]) for k in (*corp.KINDS, ALL))]
                lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Reference numbers on the same test sets:", ""]
    lines += [f"- **{titles[name]}**: {text}." for name, text in REFERENCES.items()]
    return lines


def load_runs() -> list[dict[str, Any]]:
    """The runs recorded in ``ner.json``, oldest first."""
    return json.loads(RESULTS.read_text(encoding="utf-8"))["runs"] if RESULTS.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path(os.environ.get("MIRROR", ROOT.parent / ".mirror")))
    parser.add_argument("--label", default="latest", help="name of this run in ner.json (default: latest)")
    parser.add_argument("--corpus", action="append", choices=[c.name for c in corp.CORPORA],
                        help="only this corpus (repeatable; default: all four)")
    parser.add_argument("--split", default="test", choices=("dev", "test"),
                        help="the split to build (dev while tuning; only test runs are recorded)")
    parser.add_argument("--sample", type=int, help="only this many documents, evenly spread (not recorded)")
    parser.add_argument("--jobs", type=int, help="processes for casefile build")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="casefile-ner-") as temporary:
        work = args.keep or Path(temporary)
        for item in corp.CORPORA:
            if args.corpus and item.name not in args.corpus:
                continue
            results[item.name] = run_corpus(args.mirror, item, args.split, work, args.sample, args.jobs)
            s = results[item.name]["scores"]
            print(f"ner: {item.name} {args.split}: exact F1 {s['exact'][ALL]['f1']:.3f} "
                  + " ".join(f"{k} {s['exact'][k]['f1']:.3f}" for k in corp.KINDS)
                  + f"; PER overlap F1 {s['overlap']['PER']['f1']:.3f}", file=sys.stderr)
    if args.sample or args.split != "test":
        print(json.dumps(results, indent=1), file=sys.stdout)
        return
    same = next((run for run in load_runs() if run["label"] == args.label), None)
    runs = [run for run in load_runs() if run["label"] != args.label]
    corpora = {**(same["corpora"] if same and args.corpus else {}), **results}  # --corpus adds to the run
    runs.append({"label": args.label, "commit": commit, "corpora": corpora})
    RESULTS.write_text(json.dumps({"runs": runs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    import devset  # the accuracy page is one page, written by devset.py with this section in it

    devset.PAGE.write_text(devset.page(devset.load_runs()), encoding="utf-8")
    print(f"ner: {len(results)} corpora scored; {devset.PAGE.relative_to(ROOT)} written", file=sys.stderr)


if __name__ == "__main__":
    main()

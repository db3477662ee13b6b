"""The accuracy benchmark: the development set's stories built and scored with ``casefile eval``.

Not part of ``make test``: run ``make eval`` (or ``python tests/bench/devset.py``). The stories'
texts are rebuilt from their public repositories by ``../shared/devset/rebuild.py`` (they are
never committed): give the folder holding the repositories' snapshots with ``--mirror`` or
``MIRROR`` (``fhamborg+Giveme5W1H/`` and ``ZurichNLP+20min-XD/``; default ``../.mirror``).

Each story is built with ``casefile build`` and scored against ``../shared/devset/gold.json``.
The scores are added to ``tests/bench/accuracy.json`` under ``--label`` (a run with the same
label replaces the earlier one), and ``docs_src/accuracy.md`` shows the first run (the baseline)
beside the latest, story by story, then what the latest run missed and where it fell into a trap,
then who said each quote (``quotes_devset.py``'s runs, from ``tests/bench/quotes.json``).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes_devset  # (the page's section on quotes; both scripts write the one page)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "devset"
RESULTS = HERE / "accuracy.json"
PAGE = ROOT / "docs_src" / "accuracy.md"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}

COLUMNS = (("persons recall", ("persons", "recall")), ("persons precision", ("persons", "precision")),
           ("places recall", ("places", "recall")), ("organisations recall", ("organizations", "recall")),
           ("disagreements found", ("disagreements", "recall")),
           ("core disagreements found", ("disagreements", "core_recall")),
           ("core found with the possible ones", ("disagreements", "core_recall_with_possible")))


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return done


def score_all(mirror: Path, work: Path, gold: Path) -> dict[str, Any]:
    """Rebuild the texts, build each story and score it: story name → score record."""
    texts = work / "texts"
    _run([sys.executable, str(SHARED / "rebuild.py"), "--mirror", str(mirror), str(texts)], ROOT)
    scores = {}
    for story in sorted(json.loads(gold.read_text(encoding="utf-8"))):
        docs = work / story
        _run([sys.executable, "-m", "generator", "build", "--seeds", str(texts / story / "seeds"),
              "--out", str(docs), "--no-cache"], ROOT)
        report = _run([sys.executable, "-m", "generator", "eval", str(gold), "--case", story,
                       "--case-json", str(docs / "data" / "case.json"), "--json"], ROOT)
        scores[story] = json.loads(report.stdout)
        print(f"devset: {story} scored", file=sys.stderr)
    return scores


def _value(score: dict[str, Any], path: tuple[str, str]) -> str:
    value = score.get(path[0], {}).get(path[1])
    return "—" if value is None else f"{value:.2f}"


def _findings(score: dict[str, Any]) -> tuple[int, int, int, int]:
    """Confident findings that hold a gold disagreement, that fall into a trap, all of them, and the
    possible ones (a run from before confidences: every finding was confident)."""
    traps = set(score["traps"].get("ids", ())) or set(score["traps"]["hit"])
    confident = set(score.get("confident", score["findings"]))
    ids = [g for fid, g in score["findings"].items() if fid in confident]
    return (sum(1 for g in ids if any(i not in traps for i in g)), sum(1 for g in ids if any(i in traps for i in g)),
            len(ids), len(score["findings"]) - len(ids))


def _totals(scores: dict[str, Any], gold: dict[str, Any]) -> str:
    """One run's disagreements found, core ones found and traps hit, over every story it scored."""
    found = core_found = total = core = hit = traps = 0
    for story, score in scores.items():
        confident = set(score.get("confident", score["findings"]))
        held = {g for fid, ids in score["findings"].items() if fid in confident for g in ids}
        items = gold.get(story, {}).get("discrepancies", [])
        total += len(items)
        core += sum(1 for d in items if d.get("core"))
        found += sum(1 for d in items if d["id"] in held)
        core_found += sum(1 for d in items if d.get("core") and d["id"] in held)
        hit += len(score["traps"]["hit"])
        traps += score["traps"]["total"]
    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({part / whole:.2f})" if whole else "—"

    return (f"disagreements found {share(found, total)}; core disagreements found {share(core_found, core)}; "
            f"traps hit {hit} of {traps}")


def page(runs: list[dict[str, Any]], gold: dict[str, Any] | None = None) -> str:
    """The accuracy page: the first run and the latest, story by story (and over every story, with
    the ``gold`` annotations)."""
    first, last = runs[0], runs[-1]
    if gold is None and (SHARED / "gold.json").is_file():  # the other benchmarks write this page too
        gold = json.loads((SHARED / "gold.json").read_text(encoding="utf-8"))
    lines = ["# Accuracy", "",
             "Measured by `make eval` (`tests/bench/devset.py`): the six stories of the development set",
             "(`../shared/devset/`: real news in English, German and French, annotated by hand), each",
             "built with `casefile build` and scored with `casefile eval`. A finding *holds* a gold",
             "disagreement when its claims overlap two of its sides; it *falls into a trap* when it",
             "holds a pair the gold marks as no disagreement. The scores count the *confident*",
             "findings, those the report leads with (before confidences existed, every finding was",
             "one); the *possible* ones are listed for checking on the review page. Other stories are",
             "kept apart to check the result, so these numbers are for measuring, not for tuning.", "",
             f"Baseline: {first['label']} (`{first['commit']}`). Latest: {last['label']} (`{last['commit']}`).", ""]
    header = ["story", "run", *(name for name, _ in COLUMNS), "traps hit", "confident findings",
              "holding gold", "in a trap", "possible findings"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for story in sorted(last["scores"]):
        for run in ([first, last] if first is not last else [last]):
            score = run["scores"].get(story)
            if score is None:
                continue
            real, trapped, total, possible = _findings(score)
            cells = [story, run["label"], *(_value(score, path) for _, path in COLUMNS),
                     f"{len(score['traps']['hit'])} of {score['traps']['total']}", str(total), str(real), str(trapped),
                     str(possible)]
            lines.append("| " + " | ".join(cells) + " |")
    if gold:
        lines += ["", "Across the six stories (confident findings):", ""]
        lines += [f"- {run['label']}: {_totals(run['scores'], gold)}" for run in ([first, last] if first is not last
                                                                                  else [last])]
    lines += ["", "## What the latest run missed", ""]
    for story, score in sorted(last["scores"].items()):
        missed = ", ".join(score["disagreements"]["missed"]) or "nothing"
        hit = ", ".join(sorted(score["traps"]["hit"])) or "none"
        lines.append(f"- **{story}**: missed {missed}; traps hit {hit}.")
    lines += quotes_devset.section(quotes_devset.load_runs())
    import ner  # (the section on named entities: ner.py's runs, from tests/bench/ner.json)

    lines += ner.section(ner.load_runs())
    return "\n".join(lines) + "\n"


def load_runs() -> list[dict[str, Any]]:
    """The runs recorded in ``accuracy.json``, oldest first."""
    return json.loads(RESULTS.read_text(encoding="utf-8"))["runs"] if RESULTS.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path(os.environ.get("MIRROR", ROOT.parent / ".mirror")))
    parser.add_argument("--gold", type=Path, default=SHARED / "gold.json")
    parser.add_argument("--label", default="latest", help="name of this run in accuracy.json (default: latest)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    with tempfile.TemporaryDirectory(prefix="casefile-devset-") as folder:
        scores = score_all(args.mirror, Path(folder), args.gold)
    runs = [run for run in load_runs() if run["label"] != args.label] + [{"label": args.label, "commit": commit,
                                                                   "scores": scores}]
    RESULTS.write_text(json.dumps({"runs": runs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    PAGE.write_text(page(runs, json.loads(args.gold.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"devset: {len(scores)} stories scored; {PAGE.relative_to(ROOT)} written", file=sys.stderr)


if __name__ == "__main__":
    main()

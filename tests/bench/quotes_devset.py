"""The quote benchmark: who said each quote of the development set, against a reading by hand.

Not part of ``make test``: run ``make eval-quotes`` (or ``python tests/bench/quotes_devset.py``).
``quote_speakers.json`` beside this file holds, for every quote of the six development stories
(``../shared/devset/``), where it lies in its rebuilt seed (character offsets of its inner text,
one record per paragraph of a quote that runs over several) and who said it: a named person, an
organisation, an unnamed source, or nobody (a term or a cross-head in quote marks). It keeps no
article text. Each story is built with ``casefile build`` from the rebuilt texts (``--texts``, or
rebuilt from the repositories' snapshots like ``devset.py`` does), and its quotes in
``data/case.json`` are set against the reading:

- *quotes*: the quotes read by hand; *found*: those an extracted quote overlaps;
- *with a speaker*: extracted quotes that name a speaker;
- *right*: quotes by a named person whose extracted quote names that person (the speaker
  entity's name is the person's name, one of its other forms in the reading or the gold file, or
  a part of it: "Alice" for "Alice de Chambrier"), of all quotes by a named person, found or not;
- *wrong*: extracted quotes that name a speaker the reading does not (another person, or a
  person for words an organisation, an unnamed source or nobody said).

The scores go to ``tests/bench/quotes.json`` under ``--label`` (a run with the same label
replaces the earlier one), and ``docs_src/accuracy.md`` shows the first run beside the latest
(written by ``devset.py``'s page, which reads that file).
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
SHARED = ROOT.parent / "shared" / "devset"
READING = HERE / "quote_speakers.json"
RESULTS = HERE / "quotes.json"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}

GROUPS = (("German and French", ("bayesian", "izquierdo", "onemdb")), ("English", ("boko", "mazar", "wellboy")))
"""The stories summed in the page's last rows: the German/French pairs and the English stories."""


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _names(speaker: str, aliases: dict[str, list[str]], gold_persons: list[dict[str, Any]]) -> set[str]:
    """Every form of a speaker's name: the reading's and the gold file's."""
    forms = {speaker, *aliases.get(speaker, ())}
    for person in gold_persons:
        if _fold(person["name"]) in {_fold(f) for f in forms}:
            forms |= {person["name"], *person.get("aliases", ())}
    return {_fold(f) for f in forms}


def _is_named(entity_name: str, forms: set[str]) -> bool:
    """Whether an entity's name is one of a person's names, or a part of one ("Alice")."""
    name = _fold(entity_name)
    return name in forms or any(set(name.split()) <= set(form.split()) for form in forms)


def score_story(case: dict[str, Any], reading: list[dict[str, Any]], aliases: dict[str, list[str]],
                gold_persons: list[dict[str, Any]]) -> dict[str, Any]:
    """One story's quotes against the reading (records of this story only)."""
    names = {e["id"]: e["name"] for e in case["entities"]}
    extracted = [(q["source"][:3], q["start"], q["end"], q.get("speaker"), q["id"]) for q in case["quotes"]]

    def overlapping(record: dict[str, Any]) -> list[tuple[str, int, int, str | None, str]]:
        return [q for q in extracted if q[0] == record["source"] and q[1] < record["end"] and record["start"] < q[2]]

    found = right = named = 0
    missed: list[str] = []
    wrong: list[str] = []
    for record in reading:
        quotes = overlapping(record)
        found += bool(quotes)
        forms = _names(record["speaker"], aliases, gold_persons) if record["speaker"] else set()
        if record["by"] == "person":
            named += 1
            if any(q[3] and _is_named(names.get(q[3], q[3]), forms) for q in quotes):
                right += 1
            else:
                missed.append(f"{record['source']}@{record['start']}")
        for q in quotes:
            if q[3] is None:
                continue
            if not (record["by"] in ("person", "heading") and forms and _is_named(names.get(q[3], q[3]), forms)):
                wrong.append(f"{q[4]} ({names.get(q[3], q[3])})")
    in_reading = {q[4] for record in reading for q in overlapping(record)}
    return {"quotes": len(reading), "found": found, "extracted": len(extracted),
            "with_speaker": sum(1 for q in extracted if q[3]), "named": named, "right": right,
            "wrong": sorted(set(wrong)), "missed": missed,
            "not_in_reading": sorted(q[4] for q in extracted if q[4] not in in_reading)}


def _build(seeds: Path, out: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out),
                           "--no-cache"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"casefile build --seeds {seeds} failed:\n{done.stderr[-3000:]}")
    return json.loads((out / "data" / "case.json").read_text(encoding="utf-8"))


def score_all(texts: Path, work: Path, gold: Path) -> dict[str, Any]:
    """Build each story from ``texts/<story>/seeds`` and score its quotes: story name → scores."""
    reading = json.loads(READING.read_text(encoding="utf-8"))
    persons = {story: record.get("persons", []) for story, record in
               json.loads(gold.read_text(encoding="utf-8")).items()}
    scores = {}
    for story in sorted(persons):
        case = _build(texts / story / "seeds", work / story)
        records = [r for r in reading["quotes"] if r["case"] == story]
        scores[story] = score_story(case, records, reading["aliases"], persons[story])
        print(f"quotes: {story} scored", file=sys.stderr)
    return scores


def _sum(scores: dict[str, Any], stories: tuple[str, ...]) -> dict[str, Any]:
    keys = ("quotes", "found", "extracted", "with_speaker", "named", "right")
    total: dict[str, Any] = {k: sum(scores[s][k] for s in stories if s in scores) for k in keys}
    total["wrong"] = [w for s in stories if s in scores for w in scores[s]["wrong"]]
    return total


def _row(story: str, label: str, score: dict[str, Any]) -> str:
    share = f"{score['right'] / score['named']:.2f}" if score["named"] else "—"
    cells = [story, label, str(score["quotes"]), str(score["found"]), str(score["extracted"]),
             str(score["with_speaker"]), f"{score['right']} of {score['named']}", share, str(len(score["wrong"]))]
    return "| " + " | ".join(cells) + " |"


def section(runs: list[dict[str, Any]]) -> list[str]:
    """The accuracy page's section on quotes: the first run and the latest, story by story."""
    if not runs:
        return []
    first, last = runs[0], runs[-1]
    pair = [first, last] if first is not last else [last]
    lines = ["", "## Who said each quote", "",
             "Measured by `make eval-quotes` (`tests/bench/quotes_devset.py`): every quote of the six stories",
             "read by hand (`tests/bench/quote_speakers.json`: where each lies and who said it, no article",
             "text), against the quotes of the built case. *Found*: quotes read that an extracted quote",
             "overlaps; *right*: quotes by a named person attributed to that person, of all quotes by a",
             "named person (found or not); *wrong*: extracted quotes given a speaker the reading does not",
             "give (another person, or a person for words an organisation, an unnamed source or nobody said).",
             "", f"Baseline: {first['label']} (`{first['commit']}`). Latest: {last['label']} (`{last['commit']}`).", ""]
    header = ["story", "run", "quotes read", "found", "extracted", "with a speaker", "right", "share right",
              "wrong"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for story in sorted(last["scores"]):
        lines += [_row(story, run["label"], run["scores"][story]) for run in pair if story in run["scores"]]
    for name, stories in GROUPS:
        lines += [_row(f"**{name}**", run["label"], _sum(run["scores"], stories)) for run in pair]
    lines += ["", "What the latest run attributed wrongly, and the quotes by a named person it left without",
              "their speaker (source and offset):", ""]
    for story, score in sorted(last["scores"].items()):
        wrong = ", ".join(score["wrong"]) or "none"
        missed = ", ".join(score["missed"]) or "none"
        lines.append(f"- **{story}**: wrong {wrong}; without their speaker {missed}.")
    return lines


def load_runs() -> list[dict[str, Any]]:
    """The runs recorded in ``quotes.json``, oldest first."""
    return json.loads(RESULTS.read_text(encoding="utf-8"))["runs"] if RESULTS.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, help="the rebuilt stories (<texts>/<story>/seeds); default: rebuild "
                                                    "them from --mirror")
    parser.add_argument("--mirror", type=Path, default=Path(os.environ.get("MIRROR", ROOT.parent / ".mirror")))
    parser.add_argument("--gold", type=Path, default=SHARED / "gold.json")
    parser.add_argument("--label", default="latest", help="name of this run in quotes.json (default: latest)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    with tempfile.TemporaryDirectory(prefix="casefile-quotes-") as folder:
        texts = args.texts
        if texts is None:
            texts = Path(folder) / "texts"
            rebuild = args.gold.parent / "rebuild.py"
            subprocess.run([sys.executable, str(rebuild), "--mirror", str(args.mirror), str(texts)], cwd=ROOT,
                           check=True, capture_output=True)
        scores = score_all(texts, Path(folder), args.gold)
    runs = [run for run in load_runs() if run["label"] != args.label] + [{"label": args.label, "commit": commit,
                                                                          "scores": scores}]
    RESULTS.write_text(json.dumps({"runs": runs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.path.insert(0, str(HERE))
    import devset  # the accuracy page is one page, written by devset.py with this section in it

    devset.PAGE.write_text(devset.page(devset.load_runs()), encoding="utf-8")
    for name, stories in GROUPS:
        total = _sum(scores, stories)
        print(f"quotes: {name}: {total['right']} of {total['named']} right, {len(total['wrong'])} wrong",
              file=sys.stderr)


if __name__ == "__main__":
    main()

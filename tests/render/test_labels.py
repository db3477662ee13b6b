"""One label per source: findings, passage links, tables, the dossier and the CSV cite a source alike."""

from __future__ import annotations

import csv
import json
import re

from conftest import ROOT

from generator.model.finding import label_sources, short_id, source_labels


def test_a_source_is_labelled_by_its_outlet_and_by_its_number_beside_a_shared_one() -> None:
    labels = label_sources({"000-a": "BBC", "001-b": None, "002-c": "  The  Guardian ", "003-d": "BBC"})
    assert labels == {"000-a": "BBC 000", "001-b": "001", "002-c": "The Guardian", "003-d": "BBC 003"}


def test_summaries_cite_sources_by_label_while_a_case_is_built() -> None:
    assert short_id("002-c") == "002"
    with source_labels({"002-c": "VG"}):
        assert short_id("002-c") == "VG" and short_id("005-x") == "005"
    assert short_id("002-c") == "002"


def test_the_seeds_case_cites_each_source_by_one_label() -> None:
    docs = ROOT / "docs_src"
    with (docs / "data" / "sources.csv").open(encoding="utf-8", newline="") as table:
        labels = {row["id"]: row["label"] for row in csv.DictReader(table)}
    assert sorted(labels.values()) == ["000", "In Touch Weekly", "VG"]
    case = json.loads((docs / "data" / "case.json").read_text(encoding="utf-8"))
    numbers = {sid.split("-")[0] for sid, label in labels.items() if label != sid.split("-")[0]}
    for finding in case["discrepancies"]:  # no summary cites a labelled source by its number
        assert not any(re.search(rf"(?<![\w.]){n}(?![\w])", finding["summary"]) for n in numbers), finding["summary"]
    pages = [p.read_text(encoding="utf-8") for p in (docs / "discrepancies").glob("*.md")]
    pages.append((docs / "dossier.html").read_text(encoding="utf-8"))
    cited = {m.group(1) for page in pages for m in re.finditer(r">([^<>]+) ¶\d+</a>", page)}
    assert cited and cited <= set(labels.values()), cited - set(labels.values())

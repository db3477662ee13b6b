"""``casefile eval``: a small gold file for the storm test story, scored against its build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.evaluate import GoldError, evaluate, holds, load_gold, pick_case

HERE = Path(__file__).resolve().parent
GOLD = HERE / "storm_gold.json"
STORY = HERE.parent / "stories" / "storm" / "seeds"


@pytest.fixture(scope="module")
def case_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("storm") / "docs"
    assert main(["build", "--seeds", str(STORY), "--out", str(out), "--no-cache", "--jobs", "1"]) == 0
    return out / "data" / "case.json"


def test_the_storm_story_scores_as_read(case_json: Path) -> None:
    case = json.loads(case_json.read_text(encoding="utf-8"))
    gold = load_gold(GOLD)
    score = evaluate(case, gold[pick_case(gold, case, None, GOLD)], "storm")
    assert score.persons.found == ("Kari Vik", "Per Håland", "Jonas Eide", "Odd Rasmussen")
    assert score.persons.missed == ("Ingrid Solheim",)
    assert score.persons.recall == 0.8 and score.persons.precision == 1.0
    found = {f.item.id: f.findings for f in score.disagreements}
    assert found["D1"] and found["D2"] and found["C1"]  # injured, the age, a name only 002 gives
    assert not found["D3"]  # "Over to hundre trær" is read as no count of trees
    assert score.recall(confident_only=False) == 0.75 and score.recall(core_only=True, confident_only=False) == 1.0
    # confident: the age (one named person); the injured counts are in three languages, whose words
    # around the figures cannot be matched, and Statens vegvesen is an organisation: both to check
    assert score.recall() == 0.25 and score.recall(core_only=True) == 0.5
    assert score.traps_hit() == 0 and score.traps_hit(confident_only=False) == 0
    # every finding is matched to the gold it holds: the age finding holds D2 and nothing else
    age = next(f for f in case["discrepancies"] if f["kind"] == "attribute")
    assert score.findings[age["id"]] == ("D2",)


def test_a_finding_holds_an_item_by_overlapping_two_of_its_sides(case_json: Path) -> None:
    case = json.loads(case_json.read_text(encoding="utf-8"))
    gold = load_gold(GOLD)
    score = evaluate(case, gold["storm"], "storm")
    trap = next(f.item for f in score.traps if f.item.id == "T1")
    age = next(f for f in case["discrepancies"] if f["kind"] == "attribute")
    assert not holds(age, trap)  # it overlaps "Per Håland (72)" but not "A 68-year-old man"
    one_sided = next(f.item for f in score.disagreements if f.item.id == "C1")
    assert not holds({**age, "kind": "figure"}, one_sided)


def test_eval_prints_the_score_and_names_bad_input(case_json: Path, capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    assert main(["eval", str(GOLD), "--case-json", str(case_json)]) == 0
    out = capsys.readouterr().out
    assert "| persons recall | 0.80 (4 of 5) |" in out and "| traps hit (confident findings) | 0 of 2 |" in out
    assert "- D3 figure: trees: 300 to 400 vs over two hundred" in out
    assert main(["eval", str(GOLD), "--case-json", str(case_json), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["disagreements"]["missed"] == ["D3"] and record["traps"]["hit"] == {}
    assert main(["eval", str(GOLD), "--case-json", str(case_json), "--case", "flood"]) == 2
    assert capsys.readouterr().err.strip().endswith("no case 'flood' — the cases are storm")
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps({"storm": {"title": "x", "discrepancies": [
        {"id": "D9", "kind": "figure", "sides": [["000", "not in the text"], ["002", "Over to hundre trær"]]}]}}))
    with pytest.raises(GoldError, match="gold D9: 'not in the text' is not in source 000-bergen-post"):
        evaluate(json.loads(case_json.read_text(encoding="utf-8")), load_gold(bad)["storm"], "storm")

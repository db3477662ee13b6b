"""The scorer: exact and overlapping spans, per type and all three together."""

from __future__ import annotations

import pytest

from generator.tagger.corpora import Span
from generator.tagger.score import ALL, as_json, score


def test_exact_and_overlap_counts() -> None:
    gold = [Span(0, 10, "PER"), Span(20, 25, "LOC"), Span(30, 40, "ORG")]
    found = [Span(0, 10, "PER"), Span(0, 10, "PER"),  # repeated: counts once
             Span(20, 28, "LOC"),  # overlaps the gold place
             Span(30, 40, "PER"),  # right span, wrong type
             Span(50, 55, "ORG")]  # no gold name
    result = score([(gold, found)])
    exact, overlap = result["exact"], result["overlap"]
    assert (exact["PER"].found, exact["PER"].gold, exact["PER"].right) == (2, 1, 1)
    assert exact["PER"].precision == 0.5 and exact["PER"].recall == 1.0
    assert exact["LOC"].right == 0 and overlap["LOC"].right == 1 and overlap["LOC"].recalled == 1
    assert exact["ORG"].recall == 0.0 and exact["ORG"].precision == 0.0 and exact["ORG"].f1 == 0.0
    assert (exact[ALL].found, exact[ALL].gold, exact[ALL].right) == (4, 3, 1)
    assert overlap[ALL].f1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))


def test_overlap_recall_counts_each_gold_name_once() -> None:
    gold = [Span(0, 20, "ORG")]
    found = [Span(0, 5, "ORG"), Span(10, 20, "ORG")]
    overlap = score([(gold, found)])["overlap"]["ORG"]
    assert (overlap.right, overlap.recalled, overlap.precision, overlap.recall) == (2, 1, 1.0, 1.0)


def test_documents_add_up_and_json_rounds() -> None:
    one = ([Span(0, 3, "PER")], [Span(0, 3, "PER")])
    two = ([Span(0, 3, "PER")], [])
    data = as_json(score([one, two]))
    assert data["exact"]["PER"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "found": 1, "gold": 2,
                                    "right": 1, "recalled": 1}
    assert data["exact"]["LOC"]["f1"] == 0.0

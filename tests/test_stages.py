"""The stages are declared once, and the methodology page lists the same ones."""

from __future__ import annotations

import re
from pathlib import Path

from generator.pipeline import generate
from generator.pipeline.stages import CASE_STAGES, SOURCE_STAGES, STAGES

ROOT = Path(__file__).resolve().parent.parent


def test_the_methodology_lists_every_stage_in_order_with_what_it_does() -> None:
    page = (ROOT / "docs_src" / "methodology.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", page.split("## Stages", 1)[1].split("\n## ", 1)[0], re.M)
    assert rows == [(stage.name, stage.doc) for stage in STAGES]


def test_every_value_a_stage_needs_is_made_before_it() -> None:
    given = {"seed", "seeds_dir"}
    for stage in SOURCE_STAGES:
        assert set(stage.needs) <= given, stage.name
        given |= set(stage.makes)
    given = {"info", "jobs", "sources", "mentions", "source_dates"}  # what the source phase hands on
    for stage in CASE_STAGES:
        assert set(stage.needs) <= given, stage.name
        given |= set(stage.makes)


def test_every_stage_is_timed(seeds) -> None:
    folder = seeds({"a.txt": "Anna Berg said on Monday that 12 people were hurt.",
                    "b.txt": "Anna Berg said on Monday that 14 people were hurt."})
    timings = dict(generate(folder).timings)
    assert [name for name in timings if name not in ("analyse", "case")] == [stage.name for stage in STAGES]
    assert all(seconds >= 0 for seconds in timings.values())


def test_the_methodology_lists_every_confidence_rule_in_order() -> None:
    from generator.compare.confidence import CONFIDENCE_RULES

    kinds = {"figure": "figures", "attribute": "attributes", "quote": "quotes", "paraphrase": "paraphrase",
             "date": "dates", "contradiction": "contradictions", "actor": "actors", "coverage": "coverage"}
    page = (ROOT / "docs_src" / "methodology.md").read_text(encoding="utf-8")
    table = page.split("### How sure a finding is", 1)[1].split("\n\n", 6)
    rows = re.findall(r"^\| ([a-z]+) \| `([a-z-]+)` \| (confident|to check) \|", "\n".join(table), re.M)
    expected = [(kinds[kind], rule.name, "confident" if rule.confidence == "high" else "to check")
                for kind, rules in CONFIDENCE_RULES.items() for rule in rules]
    assert rows == expected

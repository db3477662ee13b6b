"""The speed benchmark's corpora: deterministic, distinct, and every claim points at its text.

Nothing here is timed; ``python tests/bench/claims_speed.py`` prints the words per second.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bench"))

import claims_speed


def test_realistic_corpus_is_deterministic_and_distinct() -> None:
    first = claims_speed.realistic_corpus(count=12, seed=7)
    second = claims_speed.realistic_corpus(count=12, seed=7)
    assert [s.text for s in first.sources] == [s.text for s in second.sources]
    assert len({s.text for s in first.sources}) == 12
    assert {s.language for s in first.sources} >= {"en", "nb"}
    for ref in first.persons:
        source = next(s for s in first.sources if s.id == ref.source)
        assert ref.name.split()[-1] in source.text or source.text[ref.start:ref.end]


def test_benchmark_runs_on_both_corpora() -> None:
    for bench in (claims_speed.copies_corpus(copies=2), claims_speed.realistic_corpus(count=12, seed=7)):
        _, _, counts = claims_speed.run(bench)
        assert counts["quotes"] and counts["figures"] and counts["dates"]


def test_performance_page_reports_every_target_with_a_verdict() -> None:
    import bench

    small = {"sources": 100, "extraction_words_per_second_per_core": 250_000, "generator_seconds_serial": 2.0,
             "generator_seconds": 1.5, "seeds_to_site_seconds": 9.0, "mkdocs_pages_per_second": 120.0,
             "generator_peak_mib": 300}
    large = {**small, "sources": 1000, "extraction_words_per_second_per_core": 150_000,
             "generator_seconds_serial": 30.0, "generator_seconds": 20.0, "seeds_to_site_seconds": 40.0}
    verdicts = {target: met for target, _, met in bench.targets([small, large])}
    assert len(verdicts) == 7
    assert verdicts["Extraction and comparison ≥ 200,000 words/s per core"] == "**no**"  # the slower size counts
    assert verdicts["Generator at 1,000 sources ≤ 11 × at 100"] == "**no**"  # 15 ×
    assert verdicts["MkDocs ≥ 100 pages/s"] == "yes"
    assert verdicts["Peak memory < 1 GB at 5,000 sources"] == "not measured"
    assert verdicts["One seed changed in 1,000: rebuilt within 1 s, identical to a clean build"] == "not measured"
    timed = {**large, "incremental_seconds": 0.8, "incremental_identical_to_clean": True}
    verdicts = {target: met for target, _, met in bench.targets([small, timed])}
    assert verdicts["One seed changed in 1,000: rebuilt within 1 s, identical to a clean build"] == "yes"
    page = bench.performance_page([small, large], {"system": "Linux", "machine": "x86_64", "cores": 2,
                                                   "python": "3.11.7"})
    assert "## Targets" in page and "| 100 sources | 1000 sources |" in page

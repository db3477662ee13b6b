"""The speed benchmark's corpora: deterministic, distinct, and every claim points at its text.

Nothing here is timed; ``python tests/bench/claims_speed.py`` prints the words per second.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bench"))

import claims_speed  # noqa: E402


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

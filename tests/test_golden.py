"""Golden test: a small two-language fixture story, built and compared file by file.

Run ``pytest tests/test_golden.py --update-goldens`` to rewrite the expected tree after
an intended change, then review the diff like any other change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import generate

HERE = Path(__file__).resolve().parent / "golden" / "fixture"


def test_fixture_story_matches_expected_tree(update_goldens):
    files = generate(HERE / "seeds").files
    expected_dir = HERE / "expected"
    if update_goldens:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in files.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_bytes(data)
    expected = {p.relative_to(expected_dir).as_posix(): p.read_bytes()
                for p in sorted(expected_dir.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(expected), "the set of generated files changed"
    for rel in sorted(files):
        assert files[rel].decode() == expected[rel].decode(), f"{rel} differs from tests/golden/fixture/expected"


def test_fixture_is_in_two_languages():
    files = generate(HERE / "seeds").files
    assert 'lang="en"' in files["sources/harbour-en.md"].decode()
    assert 'lang="fr"' in files["sources/incendie-fr.md"].decode()

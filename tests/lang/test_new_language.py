"""Adding a language is adding a folder: a small Swedish story builds with a copy of the generator
whose only change is ``generator/lang/sv/`` (the folder in ``tests/lang/sv``), and the stages read
it: the language is detected, names, quotes, figures and dates are found in Swedish."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.lang import supported_languages

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "generator"


def _differences(a: Path, b: Path) -> list[str]:
    """Paths under ``b`` that are not exactly as under ``a`` (compiled files aside)."""
    found = []
    compared = filecmp.dircmp(a, b, ignore=["__pycache__"])
    found += [str(Path(b, name)) for name in compared.right_only + compared.diff_files + compared.left_only]
    for name in compared.common_dirs:
        found += _differences(a / name, b / name)
    return found


@pytest.mark.slow
def test_a_swedish_story_builds_after_adding_only_a_language_folder(tmp_path: Path) -> None:
    assert "sv" not in supported_languages()
    package = tmp_path / "pkg" / "generator"
    shutil.copytree(GENERATOR, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(HERE / "sv", package / "lang" / "sv")
    assert _differences(GENERATOR, package) == [str(package / "lang" / "sv")]

    out = tmp_path / "docs"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "pkg"), "CASEFILE_CACHE_DIR": str(tmp_path / "cache"),
           "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(HERE / "sv_story" / "seeds"),
                           "--out", str(out), "--no-cache"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    case = json.loads((out / "data" / "case.json").read_text(encoding="utf-8"))

    # detected (002 has no language in its sidecar) and named as the folder names it
    assert [(s["id"], s["language"]) for s in case["sources"]] == [("001-gp", "sv"), ("002-svt", "sv")]
    assert "Swedish" in (out / "sources" / "002-svt.md").read_text(encoding="utf-8")
    # a person named after a Swedish role noun, speaking through Swedish dialogue dashes
    people = {e["id"]: e for e in case["entities"] if e["type"] == "person"}
    assert list(people) == ["anna-lindqvist"]
    assert [(q["source"], q["speaker"]) for q in case["quotes"]] == [("001-gp", "anna-lindqvist"),
                                                                     ("002-svt", "anna-lindqvist")]
    assert all("säger räddningschefen Anna Lindqvist" in q["evidence"] for q in case["quotes"])
    # counts with Swedish number words and outcome words, compared across the sources
    injured = {(f["source"], f["text"], f["value"]) for f in case["figures"] if f["measure"] == "injured"}
    assert ("001-gp", "tre personer", 3) in injured and ("002-svt", "Fyra personer", 4) in injured
    finding = next(d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"].startswith("injured"))
    assert {c["source"] for c in finding["claims"]} == {"001-gp", "002-svt"}
    # "i går kväll" is the day before publication; "klockan 22.15" a clock time
    dates = {(d["source"], d["text"], d["resolved"], d["clock"]) for d in case["dates"]}
    assert ("001-gp", "i går kväll", "2026-03-09", None) in dates
    assert ("002-svt", "klockan 22.40", None, "22:40") in dates

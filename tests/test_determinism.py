"""Same inputs, byte-identical output: across hash seeds, time zones and locales."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, copy_docs_skeleton, run_casefile


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_builds_under_different_hash_seeds_and_time_zones_are_identical(tmp_path):
    outputs = []
    for index, (seed, zone, locale) in enumerate(
            [("0", "UTC", "C.UTF-8"), ("12345", "Pacific/Kiritimati", "C"), ("random", "America/Adak", "C.UTF-8")]):
        out = copy_docs_skeleton(tmp_path / f"docs{index}")
        result = run_casefile("build", "--out", str(out),
                              env={"PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": locale, "LANG": locale})
        assert result.returncode == 0, result.stderr
        outputs.append(tree(out))
    assert outputs[0] == outputs[1] == outputs[2]
    committed = tree(ROOT / "docs_src")
    for rel, data in outputs[0].items():
        assert committed.get(rel) == data, rel

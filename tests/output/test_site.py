"""The site writer: manifest, hand-written pages kept, atomic swap, killed runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.output.site import MANIFEST, read_manifest, recover, stale_files, write_tree

ROOT = Path(__file__).resolve().parent.parent.parent


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_first_write_creates_folder_and_manifest(tmp_path):
    out = tmp_path / "docs"
    report = write_tree(out, {"index.md": b"home", "sources/a.md": b"a"})
    assert report.written == ("index.md", "sources/a.md")
    assert read_manifest(out) == {"index.md", "sources/a.md"}
    assert (out / "sources/a.md").read_bytes() == b"a"


def test_rewrite_keeps_hand_written_and_removes_what_is_no_longer_generated(tmp_path):
    out = tmp_path / "docs"
    write_tree(out, {"index.md": b"v1", "sources/a.md": b"a", "sources/b.md": b"b"})
    (out / "about.md").write_text("hand-written")
    (out / "sources" / "notes.md").write_text("also hand-written")
    report = write_tree(out, {"index.md": b"v2", "sources/a.md": b"a"})
    assert report.written == ("index.md",) and report.removed == ("sources/b.md",) and report.unchanged == 1
    assert snapshot(out) == {
        MANIFEST: (out / MANIFEST).read_bytes(), "about.md": b"hand-written", "index.md": b"v2",
        "sources/a.md": b"a", "sources/notes.md": b"also hand-written"}


def test_empty_generated_folders_are_removed(tmp_path):
    out = tmp_path / "docs"
    write_tree(out, {"index.md": b"x", "entities/a.md": b"a"})
    write_tree(out, {"index.md": b"x"})
    assert not (out / "entities").exists()


def test_never_overwrites_a_hand_written_file(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("mine")
    with pytest.raises(OutputError, match="hand-written file is where a generated page must go"):
        write_tree(out, {"index.md": b"generated"})
    assert (out / "index.md").read_text() == "mine"


def test_no_write_outside_the_folder(tmp_path):
    with pytest.raises(OutputError, match="outside the docs folder"):
        write_tree(tmp_path / "docs", {"../evil.md": b"x"})
    assert not (tmp_path / "evil.md").exists()


def test_failure_mid_write_leaves_folder_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    write_tree(out, {"index.md": b"v1", "sources/a.md": b"a1"})
    (out / "about.md").write_text("hand")
    before = snapshot(out)
    import generator.output.site as site

    calls = []
    real = site._write_file

    def failing(target, data):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(target, data)

    monkeypatch.setattr(site, "_write_file", failing)
    with pytest.raises(OSError):
        write_tree(out, {"index.md": b"v2", "sources/a.md": b"a2", "sources/b.md": b"b"})
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".docs.casefile-*"))


def test_stale_files_lists_changed_missing_and_orphaned(tmp_path):
    out = tmp_path / "docs"
    write_tree(out, {"a.md": b"a", "b.md": b"b"})
    assert stale_files(out, {"a.md": b"a", "b.md": b"b"}) == []
    assert stale_files(out, {"a.md": b"A", "c.md": b"c"}) == ["a.md", "c.md", "b.md", MANIFEST]


KILLED_RUN = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import generator.output.site as site
    real = site._write_file
    count = 0
    def slow(target, data):
        global count
        count += 1
        real(target, data)
        if count == 50:
            os.kill(os.getpid(), signal.SIGKILL)
    site._write_file = slow
    site.write_tree(Path(sys.argv[1]), {f"sources/s{i:03}.md": b"new" for i in range(200)})
""")


def test_run_killed_mid_write_leaves_folder_as_it_was(tmp_path):
    out = tmp_path / "docs"
    write_tree(out, {f"sources/s{i:03}.md": b"old" for i in range(100)})
    (out / "about.md").write_text("hand")
    before = snapshot(out)
    result = subprocess.run([sys.executable, "-c", KILLED_RUN, str(out)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert snapshot(out) == before
    assert list(tmp_path.glob(".docs.casefile-staging-*"))  # the killed run's leftovers…
    recover(out)
    assert not list(tmp_path.glob(".docs.casefile-*"))  # …are cleaned by the next run
    assert snapshot(out) == before


def test_in_place_writer_touches_only_changed_files(tmp_path):
    from generator.output.site import write_in_place

    out = tmp_path / "docs"
    write_in_place(out, {"a.md": b"a", "b.md": b"b", "sub/c.md": b"c"})
    (out / "hand.md").write_text("hand")
    inode = out.stat().st_ino
    before = (out / "a.md").stat().st_mtime_ns
    report = write_in_place(out, {"a.md": b"a", "b.md": b"B"})
    assert report.written == ("b.md",) and report.removed == ("sub/c.md",)
    assert out.stat().st_ino == inode and (out / "a.md").stat().st_mtime_ns == before
    assert snapshot(out) == {MANIFEST: (out / MANIFEST).read_bytes(), "a.md": b"a", "b.md": b"B", "hand.md": b"hand"}


# --- a real `casefile build` killed at random moments ---------------------------------------

def _kill_case(tmp_path: Path):
    """Seeds big enough that writing takes a while, a docs folder with a previous build and
    hand-written pages, and the snapshots before and after a complete build."""
    import shutil

    from conftest import copy_docs_skeleton, run_casefile

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraph = (ROOT / "seeds" / "000_01294162fb12b41a.txt").read_text(encoding="utf-8")
    for index in range(150):
        (seeds / f"story-{index:03}.txt").write_text(f"Copy {index}.\n\n{paragraph}", encoding="utf-8")
    docs = copy_docs_skeleton(tmp_path / "docs")
    assert run_casefile("build", "--out", str(docs)).returncode == 0  # the real case, built before
    (docs / "sources" / "curator.md").write_text("Hand-written notes.\n", encoding="utf-8")
    before = snapshot(docs)
    shutil.copytree(docs, tmp_path / "pristine")
    complete = tmp_path / "complete"
    shutil.copytree(docs, complete)
    assert run_casefile("build", "--seeds", str(seeds), "--out", str(complete)).returncode == 0
    return seeds, docs, before, snapshot(complete)


def _start_build(seeds: Path, docs: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(docs)],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_real_build_killed_at_random_moments_leaves_docs_as_they_were(tmp_path, signum):
    import random
    import shutil
    import time

    seed = int(os.environ.get("CASEFILE_KILL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    seeds, docs, before, complete = _kill_case(tmp_path)
    started = time.monotonic()
    full = _start_build(seeds, tmp_path / "timing-docs")
    full.communicate(timeout=300)
    duration = time.monotonic() - started
    staging_glob = f".{docs.name}.casefile-staging-*"
    mid_write_kills = 0
    # Four rounds, alternately at any moment and while the new tree is written; then more of
    # the second kind until one has landed mid-write (writing can be over before the kill).
    for round_number in range(12):
        if round_number >= 4 and mid_write_kills:
            break
        process = _start_build(seeds, docs)
        if round_number < 4 and round_number % 2 == 0:  # any moment of the run
            time.sleep(rng.uniform(0.05, duration))
            staging_seen = bool(list(tmp_path.glob(staging_glob)))
        else:  # a random moment while the new tree is being written
            deadline = time.monotonic() + 300
            while not list(tmp_path.glob(staging_glob)) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.03 if round_number < 4 else 0.005))
            staging_seen = bool(list(tmp_path.glob(staging_glob)))
        process.send_signal(signum)
        _, err = process.communicate(timeout=300)
        where = f"seed {seed}, round {round_number}, signal {signum.name}, exit {process.returncode}"
        assert "Traceback" not in err, (where, err)
        now = snapshot(docs)
        assert now in (before, complete), f"{where}: the docs folder is neither the old nor the new tree"
        if now == complete:  # the swap was done before the signal (exit 0, or killed while tidying up)
            recover(docs)
            assert snapshot(docs) == complete and not list(tmp_path.glob(f".{docs.name}.casefile-*")), where
            shutil.rmtree(docs)  # the next round starts from the old tree again
            shutil.copytree(tmp_path / "pristine", docs)
            continue
        assert process.returncode in (-signum, 128 + signum), where
        mid_write_kills += staging_seen
        if process.returncode == 128 + signal.SIGTERM:  # (before the handler is set: -SIGTERM)
            assert err.strip().endswith("was left as it was."), (where, err)
            assert not list(tmp_path.glob(staging_glob)), f"{where}: staging copy left behind"
        recover(docs)
        assert not list(tmp_path.glob(f".{docs.name}.casefile-*")) and snapshot(docs) == before, where
    assert mid_write_kills >= 1, f"seed {seed}: no kill landed while the new tree was being written"
    assert run_casefile_build(seeds, docs) == 0 and snapshot(docs) == complete


def run_casefile_build(seeds: Path, docs: Path) -> int:
    process = _start_build(seeds, docs)
    process.communicate(timeout=300)
    return process.returncode

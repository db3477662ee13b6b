"""``casefile serve``: a seed edit regenerates only what changed and reaches the served page."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT, copy_docs_skeleton

from generator.commands.serve import SeedWatcher, ServeOptions, check_folders, is_watched


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def poll(url: str, wanted: str, limit: float) -> float | None:
    """Seconds until the page at ``url`` holds ``wanted``; ``None`` after ``limit`` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        page = fetch(url)
        if page is not None and wanted in page:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def test_watched_files():
    assert is_watched("/x/seeds/a.txt") and is_watched("seeds/a.yml") and is_watched("case.yml")
    assert not is_watched("seeds/.a.txt.swp") and not is_watched("seeds/a.txt~") and not is_watched("4913")


def test_watcher_gathers_a_burst_of_edits_into_one_regeneration(tmp_path):
    calls = []
    watcher = SeedWatcher(tmp_path, lambda: calls.append(time.monotonic()), debounce=0.3)
    watcher.start()
    try:
        for i in range(5):
            (tmp_path / "a.txt").write_text(f"edit {i}")
            time.sleep(0.05)
        (tmp_path / ".swap").write_text("ignored")
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1)
        assert len(calls) == 1
        (tmp_path / "a.txt").read_text()  # reading a seed is no change
        time.sleep(1)
        assert len(calls) == 1
    finally:
        watcher.stop()


def test_overlapping_folders_are_refused(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    options = ServeOptions(tmp_path / "seeds", tmp_path / "seeds" / "docs", tmp_path / "mkdocs.yml", "127.0.0.1:1")
    assert check_folders(options) == (f"{tmp_path / 'seeds' / 'docs'}:1: the docs folder and the seeds folder "
                                      "overlap — keep them apart, or every regeneration would trigger another")


@pytest.mark.slow
def test_serve_picks_up_a_seed_edit(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Alpha text here.\n\nSecond paragraph.\n", encoding="utf-8")
    (tmp_path / "seeds" / "b.txt").write_text("Beta text here.\n", encoding="utf-8")
    (tmp_path / "seeds" / "case.yml").write_text("title: Serve test\n", encoding="utf-8")
    copy_docs_skeleton(tmp_path / "docs_src")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sources/a/"
    try:
        assert poll(url, "Alpha text here.", 90) is not None, (tmp_path / "serve.log").read_text()
        untouched = tmp_path / "docs_src" / "sources" / "b.md"
        before = untouched.stat()
        time.sleep(1.1)  # past the polling interval of MkDocs' watcher: the start is settled
        builds_before = (tmp_path / "serve.log").read_text().count("Building documentation")

        (tmp_path / "seeds" / "a.txt").write_text("Alpha text here.\n\nAn edited paragraph.\n", encoding="utf-8")
        latency = poll(url, "An edited paragraph.", 30)
        assert latency is not None, (tmp_path / "serve.log").read_text()
        print(f"\nserve: seed edit visible on the served page after {latency:.2f} s")
        (tmp_path / "serve-latency.txt").write_text(f"{latency:.3f}\n")
        time.sleep(2)  # long enough for a loop to show itself
        output = (tmp_path / "serve.log").read_text()
        regenerations = [line for line in output.splitlines() if line.startswith("casefile:") and "written" in line]
        assert len(regenerations) == 2, output  # the start, then the edit: no loop
        assert "sources/a.md" in regenerations[1] and "sources/b.md" not in regenerations[1]
        assert output.count("Building documentation") == builds_before + 1, output
        after = untouched.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        finally:
            if process.poll() is None:
                process.kill()
            log.close()
    assert process.returncode == 0, (tmp_path / "serve.log").read_text()
    assert not [t for t in threading.enumerate() if t.name == "casefile-seed-watcher"]

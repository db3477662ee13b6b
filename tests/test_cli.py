"""The command line: build, check, exit codes and what is printed."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from conftest import ROOT, casefile, copy_docs_skeleton, run_casefile


class Run:
    """The result of an in-process CLI run, shaped like a finished subprocess."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(*args: str, cwd: Path | None = None) -> Run:
    return Run(*casefile(*args, cwd=cwd))


def test_build_then_check_passes_then_detects_a_stale_file(tmp_path, seeds):
    folder = seeds({"a.txt": "Alpha text here.", "b.txt": "Beta text here."})
    out = copy_docs_skeleton(tmp_path / "docs")
    built = run("build", "--seeds", str(folder), "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "written" in built.stdout
    assert (out / "sources" / "a.md").is_file() and (out / "about.md").is_file()
    assert run("check", "--seeds", str(folder), "--out", str(out)).returncode == 0
    (out / "sources" / "a.md").write_text("edited by hand")
    (folder / "b.txt").unlink()
    checked = run("check", "--seeds", str(folder), "--out", str(out))
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    for rel in ("data/case.json", "index.md", "sources/a.md", "sources/index.md", "sources/b.md"):
        assert f"stale: {out.as_posix()}/{rel}" in lines
    assert lines[-1] == f"stale: {out.as_posix()}/.generated"
    assert f"stale: {out.as_posix()}/sources/c.md" not in lines
    rebuilt = run("build", "--seeds", str(folder), "--out", str(out))
    assert rebuilt.returncode == 0 and not (out / "sources" / "b.md").exists()
    assert (out / "about.md").is_file()


def test_input_errors_exit_2_and_write_nothing(tmp_path, seeds):
    good = seeds({"a.txt": "Alpha text."})
    out = tmp_path / "docs"
    assert run("build", "--seeds", str(good), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (good / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    (good / "a.yml").write_text("published: yesterday\n")
    result = run("build", "--seeds", str(good), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "casefile: 2 problem(s) in the input; nothing was written."
    assert lines[0].endswith("a.yml:1: 'published' is 'yesterday' — give a date such as 2017-12-11 "
                             "or 2017-12-11T09:30:00+01:00")
    assert "b.txt:1: the seed is UTF-16 text, not UTF-8" in lines[1]
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_strict_turns_warnings_into_errors(tmp_path, seeds):
    folder = seeds({"a.txt": "Alpha text.", "a.yml": "colour: red\n"})
    result = run("build", "--strict", "--seeds", str(folder), "--out", str(tmp_path / "docs"))
    assert result.returncode == 2 and "unknown key 'colour'" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_hand_written_file_in_the_way_exits_2(tmp_path, seeds):
    folder = seeds({"a.txt": "Alpha text."})
    out = tmp_path / "docs"
    (out / "sources").mkdir(parents=True)
    (out / "sources" / "a.md").write_text("mine")
    result = run("build", "--seeds", str(folder), "--out", str(out))
    assert result.returncode == 2 and "hand-written file" in result.stderr
    assert (out / "sources" / "a.md").read_text() == "mine"


def test_python_dash_m_and_help():
    result = run_casefile("--help")
    assert result.returncode == 0
    for command in ("build", "check", "diff", "serve", "add"):
        assert command in result.stdout
        assert run_casefile(command, "--help").returncode == 0


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for command in ("casefile build", "casefile check", "casefile diff", "casefile serve", "casefile add", "make site",
                    "make test", "make serve", "make diff", "make check"):
        assert command in readme


def test_committed_docs_are_what_build_writes():
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_defaults_are_relative_to_the_working_directory(tmp_path, seeds):
    folder = seeds({"a.txt": "Alpha text."})
    assert Path(folder).name == "seeds"
    result = run("build", cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    assert (folder.parent / "docs_src" / "index.md").is_file()
    assert os.path.isfile(folder.parent / "docs_src" / ".generated")


def test_a_second_sigterm_while_unwinding_does_not_raise_again(tmp_path, seeds, monkeypatch, capsys):
    """CI once saw a traceback: SIGTERM arrived while main restored the previous handler."""
    import signal

    from generator import cli

    def signal_twice(args):
        cli._SigTerm.handle(signal.SIGTERM, None)  # raises Terminated: the run unwinds
        raise AssertionError("not reached")

    def late_signal(args):
        cli._SigTerm.armed = False  # as after the run, while main tidies up
        cli._SigTerm.handle(signal.SIGTERM, None)  # recorded, not raised
        return 0

    monkeypatch.setattr(cli, "_run", signal_twice)
    assert cli.main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")]) == 143
    cli._SigTerm.handle(signal.SIGTERM, None)  # disarmed now: no exception
    monkeypatch.setattr(cli, "_run", late_signal)
    assert cli.main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")]) == 143
    assert "is complete" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGTERM) != cli._SigTerm.handle


def test_sigterm_while_the_file_store_is_removed_prints_no_traceback(tmp_path, seeds, monkeypatch, capsys):
    """CI once saw a traceback: SIGTERM arrived while the store's folder was being removed by
    its finalizer, where an exception can only be printed. The store is closed by the run now:
    after the docs are written the signal sets the exit code; before, it unwinds the run."""
    import shutil
    import signal

    from generator import cli
    from generator.output import store

    folder = seeds({"a.txt": "Alpha text here."})
    removals: list[Path] = []
    remove = shutil.rmtree

    def signal_while_removing(path, ignore_errors=False):
        if Path(path).name.startswith(".casefile-files-"):
            removals.append(Path(path))
            if len(removals) == 1:
                cli._SigTerm.handle(signal.SIGTERM, None)
        remove(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(store.shutil, "rmtree", signal_while_removing)
    out = copy_docs_skeleton(tmp_path / "docs")
    assert cli.main(["build", "--seeds", str(folder), "--out", str(out)]) == 143
    err = capsys.readouterr().err
    assert "is complete" in err and "Traceback" not in err and "Exception ignored" not in err
    assert (out / "sources" / "a.md").is_file()
    assert removals and not removals[0].exists()  # the store's folder went all the same

    removals.clear()
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    assert cli.main(["check", "--seeds", str(folder), "--out", str(out)]) == 143
    err = capsys.readouterr().err
    assert "left as it was" in err and "Traceback" not in err and "Exception ignored" not in err
    assert removals and not removals[0].exists()
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_raised_where_python_only_prints_is_delivered_again(tmp_path, seeds, monkeypatch, capsys,
                                                                     signum):
    """CI once saw a traceback: SIGTERM arrived in a hook run at a fork, where Python prints an
    exception and drops it. The run prints nothing of it and is stopped a moment later."""
    import time
    import weakref

    from generator import cli

    handler = cli._SigTerm.handle if signum == signal.SIGTERM else signal.default_int_handler

    def signal_in_a_finalizer(args):
        class Thing:
            pass

        thing = Thing()
        weakref.finalize(thing, handler, signum, None)
        del thing  # the finalizer raises Terminated, which Python would print and drop
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.01)  # the signal comes again here
        raise AssertionError("not terminated")

    monkeypatch.setattr(cli, "_run", signal_in_a_finalizer)
    hook = sys.unraisablehook
    assert cli.main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")]) == 128 + signum
    err = capsys.readouterr().err
    assert "left as it was" in err and "Traceback" not in err and "Exception ignored" not in err
    assert sys.unraisablehook is hook and cli._SigTerm.again is None

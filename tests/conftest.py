"""Shared fixtures: the repository root, seed folders built on the fly, goldens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the generator is importable from the work tree without installing it
    sys.path.insert(0, str(ROOT))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite the expected trees of the golden tests from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def seeds(tmp_path: Path):
    """A function writing seed files into a fresh folder: ``seeds({"a.txt": "text"})``."""

    def make(files: dict[str, str | bytes], name: str = "seeds") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        for rel, content in files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return make


def run_casefile(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                 ) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in a subprocess, with the repository importable."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd or ROOT, env=full_env,
                          capture_output=True, text=True, timeout=300)


def copy_docs_skeleton(target: Path) -> Path:
    """A docs folder holding the repository's hand-written pages (no generated ones)."""
    target.mkdir(parents=True, exist_ok=True)
    generated = {line for line in (ROOT / "docs_src" / ".generated").read_text().splitlines()
                 if line and not line.startswith("#")}
    for path in sorted((ROOT / "docs_src").rglob("*")):
        rel = path.relative_to(ROOT / "docs_src").as_posix()
        if path.is_file() and rel not in generated and rel != ".generated":
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / rel)
    return target


def casefile(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the CLI in this process (fast); returns exit code, stdout and stderr."""
    import contextlib
    import io

    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The committed case built by MkDocs (strict), into a temporary ``site/``."""
    from sitecheck import copy_repo_docs, mkdocs_build

    base = tmp_path_factory.mktemp("real")
    docs = copy_repo_docs(base / "docs_src")
    result = mkdocs_build(docs, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return base / "site"


@pytest.fixture(scope="session")
def hostile_seeds(tmp_path_factory) -> Path:
    """One seeds folder holding every hostile class that builds (``tests/hostile.py``)."""
    from hostile import write_hostile_seeds

    return write_hostile_seeds(tmp_path_factory.mktemp("hostile-seeds") / "seeds")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, hostile_seeds) -> Path:
    """The hostile seeds built by ``casefile build`` and MkDocs (strict)."""
    from sitecheck import mkdocs_build

    base = tmp_path_factory.mktemp("hostile")
    docs = copy_docs_skeleton(base / "docs_src")
    built = run_casefile("build", "--seeds", str(hostile_seeds), "--out", str(docs))
    assert built.returncode == 0, built.stderr
    result = mkdocs_build(docs, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return base / "site"


@pytest.fixture(scope="session")
def story_site(tmp_path_factory) -> Path:
    """A test story (``tests/stories/harbour``: five sources in four languages, one day, a
    ``case.yml``) built by ``casefile build`` and MkDocs (strict)."""
    from sitecheck import mkdocs_build

    base = tmp_path_factory.mktemp("story")
    docs = copy_docs_skeleton(base / "docs_src")
    built = run_casefile("build", "--seeds", str(ROOT / "tests" / "stories" / "harbour" / "seeds"), "--out", str(docs))
    assert built.returncode == 0, built.stderr
    result = mkdocs_build(docs, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return base / "site"

"""``casefile serve``: the live site. A seed edit regenerates the docs and reloads the browser.

Two watchers, one direction: this module watches the seeds folder (seed texts, sidecars,
``case.yml``) and rewrites the generated files of the docs folder in place, only those
whose bytes changed (:func:`generator.output.site.write_in_place`); MkDocs' live server watches
the docs folder, rebuilds and reloads the browser. Nothing writes into the seeds folder,
so a regeneration can never trigger another one. Edits arriving close together (an
editor's save writes several times) are gathered into one regeneration.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TextIO

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import InputError, OutputError
from generator.output.site import WriteReport, recover, write_in_place
from generator.output.store import scratch_beside
from generator.pipeline import generate

# Files in the seeds folder that the build reads.
WATCHED_SUFFIXES = (".txt", ".yml", ".yaml")
# Events that change a file. Opening and closing without writing (which the build's own
# reading of the seeds causes) are not among them: they would start the next rebuild.
CHANGE_EVENTS = ("created", "modified", "deleted", "moved", "closed")


@dataclass(frozen=True)
class ServeOptions:
    """What ``casefile serve`` was asked to do."""

    seeds: Path
    """The seeds folder to watch."""
    out: Path
    """The docs folder to regenerate (MkDocs' ``docs_dir``)."""
    config_file: Path
    """MkDocs configuration."""
    dev_addr: str
    """``host:port`` to serve on."""
    debounce: float = 0.2
    """Seconds without a further change before regenerating."""
    jobs: int = 1
    """Processes analysing sources."""
    cache_dir: Path | None = None
    """Cache of per-source analyses (``None``: no cache)."""


def is_watched(path: str) -> bool:
    """Whether a change to ``path`` in the seeds folder can change the build."""
    name = os.path.basename(path)
    return not name.startswith(".") and name.endswith(WATCHED_SUFFIXES)


def regenerate(options: ServeOptions, log: TextIO = sys.stderr) -> WriteReport | None:
    """Build from the seeds and rewrite the changed generated files; ``None`` on input errors."""
    try:
        generated = generate(options.seeds, jobs=options.jobs, cache_dir=options.cache_dir,
                             scratch=scratch_beside(options.out))
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=log)
        print("casefile: the site shows the last good build; fix the problems above and save again",
              file=log)
        return None
    for problem in generated.warnings:
        print(problem, file=log)
    try:
        report = write_in_place(options.out, generated.files)
    except (OutputError, OSError) as exc:
        print(f"casefile: {exc}", file=log)
        return None
    changed = list(report.written) + [f"{p} (removed)" for p in report.removed]
    print(f"casefile: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} "
          f"unchanged{': ' + ', '.join(changed) if changed else ''}", file=log, flush=True)
    return report


class SeedWatcher:
    """Calls ``on_change`` once the seeds folder has been quiet for ``debounce`` seconds."""

    def __init__(self, seeds: Path, on_change: Callable[[], object], debounce: float = 0.2) -> None:
        self.seeds = seeds
        self.on_change = on_change
        self.debounce = debounce
        self._last_event = 0.0
        self._pending = threading.Event()
        self._stopping = threading.Event()
        self._observer = Observer()
        self._worker = threading.Thread(target=self._run, name="casefile-seed-watcher", daemon=True)

    def _event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGE_EVENTS:
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(is_watched(os.fsdecode(p)) for p in paths if p):
            self._last_event = time.monotonic()
            self._pending.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            if not self._pending.wait(timeout=0.5):
                continue
            while time.monotonic() - self._last_event < self.debounce:
                time.sleep(self.debounce / 4)
            self._pending.clear()
            if self._stopping.is_set():
                break
            try:
                self.on_change()
            except Exception as exc:
                _say(f"casefile: regeneration failed: {exc!r}")

    def start(self) -> None:
        handler = FileSystemEventHandler()
        handler.on_any_event = self._event  # type: ignore[method-assign]
        self._observer.schedule(handler, str(self.seeds), recursive=False)
        self._observer.start()
        self._worker.start()

    def stop(self) -> None:
        self._stopping.set()
        self._pending.set()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._worker.join(timeout=5)


def _inside(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or b in a.parents


def check_folders(options: ServeOptions) -> str | None:
    """Why the folders cannot be served (the docs folder inside the seeds folder …), or ``None``."""
    if not options.seeds.is_dir():
        return (f"{options.seeds}:1: the seeds folder does not exist — create it, or pass --seeds DIR")
    if _inside(options.out, options.seeds) or _inside(options.seeds, options.out):
        return (f"{options.out}:1: the docs folder and the seeds folder overlap — keep them apart, "
                "or every regeneration would trigger another")
    if not options.config_file.is_file():
        return f"{options.config_file}:1: no MkDocs configuration — pass --config-file FILE"
    return None


def _say(message: str) -> None:
    """A line on standard error, at once: the console is where the person serving looks."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(options: ServeOptions) -> int:
    """Build, then serve the site live until interrupted (Ctrl-C or SIGTERM); the exit code."""
    problem = check_folders(options)
    if problem:
        _say(problem)
        return 2
    recover(options.out)
    if regenerate(options) is None:
        return 2
    from mkdocs.commands.serve import serve as mkdocs_serve  # imported late: heavy, and only here

    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    watcher = SeedWatcher(options.seeds, lambda: regenerate(options), options.debounce)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    watcher.start()
    _say(f"casefile: watching {options.seeds} for changes")
    try:
        mkdocs_serve(config_file=str(options.config_file), livereload=True, dev_addr=options.dev_addr)
    except KeyboardInterrupt:
        pass
    except (Exception, SystemExit) as exc:  # MkDocs aborts a failed first build (strict) this way
        _say(f"casefile: the site could not be built: {exc}")
        return 1
    finally:
        watcher.stop()
        signal.signal(signal.SIGTERM, previous)
    return 0

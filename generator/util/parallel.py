"""Work in other processes: pool workers that end with the build, and one function run in a
forked process that reads its arguments from memory shared at the fork."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def end_with_parent(parent: int) -> None:
    """Start of a worker process: it ends when the build that started it is gone. A build
    killed outright (SIGKILL) cannot stop its workers, which would otherwise wait for work
    for ever, holding the terminal or the caller's pipes open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


# The task of a forked worker, set in the worker only (the fork context hands the
# initializer its arguments without pickling them).
_TASK: tuple[Any, tuple[Any, ...]] | None = None


def _adopt(parent: int, function: Any, args: tuple[Any, ...]) -> None:
    global _TASK
    end_with_parent(parent)
    _TASK = (function, args)


def _run_task() -> Any:
    assert _TASK is not None
    function, args = _TASK
    return function(*args)


class Forked:
    """``function(*args)`` in a forked process, started at once: the child reads the arguments
    from the memory it shares with this process at the fork (nothing is copied to it); only
    the result comes back, pickled."""

    def __init__(self, function: Any, *args: Any) -> None:
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_adopt, initargs=(os.getpid(), function, args))
        self._future = self._pool.submit(_run_task)

    def beside(self, here: Callable[[], T]) -> tuple[T, Any]:
        """``here()``, run in this process while the fork works, and then the fork's result.
        When ``here`` raises, the fork is waited for (its outcome dropped) before the error goes
        on, so no forked process outlives the work it was part of."""
        try:
            mine = here()
        except BaseException:
            with contextlib.suppress(Exception):
                self.result()
            raise
        return mine, self.result()

    def result(self) -> Any:
        """What the function returned (or raised)."""
        try:
            return self._future.result()
        finally:
            self._pool.shutdown()

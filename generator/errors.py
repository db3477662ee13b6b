"""User-facing problems, all of the form ``path:line: problem — how to fix``.

Stages collect :class:`Problem` records instead of raising at the first one, so a user
sees every problem of a run at once; the CLI prints them and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in the input, pointing at a file and line."""

    path: str
    """File the problem is in, relative to the working directory when possible."""
    line: int
    """1-based line number (0 when the problem concerns the whole file)."""
    problem: str
    """What is wrong, in the user's words."""
    fix: str
    """How to fix it."""
    warning: bool = False
    """A warning does not stop the build (unless ``--strict``)."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}:1"
        label = "warning: " if self.warning else ""
        return f"{where}: {label}{self.problem} — {self.fix}"


class InputError(Exception):
    """The input has problems that stop the build; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(Exception):
    """The output directory cannot be written as asked; nothing has been changed."""


class SourceError(Exception):
    """A source ``casefile add`` cannot add (an address that fails, a page without article
    text); shown as one line, ``SOURCE: problem — how to fix``, and nothing is written for it."""

    def __init__(self, problem: str, fix: str) -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem} — {fix}")

    def line(self, source: str) -> str:
        """The one line that reports it, naming the source."""
        return f"{source}: {self.problem} — {self.fix}"

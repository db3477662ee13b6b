"""Curation of findings: the status and note a curator gives a finding in ``case.yml``.

::

    discrepancies:
      figure-3f2a9c01de: {status: explained, note: "view counts grow; the sources were written days apart"}

A finding's id is a hash of its kind and key, so a curated entry holds across re-runs and
edits. An entry that matches no finding of the build is a warning (the finding may come
back when a source does); a status other than ``open``, ``explained`` or ``resolved`` is an
error.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.errors import Problem
from generator.model.finding import STATUSES, Discrepancy
from generator.model.source import CaseInfo


def curation_problems(discrepancies: Sequence[Discrepancy], case: CaseInfo | None,
                      path: str = "seeds/case.yml") -> tuple[Problem, ...]:
    """Warnings for curated discrepancy ids that match nothing and for bad statuses."""
    if case is None:
        return ()
    curated = case.raw.get("discrepancies") or {}
    line = case.lines.get("discrepancies", 0)
    known = {d.id for d in discrepancies}
    problems = []
    if not isinstance(curated, dict):
        return (Problem(path, line, "'discrepancies' is not a mapping of ids to {status, note}",
                        "write 'discrepancies:' then '  <id>: {status: explained, note: \"…\"}'"),)
    for key, entry in sorted(curated.items(), key=lambda kv: str(kv[0])):
        if str(key) not in known:
            kind = str(key).split("-", 1)[0]  # an id starts with its kind, which has a page when it has findings
            page = f"discrepancies/{kind}.md" if kind in {d.kind for d in discrepancies} else "discrepancies.md"
            problems.append(Problem(path, line, f"discrepancy '{key}' is not found in this build",
                                    f"check the id on {page} (every id is also in data/case.json), "
                                    "or remove the entry", warning=True))
        status = entry.get("status") if isinstance(entry, dict) else None
        if status is not None and status not in STATUSES:
            problems.append(Problem(path, line, f"discrepancy '{key}' has status '{status}'",
                                    f"use one of: {', '.join(STATUSES)}"))
    return tuple(problems)


def apply_curation(discrepancy: Discrepancy, case: CaseInfo | None) -> Discrepancy:
    """The finding with the status and note ``case.yml`` gives it (a bad status leaves its own)."""
    if case is None:
        return discrepancy
    curated = case.raw.get("discrepancies") or {}
    entry = curated.get(discrepancy.id) if isinstance(curated, dict) else None
    if not isinstance(entry, dict):
        return discrepancy
    status = entry.get("status") if entry.get("status") in STATUSES else discrepancy.status
    note = entry.get("note") if isinstance(entry.get("note"), str) else discrepancy.note
    return Discrepancy(**{**discrepancy.__dict__, "status": status, "note": note})

"""Ages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from generator.compare.common import claim_at, said_by_source, stable_id
from generator.model.claims import Figure
from generator.model.finding import Discrepancy
from generator.model.source import Source


def _birthday_fits(ages: Sequence[Figure], sources: dict[str, Source]) -> bool:
    """Whether a birthday between the reports can explain ages a year apart: every source giving
    the lower age was published before every one giving the higher (unknown dates fit)."""
    low = min(f.value for f in ages)

    def published(figure: Figure) -> Any:
        source = sources.get(figure.source)
        day = source.metadata.published if source is not None else None
        return day.date() if isinstance(day, dt.datetime) else day

    younger = [d for f in ages if f.value == low and (d := published(f)) is not None]
    older = [d for f in ages if f.value != low and (d := published(f)) is not None]
    return not younger or not older or max(younger) < min(older)


def age_findings(figures: Sequence[Figure], sources: dict[str, Source],
                       names: dict[str, str]) -> list[Discrepancy]:
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.measure == "age" and figure.subject:
            groups[figure.subject].append(figure)
    found = []
    for subject, members in sorted(groups.items()):
        values = sorted({f.value for f in members})
        if len(values) < 2:
            continue
        close = values[-1] - values[0] <= 1
        explanation = "different-time" if close and _birthday_fits(members, sources) else "conflict"
        name = names.get(subject, subject)
        said = said_by_source([(f.source, f.text) for f in members])
        ruled_out = " — the reports' publication dates rule out a birthday between them."
        why = {"different-time": " — a birthday between the reports would explain it.",
               "conflict": ruled_out if close else "."}[explanation]
        found.append(Discrepancy(
            id=stable_id("attribute", f"{subject}|age"), kind="attribute", key=f"{subject}|age",
            summary=f"{name}'s age differs: {said}{why}",
            explanation=explanation, severity="low" if explanation == "different-time" else "medium",
            claims=tuple(claim_at(sources, f.source, f.start, f.end, f.value, "figure") for f in members),
            detail="age"))
    return found

"""Age findings: the ages different sources give one person.

Ages are figures of the measure ``age`` attached to the person named next to them (the
extract stage does that); they are grouped by that person, never compared all against all.
A person given two or more ages is a finding, whose explanation and severity the first rule
of :data:`_AGE_RULES` that holds decides:

``birthday-between``
    the ages are a year apart and every source giving the lower age was published before every
    one giving the higher (a source without a date fits): ``different-time``, ``low`` — a
    birthday between the reports explains it.
``birthday-ruled-out``
    a year apart, but the publication dates rule a birthday out: ``conflict``, ``medium``.
``ages-differ``
    further apart: ``conflict``, ``medium`` — an age is said of a person in passing, not
    what the story reports, so a wrong one weighs less than a wrong toll.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.compare.common import Rule, always, claim_at, first_rule, said_by_source, stable_id
from generator.model.claims import Figure
from generator.model.finding import Discrepancy
from generator.model.source import Source


def _birthday_fits(ages: Sequence[Figure], sources: dict[str, Source]) -> bool:
    """Whether a birthday between the reports can explain ages a year apart: every source giving
    the lower age was published before every one giving the higher (unknown dates fit)."""
    low = min(f.value for f in ages)

    def published(figure: Figure) -> dt.date | None:
        source = sources.get(figure.source)
        day = source.metadata.published if source is not None else None
        return day.date() if isinstance(day, dt.datetime) else day

    younger = [d for f in ages if f.value == low and (d := published(f)) is not None]
    older = [d for f in ages if f.value != low and (d := published(f)) is not None]
    return not younger or not older or max(younger) < min(older)


@dataclass(frozen=True)
class _Ages:
    """The ages one person is given: what the age rules decide on."""

    members: Sequence[Figure]
    """Every source's age figure of the person."""
    sources: dict[str, Source]
    """The sources by id (for their publication dates)."""
    year_apart: bool
    """The highest age is at most one more than the lowest."""


_AGE_RULES: tuple[Rule[_Ages], ...] = (
    Rule("birthday-between", lambda a: a.year_apart and _birthday_fits(a.members, a.sources), "different-time", "low",
         " — a birthday between the reports would explain it."),
    Rule("birthday-ruled-out", lambda a: a.year_apart, "conflict", "medium",
         " — the reports' publication dates rule out a birthday between them."),
    Rule("ages-differ", always, "conflict", "medium", "."),
)
"""How an age finding is explained, first rule that holds first."""


def age_findings(figures: Sequence[Figure], sources: dict[str, Source], names: dict[str, str]) -> list[Discrepancy]:
    """A finding per person the sources give different ages (``names``: display names by entity id)."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.measure == "age" and figure.subject:
            groups[figure.subject].append(figure)
    found = []
    for subject, members in sorted(groups.items()):
        values = sorted({f.value for f in members})
        if len(values) < 2:
            continue
        rule = first_rule(_AGE_RULES, _Ages(members, sources, values[-1] - values[0] <= 1))
        name = names.get(subject, subject)
        said = said_by_source([(f.source, f.text) for f in members])
        found.append(Discrepancy(
            id=stable_id("attribute", f"{subject}|age"), kind="attribute", key=f"{subject}|age",
            summary=f"{name}'s age differs: {said}{rule.note}",
            explanation=rule.explanation, severity=rule.severity,
            claims=tuple(claim_at(sources, f.source, f.start, f.end, f.value, "figure") for f in members),
            detail="age", rules=(rule.name,)))
    return found

"""Age findings: the ages different sources give one person.

Ages are figures of the measure ``age`` attached to the person named next to them (the
extract stage does that); they are grouped by that person, never compared all against all.
An age no name goes with ("a five-year-old boy", "the six-year-old") is grouped by the noun of
the person it is said of (``boy``), an age with no noun joining the one noun the case's unnamed
ages have (none when they have several); an age said to be another person's ("another
19-year-old") is left out, and so is a source that gives one unnamed subject two ages (several
people, or an age corrected in the text). A person given two or more ages is a finding, whose
explanation and severity the first rule of :data:`_AGE_RULES` that holds decides:

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


UNNAMED = "unnamed:"
"""Key prefix of an unnamed subject's ages (``unnamed:boy``)."""
ONE_UNNAMED = "one unnamed subject"
"""The evidence an unnamed subject's age finding gets when the case's unnamed ages have one noun."""


def _unnamed_ages(figures: Sequence[Figure]) -> list[Figure]:
    return [f for f in figures if f.measure == "age" and not f.subject
            and not {"another-person", "ages-of-a-group"} & set(f.rules)]


def _unnamed_nouns(figures: Sequence[Figure]) -> list[str]:
    return sorted({f.about for f in _unnamed_ages(figures) if f.about})


def _unnamed_groups(figures: Sequence[Figure]) -> dict[str, list[Figure]]:
    """The ages of no named person, by the noun of whom they are said of; ages with no noun join the
    one noun there is, a source giving one subject two ages is left out."""
    nouns = _unnamed_nouns(figures)
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in _unnamed_ages(figures):
        noun = figure.about or (nouns[0] if len(nouns) == 1 else "")
        groups[f"{UNNAMED}{noun}"].append(figure)
    kept = {}
    for key, members in groups.items():
        by_source: dict[str, set[float]] = defaultdict(set)
        for figure in members:
            by_source[figure.source].add(figure.value)
        kept[key] = [f for f in members if len(by_source[f.source]) == 1]
    return kept


def age_findings(figures: Sequence[Figure], sources: dict[str, Source], names: dict[str, str]) -> list[Discrepancy]:
    """A finding per person the sources give different ages (``names``: display names by entity id)."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.measure == "age" and figure.subject:
            groups[figure.subject].append(figure)
    groups.update(_unnamed_groups(figures))
    nouns = _unnamed_nouns(figures)
    found = []
    for subject, members in sorted(groups.items()):
        values = sorted({f.value for f in members})
        if len(values) < 2:
            continue
        rule = first_rule(_AGE_RULES, _Ages(members, sources, values[-1] - values[0] <= 1))
        noun = subject.removeprefix(UNNAMED)
        name = (f"The {noun}'s" if noun else "An unnamed person's") if subject.startswith(UNNAMED) else \
            f"{names.get(subject, subject)}'s"
        said = said_by_source(list(dict.fromkeys((f.source, f"“{f.text}”") for f in members)))
        found.append(Discrepancy(
            id=stable_id("attribute", f"{subject}|age"), kind="attribute", key=f"{subject}|age",
            summary=f"{name} age differs: {said}{rule.note}",
            explanation=rule.explanation, severity=rule.severity,
            claims=tuple(claim_at(sources, f.source, f.start, f.end, f.value, "figure") for f in members),
            detail="age", rules=(rule.name,),
            evidence=(f"{ONE_UNNAMED}: every age no name goes with is said of the {noun}",)
            if noun and nouns == [noun] else ()))
    return found

"""Age findings: a birthday between the reports, or ages that cannot all be right."""

from __future__ import annotations

import datetime as dt

from claimkit import make_source, refs_for
from comparekit import compared

Given = tuple[int, dt.date | None]


def _ages(first: Given, second: Given) -> list[tuple[str, str, tuple[str, ...]]]:
    """The age findings of two sources giving Keaton Jones ``(age, published)``."""
    sources = [make_source(f"Keaton Jones, {age}, was bullied at school.", source_id=sid, published=published)
               for sid, (age, published) in (("a", first), ("b", second))]
    persons = tuple(ref for s in sources for ref in refs_for(s, ("Keaton Jones", "keaton", "m")))
    return [(d.explanation, d.severity, d.rules) for d in compared(*sources, persons=persons) if d.kind == "attribute"]


def test_ages_a_year_apart_are_a_birthday_only_if_the_publication_dates_allow_it() -> None:
    early, late = dt.date(2017, 12, 1), dt.date(2017, 12, 10)
    explained = ("birthday-between", "birthday-explains")  # then the confidence: a birthday is no disagreement
    assert _ages((11, early), (12, late)) == [("different-time", "low", explained)]
    assert _ages((11, None), (12, late)) == [("different-time", "low", explained)]  # unknown dates fit
    assert _ages((11, late), (12, early)) == [("conflict", "medium", ("birthday-ruled-out", "same-person"))]
    assert _ages((11, early), (14, late)) == [("conflict", "medium", ("ages-differ", "same-person"))]
    assert _ages((11, early), (11, late)) == []


def _unnamed(*texts: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    sources = [make_source(text, source_id=sid) for sid, text in zip("abc", texts, strict=False)]
    return [(d.key, d.confidence, d.rules) for d in compared(*sources) if d.kind == "attribute"]


def test_ages_no_name_goes_with_are_compared_by_the_noun_of_whom_they_are_said() -> None:
    # one kind of person, the nominal "the six-year-old" joining it: a confident finding
    assert _unnamed("Rescuers tried to reach a five-year-old boy in the well.",
                    "The eight-year-old fell into the well while playing.") == [
        ("unnamed:boy|age", "high", ("ages-differ", "one-unnamed-subject"))]
    # a boy and a girl: two people, nothing to compare
    assert _unnamed("A five-year-old boy was hurt.", "A seven-year-old girl was hurt.") == []
    # another person's age, or a source giving two boys two ages: left out
    assert _unnamed("A five-year-old boy was hurt.", "Another six-year-old boy was hurt.") == []
    assert _unnamed("A five-year-old boy was hurt.",
                    "A six-year-old boy was hurt. A seven-year-old boy was rescued.") == []


def test_unnamed_ages_of_several_kinds_of_people_are_only_possible() -> None:
    found = _unnamed("A five-year-old boy was hurt. The 40-year-old said he saw it.",
                     "A six-year-old girl was hurt. The 41-year-old said she saw it.")
    assert found == [("unnamed:|age", "low", ("birthday-between", "birthday-explains"))]

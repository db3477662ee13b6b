"""Actor findings: who did it, and on which platform."""

from __future__ import annotations

from claimkit import make_source, refs_for
from comparekit import compared

PEOPLE = (("Kimberly Jones", "kimberly", "f"), ("Keaton Jones", "keaton", "m"))


def _actors(one: str, other: str) -> list[tuple[str | None, str, str, tuple[str, ...]]]:
    sources = [make_source(text, source_id=sid) for sid, text in (("a", one), ("b", other))]
    persons = tuple(ref for s in sources for ref in refs_for(s, *PEOPLE))
    return [(d.detail, d.explanation, d.severity, d.rules) for d in compared(*sources, persons=persons)
            if d.kind == "actor"]


def test_different_people_doing_it_conflict_and_different_platforms_are_another_scope() -> None:
    assert _actors("Kimberly Jones posted the video on Facebook.", "Keaton Jones posted the video on Facebook.") == [
        ("who", "conflict", "high", ("different-actors", "actors-unconfirmed"))]
    assert _actors("Kimberly Jones posted the video on Facebook.", "Kimberly Jones posted the video on Instagram.") == [
        ("platform", "different-scope", "medium", ("different-platforms", "actors-unconfirmed"))]
    assert _actors("Kimberly Jones posted the video on Facebook.", "Kimberly Jones posted the video on Facebook.") == []

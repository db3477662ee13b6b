"""Curation in case.yml: of entities (aliases, merges, splits, rejects, types) and of findings
(statuses and notes)."""

from __future__ import annotations

from pathlib import Path

from comparekit import seed_discrepancies
from helpers import make_source

from generator.extract.entities import extract_mentions
from generator.model.entity import Resolution
from generator.model.source import CaseInfo, Source
from generator.read.sources import read_case
from generator.resolve.curation import curation_problems
from generator.resolve.entities import resolve_entities


def resolve(sources: list[Source], case: CaseInfo | None = None) -> Resolution:
    return resolve_entities(sources, {s.id: extract_mentions(s) for s in sources}, case or CaseInfo())


CASE = """\
title: Test
aliases:
  kimberly-jones: ["his mother", "moren"]
  nobody-here: ["x"]
  keaton-jones: ["the schoolboy from Mars"]
merges:
  - [snoop-dogg, snoop-lion]
  - [snoop-dogg, no-such-id]
splits:
  keaton-jones: {"Keaton Jones (cousin)": ["b"]}
  demi-lovato: {"Someone": ["zzz"]}
rejects:
  - Oslo
  - never-seen
types:
  cbs: platform
  missing-entity: person
"""


def case_info(tmp_path: Path, text: str = CASE) -> CaseInfo:
    path = tmp_path / "case.yml"
    path.write_text(text, encoding="utf-8")
    info, problems = read_case(path)
    assert not [p for p in problems if not p.warning]
    return info


def test_curation_aliases_merges_splits_rejects_types(tmp_path: Path) -> None:
    a = make_source("Keaton Jones cried while his mother Kimberly Jones filmed. His mother posted it. "
                    "CBS reported it from Oslo. Snoop Dogg and Snoop Lion replied.", "en", "a")
    b = make_source("Keaton Jones er fetteren. Moren hans, Kimberly Jones, er lei seg. Morens video spres.", "nb", "b")
    result = resolve([a, b], case_info(tmp_path))
    kimberly = result.entity("kimberly-jones")
    assert kimberly is not None
    descriptors = [m for m in kimberly.mentions if m.surface == "descriptor"]
    assert {m.text for m in descriptors} == {"his mother", "His mother", "Moren", "Morens"}
    for m in descriptors:
        source = a if m.source == "a" else b
        assert source.text[m.start:m.end] == m.text
    assert ("nb", "Moren") in kimberly.aliases
    snoop = result.entity("snoop-dogg")
    assert snoop is not None and result.entity("snoop-lion") is None
    assert {m.text for m in snoop.mentions} == {"Snoop Dogg", "Snoop Lion"}
    cousin = result.entity("keaton-jones-cousin")
    assert cousin is not None and cousin.sources == ("b",)
    keaton = result.entity("keaton-jones")
    assert keaton is not None and keaton.sources == ("a",)
    assert result.find("Oslo") is None
    cbs = result.entity("cbs")
    assert cbs is not None and cbs.type == "platform" and cbs.type_evidence == ("set in case.yml",)
    assert all(p.warning for p in result.problems)
    assert all(p.path.endswith("case.yml") for p in result.problems)
    assert sorted((p.line, p.problem) for p in result.problems) == [
        (4, "alias 'x' is for 'nobody-here', which matches no entity"),
        (5, "alias 'the schoolboy from Mars' of 'keaton-jones' matches nothing in the sources"),
        (8, "merge names 'no-such-id', which matches no entity"),
        (11, "split names 'demi-lovato', which matches no entity"),
        (14, "reject 'never-seen' matches no name or entity"),
        (17, "type for 'missing-entity', which matches no entity"),
    ]


def test_alias_settles_an_ambiguous_short_form(tmp_path: Path) -> None:
    source = make_source("Jones spoke first.\n\nKimberly and Keaton Jones made a decision.")
    info = case_info(tmp_path, "aliases:\n  keaton-jones: [Jones]\n")
    result = resolve([source], info)
    assert not result.ambiguous and not result.problems
    keaton = result.entity("keaton-jones")
    assert keaton is not None and any(m.text == "Jones" for m in keaton.mentions)


def test_unknown_type_is_an_error(tmp_path: Path) -> None:
    result = resolve([make_source("CBS reported it.")], case_info(tmp_path, "types:\n  cbs: company\n"))
    assert [p.warning for p in result.problems] == [False]
    assert "unknown type 'company'" in result.problems[0].problem


def test_curated_entities_record_the_rules_of_their_type(tmp_path: Path) -> None:
    a = make_source("Keaton Jones cried. CBS reported it from Oslo. Snoop Dogg and Snoop Lion replied.", "en", "a")
    b = make_source("Keaton Jones er fetteren.", "nb", "b")
    result = resolve([a, b], case_info(tmp_path))
    cbs = result.entity("cbs")
    assert cbs is not None and cbs.rules == ("curated type",)
    # A merge is voted on again; a split keeps what decided the type of the entity it came from.
    snoop = result.entity("snoop-dogg")
    assert snoop is not None and snoop.rules == ("majority vote",)
    keaton, cousin = result.entity("keaton-jones"), result.entity("keaton-jones-cousin")
    assert keaton is not None and cousin is not None
    assert (cousin.type, cousin.type_evidence, cousin.rules) == (keaton.type, keaton.type_evidence, keaton.rules)


def test_curated_status_and_note_and_unknown_ids_warn() -> None:
    _, found, _ = seed_discrepancies()
    views = next(d for d in found if d.key == "views")
    case = CaseInfo(raw={"discrepancies": {views.id: {"status": "explained", "note": "counted on different days"},
                                           "figure-0000000000": {"status": "resolved"}}},
                    lines={"discrepancies": 4})
    _, curated, _ = seed_discrepancies(case)
    views = next(d for d in curated if d.key == "views")
    assert (views.status, views.note) == ("explained", "counted on different days")
    assert all(d.status == "open" for d in curated if d.key != "views")
    problems = curation_problems(curated, case)
    assert [str(p) for p in problems] == [
        "seeds/case.yml:4: warning: discrepancy 'figure-0000000000' is not found in this build — "
        "check the id on discrepancies/figure.md (every id is also in data/case.json), or remove the entry"]

"""Spelling findings: one name the sources spell differently."""

from __future__ import annotations

from claimkit import make_source

from generator.compare.merge import compare
from generator.model.refs import EntityRef


def _doctor(spellings: tuple[tuple[str, str, int, int], ...]) -> EntityRef:
    return EntityRef("amir-fayez", "Amir Fayez", "person", tuple(sorted({s for _, s, _, _ in spellings})),
                     tuple(sorted((s, a, b) for _, s, a, b in spellings)), strong=True, spellings=spellings)


def test_sources_spelling_one_name_apart_is_a_confident_attribute_finding() -> None:
    a = make_source("The doctor Amir Fayez counted two dead.", source_id="a")
    b = make_source("The doctor Amir Faiz counted four dead. Later Amir Fayez spoke again.", source_id="b")
    spellings = (("Amir Fayez", "a", 11, 21), ("Amir Faiz", "b", 11, 20), ("Amir Fayez", "b", 46, 56))
    assert [a.text[11:21], b.text[11:20], b.text[46:56]] == ["Amir Fayez", "Amir Faiz", "Amir Fayez"]
    found = [d for d in compare([a, b], [], [], [], entities=(_doctor(spellings),)) if d.detail == "spelling"]
    assert len(found) == 1
    finding = found[0]
    assert (finding.kind, finding.explanation, finding.severity) == ("attribute", "conflict", "medium")
    assert finding.rules == ("sources-spell-apart", "spelled-apart") and finding.confidence == "high"
    assert [c.text for c in finding.claims] == ["Amir Fayez", "Amir Faiz", "Amir Fayez"]
    assert "a: “Amir Fayez”; b: “Amir Faiz”, “Amir Fayez”" in finding.summary


def test_one_source_spelling_a_name_two_ways_is_only_possible() -> None:
    b = make_source("The doctor Amir Faiz counted four dead. Later Amir Fayez spoke again.", source_id="b")
    spellings = (("Amir Faiz", "b", 11, 20), ("Amir Fayez", "b", 46, 56))
    found = [d for d in compare([b], [], [], [], entities=(_doctor(spellings),)) if d.detail == "spelling"]
    assert [(d.severity, d.rules, d.confidence) for d in found] == [
        ("low", ("one-source-spells-both", "one-source-spelling"), "low")]


def test_one_spelling_is_no_finding() -> None:
    a = make_source("The doctor Amir Fayez counted two dead.", source_id="a")
    b = make_source("The doctor Amir Fayez counted four dead.", source_id="b")
    spellings = (("Amir Fayez", "a", 11, 21), ("Amir Fayez", "b", 11, 21))
    assert not [d for d in compare([a, b], [], [], [], entities=(_doctor(spellings),)) if d.detail == "spelling"]


def test_a_name_one_source_misspells_once_is_a_spelling_finding_not_a_name_of_its_own() -> None:
    from generator.compare.spellings import misspelt_findings
    from generator.model.finding import Claim, Discrepancy

    a = make_source("The president vowed to destroy Boko Harm last year.", source_id="a")
    b = make_source("Boko Haram freed the girls on Thursday.", source_id="b")
    group = EntityRef("boko-haram", "Boko Haram", "organization", ("b",), (("b", 0, 10),), strong=False)
    names = Discrepancy(id="coverage-x", kind="coverage", key="names|a", summary="", explanation="different-scope",
                        severity="low", claims=(Claim("a", "p1", 31, 40, "Boko Harm", "Boko Harm", "other name"),),
                        detail="names")
    found = misspelt_findings({"a": a, "b": b}, [names], [group])
    assert [(d.kind, d.detail, d.rules, [c.text for c in d.claims]) for d in found] == [
        ("attribute", "spelling", ("sources-spell-apart",), ["Boko Harm", "Boko Haram"])]
    other = EntityRef("boko-x", "Bako Hotel", "place", ("b",), (("b", 0, 10),))
    assert misspelt_findings({"a": a, "b": b}, [names], [other]) == []


def test_the_name_a_source_misspells_is_not_listed_among_the_names_only_it_gives() -> None:
    a = make_source("The president vowed to destroy Boko Harm, said Professor John Paden, who "
                    "studies the group.", source_id="a")
    b = make_source("Boko Haram freed the girls on Thursday. Boko Haram holds more.", source_id="b")
    c = make_source("Boko Haram has held them since 2014.", source_id="c")
    group = EntityRef("boko-haram", "Boko Haram", "organization", ("b", "c"),
                      (("b", 0, 10), ("b", 40, 50), ("c", 0, 10)), strong=True)
    misspelt = EntityRef("boko-harm", "Boko Harm", "person", ("a",), (("a", 31, 40),), strong=True)
    paden = EntityRef("john-paden", "John Paden", "person", ("a",), (("a", 57, 67),), strong=True)
    assert (a.text[31:40], a.text[57:67], b.text[40:50]) == ("Boko Harm", "John Paden", "Boko Haram")
    found = compare([a, b, c], [], [], [], entities=(group, misspelt, paden))
    assert next(d.summary for d in found if d.detail == "spelling").startswith(
        "The sources spell Boko Haram's name differently")
    names = [d for d in found if d.kind == "coverage" and d.detail == "names"]
    assert [[c.text for c in d.claims] for d in names] == [["John Paden"]]
    assert "Boko Harm" not in names[0].summary


def test_a_spelling_a_source_writes_often_is_cited_there_once() -> None:
    from generator.compare.spellings import PASSAGES_PER_SPELLING

    a = make_source("Amir Fayez came. " * (PASSAGES_PER_SPELLING + 1), source_id="a")
    b = make_source("The doctor Amir Faiz counted four dead.", source_id="b")
    spellings = (*(("Amir Fayez", "a", 17 * i, 17 * i + 10) for i in range(PASSAGES_PER_SPELLING + 1)),
                 ("Amir Faiz", "b", 11, 20))
    assert {a.text[s:e] for _, src, s, e in spellings if src == "a"} == {"Amir Fayez"}
    found = [d for d in compare([a, b], [], [], [], entities=(_doctor(spellings),)) if d.detail == "spelling"]
    assert [(c.source, c.start, c.text) for c in found[0].claims] == [("a", 0, "Amir Fayez"), ("b", 11, "Amir Faiz")]

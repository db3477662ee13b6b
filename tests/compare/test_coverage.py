"""Coverage findings: what only one source reports."""

from __future__ import annotations

from claimkit import make_source, resolved_entities, seeds
from comparekit import claims_of, compared, having, seed_discrepancies

from generator.compare.merge import compare


def test_seed_coverage() -> None:
    _, found, _ = seed_discrepancies()
    flag = having(found, "coverage", "Confederate Flag")
    assert flag and flag[0].claims[0].source.startswith("000")
    assert having(found, "coverage", "Justin Bieber", detail="names")
    assert not having(found, "coverage", "Keaton")  # everyone reports Keaton


def test_seed_coverage_from_resolved_entities() -> None:
    """As the pipeline runs it: one finding per source listing the names only it gives, each with its
    passage; never the source's own outlet ("In Touch" in 001's footer, "VG" in "VG-lesere") nor a
    name that only describes the person after it ("Hollywood-stjernen Mark Ruffalo")."""
    corpus, _, persons = seeds()
    quotes, figures, dates = claims_of(corpus, persons)
    found = compare(corpus.sources, quotes, figures, dates, persons, corpus.case, resolved_entities(corpus))
    names = [d for d in found if d.kind == "coverage" and d.detail == "names"]
    # one per source and confidence: the people typed on evidence, then the other names to check
    assert len({(d.claims[0].source, d.confidence) for d in names}) == len(names)
    texts = {c.text for d in names for c in d.claims}
    assert {"Confederate Flag", "Justin Bieber", "Cardi B", "YouTube", "Los Angeles"} <= texts
    assert not texts & {"In Touch", "VG", "Hollywood", "Keaton Jones", "Knoxville", "Facebook", "Captain America"}
    flag = having(found, "coverage", "Confederate Flag")
    assert flag and all(c.source.startswith("000") for c in flag[0].claims)


def test_coverage_findings_name_the_rule_that_made_them() -> None:
    found = compared(make_source("The storm cut power. 300 homes lost power in Bergen.", source_id="a"),
                     make_source("The storm cut power in Bergen, the Bergen Energy Board said. The Bergen Energy Board "
                                 "had warned.", source_id="b"))
    assert [(d.detail, d.explanation, d.severity, d.rules) for d in found if d.kind == "coverage"] == [
        ("figure", "different-scope", "low", ("measure-in-one-source", "one-source-unconfirmed")),
        ("names", "different-scope", "low", ("term-in-one-source", "one-source-unconfirmed"))]


def test_a_names_finding_records_whether_entities_or_terms_or_both_gave_its_names() -> None:
    _, found, _ = seed_discrepancies()
    rules = {d.claims[0].source[:3]: d.rules for d in found if d.kind == "coverage" and d.detail == "names"}
    made = {rule[:-1] for rule in rules.values()}  # the last rule is the confidence's
    assert made <= {("entity-in-one-source",), ("term-in-one-source",), ("entity-in-one-source", "term-in-one-source")}
    assert {rule[-1] for rule in rules.values()} <= {"names-with-evidence", "one-source-unconfirmed"}
    flag = having(found, "coverage", "Confederate Flag")
    assert flag and "term-in-one-source" in flag[0].rules
    bieber = having(found, "coverage", "Justin Bieber", detail="names")
    assert bieber and "entity-in-one-source" in bieber[0].rules

"""Paraphrase findings: narrative against another source's quote."""

from __future__ import annotations

from comparekit import having, seed_discrepancies


def test_seed_paraphrase_departures() -> None:
    _, found, _ = seed_discrepancies()
    assert having(found, "paraphrase", "shirt", "clothes", detail="substitution")
    assert having(found, "paraphrase", "at his head", "at me", detail="addition")
    assert having(found, "paraphrase", "nose", detail="omission")
    dropped = having(found, "paraphrase", "things can get better", "probably", detail="hedge dropped")
    assert dropped and "probably" in dropped[0].summary


def test_each_departure_names_the_rule_that_found_it() -> None:
    _, found, _ = seed_discrepancies()
    decided = {(d.detail, d.explanation, d.severity, d.rules[:-1]) for d in found if d.kind == "paraphrase"}
    assert decided == {("substitution", "conflict", "medium", ("substitution",)),
                       ("addition", "conflict", "medium", ("addition",)),
                       ("omission", "conflict", "low", ("omission",)),
                       ("hedge dropped", "conflict", "medium", ("hedge-dropped",))}


def test_clause_rules_run_in_the_order_of_their_table() -> None:
    from generator.compare.paraphrase import _CLAUSE_RULES, _QUOTE_RULES

    assert [rule.name for rule in _CLAUSE_RULES] == ["hedge-dropped", "substitution", "addition"]
    assert [rule.name for rule in _QUOTE_RULES] == ["omission"]

"""What every finding kind builds with: summaries, rule tables."""

from __future__ import annotations


def test_a_summary_names_a_few_sources_one_by_one_and_groups_many_by_wording() -> None:
    from generator.compare.common import SAID_IN_FULL, said_by_source

    few = [("001-a", "“300”"), ("002-b", "“200”")]
    assert said_by_source(few) == "001: “300”; 002: “200”"
    many = [(f"{n:03d}-wire", "“300 homes”") for n in range(40)]
    many += [(f"{n:03d}-own", "“200 homes”") for n in range(40, 50)]
    many += [(f"{n:03d}-odd", f"“{n} homes”") for n in range(50, 56)]
    assert len(many) > SAID_IN_FULL
    said = said_by_source(many)
    assert said.startswith("“300 homes” (000, 001, 002, 003, 004 and 35 more); “200 homes” (040, 041, 042, 043, "
                           "044 and 5 more); “50 homes” (050); “51 homes” (051); and 4 other wordings")
    assert len(said) < 200


def test_the_first_rule_that_holds_decides_and_a_table_must_end_in_one_that_always_does() -> None:
    import pytest

    from generator.compare.common import Rule, always, first_rule

    rules: tuple[Rule[int], ...] = (
        Rule("big", lambda n: n > 100, "different-scope", "medium"),
        Rule("even", lambda n: n % 2 == 0, "rounding", "low"),
        Rule("else", always, "conflict", "high"),
    )
    assert first_rule(rules, 200).name == "big"  # big and even: the earlier rule decides
    assert first_rule(rules, 4).name == "even"
    assert (first_rule(rules, 3).explanation, first_rule(rules, 3).severity) == ("conflict", "high")
    with pytest.raises(ValueError, match="no rule of"):
        first_rule(rules[:2], 3)

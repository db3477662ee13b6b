"""The type decision of a cluster: an ordered table of named rules over the mentions' votes."""

from __future__ import annotations

from generator.model.mention import EntityType, Mention
from generator.resolve.clusters import TYPE_RULES, Cluster, vote


def mention(kind: EntityType, *evidence: str, low: bool = False) -> Mention:
    return Mention(source="s1", anchor="p1", start=0, end=5, text="Name", sentence="p1-s1", name="Name",
                   surface="single", type=kind, evidence=evidence, confidence="low" if low else "high")


def test_the_rules_are_tried_in_order() -> None:
    assert [rule.name for rule in TYPE_RULES] == ["animal or storm evidence", "majority vote", "no votes"]


def test_strong_evidence_outweighs_capital_letters() -> None:
    decision = vote([mention("person", "role 'singer'"), mention("other", "capitalised within a sentence"),
                     mention("other", "at sentence start"), mention("other", "capitalised within a sentence")])
    assert (decision.type, decision.rule) == ("person", "majority vote")
    assert decision.evidence == ("role 'singer'",)


def test_an_animal_is_no_person_whatever_the_votes() -> None:
    decision = vote([mention("person", "given name 'Bamse'"), mention("person", "given name 'Bamse'"),
                     mention("other", "animal 'dog'")])
    assert (decision.type, decision.rule, decision.evidence) == ("other", "animal or storm evidence", ("animal 'dog'",))


def test_no_mentions_make_other() -> None:
    decision = vote([])
    assert (decision.type, decision.rule, decision.evidence) == ("other", "no votes", ())


def test_a_cluster_keeps_the_deciding_rule() -> None:
    cluster = Cluster("name:oslo", [mention("place", "gazetteer: city Oslo")])
    assert cluster.decide_type(cluster.mentions) == "place"
    assert (cluster.type, cluster.evidence, cluster.rules) == ("place", ("gazetteer: city Oslo",), ("majority vote",))

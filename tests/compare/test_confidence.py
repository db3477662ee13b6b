"""How sure a finding is: confident findings show, by their evidence, one thing told differently;
the others are possible disagreements, to check."""

from __future__ import annotations

import datetime as dt

from claimkit import make_source, refs_for, resolved_entities, seeds
from comparekit import claims_of, compared, seed_discrepancies

from generator.compare.confidence import CONFIDENCE_RULES, _always
from generator.compare.merge import compare
from generator.model.finding import KINDS


def _sure(*sources, kind: str = "figure", persons=()) -> list[tuple[str, str]]:
    return [(d.confidence, d.rules[-1]) for d in compared(*sources, persons=persons) if d.kind == kind]


def test_figures_told_with_the_same_words_around_them_are_confident() -> None:
    one = make_source("The storm passed. The blast sent 84 people to the city shelter, doctors said.", source_id="a")
    other = make_source("The storm passed. Doctors said 60 people were taken to the city shelter.", source_id="b")
    assert _sure(one, other) == [("high", "same-words-around")]


def test_counts_of_people_in_unrelated_sentences_are_to_check() -> None:
    one = make_source("The blast sent 84 people fleeing.", source_id="a")
    other = make_source("About 30 people worked in the building.", source_id="b")
    assert _sure(one, other) == [("low", "figures-unconfirmed")]


def test_people_taken_to_hospital_are_not_compared_with_other_people() -> None:
    one = make_source("The blast sent 84 people to hospital.", source_id="a")
    other = make_source("About 30 people worked in the building.", source_id="b")
    assert _sure(one, other) == []


def test_a_thing_the_story_seldom_counts_is_one_thing() -> None:
    one = make_source("Rescuers dug through the night. Some 60 excavators were used.", source_id="a")
    other = make_source("The search went on. 100 excavators were involved, state media said.", source_id="b")
    assert _sure(one, other) == [("high", "rare-thing-counted")]


def test_spans_of_time_counted_on_different_days_are_no_disagreement() -> None:
    one = make_source("The boy has been trapped for around 50 hours.", source_id="a", published=dt.date(2016, 11, 8))
    other = make_source("The boy has been trapped for more than 85 hours.", source_id="b",
                        published=dt.date(2016, 11, 10))
    assert _sure(one, other) == [("low", "durations-written-apart")]


def test_words_of_the_story_topic_join_nothing() -> None:
    """"consulate" and "attack" are in most sentences of a story about an attack on a consulate: two
    counts that share only them are not shown to count one thing."""
    topic = " ".join(f"The consulate attack was condemned by group {n}." for n in range(12))
    one = make_source(f"{topic} The consulate attack left 84 people homeless.", source_id="a")
    other = make_source(f"{topic} About 30 people worked at the consulate before the attack.", source_id="b")
    assert _sure(one, other) == [("low", "figures-unconfirmed")]


def test_a_quote_of_one_named_speaker_in_other_words_is_confident() -> None:
    sources = [make_source(f'"The conductor braked as soon as he saw the {thing}," said Jean Martin.', source_id=sid)
               for sid, thing in (("a", "obstacle"), ("b", "fallen tree"))]
    persons = tuple(ref for s in sources for ref in refs_for(s, ("Jean Martin", "jean-martin", "m")))
    found = [d for d in compared(*sources, persons=persons) if d.kind == "quote"]
    assert [(d.confidence, d.rules[-1]) for d in found] == [("high", "same-speaker-other-words")]
    assert found[0].evidence[0] == "same speaker: Jean Martin"


def test_a_short_quote_without_a_speaker_in_both_is_no_finding_and_a_long_one_is_to_check() -> None:
    short = [make_source(f'He said: "the release of the {who} girls".', source_id=sid)
             for sid, who in (("a", "Chibok"), ("b", "kidnapped"))]
    assert not [d for d in compared(*short) if d.kind == "quote"]
    long = [make_source(f'"We will keep working until every one of the {w} girls is home with her family," '
                        "an official said.", source_id=sid) for sid, w in (("a", "missing"), ("b", "kidnapped"))]
    assert [(d.confidence, d.rules[-1]) for d in compared(*long) if d.kind == "quote"] == [
        ("low", "speaker-unconfirmed")]


def test_a_narrative_must_name_or_refer_to_the_speaker_it_retells() -> None:
    quote = make_source('"It will probably get better one day," said Keaton Jones.', source_id="q")
    named = make_source("Keaton Jones said that things will get better one day.", source_id="n")
    other = make_source("The principal said that things will get better one day.", source_id="o")
    referred = make_source("Keaton Jones spoke to his mother. He said that things will get better one day.",
                           source_id="r")
    people = ("Keaton Jones", "keaton", "m")

    def retold(narrative):
        persons = (*refs_for(quote, people), *refs_for(narrative, people))
        return [(d.confidence, d.detail) for d in compared(quote, narrative, persons=persons)
                if d.kind == "paraphrase"]

    assert retold(named) == [("high", "hedge dropped")]
    assert retold(other) == []  # someone else's words, however alike
    assert retold(referred) == [("high", "hedge dropped")]  # "He" after Keaton Jones


def test_only_people_named_on_evidence_make_a_confident_names_finding() -> None:
    corpus, _, persons = seeds()
    quotes, figures, dates = claims_of(corpus, persons)
    found = compare(corpus.sources, quotes, figures, dates, persons, corpus.case, resolved_entities(corpus))
    names = {d.confidence: d for d in found if d.kind == "coverage" and d.detail == "names"
             and d.claims[0].source.startswith("002")}
    assert {c.role for c in names["high"].claims} == {"person"}
    assert "Justin Bieber" in {c.value for c in names["high"].claims}
    assert {"Los Angeles", "CBS"} <= {c.value for c in names["low"].claims}


def test_every_finding_says_how_sure_it_is_and_why() -> None:
    _, found, _ = seed_discrepancies()
    for finding in found:
        assert finding.confidence in ("high", "low")
        assert finding.evidence[-1].startswith(("confident: ", "to check: "))
        assert finding.rules[-1] in {rule.name for rule in CONFIDENCE_RULES[finding.kind]}
    assert set(CONFIDENCE_RULES) == set(KINDS)
    assert all(table[-1].holds is _always for table in CONFIDENCE_RULES.values())  # each table decides every finding

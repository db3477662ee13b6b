"""Contradiction findings: one thing named otherwise in the same words, and a word one source denies
and another asserts."""

from __future__ import annotations

from claimkit import make_source

from generator.compare.contradictions import contradiction_findings
from generator.compare.merge import compare

_FILLER = " The mayor spoke to reporters on Monday. Schools stayed closed in the district. Roads were reopened later."


def _by_id(*texts: str, language: str = "en") -> dict[str, object]:
    return {f"s{i}": make_source(t + _FILLER, language=language, source_id=f"s{i}") for i, t in enumerate(texts)}


def test_a_car_and_a_truck_told_in_the_same_words_are_one_confident_finding() -> None:
    sources = [make_source("A bomber rammed a car packed with explosives into the outer gate." + _FILLER,
                           source_id="a"),
               make_source("A bomber rammed a truck packed with explosives into the outer gate." + _FILLER,
                           source_id="b")]
    found = [d for d in compare(sources, [], [], []) if d.kind == "contradiction"]
    assert len(found) == 1
    finding = found[0]
    assert (finding.detail, finding.explanation, finding.severity) == ("named-otherwise", "conflict", "medium")
    assert [(c.source, c.text, c.value) for c in finding.claims] == [("a", "car", "car"), ("b", "truck", "truck")]
    assert finding.rules == ("named-otherwise", "same-words-around") and finding.confidence == "high"
    assert "a: “car”; b: “truck”" in finding.summary


def test_a_car_and_a_truck_in_unrelated_sentences_are_no_finding() -> None:
    found = contradiction_findings(_by_id("A car was parked outside the bakery all week.",  # type: ignore[arg-type]
                                          "A truck delivered flour to the mill at dawn."))
    assert found == []


def test_a_sentence_naming_both_tells_of_two_things() -> None:
    found = contradiction_findings(_by_id(  # type: ignore[arg-type]
        "A bomber rammed a car packed with explosives into the outer gate.",
        "A truck hit a car packed with explosives near the outer gate, a bomber rammed."))
    assert found == []


def test_a_word_denied_by_one_source_and_asserted_in_the_same_words_by_another() -> None:
    found = contradiction_findings(_by_id(  # type: ignore[arg-type]
        "Officials said the handover of the hostages was not a swap with the rebels.",
        "Officials said the handover of the hostages was a swap with the rebels in Banki."))
    assert [(d.detail, d.key, d.rules) for d in found] == [
        ("asserted-and-denied", "denied:swap", ("asserted-and-denied",))]
    assert [(c.source, c.text, c.role) for c in found[0].claims] == [
        ("s0", "not a swap", "denial"), ("s1", "swap", "assertion")]


def test_a_denial_in_german_reads_its_own_language_data() -> None:
    found = contradiction_findings(_by_id(  # type: ignore[arg-type]
        "Die Behörden erklärten, die Übergabe der Geiseln sei kein Austausch mit den Rebellen gewesen.",
        "Die Behörden erklärten, die Übergabe der Geiseln sei ein Austausch mit den Rebellen gewesen.",
        language="de"))
    assert [d.key for d in found] == ["denied:austausch"]


def test_a_name_after_a_negation_is_never_denied() -> None:
    found = contradiction_findings(_by_id(  # type: ignore[arg-type]
        "Officials said no Boko fighters were freed by the army.",
        "Officials said Boko fighters were freed by the army."))
    assert found == []


def test_a_word_several_sources_assert_and_one_denies_is_confident_without_shared_words() -> None:
    sources = [make_source("Officials insisted: this is not a swap." + _FILLER, source_id="a"),
               make_source("The Red Cross confirmed its role in the swap on Friday." + _FILLER, source_id="b"),
               make_source("Four prisoners were freed as part of the swap, the agency reported." + _FILLER,
                           source_id="c")]
    found = [d for d in compare(sources, [], [], []) if d.kind == "contradiction"]
    assert [(d.key, d.rules, d.confidence) for d in found] == [
        ("denied:swap", ("denied-asserted-by-several", "several-assert-one-denies"), "high")]
    assert "(1 source denies it, 2 assert it)" in found[0].summary


def test_denying_the_reports_and_a_describing_word_deny_nothing() -> None:
    found = contradiction_findings(_by_id(  # type: ignore[arg-type]
        "The minister denied reports of a ransom. No captive fighters were released.",
        "Early reports spoke of a ransom. A captive was seen in the camp.",
        "Reports of a ransom spread quickly. The captive was later freed."))
    assert found == []


def test_a_car_and_a_truck_across_languages_are_joined_through_the_dictionaries() -> None:
    found = contradiction_findings({
        "a": make_source("Ein Attentäter steuerte ein Auto voller Sprengstoff gegen die Mauer des Konsulats." + _FILLER,
                         language="de", source_id="a"),
        "b": make_source("Un kamikaze a lancé un camion rempli d'explosifs contre le mur du consulat." + _FILLER,
                         language="fr", source_id="b")})
    assert [(d.key, [c.value for c in d.claims]) for d in found] == [("named:vehicle", ["car", "truck"])]


def test_a_thing_named_otherwise_across_languages_is_confident_on_translated_words_around_it() -> None:
    from comparekit import compared

    found = [d for d in compared(
        make_source("Der Maschinist soll nicht überprüft haben, ob die Fenster richtig geschlossen waren." + _FILLER,
                    language="de", source_id="a"),
        make_source("Le mécanicien est soupçonné de ne pas avoir vérifié que les portes étaient fermées." + _FILLER,
                    language="fr", source_id="b")) if d.kind == "contradiction"]
    assert [(d.confidence, d.rules[-1]) for d in found] == [("high", "same-words-translated")]
    assert any("überprüfen = vérifier: check" in e for e in found[0].evidence)

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
        ("figure", "different-scope", "low", ("measure-in-one-source", "numbers-nowhere-else")),
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


def _figures_of(*sources):  # type: ignore[no-untyped-def]
    from generator.extract.figures import extract_figures

    return [f for s in sources for f in extract_figures(s)]


def test_a_figure_whose_number_no_other_source_writes_is_confident_coverage() -> None:
    a = make_source("Die Richter verurteilten ihn zu einer Freiheitsstrafe von sieben Jahren. Er hat 33 Spiele "
                    "bestritten.", language="de", source_id="a")
    b = make_source("Le verdict est attendu mercredi à Bellinzone. La banque a écopé d’une amende de 40’000 francs.",
                    language="fr", source_id="b")
    found = [d for d in compare([a, b], [], _figures_of(a, b), []) if d.kind == "coverage" and d.detail == "figure"]
    by_text = {c.text: (d.rules[-1], d.confidence) for d in found for c in d.claims}
    assert by_text["sieben Jahren"] == ("numbers-nowhere-else", "high")
    assert by_text["40’000 francs"] == ("numbers-nowhere-else", "high")
    assert by_text["33 Spiele"] == ("numbers-nowhere-else", "high")


def test_a_number_another_source_writes_in_its_own_words_is_no_coverage() -> None:
    a = make_source("Die Richter verurteilten ihn zu einer Freiheitsstrafe von sieben Jahren.", language="de",
                    source_id="a")
    b = make_source("Le procureur avait requis sept ans de prison.", language="fr", source_id="b")
    found = [d for d in compare([a, b], [], _figures_of(a, b), []) if d.rules[:1] == ("numbers-in-one-source",)]
    assert found == []


def test_a_count_another_source_may_hold_is_left_to_check() -> None:
    a = make_source("Seven people died when the yacht sank off Sicily.", source_id="a")
    b = make_source("The sinking killed the owner, his daughter and five people off Sicily.", source_id="b")
    found = [d for d in compare([a, b], [], _figures_of(a, b), []) if d.kind == "coverage" and d.detail == "figure"]
    assert found and all(d.confidence == "low" for d in found)


def _only_numbers(*sources):  # type: ignore[no-untyped-def]
    """What each figure the numbers-nowhere-else coverage gives is, by its text."""
    found = [d for d in compare(list(sources), [], _figures_of(*sources), []) if d.kind == "coverage"
             and d.detail == "figure"]
    return {c.text: d.confidence for d in found if "numbers-nowhere-else" in d.rules for c in d.claims}


def test_a_count_far_from_another_sources_is_still_one_source_alone_gives() -> None:
    a = make_source("The insurgency has caused 6,644 deaths since 2009.", source_id="a")
    b = make_source("On Wednesday a suicide attack saw eight people killed in the city.", source_id="b")
    assert _only_numbers(a, b) == {"6,644 deaths": "high", "eight people": "high"}


def test_a_count_of_an_earlier_time_holds_none_of_the_story_days_people() -> None:
    a = make_source("She said that a dozen captives died in a bombing more than a year ago.", source_id="a")
    b = make_source("On Wednesday a suicide attack saw eight people killed in the city.", source_id="b")
    assert "eight people" in _only_numbers(a, b)
    assert "a dozen captives" not in _only_numbers(a, b)  # the story's eight may be among an earlier count's


def test_a_smaller_count_the_source_writes_itself_is_not_part_of_its_larger_one() -> None:
    a = make_source("The 21 girls were freed on Thursday. In the video a militant says that 40 girls were "
                    "married off.", source_id="a")
    b = make_source("Boko Haram freed 21 girls on Thursday.", source_id="b")
    assert _only_numbers(a, b) == {"40 girls": "high"}


def test_a_number_written_elsewhere_only_for_another_thing_is_one_source_alone_gives() -> None:
    a = make_source("Some 60 excavators and 100 dump trucks are being used in the search.", source_id="a")
    b = make_source("The search has lasted over 100 hours. Around 100 excavators were brought in.", source_id="b")
    assert _only_numbers(a, b) == {"100 dump trucks": "high", "over 100 hours": "high"}
    c = make_source("The search has lasted over 100 hours and 100 trucks were brought in.", source_id="c")
    assert "100 dump trucks" not in _only_numbers(a, c)


def test_people_counted_under_another_name_are_written_elsewhere() -> None:
    a = make_source("The insurgency has killed more than 20,000 people. On Wednesday eight people were killed.",
                    source_id="a")
    b = make_source("The conflict has cost more than 20,000 lives.", source_id="b")
    assert "more than 20,000 people" not in _only_numbers(a, b)


def test_months_are_a_span_of_time_like_years() -> None:
    a = make_source("Un ex-banquier a été condamné à six mois avec sursis.", language="fr", source_id="a")
    b = make_source("Sein Geschäftspartner wurde zu sechs Jahren Gefängnis verurteilt.", language="de", source_id="b")
    assert _figures_of(a)[0].measure == "months"
    assert _only_numbers(a, b) == {}


def test_a_clock_time_no_other_source_gives_nor_one_near_it_is_confident_coverage() -> None:
    from generator.extract.dates import extract_dates

    a = make_source("The hostages were released around 5:30 a.m. on Thursday in the north.", source_id="a")
    b = make_source("The hostages were released on Thursday, officials said.", source_id="b")
    c = make_source("The hostages were released at 6 a.m. on Thursday, officials said.", source_id="c")
    dates = [m for s in (a, b) for m in extract_dates(s)]
    found = [d for d in compare([a, b], [], [], dates) if d.rules[:1] == ("time-in-one-source",)]
    assert [(d.detail, [cl.text for cl in d.claims], d.confidence) for d in found] == [("time", ["5:30 a.m."], "high")]
    near = [m for s in (a, c) for m in extract_dates(s)]
    assert not [d for d in compare([a, c], [], [], near) if d.rules[:1] == ("time-in-one-source",)]


def test_a_length_another_source_gives_without_its_dimension_is_no_length_one_source_alone_gives() -> None:
    a = make_source("Der Unternehmer feierte auf dem 56 Meter langen Schiff.", language="de", source_id="a")
    b = make_source("Mais le yacht de 56 mètres a coulé en quelques minutes.", language="fr", source_id="b")
    assert {f.measure for f in _figures_of(a, b)} == {"length", "distance"}
    found = [d for d in compare([a, b], [], _figures_of(a, b), []) if d.kind == "coverage" and d.detail == "figure"]
    assert found == []
    c = make_source("Mais le yacht a coulé en quelques minutes, à 800 mètres du port.", language="fr", source_id="c")
    assert [c.text for d in compare([a, c], [], _figures_of(a, c), []) if d.kind == "coverage"
            and d.detail == "figure" for c in d.claims] == ["56 Meter langen", "800 mètres"]


def test_a_number_after_a_contracted_article_refers_back_and_a_repeated_figure_is_quoted_once() -> None:
    a = make_source("L’argent a permis aux deux hommes d’acquérir des immeubles. Il est mort cinq jours après, "
                    "oui, cinq jours après.", language="fr", source_id="a")
    b = make_source("Der Prozess dauerte lange.", language="de", source_id="b")
    found = [d for d in compare([a, b], [], _figures_of(a, b), []) if d.kind == "coverage" and d.detail == "figure"]
    assert not [d for d in found if "hommes" in d.summary]  # "aux deux hommes": the two men already named
    assert [d.summary for d in found if "jours" in d.summary] == [
        "Only a gives a figure for days: “cinq jours” (twice)."]


def test_a_name_only_one_source_gives_is_cited_where_it_stands_apart_from_other_names() -> None:
    from generator.compare.coverage import _standing_apart

    text = "The list: Anna Berg Maryam Basheer Helen Musa\n\nThey named Maryam Basheer, a student."
    run, prose = text.index("Maryam"), text.rindex("Maryam")
    assert _standing_apart(text, [(run, run + 14), (prose, prose + 14)]) == (prose, prose + 14)
    assert _standing_apart(text, [(run, run + 14)]) == (run, run + 14)  # no other: the first

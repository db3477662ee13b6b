"""Figure findings: values compared within rounding, scopes, counters, growing measures."""

from __future__ import annotations

from claimkit import make_source
from comparekit import case_json, compared, seed_discrepancies

from generator.model.source import Source


def test_seed_view_counts_are_one_figure_discrepancy() -> None:
    _, found, _ = seed_discrepancies()
    views = [d for d in found if d.kind == "figure" and d.key == "views"]
    assert len(views) == 1
    assert [c.text for c in views[0].claims] == ["20 million views", "more than 17 million views",
                                                 "over 20 millioner ganger"]
    assert views[0].explanation == "different-time"


def test_a_figure_found_in_many_sources_keeps_a_short_summary(seeds) -> None:

    files = {f"{n:03d}.txt": f"Officials said {300 if n % 3 else 200} homes lost power in Bergen.\n" for n in range(30)}
    case = case_json(seeds, files)
    figure = next(d for d in case["discrepancies"] if d["kind"] == "figure")
    assert len(figure["claims"]) == 30  # every source is still a claim
    assert figure["summary"].count("“300 homes”") == 1 and "(001, 002, 004, 005, 007 and 15 more)" in figure["summary"]


def test_a_source_giving_agreeing_values_is_compared_by_its_most_precise(seeds) -> None:
    files = {
        "a.txt": "Bühne stürzt ein: zwölf Verletzte\n\nMindestens 12 Menschen wurden verletzt.\n",
        "a.yml": "language: de\n",
        "b.txt": "Bühneneinsturz in Kehl\n\nNach Angaben der Polizei wurden 14 Menschen verletzt.\n",
        "b.yml": "language: de\n",
    }
    case = case_json(seeds, files)
    injured = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"].startswith("injured")]
    # every agreeing value is a claim (the reader sees each passage); the most precise speaks for the source
    assert [[c["text"] for c in d["claims"]] for d in injured] == [["zwölf Verletzte", "Mindestens 12 Menschen",
                                                                     "14 Menschen"]]
    assert "a: “zwölf Verletzte”; b: “14 Menschen”" in injured[0]["summary"]
    files["c.txt"] = "Unglück in Kehl\n\nZehn Menschen wurden verletzt, aber mehr als 30 Menschen wurden verletzt.\n"
    files["c.yml"] = "language: de\n"
    case = case_json(seeds, files)
    # c gives values that exclude each other (they count different things): c is left out, no guess
    injured = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"].startswith("injured")]
    assert [sorted({c["source"] for c in d["claims"]}) for d in injured] == [["a", "b"]]


def test_a_value_far_from_the_others_is_set_aside_or_told_as_another_scope(seeds) -> None:
    files = {
        "a.txt": "Séisme en Turquie\n\nLe séisme a fait 41 morts. "
                 "En 2023, deux séismes avaient fait plus de 50 000 morts.\n",
        "a.yml": "language: fr\n",
        "b.txt": "Jordskjelv i Tyrkia\n\nMinst 40 døde etter skjelvet.\n",
        "b.yml": "language: nb\n",
    }
    case = case_json(seeds, files)
    dead = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"] == "dead"]
    assert [[c["text"] for c in d["claims"]] for d in dead] == [["41 morts", "Minst 40 døde"]]
    files = {
        "a.txt": "Jobs cut\n\nThe group, which employs about 15,000 people, will cut jobs.\n",
        "a.yml": "language: en\n",
        "b.txt": "Emplois\n\nL'usine, où travaillent 320 personnes, fermera.\n",
        "b.yml": "language: fr\n",
    }
    case = case_json(seeds, files)
    people = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"] == "people"]
    assert [(d["explanation"], d["severity"]) for d in people] == [("different-scope", "medium")]


def test_a_vague_count_stands_for_its_source_only_where_the_source_gives_no_other_count(seeds) -> None:
    files = {
        "a.txt": "Rescue at the well\n\nDozens of rescuers are trying to reach the boy.\n",
        "a.yml": "language: en\npublished: 2019-11-08\n",
        "b.txt": "Boy found\n\nMore than 500 rescuers took part in the search.\n",
        "b.yml": "language: en\npublished: 2019-11-11\n",
    }
    case = case_json(seeds, files)
    responders = [d for d in case["discrepancies"] if d["key"] == "responders"]
    assert [[c["text"] for c in d["claims"]] for d in responders if d["kind"] == "figure"] == [
        ["Dozens of rescuers", "More than 500 rescuers"]]
    # "dozens" writes no number: no source is said to be alone in giving rescuers a figure
    coverage = [d["summary"] for d in case["discrepancies"] if d["kind"] == "coverage"]
    assert not any("Dozens" in s or "a figure for responders" in s for s in coverage)
    files["a.txt"] = "Hero\n\nThe girl was hailed as a hero by thousands of people online.\n"
    files["b.txt"] = "Ice\n\nAt least 14 people have fallen through the ice this winter.\n"
    case = case_json(seeds, files)
    # a vague count of people as such is compared with none, and it counts as giving people a figure
    assert not [d for d in case["discrepancies"] if d["key"] == "people" or "a figure for people" in d["summary"]]
    files["a.txt"] = ("Attack\n\nAt least two people were killed. A spokesman claimed tens of invaders were "
                      "killed.\n")
    files["b.txt"] = "Attack\n\nAt least six people were killed in the attack.\n"
    case = case_json(seeds, files)
    assert any(f["text"].startswith("tens of invaders") for f in case["figures"])  # found, and set aside:
    dead = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"] == "dead"]
    assert [[c["text"] for c in d["claims"]] for d in dead] == [["At least two people", "At least six people"]]


def test_exact_values_one_apart_differ_and_a_round_number_stands_for_a_tenth_either_way(seeds) -> None:
    def finding(one: str, other: str) -> tuple[str, str] | None:
        case = case_json(seeds, {"a.txt": f"Verdict\n\n{one}\n", "a.yml": "language: en\n",
                             "b.txt": f"Verdict\n\n{other}\n", "b.yml": "language: en\n"})
        found = [(d["explanation"], d["severity"]) for d in case["discrepancies"] if d["kind"] == "figure"]
        return found[0] if found else None

    assert finding("He was jailed for 6 years.", "He was jailed for 7 years.") == ("conflict", "high")
    assert finding("The queue was 6.1 km long.", "The queue was 6.2 km long.") == ("conflict", "high")
    assert finding("About 1000 homes were hit.", "In all 1,300 homes were hit.") == ("conflict", "high")
    assert finding("About 1000 homes were hit.", "Some 1,050 homes were hit.") == ("rounding", "low")


def test_people_as_such_do_not_grow_what_happened_to_them_does(seeds) -> None:
    files = {
        "a.txt": "Jet lands in Bergen\n\nThe jet with 182 people on board landed safely. 12 people were injured.\n",
        "a.yml": "language: en\n",
        "b.txt": "Fly nødlandet\n\nFlyet med 176 personer om bord landet trygt. 14 personer ble skadet.\n",
        "b.yml": "language: nb\n",
    }
    case = case_json(seeds, files)
    figures = {d["key"]: d for d in case["discrepancies"] if d["kind"] == "figure"}
    assert (figures["people"]["explanation"], figures["people"]["severity"]) == ("conflict", "high")
    assert figures["injured"]["explanation"] == "different-time"


def test_counts_by_different_counters_are_compared_counter_by_counter(seeds) -> None:
    files = {
        "a.txt": "Manifestation\n\nLe cortège a rassemblé 80 000 personnes selon la police, 400 000 selon la CGT.\n",
        "a.yml": "language: fr\n",
        "b.txt": "Manifestation\n\nLa marche a réuni 90 000 personnes selon la police.\n",
        "b.yml": "language: fr\n",
    }
    case = case_json(seeds, files)
    people = [d for d in case["discrepancies"] if d["kind"] == "figure" and d["key"].startswith("people")]
    assert [(d["key"], [c["text"] for c in d["claims"]]) for d in people] == [
        ("people|by:police", ["80 000 personnes", "90 000 personnes"])]  # the CGT's 400 000 against nobody
    assert "counted by police" in people[0]["summary"]
    assert {f["counted_by"] for f in case["figures"]} == {"police", "cgt"}


def test_each_figure_finding_names_the_rule_that_explained_it() -> None:
    def decided(one: Source, other: Source) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(d.explanation, d.severity, d.rules[:-1]) for d in compared(one, other)
                if d.kind == "figure"]  # the last rule is the confidence's (tests/compare/test_confidence.py)

    assert decided(make_source("He was jailed for 6 years.", source_id="a"),
                   make_source("He was jailed for 7 years.", source_id="b")) == [("conflict", "high", ("conflict",))]
    assert decided(make_source("About 1000 homes were hit.", source_id="a"),
                   make_source("Some 1,050 homes were hit.", source_id="b")) == [
        ("rounding", "low", ("within-rounding",))]
    assert decided(make_source("The group, which employs about 15,000 people, will cut jobs.", source_id="a"),
                   make_source("L'usine, où travaillent 320 personnes, fermera.", "fr", source_id="b")) == [
        ("different-scope", "medium", ("far-apart",))]
    assert decided(make_source("The jet landed. 12 people were injured.", source_id="a"),
                   make_source("Flyet landet. 14 personer ble skadet.", "nb", source_id="b")) == [
        ("different-time", "low", ("growing-in-order",))]
    assert decided(make_source("The jet landed. About 400 people were injured.", source_id="a"),
                   make_source("Flyet landet. 420 personer ble skadet.", "nb", source_id="b")) == [
        ("different-time", "low", ("growing-within-rounding",))]


def test_counts_that_grow_are_told_as_counted_at_different_moments_when_the_later_reports_count_more() -> None:
    import datetime as dt

    def decided(first: str, second: str, days: tuple[int, int] | None) -> list[tuple[str, str, str]]:
        dates = (dt.date(2016, 11, days[0]), dt.date(2016, 11, days[1])) if days else (None, None)
        one = make_source(first, source_id="a", published=dates[0])
        other = make_source(second, source_id="b", published=dates[1])
        return [(d.explanation, d.severity, d.rules[0]) for d in compared(one, other) if d.kind == "figure"]

    dead = ("The blast killed two people.", "The blast killed six people.")
    assert decided(*dead, (10, 11)) == [("different-time", "low", "later-reports-higher")]
    assert decided(*dead, None) == [("different-time", "low", "growing-in-order")]  # unknown dates fit
    assert decided(*dead, (11, 10)) == [("conflict", "medium", "growing-out-of-order")]
    # a span of time grows too, but only reports dated apart in order say so ("jailed for 6 years" does not grow)
    trapped = ("The boy has been trapped for around 50 hours.", "The boy has been trapped for more than 85 hours.")
    assert decided(*trapped, (8, 10)) == [("different-time", "low", "later-reports-higher")]
    assert decided(*trapped, None) == [("conflict", "high", "conflict")]
    assert decided(*trapped, (10, 8)) == [("conflict", "high", "conflict")]


def test_figure_rules_decide_in_the_order_of_their_table() -> None:
    from generator.compare.common import first_rule
    from generator.compare.figures import _FIGURE_RULES, _Spread

    assert [rule.name for rule in _FIGURE_RULES] == [
        "far-apart", "growing-within-rounding", "later-reports-higher", "growing-in-order", "growing-out-of-order",
        "within-rounding", "conflict"]
    # a growing count far apart is another scope before it is another moment
    assert first_rule(_FIGURE_RULES, _Spread(growing=True, within_rounding=False, far_apart=True,
                                             one_value=False)).name == "far-apart"
    # values far apart whose ranges still meet ("more than 10" beside "60") are not another scope
    assert first_rule(_FIGURE_RULES, _Spread(growing=False, within_rounding=True, far_apart=True,
                                             one_value=False)).name == "within-rounding"
    assert first_rule(_FIGURE_RULES, _Spread(growing=False, within_rounding=False, far_apart=False,
                                             one_value=True)).name == "within-rounding"


def test_figures_are_compared_by_what_they_are_of() -> None:
    def found(*texts: str) -> list[tuple[str, str, str | None]]:
        sources = [make_source(text, source_id=sid) for sid, text in zip("abc", texts, strict=False)]
        return [(d.key, d.explanation, d.confidence) for d in compared(*sources) if d.kind == "figure"]

    # one dimension of one thing: confident, whatever words surround it
    assert found("The boy fell into a 40-metre-deep well on Sunday.", "The boy fell into the 80m-deep well.") == [
        ("depth|well", "conflict", "high")]
    # depths of different things, or a depth and a width, are not compared
    assert found("He fell into a 40-metre-deep well.", "They dug a 10-metre-deep trench.") == []
    assert found("He fell into a 40-metre-deep well.", "It is a 30cm-wide well.") == []
    # German troops against American troops: two groups; about 850 against nearly 1,000 do not meet
    assert found("The mission has about 850 German soldiers.", "Two American soldiers were hurt.") == []
    assert found("The mission has about 850 soldiers.", "Germany has nearly 1,000 troops there.") == [
        ("troops", "conflict", "low")]
    # another group's count, and what an earlier event counted, are compared with nothing
    assert found("Germany has 850 soldiers, with another 1,000 troops from partners.",
                 "Germany has 850 troops there.") == []
    assert found("The attack killed two people. Air strikes last week killed 30 civilians.",
                 "The attack killed two people.") == []

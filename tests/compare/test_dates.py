"""Date findings: events, openings and sentences told alike, dated differently."""

from __future__ import annotations

import datetime as dt

from claimkit import make_source
from comparekit import case_json, compared, opening_files

from generator.model.source import CaseInfo, Source


def test_opening_paragraphs_that_date_the_story_differently(seeds) -> None:
    lead = ("A passenger jet made an emergency landing in Bergen on {day} evening after an engine fire, "
            "the airline said.")
    files = {
        "a.txt": "Plane lands in Bergen after engine fire\n\n" + lead.format(day="Monday") + "\n\nNobody was hurt.\n",
        "a.yml": "published: 2026-03-10\n",
        "b.txt": "Jet lands safely\n\n" + lead.format(day="Tuesday") + "\n\nThe crew was praised.\n",
        "b.yml": "published: 2026-03-10\n",
        "c.txt": "Emergency in Bergen\n\nThe airline said on Wednesday that a jet had landed in Bergen on Monday "
                 "evening after an engine fire.\n",
        "c.yml": "published: 2026-03-12\n",
    }
    case = case_json(seeds, files)
    found = [d for d in case["discrepancies"] if d["kind"] == "date"]
    assert [d["detail"] for d in found] == ["lead"]
    assert [(c["source"], c["text"], c["value"]) for c in found[0]["claims"]] == [
        ("a", "Monday", "2026-03-09"), ("b", "Tuesday", "2026-03-10"),
        ("c", "Monday", "2026-03-09")]  # c's "said on Wednesday" dates the telling, not the story
    agreeing = {**files, "b.txt": files["b.txt"].replace("Tuesday", "Monday")}
    case = case_json(seeds, agreeing)
    assert not [d for d in case["discrepancies"] if d["kind"] == "date"]


def test_one_happening_told_in_the_same_words_with_different_dates(seeds) -> None:
    files = {
        "a.txt": "Wildfire\n\nA wildfire forced thousands of residents to flee their homes in Butte County.\n\n"
                 "Gov. Gavin Newsom declared a state of emergency on Saturday.\n\nThe fire spread on Friday.\n",
        "a.yml": "published: 2025-08-10\n",
        "b.txt": "Fire\n\nThousands of people were ordered to leave their homes as a wildfire spread in California.\n\n"
                 "He declared a state of emergency on Sunday.\n\nCrews arrived on Thursday.\n",
        "b.yml": "published: 2025-08-10\n",
    }
    case = case_json(seeds, files)
    found = [d for d in case["discrepancies"] if d["kind"] == "date"]
    assert [d["detail"] for d in found] == ["context"]
    assert [(c["source"], c["text"], c["value"]) for c in found[0]["claims"]] == [
        ("a", "Saturday", "2025-08-09"), ("b", "Sunday", "2025-08-10")]  # not Friday against Thursday
    assert "(declare state emergency)" in found[0]["summary"]


def test_one_happening_told_in_the_same_words_in_different_weeks(seeds) -> None:
    files = {
        "a.txt": "Attack\n\nA spokesman called the attack a reprisal for airstrikes in Kunduz this week.\n",
        "a.yml": "published: 2016-11-10\n",
        "b.txt": "Attack\n\nThe group called the attack a reprisal for the airstrikes near Kunduz last week.\n",
        "b.yml": "published: 2016-11-11\n",
        "c.txt": "Attack\n\nA spokesman called the attack a reprisal for airstrikes in Kunduz last week.\n",
        "c.yml": "published: 2016-11-17\n",
    }
    case = case_json(seeds, files)
    found = [d for d in case["discrepancies"] if d["kind"] == "date"]
    assert [(c["source"], c["text"], c["value"]) for d in found for c in d["claims"]] == [
        ("a", "this week", "2016-W45"), ("b", "last week", "2016-W44"),
        ("c", "last week", "2016-W45")]  # c's last week is a's this week
    assert [d["detail"] for d in found] == ["week-context"]


def test_clock_times_of_the_story_are_compared_roughly_and_across_time_zones(seeds) -> None:
    def findings(*leads: tuple[str, str]) -> list[tuple[str, str, str]]:
        case = case_json(seeds, opening_files("2026-04-14", *leads))
        return [(d["detail"], d["explanation"], d["severity"]) for d in case["discrepancies"] if d["kind"] == "date"]

    quake = "A strong earthquake struck eastern Turkey at {} local time on Tuesday, officials said."
    quake_en = ("en", quake.format("4.17 a.m."))
    assert findings(quake_en, ("fr", "Un séisme a frappé l'est de la Turquie mardi à 4 h 24.")) \
        == [("time-lead", "conflict", "medium")]
    assert findings(quake_en, ("fr", "Un séisme a frappé l'est de la Turquie mardi vers 4 h 30.")) \
        == []  # "vers": roughly, within half an hour
    assert findings(("en", quake.format("around 11 p.m.")), ("en", quake.format("around 11.30 p.m."))) \
        == [("time-lead", "rounding", "low")]  # both rough, half an hour apart: a small difference
    assert findings(quake_en, ("nb", "Et jordskjelv rammet Tyrkia natt til tirsdag klokken 03.17 norsk tid.")) \
        == [("time-lead", "different-scope", "low")]  # whole hours apart: time zones
    same_words = ("The mayor declared a state of emergency at 10.30 p.m. on Tuesday. More rain is expected.",
                  "The mayor declared a state of emergency at 11.45 p.m. on Tuesday. More rain is expected.")
    opening = "Floods hit the town.\n\nThe river rose overnight.\n\n"  # the times are not in the first two
    assert findings(("en", opening + same_words[0]), ("en", opening + same_words[1])) \
        == [("time-context", "conflict", "medium")]


def test_the_day_something_was_said_and_a_night_straddling_two_days_do_not_date_the_story(seeds) -> None:
    def lead_findings(*leads: tuple[str, str]) -> list[str]:
        case = case_json(seeds, opening_files("2026-01-15", *leads))
        return [d["summary"] for d in case["discrepancies"] if d["kind"] == "date" and d["detail"] == "lead"]

    assert not lead_findings(("nb", "Spissen signerte for den tyske klubben tirsdag."),
                             ("en", "The striker has joined Frankfurt, the Bundesliga club said on Wednesday."))
    assert not lead_findings(("en", "Thieves stole four paintings from the museum overnight on Tuesday."),
                             ("de", "Aus dem Museum sind in der Nacht zum Mittwoch drei Gemälde gestohlen worden."))
    assert lead_findings(("en", "Thieves stole four paintings from the museum on Tuesday."),
                         ("de", "Aus dem Museum sind am Mittwoch drei Gemälde gestohlen worden."))


def test_openings_that_date_other_things_when_the_sources_agree_on_the_event_make_no_finding(seeds) -> None:
    files = {
        "a.txt": "Heatwave\n\nA firefighter was killed on Monday as wildfires raged across Greece, officials said.\n",
        "a.yml": "language: en\npublished: 2026-07-21\n",
        "b.txt": "Hetebølge\n\nOver 300 norske turister er evakuert etter at brannen nådde kysten tirsdag.\n\n"
                 "En brannmann omkom mandag på øya Evia.\n",
        "b.yml": "language: nb\npublished: 2026-07-22\n",
    }
    case = case_json(seeds, files)
    assert not [d for d in case["discrepancies"] if d["kind"] == "date"]
    files["b.txt"] = files["b.txt"].replace("omkom mandag", "omkom tirsdag")  # now they disagree on the death
    case = case_json(seeds, files)
    assert [d["detail"] for d in case["discrepancies"] if d["kind"] == "date"]


def test_each_date_finding_names_the_rule_that_explained_it() -> None:
    def decided(*sources: Source, case: CaseInfo | None = None) -> list[tuple[str | None, str, str, tuple[str, ...]]]:
        return [(d.detail, d.explanation, d.severity, d.rules[:-1]) for d in compared(*sources, case=case)
                if d.kind == "date"]  # the last rule is the confidence's (tests/compare/test_confidence.py)

    day, quake_day = dt.date(2026, 3, 10), dt.date(2026, 4, 14)
    lead = "A passenger jet made an emergency landing in Bergen on {} evening after an engine fire."
    assert decided(make_source(f"Plane lands\n\n{lead.format('Monday')}\n", source_id="a", published=day),
                   make_source(f"Jet lands\n\n{lead.format('Tuesday')}\n", source_id="b", published=day)) == [
        ("lead", "conflict", "medium", ("opening-dated-apart",))]
    quake = make_source("Quake\n\nA strong earthquake struck eastern Turkey at 4.17 a.m. local time on Tuesday.\n",
                        source_id="a", published=quake_day)
    assert decided(quake, make_source("Skjelv\n\nEt jordskjelv rammet Tyrkia natt til tirsdag klokken 03.17 norsk "
                                      "tid.\n", "nb", source_id="b", published=quake_day)) == [
        ("time-lead", "different-scope", "low", ("whole-hours-apart",))]
    assert decided(quake, make_source("Séisme\n\nUn séisme a frappé l'est de la Turquie mardi à 4 h 24.\n", "fr",
                                      source_id="b", published=quake_day)) == [
        ("time-lead", "conflict", "medium", ("opening-dated-apart",))]
    posted = "The video was posted on {} by his mother."
    assert decided(make_source(posted.format("Dec. 8"), source_id="001-a"),
                   make_source(posted.format("Saturday"), source_id="002-b"), case=CaseInfo(raw={"year": 2017})) == [
        ("weekday", "conflict", "high", ("weekday-never-fits",))]
    assert decided(make_source(posted.format("Friday"), source_id="a", published=dt.date(2017, 12, 10)),
                   make_source(posted.format("Saturday"), source_id="b", published=dt.date(2017, 12, 10))) == [
        ("date", "conflict", "high", ("event-dated-apart",))]
    told = "Floods hit the town.\n\nThe river rose.\n\nThe mayor declared a state of emergency on {}. More rain is due."
    assert decided(make_source(told.format("Saturday"), source_id="a", published=dt.date(2025, 8, 10)),
                   make_source(told.format("Sunday"), source_id="b", published=dt.date(2025, 8, 10))) == [
        ("context", "conflict", "medium", ("told-alike-dated-apart",))]

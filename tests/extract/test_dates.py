"""Date stage: absolute dates, weekdays, relative dates and times; resolution; weekday checks."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import load_yaml, make_source, score, seeds, story

from generator.extract.dates import extract_dates, years_fitting


@pytest.mark.parametrize("text,language,mention,kind", [
    ("On Dec. 8, she posted a video.", "en", "Dec. 8", "absolute"),
    ("Hun postet videoen 8. desember.", "nb", "8. desember", "absolute"),
    ("Sie veröffentlichte es am 8. Dezember 2017.", "de", "8. Dezember 2017", "absolute"),
    ("Elle l'a publiée le 8 décembre.", "fr", "8 décembre", "absolute"),
    ("Moren postet klippet fredag.", "nb", "fredag", "weekday"),
    ("She posted the clip on Friday.", "en", "Friday", "weekday"),
    ("He spoke out two days ago.", "en", "two days ago", "relative"),
    ("CBS skrev i går at videoen er sett.", "nb", "i går", "relative"),
    ("Premieren er neste år.", "nb", "neste år", "relative"),
    ("Das Video erschien vor drei Tagen.", "de", "vor drei Tagen", "relative"),
    ("Il est arrivé il y a deux jours.", "fr", "il y a deux jours", "relative"),
    ("The ferry left at 6.10am.", "en", "6.10am", "time"),
    ("Le train est parti à 21 h 30.", "fr", "21 h 30", "time"),
    ("Das Treffen begann um 18.30 Uhr.", "de", "18.30 Uhr", "time"),
    ("Ulykken skjedde klokka 15.40.", "nb", "klokka 15.40", "time"),
])
def test_mentions(text: str, language: str, mention: str, kind: str) -> None:
    dates = extract_dates(make_source(text, language))
    assert [(d.text, d.kind) for d in dates] == [(mention, kind)]


def test_resolved_against_the_published_date() -> None:
    source = make_source("On Friday she posted it; two days ago he spoke. On Dec. 8 it went viral.",
                         published=dt.date(2017, 12, 11))
    resolved = {d.text: d.resolved for d in extract_dates(source)}
    assert resolved == {"Friday": "2017-12-08", "two days ago": "2017-12-09", "Dec. 8": "2017-12-08"}


def test_without_published_date_mentions_stay_unresolved() -> None:
    dates = extract_dates(make_source("Moren postet klippet fredag. CBS skrev i går om saken.", "nb"))
    assert [d.resolved for d in dates] == [None, None]
    assert dates[1].offset == ("day", -1)


def test_times_are_24_hour_clock() -> None:
    clocks = [d.clock for d in extract_dates(make_source("It left at 6.10pm and came back at 12 am."))]
    assert clocks == ["18:10", "00:00"]


def test_weekday_and_date_give_the_years_that_fit() -> None:
    assert 2017 in years_fitting(8, 12, 4)  # 8 December, a Friday
    assert years_fitting(8, 12, 4, range(2015, 2020)) == (2017,)
    assert years_fitting(31, 2, 0) == ()


def test_case_sensitive_words_are_not_dates() -> None:
    assert extract_dates(make_source("You may see it in March? No: they march on.", "en")) == ()
    assert extract_dates(make_source("Am Morgen war es kalt.", "de")) == ()


def test_seed_dates() -> None:
    corpus, _, _ = seeds()
    found = {(s.id[:3], d.text, d.kind, d.event) for s in corpus.sources for d in extract_dates(s)}
    assert ("001", "Dec. 8", "absolute", "publish") in found
    assert ("002", "fredag", "weekday", "publish") in found
    assert ("000", "Two days ago", "relative", "speak") in found


def test_story_precision_and_recall() -> None:
    corpus, _, _, gold_dir = story("harbour")
    gold = load_yaml(gold_dir / "dates.yml")
    found = [(s, d) for s in corpus.sources for d in extract_dates(s)]
    for source, mention in found:
        assert source.text[mention.start:mention.end] == mention.text
    spans = {(d.source[:3], d.text, d.kind, d.resolved) for _, d in found}
    expected = {(str(g["source"]), str(g["text"]), g["kind"], g["resolved"]) for g in gold}
    precision, recall = score("harbour dates", spans, expected)
    assert precision >= 0.9 and recall >= 0.9
    events = {(d.source[:3], d.text): d.event for _, d in found}
    for g in gold:
        if g.get("event"):
            assert events.get((str(g["source"]), str(g["text"]))) == g["event"]


def test_storm_story_precision_and_recall() -> None:
    """A weekday after "by"/"innen" lies ahead of the publication, not behind it."""
    corpus, _, _, gold_dir = story("storm")
    gold = load_yaml(gold_dir / "dates.yml")
    found = {(d.source[:3], d.text, d.kind, d.resolved) for s in corpus.sources for d in extract_dates(s)}
    expected = {(str(g["source"]), str(g["text"]), g["kind"], g["resolved"]) for g in gold}
    precision, recall = score("storm dates", found, expected)
    assert precision >= 0.8 and recall >= 0.8


@pytest.mark.parametrize("language,text,written,resolved", [
    ("en", "It should pass by Sunday.", "by Sunday", "2024-01-14"),
    ("nb", "Den skal være over innen søndag.", "innen søndag", "2024-01-14"),
    ("de", "Er soll am kommenden Sonntag enden.", "am kommenden Sonntag", "2024-01-14"),
    ("fr", "Elle passera d'ici dimanche.", "d'ici dimanche", "2024-01-14"),
    ("de", "Der Sturm kam am Freitagabend.", "Freitagabend", "2024-01-05"),
    ("nb", "Stormen kom fredag kveld.", "fredag kveld", "2024-01-05"),
    ("nb", "Stormen kom fredagskveld.", "fredagskveld", "2024-01-05"),
    ("fr", "La tempête est arrivée vendredi soir.", "vendredi soir", "2024-01-05"),
    ("nb", "Skjelvet rammet natt til tirsdag.", "natt til tirsdag", "2024-01-09"),  # not "until Tuesday"
    ("nb", "Stormen traff natten til tirsdag.", "natten til tirsdag", "2024-01-09"),
    # a bare weekday told as still to come is the next one; a clause before a comma says nothing of it
    ("en", "The minister is expected to meet the King on Thursday.", "Thursday", "2024-01-11"),
    ("fr", "La CGT appelle à un rassemblement devant l'usine jeudi.", "jeudi", "2024-01-11"),
    ("nb", "Statsministeren skal møte kongen torsdag.", "torsdag", "2024-01-11"),
    ("de", "Der Minister wird am Donnerstag den König treffen.", "Donnerstag", "2024-01-11"),
    ("en", "The minister, who will resign, spoke on Thursday.", "Thursday", "2024-01-04"),
])
def test_future_and_compound_weekdays(language: str, text: str, written: str, resolved: str) -> None:
    """Published on Wednesday 2024-01-10: "by Sunday" is the Sunday after, "Freitagabend" the Friday before."""
    (mention,) = extract_dates(make_source(text, language, dt.date(2024, 1, 10)))
    assert (mention.text, mention.kind, mention.resolved) == (written, "weekday", resolved)


def test_french_times_of_day_are_times_and_durations_are_not() -> None:
    text = ("Ils sont entrés vers 3 heures du matin et sont repartis à 15 heures 30. "
            "La fouille a duré 4 heures, jusqu'à 22 heures. Le train part à 9 heures du soir.")
    dates = extract_dates(make_source(text, "fr"))
    assert [(d.text, d.clock) for d in dates] == [("3 heures du matin", "03:00"), ("15 heures 30", "15:30"),
                                                  ("22 heures", "22:00"), ("9 heures du soir", "21:00")]


@pytest.mark.parametrize("text,event", [
    ("Am Donnerstag nahm die Polizei einen 31 Jahre alten Tatverdächtigen fest.", "arrest"),
    ("Am Freitag nahm sie das Video auf.", "record"),
    ("Am Freitag nahm er an der Sitzung teil.", None),
    ("Die Polizei teilte am Montag mit, dass niemand verletzt wurde.", "announce"),
    ("Sie teilte das Video am Montag.", "publish"),
])
def test_the_particle_of_a_separable_verb_decides_the_event(text: str, event: str | None) -> None:
    dates = extract_dates(make_source(text, "de"))
    assert [d.event for d in dates] == [event]


def test_a_wire_dateline_dates_the_report_not_the_story() -> None:
    source = make_source("BERLIN, March 14 (Reuters) - Three people were killed when a train derailed on Friday.",
                         "en", dt.date(2026, 3, 14))
    assert [(m.text, m.event) for m in extract_dates(source)] == [("March 14", "publish"), ("Friday", "die")]

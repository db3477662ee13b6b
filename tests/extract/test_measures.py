"""What a number measures: the ordered measure rules, and the rules each figure records."""

from __future__ import annotations

import pytest
from claimkit import make_source, refs_for

from generator.extract.figures import extract_figures
from generator.extract.measures import MEASURE_RULES, OUTCOME_RULES, Clues, Reading, decide


@pytest.mark.parametrize("text,language,figure,measure,rules", [
    ("The fund raised $5 million in a week.", "en", "$5 million", "dollars", ("currency",)),
    ("The 400-pound bear was moved.", "en", "400-pound", "weight", ("said_after", "unit")),
    ("Gusts of 45 m/s were measured.", "en", "45 m/s", "speed", ("said_after", "speed")),
    ("Inflation rose 8 % last year.", "en", "8 %", "percent", ("said_after", "percent", "other-time")),
    ("The video was watched more than 17 million times.", "en", "more than 17 million times", "views",
     ("said_after", "context")),
    ("A magnitude 6.1 earthquake struck.", "en", "magnitude 6.1", "magnitude", ("named_before",)),
    ("At least 12 people were injured in the crash.", "en", "At least 12 people", "injured",
     ("counted_after", "measure_word", "outcome_after")),
    ("Ifølge tallene mobbes 39.000 norske elever hvert år.", "nb", "39.000 norske elever", "students",
     ("said_after", "measure_word")),
    ("Vindkastene var på 45 meter i sekundet.", "nb", "45 meter i sekundet", "speed", ("said_after", "speed")),
    ("Skjelvet hadde en styrke på 6,1.", "nb", "styrke på 6,1", "magnitude", ("named_before",)),
    ("300 skadd etter ulykken.", "nb", "300 skadd", "injured", ("counted_after", "counted_word", "outcome_word")),
    ("Mindestens 12 Menschen wurden verletzt.", "de", "Mindestens 12 Menschen", "injured",
     ("counted_after", "measure_word", "outcome_after")),
    ("Das Video wurde 1,2 Millionen Mal angesehen.", "de", "1,2 Millionen Mal", "views", ("said_after", "context")),
    ("Das Beben der Stärke 6,1 erschütterte die Stadt.", "de", "Stärke 6,1", "magnitude", ("named_before",)),
    ("Un séisme de magnitude 6,2 a frappé la région.", "fr", "magnitude 6,2", "magnitude", ("named_before",)),
    ("Le vent soufflait à 100 kilomètres à l'heure.", "fr", "100 kilomètres à l'heure", "speed",
     ("said_after", "speed")),
    ("Elle a levé 2 millions d'euros.", "fr", "2 millions d'euros", "euros", ("said_after", "measure_word")),
])
def test_the_rule_that_decided_is_recorded(text: str, language: str, figure: str, measure: str,
                                           rules: tuple[str, ...]) -> None:
    (found,) = extract_figures(make_source(text, language))
    assert (found.text, found.measure, found.rules) == (figure, measure, rules)


def test_an_outcome_word_before_decides_only_when_nothing_after_names_the_count() -> None:
    text = "The blast went off, killing 38 people and injuring more than 250, officials said."
    killed, injured = extract_figures(make_source(text, "en"))
    # "38 people": people are counted, and the word before says what happened to them
    assert (killed.text, killed.measure, killed.rules) == ("38 people", "dead",
                                                             ("counted_after", "measure_word", "outcome_before"))
    # "more than 250,": nothing after, so the word before is the measure
    assert (injured.text, injured.measure, injured.rules) == ("more than 250", "injured", ("outcome_before",))


@pytest.mark.parametrize("text,language,second,measure,rule,counted_by", [
    ("La vidéo compte 5000 vues selon YouTube, 7000 selon la chaîne.", "fr", "7000", "views", "as_before",
     "chaîne"),
    ("Rund 3000 Zuschauer laut Polizei, 5000 laut Veranstalter.", "de", "5000", "spectators", "as_before",
     "veranstalter"),
    ("Videoen hadde 1,2 millioner visninger ifølge YouTube, 1,5 millioner ifølge NRK.", "nb", "1,5 millioner",
     "views", "as_before", "nrk"),
    ("The march drew 80,000 protesters according to police, 200,000 according to organisers.", "en", "200,000",
     "word:protesters", "counted_as_before", "organisers"),
])
def test_a_count_followed_by_who_counted_it_counts_what_the_one_before_counts(
        text: str, language: str, second: str, measure: str, rule: str, counted_by: str) -> None:
    first, found = extract_figures(make_source(text, language))
    assert (found.text, found.measure, found.rules, found.counted_by) == (second, measure, (rule,), counted_by)
    assert first.measure == measure and first.counted_by != counted_by


def test_ages_record_how_they_were_read() -> None:
    source = make_source("Justin Bieber (23) met an 11-year-old fan.", "en")
    ages = extract_figures(source, refs_for(source, ("Justin Bieber", "bieber", "m")))
    assert [(f.text, f.measure, f.rules, f.about) for f in ages] == [
        ("23", "age", ("age_after_name",), None), ("11-year-old", "age", ("age_pattern", "person-noun"), "fan")]


@pytest.mark.parametrize(("text", "language", "about", "rule"), [
    ("Rescuers reached a five-year-old boy on Monday.", "en", "boy", "person-noun"),
    ("The six-year-old fell into the well.", "en", None, None),
    ("Another 19-year-old was found with her baby.", "en", None, "another-person"),
    ("Les secours ont retrouvé un garçon de cinq ans.", "fr", "garçon", "person-noun"),
    ("Ein weiterer 19-Jähriger wurde verletzt.", "de", None, "another-person"),
    ("Der 71-jährige Rentner wurde gerettet.", "de", "rentner", "person-noun"),
])
def test_an_age_no_name_goes_with_records_the_noun_of_whom_it_is_said(
        text: str, language: str, about: str | None, rule: str | None) -> None:
    (age,) = [f for f in extract_figures(make_source(text, language)) if f.measure == "age"]
    assert age.subject is None and age.about == about
    assert age.rules == (("age_pattern", rule) if rule else ("age_pattern",))


def test_the_rules_are_tried_in_one_visible_order() -> None:
    assert [rule.name for rule in MEASURE_RULES] == [
        "currency", "as_before", "said_after", "outcome_before", "named_before", "counted_as_before", "counted_after"]
    assert [rule.name for rule in OUTCOME_RULES] == ["outcome_word", "outcome_before", "outcome_after"]


def _clues(currency: Reading | None = None, previous: Reading | None = None, after: Reading | None = None,
           before: str | None = None, named: Reading | None = None) -> Clues:
    return Clues(currency, previous, after, before, named, end=10)


PEOPLE = Reading("people", 20, None, "people", "measure_word")
NOUN = Reading("word:houses", 20, None, "houses", "counted_word")
VIEWS = Reading("views", 20, None, "views", "measure_word")
MAGNITUDE = Reading("magnitude", 10, None, "magnitude")
DOLLARS = Reading("dollars", 10, None, "$")


def test_a_word_before_naming_the_measure_outranks_people_or_a_noun_after_but_not_a_measure_word() -> None:
    assert decide(_clues(after=PEOPLE, named=MAGNITUDE)) == ("named_before", MAGNITUDE)
    assert decide(_clues(after=NOUN, named=MAGNITUDE)) == ("named_before", MAGNITUDE)
    assert decide(_clues(after=VIEWS, named=MAGNITUDE)) == ("said_after", VIEWS)
    assert decide(_clues(previous=PEOPLE, named=MAGNITUDE)) == ("named_before", MAGNITUDE)
    assert decide(_clues(after=PEOPLE)) == ("counted_after", PEOPLE)
    assert decide(_clues(previous=NOUN)) == ("counted_as_before", NOUN)


def test_a_currency_sign_outranks_everything_and_no_clue_decides_nothing() -> None:
    assert decide(_clues(currency=DOLLARS, after=VIEWS, named=MAGNITUDE, before="dead")) == ("currency", DOLLARS)
    assert decide(_clues()) is None


def test_an_outcome_word_before_yields_to_any_word_after() -> None:
    assert decide(_clues(before="dead")) == ("outcome_before", Reading("dead", 10, None, None))
    assert decide(_clues(before="dead", named=MAGNITUDE)) == ("outcome_before", Reading("dead", 10, None, None))
    assert decide(_clues(before="dead", after=PEOPLE)) == ("counted_after", PEOPLE)
    assert decide(_clues(before="dead", previous=NOUN)) == ("counted_as_before", NOUN)


@pytest.mark.parametrize(("text", "language", "found", "measure", "about"), [
    # a glued "m" is a length before a word that is no counted noun, a scale before one
    ("The boy fell down the 40m dry well on Sunday.", "en", "40m", "distance", "well"),
    ("The boy fell into the 80m-deep well in Hebei.", "en", "80m-deep", "depth", "well"),
    ("The video has 40m views already.", "en", "40m views", "views", None),
    ("The club paid £40m for him.", "en", "£40m", "pounds_sterling", None),
    # the dimension after a length, and what it is the size of: the noun after an article, or before a link word
    ("He fell into a 40-metre-deep well while playing.", "en", "40-metre-deep", "depth", "well"),
    ("The well was about 40 metres deep.", "en", "about 40 metres deep", "depth", "well"),
    ("A deserted well measuring 130ft deep was found.", "en", "130ft deep", "depth", "well"),
    ("She swam 50 metres through the icy water.", "en", "50 metres", "distance", None),
    ("Der Brunnen ist 40 Meter tief.", "de", "40 Meter tief", "depth", "brunnen"),
    # a nationality between a number and what it counts says whose it is; two words naming one measure
    ("Germany has roughly 1,000 German service members there.", "en", "roughly 1,000 German service members",
     "troops", "german"),
    # a word that describes what is counted is passed over for the noun it describes
    ("Some 60 excavators and 100 dump trucks are used.", "en", "100 dump trucks", "word:trucks", None),
])
def test_a_figure_knows_what_it_is_of(text: str, language: str, found: str, measure: str, about: str | None) -> None:
    figures = {f.text: f for f in extract_figures(make_source(text, language))}
    assert found in figures, sorted(figures)
    assert (figures[found].measure, figures[found].about) == (measure, about)


@pytest.mark.parametrize(("text", "rule"), [
    ("It has 850 soldiers there, with another 1,000 troops coming from partner countries.", "another-group"),
    ("He fell into a 40-metre-deep well (131 feet) while playing.", "conversion-in-brackets"),
    ("It was revenge for air strikes last week that killed 30 civilians.", "other-time"),
    ("Boko Haram has killed 20,000 people in the past seven years.", "other-time"),
])
def test_figures_that_count_something_else_say_why(text: str, rule: str) -> None:
    assert any(rule in f.rules for f in extract_figures(make_source(text, "en")))

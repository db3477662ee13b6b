"""The sequence tagger joined with the rules: titles and roles trimmed off names, listed names kept,
places the tagger calls persons set right, the possessive left out of the mention."""

from __future__ import annotations

from helpers import make_source

from generator.extract.entities import extract_mentions
from generator.extract.entities.patterns import language_patterns
from generator.extract.entities.tagged import trim
from generator.extract.entities.tagger import has_model, tag
from generator.read.sources import source_from_text
from generator.text import lexicon as lex


def _mentions(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in extract_mentions(source_from_text(text, language=lang))]


def test_every_language_has_a_model() -> None:
    assert all(has_model(lang) for lang in ("en", "nb", "de", "fr"))
    assert not has_model("und")


def test_titles_and_roles_before_a_name_are_trimmed_and_kept_as_evidence() -> None:
    p = language_patterns("en")
    text = "He met Mallam Garba Shehu."
    found, role = trim(text, (7, 25, "PER"), p)
    assert found is not None and text[found[0]:found[1]] == "Garba Shehu" and role == ["Mallam"]
    source = source_from_text("Five-year-old Zhao Sicong fell into a well, said Mr. Osinbajo.", language="en")
    by_text = {m.text: m for m in extract_mentions(source)}
    assert "Osinbajo" in by_text and by_text["Zhao Sicong"].type == "person"
    assert any("Five-year-old" in e for e in by_text["Zhao Sicong"].evidence)


def test_a_german_noun_before_a_person_is_no_part_of_the_name() -> None:
    assert ("Mike Lynch", "person") in _mentions("Firmengründer Mike Lynch starb am Montag.", "de")
    assert ("Ivar Nilsen", "person") in _mentions("»Sie ist eine Heldin«, sagte Hundebesitzer Ivar Nilsen.", "de")
    # ... but a given name the lists lack, a word frequent in German alone, is part of it
    assert ("Heinrich Popow", "person") in _mentions("Leichtathlet Heinrich Popow ist einer der Stars des Teams.",
                                                     "de")


def test_a_listed_organisation_stays_one() -> None:
    assert _mentions("Boko Haram released 21 girls on Thursday.", "en")[0] == ("Boko Haram", "organization")


def test_a_possessive_is_no_part_of_the_mention() -> None:
    found = _mentions("Britain's government said Keaton Jones's video was seen in Knoxville.", "en")
    assert ("Britain", "place") in found and ("Keaton Jones", "person") in found


def test_tagging_is_deterministic_and_needs_a_capital() -> None:
    text = "Angela Merkel besuchte New York."
    assert tag(text, 0, len(text), "de") == tag(text, 0, len(text), "de")
    assert tag("nur kleine wörter hier.", 0, 23, "de") == []


def test_the_lexicons_outweigh_the_tagger() -> None:
    # words listed as no names, a capitalised run after an indefinite article, a known place the tagger
    # calls an organisation ("the harbour of Marseille")
    assert "God" not in dict(_mentions("I know God has His hand in this.", "en"))
    assert dict(_mentions("A picture of her posing with a Confederate Flag.", "en")).get("Confederate Flag") != \
        "organization"
    assert ("Marseille", "place") in _mentions("A warehouse caught fire in the old harbour of Marseille.", "en")
    # ... but a town the tagger is sure is a club's name stays the club's (a sports page's teams)
    assert _mentions("Essex beat Kent by an innings and 64 runs on Friday.", "en") == [
        ("Essex", "organization"), ("Kent", "organization")]
    # a country the tagger saw no name in stands ("Norvège" in a headline)
    assert ("Norvège", "place") in _mentions("Norvège : une fillette plonge dans un port gelé.", "fr")


def test_the_rules_evidence_outweighs_a_tagger_that_is_unsure() -> None:
    # a place word before a town the tagger is unsure of; a longer run of English words the tagger clips;
    # a name the tagger left out unsure it was none; a person by the coordination of two names
    assert ("Åsane", "place") in _mentions("Pensjonist Per Håland (72) i Åsane så halve taket forsvinne.", "nb")
    assert ("Color Line", "other") in _mentions("Rederiet Color Line opplyser at alle er i god behold.", "nb")
    assert ("Keaton Jones", "person") in _mentions("Kimberly Jones spoke first. Then Keaton Jones spoke.", "en")
    assert ("Keaton Jones", "person") in _mentions("The video of Kimberly and Keaton Jones spread widely.", "en")


def _types(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.type for m in extract_mentions(make_source(text, lang))}


def test_a_noun_for_a_kind_of_place_beside_a_name_makes_it_a_place() -> None:
    # after the name, capitalised in it, or before it with a link word, in each language
    assert _types("Rescuers reached Dongliu Village on Monday after a long drive.", "en")["Dongliu Village"] == "place"
    found = _types("Soldiers searched the dense Gwoza forest for days, and the town of Madagali was quiet.", "en")
    assert found["Gwoza"] == found["Madagali"] == "place"
    assert _types("Flommen rammet landsbyen Dongliu i går.", "nb")["Dongliu"] == "place"
    assert _types("Die Flut traf das Dorf Dongliu am Montag.", "de")["Dongliu"] == "place"
    assert _types("La crue a frappé le village de Dongliu lundi.", "fr")["Dongliu"] == "place"


def test_a_noun_for_a_kind_of_place_needs_to_end_the_noun_phrase() -> None:
    # "town hall" is no town: the word after the place word goes on with the noun
    assert _types("Voters met Mr Okafor at the Okafor town hall meeting.", "en").get("Okafor") != "place"
    assert lex.place("Okafor") is None


def test_a_province_is_found_without_the_word_for_its_kind() -> None:
    # pycountry writes "Hunan Sheng"; a town keeps a name it shares ("Beijing")
    assert lex.place("Hunan") is not None and lex.place("Hunan").key == "admin:CN-HN"
    assert lex.place("Beijing") is not None and lex.place("Beijing").kind == "city"
    assert _types("Floods hit Hunan on Monday, and officials in Shandong's Jinan city were warned.", "en") == {
        "Hunan": "place", "Shandong": "place", "Jinan": "place"}


def test_a_legal_form_ending_a_name_makes_it_a_company() -> None:
    found = _types("Shares of Petronas Chemicals Berhad fell, and Kettler Werkzeug GmbH was sold.", "en")
    assert found == {"Petronas Chemicals Berhad": "organization", "Kettler Werkzeug GmbH": "organization"}


def test_a_group_is_no_person() -> None:
    found = _types("Thousands marched for the Dapchi Girls, and the Dapchi schoolgirls were freed.", "en")
    assert "person" not in found.values()


def test_an_organisation_noun_before_a_single_name_makes_it_an_organisation() -> None:
    found = _types("Der Präsident des Handballverbandes Ehrlund, Markus Weber, sprach am Montag.", "de")
    assert found["Ehrlund"] == "organization" and found["Markus Weber"] == "person"


def test_words_that_never_name_anything_and_slogans_are_no_person() -> None:
    assert _types("Il est devenu Premier ministre en 2009.", "fr") == {}
    found = _types("Les joueurs portaient des maillots avec l'inscription «Fuerza Marcelo» pendant le match.", "fr")
    assert found["Fuerza Marcelo"] == "other"


def test_a_country_or_province_the_tagger_calls_a_person_is_a_place() -> None:
    assert _types("Au Brésil, Sao Paulo avait porté des maillots bleus dimanche.", "fr")["Sao Paulo"] == "place"


def test_the_tagger_reads_on_a_name_the_rules_cut_short() -> None:
    # the rules stop at a given name that is also a town ("Alice"); the tagger reads the particle and surname
    found = _types("La procureure Alice de Chambrier a requis trois ans.", "fr")
    assert found == {"Alice de Chambrier": "person"}


def test_a_direction_before_a_place_is_its_qualifier() -> None:
    # the place is the name after the direction, which is kept as evidence; a place of its own name stays
    found = {m.text: m for m in extract_mentions(make_source(
        "Northeastern Nigeria is beset by hunger. Troops in North London waited, and North Korea fired.", "en"))}
    assert found["Nigeria"].type == found["London"].type == found["North Korea"].type == "place"
    assert "qualifier 'Northeastern'" in found["Nigeria"].evidence and "Northeastern Nigeria" not in found
    assert lex.qualified_place("Nordnigeria", "de") is not None and lex.qualified_place("Nordkorea", "de") is None
    assert lex.qualified_place("Nord-Norge", "nb") is not None and lex.qualified_place("Sør-Sudan", "nb") is None
    assert lex.qualified_place("Balkh Province", "en") == ("Province", lex.place("Balkh"))


def test_a_title_opening_a_towns_name_is_part_of_it() -> None:
    # "St" is a title before a person's name, and part of the name of the towns the gazetteer knows
    assert _mentions("ST. LOUIS 1996-08-30", "en") == [("ST. LOUIS", "place")]
    assert "St Petersburg" in dict(_mentions("Flights to St Petersburg resumed in Russia.", "en"))
    assert ("Smith", "person") in _mentions("Mr Smith said so.", "en")


def test_in_a_line_of_capitals_the_tagger_says_where_names_end() -> None:
    # a headline or a table's line in capitals: the capitals do not join the names into one
    assert _mentions("SAN DIEGO AT MONTREAL", "en") == [("SAN DIEGO", "organization"), ("MONTREAL", "place")]
    assert _mentions("WIGAN BEAT BRADFORD", "en") == [("WIGAN", "organization"), ("BRADFORD", "organization")]


def test_the_tagger_sure_of_a_longer_organisation_name_reads_it_whole() -> None:
    found = dict(_mentions("Jones Medical Industries Inc said Friday it completed the deal.", "en"))
    assert found.get("Jones Medical Industries Inc") == "organization"
    found = dict(_mentions("The Organisation for Security and Cooperation in Europe said so.", "en"))
    assert found.get("Organisation for Security and Cooperation in Europe") == "organization"
    # ... but a function word the rules left out stays out
    assert "Party of Democratic Action" in dict(_mentions("The Party of Democratic Action had called on Wednesday.",
                                                         "en"))


def test_a_town_in_capitals_the_tagger_is_sure_of_is_no_acronym() -> None:
    # a dateline in capitals names a town; a short word in capitals is an acronym elsewhere ("TUI", not Tui)
    assert _mentions("BONN 1996-08-30", "en") == [("BONN", "place")]
    assert _mentions("TUI said on Monday that bookings rose.", "en") == [("TUI", "organization")]


def test_in_german_a_longer_run_of_capitals_does_not_outweigh_the_taggers_person() -> None:
    # German capitalises its nouns: "Hostess Silvia Sommerlath" is a noun and a name
    found = _mentions("Der Erfolg ist der ehemaligen Hostess Silvia Sommerlath zu verdanken.", "de")
    assert found == [("Silvia Sommerlath", "person")]

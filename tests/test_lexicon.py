"""The lexicon: gazetteer, word lists and frequency tests the entity stages rely on."""

from __future__ import annotations

from generator.text import lexicon as lex
from generator.text.words import fold


def test_gazetteer_knows_countries_in_every_language_and_cities() -> None:
    for name in ("Norway", "Norge", "Norwegen", "Norvège"):
        place = lex.place(name)
        assert place is not None and place.key == "country:NO"
    assert lex.place("USA") == lex.place("U.S.") is not None
    assert lex.place("Us") is None  # abbreviations match exactly
    knoxville = lex.place("Knoxville")
    assert knoxville is not None and knoxville.kind == "city"
    assert lex.us_states()["TN"].name == "Tennessee"


def test_gazetteer_knows_departments_and_provinces_but_not_as_given_names() -> None:
    rhone = lex.place("Rhône")
    assert rhone is not None and rhone.kind in ("admin", "city")
    assert lex.place("Dordogne") is not None and lex.place("Dordogne").kind == "admin"
    for name in ("Paul", "Lola"):  # districts too, but given names first
        place = lex.place(name)
        assert place is None or place.kind != "admin"


def test_ordinary_words_are_told_from_names() -> None:
    assert lex.is_common_word("However", "en")
    assert lex.is_common_word("Schule", "de")
    assert lex.is_common_word("Moren", "nb")
    assert not lex.is_common_word("Jones", "en")
    assert not lex.is_common_word("Bieber", "de")
    assert lex.is_compound_of_common("Mobbingvorwürfe", "de")


def test_lists_and_synonyms() -> None:
    assert lex.listed("Instagram", lex.platforms()) == "Instagram"
    assert lex.listed("Røde Kors", lex.organizations()) == "Red Cross"
    assert lex.listed("Who", lex.organizations()) is None  # all-capitals entries match exactly
    assert "kimberly" in lex.given_names()
    assert "dec" in lex.calendar_words("en") and "desember" in lex.calendar_words("nb")


def test_folding_takes_letters_without_a_decomposition_to_their_base() -> None:
    assert fold("Strømstad") == fold("Strömstad") == "stromstad"
    assert fold("Færder") == "faerder" and fold("Łódź") == "lodz"


def test_language_data_keeps_on_off_and_no_as_words() -> None:
    from generator.lang import language_data, word_set

    assert {"on", "off", "no"} <= word_set("en", "claim_stopwords")
    assert "on" in word_set("fr", "entity_function_words")  # the French pronoun
    assert language_data("de")["ordinal_period"] is True and language_data("en")["ordinal_period"] is False


def test_a_name_listed_in_capitals_matches_as_written_and_its_other_names_in_any_case() -> None:
    organizations = lex.organizations()
    assert lex.listed("AFP", organizations) == lex.listed("Agence France-Presse", organizations) == "AFP"
    assert lex.listed("Afp", organizations) is None and lex.listed("Who", organizations) is None

"""Language detection and the per-language data loader."""

from __future__ import annotations

import pytest

from generator.lang import canonical_language, language_data, supported_languages, word_set
from generator.read.language import detect_language, paragraph_language


@pytest.mark.parametrize(("text", "code"), [
    ("The police said on Monday that three people had died in the crash.", "en"),
    ("Politiet sier at tre personer døde i ulykken på mandag, og at de ikke vet mer.", "nb"),
    ("Die Polizei sagte am Montag, dass drei Menschen bei dem Unfall gestorben sind.", "de"),
    ("La police a déclaré lundi que trois personnes sont mortes dans l'accident.", "fr"),
])
def test_detects_supported_languages(text, code):
    detected, confidence = detect_language(text)
    assert detected == code and confidence > 0.3


def test_undetermined_without_words():
    assert detect_language("12 345 — !!") == ("und", 0.0)


def test_paragraph_in_other_language_is_flagged():
    german = "Die Polizei sagte am Montag, dass drei Menschen bei dem Unfall gestorben sind und viele verletzt."
    assert paragraph_language(german, "en") == "de"
    assert paragraph_language("Short one.", "en") is None
    # a line of names and numbers holds another language's frequent words by chance ("min", "pen"; initials)
    assert paragraph_language("Canada - Aunger (41st min, pen), Paul Peschisolido (42nd), Carlo Corrazin (87th)",
                              "en") is None
    assert paragraph_language("Warwickshire 195 and 109 (J. Benjamin 4-17, M. Bicknell 4-38), Surrey 468 "
                              "(C. Lewis 94, M. Butcher 70)", "en") is None


def test_loader_merges_language_files_and_maps_codes():
    assert set(supported_languages()) >= {"en", "nb", "de", "fr"}
    assert canonical_language("no") == "nb" and canonical_language("nb-NO") == "nb"
    assert "dec" in word_set("en", "abbreviations")
    assert language_data("nb")["ordinal_period"] is True
    assert dict(language_data("xx")) == {}

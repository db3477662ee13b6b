"""Paragraphs and sentences: spans, anchors and language rules."""

from __future__ import annotations

import pytest

from generator.read.segment import segment, split_paragraphs, split_sentences


def sentences(text: str, language: str = "en") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, language)]


def test_paragraphs_by_blank_lines_with_exact_spans():
    text = "  First para\nstill first.\n\n\n Second.  \n \nThird."
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First para\nstill first.", "Second.", "Third."]


def test_one_paragraph_per_line_when_no_blank_lines():
    text = "Line one.\nLine two.\n\n"[:-2]
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["Line one.", "Line two."]


def test_anchors_are_positional_and_stable_under_an_edit_elsewhere():
    before = segment("Alpha one.\n\nBeta two. Beta three.\n\nGamma.", "en")
    after = segment("Alpha one, edited at length.\n\nBeta two. Beta three.\n\nGamma.", "en")
    assert [p.anchor for p in before] == ["p1", "p2", "p3"]
    assert [s.anchor for s in before[1].sentences] == ["p2-s1", "p2-s2"]
    assert [p.anchor for p in after] == [p.anchor for p in before]


def test_english_abbreviations_and_initials_do_not_end_sentences():
    assert sentences("On Dec. 8, Mr. Smith met J. K. Rowling in the U.S. They talked.") == [
        "On Dec. 8, Mr. Smith met J. K. Rowling in the U.S.", "They talked."]


@pytest.mark.parametrize("text,language,expected", [
    ("They broke in at 3 a.m. Officers found the window open.", "en",
     ["They broke in at 3 a.m.", "Officers found the window open."]),
    ("Sie nahmen Bilder, Vasen usw. Die Polizei ermittelt.", "de",
     ["Sie nahmen Bilder, Vasen usw.", "Die Polizei ermittelt."]),
    ("Ils ont pris des tableaux, des vases, etc. Les policiers enquêtent.", "fr",
     ["Ils ont pris des tableaux, des vases, etc.", "Les policiers enquêtent."]),
])
def test_an_abbreviation_that_often_ends_a_sentence_ends_it_before_a_capital(text, language, expected):
    assert sentences(text, language) == expected


def test_quotes_and_question_marks():
    assert sentences('He asked, "Why do they bully? What is the point?" Then he left.') == [
        'He asked, "Why do they bully?', 'What is the point?"', "Then he left."]


def test_ordinal_numbers_in_norwegian_and_german():
    assert len(sentences("Den 8. desember kom han hjem. Så gikk han.", "nb")) == 2
    assert sentences("Am 8. Dezember kam er. Dann ging er.", "de") == ["Am 8. Dezember kam er.", "Dann ging er."]
    assert sentences("Det skjedde bl.a. i Oslo. Ferdig.", "nb") == ["Det skjedde bl.a. i Oslo.", "Ferdig."]


def test_dialogue_dash_starts_a_sentence():
    assert sentences("Han gråt. – Det er tøft, sier han.", "nb") == ["Han gråt.", "– Det er tøft, sier han."]


def test_sentences_cover_the_paragraph_words():
    text = "One. Two!  Three? Four… five."
    joined = "".join(text[s:e] for s, e in split_sentences(text, "en"))
    assert joined.replace(" ", "") == text.replace(" ", "")

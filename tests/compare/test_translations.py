"""Translation links: curated and detected."""

from __future__ import annotations

import json

import pytest
from claimkit import make_source, story
from comparekit import claims_of

from generator.compare.translations import translation_links
from generator.extract.quotes import extract_quotes


def test_curated_translations_link_quotes_across_languages() -> None:
    corpus, _, persons, _ = story("harbour")
    quotes, _, _ = claims_of(corpus, persons)
    links = translation_links(quotes, corpus.case)
    assert len(links) == 1 and links[0].origin == "curated"
    assert {q.split("-")[0] for q in links[0].quotes} == {"000", "002", "003", "004"}


def test_detected_translation_needs_names_and_numbers() -> None:
    en = make_source('"We saw 40 boats leave Bergen at dawn," Per Olsen said.', "en", source_id="a")
    nb = make_source("– Vi så 40 båter forlate Bergen ved daggry, sier Per Olsen.", "nb", source_id="b")
    from claimkit import person_refs
    persons = person_refs([en, nb], [{"id": "per", "name": "Per Olsen", "gender": "m"}])
    quotes = [*extract_quotes(en, persons), *extract_quotes(nb, persons)]
    links = translation_links(quotes)
    assert len(links) == 1 and links[0].origin == "detected"


def test_detected_translation_counts_numbers_in_words_and_not_german_nouns() -> None:
    fr = make_source("« Nos équipes ont sorti 57 personnes vivantes, et les recherches continuent dans onze "
                     "bâtiments », a déclaré Kemal Arslan.", "fr", source_id="a")
    en = make_source('"We have pulled 57 people out alive and the search is continuing at eleven buildings," '
                     "Kemal Arslan said.", "en", source_id="b")
    de = make_source("„Wir haben 57 Menschen lebend geborgen, die Suche geht an elf Gebäuden weiter“, sagte "
                     "Kemal Arslan.", "de", source_id="c")
    from claimkit import person_refs
    persons = person_refs([fr, en, de], [{"id": "ka", "name": "Kemal Arslan", "gender": "m"}])
    quotes = [q for s in (fr, en, de) for q in extract_quotes(s, persons)]
    links = translation_links(quotes)
    assert [len(link.quotes) for link in links] == [2, 2, 2]  # each pair of languages
    assert {q for link in links for q in link.quotes} == {q.id for q in quotes}


# ---- words-aligned: sentences written for these tests, not taken from the seeds

KARI = {"id": "kb", "name": "Kari Berg", "gender": "f"}
FLOOD_EN = '"The water came into our house in the night and we lost everything," Kari Berg said.'


def _links(*texts: tuple[str, str], people: tuple[dict, ...] = (KARI,)):
    """The translation links of one quote per (text, language), each in a source of its own."""
    from claimkit import person_refs

    sources = [make_source(text, language, source_id=f"s{n}") for n, (text, language) in enumerate(texts)]
    persons = person_refs(sources, list(people))
    quotes = [q for s in sources for q in extract_quotes(s, persons)]
    assert len(quotes) == len(texts)
    return translation_links(quotes, None, sources)


@pytest.mark.parametrize(("text", "language"), [
    ("– Vannet kom inn i huset vårt om natten, og vi mistet alt, sier Kari Berg.", "nb"),
    ("„Das Wasser kam in der Nacht in unser Haus, und wir haben alles verloren“, sagte Kari Berg.", "de"),
    ("« L'eau est entrée dans notre maison pendant la nuit et nous avons tout perdu », a déclaré Kari Berg.", "fr"),
])
def test_a_rendering_is_linked_by_its_aligned_words(text: str, language: str) -> None:
    links = _links((FLOOD_EN, "en"), (text, language))
    assert len(links) == 1
    link = links[0]
    assert link.rules == ("words-aligned",) and link.origin == "detected" and link.parts == ()
    assert link.score is not None and link.score >= 0.6
    english = {w.word_a if w.language_a == "en" else w.word_b for w in link.aligned}
    assert {"water", "house", "night"} <= english
    assert "same speaker" in link.evidence


def test_two_languages_without_english_are_aligned_through_english() -> None:
    links = _links(("„Das Wasser kam in der Nacht in unser Haus, und wir haben alles verloren“, "
                    "sagte Kari Berg.", "de"),
                   ("« L'eau est entrée dans notre maison pendant la nuit et nous avons tout perdu », "
                    "a déclaré Kari Berg.", "fr"))
    assert len(links) == 1
    assert any(w.via == "dictionary: night" for w in links[0].aligned)


@pytest.mark.parametrize(("english", "other", "language"), [
    # the same subject and nouns (water, house, night), another statement
    (FLOOD_EN, "„Das Haus ist alt, aber das Wasser hat es in der Nacht nicht erreicht“, sagte Kari Berg.", "de"),
    (FLOOD_EN, "« La nuit, nous avons regardé l'eau monter depuis la maison du voisin », a déclaré Kari Berg.", "fr"),
    (FLOOD_EN, "– Vi har bodd i dette huset i førti år, og vi skal bygge det opp igjen, sier Kari Berg.", "nb"),
    # the same words, the opposite said: a negation in one only
    ('"The government has not sent any help to the villages in the north," Kari Berg said.',
     "« Le gouvernement a envoyé de l'aide aux villages du nord hier soir », a déclaré Kari Berg.", "fr"),
    ('"I have never seen so much rain in my life," Kari Berg said.',
     "– Jeg har sett mye regn i mitt liv, men dette er verre, sier Kari Berg.", "nb"),
    ('"The police told us to leave the village before the bridge was closed," Kari Berg said.',
     "„Die Polizei hat die Brücke geschlossen, und wir konnten das Dorf nicht verlassen“, sagte Kari Berg.", "de"),
])
def test_a_statement_on_the_same_subject_is_no_rendering(english: str, other: str, language: str) -> None:
    assert _links((english, "en"), (other, language)) == ()


def test_a_rendering_by_another_speaker_is_not_linked() -> None:
    assert _links((FLOOD_EN, "en"), ("– Vannet kom inn i huset vårt om natten, og vi mistet alt, sier Ola Dahl.", "nb"),
                  people=(KARI, {"id": "od", "name": "Ola Dahl", "gender": "m"})) == ()


def test_the_part_of_a_longer_quote_a_rendering_renders_is_recorded() -> None:
    longer = ('"We have lived here for forty years. The water came into our house in the night and we lost '
              'everything. Now we have to start again," Kari Berg said.')
    links = _links((longer, "en"), ("– Vannet kom inn i huset vårt om natten, og vi mistet alt, sier Kari Berg.", "nb"))
    assert len(links) == 1
    (part,) = links[0].parts
    assert part.text == "The water came into our house in the night and we lost everything."
    assert part.source == "s0" and part.anchor == "p1"


def test_a_contraction_renders_a_negation() -> None:
    links = _links(('"People like us don\'t need to be told what to think," Kari Berg said.', "en"),
                   ("– Folk som oss trenger ikke å bli fortalt hva vi skal tenke, sier Kari Berg.", "nb"))
    assert len(links) == 1
    assert any({w.word_a, w.word_b} == {"don't", "ikke"} for w in links[0].aligned)


def test_quotes_in_one_language_are_never_aligned() -> None:
    assert _links((FLOOD_EN, "en"), ('"The water came into our house in the night," Kari Berg said.', "en")) == ()


def test_case_json_and_the_quotes_page_show_a_rendering_beside_its_original(seeds) -> None:
    from generator.pipeline import generate

    files = {
        "a.txt": "Flood in the valley\n\nKari Berg lost her home. \"We have lived here for forty years. The water "
                 "came into our house in the night and we lost everything. Now we have to start again,\" "
                 "Kari Berg said.\n",
        "a.yml": "language: en\n",
        "b.txt": "Flom i dalen\n\nKari Berg mistet hjemmet sitt.\n\n– Vannet kom inn i huset vårt om natten, og vi "
                 "mistet alt, sier Kari Berg.\n",
        "b.yml": "language: nb\n",
    }
    site = generate(seeds(files)).files
    (link,) = json.loads(site["data/case.json"])["translations"]
    assert link["rules"] == ["words-aligned"] and link["origin"] == "detected"
    assert {"words": {"nb": "natten", "en": "night"}, "via": "dictionary: night"} in link["aligned"]
    assert [part["text"] for part in link["parts"]] == [
        "The water came into our house in the night and we lost everything."]
    page = site["quotes.md"].decode("utf-8")
    assert "English (part of a longer quote):" in page and "Norwegian (Bokmål):" in page
    assert ('<mark class="cf-claim-mark">The water came into our house in the night and we lost everything.</mark>'
            in page)


def test_a_quotes_row_shows_four_renderings_and_counts_the_others(seeds) -> None:
    from generator.pipeline import generate

    files = {"a.txt": "Flood in the valley\n\nKari Berg lost her home. \"The water came into our house in the night "
                      "and we lost everything,\" Kari Berg said.\n", "a.yml": "language: en\n"}
    endings = ["alt", "alt sammen", "absolutt alt", "alt vi eide", "alt vi hadde", "hele alt"]
    for number, ending in enumerate(endings):
        name = chr(ord("b") + number)
        files[f"{name}.txt"] = (f"Flom i dalen\n\nKari Berg mistet hjemmet sitt.\n\n– Vannet kom inn i huset vårt om "
                                f"natten, og vi mistet {ending}, sier Kari Berg.\n")
        files[f"{name}.yml"] = "language: nb\n"
    page = generate(seeds(files)).files["quotes.md"].decode("utf-8")
    row = next(line for line in page.splitlines() if "The water came into our house" in line and "<tr>" in line)
    assert row.count("Norwegian (Bokmål)") == 4
    assert "and 2 more renderings (in case.json’s translations)" in row

"""Translation links: curated and detected."""

from __future__ import annotations

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

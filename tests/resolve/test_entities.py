"""Resolution: one entity per referent across sources and languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_source

import generator.extract.entities as entities_module
from generator.extract.entities import extract_mentions
from generator.model.entity import Resolution
from generator.model.source import CaseInfo, Source
from generator.output.serialise import entity_records
from generator.read.sources import read_corpus
from generator.resolve.entities import resolve_entities
from generator.text import lexicon as lex


def resolve(sources: list[Source], case: CaseInfo | None = None) -> Resolution:
    return resolve_entities(sources, {s.id: extract_mentions(s) for s in sources}, case or CaseInfo())


@pytest.fixture(scope="module")
def seeds() -> Resolution:
    corpus, problems = read_corpus(Path("seeds"))
    assert corpus is not None, problems
    return resolve(list(corpus.sources), corpus.case)


def test_seed_people_are_one_person_each(seeds: Resolution) -> None:
    people = ["Keaton Jones", "Kimberly Jones", "Demi Lovato", "Cardi B", "Justin Bieber", "Romeo Beckham",
              "Eva Longoria", "Orlando Bloom", "Katy Perry", "Ricky Martin", "Snoop Dogg", "Chris Evans",
              "Mark Ruffalo", "Patricia Arquette"]
    for name in people:
        matches = [e for e in seeds.entities if e.name == name]
        assert len(matches) == 1, name
        assert matches[0].type == "person", (name, matches[0].type_evidence)
    # Short forms joined their person, across sources.
    keaton = seeds.find("Keaton Jones")
    assert keaton is not None and len(keaton.sources) == 3
    assert ("en", "Keaton") in keaton.aliases
    bieber = seeds.find("Justin Bieber")
    assert bieber is not None and ("nb", "Bieber") in bieber.aliases
    bloom = seeds.find("Orlando Bloom")
    assert bloom is not None and any(m.text == "Blooms" for m in bloom.mentions)


def test_seed_places_platforms_and_organisations(seeds: Resolution) -> None:
    types = {e.name: e.type for e in seeds.entities}
    for name in ("Knoxville", "Tennessee", "Los Angeles"):
        assert types[name] == "place"
    for name in ("Facebook", "YouTube", "Instagram", "Twitter"):
        assert types[name] == "platform"
    assert types["CBS"] == "organization"
    assert types["United States"] == "place"  # "U.S." (en) and "USA" (nb)


def test_seed_entities_are_no_ordinary_words(seeds: Resolution) -> None:
    bad = {"However", "Also", "Two", "Read", "Email", "Etter", "Trøst", "Moren", "Blant", "Lest", "Oppdatert",
           "In Touch", "Confederate Flag", "Nettmobbet", "Mobbeombud", "God", "His"}
    assert not bad & {e.name for e in seeds.entities}
    assert len({e.id for e in seeds.entities}) == len(seeds.entities)
    assert [e.id for e in seeds.entities] == sorted(e.id for e in seeds.entities)


def test_two_joneses_are_ambiguous_without_context() -> None:
    source = make_source("Jones spoke first.\n\nKimberly and Keaton Jones made a decision.\n\n"
                         "Jones said it was hard.")
    result = resolve([source])
    assert {e.name for e in result.entities} == {"Kimberly Jones", "Keaton Jones"}
    assert len(result.ambiguous) == 2
    for item in result.ambiguous:
        assert item.mention.text == "Jones"
        assert item.candidates == ("keaton-jones", "kimberly-jones")
    assert "none of them is named before" in result.ambiguous[0].reason
    assert "named together" in result.ambiguous[1].reason


def test_a_short_form_fitting_many_people_lists_the_nearest_few() -> None:
    """Thirty Joneses: the review lists the nearest ten, and the reason names five and counts the rest."""
    givens = ["Anna", "Bjorn", "Carla", "David", "Emil", "Frida", "Gustav", "Hanne", "Ivar", "Jonas",
              "Karin", "Lars", "Maria", "Nils", "Olga", "Peter", "Rita", "Sven", "Tove", "Ulf",
              "Vera", "Walter", "Xenia", "Yngve", "Zara", "Agnes", "Bernt", "Cecilie", "Dagny", "Eirik"]
    paragraphs = [f"{given} Jones came to the meeting on the first day." for given in givens]
    paragraphs += ["The meeting went on for a long time.", "Nobody left before the end.",
                   "The hall was full.", "Jones spoke last."]
    result = resolve([make_source("\n\n".join(paragraphs))])
    (item,) = [a for a in result.ambiguous if a.mention.start > 0]
    assert len(item.candidates) == 10 and list(item.candidates) == sorted(item.candidates)
    # The ten named nearest before it: the last ten of the list.
    assert set(item.candidates) == {f"{given.lower()}-jones" for given in givens[-10:]}
    assert "and 25 others" in item.reason and item.reason.count("Jones") == 6


def test_short_form_settled_by_nearest_full_name() -> None:
    source = make_source("Keaton Jones cried. His mother Kimberly Jones filmed him.\n\n"
                         "Later Kimberly Jones posted the video. Jones wrote that she was proud.")
    result = resolve([source])
    kimberly = result.find("Kimberly Jones")
    assert kimberly is not None
    assert any(m.text == "Jones" for m in kimberly.mentions)
    assert not result.ambiguous


def test_names_join_across_languages_and_places_by_gazetteer() -> None:
    en = make_source("The singer Justin Bieber visited Germany and the U.S. last year.", "en", "a")
    de = make_source("Der Sänger Justin Bieber war in Deutschland. Bieber sang in München.", "de", "b")
    fr = make_source("Le chanteur Justin Bieber était en Allemagne, puis aux États-Unis.", "fr", "c")
    result = resolve([en, de, fr])
    bieber = result.find("Justin Bieber")
    assert bieber is not None and bieber.sources == ("a", "b", "c")
    germany = result.find("Germany")
    assert germany is not None and germany.type == "place" and len(germany.sources) == 3
    assert ("de", "Deutschland") in germany.aliases and ("fr", "Allemagne") in germany.aliases
    us = result.find("United States")
    assert us is not None and us.sources == ("a", "c")
    assert result.find("Munich") is not None


def test_one_name_spelt_two_ways_is_one_person_two_given_names_are_two() -> None:
    fr = make_source("Le ministre Vassilis Kikilias a parlé. Vassilis Kikilias était à Athènes.", "fr", "a")
    nb = make_source("Ministeren Vasilis Kikilias sa at brannen var under kontroll.", "nb", "b")
    en = make_source("Kimberly Jones spoke first. Then Keaton Jones spoke.", "en", "c")
    result = resolve([fr, nb, en])
    minister = result.find("Vassilis Kikilias")
    assert minister is not None and minister.sources == ("a", "b")
    assert result.find("Kimberly Jones") is not None and result.find("Keaton Jones") is not None
    assert result.find("Kimberly Jones") != result.find("Keaton Jones")


def test_a_surname_spelt_two_ways_is_one_person_with_its_spellings() -> None:
    a = make_source("The hospital director, Dr Amir Hadid Fayez, said two people died.", "en", "a")
    b = make_source("The doctor Amir Hadid Faiz, who runs the hospital, counted four dead.", "en", "b")
    c = make_source("Mark Smith met the mayor. Later Mary Smith arrived.", "en", "c")
    result = resolve([a, b, c])
    doctor = result.find("Amir Hadid Fayez")
    assert doctor is not None and doctor.sources == ("a", "b") and ("en", "Amir Hadid Faiz") in doctor.aliases
    assert doctor.spellings == ("Amir Hadid Faiz", "Amir Hadid Fayez")
    assert "spelling-variants" in doctor.rules
    # two given names, each a name of its own: two people, whatever their letters share
    assert result.find("Mark Smith") != result.find("Mary Smith")


def test_a_name_one_source_misspells_joins_the_name_the_others_write_and_its_type() -> None:
    a = make_source("Boko Haram fighters attacked the town of Chibok on Monday.", "en", "a")
    b = make_source("The army says it fought Boko Haram near Maiduguri.", "en", "b")
    c = make_source("The president vowed to destroy Boko Harm within a year.", "en", "c")
    result = resolve([a, b, c])
    group = result.find("Boko Haram")
    assert group is not None and group.type == "organization" and group.sources == ("a", "b", "c")
    assert group.spellings == ("Boko Haram", "Boko Harm")
    assert result.find("Boko Harm") is None and any(m.text == "Boko Harm" for m in group.mentions)
    # one source each: neither tells which is misspelt, so the two names stay apart
    alone = resolve([a, c])
    assert alone.find("Boko Harm") is not None and alone.find("Boko Harm") != alone.find("Boko Haram")
    # two ordinary words are two names, not one misspelt
    hotel = resolve([make_source("Gunmen stormed the Zarqa Hotel on Monday.", "en", "d"),
                     make_source("Guests fled the Zarqa Hotel at night.", "en", "e"),
                     make_source("The wounded were taken to the Zarqa Hospital.", "en", "f")])
    assert hotel.find("Zarqa Hotel") is not None and hotel.find("Zarqa Hospital") is not None


def test_two_spellings_in_one_sentence_are_two_people() -> None:
    a = make_source("Tomas Lindqvist and Tomaz Lindqvist, his cousin, were both there.", "en", "a")
    result = resolve([a])
    assert result.find("Tomas Lindqvist") != result.find("Tomaz Lindqvist")


def test_a_longer_form_of_a_name_joins_it() -> None:
    a = make_source("Information minister Alhaji Kola Adeyemi said talks continue.", "en", "a")
    b = make_source("Kola Adeyemi, the information minister, spoke to reporters.", "en", "b")
    result = resolve([a, b])
    # "Alhaji" is a title: kept as evidence of the person, no part of the name both sources give
    minister = result.find("Kola Adeyemi")
    assert minister is not None and minister.sources == ("a", "b") and minister.spellings == ()
    assert any("Alhaji" in e for e in minister.type_evidence)


def test_a_place_the_gazetteer_knows_joins_no_person_whose_name_has_it() -> None:
    a = make_source("The director Neil Jordan said his new film was shot in Ireland.", "en", "a")
    b = make_source("The talks were held in Jordan on Monday.", "en", "b")
    result = resolve([a, b])
    jordan, director = result.find("Jordan"), result.find("Neil Jordan")
    assert jordan is not None and jordan.type == "place" and jordan.sources == ("b",)
    assert director is not None and [m.text for m in director.mentions] == ["Neil Jordan"]


def test_a_name_ending_two_longer_names_stays_apart() -> None:
    a = make_source("Anna Maria Berg spoke first. Later that day, Eva Maria Berg answered her.", "en", "a")
    b = make_source("Maria Berg was not there.", "en", "b")
    result = resolve([a, b])
    assert result.find("Maria Berg") not in (result.find("Anna Maria Berg"), result.find("Eva Maria Berg"))


def test_animal_entity_is_not_a_person() -> None:
    result = resolve([make_source("Their dog Bamse was found alive. Bamse was tired but fine.")])
    bamse = result.find("Bamse")
    assert bamse is not None and bamse.type == "other" and len(bamse.mentions) == 2


def test_co_mentions_count_sentences_and_paragraphs() -> None:
    result = resolve([make_source("Justin Bieber met Demi Lovato in Oslo. Demi Lovato smiled.")])
    pairs = {(c.a, c.b): (c.sentences, c.paragraphs) for c in result.co_mentions}
    assert pairs[("demi-lovato", "justin-bieber")] == (1, 1)
    assert pairs[("demi-lovato", "oslo")] == (1, 1)


def test_resolution_is_deterministic(seeds: Resolution) -> None:
    corpus, _ = read_corpus(Path("seeds"))
    assert corpus is not None
    again = resolve(list(reversed(corpus.sources)), corpus.case)
    assert list(entity_records(again)) == list(entity_records(seeds))


def test_entities_record_the_rules_that_decided_their_type(seeds: Resolution, monkeypatch: pytest.MonkeyPatch) -> None:
    # A person by a role cue and a place the extraction found in the gazetteer: the majority vote decides.
    arquette = seeds.entity("patricia-arquette")
    assert arquette is not None and arquette.type == "person"
    assert arquette.type_evidence == ("role 'Skuespiller'",)
    assert arquette.rules == ("majority vote",)
    knoxville = seeds.entity("knoxville")
    assert knoxville is not None and knoxville.type == "place"
    assert knoxville.type_evidence == ("gazetteer: city Knoxville", "sequence tagger: LOC")
    assert knoxville.rules == ("majority vote",)
    # A single name the extraction left untyped ("weit über Freiburg hinaus") that the gazetteer has
    # is a place before the vote; an animal is no person whatever the votes. The sequence tagger types
    # Freiburg itself: the rules alone (a language without a model) leave it untyped.
    corpus, _ = read_corpus(Path("tests/stories/rhine-festival/seeds"))
    assert corpus is not None
    story = resolve(list(corpus.sources), corpus.case)
    freiburg = story.entity("freiburg")
    assert freiburg is not None and freiburg.type == "place" and freiburg.rules == ("majority vote",)
    monkeypatch.setattr(entities_module, "has_model", lambda lang: False)
    freiburg = resolve(list(corpus.sources), corpus.case).entity("freiburg")
    assert freiburg is not None and freiburg.type == "place"
    assert freiburg.rules == ("place in the gazetteer", "majority vote")
    dog = story.entity("filou")
    assert dog is not None and dog.type == "other" and dog.rules == ("animal or storm evidence",)
    # A type set in case.yml overrides the vote.
    curated = resolve([make_source("CBS reported it from Oslo.")], CaseInfo(raw={"types": {"cbs": "platform"}}))
    cbs, oslo = curated.entity("cbs"), curated.entity("oslo")
    assert cbs is not None and cbs.type == "platform" and cbs.rules == ("curated type",)
    assert oslo is not None and oslo.type == "place" and oslo.rules == ("majority vote",)


def test_an_acronym_in_brackets_is_an_alias_of_the_name_it_follows() -> None:
    # in every language; the acronym's later uses join too, in its source and in others
    sources = [make_source("The National Health Service (NHS) said on Monday that the NHS was ready.", "en", "a"),
               make_source("Les médecins du NHS ont parlé lundi.", "fr", "b"),
               make_source("Das Bundesamt für Strahlenschutz (BfS) warnte am Montag.", "de", "c"),
               make_source("Det statlige fondet 1Malaysia Development Berhad (1MDB) betalte.", "nb", "d")]
    found = resolve(sources)
    nhs = found.find("National Health Service")
    assert nhs is not None and nhs.type == "organization" and ("en", "NHS") in nhs.aliases
    assert found.find("NHS") is None and {m.text for m in nhs.mentions} == {"National Health Service", "NHS"}
    fund = found.find("1Malaysia Development Berhad")
    assert fund is not None and fund.type == "organization" and ("nb", "1MDB") in fund.aliases
    office = found.find("Bundesamt für Strahlenschutz")
    assert office is not None and ("de", "BfS") in office.aliases



def test_an_acronym_says_where_the_name_it_spells_begins() -> None:
    # a listed name inside a longer one, widened to the capitalised word the acronym begins with
    found = resolve([make_source("He was freed by the International Committee of the Red Cross (ICRC) on Monday, "
                                 "and the president of the Red Cross spoke.", "en")])
    committee = found.find("International Committee of the Red Cross")
    assert committee is not None and ("en", "ICRC") in committee.aliases
    assert found.find("Red Cross") is not None


def test_an_acronym_spelled_out_as_two_names_joins_neither() -> None:
    sources = [make_source("Members of the Danish Society (DS) met on Monday.", "en", "a"),
               make_source("Members of the Department of Science (DS) met on Tuesday.", "en", "b")]
    found = resolve(sources)
    names = {e.name for e in found.entities}
    assert {"Danish Society", "Department of Science"} <= names


def test_a_place_after_a_direction_is_the_place_in_every_language() -> None:
    found = resolve([make_source("Troops fought in northern Nigeria on Monday.", "en", "a"),
                     make_source("Die Armee kämpft in Nordnigeria.", "de", "b"),
                     make_source("Hæren kjemper i Nord-Nigeria.", "nb", "c")])
    nigeria = found.find("Nigeria")
    assert nigeria is not None and nigeria.type == "place" and len(nigeria.sources) == 3
    assert {("de", "Nordnigeria"), ("nb", "Nord-Nigeria")} <= set(nigeria.aliases)


def test_a_province_named_with_the_word_for_its_kind_is_the_province() -> None:
    found = resolve([make_source("Fighting spread in Helmand Province. Farmers in Helmand fled.", "en")])
    helmand = found.find("Helmand")
    assert helmand is not None and helmand.type == "place" and ("en", "Helmand Province") in helmand.aliases


def test_a_town_and_the_province_named_after_it_are_one_place_across_languages() -> None:
    # pycountry names the canton and the province ("Genève", "Palermo"); GeoNames the towns in every language
    assert lex.place("Genève").key == lex.place("Genf").key == lex.place("Geneva").key
    assert lex.place("Milano").key == lex.place("Mailand").key and lex.place("Milano").kind == "admin"
    found = resolve([make_source("Die Ermittler in Genf schwiegen am Montag.", "de", "a"),
                     make_source("Les enquêteurs de Genève se sont tus lundi.", "fr", "b")])
    geneva = [e for e in found.entities if e.type == "place"]
    assert len(geneva) == 1 and len(geneva[0].sources) == 2


def test_a_region_is_one_place_across_languages_by_the_iso_codes_translations() -> None:
    # pycountry's translations of ISO 3166-2 give "Sizilien" and "Sicile"; English "Sicily" is in the lists
    translated = lex.translated_places()
    assert translated["sizilien"].key == translated["sicile"].key == lex.place("Sicily").key == "admin:IT-82"
    assert lex.place("Freiburg").kind == "city" and "freiburg" not in translated  # the town, not the canton
    assert lex.place("Marken") is None  # the Marche in German, and "brands": no word becomes a place by them
    found = resolve([make_source("Die Jacht sank vor Sizilien. Die Küste Siziliens war ruhig.", "de", "a"),
                     make_source("Le yacht a coulé au large de la Sicile.", "fr", "b")])
    sicily = [e for e in found.entities if e.type == "place"]
    assert len(sicily) == 1 and len(sicily[0].sources) == 2 and len(sicily[0].mentions) == 3


def test_a_place_named_with_the_noun_for_its_kind_is_the_place_named_without_it() -> None:
    found = resolve([make_source("Rescuers dug in Zhongmengchang Village all night.", "en", "a"),
                     make_source("The boy fell into a well in Zhongmengchang on Sunday.", "en", "b")])
    village = [e for e in found.entities if e.type == "place"]
    assert len(village) == 1 and len(village[0].sources) == 2
    # only places join: a people's name in a headline's "Afghan City" stays apart from "Afghan"
    assert lex.place_of_kind("Mexico City", "en") is None and lex.place_of_kind("Zhongmengchang Village", "en")


def test_a_list_of_names_whose_commas_were_lost_is_the_people_it_lists() -> None:
    a = make_source("These are the released girls: Blessing Abana Comfort Amos Deborah Andrawus Maryam Basheer "
                    "Helen Musa\n\nOfficials identified the girls as Blessing Abana, Comfort Amos, Deborah "
                    "Andrawus, Maryam Basheer and Helen Musa.", "en", "a")
    found = resolve([a])
    people = {e.name: len(e.mentions) for e in found.entities if e.type == "person"}
    assert all(people[name] == 2 for name in ("Blessing Abana", "Comfort Amos", "Deborah Andrawus", "Helen Musa"))
    assert not [e.name for e in found.entities if len(e.name.split()) > 3]  # the run is no one's name
    # a long name of people named nowhere else is left as it is
    assert len(resolve([make_source("Juan Carlos Maria Jose Luis Ortega spoke.", "en", "b")]).entities) == 1


def test_a_name_another_surname_follows_is_the_longer_name() -> None:
    a = make_source("The first girl found was Amina Ali Nkeki, near the forest.", "en", "a")
    b = make_source("In May a vigilante group found Amina Ali wandering in the forest.", "en", "b")
    found = resolve([a, b])
    girl = [e for e in found.entities if e.type == "person"]
    assert len(girl) == 1 and girl[0].sources == ("a", "b")
    # a name two longer names begin with stays apart from both
    c = make_source("Kim Jong Un met Kim Jong Il's widow. Later Kim Jong spoke.", "en", "c")
    assert len([e for e in resolve([c]).entities if e.type == "person" and e.name.startswith("Kim")]) >= 2

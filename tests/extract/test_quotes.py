"""Quote stage: every quote style, apostrophes, the dialogue dash, speakers only on evidence."""

from __future__ import annotations

import pytest
from claimkit import load_yaml, make_source, refs_for, score, seeds, story

from generator.extract.quotes import extract_quotes


@pytest.mark.parametrize("text,language,quoted", [
    ("She said: “We will rebuild the whole street.”", "en", "We will rebuild the whole street."),
    ('He said: "We will rebuild the whole street."', "en", "We will rebuild the whole street."),
    ("He asked: ''Why do they bully us?''", "en", "Why do they bully us?"),
    ("She said: ‘We will rebuild the whole street.’", "en", "We will rebuild the whole street."),
    ("Han skriver: «Vi skal bygge opp hele gata.»", "nb", "Vi skal bygge opp hele gata."),
    ("Er sagte: „Wir bauen die ganze Straße wieder auf.“", "de", "Wir bauen die ganze Straße wieder auf."),
    ("Er sagte: »Wir bauen die ganze Straße wieder auf.«", "de", "Wir bauen die ganze Straße wieder auf."),
    ("Il a dit : « Nous allons tout reconstruire ici. »", "fr", "Nous allons tout reconstruire ici."),
])
def test_every_quote_style(text: str, language: str, quoted: str) -> None:
    source = make_source(text, language)
    assert [q.text for q in extract_quotes(source)] == [quoted]


def test_apostrophes_are_not_quote_marks() -> None:
    source = make_source("The kids' teacher said it wasn't the parents' fault, and the boys' coach didn't agree.")
    assert extract_quotes(source) == ()


def test_titles_and_terms_are_not_quotes() -> None:
    source = make_source("«Captain America»-stjernen skriver at «Avengers» er best. Han kalte ham ''N'' ordet.",
                         "nb")
    assert extract_quotes(source) == ()


def test_dialogue_dash_runs_to_the_attribution() -> None:
    text = ("Keaton Jones gråt i bilen.\n\n"
            "– De gjør narr av nesen min, sier at jeg er stygg og at jeg ikke har noen venner, hikster han.")
    source = make_source(text, "nb")
    quotes = extract_quotes(source, refs_for(source, ("Keaton Jones", "keaton", "m")))
    assert [q.text for q in quotes] == [
        "De gjør narr av nesen min, sier at jeg er stygg og at jeg ikke har noen venner"]
    assert quotes[0].speaker == "keaton"
    assert quotes[0].evidence_kind == "pronoun"
    assert "hikster han" in (quotes[0].evidence or "")


def test_quote_spanning_sentences_is_one_quote() -> None:
    source = make_source('"It is hard. But it will get better. Stay strong," Anna Berg said.')
    quotes = extract_quotes(source, refs_for(source, ("Anna Berg", "anna", "f")))
    assert len(quotes) == 1 and quotes[0].speaker == "anna"


def test_no_evidence_means_no_speaker() -> None:
    source = make_source('Anna Berg and Per Olsen were there. "Nobody expected this to happen here."')
    quotes = extract_quotes(source, refs_for(source, ("Anna Berg", "anna", "f"), ("Per Olsen", "per", "m")))
    assert quotes[0].speaker is None and quotes[0].evidence_kind == "none"


def test_pronoun_needs_a_person_of_fitting_gender() -> None:
    source = make_source('Anna Berg arrived first. "We did all we could," he said.')
    quotes = extract_quotes(source, refs_for(source, ("Anna Berg", "anna", "f")))
    assert quotes[0].speaker is None


def test_french_inversion() -> None:
    source = make_source("Marie Dupont était là. « Nous avons eu très peur », explique-t-elle.", "fr")
    quotes = extract_quotes(source, refs_for(source, ("Marie Dupont", "marie", "f")))
    assert quotes[0].speaker == "marie"


def test_verb_before_quote_and_title_before_name() -> None:
    source = make_source("‘She is a real hero to all of us,’ said Mayor Anne Solberg.")
    quotes = extract_quotes(source, refs_for(source, ("Anne Solberg", "anne", "f")))
    assert quotes[0].speaker == "anne"


def test_spans_are_exact() -> None:
    corpus, _, persons = seeds()
    for source in corpus.sources:
        for quote in extract_quotes(source, persons):
            assert source.text[quote.start:quote.end] == quote.text
            assert quote.anchor == source.paragraph_at(quote.start).anchor


def test_seed_speakers() -> None:
    corpus, _, persons = seeds()
    by_source = {s.id[:3]: extract_quotes(s, persons) for s in corpus.sources}
    assert [q.speaker for q in by_source["000"]] == ["keaton-jones", "keaton-jones"]
    speakers_001 = {q.text[:25]: q.speaker for q in by_source["001"]}
    assert speakers_001["What did they say to you?"] == "kimberly-jones"
    assert speakers_001["They make fun of my nose."] == "keaton-jones"
    assert speakers_001["Friends, overwhelmed is t"] == "kimberly-jones"
    dash = [q for q in by_source["002"] if q.style == "dash"]
    assert len(dash) == 3 and all(q.speaker == "keaton-jones" for q in dash)
    assert {q.speaker for q in by_source["002"] if q.style == "guillemets"} >= {
        "justin-bieber", "romeo-beckham", "demi-lovato", "eva-longoria", "orlando-bloom", "katy-perry", "snoop-dogg"}


def test_story_precision_and_recall() -> None:
    corpus, _, persons, gold_dir = story("harbour")
    gold = load_yaml(gold_dir / "quotes.yml")
    found = [q for s in corpus.sources for q in extract_quotes(s, persons)]
    spans = {(q.source[:3], q.text) for q in found}
    gold_spans = {(str(g["source"]), g["text"]) for g in gold}
    precision, recall = score("harbour quotes", spans, gold_spans)
    assert precision >= 0.9 and recall >= 0.9
    attributed = {(q.source[:3], q.text, q.speaker) for q in found}
    gold_attributed = {(str(g["source"]), g["text"], g["speaker"]) for g in gold}
    precision, recall = score("harbour speakers", attributed, gold_attributed)
    assert precision >= 0.85 and recall >= 0.85


def test_storm_story_precision_and_recall() -> None:
    """The storm story, written apart from the code: „…“, » … «, ‘…’, ''…'', dashes, titles before names."""
    corpus, _, persons, gold_dir = story("storm")
    gold = load_yaml(gold_dir / "quotes.yml")
    found = [q for s in corpus.sources for q in extract_quotes(s, persons)]
    precision, recall = score("storm quotes", {(q.source[:3], q.text) for q in found},
                              {(str(g["source"]), g["text"]) for g in gold})
    assert precision >= 0.9 and recall >= 0.9
    precision, recall = score("storm speakers", {(q.source[:3], q.text, q.speaker) for q in found},
                              {(str(g["source"]), g["text"], g["speaker"]) for g in gold})
    assert precision >= 0.9 and recall >= 0.9


@pytest.mark.parametrize("text,language,name", [
    ("« C'est une perte immense », a déclaré M. Marchal lors d'une conférence de presse.", "fr", "Marchal"),
    ("\"It is a huge loss,\" said Dr. Marchal at a news conference.", "en", "Marchal"),
    # a long title, then the name after a comma
    ("« Le conducteur a freiné », a expliqué le directeur régional de la SNCF, Jean-Pierre Martin.", "fr",
     "Jean-Pierre Martin"),
    ('"The driver braked at once," said the regional director of the rail company, Jean-Pierre Martin.', "en",
     "Jean-Pierre Martin"),
    ("„Wir haben keine andere Wahl“, sagte Verdi-Sprecherin Petra Klein.", "de", "Petra Klein"),  # a compound title
    ("Die Senatorin Ute Bonde kritisierte den Streik: „Das trifft die Falschen.“", "de", "Ute Bonde"),
    # the day between the speech verb and the title
    ("« La situation reste très préoccupante », a déclaré lundi le préfet du Gard, Jérôme Bonet.", "fr",
     "Jérôme Bonet"),
    ("« Nous demandons l'état de catastrophe naturelle », a indiqué Christophe Rivenq, le maire.", "fr",
     "Christophe Rivenq"),
    # verbs of reacting and answering
    ("« C'est un coup de massue pour la région », a réagi Karim Benali, délégué CGT.", "fr", "Karim Benali"),
    ('"This is a blow for the region," union leader Karl Weber responded.', "en", "Karl Weber"),
])
def test_a_title_between_speech_verb_and_name(text: str, language: str, name: str) -> None:
    source = make_source(text, language)
    quotes = extract_quotes(source, refs_for(source, (name, "speaker", "m")))
    assert [q.speaker for q in quotes] == ["speaker"]


def test_a_dash_quote_opening_a_sentence_inside_a_paragraph() -> None:
    source = make_source("Kaptein Maria Olsen landet flyet trygt klokken 19.45. – Mannskapet gjorde akkurat det "
                         "de er trent til, sier pressetalsmann Jon Berg. Flyet ble stående.", "nb")
    quotes = extract_quotes(source, refs_for(source, ("Jon Berg", "jon", "m"), ("Maria Olsen", "maria", "f")))
    assert [(q.text, q.speaker) for q in quotes] == [("Mannskapet gjorde akkurat det de er trent til", "jon")]
    unattributed = make_source("Flyet landet klokken 19.45. – Ingen ble skadet. Flyet ble stående.", "nb")
    assert extract_quotes(unattributed) == ()  # inside a paragraph a dash is a quote only with its attribution


def test_dash_quotes_inside_a_paragraph_go_on_like_those_opening_one() -> None:
    source = make_source("Flyet landet klokken 19.45. – Alle er i god behold, sier Jon Berg. – Vi er lettet, "
                         "sier han.", "nb")
    quotes = extract_quotes(source, refs_for(source, ("Jon Berg", "jon", "m")))
    assert [(q.text, q.speaker) for q in quotes] == [("Alle er i god behold", "jon"), ("Vi er lettet", "jon")]


def test_a_quote_after_someone_the_person_list_does_not_know_continues_nobody() -> None:
    text = ("« Le gouvernement doit reculer », a déclaré Sophie Binet, secrétaire générale de la CGT. Marylise "
            "Léon, secrétaire générale de la CFDT, a appelé à « une nouvelle journée de mobilisation ».")
    source = make_source(text, "fr")
    quotes = extract_quotes(source, refs_for(source, ("Sophie Binet", "sb", "f")))
    assert [q.speaker for q in quotes] == ["sb", None]
    text = '"We will not back down," Sophie Binet said. "This is only the start."'
    source = make_source(text, "en")
    quotes = extract_quotes(source, refs_for(source, ("Sophie Binet", "sb", "f")))
    assert [q.speaker for q in quotes] == ["sb", "sb"]

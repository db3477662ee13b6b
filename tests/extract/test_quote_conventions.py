"""Quote conventions (issue 16), in every language that has them: quotes that run over paragraphs,
mixed marks, inverted speech verbs, titles and roles before names, the listener of a verb of
telling, speech verbs after the quote, roles that point back, and speakers no person names."""

from __future__ import annotations

import pytest
from claimkit import make_source, refs_for

from generator.extract.quotes import extract_quotes
from generator.extract.quotes.marks import quotes_in


def _speakers(text: str, language: str, *people: tuple[str, str, str | None]) -> list[str | None]:
    source = make_source(text, language)
    return [q.speaker for q in extract_quotes(source, refs_for(source, *people))]


# ---- a quote that runs over paragraphs: left open at the paragraph's end, opened again in the next

@pytest.mark.parametrize("text,language", [
    ('"We searched the whole valley for three days," Ruth Adler said. "We found nothing at all.\n\n'
     '"Then the rain came and the river rose over the road."', "en"),
    ("„Wir haben drei Tage lang das ganze Tal abgesucht“, sagte Ruth Adler. „Wir fanden gar nichts.\n\n"
     "„Dann kam der Regen, und der Fluss stieg über die Straße.“", "de"),
    ("« Nous avons fouillé toute la vallée pendant trois jours », a déclaré Ruth Adler. « Nous n'avons rien "
     "trouvé.\n\n« Puis la pluie est venue et la rivière a débordé sur la route. »", "fr"),
    ("«Vi lette gjennom hele dalen i tre dager», sier Ruth Adler. «Vi fant ingenting.\n\n"
     "«Så kom regnet, og elva steg over veien.»", "nb"),
])
def test_a_quote_running_over_paragraphs_continues_its_speaker(text: str, language: str) -> None:
    source = make_source(text, language)
    quotes = extract_quotes(source, refs_for(source, ("Ruth Adler", "ruth", "f")))
    assert len(quotes) == 3
    assert [q.speaker for q in quotes] == ["ruth", "ruth", "ruth"]
    assert quotes[2].evidence_kind == "continuation"
    raws = quotes_in(source)
    assert [r.runs_on for r in raws] == [False, True, False]


def test_a_mark_left_open_with_no_mark_opening_the_next_paragraph_is_no_quote() -> None:
    source = make_source('Ruth Adler said she had "searched the valley for days.\n\nThe river rose over the road.')
    assert extract_quotes(source, refs_for(source, ("Ruth Adler", "ruth", "f"))) == ()


def test_a_quote_left_open_runs_on_over_a_speaker_named_between() -> None:
    text = ('"The first shot came at dawn," Ruth Adler said. "Nobody slept after that.\n\n'
            '"By noon the soldiers had left," said Tom Berg, who was with her.')
    assert _speakers(text, "en", ("Ruth Adler", "ruth", "f"), ("Tom Berg", "tom", "m")) == ["ruth", "ruth", "tom"]


# ---- mixed marks: typed and typeset marks meet in one quote

@pytest.mark.parametrize("text,language,quoted", [
    ('“We will rebuild the whole street," Ruth Adler said.', "en", "We will rebuild the whole street"),
    ('"We will rebuild the whole street,” Ruth Adler said.', "en", "We will rebuild the whole street"),
    ('„Wir bauen die ganze Straße wieder auf", sagte Ruth Adler.', "de", "Wir bauen die ganze Straße wieder auf"),
    ('“Nous allons tout reconstruire ici," a déclaré Ruth Adler.', "fr", "Nous allons tout reconstruire ici"),
    ('“Vi skal bygge opp hele gata," sier Ruth Adler.', "nb", "Vi skal bygge opp hele gata"),
])
def test_mixed_marks_make_one_quote(text: str, language: str, quoted: str) -> None:
    source = make_source(text, language)
    quotes = extract_quotes(source, refs_for(source, ("Ruth Adler", "ruth", "f")))
    assert [(q.text, q.speaker, q.style) for q in quotes] == [(quoted, "ruth", "mixed")]


# ---- the speech verb before its subject, after the quote

@pytest.mark.parametrize("text,language", [
    ('Ruth Adler stood by the road. "The water came in the night," she said.', "en"),
    ('"The water came in the night," said Ruth Adler.', "en"),
    ("Ruth Adler stand an der Straße. „Das Wasser kam in der Nacht“, sagte sie.", "de"),
    ("„Das Wasser kam in der Nacht“, sagte Ruth Adler.", "de"),
    ("Ruth Adler était au bord de la route. « L'eau est arrivée dans la nuit », a-t-elle déclaré.", "fr"),
    ("Ruth Adler était au bord de la route. « L'eau est arrivée dans la nuit », raconte-t-elle.", "fr"),
    ("« L'eau est arrivée dans la nuit », a déclaré Ruth Adler.", "fr"),
    ("Ruth Adler sto ved veien. «Vannet kom om natten», sier hun.", "nb"),
    ("«Vannet kom om natten», sa Ruth Adler.", "nb"),
])
def test_an_inverted_speech_verb_after_the_quote(text: str, language: str) -> None:
    assert _speakers(text, language, ("Ruth Adler", "ruth", "f"), ("Tom Berg", "tom", "m")) == ["ruth"]


@pytest.mark.parametrize("text,language", [
    ('"The water came in the night," Ruth Adler said.', "en"),
    ('"The water came in the night," Ruth Adler, a nurse at the clinic, told reporters.', "en"),
])  # English alone puts the subject before the verb after a quote
def test_a_subject_before_the_speech_verb_after_the_quote(text: str, language: str) -> None:
    assert _speakers(text, language, ("Ruth Adler", "ruth", "f")) == ["ruth"]


# ---- titles and roles before the name

@pytest.mark.parametrize("text,language", [
    ('"The girls are safe," Foreign Minister Tom Berg said on Monday.', "en"),
    ('Foreign Minister Tom Berg said: "The girls are safe."', "en"),
    ('"The girls are safe," said the minister of information and culture Tom Berg.', "en"),
    ("„Die Mädchen sind in Sicherheit“, sagte Außenminister Tom Berg.", "de"),
    ("„Die Mädchen sind in Sicherheit“, sagte der Außenminister Tom Berg am Montag.", "de"),
    ("« Les jeunes filles sont en sécurité », a déclaré le ministre des Affaires étrangères Tom Berg.", "fr"),
    ("Le ministre Tom Berg a déclaré : « Les jeunes filles sont en sécurité. »", "fr"),
    ("«Jentene er i sikkerhet», sier utenriksminister Tom Berg.", "nb"),
    ("Utenriksminister Tom Berg sier: «Jentene er i sikkerhet.»", "nb"),
])
def test_a_title_or_role_before_the_name(text: str, language: str) -> None:
    assert _speakers(text, language, ("Tom Berg", "tom", "m")) == ["tom"]


@pytest.mark.parametrize("text,language", [
    ('Tom Berg, the minister of information, denied it. "The girls were never moved," he said.', "en"),
    ('"The girls were never moved," Tom Berg, the minister of information, said.', "en"),
    ("« Les jeunes filles n'ont jamais été déplacées », a affirmé Tom Berg, ministre de l'Information.", "fr"),
    ("„Die Mädchen wurden nie verlegt“, sagte Tom Berg, der Informationsminister.", "de"),
    ("«Jentene ble aldri flyttet», sier Tom Berg, informasjonsminister.", "nb"),
])
def test_a_role_after_the_name(text: str, language: str) -> None:
    assert _speakers(text, language, ("Tom Berg", "tom", "m")) == ["tom"]


def test_an_unnamed_speaker_named_with_a_place_ends_the_search_for_a_pronouns_person() -> None:
    text = ("Tom Berg, the head doctor, said four bodies had been brought in.\n\nA foreign ministry spokesman in "
            "Berlin said the attack was over.\n\n\u201cAll German employees of the consulate are safe,\u201d he said.")
    assert _speakers(text, "en", ("Tom Berg", "tom", "m")) == [None]


@pytest.mark.parametrize("text,language", [
    ('A spokesman for Ola Nordmann, Mallam Tom Berg, said the release "is the outcome of long talks with '
     'the group".', "en"),
    ("Ein Sprecher von Ola Nordmann, Tom Berg, sagte: „Die Freilassung ist das Ergebnis langer Gespräche.“", "de"),
])
def test_the_name_nearest_the_verb_in_an_apposition_is_the_speaker(text: str, language: str) -> None:
    assert _speakers(text, language, ("Ola Nordmann", "ola", "m"), ("Tom Berg", "tom", "m")) == ["tom"]


# ---- the object of a verb of telling is the listener

@pytest.mark.parametrize("text", [
    '"The girls were taken at night," Ruth Adler told CNN.',
    '"The girls were taken at night," Ruth Adler told The New York Times on Sunday.',
    'Ruth Adler told Tom Berg: "The girls were taken at night."',
])
def test_the_listener_of_told_is_not_the_speaker(text: str) -> None:
    assert _speakers(text, "en", ("Ruth Adler", "ruth", "f"), ("Tom Berg", "tom", "m")) == ["ruth"]


def test_told_with_nobody_before_it_names_no_speaker() -> None:
    text = 'Tom Berg arrived later. "The girls were taken at night," a witness told Tom Berg.'
    assert _speakers(text, "en", ("Tom Berg", "tom", "m")) == [None]


# ---- a role that points back to the person named earlier with it

@pytest.mark.parametrize("text,language", [
    ('Police spokesman Tom Berg confirmed the arrest. "He was armed," the spokesman said.', "en"),
    ("Polizeisprecher Tom Berg bestätigte die Festnahme. „Er war bewaffnet“, sagte der Sprecher.", "de"),
    ("Le porte-parole de la police, Tom Berg, a confirmé l'arrestation. « Il était armé », a déclaré le "
     "porte-parole.", "fr"),
])
def test_a_role_points_back_to_the_person_named_with_it(text: str, language: str) -> None:
    assert _speakers(text, language, ("Tom Berg", "tom", "m"), ("Ruth Adler", "ruth", "f")) == ["tom"]


@pytest.mark.parametrize("text,language", [
    ('Tom Berg was there. "He was armed," the spokesman said.', "en"),
    ("Tom Berg war dort. „Er war bewaffnet“, sagte der Sprecher.", "de"),
])
def test_a_role_nobody_was_named_with_names_no_speaker(text: str, language: str) -> None:
    assert _speakers(text, language, ("Tom Berg", "tom", "m")) == [None]


# ---- speakers the text does not name

@pytest.mark.parametrize("text,language", [
    ('Tom Berg left the town. "They came at night," said a local source.', "en"),
    ('Tom Berg left the town. "They came at night," a local shopkeeper said. "He told us to run," he added.',
     "en"),
    ("Tom Berg verließ die Stadt. „Sie kamen in der Nacht“, sagte ein Augenzeuge.", "de"),
    ("Tom Berg a quitté la ville. « Ils sont venus la nuit », a raconté un habitant.", "fr"),
    ("Tom Berg forlot byen. «De kom om natten», sier et vitne.", "nb"),
])
def test_an_unnamed_speaker_is_nobody_named(text: str, language: str) -> None:
    assert set(_speakers(text, language, ("Tom Berg", "tom", "m"))) == {None}


# ---- source words name the speaker after them

@pytest.mark.parametrize("text,language", [
    ("„Die Lage ist ernst“, so Ruth Adler.", "de"),
    ("« La situation est grave », selon Ruth Adler.", "fr"),
])
def test_source_words_before_the_name(text: str, language: str) -> None:
    assert _speakers(text, language, ("Ruth Adler", "ruth", "f")) == ["ruth"]


# ---- the same input, the same output

def test_attribution_is_deterministic() -> None:
    text = ('Foreign Minister Tom Berg said on Monday: "The girls are safe.\n\n"They will be home soon," '
            'the minister told CNN.')
    first = _speakers(text, "en", ("Tom Berg", "tom", "m"))
    assert all(_speakers(text, "en", ("Tom Berg", "tom", "m")) == first for _ in range(3))

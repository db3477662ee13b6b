"""Page furniture: lines pasted with an article that are not the article are marked, shown apart,
and read by no stage."""

from __future__ import annotations

import json

from helpers import make_source

from generator.extract.dates import extract_dates
from generator.extract.entities import extract_mentions
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.pipeline import generate
from generator.read.sources import source_from_text
from generator.render.source_page import render_source_page

PAGE = """German consulate in Afghanistan bombed

At least two people died in a suicide attack on the German consulate in Mazar-i-Sharif on Thursday, police said.

Image copyright EPA Image caption The massive blast destroyed nearby buildings and cars

"The attacker rammed his car into the wall," local police chief Sayed Kamal Sadat told AFP.

Afghanistan: Between Hope and Fear

16 show all Afghanistan: Between Hope and Fear

4/16 2007 Students recite prayers in a makeshift classroom in the Wakhan Corridor. (Wakhan, 2007) Paula Bronstein

Read more:

As Nigeria battles Islamist terrorists, millions are at risk of starvation

Today's coverage from correspondents around the world

Ambulances rushed 84 wounded people to two hospitals, doctors said.
"""


def _furniture(text: str, language: str = "en") -> dict[int, str | None]:
    source = source_from_text(text, language=language)
    return {p.index: p.furniture for p in source.paragraphs}


def test_credits_captions_galleries_and_links_are_furniture() -> None:
    marks = _furniture(PAGE)
    assert marks == {1: None, 2: None, 3: "furniture line", 4: None, 5: "title of what follows",
                     6: "furniture line", 7: "furniture line", 8: "furniture line", 9: "links after a header",
                     10: "links after a header", 11: None}


def test_furniture_in_each_language_and_credits_after_a_caption() -> None:
    # an agency's credit line is the article's sourcing: not furniture
    assert _furniture("Der Direktor ist verurteilt worden.\n\nUpdate folgt...\n\n(DPA/jar)", "de") == {
        1: None, 2: "furniture line", 3: None}
    caption = "Juan Izquierdo est décédé cinq jours après avoir été terrassé par une crise cardiaque.AFP"
    assert _furniture(f"Le joueur est mort jeudi.\n\n{caption}\n\nÀ lire aussi : le club rend hommage", "fr") == {
        1: None, 2: "caption with a credit", 3: "furniture line"}
    assert _furniture("Politiet rykket ut.\n\nLes også: Slik gikk det\n\nFoto: NTB", "nb") == {
        1: None, 2: "furniture line", 3: "furniture line"}
    # a byline alone is furniture; a sentence naming its source is not
    assert _furniture("Der Prozess ist vorbei.\n\nKonstantin Furrer\n\nEr sagte es der AFP.", "de") == {
        1: None, 2: "name alone", 3: None}


def test_no_stage_reads_furniture() -> None:
    source = make_source(PAGE, "en", "a")
    furniture = [(p.start, p.end) for p in source.paragraphs if p.furniture]

    def outside(records: tuple) -> bool:
        return all(not (s <= r.start < e) for r in records for s, e in furniture)

    mentions = extract_mentions(source)
    assert outside(mentions) and outside(extract_dates(source)) and outside(extract_quotes(source))
    assert outside(extract_figures(source))
    names = {m.text for m in mentions}
    assert "Sayed Kamal Sadat" in names and "Wakhan Corridor" not in names and "Paula Bronstein" not in names
    assert [f.text for f in extract_figures(source)] == ["At least two people", "84 wounded", "two hospitals"]


def test_the_source_page_shows_furniture_apart_and_case_json_says_why(seeds) -> None:
    source = make_source(PAGE, "en", "a")
    page = render_source_page(source)
    assert page.count('class="cf-furniture-note"') == 2  # one note per run of furniture
    assert "Page furniture (furniture line): this paragraph is not the article" in page
    assert "Page furniture (title of what follows): these 6 paragraphs are not the article" in page
    assert '<p id="p3" class="cf-p cf-furniture">' in page
    files = generate(seeds({"a.txt": PAGE, "b.txt": "Two people died in Mazar-i-Sharif, officials said."})).files
    anchors = json.loads(files["data/case.json"])["sources"][0]["anchors"]
    assert [a.get("furniture") for a in anchors][:4] == [None, None, "furniture line", None]


def test_a_video_players_strip_is_furniture() -> None:
    marks = _furniture("The girls were freed on Thursday.\n\nJUST WATCHED The abduction: a timeline Replay More "
                       "Videos ... MUST WATCH The abduction: a timeline 01:26\n\nThey were flown to the capital.")
    assert marks == {1: None, 2: "furniture line", 3: None}


def test_a_pictures_widget_text_and_its_credit_are_furniture() -> None:
    marks = _furniture("The girls were freed on Thursday.\n\nEnlarge this image toggle caption Jane Doe/AP "
                       "Jane Doe/AP\n\nThey were flown to the capital.")
    assert marks == {1: None, 2: "furniture line", 3: None}


def test_a_call_for_readers_tips_is_furniture() -> None:
    marks = _furniture("The girls were freed on Thursday.\n\nWe pay for your stories! Do you have a story for "
                       "The Daily Planet news team? Email us at tips@example.com\n\nThey were flown to the capital.")
    assert marks == {1: None, 2: "furniture line", 3: None}

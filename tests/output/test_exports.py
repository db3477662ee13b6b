"""Exports: CSV tables and the FollowTheMoney stream, validated with ``followthemoney``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from casedocs import base_document, head_document
from conftest import ROOT
from followthemoney import model

from generator.output.exports import csv_cell, csv_tables, ftm_id, ftm_language, ftm_stream

TABLES = {"sources.csv", "entities.csv", "mentions.csv", "quotes.csv", "figures.csv", "dates.csv",
          "discrepancies.csv", "claims.csv"}


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_tables_hold_every_record():
    document = head_document()
    tables = csv_tables(document)
    assert set(tables) == TABLES
    assert [r["id"] for r in rows(tables["sources.csv"])] == ["story-en", "story-nb"]
    entities = {r["id"]: r for r in rows(tables["entities.csv"])}
    assert entities["kimberly-jones"]["aliases"] == "Kimberly"
    assert entities["keaton-jones"]["mentions"] == "3"
    assert entities["keaton-jones"]["sources"] == "story-en; story-nb"
    mentions = rows(tables["mentions.csv"])
    assert len(mentions) == sum(len(e["mentions"]) for e in document["entities"])
    text = document["sources"][0]["text"]
    for mention in mentions:
        if mention["source"] == "story-en":
            assert text[int(mention["start"]):int(mention["end"])] == mention["text"]
    assert rows(tables["quotes.csv"])[0]["speaker"] == "keaton-jones"
    assert [r["value"] for r in rows(tables["figures.csv"])] == ["20000001", "17000000"]
    assert rows(tables["dates.csv"])[0]["resolved"] == "2017-12-08"
    assert rows(tables["discrepancies.csv"])[0]["sources"] == "story-en; story-nb"
    assert [r["discrepancy"] for r in rows(tables["claims.csv"])] == ["views-video", "views-video"]


def test_csv_defuses_formulas_and_is_deterministic():
    assert csv_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_cell("- Hei, sa han.") == "'- Hei, sa han."
    assert (csv_cell(None), csv_cell(True), csv_cell(3), csv_cell(2.5)) == ("", "true", "3", "2.5")
    assert csv_cell(["a", "b"]) == "a; b" and csv_cell({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'
    assert rows(csv_tables(base_document())["sources.csv"])[0]["outlet"] == "Daily =Example"
    assert csv_tables(head_document()) == csv_tables(json.loads(json.dumps(head_document())))


def test_empty_case_has_headers_only():
    document = {**base_document(), "entities": [], "quotes": [], "figures": [], "dates": [], "discrepancies": []}
    tables = csv_tables(document)
    assert tables["entities.csv"] == "id,name,type,aliases,mentions,sources\n"


def validate_stream(text: str) -> list[dict]:
    """Every line a valid FtM entity that FtM reads back unchanged; references resolve."""
    entities = [json.loads(line) for line in text.splitlines()]
    ids = [e["id"] for e in entities]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity["schema"]
        assert schema.validate(entity) is None, (entity["id"], schema.validate(entity))
        proxy = model.get_proxy(entity, cleaned=False)
        assert proxy.to_dict()["properties"] == entity["properties"], entity["id"]
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for ref in proxy.get(prop):
                    assert ref in ids, (entity["id"], prop.name, ref)
    return entities


def test_ftm_stream_validates_with_followthemoney():
    entities = {e["id"]: e for e in validate_stream(ftm_stream(head_document()))}
    schemata = {e["schema"] for e in entities.values()}
    assert {"Article", "Person", "Organization", "Address", "Document", "Mention", "Documentation",
            "Note"} <= schemata
    article = entities["cf-source.story-nb"]["properties"]
    assert article["language"] == ["nor"] and article["peopleMentioned"] == ["Keaton Jones"]
    assert "Videoen er sett" in article["bodyText"][0]
    keaton = entities["cf-entity.keaton-jones"]
    assert keaton["schema"] == "Person" and keaton["properties"]["alias"] == ["Keaton"]
    assert entities["cf-entity.knoxville"]["properties"]["full"] == ["Knoxville"]
    quoted = entities["cf-quote.q1"]["properties"]
    assert quoted["role"] == ["quoted"] and quoted["entity"] == ["cf-entity.keaton-jones"]
    note = entities["cf-discrepancy.views-video"]["properties"]
    assert note["entity"] == ["cf-source.story-en", "cf-source.story-nb"]
    mentions = [e for e in entities.values() if e["schema"] == "Mention"]
    assert {m["properties"]["name"][0] for m in mentions} >= {"Keaton Jones", "mother", "Videoen"}


def test_ftm_ids_are_stable_and_safe():
    assert ftm_id("source", "story-en") == "cf-source.story-en"
    assert ftm_id("entity", "a b") == ftm_id("entity", "a b") != ftm_id("entity", "a c")
    assert ftm_id("entity", "a b").startswith("cf-entity-")
    assert ftm_id("documentation", "a-b", "c") != ftm_id("documentation", "a", "b-c")
    assert ftm_stream(head_document()) == ftm_stream(head_document())
    assert (ftm_language("en"), ftm_language("nb"), ftm_language("fr"), ftm_language("xx")) == \
        ("eng", "nor", "fra", None)


@pytest.mark.parametrize("name", ["case.ftm.json", "sources.csv"])
def test_real_case_exports_are_committed_and_valid(name):
    path = ROOT / "docs_src" / "data" / name
    assert path.is_file()
    if name.endswith(".json"):
        articles = [e for e in validate_stream(path.read_text(encoding="utf-8")) if e["schema"] == "Article"]
        assert len(articles) == 3

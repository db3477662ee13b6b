"""The case.json serialisers: entity records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.extract.entities import extract_mentions
from generator.model.entity import Resolution
from generator.output.serialise import entity_records
from generator.read.sources import read_corpus
from generator.resolve.entities import resolve_entities


@pytest.fixture(scope="module")
def seeds() -> Resolution:
    corpus, problems = read_corpus(Path("seeds"))
    assert corpus is not None, problems
    return resolve_entities(corpus.sources, {s.id: extract_mentions(s) for s in corpus.sources}, corpus.case)


def test_entity_records_match_the_data_contract(seeds: Resolution) -> None:
    corpus, _ = read_corpus(Path("seeds"))
    assert corpus is not None
    texts = {s.id: s.text for s in corpus.sources}
    records = list(entity_records(seeds))
    json.dumps(records)
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    for record in records:
        assert {"id", "name", "type", "aliases", "mentions"} <= set(record)
        assert record["type"] in ("person", "place", "organization", "platform", "work", "other")
        for m in record["mentions"]:
            assert texts[m["source"]][m["start"]:m["end"]] == m["text"]
            assert m["anchor"].startswith("p")

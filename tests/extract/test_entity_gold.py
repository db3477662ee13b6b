"""Entity quality against hand-written gold files, per language.

Each story under ``tests/stories/<name>/`` has seeds (written for these tests, never
tuned against) and ``gold/entities.yml``. Precision, recall and type accuracy are printed
per language (see them with ``pytest -s``) and held to stated thresholds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from generator.extract.entities import extract_mentions
from generator.read.sources import read_corpus
from generator.resolve.entities import resolve_entities
from generator.text.words import fold

STORIES = Path(__file__).parent.parent / "stories"
# Thresholds the extraction must keep on stories it was not tuned on.
MIN_PRECISION = 0.88
MIN_RECALL = 0.9
MIN_TYPE_ACCURACY = 0.9


def evaluate(story: Path) -> dict[str, dict[str, float]]:
    corpus, problems = read_corpus(story / "seeds")
    assert corpus is not None, problems
    gold = yaml.safe_load((story / "gold" / "entities.yml").read_text(encoding="utf-8"))
    entries = [(e, {fold(n) for n in [e["name"], *e.get("aliases", [])]}) for e in gold["entities"]]
    optional = {fold(n) for n in gold.get("optional") or []}
    mentions = {s.id: extract_mentions(s) for s in corpus.sources}
    resolution = resolve_entities(corpus.sources, mentions, corpus.case)
    by_language: dict[str, list] = defaultdict(list)
    for source in corpus.sources:
        by_language[source.language].append(source)
        by_language["all"].append(source)  # across languages: one entity per referent
    scores: dict[str, dict[str, float]] = {}
    for language, sources in sorted(by_language.items()):
        text = "\n".join(s.text for s in sources)
        ids = {s.id for s in sources}
        expected = [
            (e, names) for e, names in entries
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)
                   for n in [e["name"], *e.get("aliases", [])])
        ]
        found = [e for e in resolution.entities if any(m.source in ids for m in e.mentions)]
        matched: dict[str, object] = {}
        true_positives = false_positives = right_type = 0
        for entity in found:
            names = {fold(entity.name)} | {fold(m.name) for m in entity.mentions if m.source in ids}
            if names & optional:
                continue
            hit = next((e for e, gold_names in expected if gold_names & names and e["name"] not in matched), None)
            if hit is None:
                false_positives += 1
                print(f"  [{language}] not in gold: {entity.name} ({entity.type})")
                continue
            matched[hit["name"]] = entity
            true_positives += 1
            if hit["type"] == entity.type:
                right_type += 1
            else:
                print(f"  [{language}] wrong type: {entity.name} is {entity.type}, gold {hit['type']}")
        for e, _ in expected:
            if e["name"] not in matched:
                print(f"  [{language}] missed: {e['name']} ({e['type']})")
        precision = true_positives / max(1, true_positives + false_positives)
        recall = len(matched) / max(1, len(expected))
        types = right_type / max(1, true_positives)
        scores[language] = {"precision": precision, "recall": recall, "types": types,
                            "gold": len(expected), "found": len(found)}
        print(f"{story.name} [{language}] precision {precision:.2f}  recall {recall:.2f}  "
              f"type accuracy {types:.2f}  ({len(expected)} gold, {len(found)} found)")
    return scores


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if (p / "gold" / "entities.yml").is_file()))
def test_story_against_gold(story: str) -> None:
    scores = evaluate(STORIES / story)
    assert scores
    for language, score in scores.items():
        assert score["precision"] >= MIN_PRECISION, (language, score)
        assert score["recall"] >= MIN_RECALL, (language, score)
        assert score["types"] >= MIN_TYPE_ACCURACY, (language, score)


def test_every_supported_language_is_measured() -> None:
    languages = set()
    for story in STORIES.iterdir():
        if (story / "gold").is_dir():
            corpus, _ = read_corpus(story / "seeds")
            assert corpus is not None
            languages |= {s.language for s in corpus.sources}
    assert {"en", "nb", "de", "fr"} <= languages - {"all"}

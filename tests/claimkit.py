"""Helpers shared by the claim tests: person refs from gold entity lists, gold files, scores.

Person mentions come from the entity stages in the real pipeline. Tests build them from
hand-written gold entity lists instead, by exact string search of each entity's names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.model.refs import PersonRef
from generator.model.source import Source
from generator.read.sources import read_corpus

ROOT = Path(__file__).resolve().parent.parent
STORIES = Path(__file__).resolve().parent / "stories"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def person_refs(sources: Iterable[Source], entities: list[dict[str, Any]]) -> tuple[PersonRef, ...]:
    """Every occurrence of every gold name form, longest forms first, never overlapping.

    An entity may list ``aliases`` for all sources and ``source_aliases: {<source id prefix>: [...]}``
    for forms that name it only in some sources (an ambiguous surname, say).
    """
    refs: list[PersonRef] = []
    for source in sources:
        forms: list[tuple[str, dict[str, Any]]] = []
        for entity in entities:
            names = [entity["name"], *entity.get("aliases", [])]
            for prefix, extra in (entity.get("source_aliases") or {}).items():
                if source.id.startswith(str(prefix)):
                    names.extend(extra)
            forms.extend((name, entity) for name in names)
        forms.sort(key=lambda f: -len(f[0]))
        taken: list[tuple[int, int]] = []
        for name, entity in forms:
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?=(?:s|'s|’s)?(?!\w))")
            for m in pattern.finditer(source.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                refs.append(PersonRef(source.id, m.start(), m.end(), entity["id"], entity["name"],
                                      entity.get("gender")))
    return tuple(sorted(refs))


def seeds():
    corpus, problems = read_corpus(ROOT / "seeds")
    assert corpus is not None, problems
    entities = load_yaml(Path(__file__).parent / "seeds_gold" / "persons.yml")
    return corpus, entities, person_refs(corpus.sources, entities)


def story(name: str):
    base = STORIES / name
    corpus, problems = read_corpus(base / "seeds")
    assert corpus is not None, problems
    entities = load_yaml(base / "gold" / "persons.yml")
    return corpus, entities, person_refs(corpus.sources, entities), base / "gold"


def score(name: str, found: set[Any], gold: set[Any]) -> tuple[float, float]:
    """Precision and recall, printed so that test runs show them (``pytest -s``)."""
    hits = len(found & gold)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(gold) if gold else 1.0
    print(f"\n{name}: precision {precision:.2f} ({hits}/{len(found)}), recall {recall:.2f} ({hits}/{len(gold)})")
    for item in sorted(found - gold, key=repr):
        print(f"  extra:   {item}")
    for item in sorted(gold - found, key=repr):
        print(f"  missing: {item}")
    return precision, recall


def make_source(text: str, language: str = "en", published: Any = None, source_id: str = "t") -> Source:
    """A source built in memory, segmented as the read stage does it."""
    from generator.model.source import Metadata
    from generator.read.furniture import mark_furniture
    from generator.read.segment import segment

    return Source(id=source_id, slug=source_id, path=f"seeds/{source_id}.txt", sidecar=None, sha256="",
                  text=text, title="t", title_derived=True, language=language, language_confidence=1.0,
                  metadata=Metadata(published=published),
                  paragraphs=mark_furniture(text, segment(text, language), language))


def refs_for(source: Source, *people: tuple[str, str, str | None]) -> tuple[PersonRef, ...]:
    """Person refs for the given (name, entity id, gender) by string search in one source."""
    entities = [{"id": pid, "name": name, "gender": gender} for name, pid, gender in people]
    return person_refs([source], entities)


def matches(found_source: str, gold_source: Any) -> bool:
    return found_source.startswith(str(gold_source))


def resolved_entities(corpus):
    """Entity refs from the real entity stages (extraction and resolution), as the pipeline builds them."""
    from generator.extract.entities import extract_mentions
    from generator.pipeline.stages import entity_refs
    from generator.resolve.entities import resolve_entities

    mentions = {s.id: extract_mentions(s) for s in corpus.sources}
    return entity_refs(resolve_entities(tuple(corpus.sources), mentions, corpus.case))

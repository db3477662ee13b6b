"""Words per second of the claim stages, on one core: extraction, and extraction plus comparison.

Two corpora:

* ``copies``: 20 copies of ``seeds/`` — the worst case for comparison (every quote and sentence
  of a copy matches every other copy's), but easy on the caches of extraction.
* ``realistic``: 200 distinct sources made by recombining paragraphs of ``seeds/`` and
  ``tests/stories/*/seeds`` within each language, with person names and numbers varied
  (``random.Random(seed)``, so the corpus is the same on every run).

Run ``python tests/bench/claims_speed.py`` (``--repeat 3`` takes the best of three runs).
Set ``CASEFILE_ROOT`` to measure another checkout of ``generator/``. Nothing here is a test:
the unit tests only check that the corpora build and that the work stays bounded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, os.environ.get("CASEFILE_ROOT", str(ROOT)))

from claimkit import load_yaml, make_source, person_refs  # noqa: E402

from generator.compare.merge import compare  # noqa: E402
from generator.extract.dates import extract_dates  # noqa: E402
from generator.extract.figures import extract_figures  # noqa: E402
from generator.extract.quotes import extract_quotes  # noqa: E402
from generator.model.refs import PersonRef  # noqa: E402
from generator.model.source import CaseInfo, Source  # noqa: E402
from generator.read.sources import read_corpus  # noqa: E402
from generator.text.words import count_words  # noqa: E402

FIRST_NAMES = ["Anna", "Ola", "Kari", "Jonas", "Marie", "Lukas", "Sophie", "Hugo", "Emma", "Liam", "Ingrid",
               "Felix", "Chloé", "Noah", "Sara", "Erik", "Léa", "Paul", "Nora", "Max", "Julia", "Arne",
               "Camille", "Tobias", "Hanna", "Louis", "Mia", "Jakob", "Alice", "Henrik"]
LAST_NAMES = ["Hansen", "Müller", "Dubois", "Smith", "Johansen", "Schneider", "Martin", "Brown", "Larsen",
              "Fischer", "Bernard", "Taylor", "Olsen", "Weber", "Petit", "Wilson", "Haugen", "Becker",
              "Moreau", "Clarke", "Dahl", "Wagner", "Laurent", "Walker", "Lund", "Koch", "Girard", "Evans"]
CASTS = 20  # sets of invented names; each realistic source uses one, so sources agree in groups


@dataclass(frozen=True)
class Bench:
    """A corpus ready for the claim stages."""

    sources: tuple[Source, ...]
    persons: tuple[PersonRef, ...]
    case: CaseInfo | None

    @property
    def words(self) -> int:
        return sum(count_words(s.text) for s in self.sources)


def _story_dirs() -> list[Path]:
    return [ROOT / "seeds", *sorted(p / "seeds" for p in (TESTS / "stories").iterdir()
                                    if (p / "seeds").is_dir() and (p / "gold" / "persons.yml").is_file())]


def _gold_persons(seeds_dir: Path) -> list[dict]:
    gold = (seeds_dir.parent / "gold" / "persons.yml" if seeds_dir.parent != ROOT
            else TESTS / "seeds_gold" / "persons.yml")
    return load_yaml(gold) or []


def copies_corpus(copies: int = 20) -> Bench:
    """``copies`` copies of ``seeds/``, with ids made distinct."""
    corpus, problems = read_corpus(ROOT / "seeds")
    assert corpus is not None, problems
    persons = person_refs(corpus.sources, _gold_persons(ROOT / "seeds"))
    sources, refs = [], []
    for n in range(copies):
        for source in corpus.sources:
            copy = replace(source, id=f"{n:03d}{source.id[3:]}")
            sources.append(copy)
            refs.extend(replace(p, source=copy.id) for p in persons if p.source == source.id)
    return Bench(tuple(sources), tuple(refs), corpus.case)


def _cast(rng: random.Random, entities: list[dict]) -> dict[str, str]:
    """A consistent renaming of every word of every person name."""
    tokens: dict[str, str] = {}
    for entity in entities:
        parts = str(entity["name"]).split()
        for k, part in enumerate(parts):
            if part not in tokens:
                tokens[part] = rng.choice(FIRST_NAMES if k == 0 and len(parts) > 1 else LAST_NAMES)
    return tokens


def _rename(name: str, tokens: dict[str, str]) -> str:
    return " ".join(tokens.get(part, part) for part in name.split())


def _vary_numbers(text: str, rng: random.Random) -> str:
    def vary(m: re.Match[str]) -> str:
        digits = m.group(0)
        if rng.random() < 0.5 or re.fullmatch(r"(19|20)\d\d", digits):
            return digits
        low = 10 ** (len(digits) - 1) if digits[0] != "0" and len(digits) > 1 else 0
        return str(rng.randint(low, 10 ** len(digits) - 1)).zfill(len(digits))
    return re.sub(r"\d+", vary, text)


def realistic_corpus(count: int = 200, seed: int = 20240601, casts: int = CASTS) -> Bench:
    """``count`` distinct sources recombined from the paragraphs of every story, names and numbers varied."""
    rng = random.Random(seed)
    # paragraphs by language, each with the gold persons of the story it comes from
    pool: dict[str, list[tuple[str, int]]] = {}
    entities_of: list[list[dict]] = []
    published: dict[str, list[dt.date | None]] = {}
    for story, seeds_dir in enumerate(_story_dirs()):
        corpus, problems = read_corpus(seeds_dir)
        assert corpus is not None, problems
        entities_of.append(_gold_persons(seeds_dir))
        for source in corpus.sources:
            published.setdefault(source.language, []).append(source.metadata.published)
            for paragraph in source.paragraphs:
                pool.setdefault(source.language, []).append((source.text[paragraph.start:paragraph.end], story))
    all_entities = [e for entities in entities_of for e in entities]
    cast_list = [_cast(random.Random(rng.random()), all_entities) for _ in range(casts)]
    languages = sorted(pool)
    weights = [len(pool[lang]) for lang in languages]
    sources, refs = [], []
    for n in range(count):
        language = rng.choices(languages, weights)[0]
        cast = rng.choice(cast_list)
        paragraphs = rng.sample(pool[language], min(len(pool[language]), rng.randint(6, 14)))
        text = "\n\n".join(_vary_numbers(_rename_text(p, all_entities, cast), rng) for p, _ in paragraphs)
        stories = sorted({story for _, story in paragraphs})
        when = rng.choice(published[language])
        source = make_source(text, language, published=when, source_id=f"{n:03d}-bench")
        renamed = [{**e, "name": _rename(e["name"], cast),
                    "aliases": [_rename(a, cast) for a in e.get("aliases", [])]}
                   for story in stories for e in entities_of[story]]
        sources.append(source)
        refs.extend(person_refs([source], _unique(renamed)))
    return Bench(tuple(sources), tuple(refs), CaseInfo())


def _rename_text(text: str, entities: list[dict], cast: dict[str, str]) -> str:
    forms = sorted({f for e in entities for f in [e["name"], *e.get("aliases", []),
                                                   *[a for v in (e.get("source_aliases") or {}).values() for a in v]]},
                   key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(f)}(?!\w)" for f in forms))
    return pattern.sub(lambda m: _rename(m.group(0), cast), text)


def _unique(entities: list[dict]) -> list[dict]:
    seen, out = set(), []
    for entity in entities:
        if entity["id"] not in seen:
            seen.add(entity["id"])
            out.append(entity)
    return out


def run(bench: Bench) -> tuple[float, float, dict[str, int]]:
    """Seconds for extraction, seconds for comparison, and how many claims each kind gave."""
    by_source: dict[str, list[PersonRef]] = {s.id: [] for s in bench.sources}
    for ref in bench.persons:
        by_source.setdefault(ref.source, []).append(ref)
    started = time.perf_counter()
    quotes, figures, dates = [], [], []
    for source in bench.sources:  # as the pipeline runs it: one source and its own person mentions
        persons = by_source[source.id]
        quotes.extend(extract_quotes(source, persons))
        found = extract_dates(source)
        dates.extend(found)
        figures.extend(extract_figures(source, persons, found))
    extracted = time.perf_counter()
    discrepancies = compare(bench.sources, quotes, figures, dates, bench.persons, bench.case)
    compared = time.perf_counter()
    counts = {"quotes": len(quotes), "figures": len(figures), "dates": len(dates),
              "discrepancies": len(discrepancies)}
    return extracted - started, compared - extracted, counts


def _warm_up() -> None:
    """Compile every language's patterns and load its data on text unlike the corpora's."""
    samples = {"en": "On Friday 3 people left. “We go home now,” he said.",
               "nb": "På fredag dro 3 personer. – Vi drar hjem nå, sier han.",
               "de": "Am Freitag gingen 3 Menschen. „Wir gehen jetzt heim“, sagte er.",
               "fr": "Vendredi, 3 personnes sont parties. « Nous rentrons », dit-il."}
    sources = tuple(make_source(text, lang, source_id=f"w{lang}") for lang, text in samples.items())
    run(Bench(sources, (), None))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per corpus; the best is shown")
    parser.add_argument("--corpus", choices=["copies", "realistic", "both"], default="both")
    args = parser.parse_args(argv)
    corpora = {"copies": copies_corpus, "realistic": realistic_corpus}
    for name, make in corpora.items():
        if args.corpus not in (name, "both"):
            continue
        bench = make()
        _warm_up()
        best = min((run(bench) for _ in range(max(1, args.repeat))), key=lambda r: r[0] + r[1])
        extraction, comparison, counts = best
        words = bench.words
        print(f"{name:9} {len(bench.sources):4} sources {words:7,} words: "
              f"extraction {words / extraction:9,.0f} words/s; "
              f"extraction+comparison {words / (extraction + comparison):9,.0f} words/s "
              f"({extraction:.2f}s + {comparison:.2f}s; {counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of the entity stages: words per second for extraction and resolution.

Not a test (pytest does not collect it; no timing is asserted anywhere). Run from the
repository root::

    python tests/bench/entities_speed.py            # both corpora, best of five runs
    python tests/bench/entities_speed.py --profile  # and a cProfile of extraction + resolution

Two corpora:

(a) the three seeds, 40 copies each under distinct ids (120 sources);
(b) 200 distinct sources recombined from the paragraphs of the seeds and every story under
    ``tests/stories``, one language per source, with the people's names varied
    deterministically so that per-name caches do not flatter the result.

Data that is loaded once per process (wordfreq, the gazetteer, language lists) is loaded
before timing starts; per-word caches start empty, as in a fresh ``casefile build``. Times are
CPU time of this process (words per second per core), so other load on the machine matters less.
"""

from __future__ import annotations

import argparse
import cProfile
import pkgutil
import pstats
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import make_source  # noqa: E402

from generator.extract.entities import extract_mentions  # noqa: E402
from generator.model.source import CaseInfo, Source  # noqa: E402
from generator.read.sources import read_corpus  # noqa: E402
from generator.resolve.entities import resolve_entities  # noqa: E402
from generator.text import lexicon as lex  # noqa: E402

GIVEN = ["Astrid", "Bernd", "Camille", "Dorothea", "Emil", "Farah", "Gustav", "Hedda", "Ilias", "Jorunn",
         "Konrad", "Liselotte", "Magnus", "Noémie", "Osvald", "Pernille", "Quentin", "Rakel", "Sølve", "Till"]
SURNAMES = ["Aasheim", "Brinkmann", "Chevalier", "Dahlström", "Eriksrud", "Fontaine", "Grünwald", "Haugland",
            "Imbert", "Jacobsen", "Kowalczyk", "Lindqvist", "Marchetti", "Nordvik", "Oberholzer", "Pelletier",
            "Quist", "Rasmussen", "Steinhoff", "Thibodeau", "Ulvestad", "Vasseur", "Wendelin", "Ytterdal"]


def seed_sources() -> list[Source]:
    corpus, problems = read_corpus(ROOT / "seeds")
    assert corpus is not None, problems
    return list(corpus.sources)


def story_sources() -> list[Source]:
    out = seed_sources()
    for story in sorted((ROOT / "tests" / "stories").iterdir()):
        corpus, _ = read_corpus(story / "seeds")
        if corpus is not None:
            out.extend(corpus.sources)
    return out


def corpus_a() -> list[Source]:
    sources = seed_sources()
    return [make_source(s.text, s.language, f"{i:03d}{s.id[3:]}") for i in range(40) for s in sources]


def person_names(sources: list[Source]) -> list[str]:
    """Names of people in the material, from a resolution of each language group."""
    mentions = {s.id: extract_mentions(s) for s in sources}
    resolution = resolve_entities(sources, mentions, CaseInfo())
    names = {e.name for e in resolution.entities if e.type == "person" and len(e.name.split()) > 1}
    return sorted(names, key=lambda n: (-len(n), n))


def corpus_b(count: int = 200) -> list[Source]:
    material = story_sources()
    names = person_names(material)
    by_language: dict[str, list[str]] = defaultdict(list)
    for source in material:
        for paragraph in source.paragraphs:
            text = source.text[paragraph.start:paragraph.end].strip()
            if len(text.split()) >= 4:
                by_language[source.language].append(text)
    languages = sorted(by_language)
    rng = random.Random(20240601)
    out: list[Source] = []
    for i in range(count):
        language = languages[i % len(languages)]
        paragraphs = rng.sample(by_language[language], k=min(len(by_language[language]), rng.randint(6, 14)))
        text = "\n\n".join(paragraphs)
        for j, name in enumerate(names):
            parts = name.split()
            given = GIVEN[(i * 7 + j * 3) % len(GIVEN)]
            surname = SURNAMES[(i * 5 + j) % len(SURNAMES)] + ("" if i < len(SURNAMES) else f"-{SURNAMES[i % 11]}")
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", f"{given} {surname}", text)
            text = re.sub(rf"(?<!\w){re.escape(parts[-1])}(?!\w)", surname, text)
            text = re.sub(rf"(?<!\w){re.escape(parts[0])}(?!\w)", given, text)
        out.append(make_source(text, language, f"{i:03d}-bench"))
    return out


def clear_word_caches() -> None:
    """Empty the per-word caches (but keep data loaded once per process)."""
    import importlib

    import wordfreq

    getattr(wordfreq, "_wf_cache", {}).clear()  # wordfreq's own per-word cache

    names = ("extract.entities", "resolve.entities", "extract.gender", "text.lexicon")
    modules = [importlib.import_module(f"generator.{name}") for name in names
               if importlib.util.find_spec(f"generator.{name}") is not None]
    for package in [m for m in modules if hasattr(m, "__path__")]:  # a package: the caches are in its modules
        modules += [importlib.import_module(f"{package.__name__}.{m.name}")
                    for m in pkgutil.iter_modules(package.__path__)]
    for module in modules:
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__name__", "") not in (
                    "gazetteer", "_words", "words", "given_names", "platforms", "organizations", "not_acronyms",
                    "calendar_words", "place_abbreviations", "us_states", "_patterns", "language_patterns",
                    "_frequency_languages", "_zipf_table"):
                value.cache_clear()


def measure(label: str, sources: list[Source], repeats: int = 5) -> tuple[float, float]:
    """Best of ``repeats`` runs (each from empty per-word caches): the least disturbed by other load."""
    words = sum(len(s.text.split()) for s in sources)
    best_extract = best_resolve = float("inf")
    for _ in range(repeats):
        clear_word_caches()
        t0 = time.process_time()
        mentions = {s.id: extract_mentions(s) for s in sources}
        t1 = time.process_time()
        resolution = resolve_entities(sources, mentions, CaseInfo())
        t2 = time.process_time()
        best_extract, best_resolve = min(best_extract, t1 - t0), min(best_resolve, t2 - t1)
    t0, t1, t2 = 0.0, best_extract, best_extract + best_resolve
    extract, resolve = words / (t1 - t0), words / (t2 - t1)
    print(f"{label}: {len(sources)} sources, {words} words, {len(resolution.entities)} entities")
    print(f"  extraction  {extract:>10,.0f} words/s   ({t1 - t0:.3f} s)")
    print(f"  resolution  {resolve:>10,.0f} words/s   ({t2 - t1:.3f} s)")
    print(f"  together    {words / (t2 - t0):>10,.0f} words/s")
    return extract, resolve


def warm_up() -> None:
    """Load what every run loads once: word frequencies, the gazetteer, the language lists."""
    lex.gazetteer()
    for language in ("en", "nb", "de", "fr"):
        lex.zipf("warm", language)
        extract_mentions(make_source("Warm Up went to Oslo with Facebook.", language))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", action="store_true", help="print a cProfile of corpus (b)")
    args = parser.parse_args()
    warm_up()
    a, b = corpus_a(), corpus_b()
    measure("(a) seeds x40", a)
    measure("(b) 200 recombined sources", b)
    if args.profile:
        clear_word_caches()
        profile = cProfile.Profile()
        profile.enable()
        mentions = {s.id: extract_mentions(s) for s in b}
        resolve_entities(b, mentions, CaseInfo())
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()

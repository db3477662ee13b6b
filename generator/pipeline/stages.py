"""The pipeline's stages, declared once: what each reads, what it makes, and which function does it.

Stages pass their results by name through one table of values: a stage reads the values it
``needs`` and adds those it ``makes``. :func:`run_stages` runs a table of stages in order and
times each, for ``casefile build --timings`` and the benchmark; the methodology page lists the
same stages (a test keeps the two in step).

Three tables, one per phase:

* :data:`SOURCE_STAGES` run on one seed at a time (in parallel, their results cached by the
  seed's content hash): reading, entity mentions, dates, lemmas;
* :data:`CASE_STAGES` run over all sources: resolving entities, quotes and figures (which need
  the persons), inferring dates, checks, translations, the comparison, the curation's warnings;
* :data:`RENDER_STAGES` render the pages and data files, each checked against the seeds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.compare.checks import date_checks
from generator.compare.merge import compare
from generator.compare.translations import translation_links
from generator.errors import Problem
from generator.extract.dates import extract_dates
from generator.extract.entities import extract_mentions
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.model.claims import DateMention, Figure, Quote
from generator.model.entity import Entity, Resolution
from generator.model.finding import Discrepancy
from generator.model.mention import Mention
from generator.model.refs import EntityRef, PersonRef
from generator.model.source import CaseInfo, Source
from generator.pipeline.files import render_files
from generator.read.sources import read_source
from generator.resolve.clusters import WEAK
from generator.resolve.curation import curation_problems
from generator.resolve.dates import infer_dates
from generator.resolve.entities import resolve_entities
from generator.text.lemmas import word_lemmas
from generator.text.words import fold
from generator.util.parallel import Forked

T = TypeVar("T")


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline."""

    name: str
    """Short name, as ``--timings`` prints it (``mentions``)."""
    doc: str
    """What the stage does, in a sentence (the methodology page lists it)."""
    needs: tuple[str, ...]
    """Names of the values it reads, in the order the function takes them."""
    makes: tuple[str, ...]
    """Names of the values it adds: one, or the items of the tuple the function returns."""
    run: Callable[..., Any]
    """The function."""


def run_stages(stages: Sequence[Stage], values: MutableMapping[str, Any],
               timings: MutableMapping[str, float]) -> bool:
    """Run ``stages`` in order over ``values``, adding each stage's seconds to ``timings``.

    Returns ``False`` when a stage made nothing (its first value ``None``: a seed that could not
    be read), and the stages after it did not run.
    """
    clock = time.perf_counter
    for stage in stages:
        started = clock()
        result = stage.run(*(values[name] for name in stage.needs))
        made = result if len(stage.makes) > 1 else (result,)
        values.update(zip(stage.makes, made, strict=True))
        timings[stage.name] = timings.get(stage.name, 0.0) + clock() - started
        if made[0] is None:
            return False
    return True


def source_lemmas(source: Source) -> tuple[tuple[str, str], ...]:
    """``(word, lemma)`` of each distinct word of the source, in its language."""
    return word_lemmas(source.text, source.language)


SOURCE_STAGES: tuple[Stage, ...] = (
    Stage("read", "Read a seed and its sidecar: strict UTF-8, normalised text, language, paragraphs and "
                  "sentences with stable anchors.", ("seed", "seeds_dir"), ("source", "problems"), read_source),
    Stage("mentions", "Find the names of people, places, organisations, platforms and works, each with the "
                      "evidence for it.", ("source",), ("mentions",), extract_mentions),
    Stage("dates", "Find dates and clock times, resolved against the source's publication date.",
          ("source",), ("dates",), extract_dates),
    Stage("lemmas", "Work out the lemma of every distinct word, for the comparison.",
          ("source",), ("lemmas",), source_lemmas),
)
"""The stages of one seed, in order."""


def person_refs(resolution: Resolution) -> tuple[PersonRef, ...]:
    """The person mentions, as the claim stages take them."""
    return tuple(sorted(
        PersonRef(m.source, m.start, m.end, entity.id, entity.name, entity.gender)
        for entity in resolution.entities if entity.type == "person" for m in entity.mentions))


def entity_refs(resolution: Resolution) -> tuple[EntityRef, ...]:
    """The resolved entities, as the comparison takes them."""
    return tuple(EntityRef(e.id, e.name, e.type, tuple(e.sources),
                           tuple(sorted((m.source, m.start, m.end) for m in e.mentions)),
                           strong=any(why not in WEAK for why in e.type_evidence),
                           spellings=_spelled(e))
                 for e in resolution.entities)


def _spelled(entity: Entity) -> tuple[tuple[str, str, int, int], ...]:
    """The mentions of an entity the sources spell differently written in one of its spellings."""
    if not entity.spellings:
        return ()
    spellings = {fold(n): n for n in entity.spellings}
    return tuple(sorted((spellings[fold(m.name)], m.source, m.start, m.end)
                        for m in entity.mentions if fold(m.name) in spellings))


def refs(resolution: Resolution) -> tuple[tuple[PersonRef, ...], tuple[EntityRef, ...]]:
    """The persons and the entities the claim stages take."""
    return person_refs(resolution), entity_refs(resolution)


def _by_source(persons: Sequence[PersonRef]) -> dict[str, list[PersonRef]]:
    grouped: dict[str, list[PersonRef]] = {}
    for person in persons:
        grouped.setdefault(person.source, []).append(person)
    return grouped


SPLIT_FROM = 200
"""Sources from which a stage of one source at a time runs half in a forked process (below, the
fork costs more than it saves)."""


def _halved(function: Callable[..., tuple[T, ...]], sources: Sequence[Source], jobs: int,
            *args: Any) -> tuple[T, ...]:
    """``function(sources, *args)``, its second half of the sources in a forked process
    meanwhile when ``jobs`` allow: the same result, in source order."""
    if jobs < 2 or len(sources) < SPLIT_FROM:
        return function(sources, *args)
    half = len(sources) // 2
    first, rest = Forked(function, sources[half:], *args).beside(lambda: function(sources[:half], *args))
    return first + rest


def _quotes(sources: Sequence[Source], grouped: Mapping[str, Sequence[PersonRef]]) -> tuple[Quote, ...]:
    return tuple(q for source in sources for q in extract_quotes(source, grouped.get(source.id, [])))


def quotes_of(sources: Sequence[Source], persons: Sequence[PersonRef], jobs: int = 1) -> tuple[Quote, ...]:
    """Every source's quotes, with speakers among its persons."""
    return _halved(_quotes, sources, jobs, _by_source(persons))


def _figures(sources: Sequence[Source], grouped: Mapping[str, Sequence[PersonRef]],
             dates: Mapping[str, Sequence[DateMention]]) -> tuple[Figure, ...]:
    return tuple(f for source in sources
                 for f in extract_figures(source, grouped.get(source.id, []), dates[source.id]))


def figures_of(sources: Sequence[Source], persons: Sequence[PersonRef],
               dates: Mapping[str, Sequence[DateMention]], jobs: int = 1) -> tuple[Figure, ...]:
    """Every source's figures and ages (ages belong to its persons; numbers in its dates are none)."""
    return _halved(_figures, sources, jobs, _by_source(persons), dates)


def dates_inferred(sources: Sequence[Source], dates: Mapping[str, Sequence[DateMention]],
                   info: CaseInfo) -> tuple[DateMention, ...]:
    """Every source's dates in source order, those a weekday check fixes resolved."""
    return infer_dates(sources, tuple(d for s in sources for d in dates[s.id]), info)


def compared(sources: Sequence[Source], quotes: Sequence[Quote], figures: Sequence[Figure],
             dates: Sequence[DateMention], persons: Sequence[PersonRef], info: CaseInfo,
             entities: Sequence[EntityRef], jobs: int, checks: Any, translations: Any) -> tuple[Discrepancy, ...]:
    """The findings of the comparison (the paraphrase pass forked when ``jobs`` is above one)."""
    return compare(sources, quotes, figures, dates, persons, info, entities, jobs=jobs, checks=checks,
                   translations=translations)


def warnings_of(resolution: Resolution, discrepancies: Sequence[Discrepancy], info: CaseInfo) -> tuple[Problem, ...]:
    """Warnings about the curation in ``case.yml``: entity curation, then finding curation."""
    return (*resolution.problems, *curation_problems(discrepancies, info))


CASE_STAGES: tuple[Stage, ...] = (
    Stage("resolve", "Join the mentions of all sources into entities across sources and languages, with "
                     "the curation of case.yml; infer each person's gender from the texts.",
          ("sources", "mentions", "info"), ("resolution",), resolve_entities),
    Stage("persons", "Take the persons and entities as the claim stages read them.",
          ("resolution",), ("persons", "entities"), refs),
    Stage("quotes", "Find direct quotes in every style the languages use, and attribute each to its "
                    "speaker on evidence.", ("sources", "persons", "jobs"), ("quotes",), quotes_of),
    Stage("figures", "Find figures and ages with what they count and who gave them.",
          ("sources", "persons", "source_dates", "jobs"), ("figures",), figures_of),
    Stage("infer-dates", "Resolve the dates a weekday and a day of the month fix to one year of the story.",
          ("sources", "source_dates", "info"), ("dates",), dates_inferred),
    Stage("date-checks", "Check weekdays against dates of the same event across sources.",
          ("sources", "dates", "info"), ("checks",), date_checks),
    Stage("translations", "Link quotes that render the same words in another language.",
          ("quotes", "info", "sources"), ("translations",), translation_links),
    Stage("compare", "Compare claims about the same thing across sources, one finding kind at a time, "
                     "and merge and rank the findings.",
          ("sources", "quotes", "figures", "dates", "persons", "info", "entities", "jobs", "checks",
           "translations"), ("discrepancies",), compared),
    Stage("curation", "Warn about curation in case.yml that matches nothing.",
          ("resolution", "discrepancies", "info"), ("warnings",), warnings_of),
)
"""The stages over all sources, in order."""


def sources_and_mentions(analyses: Sequence[Any]) -> tuple[tuple[Source, ...], dict[str, tuple[Mention, ...]],
                                                          dict[str, tuple[DateMention, ...]]]:
    """The read sources sorted by id, and each one's mentions and dates."""
    read = [a for a in analyses if a.source is not None]
    sources = tuple(sorted((a.source for a in read), key=lambda s: s.id))
    return sources, {a.source.id: a.mentions for a in read}, {a.source.id: a.dates for a in read}


RENDER_STAGES: tuple[Stage, ...] = (
    Stage("render", "Render every page and data file (case.json, the exports, the dossier), each passage "
                    "checked against its seed.", ("case", "jobs", "store"), ("files",), render_files),
)
"""The stage that makes the files."""

STAGES: tuple[Stage, ...] = SOURCE_STAGES + CASE_STAGES + RENDER_STAGES
"""Every stage, in the order a build runs them."""

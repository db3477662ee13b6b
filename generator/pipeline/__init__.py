"""The pipeline: seeds in, the generated docs tree out (as bytes, not yet written).

Its stages are declared once, in :mod:`generator.pipeline.stages`: the stages of one seed
(read, mentions, dates, lemmas) run in :mod:`~generator.pipeline.analyse`, cached by content
hash and in parallel across cores; the stages over all sources (resolve, quotes, figures,
dates, checks, translations, compare, curation) follow in :func:`analyse_case`; then the pages
and data files are rendered and checked (:mod:`~generator.pipeline.files`). ``generate`` writes
nothing, so ``build`` and ``check`` share it and a test can call it directly.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import InputError, Problem
from generator.model.finding import label_sources, source_labels
from generator.model.source import CaseInfo
from generator.output.store import FileStore
from generator.pipeline.analyse import PARALLEL_FROM, analyse_all, analyse_seed, default_jobs
from generator.pipeline.case import Analysis, Case
from generator.pipeline.files import render_files
from generator.pipeline.stages import (
    CASE_STAGES,
    RENDER_STAGES,
    SOURCE_STAGES,
    STAGES,
    entity_refs,
    person_refs,
    run_stages,
    sources_and_mentions,
)
from generator.read.sources import check_near_copies, discover, duplicate_ids, read_case
from generator.text.lemmas import prime_lemmas, release_dictionaries
from generator.util.cache import Cache
from generator.util.collection import fewer_collections

__all__ = ["CASE_STAGES", "PARALLEL_FROM", "RENDER_STAGES", "SOURCE_STAGES", "STAGES", "Analysis", "Case",
           "Generated", "analyse_case", "analyse_seed", "default_jobs", "entity_refs", "generate", "person_refs",
           "render_files"]

RELEASE_FROM = 500
"""From this many sources analysed in this process, the tables per-source analysis needed (lemma
dictionaries, word frequencies: ~400 MB with four languages) are dropped before the stages over
all sources, which load again the few they use; smaller cases keep them, so a rebuild in
``casefile serve`` or a test run does not reload them every time."""

RELEASE_FROM_WITH_JOBS = 2000
"""The same when workers analysed the sources: this process then holds only what it loaded for
them to share, and reloading the word frequencies after dropping them took 0.5–1 s at 1,000
sources while the peak memory was the same either way (671 and 677 MiB)."""


@dataclass(frozen=True)
class Generated:
    """The generated tree and the warnings met on the way."""

    files: Mapping[str, bytes]
    """Path relative to the docs folder → file content (a :class:`~generator.output.store.FileStore`:
    the contents are on disk until read)."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds spent in each stage (:data:`~generator.pipeline.stages.STAGES`; a stage of one seed
    summed over the seeds analysed, not those from the cache) and in the two phases before
    rendering (``analyse``, ``case``), for ``--timings`` and the benchmark."""


def analyse_case(info: CaseInfo, analyses: Sequence[Analysis], jobs: int = 1,
                 timings: MutableMapping[str, float] | None = None,
                 seeds_dir: Path | None = None) -> tuple[Case, list[Problem]]:
    """The stages over all sources (:data:`~generator.pipeline.stages.CASE_STAGES`), and the
    warnings they met; ``seeds_dir`` names the files in them."""
    sources, mentions, source_dates = sources_and_mentions(analyses)
    checked, problems = check_near_copies(sources, seeds_dir)
    sources = tuple(checked)
    for analysis in analyses:
        if analysis.source is not None:
            prime_lemmas(analysis.source.language, analysis.lemmas)
    values: dict[str, Any] = {"info": info, "jobs": jobs, "sources": sources, "mentions": mentions,
                              "source_dates": source_dates}
    run_stages(CASE_STAGES, values, timings if timings is not None else {})
    case = Case(info, sources, values["resolution"], values["quotes"], values["figures"], values["dates"],
                values["discrepancies"], values["checks"], values["translations"])
    return case, [*problems, *values["warnings"]]


def generate(seeds_dir: Path, jobs: int = 1, cache_dir: Path | None = None,
             scratch: Path | None = None) -> Generated:
    """Every generated file for the seeds in ``seeds_dir``.

    ``jobs`` processes analyse the sources; ``cache_dir`` keeps their analyses between
    runs; the files are kept on disk as they are made, in a folder inside ``scratch`` (by
    default the system's temporary folder). The output is the same whatever the jobs and the cache. Raises
    :class:`InputError` listing every problem when the input cannot be built, and
    :class:`~generator.output.provenance.ProvenanceError` when a page or ``case.json`` would show
    a passage that is not exactly in its source.
    """
    with fewer_collections():  # the collector's default pace cost a tenth of a large build
        return _generate(seeds_dir, jobs, cache_dir, scratch)


def _generate(seeds_dir: Path, jobs: int, cache_dir: Path | None, scratch: Path | None) -> Generated:
    clock = time.perf_counter
    started = clock()
    timings: dict[str, float] = {}
    paths, problems = discover(seeds_dir)
    info, case_problems = read_case(seeds_dir / "case.yml")
    problems.extend(case_problems)
    analyses = analyse_all(paths, seeds_dir, jobs, Cache(cache_dir), timings)
    if len(paths) >= (RELEASE_FROM if jobs == 1 else RELEASE_FROM_WITH_JOBS):
        release_dictionaries()
    for analysis in analyses:
        problems.extend(analysis.problems)
    problems.extend(duplicate_ids(paths))
    if any(not p.warning for p in problems):
        raise InputError(problems)
    timings["analyse"] = clock() - started
    analysed = clock()
    labels = label_sources({a.source.id: a.source.metadata.outlet for a in analyses if a.source is not None})
    with source_labels(labels):  # every finding, link, table and the dossier cite a source by one label
        case, case_problems = analyse_case(info, analyses, jobs, timings, seeds_dir)
        problems.extend(case_problems)
        if any(not p.warning for p in problems):
            raise InputError(problems)
        timings["case"] = clock() - analysed
        values: dict[str, Any] = {"case": case, "jobs": jobs, "store": FileStore(scratch)}
        try:
            run_stages(RENDER_STAGES, values, timings)
        except BaseException:
            values["store"].close()  # now, not when garbage-collected (where a signal's exception is only printed)
            raise
    files = values["files"]
    return Generated(files, tuple(sorted(p for p in problems if p.warning)), tuple(timings.items()))

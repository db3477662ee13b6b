"""The source phase: every seed through :data:`~generator.pipeline.stages.SOURCE_STAGES`.

One seed's analysis is a pure function of its file and sidecar, so it is cached by content
hash (:class:`~generator.util.cache.Cache`) and computed in parallel across cores.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator.extract.dates import extract_dates
from generator.extract.entities import extract_mentions
from generator.lang import supported_languages
from generator.model.source import Metadata, Source
from generator.pipeline.case import Analysis
from generator.pipeline.stages import SOURCE_STAGES, run_stages
from generator.read.segment import segment
from generator.util.cache import Cache, source_key
from generator.util.parallel import end_with_parent
from generator.util.progress import progress

PARALLEL_FROM = 16
"""Fewer sources than this to analyse are done in this process: starting workers costs more."""


def analyse_seed(path: Path, seeds_dir: Path) -> tuple[Analysis, dict[str, float]]:
    """Read, segment and extract one seed: the per-source half of the pipeline, and the seconds
    each of its stages took."""
    values: dict[str, Any] = {"seed": path, "seeds_dir": seeds_dir}
    timings: dict[str, float] = {}
    if not run_stages(SOURCE_STAGES, values, timings):
        return Analysis(None, tuple(values["problems"])), timings
    return Analysis(values["source"], tuple(values["problems"]), values["mentions"], values["dates"],
                    values["lemmas"]), timings


def analyse_all(paths: Sequence[Path], seeds_dir: Path, jobs: int, cache: Cache,
                timings: MutableMapping[str, float]) -> list[Analysis]:
    """Every seed's analysis, from the cache or worked out (in ``jobs`` processes when there are
    many); the seconds of each stage are added to ``timings`` (summed over the sources: with
    several jobs, more than the phase took)."""
    keys = [source_key(path) for path in paths]
    results: list[Analysis | None] = [cache.get(key) for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    if jobs > 1 and len(missing) >= PARALLEL_FROM:
        _warm_up(paths[missing[0]], seeds_dir)  # forked workers inherit the loaded word lists and gazetteer
        chunk = max(1, len(missing) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
            computed = pool.map(_analyse_and_keep, [paths[i] for i in missing], [seeds_dir] * len(missing),
                                [cache] * len(missing), [keys[i] for i in missing], chunksize=chunk)
            for i, (analysis, spent) in progress(zip(missing, computed, strict=False), len(missing),
                                                 "analysing sources"):
                results[i] = analysis
                _add(timings, spent)
    else:
        for i in progress(missing, len(missing), "analysing sources"):
            results[i], spent = _analyse_and_keep(paths[i], seeds_dir, cache, keys[i])
            _add(timings, spent)
    cache.retain(keys)
    return [r for r in results if r is not None]


def _analyse_and_keep(path: Path, seeds_dir: Path, cache: Cache, key: str) -> tuple[Analysis, dict[str, float]]:
    """:func:`analyse_seed`, its analysis stored in ``cache`` under ``key`` by the process that
    made it (with jobs, the workers write the cache side by side)."""
    analysis, spent = analyse_seed(path, seeds_dir)
    cache.put(key, analysis)
    return analysis, spent


def _add(timings: MutableMapping[str, float], spent: dict[str, float]) -> None:
    for stage in SOURCE_STAGES:
        timings[stage.name] = timings.get(stage.name, 0.0) + spent.get(stage.name, 0.0)


def _warm_up(path: Path, seeds_dir: Path) -> None:
    """Load every language's data once in this process, before workers are forked."""
    analyse_seed(path, seeds_dir)
    for language in supported_languages():
        probe = Source(id="warm-up", slug="warm-up", path="", sidecar=None, sha256="", text="Anna Berg, 1 May.",
                       title="", title_derived=True, language=language, language_confidence=1.0,
                       metadata=Metadata(), paragraphs=segment("Anna Berg, 1 May.", language))
        extract_mentions(probe)
        extract_dates(probe)


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

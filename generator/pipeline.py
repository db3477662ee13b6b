"""The pipeline: seeds in, the generated docs tree out (as bytes, not yet written).

Stages per source (read, language, segment, extract) run in :func:`analyse_seed`, a pure
function of one seed file and its sidecar: its results are cached by content hash and
computed in parallel across cores. The stages over all sources (resolve, compare,
render) follow. ``generate`` writes nothing, so ``build`` and ``check`` share it and a
test can call it directly.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import Cache, source_key
from .casedata import case_document, case_schema, dump_json
from .errors import InputError, Problem
from .exports import csv_tables, ftm_stream
from .model import CaseInfo, Source
from .progress import progress
from .render.dossier import DOSSIER_PAGE, render_dossier
from .render.overview import render_home, render_sources_index
from .render.source_page import render_source_page, source_page_path
from .sources import discover, duplicate_ids, read_case, read_source


# Fewer sources than this to analyse are done in this process: starting workers costs more.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class Analysis:
    """Everything known about one source from its own text."""

    source: Source | None
    """The source, or ``None`` when it could not be read."""
    problems: tuple[Problem, ...]
    """Errors and warnings met reading it."""


@dataclass(frozen=True)
class Generated:
    """The generated tree and the warnings met on the way."""

    files: dict[str, bytes]
    """Path relative to the docs folder → file content."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""


def analyse_seed(path: Path, seeds_dir: Path) -> Analysis:
    """Read, segment and extract one seed: the per-source half of the pipeline."""
    source, problems = read_source(path, seeds_dir)
    return Analysis(source, tuple(problems))


def _analyse_all(paths: Sequence[Path], seeds_dir: Path, jobs: int, cache: Cache) -> list[Analysis]:
    keys = [source_key(path) for path in paths]
    results: list[Analysis | None] = [cache.get(key) for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    if jobs > 1 and len(missing) >= PARALLEL_FROM:
        chunk = max(1, len(missing) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            computed = pool.map(analyse_seed, [paths[i] for i in missing], [seeds_dir] * len(missing),
                                chunksize=chunk)
            for i, analysis in progress(zip(missing, computed), len(missing), "analysing sources"):
                results[i] = analysis
    else:
        for i in progress(missing, len(missing), "analysing sources"):
            results[i] = analyse_seed(paths[i], seeds_dir)
    for i in missing:
        cache.put(keys[i], results[i])
    return [r for r in results if r is not None]


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_files(case: CaseInfo, sources: Sequence[Source]) -> dict[str, bytes]:
    """Every generated page and data file, from the analysed sources."""
    pages: dict[str, str] = {}
    for source in sources:
        pages[source_page_path(source)] = render_source_page(source, repository=case.repository)
    pages["sources/index.md"] = render_sources_index(sources)
    pages["index.md"] = render_home(case, sources)
    document = case_document(case, sources)
    pages["data/case.json"] = dump_json(document)
    pages["data/case.schema.json"] = dump_json(case_schema())
    pages.update(render_from_document(document))
    return {path: text.encode("utf-8") for path, text in sorted(pages.items())}


def render_from_document(document: dict[str, Any]) -> dict[str, str]:
    """The pages and exports made from the case document alone: dossier, CSV, FtM."""
    pages = {DOSSIER_PAGE: render_dossier(document)}
    for name, text in csv_tables(document).items():
        pages[f"data/{name}"] = text
    pages["data/case.ftm.json"] = ftm_stream(document)
    return pages


def generate(seeds_dir: Path, jobs: int = 1, cache_dir: Path | None = None) -> Generated:
    """Every generated file for the seeds in ``seeds_dir``.

    ``jobs`` processes analyse the sources; ``cache_dir`` keeps their analyses between
    runs. The output is the same whatever the jobs and the cache. Raises
    :class:`InputError` listing every problem when the input cannot be built.
    """
    paths, problems = discover(seeds_dir)
    case, case_problems = read_case(seeds_dir / "case.yml")
    problems.extend(case_problems)
    analyses = _analyse_all(paths, seeds_dir, jobs, Cache(cache_dir))
    for analysis in analyses:
        problems.extend(analysis.problems)
    problems.extend(duplicate_ids(paths))
    if any(not p.warning for p in problems):
        raise InputError(problems)
    sources = sorted((a.source for a in analyses if a.source is not None), key=lambda s: s.id)
    return Generated(render_files(case, sources), tuple(sorted(p for p in problems if p.warning)))

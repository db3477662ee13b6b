"""The pipeline: seeds in, the generated docs tree out (as bytes, not yet written).

Stages per source (read, language, segment, extract) run in :func:`analyse_seed`, a pure
function of one seed file and its sidecar: its results are cached by content hash and
computed in parallel across cores. The stages over all sources (resolve, compare,
render) follow. ``generate`` writes nothing, so ``build`` and ``check`` share it and a
test can call it directly.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.compare.checks import date_checks
from generator.compare.merge import compare
from generator.compare.translations import translation_links
from generator.errors import InputError, Problem
from generator.extract.dates import extract_dates
from generator.extract.entities import extract_mentions
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.lang import supported_languages
from generator.model.claims import DateMention, Figure, Quote
from generator.model.entity import Ambiguous, Entity, Resolution
from generator.model.finding import DateCheck, Discrepancy, TranslationLink
from generator.model.mention import Mention
from generator.model.refs import EntityRef, PersonRef
from generator.model.source import CaseInfo, Metadata, Source
from generator.output.casedata import case_document, case_schema, dump_json, write_document
from generator.output.exports import write_csv_tables, write_ftm
from generator.output.provenance import ProvenanceError, verify, verify_page
from generator.output.records import Records
from generator.output.serialise import (
    date_check_records,
    date_records,
    discrepancy_records,
    entity_records,
    figure_records,
    quote_records,
    translation_records,
)
from generator.output.store import FileStore
from generator.read.segment import segment
from generator.read.sources import discover, duplicate_ids, read_case, read_source
from generator.render.claims import render_discrepancies
from generator.render.dossier import DOSSIER_FILE, DOSSIER_PAGE, dossier_parts, render_dossier_page
from generator.render.entity_pages import (
    EntityFacts,
    co_mention_table,
    entity_link_mark,
    render_coverage,
    render_entities_index,
    render_entity_page,
    render_graph,
    render_review,
)
from generator.render.markup import Mark, attr, value_text
from generator.render.overview import render_home, render_sources_index
from generator.render.quotes import render_quotes, speaker_links
from generator.render.source_page import render_source_page, source_page_path
from generator.render.timeline import render_timeline
from generator.resolve.curation import curation_problems
from generator.resolve.dates import infer_dates
from generator.resolve.entities import resolve_entities
from generator.text.lemmas import prime_lemmas, release_dictionaries, word_lemmas
from generator.util.cache import Cache, source_key
from generator.util.parallel import Forked, end_with_parent
from generator.util.progress import progress

# Fewer sources than this to analyse are done in this process: starting workers costs more.
PARALLEL_FROM = 16
# From this many sources, the tables per-source analysis needed (lemma dictionaries, word
# frequencies: ~400 MB with four languages) are dropped before the stages over all sources,
# which load again the few they use (a few tenths of a second); smaller cases keep them, so a
# rebuild in `casefile serve` or a test run does not reload them every time.
RELEASE_FROM = 500


@dataclass(frozen=True)
class Analysis:
    """Everything known about one source from its own text."""

    source: Source | None
    """The source, or ``None`` when it could not be read."""
    problems: tuple[Problem, ...]
    """Errors and warnings met reading it."""
    mentions: tuple[Mention, ...] = ()
    """Named-entity mentions, before resolution across sources."""
    dates: tuple[DateMention, ...] = ()
    """Dates and times."""
    lemmas: tuple[tuple[str, str], ...] = ()
    """``(word, lemma)`` of each distinct word, for the comparison (:func:`~generator.compare.word_lemmas`)."""


@dataclass(frozen=True)
class Case:
    """Everything the stages found across all sources: what the pages are rendered from."""

    info: CaseInfo
    """Title, summary and curation from ``case.yml``."""
    sources: tuple[Source, ...]
    """The sources, sorted by id."""
    resolution: Resolution
    """Entities, ambiguous mentions, candidates and co-mentions."""
    quotes: tuple[Quote, ...]
    """Direct quotes with their speakers."""
    figures: tuple[Figure, ...]
    """Figures and ages."""
    dates: tuple[DateMention, ...]
    """Dates and times."""
    discrepancies: tuple[Discrepancy, ...]
    """Where the sources disagree, and what only one says."""
    checks: tuple[DateCheck, ...]
    """Weekday and date checks."""
    translations: tuple[TranslationLink, ...]
    """Quotes linked across languages."""


@dataclass(frozen=True)
class Generated:
    """The generated tree and the warnings met on the way."""

    files: Mapping[str, bytes]
    """Path relative to the docs folder → file content (a :class:`~generator.output.store.FileStore`:
    the contents are on disk until read)."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds spent in each stage (``analyse``, ``case``, ``render``), for ``--timings`` and the benchmark."""


def analyse_seed(path: Path, seeds_dir: Path) -> Analysis:
    """Read, segment and extract one seed: the per-source half of the pipeline."""
    source, problems = read_source(path, seeds_dir)
    if source is None:
        return Analysis(None, tuple(problems))
    return Analysis(source, tuple(problems), extract_mentions(source), extract_dates(source),
                    word_lemmas(source.text, source.language))


def _analyse_all(paths: Sequence[Path], seeds_dir: Path, jobs: int, cache: Cache) -> list[Analysis]:
    keys = [source_key(path) for path in paths]
    results: list[Analysis | None] = [cache.get(key) for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    if jobs > 1 and len(missing) >= PARALLEL_FROM:
        _warm_up(paths[missing[0]], seeds_dir)  # forked workers inherit the loaded word lists and gazetteer
        chunk = max(1, len(missing) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
            computed = pool.map(analyse_seed, [paths[i] for i in missing], [seeds_dir] * len(missing),
                                chunksize=chunk)
            for i, analysis in progress(zip(missing, computed), len(missing), "analysing sources"):
                results[i] = analysis
    else:
        for i in progress(missing, len(missing), "analysing sources"):
            results[i] = analyse_seed(paths[i], seeds_dir)
    for i in missing:
        cache.put(keys[i], results[i])
    cache.retain(keys)
    return [r for r in results if r is not None]


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


def person_refs(resolution: Resolution) -> tuple[PersonRef, ...]:
    """The person mentions, as the claim stages take them."""
    return tuple(sorted(
        PersonRef(m.source, m.start, m.end, entity.id, entity.name, entity.gender)
        for entity in resolution.entities if entity.type == "person" for m in entity.mentions))


def entity_refs(resolution: Resolution) -> tuple[EntityRef, ...]:
    """The resolved entities, as the comparison takes them."""
    return tuple(EntityRef(e.id, e.name, e.type, tuple(e.sources),
                           tuple(sorted((m.source, m.start, m.end) for m in e.mentions)))
                 for e in resolution.entities)


def analyse_case(info: CaseInfo, analyses: Sequence[Analysis], jobs: int = 1) -> tuple[Case, list[Problem]]:
    """The stages over all sources: resolve entities, extract quotes and figures, compare."""
    sources = tuple(sorted((a.source for a in analyses if a.source is not None), key=lambda s: s.id))
    mentions = {a.source.id: a.mentions for a in analyses if a.source is not None}
    dates_by_source = {a.source.id: a.dates for a in analyses if a.source is not None}
    for analysis in analyses:
        if analysis.source is not None:
            prime_lemmas(analysis.source.language, analysis.lemmas)
    resolution = resolve_entities(sources, mentions, info)
    persons = person_refs(resolution)
    quotes: list[Quote] = []
    figures: list[Figure] = []
    persons_by_source: dict[str, list[PersonRef]] = {}
    for person in persons:
        persons_by_source.setdefault(person.source, []).append(person)
    for source in sources:
        own = persons_by_source.get(source.id, [])
        quotes.extend(extract_quotes(source, own))
        figures.extend(extract_figures(source, own, dates_by_source[source.id]))
    dates = infer_dates(sources, tuple(d for s in sources for d in dates_by_source[s.id]), info)
    checks = date_checks(sources, dates, info)
    links = translation_links(quotes, info)
    discrepancies = compare(sources, quotes, figures, dates, persons, info, entity_refs(resolution), jobs=jobs,
                            checks=checks, translations=links)
    problems = list(resolution.problems) + list(curation_problems(discrepancies, info))
    return Case(info, sources, resolution, tuple(quotes), tuple(figures), dates, discrepancies, checks,
                links), problems


@dataclass(frozen=True)
class _BySource:
    """A case's mentions, quotes, figures and dates grouped by source, for marking source pages."""

    mentions: dict[str, list[tuple[int, int, Entity]]]
    quotes: dict[str, list[Quote]]
    figures: dict[str, list[Figure]]
    dates: dict[str, list[DateMention]]

    @classmethod
    def of(cls, case: Case) -> _BySource:
        entity_of = {(m.source, m.start, m.end): e for e in case.resolution.entities for m in e.mentions}
        mentions: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for (source, start, end), entity in entity_of.items():
            mentions[source].append((start, end, entity))
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for quote in case.quotes:
            quotes[quote.source].append(quote)
        figures: dict[str, list[Figure]] = defaultdict(list)
        for figure in case.figures:
            figures[figure.source].append(figure)
        dates: dict[str, list[DateMention]] = defaultdict(list)
        for mention in case.dates:
            dates[mention.source].append(mention)
        return cls(mentions, quotes, figures, dates)


def _source_marks(page: str, source: Source, grouped: _BySource) -> list[Mark]:
    """Entity links, quotes, figures and dates to mark in a source's text."""
    marks: list[Mark] = []
    for start, end, entity in grouped.mentions.get(source.id, ()):
        marks.append(entity_link_mark(page, entity, start, end))
    for quote in grouped.quotes.get(source.id, ()):
        title = f"Quote — {quote.speaker_name or 'speaker unknown'}" + (f" ({quote.evidence})" if quote.evidence else "")
        marks.append(Mark(quote.start, quote.end, 1, f'<span class="cf-quote" id="{quote.id}" title={attr(title)}>',
                          "</span>", reopen=f'<span class="cf-quote" title={attr(title)}>'))
    for figure in grouped.figures.get(source.id, ()):
        title = f"{figure.measure}: {value_text(figure.value)}" + (f" ({figure.qualifier})" if figure.qualifier else "")
        marks.append(Mark(figure.start, figure.end, 2, f'<span class="cf-figure" title={attr(title)}>', "</span>"))
    for mention in grouped.dates.get(source.id, ()):
        title = f"{mention.kind} date" + (f": {mention.resolved}" if mention.resolved else ", unresolved") + (
            f" (inferred: {mention.inferred_from})" if mention.inferred_from else "")
        marks.append(Mark(mention.start, mention.end, 3, f'<span class="cf-date" title={attr(title)}>', "</span>"))
    return marks


def render_files(case: Case, jobs: int = 1, store: FileStore | None = None) -> FileStore:
    """Every generated page and data file of the case, written into ``store`` (a new one
    when not given) as each is made.

    With ``jobs`` above one, ``case.json``, the exports and the dossier (made from the case
    document alone) are written and checked in a forked process while this one renders and
    checks the pages: the same files either way.
    """
    store = store if store is not None else FileStore()
    sources = case.sources
    background = Forked(_document_files, case, store) if jobs > 1 else None
    by_id = {s.id: s for s in sources}
    grouped = _BySource.of(case)
    names = {e.id: e.name for e in case.resolution.entities}
    pages = _CheckedPages(sources, store)
    for source in sources:
        page = source_page_path(source)
        pages[page] = render_source_page(source, _source_marks(page, source, grouped),
                                         repository=case.info.repository)
    pages["sources/index.md"] = render_sources_index(sources)
    pages["index.md"] = render_home(case.info, sources, case.resolution.entities, case.discrepancies)
    quotes_by_speaker: dict[str, list[Quote]] = {}
    for quote in case.quotes:
        if quote.speaker:
            quotes_by_speaker.setdefault(quote.speaker, []).append(quote)
    figures_by_subject: dict[str, list[Figure]] = {}
    for figure in case.figures:
        if figure.subject:
            figures_by_subject.setdefault(figure.subject, []).append(figure)
    ambiguous_by_entity: dict[str, list[Ambiguous]] = {}
    for item in case.resolution.ambiguous:
        for candidate in item.candidates:
            ambiguous_by_entity.setdefault(candidate, []).append(item)
    facts = EntityFacts(quotes_by_speaker, figures_by_subject, ambiguous_by_entity,
                        speaker_links(case.quotes, names))
    co_mentions = co_mention_table(case.resolution)
    for entity in case.resolution.entities:
        pages.update(render_entity_page(entity, case.resolution, by_id, facts, co_mentions.get(entity.id, [])))
    pages["entities/index.md"] = render_entities_index(case.resolution, sources)
    pages["coverage.md"] = render_coverage(case.resolution, sources)
    pages["graph.md"] = render_graph(case.resolution)
    pages.update(render_review(case.resolution, by_id, [q for q in case.quotes if q.speaker is None]))
    pages.update(render_quotes(case.quotes, case.translations, case.discrepancies, sources, names))
    pages.update(render_discrepancies(case.discrepancies, case.checks, sources))
    pages.update(render_timeline(case.dates, case.checks, sources))
    written, document_problems = background.result() if background else _document_files(case, store)
    store.adopt(written)
    if pages.problems or document_problems:
        raise ProvenanceError(pages.problems + document_problems)
    return store


class _CheckedPages:
    """Pages as they are rendered: each is checked against the seeds at once and written to
    the store, so a huge case never holds its pages in memory."""

    def __init__(self, sources: Sequence[Source], store: FileStore) -> None:
        self.sources = {s.id: s for s in sources}
        self.source_of_page = {source_page_path(s): s for s in sources}
        self.store = store
        self.problems: list[Problem] = []

    def __setitem__(self, page: str, text: str) -> None:
        self.problems.extend(verify_page(text, page, self.sources, self.source_of_page.get(page)))
        self.store[page] = text.encode("utf-8")

    def update(self, pages: dict[str, str]) -> None:
        for page, text in pages.items():
            self[page] = text


def _document_files(case: Case, store: FileStore) -> tuple[list[str], list[Problem]]:
    """Write ``case.json``, its schema, the exports and the dossier into ``store``; returns
    the paths written and the problems of their passages.

    The case document is made here, so that with jobs only the forked process holds it,
    and its sections are :class:`~generator.output.records.Records` on disk: at 5,000 sources the
    document is half a million records (a gigabyte as Python objects), and each file made
    from it is written a record or a piece at a time.
    """
    sources = case.sources
    by_id = {s.id: s for s in sources}
    document = case_document(
        case.info, sources, keep=lambda records: Records(records, store.folder),
        entities=entity_records(case.resolution),
        quotes=quote_records(case.quotes),
        figures=figure_records(case.figures),
        dates=date_records(case.dates),
        discrepancies=discrepancy_records(case.discrepancies),
        date_checks=date_check_records(case.checks),
        translations=translation_records(case.translations),
    )
    with store.open("data/case.json") as handle:
        write_document(document, handle)
    store["data/case.schema.json"] = dump_json(case_schema()).encode("utf-8")
    problems = verify(document, sources)
    page = render_dossier_page(document)
    problems.extend(verify_page(page, DOSSIER_PAGE, by_id))
    store[DOSSIER_PAGE] = page.encode("utf-8")
    with store.open(DOSSIER_FILE) as handle:
        for number, part in enumerate(dossier_parts(document)):
            problems.extend(verify_page(part, DOSSIER_FILE, by_id))
            handle.write((b"\n" if number else b"") + part.encode("utf-8"))
    written = ["data/case.json", "data/case.schema.json", DOSSIER_PAGE, DOSSIER_FILE]
    written += [f"data/{name}" for name in write_csv_tables(document, lambda name: store.open(f"data/{name}"))]
    with store.open("data/case.ftm.json") as handle:
        write_ftm(document, handle, store.folder)
    written.append("data/case.ftm.json")
    return written, problems


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
    clock = time.perf_counter
    started = clock()
    paths, problems = discover(seeds_dir)
    info, case_problems = read_case(seeds_dir / "case.yml")
    problems.extend(case_problems)
    analyses = _analyse_all(paths, seeds_dir, jobs, Cache(cache_dir))
    if len(paths) >= RELEASE_FROM:
        release_dictionaries()
    for analysis in analyses:
        problems.extend(analysis.problems)
    problems.extend(duplicate_ids(paths))
    if any(not p.warning for p in problems):
        raise InputError(problems)
    analysed = clock()
    case, case_problems = analyse_case(info, analyses, jobs)
    problems.extend(case_problems)
    if any(not p.warning for p in problems):
        raise InputError(problems)
    compared = clock()
    store = FileStore(scratch)
    try:
        files = render_files(case, jobs, store)
    except BaseException:
        store.close()  # now, not when garbage-collected (where a signal's exception is only printed)
        raise
    timings = (("analyse", analysed - started), ("case", compared - analysed), ("render", clock() - compared))
    return Generated(files, tuple(sorted(p for p in problems if p.warning)), timings)

"""The render phase: every page and data file of a case, checked against the seeds as it is written.

Pages are rendered here and checked at once (:class:`CheckedPages`); ``case.json``, its schema,
the exports and the dossier are made from the case document (:func:`document_files`). With
several jobs, the documents and the pages about entities and findings
(:func:`entity_and_finding_pages`) are made in two forked processes meanwhile.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import partial
from typing import Any

from generator.errors import Problem
from generator.model.claims import Figure, Quote
from generator.model.entity import Ambiguous
from generator.model.finding import Discrepancy
from generator.model.source import Source
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
from generator.output.siteconfig import SITE_CONFIG, site_config
from generator.output.store import FileStore
from generator.pipeline.case import Case
from generator.render.claims import (
    KIND_TITLES,
    confident,
    discrepancy_pages,
    render_discrepancies,
    to_check,
    urgency_order,
)
from generator.render.dossier import DOSSIER_FILE, DOSSIER_PAGE, dossier_parts, render_dossier_page
from generator.render.entity_pages import (
    EntityFacts,
    co_mention_table,
    render_coverage,
    render_entities_index,
    render_entity_page,
    render_graph,
    render_review,
)
from generator.render.marks import MarksBySource, source_marks
from generator.render.overview import render_home, render_sources_index
from generator.render.quotes import render_quotes, speaker_links
from generator.render.source_page import CitedBy, Citing, render_source_page, source_page_path
from generator.render.timeline import render_timeline
from generator.util.parallel import Forked


def render_files(case: Case, jobs: int = 1, store: FileStore | None = None) -> FileStore:
    """Every generated page and data file of the case, written into ``store`` (a new one
    when not given) as each is made.

    With ``jobs`` above one, ``case.json``, the exports and the dossier (made from the case
    document alone) are written and checked in a forked process, and the pages about entities
    and findings in another, while this one renders and checks the source pages: the same
    files either way.
    """
    store = store if store is not None else FileStore()
    background = [Forked(document_files, case, store), Forked(entity_and_finding_pages, case, store)] if jobs > 1 \
        else []
    pages = CheckedPages(case.sources, store)
    try:
        store[SITE_CONFIG] = site_config(case.info).encode("utf-8")
        source_pages(case, pages)
    except BaseException:
        with contextlib.suppress(Exception):
            _all_results(background)  # no forked process goes on writing into the store
        raise
    problems = list(pages.problems)
    results = _all_results(background) if background else [
        document_files(case, store), entity_and_finding_pages(case, store)]
    for written, found in results:
        store.adopt(written)
        problems.extend(found)
    if problems:
        raise ProvenanceError(problems)
    return store


def _all_results(tasks: Sequence[Forked]) -> list[Any]:
    """Each task's result, waiting for every one of them even when one fails (then raising
    the first failure), so that no forked process still writes into the store after it."""
    results: list[Any] = []
    failure: BaseException | None = None
    for task in tasks:
        try:
            results.append(task.result())
        except BaseException as exc:  # re-raised below, once every task has ended
            failure = failure or exc
    if failure is not None:
        raise failure
    return results


def source_pages(case: Case, pages: CheckedPages) -> None:
    """A page per source, the list of sources and the overview, into ``pages``."""
    sources = case.sources
    grouped = MarksBySource.of(case.resolution.entities, case.quotes, case.figures, case.dates)
    citing = citing_by_source(case.discrepancies)
    for number, source in enumerate(sources):
        page = source_page_path(source)
        around = (sources[number - 1] if number else None, sources[number + 1] if number + 1 < len(sources) else None)
        pages[page] = render_source_page(source, source_marks(page, source, grouped), repository=case.info.repository,
                                         citing=citing.get(source.id), around=around)
    pages["sources/index.md"] = render_sources_index(sources)
    pages["index.md"] = render_home(case.info, sources, case.resolution.entities, case.discrepancies)


def entity_and_finding_pages(case: Case, store: FileStore) -> tuple[list[str], list[Problem]]:
    """Write the entity pages and their lists, the review, quotes, discrepancy and timeline pages
    into ``store``, each checked against the seeds; returns the paths written and the problems."""
    sources = case.sources
    by_id = {s.id: s for s in sources}
    pages = CheckedPages(sources, store)
    names = {e.id: e.name for e in case.resolution.entities}
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
    pages.update(render_review(case.resolution, by_id, [q for q in case.quotes if q.speaker is None],
                               to_check(case.discrepancies)))
    pages.update(render_quotes(case.quotes, case.translations, case.discrepancies, sources, names))
    pages.update(render_discrepancies(case.discrepancies, case.checks, sources))
    pages.update(render_timeline(case.dates, case.checks, sources))
    return pages.written, pages.problems


def citing_by_source(discrepancies: Sequence[Discrepancy]) -> dict[str, CitedBy]:
    """The findings that cite each source, confident ones first, most serious first, as the report
    orders them, with the paragraphs each cites (bounded per source: see :class:`CitedBy`)."""
    where = discrepancy_pages(discrepancies)
    sure = {d.id for d in confident(discrepancies)}
    out: dict[str, CitedBy] = {}
    for discrepancy in sorted(discrepancies, key=lambda d: (d.id not in sure, urgency_order(d))):
        paragraphs: dict[str, dict[str, None]] = {}
        for claim in discrepancy.claims:
            paragraphs.setdefault(claim.source, {})[claim.anchor] = None
        kind = KIND_TITLES.get(discrepancy.kind, discrepancy.kind)
        for source_id, anchors in paragraphs.items():
            ordered = sorted(anchors, key=lambda a: int(a[1:]) if a[1:].isdigit() else 0)
            out.setdefault(source_id, CitedBy()).add(
                partial(Citing, kind, discrepancy.summary, where[discrepancy.id], discrepancy.id,
                        confident=discrepancy.id in sure), ordered)
    return out


class CheckedPages:
    """Pages as they are rendered: each is checked against the seeds at once and written to
    the store, so a huge case never holds its pages in memory."""

    def __init__(self, sources: Sequence[Source], store: FileStore) -> None:
        self.sources = {s.id: s for s in sources}
        self.source_of_page = {source_page_path(s): s for s in sources}
        self.store = store
        self.problems: list[Problem] = []
        self.written: list[str] = []

    def __setitem__(self, page: str, text: str) -> None:
        self.problems.extend(verify_page(text, page, self.sources, self.source_of_page.get(page)))
        self.store[page] = text.encode("utf-8")
        self.written.append(page)

    def update(self, pages: dict[str, str]) -> None:
        for page, text in pages.items():
            self[page] = text


def document_files(case: Case, store: FileStore) -> tuple[list[str], list[Problem]]:
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

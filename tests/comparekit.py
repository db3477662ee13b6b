"""Helpers shared by the comparison tests: the claims of a corpus, the seeds' findings, small cases."""

from __future__ import annotations

import json

from claimkit import seeds

from generator.compare.merge import compare
from generator.extract.dates import extract_dates
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.model.finding import Discrepancy
from generator.model.refs import PersonRef
from generator.model.source import CaseInfo, Source


def claims_of(corpus, persons):
    """The quotes, figures and dates of every source of ``corpus``."""
    sources = corpus.sources
    quotes = [q for s in sources for q in extract_quotes(s, persons)]
    figures = [f for s in sources for f in extract_figures(s, persons)]
    dates = [d for s in sources for d in extract_dates(s)]
    return quotes, figures, dates


def seed_discrepancies(case: CaseInfo | None = None):
    """The seeds, their findings (curated by ``case``, else by the seeds' own case.yml) and their dates."""
    corpus, _, persons = seeds()
    quotes, figures, dates = claims_of(corpus, persons)
    return corpus, compare(corpus.sources, quotes, figures, dates, persons, case or corpus.case), dates


def case_json(seeds, files: dict[str, str]) -> dict:
    """``case.json`` of a small case made of ``files`` (seed texts and sidecars by name)."""
    from generator.pipeline import generate

    return json.loads(generate(seeds(files)).files["data/case.json"])


def opening_files(published: str, *openings: tuple[str, str]) -> dict[str, str]:
    """Seed files of one source per (language, opening paragraph), under a headline."""
    files = {}
    for number, (language, opening) in enumerate(openings):
        files[f"{number}.txt"] = f"Headline\n\n{opening}\n"
        files[f"{number}.yml"] = f"language: {language}\npublished: {published}\n"
    return files


def having(discrepancies, kind, *texts, detail=None):
    """The findings of ``kind`` (and ``detail``) with a claim holding each of ``texts``."""
    return [d for d in discrepancies if d.kind == kind and (detail is None or d.detail == detail)
            and all(any(t in c.text for c in d.claims) for t in texts)]


def compared(*sources: Source, persons: tuple[PersonRef, ...] = (),
             case: CaseInfo | None = None) -> tuple[Discrepancy, ...]:
    """The findings of a few sources built in memory (``claimkit.make_source``), extracted as the pipeline does."""
    dates = {s.id: extract_dates(s) for s in sources}
    quotes = [q for s in sources for q in extract_quotes(s, persons)]
    figures = [f for s in sources for f in extract_figures(s, persons, dates[s.id])]
    return compare(sources, quotes, figures, [d for s in sources for d in dates[s.id]], persons, case)

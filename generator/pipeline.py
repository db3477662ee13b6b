"""The pipeline: seeds in, the generated docs tree out (as bytes, not yet written).

``generate`` runs every stage in order and returns the files to write; it reads the
seeds (through :mod:`generator.sources`) and writes nothing, so ``build`` and ``check``
share it and a test can call it directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .casedata import case_document, case_schema, dump_json
from .errors import InputError, Problem
from .model import Source
from .provenance import ProvenanceError, verify, verify_page
from .render.overview import render_home, render_sources_index
from .render.source_page import render_source_page, source_page_path
from .sources import read_corpus


@dataclass(frozen=True)
class Generated:
    """The generated tree and the warnings met on the way."""

    files: dict[str, bytes]
    """Path relative to the docs folder → file content."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""


def generate(seeds_dir: Path) -> Generated:
    """Every generated file for the seeds in ``seeds_dir``.

    Raises :class:`InputError` listing every problem when the input cannot be built, and
    :class:`~generator.provenance.ProvenanceError` when a page or ``case.json`` would show
    a passage that is not exactly in its source.
    """
    corpus, problems = read_corpus(seeds_dir)
    if corpus is None:
        raise InputError([p for p in problems if not p.warning] + [p for p in problems if p.warning])
    pages: dict[str, str] = {}
    for source in corpus.sources:
        pages[source_page_path(source)] = render_source_page(source)
    pages["sources/index.md"] = render_sources_index(corpus.sources)
    pages["index.md"] = render_home(corpus.case, corpus.sources)
    document = case_document(corpus.case, corpus.sources)
    pages["data/case.json"] = dump_json(document)
    pages["data/case.schema.json"] = dump_json(case_schema())
    check_provenance(pages, document, corpus.sources)
    files = {path: text.encode("utf-8") for path, text in sorted(pages.items())}
    return Generated(files, corpus.warnings)


def check_provenance(pages: dict[str, str], document: dict[str, Any], sources: Sequence[Source]) -> None:
    """Re-check every passage shown against its seed; raise when one does not match."""
    problems = verify(document, sources)
    by_page = {source_page_path(s): s for s in sources}
    for page, text in sorted(pages.items()):
        if page.endswith(".md"):
            problems.extend(verify_page(text, page, sources, by_page.get(page)))
    if problems:
        raise ProvenanceError(problems)

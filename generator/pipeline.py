"""The pipeline: seeds in, the generated docs tree out (as bytes, not yet written).

``generate`` runs every stage in order and returns the files to write; it reads the
seeds (through :mod:`generator.sources`) and writes nothing, so ``build`` and ``check``
share it and a test can call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .casedata import case_document, case_schema, dump_json
from .errors import InputError, Problem
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

    Raises :class:`InputError` listing every problem when the input cannot be built.
    """
    corpus, problems = read_corpus(seeds_dir)
    if corpus is None:
        raise InputError([p for p in problems if not p.warning] + [p for p in problems if p.warning])
    pages: dict[str, str] = {}
    for source in corpus.sources:
        pages[source_page_path(source)] = render_source_page(source)
    pages["sources/index.md"] = render_sources_index(corpus.sources)
    pages["index.md"] = render_home(corpus.case, corpus.sources)
    pages["data/case.json"] = dump_json(case_document(corpus.case, corpus.sources))
    pages["data/case.schema.json"] = dump_json(case_schema())
    files = {path: text.encode("utf-8") for path, text in sorted(pages.items())}
    return Generated(files, corpus.warnings)

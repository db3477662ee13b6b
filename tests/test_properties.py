"""Property-based tests (Hypothesis) over every extractor, the reader and the escaping.

Random text and real seeds mutated at random never crash an extractor; every span an
extractor returns is an exact substring of its source at its offsets (and its anchor the
paragraph that holds it); every link of a rendered page has its target.

To cover a new extractor, add it to ``EXTRACTORS``: a name and a function that takes a
:class:`~generator.model.source.Source` and returns its records, either objects with ``start`` and
``end`` (and optionally ``text``/``anchor``) or ``case.json``-style dicts with ``source``,
``anchor``, ``start``, ``end``, ``text`` (nested ``claims``/``mentions`` included).
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Problem
from generator.lang import supported_languages
from generator.model.source import Source
from generator.output.provenance import page_texts, verify, verify_page
from generator.read.language import detect_language, paragraph_language
from generator.read.sources import decode_seed, normalise_text, read_corpus, source_from_text
from generator.render.markup import Mark, annotate, escape_html, escape_md, show_invisible
from generator.render.source_page import render_source_page

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _language(source: Source) -> list[Any]:
    """Language detection spans nothing; it must only answer with a known code."""
    code, confidence = detect_language(source.text)
    assert code in (*supported_languages(), "und") and 0.0 <= confidence <= 1.0
    for paragraph in source.paragraphs:
        found = paragraph_language(source.text[paragraph.start:paragraph.end], source.language)
        assert found is None or found in supported_languages()
    return []


EXTRACTORS: list[tuple[str, Callable[[Source], Iterable[Any]]]] = [
    ("paragraphs", lambda source: source.paragraphs),
    ("sentences", lambda source: [s for p in source.paragraphs for s in p.sentences]),
    ("language", _language),
]


def _load_optional_extractors() -> None:
    """Extractors that other stages add, when their modules exist (entities, quotes, …)."""
    import importlib

    for module_name, function in (("generator.extract.entities", "extract_mentions"),
                                  ("generator.extract.quotes", "extract_quotes"),
                                  ("generator.extract.figures", "extract_figures"),
                                  ("generator.extract.dates", "extract_dates")):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        extractor = getattr(module, function, None)
        if callable(extractor):
            EXTRACTORS.append((f"{module_name}.{function}", extractor))


_load_optional_extractors()

# Characters that stress segmenters and escaping: punctuation of the languages in use,
# quotes of every style, line ends of every kind, bidi and zero-width characters, markup.
HOSTILE_ALPHABET = [*".!?…,;:\"'“”‘’«»„‚—–-  \n\n\n\t\r\u00a0\u2028\u2029\u0085\x0c\u202e\u2066\u2069\u200b\u200d"
                    "\ufeff<>&{}[]()#*_`|\\~=^$%@!\u0301\u0308ÆØÅæøåéüß0123456789",
                    "Mr.", "Dec.", "U.S.", "J. K.", "8. desember", "\n\n", " \u3000 \n"]
REAL_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
REAL_TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/golden/fixture/seeds").glob("*.txt"))]

random_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)
hostile_text = st.lists(st.sampled_from(HOSTILE_ALPHABET) | st.text(min_size=1, max_size=8), min_size=1,
                        max_size=120).map("".join)


@st.composite
def mutated_real_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(REAL_TEXTS))
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "cut"]))
        piece = draw(st.sampled_from(HOSTILE_ALPHABET) | st.text(max_size=5))
        span = draw(st.integers(0, 40))
        if kind == "insert":
            text = text[:position] + piece + text[position:]
        elif kind == "delete":
            text = text[:position] + text[position + span:]
        elif kind == "replace":
            text = text[:position] + piece + text[position + len(piece):]
        elif kind == "duplicate":
            text = text[:position] + text[position:position + span] * 2 + text[position + span:]
        else:
            text = text[:position] if draw(st.booleans()) else text[position:]
    return text


any_text = random_text | hostile_text | mutated_real_text()


def _span_of(record: Any) -> tuple[int, int, str | None, str | None]:
    if isinstance(record, dict):
        return record["start"], record["end"], record.get("text"), record.get("anchor")
    return record.start, record.end, getattr(record, "text", None), getattr(record, "anchor", None)


def check_extractors(source: Source) -> None:
    text = source.text
    for name, extractor in EXTRACTORS:
        records = list(extractor(source))
        dicts = []
        for record in records:
            start, end, quoted, _anchor = _span_of(record)
            assert 0 <= start <= end <= len(text), (name, record)
            if quoted is not None:
                assert quoted == text[start:end], (name, record)
            if isinstance(record, dict):
                dicts.append(record)
        if dicts:  # case.json-style records: the same check as the build's
            assert verify({name: dicts}, [source]) == [], name


def check_segments(source: Source) -> None:
    text = source.text
    previous_end = 0
    for number, paragraph in enumerate(source.paragraphs, start=1):
        assert paragraph.anchor == f"p{number}" and paragraph.index == number
        chunk = text[paragraph.start:paragraph.end]
        assert chunk and chunk == chunk.strip() and previous_end <= paragraph.start
        assert not text[previous_end:paragraph.start].strip()  # nothing is lost between paragraphs
        previous_end = paragraph.end
        position = paragraph.start
        for count, sentence in enumerate(paragraph.sentences, start=1):
            assert sentence.anchor == f"{paragraph.anchor}-s{count}"
            assert paragraph.start <= position <= sentence.start < sentence.end <= paragraph.end
            assert not text[position:sentence.start].strip()
            position = sentence.end
        assert not text[position:paragraph.end].strip()
    assert not text[previous_end:].strip()


@SETTINGS
@given(any_text)
def test_extractors_never_crash_and_spans_are_exact_substrings(raw):
    source = source_from_text(raw)
    assert source.text == normalise_text(raw)
    check_segments(source)
    check_extractors(source)


@SETTINGS
@given(any_text, st.sampled_from(["en", "nb", "de", "fr", "xx"]))
def test_segmenter_in_every_language(raw, language):
    check_segments(source_from_text(raw, language=language))


@SETTINGS
@given(any_text)
def test_rendered_page_shows_exactly_the_text_and_every_link_has_its_target(raw):
    source = source_from_text(raw)
    if not source.paragraphs:
        return
    page = render_source_page(source)
    assert verify_page(page, "sources/s.md", [source], source) == []
    ids = {attributes["id"] for attributes, _ in page_texts(page) if "id" in attributes}
    for target in re.findall(r'href="#([^"]*)"', page):
        assert html.unescape(target) in ids, target
    body = page.split("\n---\n", 1)[1]
    assert "<script" not in body.lower() and "{{" not in body and "{%" not in body


@SETTINGS
@given(any_text, st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(0, 3)), max_size=12))
def test_annotate_keeps_the_text_and_nests(raw, spans):
    text = normalise_text(raw)
    marks = [Mark(min(a, b), max(a, b), rank, f'<b class="m{i}">', "</b>")
             for i, (a, b, rank) in enumerate(spans) if min(a, b) < max(a, b) <= len(text)]
    out = annotate(text, 0, len(text), marks)
    ((_, shown),) = [(a, t) for a, t in page_texts(f'<p id="x">{out}</p>') if a.get("id") == "x"]
    assert shown == text
    assert out.count("<b ") == out.count("</b>")
    depth = 0
    for tag in re.findall(r"</?b[ >]", out):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0


@SETTINGS
@given(any_text)
def test_escaping_leaves_no_syntax_and_reads_back(raw):
    text = normalise_text(raw)
    out = escape_html(text)
    stripped = re.sub(r'<span class="cf-ctl"[^>]*>(&#x[0-9A-F]+;)</span>', r"\1", out)
    assert not re.search(r"[<>`*_{}\[\]\\]", stripped)
    assert html.unescape(stripped) == text
    attribute = escape_html(text, quote=True)
    assert not re.search(r"[<>\"'`{}]", attribute) and html.unescape(attribute) == show_invisible(text)
    inline = escape_md(text)
    assert "\n" not in inline and not re.search(r"[<>\[\]`*_{}|\\]", inline.replace("&#", ""))
    assert html.unescape(inline) == " ".join(show_invisible(text).split())


@SETTINGS
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8"))
       | st.text(max_size=100).map(lambda t: t.encode("utf-16")))
def test_reader_decodes_or_names_the_problem(data):
    text, problems = decode_seed(data, "seeds/x.txt")
    assert (text is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path == "seeds/x.txt" and problem.line >= 1
        assert " — " in str(problem)
    if text is not None:
        assert text.strip() and not text.startswith("\ufeff")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.one_of(st.none(), st.binary(max_size=120), st.text(max_size=120).map(lambda t: t.encode("utf-8"))))
def test_reading_random_files_never_raises(seed_bytes, sidecar_bytes):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_bytes(seed_bytes)
        if sidecar_bytes is not None:
            (Path(folder) / "a.yml").write_bytes(sidecar_bytes)
        corpus, problems = read_corpus(Path(folder))
    assert corpus is not None or any(not p.warning for p in problems)
    for problem in problems:
        assert "\n" not in str(problem)
    if corpus is not None:
        for source in corpus.sources:
            check_segments(source)
            check_extractors(source)

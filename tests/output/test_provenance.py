"""Verified provenance: passages in case.json and on pages are re-checked against the seeds."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import ROOT, run_casefile

from generator import pipeline
from generator.output.casedata import case_document
from generator.output.provenance import TEXT_BLOCK, ProvenanceError, page_texts, verify, verify_page
from generator.read.sources import read_corpus
from generator.render.source_page import render_source_page


@pytest.fixture(scope="module")
def corpus():
    corpus, _ = read_corpus(ROOT / "seeds")
    assert corpus is not None
    return corpus


def records(corpus):
    """A document whose sections cite real passages, nested as the later stages nest them."""
    source = corpus.sources[0]
    paragraph = source.paragraphs[2]
    sentence = paragraph.sentences[0]
    span = source.span(sentence.start, sentence.end)
    cited = {"source": span.source, "anchor": span.anchor, "start": span.start, "end": span.end, "text": span.text}
    document = case_document(corpus.case, corpus.sources,
                             entities=[{"id": "e", "name": "E", "type": "person", "aliases": [],
                                        "mentions": [dict(cited)]}],
                             quotes=[{**cited, "id": "q1", "language": "en", "speaker": None, "evidence": None}],
                             discrepancies=[{"id": "d1", "kind": "figure", "summary": "s", "explanation": None,
                                             "status": "open", "claims": [{**cited, "value": 1}]}])
    return document, source, paragraph


def test_exact_passages_pass(corpus):
    document, _, _ = records(corpus)
    assert verify(document, corpus.sources) == []


def test_a_corrupted_text_names_the_page_and_the_passage(corpus):
    document, source, paragraph = records(corpus)
    bad = copy.deepcopy(document)
    claim = bad["discrepancies"][0]["claims"][0]
    claim["text"] = claim["text"].replace("e", "3", 1)
    (problem,) = verify(bad, corpus.sources)
    text = str(problem)
    assert text.startswith(f"data/case.json:1: discrepancies[0].claims[0] cites {source.id}#{paragraph.anchor} "
                           f"[{claim['start']}:{claim['end']}] shows ")
    assert "but the source reads" in text and "bug in casefile" in text


def test_a_shifted_span_a_wrong_anchor_and_an_unknown_source(corpus):
    document, _source, paragraph = records(corpus)
    bad = copy.deepcopy(document)
    bad["quotes"][0]["start"] += 1
    bad["entities"][0]["mentions"][0]["anchor"] = "p1"
    bad["discrepancies"][0]["claims"][0]["source"] = "nope"
    problems = [str(p) for p in verify(bad, corpus.sources)]
    assert len(problems) == 3
    assert any("entities[0].mentions[0]" in p and f"starts in paragraph #{paragraph.anchor}, not #p1" in p
               for p in problems)
    assert any(p.startswith("data/case.json:1: quotes[0] cites") and "shows" in p for p in problems)
    assert any("discrepancies[0].claims[0] cites nope: no such source" in p for p in problems)
    bad["quotes"][0]["end"] = 10**9
    assert any("the span is not inside the source" in str(p) for p in verify(bad, corpus.sources))


def test_rendered_source_pages_show_exactly_each_paragraph_and_sentence(corpus):
    for source in corpus.sources:
        page = render_source_page(source)
        assert verify_page(page, "sources/x.md", corpus.sources, source) == []
        shown = {a["id"]: t for a, t in page_texts(page) if "cf-p" in a.get("class", "").split()}
        assert shown == {p.anchor: source.text[p.start:p.end] for p in source.paragraphs}


def test_a_tampered_page_fails(corpus):
    source = corpus.sources[1]
    page = render_source_page(source)
    tampered = page.replace('id="p2-s1">', 'id="p2-s1">x', 1)
    assert tampered != page
    problems = [str(p) for p in verify_page(tampered, "sources/s.md", corpus.sources, source)]
    assert [p.split(" shows ")[0] for p in problems] == ["sources/s.md:1: sentence #p2-s1",
                                                         "sources/s.md:1: paragraph #p2"]
    dropped = page.replace(f'<p id="p{len(source.paragraphs)}"', '<p id="gone"')
    assert any("are not shown" in str(p) for p in verify_page(dropped, "s.md", corpus.sources, source))
    # a passage declared outside the text block (only the block is read paragraph by paragraph)
    declared = page.replace(TEXT_BLOCK, f'<q data-cf-span="{source.id}:0:3">XYZ</q>\n{TEXT_BLOCK}', 1)
    assert [str(p).split(" shows ")[0] for p in verify_page(declared, "s.md", corpus.sources, source)] == [
        f"s.md:1: passage {source.id}:0:3"]


def test_declared_passages_on_any_page_are_checked(corpus):
    source = corpus.sources[0]
    start, end = source.paragraphs[0].sentences[0].start, source.paragraphs[0].sentences[0].end
    good = f'<blockquote data-cf-span="{source.id}:{start}:{end}">{source.text[start:end]}</blockquote>'
    assert verify_page(good, "quotes.md", corpus.sources) == []
    bad = good.replace(source.text[start:start + 3], "XYZ", 1)
    (problem,) = verify_page(bad, "quotes.md", corpus.sources)
    assert str(problem).startswith(f"quotes.md:1: passage {source.id}:{start}:{end} shows 'XYZ")


def test_build_fails_with_exit_2_when_a_stage_misquotes(tmp_path, seeds, monkeypatch, capsys):
    folder = seeds({"a.txt": "First paragraph here.\n\nSecond paragraph here."})
    real = pipeline.files.case_document

    def misquoting(case, sources, **sections):
        source = sources[0]
        quote = {"id": "q", "source": source.id, "anchor": "p2", "start": 23, "end": 29, "text": "Secund",
                 "language": "en", "speaker": None, "evidence": None}
        return real(case, sources, **{**sections, "quotes": [quote]})

    monkeypatch.setattr(pipeline.files, "case_document", misquoting)
    with pytest.raises(ProvenanceError):
        pipeline.generate(folder)
    from generator import cli

    assert cli.main(["build", "--seeds", str(folder), "--out", str(tmp_path / "docs")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("data/case.json:1: quotes[0] cites a#p2 [23:29] shows 'Secund', but the source reads "
                      "'Second' there — a stage put text on the site that is not in its seed; this is a bug in "
                      "casefile — report it with the seed, the build refuses to publish an unverified passage")
    # the dossier shows the quote too, declaring its span: the page check names it as well
    assert err[1].startswith("dossier.html:1: passage a:23:29 shows 'Secund', but the source reads 'Second' there")
    assert err[-1] == "casefile: 2 passage(s) do not match their sources; nothing was written."
    assert not (tmp_path / "docs").exists()


def test_committed_case_json_verifies(corpus):
    document = json.loads((ROOT / "docs_src" / "data" / "case.json").read_text(encoding="utf-8"))
    assert verify(document, corpus.sources) == []


def test_internal_errors_exit_3_without_a_traceback(tmp_path, seeds):
    folder = seeds({"a.txt": "Text."})
    code = ("import sys, generator.pipeline as p, generator.cli as c\n"
            "def boom(*a, **k): raise RuntimeError('boom')\n"
            "c.generate = boom\n"
            f"sys.exit(c.main(['build', '--seeds', {str(folder)!r}, '--out', {str(tmp_path / 'docs')!r}]))\n")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("casefile: internal error (RuntimeError: boom); nothing was written.")
    assert run_casefile("--help").returncode == 0


@pytest.mark.slow
def test_site_pages_show_exactly_the_paragraphs(real_site, hostile_site, hostile_seeds):
    """The same check over the HTML that MkDocs built, for the real and the hostile case."""
    for seeds, site in ((ROOT / "seeds", real_site), (hostile_seeds, hostile_site)):
        corpus, _ = read_corpus(seeds)
        assert corpus is not None
        for source in corpus.sources:
            built = (site / "sources" / source.slug / "index.html").read_text(encoding="utf-8")
            assert verify_page(built, f"site/sources/{source.slug}/", corpus.sources, source) == []


def test_a_misquote_is_caught_when_the_document_files_are_made_in_a_forked_process(seeds, monkeypatch):
    """With jobs, case.json and the dossier are written and checked in a forked process: its
    problems come back and stop the build just the same."""
    folder = seeds({"a.txt": "First paragraph here.\n\nSecond paragraph here."})
    real = pipeline.files.case_document

    def misquoting(case, sources, **sections):
        quote = {"id": "q", "source": sources[0].id, "anchor": "p2", "start": 23, "end": 29, "text": "Secund",
                 "language": "en", "speaker": None, "evidence": None}
        return real(case, sources, **{**sections, "quotes": [quote]})

    monkeypatch.setattr(pipeline.files, "case_document", misquoting)
    with pytest.raises(ProvenanceError) as raised:
        pipeline.generate(folder, jobs=2)
    assert [p.path for p in raised.value.problems] == ["data/case.json", "dossier.html"]

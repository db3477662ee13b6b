"""The printable dossier: every section, filled from the case document alone."""

from __future__ import annotations

from casedocs import base_document, head_document
from conftest import ROOT

from generator.output.provenance import declared_passages
from generator.render.dossier import SECTIONS, dossier_sections, render_dossier


def test_dossier_holds_every_section_in_order():
    text = render_dossier(head_document())
    assert list(dossier_sections(text)) == list(SECTIONS)


def test_sections_fill_from_the_data():
    text = render_dossier(head_document())
    assert "<h1>The &lt;b&gt;bullying&lt;/b&gt; video: dossier</h1>" in text  # title escaped
    assert "<b>" not in text
    # one self-contained document: no script, nothing fetched from anywhere
    assert text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    assert "<script" not in text and "src=" not in text and "url(" not in text and 'href="http' not in text
    # sources in full, every paragraph anchored
    assert 'id="source-story-nb-p2"' in text and "Videoen er sett 17 millioner ganger" in text
    assert '<h3 id="source-story-nb">Dagbladet: Mobbet gutt</h3>' in text
    # entities, with a link to the first mention's paragraph in each source
    assert '<span id="entity-keaton-jones">Keaton Jones</span>' in text
    assert '<a href="#source-story-nb-p1" title="Mobbet gutt">Dagbladet ¶1</a>' in text
    # quotes with speaker, figures with value, discrepancies with claims, timeline by date
    assert "''Why do they bully?''</span>”</td>" in text
    assert '<a href="#entity-keaton-jones">Keaton Jones</a>' in text
    assert "<td>17000000</td>" in text
    assert '<h3 id="discrepancy-1">D1. Views of the video on Facebook' in text and "different-time" in text
    assert "<td>2017-12-08</td>" in text
    # counts in the overview
    assert "<tr><td>Discrepancies</td><td>1 (1 explained)</td></tr>" in text


def test_empty_sections_say_so_and_rendering_is_deterministic():
    document = {**base_document(), "entities": [], "quotes": [], "figures": [], "dates": [],
                "discrepancies": []}
    text = render_dossier(document)
    assert list(dossier_sections(text)) == list(SECTIONS)
    assert text.count("None recorded in the case data yet.") == 5
    assert render_dossier(head_document()) == render_dossier(head_document())


def test_missing_text_is_said():
    document = base_document()
    del document["sources"][0]["text"]
    assert "The text is not in this case data." in render_dossier(document)


def test_real_dossier_is_in_the_navigation_and_holds_every_source():
    text = (ROOT / "docs_src" / "dossier.html").read_text(encoding="utf-8")
    assert list(dossier_sections(text)) == list(SECTIONS)
    for source_id in ("000-01294162fb12b41a", "001-71882606a5f9e5a9", "002-2bb91e528b6fe96d"):
        assert f'<h3 id="source-{source_id}">' in text
    assert "dossier.md" in (ROOT / "mkdocs.yml").read_text()
    assert "[Open the dossier](dossier.html)" in (ROOT / "docs_src" / "dossier.md").read_text(encoding="utf-8")


def test_every_passage_in_the_dossier_declares_its_span_and_is_checked():
    document = head_document()
    text = render_dossier(document)
    declared = list(declared_passages(text))
    # every source paragraph and every quoted record declares where it is
    records = [r for key in ("quotes", "figures", "dates") for r in document.get(key, [])]
    paragraphs = [p for s in document["sources"] for p in s.get("anchors", [])]
    assert len(declared) >= len(records) + len(paragraphs)
    for attributes, shown in declared:
        source_id, start, end = attributes["data-cf-span"].rsplit(":", 2)
        source = next(s for s in document["sources"] if s["id"] == source_id)
        assert shown == source["text"][int(start):int(end)]

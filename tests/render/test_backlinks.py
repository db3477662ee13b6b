"""A passage a finding cites says so: each cited paragraph links to its findings, and each source
page lists the findings that cite it; pages the navigation does not list say where they sit."""

from __future__ import annotations

import json
import re

from conftest import ROOT

DOCS = ROOT / "docs_src"


def test_each_paragraph_a_finding_cites_links_back_to_the_finding() -> None:
    case = json.loads((DOCS / "data" / "case.json").read_text(encoding="utf-8"))
    pages = {s["id"]: (DOCS / s["page"]).read_text(encoding="utf-8") for s in case["sources"]}
    cited = {(c["source"], c["anchor"]) for d in case["discrepancies"] for c in d["claims"]}
    assert cited
    for source, anchor in cited:
        paragraph = re.search(rf'<p id="{anchor}" class="cf-p[^"]*"[^>]*>(.*?)</p>', pages[source], re.S)
        assert paragraph and 'class="cf-pilcrow cf-cited"' in paragraph.group(1), (source, anchor)
    for finding in case["discrepancies"]:
        for source in {c["source"] for c in finding["claims"]}:
            listed = pages[source].split("## Findings that cite this source", 1)[1].split("## Text", 1)[0]
            assert f"#{finding['id']}\">" in listed or "more in the" in listed, (source, finding["id"])


def test_pages_out_of_the_navigation_name_where_they_sit() -> None:
    source = (DOCS / "sources" / "001-71882606a5f9e5a9.md").read_text(encoding="utf-8")
    assert ('<nav class="cf-crumbs" aria-label="Breadcrumb"><a href="../../">Overview</a> › <a href="../">Sources</a>'
            ' › <span aria-current="page">In Touch Weekly</span></nav>') in source
    assert 'rel="prev" href="../000-01294162fb12b41a/">← Previous source: 000</a>' in source
    assert 'rel="next" href="../002-2bb91e528b6fe96d/">Next source: VG</a>' in source
    entity = (DOCS / "entities" / "keaton-jones.md").read_text(encoding="utf-8")
    assert '<a href="../">Entities</a> › <span aria-current="page">Keaton Jones</span></nav>' in entity
    kind = (DOCS / "discrepancies" / "figure.md").read_text(encoding="utf-8")
    assert '<a href="../">Discrepancies</a> › <span aria-current="page">Figures</span>' in kind
    assert 'Next kind: [Narrative against quote](paraphrase.md)' in kind

"""The discrepancy page and the dossier show a passage repeated across sources once."""

from __future__ import annotations

from claimkit import make_source

from generator.model.finding import Claim, Discrepancy
from generator.output.provenance import verify_page
from generator.render.claims import render_discrepancies
from generator.render.dossier import render_dossier
from generator.render.passages import ALSO_SHOWN

WIRE = "Officials said 300 homes lost power. The storm passed at night."
OWN = "Only 200 homes lost power, the utility said."


def _case(copies: int) -> tuple[list, Discrepancy]:
    sources = [make_source(WIRE, source_id=f"{n:03d}-wire") for n in range(copies)]
    sources.append(make_source(OWN, source_id="999-own"))
    start = WIRE.index("300")
    claims = [Claim(s.id, "p1", start, start + 3, "300", 300.0, "claim") for s in sources[:-1]]
    claims.append(Claim("999-own", "p1", OWN.index("200"), OWN.index("200") + 3, "200", 200.0, "claim"))
    discrepancy = Discrepancy(id="figure-abc", kind="figure", key="k", summary="300 or 200 homes",
                              confidence="high", explanation="conflict", severity="high", claims=tuple(claims))
    return sources, discrepancy


def test_a_passage_many_sources_repeat_is_shown_once_with_a_link_to_each() -> None:
    sources, discrepancy = _case(30)
    pages = render_discrepancies([discrepancy], [], sources)
    page = pages["discrepancies/figure.md"]
    # the wire sentence once, the own sentence once: two rows
    assert page.count("Officials said") == 1 and page.count("Only ") == 1
    assert page.count("<tr><td>") == 2
    assert "The same words in 30 sources" in page
    # every source still links to its own paragraph: the first few on the page, the rest in the
    # standalone link file beside it, which the page links to
    for n in range(1, ALSO_SHOWN + 1):
        assert f'href="../../sources/{n:03d}-wire/#p1"' in page
    assert f'<a class="cf-also-more" href="../figure-links.html#figure-abc-1">and {29 - ALSO_SHOWN} more</a>' in page
    links = pages["discrepancies/figure-links.html"]
    assert links.startswith("<!doctype html>") and "<script" not in links
    assert '<h2 id="figure-abc-1"><a href="figure/#figure-abc">' in links and '<a href="figure/">← Figures</a>' in links
    for n in range(1, 30):
        assert f'href="../sources/{n:03d}-wire/#p1"' in links
    assert verify_page(page, "discrepancies/figure.md", sources) == []
    # the claims table stays out of the search index (the sources themselves are indexed)
    assert '<table class="cf-claims" data-search-exclude="">' in page


def test_a_passage_in_one_source_has_no_also_line() -> None:
    sources, discrepancy = _case(1)
    pages = render_discrepancies([discrepancy], [], sources)
    assert "cf-also" not in pages["discrepancies/figure.md"] and pages["discrepancies/figure.md"].count("<tr><td>") == 2
    assert "discrepancies/figure-links.html" not in pages  # nothing overflowed


def test_dossier_cites_every_source_of_a_repeated_claim_in_one_row() -> None:
    sources, discrepancy = _case(4)
    claim = {"anchor": "p1", "role": "claim"}
    document = {
        "case": {"title": "Storm"},
        "sources": [{"id": s.id, "title": s.title, "language": "en", "paragraphs": []} for s in sources],
        "discrepancies": [{"id": discrepancy.id, "kind": "figure", "summary": "300 or 200 homes", "status": "open",
                           "explanation": "conflict",
                           "claims": [{**claim, "source": c.source, "start": c.start, "end": c.end, "text": c.text,
                                       "value": c.value} for c in discrepancy.claims]}],
    }
    text = render_dossier(document)
    section = text[text.index('<h2 id="discrepancies">'):text.index('<h2 id="timeline">')]
    assert section.count(">300</span>”</td>") == 1 and section.count(">200</span>”</td>") == 1
    assert all(f"{n:03d} ¶1" in section for n in range(4)) and "999 ¶1" in section  # cited as the site cites them
    assert text.startswith("<!doctype html>")


def test_checks_list_each_passage_they_checked() -> None:
    from generator.model.finding import DateCheck

    sources, discrepancy = _case(2)
    claim = discrepancy.claims[-1]
    check = DateCheck("publish", (claim,), (2017,), True, "“Dec. 8” and “Friday” agree.", "publish|12-08|weekday 4")
    pages = render_discrepancies([], [check], sources)
    assert "[1 check](discrepancies/checks.md)" in pages["discrepancies.md"]
    section = pages["discrepancies/checks.md"]
    assert 'href="../../sources/999-own/#p1"' in section and "200</mark> homes lost power" in section
    assert '<ul data-search-exclude="">' in section


def test_no_generated_page_shows_an_unfilled_placeholder() -> None:
    """A format string left unformatted ("{rows}") would show its braces on the site."""
    import re

    from conftest import ROOT

    manifest = (ROOT / "docs_src" / ".generated").read_text(encoding="utf-8")
    pages = [line for line in manifest.splitlines() if line.endswith(".md") and not line.startswith("#")]
    assert pages
    for page in pages:
        text = (ROOT / "docs_src" / page).read_text(encoding="utf-8")
        assert not re.findall(r"\{[a-z_][a-z_0-9.]*\}", text), page


def test_the_report_is_an_overview_and_a_page_per_kind_paged_most_serious_first() -> None:
    from dataclasses import replace

    from generator.render.claims import PER_PAGE, TOP_FINDINGS, discrepancy_pages

    sources, discrepancy = _case(1)
    many = [replace(discrepancy, id=f"figure-{n:04d}", severity="high" if n == 7 else "low")
            for n in range(PER_PAGE + 5)]
    pages = render_discrepancies(many, [], sources)
    assert set(pages) == {"discrepancies.md", "discrepancies/figure.md", "discrepancies/figure-2.md",
                          "discrepancies/to-check.md"}  # the possible ones: none here
    where = discrepancy_pages(many)
    assert where["figure-0007"] == "discrepancies/figure.md"  # the most serious leads the first page
    figures = pages["discrepancies/figure.md"]
    assert figures.index("{#figure-0007}") < figures.index("{#figure-0000}")
    assert sum(page.count("{#figure-") for page in pages.values()) == PER_PAGE + 5
    # search finds a passage on its source page and a confident finding on the overview: the pages
    # of findings, which repeat the passages, are not indexed
    from generator.render.markup import SEARCH_EXCLUDED
    assert [name for name, page in sorted(pages.items()) if not page.startswith(SEARCH_EXCLUDED)] == [
        "discrepancies.md"]
    assert "# Figures (2 of 2)" in pages["discrepancies/figure-2.md"]
    assert "[1](figure.md) **2**" in pages["discrepancies/figure-2.md"]
    overview = pages["discrepancies.md"]
    assert "| [Figures](discrepancies/figure.md) | 105 | 0 | 105 |" in overview  # confident, to check, open
    assert overview.count("- **Figures**") == TOP_FINDINGS and "and 75 more" in overview
    assert "(discrepancies/figure.md#figure-0007)" in overview


def test_a_finding_across_many_passages_shows_every_role_and_folds_the_rest_into_links() -> None:
    from generator.render.passages import PASSAGES_SHOWN

    sources = [make_source(f"Report {n}: officials said 300 homes lost power.", source_id=f"{n:03d}-own")
               for n in range(40)]
    sources.append(make_source(OWN, source_id="999-own"))
    claims = [Claim(s.id, "p1", s.text.index("300"), s.text.index("300") + 3, "300", 300.0, "claim")
              for s in sources[:-1]]
    claims.append(Claim("999-own", "p1", OWN.index("200"), OWN.index("200") + 3, "200", 200.0, "claim"))
    discrepancy = Discrepancy(id="figure-many", kind="figure", key="k", summary="300 or 200 homes",
                              confidence="high", explanation="conflict", severity="high", claims=tuple(claims))
    pages = render_discrepancies([discrepancy], [], sources)
    page = pages["discrepancies/figure.md"]
    assert page.count('<span class="cf-passage-text"') == PASSAGES_SHOWN
    assert "200</mark> homes lost power" in page  # the lone other value is shown, though it comes last
    assert (f'<a class="cf-more-passages" href="../figure-links.html#figure-many-more">{41 - PASSAGES_SHOWN} '
            f"more passages ({41 - PASSAGES_SHOWN} claims), as links</a>") in page
    links = pages["discrepancies/figure-links.html"]
    for n in range(40):  # every passage linked: shown on the page, or listed in the link file
        assert (f'href="../../sources/{n:03d}-own/#p1"' in page) != (f'href="../sources/{n:03d}-own/#p1"' in links)
    assert verify_page(page, "discrepancies/figure.md", sources) == []


def test_converted_values_are_shown_to_two_decimals_and_grouped() -> None:
    sources, discrepancy = _case(1)
    claims = (discrepancy.claims[0].__class__(**{**discrepancy.claims[0].__dict__, "value": 18.143695}),
              discrepancy.claims[1].__class__(**{**discrepancy.claims[1].__dict__, "value": 1234567.0}))
    page = render_discrepancies([discrepancy.__class__(**{**discrepancy.__dict__, "claims": claims})], [],
                                sources)["discrepancies/figure.md"]
    assert "<td>18.14</td>" in page and "<td>1\u202f234\u202f567</td>" in page and "18.1436" not in page


def test_converted_figure_values_show_their_unit() -> None:
    from generator.extract.measures import with_unit

    assert with_unit("25", "speed") == "25\u00a0m/s" and with_unit("18.14", "weight") == "18.14\u00a0kg"
    assert with_unit("3\u202f000", "spectators") == "3\u202f000" and with_unit("", "speed") == ""


def test_confident_findings_lead_and_the_possible_ones_are_listed_to_check() -> None:
    from dataclasses import replace

    from generator.model.source import CaseInfo
    from generator.render.claims import TO_CHECK_PAGE, discrepancy_pages
    from generator.render.overview import render_home

    sources, sure = _case(1)
    sure = replace(sure, evidence=("the same words around each claim: “homes”", "confident: same thing"))
    possible = replace(sure, id="figure-def", confidence="low", summary="84 or 30 people",
                       evidence=("to check: nothing but the measure shows the figures count one thing",))
    pages = render_discrepancies([sure, possible], [], sources)
    assert "{#figure-abc}" in pages["discrepancies/figure.md"] and "figure-def" not in pages["discrepancies/figure.md"]
    to_check = pages[TO_CHECK_PAGE]
    assert "# Possible disagreements to check" in to_check and "{#figure-def}" in to_check
    assert '<span class="cf-badge cf-conf-low">to check</span>' in to_check
    assert "<li>to check: nothing but the measure shows the figures count one thing</li>" in to_check
    assert "Why it is confident" in pages["discrepancies/figure.md"]
    overview = pages["discrepancies.md"]
    assert "**1** confident findings, and [1 possible ones to check](discrepancies/to-check.md)" in overview
    assert "| [Figures](discrepancies/figure.md) | 1 | 1 | 1 |" in overview
    assert "84 or 30 people" not in overview.split("## All confident findings")[1]
    assert discrepancy_pages([sure, possible]) == {"figure-abc": "discrepancies/figure.md", "figure-def": TO_CHECK_PAGE}
    home = render_home(CaseInfo(), sources, (), [sure, possible])
    assert "300 or 200 homes" in home and "84 or 30 people" not in home
    assert "[1 possible ones to check](discrepancies/to-check.md)" in home

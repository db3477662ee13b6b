"""Weekday checks: a weekday and a date of the same event, for the years that fit."""

from __future__ import annotations

from claimkit import make_source
from comparekit import seed_discrepancies

from generator.compare.checks import date_checks
from generator.compare.merge import compare
from generator.extract.dates import extract_dates
from generator.model.source import CaseInfo
from generator.resolve.dates import infer_dates


def test_seed_weekday_and_date_agree_in_2017() -> None:
    corpus, _, dates = seed_discrepancies()
    unhinted = date_checks(corpus.sources, dates, corpus.case)
    assert len(unhinted) == 1 and unhinted[0].consistent and 2017 in unhinted[0].years
    hinted = date_checks(corpus.sources, dates, CaseInfo(raw={"year": 2017}))
    assert hinted[0].years == (2017,)
    assert [c.text for c in hinted[0].claims] == ["Dec. 8", "fredag"]
    assert "consistent in 2017" in hinted[0].summary


def test_weekday_checks_group_equal_values_instead_of_pairing_every_source() -> None:
    """Sixty sources that date the post "Dec. 8" or "Friday" (and five "Saturday") make
    two checks, one per pair of values, each citing every source: never 30 × 35 pairs."""
    sources = []
    for n in range(65):
        wording = ("The video was posted on Dec. 8 by his mother." if n % 2 == 0 or n >= 60
                   else "The video was posted on Friday by his mother.")
        if n >= 60:
            wording = "The video was posted on Saturday by his mother."
        sources.append(make_source(wording, source_id=f"{n:03d}-s"))
    dates = tuple(d for s in sources for d in extract_dates(s))
    assert len(dates) == 65 and {d.event for d in dates} == {"publish"}
    case = CaseInfo(raw={"year": 2017})
    checks = date_checks(sources, dates, case)
    assert len(checks) == 2
    agree, clash = sorted(checks, key=lambda c: not c.consistent)
    assert agree.consistent and agree.years == (2017,) and len(agree.claims) == 30 + 30
    assert not clash.consistent and len(clash.claims) == 30 + 5
    assert "and 25 more" in agree.summary and "“Friday”" in agree.summary
    found = [d for d in compare(sources, [], [], dates, (), case) if d.kind == "date"]
    assert len(found) == 1 and {c.text for c in found[0].claims} == {"Dec. 8", "Saturday"}
    # inference groups the same way: every Dec. 8 and Friday is placed, no Saturday is
    placed = {d.source: d.resolved for d in infer_dates(sources, dates, case) if d.inferred_from}
    assert len(placed) == 60 and set(placed.values()) == {"2017-12-08"}

"""Date inference: story years and dates placed by a weekday check."""

from __future__ import annotations

from claimkit import seeds
from comparekit import claims_of

from generator.compare.checks import date_checks
from generator.compare.merge import compare
from generator.model.source import CaseInfo
from generator.resolve.dates import infer_dates, story_years


def test_weekday_check_infers_the_dates_it_fits() -> None:
    """ "Dec. 8" (001) and "fredag" (002), both dating the post, fit only 2017: both become
    2017-12-08, marked inferred; relative dates in sources without a publication date stay unresolved."""
    corpus, _, persons = seeds()
    _, _, dates = claims_of(corpus, persons)
    inferred = infer_dates(corpus.sources, dates, corpus.case)
    placed = {d.text: d for d in inferred if d.inferred_from}
    assert set(placed) == {"Dec. 8", "fredag"}
    assert {d.resolved for d in placed.values()} == {"2017-12-08"}
    assert "2017" in placed["fredag"].inferred_from
    assert all(d.resolved is None for d in inferred if d.kind == "relative")
    # the check itself still shows, and the inferred dates make no date discrepancy
    assert date_checks(corpus.sources, inferred, corpus.case)[0].consistent
    found = compare(corpus.sources, [], [], inferred, persons, corpus.case)
    assert not [d for d in found if d.kind == "date"]
    # without a year hint many years fit: nothing is inferred
    assert not [d for d in infer_dates(corpus.sources, dates, CaseInfo(title="t")) if d.inferred_from]


def test_story_period_hints() -> None:
    assert story_years([], CaseInfo(raw={"period": "2017-2018"}))[0] == (2017, 2018)
    assert story_years([], CaseInfo(raw={"year": [2016, 2017]}))[0] == (2016, 2017)
    assert story_years([], None)[1] == "no hint"

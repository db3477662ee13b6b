"""Curation of findings: statuses and notes from case.yml."""

from __future__ import annotations

from comparekit import seed_discrepancies

from generator.model.source import CaseInfo
from generator.resolve.curation import curation_problems


def test_curated_status_and_note_and_unknown_ids_warn() -> None:
    _, found, _ = seed_discrepancies()
    views = next(d for d in found if d.key == "views")
    case = CaseInfo(raw={"discrepancies": {views.id: {"status": "explained", "note": "counted on different days"},
                                           "figure-0000000000": {"status": "resolved"}}},
                    lines={"discrepancies": 4})
    _, curated, _ = seed_discrepancies(case)
    views = next(d for d in curated if d.key == "views")
    assert (views.status, views.note) == ("explained", "counted on different days")
    assert all(d.status == "open" for d in curated if d.key != "views")
    problems = curation_problems(curated, case)
    assert [str(p) for p in problems] == [
        "seeds/case.yml:4: warning: discrepancy 'figure-0000000000' is not found in this build — "
        "check the id on discrepancies/figure.md (every id is also in data/case.json), or remove the entry"]

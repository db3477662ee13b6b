"""Hand-made ``case.json`` documents holding every kind of record of the data contract.

Entities, quotes, figures, dates and discrepancies are produced by stages still being
built; these documents stand in for their output so that diff, exports and the dossier
are tested against the contract (``generator/casedata.py``), not today's empty arrays.
"""

from __future__ import annotations

import copy
from typing import Any

TEXT_A = ("Keaton Jones, 11, was bullied at school in Knoxville.\n\n"
          "His mother Kimberly Jones filmed him. The video had 20 million views on Facebook.\n\n"
          "''Why do they bully?'' Keaton asked on Friday.")
TEXT_B = ("Keaton Jones (11) ble mobbet.\n\n"
          "Videoen er sett 17 millioner ganger, ifølge Facebook.")


def _span(source: str, text: str, part: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    paragraph = text.count("\n\n", 0, start) + 1
    return {"source": source, "anchor": f"p{paragraph}", "start": start, "end": start + len(part), "text": part}


def _source(source_id: str, title: str, language: str, text: str, **extra: Any) -> dict[str, Any]:
    anchors, start = [], 0
    for index, paragraph in enumerate(text.split("\n\n"), 1):
        anchors.append({"anchor": f"p{index}", "start": start, "end": start + len(paragraph)})
        start += len(paragraph) + 2
    record = {
        "id": source_id, "title": title, "title_derived": False, "language": language,
        "language_confidence": 1.0, "outlet": None, "published": None, "url": None, "author": None,
        "path": f"seeds/{source_id}.txt", "sidecar": None, "page": f"sources/{source_id}.md",
        "sha256": (source_id.encode().hex() * 64)[:64], "words": len(text.split()),
        "paragraphs": len(anchors), "anchors": anchors, "text": text,
    }
    record.update(extra)
    return record


def base_document() -> dict[str, Any]:
    """One English source, two entities, a quote, a figure and a date; no discrepancy."""
    a = "story-en"
    return {
        "schema_version": 1,
        "case": {"title": "The <b>bullying</b> video", "summary": "A boy's video & the answers.",
                 "repository": "https://github.com/example/case"},
        "sources": [_source(a, "Boy bullied in Knoxville", "en", TEXT_A, outlet="Daily =Example",
                            published="2017-12-11", url="https://news.example/a", author="A. Writer")],
        "entities": [
            {"id": "keaton-jones", "name": "Keaton Jones", "type": "person", "aliases": ["Keaton"],
             "mentions": [_span(a, TEXT_A, "Keaton Jones"), _span(a, TEXT_A, "Keaton", 1)]},
            {"id": "kimberly-jones", "name": "Kimberly Jones", "type": "person", "aliases": [],
             "mentions": [_span(a, TEXT_A, "Kimberly Jones")]},
            {"id": "kimberly", "name": "Kimberly", "type": "person", "aliases": [],
             "mentions": [_span(a, TEXT_A, "mother")]},
            {"id": "knoxville", "name": "Knoxville", "type": "place", "aliases": [],
             "mentions": [_span(a, TEXT_A, "Knoxville")]},
            {"id": "facebook", "name": "Facebook", "type": "platform", "aliases": [],
             "mentions": [_span(a, TEXT_A, "Facebook")]},
        ],
        "quotes": [{"id": "q1", **_span(a, TEXT_A, "''Why do they bully?''"), "language": "en",
                    "speaker": "keaton-jones", "evidence": "Keaton asked"}],
        "figures": [{"id": "f1", **_span(a, TEXT_A, "20 million views"), "value": 20000000, "low": None,
                     "high": None, "measure": "views", "qualifier": None, "subject": "facebook"}],
        "dates": [{"id": "d1", **_span(a, TEXT_A, "on Friday"), "kind": "weekday",
                   "resolved": "2017-12-08", "event": "Keaton asked"}],
        "discrepancies": [
            {"id": "age-keaton", "kind": "attribute", "summary": "Age of Keaton Jones",
             "explanation": None, "status": "open",
             "claims": [{**_span(a, TEXT_A, "11"), "value": 11}]},
        ],
    }


def head_document() -> dict[str, Any]:
    """``base_document`` after a Norwegian seed was added and the curator merged an entity.

    Added: source ``story-nb``, entity ``videoen`` (work), discrepancy ``views-video``
    (figure). Merged: ``kimberly`` into ``kimberly-jones``. Resolved: ``age-keaton``.
    Changed: figure ``f1`` (value), source ``story-en`` (title).
    """
    document = copy.deepcopy(base_document())
    a, b = "story-en", "story-nb"
    document["sources"][0]["title"] = "Boy bullied in Knoxville, Tennessee"
    document["sources"].append(_source(b, "Mobbet gutt", "nb", TEXT_B, outlet="Dagbladet"))
    entities = {e["id"]: e for e in document["entities"]}
    merged = entities.pop("kimberly")
    entities["kimberly-jones"]["mentions"] += merged["mentions"]
    entities["kimberly-jones"]["aliases"] = ["Kimberly"]
    entities["keaton-jones"]["mentions"].append(_span(b, TEXT_B, "Keaton Jones"))
    entities["facebook"]["mentions"].append(_span(b, TEXT_B, "Facebook"))
    entities["videoen"] = {"id": "videoen", "name": "Videoen", "type": "work", "aliases": [],
                           "mentions": [_span(b, TEXT_B, "Videoen")]}
    document["entities"] = sorted(entities.values(), key=lambda e: e["id"])
    document["figures"][0]["value"] = 20000001
    document["figures"].append({"id": "f2", **_span(b, TEXT_B, "17 millioner ganger"), "value": 17000000,
                                "low": None, "high": None, "measure": "views", "qualifier": None,
                                "subject": "facebook"})
    document["discrepancies"] = [
        {"id": "views-video", "kind": "figure", "summary": "Views of the video on Facebook",
         "explanation": "different-time", "status": "explained",
         "claims": [{**_span(a, TEXT_A, "20 million views"), "value": 20000000},
                    {**_span(b, TEXT_B, "17 millioner ganger"), "value": 17000000}]},
    ]
    return document

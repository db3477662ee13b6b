"""Compare stage: claims about the same thing from different sources, as typed findings.

One module per finding kind — :mod:`figures <generator.compare.figures>`, :mod:`ages
<generator.compare.ages>`, :mod:`quotes <generator.compare.quotes>`, :mod:`paraphrase
<generator.compare.paraphrase>`, :mod:`dates <generator.compare.dates>` (with the weekday
checks of :mod:`checks <generator.compare.checks>`), :mod:`actors <generator.compare.actors>`
and :mod:`coverage <generator.compare.coverage>` — plus the translation links between quotes
(:mod:`translations <generator.compare.translations>`), how the comparison reads words
(:mod:`wording <generator.compare.wording>`) and what every kind builds its findings with
(:mod:`common <generator.compare.common>`). :func:`~generator.compare.merge.compare` runs the
kinds and merges and ranks what they find.

Claims are grouped by key, never compared all against all: figures by measure and subject,
ages by person, quotes and narrative by the words they share (an inverted index), dates by
the event they date, actions by actor and by platform, coverage by entity, measure and term.
Each finding carries every source's claim with its exact text, an explanation, a severity,
the names of the rules that decided them (:attr:`~generator.model.finding.Discrepancy.rules`,
not written to ``case.json``), and the status and note a curator gave it in ``case.yml``::

    discrepancies:
      figure-3f2a9c01de: {status: explained, note: "view counts grow; the sources were written days apart"}
    translations:
      - [002-…-p4-q1, 001-…-p2-q3]          # a quote and its rendering in another language
    year: 2017                              # or period: 2017-12, narrows weekday and date checks

Ids are a stable hash of the kind and the key, so curation survives re-runs and edits.
"""

from generator.compare.merge import compare

__all__ = ["compare"]

"""Compare stage: claims about the same thing from different sources, as typed discrepancies.

Claims are grouped by key, never compared all against all: figures by measure and subject,
ages by person, quotes and narrative by the words they share (an inverted index), dates
by the event they date, actions by actor and by platform, coverage by entity, measure and
term. Each discrepancy carries every source's claim with its exact text, an explanation
class, a severity, and the status and note a curator gave it in ``case.yml``::

    discrepancies:
      figure-3f2a9c01de: {status: explained, note: "view counts grow; the sources were written days apart"}
    translations:
      - [002-…-p4-q1, 001-…-p2-q3]          # a quote and its rendering in another language
    year: 2017                              # or period: 2017-12, narrows weekday and date checks

Ids are a stable hash of the kind and the key, so curation survives re-runs and edits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.compare.actors import actions, actor_findings
from generator.compare.ages import age_findings
from generator.compare.checks import date_checks
from generator.compare.coverage import coverage_findings
from generator.compare.dates import date_findings
from generator.compare.figures import figure_findings
from generator.compare.paraphrase import paraphrase_findings
from generator.compare.quotes import quote_findings
from generator.compare.translations import translation_links
from generator.model.claims import DateMention, Figure, Quote
from generator.model.finding import KINDS, DateCheck, Discrepancy, TranslationLink
from generator.model.refs import EntityRef, PersonRef, from_persons
from generator.model.source import CaseInfo, Source
from generator.resolve.curation import apply_curation
from generator.util.parallel import Forked


def compare(sources: Sequence[Source], quotes: Sequence[Quote], figures: Sequence[Figure],
            dates: Sequence[DateMention], persons: Sequence[PersonRef] = (),
            case: CaseInfo | None = None, entities: Sequence[EntityRef] | None = None,
            jobs: int = 1, checks: Sequence[DateCheck] | None = None,
            translations: Sequence[TranslationLink] | None = None) -> tuple[Discrepancy, ...]:
    """All discrepancies between the sources, sorted by kind and id, with curated statuses.

    ``entities`` are the resolved entities coverage is reported from; without them, the
    person mentions stand in (people only, plus the term pass). With ``jobs`` above one,
    paraphrase departures (the longest pass) are found in a forked process meanwhile: the
    same discrepancies either way. ``checks`` and ``translations`` are :func:`date_checks`
    and :func:`translation_links` of the same input, worked out here when not given.
    """
    by_id = {s.id: s for s in sources}
    names = {p.entity_id: p.name for p in persons}
    links: dict[str, tuple[str, ...]] = defaultdict(tuple)
    quote_by_id = {q.id: q for q in quotes}
    for link in translation_links(quotes, case) if translations is None else translations:
        for qid in link.quotes:
            others = tuple(f"{quote_by_id[o].source}|{quote_by_id[o].start}|{quote_by_id[o].end}"
                           for o in link.quotes if o != qid)
            links[qid] = links[qid] + others
    aside = Forked(paraphrase_findings, by_id, quotes, links) if jobs > 1 else None
    before: list[Discrepancy] = []
    before += figure_findings(figures, by_id)
    before += age_findings(figures, by_id, names)
    before += quote_findings(quotes, by_id)
    after: list[Discrepancy] = []
    after += date_findings(by_id, dates, date_checks(sources, dates, case) if checks is None else checks)
    after += actor_findings(by_id, actions(sources, quotes, persons), names)
    after += coverage_findings(by_id, figures, persons, from_persons(persons) if entities is None else entities)
    paraphrases = aside.result() if aside else paraphrase_findings(by_id, quotes, links)
    found = [*before, *paraphrases, *after]
    unique: dict[str, Discrepancy] = {}
    for discrepancy in found:
        unique.setdefault(discrepancy.id, discrepancy)
    return tuple(sorted((apply_curation(d, case) for d in unique.values()),
                        key=lambda d: (KINDS.index(d.kind), d.id)))

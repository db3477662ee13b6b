"""Serialisers: the records of ``case.json`` (entities, quotes, figures, dates, discrepancies …)
as JSON-serialisable dicts, sorted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from generator.model.claims import DateMention, Figure, Quote
from generator.model.entity import Resolution
from generator.model.finding import KINDS, Claim, DateCheck, Discrepancy, TranslationLink


def _span(record: Any) -> dict[str, Any]:
    return {"source": record.source, "anchor": record.anchor, "start": record.start, "end": record.end,
            "text": record.text}


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def entity_records(resolution: Resolution) -> Iterator[dict[str, Any]]:
    """The ``entities`` array of ``case.json``, one record at a time: sorted, JSON-serialisable."""
    related: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pair in resolution.co_mentions:
        related[pair.a].append({"id": pair.b, "sentences": pair.sentences, "paragraphs": pair.paragraphs})
        related[pair.b].append({"id": pair.a, "sentences": pair.sentences, "paragraphs": pair.paragraphs})
    for entity in resolution.entities:
        by_language: dict[str, list[str]] = defaultdict(list)
        for language, alias in entity.aliases:
            by_language[language].append(alias)
        yield {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "type_evidence": list(entity.type_evidence),
            "gender": entity.gender,
            "gender_evidence": list(entity.gender_evidence),
            "aliases": sorted({alias for _, alias in entity.aliases}),
            "aliases_by_language": {k: sorted(v) for k, v in sorted(by_language.items())},
            "sources": list(entity.sources),
            "mentions": [
                {"source": m.source, "anchor": m.anchor, "sentence": m.sentence, "start": m.start,
                 "end": m.end, "text": m.text, "surface": m.surface}
                for m in entity.mentions
            ],
            "co_mentions": sorted(related[entity.id], key=lambda r: (-r["sentences"], -r["paragraphs"], r["id"])),
        }


def quote_records(quotes: Iterable[Quote]) -> Iterator[dict[str, Any]]:
    """``quotes`` of case.json, sorted by source and position."""
    return ({"id": q.id, **_span(q), "language": q.language, "speaker": q.speaker, "evidence": q.evidence,
             "evidence_kind": q.evidence_kind, "style": q.style}
            for q in sorted(quotes, key=lambda q: (q.source, q.start, q.id)))


def figure_records(figures: Iterable[Figure]) -> Iterator[dict[str, Any]]:
    """``figures`` of case.json, sorted by source and position."""
    return ({"id": f.id, **_span(f), "value": _num(f.value), "low": _num(f.low), "high": _num(f.high),
             "measure": f.measure, "qualifier": f.qualifier, "subject": f.subject, "unit": f.unit,
             "counted_by": f.counted_by, "about": f.about}
            for f in sorted(figures, key=lambda f: (f.source, f.start, f.id)))


def date_records(dates: Iterable[DateMention]) -> Iterator[dict[str, Any]]:
    """``dates`` of case.json, sorted by source and position."""
    return ({"id": d.id, **_span(d), "kind": d.kind, "resolved": d.resolved, "event": d.event,
             "clock": d.clock, "offset": list(d.offset) if d.offset else None, "inferred_from": d.inferred_from}
            for d in sorted(dates, key=lambda d: (d.source, d.start, d.id)))


def _claim_record(claim: Claim) -> dict[str, Any]:
    value = _num(claim.value) if isinstance(claim.value, (int, float)) else claim.value
    return {**_span(claim), "value": value, "role": claim.role}


def discrepancy_records(discrepancies: Iterable[Discrepancy]) -> Iterator[dict[str, Any]]:
    """``discrepancies`` of case.json, sorted by kind and id."""
    return ({"id": d.id, "kind": d.kind, "key": d.key, "summary": d.summary, "explanation": d.explanation,
             "severity": d.severity, "status": d.status, "note": d.note, "detail": d.detail,
             "confidence": d.confidence, "evidence": list(d.evidence), "rules": list(d.rules),
             "claims": [_claim_record(c) for c in d.claims],
             "diff": [{"op": p.op, "left": p.left, "right": p.right} for p in d.diff]}
            for d in sorted(discrepancies, key=lambda d: (KINDS.index(d.kind), d.id)))


def date_check_records(checks: Iterable[DateCheck]) -> Iterator[dict[str, Any]]:
    """Weekday and date checks, for the timeline."""
    return ({"event": c.event, "years": list(c.years), "consistent": c.consistent, "summary": c.summary,
             "claims": [_claim_record(x) for x in c.claims]} for c in checks)


def translation_records(links: Iterable[TranslationLink]) -> Iterator[dict[str, Any]]:
    """Cross-language quote links, for side-by-side display."""
    return ({"quotes": list(link.quotes), "origin": link.origin, "evidence": link.evidence}
            for link in sorted(links, key=lambda link: link.quotes))

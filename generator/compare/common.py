"""Helpers."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from generator.model.finding import Claim, short_id
from generator.model.source import Source


def stable_id(kind: str, key: str) -> str:
    return f"{kind}-{hashlib.sha256(f'{kind}|{key}'.encode()).hexdigest()[:10]}"


def claim_at(sources: dict[str, Source], source: str, start: int, end: int, value: Any = None,
           role: str = "claim") -> Claim:
    span = sources[source].span(start, end)
    return Claim(span.source, span.anchor, span.start, span.end, span.text, value, role)


SAID_IN_FULL = 6
"""Sources a summary names one by one; with more, it groups them by what they say."""


def said_by_source(pairs: Sequence[tuple[str, str]]) -> str:
    """What each source says (``pairs`` of source id and its wording), for a finding's summary:
    ``001: “18 kg”; 002: “40 lb”`` for a few sources, and for many, grouped by wording, most
    sources first: ``“18 kg” (001, 004, 009, 011, 017 and 40 more); “40 lb” (002 …); and 12
    other wordings``, so that a finding across thousands of sources keeps a summary one can read
    (every source is still a claim of the finding)."""
    if len(pairs) <= SAID_IN_FULL:
        return "; ".join(f"{short_id(source)}: {said}" for source, said in pairs)
    by_said: dict[str, list[str]] = {}
    for source, said in pairs:
        by_said.setdefault(said, []).append(source)
    ranked = sorted(by_said.items(), key=lambda item: -len(item[1]))  # stable: first said first among equals
    parts = [f"{said} ({listed(ids)})" for said, ids in ranked[:4]]
    if len(ranked) > 4:
        parts.append(f"and {len(ranked) - 4} other wordings")
    return "; ".join(parts)


def number_text(value: float) -> str:
    for factor, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= factor and (value / factor) == round(value / factor, 2):
            return f"{value / factor:g} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def spans_by_source(records: Iterable[Any]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each record, by source, sorted: one pass instead of one per source."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for record in records:
        out[record.source].append((record.start, record.end))
    return {source: sorted(spans) for source, spans in out.items()}


def listed(ids: Iterable[str]) -> str:
    shorts = sorted({short_id(i) for i in ids})
    if len(shorts) > 6:
        return ", ".join(shorts[:5]) + f" and {len(shorts) - 5} more"
    return shorts[0] if len(shorts) == 1 else ", ".join(shorts[:-1]) + " and " + shorts[-1]

"""What every finding kind builds its findings with: stable ids, claims, summaries, rule tables.

A finding's id is a hash of its kind and its key, so that a curator's status and note in
``case.yml`` survive re-runs and edits of other sources. A claim is a source's exact passage.
A summary says what each source says, one by one for a few sources and grouped by wording for
many. Where a finding's explanation and severity depend on what is compared (figures, ages,
quotes, dates), an ordered table of named :class:`Rule` decides them: the first rule that
holds decides, and its name goes into :attr:`Discrepancy.rules`. A kind whose findings each
come of one rule (actors, coverage) names it the same way; paraphrase departures have a
table of their own, in which every rule that holds finds one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.model.finding import Claim, Explanation, Severity, short_id
from generator.model.source import Source
from generator.model.span import Span

Case = TypeVar("Case")


def always(_: object) -> bool:
    """The test of a table's last rule, which decides whatever the earlier ones left."""
    return True


@dataclass(frozen=True)
class Rule(Generic[Case]):
    """One named rule of an ordered table: when it is the first whose test holds, it decides
    the finding's explanation and severity."""

    name: str
    """What the rule is called in :attr:`Discrepancy.rules` (``far-apart``, ``birthday-between``)."""
    holds: Callable[[Case], bool]
    """Whether the rule applies to what is compared."""
    explanation: Explanation
    """The explanation it gives."""
    severity: Severity
    """The severity it gives."""
    note: str = ""
    """Why, in the words the summary gives it, where the kind words it by rule."""


def first_rule(rules: Sequence[Rule[Case]], case: Case) -> Rule[Case]:
    """The first rule of ``rules`` that holds for ``case``: the order of the table is the order of the decision."""
    for rule in rules:
        if rule.holds(case):
            return rule
    raise ValueError(f"no rule of {[r.name for r in rules]} holds — end the table with a rule that always holds")


def stable_id(kind: str, key: str) -> str:
    """``<kind>-<first ten hex digits of sha256(kind|key)>``: the same key gives the same id in every build."""
    return f"{kind}-{hashlib.sha256(f'{kind}|{key}'.encode()).hexdigest()[:10]}"


def claim_at(sources: dict[str, Source], source: str, start: int, end: int, value: str | float | None = None,
             role: str = "claim") -> Claim:
    """The claim of ``source``'s passage ``[start, end)``, with the value compared and what the passage is."""
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


def spans_by_source(records: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each record, by source, sorted: one pass instead of one per source."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for record in records:
        out[record.source].append((record.start, record.end))
    return {source: sorted(spans) for source, spans in out.items()}


def listed(ids: Iterable[str]) -> str:
    """Source ids as a summary lists them: ``001``, ``001 and 004``, ``001, 002, 003, 004, 005 and 9 more``."""
    shorts = sorted({short_id(i) for i in ids})
    if len(shorts) > 6:
        return ", ".join(shorts[:5]) + f" and {len(shorts) - 5} more"
    return shorts[0] if len(shorts) == 1 else ", ".join(shorts[:-1]) + " and " + shorts[-1]

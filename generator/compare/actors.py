"""Actors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from generator.compare.common import claim_at, said_by_source, spans_by_source, stable_id
from generator.lang import language_data, shared_data
from generator.model.claims import Quote
from generator.model.finding import Discrepancy
from generator.model.refs import PersonRef
from generator.model.source import Source
from generator.text.words import WORD_OR_NUMBER
from generator.util.spans import SpanSet


@cache
def _platform_pattern() -> re.Pattern[str]:
    """The platforms people post on (``actor_platforms``), as written, each a whole word."""
    names = [str(name) for name in shared_data().get("actor_platforms")]
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)")


@cache
def _event_words(language: str) -> dict[str, str]:
    out = {}
    for key, words in (language_data(language).get("date_event_words") or {}).items():
        for word in words:
            if " " not in str(word):
                out[str(word).lower()] = str(key)
    return out


def actions(sources: Sequence[Source], quotes: Sequence[Quote],
             persons: Sequence[PersonRef]) -> list[tuple[str, str, str | None, str, int, int, int, int]]:
    """(source, event, platform, actor, sentence start, end, actor start, end) of each sentence naming one."""
    platform_re = _platform_pattern()
    refs_by_source: dict[str, list[PersonRef]] = defaultdict(list)
    for ref in persons:
        refs_by_source[ref.source].append(ref)
    out = []
    quoted_by_source = spans_by_source(quotes)
    for source in sources:
        events = _event_words(source.language)
        quoted = SpanSet(quoted_by_source.get(source.id, []))
        refs = sorted(refs_by_source[source.id])
        ref_starts = [r.start for r in refs]
        for paragraph in source.paragraphs:
            for sentence in paragraph.sentences:
                in_sentence = refs[bisect_left(ref_starts, sentence.start):bisect_left(ref_starts, sentence.end)]
                for m in WORD_OR_NUMBER.finditer(source.text, sentence.start, sentence.end):
                    event = events.get(m.group(0).lower())
                    if event is None or quoted.contains(m.start()):
                        continue
                    actors = [r for r in in_sentence if r.end <= m.start() and not quoted.contains(r.start)]
                    if not actors:
                        continue
                    actor = actors[-1]
                    platform = platform_re.search(source.text, sentence.start, sentence.end)
                    out.append((source.id, event, platform.group(1) if platform else None, actor.entity_id,
                                sentence.start, sentence.end, actor.start, actor.end))
                    break
    return out


def actor_findings(sources: dict[str, Source], actions: list[tuple[str, str, str | None, str, int, int, int, int]],
                         names: dict[str, str]) -> list[Discrepancy]:
    found = []
    # the same action on the same platform, done by different people according to different sources
    by_platform: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    where: dict[tuple[str, str, str], tuple[int, int]] = {}
    for source, event, platform, actor, s_start, s_end, _, _ in actions:
        if platform:
            by_platform[(event, platform)][source].add(actor)
            where.setdefault((source, event, platform), (s_start, s_end))
    for (event, platform), per_source in sorted(by_platform.items()):
        if len(per_source) < 2 or any(len(a) > 1 for a in per_source.values()):
            continue
        actors = {next(iter(a)) for a in per_source.values()}
        if len(actors) < 2:
            continue
        key = f"{event}|{platform}"
        said = said_by_source([(s, names.get(next(iter(a)), next(iter(a)))) for s, a in sorted(per_source.items())])
        found.append(Discrepancy(
            id=stable_id("actor", key), kind="actor", key=key,
            summary=f"The sources disagree on who did it ({event} on {platform}): {said}.",
            explanation="conflict", severity="high",
            claims=tuple(claim_at(sources, s, *where[(s, event, platform)], names.get(next(iter(a))), "narrative")
                         for s, a in sorted(per_source.items())), detail="who"))
    # the same person's action, on different platforms according to different sources
    by_actor: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple[str, str, str], tuple[int, int]] = {}
    for source, event, platform, actor, s_start, s_end, _, _ in actions:
        if platform:
            by_actor[(actor, event)][source].add(platform)
            spans.setdefault((source, actor, event), (s_start, s_end))
    for (actor, event), per_source in sorted(by_actor.items()):
        if len(per_source) < 2:
            continue
        sets = list(per_source.values())
        if not any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:]):
            continue  # every two sources share a platform: no contradiction
        key = f"{actor}|{event}|platform"
        said = said_by_source([(s, ", ".join(sorted(p))) for s, p in sorted(per_source.items())])
        found.append(Discrepancy(
            id=stable_id("actor", key), kind="actor", key=key,
            summary=f"The sources name different platforms for {names.get(actor, actor)} ({event}): {said}.",
            explanation="different-scope", severity="medium",
            claims=tuple(claim_at(sources, s, *spans[(s, actor, event)], ", ".join(sorted(p)), "narrative")
                         for s, p in sorted(per_source.items())), detail="platform"))
    return found

"""Actor findings: who did what, and on which platform, according to different sources.

An action is a sentence, outside quotes, in which an event word of the language ("posted",
"publiserte": its ``date_event_words``) follows a person the sentence names outside quotes:
the nearest such person is the actor, and the platform the sentence names
(``actor_platforms``: "on Instagram") is where, if it names one. A sentence gives at most
one action, its first. Actions naming a platform are grouped twice, never compared all
against all, and each grouping has its rule:

``different-actors``
    by event and platform: every source names one person for it, and not all the same:
    ``conflict``, ``high`` — who did it is what the story reports, and the sources cannot all
    be right.
    A source naming several people for one action is not read as disagreeing; its group
    is left out.
``different-platforms``
    by person and event: two sources name platforms with none in common: ``different-scope``,
    ``medium`` — the person may have done it on several platforms, each source telling one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from generator.compare.common import Rule, always, claim_at, said_by_source, spans_by_source, stable_id
from generator.lang import language_data, shared_data
from generator.model.claims import Quote
from generator.model.finding import Discrepancy
from generator.model.refs import PersonRef
from generator.model.source import Source
from generator.text.words import WORD_OR_NUMBER
from generator.util.spans import SpanSet


@dataclass(frozen=True)
class Action:
    """A sentence telling that a person did something, and where."""

    source: str
    """Id of the source."""
    event: str
    """Language-independent key of what was done (``publish``)."""
    platform: str | None
    """The platform the sentence names, as written, if any."""
    actor: str
    """Entity id of the person who did it."""
    start: int
    """Where the sentence starts."""
    end: int
    """Where it ends."""


@cache
def _platform_pattern() -> re.Pattern[str]:
    """The platforms people post on (``actor_platforms``), as written, each a whole word."""
    names = [str(name) for name in shared_data().get("actor_platforms")]
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)")


@cache
def _event_words(language: str) -> dict[str, str]:
    """The language's single event words, lower case, to their event key."""
    out = {}
    for key, words in (language_data(language).get("date_event_words") or {}).items():
        for word in words:
            if " " not in str(word):
                out[str(word).lower()] = str(key)
    return out


def actions(sources: Sequence[Source], quotes: Sequence[Quote], persons: Sequence[PersonRef]) -> list[Action]:
    """The action of each sentence that tells one."""
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
        for paragraph in source.article:
            for sentence in paragraph.sentences:
                in_sentence = refs[bisect_left(ref_starts, sentence.start):bisect_left(ref_starts, sentence.end)]
                for m in WORD_OR_NUMBER.finditer(source.text, sentence.start, sentence.end):
                    event = events.get(m.group(0).lower())
                    if event is None or quoted.contains(m.start()):
                        continue
                    actors = [r for r in in_sentence if r.end <= m.start() and not quoted.contains(r.start)]
                    if not actors:
                        continue
                    platform = platform_re.search(source.text, sentence.start, sentence.end)
                    out.append(Action(source.id, event, platform.group(1) if platform else None, actors[-1].entity_id,
                                      sentence.start, sentence.end))
                    break
    return out


_WHO: Rule[object] = Rule("different-actors", always, "conflict", "high")
"""Different people did the same thing on the same platform."""

_WHERE: Rule[object] = Rule("different-platforms", always, "different-scope", "medium")
"""One person did it on platforms the sources do not share."""


def actor_findings(sources: dict[str, Source], actions: list[Action], names: dict[str, str]) -> list[Discrepancy]:
    """Actions whose actor, or whose platforms, the sources tell differently (``names``: display names by entity id)."""
    return [*_who_findings(sources, actions, names), *_platform_findings(sources, actions, names)]


def _who_findings(sources: dict[str, Source], actions: list[Action], names: dict[str, str]) -> list[Discrepancy]:
    """The same action on the same platform, done by different people according to different sources."""
    found = []
    by_platform: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    where: dict[tuple[str, str, str], tuple[int, int]] = {}
    for action in actions:
        if action.platform:
            by_platform[(action.event, action.platform)][action.source].add(action.actor)
            where.setdefault((action.source, action.event, action.platform), (action.start, action.end))
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
            explanation=_WHO.explanation, severity=_WHO.severity,
            claims=tuple(claim_at(sources, s, *where[(s, event, platform)], names.get(next(iter(a))), "narrative")
                         for s, a in sorted(per_source.items())), detail="who", rules=(_WHO.name,)))
    return found


def _platform_findings(sources: dict[str, Source], actions: list[Action], names: dict[str, str]) -> list[Discrepancy]:
    """The same person's action, on different platforms according to different sources."""
    found = []
    by_actor: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple[str, str, str], tuple[int, int]] = {}
    for action in actions:
        if action.platform:
            by_actor[(action.actor, action.event)][action.source].add(action.platform)
            spans.setdefault((action.source, action.actor, action.event), (action.start, action.end))
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
            explanation=_WHERE.explanation, severity=_WHERE.severity,
            claims=tuple(claim_at(sources, s, *spans[(s, actor, event)], ", ".join(sorted(p)), "narrative")
                         for s, p in sorted(per_source.items())), detail="platform", rules=(_WHERE.name,)))
    return found

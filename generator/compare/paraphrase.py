"""Paraphrase."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.compare.common import claim_at, listed, spans_by_source, stable_id
from generator.compare.wording import Token, hedge_in, split_clauses, tokenise
from generator.model.claims import Quote
from generator.model.finding import Discrepancy
from generator.model.source import Source
from generator.util.spans import SpanSet


@dataclass(frozen=True)
class _Departure:
    """One departure between a narrative sentence and a quote, in offsets relative to each."""

    detail: str
    key_words: str
    summary: str
    """With ``\x00N`` and ``\x00Q`` standing for the narrative's and the quote's sources."""
    n_span: tuple[int, int]
    q_span: tuple[int, int]
    explanation: str = "conflict"
    severity: str = "medium"


def paraphrase_findings(sources: dict[str, Source], quotes: Sequence[Quote],
                           links: dict[str, tuple[str, ...]]) -> list[Discrepancy]:
    """Narrative sentences of one source set against direct quotes in another.

    Work is done once per distinct sentence text and distinct quote text (syndicated
    copies repeat both), and departures with the same key are one discrepancy whose
    claims are every source telling it and every source quoting it.
    """
    renderings: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.text, quote.language)].append(quote)
    quote_index: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    quote_tokens: dict[tuple[str, str], list[Token]] = {}
    quote_clauses: dict[tuple[str, str], list[list[Token]]] = {}
    quote_lemmas: dict[tuple[str, str], set[str]] = {}
    for key in renderings:
        text, language = key
        tokens = tokenise(text, 0, len(text), language)
        quote_tokens[key] = tokens
        quote_clauses[key] = split_clauses(text, tokens, language)
        quote_lemmas[key] = {t.lemma for t in tokens if t.content}
        for lemma in quote_lemmas[key]:
            quote_index[(language, lemma)].add(key)
    # Each quote text's renderings by speaker (a departure's wording and its discrepancy
    # depend on who speaks), each speaker's by source, with the quoting sources sorted.
    classes: dict[tuple[str, str], list[_Rendered]] = {}
    for key, group in renderings.items():
        by_speaker: dict[tuple[str | None, str], dict[str, list[Quote]]] = {}
        for quote in group:
            by_speaker.setdefault((quote.speaker, quote.speaker_name or "the speaker"), {}) \
                .setdefault(quote.source, []).append(quote)
        classes[key] = [_Rendered(speaker, who, by_source, sorted(by_source))
                        for (speaker, who), by_source in by_speaker.items()]
    sentences: dict[tuple[str, str], tuple[list[Token], list[tuple[str, str]]]] = {}
    departures: dict[tuple[str, str, tuple[str, str], str], list[_Departure]] = {}
    # which quoting sources' renderings are in the groups already, per departure list and speaker:
    # all but one source's (its id) or all (None). Wire copy repeats a sentence in M sources and
    # a quote in N: the groups get N + M claims, and the work is no longer M × N.
    quotes_left: dict[tuple[tuple[str, str, tuple[str, str], str], str | None], str | None] = {}
    groups: dict[str, dict[str, Any]] = {}
    quoted = spans_by_source(quotes)
    for source in sources.values():
        language = source.language
        spans = SpanSet(quoted.get(source.id, []))
        for paragraph in source.paragraphs:
            for sentence in paragraph.sentences:
                if spans.overlaps(sentence.start, sentence.end):
                    continue
                s_text = source.text[sentence.start:sentence.end]
                known = sentences.get((s_text, language))
                if known is None:
                    known = sentences[(s_text, language)] = _sentence_candidates(
                        s_text, language, quote_index, quote_lemmas)
                tokens, candidates = known
                n_clauses: list[list[Token]] | None = None
                for q_key in candidates:
                    for rendered in classes[q_key]:
                        other = rendered.first_other(source.id)
                        if other is None:  # only this source quotes these words
                            continue
                        cache_key = (s_text, language, q_key, rendered.who)
                        found = departures.get(cache_key)
                        if found is None:
                            if n_clauses is None:
                                n_clauses = split_clauses(s_text, tokens, language)
                            found = departures[cache_key] = _departures(
                                s_text, language, tokens, n_clauses, q_key[0], q_key[1], quote_tokens[q_key],
                                quote_clauses[q_key], rendered.who)
                        if not found:
                            continue
                        for departure in found:
                            _add_narrative(groups, departure, rendered.speaker, source.id, other, sentence.start)
                        memo = (cache_key, rendered.speaker)
                        if memo not in quotes_left:
                            quoting = [q for qs in rendered.sources if qs != source.id for q in rendered.by_source[qs]]
                            quotes_left[memo] = source.id if source.id in rendered.by_source else None
                        elif quotes_left[memo] not in (None, source.id):
                            quoting = list(rendered.by_source[quotes_left[memo] or ""])
                            quotes_left[memo] = None
                        else:
                            continue
                        for quote in quoting:
                            for departure in found:
                                _add_quote(groups, departure, quote, links)
    return [_departure_discrepancy(group, sources) for _, group in sorted(groups.items())]


@dataclass(frozen=True)
class _Rendered:
    """One speaker's renderings of one quote text, by source (``sources`` sorted)."""

    speaker: str | None
    who: str
    by_source: dict[str, list[Quote]]
    sources: list[str]

    def first_other(self, source: str) -> str | None:
        """The first quoting source (by id) other than ``source``, or ``None``."""
        if self.sources[0] != source:
            return self.sources[0]
        return self.sources[1] if len(self.sources) > 1 else None


def _sentence_candidates(s_text: str, language: str, quote_index: dict[tuple[str, str], set[tuple[str, str]]],
                         quote_lemmas: dict[tuple[str, str], set[str]]
                         ) -> tuple[list[Token], list[tuple[str, str]]]:
    """A sentence's tokens and the distinct quotes sharing enough content words with it.

    The tokens are kept only for a sentence with candidates: the caller caches the result
    per sentence text, and most sentences have none (a long source has hundreds of
    thousands of them)."""
    tokens = tokenise(s_text, 0, len(s_text), language)
    lemmas = {t.lemma for t in tokens if t.content}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for lemma in lemmas:
        for q_key in quote_index.get((language, lemma), ()):
            counts[q_key] += 1
    candidates = []
    for q_key, shared in sorted(counts.items()):
        if shared < 2:
            continue
        if shared < 3 and shared / max(1, min(len(lemmas), len(quote_lemmas[q_key]))) < 0.25:
            continue
        candidates.append(q_key)
    return (tokens if candidates else []), candidates


def _group_key(departure: _Departure, speaker: str | None) -> str:
    return f"{departure.detail}|{speaker or 'unknown'}|{departure.key_words}"


def _add_narrative(groups: dict[str, dict[str, Any]], departure: _Departure, speaker: str | None,
                   source: str, quote_source: str, base: int) -> None:
    """A narrative sentence's departure from a quote, whose first other quoting source is
    ``quote_source``; the group's wording comes from its first (narrative, quote) source pair."""
    key = _group_key(departure, speaker)
    group = groups.get(key)
    if group is None:
        group = groups[key] = {"key": key, "first": (source, quote_source, departure), "narrative": set(),
                               "quote": set(), "translation": set()}
    elif (source, quote_source) < group["first"][:2]:
        group["first"] = (source, quote_source, departure)
    group["narrative"].add((source, base + departure.n_span[0], base + departure.n_span[1]))


def _add_quote(groups: dict[str, dict[str, Any]], departure: _Departure, quote: Quote,
               links: dict[str, tuple[str, ...]]) -> None:
    """A rendering of the quote a narrative departs from (its group exists: the narrative came first)."""
    group = groups[_group_key(departure, quote.speaker)]
    group["quote"].add((quote.source, quote.start + departure.q_span[0], quote.start + departure.q_span[1]))
    for other in links.get(quote.id, ()):
        source_id, start, end = other.split("|")
        group["translation"].add((source_id, int(start), int(end)))


def _departure_discrepancy(group: dict[str, Any], sources: dict[str, Source]) -> Discrepancy:
    _, _, departure = group["first"]
    narrators = {s for s, _, _ in group["narrative"]}
    quoting = {s for s, _, _ in group["quote"]}
    summary = departure.summary.replace("\x00N", listed(narrators)).replace("\x00Q", listed(quoting))
    if len(narrators) > 1:
        summary = summary.replace(" tells it as ", " tell it as ", 1).replace("'s account ", "' accounts ", 1)
        summary = summary.replace(" reports “", " report “", 1)
    claims = [claim_at(sources, s, start, end, None, role)
              for role in ("narrative", "quote", "translation") for s, start, end in sorted(group[role])]
    return Discrepancy(id=stable_id("paraphrase", group["key"]), kind="paraphrase", key=group["key"],
                       summary=summary, explanation=departure.explanation, severity=departure.severity,
                       claims=tuple(claims), detail=departure.detail)


def _extend_left(clause: list[Token], index: int, limit: int = 2) -> int:
    k = index
    while k > 0 and index - k < limit and not clause[k - 1].content:
        k -= 1
    return k


def _slot(clause: list[Token], only: list[int], shared: set[str]) -> tuple[str | None, str | None] | None:
    """The shared words around a contiguous run of unshared content words, or ``None`` if not contiguous."""
    content = [k for k, t in enumerate(clause) if t.content]
    if not only:
        return None
    positions = [content.index(k) for k in only]
    if positions != list(range(positions[0], positions[0] + len(positions))):
        return None
    before = [clause[k].lemma for k in content[:positions[0]] if clause[k].lemma in shared]
    after = [clause[k].lemma for k in content[positions[-1] + 1:] if clause[k].lemma in shared]
    return (before[-1] if before else None, after[0] if after else None)


def _same_slot(a: tuple[str | None, str | None] | None, b: tuple[str | None, str | None] | None) -> bool:
    """Two runs stand in the same place: between the same shared words, or both ending or opening their clause."""
    if a is None or b is None:
        return False
    return a == b or (a[1] is None and b[1] is None) or (a[0] is None and b[0] is None)


def _departures(text: str, language: str, tokens: list[Token], n_clauses: list[list[Token]],
                q_text: str, q_language: str, q_tokens: list[Token], q_clauses: list[list[Token]],
                who: str) -> list[_Departure]:
    """How a narrative sentence (``text``) departs from a quote (``q_text``); spans relative to each."""
    s_start, s_end = 0, len(text)
    found = []
    matched_q: set[int] = set()
    n_lemmas_all = {t.lemma for t in tokens if t.content}

    def make(detail: str, key_words: str, summary: str, n_span: tuple[int, int], q_span: tuple[int, int],
             explanation: str = "conflict", severity: str = "medium") -> _Departure:
        return _Departure(detail, key_words, summary, n_span, q_span, explanation, severity)

    for n_clause in n_clauses:
        n_set = {t.lemma for t in n_clause if t.content}
        best, best_shared = None, 0
        for k, q_clause in enumerate(q_clauses):
            shared = len(n_set & {t.lemma for t in q_clause if t.content})
            if shared > best_shared:
                best, best_shared = k, shared
        if best is None:
            continue
        matched_q.add(best)
        q_clause = q_clauses[best]
        q_set = {t.lemma for t in q_clause if t.content}
        shared_set = n_set & q_set
        n_only = [k for k, t in enumerate(n_clause) if t.content and t.lemma not in q_set]
        q_only = [k for k, t in enumerate(q_clause) if t.content and t.lemma not in n_set]
        n_span_clause = (n_clause[0].start, n_clause[-1].end)
        q_span_clause = (q_clause[0].start, q_clause[-1].end)
        n_hedge = hedge_in(text[n_span_clause[0]:n_span_clause[1]], language)
        q_hedge = hedge_in(q_text[q_span_clause[0]:q_span_clause[1]], q_language)
        # One shared word is a retelling only in a short clause ("things can get better" for
        # "it'll probably get better"); in a long one it is chance ("the storm" in any report).
        if q_hedge and not n_hedge and (best_shared >= 2 or 2 * best_shared >= len(n_set)):
            # keyed by the hedge and the quote clause it is in: narratives dropping it from
            # different quotes are different findings
            found.append(make("hedge dropped", f"{q_hedge}: " + " ".join(sorted(q_set)),
                              f"\x00N reports “{text[n_span_clause[0]:n_span_clause[1]]}” without the "
                              f"hedge “{q_hedge}” that {who} uses in the quote in \x00Q.",
                              n_span_clause, q_span_clause))
        if len(shared_set) < 2:
            continue
        n_slot = _slot(n_clause, n_only, shared_set)
        q_slot = _slot(q_clause, q_only, shared_set)
        if 1 <= len(n_only) <= 2 and 1 <= len(q_only) <= 2 and _same_slot(n_slot, q_slot):
            n_lo = _extend_left(n_clause, n_only[0])
            q_lo = _extend_left(q_clause, q_only[0])
            n_span = (n_clause[n_lo].start, n_clause[n_only[-1]].end)
            q_span = (q_clause[q_lo].start, q_clause[q_only[-1]].end)
            found.append(make("substitution", " ".join(sorted(n_clause[k].lemma for k in n_only)) + "/"
                              + " ".join(sorted(q_clause[k].lemma for k in q_only)),
                              f"\x00N tells it as “{text[n_span[0]:n_span[1]]}” where {who} says "
                              f"“{q_text[q_span[0]:q_span[1]]}” in the quote in \x00Q.",
                              n_span, q_span))
        elif len(n_only) == 1 and not q_only and n_slot is not None:
            n_lo = _extend_left(n_clause, n_only[0])
            n_span = (n_clause[n_lo].start, n_clause[n_only[-1]].end)
            last_shared = max(k for k, t in enumerate(q_clause) if t.lemma in shared_set)
            tail = q_clause[last_shared + 1:] or q_clause
            q_span = (tail[0].start, tail[-1].end)
            found.append(make("addition", " ".join(sorted(n_clause[k].lemma for k in n_only)),
                              f"\x00N tells it as “{text[n_span[0]:n_span[1]]}” where {who} says "
                              f"“{q_text[q_span[0]:q_span[1]]}” in the quote in \x00Q.",
                              n_span, q_span))
    # a short quote whose other parts the narrative retells, but one part it leaves out
    if len(q_clauses) <= 4 and len(matched_q) >= 2 and len(matched_q) >= len(q_clauses) - 1:
        for k, q_clause in enumerate(q_clauses):
            q_set = {t.lemma for t in q_clause if t.content}
            if k in matched_q or not q_set or q_set & n_lemmas_all:
                continue
            q_span = (q_clause[0].start, q_clause[-1].end)
            found.append(make("omission", " ".join(sorted(q_set)),
                              f"\x00N's account (“{text[s_start:s_end].strip()[:80]}…”) leaves out "
                              f"“{q_text[q_span[0]:q_span[1]]}”, which {who} says in the quote in "
                              f"\x00Q.", (s_start, s_end), q_span, severity="low"))
    return found

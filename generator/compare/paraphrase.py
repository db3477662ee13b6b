"""Paraphrase findings: a source's narrative set against the quote another source gives of the same words.

A narrative sentence (one that no quote of its source overlaps) is compared with the direct
quotes of other sources by the content words they share, as lemmas of one language, through
an inverted index from lemma to distinct quote text: never every sentence against every
quote. A quote is a candidate when it shares two content words with the sentence and, unless
it shares three, a quarter of the smaller one's. Each distinct sentence text and quote text
is worked once, however many sources repeat it (wire copy repeats both).

Sentence and quote are cut into clauses (at punctuation and coordinating conjunctions), and
each narrative clause is set against the quote clause that shares most content words with
it. Every rule of :data:`_CLAUSE_RULES` that holds for the pair, in this order, finds a
departure:

``hedge-dropped``
    the quote clause hedges ("probably", "I think": the language's ``claim_hedges``) and the
    narrative clause does not, sharing two content words with it or, in a short clause, half
    of its own ("things can get better" for "it'll probably get better"; one shared word in a
    long clause is chance): ``conflict``, ``medium`` — the narrative states as fact what the
    speaker only supposed.
``substitution``
    the clauses share two content words or more, and one or two content words of each, side
    by side, stand in the same place: between the same shared words, or both ending or both
    opening their clause ("shirt" against "clothes"): ``conflict``, ``medium``.
``addition``
    the clauses share two content words or more, the narrative clause has one content word
    the quote clause has not, and the quote clause none the narrative has not ("at his
    head" where the speaker says "at me"): ``conflict``, ``medium``.

Then every rule of :data:`_QUOTE_RULES` finds departures from the quote as a whole:

``omission``
    a short quote (four clauses at most) whose clauses the narrative's retell, two at least
    and all but one, leaves out a clause that shares no content word with the sentence:
    ``conflict``, ``low`` — leaving a part out changes less than telling it otherwise.

The narrative tells what the speaker said, and the quote shows the speaker saying otherwise:
both cannot render the same words, so the explanation is ``conflict``. Departures with the
same key (kind, speaker and the words that differ) are one finding whose claims are every
source telling it, every source quoting it and the renderings linked to the quote in other
languages; the summary is worded from the first pair of telling and quoting sources. A
source's own quotes are never set against its own narrative.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Generic, TypeVar

from generator.compare.common import claim_at, listed, spans_by_source, stable_id
from generator.compare.wording import Token, hedge_in, split_clauses, tokenise
from generator.lang import language_data
from generator.model.claims import Quote
from generator.model.finding import Discrepancy, Explanation, Severity
from generator.model.refs import PersonRef
from generator.model.source import Sentence, Source
from generator.text.words import WORD
from generator.util.spans import SpanSet

Where = tuple[int, int]
"""Start and end of a stretch, relative to its sentence or quote."""

QuoteText = tuple[str, str]
"""A distinct quote text and its language."""

Found = tuple[str, str, Where, Where]
"""What a departure rule finds: the words that key it, its summary, its narrative and quote stretches."""

Context = TypeVar("Context")


@dataclass(frozen=True)
class _DepartureRule(Generic[Context]):
    """One way a narrative departs from a quote: every stretch ``find`` returns is a departure of this kind."""

    name: str
    """What the rule is called in :attr:`Discrepancy.rules` (``hedge-dropped``)."""
    detail: str
    """The finding's detail (``hedge dropped``)."""
    find: Callable[[Context], Sequence[Found]]
    """The departures of this kind in what is compared (none, one, or for a quote one per clause)."""
    explanation: Explanation
    """The explanation it gives."""
    severity: Severity
    """The severity it gives."""


@dataclass(frozen=True)
class _Departure:
    """One departure between a narrative sentence and a quote, in offsets relative to each."""

    rule: _DepartureRule[_Pair] | _DepartureRule[_Telling]
    """The rule that found it."""
    key_words: str
    """The words that differ, sorted: with the rule and the speaker, what makes it one finding."""
    summary: str
    """With ``\\x00N`` and ``\\x00Q`` standing for the narrative's and the quote's sources."""
    n_span: Where
    """Where it is in the narrative sentence."""
    q_span: Where
    """Where it is in the quote."""


@dataclass(frozen=True)
class _QuoteText:
    """A distinct quote text, as the departure rules read it."""

    text: str
    """The quoted words."""
    language: str
    """Their language."""
    clauses: list[list[Token]]
    """Its clauses."""
    clause_lemmas: list[set[str]]
    """The lemmas of each clause's content words."""
    lemmas: set[str]
    """The lemmas of its content words."""


@dataclass(frozen=True)
class _Rendered:
    """One speaker's renderings of one quote text, by source (``sources`` sorted)."""

    speaker: str | None
    """Entity id of the speaker, if known."""
    who: str
    """The speaker's name for summaries (``the speaker`` when unknown)."""
    by_source: dict[str, list[Quote]]
    """The renderings by quoting source."""
    sources: list[str]
    """The quoting sources, sorted."""

    def first_other(self, source: str) -> str | None:
        """The first quoting source (by id) other than ``source``, or ``None``."""
        if self.sources[0] != source:
            return self.sources[0]
        return self.sources[1] if len(self.sources) > 1 else None


@dataclass(slots=True)
class _Telling:
    """A narrative sentence set against a quote: what the quote rules read."""

    text: str
    """The narrative sentence."""
    language: str
    """Its language."""
    quote: _QuoteText
    """The quote."""
    who: str
    """The speaker's name, for the summary."""
    lemmas: set[str]
    """The lemmas of the sentence's content words."""
    matched: set[int] = field(default_factory=set)
    """The quote's clauses that a narrative clause retells."""


@dataclass(slots=True)
class _Pair:
    """A narrative clause and the quote clause sharing most content words with it: what the clause rules read."""

    telling: _Telling
    """The sentence and the quote the clauses are of."""
    n_clause: list[Token]
    """The narrative clause."""
    q_clause: list[Token]
    """The quote clause."""
    n_set: set[str]
    """Lemmas of the narrative clause's content words."""
    q_set: set[str]
    """Lemmas of the quote clause's content words."""
    shared: set[str]
    """Lemmas both have."""
    n_only: list[int]
    """Positions in the narrative clause of content words the quote clause has not."""
    q_only: list[int]
    """Positions in the quote clause of content words the narrative clause has not."""
    n_where: Where
    """Where the narrative clause is in its sentence."""
    q_where: Where
    """Where the quote clause is in its quote."""


def _told_as(pair: _Pair, n_span: Where, q_span: Where) -> str:
    telling = pair.telling
    return (f"\x00N tells it as “{telling.text[n_span[0]:n_span[1]]}” where {telling.who} says "
            f"“{telling.quote.text[q_span[0]:q_span[1]]}” in the quote in \x00Q.")


def _hedge_dropped(pair: _Pair) -> Sequence[Found]:
    """The quote clause hedges and the narrative clause retelling it does not."""
    telling, (n_lo, n_hi), (q_lo, q_hi) = pair.telling, pair.n_where, pair.q_where
    q_hedge = hedge_in(telling.quote.text[q_lo:q_hi], telling.quote.language)
    if not q_hedge or hedge_in(telling.text[n_lo:n_hi], telling.language):
        return ()
    # One shared word is a retelling only in a short clause ("things can get better" for
    # "it'll probably get better"); in a long one it is chance ("the storm" in any report).
    if len(pair.shared) < 2 and 2 * len(pair.shared) < len(pair.n_set):
        return ()
    # keyed by the hedge and the quote clause it is in: dropped from different quotes, it is different findings
    return ((f"{q_hedge}: " + " ".join(sorted(pair.q_set)),
             f"\x00N reports “{telling.text[n_lo:n_hi]}” without the hedge “{q_hedge}” that {telling.who} uses in "
             "the quote in \x00Q.", pair.n_where, pair.q_where),)


def _substitution(pair: _Pair) -> Sequence[Found]:
    """One or two content words of each clause, in the same place between the words they share."""
    n_clause, q_clause, n_only, q_only = pair.n_clause, pair.q_clause, pair.n_only, pair.q_only
    if len(pair.shared) < 2 or not (1 <= len(n_only) <= 2 and 1 <= len(q_only) <= 2):
        return ()
    if not _same_slot(_slot(n_clause, n_only, pair.shared), _slot(q_clause, q_only, pair.shared)):
        return ()
    n_span = (n_clause[_extend_left(n_clause, n_only[0])].start, n_clause[n_only[-1]].end)
    q_span = (q_clause[_extend_left(q_clause, q_only[0])].start, q_clause[q_only[-1]].end)
    return ((" ".join(sorted(n_clause[k].lemma for k in n_only)) + "/"
             + " ".join(sorted(q_clause[k].lemma for k in q_only)), _told_as(pair, n_span, q_span), n_span, q_span),)


def _addition(pair: _Pair) -> Sequence[Found]:
    """One content word of the narrative clause that the quote clause has not, and nothing the other way."""
    n_clause, q_clause, n_only = pair.n_clause, pair.q_clause, pair.n_only
    if len(pair.shared) < 2 or len(n_only) != 1 or pair.q_only or _slot(n_clause, n_only, pair.shared) is None:
        return ()
    n_span = (n_clause[_extend_left(n_clause, n_only[0])].start, n_clause[n_only[-1]].end)
    last_shared = max(k for k, t in enumerate(q_clause) if t.lemma in pair.shared)
    tail = q_clause[last_shared + 1:] or q_clause
    q_span = (tail[0].start, tail[-1].end)
    return ((" ".join(sorted(n_clause[k].lemma for k in n_only)), _told_as(pair, n_span, q_span), n_span, q_span),)


def _omissions(telling: _Telling) -> Sequence[Found]:
    """A short quote whose other parts the narrative retells, but one part it leaves out."""
    quote, matched = telling.quote, telling.matched
    if not (len(quote.clauses) <= 4 and len(matched) >= 2 and len(matched) >= len(quote.clauses) - 1):
        return ()
    found = []
    for k, q_clause in enumerate(quote.clauses):
        q_set = quote.clause_lemmas[k]
        if k in matched or not q_set or q_set & telling.lemmas:
            continue
        q_lo, q_hi = q_clause[0].start, q_clause[-1].end
        found.append((" ".join(sorted(q_set)),
                      f"\x00N's account (“{telling.text.strip()[:80]}…”) leaves out “{quote.text[q_lo:q_hi]}”, "
                      f"which {telling.who} says in the quote in \x00Q.", (0, len(telling.text)), (q_lo, q_hi)))
    return found


_CLAUSE_RULES: tuple[_DepartureRule[_Pair], ...] = (
    _DepartureRule("hedge-dropped", "hedge dropped", _hedge_dropped, "conflict", "medium"),
    _DepartureRule("substitution", "substitution", _substitution, "conflict", "medium"),
    _DepartureRule("addition", "addition", _addition, "conflict", "medium"),
)
"""How a narrative clause departs from the quote clause it retells, every rule that holds in this order."""

_QUOTE_RULES: tuple[_DepartureRule[_Telling], ...] = (
    _DepartureRule("omission", "omission", _omissions, "conflict", "low"),
)
"""How a narrative sentence departs from a quote as a whole, after its clauses."""


def _departures(text: str, language: str, tokens: list[Token], n_clauses: list[list[Token]],
                quote: _QuoteText, who: str) -> list[_Departure]:
    """How a narrative sentence (``text``) departs from a quote; spans relative to each."""
    telling = _Telling(text, language, quote, who, {t.lemma for t in tokens if t.content})
    found = []
    for n_clause in n_clauses:
        n_set = {t.lemma for t in n_clause if t.content}
        best, best_shared = None, 0
        for k, clause_lemmas in enumerate(quote.clause_lemmas):
            shared = len(n_set & clause_lemmas)
            if shared > best_shared:
                best, best_shared = k, shared
        if best is None:
            continue
        telling.matched.add(best)
        q_clause, q_set = quote.clauses[best], quote.clause_lemmas[best]
        pair = _Pair(telling, n_clause, q_clause, n_set, q_set, n_set & q_set,
                     [k for k, t in enumerate(n_clause) if t.content and t.lemma not in q_set],
                     [k for k, t in enumerate(q_clause) if t.content and t.lemma not in n_set],
                     (n_clause[0].start, n_clause[-1].end), (q_clause[0].start, q_clause[-1].end))
        for clause_rule in _CLAUSE_RULES:
            for departure in clause_rule.find(pair):
                found.append(_Departure(clause_rule, *departure))
    for quote_rule in _QUOTE_RULES:
        for departure in quote_rule.find(telling):
            found.append(_Departure(quote_rule, *departure))
    return found


def _extend_left(clause: list[Token], index: int, limit: int = 2) -> int:
    """Where a run starting at ``index`` begins with up to ``limit`` function words before it ("at his head")."""
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


@dataclass(frozen=True)
class _QuoteIndex:
    """Every distinct quote text, worked once, and where to find it."""

    texts: dict[QuoteText, _QuoteText]
    """Each distinct quote text, tokenised and cut into clauses."""
    by_lemma: dict[tuple[str, str], set[QuoteText]]
    """The quote texts that have a content word, by language and lemma."""
    rendered: dict[QuoteText, list[_Rendered]]
    """Each quote text's renderings by speaker (a departure's wording and its finding depend on
    who speaks), each speaker's by source."""


def _index_quotes(quotes: Sequence[Quote]) -> _QuoteIndex:
    """The quotes by distinct text, with the inverted index of their content words."""
    renderings: dict[QuoteText, list[Quote]] = defaultdict(list)
    for quote in quotes:
        renderings[(quote.text, quote.language)].append(quote)
    texts: dict[QuoteText, _QuoteText] = {}
    by_lemma: dict[tuple[str, str], set[QuoteText]] = defaultdict(set)
    rendered: dict[QuoteText, list[_Rendered]] = {}
    for key, group in renderings.items():
        text, language = key
        tokens = tokenise(text, 0, len(text), language)
        clauses = split_clauses(text, tokens, language)
        lemmas = {t.lemma for t in tokens if t.content}
        texts[key] = _QuoteText(text, language, clauses, [{t.lemma for t in c if t.content} for c in clauses], lemmas)
        for lemma in lemmas:
            by_lemma[(language, lemma)].add(key)
        by_speaker: dict[tuple[str | None, str], dict[str, list[Quote]]] = {}
        for quote in group:
            by_speaker.setdefault((quote.speaker, quote.speaker_name or "the speaker"), {}) \
                .setdefault(quote.source, []).append(quote)
        rendered[key] = [_Rendered(speaker, who, by_source, sorted(by_source))
                         for (speaker, who), by_source in by_speaker.items()]
    return _QuoteIndex(texts, by_lemma, rendered)


def _sentence_candidates(s_text: str, language: str, index: _QuoteIndex) -> tuple[list[Token], list[QuoteText]]:
    """A sentence's tokens and the distinct quotes sharing enough content words with it.

    The tokens are kept only for a sentence with candidates: the caller caches the result
    per sentence text, and most sentences have none (a long source has hundreds of
    thousands of them)."""
    tokens = tokenise(s_text, 0, len(s_text), language)
    lemmas = {t.lemma for t in tokens if t.content}
    counts: dict[QuoteText, int] = defaultdict(int)
    for lemma in lemmas:
        for q_key in index.by_lemma.get((language, lemma), ()):
            counts[q_key] += 1
    candidates = []
    for q_key, shared in sorted(counts.items()):
        if shared < 2:
            continue
        if shared < 3 and shared / max(1, min(len(lemmas), len(index.texts[q_key].lemmas))) < 0.25:
            continue
        candidates.append(q_key)
    return (tokens if candidates else []), candidates


Claimed = tuple[str, int, int]
"""A claim's source, start and end."""


@dataclass
class _Group:
    """Departures with one key, gathered sentence by sentence: one finding."""

    key: str
    """The finding's key: ``<detail>|<speaker>|<key words>``."""
    first: tuple[str, str, _Departure]
    """The first (telling source, quoting source) pair and its departure: the summary's wording."""
    narrative: set[Claimed] = field(default_factory=set)
    """Where each source tells it."""
    quote: set[Claimed] = field(default_factory=set)
    """Where each source quotes it."""
    translation: set[Claimed] = field(default_factory=set)
    """Where each source gives the quote in another language."""


def _group_key(departure: _Departure, speaker: str | None) -> str:
    return f"{departure.rule.detail}|{speaker or 'unknown'}|{departure.key_words}"


_BACK = 1500  # characters back a pronoun or a gendered word may point to the person named


@cache
def _gender_words(language: str) -> dict[str, str]:
    """The language's pronouns and gendered nouns ("he", "his", "boy", "son"), lower case, to their gender."""
    words: dict[str, str] = {}
    data = language_data(language)
    for key in ("entity_gender_words", "entity_gender_pronouns"):
        for gender, listed_words in (data.get(key) or {}).items():
            for word in listed_words:
                words[str(word).lower()] = str(gender)
    return words


def _genders_in(text: str, language: str) -> set[str]:
    """The genders the words of ``text`` refer to."""
    table = _gender_words(language)
    return {gender for word in WORD.findall(text.lower()) if (gender := table.get(word)) is not None}


MemoKey = tuple[tuple[str, str, QuoteText, str], str | None]
"""A departure list (sentence text, language, quote text, speaker's name) and the speaker's id."""


class _Pass:
    """One paraphrase pass over the sources: the caches that work each distinct sentence and
    quote text once, and the groups found so far."""

    def __init__(self, quotes: Sequence[Quote], links: Mapping[str, tuple[str, ...]],
                 persons: Sequence[PersonRef] = ()) -> None:
        self.index = _index_quotes(quotes)
        self.links = links
        self.persons: dict[str, list[tuple[int, str, str | None]]] = defaultdict(list)
        for person in persons:
            self.persons[person.source].append((person.start, person.entity_id, person.gender))
        for named in self.persons.values():
            named.sort()
        self.sentences: dict[tuple[str, str], tuple[list[Token], list[QuoteText]]] = {}
        self.departures: dict[tuple[str, str, QuoteText, str], list[_Departure]] = {}
        # which quoting sources' renderings are in the groups already, per departure list and speaker:
        # all but one source's (its id) or all (None). Wire copy repeats a sentence in M sources and
        # a quote in N: the groups get N + M claims, and the work is no longer M × N.
        self.quotes_left: dict[MemoKey, str | None] = {}
        self.groups: dict[str, _Group] = {}

    def sentence(self, source: Source, sentence: Sentence) -> None:
        """Set one narrative sentence against the quotes of other sources that share its words."""
        language = source.language
        s_text = source.text[sentence.start:sentence.end]
        known = self.sentences.get((s_text, language))
        if known is None:
            known = self.sentences[(s_text, language)] = _sentence_candidates(s_text, language, self.index)
        tokens, candidates = known
        if not candidates:
            return
        named = self.named(source, sentence)
        n_clauses: list[list[Token]] | None = None
        for q_key in candidates:
            for rendered in self.index.rendered[q_key]:
                other = rendered.first_other(source.id)
                if other is None:  # only this source quotes these words
                    continue
                if rendered.speaker is None or rendered.speaker not in named:
                    continue  # the narrative must name the speaker: else it may tell anyone's words
                cache_key = (s_text, language, q_key, rendered.who)
                found = self.departures.get(cache_key)
                if found is None:
                    if n_clauses is None:
                        n_clauses = split_clauses(s_text, tokens, language)
                    found = self.departures[cache_key] = _departures(
                        s_text, language, tokens, n_clauses, self.index.texts[q_key], rendered.who)
                if found:
                    self._add(found, rendered, source.id, other, sentence.start, (cache_key, rendered.speaker))

    def named(self, source: Source, sentence: Sentence) -> set[str]:
        """The people a sentence names (entity ids), and the person it refers back to: a pronoun or a
        word of one gender ("his", "the boy") points to the nearest person of that gender named
        before, within :data:`_BACK` characters ("Keaton Jones …. The distressed boy recounted …")."""
        spans = self.persons.get(source.id, [])
        at = bisect_left(spans, (sentence.start, ""))
        found = set()
        end = at
        while end < len(spans) and spans[end][0] < sentence.end:
            found.add(spans[end][1])
            end += 1
        genders = _genders_in(source.text[sentence.start:sentence.end], source.language)
        for gender in genders:
            earlier = next((p for p in reversed(spans[:at]) if p[2] == gender), None)
            if earlier is not None and sentence.start - earlier[0] <= _BACK:
                found.add(earlier[1])
        return found

    def _add(self, found: list[_Departure], rendered: _Rendered, source: str, other: str, base: int,
             memo: MemoKey) -> None:
        """A sentence's departures from a quote into their groups, with the quoting sources not in them yet."""
        for departure in found:
            _add_narrative(self.groups, departure, rendered.speaker, source, other, base)
        if memo not in self.quotes_left:
            quoting = [q for qs in rendered.sources if qs != source for q in rendered.by_source[qs]]
            self.quotes_left[memo] = source if source in rendered.by_source else None
        elif self.quotes_left[memo] not in (None, source):
            quoting = list(rendered.by_source[self.quotes_left[memo] or ""])
            self.quotes_left[memo] = None
        else:
            return
        for quote in quoting:
            for departure in found:
                _add_quote(self.groups, departure, quote, self.links)


def paraphrase_findings(sources: dict[str, Source], quotes: Sequence[Quote],
                        links: Mapping[str, tuple[str, ...]], persons: Sequence[PersonRef] = ()) -> list[Discrepancy]:
    """Narrative sentences of one source set against direct quotes in another.

    Work is done once per distinct sentence text and distinct quote text (syndicated
    copies repeat both), and departures with the same key are one discrepancy whose
    claims are every source telling it and every source quoting it. ``links`` are the
    quotes' renderings in other languages, as ``source|start|end`` by quote id.
    """
    work = _Pass(quotes, links, persons)
    quoted = spans_by_source(quotes)
    for source in sources.values():
        spans = SpanSet(quoted.get(source.id, []))
        for paragraph in source.article:
            for sentence in paragraph.sentences:
                if not spans.overlaps(sentence.start, sentence.end):
                    work.sentence(source, sentence)
    return [_departure_discrepancy(group, sources) for _, group in sorted(work.groups.items())]


def _add_narrative(groups: dict[str, _Group], departure: _Departure, speaker: str | None,
                   source: str, quote_source: str, base: int) -> None:
    """A narrative sentence's departure from a quote, whose first other quoting source is
    ``quote_source``; the group's wording comes from its first (narrative, quote) source pair."""
    key = _group_key(departure, speaker)
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(key, (source, quote_source, departure))
    elif (source, quote_source) < group.first[:2]:
        group.first = (source, quote_source, departure)
    group.narrative.add((source, base + departure.n_span[0], base + departure.n_span[1]))


def _add_quote(groups: dict[str, _Group], departure: _Departure, quote: Quote,
               links: Mapping[str, tuple[str, ...]]) -> None:
    """A rendering of the quote a narrative departs from (its group exists: the narrative came first)."""
    group = groups[_group_key(departure, quote.speaker)]
    group.quote.add((quote.source, quote.start + departure.q_span[0], quote.start + departure.q_span[1]))
    for other in links.get(quote.id, ()):
        source_id, start, end = other.split("|")
        group.translation.add((source_id, int(start), int(end)))


def _departure_discrepancy(group: _Group, sources: dict[str, Source]) -> Discrepancy:
    """The finding of one group: its summary names every telling and quoting source."""
    _, _, departure = group.first
    narrators = {s for s, _, _ in group.narrative}
    quoting = {s for s, _, _ in group.quote}
    summary = departure.summary.replace("\x00N", listed(narrators)).replace("\x00Q", listed(quoting))
    if len(narrators) > 1:
        summary = summary.replace(" tells it as ", " tell it as ", 1).replace("'s account ", "' accounts ", 1)
        summary = summary.replace(" reports “", " report “", 1)
    claims = [claim_at(sources, s, start, end, None, role)
              for role, side in (("narrative", group.narrative), ("quote", group.quote),
                                 ("translation", group.translation)) for s, start, end in sorted(side)]
    rule = departure.rule
    return Discrepancy(id=stable_id("paraphrase", group.key), kind="paraphrase", key=group.key,
                       summary=summary, explanation=rule.explanation, severity=rule.severity,
                       claims=tuple(claims), detail=rule.detail, rules=(rule.name,),
                       evidence=("same speaker, named in the narrative or referred back to",
                                 "aligned wording: the narrative's clause shares its content words with the quote's"))

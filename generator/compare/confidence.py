"""How sure a finding is: the evidence that its claims tell one thing, and tell it differently.

A finding kind groups claims by a key (a measure, a person, a speaker's words, an event); the key
alone does not show that two sources speak of the same thing ("84 people taken to hospital" and
"about 30 people worked in the building" share only "people"). So each finding's claims are read
again for facts that speak for it:

* **the same words around**: each claim's sentence, its own words and numbers and calendar words
  aside, shares two content words or named entities with another source's (the graph of those
  pairs joins every source of the finding), e.g. "hospital", "wounded"; words and names of the
  story's topic (in more than a tenth of its sentences: "consulate", "Boko Haram") do not count;
* **the opening paragraphs**: every claim stands in its source's opening paragraphs, where news
  tells its main event;
* **written apart**: the sources were published on different days (counts may grow, time passes);
* what the kind itself knows, set where the finding is made: the same speaker and the length of the
  aligned wording (quotes, paraphrase), the person (ages), a name's evidence (coverage).

Then one ordered table of named rules per kind (:data:`CONFIDENCE_RULES`) says, first rule that
holds first, whether the finding is ``high`` (confident: it may lead the overview) or ``low`` (a
possible disagreement, listed for checking with its evidence); the rule's name goes into the
finding's ``rules`` and its words into ``evidence``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from generator.compare.ages import ONE_UNNAMED
from generator.compare.coverage import NUMBERS_NOWHERE_ELSE, TIMES_NOWHERE_ELSE
from generator.compare.figures import SAME_THING
from generator.compare.wording import tokenise
from generator.extract.measures import CURRENCY_MEASURES, DURATION_MEASURES, PEOPLE_COUNTS, SIZE_MEASURES
from generator.model.finding import Claim, Confidence, Discrepancy, Kind
from generator.model.refs import EntityRef
from generator.model.source import Source, published_day
from generator.text.lemmas import lemma_of
from generator.text.lexicon import calendar_words
from generator.text.words import fold

DENIED_BY_SEVERAL = "denied and asserted by several"
"""The evidence a contradiction finding records when one source denies a word several others assert."""

TRANSLATED_AROUND = "words around them that translate each other"
"""The evidence a contradiction finding records when its accounts, in different languages, are joined
by words of their sentences that the bilingual tables translate into each other."""

SHARED_CONTEXT = 2
"""Content words or named entities two claims' sentences must share to tell of the same thing."""
TOPIC_SHARE = 0.10
"""A word or name in more than this share of the case's sentences is the story's topic ("consulate",
"Boko Haram"): every sentence may share it, so sharing it shows nothing."""
TOPIC_LEAST = 3
"""In a short case, a word must be in more sentences than this to be of the topic: the same fact told
by two or three sources is not the topic."""
_SAMPLED_SENTENCES = 4_000  # sentences read (evenly spread) to tell the topic's words in a large case
_LEAD_PARAGRAPHS = 2  # the opening paragraphs after a headline, where news tells its main event
_HEADLINE_WORDS = 20  # a first paragraph this short and without a full stop is a headline


@dataclass(frozen=True)
class Facts:
    """What the claims of one finding show, beyond the key that grouped them."""

    finding: Discrepancy
    """The finding."""
    joined: bool
    """Whether every source's claim shares the words around it with another source's."""
    shared: tuple[str, ...]
    """The words and names the joined claims share most, for the reader."""
    opening: bool
    """Whether every claim stands in its source's opening paragraphs."""
    days_apart: int | None
    """How many days lie between the first and the last publication, when every source gives one."""
    sources: int
    """How many sources the finding holds."""
    rare_noun: bool = False
    """For figures: whether they count one kind of thing the story does not count often — a noun that
    is no word of the story's topic (``word:excavators``), or a measure of one object (views, likes,
    signatures, households), not people, money, spans of time or sizes."""

    def has(self, rule: str) -> bool:
        """Whether the kind's own rule ``rule`` decided the finding."""
        return rule in self.finding.rules

    def knows(self, fact: str) -> bool:
        """Whether the kind recorded evidence starting with ``fact`` (``same speaker``)."""
        return any(e.startswith(fact) for e in self.finding.evidence)


@dataclass(frozen=True)
class ConfidenceRule:
    """One rule of a kind's confidence table: when it is the first that holds, it sets the confidence."""

    name: str
    """Its name in the finding's ``rules`` (``same-words-around``)."""
    holds: Callable[[Facts], bool]
    """Whether it applies."""
    confidence: Confidence
    """The confidence it gives."""
    says: str
    """What it says in the finding's evidence."""


def _always(_: Facts) -> bool:
    return True


def _joined(facts: Facts) -> bool:
    return facts.joined


def _measure(facts: Facts) -> str:
    return facts.finding.key.split("|")[0]


_FIGURES: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("values-far-apart", lambda f: f.has("far-apart"), "low",
                   "the values are far apart: likely different things"),
    ConfidenceRule("agree-within-rounding", lambda f: f.has("within-rounding"), "low",
                   "the values agree within rounding"),
    ConfidenceRule("durations-written-apart", lambda f: _measure(f) in DURATION_MEASURES and bool(f.days_apart),
                   "low", "spans of time counted by reports written on different days"),
    ConfidenceRule("same-thing-measured", lambda f: f.knows(SAME_THING), "high",
                   "each figure gives one dimension of one thing (the depth of the well)"),
    ConfidenceRule("same-words-around", _joined, "high", "each figure is told with the same words around it"),
    ConfidenceRule("rare-thing-counted", lambda f: f.rare_noun, "high",
                   "they count one kind of thing the story seldom counts (views, excavators), not people or time"),
    ConfidenceRule("figures-unconfirmed", _always, "low", "nothing but the measure shows the figures count one thing"),
)
_ATTRIBUTES: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("birthday-explains", lambda f: f.has("birthday-between"), "low",
                   "a birthday between the reports explains it"),
    ConfidenceRule("spelled-apart", lambda f: f.has("sources-spell-apart"), "high",
                   "the sources spell one name differently, every other word of it the same"),
    ConfidenceRule("one-source-spelling", lambda f: f.has("one-source-spells-both"), "low",
                   "only one source spells the name two ways"),
    ConfidenceRule("unnamed-subjects", lambda f: f.finding.key.startswith("unnamed:") and not f.knows(ONE_UNNAMED),
                   "low", "ages of unnamed people: nothing shows they are one person's"),
    ConfidenceRule("one-unnamed-subject", lambda f: f.finding.key.startswith("unnamed:"), "high",
                   "every age no name goes with is said of one kind of person (the boy)"),
    ConfidenceRule("same-person", _always, "high", "the ages are given for one named person"),
)
_QUOTES: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("speaker-unconfirmed", lambda f: not f.knows("same speaker"), "low",
                   "the speaker is not known in every source"),
    ConfidenceRule("function-words-only", lambda f: f.has("function-words-changed"), "low",
                   "only small words differ"),
    ConfidenceRule("same-speaker-other-words", _always, "high", "one speaker quoted in other words"),
)
def _name_only(facts: Facts) -> bool:
    """A side that is only a name ("the Boko Haram"): set against narrative words, a name says nothing the
    narrative changed."""
    for claim in facts.finding.claims:
        words = [w for w in claim.text.split() if w[:1].isalpha()]
        capitalised = [w for w in words if w[:1].isupper()]
        if capitalised and all(w[:1].isupper() or len(w) <= 3 for w in words):
            return True
    return False


_PARAPHRASE: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("speaker-unconfirmed", lambda f: not f.knows("same speaker"), "low",
                   "the narrative does not name the speaker"),
    ConfidenceRule("omission-only", lambda f: f.has("omission"), "low", "the narrative only tells less"),
    ConfidenceRule("name-against-words", _name_only, "low", "one side is only a name"),
    ConfidenceRule("same-speaker-retold", _always, "high", "the narrative retells the speaker's own words"),
)
_DATES: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("time-zones", lambda f: f.has("whole-hours-apart"), "low", "whole hours apart: time zones"),
    ConfidenceRule("same-words-around", _joined, "high", "each date is told with the same words around it"),
    ConfidenceRule("dates-unconfirmed", _always, "low", "nothing shows the dates date one happening"),
)
_ACTORS: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("same-words-around", _joined, "high", "each account is told with the same words"),
    ConfidenceRule("actors-unconfirmed", _always, "low", "nothing shows the accounts tell one action"),
)
_CONTRADICTIONS: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("several-assert-one-denies", lambda f: f.knows(DENIED_BY_SEVERAL), "high",
                   "one source denies a word of the story's events that several others assert"),
    ConfidenceRule("same-words-around", _joined, "high", "each account is told with the same words around it"),
    ConfidenceRule("same-words-translated", lambda f: f.knows(TRANSLATED_AROUND), "high",
                   "each account is joined to another, in another language, by words around them that translate "
                   "each other"),
    ConfidenceRule("contradiction-unconfirmed", _always, "low", "nothing shows the accounts tell one thing"),
)
_COVERAGE: tuple[ConfidenceRule, ...] = (
    ConfidenceRule("numbers-nowhere-else", lambda f: f.knows(NUMBERS_NOWHERE_ELSE), "high",
                   "figures whose numbers no other source writes, in digits or words, in any language"),
    ConfidenceRule("times-nowhere-else", lambda f: f.knows(TIMES_NOWHERE_ELSE), "high",
                   "clock times no other source gives, nor one within an hour of them"),
    ConfidenceRule("names-with-evidence", lambda f: f.knows("names with evidence"), "high",
                   "names no other source gives, each typed on evidence"),
    ConfidenceRule("one-source-unconfirmed", _always, "low",
                   "another source may give it in other words or another language"),
)

CONFIDENCE_RULES: Mapping[Kind, tuple[ConfidenceRule, ...]] = {
    "figure": _FIGURES, "attribute": _ATTRIBUTES, "quote": _QUOTES, "paraphrase": _PARAPHRASE, "date": _DATES,
    "contradiction": _CONTRADICTIONS, "actor": _ACTORS, "coverage": _COVERAGE,
}
"""Each kind's confidence table, first rule that holds first."""


@dataclass
class Reader:
    """What assessing reads of the sources, worked out once per source."""

    sources: Mapping[str, Source]
    """The sources by id."""
    entities: Sequence[EntityRef]
    """The resolved entities, whose mentions count as words around a claim."""
    _names: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    _leads: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    _topic: frozenset[str] | None = None
    _around: dict[tuple[str, int, int], frozenset[str]] = field(default_factory=dict)

    def topic(self) -> frozenset[str]:
        """The words (lemmas) and names (``@id``) in more than :data:`TOPIC_SHARE` of the sentences."""
        if self._topic is None:
            sentences = [(source, sentence) for source in self.sources.values() for paragraph in source.article
                         for sentence in paragraph.sentences]
            step = max(1, len(sentences) // _SAMPLED_SENTENCES)
            sampled = sentences[::step]
            counts: dict[str, int] = {}
            for source, sentence in sampled:
                for item in self._items(source, sentence.start, sentence.end):
                    counts[item] = counts.get(item, 0) + 1
            limit = max(TOPIC_LEAST, TOPIC_SHARE * len(sampled))
            self._topic = frozenset(item for item, n in counts.items() if n > limit)
        return self._topic

    def _items(self, source: Source, start: int, end: int, outside: tuple[int, int] = (0, 0)) -> set[str]:
        """The content lemmas and the entity ids (``@id``) of ``[start, end)`` of a source, those in
        ``outside`` and calendar words aside."""
        calendar = _calendar(source.language)
        names = self.names(source.id)
        at = bisect_left(names, (start, -1, ""))
        items: set[str] = set()
        named: list[tuple[int, int]] = []
        while at < len(names) and names[at][0] < end:
            name_start, name_end, entity = names[at]
            named.append((name_start, name_end))
            if not (outside[0] <= name_start < outside[1]):
                items.add(f"@{entity}")  # a name counts once, as its entity, not as its words too
            at += 1
        items.update(t.lemma for t in tokenise(source.text, start, end, source.language)
                     if t.content and not (outside[0] <= t.start < outside[1]) and fold(t.word) not in calendar
                     and not any(s <= t.start < e for s, e in named))
        return items

    def names(self, source: str) -> list[tuple[int, int, str]]:
        """``(start, end, entity id)`` of each entity mention of ``source``, sorted."""
        if not self._names:
            for entity in self.entities:
                for sid, start, end in entity.mentions:
                    self._names.setdefault(sid, []).append((start, end, entity.id))
            for spans in self._names.values():
                spans.sort()
        return self._names.get(source, [])

    def lead(self, source: Source) -> tuple[int, int] | None:
        """Where the source's opening paragraphs (after a headline) start and end."""
        if source.id not in self._leads:
            self._leads[source.id] = _lead(source)
        return self._leads[source.id]

    def around(self, claim: Claim) -> frozenset[str]:
        """The content words (lemmas) and entity ids of a claim's sentence, outside the claim and
        not of the story's topic."""
        key = (claim.source, claim.start, claim.end)
        known = self._around.get(key)
        if known is None:
            source = self.sources[claim.source]
            sentence = source.sentence_at(claim.start)
            start, end = (sentence.start, sentence.end) if sentence is not None else (claim.start, claim.end)
            known = self._around[key] = frozenset(self._items(source, start, end, (claim.start, claim.end))
                                                  - self.topic())
        return known


@cache
def _calendar(language: str) -> frozenset[str]:
    return calendar_words(language)


def _lead(source: Source) -> tuple[int, int] | None:
    article = source.article
    for number, paragraph in enumerate(article):
        body = source.text[paragraph.start:paragraph.end].rstrip()
        if len(body.split()) < _HEADLINE_WORDS and body[-1:] not in ".!?\"”»":
            continue
        return paragraph.start, article[min(number + _LEAD_PARAGRAPHS, len(article)) - 1].end
    return None


def _joined_by_context(reader: Reader, claims: Sequence[Claim]) -> tuple[bool, tuple[str, ...]]:
    """Whether every source is joined to another by claims sharing the words around them, and the
    words shared most often by the pairs read until every source was joined (named entities shown
    by id). Pairs are found through an index of the words, so that a finding of thousands of
    claims compares only claims that share one, and reading stops once every source is joined."""
    contexts = [(c.source, reader.around(c)) for c in claims]
    sources = {s for s, _ in contexts}
    if len(sources) < 2:
        return False, ()
    parent = {s: s for s in sources}

    def root(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    holding: dict[str, list[int]] = {}
    for number, (_, words) in enumerate(contexts):
        for word in words:
            holding.setdefault(word, []).append(number)
    counts: dict[str, int] = {}
    apart = len(sources)
    for i, (a, words_a) in enumerate(contexts):
        if apart == 1:
            break  # every source is joined: the words shown are those of the pairs that joined them
        shared: dict[int, int] = {}
        for word in words_a:
            for j in holding[word]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j in sorted(shared):
            b, words_b = contexts[j]
            if a == b or shared[j] < SHARED_CONTEXT:
                continue
            root_a, root_b = root(a), root(b)
            if root_a != root_b:
                parent[root_a] = root_b
                apart -= 1
            for word in words_a & words_b:
                counts[word] = counts.get(word, 0) + 1
    joined = apart == 1
    shown = tuple(w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:4])
    return joined, shown


def facts_of(finding: Discrepancy, reader: Reader) -> Facts:
    """What the claims of ``finding`` show."""
    claims = [c for c in finding.claims if c.source in reader.sources]
    joined, shared = _joined_by_context(reader, claims)
    leads = [(c, reader.lead(reader.sources[c.source])) for c in claims]
    opening = bool(claims) and all(lead is not None and lead[0] <= c.start < lead[1] for c, lead in leads)
    days = [published_day(reader.sources[s]) for s in {c.source for c in claims}]
    known = [d for d in days if d is not None]
    apart = (max(known) - min(known)).days if known and len(known) == len(days) else None
    rare = False
    measure = finding.key.split("|")[0]
    if finding.kind == "figure" and measure.startswith("word:"):
        noun = measure.removeprefix("word:")
        language = reader.sources[claims[0].source].language if claims else ""
        rare = bool(noun) and lemma_of(noun, language) not in reader.topic()
    elif finding.kind == "figure":
        rare = measure not in PEOPLE_COUNTS | DURATION_MEASURES | CURRENCY_MEASURES | SIZE_MEASURES
    return Facts(finding, joined, shared, opening, apart, len({c.source for c in claims}), rare)


def _words(facts: Facts, names: Mapping[str, str]) -> str:
    return ", ".join(f"“{names.get(w[1:], w[1:])}”" if w.startswith("@") else f"“{w}”" for w in facts.shared)


def assess(findings: Iterable[Discrepancy], sources: Mapping[str, Source],
           entities: Sequence[EntityRef] = (), reader: Reader | None = None) -> list[Discrepancy]:
    """Each finding with its confidence, the facts that speak for it in ``evidence`` and the
    confidence rule's name added to ``rules`` (``reader``: one already made of the same sources
    and entities, if any)."""
    reader = reader or Reader(sources, entities)
    names = {e.id: e.name for e in entities}
    assessed = []
    for finding in findings:
        facts = facts_of(finding, reader)
        rule = next(r for r in CONFIDENCE_RULES[finding.kind] if r.holds(facts))
        evidence = list(finding.evidence)
        if facts.joined:
            evidence.append(f"the same words around each claim: {_words(facts, names)}")
        if facts.opening and facts.sources > 1:
            evidence.append("every claim is in its source's opening paragraphs")
        if facts.days_apart:
            evidence.append(f"the sources were published {facts.days_apart} day{'s' if facts.days_apart > 1 else ''} "
                            "apart")
        evidence.append(f"{'confident' if rule.confidence == 'high' else 'to check'}: {rule.says}")
        assessed.append(replace(finding, confidence=rule.confidence, evidence=tuple(evidence),
                                rules=(*finding.rules, rule.name)))
    return assessed

"""Contradiction findings: one thing named otherwise, or asserted by one source and denied by another.

Two cases, each of language data (``generator/lang/<code>/contrasts.yml``) read by one code path:

**Named otherwise.** The language's ``contrast_classes`` list things one event is told as, one
or the other (``vehicle:car``, ``vehicle:truck``; ``opening:window``, ``opening:door``). A
mention is a form of one of them in an article sentence that names no other thing of its
class (a sentence naming a car *and* a truck tells of two vehicles). Mentions of one class in
the sources' own language are joined when two sources name different things of the class with
at least :data:`SHARED_WORDS` content words of their sentences in common, the things' own words
aside (“a car packed with explosives was rammed” and “crashed a truck loaded with explosives”
share *explosive* and more). The finding holds every joined mention.

**Asserted and denied.** A denial is a content word right after one of ``contrast_negations``
(“no swap”), after one of ``contrast_not`` and an article (“not a swap”), or within two words
after one of ``contrast_denials`` (“denied doing a deal”; not a word of ``contrast_reported``,
since who denies “the reports” confirms there were reports); the word must end its phrase (“no
captive fighters” denies no captive), and must be lower case (no
name; in a language that capitalises nouns, a common word of it) and no word of the language's
function words. It is set against the same word (by
lemma) written by another source in a sentence that denies nothing. One finding per word
denied, holding the denials and the assertions.

The rules of :data:`_RULES` decide explanation and severity:

``named-otherwise``
    the sources name one thing of a class differently in the same words: ``conflict``, ``medium``.
``asserted-and-denied``
    a source denies what another asserts: ``conflict``, ``medium``.

How sure each finding is, is the confidence stage's (``same-words-around`` or to check).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from generator.compare.common import Rule, claim_at, first_rule, said_by_source, stable_id
from generator.compare.confidence import DENIED_BY_SEVERAL, SHARED_CONTEXT, TRANSLATED_AROUND, Reader
from generator.compare.wording import Token, tokenise
from generator.lang import PIVOT_LANGUAGE, language_data, trait, word_set
from generator.model.finding import Discrepancy
from generator.model.source import Source
from generator.text.bilingual import pivot_words
from generator.text.lemmas import lemma_of
from generator.text.lexicon import is_common_word
from generator.text.words import WORD

SHARED_WORDS_ACROSS = 2
"""The same across languages, counted through the bilingual tables: one more, since a dictionary
gives a word of many senses many meanings."""

SHARED_WORDS = SHARED_CONTEXT
"""Content words two sentences must share, the story's topic words aside (as the confidence stage
reads them), for their things of one class to be read as one thing."""

ASSERTING_SOURCES = 2
"""Sources that must assert a word, none of them denying it, for a denial to stand against them
without sharing words of its sentence."""

DENIAL_REACH = 2
"""Words a denial verb may stand before the word it denies (“denied doing a deal”)."""


@dataclass(frozen=True)
class _Mention:
    """A thing of a contrast class, or a word denied or asserted, in one source."""

    source: str
    start: int
    end: int
    thing: str
    """``car`` for a class's thing; the lemma for a denial or an assertion."""
    words: frozenset[str]
    """The content lemmas of its sentence, its own word aside."""
    language: str = ""
    """The language of its source."""


@dataclass(frozen=True)
class _Told:
    """What a finding decides on: whether it denies or names otherwise, and whether several
    sources assert what one denies."""

    denied: bool
    several: bool = False


_RULES: tuple[Rule[_Told], ...] = (
    Rule("denied-asserted-by-several", lambda t: t.denied and t.several, "conflict", "medium",
         "a source denies what several others assert"),
    Rule("asserted-and-denied", lambda t: t.denied, "conflict", "medium", "a source denies what another asserts"),
    Rule("named-otherwise", lambda t: not t.denied, "conflict", "medium",
         "one thing, named differently in the same words"),
)


@dataclass(frozen=True)
class _Contrasts:
    """A language's contrast data, compiled."""

    forms: Mapping[str, tuple[str, str]]
    """Each form, lower case, to its class and thing."""
    pattern: re.Pattern[str] | None
    """Every form, a whole word."""
    negations: frozenset[str]
    nots: frozenset[str]
    denials: frozenset[str]
    articles: frozenset[str]
    reported: frozenset[str]
    denying: re.Pattern[str] | None
    """Any word that may deny: what a sentence must hold to be read for denials."""


@cache
def _contrasts(language: str) -> _Contrasts:
    data = language_data(language)
    forms: dict[str, tuple[str, str]] = {}
    for key, words in (data.get("contrast_classes") or {}).items():
        kind, _, thing = str(key).partition(":")
        for word in words:
            forms[str(word).lower()] = (kind, thing or kind)
    pattern = (re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
                          + r")(?![\w-])", re.IGNORECASE) if forms else None)
    negations, nots, denials = (word_set(language, key) for key in ("contrast_negations", "contrast_not",
                                                                     "contrast_denials"))
    deniers = sorted(negations | nots | denials, key=lambda w: (-len(w), w))
    denying = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in deniers) + r")(?!\w)", re.IGNORECASE)
               if deniers else None)
    return _Contrasts(forms, pattern, negations, nots, denials, word_set(language, "figure_determiners"),
                      word_set(language, "contrast_reported"), denying)


@cache
def _common(word: str, language: str) -> bool:
    """Whether ``word`` is no name: lower case, or, where every noun is capitalised, a common word."""
    if word.islower():
        return True
    return bool(trait(language, "capitalises_nouns")) and word[:1].isupper() and word[1:].islower() \
        and is_common_word(word.lower(), language)


def _ends_phrase(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the token at ``index`` ends its phrase: no content word follows it without a mark
    between (in "no captive fighters", "captive" only describes what is denied)."""
    if index + 1 >= len(tokens):
        return True
    following = tokens[index + 1]
    return not following.content or bool(_MARK.search(text, tokens[index].end, following.start))


_MARK = re.compile(r"[,;:.!?()\[\]\"“”«»–—]")


def _sentences(source: Source) -> list[tuple[int, int]]:
    return [(s.start, s.end) for p in source.article for s in p.sentences]


def _things(source: Source) -> list[_Mention]:
    """The things of contrast classes the source's sentences name, one thing of a class a sentence."""
    contrasts = _contrasts(source.language)
    if contrasts.pattern is None:
        return []
    found = []
    for start, end in _sentences(source):
        hits = [(m, contrasts.forms[m.group(0).lower()]) for m in contrasts.pattern.finditer(source.text, start, end)]
        if not hits:
            continue
        by_class: dict[str, set[str]] = defaultdict(set)
        for _, (kind, thing) in hits:
            by_class[kind].add(thing)
        tokens = tokenise(source.text, start, end, source.language)
        for m, (kind, thing) in hits:
            if len(by_class[kind]) > 1:
                continue
            words = frozenset(t.lemma for t in tokens if t.content and not (m.start() <= t.start < m.end())
                              and t.word.lower() not in contrasts.forms)
            found.append(_Mention(source.id, m.start(), m.end(), f"{kind}:{thing}", words, source.language))
    return found


def _denials(source: Source) -> tuple[list[_Mention], set[tuple[int, int]]]:
    """The words the source denies, and the sentences that deny something."""
    contrasts = _contrasts(source.language)
    if contrasts.denying is None:
        return [], set()
    denied: list[_Mention] = []
    denying: set[tuple[int, int]] = set()
    for start, end in _sentences(source):
        if not contrasts.denying.search(source.text, start, end):
            continue
        tokens = tokenise(source.text, start, end, source.language)
        lowers = [t.word.lower().replace("’", "'") for t in tokens]
        found = []
        for at, token in enumerate(tokens):
            lower = lowers[at]
            reach: range = range(0)
            if lower in contrasts.negations:
                reach = range(at + 1, at + 2)
            elif lower in contrasts.nots and at + 1 < len(tokens) and lowers[at + 1] in contrasts.articles:
                reach = range(at + 2, at + 3)
            elif lower in contrasts.denials:
                reach = range(at + 1, at + 2 + DENIAL_REACH)
            if any(lowers[i] in contrasts.reported for i in reach if i < len(tokens)):
                continue  # "denied the reports": the reports are not what is denied
            for index in reach:
                if index < len(tokens) and tokens[index].content and _common(tokens[index].word, source.language) \
                        and _ends_phrase(source.text, tokens, index):
                    found.append((token.start, tokens[index]))
        if found:
            denying.add((start, end))
            words = frozenset(t.lemma for t in tokens if t.content)
            for begin, target in found:
                denied.append(_Mention(source.id, begin, target.end, target.lemma, words - {target.lemma}))
    return denied, denying


def _assertions(source: Source, lemmas: frozenset[str], denying: set[tuple[int, int]]) -> list[_Mention]:
    """The words of ``lemmas`` the source writes in sentences that deny nothing. Words are read
    once through the lemma cache; only a sentence holding one is tokenised."""
    found: list[_Mention] = []
    for start, end in _sentences(source):
        if (start, end) in denying:
            continue
        hits = [m for m in WORD.finditer(source.text, start, end) if lemma_of(m.group(0), source.language) in lemmas]
        if not hits:
            continue
        tokens = tokenise(source.text, start, end, source.language)
        words = frozenset(t.lemma for t in tokens if t.content)
        for token in tokens:
            if token.lemma in lemmas and token.content and _common(token.word, source.language):
                found.append(_Mention(source.id, token.start, token.end, token.lemma, words - {token.lemma}))
    return found


def _joined(a: _Mention, b: _Mention, topic: frozenset[str]) -> bool:
    """Whether two mentions of different sources share :data:`SHARED_WORDS` words of their sentences
    beyond the topic: as lemmas in one language, through the bilingual tables across two
    (:data:`SHARED_WORDS_ACROSS` words of one sentence that may translate words of the other)."""
    if a.source == b.source:
        return False
    if a.language == b.language or not a.language or not b.language:
        return len((a.words & b.words) - topic) >= SHARED_WORDS
    return len(_translated(a, b, topic)) >= SHARED_WORDS_ACROSS


def _translated(a: _Mention, b: _Mention, topic: frozenset[str]) -> tuple[str, ...]:
    """Each word of ``a``'s sentence (beyond the topic) that may translate a word of ``b``'s, in
    another language, shown with that word and the English they share (“schließen = fermé: close”)."""
    theirs = sorted(b.words - topic)
    found = []
    for word in sorted(a.words - topic):
        mine = _meanings(word, a.language)
        match = next(((w, sorted(mine & _meanings(w, b.language))) for w in theirs
                      if mine & _meanings(w, b.language)), None)
        if match:
            found.append(f"{word} = {match[0]}: {match[1][0]}")
    return tuple(found)


@lru_cache(maxsize=100_000)
def _meanings(word: str, language: str) -> frozenset[str]:
    """The English words ``word`` may translate as, each as its English lemma ("walls": wall)."""
    return frozenset(lemma_of(meaning, PIVOT_LANGUAGE) for meaning in pivot_words(word, language))


def _named_otherwise(things: Sequence[_Mention], sources: dict[str, Source],
                     topic: frozenset[str]) -> list[Discrepancy]:
    by_class: dict[str, list[_Mention]] = defaultdict(list)
    for mention in things:
        by_class[mention.thing.split(":")[0]].append(mention)
    found = []
    for kind, mentions in sorted(by_class.items()):
        pairs = [(m, n) for i, m in enumerate(mentions) for n in mentions[i + 1:]
                 if m.thing != n.thing and _joined(m, n, topic)]
        kept = {m for pair in pairs for m in pair}
        if len({m.thing for m in kept}) < 2:
            continue
        ordered = sorted(kept, key=lambda m: (m.source, m.start))
        by_source: dict[str, list[str]] = defaultdict(list)
        for m in ordered:
            word = sources[m.source].text[m.start:m.end]
            if word not in by_source[m.source]:
                by_source[m.source].append(word)
        rule = first_rule(_RULES, _Told(False))
        translated = sorted({w for m, n in pairs if m.language != n.language and m.language and n.language
                             for w in _translated(m, n, topic)})
        said = said_by_source([(s, ", ".join(f"“{w}”" for w in words)) for s, words in sorted(by_source.items())])
        found.append(Discrepancy(
            id=stable_id("contradiction", f"named:{kind}"), kind="contradiction", key=f"named:{kind}",
            summary=f"The sources name one {kind} differently, in the same words: {said} — {rule.note}.",
            explanation=rule.explanation, severity=rule.severity,
            claims=tuple(claim_at(sources, m.source, m.start, m.end, m.thing.split(":")[1], "mention")
                         for m in ordered),
            detail="named-otherwise", rules=(rule.name,),
            evidence=(f"{TRANSLATED_AROUND}: {', '.join(translated)}",) if translated else ()))
    return found


def _asserted_and_denied(denials: Sequence[_Mention], asserted: Mapping[str, Sequence[_Mention]],
                         sources: dict[str, Source], topic: frozenset[str]) -> list[Discrepancy]:
    by_word: dict[str, list[_Mention]] = defaultdict(list)
    for denial in denials:
        if denial.thing not in topic:
            by_word[denial.thing].append(denial)
    found = []
    for word, denied in sorted(by_word.items()):
        deniers = {d.source for d in denied}
        others = [a for a in asserted.get(word, ()) if a.source not in deniers]
        backing = [a for a in others if any(_joined(a, d, topic) for d in denied)]
        kept = [d for d in denied if any(_joined(a, d, topic) for a in backing)]
        several = len({a.source for a in others}) >= ASSERTING_SOURCES
        if several:
            backing, kept = others, denied
        if not backing:
            continue
        rule = first_rule(_RULES, _Told(True, several))
        pairs = [(d.source, f"“{sources[d.source].text[d.start:d.end]}”") for d in kept[:1]]
        pairs += [(a.source, f"“{sources[a.source].text[a.start:a.end]}”") for a in backing[:1]]
        ordered = sorted(kept + backing, key=lambda m: (m.source, m.start))
        deny, assert_ = len({d.source for d in kept}), len({a.source for a in backing})
        counts = (f"{deny} source{'s' if deny > 1 else ''} {'deny' if deny > 1 else 'denies'} it, "
                  f"{assert_} {'assert' if assert_ > 1 else 'asserts'} it")
        found.append(Discrepancy(
            id=stable_id("contradiction", f"denied:{word}"), kind="contradiction", key=f"denied:{word}",
            summary=f"One source denies what another asserts: {said_by_source(pairs)} — {rule.note} "
                    f"({counts}).",
            explanation=rule.explanation, severity=rule.severity,
            claims=tuple(claim_at(sources, m.source, m.start, m.end, word, "denial" if m in kept else "assertion")
                         for m in ordered),
            detail="asserted-and-denied", rules=(rule.name,), evidence=(f"{DENIED_BY_SEVERAL}: {counts}",)
            if several else ()))
    return found


def contradiction_findings(sources: dict[str, Source], reader: Reader | None = None) -> list[Discrepancy]:
    """Things named otherwise and words denied by one source and asserted by another, across the
    sources (``reader``: the confidence stage's reading of them, for the story's topic words)."""
    things: list[_Mention] = []
    denials: list[_Mention] = []
    denying: dict[str, set[tuple[int, int]]] = {}
    for source in sources.values():
        things.extend(_things(source))
        denied, denying[source.id] = _denials(source)
        denials.extend(denied)
    if not things and not denials:
        return []
    topic = (reader or Reader(sources, ())).topic()
    lemmas = frozenset(d.thing for d in denials) - topic
    asserted: dict[str, list[_Mention]] = defaultdict(list)
    if lemmas:
        for source in sources.values():
            for mention in _assertions(source, lemmas, denying[source.id]):
                asserted[mention.thing].append(mention)
    return _named_otherwise(things, sources, topic) + _asserted_and_denied(denials, asserted, sources, topic)

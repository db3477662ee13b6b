"""Translation links: quotes that render the same words in different languages.

Quotes in different languages are never diffed word by word: they are linked and shown side
by side, and a paraphrase finding lists the renderings linked to its quote as claims of
their own (``translation``). A link is made by the first of these named rules that holds (its
name is kept in the link's ``rules``):

``curated``
    A curator links quotes in ``case.yml`` (``translations:``, a list of groups of quote ids,
    or of ``{source, text}`` that a quote's source id and text start with).
``words-aligned``
    The words of the shorter quote are aligned, one to one, with the words of a stretch of the
    longer one (:func:`align`): by the bilingual dictionary (:mod:`generator.text.bilingual`:
    Norwegian "nesen" and English "nose" may both mean *nose*), by the same number (in digits or
    in words: "onze" and "eleven" are 11), or by the same spelling (a name, a loanword). Words
    count by how much they say: a function word ("de", "the", and any word as frequent as
    French "on") a little, a frequent word less than a rare one, names and numbers fully; a word
    the dictionary does not hold counts half when it stays unaligned (the dictionary may only
    lack it). English contractions count as their parts ("don't" may render "ikke"). The link
    needs enough of the shorter quote's weight aligned (:data:`MIN_COVERAGE`: 40% with three
    content words aligned, 50% with two) and half its words, function words too
    (:data:`MIN_WORD_SHARE`: a statement on the same subject shares the nouns, not the words
    between them), within the sentences of the longer quote that it renders (a rendering may
    render part of a longer quote: that part is recorded in the link's ``parts``); at least
    :data:`MIN_ALIGNED` words aligned, one content word aligned by the dictionary (names and
    numbers alone are the next rule's); a negation in both or in neither (``negation_words``);
    and no two different speakers.
``same-names-and-numbers``
    Where no dictionary helps (a language without a table): the same speaker, the same marks —
    numbers, and names capitalised mid-sentence (not the common nouns of a language that
    capitalises nouns) — two marks or more and none differing, and lengths within a factor of two.

Quotes are never compared all against all: identical texts are aligned once (wire copy repeats
one quote in many sources), and two texts are aligned only when they share
:data:`MIN_SHARED_KEYS` meanings of their content words, names or numbers (an inverted index;
a meaning more than :data:`MAX_POSTING` texts share is too common to find candidates by). The
dictionaries load only when quotes in two languages are there to compare.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from generator.lang import trait, word_set
from generator.model.claims import Quote
from generator.model.finding import AlignedWord, TranslationLink
from generator.model.source import CaseInfo, Source
from generator.model.span import Span
from generator.read.segment import split_sentences
from generator.text import lexicon as lex
from generator.text.bilingual import has_table, pivot_words
from generator.text.lemmas import lemma_of
from generator.text.numbers import number_syntax
from generator.text.words import UPPER_CLASS, WORD_OR_NUMBER, fold

MIN_COVERAGE: tuple[tuple[int, float], ...] = ((3, 0.4), (2, 0.5))
"""Content words aligned, and the share of the shorter quote's weight that must then be aligned: the
fewer words say something, the more of the quote they must cover (two words alike are chance more often)."""
MIN_ALIGNED = 3
"""Words that must be aligned, function words included."""
MIN_WORD_SHARE = 0.5
"""Share of the shorter quote's words (each counting one, function words too) that must be aligned: a
rendering renders the words that hold a sentence together, a statement on the same subject shares
only its nouns ("das Wasser … in der Nacht … das Haus" beside "the water came into our house in the
night")."""
FUNCTION_ZIPF = 6.4
"""A word this frequent (French "on", "mais", English "just") counts as a function word, listed or not."""
FUNCTION_WEIGHT = 0.15
"""What a function word ("the", "de", "og") weighs beside a rare word (1)."""
UNKNOWN_SHARE = 0.5
"""What a word the dictionary does not hold counts, left unaligned, beside one it holds."""
MIN_SHARED_KEYS = 2
"""Meanings two texts must share to be aligned at all (the prefilter)."""
MAX_POSTING = 400
"""A meaning shared by more texts than this finds no candidates (it is too common to say anything)."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class _Token:
    """One word of a quote, with what it may be aligned by."""

    start: int
    """Offset in the quote's text."""
    end: int
    """Offset one past its end."""
    text: str
    """The word as written."""
    keys: frozenset[str]
    """What it may share with a word of another language: ``#11`` (a number), ``=juan`` (a spelling),
    ``~always`` (an English meaning)."""
    weight: float
    """How much it says: a function word little, a rare word or a name 1."""
    content: bool
    """Whether it is no function word."""
    negates: bool = False
    """Whether it turns what its clause says into the opposite (the language's ``negation_words``)."""

    @property
    def known(self) -> bool:
        """Whether the dictionary (or its being a number) says what it may mean: a word it does not
        hold may be rendered by any word, so its staying unaligned counts half."""
        return any(key[0] in "~#" for key in self.keys)


@dataclass
class _Text:
    """One distinct quote text in one language, and the quotes that give it."""

    language: str
    text: str
    tokens: tuple[_Token, ...]
    quotes: list[Quote]

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Offsets of the text's sentences (worked out only for a text aligned as the longer)."""
        return tuple(split_sentences(self.text, self.language)) or ((0, len(self.text)),)


@dataclass(frozen=True)
class Alignment:
    """Words of a shorter text aligned one to one with a stretch of a longer one."""

    pairs: tuple[tuple[int, int, str], ...]
    """Aligned tokens: index in the shorter text, index in the longer, and how (``~nose``, ``=juan``, ``#11``)."""
    coverage: float
    """Aligned share of the shorter text's weight."""
    aligned: int
    """Words aligned."""
    share: float
    """Aligned share of the shorter text's words, each counting one (see :data:`MIN_WORD_SHARE`)."""
    content: int
    """Aligned words that are no function words."""
    by_dictionary: int
    """Aligned content words that only the dictionary joins."""
    stretch: tuple[int, int]
    """First and last word of the longer text that the shorter renders (:func:`rendered`)."""


def _weight(word: str, language: str, function: bool) -> float:
    if function:
        return FUNCTION_WEIGHT
    frequency = lex.zipf(word.casefold(), language)
    return min(1.0, max(0.3, (7.0 - frequency) / 3.0))  # "nose" (4.3) 0.9; "people" (6.0) 0.33; a name 1


def _tokens(text: str, language: str) -> tuple[_Token, ...]:
    """The words of a quote with their keys and weights."""
    stop = word_set(language, "claim_stopwords")
    negations = word_set(language, "negation_words")
    number_words = number_syntax(language).words
    dictionary = has_table(language)
    tokens = []
    for match in WORD_OR_NUMBER.finditer(text):
        word = match.group(0)
        lower = word.casefold().replace("’", "'")
        if _NUMBER.fullmatch(word):
            tokens.append(_Token(match.start(), match.end(), word, frozenset({f"#{_number_key(word)}"}), 1.0, True))
            continue
        function = lower in stop or lemma_of(word, language) in stop or lex.zipf(lower, language) >= FUNCTION_ZIPF
        keys = {f"~{meaning}" for meaning in pivot_words(word, language)} if dictionary else set()
        value = number_words.get(lower)
        if value is not None and value == int(value):
            keys.add(f"#{int(value)}")
        if not function:
            keys.add(f"={fold(word)}")
        tokens.append(_Token(match.start(), match.end(), word, frozenset(keys), _weight(word, language, function),
                             not function, lower in negations))
    return tuple(tokens)


def _number_key(written: str) -> str:
    """Digits as one value whatever the separators ("39.000", "39,000" and "39000" are 39000; "6,1" is 6.1)."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", written):
        return written.replace(".", "").replace(",", "")
    return written.replace(",", ".")


def align(short: Sequence[_Token], long: Sequence[_Token],
          sentences: Sequence[tuple[int, int]] = ()) -> Alignment:
    """The best one-to-one alignment of ``short``'s words with a stretch of ``long``.

    The stretch holds at most twice the shorter text's words (at least six more): each start at a
    word that a word of ``short`` may be aligned with is tried. In each, the content words of
    ``short`` are aligned first, heaviest first, each with the free word sharing a key that is
    nearest where the nearest word aligned so far puts it (a rendering keeps its words near each
    other); then the function words, only among the words the content words span (give or take
    :data:`_MARGIN`), so that a stray "for" does not stretch the rendering. The stretch aligning
    most weight wins, then the tightest, then the earliest. Given the longer text's ``sentences``
    (offsets), words aligned outside the sentences it renders (:func:`rendered`) are dropped."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j, token in enumerate(long):
        for key in token.keys:
            positions[key].append(j)
    candidates = [sorted({j for key in token.keys for j in positions.get(key, ())}) for token in short]
    width = max(2 * len(short), len(short) + 6)
    whole = len(long) <= width
    starts = [0] if whole else sorted({j for found in candidates for j in found})
    content = sorted((i for i, t in enumerate(short) if t.content), key=lambda i: (-short[i].weight, i))
    function = [i for i, t in enumerate(short) if not t.content]
    best: tuple[float, int, dict[int, int]] = (0.0, 0, {})
    for begin in starts:
        end = len(long) if whole else min(len(long), begin + width)
        pairs: dict[int, int] = {}
        _assign(content, candidates, begin, end, pairs, len(long) / max(1, len(short)) if whole else 1.0)
        low, high = begin, end
        if pairs:  # where the shorter text lies, given its content words: as many words before and after
            first, last = min(pairs), max(pairs)
            margin = max(_MARGIN, len(short) // 4)
            low = max(begin, pairs[first] - first - margin)
            high = min(end, pairs[last] + len(short) - last + margin)
        _assign(function, candidates, low, high, pairs, 1.0)
        weight = sum(short[i].weight for i in pairs)
        span = max(pairs.values()) - min(pairs.values()) if pairs else 0
        if weight > best[0] + 1e-9 or (abs(weight - best[0]) <= 1e-9 and pairs and span < best[1]):
            best = (weight, span, pairs)
    pairs = best[2]
    stretch = (0, len(long) - 1)
    if sentences and pairs:
        stretch = rendered(short, long, sentences, pairs)
        pairs = {i: j for i, j in pairs.items() if stretch[0] <= j <= stretch[1]}
    total = sum(t.weight if i in pairs or t.known else t.weight * UNKNOWN_SHARE for i, t in enumerate(short)) or 1.0
    shown = tuple((i, j, _how(short[i], long[j])) for i, j in sorted(pairs.items()))
    aligned_content = [(i, j) for i, j in sorted(pairs.items()) if short[i].content]
    by_dictionary = sum(1 for i, j in aligned_content if all(k[0] == "~" for k in short[i].keys & long[j].keys))
    weight = sum(short[i].weight for i in pairs)
    words = sum(1.0 if i in pairs or t.known else UNKNOWN_SHARE for i, t in enumerate(short)) or 1.0
    return Alignment(shown, round(weight / total, 4), len(pairs), round(len(pairs) / words, 4), len(aligned_content),
                     by_dictionary, stretch)


def rendered(short: Sequence[_Token], long: Sequence[_Token], sentences: Sequence[tuple[int, int]],
             pairs: Mapping[int, int]) -> tuple[int, int]:
    """The words of the longer text (first and last index) that the shorter renders: whole
    sentences of it, from the first to the last holding an aligned content word; and the sentence
    before or after them when it holds an aligned word and the shorter text has content words
    beyond its outermost aligned one on that side (the dictionary may lack a word: "feil" is
    given as *mistake*, not *fault*). Function words aligned further away are strays."""
    content = [(i, j) for i, j in pairs.items() if short[i].content]
    if not content:
        return 0, len(long) - 1
    at = [next((n for n, (_, end) in enumerate(sentences) if token.start < end), len(sentences) - 1)
          for token in long]
    first = min(at[j] for _, j in content)
    last = max(at[j] for _, j in content)
    holding = {at[j] for j in pairs.values()}
    low, high = min(i for i, _ in content), max(i for i, _ in content)
    if first - 1 in holding and any(t.content for t in short[:low]):
        first -= 1
    if last + 1 in holding and any(t.content for t in short[high + 1:]):
        last += 1
    words = [n for n, sentence in enumerate(at) if first <= sentence <= last]
    return words[0], words[-1]


_MARGIN = 3
"""Words beyond where the content words put the shorter text that function words may still be aligned with."""


def _assign(order: Sequence[int], candidates: Sequence[Sequence[int]], low: int, high: int,
            pairs: dict[int, int], ratio: float) -> None:
    """Align each word of ``order`` with the free candidate in ``[low, high)`` nearest where it is
    expected: beside the nearest word aligned so far, else at its place in the stretch."""
    used = set(pairs.values())
    for i in order:
        free = [j for j in candidates[i] if low <= j < high and j not in used]
        if not free:
            continue
        if pairs:
            near = min(pairs, key=lambda k: (abs(k - i), k))
            expected = pairs[near] + (i - near)
        else:
            expected = low + round(i * ratio)
        j = min(free, key=lambda j: (abs(j - expected), j))
        pairs[i] = j
        used.add(j)


def _how(a: _Token, b: _Token) -> str:
    """The key two aligned words share: a number, the spelling, else the first English meaning."""
    shared = sorted(a.keys & b.keys)
    return next((k for k in shared if k[0] == "#"), next((k for k in shared if k[0] == "="), shared[0]))


def _quote_ref(entry: object, quotes: Sequence[Quote]) -> Quote | None:
    """The quote a curated entry names: by id, or by the start of its source id and text."""
    if isinstance(entry, str):
        return next((q for q in quotes if q.id == entry), None)
    if isinstance(entry, dict):
        source, starts = str(entry.get("source", "")), str(entry.get("text", ""))
        return next((q for q in quotes if q.source.startswith(source) and q.text.startswith(starts) and starts), None)
    return None


def translation_links(quotes: Sequence[Quote], case: CaseInfo | None = None,
                      sources: Sequence[Source] = ()) -> tuple[TranslationLink, ...]:
    """Quotes linked across languages: curated in ``case.yml`` ``translations:``, else detected
    (by aligned words, else by the same names and numbers; see the module's docstring).
    ``sources`` give the paragraph of a part of a quote (a rendering of part of a longer quote)."""
    links: list[TranslationLink] = []
    linked: set[str] = set()
    raw = (case.raw.get("translations") if case is not None else None) or []
    for group in raw if isinstance(raw, list) else []:
        entries = group if isinstance(group, list) else group.get("quotes", []) if isinstance(group, dict) else []
        named = [_quote_ref(e, quotes) for e in entries]
        ids = sorted({q.id for q in named if q is not None})
        if len(ids) >= 2:
            links.append(TranslationLink(tuple(ids), "curated", "linked in case.yml", rules=("curated",)))
            linked.update(ids)
    free = [q for q in quotes if q.id not in linked]
    aligned = _aligned_links(free, {s.id: s for s in sources})
    links.extend(aligned)
    linked_by: dict[str, set[int]] = defaultdict(set)
    for number, link in enumerate(aligned):
        for qid in link.quotes:
            linked_by[qid].add(number)
    links.extend(link for link in _marked_links(free)
                 if not linked_by.get(link.quotes[0], set()) & linked_by.get(link.quotes[1], set()))
    return tuple(sorted(links, key=lambda link: link.quotes))


class Renderings(Mapping[str, tuple[str, ...]]):
    """Each linked quote's renderings in other languages, as ``source|start|end``, worked out when
    asked for: a link of wire copy holds a quote in many sources, and listing every other
    quote for every quote of it would grow with the square of the copies."""

    def __init__(self, links: Iterable[TranslationLink], quotes: Iterable[Quote]) -> None:
        self._links = tuple(links)
        self._quotes = {q.id: q for q in quotes}
        self._of: dict[str, list[int]] = defaultdict(list)
        for number, link in enumerate(self._links):
            for qid in link.quotes:
                self._of[qid].append(number)

    def __getitem__(self, qid: str) -> tuple[str, ...]:
        if qid not in self._of:
            raise KeyError(qid)
        language = self._quotes[qid].language
        found = dict.fromkeys(f"{q.source}|{q.start}|{q.end}" for number in self._of[qid]
                              for other in self._links[number].quotes
                              if other != qid and (q := self._quotes[other]).language != language)
        return tuple(found)

    def __iter__(self) -> Iterator[str]:
        return iter(self._of)

    def __len__(self) -> int:
        return len(self._of)


def _texts(quotes: Iterable[Quote]) -> list[_Text]:
    """The distinct texts of the quotes, by language and text, in order of their first quote."""
    found: dict[tuple[str, str], _Text] = {}
    for quote in quotes:
        key = (quote.language, quote.text)
        if key not in found:
            found[key] = _Text(quote.language, quote.text, (), [])
        found[key].quotes.append(quote)
    return list(found.values())


def _candidates(texts: Sequence[_Text]) -> list[tuple[int, int]]:
    """Pairs of texts in different languages that share enough meanings to be worth aligning."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        for key in sorted({k for t in text.tokens if t.content for k in t.keys}):
            postings[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for key in sorted(postings):
        holding = postings[key]
        if len(holding) > MAX_POSTING:
            continue
        for n, a in enumerate(holding):
            for b in holding[n + 1:]:
                if texts[a].language != texts[b].language:
                    shared[(a, b)] += 1
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED_KEYS)


def _aligned_links(quotes: Sequence[Quote], sources: dict[str, Source]) -> list[TranslationLink]:
    """Links by aligned words between texts in languages the dictionary covers."""
    if len({q.language for q in quotes}) < 2:
        return []
    texts = [t for t in _texts(quotes) if has_table(t.language)]
    if len({t.language for t in texts}) < 2:
        return []
    for text in texts:
        text.tokens = _tokens(text.text, text.language)
    links: list[TranslationLink] = []
    for a, b in _candidates(texts):
        first, second = texts[a], texts[b]
        short, long = sorted((first, second), key=lambda t: (sum(k.weight for k in t.tokens), t.language, t.text))
        alignment = align(short.tokens, long.tokens, long.sentences)
        if not _holds(alignment, short.tokens, long.tokens):
            continue
        link = _link(short, long, alignment, sources)
        if link is not None:
            links.append(link)
    return links


def _holds(alignment: Alignment, short: Sequence[_Token] = (), long: Sequence[_Token] = ()) -> bool:
    """The ``words-aligned`` rule: enough of the shorter text aligned, in enough words that say
    something and in enough of its words, and a negation in both or in neither (the shorter text,
    and the stretch of the longer one it renders: "has not sent" and "a envoyé" say opposite things)."""
    enough = any(alignment.content >= content and alignment.coverage >= share for content, share in MIN_COVERAGE)
    low, high = alignment.stretch
    polarity = any(t.negates for t in short) == any(t.negates for t in long[low:high + 1])
    return (enough and alignment.share >= MIN_WORD_SHARE and alignment.aligned >= MIN_ALIGNED
            and alignment.by_dictionary >= 1 and polarity)


def _link(short: _Text, long: _Text, alignment: Alignment, sources: dict[str, Source]) -> TranslationLink | None:
    """The link of two aligned texts: every quote giving either (wire copy gives one text in many
    sources), provided some quote of each may have one speaker (the same, or named in one only)."""
    named_a = {q.speaker for q in short.quotes}
    named_b = {q.speaker for q in long.quotes}
    if None in named_a or None in named_b:
        speaker = "same speaker" if named_a & named_b - {None} else (
            "speaker named in one of them" if (named_a | named_b) - {None} else "speaker named in neither")
    elif named_a & named_b:
        speaker = "same speaker"
    else:
        return None  # two different speakers
    words = tuple(AlignedWord(short.language, short.tokens[i].text, long.language, long.tokens[j].text, _via(how))
                  for i, j, how in alignment.pairs)
    stretch = alignment.stretch
    begin = long.tokens[stretch[0]].start
    finish = next((end for _, end in long.sentences if long.tokens[stretch[1]].start < end),
                  long.tokens[stretch[1]].end)  # with its full stop
    parts = [part for quote in long.quotes if (part := _part(quote, begin, finish, sources)) is not None]
    shown = ", ".join(f"{w.word_a} = {w.word_b}" for w in words)
    evidence = (f"aligned words: {shown} ({alignment.aligned} of {len(short.tokens)} words of the shorter quote, "
                f"{round(alignment.coverage * 100)}% of its weight); {speaker}")
    numbers = [[t.text for n, t in enumerate(text.tokens) if n not in done and low <= n <= high
                and any(k[0] == "#" for k in t.keys)]
               for text, done, (low, high) in ((short, {i for i, _, _ in alignment.pairs}, (0, len(short.tokens))),
                                               (long, {j for _, j, _ in alignment.pairs}, stretch))]
    if all(numbers):  # a rendering keeps its numbers: these are worth a look
        evidence += f"; numbers differ: {', '.join(numbers[0])} / {', '.join(numbers[1])}"
    return TranslationLink(tuple(sorted(q.id for q in (*short.quotes, *long.quotes))), "detected", evidence,
                           rules=("words-aligned",), score=round(alignment.coverage, 2), aligned=words,
                           parts=tuple(sorted(parts, key=lambda p: (p.source, p.start))))


def _via(how: str) -> str:
    """How two words are aligned, in words: ``dictionary: nose``, ``same spelling``, ``same number``."""
    return {"#": "same number", "=": "same spelling"}.get(how[0], f"dictionary: {how[1:]}")


def _part(quote: Quote, start: int, end: int, sources: dict[str, Source]) -> Span | None:
    """The stretch of ``quote`` the alignment covers, when it is less than the quote and its source is known."""
    while end > start and not quote.text[end - 1].strip():
        end -= 1
    if (start, end) == (0, len(quote.text)) or quote.source not in sources:
        return None
    if len(quote.text[start:end].strip()) >= len(quote.text.strip()) * 0.9:
        return None
    source = sources[quote.source]
    begin = quote.start + start
    return Span(quote.source, source.paragraph_at(begin).anchor, begin, quote.start + end, quote.text[start:end])


def _marked_links(quotes: Sequence[Quote]) -> list[TranslationLink]:
    """The ``same-names-and-numbers`` rule: the same speaker, different languages, the same names
    and numbers (two or more in common, none differing), lengths within a factor of two."""
    links: list[TranslationLink] = []
    keyed: dict[tuple[str, frozenset[str]], list[Quote]] = defaultdict(list)
    marked: dict[tuple[str, str], frozenset[str]] = {}
    for quote in quotes:
        if not quote.speaker:
            continue
        key = (quote.text, quote.language)
        if key not in marked:
            marked[key] = frozenset(_marks(*key))
        marks = marked[key]
        if len(marks) >= 2:
            keyed[(quote.speaker, marks)].append(quote)
    for (_, shared), speaking in sorted(keyed.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        for i, a in enumerate(speaking):
            for b in speaking[i + 1:]:
                if a.language == b.language:
                    continue
                words_a, words_b = len(WORD_OR_NUMBER.findall(a.text)), len(WORD_OR_NUMBER.findall(b.text))
                if 0.5 <= words_a / max(1, words_b) <= 2:
                    links.append(TranslationLink(tuple(sorted((a.id, b.id))), "detected",
                                                 f"same speaker; same names and numbers: {', '.join(sorted(shared))}",
                                                 rules=("same-names-and-numbers",)))
    return links


def _marks(text: str, language: str) -> set[str]:
    """Numbers (in digits or words: "onze" and "eleven" are 11) and mid-sentence capitalised
    names (not German nouns, which are capitalised too): what a translation keeps."""
    numbers = set(re.findall(r"\d+", text))
    words = number_syntax(language).words
    for word in WORD_OR_NUMBER.findall(text):
        value = words.get(word.lower())
        if value is not None and value >= 2 and value == int(value):
            numbers.add(str(int(value)))
    nouns = trait(language, "capitalises_nouns")
    names = {m.group(0) for m in re.finditer(rf"(?<=[\w,;] )[{UPPER_CLASS}]\w+", text)
             if not (nouns and lex.zipf(m.group(0).lower(), language) >= lex.COMMON_NOUN_ZIPF
                     and lex.place(m.group(0)) is None and not lex.is_given_name(m.group(0)))}
    return numbers | names

"""Quote stage: direct quotes in every style our languages use, with their speakers.

Styles: ``“…”``, ``"…"``, ``''…''``, ``‘…’``, ``'…'``, ``«…»``, ``„…“``, ``» … «`` and the
dialogue dash that opens a paragraph (``– De gjør narr av nesen min, sier …, hikster han.``).
Apostrophes are not quote marks; a quote may span sentences but not paragraphs.

A speaker is attributed only on evidence, recorded in ``evidence``: a speech verb
(per-language data, ``quote_speech_verbs``) next to a person mention, a pronoun or a
description ("the young boy") resolved to the nearest person of fitting gender, or the
continuation of the previous quote. Without evidence the speaker is unknown (``None``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from generator.lang import canonical_language, language_data, word_set
from generator.model.claims import Quote, QuoteEvidence
from generator.model.refs import PersonIndex, PersonRef
from generator.model.source import Paragraph, Source
from generator.text.lexicon import calendar_words
from generator.text.words import HYPHENATED_WORD_OR_INTEGER, UPPER_CLASS, WORD_OR_INTEGER, fold
from generator.util.spans import SpanSet

# (style name, pattern whose group 1 is the quoted text), in order of preference.
_MARK_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.DOTALL)) for name, pattern in (
        ("guillemets", r"«([^«»\n]+)»"),
        ("low-high", r"„([^„“”\n]+)[“”]"),
        ("curly", r"“([^“”\n]+)”"),
        ("reversed-guillemets", r"»([^»«\n]+)«"),
        ("double-apostrophes", r"''((?:(?!'')[^\n])+)''"),
        ("straight", r"\"([^\"\n]+)\""),
        ("curly-single", r"(?<![\w‘’])‘(\S(?:[^\n]*?\S)?)’(?![\w’])"),
        ("curly-unclosed", r"“([^“”\n]+)“"),
        ("straight-single", r"(?<![\w'])'(?=[^\s'])((?:[^'\n]|'(?=\w))+?)(?<=\S)'(?![\w'])"),
    )
)


_DASH_OPEN = re.compile(r"[–—]\s+|-\s+")


_DASH_AGAIN = re.compile(r"\s*[.!?:]?\s+[–—]\s+")  # the next dash quote after an attribution


_DASH_INSIDE = re.compile(r"(?<=[.!?])\s+([–—])\s+")  # a dash opening a sentence inside a paragraph






_SENTENCE_END = re.compile(r"[.!?:;](?=\s|$)")


_MIN_WORDS = 3


_INTRODUCING = (":", "-", "–", "—")  # a paragraph ending so introduces the quote that follows


_PARAGRAPHS_BACK = 5  # how far back a pronoun looks for its person …


_CHARS_BACK = 1500  # … and at most this many characters


_VERB_REACH = 6  # tokens between the quote and the speech verb after it


@dataclass(frozen=True)
class _Words:
    verbs: frozenset[str]
    pronouns: dict[str, str]
    descriptors: tuple[tuple[str, str], ...]
    not_subject: frozenset[str]
    dash: bool
    stopwords: frozenset[str]
    honorifics: frozenset[str]
    calendar: frozenset[str] = frozenset()


@cache
def _words(language: str) -> _Words:
    data = language_data(language)
    pronouns = {str(w).lower(): str(g) for g, words in (data.get("quote_pronouns") or {}).items() for w in words}
    descriptors = tuple(sorted(((str(w).lower(), str(g)) for g, words in (data.get("quote_descriptors") or {}).items()
                                for w in words), key=lambda d: -len(d[0])))
    return _Words(word_set(language, "quote_speech_verbs"), pronouns, descriptors,
                  word_set(language, "quote_not_subject"), bool(data.get("quote_dialogue_dash", False)),
                  word_set(language, "claim_stopwords"), word_set(language, "entity_honorifics"),
                  calendar_words(language) | frozenset(fold(w) for w in word_set(language, "date_weekday_parts")))


@dataclass
class _Raw:
    start: int
    end: int
    outer_start: int
    outer_end: int
    style: str
    paragraph: Paragraph
    attribution: tuple[int, int] | None = None  # where a dash quote's attribution lies


def _mark_quotes(text: str, paragraph: Paragraph) -> list[_Raw]:
    candidates = []
    for rank, (style, pattern) in enumerate(_MARK_PATTERNS):
        for m in pattern.finditer(text, paragraph.start, paragraph.end):
            candidates.append((m.start(), -(m.end() - m.start()), rank, style, m))
    candidates.sort(key=lambda c: (c[2], c[0]))
    kept: list[_Raw] = []
    for _, _, _, style, m in candidates:
        if any(m.start() < k.outer_end and k.outer_start < m.end() for k in kept):
            continue
        start, end = m.start(1), m.end(1)
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end -= len(inner) - len(inner.rstrip(" \u00a0\u202f\t,"))
        if end <= start:
            continue
        kept.append(_Raw(start, end, m.start(), m.end(), style, paragraph))
    return kept


def _is_quote(text: str, raw: _Raw) -> bool:
    """Quotes say something; titles and terms («Avengers»-premieren, ''N'' word) do not."""
    inner = text[raw.start:raw.end]
    words = WORD_OR_INTEGER.findall(inner)
    if raw.outer_end < len(text) and text[raw.outer_end] == "-" and raw.outer_end + 1 < len(text) \
            and text[raw.outer_end + 1].isalpha():
        return False
    if len(words) >= _MIN_WORDS:
        return not (len(words) <= 4 and all(w[:1].isupper() for w in words) and inner[-1:] not in ".!?")
    return len(words) == 2 and inner[-1:] in ".!?"


def _dash_quotes(text: str, paragraph: Paragraph, words: _Words, index: PersonIndex) -> list[_Raw]:
    """A paragraph opening with a dash is a quote up to its attribution (``, sier han``); so is
    a sentence opening with one inside a paragraph ("… klokken 19.45. – Mannskapet gjorde …,
    sier Jon Berg"), but only when a speech verb and its speaker end it."""
    opening = _DASH_OPEN.match(text, paragraph.start, paragraph.end)
    if opening is not None:
        outer_start, position = opening.start(), opening.end()
    else:
        inside = next((d for d in _DASH_INSIDE.finditer(text, paragraph.start, paragraph.end)
                       if _dash_attribution(text, d.end(), paragraph.end, words, index) is not None), None)
        if inside is None:
            return []
        outer_start, position = inside.start(1), inside.end()
    found = []
    while position < paragraph.end:
        attribution = _dash_attribution(text, position, paragraph.end, words, index)
        if attribution is None:
            end = paragraph.end
            inner_end = end - (len(text[position:end]) - len(text[position:end].rstrip()))
            found.append(_Raw(position, inner_end, outer_start, end, "dash", paragraph))
            break
        comma, attr_end = attribution
        found.append(_Raw(position, comma, outer_start, comma, "dash", paragraph, (comma, attr_end)))
        # "– …, sier han. – …": a second dash in the paragraph goes on quoting the same person
        again = _DASH_AGAIN.match(text, attr_end, paragraph.end)
        if not again:
            break
        outer_start, position = again.start(), again.end()
    return found


def _dash_attribution(text: str, start: int, end: int, words: _Words,
                      index: PersonIndex) -> tuple[int, int] | None:
    """Where ``, VERB SUBJECT`` ends a dash quote: (offset of the comma, end of the clause)."""
    for comma in re.finditer(r"[,?!]\s+", text[start:end]):
        at = start + comma.end()
        verb = WORD_OR_INTEGER.match(text, at, end)
        if not verb or verb.group(0).lower() not in words.verbs:
            continue
        found = _subject_after_verb(text, verb.end(), end, words, index)
        if found is None:
            continue
        subject_at = found[2]
        clause = _SENTENCE_END.search(text, subject_at, end)
        comma_at = start + comma.start() + (1 if text[start + comma.start()] in "?!" else 0)
        return comma_at, clause.end() if clause else end
    return None


_MAX_TITLE_WORDS = 3  # "sagte die Katastrophenschutzchefin Kari Vik", "sier beredskapssjef Kari Vik"


def _subject_after_verb(text: str, at: int, end: int, words: _Words,
                        index: PersonIndex) -> tuple[str, int, int] | None:
    """The speaker right after a speech verb ending at ``at``: a pronoun ("dit-il",
    "explique-t-elle", "sier han"), a description, or a person, possibly after an article and
    a title ("said Mayor Anne Solberg", "sier beredskapssjef Kari Vik"). Only a person may
    follow a title; a title word is no function word, except an article opening it."""
    if text.startswith("-t-", at):
        at += 3
    elif text.startswith("-", at):
        at += 1
    while at < end and text[at] == " ":
        at += 1
    at = _after_time_words(text, at, end, words)  # "a déclaré lundi le préfet …", "sagte am Montag …"
    found = _subject_at(text, at, end, words, index)
    if found is not None:
        return found
    found = _named_after_title(text, at, end, words, index)
    if found is not None:
        return found
    position = at
    for n in range(_MAX_TITLE_WORDS):
        token = HYPHENATED_WORD_OR_INTEGER.match(text, position, end)  # "sagte Verdi-Sprecherin Petra Klein"
        if token is None or token.group(0)[:1].isdigit():
            return None
        lower = token.group(0).lower()
        honorific = lower in words.honorifics  # a title even where it is also a short word ("M.")
        article = lower in words.stopwords and not honorific
        if lower in words.pronouns or (article and n > 0) or lower in words.verbs:
            return None
        after = token.end()
        if honorific and text.startswith(".", after):
            after += 1  # an abbreviated title: "a déclaré M. Marchal", "said Dr. Ann Lee"
        if not text.startswith(" ", after):
            return None
        position = after + 1
        ref = index.starting_at(position)
        if ref is not None and ref.start == position and n + article < _MAX_TITLE_WORDS:
            if article:
                return None  # an article needs a title after it: "said the Kari Vik" is no title
            return "person", ref.start, ref.end
    return None


def _after_time_words(text: str, at: int, end: int, words: _Words) -> int:
    """Where the speaker may start once the day right after a speech verb is passed: "lundi",
    "lundi matin", "am Montag", "on Monday" (an article or preposition, then calendar words)."""
    position = at
    skipped = 0
    while skipped < 3:
        token = WORD_OR_INTEGER.match(text, position, end)
        if token is None:
            break
        word = fold(token.group(0))
        following = WORD_OR_INTEGER.match(text, token.end() + 1, end) if text.startswith(" ", token.end()) else None
        if word in words.calendar or (word in words.stopwords and following is not None
                                      and fold(following.group(0)) in words.calendar):
            position = token.end()
            while position < end and text[position] == " ":
                position += 1
            skipped += 1
            continue
        break
    return position if skipped and WORD_OR_INTEGER.match(text, position, end) else at


_APPOSITION_REACH = 80  # characters of a long title before the name set off by a comma


def _named_after_title(text: str, at: int, end: int, words: _Words,
                       index: PersonIndex) -> tuple[str, int, int] | None:
    """A speaker named after a longer title and a comma, where the clause ends: "a expliqué le
    directeur régional de la SNCF, Jean-Pierre Martin", "said the head of the rail company,
    John Smith". The title opens with an article; nothing between verb and name ends a clause."""
    first = WORD_OR_INTEGER.match(text, at, end)
    if first is None or first.group(0).lower() not in words.stopwords or first.group(0).lower() in words.pronouns:
        return None
    comma = text.find(", ", at, min(end, at + _APPOSITION_REACH))
    if comma == -1 or any(c in text[at:comma] for c in ".!?:;«»\"“”„"):
        return None
    ref = index.starting_at(comma + 2)
    if ref is None or ref.start != comma + 2 or not (ref.end >= end or text[ref.end:ref.end + 1] in ".,;"):
        return None
    return "person", ref.start, ref.end


def _subject_at(text: str, at: int, end: int, words: _Words, index: PersonIndex) -> tuple[str, int, int] | None:
    """A speaker candidate starting at ``at``: ("person"|"pronoun"|"description", start, end)."""
    ref = index.starting_at(at)
    if ref is not None and ref.start == at:
        return "person", ref.start, ref.end
    lower = text[at:at + 40].lower()
    for phrase, _ in words.descriptors:
        if lower.startswith(phrase) and not lower[len(phrase):len(phrase) + 1].isalpha():
            return "description", at, at + len(phrase)
    word = WORD_OR_INTEGER.match(text, at, end)
    if word and word.group(0).lower() in words.pronouns:
        return "pronoun", word.start(), word.end()
    return None


def extract_quotes(source: Source, persons: Iterable[PersonRef] = ()) -> tuple[Quote, ...]:
    """Every direct quote in ``source``, in text order, with its speaker when there is evidence."""
    language = canonical_language(source.language)
    words = _words(language)
    text = source.text
    index = PersonIndex(source.id, persons)
    raws: list[_Raw] = []
    for paragraph in source.article:
        in_paragraph = _dash_quotes(text, paragraph, words, index) if words.dash else []
        for raw in _mark_quotes(text, paragraph):
            if any(raw.outer_start < d.outer_end and d.outer_start < raw.outer_end for d in in_paragraph):
                continue
            if _is_quote(text, raw):
                in_paragraph.append(raw)
        raws.extend(sorted(in_paragraph, key=lambda r: r.start))
    spans = SpanSet((r.outer_start, r.outer_end) for r in raws)
    outside = [ref for ref in index.refs if not spans.contains(ref.start)]
    attributor = _Attributor(source, words, index, outside, raws)
    quotes: list[Quote] = []
    counters: dict[str, int] = {}
    for i, raw in enumerate(raws):
        speaker, name, evidence, kind = attributor.attribute(i, quotes)
        anchor = raw.paragraph.anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        quotes.append(Quote(
            id=f"{source.id}-{anchor}-q{counters[anchor]}", source=source.id, anchor=anchor,
            start=raw.start, end=raw.end, text=text[raw.start:raw.end], language=language,
            speaker=speaker, evidence=evidence, evidence_kind=kind, style=raw.style, speaker_name=name))
    return tuple(quotes)


_Attribution = tuple[str | None, str | None, str | None, QuoteEvidence]
"""A quote's speaker (entity id), the speaker's name, the evidence in words, and how it was found."""


class _Attributor:
    """Finds the speaker of each quote of one source."""

    def __init__(self, source: Source, words: _Words, index: PersonIndex, outside: list[PersonRef],
                 raws: list[_Raw]) -> None:
        self.source = source
        self.text = source.text
        self.words = words
        self.index = index
        self.outside = outside  # person mentions not inside any quote, sorted
        self.outside_starts = [r.start for r in outside]
        self.raws = raws
        self.outer_ends = sorted(r.outer_end for r in raws)

    def attribute(self, i: int, done: list[Quote]) -> _Attribution:
        raw = self.raws[i]
        windows = []
        if raw.attribution is not None:
            windows.append(("after", raw.attribution[0], raw.attribution[1]))
        else:
            after = ("after", raw.outer_end, self._after_end(i))
            before = ("before", self._before_start(i), raw.outer_start)
            # '"…?," Keaton responds, "…"': a verb that leads into the next quote introduces that one
            leads_on = (i + 1 < len(self.raws) and after[2] == self.raws[i + 1].outer_start
                        and self.text[after[1]:after[2]].rstrip()[-1:] in (",", ":"))
            windows.extend([before, after] if leads_on else [after, before])
            if raw.outer_start == raw.paragraph.start or not self.text[raw.paragraph.start:raw.outer_start].strip():
                previous = self._previous_paragraph(raw.paragraph)
                if previous is not None and self.text[previous.start:previous.end].rstrip()[-1:] in _INTRODUCING:
                    last = previous.sentences[-1] if previous.sentences else previous
                    start = max(last.start, self._last_quote_end(previous.start, previous.end))
                    windows.append(("before", start, previous.end))
        for side, start, end in windows:
            found = self._from_window(side, start, end)
            if found is not None:
                return found
        return self._continuation(i, done)

    def _last_quote_end(self, start: int, end: int) -> int:
        """The end of the last quote ending within ``[start, end]``, or 0 (quote ends ascend)."""
        position = bisect_right(self.outer_ends, end) - 1
        return self.outer_ends[position] if position >= 0 and self.outer_ends[position] >= start else 0

    def _after_end(self, i: int) -> int:
        raw = self.raws[i]
        text = self.text
        # "…lunch." When she asks: a quote that ends its sentence takes no attribution after it
        last_inside = text[raw.outer_end - 2:raw.outer_end - 1] if raw.style != "dash" else ""
        following = text[raw.outer_end:raw.paragraph.end].lstrip()[:1]
        if last_inside in (".", "!", "?", "…") and (following.isupper() or following in "\"“«„»–—'‘"):
            return raw.outer_end
        limit = raw.paragraph.end
        if i + 1 < len(self.raws) and self.raws[i + 1].paragraph is raw.paragraph:
            limit = min(limit, self.raws[i + 1].outer_start)
        # the attribution ends with its clause or sentence; a full stop ends it only where the
        # sentence does ("a déclaré M. Marchal", "said Dr. Lee": abbreviations are not ends)
        sentence_ends = {sentence.end for sentence in raw.paragraph.sentences}
        position = raw.outer_end + 1
        while (end := _SENTENCE_END.search(self.text, position, limit)) is not None:
            if end.group(0) != "." or end.end() in sentence_ends:
                return end.end()
            position = end.end()
        return limit

    def _before_start(self, i: int) -> int:
        raw = self.raws[i]
        start = raw.paragraph.start
        for sentence in raw.paragraph.sentences:
            if sentence.start <= raw.outer_start:
                start = sentence.start
        if i > 0 and self.raws[i - 1].paragraph is raw.paragraph:
            start = max(start, self.raws[i - 1].outer_end)
        return start

    def _previous_paragraph(self, paragraph: Paragraph) -> Paragraph | None:
        position = paragraph.index - 1
        return self.source.paragraphs[position - 1] if position > 0 else None

    def _from_window(self, side: str, start: int, end: int) -> _Attribution | None:
        text = self.text
        tokens = list(WORD_OR_INTEGER.finditer(text, start, end))
        verbs = [k for k, t in enumerate(tokens) if t.group(0).lower() in self.words.verbs]
        if side == "after":
            verbs = [k for k in verbs if k < _VERB_REACH]
        if not verbs:
            return None
        verb_k = verbs[0] if side == "after" else verbs[-1]
        verb = tokens[verb_k]
        # subject right after the verb ("sier han", "said Keaton", "dit-il", "a-t-elle", "said Mayor Anne Solberg")
        after_candidate = _subject_after_verb(text, verb.end(), end, self.words, self.index)
        before_candidate = None
        # subject before the verb ("she wrote", "Keaton responds", "the young boy asks")
        for k in range(verb_k - 1, -1, -1):
            token = tokens[k]
            found = _subject_at(text, token.start(), end, self.words, self.index)
            if found is None:
                ref = self.index.ending_at(token.end())
                if ref is not None and ref.end == token.end() and ref.start >= start:
                    found = ("person", ref.start, ref.end)
            if found is not None and found[2] <= verb.start():
                before_candidate = found
                break
        order = [after_candidate, before_candidate] if side == "after" else [before_candidate, after_candidate]
        candidates = [(0, *c) for c in order if c is not None][:1]
        if not candidates:
            return None
        candidates.sort()
        _, kind, s_start, s_end = candidates[0]
        phrase = text[min(s_start, verb.start()):max(s_end, verb.end())]
        if kind == "person":
            ref = self.index.starting_at(s_start)
            assert ref is not None
            return ref.entity_id, ref.name, f"“{phrase}”: {ref.name} is named with the speech verb", "name"
        gender = (self.words.pronouns.get(text[s_start:s_end].lower()) if kind == "pronoun"
                  else dict(self.words.descriptors)[text[s_start:s_end].lower()])
        person = self._nearest_fitting(s_start, gender)
        label: QuoteEvidence = "pronoun" if kind == "pronoun" else "description"
        if person is None:
            return None, None, f"“{phrase}”: no person of fitting gender before the {label}", "none"
        where = self.source.paragraph_at(person.start).anchor
        gender_word = {"m": "male", "f": "female"}.get(gender or "", "fitting")
        return (person.entity_id, person.name,
                f"“{phrase}”: {label} resolved to the nearest {gender_word} person before it, "
                f"{person.name} ({where})", label)

    def _nearest_fitting(self, offset: int, gender: str | None) -> PersonRef | None:
        paragraph = self.source.paragraph_at(offset)
        position = paragraph.index - 1
        limit = max(self.source.paragraphs[max(0, position - _PARAGRAPHS_BACK)].start, offset - _CHARS_BACK)
        unknown: set[str] = set()
        for j in range(bisect_left(self.outside_starts, offset) - 1, -1, -1):
            ref = self.outside[j]
            if ref.end > offset:
                continue
            if ref.start < limit:
                break
            if ref.gender is None:
                unknown.add(ref.entity_id)
                continue
            if ref.gender == gender:
                return None if unknown - {ref.entity_id} else ref
        return None

    def _continuation(self, i: int, done: list[Quote]) -> _Attribution:
        """A quote that follows an attributed one, with no other person between, continues it."""
        if i == 0 or not done or done[-1].speaker is None:
            return None, None, None, "none"
        raw, previous = self.raws[i], self.raws[i - 1]
        gap_paragraphs = raw.paragraph.index - previous.paragraph.index
        if gap_paragraphs > 1:
            return None, None, None, "none"
        if gap_paragraphs == 1:
            ending = self.text[previous.paragraph.start:previous.paragraph.end].rstrip()
            introduced = ending[-1:] in _INTRODUCING
            # two paragraphs that hold nothing but quotes (or dialogue) read as one speech
            only_quotes = (not self.text[previous.outer_end:previous.paragraph.end].strip(" .,")
                           and not self.text[raw.paragraph.start:raw.outer_start].strip())
            if not (introduced or only_quotes or raw.style == "dash"):
                return None, None, None, "none"
        between = self.outside[bisect_left(self.outside_starts, previous.outer_end):
                               bisect_left(self.outside_starts, raw.outer_start)]
        if any(r.entity_id != done[-1].speaker for r in between):
            return None, None, None, "none"
        gap = self.text[previous.outer_end:raw.outer_start]
        if any(_other_name(m.group(0), done[-1].speaker_name or "") for m in _NAME_RUN.finditer(gap)):
            return None, None, None, "none"  # someone the person list does not know is named between
        return (done[-1].speaker, done[-1].speaker_name,
                f"continues the quote of {done[-1].speaker_name} just before it ({done[-1].anchor})", "continuation")


_NAME_RUN = re.compile(rf"(?<![\w.])[{UPPER_CLASS}][\w'’-]+(?:[ \u00a0]+[{UPPER_CLASS}][\w'’-]+)+")  # "Marylise Léon"


def _other_name(run: str, speaker: str) -> bool:
    """Whether a run of capitalised words holds two in a row that are not the previous
    speaker's name ("Marylise Léon"; not "Katastrophenschutzchefin Kari Vik" for Kari Vik)."""
    own = set(speaker.split())
    streak = 0
    for word in run.split():
        streak = 0 if word in own else streak + 1
        if streak >= 2:
            return True
    return False

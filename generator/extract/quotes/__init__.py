"""Quote stage: direct quotes in every style our languages use, with their speakers.

Where the quotes are is :mod:`~generator.extract.quotes.marks` (every mark, mixed marks, quotes
that run over paragraphs, the dialogue dash); who a speech verb's subject is, and whom a pronoun
or a role points back to, is :mod:`~generator.extract.quotes.subjects`. This module attributes
each quote on evidence, recorded in ``evidence``, by an ordered table of named rules
(:data:`ATTRIBUTION_RULES`), the first that finds an attribution deciding:

``attribution``
    a speech verb (per-language data, ``quote_speech_verbs``) in the quote's own clause, after it
    ("…,” Osinbajo told reporters", "«…», sagte der Sprecher", "«…», a-t-elle déclaré") or before
    it ("Shehu said the release “…”"), with its subject; or in the last sentence of the paragraph
    before when that paragraph ends with a colon;
``continuation``
    the quote follows an attributed one with no other person between: in the same paragraph,
    or in the next when both paragraphs hold nothing but quotes, when the paragraph before ends
    with a colon, and always when the quote runs on from there (left open, opened again);
``credit-line``
    a quote standing alone in its paragraph, and the next paragraph is only a person's name and
    role ("Luis Suarez, attaquant uruguayen"): a pull quote and its credit;
``sentence-before``
    the quote opens its sentence and the sentence before ends with a speech verb's subject
    ("… Alejandro Domínguez, sprach … sein Beileid aus. «Der … Fussball ist in Trauer.»"), or,
    for a paragraph of quotes alone, the last sentence of the paragraph before.

A cross-head ("'Not a swap'": a paragraph of a few quoted words) takes no continuation, credit
or sentence before. Last, a quote with no speaker takes the one speaker of the same words quoted
elsewhere in the source (``repeat``: a pull quote and the text it repeats). Without evidence the
speaker is unknown (``None``); a speech verb whose subject is no person named in the text ("said
a local source", "the Nigeria-based campaign said") says so, and leaves it unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from generator.extract.quotes.marks import RawQuote, is_cross_head, quotes_in
from generator.extract.quotes.subjects import QuoteWords, Speakers, Subject
from generator.lang import canonical_language
from generator.model.claims import Quote, QuoteEvidence
from generator.model.refs import PersonIndex, PersonRef
from generator.model.source import Paragraph, Source
from generator.text.words import UPPER_CLASS, WORD_OR_INTEGER
from generator.util.spans import SpanSet

_SENTENCE_END = re.compile(r"[.!?:;](?=\s|$)")


_INTRODUCING = (":", "-", "–", "—")  # a paragraph ending so introduces the quote that follows


_VERB_REACH = 8  # words between the quote and the speech verb after it (a name counts as one)


_MIN_REPEATED = 3  # words of a quote repeated elsewhere in the source that carries its speaker


_CREDIT_WORDS = 10  # words of a credit line after the name ("Luis Suarez, attaquant uruguayen")


_DASH_OPEN = re.compile(r"[–—]\s+|-\s+")


_DASH_AGAIN = re.compile(r"\s*[.!?:]?\s+[–—]\s+")  # the next dash quote after an attribution


_DASH_INSIDE = re.compile(r"(?<=[.!?])\s+([–—])\s+")  # a dash opening a sentence inside a paragraph


_POSITIVE = ("person", "pronoun", "description", "role")  # subjects that attribute a dash quote


def _dash_quotes(text: str, paragraph: Paragraph, speakers: Speakers) -> list[RawQuote]:
    """A paragraph opening with a dash is a quote up to its attribution (``, sier han``); so is
    a sentence opening with one inside a paragraph ("… klokken 19.45. – Mannskapet gjorde …,
    sier Jon Berg"), but only when a speech verb and its speaker end it."""
    opening = _DASH_OPEN.match(text, paragraph.start, paragraph.end)
    if opening is not None:
        outer_start, position = opening.start(), opening.end()
    else:
        inside = next((d for d in _DASH_INSIDE.finditer(text, paragraph.start, paragraph.end)
                       if _dash_attribution(text, d.end(), paragraph.end, speakers) is not None), None)
        if inside is None:
            return []
        outer_start, position = inside.start(1), inside.end()
    found = []
    while position < paragraph.end:
        attribution = _dash_attribution(text, position, paragraph.end, speakers)
        if attribution is None:
            end = paragraph.end
            inner_end = end - (len(text[position:end]) - len(text[position:end].rstrip()))
            found.append(RawQuote(position, inner_end, outer_start, end, "dash", paragraph))
            break
        comma, attr_end = attribution
        found.append(RawQuote(position, comma, outer_start, comma, "dash", paragraph, (comma, attr_end)))
        # "– …, sier han. – …": a second dash in the paragraph goes on quoting the same person
        again = _DASH_AGAIN.match(text, attr_end, paragraph.end)
        if not again:
            break
        outer_start, position = again.start(), again.end()
    return found


def _dash_attribution(text: str, start: int, end: int, speakers: Speakers) -> tuple[int, int] | None:
    """Where ``, VERB SUBJECT`` ends a dash quote: (offset of the comma, end of the clause)."""
    for comma in re.finditer(r"[,?!]\s+", text[start:end]):
        at = start + comma.end()
        verb = WORD_OR_INTEGER.match(text, at, end)
        if not verb or verb.group(0).lower() not in speakers.words.verbs:
            continue
        found = speakers.after(verb.end(), end)
        if found is None or found.kind not in _POSITIVE:
            continue
        clause = _SENTENCE_END.search(text, found.end, end)
        comma_at = start + comma.start() + (1 if text[start + comma.start()] in "?!" else 0)
        return comma_at, clause.end() if clause else end
    return None


def extract_quotes(source: Source, persons: Iterable[PersonRef] = ()) -> tuple[Quote, ...]:
    """Every direct quote in ``source``, in text order, with its speaker when there is evidence."""
    language = canonical_language(source.language)
    text = source.text
    index = PersonIndex(source.id, persons)
    speakers = Speakers(source, index)
    dash: Callable[[Paragraph], list[RawQuote]] | None = \
        (lambda paragraph: _dash_quotes(text, paragraph, speakers)) if speakers.words.dash else None
    raws = quotes_in(source, dash)
    speakers.set_quotes(SpanSet((r.outer_start, r.outer_end) for r in raws))
    attributor = _Attributor(source, speakers, raws)
    found: list[_Attribution] = []
    for i in range(len(raws)):
        found.append(attributor.attribute(i, found))
    found = attributor.repeated(found)
    quotes: list[Quote] = []
    counters: dict[str, int] = {}
    for raw, (speaker, name, evidence, kind) in zip(raws, found, strict=True):
        anchor = raw.paragraph.anchor
        counters[anchor] = counters.get(anchor, 0) + 1
        quotes.append(Quote(
            id=f"{source.id}-{anchor}-q{counters[anchor]}", source=source.id, anchor=anchor,
            start=raw.start, end=raw.end, text=text[raw.start:raw.end], language=language,
            speaker=speaker, evidence=evidence, evidence_kind=kind, style=raw.style, speaker_name=name))
    return tuple(quotes)


_Attribution = tuple[str | None, str | None, str | None, QuoteEvidence]
"""A quote's speaker (entity id), the speaker's name, the evidence in words, and how it was found."""


_NONE: _Attribution = (None, None, None, "none")


class _Attributor:
    """Finds the speaker of each quote of one source."""

    def __init__(self, source: Source, speakers: Speakers, raws: list[RawQuote]) -> None:
        self.source = source
        self.text = source.text
        self.speakers = speakers
        self.words: QuoteWords = speakers.words
        self.index = speakers.index
        self.raws = raws
        self.outer_ends = sorted(r.outer_end for r in raws)

    def attribute(self, i: int, done: list[_Attribution]) -> _Attribution:
        """The first rule of :data:`ATTRIBUTION_RULES` that attributes quote ``i``, or none."""
        for _, rule in ATTRIBUTION_RULES:
            found = rule(self, i, done)
            if found is not None:
                return found
        return _NONE

    # ---- the rules

    def by_attribution(self, i: int, done: list[_Attribution]) -> _Attribution | None:
        """A speech verb and its subject in the quote's clause (or the colon's sentence before it)."""
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
            if self._opens_paragraph(raw):
                previous = self._previous_paragraph(raw.paragraph)
                if previous is not None and self.text[previous.start:previous.end].rstrip()[-1:] in _INTRODUCING:
                    windows.append(("before", self._last_sentence_start(previous), previous.end))
        for side, start, end in windows:
            found = self._from_window(side, start, end)
            if found is not None:
                return found
        return None

    def by_continuation(self, i: int, done: list[_Attribution]) -> _Attribution | None:
        """A quote that follows an attributed one, with no other person between, continues it."""
        if i == 0 or not done or done[-1][0] is None:
            return None
        raw, previous = self.raws[i], self.raws[i - 1]
        speaker, name = done[-1][0], done[-1][1] or ""
        gap_paragraphs = raw.paragraph.index - previous.paragraph.index
        if gap_paragraphs > 1:
            return None
        if gap_paragraphs == 1 and not previous.runs_on:
            ending = self.text[previous.paragraph.start:previous.paragraph.end].rstrip()
            introduced = ending[-1:] in _INTRODUCING
            # two paragraphs that hold nothing but quotes (or dialogue) read as one speech
            only_quotes = (not self.text[previous.outer_end:previous.paragraph.end].strip(" .,")
                           and not self.text[raw.paragraph.start:raw.outer_start].strip())
            if not (introduced or only_quotes or raw.style == "dash") or is_cross_head(self.text, raw):
                return None
        outside, starts = self.speakers.outside, self.speakers.outside_starts
        between = outside[bisect_left(starts, previous.outer_end):bisect_left(starts, raw.outer_start)]
        if any(r.entity_id != speaker for r in between):
            return None
        gap = self.text[previous.outer_end:raw.outer_start]
        if any(_other_name(m.group(0), name) for m in _NAME_RUN.finditer(gap)):
            return None  # someone the person list does not know is named between
        anchor = previous.paragraph.anchor
        how = "runs on from the quote" if previous.runs_on and gap_paragraphs == 1 else "continues the quote"
        return speaker, name, f"{how} of {name} just before it ({anchor})", "continuation"

    def by_credit_line(self, i: int, done: list[_Attribution]) -> _Attribution | None:
        """A quote alone in its paragraph, and the next paragraph only a person's name and role."""
        raw = self.raws[i]
        paragraph = raw.paragraph
        text = self.text
        if is_cross_head(text, raw) or not self._alone(raw) or paragraph.index >= len(self.source.paragraphs):
            return None
        credit = self.source.paragraphs[paragraph.index]
        line = text[credit.start:credit.end]
        at = credit.start + len(line) - len(line.lstrip(" –—-"))
        ref = self.index.starting_at(at)
        if ref is None or ref.start != at:
            return None
        rest = text[ref.end:credit.end].strip()
        if rest and not (rest.startswith(",") and len(WORD_OR_INTEGER.findall(rest)) <= _CREDIT_WORDS
                         and not re.search(r"[.!?:;«»\"“”„]", rest[:-1])
                         and not any(w.lower() in self.words.verbs for w in WORD_OR_INTEGER.findall(rest))):
            return None
        return ref.entity_id, ref.name, f"the line under the quote credits {ref.name} ({credit.anchor})", "credit"

    def by_sentence_before(self, i: int, done: list[_Attribution]) -> _Attribution | None:
        """A quote opening its sentence, and the sentence before ends with a speech verb and its
        subject (in the paragraph before, for a paragraph of quotes alone)."""
        raw = self.raws[i]
        if is_cross_head(self.text, raw):
            return None
        sentence = self.source.sentence_at(raw.outer_start)
        paragraph = raw.paragraph
        start = sentence.start if sentence is not None else paragraph.start
        if self.text[start:raw.outer_start].strip(" \"“„«»'‘–—-"):
            return None  # the quote is inside its sentence: its own clause had no attribution
        earlier = [s for s in paragraph.sentences if s.end <= start]
        if earlier:
            window = (max(earlier[-1].start, self._last_quote_end(earlier[-1].start, start)), start)
        elif self._alone(raw) and (previous := self._previous_paragraph(paragraph)) is not None \
                and previous.furniture is None:
            window = (self._last_sentence_start(previous), previous.end)
        else:
            return None
        found = self._from_window("before", *window)
        if found is None or found[0] is None:
            return None
        return found[0], found[1], f"{found[2]}, in the sentence before the quote", found[3]

    def repeated(self, found: list[_Attribution]) -> list[_Attribution]:
        """Quotes without a speaker take the one speaker of the same words quoted elsewhere in the
        source (a pull quote, and the text it repeats)."""
        said: dict[tuple[str, ...], dict[tuple[str, str], str]] = {}  # words → speaker → first paragraph
        keys = [tuple(w.lower() for w in WORD_OR_INTEGER.findall(self.text[r.start:r.end])) for r in self.raws]
        for key, (speaker, name, _, _), raw in zip(keys, found, self.raws, strict=True):
            if speaker is not None:
                said.setdefault(key, {}).setdefault((speaker, name or ""), raw.paragraph.anchor)
        out = []
        for key, attribution in zip(keys, found, strict=True):
            who = said.get(key, {})
            if attribution[0] is None and len(who) == 1 and len(key) >= _MIN_REPEATED:
                (speaker, name), where = next(iter(who.items()))
                attribution = (speaker, name, f"the same words are quoted as {name}'s in {where}", "repeat")
            out.append(attribution)
        return out

    # ---- windows and subjects

    def _from_window(self, side: str, start: int, end: int) -> _Attribution | None:
        """The attribution a speech verb in ``[start, end)`` gives: after a quote, the first verb
        with a subject within reach; before one, the last."""
        tokens = list(WORD_OR_INTEGER.finditer(self.text, start, end))
        verbs = [k for k, t in enumerate(tokens) if t.group(0).lower() in self.words.verbs]
        if side == "after":
            names = [(r.start, r.end) for r in self.index.within(start, end)]
            verbs = [k for k in verbs if _distance(tokens, k, names) < _VERB_REACH]
        else:
            verbs.reverse()
        for k in verbs:
            subject = self.speakers.subject_of(tokens, k, start, end)
            if subject is not None:
                return self._attribution(subject, tokens[k])
        return None

    def _attribution(self, subject: Subject, verb: re.Match[str]) -> _Attribution:
        text = self.text
        phrase = text[min(subject.start, verb.start()):max(subject.end, verb.end())]
        if subject.kind == "person":
            ref = self.index.starting_at(subject.start)
            assert ref is not None
            return ref.entity_id, ref.name, f"“{phrase}”: {ref.name} is named with the speech verb", "name"
        if subject.kind == "other":
            return None, None, f"“{phrase}”: the speech verb's subject is no person named in the text", "none"
        if subject.kind == "role":
            person = self.speakers.role_antecedent(subject.start, subject.role)
            if person is None:
                return None, None, f"“{phrase}”: no person named with that role before it", "none"
            where = self.source.paragraph_at(person.start).anchor
            return (person.entity_id, person.name,
                    f"“{phrase}”: the role points back to the nearest person named with it before, "
                    f"{person.name} ({where})", "description")
        said = text[subject.start:subject.end].lower()
        gender = (self.words.pronouns.get(said) if subject.kind == "pronoun" else dict(self.words.descriptors)[said])
        person = self.speakers.antecedent(subject.start, gender)
        label: QuoteEvidence = "pronoun" if subject.kind == "pronoun" else "description"
        if person is None:
            return None, None, f"“{phrase}”: no person of fitting gender before the {label}", "none"
        where = self.source.paragraph_at(person.start).anchor
        gender_word = {"m": "male", "f": "female"}.get(gender or "", "fitting")
        return (person.entity_id, person.name,
                f"“{phrase}”: {label} resolved to the nearest {gender_word} person before it, "
                f"{person.name} ({where})", label)

    # ---- where the windows lie

    def _opens_paragraph(self, raw: RawQuote) -> bool:
        return raw.outer_start == raw.paragraph.start or not self.text[raw.paragraph.start:raw.outer_start].strip()

    def _alone(self, raw: RawQuote) -> bool:
        """Whether the paragraph holds nothing but quotes (this one first)."""
        paragraph = raw.paragraph
        if not self._opens_paragraph(raw):
            return False
        mine = [r for r in self.raws if r.paragraph is paragraph]
        position = paragraph.start
        for r in mine:
            if self.text[position:r.outer_start].strip(" .,;:–—-"):
                return False
            position = r.outer_end
        return not self.text[position:paragraph.end].strip(" .,;:–—-")

    def _last_sentence_start(self, paragraph: Paragraph) -> int:
        last = paragraph.sentences[-1] if paragraph.sentences else paragraph
        return max(last.start, self._last_quote_end(paragraph.start, paragraph.end))

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


ATTRIBUTION_RULES: tuple[tuple[str, Callable[[_Attributor, int, list[_Attribution]], _Attribution | None]], ...] = (
    ("attribution", _Attributor.by_attribution),
    ("continuation", _Attributor.by_continuation),
    ("credit-line", _Attributor.by_credit_line),
    ("sentence-before", _Attributor.by_sentence_before),
)
"""How a quote's speaker is found, first rule that attributes first (then ``repeat``)."""


def _distance(tokens: list[re.Match[str]], k: int, names: list[tuple[int, int]]) -> int:
    """Words before ``tokens[k]``, a name's words counting as one ("local police chief Sayed Kamal
    Sadat told": four)."""
    count = 0
    for token in tokens[:k]:
        if not any(start < token.start() < end for start, end in names):
            count += 1
    return count


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

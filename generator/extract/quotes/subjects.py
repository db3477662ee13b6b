"""Who speaks: the subject of a speech verb, and the person a pronoun or a role points back to.

A quote's attribution is a speech verb with its subject, before the verb ("Osinbajo told
reporters", "il a déclaré", "Garba Shehu, a spokesman for …, said") or after it ("said Mayor
Anne Solberg", "sagte der Sprecher", "a-t-elle déclaré", "so Müller"). A subject is one of:

- ``person``: a person mention; after a title ("Bundesanwalt Stefan Blättler", and a longer one
  joined by small words, "le ministre de l'Intérieur Gérald Darmanin", when the name ends the
  clause), before an apposition set off by commas ("Lai Mohammed, the minister of information,
  denied"), or as a nickname in quote marks ("a écrit «El Pistolero»");
- ``pronoun`` and ``description`` ("he", "the young boy"): the nearest person of fitting
  gender before, unless a speech verb between has someone else as its subject;
- ``role``: a definite article and a role ("the spokesman", "der Sprecher", "le porte-parole"),
  pointing back to the nearest person named before with those words around the name
  ("Polizeisprecher Hans Müller", "Shehu, the president's spokesman");
- ``other``: anyone the text does not name as a person ("a local source", "officials", an
  organisation): the words are theirs, and no person's.

A speech verb's subject before it wins over one after it ("Osinbajo said the girls …"), except
for the words that name a source only after them ("so", "selon"); the object of a verb of
telling is the listener ("told CNN"). Every reading is bounded: a subject within a few words of
its verb, a pronoun within five paragraphs and 1,500 characters, each sentence read once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from generator.lang import canonical_language, language_data, word_set
from generator.model.refs import PersonIndex, PersonRef
from generator.model.source import Source
from generator.text.lexicon import calendar_words
from generator.text.words import HYPHENATED_WORD_OR_INTEGER, UPPER_CLASS, WORD_OR_INTEGER, fold
from generator.util.spans import SpanSet

SubjectKind = Literal["person", "pronoun", "description", "role", "other"]


@dataclass(frozen=True)
class Subject:
    """The subject of a speech verb, as the text gives it."""

    kind: SubjectKind
    """How it names the speaker (see the module's docstring)."""
    start: int
    """Offset of its first character."""
    end: int
    """Offset one past its last character."""
    role: tuple[str, ...] = ()
    """A role's words, folded ("spokesman"; "nato", "spokesman")."""
    person_like: bool = False
    """For ``other``: whether it is a person the text does not name ("a local shopkeeper", "a
    source"), whose words stand between a pronoun and anyone named before."""


@dataclass(frozen=True)
class QuoteWords:
    """What the quote stage reads in a language's data (``quotes.yml``)."""

    verbs: frozenset[str]
    pronouns: dict[str, str]
    descriptors: tuple[tuple[str, str], ...]
    not_subject: frozenset[str]
    dash: bool
    stopwords: frozenset[str]
    honorifics: frozenset[str]
    calendar: frozenset[str]
    listeners: frozenset[str]
    source_words: frozenset[str]
    role_articles: frozenset[str]
    joiners: frozenset[str]
    conjunctions: frozenset[str]
    roles: frozenset[str]
    speaker_nouns: frozenset[str]
    name_tail: re.Pattern[str]
    """The end of a name after a particle, up to the end of the text searched (" de Chambrier")."""


@cache
def quote_words(language: str) -> QuoteWords:
    """The language's quote words (``language``: a canonical code)."""
    data = language_data(language)
    pronouns = {str(w).lower(): str(g) for g, words in (data.get("quote_pronouns") or {}).items() for w in words}
    descriptors = tuple(sorted(((str(w).lower(), str(g)) for g, words in (data.get("quote_descriptors") or {}).items()
                                for w in words), key=lambda d: -len(d[0])))
    source_words = word_set(language, "quote_source_words")
    return QuoteWords(
        verbs=word_set(language, "quote_speech_verbs") | source_words, pronouns=pronouns, descriptors=descriptors,
        not_subject=word_set(language, "quote_not_subject"), dash=bool(data.get("quote_dialogue_dash", False)),
        stopwords=word_set(language, "claim_stopwords"), honorifics=word_set(language, "entity_honorifics"),
        calendar=calendar_words(language) | frozenset(fold(w) for w in word_set(language, "date_weekday_parts")),
        listeners=word_set(language, "quote_listener_verbs"), source_words=source_words,
        role_articles=word_set(language, "quote_role_articles"), joiners=word_set(language, "quote_title_joiners"),
        conjunctions=word_set(language, "claim_conjunctions"),
        roles=frozenset(fold(w) for w in word_set(language, "entity_person_roles")),
        speaker_nouns=frozenset(fold(w) for w in word_set(language, "quote_speaker_nouns")),
        name_tail=_name_tail(word_set(language, "entity_name_particles")))


def _name_tail(particles: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(p) for p in particles), key=lambda p: (-len(p), p))) or "(?!)"
    return re.compile(rf"(?:[ \u00a0]+(?:{words}))+[ \u00a0]+[{UPPER_CLASS}][\w'’-]+\Z")


_QUOTE_MARKS = "\"“”„«»‘’'"


_NICKNAME_OPEN = "«“\"„‘"


_CLAUSE_END = re.compile(r"[,.;:!?()\"“”„«»]")


_MAX_SKIPPED = 3  # small words between a subject and its verb ("Garba Shehu today said", "il avait qualifié")


_MAX_TITLE_WORDS = 3  # "sagte die Katastrophenschutzchefin Kari Vik", "sier beredskapssjef Kari Vik"


_MAX_LONG_TITLE = 7  # "souhaité l'attaquant uruguayen de Liverpool Darwin Nunez" (the name ends the clause)


_MAX_ROLE_WORDS = 6  # back from a verb to the article of its role ("the minister of information and culture said")


_MAX_PHRASE_WORDS = 8  # words after a verb to the clause's end that may be its subject ("said a local source")


_MAX_PARTS = 4  # parts between commas before ", VERB" read for its subject


_NAME_TAIL_CHARS = 30  # characters of a name's end after a particle ("de Chambrier")


_APPOSITION_REACH = 80  # characters of a long title before the name set off by a comma


_AROUND_CHARS = 120  # characters around a name read for its role


_PARAGRAPHS_BACK = 5  # how far back a pronoun looks for its person …


_CHARS_BACK = 1500  # … and at most this many characters


class Speakers:
    """Reads the subjects of speech verbs in one source, and whom they point back to."""

    def __init__(self, source: Source, index: PersonIndex) -> None:
        self.source = source
        self.text = source.text
        self.words = quote_words(canonical_language(source.language))
        self.index = index
        self.quotes = SpanSet(())
        self.outside: list[PersonRef] = list(index.refs)
        self.outside_starts = [r.start for r in self.outside]
        self._sentence_speakers: dict[tuple[int, int], Subject | None] = {}

    def set_quotes(self, spans: SpanSet) -> None:
        """The quotes' spans: person mentions inside them name no speaker and no antecedent."""
        self.quotes = spans
        self.outside = [ref for ref in self.index.refs if not spans.contains(ref.start)]
        self.outside_starts = [r.start for r in self.outside]

    # ---- the subject of one speech verb

    def subject_of(self, tokens: list[re.Match[str]], k: int, start: int, end: int) -> Subject | None:
        """The subject of the speech verb ``tokens[k]`` within ``[start, end)``, or ``None`` when it
        has none there (a participle, "…, saying"; a verb of telling and its listener)."""
        verb = tokens[k]
        word = verb.group(0).lower()
        after = self.after(verb.end(), end, listener=word in self.words.listeners)
        if word in self.words.source_words:
            return after
        before = self.before(tokens, k, start)
        for found in (before, after):
            if found is not None and found.kind != "other":
                return found
        return before or after

    def before(self, tokens: list[re.Match[str]], k: int, start: int) -> Subject | None:
        """The subject right before a speech verb: a name, a pronoun or a description, a few small
        words apart at most ("Garba Shehu today said", "il a déclaré", "Keaton Jones tearfully
        asked", "Eva Longoria (42) skriver"), a name before an apposition ("Lai Mohammed, the
        minister …, denied"), the subject a conjunction shares ("Katy Perry poster klippet og
        skriver"), a role, or someone else; none for a verb that is not finite ("by saying")."""
        text = self.text
        words = self.words
        position = tokens[k].start()  # where the words read so far begin
        skipped = 0
        j = k - 1
        while j >= 0:
            token = tokens[j]
            gap = text[token.end():position]
            if ")" in gap and "(" not in gap:  # an aside before the verb: "Eva Longoria (42) skriver"
                opening = text.rfind("(", start, token.end())
                if opening == -1:
                    return None
                while j >= 0 and tokens[j].end() > opening:
                    j -= 1
                position = opening
                continue
            if any(mark in gap for mark in _QUOTE_MARKS) or "(" in gap:
                return None  # a quote just closed: the subject, if any, follows the verb
            if gap.strip() == ",":
                return self._apposition(tokens, j, position, start)
            if gap.strip() and gap.strip() not in "-–—":
                return None
            found = self._ending_at(token, start)
            if found is not None:
                return found
            word = token.group(0).lower()
            if word in words.conjunctions:
                return self._coordinated(tokens, j, start)
            if word in words.not_subject:
                return None  # "by saying", "to say", "that said": not the verb's subject
            if (word in words.stopwords or fold(word) in words.calendar) and skipped < _MAX_SKIPPED \
                    and word not in words.role_articles:
                skipped += 1
            elif token.group(0) == word and j > 0 and text[tokens[j - 1].end():token.start()] == " " \
                    and (found := self._ending_at(tokens[j - 1], start)) is not None and found.kind != "description":
                return found  # one word between a name and its verb: "Keaton Jones tearfully asked"
            else:
                return self._role_or_other(tokens, j, start)
            position = token.start()
            j -= 1
        return None

    def _coordinated(self, tokens: list[re.Match[str]], j: int, start: int) -> Subject | None:
        """The subject a verb after a conjunction shares with the clause before it: the nearest
        name, pronoun or description back to the sentence's start."""
        for i in range(j - 1, -1, -1):
            if re.search(r"[.;:!?]", self.text[tokens[i].end():tokens[i + 1].start()]):
                return None
            found = self._ending_at(tokens[i], start)
            if found is not None:
                return found
        return None

    def _ending_at(self, token: re.Match[str], start: int) -> Subject | None:
        text = self.text
        ref = self.named_ending_at(token.end(), start)
        if ref is not None:
            return Subject("person", ref.start, ref.end)
        lower = token.group(0).lower()
        if lower in self.words.pronouns:
            return Subject("pronoun", token.start(), token.end())
        for phrase, _ in self.words.descriptors:
            at = token.end() - len(phrase)
            if at >= start and text[at:token.end()].lower() == phrase and not text[at - 1:at].isalpha():
                return Subject("description", at, token.end())
        return None

    def named_ending_at(self, offset: int, start: int) -> PersonRef | None:
        """The person mention ending at ``offset`` (not a possessive), also where the person list
        cut the name short at a particle ("Alice de Chambrier" known as "Alice")."""
        text = self.text
        ref = self.index.ending_at(offset)
        if ref is not None and ref.end == offset and ref.start >= start and not _possessive(text, ref):
            return ref
        tail = self.words.name_tail.search(text, max(start, offset - _NAME_TAIL_CHARS), offset)
        if tail is None or tail.end() != offset:
            return None
        ref = self.index.ending_at(tail.start())
        if ref is not None and ref.end == tail.start() and ref.start >= start and not _possessive(text, ref):
            return ref
        return None

    def _apposition(self, tokens: list[re.Match[str]], j: int, position: int, start: int) -> Subject | None:
        """The subject before ``, VERB``, read over the clause's parts between commas: the first part
        that is or opens with a name ("the spokesman, Mallam Garba Shehu, said"; "Lawan Zanna, the
        father of Aisha Zanna, one of the abducted girls, said"), else the nearest one that ends with
        a name ("Popidolet Demi Lovato (25), som …, skriver"; "A spokesperson for Buhari, Mallam Garba
        Shehu, said": Garba Shehu, not Buhari), else the last part as a role or someone else ("Ajmal
        Jan, a local shopkeeper, said"); nobody where a speech verb comes before the comma (a
        participle: "…, saying")."""
        text = self.text
        comma = tokens[j].end() + text[tokens[j].end():position].index(",")
        opening = max((text.rfind(c, start, comma) for c in ".;:!?\"“”«»"), default=-1)
        clause = max(start, opening + 1)
        parts: list[tuple[int, int]] = []
        part_end = comma
        while len(parts) < _MAX_PARTS:
            previous = text.rfind(",", clause, part_end)
            parts.append((previous + 1 if previous >= 0 else clause, part_end))
            if previous < 0:
                break
            part_end = previous
        parts.reverse()
        last = [t for t in tokens if parts[-1][0] <= t.start() < parts[-1][1]]
        if not last or any(t.group(0).lower() in self.words.verbs for t in last):
            return None
        for part_start, part_end in parts:
            first = WORD_OR_INTEGER.search(text, part_start, part_end)
            ref = self.index.starting_at(first.start()) if first else None
            if ref is not None and first is not None and ref.start == first.start() and ref.end <= part_end \
                    and not _possessive(text, ref):
                return Subject("person", ref.start, ref.end)
        for part_start, part_end in reversed(parts):  # the nearest to the verb ends the name: Garba Shehu
            name_end = len(text[:part_end].rstrip())
            if text[:name_end].endswith(")"):  # "Demi Lovato (25), som …"
                name_end = len(text[:max(part_start, text.rfind("(", part_start, name_end))].rstrip())
            named = self.named_ending_at(name_end, part_start)
            if named is not None:
                return Subject("person", named.start, named.end)
        return self._phrase(last, last[0].group(0).lower() in self.words.role_articles)

    def _role_or_other(self, tokens: list[re.Match[str]], j: int, start: int) -> Subject:
        """A noun before a verb and the words of its phrase back to an article: a role ("the Nato
        spokesman said") or someone else ("officials said", "the Nigeria-based campaign said")."""
        text = self.text
        first = j
        for i in range(j, max(j - _MAX_ROLE_WORDS, -1), -1):
            if i < j and re.search(r"[^\s\w'’-]", text[tokens[i].end():tokens[i + 1].start()]):
                break
            first = i
            if tokens[i].group(0).lower() in self.words.stopwords:
                break
        word = tokens[first].group(0).lower()
        if first < j and first > 0 and word in self.words.stopwords and word not in self.words.role_articles \
                and text[tokens[first - 1].end():tokens[first].start()].strip() == "" \
                and tokens[first - 1].group(0).lower() not in self.words.stopwords:
            # a phrase after the head noun: "a foreign ministry spokesman in Berlin said" is the spokesman
            return replace(self._role_or_other(tokens, first - 1, start), end=tokens[j].end())
        return self._phrase(tokens[first:j + 1], word in self.words.role_articles)

    def _phrase(self, tokens: list[re.Match[str]], definite: bool, head: bool = False) -> Subject:
        """A speaker named by a phrase: a role when a definite article opens it and a person's
        role is among its words ("der Sprecher", "the president's spokesman"), else someone the
        text does not name, a person or not ("a local shopkeeper", "the government")."""
        words = self._role_words(tokens[1:] if definite else tokens, head)
        roles = self.words.roles
        if definite and any(w in roles or any(len(r) >= 4 and w.endswith(r) for r in roles) for w in words):
            return Subject("role", tokens[0].start(), tokens[-1].end(), words)
        person_like = any(w in self.words.speaker_nouns or w in roles for w in words)
        return Subject("other", tokens[0].start(), tokens[-1].end(), person_like=person_like)

    def after(self, at: int, end: int, listener: bool = False) -> Subject | None:
        """The speaker right after a speech verb ending at ``at``: a pronoun ("dit-il",
        "explique-t-elle", "sier han"), a description, a person, possibly after a title ("said Mayor
        Anne Solberg", "sier beredskapssjef Kari Vik"), a nickname in quote marks, a role ("sagte
        der Sprecher") or someone else ("said a local source"); nobody after a verb of telling."""
        text = self.text
        if text.startswith("-t-", at):
            at += 3
        elif text.startswith("-", at):
            at += 1
        while at < end and text[at] == " ":
            at += 1
        if listener or at >= end:
            return None
        at = self._after_time_words(at, end)  # "a déclaré lundi le préfet …", "sagte am Montag …"
        found = self._subject_at(at, end) or self._nickname(at, end) or self._named_after_title(at, end) \
            or self._titled(at, end)
        return found or self._phrase_after(at, end)

    def _subject_at(self, at: int, end: int) -> Subject | None:
        ref = self.index.starting_at(at)
        if ref is not None and ref.start == at:
            return Subject("person", ref.start, ref.end)
        lower = self.text[at:at + 40].lower()
        for phrase, _ in self.words.descriptors:
            if lower.startswith(phrase) and not lower[len(phrase):len(phrase) + 1].isalpha():
                return Subject("description", at, at + len(phrase))
        word = WORD_OR_INTEGER.match(self.text, at, end)
        if word and word.group(0).lower() in self.words.pronouns:
            return Subject("pronoun", word.start(), word.end())
        return None

    def _nickname(self, at: int, end: int) -> Subject | None:
        """A person named by a nickname in quote marks: "avait écrit «El Pistolero» sur X"."""
        text = self.text
        if text[at:at + 1] not in _NICKNAME_OPEN:
            return None
        inner = at + 1
        while inner < end and text[inner] in " \u00a0":
            inner += 1
        ref = self.index.starting_at(inner)
        if ref is None or ref.start != inner or text[ref.end:ref.end + 2].strip()[:1] not in "»”\"“’":
            return None
        return Subject("person", ref.start, ref.end)

    def _after_time_words(self, at: int, end: int) -> int:
        """Where the speaker may start once the day right after a speech verb is passed: "lundi",
        "lundi matin", "am Montag", "on Monday" (an article or preposition, then calendar words)."""
        text = self.text
        position = at
        skipped = 0
        while skipped < 3:
            token = WORD_OR_INTEGER.match(text, position, end)
            if token is None:
                break
            word = fold(token.group(0))
            following = WORD_OR_INTEGER.match(text, token.end() + 1, end) if text.startswith(" ", token.end()) \
                else None
            if word in self.words.calendar or (word in self.words.stopwords and following is not None
                                               and fold(following.group(0)) in self.words.calendar):
                position = token.end()
                while position < end and text[position] == " ":
                    position += 1
                skipped += 1
                continue
            break
        return position if skipped and WORD_OR_INTEGER.match(text, position, end) else at

    def _named_after_title(self, at: int, end: int) -> Subject | None:
        """A speaker named after a longer title and a comma, where the clause ends: "a expliqué le
        directeur régional de la SNCF, Jean-Pierre Martin", "said the head of the rail company,
        John Smith". The title opens with an article; nothing between verb and name ends a clause."""
        text = self.text
        first = WORD_OR_INTEGER.match(text, at, end)
        if first is None or first.group(0).lower() not in self.words.stopwords \
                or first.group(0).lower() in self.words.pronouns:
            return None
        comma = text.find(", ", at, min(end, at + _APPOSITION_REACH))
        if comma == -1 or any(c in text[at:comma] for c in ".!?:;«»\"“”„"):
            return None
        ref = self.index.starting_at(comma + 2)
        if ref is None or ref.start != comma + 2 or not (ref.end >= end or text[ref.end:ref.end + 1] in ".,;"):
            return None
        return Subject("person", ref.start, ref.end)

    def _titled(self, at: int, end: int) -> Subject | None:
        """A person after a title: up to three words ("said Mayor Anne Solberg", "sagte
        Verdi-Sprecherin Petra Klein", an article first: "sagte die Katastrophenschutzchefin Kari
        Vik"), or up to seven joined by the language's small words ("de", "of") when the name ends
        the clause ("a déclaré le ministre de l'Intérieur Gérald Darmanin.")."""
        text = self.text
        words = self.words
        position = at
        joined = False
        for n in range(_MAX_LONG_TITLE):
            token = HYPHENATED_WORD_OR_INTEGER.match(text, position, end)  # "sagte Verdi-Sprecherin Petra Klein"
            if token is None or token.group(0)[:1].isdigit():
                return None
            lower = token.group(0).lower()
            honorific = lower in words.honorifics  # a title even where it is also a short word ("M.")
            small = lower in words.stopwords and not honorific
            if lower in words.pronouns or lower in words.verbs:
                return None
            if small and n == 0 and lower in words.not_subject:
                return None  # reported speech: "said that …", "a dit à …"
            if small and n > 0:
                if lower not in words.joiners:
                    return None
                joined = True
            after = token.end()
            if honorific and text.startswith(".", after):
                after += 1  # an abbreviated title: "a déclaré M. Marchal", "said Dr. Ann Lee"
            if not text.startswith(" ", after):
                return None
            position = after + 1
            ref = self.index.starting_at(position)
            if ref is not None and ref.start == position:
                if small:
                    return None  # a title before the name: "said the Kari Vik" is none
                ends_clause = ref.end >= end or text[ref.end:ref.end + 1] in ".,;:!?" or ref.end == len(text)
                if (n + 1 <= _MAX_TITLE_WORDS and not joined) or ends_clause:
                    return Subject("person", ref.start, ref.end)
                return None
        return None

    def _phrase_after(self, at: int, end: int) -> Subject | None:
        """The words after a verb up to the clause's end, when they are a subject: a role ("sagte der
        Sprecher.", "so der Sprecher der Polizei") or someone else ("said a local source.",
        "said Reuters.")."""
        text = self.text
        stop = _CLAUSE_END.search(text, at, end)
        clause_end = stop.start() if stop else end
        tokens = list(WORD_OR_INTEGER.finditer(text, at, clause_end))
        if not tokens or len(tokens) > _MAX_PHRASE_WORDS or tokens[0].start() != at:
            return None
        first = tokens[0].group(0)
        lower = first.lower()
        if lower in self.words.not_subject or lower in self.words.pronouns:
            return None
        if lower in self.words.stopwords or first[:1].isupper():
            return self._phrase(tokens, lower in self.words.role_articles, head=True)
        return None

    def _role_words(self, tokens: list[re.Match[str]], head: bool = False) -> tuple[str, ...]:
        """A role's content words (``head``: only up to the first small word after them: "der
        Sprecher der Polizei" is a "Sprecher")."""
        out: list[str] = []
        previous_end = -1
        for token in tokens:
            word = token.group(0).lower()
            if out and self.text[previous_end:token.start()] in ("-", "‐"):  # "le porte-parole"
                out[-1] = f"{out[-1]}-{fold(word)}"
                previous_end = token.end()
                continue
            if word in self.words.stopwords or word in self.words.verbs:
                if head and out:
                    break
                continue
            out.append(fold(word))
            previous_end = token.end()
        return tuple(out)

    # ---- whom a pronoun, a description or a role points back to

    def antecedent(self, offset: int, gender: str | None) -> PersonRef | None:
        """The person a pronoun or description at ``offset`` points back to: sentence by sentence
        back, the subject of the first speech verb that has one, when it is a person of fitting or
        unknown gender; else the nearest person of fitting gender named in the sentence, unless a
        person of unknown gender stands nearer. A speech verb whose subject is someone else (an
        unnamed source, an organisation) ends the search without a speaker."""
        unknown: set[str] = set()
        for seg_start, seg_end, whole in self._segments_back(offset):
            speaker = self.sentence_speaker(seg_start, seg_end) if whole else \
                self._speaker_between(seg_start, seg_end)
            if speaker is not None and (speaker.kind in ("role", "person") or speaker.person_like):
                ref = self._person_of(speaker)
                if ref is None:
                    return None  # a person the text does not name speaks between
                if ref.gender in (gender, None) and not unknown - {ref.entity_id}:
                    return ref
            for j in range(bisect_left(self.outside_starts, seg_end) - 1, -1, -1):
                ref = self.outside[j]
                if ref.start < seg_start:
                    break
                if ref.end > offset:
                    continue
                if ref.gender is None:
                    unknown.add(ref.entity_id)
                elif ref.gender == gender:
                    return None if unknown - {ref.entity_id} else ref
        return None

    def _person_of(self, speaker: Subject) -> PersonRef | None:
        if speaker.kind == "person":
            return self.index.starting_at(speaker.start)
        if speaker.kind == "role":
            return self.role_antecedent(speaker.start, speaker.role)
        return None

    def _segments_back(self, offset: int) -> list[tuple[int, int, bool]]:
        """The sentences before ``offset``, nearest first, as far back as a pronoun looks: (start,
        end, whether the whole sentence): the sentence holding ``offset`` up to it, then whole ones."""
        source = self.source
        paragraph = source.paragraph_at(offset)
        position = paragraph.index - 1
        first = max(0, position - _PARAGRAPHS_BACK)
        limit = max(source.paragraphs[first].start, offset - _CHARS_BACK)
        segments: list[tuple[int, int, bool]] = []
        for p in range(position, first - 1, -1):
            para = source.paragraphs[p]
            if para.furniture is not None:
                continue
            for sentence in reversed(para.sentences or ()):
                if sentence.start >= offset:
                    continue
                if sentence.end <= limit:
                    return segments
                segments.append((max(sentence.start, limit), min(sentence.end, offset),
                                 sentence.end <= offset and sentence.start >= limit))
        return segments

    def sentence_speaker(self, start: int, end: int) -> Subject | None:
        """The subject of a sentence's first speech verb that has one (read once per sentence)."""
        key = (start, end)
        if key not in self._sentence_speakers:
            self._sentence_speakers[key] = self._speaker_between(start, end)
        return self._sentence_speakers[key]

    def _speaker_between(self, start: int, end: int) -> Subject | None:
        tokens = [t for t in WORD_OR_INTEGER.finditer(self.text, start, end) if not self.quotes.contains(t.start())]
        for k, token in enumerate(tokens):
            if token.group(0).lower() in self.words.verbs:
                found = self.subject_of(tokens, k, start, end)
                if found is not None:
                    return found
        return None

    def role_antecedent(self, offset: int, role: tuple[str, ...]) -> PersonRef | None:
        """The nearest person before ``offset`` named with every word of ``role`` around the name: a
        title before it ("Polizeisprecher Hans Müller": a "Sprecher"), or an apposition before or
        after it ("the spokesman, Mallam Garba Shehu"; "Shehu, the president's spokesman,")."""
        if not role:
            return None
        paragraph = self.source.paragraph_at(offset)
        limit = max(self.source.paragraphs[max(0, paragraph.index - 1 - _PARAGRAPHS_BACK)].start,
                    offset - _CHARS_BACK)
        for j in range(bisect_left(self.outside_starts, offset) - 1, -1, -1):
            ref = self.outside[j]
            if ref.start < limit:
                break
            if ref.end <= offset and _has_role(self._words_around(ref), role):
                return ref
        return None

    def _words_around(self, ref: PersonRef) -> list[str]:
        text = self.text
        paragraph = self.source.paragraph_at(ref.start)
        before = text[max(paragraph.start, ref.start - _AROUND_CHARS):ref.start].rstrip()
        before = before.removesuffix(",")  # "the spokesman, Mallam Garba Shehu"
        before = re.split(r"[.;:!?,()\"“”„«»]", before)[-1]
        after = ""
        if text.startswith(", ", ref.end):
            after = re.split(r"[.;:!?,()\"“”„«»]", text[ref.end + 2:min(paragraph.end, ref.end + _AROUND_CHARS)])[0]
        return [fold(w) for w in (*HYPHENATED_WORD_OR_INTEGER.findall(before)[-_MAX_ROLE_WORDS:],
                                  *HYPHENATED_WORD_OR_INTEGER.findall(after)[:10])]


def _has_role(around: list[str], role: tuple[str, ...]) -> bool:
    """Whether every word of a role is among the words around a name, or ends one of them
    ("sprecher" in "polizeisprecher")."""
    return all(any(w == r or (len(r) >= 4 and w.endswith(r)) for w in around) for r in role)


def _possessive(text: str, ref: PersonRef) -> bool:
    """Whether a mention is a possessive ("Buhari's spokesman"): no subject, whoever follows."""
    return text[ref.end - 2:ref.end] in ("'s", "’s") or text[ref.end:ref.end + 2] in ("'s", "’s")

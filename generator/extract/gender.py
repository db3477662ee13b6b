"""Gender of the persons the resolve stage found, from what the texts say and nothing else.

Quote attribution needs it: "she wrote" goes to the nearest female person. A person's
gender (``m`` or ``f``) rests on evidence of four kinds, each read from the text or from
data in ``generator/lang``:

* a title before the name ("Mrs", "Herr", "Mme", "fru");
* a kinship or role noun right before the name or in apposition after it ("his mother
  Kimberly Jones", "guttens mor Kimberly Jones", "Tomas Berg, her father,", "Ihr Vater",
  "son père, Tomas Berg", "die Hundebesitzerin", "la ministre");
* a pronoun that can only point back to the person: the person is the first one named in
  the sentence, and the first pronoun after the name (in that sentence or the next) comes
  before any other person, animal, role noun, or, where nouns have grammatical gender, a
  noun of that gender; pronouns inside quotations do not count;
* a given name that names one gender (per language, then shared lists).

Evidence for both genders gives ``None``: the case file says "unknown" rather than guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from generator.lang import canonical_language, language_data, shared_data, trait, word_set
from generator.model.entity import Gender
from generator.model.source import Source
from generator.text import lexicon as lex
from generator.text.words import ABBREVIATED_WORD, fold

GENDERS: tuple[Gender, ...] = ("f", "m")
# How many words after the name a pronoun may be to count.
_PRONOUN_WINDOW = 25

_QUOTES = re.compile(r"“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]|\"[^\"\n]*\"|‘[^’\n]*’(?!\w)|''[^'\n]*''|»[^«\n]*«")
_DASHES = ("–", "—", "-")
_APPOSITION = re.compile(r",[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?:[^\W\d_][\w\-]*[ \u00a0]+){0,2}[^\W\d_][\w\-]*")


class PersonMention(NamedTuple):
    """What gender inference needs of one mention: where it is and whose it is (a tuple: cheap)."""

    entity: str
    """Id of the entity."""
    source: str
    """Id of the source."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""
    name: str
    """The name as normalised by extraction ("Kimberly Jones")."""
    language: str
    """Language of the paragraph."""
    blocks: bool = True
    """Whether a pronoun after this mention could point to it (persons, animals)."""


@dataclass(frozen=True, eq=False)
class _Words:
    gendered: Mapping[str, Gender]
    heads: tuple[tuple[str, Gender], ...]
    feminine_stems: tuple[str, ...]
    feminine_suffix: str
    """The suffix of a feminine agent noun after one of ``feminine_stems`` (German "in"); "" when none."""
    roles: frozenset[str]
    articles: Mapping[str, Gender]
    pronouns: Mapping[str, Gender]
    stops: frozenset[str]
    object_context: frozenset[str]
    impersonal: frozenset[str]
    markers: Mapping[Gender, frozenset[str]]
    plural_verbs: frozenset[str]
    not_subject_after: frozenset[str]
    animals: frozenset[str]
    given: Mapping[str, Gender]
    formal: frozenset[str]
    """Pronouns that, capitalised inside a sentence, address the reader (German "Sie"), as written."""
    plural: frozenset[str]
    """Pronouns that are plural before a plural verb (German "sie")."""
    plural_endings: tuple[str, ...]
    """Endings of plural verbs (German "-en")."""
    impersonal_pronouns: frozenset[str]
    """Pronouns that are impersonal before the words of ``impersonal`` (French "il")."""
    object_pronouns: frozenset[str]
    """Pronouns that are objects before the words of ``object_context`` (English "her")."""


def _by_gender(data: Mapping[str, object], key: str) -> dict[str, Gender]:
    table: dict[str, Gender] = {}
    raw = data.get(key) or {}
    if isinstance(raw, dict):
        for gender in GENDERS:
            for word in raw.get(gender) or ():
                table[fold(str(word))] = gender
    return table


@cache
def _words(lang: str) -> _Words:
    data = language_data(lang)
    markers_raw = data.get("entity_gender_noun_markers") or {}
    given = _by_gender(shared_data(), "entity_given_name_genders")
    given.update(_by_gender(data, "entity_given_name_genders"))
    heads = _by_gender(data, "entity_gender_heads")
    return _Words(
        gendered=_by_gender(data, "entity_gender_words"),
        heads=tuple(sorted(heads.items(), key=lambda item: -len(item[0]))),
        feminine_stems=tuple(str(s) for s in data.get("entity_gender_feminine_stems") or ()),
        feminine_suffix=str(data.get("entity_gender_feminine_suffix") or ""),
        roles=frozenset(fold(x) for x in word_set(lang, "entity_person_roles")
                        | word_set(lang, "entity_person_role_heads")),
        articles=_by_gender(data, "entity_gender_articles"),
        pronouns=_by_gender(data, "entity_gender_pronouns"),
        stops=word_set(lang, "entity_gender_stop_pronouns"),
        object_context=word_set(lang, "entity_gender_object_context"),
        impersonal=frozenset(fold(str(w)) for w in data.get("entity_gender_impersonal") or ()),
        markers={g: frozenset(fold(str(w)) for w in markers_raw.get(g) or ()) for g in GENDERS},
        plural_verbs=word_set(lang, "entity_gender_plural_verbs"),
        not_subject_after=frozenset(fold(str(x)) for x in data.get("entity_gender_not_subject_after") or ()),
        animals=frozenset(fold(x) for x in word_set(lang, "entity_animal_cues")),
        given=given,
        formal=frozenset(str(w) for w in data.get("entity_gender_formal_pronouns")),
        plural=frozenset(fold(str(w)) for w in data.get("entity_gender_plural_pronouns")),
        plural_endings=tuple(str(w) for w in data.get("entity_gender_plural_verb_endings")),
        impersonal_pronouns=frozenset(fold(str(w)) for w in data.get("entity_gender_impersonal_pronouns")),
        object_pronouns=frozenset(fold(str(w)) for w in data.get("entity_gender_object_pronouns")),
    )


@lru_cache(maxsize=50_000)
def noun_gender(word: str, lang: str) -> Gender | None:
    """Gender a title, kinship or role noun gives the person it names ("mother" → ``f``)."""
    w = _words(canonical_language(lang))
    folded = fold(word).rstrip(".")
    if folded in w.gendered:
        return w.gendered[folded]
    for head, gender in w.heads:
        if folded.endswith(head) and len(folded) > len(head):
            return gender
    if feminine_role(word, lang):
        return "f"  # German: "Hundebesitzerin", "Polizistin"
    if w.feminine_stems and w.feminine_suffix and folded in w.roles and folded + w.feminine_suffix in w.roles:
        return "m"  # German: "Sänger" where "Sängerin" would be written for a woman
    return None


@lru_cache(maxsize=50_000)
def feminine_role(word: str, lang: str) -> bool:
    """A capitalised feminine agent noun where the language makes them with a suffix
    ("Hundebesitzerin", "Polizistin"): a role noun, and the person it names is female."""
    w = _words(canonical_language(lang))
    folded = fold(word)
    suffix = w.feminine_suffix
    return bool(w.feminine_stems) and bool(suffix) and word[:1].isupper() and folded.endswith(suffix) \
        and len(folded) >= 7 and folded[:-len(suffix)].endswith(w.feminine_stems) and lex.zipf(folded, lang) < 4.0


def given_name_gender(name: str, lang: str) -> Gender | None:
    """Gender of the first word of ``name`` when it is a given name of one gender only."""
    first = name.split()[0] if name.split() else ""
    return _words(canonical_language(lang)).given.get(fold(first))


class _SourceView:
    """One source's text with its quotations, sentences and blocking mentions indexed."""

    def __init__(self, source: Source, mentions: Sequence[PersonMention],
                 blockers: Sequence[tuple[int, int, str]]):
        self.source = source
        self.text = source.text
        spans: list[tuple[int, int]] = [m.span() for m in _QUOTES.finditer(self.text)]
        self.sentences: list[tuple[int, int, int]] = []  # (start, end, paragraph index)
        for p_index, paragraph in enumerate(source.paragraphs):
            body = self.text[paragraph.start:paragraph.end].lstrip()
            if body.startswith(_DASHES) and not body.startswith("--"):
                spans.append((paragraph.start, paragraph.end))  # dialogue written with a dash
            for sentence in paragraph.sentences:
                self.sentences.append((sentence.start, sentence.end, p_index))
        self.sentences.sort()
        self.sentence_starts = [s for s, _, _ in self.sentences]
        merged: list[list[int]] = []  # quotations inside a dialogue paragraph are one span
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.quote_starts = [s for s, _ in merged]
        self.quote_ends = [e for _, e in merged]
        self.blockers = sorted(blockers)
        self.blocker_starts = [s for s, _, _ in self.blockers]
        self.persons = sorted(mentions, key=lambda m: m.start)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def quoted(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quote_ends[i]

    def blocker_between(self, start: int, end: int, entity: str) -> bool:
        """Whether a mention of anyone but ``entity`` starts in ``[start, end)``."""
        i = bisect_left(self.blocker_starts, start)
        while i < len(self.blockers) and self.blockers[i][0] < end:
            if self.blockers[i][2] != entity:
                return True
            i += 1
        return False


def infer_genders(persons: Sequence[PersonMention], others: Sequence[PersonMention],
                  sources: Mapping[str, Source]) -> dict[str, tuple[Gender | None, tuple[str, ...]]]:
    """Gender and evidence for every entity in ``persons``.

    ``others`` are mentions of animals and other named things a pronoun could point to.
    """
    votes: dict[str, Counter[tuple[Gender, str]]] = {}
    by_source: dict[str, list[PersonMention]] = {}
    for mention in persons:
        votes.setdefault(mention.entity, Counter())
        by_source.setdefault(mention.source, []).append(mention)
    blockers: dict[str, list[tuple[int, int, str]]] = {}
    for mention in [*persons, *others]:
        if mention.blocks or trait(mention.language, "grammatical_gender"):  # any named thing may be meant
            blockers.setdefault(mention.source, []).append((mention.start, mention.end, mention.entity))
    for source_id in sorted(by_source):
        source = sources.get(source_id)
        if source is None:
            continue
        view = _SourceView(source, by_source[source_id], blockers.get(source_id, []))
        first_in_sentence: set[int] = set()
        seen_sentences: set[int] = set()
        for mention in view.persons:
            s_index = view.sentence_index(mention.start)
            if s_index not in seen_sentences:
                seen_sentences.add(s_index)
                first_in_sentence.add(id(mention))
            for gender, why in _mention_evidence(view, mention, id(mention) in first_in_sentence):
                votes[mention.entity][(gender, why)] += 1
    given: set[tuple[str, Gender, str]] = set()
    for mention in persons:
        by_name = given_name_gender(mention.name, mention.language) if len(mention.name.split()) > 1 else None
        if by_name is not None:
            given.add((mention.entity, by_name, f"given name '{mention.name.split()[0]}'"))
    given_genders: dict[str, set[Gender]] = {}
    for entity, gender, _ in given:
        given_genders.setdefault(entity, set()).add(gender)
    for entity, gender, why in sorted(given):
        if len(given_genders[entity]) == 1:  # "Jean" is m in French texts, f in English ones: no evidence
            votes[entity][(gender, why)] += 1
    out: dict[str, tuple[Gender | None, tuple[str, ...]]] = {}
    for entity, counter in votes.items():
        genders = {g for g, _ in counter}
        ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0][1], item[0][0]))
        if len(genders) == 1:
            gender = next(iter(genders))
            out[entity] = (gender, tuple(why for (_, why), _ in ordered)[:8])
        elif genders:
            out[entity] = (None, ("conflicting evidence",
                                  *[f"{why} ({g})" for (g, why), _ in ordered][:8]))
        else:
            out[entity] = (None, ())
    return out


def _mention_evidence(view: _SourceView, mention: PersonMention, first: bool) -> list[tuple[Gender, str]]:
    lang = canonical_language(mention.language)
    w = _words(lang)
    text = view.text
    s_index = view.sentence_index(mention.start)
    s_start, s_end, _ = view.sentences[s_index] if view.sentences else (0, len(text), 0)
    found: list[tuple[Gender, str]] = []
    # A title or role noun right before the name: "his mother Kimberly Jones", "Her father, Tomas Berg".
    before = ABBREVIATED_WORD.findall(text[max(s_start, mention.start - 60):mention.start])
    gap = text[max(s_start, mention.start - 3):mention.start]
    closed = text[mention.end:mention.end + 1] in (",", ")")
    if before and ((gap.endswith((" ", "\u00a0")) and not gap.endswith(", ")) or (gap.endswith(", ") and closed)) \
            and not view.quoted(mention.start):
        word = before[-1]
        # A lone initial is no title, unless the language lists it as one (French "M.").
        if not (word.endswith(".") and len(word) == 2 and fold(word).rstrip(".") not in w.gendered):
            gender = noun_gender(word, lang)
            if gender is None and fold(word) in w.roles and len(before) > 1:
                gender = w.articles.get(fold(before[-2]))  # "la ministre", "le maire"
                if gender is not None:
                    word = f"{before[-2]} {word}"
            if gender is not None:
                found.append((gender, f"'{word}' before the name"))
    # Apposition: "Tomas Berg, her father,", "Lena Berg, 11, a schoolgirl".
    apposition = _APPOSITION.match(text, mention.end, s_end)
    if apposition:
        function_words = word_set(lang, "entity_function_words")
        after = text[apposition.end():apposition.end() + 30]
        next_word = ABBREVIATED_WORD.match(after.lstrip())
        closes = after[:1] in (",", ".", ";", ")", "") or fold(
            next_word.group(0) if next_word else "") in w.not_subject_after
        words = ABBREVIATED_WORD.findall(apposition.group(0))
        for word in words[:3]:
            if fold(word) in function_words:
                continue
            gender = noun_gender(word, lang) if closes and word == words[-1] else None
            if gender is not None:
                found.append((gender, f"'{word}' in apposition"))
            break
    # A pronoun that points back to the person, when the person is the subject.
    object_of = before and fold(before[-1].rstrip(".")) in w.not_subject_after \
        and not text[max(s_start, mention.start - 2):mention.start].strip(" \u00a0").endswith(",")
    if first and not object_of and not view.quoted(mention.start) and not (
            apposition and fold(ABBREVIATED_WORD.findall(apposition.group(0))[0]) in w.pronouns):
        hit = _pronoun_after(view, mention, s_index, lang, w)
        if hit is not None:
            found.append(hit)
    return found


def _pronoun_after(view: _SourceView, mention: PersonMention, s_index: int, lang: str,
                   w: _Words) -> tuple[Gender, str] | None:
    if not w.pronouns:
        return None
    text = view.text
    sentences = view.sentences
    limit = sentences[min(s_index + 1, len(sentences) - 1)][1] if sentences else len(text)
    noun_genders: set[Gender] = set()
    count = 0
    for match in ABBREVIATED_WORD.finditer(text, mention.end, limit):
        count += 1
        if count > _PRONOUN_WINDOW:
            return None
        if view.blocker_between(mention.end, match.start(), mention.entity):
            return None  # another person or animal came first
        word = match.group(0).rstrip(".")
        folded = fold(word)
        if view.quoted(match.start()):
            continue
        if folded in w.stops:
            return None
        if folded in w.roles or folded in w.animals or folded in w.gendered:
            return None  # "the boy", "the dog": the pronoun may be theirs
        gender = w.pronouns.get(folded)
        if gender is not None:
            if word in w.formal and not _sentence_start(text, match.start()):
                return None  # formal "you"
            nxt = ABBREVIATED_WORD.match(text, match.end() + 1) if match.end() < len(text) else None
            nxt_word = fold(nxt.group(0)) if nxt else ""
            if folded in w.plural and (nxt_word in w.plural_verbs or nxt_word.endswith(w.plural_endings)):
                return None  # "sie sind": they
            if folded in w.impersonal_pronouns and nxt_word in w.impersonal:
                continue
            if folded in w.object_pronouns and (nxt is None or nxt_word in w.object_context
                                                     or text[match.end():match.end() + 1] in ".,;:!?"):
                return None  # "told her": someone else
            if gender in noun_genders:
                return None  # a noun of that grammatical gender came first ("la vidéo … elle")
            return gender, f"pronoun '{word}' after the name"
        for g, markers in w.markers.items():
            if folded in markers:
                noun_genders.add(g)
    return None


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3):offset].rstrip(" \u00a0")
    return not before or before[-1] in ".!?\n:–—\"“«»„"

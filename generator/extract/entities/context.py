"""What the words around a name say, gathered once for the type rules of :mod:`.judge`: the name's
form (possessive, genitive, an organisation word after it), the cues before and after it (a role
noun, a title, an age, an animal or storm word, a street word), and what the lists say it is.
Each cue found records its rule name."""

from __future__ import annotations

from typing import NamedTuple

from generator.extract.entities.lookups import (
    ListedType,
    classify_single,
    common_noun,
    group_noun,
    is_role,
    keeps_period,
    legal_form,
    org_suffix,
    place_word_after,
    place_word_before,
    place_word_in,
    street_after,
    street_before,
    town,
)
from generator.extract.entities.patterns import (
    ACRONYM_WORD,
    ADJACENT,
    AGE_AFTER,
    BREAK,
    NEXT_WORD,
    NEXT_WORD_COMMA,
    POSSESSIVE_S,
    Patterns,
    apposition,
)
from generator.extract.entities.records import Tok, bare
from generator.extract.entities.trim import Cue
from generator.model.mention import Surface
from generator.text import lexicon as lex
from generator.text.words import WORD_AND_TAIL


class Context(NamedTuple):
    """What the type rules read about one name and the words around it. Immutable; a named tuple rather
    than a frozen dataclass because one is built per name, and building a frozen dataclass of this size
    costs 2% of extraction, five times what the tuple costs."""

    text: str
    """The source's text."""
    tokens: list[Tok]
    """The words of the name, trimmed."""
    name: str
    """The name, spaces collapsed, a possessive removed."""
    bare_name: str
    """The name without a final period that is not its own."""
    initial: bool
    """Whether the name opens a sentence, a quotation or a clause, where any word has a capital."""
    lang: str
    """The paragraph's language."""
    p: Patterns
    """The language's word lists and traits."""
    prev: str
    """The word before the name, as written ("" when there is none)."""
    person_cue: bool
    """A title, role noun, age or apposition says the name is a person's."""
    work_cue: bool
    """A word before the name says it is a work's ("the film")."""
    animal: bool
    """A word before the name says it is an animal's or a storm's."""
    place_cue: bool
    """The word right before the name is one that places follow ("in")."""
    street: str | None
    """A street word before or after the name ("boulevard", "gate"), if any."""
    listed_type: ListedType
    """What the lists say the name is, unless the words around it say otherwise."""
    listed_why: tuple[str, ...]
    """The lists' evidence for ``listed_type``."""
    place_word: str | None
    """A noun for a kind of place beside the name ("Hebei province", "the village of Chibok"), if any."""

    @property
    def given(self) -> bool:
        """The name begins with a given name."""
        return lex.is_given_name(self.tokens[0].text)

    @property
    def edge_street(self) -> str | None:
        """A street word first or last in the name ("Place de la République", "Oxford Street")."""
        return next((t.text for t in (self.tokens[0], self.tokens[-1]) if t.bare in self.p.street_words), None)

    @property
    def edge_org(self) -> str | None:
        """An organisation word first or last in the name ("Universität Wien", "Statens vegvesen"), or a
        company's legal form ending it ("Development Berhad")."""
        return next((t.text for t in (self.tokens[0], self.tokens[-1]) if t.bare in self.p.org_words), None) \
            or legal_form([t.text for t in self.tokens])

    @property
    def group(self) -> str | None:
        """A plural noun for people ending a name of several words ("Chibok Girls")."""
        last = self.tokens[-1].text
        return last if len(self.tokens) > 1 and group_noun(last, self.p) else None

    @property
    def acronym(self) -> str | None:
        """An acronym among the words of the name ("IG Metall")."""
        return next((t.text for t in self.tokens if ACRONYM_WORD.fullmatch(t.text)), None)

    @property
    def town(self) -> str | None:
        """A town or region after the first word of the name ("Eintracht Frankfurt")."""
        return next((t.text for t in self.tokens[1:] if town(t.text, self.lang)), None)

    @property
    def capitalised(self) -> list[str]:
        """The capitalised words of the name longer than one letter."""
        return [t.text for t in self.tokens if t.text[:1].isupper() and len(t.text.rstrip(".")) > 1]

    @property
    def org_suffix(self) -> str | None:
        """An organisation word ending a one-word name ("Utenriksdepartementet")."""
        return org_suffix(self.bare_name, self.p)


def no_name_alone(tok: Tok, lang: str, p: Patterns) -> bool:
    """A word that is no name standing alone."""
    if len(tok.text.rstrip(".")) < 2 and not tok.text.endswith("."):
        return True  # a lone capital letter ("I", "A", the N in ''N'' word)
    if tok.text.endswith(".") and len(tok.text) <= 3:
        return True  # a lone initial or abbreviation ("J.", "Dr.")
    if tok.bare in p.function_words or tok.bare in p.calendar or tok.bare in p.honorifics:
        return True  # "His", "Dec", "Mr"
    word = tok.text.rstrip(".")
    return word.isupper() and len(word) > 1 and lex.is_common_word(word, lang) \
        and not lex.listed(word, lex.organizations()) and lex.place(tok.text) is None  # "AGAIN": shouting


def shape(text: str, tokens: list[Tok], s_end: int, p: Patterns, evidence: list[str],
           rules: list[str]) -> tuple[int, str, str, Surface, tuple[str, ...]] | None:
    """The name as written and its form: (end, name, bare name, surface, other forms); ``None`` for a
    day in the possessive. A lower-case organisation word after it is added to ``tokens``."""
    start, end = tokens[0].start, tokens[-1].end
    surface: Surface = "full" if len(tokens) > 1 else "single"
    forms: tuple[str, ...] = ()
    name = " ".join(text[start:end].split())
    m = POSSESSIVE_S.search(name) if name.endswith("s") else None
    if m:  # "Keaton's": the mention is the name, the ending is no part of it
        name = name[:m.start()]
        end -= len(m.group(0))
        surface = "possessive"
        rules.append("possessive 's")
    elif end < s_end and text[end] in "'’" and name.endswith(("s", "x", "z")) and \
            (end + 1 >= len(text) or not text[end + 1].isalnum()):  # "Jones'"
        end += 1
        surface = "possessive"
        rules.append("possessive apostrophe")
    elif p.genitive_s and name.endswith("s") and (len(name) > 3 or name[:-1].isupper()):
        forms = (name[:-1],)
        rules.append("genitive -s")
    if p.org_word_after_name and surface == "single":
        tail = NEXT_WORD.match(text, end, s_end)
        if tail and tail.group(1)[0].islower() and tail.group(1) in p.org_words:
            end = tail.end()
            name = " ".join(text[start:end].split())
            surface = "full"
            evidence.append(f"organisation word '{tail.group(1)}'")
            rules.append("organisation word after the name")
            tokens.append(Tok(end - len(tail.group(1)), end, tail.group(1)))
            forms = ()  # "Statens vegvesen": a genitive inside the name
    bare_name = name if (name.endswith(".") and keeps_period(name, p) and len(name) > 3) else name.rstrip(".")
    if not bare_name or (len(tokens) == 1 and bare(bare_name) in p.calendar):
        return None  # "Monday's rally": a day, not a name
    return end, name, bare_name, surface, forms


def gather(text: str, tokens: list[Tok], name: str, bare_name: str, end: int, initial: bool, lang: str,
           p: Patterns, s_start: int, s_end: int, cues: tuple[Cue, ...], evidence: list[str],
           rules: list[str]) -> Context:
    """What the words around the name say: cues before and after it, and what the lists say it is."""
    start = tokens[0].start
    before_words = WORD_AND_TAIL.findall(text[max(s_start, start - 60):start])
    prev = before_words[-1] if before_words else ""
    cues += _cues_before(text, before_words, start, s_start, initial, p, evidence, rules)
    cues += _cues_after(text[end:min(s_end, end + 40)], len(tokens), p, evidence, rules)
    adjacent = ADJACENT.search(text, max(s_start, start - 30), start) \
        if start > s_start and text[start - 1] in " \u00a0" else None
    street = street_before(before_words, p) or street_after(text, end, s_end, p)
    if street:  # "place de la République", "boulevard Voltaire", "Karl Johans gate"
        evidence.append(f"street word '{street}'")
        rules.append("street word")
    person_cue = "person" in cues
    place_cue = adjacent is not None and adjacent.group(1) in p.place_cues
    listed_type, _, listed_why = classify_single(bare_name, lang)
    prev_l = prev.casefold()
    if listed_type == "place" and len(tokens) == 1 and not place_cue and (initial or p.capitalises_nouns) and (
            bare_name.casefold() in p.function_words or lex.zipf(bare_name.casefold(), lang) >= lex.VERY_COMMON_ZIPF
            or (p.capitalises_nouns and (prev_l in p.articles or (prev_l in p.function_words
                                                                  and common_noun(bare_name, p)))
                and not listed_why[0].startswith("gazetteer: country"))):
        listed_type = None  # "Essen", "auf dem Hof": ordinary words unless "in Essen"
        rules.append("place name that is an ordinary word")
    if listed_type == "place" and person_cue and len(tokens) > 1:
        listed_type = None  # "Orlando Bloom" style collisions are people
        rules.append("person named like a place")
    place_word = place_word_in([t.text for t in tokens], p) or place_word_before(text, start, s_start, p) \
        or place_word_after(text, end, s_end, p)
    return Context(text=text, tokens=tokens, name=name, bare_name=bare_name, initial=initial, lang=lang, p=p,
                   prev=prev, person_cue=person_cue, work_cue="work" in cues, animal="animal" in cues,
                   place_cue=place_cue, street=street, listed_type=listed_type, listed_why=listed_why,
                   place_word=place_word)


def _cues_before(text: str, before_words: list[str], start: int, s_start: int, initial: bool, p: Patterns,
                 evidence: list[str], rules: list[str]) -> tuple[Cue, ...]:
    """Cues in the words before the name: a role noun or title, a work cue, an animal or storm word."""
    cues: tuple[Cue, ...] = ()
    prev = before_words[-1] if before_words else ""
    prev_l = prev.casefold()
    if prev and not initial:
        if is_role(prev, p) and (prev[0].islower() or p.capitalises_nouns):
            evidence.append(f"role '{prev}'")
            rules.append("role noun before")
            cues += ("person",)
        elif prev_l in p.honorifics and prev[0].isupper():
            evidence.append(f"title '{prev}'")
            rules.append("title before")
            cues += ("person",)
    if prev_l in p.work_cues and (prev[0].islower() or p.capitalises_nouns) \
            and not BREAK.search(text, max(s_start, start - 60), start):  # no punctuation between
        evidence.append(f"after '{prev}'")
        rules.append("work cue before")
        cues += ("work",)
    last3 = [w.casefold() for w in before_words[-3:]]
    if last3 and (last3[-1] in p.animals or (last3[-1] in p.naming and any(x in p.animals for x in last3[:-1]))):
        evidence.append(f"animal '{before_words[-1]}'")
        rules.append("animal word before")
        cues += ("animal",)
    elif last3 and last3[-1] in p.storms:
        evidence.append(f"storm '{before_words[-1]}'")  # "la tempête Ingrid", "Sturm »Ingrid«": not a person
        rules.append("storm word before")
        cues += ("animal",)
    return cues


def _cues_after(after: str, length: int, p: Patterns, evidence: list[str], rules: list[str]) -> tuple[Cue, ...]:
    """Cues in the words after the name: an age, a word that follows persons' names, a role in apposition."""
    cues: tuple[Cue, ...] = ()
    age = AGE_AFTER.match(after)
    if age:
        evidence.append(f"age ({age.group(1) or age.group(2)})")
        rules.append("age after")
        cues += ("person",)
    if p.person_after:
        nxt = NEXT_WORD_COMMA.match(after)
        if nxt and nxt.group(1).casefold() in p.person_after:
            evidence.append(f"followed by '{nxt.group(1)}'")
            rules.append("person word after")
            cues += ("person",)
    role = apposition().match(after)
    if role and role.group(1).casefold() in p.roles and role.group(1)[0].islower() and length > 1:
        evidence.append(f"apposition '{role.group(1)}'")
        rules.append("role in apposition")
        cues += ("person",)
    return cues

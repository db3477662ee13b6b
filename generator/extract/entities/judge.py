"""Judging a group of capitalised words: trim it to the name it holds (:mod:`.trim`), gather what
the words around it say into a :class:`Context`, then decide its type by ordered tables of named
rules (:data:`TYPE_RULES`; for a single word no rule typed, :data:`CAPITAL_RULES` and
:data:`SINGLE_WORD_RULES`). The names of the rules that decided go into the mention's ``rules``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.extract.entities.lookups import (
    ListedType,
    classify_single,
    common_noun,
    is_role,
    keeps_period,
    ordinary,
    ordinary_noun,
    org_suffix,
    state_code,
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
from generator.extract.entities.records import Cand, Tok, bare
from generator.extract.entities.trim import Cue, trim_leading, trim_trailing
from generator.lang import loanword_language
from generator.model.mention import EntityType, Surface
from generator.text import lexicon as lex
from generator.text.words import WORD_AND_TAIL

_LISTED_NAMES = ("platform", "organization")

Words = Literal["any", "one", "several"]
"""How many words a name has for a rule to look at it."""


@dataclass(frozen=True)
class Context:
    """What the type rules read about one name and the words around it."""

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
        """An organisation word first or last in the name ("Universität Wien", "Statens vegvesen")."""
        return next((t.text for t in (self.tokens[0], self.tokens[-1]) if t.bare in self.p.org_words), None)

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


@dataclass(frozen=True)
class TypeRule:
    """A rule for the type of a name: when ``test`` holds, the name is of type ``kind``."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    test: Callable[[Context], bool]
    """Over the name's context."""
    kind: EntityType | None
    """The type it gives; ``None``: the words are no name after all."""
    words: Words = "any"
    """The names it looks at: of ``one`` word, of ``several``, or ``any``."""
    strong: bool = False
    """The type is certain enough to stand on its own."""
    low: bool = False
    """Low confidence: little more than a capital speaks for a name."""
    needs_support: bool = False
    """A name only if it is named elsewhere in the source (or is no ordinary word)."""
    evidence: Callable[[Context], tuple[str, ...]] = lambda context: ()
    """The evidence it adds, in order."""
    surface: Surface | None = None
    """The kind of mention it makes, when not the one the name's form gives."""


def _noun_not_listed_name(c: Context) -> bool:
    """"ein deutliches Signal": a noun after an article or adjective, not the messaging app."""
    prev_l = c.prev.casefold()
    return c.listed_type in _LISTED_NAMES and c.p.capitalises_nouns \
        and not c.bare_name.isupper() and lex.zipf(c.bare_name.casefold(), c.lang) >= lex.COMMON_NOUN_ZIPF \
        and c.prev[:1].islower() and (prev_l in c.p.articles
                                      or (len(prev_l) > 4 and prev_l.endswith(c.p.adjective_endings)))


def _town_in_name(c: Context) -> bool:
    """"Eintracht Frankfurt", "Bayern München": a club or firm named after its town."""
    return c.town is not None and lex.place(c.name) is None \
        and not lex.is_common_word(c.tokens[0].text, loanword_language())


def _ordinary_words_in_name(c: Context) -> bool:
    return any(ordinary(t, c.lang, c.p) for t in c.capitalised)


def _loanwords(c: Context) -> bool:
    """"Color Line" in a Norwegian text: a name of English words is a brand, a work or an event far
    more often than a person; a name still, of no type we can tell."""
    return c.lang != loanword_language() and bool(c.capitalised) \
        and all(lex.is_common_word(t, loanword_language()) for t in c.capitalised)


def _at_start(c: Context) -> tuple[str, ...]:
    return ("at sentence start",) if c.initial else ()


TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule("animal or storm", lambda c: c.animal, "other", strong=True),
    # "place de la République", "boulevard Voltaire", "Karl Johans gate"
    TypeRule("street", lambda c: bool(c.street) and c.listed_type not in _LISTED_NAMES, "place", strong=True),
    TypeRule("noun, not a listed name", _noun_not_listed_name, None, words="one"),
    TypeRule("platform list", lambda c: c.listed_type == "platform", "platform", strong=True,
             evidence=lambda c: c.listed_why),
    TypeRule("organisation list", lambda c: c.listed_type == "organization" and c.listed_why != ("acronym",),
             "organization", strong=True, evidence=lambda c: c.listed_why),
    TypeRule("work cue", lambda c: c.work_cue, "work", strong=True),
    # "Kapteinen (58) er avhørt": the captain, a noun opening the sentence, not a name
    TypeRule("role noun opening the sentence", lambda c: c.person_cue and c.initial
             and ordinary_noun(c.bare_name, c.lang, c.p), None, words="one"),
    TypeRule("person cue", lambda c: c.person_cue, "person", strong=True),
    TypeRule("gazetteer place", lambda c: c.listed_type == "place", "place", strong=True,
             evidence=lambda c: c.listed_why),
    TypeRule("US state code", lambda c: state_code(c.text, c.tokens[0].start, c.bare_name), "place", strong=True,
             evidence=lambda c: (f"US state code {c.bare_name}",)),
    TypeRule("acronym", lambda c: c.listed_type == "organization", "organization", strong=True,
             evidence=lambda c: c.listed_why, surface="acronym"),
    TypeRule("street word in the name", lambda c: c.edge_street is not None, "place", words="several",
             strong=True, evidence=lambda c: (f"street word '{c.edge_street}'",)),
    TypeRule("organisation word in the name", lambda c: c.edge_org is not None, "organization", words="several",
             strong=True, evidence=lambda c: (f"organisation word '{c.edge_org}'",)),
    TypeRule("given name and surname", lambda c: c.given, "person", words="several", strong=True,
             evidence=lambda c: (f"given name '{c.tokens[0].text}'",)),
    # "IG Metall", "AC Milan", "FK Bodø": an acronym is no part of a person's name
    TypeRule("acronym in the name", lambda c: c.acronym is not None, "organization", words="several",
             evidence=lambda c: (f"acronym '{c.acronym}' in the name",)),
    TypeRule("town in the name", _town_in_name, "organization", words="several",
             evidence=lambda c: (f"place '{c.town}' in the name",)),
    TypeRule("ordinary words in the name", _ordinary_words_in_name, "other", words="several", low=True,
             evidence=lambda c: ("capitalised ordinary words",)),
    TypeRule("name of loanwords", _loanwords, "other", words="several",
             evidence=lambda c: ("name of English words", *_at_start(c))),
    TypeRule("several capitalised words", lambda c: True, "person", words="several",
             evidence=lambda c: ("name of several capitalised words", *_at_start(c))),
)
"""The rules for the type of a name, in order: the first that holds decides. A single word that none
types is judged by :data:`CAPITAL_RULES` and :data:`SINGLE_WORD_RULES`."""
_TYPE_RULES_FOR = {several: tuple(r for r in TYPE_RULES if r.words != ("one" if several else "several"))
                   for several in (False, True)}
"""The rules that look at a name of one word (``False``) or of several (``True``), in the same order."""


def _ordinary_word(c: Context) -> bool:
    word = c.bare_name.casefold()
    return word in c.p.not_names or lex.zipf(word, c.lang) >= lex.VERY_COMMON_ZIPF \
        or (lex.is_compound_of_common(c.bare_name, c.lang) and not lex.zipf(word, c.lang))


CAPITAL_RULES: tuple[TypeRule, ...] = (
    TypeRule("capital on every noun", lambda c: c.p.capitalises_nouns, "other", needs_support=True),
    TypeRule("capital opening the sentence", lambda c: c.initial, "other", needs_support=True),
    TypeRule("capitalised ordinary word", _ordinary_word, "other", low=True,
             evidence=lambda c: ("capitalised ordinary word",)),
)
"""What the capital of a single word says, in order (for its confidence and evidence)."""
CAPITALISED_WITHIN = TypeRule("capitalised within a sentence", lambda c: True, "other",
                              evidence=lambda c: ("capitalised within a sentence",))
"""What the capital says when no rule of :data:`CAPITAL_RULES` holds."""

SINGLE_WORD_RULES: tuple[TypeRule, ...] = (
    TypeRule("given name", lambda c: c.given, "person", evidence=lambda c: (f"given name '{c.tokens[0].text}'",)),
    # "Utenriksdepartementet", "Bundesgerichtshof"
    TypeRule("organisation word ending the name", lambda c: c.org_suffix is not None, "organization",
             evidence=lambda c: (f"organisation word '{c.org_suffix}' ending the name",)),
    TypeRule("after a place word", lambda c: c.place_cue, "place", evidence=lambda c: (f"after '{c.prev}'",)),
)
"""The type of a single word, in order (after :data:`CAPITAL_RULES`)."""
NO_TYPE = TypeRule("single word of no known type", lambda c: True, "other")
"""The type when no rule of :data:`SINGLE_WORD_RULES` holds."""


def _first(rules: tuple[TypeRule, ...], context: Context) -> TypeRule | None:
    for rule in rules:
        if rule.test(context):
            return rule
    return None


def judge(text: str, group: list[Tok], initial: bool, lang: str, p: Patterns, anchor: str,
          sentence: str, s_start: int, s_end: int, compound_cue: str | None) -> Cand | None:
    """Trim one group of capitalised words to a name, collect evidence, guess its type."""
    evidence: list[str] = []
    rules: list[str] = []
    # Strip a trailing period that ends an abbreviation-free word ("Jones." at a sentence end
    # is cut by the segmenter, but "Jones." can still end a heading).
    tokens = [Tok(t.start, t.end - 1, t.text[:-1]) if t.text.endswith(".") and not keeps_period(t.text, p) else t
              for t in group]
    cues: tuple[Cue, ...] = ()
    if compound_cue:
        evidence.append(compound_cue)
        rules.append("role compound before the name")
        cues = ("person",)
    # A well-known organisation named in full keeps its ordinary words ("Røde Kors" opening a sentence).
    named = tokens[1:] if len(tokens) > 2 and tokens[0].bare in p.function_words else tokens  # "The European Union"
    if len(named) > 1 and lex.listed(" ".join(t.text for t in named), lex.organizations()) is not None:
        tokens, initial = list(named), False
        rules.append("organisation listed in full")
    else:
        initial, leading = trim_leading(tokens, initial, p, lang, evidence, rules)
        cues += leading
    trim_trailing(tokens, p, rules)
    if not tokens or (len(tokens) == 1 and _no_name_alone(tokens[0], lang, p)):
        return None
    shaped = _shape(text, tokens, s_end, p, evidence, rules)
    if shaped is None:
        return None
    end, name, bare_name, surface, forms = shaped
    context = _context(text, tokens, name, bare_name, end, initial, lang, p, s_start, s_end, cues, evidence, rules)
    rule = _first(_TYPE_RULES_FOR[len(tokens) > 1], context)
    capital: TypeRule | None = None
    if rule is None:  # a single word no rule typed
        capital = _first(CAPITAL_RULES, context) or CAPITALISED_WITHIN
        rules.append(capital.name)
        evidence.extend(capital.evidence(context))
        rule = _first(SINGLE_WORD_RULES, context) or NO_TYPE
    if rule.kind is None:
        return None
    rules.append(rule.name)
    evidence.extend(rule.evidence(context))
    low, needs_support = (rule.low, rule.needs_support) if capital is None else (capital.low, capital.needs_support)
    return Cand(tokens, context.initial, sentence, anchor, evidence, rule.kind, rule.strong,
                surface=rule.surface or surface, name=bare_name, end=end, needs_support=needs_support, low=low,
                forms=forms, rules=rules)


def _no_name_alone(tok: Tok, lang: str, p: Patterns) -> bool:
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


def _shape(text: str, tokens: list[Tok], s_end: int, p: Patterns, evidence: list[str],
           rules: list[str]) -> tuple[int, str, str, Surface, tuple[str, ...]] | None:
    """The name as written and its form: (end, name, bare name, surface, other forms); ``None`` for a
    day in the possessive. A lower-case organisation word after it is added to ``tokens``."""
    start, end = tokens[0].start, tokens[-1].end
    surface: Surface = "full" if len(tokens) > 1 else "single"
    forms: tuple[str, ...] = ()
    name = " ".join(text[start:end].split())
    m = POSSESSIVE_S.search(name) if name.endswith("s") else None
    if m:  # "Keaton's"
        name = name[:m.start()]
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


def _context(text: str, tokens: list[Tok], name: str, bare_name: str, end: int, initial: bool, lang: str,
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
    return Context(text=text, tokens=tokens, name=name, bare_name=bare_name, initial=initial, lang=lang, p=p,
                   prev=prev, person_cue=person_cue, work_cue="work" in cues, animal="animal" in cues,
                   place_cue=place_cue, street=street, listed_type=listed_type, listed_why=listed_why)


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

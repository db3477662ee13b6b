"""Judging a group of capitalised words: trim it to the name it holds (:mod:`.trim`), gather what
the words around it say (:mod:`.context`), then decide its type by ordered tables of named rules
(:data:`TYPE_RULES`; for a single word no rule typed, :data:`CAPITAL_RULES` and
:data:`SINGLE_WORD_RULES`). The names of the rules that decided go into the mention's ``rules``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.extract.entities.context import Context, gather, no_name_alone, shape
from generator.extract.entities.lookups import ListedType, keeps_period, ordinary, ordinary_noun, state_code
from generator.extract.entities.patterns import Patterns
from generator.extract.entities.records import Cand, Tok
from generator.extract.entities.trim import Cue, Where, looks, trim_leading, trim_trailing
from generator.lang import loanword_language
from generator.model.mention import EntityType, Surface
from generator.text import lexicon as lex

_LISTED_NAMES: tuple[ListedType, ...] = ("platform", "organization")

Words = Literal["any", "one", "several"]
"""How many words a name has for a rule to look at it."""

Flag = Literal["animal", "street", "work_cue", "person_cue", "place_cue", "given"]
"""What the context of a name may say: the fields and properties of :class:`~.context.Context` a type rule
may name in ``when``."""


@dataclass(frozen=True)
class TypeRule:
    """A rule for the type of a name: when ``when`` and ``test`` hold, the name is of type ``kind``. The
    rule is tried only on the names it looks at (``words``, ``where``, ``listed``)."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    kind: EntityType | None
    """The type it gives; ``None``: the words are no name after all."""
    when: Flag | None = None
    """What the context must say, if anything."""
    test: Callable[[Context], bool] | None = None
    """What else must hold of the context, if anything."""
    words: Words = "any"
    """The names it looks at: of ``one`` word, of ``several``, or ``any``."""
    where: Where = "anywhere"
    """Where it looks (at the opening of a sentence, in a language that capitalises its nouns)."""
    listed: tuple[ListedType, ...] | None = None
    """What the lists must say the name is for the rule to look at it; ``None``: anything."""
    strong: bool = False
    """The type is certain enough to stand on its own."""
    low: bool = False
    """Low confidence: little more than a capital speaks for a name."""
    needs_support: bool = False
    """A name only if it is named elsewhere in the source (or is no ordinary word)."""
    evidence: Callable[[Context], tuple[str, ...]] | None = None
    """The evidence it adds, in order."""
    surface: Surface | None = None
    """The kind of mention it makes, when not the one the name's form gives."""

    def looks_at(self, case: Case) -> bool:
        """Whether the rule looks at names of ``case``."""
        several, initial, nouns, listed = case
        return self.words != ("one" if several else "several") and looks(self.where, initial, nouns) \
            and (self.listed is None or listed in self.listed)


Case = tuple[bool, bool, bool, ListedType]
"""What decides which rules look at a name: it has several words, it opens a sentence, its language
capitalises nouns, and what the lists say it is."""
_CASES: tuple[Case, ...] = tuple((several, initial, nouns, listed) for several in (False, True)
                                 for initial in (False, True) for nouns in (False, True)
                                 for listed in (None, "platform", "organization", "place"))


def _by_case(rules: tuple[TypeRule, ...]) -> dict[Case, tuple[TypeRule, ...]]:
    """The rules of each case, in the same order: the loop tries only the rules that look."""
    return {case: tuple(rule for rule in rules if rule.looks_at(case)) for case in _CASES}


def _listed_why(c: Context) -> tuple[str, ...]:
    return c.listed_why


def _noun_not_listed_name(c: Context) -> bool:
    """"ein deutliches Signal": a noun after an article or adjective, not the messaging app."""
    prev_l = c.prev.casefold()
    return not c.bare_name.isupper() and lex.zipf(c.bare_name.casefold(), c.lang) >= lex.COMMON_NOUN_ZIPF \
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
    TypeRule("animal or storm", "other", when="animal", strong=True),
    # "place de la République", "boulevard Voltaire", "Karl Johans gate"
    TypeRule("street", "place", when="street", listed=(None, "place"), strong=True),
    TypeRule("noun, not a listed name", None, test=_noun_not_listed_name, words="one", where="nouns",
             listed=_LISTED_NAMES),
    TypeRule("platform list", "platform", listed=("platform",), strong=True, evidence=_listed_why),
    TypeRule("organisation list", "organization", test=lambda c: c.listed_why != ("acronym",),
             listed=("organization",), strong=True, evidence=_listed_why),
    TypeRule("work cue", "work", when="work_cue", strong=True),
    # "Chibok Girls", "Spice Girls": a group, no one person
    TypeRule("plural noun for people ending the name", "other", test=lambda c: c.group is not None, words="several",
             strong=True, evidence=lambda c: (f"plural '{c.group}': a group",)),
    # "Kapteinen (58) er avhørt": the captain, a noun opening the sentence, not a name
    TypeRule("role noun opening the sentence", None, when="person_cue",
             test=lambda c: ordinary_noun(c.bare_name, c.lang, c.p), words="one", where="opening"),
    TypeRule("person cue", "person", when="person_cue", strong=True),
    TypeRule("gazetteer place", "place", listed=("place",), strong=True, evidence=_listed_why),
    TypeRule("US state code", "place", test=lambda c: state_code(c.text, c.tokens[0].start, c.bare_name),
             strong=True, evidence=lambda c: (f"US state code {c.bare_name}",)),
    TypeRule("acronym", "organization", listed=("organization",), strong=True, evidence=_listed_why,
             surface="acronym"),
    TypeRule("street word in the name", "place", test=lambda c: c.edge_street is not None, words="several",
             strong=True, evidence=lambda c: (f"street word '{c.edge_street}'",)),
    TypeRule("organisation word in the name", "organization", test=lambda c: c.edge_org is not None,
             words="several", strong=True, evidence=lambda c: (f"organisation word '{c.edge_org}'",)),
    # "Zhongmengchang Village", "Hebei province", "the town of Chibok"
    TypeRule("place word beside the name", "place", test=lambda c: c.place_word is not None, strong=True,
             evidence=lambda c: (f"place word '{c.place_word}'",)),
    TypeRule("given name and surname", "person", when="given", words="several", strong=True,
             evidence=lambda c: (f"given name '{c.tokens[0].text}'",)),
    # "IG Metall", "AC Milan", "FK Bodø": an acronym is no part of a person's name
    TypeRule("acronym in the name", "organization", test=lambda c: c.acronym is not None, words="several",
             evidence=lambda c: (f"acronym '{c.acronym}' in the name",)),
    TypeRule("town in the name", "organization", test=_town_in_name, words="several",
             evidence=lambda c: (f"place '{c.town}' in the name",)),
    TypeRule("ordinary words in the name", "other", test=_ordinary_words_in_name, words="several", low=True,
             evidence=lambda c: ("capitalised ordinary words",)),
    TypeRule("name of loanwords", "other", test=_loanwords, words="several",
             evidence=lambda c: ("name of English words", *_at_start(c))),
    TypeRule("several capitalised words", "person", words="several",
             evidence=lambda c: ("name of several capitalised words", *_at_start(c))),
)
"""The rules for the type of a name, in order: the first that holds decides. A single word that none
types is judged by :data:`CAPITAL_RULES` and :data:`SINGLE_WORD_RULES`."""


def _ordinary_word(c: Context) -> bool:
    word = c.bare_name.casefold()
    return word in c.p.not_names or lex.zipf(word, c.lang) >= lex.VERY_COMMON_ZIPF \
        or (lex.is_compound_of_common(c.bare_name, c.lang) and not lex.zipf(word, c.lang))


CAPITAL_RULES: tuple[TypeRule, ...] = (
    TypeRule("capital on every noun", "other", where="nouns", needs_support=True),
    TypeRule("capital opening the sentence", "other", where="opening", needs_support=True),
    TypeRule("capitalised ordinary word", "other", test=_ordinary_word, low=True,
             evidence=lambda c: ("capitalised ordinary word",)),
)
"""What the capital of a single word says, in order (for its confidence and evidence)."""
CAPITALISED_WITHIN = TypeRule("capitalised within a sentence", "other",
                              evidence=lambda c: ("capitalised within a sentence",))
"""What the capital says when no rule of :data:`CAPITAL_RULES` holds."""

SINGLE_WORD_RULES: tuple[TypeRule, ...] = (
    TypeRule("given name", "person", when="given", evidence=lambda c: (f"given name '{c.tokens[0].text}'",)),
    # "Utenriksdepartementet", "Bundesgerichtshof"
    TypeRule("organisation word ending the name", "organization", test=lambda c: c.org_suffix is not None,
             evidence=lambda c: (f"organisation word '{c.org_suffix}' ending the name",)),
    TypeRule("after a place word", "place", when="place_cue", evidence=lambda c: (f"after '{c.prev}'",)),
)
"""The type of a single word, in order (after :data:`CAPITAL_RULES`)."""
NO_TYPE = TypeRule("single word of no known type", "other")
"""The type when no rule of :data:`SINGLE_WORD_RULES` holds."""

_TYPE_RULES_FOR = _by_case(TYPE_RULES)
_CAPITAL_RULES_FOR = _by_case(CAPITAL_RULES)


def _first(rules: tuple[TypeRule, ...], context: Context) -> TypeRule | None:
    for rule in rules:
        if (rule.when is None or getattr(context, rule.when)) and (rule.test is None or rule.test(context)):
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
    if not tokens or (len(tokens) == 1 and no_name_alone(tokens[0], lang, p)):
        return None
    shaped = shape(text, tokens, s_end, p, evidence, rules)
    if shaped is None:
        return None
    end, name, bare_name, surface, forms = shaped
    context = gather(text, tokens, name, bare_name, end, initial, lang, p, s_start, s_end, cues, evidence, rules)
    case = (len(tokens) > 1, context.initial, p.capitalises_nouns, context.listed_type)
    rule = _first(_TYPE_RULES_FOR[case], context)
    capital: TypeRule | None = None
    if rule is None:  # a single word no rule typed
        capital = _first(_CAPITAL_RULES_FOR[case], context) or CAPITALISED_WITHIN
        rules.append(capital.name)
        if capital.evidence is not None:
            evidence.extend(capital.evidence(context))
        rule = _first(SINGLE_WORD_RULES, context) or NO_TYPE
    if rule.kind is None:
        return None
    rules.append(rule.name)
    if rule.evidence is not None:
        evidence.extend(rule.evidence(context))
    low, needs_support = (rule.low, rule.needs_support) if capital is None else (capital.low, capital.needs_support)
    return Cand(tokens, context.initial, sentence, anchor, evidence, rule.kind, rule.strong,
                surface=rule.surface or surface, name=bare_name, end=end, needs_support=needs_support, low=low,
                forms=forms, rules=rules)

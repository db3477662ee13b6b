"""The sequence tagger's names joined with the rules' candidates of one sentence.

The tagger (:mod:`generator.tagger`, a CRF per language trained on public annotated corpora) reads
the words around a name, which the rules read only a word or two of; measured on the corpora's
held-out sentences it finds and types persons, places and organisations far better than the rules
(``docs_src/accuracy.md``). The rules still know what the tagger never learnt: works, platforms,
animals and storms, possessives and genitives, coordinated first names. So:

* a candidate the tagger marks with the same span keeps its form and takes the tagger's type;
* a name the tagger marks differently replaces the candidates it overlaps;
* a candidate of no span the tagger marks keeps its place only when it is a work, a platform or an
  animal's name, or when the lists name it (:data:`KEPT_RULES`), or when the gazetteer names it a
  country or region ("Norvège" in a headline).

Where the tagger and the rules disagree, the stronger evidence decides. The lexicons outweigh the
tagger: a run of words the language lists as no names ("God") or a capitalised run after an indefinite
article ("a Confederate Flag") is no name; a single word the tagger calls an organisation, unsure of it,
that the gazetteer knows as a place is a place (where it is sure, the town names a club: "Essex beat
Kent"; a noun for a kind of place still makes it one: "the harbour of Marseille"). The tagger outweighs
the rules' guesses only when it is sure (:data:`SURE`, the lowest marginal probability of its tags): a name it is
unsure of does not retype a name the rules typed otherwise ("Åsane" after "i"), nor clip a longer run
of capitalised words ("Color Line"). In a line all in capitals the tagger's names stand against the
rules' run ("WIGAN BEAT BRADFORD", :data:`SHOUTED_WORDS`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from generator.extract.entities.features import tokenise
from generator.extract.entities.lookups import (
    common_noun,
    group_noun,
    is_role,
    legal_form,
    org_suffix,
    place_named_with_title,
    place_word_after,
    place_word_before,
    place_word_in,
)
from generator.extract.entities.patterns import NEXT_WORD, Patterns
from generator.extract.entities.records import Cand, Tok
from generator.extract.entities.tagger import SURE, Found, Kind, Tagged
from generator.extract.entities.trim import direction_before_place
from generator.model.mention import EntityType
from generator.text import lexicon as lex

TYPE_OF: dict[str, EntityType] = {"PER": "person", "LOC": "place", "ORG": "organization"}

KEPT_RULES = frozenset({"platform list", "organisation list", "work cue", "animal or storm", "street",
                        "quoted title before a hyphen", "quoted title after a work cue",
                        "quoted title in title case", "organisation listed in full", "coordinated first name",
                        "compound name part"})
"""Rules whose candidates stand without the tagger: what it was never taught (works, platforms,
animals and storms, compounds such as "Beckham-sønnen") and names listed in full."""


LABEL_OF: dict[str, Kind] = {"person": "PER", "place": "LOC", "organization": "ORG"}

FAIR = 0.3
"""The tagger's probability of a type from which, when it is unsure of its own, the rules' guess of that type
stands."""

EVIDENCE_RULES = frozenset({"person cue", "gazetteer place", "given name", "after a place word", "name of loanwords",
                            "place word beside the name"})
"""Rules that type a name on evidence (a title or role, the gazetteer, a given name, a preposition of place,
a name of English words in another language, a noun for a kind of place): their type stands against a tagger
that is unsure."""

ORG_EVIDENCE = frozenset({"acronym in the name", "town in the name"})
"""Rules that find an organisation's name in words of a person's ("AP Alastair Grant")."""

STANDING_PLACES = frozenset({"country", "region", "admin"})
"""Kinds of gazetteer places that stand where the tagger sees no name: a country or region's name is a
place's wherever it is written ("Norwegen", "Norvège" in a headline); a town's may be a word or a surname."""

LISTED_RULES = frozenset({"platform list", "organisation list", "organisation listed in full", "US state code",
                          "person cue", "given name and surname", "coordinated first name", "street",
                          "street word in the name", "organisation word in the name", "acronym",
                          "organisation word ending the name", "coordinated surname"})
"""Rules whose name and type stand against the tagger's: the lists name the organisation, a title, role or
age or a given name says the name is a person's ("Cardi B", "Keaton Jones"), a state code follows a town
("Knoxville, TN")."""


def _span(cand: Cand) -> tuple[int, int]:
    return cand.tokens[0].start, cand.end if cand.end is not None else cand.tokens[-1].end


class Seen(NamedTuple):
    """A name the tagger found, trimmed, with what the kind rules read around it."""

    text: str
    """The source's text."""
    start: int
    """Where the name starts."""
    end: int
    """Where it ends."""
    label: Kind
    """The tagger's type."""
    role: list[str]
    """The words trimmed off before it (a title, a role, a German noun), as one string or none."""
    p: Patterns
    """The language's word lists."""
    sure: float = 0.0
    """The tagger's confidence in the name (the lowest marginal probability of its tags)."""

    @property
    def name(self) -> str:
        return self.text[self.start:self.end]

    @property
    def words(self) -> list[str]:
        return self.name.split()

    @property
    def prev(self) -> str:
        before = self.text[max(0, self.start - 20):self.start].split()
        return before[-1] if before else ""


def _town_after_place_word(s: Seen) -> str | None:
    """"premieren i Los Angeles": a town after a place word."""
    return f"after '{s.prev}'" if s.prev.casefold() in s.p.place_cues and lex.place(s.name) is not None else None


def _listed_platform(s: Seen) -> str | None:
    return "platform list" if lex.listed(s.name, lex.platforms()) else None


def _town_not_club(s: Seen) -> str | None:
    """"the harbour of Marseille": a known place, not the club the tagger learnt from sports news, unless the
    tagger is sure of the club ("Essex beat Kent", "Volgograd side": a sports page's teams)."""
    name = s.name
    if s.sure >= SURE or " " in name or name.isupper() or lex.listed(name, lex.organizations()):
        return None
    place = lex.place(name)
    return f"gazetteer: {place.kind} {place.name}" if place is not None else None


def _legal_form(s: Seen) -> str | None:
    """"1Malaysia Development Berhad", "Volkswagen AG": a company."""
    form = legal_form(s.words)
    return f"legal form '{form}'" if form else None


def _organisation_word_before(s: Seen) -> str | None:
    """"des Fussballverbandes Conmebol": a name right after an organisation noun is the organisation's."""
    if not s.role or len(s.words) > 1 or lex.is_given_name(s.name):
        return None
    word = s.role[0].split()[-1].casefold()
    stems = [word] + [word[:-len(end)] for end in ("es", "s") if word.endswith(end)]  # a genitive
    noun = next((w for w in stems if w in s.p.org_words or org_suffix(w, s.p)), None)
    return f"organisation word '{s.role[0].split()[-1]}' before the name" if noun else None


def _group(s: Seen) -> str | None:
    """"Chibok Girls", "Spice Girls": a name ending in a plural noun for people names a group."""
    last = s.words[-1]
    return f"plural '{last}': a group" if len(s.words) > 1 and group_noun(last, s.p) else None


def _place_word(s: Seen) -> str | None:
    """"Hebei province", "Zhongmengchang Village", "the town of Chibok": a noun for a kind of place beside
    the name (an organisation the lists know keeps its type: "Boko Haram camp")."""
    if s.label == "ORG" and lex.listed(s.name, lex.organizations()):
        return None
    word = place_word_in(s.words, s.p) or place_word_before(s.text, s.start, 0, s.p) \
        or place_word_after(s.text, s.end, len(s.text), s.p)
    return f"place word '{word}'" if word else None


def _gazetteer_place(s: Seen) -> str | None:
    """"Hebei", "Sao Paulo": a country, a province or a large town is no person's name."""
    if lex.is_given_name(s.words[0]):
        return None
    place = lex.place(s.name)
    if place is None or not (place.kind in STANDING_PLACES or (
            " " in s.name and place.kind == "city" and place.population >= lex.EXONYM_POPULATION)):
        return None
    return f"gazetteer: {place.kind} {place.name}"


def _whole_quotation(s: Seen) -> str | None:
    """"la légende «Fuerza Izquierdo»": a name that is all a quotation says is a slogan or a title."""
    before = s.text[max(0, s.start - 2):s.start].strip(" \u00a0")
    after = s.text[s.end:s.end + 2].strip(" \u00a0")
    if before[-1:] in OPENING_QUOTES and after[:1] in CLOSING_QUOTES and not lex.is_given_name(s.words[0]):
        return "the whole of a quotation"
    return None


OPENING_QUOTES = "«“„\"‘"
CLOSING_QUOTES = "»”“\"’"


class KindRule(NamedTuple):
    """A rule for the type of a name the tagger found: when ``test`` gives evidence for a name of one of
    ``labels``, the name is of type ``kind``."""

    name: str
    """The rule's name, recorded in the mention's ``rules``."""
    labels: tuple[Kind, ...]
    """The tagger's types it looks at."""
    kind: EntityType
    """The type it gives."""
    test: Callable[[Seen], str | None]
    """The evidence for ``kind``, or ``None``."""


KIND_RULES: tuple[KindRule, ...] = (
    KindRule("town after a place word", ("PER", "ORG"), "place", _town_after_place_word),
    KindRule("platform list", ("ORG",), "platform", _listed_platform),
    KindRule("gazetteer town, not a club", ("ORG",), "place", _town_not_club),
    KindRule("legal form ending the name", ("PER", "LOC"), "organization", _legal_form),
    KindRule("organisation word before the name", ("PER",), "organization", _organisation_word_before),
    KindRule("plural noun for people ending the name", ("PER",), "other", _group),
    KindRule("place word beside the name", ("PER", "ORG"), "place", _place_word),
    KindRule("gazetteer place, not a person", ("PER",), "place", _gazetteer_place),
    KindRule("name filling a quotation", ("PER",), "other", _whole_quotation),
)
"""The type of a name the tagger found, in order: the first rule that holds decides; when none does, the
tagger's type stands."""

KIND_RULE_NAMES = frozenset(rule.name for rule in KIND_RULES)


def _kind(seen: Seen) -> tuple[EntityType, str, str]:
    """The type of a name the tagger found, the rule that decided it and its evidence ("" when the tagger's
    type stands)."""
    for rule in KIND_RULES:
        if seen.label in rule.labels:
            why = rule.test(seen)
            if why is not None:
                return rule.kind, rule.name, why
    return TYPE_OF[seen.label], "", ""


def _modifies_group(seen: Seen) -> bool:
    """"the Chibok schoolgirls": a single word the tagger calls a person right before a plural noun for
    people says where they are from, not who."""
    after = NEXT_WORD.match(seen.text, seen.end)
    return seen.label == "PER" and " " not in seen.name and after is not None \
        and after.group(1)[:1].islower() and group_noun(after.group(1), seen.p)


def _leading(word: str, kind: str, p: Patterns) -> bool:
    """A word opening a tagged name that is no part of it: a title, a role, a lower-case word, an age
    ("Mr.", "Police Chief", "little", "Five-year-old"), and in German a noun ("Segeljacht Bayesian")."""
    bare = word.rstrip(".").casefold()
    return not word[:1].isupper() or bare in p.honorifics or (kind == "PER" and not lex.is_given_name(word) and (
        is_role(word, p) or "-year-old" in bare or (p.capitalises_nouns and _plain_noun(word, p))))


def _plain_noun(word: str, p: Patterns) -> bool:
    """A German noun that opens no one's name: a very frequent word or a compound of ordinary ones
    ("Segeljacht"); a word frequent in German alone may be a given name the lists lack ("Heinrich Popow",
    "Gerhart Jander"), and the tagger, which read it, keeps it."""
    lowered = word.casefold()
    return common_noun(word, p) and (lowered in p.function_words or lowered in p.not_names
                                     or lex.zipf(lowered, p.lang) >= lex.VERY_COMMON_ZIPF
                                     or lex.is_compound_of_common(word, p.lang))


def _trailing(word: str, before: str, kind: str, p: Patterns) -> bool:
    """A word closing a tagged name that is no part of it: punctuation, a lower-case word, and in German
    a noun after a genitive ("Izquierdos Tod")."""
    if word[:1].islower() and word.partition("-")[2][:1].isupper():
        return False  # "Abu Musab al-Barnawi"
    return not word[:1].isalnum() or word[:1].islower() or (
        kind == "PER" and p.capitalises_nouns and before.endswith("s") and common_noun(word, p))


def trim(text: str, found: Found, p: Patterns) -> tuple[Found | None, list[str]]:
    """The tagged name without the titles, roles, directions and loose words at its edges, and the words
    trimmed before it (the person's role, "Mallam", "US Army Sergeant"; a place's qualifier, "Northeastern")."""
    start, end, kind = found
    tokens = tokenise(text, start, end)
    dropped: list[str] = []
    while len(tokens) > 1 and (
            (_leading(tokens[0][2], kind, p) and not place_named_with_title([t[2] for t in tokens]))
            or (tokens[0][2].casefold() in p.directions and direction_before_place([t[2] for t in tokens]))):
        dropped.append(tokens.pop(0)[2])
    if dropped:
        dropped = [" ".join(text[start:tokens[0][0]].split())]
    while len(tokens) > 1 and _trailing(tokens[-1][2], tokens[-2][2], kind, p):
        tokens.pop()
    if not tokens or not tokens[0][2][:1].isupper():
        return None, dropped
    return (tokens[0][0], tokens[-1][1], kind), dropped


def _no_name(text: str, found: Found, p: Patterns) -> bool:
    """Whether the lexicons say a tagged name is none: all its words are listed as no names ("God") or as
    words that never name anything ("Premier" in French), or it
    follows an indefinite article and ends the noun phrase ("a Confederate Flag", not "an NHS nurse")."""
    tokens = tokenise(text, found[0], found[1])
    if all(t[2].casefold() in p.not_names for t in tokens):
        return True
    if all(t[2].casefold() in p.function_words for t in tokens) and not lex.is_given_name(tokens[0][2]):
        return True  # "devenu Premier ministre": a word the language lists as never naming anything
    end = found[0]
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if end == found[0] or text[start:end].casefold() not in p.indefinite:
        return False
    after = tokenise(text, found[1], min(len(text), found[1] + 40))
    return not (after and after[0][2][:1].islower())


def _outweighs(cand: Cand, start: int, end: int, kind: EntityType, shares: dict[Kind, float]) -> bool:
    """Whether the rules' ``cand`` stands against a name the tagger is unsure of: the rules typed the same
    name otherwise on evidence (:data:`EVIDENCE_RULES`) or guessed a type the tagger gives a fair chance
    (:data:`FAIR`), or it is a longer run of capitalised words the tagger clipped ("Color Line" against
    "Line")."""
    first, last = _span(cand)
    if (first, last) == (start, end) and cand.type != kind and cand.type in LABEL_OF and kind in LABEL_OF \
            and shares[LABEL_OF[kind]] < SURE and shares[LABEL_OF[cand.type]] >= FAIR:
        return True  # "Quinby Olbers walked home": a person to the rules, and maybe to the tagger
    if not EVIDENCE_RULES.intersection(cand.rules):
        return False  # "several capitalised words" is a guess, no evidence
    if (first, last) == (start, end):
        return cand.type in ("person", "place", "organization") and cand.type != kind
    return first <= start and end <= last and len(cand.tokens) > 1


LIST_RULES = frozenset({"platform list", "organisation list", "organisation listed in full", "acronym"})
"""Rules that find a name in the lists, as the lists write it."""


def _widens(cand: Cand, start: int, end: int, kind: EntityType, confidence: float, text: str, p: Patterns) -> bool:
    """Whether the tagger, sure of it, reads a person's name on from where the rules' person, typed by a
    title or role, ends ("la procureure Alice de Chambrier", where the rules stop at "Alice"), or an
    organisation's name on beyond the one the rules found by an organisation word, on either side ("Jones
    Medical Industries Inc", where the rules drop "Jones"; "Organisation for Security and Cooperation in
    Europe", where they stop at "and"); a name the lists know stays as they write it, and a function word
    the rules left out stays out ("The Party of Democratic Action")."""
    first, last = _span(cand)
    if confidence < SURE or kind != cand.type or (first, last) == (start, end):
        return False
    if kind == "person":
        return "person cue" in cand.rules and first == start and last < end
    return kind == "organization" and start <= first and last <= end and not LIST_RULES.intersection(cand.rules) \
        and (start == first or text[start:first].split()[0].casefold() not in p.function_words)


def _widened(cand: Cand, longer: Cand) -> Cand:
    """``longer`` (the tagger's name) with the evidence and rules of the rules' shorter ``cand``."""
    longer.evidence = [*cand.evidence, *longer.evidence]
    longer.rules = [*cand.rules, *longer.rules, "name read on by the tagger"]
    longer.sure = None
    return longer


def _typed(cand: Cand, kind: EntityType, label: str, confidence: float, rule: str) -> Cand:
    if cand.type in ("platform", "work") or (cand.type == "other" and "animal or storm" in cand.rules) \
            or (LISTED_RULES.intersection(cand.rules) and TOWN_IN_CAPITALS not in cand.rules):
        return cand  # what the tagger was never taught, and names the lists know
    cand.sure = confidence
    cand.evidence.append(f"sequence tagger: {label}")  # the tagger's vote counts when it agrees, too
    cand.type = kind
    cand.strong = True
    cand.needs_support = False
    cand.low = False
    cand.rules.append("sequence tagger")
    if rule and rule not in cand.rules:
        cand.rules.append(rule)
    return cand


def _new(text: str, found: Found, kind: EntityType, p: Patterns, anchor: str, sentence: str,
         lang: str) -> Cand:
    start, end, label = found
    words = text[start:end].split()
    tokens, position = [], start
    for word in words:
        at = text.index(word, position)
        tokens.append(Tok(at, at + len(word), word))
        position = at + len(word)
    name = " ".join(words)
    forms: tuple[str, ...] = ()
    if p.genitive_s and name.endswith("s") and len(name) > 3 and kind != "organization":
        forms = (name[:-1],)  # "Merkels", "Europas": the name if the source names it without the -s
    cand = Cand(tokens, False, sentence, anchor, [f"sequence tagger: {label}"], kind, True,
                surface="full" if len(tokens) > 1 else "single", name=name, end=end, forms=forms,
                rules=["sequence tagger"])
    cand.lang = lang
    return cand


def join(text: str, cands: list[Cand], found: Tagged, p: Patterns, anchor: str, sentence: str,
         lang: str) -> list[Cand]:
    """The candidates of one sentence once the tagger's reading ``found`` is joined with the rules'."""
    out: list[Cand] = []
    used: set[int] = set()
    for raw, confidence, shares in found.names:
        item, role = trim(text, raw, p)
        if item is None or _no_name(text, item, p):
            continue
        start, end, label = item
        seen = Seen(text, start, end, label, role, p, confidence)
        if _modifies_group(seen):
            continue
        kind, rule, because = _kind(seen)
        if role and kind == "person":
            why = f"title or role '{' '.join(role)}' before the name"
        elif role and kind == "place":
            why = f"qualifier '{' '.join(role)}'"  # "Northeastern Nigeria"
        else:
            why = because
        over = [i for i, c in enumerate(cands) if _span(c)[0] < end and start < _span(c)[1]]
        for i in over:
            if _town_in_capitals(cands[i], label, confidence):
                cands[i].rules.append(TOWN_IN_CAPITALS)
        protected = [i for i in over if LISTED_RULES.intersection(cands[i].rules) and not _shouted(cands[i])
                     and TOWN_IN_CAPITALS not in cands[i].rules]
        if len(protected) == 1 and _widens(cands[protected[0]], start, end, kind, confidence, text, p):
            out.append(_widened(cands[protected[0]], _new(text, item, kind, p, anchor, sentence, lang)))
            used.update(over)
            continue
        if protected:
            out.extend(cands[i] for i in protected if i not in used)
            used.update(over)
            continue
        doubted = [i for i in over if _outweighs(cands[i], start, end, kind, shares)] if confidence < SURE else []
        if doubted:
            out.extend(cands[i] for i in doubted if i not in used)
            used.update(over)
            continue
        same = [i for i in over if _span(cands[i]) == (start, end) or (
            cands[i].name == text[start:end] and _span(cands[i])[0] == start)  # "Keaton's": the possessive kept
            or (cands[i].type == kind and _span(cands[i])[0] <= start and end <= _span(cands[i])[1]
                and not _shouted(cands[i]) and not p.capitalises_nouns)]  # "Cardi B"; in German capitals say less
        if same:
            out.append(_typed(cands[same[0]], kind, label, confidence, rule))
            if why:
                cands[same[0]].evidence.append(why)
            used.update(over)
            continue
        kept = [i for i in over if KEPT_RULES.intersection(cands[i].rules)]
        if kept:
            out.extend(cands[i] for i in kept if i not in used)
            used.update(over)
            continue
        used.update(over)
        out.append(_new(text, item, kind, p, anchor, sentence, lang))
        out[-1].sure = confidence
        if rule:
            out[-1].rules.append(rule)
        if why:
            out[-1].evidence.append(why)
    for i, cand in enumerate(cands):
        if i not in used and (cand.type not in ("person", "place", "organization")
                              or KEPT_RULES.intersection(cand.rules)
                              or (LISTED_RULES.intersection(cand.rules) and not _shouted(cand))
                              or _standing_place(cand) or _doubted(cand, found.doubts)):
            out.append(cand)
    out.sort(key=lambda c: _span(c))
    return out


SHOUTED_WORDS = 3
"""From this many words, a run of words all in capitals is a headline or a table's line ("WIGAN BEAT BRADFORD",
"SAN DIEGO AT MONTREAL"), where the capitals say nothing of where names begin and end."""


def _shouted(cand: Cand) -> bool:
    """Whether the rules' candidate is a run of words all in capitals: there the tagger's names stand."""
    words = [t.text for t in cand.tokens if any(c.isalpha() for c in t.text)]
    return len(words) >= SHOUTED_WORDS and all(w.isupper() for w in words)


TOWN_IN_CAPITALS = "town in capitals, not an acronym"


def _town_in_capitals(cand: Cand, label: Kind, confidence: float) -> bool:
    """Whether the rules took a town's name in capitals for an acronym where the tagger is sure of a place
    ("BONN 1996-08-30", a dateline; "TUI" stays the acronym it is wherever the tagger is not sure)."""
    return cand.rules[-1:] == ["acronym"] and label == "LOC" and confidence >= SURE \
        and lex.place(cand.name or "") is not None


def _doubted(cand: Cand, doubts: list[tuple[int, int]]) -> bool:
    """Whether the tagger left out the rules' name unsure it is none ("Then Keaton Jones spoke."): the rules'
    reading stands."""
    start, end = _span(cand)
    return any(start <= a and b <= end for a, b in doubts)


def _standing_place(cand: Cand) -> bool:
    if cand.type != "place" or "gazetteer place" not in cand.rules:
        return False
    place = lex.place(cand.name or " ".join(t.text for t in cand.tokens))
    return place is not None and place.kind in STANDING_PLACES


def agree(cands: list[Cand]) -> None:
    """A single word the tagger typed otherwise than the person whose name it is part of, elsewhere in the
    source, is that person's ("Keaton" beside "Keaton Jones"): the tagger reads each sentence alone."""
    parts = {t.bare for c in cands if c.type == "person" and len(c.tokens) > 1 for t in c.tokens}
    people = {tuple(t.bare for t in c.tokens) for c in cands if c.type == "person" and len(c.tokens) > 1}
    for cand in cands:
        words = tuple(t.bare for t in cand.tokens)
        if len(words) > 1 and cand.type in ("organization", "place") and cand.sure is not None \
                and cand.sure < SURE and any(o[-1] == words[-1] and o != words for o in people) \
                and not (LISTED_RULES | ORG_EVIDENCE | KIND_RULE_NAMES).intersection(cand.rules) \
                and lex.place(cand.tokens[-1].text) is None \
                and lex.place(" ".join(t.text for t in cand.tokens)) is None:
            cand.type = "person"  # "Xenia Jones" among thirty Joneses, which the tagger was unsure of
            cand.evidence.append("surname of a person in the source")
            cand.rules.append("surname of a person in the source")
            continue
        if len(cand.tokens) == 1 and cand.type in ("organization", "place") and "sequence tagger" in cand.rules \
                and cand.tokens[0].bare in parts and not (LISTED_RULES | KIND_RULE_NAMES).intersection(cand.rules) \
                and lex.place(cand.tokens[0].text) is None:
            cand.type = "person"
            cand.evidence.append("part of a person's name in the source")
            cand.rules.append("part of a person's name")

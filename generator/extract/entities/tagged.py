"""The sequence tagger's names joined with the rules' candidates of one sentence.

The tagger (:mod:`generator.tagger`, a CRF per language trained on public annotated corpora) reads
the words around a name, which the rules read only a word or two of; measured on the corpora's
held-out sentences it finds and types persons, places and organisations far better than the rules
(``docs_src/accuracy.md``). The rules still know what the tagger never learnt: works, platforms,
animals and storms, possessives and genitives, coordinated first names. So:

* a candidate the tagger marks with the same span keeps its form and takes the tagger's type;
* a name the tagger marks differently replaces the candidates it overlaps;
* a candidate of no span the tagger marks keeps its place only when it is a work, a platform or an
  animal's name, or when the lists name it (:data:`KEPT_RULES`).
"""

from __future__ import annotations

from generator.extract.entities.features import tokenise
from generator.extract.entities.lookups import common_noun, is_role
from generator.extract.entities.patterns import Patterns
from generator.extract.entities.records import Cand, Tok
from generator.extract.entities.tagger import Found
from generator.model.mention import EntityType
from generator.text import lexicon as lex

TYPE_OF: dict[str, EntityType] = {"PER": "person", "LOC": "place", "ORG": "organization"}

KEPT_RULES = frozenset({"platform list", "organisation list", "work cue", "animal or storm", "street",
                        "quoted title before a hyphen", "quoted title after a work cue",
                        "quoted title in title case", "organisation listed in full", "coordinated first name",
                        "compound name part"})
"""Rules whose candidates stand without the tagger: what it was never taught (works, platforms,
animals and storms, compounds such as "Beckham-sønnen") and names listed in full."""


LISTED_RULES = frozenset({"platform list", "organisation list", "organisation listed in full", "US state code",
                          "person cue", "given name and surname", "coordinated first name", "street",
                          "street word in the name", "organisation word in the name", "acronym",
                          "organisation word ending the name", "coordinated surname"})
"""Rules whose name and type stand against the tagger's: the lists name the organisation, a title, role or
age or a given name says the name is a person's ("Cardi B", "Keaton Jones"), a state code follows a town
("Knoxville, TN")."""


def _span(cand: Cand) -> tuple[int, int]:
    return cand.tokens[0].start, cand.end if cand.end is not None else cand.tokens[-1].end


def _kind(found: Found, text: str, p: Patterns) -> EntityType:
    name = text[found[0]:found[1]]
    before = text[max(0, found[0] - 20):found[0]].split()
    if found[2] != "LOC" and before and before[-1].casefold() in p.place_cues and lex.place(name) is not None:
        return "place"  # "premieren i Los Angeles": a town after a place word
    if found[2] == "ORG" and lex.listed(name, lex.platforms()):
        return "platform"
    if found[2] == "PER" and " " not in name and not lex.is_given_name(name):
        place = lex.place(name)
        if place is not None and place.kind in ("country", "region", "admin"):
            return "place"  # "Hebei": a country or a province is no person's name
    return TYPE_OF[found[2]]


def _leading(word: str, kind: str, p: Patterns) -> bool:
    """A word opening a tagged name that is no part of it: a title, a role, a lower-case word, an age
    ("Mr.", "Police Chief", "little", "Five-year-old"), and in German a noun ("Segeljacht Bayesian")."""
    bare = word.rstrip(".").casefold()
    return not word[:1].isupper() or bare in p.honorifics or (kind == "PER" and not lex.is_given_name(word) and (
        is_role(word, p) or "-year-old" in bare or (p.capitalises_nouns and common_noun(word, p))))


def _trailing(word: str, before: str, kind: str, p: Patterns) -> bool:
    """A word closing a tagged name that is no part of it: punctuation, a lower-case word, and in German
    a noun after a genitive ("Izquierdos Tod")."""
    return not word[:1].isalnum() or word[:1].islower() or (
        kind == "PER" and p.capitalises_nouns and before.endswith("s") and common_noun(word, p))


def trim(text: str, found: Found, p: Patterns) -> tuple[Found | None, list[str]]:
    """The tagged name without the titles, roles and loose words at its edges, and the words trimmed
    before it (the person's role, "Mallam", "US Army Sergeant")."""
    start, end, kind = found
    tokens = tokenise(text, start, end)
    dropped: list[str] = []
    while len(tokens) > 1 and _leading(tokens[0][2], kind, p):
        dropped.append(tokens.pop(0)[2])
    if dropped:
        dropped = [" ".join(text[start:tokens[0][0]].split())]
    while len(tokens) > 1 and _trailing(tokens[-1][2], tokens[-2][2], kind, p):
        tokens.pop()
    if not tokens or not tokens[0][2][:1].isupper():
        return None, dropped
    return (tokens[0][0], tokens[-1][1], kind), dropped


def _typed(cand: Cand, kind: EntityType, label: str) -> Cand:
    if cand.type in ("platform", "work") or (cand.type == "other" and "animal or storm" in cand.rules) \
            or LISTED_RULES.intersection(cand.rules):
        return cand  # what the tagger was never taught, and names the lists know
    cand.evidence.append(f"sequence tagger: {label}")  # the tagger's vote counts when it agrees, too
    cand.type = kind
    cand.strong = True
    cand.needs_support = False
    cand.low = False
    cand.rules.append("sequence tagger")
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


def join(text: str, cands: list[Cand], found: list[Found], p: Patterns, anchor: str, sentence: str,
         lang: str) -> list[Cand]:
    """The candidates of one sentence once the tagger's names ``found`` are joined with the rules'."""
    out: list[Cand] = []
    used: set[int] = set()
    for raw in found:
        item, role = trim(text, raw, p)
        if item is None:
            continue
        start, end, label = item
        kind = _kind(item, text, p)
        if role and kind == "person":
            why = f"title or role '{' '.join(role)}' before the name"
        else:
            why = ""
        over = [i for i, c in enumerate(cands) if _span(c)[0] < end and start < _span(c)[1]]
        protected = [i for i in over if LISTED_RULES.intersection(cands[i].rules)]
        if protected:
            out.extend(cands[i] for i in protected if i not in used)
            used.update(over)
            continue
        same = [i for i in over if _span(cands[i]) == (start, end) or (
            cands[i].name == text[start:end] and _span(cands[i])[0] == start)  # "Keaton's": the possessive kept
            or (cands[i].type == kind and _span(cands[i])[0] <= start and end <= _span(cands[i])[1])]  # "Cardi B"
        if same:
            out.append(_typed(cands[same[0]], kind, label))
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
        if why:
            out[-1].evidence.append(why)
    for i, cand in enumerate(cands):
        if i not in used and (cand.type not in ("person", "place", "organization")
                              or KEPT_RULES.intersection(cand.rules) or LISTED_RULES.intersection(cand.rules)):
            out.append(cand)
    out.sort(key=lambda c: _span(c))
    return out


def agree(cands: list[Cand]) -> None:
    """A single word the tagger typed otherwise than the person whose name it is part of, elsewhere in the
    source, is that person's ("Keaton" beside "Keaton Jones"): the tagger reads each sentence alone."""
    parts = {t.bare for c in cands if c.type == "person" and len(c.tokens) > 1 for t in c.tokens}
    for cand in cands:
        if len(cand.tokens) == 1 and cand.type in ("organization", "place") and "sequence tagger" in cand.rules \
                and cand.tokens[0].bare in parts and not LISTED_RULES.intersection(cand.rules) \
                and lex.place(cand.tokens[0].text) is None:
            cand.type = "person"
            cand.evidence.append("part of a person's name in the source")
            cand.rules.append("part of a person's name")

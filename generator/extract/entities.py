"""Extract stage: mentions of named entities in one source.

A mention is a stretch of text that names a person, place, organisation, platform, work
or other named thing, with the evidence for the type guessed. Extraction is pure and
per source; :mod:`generator.resolve.entities` joins mentions into entities across sources.

How a name is recognised, in short:

* Runs of capitalised words (with name particles such as "van", "de" between them) are
  the candidates, read sentence by sentence.
* A capital is evidence of a name only where the language does not capitalise for other
  reasons: not at the start of a sentence, a quotation or a headline in title case, and
  never in German, which capitalises every noun. There a name needs other evidence: a
  given name, a title or role noun before it ("popstjernen Justin Bieber", "Sängerin
  Lena Fischer"), an age after it ("(23)"), a gazetteer entry, a list of platforms and
  outlets, an acronym, or being named elsewhere in the same source.
* Ordinary words are told from names by the language's function-word list and by
  wordfreq: a word much more frequent in one language than in the others is an ordinary
  word of that language ("Schule", "Moren"), while names are about as frequent everywhere.
* What cannot be decided is kept as a low-confidence mention, which the resolver turns
  into a candidate for review unless it matches an entity found elsewhere.

All language knowledge is data in ``generator/lang/<code>/entities.yml`` and
``generator/lang/_all/entities.yml``, read through :mod:`generator.text.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from generator.extract.gender import feminine_role
from generator.lang import (
    canonical_language,
    hook,
    language_data,
    loanword_language,
    shared_data,
    supported_languages,
    trait,
    word_set,
)
from generator.model.mention import Mention
from generator.model.source import Source
from generator.text import lexicon as lex
from generator.text.words import CLAUSE_OPENERS, UPPER_CLASS, WORD_AND_TAIL, fold

# ---------------------------------------------------------------------------------------
# Patterns, built once per language.



_WORDC = r"[^\W_]"


# A capitalised word: "Keaton", "O'Brien", "Jean-Pierre", "U.S", "Beckham-sønnen", "Keaton's".
# The capital comes first and the look-behind after it, so the regex engine can skip ahead to
# capitals instead of testing the look-behind at every character (four times faster).
_TOKEN = rf"[{UPPER_CLASS}](?<![\w\-‐][{UPPER_CLASS}]){_WORDC}*(?:[.'’\-‐]{_WORDC}+)*"


_GAP = r"[ \u00a0]+"


_AGE_AFTER = re.compile(r"[ \u00a0]*\((\d{1,3})\)|,[ \u00a0]+(\d{1,3}),")


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\-‐]*)[\s,]*$")




_PUNCT = re.compile(r"[.!?,;:…]")


_HYPHEN_HEAD = re.compile(r"[-‐]([^\W\d_]+)")


_HYPHENS = re.compile(r"[-‐]")


_POSSESSIVE_S = re.compile(r"['’]s$")


_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")


_NEXT_WORD_COMMA = re.compile(r",?[ \u00a0]+([^\W\d_]+)")


_ADJACENT = re.compile(r"([^\W\d_][\w'’\-‐]*)[ \u00a0]+$")


_BEFORE_COMMA = re.compile(rf"([{UPPER_CLASS}][\w .'-]*?),[ \u00a0]*$")




_QUOTED = re.compile(r"«[ \u00a0]?([^«»\n]{1,80}?)[ \u00a0]?»|“([^“”\n]{1,80})”|„([^„“”\n]{1,80})[“”]"
                     r"|\"([^\"\n]{1,80})\"|''([^'\n]{1,80})''")


@cache
def _apposition() -> re.Pattern[str]:
    """A comma, an optional article, up to one word, then the word that may describe the name (", a singer")."""
    articles = "|".join(re.escape(w) for w in _shared_words("entity_apposition_articles"))
    return re.compile(rf",[ \u00a0]+(?:(?:{articles})[ \u00a0]+)?(?:[^\W\d_]+[ \u00a0]+)?([^\W\d_][\w\-]*)")


@cache
def _title_gap() -> re.Pattern[str]:
    """Small words inside a title: "The Last Summer in the Valley", "Le Dîner de cons"."""
    small = "|".join(re.escape(w) for w in _shared_words("entity_title_small_words"))
    return re.compile(rf"[ \u00a0]+(?:(?:{small})[ \u00a0]+)+")


def _shared_words(key: str) -> list[str]:
    """A shared word list as written (lower case), in its order."""
    return [str(w) for w in shared_data().get(key)]


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per language, used as a cache key
class _Patterns:
    lang: str
    run: re.Pattern[str]
    token: re.Pattern[str]
    function_words: frozenset[str]
    honorifics: frozenset[str]
    roles: frozenset[str]
    role_heads: tuple[str, ...]
    animals: frozenset[str]
    naming: frozenset[str]
    work_cues: frozenset[str]
    work_heads: frozenset[str]
    place_cues: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    coordinators: frozenset[str]
    person_after: frozenset[str]
    org_words: frozenset[str]
    not_names: frozenset[str]
    calendar: frozenset[str]
    never_alone: frozenset[str]
    storms: frozenset[str]
    definite_suffixes: tuple[str, ...] = ()
    street_words: frozenset[str] = frozenset()
    """Words that make a name a street, square or bridge ("rue", "Platz", "plass", "Street")."""
    articles: frozenset[str] = frozenset()
    """Articles and determiners before a noun ("ein", "dem"): what follows is a noun."""
    adjective_endings: tuple[str, ...] = ()
    """Endings of an adjective before a noun ("deutliches"): what follows is a noun."""
    capitalises_nouns: bool = False
    """Every noun has a capital: a capital alone is no sign of a name."""
    forms_compounds: bool = False
    """Nouns join into one word: an organisation word may end a one-word name."""
    genitive_s: bool = False
    """The genitive adds a bare -s: "Bergs" may be Berg's."""
    org_word_after_name: bool = False
    """A lower-case organisation word may follow the name ("Statens vegvesen")."""
    quoted_titles_in_title_case: bool = False
    """A quoted run of capitalised words is a title."""
    role_stems: Callable[[str], tuple[str, ...]] = field(default=lambda word: ())
    """Other forms of a case-folded role noun to look up (the language's hook)."""


@cache
def _patterns(lang: str) -> _Patterns:
    def w(key: str) -> frozenset[str]:
        return word_set(lang, key)

    links = w("entity_connectors") | w("entity_name_particles") | w("entity_coordinators")
    link = "|".join(re.escape(x) for x in sorted(links, key=len, reverse=True)) or "(?!)"
    run = re.compile(rf"{_TOKEN}\.?(?:(?:{_GAP}(?:(?:{link}){_GAP})*){_TOKEN}\.?)*")
    token = re.compile(rf"{_TOKEN}\.?|[^\W\d_]+|&")
    return _Patterns(
        lang=lang, run=run, token=token,
        function_words=w("entity_function_words"), honorifics=w("entity_honorifics"),
        roles=w("entity_person_roles"),
        role_heads=tuple(sorted(w("entity_person_role_heads"), key=len, reverse=True)),
        animals=w("entity_animal_cues"), naming=w("entity_naming_words"),
        work_cues=w("entity_work_cues"), work_heads=w("entity_work_heads"),
        place_cues=w("entity_place_cues"), connectors=w("entity_connectors"),
        particles=w("entity_name_particles"), coordinators=w("entity_coordinators"),
        person_after=w("entity_person_after"), org_words=w("entity_org_words"),
        not_names=w("entity_not_names"), calendar=lex.calendar_words(lang),
        storms=w("entity_storm_cues"),
        never_alone=w("entity_function_words") | lex.calendar_words(lang) | w("entity_honorifics")
        | w("entity_not_names"),
        definite_suffixes=tuple(sorted(w("entity_definite_suffixes"), key=len, reverse=True)),
        street_words=w("entity_street_words"), articles=w("entity_articles"),
        adjective_endings=tuple(str(e) for e in language_data(lang).get("entity_adjective_endings")),
        capitalises_nouns=bool(trait(lang, "capitalises_nouns")), forms_compounds=bool(trait(lang, "forms_compounds")),
        genitive_s=bool(trait(lang, "genitive_s")), org_word_after_name=bool(trait(lang, "org_word_after_name")),
        quoted_titles_in_title_case=bool(trait(lang, "quoted_titles_in_title_case")),
        role_stems=hook(lang, "role_stems"),
    )


# ---------------------------------------------------------------------------------------
# Working records (internal).

class _Tok:
    """A token of a run: offsets, text, and the text without a final period, case-folded."""

    __slots__ = ("bare", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.bare = _bare(text)


@dataclass
class _Cand:
    """A candidate name before it is accepted: tokens, evidence, type votes."""

    tokens: list[_Tok]
    initial: bool
    sentence: str
    anchor: str
    evidence: list[str]
    type: str
    strong: bool
    surface: str = "single"
    name: str | None = None
    end: int | None = None
    needs_support: bool = False
    low: bool = False
    forms: tuple[str, ...] = ()
    lang: str = "und"


@lru_cache(maxsize=100_000)
def _bare(text: str) -> str:
    return text.rstrip(".").casefold()


def _is_role(word: str, p: _Patterns) -> bool:
    return _is_role_cached(word.casefold(), p) or feminine_role(word, p.lang)


@lru_cache(maxsize=100_000)
def _is_role_cached(lowered: str, p: _Patterns) -> bool:
    if lowered in p.roles:
        return True
    if any(stem in p.roles for stem in p.role_stems(lowered)):
        return True  # German weak nouns: "des Meteorologen", "dem Experten"
    return any(lowered.endswith(head) and len(lowered) > len(head) for head in p.role_heads)


def _ordinary_noun(word: str, lang: str, p: _Patterns) -> bool:
    """Whether ``word`` is an ordinary noun or a role, also in its definite form ("kapteinen": kaptein)."""
    lowered = word.casefold()
    forms = [lowered] + [lowered[:-len(s)] for s in p.definite_suffixes
                         if lowered.endswith(s) and len(lowered) - len(s) >= 3]
    return any(_is_role(form, p) or _ordinary(form, lang, p) for form in forms)


def _initial(text: str, sentence_start: int, pos: int) -> bool:
    """True when ``pos`` starts the sentence, a quotation, a parenthesis or a clause after a colon or dash."""
    i = pos - 1
    while i >= sentence_start and text[i] in " \t\u00a0\n":
        i -= 1
    if i < sentence_start:
        return True
    if text[i] in CLAUSE_OPENERS:
        # "asked -", "«Du", "(Artikkelen", ": Slik" — but not the hyphen inside a word.
        if text[i] in "-‐" and i > sentence_start and text[i - 1].isalnum():
            return False
        return True
    return False


def _title_case(text: str, start: int, end: int, capitals: int) -> bool:
    words = text[start:end].split()
    return len(words) >= 4 and capitals / len(words) >= 0.6


# ---------------------------------------------------------------------------------------
# Extraction.

def extract_mentions(source: Source) -> tuple[Mention, ...]:
    """All entity mentions of ``source``, sorted by start; pure and deterministic."""
    text = source.text
    cands: list[_Cand] = []
    for paragraph in source.paragraphs:
        lang = canonical_language(paragraph.language or source.language)
        sentences = paragraph.sentences or ()
        for sentence in sentences:
            for cand in _sentence_candidates(text, sentence.start, sentence.end, lang,
                                             paragraph.anchor, sentence.anchor):
                cand.lang = lang
                cands.append(cand)
    return _finish(source, cands)


def _sentence_candidates(text: str, start: int, end: int, lang: str, anchor: str,
                         sentence: str) -> list[_Cand]:
    p = _patterns(lang)
    found: list[_Cand] = []
    blocked: list[tuple[int, int]] = []
    # Quoted titles first: «Avengers»-premieren, the film "Up".
    if "«" in text[start:end] or '"' in text[start:end] or "“" in text[start:end] \
            or "„" in text[start:end] or "''" in text[start:end]:
        for cand, span in _quoted_works(text, start, end, lang, p, anchor, sentence):
            if cand is not None:
                found.append(cand)
            blocked.append(span)
    matches = list(p.run.finditer(text, start, end))
    title_case = not p.capitalises_nouns and _title_case(text, start, end, sum(
        1 for m in matches for w in m.group(0).split() if w[:1].isupper()))  # not "on" in "Bamse on Thursday"
    for match in matches:
        if any(s <= match.start() < e for s, e in blocked):
            continue
        if found and found[-1].type == "work" and found[-1].end is not None and match.start() > found[-1].end:
            gap = text[found[-1].end:match.start()]
            if _title_gap().fullmatch(gap) and found[-1].surface != "title":
                work = found[-1]
                work.end = match.end() - (1 if match.group(0).endswith(".") else 0)
                work.name = " ".join(text[work.tokens[0].start:work.end].split())
                work.tokens = [*work.tokens, _Tok(match.start(), work.end, text[match.start():work.end])]
                continue
        tokens = [_Tok(t.start(), t.end(), t.group(0)) for t in p.token.finditer(text, match.start(), match.end())]
        if not tokens:
            continue
        initial = title_case or _initial(text, start, match.start())
        found.extend(_run_candidates(text, tokens, initial, lang, p, anchor, sentence, start, end))
    return found


def _quoted_works(text: str, start: int, end: int, lang: str, p: _Patterns, anchor: str,
                  sentence: str) -> list[tuple[_Cand | None, tuple[int, int]]]:
    out: list[tuple[_Cand | None, tuple[int, int]]] = []
    for match in _QUOTED.finditer(text, start, end):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        inner_start, inner_end = match.start(group), match.end(group)
        inner = text[inner_start:inner_end]
        stripped = inner.strip()
        if not stripped or not stripped[0].isupper() or len(stripped.split()) > 6:
            continue
        if _PUNCT.search(stripped):
            continue
        after = text[match.end():match.end() + 30]
        head = _HYPHEN_HEAD.match(after)
        before = WORD_AND_TAIL.findall(text[max(start, match.start() - 40):match.start()])
        cue = before[-1].casefold() if before else ""
        evidence: list[str] = []
        if head:
            evidence.append(f"quoted title before '-{head.group(1)}'")
        elif cue in p.work_cues:
            evidence.append(f"quoted title after '{before[-1]}'")
        elif p.quoted_titles_in_title_case and len(stripped.split()) >= 2 and all(
                w[0].isupper() or w.casefold() in p.function_words for w in stripped.split()):
            evidence.append("quoted title in title case")
        else:
            continue
        lead = len(inner) - len(inner.lstrip())
        s = inner_start + lead
        e = s + len(stripped)
        out.append((_Cand([_Tok(s, e, stripped)], False, sentence, anchor, evidence, "work", True,
                          surface="title", name=stripped), (match.start(), match.end())))
    return out


def _run_candidates(text: str, tokens: list[_Tok], initial: bool, lang: str, p: _Patterns,
                    anchor: str, sentence: str, s_start: int, s_end: int) -> list[_Cand]:
    """Split one run of capitalised words into candidate names and judge each."""
    if len(tokens) == 1 and tokens[0].bare in p.never_alone:
        return []  # "The", "Der", "Monday", "Mr" on their own: the most common runs by far
    out: list[_Cand] = []
    # 1. Split at compounds ("Beckham-sønnen") and at links that do not belong to a name.
    groups: list[tuple[list[_Tok], str | None]] = []  # (tokens, link word before the group)
    current: list[_Tok] = []
    link_before: str | None = None
    cues: dict[int, str] = {}  # index of the group that follows a role compound -> cue
    for index, tok in enumerate(tokens):
        word = tok.text
        if not word[:1].isupper() and word != "&":
            # a lower-case link word inside the run
            lowered = word.casefold()
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            keep = False
            if current and nxt is not None and lowered not in p.coordinators:
                left = current[-1].bare
                if lowered in p.particles and (lex.is_given_name(current[-1].text)
                                              or not _ordinary(current[-1].text, lang, p)) \
                        and not lex.is_common_word(nxt.text, lang) and lex.place(current[-1].text) is None:
                    keep = True
                elif lowered in p.connectors and (left in p.org_words or current[0].bare in p.street_words):
                    keep = True  # "Universität für Musik", "Place de la République"
            if keep:
                current.append(tok)
            else:
                if current:
                    groups.append((current, link_before))
                current = []
                link_before = lowered
            continue
        if word == "&":
            if current:
                groups.append((current, link_before))
            current, link_before = [], "&"
            continue
        parts = _HYPHENS.split(word) if ("-" in word or "‐" in word) else [word]
        if len(parts) > 1 and _is_compound(parts, lang, word):
            if current:
                groups.append((current, link_before))
                link_before = None
            current = []
            cand = _compound_candidate(tok, parts, initial and index == 0, lang, p, anchor, sentence)
            if cand is not None:
                out.append(cand)
            head = parts[-1]
            if _is_role(head, p) or head.casefold() in p.roles:
                cues[len(groups)] = f"role '{word}'"
            continue
        current.append(tok)
    if current:
        groups.append((current, link_before))

    # 2. Judge each group.
    prepared: list[_Cand] = []
    for gi, (group, link) in enumerate(groups):
        first_initial = initial and group[0].start == tokens[0].start
        cand = _judge(text, group, first_initial, lang, p, anchor, sentence, s_start, s_end,
                      cues.get(gi))
        if cand is None:
            continue
        # Coordination: "Kimberly and Keaton Jones" — the first gets the shared surname.
        if link in p.coordinators and prepared and len(cand.tokens) >= 2:
            prev = prepared[-1]
            if len(prev.tokens) == 1 and prev.surface == "single" and prev.type in ("person", "other") and (
                    lex.is_given_name(prev.tokens[0].text)
                    or lex.is_given_name(cand.tokens[0].text)):
                surname = " ".join(t.text for t in cand.tokens[1:])
                prev.name = f"{prev.tokens[0].text} {surname}"
                prev.surface = "coordinated"
                prev.type = "person"
                prev.evidence.append(f"coordinated with '{_span_text(text, cand)}'")
                prev.needs_support = False
                prev.low = False
                prev.strong = True
                if cand.type == "other":
                    cand.type = "person"
        prepared.append(cand)
    out.extend(prepared)
    return out


def _is_compound(parts: list[str], lang: str, word: str) -> bool:
    if lex.listed(word, lex.organizations()) or lex.listed(word, lex.platforms()) or lex.place(word) \
            or lex.is_given_name(word):
        return False
    head = parts[-1]
    if not head:
        return False
    if head[0].islower():
        return True
    return _patterns(lang).capitalises_nouns and lex.is_common_word(head, lang)


def _compound_candidate(tok: _Tok, parts: list[str], initial: bool, lang: str, p: _Patterns,
                        anchor: str, sentence: str) -> _Cand | None:
    """The name part of a compound: "Beckham" in "Beckham-sønnen", "VG" in "VG-lesere"."""
    left = "-".join(parts[:-1])
    if not left or not left[0].isupper():
        return None
    s = tok.start
    e = s + len(left)
    ltok = _Tok(s, e, left)
    head = parts[-1].casefold()
    evidence = [f"compound '{tok.text}'"]
    if left in lex.not_acronyms() or left.casefold() in p.not_names:
        return None
    kind, strong, why = _classify_single(left, lang, p)
    if kind is None:
        if lex.is_common_word(left, lang):
            return None
        kind, strong = "other", False
    else:
        evidence.extend(why)
    if head in p.animals:
        kind = "other"
        evidence.append(f"animal '{parts[-1]}'")
    cand = _Cand([ltok], initial, sentence, anchor, evidence, kind, strong, surface="compound", name=left)
    cand.needs_support = not strong
    return cand


def _classify_single(name: str, lang: str, p: _Patterns) -> tuple[str | None, bool, list[str]]:
    """Type of a name from lists alone: (type, strong, evidence)."""
    kind, strong, why = _classify_cached(name, lang)
    return kind, strong, list(why)


@lru_cache(maxsize=100_000)
def _classify_cached(name: str, lang: str) -> tuple[str | None, bool, tuple[str, ...]]:
    kind, strong, why = _classify_uncached(name, lang)
    return kind, strong, tuple(why)


def _classify_uncached(name: str, lang: str) -> tuple[str | None, bool, list[str]]:
    platform = lex.listed(name, lex.platforms())
    if platform:
        return "platform", True, ["platform list"]
    org = lex.listed(name, lex.organizations())
    if org:
        return "organization", True, ["organisation list"]
    place = lex.place(name)
    if place is not None and name not in lex.place_abbreviations():
        if name.isupper() and len(name) <= 4 and not place.name.isupper():
            place = None  # "TUI" is no town Tui: a short word in capitals is an acronym
        elif place.kind == "city" and fold(place.name) != fold(name) \
                and lex.zipf(name.casefold(), loanword_language()) >= 4.0:
            place = None  # "Tour" is another name of Tours, and an English word far more often
    if place is not None:
        return "place", True, [f"gazetteer: {place.kind} {place.name}"]
    if _is_acronym(name, lang):
        return "organization", True, ["acronym"]
    return None, False, []


def _is_acronym(name: str, lang: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()
            and name not in lex.not_acronyms() and lex.zipf(letters.casefold(), lang) < 3.5)


def _span_text(text: str, cand: _Cand) -> str:
    return text[cand.tokens[0].start:cand.end if cand.end is not None else cand.tokens[-1].end]


def _judge(text: str, group: list[_Tok], initial: bool, lang: str, p: _Patterns, anchor: str,
           sentence: str, s_start: int, s_end: int, compound_cue: str | None) -> _Cand | None:
    """Trim one group of capitalised words to a name, collect evidence, guess its type."""
    evidence: list[str] = []
    person_cue = False
    work_cue = False
    animal = False
    tokens = list(group)
    # Strip a trailing period that ends an abbreviation-free word ("Jones." at a sentence end
    # is cut by the segmenter, but "Jones." can still end a heading).
    for i, tok in enumerate(tokens):
        if tok.text.endswith(".") and not _keeps_period(tok.text, p):
            tokens[i] = _Tok(tok.start, tok.end - 1, tok.text[:-1])
    if compound_cue:
        evidence.append(compound_cue)
        person_cue = True
    # A well-known organisation named in full keeps its ordinary words ("Røde Kors" opening a sentence).
    named = tokens[1:] if len(tokens) > 2 and tokens[0].bare in p.function_words else tokens  # "The European Union"
    listed_whole = len(named) > 1 and lex.listed(" ".join(t.text for t in named), lex.organizations()) is not None
    if listed_whole:
        tokens = list(named)
        initial = False
    # Leading titles, role nouns, cue words and sentence-initial ordinary words.
    while tokens and not listed_whole:
        head = tokens[0]
        bare = head.bare
        if len(tokens) > 1 and bare in p.org_words and lex.place(tokens[-1].text) is not None:
            break  # "Landgericht Hamburg", "Universität Wien": an institution named after its town
        if len(tokens) > 1 and bare in p.honorifics:
            evidence.append(f"title '{head.text}'")
            person_cue = True
        elif len(tokens) > 2 and (tokens[1].bare in p.honorifics or _is_role(tokens[1].text, p)) \
                and (_ordinary(head.text, lang, p) or lex.zipf(bare, lang) >= 3.0) and not _name_itself(head.text, lang):
            pass  # the first word of a title: "Prime Minister Erik Solheim", "Finance Minister Kari Dahl"
        elif len(tokens) > 1 and _is_role(head.text, p) and (p.capitalises_nouns or initial):
            evidence.append(f"role '{head.text}'")
            person_cue = True
        elif len(tokens) > 1 and bare in p.work_cues and (p.capitalises_nouns or initial):
            evidence.append(f"after '{head.text}'")
            work_cue = True
        elif len(tokens) > 1 and bare in p.animals and (p.capitalises_nouns or initial):
            evidence.append(f"animal '{head.text}'")
            animal = True
        elif len(tokens) > 1 and bare in p.storms:
            evidence.append(f"storm '{head.text}'")  # "Storm Ingrid", "Ekstremværet Ingrid"
            animal = True
        elif bare in p.not_names or (bare in p.calendar and len(tokens) > 1):
            pass
        elif initial and bare in p.function_words and len(tokens) > 1:
            pass
        elif initial and len(tokens) > 1 and _starts_name(tokens[1], p) and not _name_itself(head.text, lang):
            pass
        elif initial and len(tokens) > 2 and not _name_itself(head.text, lang) and (
                lex.zipf(bare, lang) >= 3.0 or lex.is_compound_of_common(head.text, lang)):
            pass  # "Dokumentarfilmskaper Anders Holm"  # "Filmmaker Anders Holm", "Prime Minister …" at the start of a sentence
        elif initial and len(tokens) > 1 and lex.is_common_word(head.text, lang) \
                and not lex.is_given_name(head.text) and lex.place(head.text) is None:
            pass
        elif p.capitalises_nouns and len(tokens) > 1 and _common_noun(head.text, p) \
                and not lex.is_given_name(head.text) and lex.place(head.text) is None:
            pass
        else:
            break
        tokens.pop(0)
        initial = False
        # "Hafenbecken von Tromsø": the particle went with the ordinary word just removed.
        while len(tokens) > 1 and not tokens[0].text[:1].isupper():
            tokens.pop(0)
    # Trailing calendar words and ordinary words (German: "Lena Fischer" keeps Fischer after a given name).
    while len(tokens) > 1:
        tail = tokens[-1]
        bare = tail.bare
        if bare in p.not_names or bare in p.function_words:
            tokens.pop()
        elif bare in p.calendar and not lex.is_given_name(tokens[-2].text):
            tokens.pop()
        elif p.capitalises_nouns and _common_noun(tail.text, p) and not _name_like_pair(tokens, lang) \
                and not (tokens[0].bare in p.org_words and lex.place(tail.text) is not None):
            tokens.pop()
        else:
            break
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    if len(tokens) == 1 and (len(first.text.rstrip(".")) < 2 and not first.text.endswith(".")):
        return None  # a lone capital letter ("I", "A", the N in ''N'' word)
    if len(tokens) == 1 and first.text.endswith(".") and len(first.text) <= 3:
        return None  # a lone initial or abbreviation ("J.", "Dr.")
    if len(tokens) == 1:
        bare = first.bare
        if bare in p.function_words or bare in p.calendar or bare in p.honorifics:
            return None  # "His", "Dec", "Mr"
        word = first.text.rstrip(".")
        if word.isupper() and len(word) > 1 and lex.is_common_word(word, lang) \
                and not lex.listed(word, lex.organizations()) and lex.place(first.text) is None:
            return None  # "AGAIN": shouting, not an acronym
    start, end = first.start, last.end
    name_text = text[start:end]
    surface = "full" if len(tokens) > 1 else "single"
    # Possessive: "Keaton's", "Jones'".
    forms: tuple[str, ...] = ()
    name = " ".join(name_text.split())
    m = _POSSESSIVE_S.search(name) if name.endswith("s") else None
    if m:
        name = name[:m.start()]
        surface = "possessive"
    elif end < s_end and text[end] in "'’" and name.endswith(("s", "x", "z")) and \
            (end + 1 >= len(text) or not text[end + 1].isalnum()):
        end += 1
        surface = "possessive"
    elif p.genitive_s and name.endswith("s") and (len(name) > 3 or name[:-1].isupper()):
        forms = (name[:-1],)
    if p.org_word_after_name and surface == "single":
        tail = _NEXT_WORD.match(text, end, s_end)
        if tail and tail.group(1)[0].islower() and tail.group(1) in p.org_words:
            end = tail.end()
            name = " ".join(text[start:end].split())
            surface = "full"
            evidence.append(f"organisation word '{tail.group(1)}'")
            tokens = [*tokens, _Tok(end - len(tail.group(1)), end, tail.group(1))]
            forms = ()  # "Statens vegvesen": a genitive inside the name
    bare_name = name if (name.endswith(".") and _keeps_period(name, p) and len(name) > 3) else name.rstrip(".")
    if not bare_name or (len(tokens) == 1 and _bare(bare_name) in p.calendar):
        return None  # "Monday's rally": a day, not a name
    # Context before and after.
    before_words = WORD_AND_TAIL.findall(text[max(s_start, start - 60):start])
    prev = before_words[-1] if before_words else ""
    prev_l = prev.casefold()
    after = text[end:min(s_end, end + 40)]
    if prev and not initial:
        if _is_role(prev, p) and (prev[0].islower() or p.capitalises_nouns):
            evidence.append(f"role '{prev}'")
            person_cue = True
        elif prev_l in p.honorifics and prev[0].isupper():
            evidence.append(f"title '{prev}'")
            person_cue = True
    touching = bool(prev) and not _BREAK.search(text, max(s_start, start - 60), start)
    if prev_l in p.work_cues and (prev[0].islower() or p.capitalises_nouns) and touching:
        evidence.append(f"after '{prev}'")
        work_cue = True
    last3 = [w.casefold() for w in before_words[-3:]]
    if last3 and (last3[-1] in p.animals or (last3[-1] in p.naming and any(x in p.animals for x in last3[:-1]))):
        animal = True
        evidence.append(f"animal '{before_words[-1]}'")
    elif last3 and last3[-1] in p.storms:
        animal = True  # "la tempête Ingrid", "Sturm »Ingrid«": a named storm, not a person
        evidence.append(f"storm '{before_words[-1]}'")
    age = _AGE_AFTER.match(after)
    if age:
        evidence.append(f"age ({age.group(1) or age.group(2)})")
        person_cue = True
    if p.person_after:
        nxt = _NEXT_WORD_COMMA.match(after)
        if nxt and nxt.group(1).casefold() in p.person_after:
            evidence.append(f"followed by '{nxt.group(1)}'")
            person_cue = True
    apposition = _apposition().match(after)
    if apposition and apposition.group(1).casefold() in p.roles and apposition.group(1)[0].islower() \
            and len(tokens) > 1:
        evidence.append(f"apposition '{apposition.group(1)}'")
        person_cue = True
    adjacent = _ADJACENT.search(text, max(s_start, start - 30), start) if start > s_start and text[start - 1] in " \u00a0" else None
    place_cue = bool(adjacent) and adjacent.group(1) in p.place_cues
    street = _street_before(before_words, p) or _street_after(text, end, s_end, p)
    if street:  # "place de la République", "boulevard Voltaire", "Karl Johans gate"
        evidence.append(f"street word '{street}'")

    # Type and strength.
    listed_type, listed_strong, listed_why = _classify_single(bare_name, lang, p)
    given = lex.is_given_name(first.text)
    kind: str
    strong = False
    low = False
    needs_support = False
    if listed_type == "place" and len(tokens) == 1 and not place_cue and (initial or p.capitalises_nouns) and (
            bare_name.casefold() in p.function_words or lex.zipf(bare_name.casefold(), lang) >= lex.VERY_COMMON_ZIPF
            or (p.capitalises_nouns and (prev_l in p.articles
                                         or (prev_l in p.function_words and _common_noun(bare_name, p)))
                and not listed_why[0].startswith("gazetteer: country"))):
        listed_type = None  # "Essen", "auf dem Hof": ordinary words unless "in Essen"
    if listed_type == "place" and person_cue and len(tokens) > 1:
        listed_type = None  # "Orlando Bloom" style collisions are people
    if animal:
        kind, strong = "other", True
    elif street and listed_type not in ("platform", "organization"):
        kind, strong = "place", True
    elif listed_type in ("platform", "organization") and p.capitalises_nouns and len(tokens) == 1 \
            and not bare_name.isupper() and lex.zipf(bare_name.casefold(), lang) >= lex.COMMON_NOUN_ZIPF \
            and prev[:1].islower() and (prev_l in p.articles
                                        or (len(prev_l) > 4 and prev_l.endswith(p.adjective_endings))):
        return None  # "ein deutliches Signal": the German noun, not the messaging app
    elif listed_type in ("platform", "organization") and listed_why != ["acronym"]:
        kind, strong = listed_type, True
        evidence.extend(listed_why)
    elif work_cue:
        kind, strong = "work", True
    elif person_cue and initial and len(tokens) == 1 and _ordinary_noun(bare_name, lang, p):
        return None  # "Kapteinen (58) er avhørt": the captain, a noun opening the sentence, not a name
    elif person_cue:
        kind, strong = "person", True
    elif listed_type == "place":
        kind, strong = "place", True
        evidence.extend(listed_why)
    elif _state_code(text, start, bare_name):
        kind, strong = "place", True
        evidence.append(f"US state code {bare_name}")
    elif listed_type == "organization":
        kind, strong = "organization", True
        evidence.extend(listed_why)
        surface = "acronym"
    elif len(tokens) > 1 and any(t.bare in p.street_words for t in (tokens[0], tokens[-1])):
        kind, strong = "place", True  # "Place de la République", "Boulevard Voltaire", "Karl Johans gate"
        evidence.append(f"street word '{next(t.text for t in (tokens[0], tokens[-1]) if t.bare in p.street_words)}'")
    elif len(tokens) > 1 and any(t.bare in p.org_words for t in (tokens[0], tokens[-1])):
        kind, strong = "organization", True
        evidence.append(f"organisation word '{next(t.text for t in (tokens[0], tokens[-1]) if t.bare in p.org_words)}'")
    elif given and len(tokens) > 1:
        kind, strong = "person", True
        evidence.append(f"given name '{first.text}'")
    elif len(tokens) > 1 and (acronym := next((t.text for t in tokens if _ACRONYM_WORD.fullmatch(t.text)), None)):
        kind = "organization"  # "IG Metall", "AC Milan", "FK Bodø": an acronym is no part of a person's name
        evidence.append(f"acronym '{acronym}' in the name")
    elif len(tokens) > 1 and (town := next((t.text for t in tokens[1:] if _town(t.text, lang)), None)) \
            and lex.place(name) is None and not lex.is_common_word(tokens[0].text, loanword_language()):
        kind = "organization"  # "Eintracht Frankfurt", "Bayern München": a club or firm named after its town
        evidence.append(f"place '{town}' in the name")
    elif len(tokens) > 1:
        commons = [_ordinary(t.text, lang, p)
                   for t in tokens if t.text[:1].isupper() and len(t.text.rstrip(".")) > 1]
        capitalised = [t.text for t in tokens if t.text[:1].isupper() and len(t.text.rstrip(".")) > 1]
        if any(commons):
            kind, low = "other", True
            evidence.append("capitalised ordinary words")
        elif lang != loanword_language() and capitalised \
                and all(lex.is_common_word(t, loanword_language()) for t in capitalised):
            # "Color Line" in a Norwegian text: a name of English words is a brand, a work or an
            # event far more often than a person; a name still, of no type we can tell
            kind = "other"
            evidence.append("name of English words")
        else:
            kind = "person"
            evidence.append("name of several capitalised words")
        if initial and not low:
            evidence.append("at sentence start")
    else:
        word = bare_name
        if p.capitalises_nouns:
            needs_support = True  # a capital says nothing in German
            kind = "other"
        elif initial:
            needs_support = True
            kind = "other"
        elif word.casefold() in p.not_names or lex.zipf(word.casefold(), lang) >= lex.VERY_COMMON_ZIPF \
                or (lex.is_compound_of_common(word, lang) and not lex.zipf(word.casefold(), lang)):
            kind, low = "other", True
            evidence.append("capitalised ordinary word")
        else:
            kind = "other"
            evidence.append("capitalised within a sentence")
        if given:
            evidence.append(f"given name '{first.text}'")
            if kind == "other":
                kind = "person"
        suffix = _org_suffix(word, lang, p)
        if suffix and kind == "other":
            evidence.append(f"organisation word '{suffix}' ending the name")
            kind = "organization"  # "Utenriksdepartementet", "Bundesgerichtshof"
        elif place_cue and kind == "other":
            evidence.append(f"after '{prev}'")
            kind = "place"
    cand = _Cand(tokens, initial, sentence, anchor, evidence, kind, strong, surface=surface,
                 name=bare_name, end=end, needs_support=needs_support, low=low, forms=forms)
    return cand


def _org_suffix(word: str, lang: str, p: _Patterns) -> str | None:
    """In a language that compounds its nouns, an organisation word ending a one-word name
    ("Utenriksdepartementet": departementet), if any."""
    if not p.forms_compounds:
        return None
    lower = word.lower()
    return next((w for w in sorted(p.org_words, key=len, reverse=True)
                 if len(w) >= 5 and len(lower) > len(w) + 2 and lower.endswith(w)), None)




_BREAK = re.compile(r"[,;:\"“”«»„]\s*$|[,;:\"“”«»„][^\w]*$")  # punctuation between a cue word and a name


def _town(word: str, lang: str) -> bool:
    """A town or region of the gazetteer that is no common word ("Frankfurt"; not "Airport")."""
    place = lex.place(word)
    return (place is not None and place.kind in ("city", "admin") and not lex.is_common_word(word, lang)
            and not lex.is_common_word(word, loanword_language()))


def _street_before(before_words: list[str], p: _Patterns) -> str | None:
    """A lower-case street word just before a name, past link words ("place de la", "boulevard")."""
    for word in reversed(before_words[-4:]):
        if word in p.street_words:
            return word
        if word.casefold() not in p.connectors and word.casefold() not in p.function_words:
            return None
    return None


def _street_after(text: str, end: int, s_end: int, p: _Patterns) -> str | None:
    """A lower-case street word right after a name ("Karl Johans gate")."""
    tail = _NEXT_WORD.match(text, end, s_end)
    return tail.group(1) if tail and tail.group(1) in p.street_words else None


_ACRONYM_WORD = re.compile(rf"[{UPPER_CLASS}]{{2,4}}")


def _starts_name(tok: _Tok, p: _Patterns) -> bool:
    return lex.is_given_name(tok.text) or tok.bare in p.honorifics or _is_role(tok.text, p)


def _name_itself(word: str, lang: str) -> bool:
    return (lex.is_given_name(word) or lex.place(word) is not None
            or bool(lex.listed(word, lex.organizations())) or bool(lex.listed(word, lex.platforms())))


def _keeps_period(word: str, p: _Patterns) -> bool:
    core = word[:-1]
    return len(core) == 1 or "." in core or core.casefold() in p.honorifics


def _ordinary(word: str, lang: str, p: _Patterns) -> bool:
    """An ordinary word of ``lang`` (German: any common noun or compound of one)."""
    return lex.is_common_word(word, lang) or (p.capitalises_nouns and _common_noun(word, p))


def _common_noun(word: str, p: _Patterns) -> bool:
    """An ordinary noun of a language that capitalises its nouns (German): frequent in the language and
    clearly less so in the others, or a compound of one."""
    return _common_noun_cached(word, p)


@lru_cache(maxsize=100_000)
def _common_noun_cached(word: str, p: _Patterns) -> bool:
    lowered = word.casefold()
    if lowered in p.function_words or lowered in p.not_names:
        return True
    own = lex.zipf(lowered, p.lang)
    if own >= lex.VERY_COMMON_ZIPF:
        return True
    if own >= 2.5:
        others = max((lex.zipf(lowered, other) for other in supported_languages() if other != p.lang), default=0.0)
        if own - others >= lex.COMMON_SPREAD:
            return True
    return own < 2.5 and lex.is_compound_of_common(word, p.lang)


def _name_like_pair(tokens: list[_Tok], lang: str) -> bool:
    """A given name followed by a surname that is also a noun ("Lena Fischer")."""
    return len(tokens) >= 2 and lex.is_given_name(tokens[-2].text)


def _state_code(text: str, start: int, name: str) -> bool:
    """"Knoxville, TN": a US state code right after a place and a comma."""
    if name not in lex.us_states():
        return False
    before = text[max(0, start - 40):start]
    m = _BEFORE_COMMA.search(before)
    return bool(m) and lex.place(m.group(1).split(",")[-1].strip()) is not None


# ---------------------------------------------------------------------------------------
# Second pass over a source: names that need support from elsewhere in the same source.

def _finish(source: Source, cands: list[_Cand]) -> tuple[Mention, ...]:
    known: set[str] = set()
    full_names: set[str] = set()
    for cand in cands:
        if cand.needs_support or cand.low:
            continue
        name = cand.name or ""
        if len(cand.tokens) > 1 or cand.surface in ("coordinated",):
            full_names.add(fold(name))
            for part in name.split():
                if len(part.rstrip(".")) > 1 and part[:1].isupper():
                    known.add(fold(part))
        elif cand.strong or not cand.initial:
            known.add(fold(name))
    mentions: list[Mention] = []
    for cand in cands:
        name = cand.name or ""
        folded = fold(name)
        surface = cand.surface
        evidence = list(cand.evidence)
        kind = cand.type
        confidence = "low" if cand.low else "high"
        forms = cand.forms
        if forms and folded not in known and fold(forms[0]) in known | full_names:
            name, forms, surface = forms[0], (name,), "genitive"
            evidence.append(f"genitive of '{name}'")
            folded = fold(name)
        if cand.needs_support:
            if folded in known:
                evidence.append("named elsewhere in the source")
            else:
                lang = cand.lang
                if lex.zipf(folded, lang) < 3.0 and not lex.is_compound_of_common(name, lang) \
                        and not lex.is_common_word(name, lang):
                    confidence = "low"
                    evidence.append("capital letter only where every word may have one")
                elif cand.strong:
                    pass
                else:
                    continue
        start = cand.tokens[0].start
        end = cand.end if cand.end is not None else cand.tokens[-1].end
        mentions.append(Mention(
            source=source.id, anchor=cand.anchor, sentence=cand.sentence, start=start, end=end,
            text=source.text[start:end], name=name, surface=surface, type=kind,
            evidence=tuple(dict.fromkeys(evidence)), confidence=confidence,
            language=cand.lang, forms=forms))
    mentions.sort(key=lambda m: (m.start, m.end))
    # Overlaps cannot arise from one run, but a quoted title may hold a compound: keep the first.
    result: list[Mention] = []
    last_end = -1
    for mention in mentions:
        if mention.start < last_end:
            continue
        result.append(mention)
        last_end = mention.end
    return tuple(result)

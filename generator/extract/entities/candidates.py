"""Candidate names of one sentence: quoted titles, and the runs of capitalised words split into
groups (at compounds, "&" and link words that belong to no name), each group judged
(:mod:`.judge`), coordinated first names completed ("Kimberly and Keaton Jones")."""

from __future__ import annotations

from generator.extract.entities.judge import judge
from generator.extract.entities.lookups import classify_single, is_role, ordinary
from generator.extract.entities.patterns import (
    HYPHEN_HEAD,
    HYPHENS,
    POSSESSIVE_S,
    PUNCT,
    QUOTED,
    Patterns,
    language_patterns,
    title_gap,
)
from generator.extract.entities.records import Cand, Tok
from generator.model.mention import EntityType
from generator.text import lexicon as lex
from generator.text.words import CLAUSE_OPENERS, WORD_AND_TAIL

Group = tuple[list[Tok], str | None]
"""The words of a group and the link word before it ("and", "&"), if any."""


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


def sentence_candidates(text: str, start: int, end: int, lang: str, anchor: str, sentence: str) -> list[Cand]:
    """The candidate names of the sentence ``text[start:end]``."""
    p = language_patterns(lang)
    found: list[Cand] = []
    blocked: list[tuple[int, int]] = []
    # Quoted titles first: «Avengers»-premieren, the film "Up".
    if "«" in text[start:end] or '"' in text[start:end] or "“" in text[start:end] \
            or "„" in text[start:end] or "''" in text[start:end]:
        for cand, span in _quoted_works(text, start, end, p, anchor, sentence):
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
            if title_gap().fullmatch(gap) and found[-1].surface != "title":
                work = found[-1]
                work.end = match.end() - (1 if match.group(0).endswith(".") else 0)
                work.name = " ".join(text[work.tokens[0].start:work.end].split())
                work.tokens = [*work.tokens, Tok(match.start(), work.end, text[match.start():work.end])]
                work.rules.append("title continued past small words")
                continue
        tokens = [Tok(t.start(), t.end(), t.group(0)) for t in p.token.finditer(text, match.start(), match.end())]
        if not tokens:
            continue
        initial = title_case or _initial(text, start, match.start())
        found.extend(run_candidates(text, tokens, initial, lang, p, anchor, sentence, start, end))
    return found


def _quoted_works(text: str, start: int, end: int, p: Patterns, anchor: str,
                  sentence: str) -> list[tuple[Cand | None, tuple[int, int]]]:
    out: list[tuple[Cand | None, tuple[int, int]]] = []
    for match in QUOTED.finditer(text, start, end):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        inner_start, inner_end = match.start(group), match.end(group)
        inner = text[inner_start:inner_end]
        stripped = inner.strip()
        if not stripped or not stripped[0].isupper() or len(stripped.split()) > 6:
            continue
        if PUNCT.search(stripped):
            continue
        after = text[match.end():match.end() + 30]
        head = HYPHEN_HEAD.match(after)
        before = WORD_AND_TAIL.findall(text[max(start, match.start() - 40):match.start()])
        cue = before[-1].casefold() if before else ""
        if head:
            rule, why = "quoted title before a hyphen", f"quoted title before '-{head.group(1)}'"
        elif cue in p.work_cues:
            rule, why = "quoted title after a work cue", f"quoted title after '{before[-1]}'"
        elif p.quoted_titles_in_title_case and len(stripped.split()) >= 2 and all(
                w[0].isupper() or w.casefold() in p.function_words for w in stripped.split()):
            rule, why = "quoted title in title case", "quoted title in title case"
        else:
            continue
        lead = len(inner) - len(inner.lstrip())
        s = inner_start + lead
        e = s + len(stripped)
        out.append((Cand([Tok(s, e, stripped)], False, sentence, anchor, [why], "work", True,
                         surface="title", name=stripped, rules=[rule]), (match.start(), match.end())))
    return out


def run_candidates(text: str, tokens: list[Tok], initial: bool, lang: str, p: Patterns,
                   anchor: str, sentence: str, s_start: int, s_end: int) -> list[Cand]:
    """Split one run of capitalised words into candidate names and judge each."""
    if len(tokens) == 1 and tokens[0].bare in p.never_alone:
        return []  # "The", "Der", "Monday", "Mr" on their own: the most common runs by far
    groups, cues, out = _split_run(tokens, initial, lang, p, anchor, sentence)
    prepared: list[Cand] = []
    for gi, (group, link) in enumerate(groups):
        first_initial = initial and group[0].start == tokens[0].start
        cand = judge(text, group, first_initial, lang, p, anchor, sentence, s_start, s_end, cues.get(gi))
        if cand is None:
            continue
        if link in p.coordinators and prepared and len(cand.tokens) >= 2:
            _coordinate(text, prepared[-1], cand)
        prepared.append(cand)
    out.extend(prepared)
    return out


def _split_run(tokens: list[Tok], initial: bool, lang: str, p: Patterns, anchor: str,
               sentence: str) -> tuple[list[Group], dict[int, str], list[Cand]]:
    """Split a run at compounds ("Beckham-sønnen") and at links that do not belong to a name: the
    groups, the role cue of each group after a role compound, and the compounds' name parts."""
    out: list[Cand] = []
    groups: list[Group] = []
    current: list[Tok] = []
    link_before: str | None = None
    cues: dict[int, str] = {}  # index of the group that follows a role compound -> cue
    for index, tok in enumerate(tokens):
        word = tok.text
        if not word[:1].isupper() and word != "&":
            # a lower-case link word inside the run
            lowered = word.casefold()
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if current and nxt is not None and lowered not in p.coordinators and _keeps_link(current, lowered, nxt,
                                                                                              lang, p):
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
        parts = HYPHENS.split(word) if ("-" in word or "‐" in word) else [word]
        if len(parts) > 1 and _is_compound(parts, lang, word):
            if current:
                groups.append((current, link_before))
                link_before = None
            current = []
            cand = _compound_candidate(tok, parts, initial and index == 0, lang, p, anchor, sentence)
            if cand is not None:
                out.append(cand)
            head = parts[-1]
            if is_role(head, p) or head.casefold() in p.roles:
                cues[len(groups)] = f"role '{word}'"
            continue
        current.append(tok)
        if POSSESSIVE_S.search(word) and index + 1 < len(tokens):
            groups.append((current, link_before))  # "Hebei's Baoding", "Britain's Prince Harry": two names
            current, link_before = [], None
    if current:
        groups.append((current, link_before))
    return groups, cues, out


def _keeps_link(current: list[Tok], lowered: str, nxt: Tok, lang: str, p: Patterns) -> bool:
    """Whether a lower-case link word belongs to the name around it ("van", "für", "de la")."""
    left = current[-1].bare
    if lowered in p.particles and (lex.is_given_name(current[-1].text) or not ordinary(current[-1].text, lang, p)) \
            and not lex.is_common_word(nxt.text, lang) and lex.place(current[-1].text) is None:
        return True
    # "Universität für Musik", "Place de la République"
    return lowered in p.connectors and (left in p.org_words or current[0].bare in p.street_words)


def _coordinate(text: str, prev: Cand, cand: Cand) -> None:
    """"Kimberly and Keaton Jones": the first gets the shared surname."""
    if len(prev.tokens) == 1 and prev.surface == "single" and prev.type in ("person", "other") and (
            lex.is_given_name(prev.tokens[0].text) or lex.is_given_name(cand.tokens[0].text)):
        surname = " ".join(t.text for t in cand.tokens[1:])
        prev.name = f"{prev.tokens[0].text} {surname}"
        prev.surface = "coordinated"
        prev.type = "person"
        prev.evidence.append(f"coordinated with '{_span_text(text, cand)}'")
        prev.rules.append("coordinated first name")
        prev.needs_support = False
        prev.low = False
        prev.strong = True
        if cand.type in ("other", "person"):  # "Keaton Jones" is a person's name by the coordination, too
            cand.type = "person"
            cand.rules.append("coordinated surname")


def _is_compound(parts: list[str], lang: str, word: str) -> bool:
    if lex.listed(word, lex.organizations()) or lex.listed(word, lex.platforms()) or lex.place(word) \
            or lex.is_given_name(word):
        return False
    head = parts[-1]
    if not head:
        return False
    if head[0].islower():
        return True
    return language_patterns(lang).capitalises_nouns and lex.is_common_word(head, lang)


def _compound_candidate(tok: Tok, parts: list[str], initial: bool, lang: str, p: Patterns,
                        anchor: str, sentence: str) -> Cand | None:
    """The name part of a compound: "Beckham" in "Beckham-sønnen", "VG" in "VG-lesere"."""
    left = "-".join(parts[:-1])
    if not left or not left[0].isupper():
        return None
    s = tok.start
    e = s + len(left)
    ltok = Tok(s, e, left)
    head = parts[-1].casefold()
    evidence = [f"compound '{tok.text}'"]
    rules = ["compound name part"]
    if left in lex.not_acronyms() or left.casefold() in p.not_names:
        return None
    listed, strong, why = classify_single(left, lang)
    kind: EntityType
    if listed is None:
        if lex.is_common_word(left, lang):
            return None
        kind, strong = "other", False
    else:
        kind = listed
        evidence.extend(why)
    if head in p.animals:
        kind = "other"
        evidence.append(f"animal '{parts[-1]}'")
        rules.append("animal compound")
    cand = Cand([ltok], initial, sentence, anchor, evidence, kind, strong, surface="compound", name=left, rules=rules)
    cand.needs_support = not strong
    return cand


def _span_text(text: str, cand: Cand) -> str:
    return text[cand.tokens[0].start:cand.end if cand.end is not None else cand.tokens[-1].end]

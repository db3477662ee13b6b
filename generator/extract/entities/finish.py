"""Second pass over a source: names that need support from elsewhere in the same source, genitives
of names named in full, and the candidates made mentions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from generator.extract.entities.records import Cand
from generator.lang import canonical_language
from generator.model.mention import Confidence, Mention
from generator.model.source import Source
from generator.text import lexicon as lex
from generator.text.words import UPPER_CLASS, fold


def finish(source: Source, cands: list[Cand]) -> tuple[Mention, ...]:
    """The mentions of ``source`` from its candidates, sorted by start, overlaps dropped."""
    known, full_names = _known_names(cands)
    mentions: list[Mention] = []
    for cand in cands:
        mention = _mention(source, cand, known, full_names)
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    # Overlaps cannot arise from one run, but a quoted title may hold a compound: keep the first.
    result: list[Mention] = []
    last_end = -1
    for mention in mentions:
        if mention.start < last_end:
            continue
        result.append(mention)
        last_end = mention.end
    return tuple(bracketed_acronyms(source, result))


ACRONYM_RULE = "acronym in brackets after a name"
"""The rule of a mention that is an acronym in brackets right after the name it stands for; its ``forms``
hold that name, by which the resolver joins the acronym's every mention to the name's entity."""

_BRACKETED = re.compile(rf"[ \u00a0]?\(((?:\d|[{UPPER_CLASS}])[{UPPER_CLASS}\w&.]{{1,8}})\)")
_WORD_BEFORE = re.compile(r"(?:\d|[^\W\d_])[\w'’\-]*[ \u00a0]+$")
_WIDEN = 4  # words before a name the acronym may say belong to it ("1Malaysia" in "1Malaysia Development Berhad")


def _acronym(word: str) -> bool:
    """Capitals for the most part: "NHS", "1MDB", "BfS"; not "Reuters" or "McDonald"."""
    upper = sum(c.isupper() for c in word)
    return upper >= 2 and upper >= sum(c.islower() for c in word)


def stands_for(acronym: str, name: str) -> bool:
    """Whether ``acronym``'s letters come in order in ``name``, the first its first ("NHS", "National
    Health Service"; "OMS", "Organisation mondiale de la santé"; "1MDB", "1Malaysia Development Berhad")."""
    letters = [c for c in acronym.casefold() if c.isalnum()]
    words = name.casefold()
    if len(letters) < 2 or not words.startswith(letters[0]):
        return False
    at = 1
    for letter in letters[1:]:
        at = words.find(letter, at) + 1
        if at == 0:
            return False
    return True


def bracketed_acronyms(source: Source, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted, none overlapping) with each acronym in brackets right after a name that is no
    person's ("National Health Service (NHS)") made a mention of that name's type that stands for it; the
    name is widened to the words before it the acronym spells ("1Malaysia Development Berhad (1MDB)")."""
    text = source.text
    out = list(mentions)
    at_start = {m.start: k for k, m in enumerate(out)}
    dropped: set[int] = set()
    added: list[Mention] = []
    defined: dict[str, Mention] = {}
    for k, full in enumerate(out):
        match = _BRACKETED.match(text, full.end)
        if k in dropped or full.type == "person" or match is None or not _acronym(match.group(1)):
            continue
        start = _spelled(text, full, match.group(1))
        if start is None:
            continue
        acronym = match.group(1)
        if start != full.start:
            j = k - 1
            while j >= 0 and out[j].start >= start:  # words now in the name
                dropped.add(j)
                j -= 1
            full = out[k] = replace(full, start=start, text=text[start:full.end],
                                    name=" ".join(text[start:full.end].split()), forms=(),
                                    rules=(*full.rules, "name widened to its acronym"))
        inside = at_start.get(match.start(1))
        if inside is not None:
            dropped.add(inside)
        standing = Mention(source=source.id, anchor=full.anchor, sentence=full.sentence, start=match.start(1),
                           end=match.end(1), text=acronym, name=acronym, surface="acronym", type=full.type,
                           evidence=(f"acronym of '{full.name}'",), language=full.language, forms=(full.name,),
                           rules=(ACRONYM_RULE,))
        added.append(standing)
        defined.setdefault(acronym, standing)
    if not added:
        return out
    kept = sorted([m for k, m in enumerate(out) if k not in dropped] + added, key=lambda m: (m.start, m.end))
    return _used_again(source, kept, defined)


def _used_again(source: Source, mentions: list[Mention], defined: dict[str, Mention]) -> list[Mention]:
    """``mentions`` (sorted) and every other use of an acronym the source defined ("the NHS" after
    "National Health Service (NHS)"), which alone may look like an ordinary word."""
    found = list(mentions)
    starts = [m.start for m in mentions]
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True))
                         + r")(?!\w)")
    for paragraph in source.article:
        for sentence in paragraph.sentences:
            for match in pattern.finditer(source.text, sentence.start, sentence.end):
                k = bisect_right(starts, match.start()) - 1  # the last mention starting at or before it
                if (k >= 0 and mentions[k].end > match.start()) or (k + 1 < len(starts)
                                                                    and starts[k + 1] < match.end()):
                    continue
                first = defined[match.group(1)]
                found.append(replace(first, anchor=paragraph.anchor, sentence=sentence.anchor, start=match.start(),
                                     end=match.end(), evidence=(*first.evidence, "acronym defined in the source"),
                                     language=canonical_language(paragraph.language or source.language)))
    return sorted(found, key=lambda m: (m.start, m.end))


def _spelled(text: str, full: Mention, acronym: str) -> int | None:
    """Where the name the acronym spells starts: the mention's start, or a few words before it, from a
    capitalised word ("International Committee of the Red Cross (ICRC)")."""
    start = full.start
    for _ in range(_WIDEN + 1):
        if (text[start].isupper() or text[start].isdigit()) and stands_for(acronym, text[start:full.end]):
            return start
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            return None
        start = before.start()
    return None


def _known_names(cands: list[Cand]) -> tuple[set[str], set[str]]:
    """The folded names (and parts of full names) the source names with confidence, and its full names."""
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
    return known, full_names


def _mention(source: Source, cand: Cand, known: set[str], full_names: set[str]) -> Mention | None:
    """The mention ``cand`` makes, or ``None`` when it needs support the source does not give."""
    name = cand.name or ""
    folded = fold(name)
    surface = cand.surface
    evidence = list(cand.evidence)
    rules = list(cand.rules)
    confidence: Confidence = "low" if cand.low else "high"
    forms = cand.forms
    if forms and folded not in known and fold(forms[0]) in known | full_names:
        name, forms, surface = forms[0], (name,), "genitive"
        evidence.append(f"genitive of '{name}'")
        rules.append("genitive of a known name")
        folded = fold(name)
    if cand.needs_support:
        if folded in known:
            evidence.append("named elsewhere in the source")
            rules.append("named elsewhere in the source")
        else:
            lang = cand.lang
            if lex.zipf(folded, lang) < 3.0 and not lex.is_compound_of_common(name, lang) \
                    and not lex.is_common_word(name, lang):
                confidence = "low"
                evidence.append("capital letter only where every word may have one")
                rules.append("rare word with a capital")
            elif not cand.strong:
                return None
    start = cand.tokens[0].start
    end = cand.end if cand.end is not None else cand.tokens[-1].end
    return Mention(
        source=source.id, anchor=cand.anchor, sentence=cand.sentence, start=start, end=end,
        text=source.text[start:end], name=name, surface=surface, type=cand.type,
        evidence=tuple(dict.fromkeys(evidence)), confidence=confidence,
        language=cand.lang, forms=forms, rules=tuple(rules))

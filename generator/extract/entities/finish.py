"""Second pass over a source: names that need support from elsewhere in the same source, genitives
of names named in full, and the candidates made mentions."""

from __future__ import annotations

from generator.extract.entities.records import Cand
from generator.model.mention import Confidence, Mention
from generator.model.source import Source
from generator.text import lexicon as lex
from generator.text.words import fold


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
    return tuple(result)


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

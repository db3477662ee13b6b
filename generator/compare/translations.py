"""Translations."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from generator.lang import trait
from generator.model.claims import Quote
from generator.model.finding import TranslationLink
from generator.model.source import CaseInfo
from generator.text import lexicon as lex
from generator.text.numbers import number_syntax
from generator.text.words import UPPER_CLASS, WORD_OR_NUMBER


def _quote_ref(entry: Any, quotes: Sequence[Quote]) -> Quote | None:
    if isinstance(entry, str):
        return next((q for q in quotes if q.id == entry), None)
    if isinstance(entry, dict):
        source, starts = str(entry.get("source", "")), str(entry.get("text", ""))
        return next((q for q in quotes if q.source.startswith(source) and q.text.startswith(starts) and starts), None)
    return None


def translation_links(quotes: Sequence[Quote], case: CaseInfo | None = None) -> tuple[TranslationLink, ...]:
    """Quotes linked across languages: curated in ``case.yml`` ``translations:``, else detected.

    Detected links need the same speaker, different languages, the same numbers and names
    (two or more in common, none differing) and lengths within a factor of two.
    """
    links: list[TranslationLink] = []
    linked: set[str] = set()
    raw = (case.raw.get("translations") if case is not None else None) or []
    for group in raw if isinstance(raw, list) else []:
        members = [_quote_ref(e, quotes) for e in (group if isinstance(group, list) else group.get("quotes", [])
                                                     if isinstance(group, dict) else [])]
        found = sorted({q.id for q in members if q is not None})
        if len(found) >= 2:
            links.append(TranslationLink(tuple(found), "curated", "linked in case.yml"))
            linked.update(found)
    keyed: dict[tuple[str, frozenset[str]], list[Quote]] = defaultdict(list)
    for quote in quotes:
        marks = _marks(quote.text, quote.language)
        if quote.speaker and len(marks) >= 2 and quote.id not in linked:
            keyed[(quote.speaker, frozenset(marks))].append(quote)
    for (_, marks), members in sorted(keyed.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.language == b.language:
                    continue
                words_a, words_b = len(WORD_OR_NUMBER.findall(a.text)), len(WORD_OR_NUMBER.findall(b.text))
                if 0.5 <= words_a / max(1, words_b) <= 2:
                    links.append(TranslationLink(tuple(sorted((a.id, b.id))), "detected",
                                                 f"same speaker; same names and numbers: {', '.join(sorted(marks))}"))
    return tuple(sorted(links, key=lambda link: link.quotes))


def _marks(text: str, language: str) -> set[str]:
    """Numbers (in digits or words: "onze" and "eleven" are 11) and mid-sentence capitalised
    names (not German nouns, which are capitalised too): what a translation keeps."""
    numbers = set(re.findall(r"\d+", text))
    words = number_syntax(language).words
    for word in WORD_OR_NUMBER.findall(text):
        value = words.get(word.lower())
        if value is not None and value >= 2 and value == int(value):
            numbers.add(str(int(value)))
    names = {m.group(0) for m in re.finditer(rf"(?<=[\w,;] )[{UPPER_CLASS}]\w+", text)
             if not (trait(language, "capitalises_nouns") and lex.zipf(m.group(0).lower(), language) >= lex.COMMON_NOUN_ZIPF
                     and lex.place(m.group(0)) is None and not lex.is_given_name(m.group(0)))}
    return numbers | names

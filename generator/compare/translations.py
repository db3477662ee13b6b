"""Translation links: quotes that render the same words in different languages.

Quotes in different languages are never diffed word by word: they are linked and shown side
by side, and a paraphrase finding lists the renderings linked to its quote as claims of
their own (``translation``). A curator links quotes in ``case.yml`` (``translations:``, a
list of groups of quote ids, or of ``{source, text}`` that a quote's source id and text
start with). Quotes no curated link holds are linked when detected: the same speaker,
different languages, the same marks — numbers, in digits or in words ("onze" and "eleven"
are 11), and names capitalised mid-sentence (not the common nouns of a language that
capitalises nouns) — two marks or more and none differing, and lengths within a factor of
two. Quotes are grouped by speaker and marks, never compared all against all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from generator.lang import trait
from generator.model.claims import Quote
from generator.model.finding import TranslationLink
from generator.model.source import CaseInfo
from generator.text import lexicon as lex
from generator.text.numbers import number_syntax
from generator.text.words import UPPER_CLASS, WORD_OR_NUMBER


def _quote_ref(entry: object, quotes: Sequence[Quote]) -> Quote | None:
    """The quote a curated entry names: by id, or by the start of its source id and text."""
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
        entries = group if isinstance(group, list) else group.get("quotes", []) if isinstance(group, dict) else []
        named = [_quote_ref(e, quotes) for e in entries]
        ids = sorted({q.id for q in named if q is not None})
        if len(ids) >= 2:
            links.append(TranslationLink(tuple(ids), "curated", "linked in case.yml"))
            linked.update(ids)
    keyed: dict[tuple[str, frozenset[str]], list[Quote]] = defaultdict(list)
    for quote in quotes:
        marks = _marks(quote.text, quote.language)
        if quote.speaker and len(marks) >= 2 and quote.id not in linked:
            keyed[(quote.speaker, frozenset(marks))].append(quote)
    for (_, shared), speaking in sorted(keyed.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        for i, a in enumerate(speaking):
            for b in speaking[i + 1:]:
                if a.language == b.language:
                    continue
                words_a, words_b = len(WORD_OR_NUMBER.findall(a.text)), len(WORD_OR_NUMBER.findall(b.text))
                if 0.5 <= words_a / max(1, words_b) <= 2:
                    links.append(TranslationLink(tuple(sorted((a.id, b.id))), "detected",
                                                 f"same speaker; same names and numbers: {', '.join(sorted(shared))}"))
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
    nouns = trait(language, "capitalises_nouns")
    names = {m.group(0) for m in re.finditer(rf"(?<=[\w,;] )[{UPPER_CLASS}]\w+", text)
             if not (nouns and lex.zipf(m.group(0).lower(), language) >= lex.COMMON_NOUN_ZIPF
                     and lex.place(m.group(0)) is None and not lex.is_given_name(m.group(0)))}
    return numbers | names

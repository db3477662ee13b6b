"""Extract stage: mentions of named entities in one source.

A mention is a stretch of text that names a person, place, organisation, platform, work
or other named thing, with the evidence for the type guessed. Extraction is pure and
per source; :mod:`generator.resolve.entities` joins mentions into entities across sources.

How a name is recognised, in short:

* Runs of capitalised words (with name particles such as "van", "von" between them) are
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

The modules, in the order they work: :mod:`.patterns` (what is read of a language),
:mod:`.lookups` (what a word is, cached per word), :mod:`.candidates` (runs of capitalised
words split into groups), :mod:`.judge` (each group trimmed to a name by the rule tables of
:mod:`.trim`, its surroundings gathered by :mod:`.context`, its type decided by ordered tables
of named rules), :mod:`.finish` (names that need support from elsewhere in the source).
:mod:`.records` holds the working records. Each mention's ``rules`` names the rules that
decided it, in the order they applied; it is not written out.
"""

from __future__ import annotations

from generator.extract.entities.candidates import sentence_candidates
from generator.extract.entities.finish import finish
from generator.extract.entities.patterns import language_patterns
from generator.extract.entities.records import Cand
from generator.extract.entities.tagged import agree, join
from generator.extract.entities.tagger import has_model, tag_scored
from generator.lang import canonical_language
from generator.model.mention import Mention
from generator.model.source import Source

__all__ = ["extract_mentions"]


def extract_mentions(source: Source) -> tuple[Mention, ...]:
    """All entity mentions of ``source``, sorted by start; pure and deterministic."""
    text = source.text
    cands: list[Cand] = []
    for paragraph in source.article:
        lang = canonical_language(paragraph.language or source.language)
        sentences = paragraph.sentences or ()
        tagged = has_model(lang)
        for sentence in sentences:
            found = sentence_candidates(text, sentence.start, sentence.end, lang, paragraph.anchor, sentence.anchor)
            for cand in found:
                cand.lang = lang
            if tagged:
                found = join(text, found, tag_scored(text, sentence.start, sentence.end, lang), language_patterns(lang),
                             paragraph.anchor, sentence.anchor, lang)
            cands.extend(c for c in found if not _handle(text, c))
    agree(cands)
    return finish(source, cands)


def _handle(text: str, cand: Cand) -> bool:
    """Whether a candidate is a social media account's handle ("@MBuhari"): an account, not a
    name (the person it belongs to is named in words, if at all)."""
    start = cand.tokens[0].start
    return start > 0 and text[start - 1] == "@"

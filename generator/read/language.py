"""Language stage: which language a text is written in, with a confidence.

A sidecar's ``language:`` always wins; otherwise the share of each supported language's
most frequent words (from the ``wordfreq`` lists) decides. Paragraphs whose best
language differs clearly from the source's are flagged.
"""

from __future__ import annotations

from generator.lang import supported_languages
from generator.text.words import WORD
from generator.util.derived import persistent

# How many of a language's most frequent words count as its function words.
_TOP_WORDS = 300


@persistent
def frequent_words(code: str) -> frozenset[str]:
    """The language's most frequent words (lower case), from the ``wordfreq`` lists."""
    import wordfreq

    try:
        return frozenset(wordfreq.top_n_list(code, _TOP_WORDS))
    except LookupError:
        return frozenset()


# Detection reads at most this many characters: plenty to tell languages apart, and a
# 20 MB seed is then not turned into millions of word strings at once.
_SAMPLE_CHARS = 200_000


def language_scores(text: str) -> list[tuple[str, float]]:
    """Each supported language with the share of the text's words among its frequent words.

    Only the first ``_SAMPLE_CHARS`` characters are read.
    """
    return _scores([t.lower() for t in WORD.findall(text, 0, _SAMPLE_CHARS)])


def _scores(tokens: list[str]) -> list[tuple[str, float]]:
    if not tokens:
        return [(code, 0.0) for code in supported_languages()]
    scores = []
    for code in supported_languages():
        words = frequent_words(code)
        hits = sum(1 for t in tokens if t in words)
        scores.append((code, hits / len(tokens)))
    return sorted(scores, key=lambda item: (-item[1], item[0]))


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language and a confidence in [0, 1].

    The confidence is the winner's margin over the runner-up relative to its score,
    so a text that is equally English and German scores near 0.
    """
    return _decide(language_scores(text))


def _decide(scores: list[tuple[str, float]]) -> tuple[str, float]:
    best, best_score = scores[0]
    second = scores[1][1] if len(scores) > 1 else 0.0
    if best_score == 0.0:
        return "und", 0.0
    return best, round((best_score - second) / best_score, 2)


_MIN_HITS = 3
"""Words of a paragraph among another language's frequent words, at least, for it to be in that language: a
line of names and numbers ("Canada - Aunger (41st min, pen)", "J. Benjamin 4-17, M. Bicknell 4-38") holds
one or two by chance ("min", "pen"; initials)."""


def paragraph_language(text: str, source_language: str) -> str | None:
    """The paragraph's language when it is clearly not the source's, else ``None``: more of its words are
    that language's frequent words by a clear margin, and at least :data:`_MIN_HITS` of them, initials
    aside."""
    tokens = WORD.findall(text, 0, _SAMPLE_CHARS)
    if len(tokens) < 8:
        return None
    lowered = [t.lower() for t in tokens]
    code, confidence = _decide(_scores(lowered))
    if code not in (source_language, "und") and confidence >= 0.5 \
            and sum(1 for t in lowered if len(t) > 1 and t in frequent_words(code)) >= _MIN_HITS:
        return code
    return None

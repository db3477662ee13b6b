"""Lemmas from the cached dictionaries."""

from __future__ import annotations

from claimkit import seeds


def test_lemmas_from_the_cached_dictionaries_are_simplemmas_own() -> None:
    """The comparison lemmatises with simplemma's dictionaries kept decoded in the derived-data
    cache: every word of the seeds gets the lemma simplemma itself gives, in every language."""
    import simplemma

    from generator.text.lemmas import _LEMMATIZER, _lemma_dictionary
    from generator.text.words import WORD_OR_NUMBER as _WORD

    corpus, _, _ = seeds()
    words = sorted({m.group(0).lower() for s in corpus.sources for m in _WORD.finditer(s.text)})
    assert len(words) > 500
    for language in ("en", "nb", "de", "fr"):
        assert len(_lemma_dictionary(language)) > 100_000
        for word in words:
            assert _LEMMATIZER.lemmatize(word, lang=language) == simplemma.lemmatize(word, lang=language), (
                word, language)

"""Words across languages through the shipped bilingual tables (English as the pivot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import lang
from generator.lang import BilingualTable, bilingual_table, supported_languages
from generator.text.bilingual import has_table, pivot_words, same_meaning, shared_meanings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("word_a", "lang_a", "word_b", "lang_b"), [
    ("Passagiere", "de", "passagers", "fr"),   # a figure's counted noun, across languages
    ("Soldaten", "de", "soldats", "fr"),
    ("soldats", "fr", "soldiers", "en"),
    ("Truppen", "de", "troops", "en"),
    ("nesen", "nb", "nose", "en"),             # inflected forms are found by their lemma
    ("venner", "nb", "friends", "en"),
    ("Fußball", "de", "football", "en"),       # "ß" folded as Swiss German writes it
    ("Fussball", "de", "Fußball", "de"),
    ("immer", "de", "toujours", "fr"),         # two languages, neither English: through English
    ("Verlust", "de", "perte", "fr"),
    ("said", "en", "says", "en"),              # one language: the same lemma
    ("Bill", "de", "Bill", "fr"),              # the same spelling: a name
    ("geschlossen", "de", "fermées", "fr"),    # a participle the table lacks, read as its verb (fermer)
])
def test_same_meaning(word_a: str, lang_a: str, word_b: str, lang_b: str) -> None:
    assert same_meaning(word_a, lang_a, word_b, lang_b)
    assert same_meaning(word_b, lang_b, word_a, lang_a)


@pytest.mark.parametrize(("word_a", "lang_a", "word_b", "lang_b"), [
    ("Soldaten", "de", "troops", "en"),        # the dictionary gives "Truppen" for troops, "soldier" for Soldat
    ("Passagiere", "de", "soldats", "fr"),
    ("nesen", "nb", "friends", "en"),
    ("immer", "de", "jamais", "fr"),
    ("said", "en", "told", "en"),
    ("sterk", "nb", "strong", "en"),           # a gap of the small Norwegian dictionary: missed, not invented
])
def test_not_same_meaning(word_a: str, lang_a: str, word_b: str, lang_b: str) -> None:
    assert not same_meaning(word_a, lang_a, word_b, lang_b)


def test_pivot_words_are_english_meanings_of_the_word_and_its_lemma() -> None:
    assert "nose" in pivot_words("nesen", "nb")
    assert pivot_words("Noses", "en") == {"noses", "nose"}
    assert "always" in shared_meanings("immer", "de", "toujours", "fr")
    assert pivot_words("wordnotinanytable", "de") == frozenset()


def test_languages_with_a_table() -> None:
    assert [code for code in supported_languages() if has_table(code)] == ["de", "en", "fr", "nb"]
    assert not has_table("xx") and bilingual_table("xx") == {}
    assert bilingual_table("en") == {}  # the pivot has no table of its own


def test_a_language_without_a_table_compares_by_spelling_only(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    bilingual_table.cache_clear()
    pivot_words.cache_clear()
    try:
        assert not same_meaning("Soldaten", "de", "soldiers", "en")
        assert same_meaning("Oslo", "de", "Oslo", "en")
    finally:
        bilingual_table.cache_clear()
        pivot_words.cache_clear()


def test_a_table_is_read_by_bisection_of_its_sorted_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xx" / "bilingual"
    folder.mkdir(parents=True)
    (folder / "en.tsv").write_text("# a comment\nzebra\tzebra\nabend\tevening eve\nab\toff\n", encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    bilingual_table.cache_clear()
    try:
        table = bilingual_table("xx")
        assert isinstance(table, BilingualTable)
        assert table["abend"] == ("evening", "eve") and table["ab"] == ("off",) and table["zebra"] == ("zebra",)
        assert "abe" not in table and table.get("#", ()) == () and len(table) == 3
        assert sorted(table) == ["ab", "abend", "zebra"]  # a file out of order is sorted when read
    finally:
        bilingual_table.cache_clear()


@pytest.mark.parametrize("code", ["de", "fr", "nb"])
def test_shipped_tables_are_small_sorted_and_attributed(code: str) -> None:
    folder = ROOT / "generator" / "lang" / code / "bilingual"
    data = (folder / "en.tsv").read_text(encoding="utf-8")
    assert len(data.encode()) < 1_000_000
    header = [line for line in data.splitlines() if line.startswith("#")]
    rows = [line for line in data.splitlines() if not line.startswith("#")]
    assert any("FreeDict" in line for line in header)
    assert rows == sorted(rows) and len(rows) > 4000
    assert all(len(line.split("\t")) == 2 and 1 <= len(line.split("\t")[1].split()) <= 6 for line in rows)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Licence of this table" in readme and "freedict.org" in readme


def test_a_contraction_means_its_parts() -> None:
    assert {"do", "not"} <= pivot_words("don't", "en")
    assert {"it", "will"} <= pivot_words("it'll", "en")
    assert "it" in pivot_words("geht's", "de")
    assert pivot_words("Keaton's", "en") == {"keaton's", "keaton"}  # a genitive "'s" means nothing of its own

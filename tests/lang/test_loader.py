"""The language loader: files checked against the schema, keys asked for checked too, one word-list
reader, hooks beside the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import generator.lang as lang
from generator.lang import (
    HOOKS,
    LanguageDataError,
    UnknownKey,
    hook,
    language_data,
    shared_data,
    supported_languages,
    trait,
    word_set,
)
from generator.lang.schema import KEYS

GENERATOR = Path(lang.__file__).resolve().parent.parent


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "words.yml").write_text(text, encoding="utf-8")
    return folder


def test_a_misspelt_key_in_a_file_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "xx", "name: X\n# a comment\nentity_fuction_words: [the]\n")
    with pytest.raises(LanguageDataError) as raised:
        lang._load_directory(folder, "xx")
    message = str(raised.value)
    assert message.endswith("words.yml:3: unknown key 'entity_fuction_words' — did you mean "
                            "'entity_function_words'? every key is listed, with its shape and purpose, in "
                            "generator/lang/schema.py")


def test_a_value_of_another_shape_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "xx", "capitalises_nouns: [yes]\n")
    with pytest.raises(LanguageDataError, match=r"words\.yml:1: 'capitalises_nouns' is not true or false — "):
        lang._load_directory(folder, "xx")
    folder = _folder(tmp_path, "yy", "figure_number_words: {two: two}\n")
    with pytest.raises(LanguageDataError, match="is not a mapping of words to numbers"):
        lang._load_directory(folder, "yy")


def test_shared_keys_belong_in_all_and_language_keys_in_a_language(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "xx", "entity_given_names: [Anna]\n")
    with pytest.raises(LanguageDataError, match="'entity_given_names' belongs in generator/lang/_all/"):
        lang._load_directory(folder, "xx")
    shared = _folder(tmp_path, "_all", "claim_hedges: [maybe]\n")
    with pytest.raises(LanguageDataError, match="'claim_hedges' belongs in a language's folder"):
        lang._load_directory(shared, "_all")


def test_asking_for_a_key_the_schema_does_not_list_is_an_error() -> None:
    with pytest.raises(UnknownKey, match="no language key 'claim_stopword' \\(did you mean 'claim_stopwords'\\?\\)"):
        word_set("en", "claim_stopword")
    with pytest.raises(KeyError):
        language_data("de").get("capitalises_noun")
    with pytest.raises(UnknownKey):
        trait("fr", "grammatical_genders")


def test_a_key_a_language_does_not_give_reads_as_the_empty_value_of_its_shape() -> None:
    assert language_data("en").get("entity_definite_suffixes") == ()
    assert language_data("en").get("figure_age_articles") == {}
    assert trait("en", "capitalises_nouns") is False
    assert trait("de", "capitalises_nouns") is True
    assert language_data("xx").get("date_orders") == ["md", "dm"]  # the schema's default


def test_every_language_file_reads(tmp_path: Path) -> None:
    for code in supported_languages():
        assert language_data(code).get("name"), code
        assert language_data(code).get("display_name"), code
    assert shared_data().get("loanword_language") in supported_languages()


def test_one_reader_holds_a_word_lower_cased_and_case_folded() -> None:
    streets = word_set("de", "entity_street_words")
    assert "straße" in streets and "strasse" in streets
    functions = word_set("de", "entity_function_words")
    assert "außerdem" in functions and "ausserdem" in functions


def test_codes_and_their_aliases() -> None:
    assert lang.canonical_language("no") == "nb"
    assert lang.canonical_language("nb-NO") == "nb"
    assert lang.canonical_language("ger") == "de"
    assert lang.canonical_language("sv") == "sv"  # no folder: stays itself


def test_a_language_hook_is_its_own_or_the_default() -> None:
    stems = hook("de", "role_stems")
    assert stems("experten") == ("experte", "expert")
    assert stems("sprecher") == ()
    assert hook("en", "role_stems") is HOOKS["role_stems"]
    assert hook("en", "role_stems")("officers") == ()
    with pytest.raises(UnknownKey):
        hook("de", "role_stem")


def test_a_hook_module_may_define_only_known_hooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "hooks.py").write_text("def role_stem(word):\n    return ()\n", encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    lang._hooks_module.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="'role_stem' is no hook — the hooks a language may define are"):
            hook("xx", "role_stems")
    finally:
        lang._hooks_module.cache_clear()


def test_every_key_of_the_schema_is_read_by_the_code() -> None:
    """A key no stage reads is a list someone keeps up for nothing."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.py")
                     if path.name != "schema.py")
    unread = [key for key in KEYS if not re.search(rf"[\"']{re.escape(key)}[\"']", code)]
    assert not unread, unread

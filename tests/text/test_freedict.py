"""The bilingual tables' build script: FreeDict's dict format read, pairs kept, tables written."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.text import freedict
from generator.text.freedict import Dictionary, build_table, read_dictionary, table_text, word_pairs

_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _number(value: int) -> str:
    digits = ""
    while True:
        digits = _BASE64[value % 64] + digits
        value //= 64
        if not value:
            return digits


def _write(folder: Path, name: str, info: str, entries: list[tuple[str, str]]) -> tuple[Path, Path]:
    """A dictd dictionary: the entries' text gzip-compressed and an index of headword, offset, length."""
    data, index = b"", []
    for headword, body in [("00-database-info", info), *entries]:
        raw = body.encode()
        index.append(f"{headword}\t{_number(len(data))}\t{_number(len(raw))}")
        data += raw
    (folder / f"freedict-{name}.dict.dz").write_bytes(gzip.compress(data))
    (folder / f"freedict-{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    return folder / f"freedict-{name}.index", folder / f"freedict-{name}.dict.dz"


DING = [("sagen", "sagen /zˈɑːɡən/ <v>\nsay <v>, tell <v>\n      \"Taten sagen mehr als Worte.\"  - Actions speak\n"
                  "   Synonyms: {aussagen}, {sprechen}\n\n see: {Das spricht Bände.}\n"),
        ("werden", "werden /vˈɛɾdən/ <v, intr>\n [langsam]  [zu etw.] develop <v>\n         Note: from sth.\n"),
        ("Fußball", "Fußball /fˈuːsbal/ <masc, n>\nfootball <n> [Br.], soccer ball <n>\n"),
        ("Nase voll", "die Nase voll haben /ˈnaːzə/ <v>\nbe fed up <v>\n")]
WIKDICT = [("ugly", "ugly //ˈʌɡli// <adj>\n1. ekkel, stygg, vemmelig\ndispleasing to the ear\n2. stygg, frastøtende\n"
                    "displeasing to the eye\n"),
           ("nose", "nose //noʊz// <n>\nnese 2.\nprotuberance on the face\n 3.\ntip of an object\n"),
           ("criticize", "criticize //ˈkɹɪtɪsaɪz// <v>\nkritisere\nto evaluate\n")]


def test_ding_entries_give_their_line_of_translations_not_notes_nor_examples(tmp_path: Path) -> None:
    dictionary = read_dictionary(*_write(tmp_path, "deu-eng", "German - English Ding/FreeDict\nEdition: 1.9-fd1\n",
                                         DING))
    assert dictionary.name == "deu-eng" and "Edition: 1.9-fd1" in dictionary.info
    assert dict(dictionary.entries) == {"sagen": ("say", "tell"), "werden": ("develop",),
                                        "Fußball": ("football", "soccer ball"), "die Nase voll haben": ("be fed up",)}


def test_wikdict_entries_give_numbered_senses_not_their_english_glosses(tmp_path: Path) -> None:
    dictionary = read_dictionary(*_write(tmp_path, "eng-nor", "English-Norsk FreeDict+WikDict dictionary\n", WIKDICT))
    assert dict(dictionary.entries) == {"ugly": ("ekkel", "stygg", "vemmelig", "stygg", "frastøtende"),
                                        "nose": ("nese",), "criticize": ("kritisere",)}


def test_word_pairs_are_single_words_either_way_round() -> None:
    german = Dictionary("deu-eng", "", (("Fußball", ("football", "soccer ball")), ("sagen", ("to say",)),
                                        ("die Nase voll haben", ("be fed up",))))
    assert list(word_pairs(german, "de")) == [("fussball", "football", 0), ("sagen", "say", 0)]
    norwegian = Dictionary("eng-nor", "", (("ugly", ("stygg", "frastøtende")), ("make fun of", ("gjøre narr av",))))
    assert list(word_pairs(norwegian, "nb")) == [("stygg", "ugly", 0), ("frastøtende", "ugly", 1)]
    assert list(word_pairs(norwegian, "de")) == []  # not this language's dictionary


def test_table_keeps_frequent_words_best_translations_first() -> None:
    both = [Dictionary("deu-eng", "", (("Nase", ("nose", "snout", "abtauchende Antiklinale")),
                                       ("Quastenflosser", ("coelacanth",)))),
            Dictionary("eng-deu", "", (("snout", ("Nase",)),))]
    table = build_table("de", both)
    assert table["nase"] == ("snout", "nose")  # both directions first, then the dictionary's order
    assert "quastenflosser" not in table       # not among the language's frequent words


def test_table_text_is_sorted_with_a_header_naming_the_dictionaries() -> None:
    dictionaries = [Dictionary("eng-nor", "Edition: 2022.11.18\nCreative Commons Attribution-ShareAlike 3.0", ())]
    text = table_text("nb", dictionaries, {"venn": ("friend",), "nese": ("nose",), "tom": ()})
    assert text.splitlines()[2] == "#   eng-nor 2022.11.18, CC BY-SA 3.0"
    assert text.splitlines()[-2:] == ["nese\tnose", "venn\tfriend"]


def test_main_names_a_missing_package(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(freedict, "LANG_DIR", tmp_path)
    assert freedict.main(["--languages", "nb"]) == 1
    assert "freedict: nb: no package gives eng-nor — pass dict-freedict-eng-nor_*.deb or use --download" in \
        capsys.readouterr().err

"""The read stage: decoding, normalisation, sidecars, case.yml and every error text."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from generator.read.sources import derive_title, normalise_text, read_corpus

ROOT = Path(__file__).resolve().parent.parent


def errors(folder: Path) -> list[str]:
    corpus, problems = read_corpus(folder)
    assert corpus is None
    return [str(p) for p in problems if not p.warning]


def rel(path: Path) -> str:
    return os.path.relpath(path)


def test_real_seeds_read_with_sidecars():
    corpus, problems = read_corpus(ROOT / "seeds")
    assert corpus is not None and problems == []
    assert [s.id for s in corpus.sources] == [
        "000-01294162fb12b41a", "001-71882606a5f9e5a9", "002-2bb91e528b6fe96d"]
    by_id = {s.id: s for s in corpus.sources}
    assert by_id["002-2bb91e528b6fe96d"].language == "nb"
    assert by_id["001-71882606a5f9e5a9"].metadata.outlet == "In Touch Weekly"
    assert all(s.title_derived for s in corpus.sources)
    for source in corpus.sources:
        raw = (ROOT / source.path).read_bytes()
        assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert corpus.case.title.startswith("Keaton Jones")


def test_seeds_are_the_shared_originals_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    for original in sorted(shared.glob("*.txt")):
        assert (ROOT / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_normalisation_bom_crlf_nfc(seeds):
    folder = seeds({"a.txt": "\ufeffCafe\u0301 one.\r\n\r\nSecond line.\rThird."})
    corpus, _ = read_corpus(folder)
    assert corpus is not None
    text = corpus.sources[0].text
    assert text == "Café one.\n\nSecond line.\nThird."
    assert normalise_text("a\r\nb\rc") == "a\nb\nc"


def test_language_detected_without_sidecar_and_sidecar_wins(seeds):
    folder = seeds({
        "de.txt": "Die Polizei sagte am Montag, dass drei Menschen bei dem Unfall gestorben sind.",
        "en.txt": "The police said on Monday that three people had died in the crash on the road.",
        "en.yml": "language: fr\n",
    })
    corpus, _ = read_corpus(folder)
    assert corpus is not None
    by_id = {s.id: s for s in corpus.sources}
    assert by_id["de"].language == "de" and by_id["de"].language_confidence > 0.3
    assert by_id["en"].language == "fr" and by_id["en"].language_confidence == 1.0


def test_derived_title_is_first_sentence_cut_short(seeds):
    folder = seeds({"a.txt": "Short first sentence. And more.\n\nNext."})
    corpus, _ = read_corpus(folder)
    assert corpus is not None and corpus.sources[0].title == "Short first sentence."
    assert corpus.sources[0].title_derived
    long_text = " ".join(f"w{i}" for i in range(40)) + "."
    source = read_corpus(seeds({"b.txt": long_text}, "other"))[0].sources[0]
    assert derive_title(source.text, source.paragraphs).endswith(" …")
    assert len(source.title.split()) == 15


def test_sidecar_values_are_read(seeds):
    folder = seeds({
        "a.txt": "Text of the article.",
        "a.yml": "title: Headline\noutlet: Paper\nurl: https://example.org/a\npublished: 2017-12-11\n"
                 "language: nb-NO\nauthor: Someone\nnotes: checked\n",
    })
    corpus, problems = read_corpus(folder)
    assert corpus is not None and problems == []
    meta = corpus.sources[0].metadata
    assert (meta.title, meta.outlet, meta.url, meta.author) == ("Headline", "Paper", "https://example.org/a", "Someone")
    assert meta.published == dt.date(2017, 12, 11)
    assert corpus.sources[0].language == "nb" and not corpus.sources[0].title_derived


# --- error texts, pinned -------------------------------------------------------------

def test_invalid_utf8_names_line_and_byte_offset(seeds):
    folder = seeds({"bad.txt": b"First line\nsecond \xff line\n"})
    assert errors(folder) == [
        f"{rel(folder / 'bad.txt')}:2: invalid UTF-8 at byte offset 18 — save the file as UTF-8 text"]


def test_empty_whitespace_binary_and_utf16_seeds(seeds):
    folder = seeds({
        "a-empty.txt": b"",
        "b-blank.txt": b"  \n\t\n",
        "c-binary.txt": b"PK\x03\x04\x00\x00abc",
        "d-utf16.txt": "Hello".encode("utf-16"),
    })
    assert errors(folder) == [
        f"{rel(folder / 'a-empty.txt')}:1: the seed is empty — add the article's text or remove the file",
        f"{rel(folder / 'b-blank.txt')}:1: the seed is empty — add the article's text or remove the file",
        f"{rel(folder / 'c-binary.txt')}:1: binary content (NUL byte at byte offset 4) — "
        "seeds must be plain text; convert the file or remove it",
        f"{rel(folder / 'd-utf16.txt')}:1: the seed is UTF-16 text, not UTF-8 — save the file as UTF-8 text",
    ]


def test_malformed_sidecar_yaml(seeds):
    folder = seeds({"a.txt": "Text.", "a.yml": "title: ok\noutlet: [unclosed\n"})
    (message,) = errors(folder)
    assert message.startswith(f"{rel(folder / 'a.yml')}:3: malformed YAML: ")
    assert message.endswith("— fix the YAML syntax (check indentation, colons and quotes)")


def test_yaml_tags_that_build_objects_are_refused(seeds):
    folder = seeds({"a.txt": "Text.", "a.yml": "title: !!python/object/apply:os.system ['echo hi']\n"})
    (message,) = errors(folder)
    assert message.startswith(f"{rel(folder / 'a.yml')}:1: YAML tag not allowed")
    assert message.endswith("— remove the tag; only plain YAML values (text, numbers, dates, lists, maps) are read")


def test_wrong_types_and_bad_values(seeds):
    folder = seeds({
        "a.txt": "Text.",
        "a.yml": "title: 42\nurl: javascript:alert(1)\npublished: 2017-13-45\nlanguage: klingon-xx\n"
                 "outlet: [a, b]\n",
    })
    shown = rel(folder / "a.yml")
    assert errors(folder) == [
        f"{shown}:1: 'title' is a int (42) — give non-empty text",
        f"{shown}:2: 'url' is 'javascript:alert(1)' — give an http:// or https:// address",
        f"{shown}:3: 'published' is '2017-13-45' — give a date such as 2017-12-11 or 2017-12-11T09:30:00+01:00",
        f"{shown}:4: 'language' is 'klingon-xx' — give a language code such as en, nb, de or fr",
        f"{shown}:5: 'outlet' is a list (['a', 'b']) — give non-empty text",
    ]


def test_sidecar_not_a_mapping_and_duplicate_keys(seeds):
    folder = seeds({"a.txt": "Text.", "a.yml": "- just\n- a list\n",
                    "b.txt": "Text.", "b.yml": "title: one\ntitle: two\n"})
    assert errors(folder) == [
        f"{rel(folder / 'a.yml')}:1: the sidecar is not a mapping of keys to values — write one 'key: value' per line",
        f"{rel(folder / 'b.yml')}:2: duplicate key 'title' — keep one of the entries",
    ]


def test_unknown_sidecar_key_warns_but_builds(seeds):
    folder = seeds({"a.txt": "Text.", "a.yml": "title: T\nheadline: H\n"})
    corpus, problems = read_corpus(folder)
    assert corpus is not None
    assert [str(p) for p in problems] == [
        f"{rel(folder / 'a.yml')}:2: warning: unknown key 'headline' — use one of: "
        "title, outlet, url, published, language, author, notes, retrieved, near_copy_of"]


def test_retrieved_and_near_copy_of_are_read(seeds):
    folder = seeds({"001_wire.txt": "Text one.", "002_reprint.txt": "Text two.",
                    "002_reprint.yml": "retrieved: 2024-03-14\nnear_copy_of: 001_wire\n"})
    corpus, problems = read_corpus(folder)
    assert corpus is not None and problems == []
    reprint = corpus.sources[1].metadata
    assert reprint.retrieved == dt.date(2024, 3, 14) and reprint.near_copy_of == "001-wire"


def test_near_copy_of_a_missing_seed_warns_and_is_dropped(seeds):
    folder = seeds({"a.txt": "Text.", "a.yml": "title: T\nnear_copy_of: 009_gone.txt\n",
                    "b.txt": "Text.", "b.yml": "near_copy_of: b\nretrieved: yesterday\n"})
    corpus, problems = read_corpus(folder)
    assert corpus is None
    assert [str(p) for p in problems if not p.warning] == [
        f"{rel(folder / 'b.yml')}:2: 'retrieved' is 'yesterday' — give a date such as 2024-03-12"]
    (folder / "b.yml").write_text("near_copy_of: b\n")
    corpus, problems = read_corpus(folder)
    assert corpus is not None
    assert [str(p) for p in problems] == [
        f"{rel(folder / 'a.yml')}:2: warning: 'near_copy_of' names no seed (no source has the id '009-gone') — "
        "give the file name of the seed this one copies, or remove the line",
        f"{rel(folder / 'b.yml')}:1: warning: 'near_copy_of' names the seed itself — give the file name of the "
        "seed this one copies, or remove the line"]
    assert [s.metadata.near_copy_of for s in corpus.sources] == [None, None]


def test_duplicate_ids(seeds):
    folder = seeds({"Story One.txt": "Text one.", "story-one.txt": "Text two."})
    assert errors(folder) == [
        f"{rel(folder / 'story-one.txt')}:1: duplicate source id 'story-one' (also the id of "
        f"{rel(folder / 'Story One.txt')}) — rename one of the files so their names differ in letters or digits"]


def test_all_problems_are_collected(seeds):
    folder = seeds({"a.txt": b"", "b.txt": b"\xc3\x28", "c.txt": "ok", "c.yml": "url: 5\n"})
    assert len(errors(folder)) == 3


def test_missing_and_empty_seed_folder(tmp_path):
    assert errors(tmp_path / "nope") == [
        f"{rel(tmp_path / 'nope')}:1: the seeds folder does not exist — create it and put the articles "
        "in it as .txt files, or pass --seeds DIR"]
    (tmp_path / "empty").mkdir()
    assert errors(tmp_path / "empty") == [
        f"{rel(tmp_path / 'empty')}:1: no seed texts (*.txt) found — "
        "put each article in the folder as a UTF-8 .txt file"]


def test_symlink_outside_seeds_is_refused(seeds, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret text")
    folder = seeds({"a.txt": "Text."})
    (folder / "link.txt").symlink_to(outside)
    assert errors(folder) == [
        f"{rel(folder / 'link.txt')}:1: symbolic link pointing outside the seeds folder — "
        "copy the file into the seeds folder instead of linking to it"]


def test_case_yml_title_summary_and_errors(seeds):
    folder = seeds({"a.txt": "Text.", "case.yml": "title: My case\nsummary: What happened.\nfoo: 1\n"})
    corpus, problems = read_corpus(folder)
    assert corpus is not None
    assert (corpus.case.title, corpus.case.summary) == ("My case", "What happened.")
    assert [p.line for p in problems] == [3] and problems[0].warning
    bad = seeds({"a.txt": "Text.", "case.yml": "title: [1, 2]\n"}, "bad")
    assert errors(bad) == [f"{rel(bad / 'case.yml')}:1: 'title' is a list ([1, 2]) — give non-empty text"]


def test_stray_files_warn(seeds):
    folder = seeds({"a.txt": "Text.", "notes.md": "x", "orphan.yml": "title: x\n"})
    corpus, problems = read_corpus(folder)
    assert corpus is not None
    assert [(Path(p.path).name, p.warning) for p in problems] == [("notes.md", True), ("orphan.yml", True)]


def test_counted_once_follows_near_copies_to_the_first():
    from dataclasses import replace

    from generator.model.source import Metadata, counted_once
    from generator.read.sources import source_from_text

    def source(sid: str, twin: str | None):
        return replace(source_from_text("Text.", sid), metadata=Metadata(near_copy_of=twin))

    chain = [source("a", None), source("b", "a"), source("c", "b"), source("d", "gone")]
    assert counted_once(chain) == {"a": "a", "b": "a", "c": "a", "d": "d"}
    loop = [source("x", "y"), source("y", "x"), source("z", "y")]
    assert counted_once(loop) == {"x": "x", "y": "x", "z": "x"}

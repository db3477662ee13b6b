"""Seeds as ``casefile add`` writes them: numbered after the highest, named by outlet, their
sidecar read back exactly by the build, and written both or neither."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import SourceError
from generator.ingest import seeds as seeds_module
from generator.ingest.seeds import NewSeed, next_number, seed_stem, seed_text, sidecar_yaml, write_seed
from generator.read.sources import read_sidecar


def test_numbering_continues_after_the_highest_number():
    assert next_number([]) == 0 and next_number(["case.yml", "notes.txt"]) == 0
    assert next_number(["000_a.txt", "041_b.yml", "7_c.txt", "case.yml", "2024-report.txt"]) == 42
    assert next_number(["999_a.txt"]) == 1000


def test_a_seed_is_named_by_its_outlet_else_its_host_else_its_source():
    assert seed_stem(3, "Nordküsten-Kurier", "https://www.nordkurier.example/x", "p.html") == "003_nordkusten-kurier"
    assert seed_stem(12, None, "https://www.harbourtimes.example/news/1", "p.html") == "012_harbourtimes-example"
    assert seed_stem(1000, None, None, "Fjordposten (saved).htm") == "1000_fjordposten-saved"
    assert seed_stem(4, "日本経済新聞", None, "x") == "004_source"
    assert len(seed_stem(5, "A very long outlet name " * 5, None, "x")) <= 4 + 40


@pytest.mark.parametrize("title", ["Plain title", "yes", "null", "- a list?", "key: value", "#hashtag", "'quoted'",
                                   '"double"', "@handle", "2024-03-12", "Ærlig talt: «Herøy» – 46 %", "a\\b", "~",
                                   "1e3"])
def test_the_sidecar_reads_back_exactly(tmp_path, title):
    fields = {"title": title, "outlet": "Kystavisa", "url": "https://www.kystavisa.example/a?b=1&c=2",
              "published": "2024-03-12T07:41:12+01:00", "author": "Ingrid Solheim; Per Hansen", "language": "nb"}
    path = tmp_path / "000_x.yml"
    path.write_text(sidecar_yaml(fields, dt.date(2024, 3, 14), "000_wire", "Added by casefile add: notes."))
    meta, problems = read_sidecar(path)
    assert problems == []
    assert (meta.title, meta.outlet, meta.url, meta.author, meta.language) == (
        title, "Kystavisa", "https://www.kystavisa.example/a?b=1&c=2", "Ingrid Solheim; Per Hansen", "nb")
    assert meta.published == dt.datetime.fromisoformat("2024-03-12T07:41:12+01:00")
    assert (meta.retrieved, meta.near_copy_of, meta.notes) == (dt.date(2024, 3, 14), "000-wire",
                                                               "Added by casefile add: notes.")


def seed(stem: str = "003_kystavisa") -> NewSeed:
    return NewSeed(stem, seed_text(["First paragraph.", "Second paragraph."]),
                   sidecar_yaml({"outlet": "Kystavisa"}, dt.date(2024, 3, 14), None, "Notes."))


def test_the_seed_and_its_sidecar_are_written(tmp_path):
    text, sidecar = write_seed(tmp_path, seed())
    assert text.read_text() == "First paragraph.\n\nSecond paragraph.\n"
    assert sidecar.read_text().startswith("# Written by `casefile add`.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["003_kystavisa.txt", "003_kystavisa.yml"]


def test_a_failure_between_the_two_leaves_neither(tmp_path, monkeypatch):
    real = seeds_module._place

    def fail_on_the_text(temporary, final):
        if final.suffix == ".txt":
            raise OSError(28, "No space left on device")
        real(temporary, final)

    monkeypatch.setattr(seeds_module, "_place", fail_on_the_text)
    with pytest.raises(SourceError, match="No space left on device"):
        write_seed(tmp_path, seed())
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_between_the_two_leaves_neither(tmp_path, monkeypatch):
    real = seeds_module._place

    def interrupt_on_the_text(temporary, final):
        if final.suffix == ".txt":
            raise KeyboardInterrupt
        real(temporary, final)

    monkeypatch.setattr(seeds_module, "_place", interrupt_on_the_text)
    with pytest.raises(KeyboardInterrupt):
        write_seed(tmp_path, seed())
    assert list(tmp_path.iterdir()) == []


def test_an_existing_seed_is_never_replaced(tmp_path):
    (tmp_path / "003_kystavisa.yml").write_text("title: mine\n")
    with pytest.raises(SourceError, match="already exists"):
        write_seed(tmp_path, seed())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["003_kystavisa.yml"]
    assert (tmp_path / "003_kystavisa.yml").read_text() == "title: mine\n"

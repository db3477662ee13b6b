"""The persistent cache of derived tables: equal values, damaged entries are misses, can be off."""

from __future__ import annotations

from types import MappingProxyType

from generator.util import derived


def test_tables_are_stored_reloaded_equal_and_damage_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path))
    calls = []

    def table(lang: str):
        calls.append(lang)
        return MappingProxyType({"word": 1.5, lang: 2.0})

    first = derived.persistent(table)("nb")
    assert dict(first) == {"word": 1.5, "nb": 2.0} and calls == ["nb"]
    stored = list((tmp_path / "derived").glob("table-*.pickle"))
    assert len(stored) == 1
    again = derived.persistent(table)("nb")  # a new process would see only the file
    assert dict(again) == dict(first) and calls == ["nb"]
    stored[0].write_bytes(b"not a pickle")
    assert dict(derived.persistent(table)("nb")) == dict(first) and calls == ["nb", "nb"]


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE_DIR", "")
    assert derived.cache_folder() is None
    assert derived.persistent(lambda: {"a": 1})() == {"a": 1}


def test_a_new_version_of_a_table_replaces_the_old_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "derived"
    folder.mkdir()
    (folder / f"table-{'0' * 32}.pickle").write_bytes(b"stale, named the old way")
    (folder / "other-0123456789abcdef-0123456789abcdef.pickle").write_bytes(b"another table")

    def table(lang: str):
        return {lang: 1}

    derived.persistent(table)("nb")
    derived.persistent(table)("en")
    assert len(list(folder.glob("table-*.pickle"))) == 2  # one entry per argument; the old-style one is gone
    monkeypatch.setattr(derived, "_versions", lambda: "a newer library")
    assert derived.persistent(table)("nb") == {"nb": 1}
    names = sorted(p.name for p in folder.glob("table-*.pickle"))
    assert len(names) == 2 and len({name.rsplit("-", 2)[1] for name in names}) == 2  # nb replaced, en kept
    assert (folder / "other-0123456789abcdef-0123456789abcdef.pickle").exists()  # other tables untouched


def test_released_tables_load_again_from_disk_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path))
    calls = []

    def table(lang: str):
        calls.append(lang)
        return {lang: [1, 2]}

    cached = derived.persistent(table)
    first = cached("nb")
    assert cached.cache_info().currsize == 1
    derived.release()
    assert cached.cache_info().currsize == 0  # no longer held in memory
    assert cached("nb") == first and calls == ["nb"]  # loaded again from the disk cache, not rebuilt

"""The file store: generated files on disk until they are written to the docs folder."""

from __future__ import annotations

import gc
import multiprocessing
import os

import pytest

from generator.output.site import stale_files, write_tree
from generator.output.store import FileStore, scratch_beside


def test_a_store_is_a_mapping_of_bytes_kept_on_disk(tmp_path):
    store = FileStore(tmp_path)
    store["b.md"] = b"bee"
    with store.open("data/a.json") as handle:
        handle.write(b"{")
        handle.write(b"}")
    assert list(store) == ["b.md", "data/a.json"] and len(store) == 2
    assert store["data/a.json"] == b"{}" and "b.md" in store and "c.md" not in store
    assert dict(store) == {"b.md": b"bee", "data/a.json": b"{}"}
    assert store == {"b.md": b"bee", "data/a.json": b"{}"}
    assert (store.folder / "b.md").read_bytes() == b"bee" and store.folder.parent == tmp_path
    with pytest.raises(KeyError):
        store["c.md"]


def test_a_store_refuses_paths_outside_it(tmp_path):
    store = FileStore(tmp_path)
    with pytest.raises(ValueError, match="outside"):
        store["../evil.md"] = b"x"
    assert not (tmp_path / "evil.md").exists() and len(store) == 0


def _write_in_child(store: FileStore) -> None:
    store["child.md"] = b"from the child"


def test_files_a_forked_process_wrote_are_adopted_and_the_child_does_not_remove_the_folder(tmp_path):
    store = FileStore(tmp_path)
    child = multiprocessing.get_context("fork").Process(target=_write_in_child, args=(store,))
    child.start()
    child.join()
    assert child.exitcode == 0 and "child.md" not in store
    store.adopt(["child.md"])
    assert store["child.md"] == b"from the child"
    with pytest.raises(KeyError):
        store.adopt(["never-written.md"])


def test_the_folder_goes_with_the_store(tmp_path):
    store = FileStore(tmp_path)
    store["a.md"] = b"a"
    folder = store.folder
    del store
    gc.collect()
    assert not folder.exists()
    closed = FileStore(tmp_path)
    closed["a.md"] = b"a"
    closed.close()
    assert not closed.folder.exists() and len(closed) == 0


def test_written_docs_are_links_to_the_store_and_compare_by_content(tmp_path):
    out = tmp_path / "docs"
    store = FileStore(scratch_beside(out))
    store["index.md"] = b"home"
    store["sources/a.md"] = b"a"
    report = write_tree(out, store)
    assert report.written == ("index.md", "sources/a.md")
    assert os.path.samefile(out / "index.md", store.path("index.md"))
    assert stale_files(out, store) == []
    again = FileStore(tmp_path)
    again["index.md"] = b"home"
    again["sources/a.md"] = b"A"
    assert stale_files(out, again) == ["sources/a.md"]
    assert write_tree(out, again).written == ("sources/a.md",)
    store.close()
    assert (out / "index.md").read_bytes() == b"home" and (out / "sources/a.md").read_bytes() == b"A"


def test_scratch_is_beside_the_docs_folder_when_it_can_be_written(tmp_path):
    assert scratch_beside(tmp_path / "docs") == tmp_path
    assert scratch_beside(tmp_path / "missing" / "docs") is None

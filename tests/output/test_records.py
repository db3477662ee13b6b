"""Case document sections on disk (``Records``) and the files written from them a record at a
time: the same bytes as the whole-document functions, whatever the order of the records."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest

from generator.output.casedata import dump_json_bytes, write_document
from generator.output.exports import csv_tables, ftm_stream, write_csv_tables, write_ftm
from generator.output.records import Records, ordered
from generator.output.store import FileStore
from generator.pipeline import generate
from generator.render.dossier import dossier_parts, render_dossier

STORY = Path(__file__).resolve().parent.parent / "stories" / "storm" / "seeds"


def test_records_give_back_what_they_were_given_in_order_and_sorted(tmp_path):
    given = [{"id": f"r{n % 7}-{n}", "n": n, "text": "é\n\"x\"", "nested": {"a": [n, None, 1.5]}}
             for n in range(3000)]
    records = Records(iter(given), tmp_path)
    assert len(records) == 3000 and bool(records) and not Records([])
    assert list(records) == given and list(records) == given  # read twice
    assert records.at(1234) == given[1234]
    key = lambda r: r["id"]  # noqa: E731
    assert list(records.ordered(key)) == sorted(given, key=key)
    assert list(ordered(given, key)) == sorted(given, key=key)
    assert list(tmp_path.iterdir()) == []  # an unnamed file: nothing to clean up


def test_records_keep_integers_beyond_64_bits(tmp_path):
    assert list(Records([{"big": 2 ** 70}], tmp_path)) == [{"big": 2 ** 70}]


def _case_documents(tmp_path: Path) -> tuple[dict, dict]:
    """A test story's case document as lists and with every section as Records."""
    document = json.loads(generate(STORY).files["data/case.json"])
    on_disk = {key: Records(value, tmp_path) if isinstance(value, list) else value
               for key, value in document.items()}
    return document, on_disk


def test_files_written_a_record_at_a_time_are_the_whole_document_files(tmp_path):
    document, on_disk = _case_documents(tmp_path)
    assert document["discrepancies"] and document["entities"] and document["quotes"]
    written = io.BytesIO()
    write_document(on_disk, written)
    assert written.getvalue() == dump_json_bytes(document)
    assert "\n".join(dossier_parts(on_disk)) == render_dossier(document)
    store = FileStore(tmp_path)
    names = write_csv_tables(on_disk, lambda name: store.open(name))
    assert {name: store[name].decode() for name in names} == csv_tables(document)
    stream = io.BytesIO()
    write_ftm(on_disk, stream, tmp_path)
    assert stream.getvalue().decode() == ftm_stream(document)


def test_ftm_entities_made_twice_are_merged(tmp_path):
    document, _ = _case_documents(tmp_path)
    twice = {**document, "entities": document["entities"] + document["entities"][:1]}
    lines = [json.loads(line) for line in ftm_stream(twice).splitlines()]
    ids = [line["id"] for line in lines]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    assert ftm_stream(twice) == ftm_stream(document)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_leaves_no_scratch_files(tmp_path, jobs):
    generated = generate(STORY, jobs=jobs, scratch=tmp_path)
    folder = generated.files.folder  # type: ignore[attr-defined]
    assert folder.parent == tmp_path and "data/case.json" in generated.files
    assert {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} == set(generated.files)
    del generated
    gc.collect()
    assert list(tmp_path.iterdir()) == []

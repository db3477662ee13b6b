"""The data contract: case.json validates against its schema and matches the seeds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema

from generator.output.casedata import case_schema
from generator.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent.parent


def committed_case() -> dict:
    return json.loads((ROOT / "docs_src" / "data" / "case.json").read_text(encoding="utf-8"))


def test_schema_is_valid_and_case_json_validates():
    schema = json.loads((ROOT / "docs_src" / "data" / "case.schema.json").read_text(encoding="utf-8"))
    assert schema == case_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(committed_case())


def test_every_sha256_is_the_seed_files():
    case = committed_case()
    assert len(case["sources"]) == 3
    for source in case["sources"]:
        assert source["sha256"] == hashlib.sha256((ROOT / source["path"]).read_bytes()).hexdigest()


def test_anchors_point_into_the_normalised_text(seeds):
    folder = seeds({"a.txt": "\ufeffFirst paragraph.\r\n\r\nSecond one. With two sentences.\r\n"})
    case = json.loads(generate(folder).files["data/case.json"])
    source = case["sources"][0]
    text = "First paragraph.\n\nSecond one. With two sentences.\n"
    assert [(a["anchor"], text[a["start"]:a["end"]]) for a in source["anchors"]] == [
        ("p1", "First paragraph."), ("p2", "Second one. With two sentences.")]
    assert (source["words"], source["paragraphs"], source["title_derived"]) == (7, 2, True)


def test_schema_rejects_a_broken_record():
    case = committed_case()
    case["sources"][0]["sha256"] = "not-a-hash"
    validator = jsonschema.Draft202012Validator(case_schema())
    assert any("sha256" in str(error.path) for error in validator.iter_errors(case))


def test_dump_json_bytes_is_the_standard_encoders_text():
    """case.json is written by orjson, or by the standard encoder a batch at a time when orjson
    cannot (an integer beyond 64 bits): the same text either way."""
    from generator.output.casedata import dump_json, dump_json_bytes

    document = json.loads((ROOT / "docs_src" / "data" / "case.json").read_text(encoding="utf-8"))
    document["extra"] = {"ø": ["«sitat»", 1.5, None, True, "tab\tnull\u0000 line\u2028"], "z": [], "a": {},
                         "big": 2**62, "float": 20_000_000.0}
    expected = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8") + b"\n"
    assert dump_json_bytes(document) == expected
    assert dump_json(document) == expected.decode("utf-8")
    document["extra"]["huge"] = 2**70  # beyond orjson: the standard encoder, batched
    expected = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8") + b"\n"
    assert dump_json_bytes(document) == expected
    assert dump_json_bytes(document, batch=3) == expected

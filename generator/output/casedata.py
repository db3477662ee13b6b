"""The data contract: ``docs_src/data/case.json`` and its JSON Schema.

Tools outside this code read ``case.json``; fields are only ever added. The schema is
written beside it and every build's data is validated against it in the tests.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, BinaryIO

import orjson

from generator.model.source import CaseInfo, Source, published_text
from generator.output.records import Records

SCHEMA_VERSION = 1

_SPAN = {
    "source": {"type": "string", "description": "Source id."},
    "anchor": {"type": "string", "pattern": "^p[0-9]+$", "description": "Paragraph anchor on the source page."},
    "start": {"type": "integer", "minimum": 0, "description": "Offset into the source's normalised text."},
    "end": {"type": "integer", "minimum": 0, "description": "Offset one past the last character."},
    "text": {"type": "string", "description": "Exactly the source's normalised text [start:end]."},
}
_SPAN_REQUIRED = ["source", "anchor", "start", "end", "text"]
_NULLABLE_STRING = {"type": ["string", "null"]}


def _object(properties: dict[str, Any], required: Sequence[str]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": True}


def case_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``case.json``."""
    source = _object({
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "title": {"type": "string"},
        "title_derived": {"type": "boolean"},
        "language": {"type": "string"},
        "language_confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "outlet": _NULLABLE_STRING,
        "published": _NULLABLE_STRING,
        "url": _NULLABLE_STRING,
        "author": _NULLABLE_STRING,
        "retrieved": {"type": "string", "description": "when the text was taken from its page (ISO date); "
                                                       "absent when the sidecar does not say"},
        "near_copy_of": {"type": "string", "description": "id of the source this one nearly copies (a wire story "
                                                          "reprinted), counted once with it; absent for the others"},
        "path": {"type": "string"},
        "sidecar": _NULLABLE_STRING,
        "page": {"type": "string"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "words": {"type": "integer", "minimum": 0},
        "paragraphs": {"type": "integer", "minimum": 0},
        "text": {"type": "string", "description": "The normalised text every offset refers to."},
        "anchors": {"type": "array", "items": _object(
            {"anchor": _SPAN["anchor"], "start": _SPAN["start"], "end": _SPAN["end"],
             "furniture": {"type": "string", "description": "the rule that makes the paragraph page furniture "
                                                            "(read by no stage); absent for the article's paragraphs"}},
            ["anchor", "start", "end"])},
    }, ["id", "title", "title_derived", "language", "outlet", "published", "url", "path",
        "sha256", "words", "paragraphs", "anchors", "text"])
    mention = _object(_SPAN, _SPAN_REQUIRED)
    entity = _object({
        "id": {"type": "string"}, "name": {"type": "string"},
        "type": {"enum": ["person", "place", "organization", "platform", "work", "other"]},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "mentions": {"type": "array", "items": mention},
    }, ["id", "name", "type", "aliases", "mentions"])
    quote = _object({**_SPAN, "id": {"type": "string"}, "language": {"type": "string"},
                     "speaker": _NULLABLE_STRING, "evidence": {}},
                    ["id", *_SPAN_REQUIRED, "language", "speaker", "evidence"])
    figure = _object({**_SPAN, "id": {"type": "string"}, "value": {"type": ["number", "null"]},
                      "low": {"type": ["number", "null"]}, "high": {"type": ["number", "null"]},
                      "measure": _NULLABLE_STRING, "qualifier": _NULLABLE_STRING,
                      "subject": _NULLABLE_STRING, "unit": _NULLABLE_STRING, "counted_by": _NULLABLE_STRING,
                      "about": _NULLABLE_STRING},
                     ["id", *_SPAN_REQUIRED, "value", "low", "high", "measure", "qualifier", "subject"])
    date = _object({**_SPAN, "id": {"type": "string"}, "kind": {"type": "string"},
                    "resolved": _NULLABLE_STRING, "event": {}},
                   ["id", *_SPAN_REQUIRED, "kind", "resolved", "event"])
    claim = _object({**_SPAN, "value": {}}, [*_SPAN_REQUIRED, "value"])
    discrepancy = _object({
        "id": {"type": "string"},
        "kind": {"enum": ["figure", "quote", "paraphrase", "date", "attribute", "contradiction", "actor",
                          "coverage"]},
        "summary": {"type": "string"},
        "explanation": {"type": ["string", "null"]},
        "status": {"enum": ["open", "explained", "resolved"]},
        "confidence": {"enum": ["high", "low"], "description": "high: the evidence shows one thing told "
                                                              "differently; low: a possible disagreement to check"},
        "evidence": {"type": "array", "items": {"type": "string"},
                     "description": "the facts that speak for the finding, in words"},
        "rules": {"type": "array", "items": {"type": "string"},
                  "description": "names of the rules that decided the finding, in the order they applied"},
        "claims": {"type": "array", "items": claim},
    }, ["id", "kind", "summary", "explanation", "status", "claims"])
    translation = _object({
        "quotes": {"type": "array", "items": {"type": "string"}, "description": "ids of the linked quotes"},
        "origin": {"enum": ["curated", "detected"]},
        "evidence": {"type": "string", "description": "why they are linked, in words"},
        "rules": {"type": "array", "items": {"type": "string"},
                  "description": "the rule that linked them: curated, words-aligned or same-names-and-numbers"},
        "score": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                  "description": "share of the shorter quote's weight aligned (words-aligned)"},
        "aligned": {"type": "array", "description": "the words aligned, in the shorter quote's order",
                    "items": _object({"words": {"type": "object", "additionalProperties": {"type": "string"},
                                                "description": "each word by the language of its quote"},
                                      "via": {"type": "string", "description": "why they align: dictionary: "
                                                                               "<English word>, same spelling "
                                                                               "or same number"}},
                                     ["words", "via"])},
        "parts": {"type": "array", "items": mention,
                  "description": "the stretch of a quote the others render, where they render only part of it"},
    }, ["quotes", "origin", "evidence"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "case.schema.json",
        "title": "casefile case data",
        "type": "object",
        "required": ["schema_version", "case", "sources", "entities", "quotes", "figures",
                     "dates", "discrepancies"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "case": _object({"title": {"type": "string"}, "summary": _NULLABLE_STRING,
                             "repository": {**_NULLABLE_STRING, "description":
                                            "https address of the repository holding the seeds."}},
                            ["title", "summary"]),
            "sources": {"type": "array", "items": source},
            "entities": {"type": "array", "items": entity},
            "quotes": {"type": "array", "items": quote},
            "figures": {"type": "array", "items": figure},
            "dates": {"type": "array", "items": date},
            "discrepancies": {"type": "array", "items": discrepancy},
            "translations": {"type": "array", "items": translation,
                             "description": "quotes that render the same words in different languages"},
        },
    }


def source_record(source: Source) -> dict[str, Any]:
    """One entry of ``sources``."""
    meta = source.metadata
    return {
        "id": source.id,
        "title": source.title,
        "title_derived": source.title_derived,
        "language": source.language,
        "language_confidence": source.language_confidence,
        "outlet": meta.outlet,
        "published": published_text(source),
        "url": meta.url,
        "author": meta.author,
        **({"retrieved": meta.retrieved.isoformat()} if meta.retrieved else {}),
        **({"near_copy_of": meta.near_copy_of} if meta.near_copy_of else {}),
        "path": source.path,
        "sidecar": source.sidecar,
        "page": f"sources/{source.slug}.md",
        "sha256": source.sha256,
        "words": source.words,
        "paragraphs": len(source.paragraphs),
        "anchors": [{"anchor": p.anchor, "start": p.start, "end": p.end,
                     **({"furniture": p.furniture} if p.furniture else {})} for p in source.paragraphs],
        "text": source.text,
    }


def case_document(case: CaseInfo, sources: Sequence[Source], keep: Callable[[Iterable[dict[str, Any]]], Any] = list,
                  **sections: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The whole ``case.json`` document; ``sections`` fill entities, quotes, figures, ….

    ``keep`` holds each section's records (a list; :class:`~generator.output.records.Records` to keep
    them on disk)."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "case": {"title": case.title, "summary": case.summary, "repository": case.repository},
        "sources": keep(source_record(s) for s in sorted(sources, key=lambda s: s.id)),
        **{name: keep(()) for name in ("entities", "quotes", "figures", "dates", "discrepancies")},
    }
    document.update({name: keep(records) for name, records in sections.items()})
    return document


def write_document(document: Mapping[str, Any], handle: BinaryIO) -> None:
    """Write :func:`dump_json_bytes` of ``document`` to ``handle``, one record at a time: the
    same bytes, without the whole text (or, with :class:`~generator.output.records.Records`
    sections, the whole document) in memory."""
    keys = sorted(document, key=str)
    handle.write(b"{\n" if keys else b"{}\n")
    for number, key in enumerate(keys):
        value = document[key]
        handle.write(b"  " + _dumped(str(key)) + b": ")
        if isinstance(value, (list, tuple, Records)):
            if not value:
                handle.write(b"[]" + (b",\n" if number < len(keys) - 1 else b"\n"))
                continue
            handle.write(b"[\n")
            last = len(value) - 1
            for index, record in enumerate(value):
                handle.write(b"    " + _dumped(record).replace(b"\n", b"\n    ") + (b",\n" if index < last else b"\n"))
            handle.write(b"  ]")
        else:
            handle.write(_dumped(value).replace(b"\n", b"\n  "))
        handle.write(b",\n" if number < len(keys) - 1 else b"\n")
    if keys:
        handle.write(b"}\n")


def _dumped(value: Any) -> bytes:
    return dump_json_bytes(value)[:-1]


def dump_json(document: Any) -> str:
    """Deterministic JSON text: sorted keys, two-space indent, UTF-8, trailing newline."""
    return dump_json_bytes(document).decode("utf-8")


# orjson writes the same text as ``json.dumps(…, ensure_ascii=False, sort_keys=True, indent=2)``
# twenty times faster; it differs only in the exponent of very small floats (1e-7, not 1e-07)
# and refuses what JSON cannot hold the same way (integers beyond 64 bits, non-string keys),
# which the standard encoder then writes.
_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def dump_json_bytes(document: Any, batch: int = 65536) -> bytes:
    """:func:`dump_json`, encoded as UTF-8, without holding the whole text and its pieces.

    ``json.dumps`` with an indent joins millions of small strings at once; for a case of
    tens of megabytes that list was the build's peak memory. Here the pieces are joined
    and encoded a batch at a time when orjson cannot write the document.
    """
    try:
        return orjson.dumps(document, option=_ORJSON_OPTIONS) + b"\n"
    except (orjson.JSONEncodeError, TypeError):
        pass
    out = io.BytesIO()
    pieces: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, sort_keys=True, indent=2).iterencode(document):
        pieces.append(piece)
        if len(pieces) >= batch:
            out.write("".join(pieces).encode("utf-8"))
            pieces.clear()
    pieces.append("\n")
    out.write("".join(pieces).encode("utf-8"))
    return out.getvalue()

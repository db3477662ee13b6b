"""Exports beside ``case.json``: CSV tables and a FollowTheMoney entity stream.

Both are pure functions of the case document (the ``case.json`` contract), so they fill
as the data fills and are byte-identical for the same case. The CSV tables are for
spreadsheets; the FollowTheMoney (FtM) stream loads into Aleph (``ftm`` / ``alephclient``)
and other tools of that family. Neither needs the ``followthemoney`` package at build
time; the tests validate the stream with it.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pycountry

from generator.lang import shared_data
from generator.model.finding import source_label
from generator.output.records import Records, ordered

# CSV cells that spreadsheet programs would run as formulas start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

SOURCE_COLUMNS = ("id", "title", "title_derived", "language", "outlet", "published", "url", "author",
                  "path", "sidecar", "page", "sha256", "words", "paragraphs", "label")
ENTITY_COLUMNS = ("id", "name", "type", "aliases", "mentions", "sources")
MENTION_COLUMNS = ("entity", "source", "anchor", "start", "end", "text")
QUOTE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "language", "speaker", "evidence")
FIGURE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "value", "low", "high", "measure",
                  "qualifier", "subject", "unit", "counted_by", "about")
DATE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "kind", "resolved", "event")
DISCREPANCY_COLUMNS = ("id", "kind", "status", "summary", "explanation", "claims", "sources", "confidence")
CLAIM_COLUMNS = ("discrepancy", "source", "anchor", "start", "end", "text", "value")

# Entity type in the case file → FtM schema.
FTM_SCHEMA = {
    "person": "Person",
    "organization": "Organization",
    "platform": "Organization",
    "place": "Address",
    "work": "Document",
    "other": "LegalEntity",
}
# FtM property on an Article listing the names of mentioned entities of each schema.
_MENTIONED_PROPERTY = {"Person": "peopleMentioned", "Organization": "companiesMentioned",
                       "Address": "locationMentioned"}
_ID_PART = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
_FTM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,120}$")


def csv_cell(value: Any) -> str:
    """A value as CSV text: lists joined with ``; ``, other JSON as JSON, formulas defused.

    A text cell that a spreadsheet would read as a formula (``=…``, ``+…``, ``-…``, ``@…``)
    gets a leading apostrophe; ``case.json`` keeps the exact text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_table(handle: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])


def _by_id(records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    return ordered(records, lambda r: str(r.get("id", "")))


def _labelled(sources: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """Each source with its label, as the site, the findings and the dossier cite it ("VG", "000")."""
    for source in sources:
        yield {**source, "label": source_label(str(source.get("id", "")), source.get("outlet"))}


def _span_key(record: Mapping[str, Any]) -> tuple[str, int, int]:
    return (str(record.get("source", "")), int(record.get("start", 0)), int(record.get("end", 0)))


def _counted(parents: Iterable[Mapping[str, Any]], field: str) -> Iterator[Mapping[str, Any]]:
    """Each record by id, its list ``field`` (mentions, claims) given as a count and the sources it cites."""
    for parent in _by_id(parents):
        children = parent.get(field, [])
        yield {**parent, field: len(children), "sources": sorted({c["source"] for c in children})}


def _children(parents: Iterable[Mapping[str, Any]], field: str, parent_key: str) -> Iterator[Mapping[str, Any]]:
    """The records of each record's list ``field``, by the parent's id, then by span, naming the parent."""
    for parent in _by_id(parents):
        yield from sorted(({**c, parent_key: parent["id"]} for c in parent.get(field, [])), key=_span_key)


def _tables(document: Mapping[str, Any]) -> Iterator[tuple[str, Sequence[str], Iterable[Mapping[str, Any]]]]:
    """Each table's file name, columns and rows; the rows are made as they are written."""
    yield "sources.csv", SOURCE_COLUMNS, _labelled(_by_id(document.get("sources", [])))
    yield "entities.csv", ENTITY_COLUMNS, _counted(document.get("entities", []), "mentions")
    yield "mentions.csv", MENTION_COLUMNS, _children(document.get("entities", []), "mentions", "entity")
    yield "quotes.csv", QUOTE_COLUMNS, _by_id(document.get("quotes", []))
    yield "figures.csv", FIGURE_COLUMNS, _by_id(document.get("figures", []))
    yield "dates.csv", DATE_COLUMNS, _by_id(document.get("dates", []))
    yield "discrepancies.csv", DISCREPANCY_COLUMNS, _counted(document.get("discrepancies", []), "claims")
    yield "claims.csv", CLAIM_COLUMNS, _children(document.get("discrepancies", []), "claims", "discrepancy")


def write_csv_tables(document: Mapping[str, Any],
                     open_file: Callable[[str], AbstractContextManager[BinaryIO]]) -> list[str]:
    """Write each table of the case into ``open_file(name)`` (UTF-8, header row, LF line
    ends), a row at a time; returns the file names."""
    names = []
    for name, columns, rows in _tables(document):
        with open_file(name) as binary:
            text = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)
            _write_table(text, columns, rows)
            text.flush()
            text.detach()
        names.append(name)
    return names


def csv_tables(document: Mapping[str, Any]) -> dict[str, str]:
    """File name → CSV text for each table of the case (UTF-8, header row, LF line ends)."""
    tables = {}
    for name, columns, rows in _tables(document):
        buffer = io.StringIO()
        _write_table(buffer, columns, rows)
        tables[name] = buffer.getvalue()
    return tables


def ftm_id(kind: str, *parts: object, readable: bool = True) -> str:
    """A stable FtM id: ``cf-<kind>.<part>.<part>`` (``cf-source.story-en``) when every part
    is a plain slug and the id not too long, else ``cf-<kind>-<sha1 of the parts>``."""
    text = f"cf-{kind}." + ".".join(str(p) for p in parts)
    if readable and all(_ID_PART.match(str(p)) for p in parts) and _FTM_ID.match(text):
        return text
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"cf-{kind}-{digest}"




def ftm_language(code: str | None) -> str | None:
    """ISO 639-3 code as FtM wants it (``en`` → ``eng``, ``nb`` → ``nor``), or ``None``."""
    if not code:
        return None
    base = code.split("-")[0].lower()
    macrolanguage = shared_data().get("ftm_language_codes").get(base)  # FtM knows only "nor" for nb and nn
    if macrolanguage is not None:
        return str(macrolanguage)
    language = pycountry.languages.get(alpha_2=base) if len(base) == 2 else pycountry.languages.get(alpha_3=base)
    return getattr(language, "alpha_3", None) if language else None


def _ftm_entity(entity_id: str, schema: str, **properties: Any) -> dict[str, Any]:
    """An FtM entity as ``{id, schema, properties}``, each property's values de-duplicated."""
    entity: dict[str, Any] = {"id": entity_id, "schema": schema, "properties": {}}
    for name, value in properties.items():
        _add(entity, name, value)
    return entity


def _add(entity: dict[str, Any], name: str, value: Any) -> None:
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if item is None or item == "":
            continue
        text = str(item)
        existing = entity["properties"].setdefault(name, [])
        if text not in existing:
            existing.append(text)


def _ftm_line(entity: Mapping[str, Any]) -> str:
    properties = {k: sorted(v) for k, v in sorted(entity["properties"].items()) if v}
    return json.dumps({"id": entity["id"], "schema": entity["schema"], "properties": properties},
                      ensure_ascii=False, sort_keys=True) + "\n"


def _claim_text(claim: Mapping[str, Any]) -> str:
    value = claim.get("value")
    shown = "" if value is None else f" (value: {json.dumps(value, ensure_ascii=False, sort_keys=True)})"
    return f"{claim.get('source')}#{claim.get('anchor')}: “{claim.get('text', '')}”{shown}"


def ftm_stream(document: Mapping[str, Any]) -> str:
    """The case as FtM entities, one JSON object a line, sorted by id (see :func:`ftm_entities`)."""
    return "".join(_ftm_line(entity) for entity in ftm_entities(document))


def write_ftm(document: Mapping[str, Any], handle: BinaryIO, folder: Path | None = None) -> None:
    """Write :func:`ftm_stream` to ``handle`` a line at a time, the entities kept on disk
    (in ``folder``) until they are sorted."""
    for entity in ftm_entities(document, folder):
        handle.write(_ftm_line(entity).encode("utf-8"))


def ftm_entities(document: Mapping[str, Any], folder: Path | None = None) -> Iterator[Mapping[str, Any]]:
    """The case as FtM entities ``{id, schema, properties}``, sorted by id.

    Sources are ``Article``; people ``Person``; organisations and platforms
    ``Organization``; places ``Address``; works ``Document``; other entities
    ``LegalEntity``. Each distinct way a source names an entity is a ``Mention``
    (resolved to the entity); each entity–source pair a ``Documentation`` (role
    ``mentioned``), and each attributed quote a ``Documentation`` (role ``quoted``).
    Each discrepancy is a ``Note`` on the articles whose claims disagree.

    Every entity but the articles is whole when it is made and waits on disk (in
    ``folder``) to be sorted; the articles, which gain the names mentioned in them, are
    made last and merged in.
    """
    case = document.get("case", {})
    articles = {str(source["id"]) for source in document.get("sources", [])}
    mentioned: dict[str, dict[str, list[str]]] = {}
    entity_ids: dict[str, str] = {}

    def others() -> Iterator[dict[str, Any]]:
        for entity in _by_id(document.get("entities", [])):
            schema = FTM_SCHEMA.get(entity.get("type", "other"), "LegalEntity")
            entity_id = entity_ids[entity["id"]] = ftm_id("entity", entity["id"])
            names = {"full": entity["name"]} if schema == "Address" else \
                {"title": entity["name"]} if schema == "Document" else {}
            yield _ftm_entity(entity_id, schema, name=entity["name"], alias=entity.get("aliases", []), **names)
            by_source: dict[str, list[Mapping[str, Any]]] = {}
            for mention in entity.get("mentions", []):
                by_source.setdefault(mention["source"], []).append(mention)
            for source_id, mentions in sorted(by_source.items()):
                if source_id not in articles:
                    continue
                article_id = ftm_id("source", source_id)
                names_of = mentioned.setdefault(source_id, {})
                names_of.setdefault(_MENTIONED_PROPERTY.get(schema, "namesMentioned"), []).append(entity["name"])
                yield _ftm_entity(ftm_id("documentation", entity["id"], source_id), "Documentation",
                                  document=article_id, entity=entity_id, role="mentioned",
                                  summary=f"{len(mentions)} mention(s): " + ", ".join(
                                      sorted({m["anchor"] for m in mentions}, key=_anchor_order)))
                for surface in sorted({m["text"] for m in mentions}):
                    yield _ftm_entity(ftm_id("mention", entity["id"], source_id, surface, readable=False), "Mention",
                                      document=article_id, resolved=entity_id, name=surface, detectedSchema=schema)
        for quote in _by_id(document.get("quotes", [])):
            speaker = quote.get("speaker")
            if speaker in entity_ids and quote.get("source") in articles:
                yield _ftm_entity(ftm_id("quote", quote["id"]), "Documentation",
                                  document=ftm_id("source", quote["source"]), entity=entity_ids[speaker],
                                  role="quoted", summary=quote.get("text"))
        for discrepancy in _by_id(document.get("discrepancies", [])):
            claims = discrepancy.get("claims", [])
            explanation = discrepancy.get("explanation")
            yield _ftm_entity(ftm_id("discrepancy", discrepancy["id"]), "Note",
                              name=discrepancy.get("summary"),
                              entity=[ftm_id("source", c["source"]) for c in claims if c.get("source") in articles],
                              summary=f"{discrepancy.get('kind')} discrepancy, {discrepancy.get('status')}"
                                      + (f", {explanation}" if explanation else ""),
                              description="\n".join(_claim_text(c) for c in claims))

    def article_entities() -> Iterator[dict[str, Any]]:
        for source in _by_id(document.get("sources", [])):
            article = _ftm_entity(
                ftm_id("source", source["id"]), "Article",
                title=source.get("title"), fileName=source.get("path"), sourceUrl=source.get("url"),
                publisher=source.get("outlet"), author=source.get("author"),
                publishedAt=source.get("published"), language=ftm_language(source.get("language")),
                bodyText=source.get("text"), keywords=case.get("title"))
            for name, values in sorted(mentioned.get(str(source["id"]), {}).items()):
                _add(article, name, values)
            yield article

    rest = Records(others(), folder)
    made = Records(article_entities(), folder)
    def by_id(entity: Mapping[str, Any]) -> str:
        return str(entity["id"])

    yield from _merged(made.ordered(by_id), rest.ordered(by_id))


def _merged(*runs: Iterator[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """Runs sorted by id merged into one; entities of the same id (made twice) into one entity."""
    current: dict[str, Any] | None = None
    for entity in heapq.merge(*runs, key=lambda e: str(e["id"])):
        if current is not None and current["id"] == entity["id"]:
            for name, values in entity["properties"].items():
                _add(current, name, values)
            continue
        if current is not None:
            yield current
        current = {"id": entity["id"], "schema": entity["schema"],
                   "properties": {k: list(v) for k, v in entity["properties"].items()}}
    if current is not None:
        yield current


def _anchor_order(anchor: str) -> tuple[int, str]:
    digits = re.match(r"p(\d+)", anchor)
    return (int(digits.group(1)) if digits else 0, anchor)

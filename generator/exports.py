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
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pycountry

# CSV cells that spreadsheet programs would run as formulas start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

SOURCE_COLUMNS = ("id", "title", "title_derived", "language", "outlet", "published", "url", "author",
                  "path", "sidecar", "page", "sha256", "words", "paragraphs")
ENTITY_COLUMNS = ("id", "name", "type", "aliases", "mentions", "sources")
MENTION_COLUMNS = ("entity", "source", "anchor", "start", "end", "text")
QUOTE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "language", "speaker", "evidence")
FIGURE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "value", "low", "high", "measure",
                  "qualifier", "subject")
DATE_COLUMNS = ("id", "source", "anchor", "start", "end", "text", "kind", "resolved", "event")
DISCREPANCY_COLUMNS = ("id", "kind", "status", "summary", "explanation", "claims", "sources")
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


def _table(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _by_id(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(records, key=lambda r: str(r.get("id", "")))


def _span_key(record: Mapping[str, Any]) -> tuple[str, int, int]:
    return (str(record.get("source", "")), int(record.get("start", 0)), int(record.get("end", 0)))


def csv_tables(document: Mapping[str, Any]) -> dict[str, str]:
    """File name → CSV text for each table of the case (UTF-8, header row, LF line ends)."""
    entities = _by_id(document.get("entities", []))
    discrepancies = _by_id(document.get("discrepancies", []))
    mentions = sorted(({**m, "entity": e["id"]} for e in entities for m in e.get("mentions", [])),
                      key=lambda m: (m["entity"], *_span_key(m)))
    claims = sorted(({**c, "discrepancy": d["id"]} for d in discrepancies for c in d.get("claims", [])),
                    key=lambda c: (c["discrepancy"], *_span_key(c)))
    entity_rows = [{**e, "mentions": len(e.get("mentions", [])),
                    "sources": sorted({m["source"] for m in e.get("mentions", [])})} for e in entities]
    discrepancy_rows = [{**d, "claims": len(d.get("claims", [])),
                         "sources": sorted({c["source"] for c in d.get("claims", [])})} for d in discrepancies]
    return {
        "sources.csv": _table(SOURCE_COLUMNS, _by_id(document.get("sources", []))),
        "entities.csv": _table(ENTITY_COLUMNS, entity_rows),
        "mentions.csv": _table(MENTION_COLUMNS, mentions),
        "quotes.csv": _table(QUOTE_COLUMNS, _by_id(document.get("quotes", []))),
        "figures.csv": _table(FIGURE_COLUMNS, _by_id(document.get("figures", []))),
        "dates.csv": _table(DATE_COLUMNS, _by_id(document.get("dates", []))),
        "discrepancies.csv": _table(DISCREPANCY_COLUMNS, discrepancy_rows),
        "claims.csv": _table(CLAIM_COLUMNS, claims),
    }


def ftm_id(kind: str, *parts: object, readable: bool = True) -> str:
    """A stable FtM id: ``cf-<kind>.<part>.<part>`` (``cf-source.story-en``) when every part
    is a plain slug and the id not too long, else ``cf-<kind>-<sha1 of the parts>``."""
    text = f"cf-{kind}." + ".".join(str(p) for p in parts)
    if readable and all(_ID_PART.match(str(p)) for p in parts) and _FTM_ID.match(text):
        return text
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"cf-{kind}-{digest}"


# FtM knows the macrolanguage only: Norwegian Bokmål and Nynorsk are ``nor``.
_FTM_LANGUAGE_OVERRIDES = {"nb": "nor", "nn": "nor", "no": "nor"}


def ftm_language(code: str | None) -> str | None:
    """ISO 639-3 code as FtM wants it (``en`` → ``eng``, ``nb`` → ``nor``), or ``None``."""
    if not code:
        return None
    base = code.split("-")[0].lower()
    if base in _FTM_LANGUAGE_OVERRIDES:
        return _FTM_LANGUAGE_OVERRIDES[base]
    language = pycountry.languages.get(alpha_2=base) if len(base) == 2 else pycountry.languages.get(alpha_3=base)
    return getattr(language, "alpha_3", None) if language else None


class _Stream:
    """Collects FtM entities as ``{id, schema, properties}`` with de-duplicated values."""

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Any]] = {}

    def make(self, entity_id: str, schema: str, **properties: Any) -> dict[str, Any]:
        entity = self.entities.setdefault(entity_id, {"id": entity_id, "schema": schema, "properties": {}})
        for name, value in properties.items():
            self.add(entity, name, value)
        return entity

    @staticmethod
    def add(entity: dict[str, Any], name: str, value: Any) -> None:
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if item is None or item == "":
                continue
            text = str(item)
            existing = entity["properties"].setdefault(name, [])
            if text not in existing:
                existing.append(text)

    def text(self) -> str:
        lines = []
        for entity_id in sorted(self.entities):
            entity = self.entities[entity_id]
            properties = {k: sorted(v) for k, v in sorted(entity["properties"].items()) if v}
            lines.append(json.dumps({"id": entity_id, "schema": entity["schema"], "properties": properties},
                                    ensure_ascii=False, sort_keys=True))
        return "".join(line + "\n" for line in lines)


def _claim_text(claim: Mapping[str, Any]) -> str:
    value = claim.get("value")
    shown = "" if value is None else f" (value: {json.dumps(value, ensure_ascii=False, sort_keys=True)})"
    return f"{claim.get('source')}#{claim.get('anchor')}: “{claim.get('text', '')}”{shown}"


def ftm_stream(document: Mapping[str, Any]) -> str:
    """The case as FtM entities, one JSON object a line, sorted by id.

    Sources are ``Article``; people ``Person``; organisations and platforms
    ``Organization``; places ``Address``; works ``Document``; other entities
    ``LegalEntity``. Each distinct way a source names an entity is a ``Mention``
    (resolved to the entity); each entity–source pair a ``Documentation`` (role
    ``mentioned``), and each attributed quote a ``Documentation`` (role ``quoted``).
    Each discrepancy is a ``Note`` on the articles whose claims disagree.
    """
    stream = _Stream()
    case = document.get("case", {})
    articles: dict[str, dict[str, Any]] = {}
    for source in _by_id(document.get("sources", [])):
        articles[source["id"]] = stream.make(
            ftm_id("source", source["id"]), "Article",
            title=source.get("title"), fileName=source.get("path"), sourceUrl=source.get("url"),
            publisher=source.get("outlet"), author=source.get("author"),
            publishedAt=source.get("published"), language=ftm_language(source.get("language")),
            bodyText=source.get("text"), keywords=case.get("title"))
    entity_ids: dict[str, str] = {}
    for entity in _by_id(document.get("entities", [])):
        schema = FTM_SCHEMA.get(entity.get("type", "other"), "LegalEntity")
        entity_id = entity_ids[entity["id"]] = ftm_id("entity", entity["id"])
        names = {"full": entity["name"]} if schema == "Address" else \
            {"title": entity["name"]} if schema == "Document" else {}
        stream.make(entity_id, schema, name=entity["name"], alias=entity.get("aliases", []), **names)
        by_source: dict[str, list[Mapping[str, Any]]] = {}
        for mention in entity.get("mentions", []):
            by_source.setdefault(mention["source"], []).append(mention)
        for source_id, mentions in sorted(by_source.items()):
            if source_id not in articles:
                continue
            article_id = ftm_id("source", source_id)
            stream.add(articles[source_id], _MENTIONED_PROPERTY.get(schema, "namesMentioned"), entity["name"])
            stream.make(ftm_id("documentation", entity["id"], source_id), "Documentation",
                        document=article_id, entity=entity_id, role="mentioned",
                        summary=f"{len(mentions)} mention(s): " + ", ".join(
                            sorted({m["anchor"] for m in mentions}, key=_anchor_order)))
            for surface in sorted({m["text"] for m in mentions}):
                stream.make(ftm_id("mention", entity["id"], source_id, surface, readable=False), "Mention",
                            document=article_id, resolved=entity_id, name=surface, detectedSchema=schema)
    for quote in _by_id(document.get("quotes", [])):
        speaker = quote.get("speaker")
        if speaker in entity_ids and quote.get("source") in articles:
            stream.make(ftm_id("quote", quote["id"]), "Documentation",
                        document=ftm_id("source", quote["source"]), entity=entity_ids[speaker],
                        role="quoted", summary=quote.get("text"))
    for discrepancy in _by_id(document.get("discrepancies", [])):
        claims = discrepancy.get("claims", [])
        explanation = discrepancy.get("explanation")
        stream.make(ftm_id("discrepancy", discrepancy["id"]), "Note",
                    name=discrepancy.get("summary"),
                    entity=[ftm_id("source", c["source"]) for c in claims if c.get("source") in articles],
                    summary=f"{discrepancy.get('kind')} discrepancy, {discrepancy.get('status')}"
                            + (f", {explanation}" if explanation else ""),
                    description="\n".join(_claim_text(c) for c in claims))
    return stream.text()


def _anchor_order(anchor: str) -> tuple[int, str]:
    digits = re.match(r"p(\d+)", anchor)
    return (int(digits.group(1)) if digits else 0, anchor)

"""``casefile diff``: what changed in the case file between two revisions, as Markdown.

Compares two case documents (the committed ``docs_src/data/case.json`` at two git
revisions, or two ``case.json`` files): sources added, removed and changed; entities
added, removed, merged and changed; discrepancies new, resolved and changed; figures
added, removed and changed. The Markdown is written for a pull request's summary; every
text from the case is escaped.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.render.markup import escape_html, escape_md

CASE_PATH = "docs_src/data/case.json"
SOURCE_FIELDS = ("title", "outlet", "published", "url", "author", "language", "path")
FIGURE_FIELDS = ("text", "value", "low", "high", "measure", "qualifier", "subject", "source", "anchor")
DISCREPANCY_FIELDS = ("kind", "summary", "status", "explanation")
EMPTY_CASE: dict[str, Any] = {"case": {}, "sources": [], "entities": [], "quotes": [], "figures": [],
                              "dates": [], "discrepancies": []}

Record = Mapping[str, Any]


class DiffError(Exception):
    """A revision or file cannot be read as a case; the message says how to fix it."""


@dataclass(frozen=True)
class Loaded:
    """A case document and how to name it in the summary."""

    document: Mapping[str, Any]
    """The parsed ``case.json`` (an empty case when the revision has none)."""
    label: str
    """``main (1a2b3c4)``, a file path or ``working tree``."""
    note: str | None = None
    """Said under the heading, e.g. that a revision has no case.json."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, timeout=60, check=False)
    except FileNotFoundError as exc:
        raise DiffError("git is not installed — install git, or compare two case.json files") from exc


def _parse(data: bytes, where: str) -> Mapping[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DiffError(f"{where}:1: not a case.json ({exc}) — run `casefile build` and commit the result") from exc
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise DiffError(f"{where}:1: not a case.json (no list of sources) — give the path of a case.json")
    return document


def load_case(spec: str | None, repo: Path = Path("."), case_path: str = CASE_PATH) -> Loaded:
    """The case at ``spec``: a ``case.json`` file, a git revision, or (``None``) the work tree."""
    if spec is None:
        path = repo / case_path
        if not path.is_file():
            raise DiffError(f"{path}:1: no case.json in the working tree — run `casefile build` first")
        return Loaded(_parse(path.read_bytes(), str(path)), "working tree")
    as_file = Path(spec)
    if as_file.is_file():
        return Loaded(_parse(as_file.read_bytes(), spec), spec)
    found = _git(repo, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    if found.returncode != 0:
        raise DiffError(f"casefile diff: '{spec}' is neither a case.json file nor a git revision in "
                        f"{repo} — give a revision (main, HEAD~1, a commit id) or the path of a case.json")
    commit = found.stdout.decode().strip()
    label = spec if spec.startswith(commit[:7]) else f"{spec} ({commit[:7]})"
    shown = _git(repo, "show", f"{commit}:./{case_path}")
    if shown.returncode != 0:
        return Loaded(EMPTY_CASE, label, f"{label} has no {case_path}: compared with an empty case")
    return Loaded(_parse(shown.stdout, f"{spec}:{case_path}"), label)


def _by_id(records: Sequence[Record]) -> dict[str, Record]:
    return {str(r["id"]): r for r in records}


def _mention_key(span: Record) -> tuple[str, int, int]:
    return (str(span.get("source")), int(span.get("start", 0)), int(span.get("end", 0)))


@dataclass(frozen=True)
class Change:
    """One record that differs, and how."""

    id: str
    """Id of the record."""
    before: Record | None
    """The record in the base (``None`` when added)."""
    after: Record | None
    """The record in the head (``None`` when removed)."""
    fields: tuple[str, ...] = ()
    """Fields that differ (for a changed record)."""
    into: str | None = None
    """For a merged entity: the id of the entity its mentions now belong to."""


@dataclass(frozen=True)
class CaseDiff:
    """Everything that differs between two case documents, by kind of record."""

    sources_added: tuple[Change, ...]
    """Sources only in the head."""
    sources_removed: tuple[Change, ...]
    """Sources only in the base."""
    sources_changed: tuple[Change, ...]
    """Sources in both whose text (``sha256``) or metadata differ."""
    entities_added: tuple[Change, ...]
    """Entities only in the head."""
    entities_removed: tuple[Change, ...]
    """Entities gone whose mentions belong to no other entity now."""
    entities_merged: tuple[Change, ...]
    """Entities gone whose mentions now (mostly) belong to another entity: ``into``."""
    entities_changed: tuple[Change, ...]
    """Entities in both with another name, type, aliases or set of mentions."""
    discrepancies_new: tuple[Change, ...]
    """Discrepancies only in the head."""
    discrepancies_resolved: tuple[Change, ...]
    """Discrepancies gone from the head, or whose status became ``resolved``."""
    discrepancies_changed: tuple[Change, ...]
    """Discrepancies in both that differ otherwise (status, explanation, claims …)."""
    figures_added: tuple[Change, ...]
    """Figures only in the head."""
    figures_removed: tuple[Change, ...]
    """Figures only in the base."""
    figures_changed: tuple[Change, ...]
    """Figures in both with another value, measure, subject …."""
    counts: tuple[tuple[str, int, int], ...]
    """(kind, base count, head count) for quotes and dates."""

    @property
    def empty(self) -> bool:
        """True when nothing in the case changed."""
        changes = [getattr(self, name) for name in self.__dataclass_fields__ if name != "counts"]
        return not any(changes) and all(a == b for _, a, b in self.counts)


def _fields(before: Record, after: Record, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for n in names if before.get(n) != after.get(n))


def diff_cases(base: Mapping[str, Any], head: Mapping[str, Any]) -> CaseDiff:
    """Compare two case documents record by record (records are matched by id)."""
    b_sources, h_sources = _by_id(base.get("sources", [])), _by_id(head.get("sources", []))
    sources_changed = []
    for sid in sorted(b_sources.keys() & h_sources.keys()):
        fields = _fields(b_sources[sid], h_sources[sid], SOURCE_FIELDS)
        if b_sources[sid].get("sha256") != h_sources[sid].get("sha256"):
            fields = ("text", *fields)
        if fields:
            sources_changed.append(Change(sid, b_sources[sid], h_sources[sid], fields))

    b_entities, h_entities = _by_id(base.get("entities", [])), _by_id(head.get("entities", []))
    owner = {_mention_key(m): eid for eid, e in h_entities.items() for m in e.get("mentions", [])}
    removed, merged = [], []
    for eid in sorted(b_entities.keys() - h_entities.keys()):
        owners = Counter(owner[k] for k in map(_mention_key, b_entities[eid].get("mentions", [])) if k in owner)
        if owners:
            into = sorted(owners.items(), key=lambda item: (-item[1], item[0]))[0][0]
            merged.append(Change(eid, b_entities[eid], h_entities[into], into=into))
        else:
            removed.append(Change(eid, b_entities[eid], None))
    entities_changed = []
    for eid in sorted(b_entities.keys() & h_entities.keys()):
        before, after = b_entities[eid], h_entities[eid]
        fields = _fields(before, after, ("name", "type"))
        if sorted(before.get("aliases", [])) != sorted(after.get("aliases", [])):
            fields += ("aliases",)
        mentions = [sorted(map(_mention_key, record.get("mentions", []))) for record in (before, after)]
        if mentions[0] != mentions[1]:
            fields += ("mentions",)
        if fields:
            entities_changed.append(Change(eid, before, after, fields))

    b_disc, h_disc = _by_id(base.get("discrepancies", [])), _by_id(head.get("discrepancies", []))
    resolved = [Change(did, b_disc[did], None) for did in sorted(b_disc.keys() - h_disc.keys())]
    disc_changed = []
    for did in sorted(b_disc.keys() & h_disc.keys()):
        before, after = b_disc[did], h_disc[did]
        fields = _fields(before, after, DISCREPANCY_FIELDS)
        claims = [sorted((*_mention_key(c), json.dumps(c.get("value"), sort_keys=True)) for c in d.get("claims", []))
                  for d in (before, after)]
        if claims[0] != claims[1]:
            fields += ("claims",)
        if not fields:
            continue
        change = Change(did, before, after, fields)
        if after.get("status") == "resolved" and before.get("status") != "resolved":
            resolved.append(change)
        else:
            disc_changed.append(change)

    b_fig, h_fig = _by_id(base.get("figures", [])), _by_id(head.get("figures", []))
    figures_changed = [Change(fid, b_fig[fid], h_fig[fid], _fields(b_fig[fid], h_fig[fid], FIGURE_FIELDS))
                       for fid in sorted(b_fig.keys() & h_fig.keys())
                       if _fields(b_fig[fid], h_fig[fid], FIGURE_FIELDS)]
    return CaseDiff(
        sources_added=tuple(Change(s, None, h_sources[s]) for s in sorted(h_sources.keys() - b_sources.keys())),
        sources_removed=tuple(Change(s, b_sources[s], None) for s in sorted(b_sources.keys() - h_sources.keys())),
        sources_changed=tuple(sources_changed),
        entities_added=tuple(Change(e, None, h_entities[e]) for e in sorted(h_entities.keys() - b_entities.keys())),
        entities_removed=tuple(removed),
        entities_merged=tuple(merged),
        entities_changed=tuple(entities_changed),
        discrepancies_new=tuple(Change(d, None, h_disc[d]) for d in sorted(h_disc.keys() - b_disc.keys())),
        discrepancies_resolved=tuple(sorted(resolved, key=lambda c: c.id)),
        discrepancies_changed=tuple(disc_changed),
        figures_added=tuple(Change(f, None, h_fig[f]) for f in sorted(h_fig.keys() - b_fig.keys())),
        figures_removed=tuple(Change(f, b_fig[f], None) for f in sorted(b_fig.keys() - h_fig.keys())),
        figures_changed=tuple(figures_changed),
        counts=tuple((kind, len(base.get(kind, [])), len(head.get(kind, []))) for kind in ("quotes", "dates")),
    )


# ---------------------------------------------------------------------------- Markdown


def _code(text: Any) -> str:
    return f"<code>{escape_html(str(text))}</code>"


def _text(value: Any) -> str:
    """A value from the case for inline Markdown: strings escaped, other JSON as JSON."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return escape_md(value)
    return escape_md(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _quoted(text: Any) -> str:
    return f"“{_text(text)}”"


def _names(names: Sequence[str]) -> str:
    return ", ".join(_quoted(n) for n in sorted(names)) or "none"


def _shown(value: Any) -> str:
    """A changed field's value: text in quotes, numbers and other JSON as they are."""
    return _quoted(value) if isinstance(value, str) else _text(value)


def _source_label(record: Record) -> str:
    return f"{_quoted(record.get('title'))} ({_code(record['id'])})"


def _entity_label(record: Record) -> str:
    return f"**{_text(record.get('name'))}** ({_text(record.get('type'))}, {_code(record['id'])})"


def _claims(record: Record) -> str:
    return "; ".join(f"{_code(c.get('source'))} §{_text(str(c.get('anchor', '')).removeprefix('p'))} "
                     f"{_quoted(c.get('text'))}" + (f" = {_text(c.get('value'))}" if c.get("value") is not None else "")
                     for c in record.get("claims", []))


def _discrepancy_label(record: Record) -> str:
    return (f"**{_text(record.get('summary'))}** ({_text(record.get('kind'))}, {_text(record.get('status'))}, "
            f"{_code(record['id'])})")


def _field_changes(change: Change, names: Sequence[str]) -> str:
    parts = []
    assert change.before is not None and change.after is not None
    for name in change.fields:
        if name in names:
            parts.append(f"{name} {_shown(change.before.get(name))} → {_shown(change.after.get(name))}")
        else:
            parts.append(name)
    return "; ".join(parts)


def _mentions_in(record: Record) -> list[str]:
    return sorted({str(m.get("source")) for m in record.get("mentions", [])})


def _counts_table(diff: CaseDiff) -> list[str]:
    counts = [
        ("Sources", f"{len(diff.sources_added)} added, {len(diff.sources_removed)} removed, "
                    f"{len(diff.sources_changed)} changed"),
        ("Entities", f"{len(diff.entities_added)} added, {len(diff.entities_removed)} removed, "
                     f"{len(diff.entities_merged)} merged, {len(diff.entities_changed)} changed"),
        ("Discrepancies", f"{len(diff.discrepancies_new)} new, {len(diff.discrepancies_resolved)} resolved, "
                          f"{len(diff.discrepancies_changed)} changed"),
        ("Figures", f"{len(diff.figures_added)} added, {len(diff.figures_removed)} removed, "
                    f"{len(diff.figures_changed)} changed"),
    ]
    counts += [(kind.capitalize(), f"{a} → {b}") for kind, a, b in diff.counts if a != b]
    return ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in counts), ""]


def _sources_section(diff: CaseDiff) -> list[str]:
    section: list[str] = []
    for change in diff.sources_added:
        record = change.after or {}
        extra = []
        new_entities = [e.after for e in diff.entities_added if e.after and change.id in _mentions_in(e.after)]
        if new_entities:
            extra.append("new entities: " + ", ".join(_text(e.get("name")) for e in new_entities))
        new_disc = [d.after for d in diff.discrepancies_new
                    if d.after and change.id in {str(c.get("source")) for c in d.after.get("claims", [])}]
        if new_disc:
            extra.append("new discrepancies: " + ", ".join(_text(d.get("summary")) for d in new_disc))
        facts = ", ".join(_text(v) for v in (record.get("outlet"), record.get("language")) if v)
        section.append(f"- **Added** {_source_label(record)}{', ' + facts if facts else ''}, "
                       f"{_text(record.get('words', 0))} words" + (" — " + "; ".join(extra) if extra else ""))
    section += [f"- **Removed** {_source_label(c.before or {})}" for c in diff.sources_removed]
    section += [f"- **Changed** {_source_label(c.after or {})}: {_field_changes(c, SOURCE_FIELDS)}"
                for c in diff.sources_changed]
    return ["### Sources", "", *section, ""] if section else []


def _entities_section(diff: CaseDiff) -> list[str]:
    section: list[str] = []
    for change in diff.entities_added:
        record = change.after or {}
        section.append(f"- **Added** {_entity_label(record)} in " + ", ".join(map(_code, _mentions_in(record))))
    section += [f"- **Merged** {_entity_label(c.before or {})} into {_entity_label(c.after or {})}"
                for c in diff.entities_merged]
    section += [f"- **Removed** {_entity_label(c.before or {})}" for c in diff.entities_removed]
    for change in diff.entities_changed:
        before, after = change.before or {}, change.after or {}
        parts = [f"{name} {_shown(before.get(name))} → {_shown(after.get(name))}"
                 for name in change.fields if name in ("name", "type")]
        if "aliases" in change.fields:
            parts.append(f"aliases {_names(before.get('aliases', []))} → {_names(after.get('aliases', []))}")
        if "mentions" in change.fields:
            parts.append(f"mentions {len(before.get('mentions', []))} → {len(after.get('mentions', []))}")
        section.append(f"- **Changed** {_entity_label(after)}: " + "; ".join(parts))
    return ["### Entities", "", *section, ""] if section else []


def _discrepancies_section(diff: CaseDiff) -> list[str]:
    section = [f"- **New** {_discrepancy_label(c.after or {})}: {_claims(c.after or {})}"
               for c in diff.discrepancies_new]
    for change in diff.discrepancies_resolved:
        if change.after is None:
            section.append(f"- **Resolved** {_discrepancy_label(change.before or {})}: no longer found")
        else:
            section.append(f"- **Resolved** {_discrepancy_label(change.after)}: "
                           f"{_field_changes(change, DISCREPANCY_FIELDS)}")
    section += [f"- **Changed** {_discrepancy_label(c.after or {})}: {_field_changes(c, DISCREPANCY_FIELDS)}"
                for c in diff.discrepancies_changed]
    return ["### Discrepancies", "", *section, ""] if section else []


def _figure(record: Record) -> str:
    value = f" = {_text(record.get('value'))}" if record.get("value") is not None else ""
    measure = f" {_text(record.get('measure'))}" if record.get("measure") else ""
    return (f"{_quoted(record.get('text'))}{value}{measure} ({_code(record.get('source'))} "
            f"§{_text(str(record.get('anchor', '')).removeprefix('p'))}, {_code(record['id'])})")


def _figures_section(diff: CaseDiff) -> list[str]:
    section = [f"- **Added** {_figure(c.after or {})}" for c in diff.figures_added]
    section += [f"- **Removed** {_figure(c.before or {})}" for c in diff.figures_removed]
    section += [f"- **Changed** {_figure(c.after or {})}: {_field_changes(c, FIGURE_FIELDS)}"
                for c in diff.figures_changed]
    return ["### Figures", "", *section, ""] if section else []


def render_diff(diff: CaseDiff, base: Loaded, head: Loaded) -> str:
    """The Markdown summary of ``diff`` ("What changed in the case file"): the counts, then a
    section for each kind of record that changed."""
    lines = ["## What changed in the case file", "",
             f"Comparing {_code(base.label)} with {_code(head.label)}.", ""]
    for note in (base.note, head.note):
        if note:
            lines += [f"*{escape_md(note)}*", ""]
    if diff.empty:
        return "\n".join([*lines, "No change to the case file.", ""])
    lines += _counts_table(diff)
    for section in (_sources_section, _entities_section, _discrepancies_section, _figures_section):
        lines += section(diff)
    return "\n".join(lines) + "\n"


def diff_markdown(base: str, head: str | None = None, repo: Path = Path("."), case_path: str = CASE_PATH) -> str:
    """``casefile diff BASE [HEAD]``: the Markdown summary between two revisions or files."""
    loaded_base = load_case(base, repo, case_path)
    loaded_head = load_case(head, repo, case_path)
    return render_diff(diff_cases(loaded_base.document, loaded_head.document), loaded_base, loaded_head)

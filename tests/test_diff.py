"""``casefile diff``: record-level comparison, its Markdown, and real git history."""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path

from casedocs import base_document, head_document
from conftest import copy_docs_skeleton, run_casefile
from generator.diff import Loaded, diff_cases, render_diff

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def test_diff_of_a_seed_added_and_a_merge():
    diff = diff_cases(base_document(), head_document())
    assert [c.id for c in diff.sources_added] == ["story-nb"]
    assert [(c.id, c.fields) for c in diff.sources_changed] == [("story-en", ("title",))]
    assert [c.id for c in diff.entities_added] == ["videoen"]
    assert [(c.id, c.into) for c in diff.entities_merged] == [("kimberly", "kimberly-jones")]
    assert diff.entities_removed == ()
    assert [c.id for c in diff.discrepancies_new] == ["views-video"]
    assert [(c.id, c.after) for c in diff.discrepancies_resolved] == [("age-keaton", None)]
    assert [c.id for c in diff.figures_added] == ["f2"]
    assert [(c.id, c.fields) for c in diff.figures_changed] == [("f1", ("value",))]
    assert not diff.empty and diff_cases(head_document(), head_document()).empty


def test_status_change_to_resolved_removal_and_changes():
    base, head = base_document(), copy.deepcopy(base_document())
    head["discrepancies"][0]["status"] = "resolved"
    head["entities"] = [e for e in head["entities"] if e["id"] != "knoxville"]
    head["sources"][0]["sha256"] = "0" * 64
    diff = diff_cases(base, head)
    assert [(c.id, c.fields) for c in diff.discrepancies_resolved] == [("age-keaton", ("status",))]
    assert [c.id for c in diff.entities_removed] == ["knoxville"]
    assert diff.sources_changed[0].fields == ("text",)
    head["discrepancies"][0]["status"] = "explained"
    head["discrepancies"][0]["claims"][0]["value"] = 12
    changed = diff_cases(base, head).discrepancies_changed
    assert [(c.id, c.fields) for c in changed] == [("age-keaton", ("status", "claims"))]
    text = render_diff(diff_cases(base, head), Loaded(base, "a"), Loaded(head, "b"))
    assert "- **Changed** **Age of Keaton Jones** (attribute, explained, <code>age-keaton</code>): " \
           "status “open” → “explained”; claims" in text
    assert "- **Removed** **Knoxville** (place, <code>knoxville</code>)" in text


def test_markdown_names_everything_and_escapes_case_text():
    base, head = base_document(), head_document()
    head["entities"][-1]["name"] = "<img src=x onerror=alert(1)> [link](javascript:x)"
    text = render_diff(diff_cases(base, head), Loaded(base, "main"), Loaded(head, "HEAD"))
    assert text.startswith("## What changed in the case file\n\nComparing <code>main</code> with <code>HEAD</code>.")
    assert "| Sources | 1 added, 0 removed, 1 changed |" in text
    assert "| Entities | 1 added, 0 removed, 1 merged, 3 changed |" in text
    assert ("- **Added** “Mobbet gutt” (<code>story-nb</code>), Dagbladet, nb, 13 words — new entities: "
            "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62; &#91;link&#93;&#40;javascript&#58;x&#41;; "
            "new discrepancies: Views of the video on Facebook") in text
    assert "<img" not in text and "](javascript" not in text
    assert "- **Merged** **Kimberly** (person, <code>kimberly</code>) into **Kimberly Jones**" in text
    assert "- **Resolved** **Age of Keaton Jones** (attribute, open, <code>age-keaton</code>): no longer found" in text
    assert "value 20000000 → 20000001" in text


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV}, check=True)
    return result.stdout


def test_diff_between_two_revisions_where_a_seed_was_added(tmp_path):
    """A temporary repository: one source; then a seed added, built, and the later stages'
    records (entities, discrepancies) added to its case.json as those stages will write them."""
    repo = tmp_path / "repo"
    (repo / "seeds").mkdir(parents=True)
    copy_docs_skeleton(repo / "docs_src")
    (repo / "seeds" / "case.yml").write_text("title: Harbour fire\n", encoding="utf-8")
    (repo / "seeds" / "a.txt").write_text("Fire in the harbour on Tuesday. Mayor Jean Roux spoke.\n",
                                          encoding="utf-8")
    assert run_casefile("build", "--no-cache", cwd=repo).returncode == 0
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "one source")

    (repo / "seeds" / "b.txt").write_text("Un incendie au port mardi. Le maire Jean Roux a parlé.\n"
                                          "Plus de 150 personnes évacuées.\n", encoding="utf-8")
    (repo / "seeds" / "b.yml").write_text("title: Incendie au port\noutlet: Le Journal\n", encoding="utf-8")
    assert run_casefile("build", "--no-cache", cwd=repo).returncode == 0
    case_json = repo / "docs_src" / "data" / "case.json"
    document = json.loads(case_json.read_text(encoding="utf-8"))
    texts = {s["id"]: s["text"] for s in document["sources"]}

    def span(source: str, part: str) -> dict:
        start = texts[source].index(part)
        return {"source": source, "anchor": "p1", "start": start, "end": start + len(part), "text": part}

    document["entities"] = [
        {"id": "jean-roux", "name": "Jean Roux", "type": "person", "aliases": [],
         "mentions": [span("a", "Jean Roux"), span("b", "Jean Roux")]},
        {"id": "le-port", "name": "Le port", "type": "place", "aliases": [], "mentions": [span("b", "port")]},
    ]
    document["discrepancies"] = [
        {"id": "evacuated", "kind": "coverage", "summary": "Only one source counts the evacuated",
         "explanation": None, "status": "open", "claims": [{**span("b", "150 personnes"), "value": 150}]}]
    case_json.write_text(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "second source")

    result = run_casefile("diff", "HEAD~1", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    commit = git(repo, "rev-parse", "--short=7", "HEAD~1").strip()
    assert f"Comparing <code>HEAD~1 ({commit})</code> with <code>HEAD (" in text
    assert ("- **Added** “Incendie au port” (<code>b</code>), Le Journal, fr, 16 words — new entities: "
            "Jean Roux, Le port; new discrepancies: Only one source counts the evacuated") in text
    assert "- **Added** **Jean Roux** (person, <code>jean-roux</code>) in <code>a</code>, <code>b</code>" in text
    assert "- **New** **Only one source counts the evacuated** (coverage, open, <code>evacuated</code>): " \
           "<code>b</code> §1 “150 personnes” = 150" in text
    # HEAD defaults to the working tree; --repo reads another folder's history
    assert run_casefile("diff", "HEAD", cwd=repo).stdout.endswith("No change to the case file.\n")
    other = run_casefile("diff", "main~1", "main", "--repo", str(repo), cwd=tmp_path)
    assert other.returncode == 0 and "Incendie au port" in other.stdout


def test_diff_errors_say_how_to_fix(tmp_path):
    result = run_casefile("diff", "no-such-rev", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"casefile diff: 'no-such-rev' is neither a case.json file nor a git revision in . — give a "
        "revision (main, HEAD~1, a commit id) or the path of a case.json")
    bad = tmp_path / "bad.json"
    bad.write_text("[1]")
    result = run_casefile("diff", str(bad), str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "not a case.json (no list of sources)" in result.stderr

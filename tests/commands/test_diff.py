"""``casefile diff``: record-level comparison, its Markdown, and real git history."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
from pathlib import Path

from casedocs import base_document, head_document
from conftest import copy_docs_skeleton, run_casefile

from generator.commands.diff import Loaded, diff_cases, render_diff

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
            "&#60;img src=x onerror=alert(1)&#62; &#91;link&#93;(javascript:x); "
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
    """A temporary repository with real history: one source built and committed, then a second
    seed added, built and committed. The diff names the new source, its new entity and the
    discrepancies it brings (the pipeline's own output, nothing injected)."""
    repo = tmp_path / "repo"
    (repo / "seeds").mkdir(parents=True)
    copy_docs_skeleton(repo / "docs_src")
    (repo / "seeds" / "case.yml").write_text("title: Harbour fire\n", encoding="utf-8")
    (repo / "seeds" / "a.txt").write_text(
        "Fire crews worked through the night after a warehouse caught fire in the old harbour of "
        "Marseille on Tuesday.\n\nFirefighters said about 120 people were evacuated from nearby flats. "
        "Mayor Jean Roux promised an inquiry.\n", encoding="utf-8")
    assert run_casefile("build", "--no-cache", cwd=repo).returncode == 0
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "one source")

    (repo / "seeds" / "b.txt").write_text(
        "A warehouse burned in the old harbour of Marseille on Tuesday night.\n\n\"We saw the smoke from "
        "the bridge,\" said Amina Haddad, who runs a cafe on the quay. More than 150 people were evacuated, "
        "according to firefighters. Mayor Jean Roux promised an inquiry.\n", encoding="utf-8")
    (repo / "seeds" / "b.yml").write_text("title: Warehouse blaze\noutlet: Coastal Times\n", encoding="utf-8")
    assert run_casefile("build", "--no-cache", cwd=repo).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "second source")
    head = json.loads((repo / "docs_src" / "data" / "case.json").read_text(encoding="utf-8"))
    new_discrepancies = sorted((d["id"], d["kind"]) for d in head["discrepancies"])
    assert {kind for _, kind in new_discrepancies} >= {"figure"}

    result = run_casefile("diff", "HEAD~1", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    commit = git(repo, "rev-parse", "--short=7", "HEAD~1").strip()
    assert f"Comparing <code>HEAD~1 ({commit})</code> with <code>HEAD (" in text
    added = [line for line in text.splitlines() if line.startswith("- **Added** “Warehouse blaze”")]
    assert len(added) == 1, text
    assert added[0].startswith("- **Added** “Warehouse blaze” (<code>b</code>), Coastal Times, en, ")
    assert "new entities: Amina Haddad; new discrepancies: " in added[0]
    assert "- **Added** **Amina Haddad** (person, <code>amina-haddad</code>) in <code>b</code>" in text
    for discrepancy_id, kind in new_discrepancies:
        assert re.search(rf"- \*\*New\*\* \*\*.+\*\* \({kind}, open, <code>{discrepancy_id}</code>\): ", text), text
    assert f"| Discrepancies | {len(new_discrepancies)} new, 0 resolved, 0 changed |" in text
    # HEAD defaults to the working tree; --repo reads another folder's history
    assert run_casefile("diff", "HEAD", cwd=repo).stdout.endswith("No change to the case file.\n")
    other = run_casefile("diff", "main~1", "main", "--repo", str(repo), cwd=tmp_path)
    assert other.returncode == 0 and "Warehouse blaze" in other.stdout


def test_diff_errors_say_how_to_fix(tmp_path):
    result = run_casefile("diff", "no-such-rev", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "casefile diff: 'no-such-rev' is neither a case.json file nor a git revision in . — give a "
        "revision (main, HEAD~1, a commit id) or the path of a case.json")
    bad = tmp_path / "bad.json"
    bad.write_text("[1]")
    result = run_casefile("diff", str(bad), str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "not a case.json (no list of sources)" in result.stderr

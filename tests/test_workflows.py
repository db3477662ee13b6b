"""GitHub workflows: valid against the workflow schema (offline), and running only commands
that exist: Make targets of the Makefile, programs installed here, casefile subcommands."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_casefile

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
# Steps allowed to install what the machine lacks; everything else must be a developer's command.
SETUP_PROGRAMS = {"sudo", "apt-get"}


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w-]*):(?!=)", text, re.MULTILINE)}


def make_recipes() -> list[str]:
    return [line.strip().lstrip("@") for line in (ROOT / "Makefile").read_text().splitlines()
            if line.startswith("\t")]


def simple_commands(script: str) -> list[list[str]]:
    """Each simple command of a shell script, as words (redirections dropped)."""
    commands = []
    for line in script.splitlines():
        line = line.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        for part in re.split(r"&&|\|\||;|\|", line):
            raw, words = shlex.split(part), []
            for i, word in enumerate(raw):
                if word.startswith((">", "<")) or (i and raw[i - 1] in (">", ">>", "<")):
                    continue
                words.append(word)
            while words and re.match(r"^[A-Z_]+=", words[0]):
                words = words[1:]
            if words:
                commands.append(words)
    return commands


def test_there_are_the_three_workflows():
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["ci.yml", "pages.yml", "pr.yml"]


def test_workflows_are_valid_against_the_github_workflow_schema():
    checker = BIN / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows",
                             *map(str, sorted(WORKFLOWS.glob("*.yml")))], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_fails_the_schema_check(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - rum: make test\n")
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml", "pr.yml"])
def test_every_command_run_exists(name):
    targets = make_targets()
    for step in steps(load(name)):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
            continue
        for words in simple_commands(step["run"]):
            program = words[0]
            if program == "make":
                wanted = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
                assert wanted and set(wanted) <= targets, (name, words)
            elif program in SETUP_PROGRAMS:
                assert shutil.which(program) or program == "sudo", program
            else:
                pytest.fail(f"{name}: '{' '.join(words)}' is not a command a developer runs (use make)")


def test_every_make_recipe_runs_an_existing_program():
    subcommands = set()
    for recipe in make_recipes():
        for words in simple_commands(recipe.replace("$(BIN)/", "BIN/").replace("$(PYTHON)", "python3")):
            program = words[0]
            if program.startswith("BIN/"):
                tool = program.removeprefix("BIN/")
                assert tool in ("python", "casefile", "mkdocs") or (BIN / tool).exists(), tool
                if tool == "casefile":
                    subcommands.add(words[1])
            else:
                assert shutil.which(program), program
    assert subcommands == {"build", "check", "serve", "diff"}
    for command in subcommands:
        assert run_casefile(command, "--help").returncode == 0, command


def test_developer_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text()
    for name in ("ci.yml", "pages.yml", "pr.yml"):
        for step in steps(load(name)):
            for words in simple_commands(step.get("run", "")):
                if words[0] == "make":
                    target = next(w for w in words[1:] if not w.startswith("-") and "=" not in w)
                    assert f"make {target}" in readme, target
    assert (ROOT / ".ci" / "run").read_text().rstrip().endswith("make test")
    runs = [s["run"] for s in steps(load("ci.yml")) if "run" in s]
    assert {"make test", "make check", "make site"} <= set(runs)


def test_pages_workflow_deploys_with_the_pages_actions():
    workflow = load("pages.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert {"make site"} <= {s.get("run") for s in build["steps"]}
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"


def test_pull_request_workflow_uploads_the_site_and_summarises_the_change():
    workflow = load("pr.yml")
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}
    all_steps = steps(workflow)
    assert all_steps[0]["with"]["fetch-depth"] == 0
    upload = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    summary = next(s for s in all_steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary["run"].startswith("make --silent diff ")
    # the base revision reaches the shell through the environment, never pasted into the script
    assert "${{" not in summary["run"] and "BASE_SHA" in summary["env"]


def test_ci_workflow_tests_then_builds():
    workflow = load("ci.yml")
    assert set(triggers(workflow)) == {"push", "pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["test"]["timeout-minutes"] <= 60

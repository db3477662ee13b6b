"""The packages of the generator are layers, and imports only go down them.

A newcomer reads the pipeline from the bottom up: what a word is (``text``) before what a
source is (``read``), the records (``model``) before the stages that make them, the stages
before the pages. A module may import from its own layer and the layers below, never above:
this test reads every import of every module (those inside functions too) and says which goes
up.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

LAYERS = ("errors", "util", "lang", "text", "model", "read", "ingest", "extract", "tagger", "resolve", "compare",
          "output", "render", "pipeline", "commands", "cli", "__main__")
"""From the bottom up; a module's layer is its top-level package (or module) under generator/."""


def _layer(module: str) -> int:
    parts = module.split(".")
    assert parts[0] == "generator", module
    return LAYERS.index(parts[1]) if len(parts) > 1 else len(LAYERS)


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            names = [node.module] if node.module != "generator" else [f"generator.{a.name}" for a in node.names]
            found.extend((node.lineno, name) for name in names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("generator"))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "relative"))
    return found


def test_every_module_has_a_layer() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    assert tops - {"__init__"} <= set(LAYERS), sorted(tops - set(LAYERS) - {"__init__"})


def test_imports_only_go_down_the_layers() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("generator", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        if module == "generator":
            continue
        own = _layer(module)
        for line, imported in _imports(path):
            assert imported != "relative", f"{path}:{line}: a relative import — write it as from generator.…"
            if _layer(imported) > own:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module} imports {imported}")
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)

"""Safe YAML loading that remembers where each key is, for ``path:line`` errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generator.errors import Problem


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed YAML document and the line of every mapping key in it."""

    data: Any
    """The document as plain Python values (dicts, lists, strings, numbers, dates)."""
    key_lines: dict[tuple[Any, ...], int]
    """1-based line of each key, by its path from the root (``("aliases", 0, "name")``)."""

    def line(self, *path: Any) -> int:
        """Line of the key at ``path``; the nearest known parent's line when unknown."""
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            path = path[:-1]
        return 1


class _AliasRefused(yaml.MarkedYAMLError):
    """An alias (``*name``) was met: refused, since nested aliases grow exponentially."""


class _Loader(yaml.SafeLoader):
    """The safe loader, but dates stay text (they are checked, with a line, by the caller)
    and aliases are refused: a few lines of ``&a``/``*a`` can stand for billions of values."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(None, None, f"alias *{event.anchor}", event.start_mark)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int],
          duplicates: list[tuple[str, int]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                duplicates.append((".".join(str(p) for p in (*path, key)), line))
            seen.add(key)
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _walk(item, (*path, index), lines, duplicates)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    line = text.count("\n", 0, max(exc.position, 0)) + 1
    character = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return Problem(path, line, f"malformed YAML: control character U+{character:04X} is not allowed",
                   f"remove it, or write it as \"\\u{character:04x}\" inside double quotes if it is meant")


def load_yaml(text: str, path: str) -> tuple[LoadedYaml | None, list[Problem]]:
    """Parse ``text`` with PyYAML's safe loader; tags that build objects are refused.

    Returns the document (``None`` when it cannot be read) and the problems found:
    syntax errors, unsafe tags and duplicate keys, each with its line.
    """
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return None, [_reader_problem(exc, text, path)]
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or exc.context or "cannot be parsed").strip()
        if isinstance(exc, _AliasRefused):
            fix = "write the value out instead of referring to an anchor (&name / *name)"
            what = f"YAML alias not allowed ({what})"
        elif isinstance(exc, yaml.constructor.ConstructorError) and "tag" in what:
            fix = "remove the tag; only plain YAML values (text, numbers, dates, lists, maps) are read"
            what = f"YAML tag not allowed ({what})"
        else:
            fix = "fix the YAML syntax (check indentation, colons and quotes)"
            what = f"malformed YAML: {what}"
        return None, [Problem(path, line, what, fix)]
    except yaml.reader.ReaderError as exc:  # a control character, met while reading on
        return None, [_reader_problem(exc, text, path)]
    except yaml.YAMLError as exc:  # anything else without a mark
        what = " ".join(str(exc).split())
        return None, [Problem(path, 1, f"malformed YAML: {what}", "fix the YAML syntax")]
    finally:
        loader.dispose()
    lines: dict[tuple[Any, ...], int] = {}
    duplicates: list[tuple[str, int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates)
    problems = [
        Problem(path, line, f"duplicate key '{key}'", "keep one of the entries")
        for key, line in duplicates
    ]
    return LoadedYaml(data, lines), problems

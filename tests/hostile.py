"""The hostile-input classes: seeds as the web delivers them, at their worst.

Each :class:`Hostile` writes its files into a seeds folder and says what must happen: a
build that succeeds (``errors`` empty) and shows the text safely, or exactly the listed
errors, one line each, and nothing written. ``tests/test_hostile.py`` runs every class
against a docs folder that already holds a build and hand-written pages; the classes that
build are also merged into one seeds folder (:func:`write_hostile_seeds`) that MkDocs and
Chromium read (``tests/test_site_build.py``, ``tests/test_browser.py``).

In ``errors`` and ``warnings``, ``{d}`` stands for the seeds folder as the CLI shows it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

Files = dict[str, str | bytes]


@dataclass(frozen=True)
class Hostile:
    """One class of hostile input."""

    id: str
    """Short name, used as the test id and as the file prefix in the merged folder."""
    files: Files = field(default_factory=dict)
    """File name in the seeds folder → content (``str`` is written as UTF-8)."""
    setup: Callable[[Path, str], None] | None = None
    """Extra set-up (symbolic links, pipes): ``setup(folder, prefix)``."""
    errors: tuple[str, ...] = ()
    """The exact error lines; empty when the build must succeed."""
    warnings: tuple[str, ...] = ()
    """Warning lines that must be printed (exactly)."""
    shows: tuple[str, ...] = ()
    """Texts the built source pages must show (as text, after HTML parsing)."""
    in_site: bool = True
    """Whether the class joins the merged folder that MkDocs and Chromium read."""

    def write(self, folder: Path, prefix: str = "") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in self.files.items():
            path = folder / (prefix + name)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        if self.setup is not None:
            self.setup(folder, prefix)


def _sidecar(**fields: object) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=True)


def _symlink_outside(folder: Path, prefix: str) -> None:
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("The secret text that must not be published.\n", encoding="utf-8")
    (folder / f"{prefix}leak.txt").symlink_to(outside)


def _symlink_inside(folder: Path, prefix: str) -> None:
    (folder / f"{prefix}alias.txt").symlink_to(f"{prefix}target.txt")


def _fifo(folder: Path, prefix: str) -> None:
    os.mkfifo(folder / f"{prefix}pipe.txt")


def _directory(folder: Path, prefix: str) -> None:
    (folder / f"{prefix}folder.txt").mkdir()
    (folder / f"{prefix}folder.txt" / "inside.txt").write_text("Text.", encoding="utf-8")


def _sparse_huge(folder: Path, prefix: str) -> None:
    with open(folder / f"{prefix}huge.txt", "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used, but larger than the limit


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "title: bomb\n" + "\n".join(lines) + "\n"


LONG_PARAGRAPH = " ".join(
    f"Sentence number {i} of a very long paragraph says that Keaton went to school." for i in range(1300)
)[:100_000]
NO_PUNCTUATION = " ".join(["keaton went to school and nobody knew what would happen next"] * 1700)[:100_000]

MARKDOWN_SYNTAX = """# A heading in the text
## Another one
Setext heading
==============

| a | b |
|---|---|
| 1 | 2 |

Footnote[^1] and [^note].

[^1]: The footnote text.

:smile: :fontawesome-brands-twitter: :material-alert: *emphasis* __strong__ `code` ~~struck~~ ==marked== ^^ins^^

> a quote block

- a list item
1. a numbered item

    indented code

```python
import os
```

!!! warning "Admonition"
    content

<!-- an HTML comment -->
<?php echo 1; ?> <![CDATA[ x ]]> </div></p></body>
***
Term
:   Definition
"""

CASES: list[Hostile] = [
    # --- encodings and bytes ---------------------------------------------------------------
    Hostile("invalid-utf8", {"bad.txt": b"Good line\nbad \xc3\x28 here\n"},
            errors=("{d}/bad.txt:2: invalid UTF-8 at byte offset 14 — save the file as UTF-8 text",)),
    Hostile("latin1", {"blabaer.txt": "Første linje.\nBlåbærsyltetøy.\n".encode("latin-1")},
            errors=("{d}/blabaer.txt:1: invalid UTF-8 at byte offset 1 — save the file as UTF-8 text",)),
    Hostile("surrogate-bytes", {"cesu.txt": b"Text \xed\xa0\x80 here."},
            errors=("{d}/cesu.txt:1: invalid UTF-8 at byte offset 5 — save the file as UTF-8 text",)),
    Hostile("utf8-bom", {"bom.txt": "\ufeffKeaton Jones went to school. The end.\n"},
            shows=("Keaton Jones went to school.",)),
    Hostile("utf16-bom", {"u16.txt": "Keaton Jones went to school.".encode("utf-16")},
            errors=("{d}/u16.txt:1: the seed is UTF-16 text, not UTF-8 — save the file as UTF-8 text",)),
    Hostile("utf16-no-bom", {"le.txt": "Keaton Jones went to school.".encode("utf-16-le"),
                             "be.txt": "Keaton Jones went to school.".encode("utf-16-be")},
            errors=("{d}/be.txt:1: the seed is UTF-16 text, not UTF-8 — save the file as UTF-8 text",
                    "{d}/le.txt:1: the seed is UTF-16 text, not UTF-8 — save the file as UTF-8 text")),
    Hostile("crlf", {"crlf.txt": "First paragraph here.\r\n\r\nSecond paragraph here.\r\n"},
            shows=("First paragraph here.", "Second paragraph here.")),
    Hostile("lone-cr", {"cr.txt": "Old Mac line one.\r\rOld Mac line two.\r"},
            shows=("Old Mac line one.", "Old Mac line two.")),
    Hostile("unicode-line-breaks", {"seps.txt": "One\u2028two\u0085three\x0cfour\x0bfive.\u2029Next paragraph."},
            shows=("Next paragraph.",)),
    Hostile("control-characters", {"ctl.txt": "Bell\x07 and escape\x1b[31m red and backspace\x08 here.\n"},
            warnings=("{d}/ctl.txt:1: warning: 3 control character(s) shown as U+FFFD — "
                      "remove them from the text (they are not visible text)",),
            shows=("Bell\ufffd and escape\ufffd[31m red",)),
    Hostile("nul-byte", {"nul.txt": b"Text before\nthe NUL\x00 byte."},
            errors=("{d}/nul.txt:2: binary content (NUL byte at byte offset 19) — "
                    "seeds must be plain text; convert the file or remove it",)),
    Hostile("binary-file", {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
            errors=("{d}/image.txt:3: binary content (NUL byte at byte offset 8) — "
                    "seeds must be plain text; convert the file or remove it",)),
    Hostile("empty", {"empty.txt": b""},
            errors=("{d}/empty.txt:1: the seed is empty — add the article's text or remove the file",)),
    Hostile("whitespace-only", {"blank.txt": b" \r\n\t\n  ", "nbsp.txt": "\u00a0\u2003\n\u3000\n"},
            errors=("{d}/blank.txt:1: the seed is empty — add the article's text or remove the file",
                    "{d}/nbsp.txt:1: the seed holds only whitespace — add the article's text or remove the file")),
    Hostile("too-large", setup=_sparse_huge,
            errors=("{d}/huge.txt:1: the seed is 68157440 bytes, more than 67108864 — split it into several seeds",),
            in_site=False),
    # --- size and shape ------------------------------------------------------------------------
    Hostile("long-paragraph", {"long.txt": LONG_PARAGRAPH}, shows=(LONG_PARAGRAPH[:200],)),
    Hostile("no-punctuation", {"nopunct.txt": NO_PUNCTUATION}, shows=(NO_PUNCTUATION[:200],)),
    Hostile("many-paragraphs", {"many.txt": "".join(f"Paragraph {i}.\n\n" for i in range(20_000))},
            shows=("Paragraph 19999.",), in_site=False),
    Hostile("unbalanced-quotes", {"quotes.txt": 'He said "never. She said “always and ‘maybe. « Jamais. '
                                                "„Nie. '' Odd ''quote. — Dash line.\n\n\"\"\"\n"},
            shows=('He said "never.', "« Jamais.")),
    Hostile("whitespace-lines", {"ws.txt": "First line\n\u2003\n\u00a0\t\nsecond line after odd blank lines.\n"
                                           "#    not a heading\n    not code\n"},
            shows=("second line after odd blank lines.",)),
    # --- markup in the text ----------------------------------------------------------------------
    Hostile("script", {"script.txt": "Before <script>alert('cf-script')</script> after.\n\n"
                                     "<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\n<scr<script>ipt>alert(1)</script>"},
            shows=("<script>alert('cf-script')</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>")),
    Hostile("iframe", {"iframe.txt": '<iframe src="https://evil.example/" onload="alert(2)"></iframe> '
                                     "<object data=x></object><embed src=x>"},
            shows=('<iframe src="https://evil.example/"',)),
    Hostile("svg", {"svg.txt": '<svg onload="alert(3)"><script>alert(4)</script><circle r="9"/></svg>\n\n'
                               '<math><mtext><img src=x onerror=alert(5)></mtext></math>'},
            shows=('<svg onload="alert(3)">',)),
    Hostile("event-handlers", {"handlers.txt": '<img src=x onerror="alert(6)"> <b onmouseover=alert(7)>hover</b> '
                                               '<body onload=alert(8)> <a href="#" onclick="alert(9)">x</a>'},
            shows=('<img src=x onerror="alert(6)">',)),
    Hostile("javascript-link", {"jslink.txt": "[click me](javascript:alert(10)) <javascript:alert(11)> "
                                              "[ref][1]\n\n[1]: javascript:alert(12)\n\n[x]( JaVaScRiPt:alert(13) )"},
            shows=("[click me](javascript:alert(10))",)),
    Hostile("data-link", {"datalink.txt": "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=) "
                                          "<data:text/html,<script>alert(15)</script>>"},
            shows=("[d](data:text/html;base64,",)),
    Hostile("images", {"images.txt": "![tracker](https://evil.example/pixel.png) "
                                     "![x](data:image/svg+xml,<svg onload=alert(16)>) "
                                     '<img src="https://evil.example/p.gif">'},
            shows=("![tracker](https://evil.example/pixel.png)",)),
    Hostile("raw-html-block", {"block.txt": "Intro.\n\n<div markdown=\"1\">\n<script>alert(17)</script>\n"
                                            "**bold**\n</div>\n\n<style>body{display:none}</style>"},
            shows=("<style>body{display:none}</style>",)),
    Hostile("attribute-list", {"attrs.txt": 'Text {: onclick="alert(18)" } more.\n\n'
                                            "{: #p1 .cf-p onclick=alert(19) }\n\n"
                                            "Para\n{: style=\"display:none\" }"},
            shows=('{: onclick="alert(18)" }',)),
    Hostile("front-matter-fences", {"fm.txt": "---\ntitle: Injected\ntemplate: evil.html\n---\n\nBody text.\n\n---\n"},
            shows=("title: Injected",)),
    Hostile("template-syntax", {"jinja.txt": "{{ config.site_name }} {% include 'x.html' %} {# c #} "
                                             "{{ ''.__class__.__mro__ }} ${7*7} <%= 7*7 %>"},
            shows=("{{ config.site_name }}", "{% include 'x.html' %}")),
    Hostile("snippets", {"snip.txt": '--8<-- "/etc/passwd"\n\n;--8<-- "../mkdocs.yml"\n\n--8<--\n/etc/hosts\n--8<--'},
            shows=('--8<-- "/etc/passwd"',)),
    Hostile("markdown-syntax", {"md.txt": MARKDOWN_SYNTAX}, shows=("# A heading in the text", ":smile:")),
    Hostile("entities-and-escapes", {"ent.txt": "&lt;script&gt; &amp;amp; &#x3C;b&#62; \\<i> \\* &nbsp;"},
            shows=("&lt;script&gt; &amp;amp; &#x3C;b&#62; \\<i> \\* &nbsp;",)),
    # --- invisible and look-alike characters --------------------------------------------------------
    Hostile("bidi-overrides", {"bidi.txt": "Invoice for \u202egnp.exe\u202c today. Isolates \u2067abc\u2069 and "
                                           "marks \u200f\u200e\u061c here.\n"},
            shows=("Invoice for \u202egnp.exe\u202c today.",)),
    Hostile("zero-width", {"zw.txt": "Kea\u200bton Jo\u200dnes\u2060 and\ufeff hidden\u200c word, "
                                     "tag\U000e0041 char, filler\u3164 here.\n"},
            shows=("Kea\u200bton Jo\u200dnes\u2060 and\ufeff hidden",)),
    Hostile("nfc-nfd", {"nfc.txt": "Zo\u00eb B\u00f8e met Ren\u00e9e.\n",
                        "nfd.txt": "Zoe\u0308 B\u00f8e met Rene\u0301e.\n"},
            shows=("Zo\u00eb B\u00f8e met Ren\u00e9e.",)),
    Hostile("homoglyph", {"latin.txt": "Keaton Jones spoke.\n", "cyrillic.txt": "K\u0435aton Jones spoke.\n"},
            shows=("K\u0435aton Jones spoke.", "Keaton Jones spoke.")),
    # --- sidecars and case.yml ---------------------------------------------------------------------------
    Hostile("sidecar-hostile-values", {
        "meta.txt": "An ordinary text.\n",
        "meta.yml": _sidecar(title="<script>alert(20)</script> {{ config }} \u202eevil",
                             outlet="<b onclick=alert(21)>O</b>",
                             author="[a](javascript:alert(22))", notes="--8<-- \"/etc/passwd\"\n{: onclick=x }",
                             url="https://example.org/a?b=c&d=e#f")},
            shows=("<script>alert(20)</script> {{ config }} \u202eevil", "<b onclick=alert(21)>O</b>")),
    Hostile("sidecar-python-tag", {"tag.txt": "Text.\n",
                                   "tag.yml": "title: !!python/object/apply:os.system ['echo pwned']\n"},
            errors=("{d}/tag.yml:1: YAML tag not allowed (could not determine a constructor for the tag "
                    "'tag:yaml.org,2002:python/object/apply:os.system') — remove the tag; only plain YAML values "
                    "(text, numbers, dates, lists, maps) are read",)),
    Hostile("sidecar-wrong-types", {"types.txt": "Text.\n",
                                    "types.yml": "title: [1, 2]\nurl: javascript:alert(1)\npublished: 12\n"
                                                 "language: true\nauthor: {a: 1}\n"},
            errors=("{d}/types.yml:1: 'title' is a list ([1, 2]) — give non-empty text",
                    "{d}/types.yml:2: 'url' is 'javascript:alert(1)' — give an http:// or https:// address",
                    "{d}/types.yml:3: 'published' is a int (12) — give a date such as 2017-12-11 or "
                    "2017-12-11T09:30:00+01:00",
                    "{d}/types.yml:4: 'language' is a bool (True) — give a language code such as en, nb, de or fr",
                    "{d}/types.yml:5: 'author' is a dict ({'a': 1}) — give non-empty text")),
    Hostile("sidecar-url-with-controls", {"u.txt": "Text.\n", "u.yml": 'url: "https://example.org/\\u202egnp.exe"\n'},
            errors=("{d}/u.yml:1: 'url' is 'https://example.org/\u202egnp.exe' — "
                    "give an http:// or https:// address",)),
    Hostile("sidecar-alias-bomb", {"bomb.txt": "Text.\n", "bomb.yml": _alias_bomb()},
            errors=("{d}/bomb.yml:3: YAML alias not allowed (alias *a0) — write the value out instead of referring "
                    "to an anchor (&name / *name)",)),
    Hostile("sidecar-not-utf8", {"s.txt": "Text.\n", "s.yml": "title: Bl\u00e5b\u00e6r\n".encode("latin-1")},
            errors=("{d}/s.yml:1: invalid UTF-8 at byte offset 9 — save the file as UTF-8",)),
    Hostile("sidecar-control-character", {"z.txt": "Text.\n", "z.yml": b"title: ok\nnotes: a\x00b\n"},
            errors=('{d}/z.yml:2: malformed YAML: control character U+0000 is not allowed — remove it, or write it '
                    'as "\\u0000" inside double quotes if it is meant',)),
    Hostile("case-yml-hostile", {"c.txt": "Text.\n", "case.yml": "title: !!python/name:os.system\n"},
            errors=("{d}/case.yml:1: YAML tag not allowed (could not determine a constructor for the tag "
                    "'tag:yaml.org,2002:python/name:os.system') — remove the tag; only plain YAML values "
                    "(text, numbers, dates, lists, maps) are read",), in_site=False),
    # --- file names and the folder ---------------------------------------------------------------------
    Hostile("name-with-spaces", {"Story about Keaton (copy 2).txt": "Text of a copied story.\n"},
            shows=("Text of a copied story.",)),
    Hostile("name-non-ascii", {"Ærlig sak – Dagbladet.txt": "Norsk tekst om saken.\n",
                               "日本語の記事.txt": "Text of a story with a Japanese file name.\n"},
            shows=("Norsk tekst om saken.", "Text of a story with a Japanese file name.")),
    Hostile("name-with-dots", {"a..b.txt": "Dots in the name.\n", "..txt": "Hidden dots.\n",
                               "...evil.txt": "Hidden too.\n"},
            warnings=("{d}/...evil.txt:1: warning: hidden file ignored — remove the leading dot to read it as a seed, "
                      "or delete it",
                      "{d}/..txt:1: warning: hidden file ignored — remove the leading dot to read it as a seed, "
                      "or delete it"),
            shows=("Dots in the name.",), in_site=False),
    Hostile("name-with-newline", {"bad\nname.txt": b""},
            errors=("{d}/bad\\nname.txt:1: the seed is empty — add the article's text or remove the file",)),
    Hostile("duplicate-stems", {"Story One.txt": "One.\n", "story-one.txt": "Two.\n", "STORY_ONE.txt": "Three.\n"},
            errors=("{d}/Story One.txt:1: duplicate source id 'story-one' (also the id of {d}/STORY_ONE.txt) — "
                    "rename one of the files so their names differ in letters or digits",
                    "{d}/story-one.txt:1: duplicate source id 'story-one' (also the id of {d}/STORY_ONE.txt) — "
                    "rename one of the files so their names differ in letters or digits")),
    Hostile("reserved-name", {"index.txt": "A seed named like the list of sources.\n"},
            errors=("{d}/index.txt:1: the source id 'index' is reserved for the list of sources — rename the file",)),
    Hostile("symlink-outside", setup=_symlink_outside,
            errors=("{d}/leak.txt:1: symbolic link pointing outside the seeds folder — "
                    "copy the file into the seeds folder instead of linking to it",)),
    Hostile("symlink-inside", {"target.txt": "Linked text.\n"}, setup=_symlink_inside, shows=("Linked text.",)),
    Hostile("fifo", setup=_fifo,
            errors=("{d}/pipe.txt:1: not a regular file (a folder, a pipe or a device) — "
                    "replace it with a plain UTF-8 text file or remove it",)),
    Hostile("folder-named-txt", setup=_directory,
            errors=("{d}/folder.txt:1: not a regular file (a folder, a pipe or a device) — "
                    "replace it with a plain UTF-8 text file or remove it",)),
]

# Lines of one hostile seed (``evil.txt``) that the site tests look for as text on its page.
HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "{{ config }}",
    '--8<-- "/etc/passwd"',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(6)"><circle r="1"/></svg>',
    "[img](data:text/html;base64,PHNjcmlwdD4=) ![pic](https://evil.example/p.png)",
    "{: onclick=\"alert(7)\" }",
    "{% include 'x.html' %}",
    "# Not a heading",
    "| a | b |",
    "Footnote[^1] and :smile: and *emphasis* and `code`",
]


BUILDING = [case for case in CASES if not case.errors]
FAILING = [case for case in CASES if case.errors]


def write_hostile_seeds(folder: Path) -> Path:
    """Every class that builds (and joins the site), in one seeds folder, names prefixed,
    plus ``evil.txt`` (:data:`HOSTILE_LINES`) with a hostile sidecar and ``case.yml``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.txt").write_text("Intro line.\n\n" + "\n\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    (folder / "evil.yml").write_text(yaml.safe_dump({
        "title": "<script>alert(8)</script> {{ config }}", "outlet": "<b onclick=alert(9)>Outlet</b>",
        "notes": "[n](javascript:alert(10))"}), encoding="utf-8")
    (folder / "case.yml").write_text(yaml.safe_dump({"title": "<script>alert(11)</script>",
                                                     "summary": "{{ config.site_name }} [s](javascript:x)"}),
                                     encoding="utf-8")
    for case in BUILDING:
        if case.in_site:
            case.write(folder, f"{case.id}--")
    return folder

"""Escaping untrusted text, relative links and nested annotations."""

from __future__ import annotations

import html

from generator.render.markup import Mark, annotate, escape_html, escape_md, href, md_link, page_url

HOSTILE = ('<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) '
           '{{ config }} {% include "x" %} --8<-- "/etc/passwd" {: onclick="x" } *a* _b_ `c` \\')


def test_escape_html_leaves_no_markup_or_template_syntax():
    out = escape_html(HOSTILE, quote=True)
    for needle in ("<", ">", "{{", "{%", "[x]", "--8<--", "`", "*a*", "_b_", '"'):
        assert needle not in out
    assert html.unescape(out) == HOSTILE


def test_escape_html_replaces_control_characters():
    assert escape_html("a\x00b\x1bc") == "a\ufffdb\ufffdc"


def test_escape_md_is_one_line_and_unescapes_to_the_text():
    out = escape_md(HOSTILE + "\nsecond line")
    assert "\n" not in out
    for needle in ("<", "[", "{", "*", "_", "`", "#", "|"):
        assert needle not in out.replace("&#", "")
    assert html.unescape(out) == " ".join((HOSTILE + "\nsecond line").split())


def test_urls_under_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("sources/index.md") == "sources/"
    assert page_url("sources/a.md") == "sources/a/"
    assert href("sources/a.md", "entities/b.md", "x") == "../../entities/b/#x"
    assert href("index.md", "sources/a.md") == "sources/a/"
    assert href("sources/a.md", "index.md") == "../../"
    assert href("sources/a.md", "sources/a.md", "p1") == "./#p1"
    assert md_link("A [b]", "index.md", "sources/a.md", "p2") == "[A &#91;b&#93;](sources/a.md#p2)"


def test_annotate_nests_marks_and_keeps_the_text():
    text = "Hello Keaton Jones <now>"
    marks = [Mark(6, 18, 0, "<a>", "</a>"), Mark(6, 12, 1, "<b>", "</b>")]
    assert annotate(text, 0, len(text), marks) == "Hello <a><b>Keaton</b> Jones</a> &lt;now&gt;"


def test_annotate_splits_crossing_marks_and_reopens_without_id():
    out = annotate("abcdef", 0, 6, [Mark(0, 4, 0, "<i>", "</i>"),
                                    Mark(2, 6, 0, '<b id="q">', "</b>", reopen="<b>")])
    assert out == '<i>ab<b id="q">cd</b></i><b>ef</b>'


def test_annotate_ignores_marks_outside_the_range_and_empty_marks():
    assert annotate("abcdef", 1, 5, [Mark(0, 3, 0, "<i>", "</i>"), Mark(2, 2, 0, "<x>", "</x>")]) == "bcde"

"""Seconds ``casefile add`` takes to add one saved page of about 5 MB (the target: under 2 s).

Two pages, both made from ``tests/ingest/pages/case/coastwatch-en.html`` (so the same on every run):

* ``bloated``: the article as it is, in a page swollen to 5 MB the way news pages are: inline
  scripts and JSON state, an inline SVG, hundreds of readers' comments and related-story blocks;
* ``long``: the article's paragraphs repeated, numbered, to 5 MB of article text (860,000 words,
  the length of a dozen novels: no news page, but the worst case for the extraction and everything
  after it). It is reported, not judged: trafilatura alone takes about 2 s on it.

Each is added to an empty seeds folder in this process (imports done first, as in a run of
several pages), best of ``--repeat`` runs; ``--cli`` also times a whole ``python -m generator add``
(start-up and imports included). Nothing here is a test: ``tests/ingest`` checks what is added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, os.environ.get("CASEFILE_ROOT", str(ROOT)))

from generator.commands.add import AddOptions, add_sources  # noqa: E402

SOURCE = ROOT / "tests" / "ingest" / "pages" / "case" / "coastwatch-en.html"
TARGET_BYTES = 5 * 1024 * 1024
TARGET_SECONDS = 2.0


def bloated_page() -> str:
    """The article in a page of about 5 MB of scripts, state, SVG, comments and related stories."""
    html = SOURCE.read_text(encoding="utf-8")
    state = '<script>window.__STATE__ = {"items": [' + ",".join(
        f'{{"id": {i}, "headline": "Story number {i} about the coast", "teaser": "{"x" * 120}"}}'
        for i in range(9000)) + "]};</script>\n"
    svg = "<svg viewBox='0 0 1000 1000'>" + "".join(
        f"<path d='M{i % 997} {i % 991} L{(i * 7) % 1000} {(i * 13) % 1000} Z'/>" for i in range(12000)) + "</svg>\n"
    comments = "".join(
        f'<div class="comment"><span class="comment-author">reader{i}</span><p>Comment {i}: the coast guard '
        f"should have warned the ship earlier, and the owner should pay for every container.</p></div>\n"
        for i in range(6000))
    related = "".join(f'<aside class="related-stories"><h2>Related stories</h2><ul><li><a href="/s/{i}">'
                      f"Another story number {i}</a></li></ul></aside>\n" for i in range(3000))
    page = html.replace("</head>", state + "</head>").replace('<section id="comments" class="comments">',
                                                              '<section id="comments" class="comments">' + comments)
    page = page.replace("<footer", svg + related + "<footer")
    filler = TARGET_BYTES - len(page.encode("utf-8"))
    if filler > 0:
        page = page.replace("</body>", f"<script>var padding = '{'y' * filler}';</script></body>")
    return page


def long_page() -> str:
    """The article's paragraphs repeated, each numbered, to about 5 MB of article text."""
    html = SOURCE.read_text(encoding="utf-8")
    start = html.index('<div class="story-body">') + len('<div class="story-body">')
    end = html.index('<div class="share-tools">')
    body = html[start:end]
    paragraphs = [line.strip() for line in body.splitlines() if line.strip().startswith("<p>")]
    size, chunks, number = len(html.encode("utf-8")), [], 0
    while size < TARGET_BYTES:
        number += 1
        chunk = "\n".join(p.replace("<p>", f"<p>{number}. ", 1) for p in paragraphs) + "\n"
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
    return html[:start] + "".join(chunks) + html[end:]


def time_add(html: str, repeat: int) -> tuple[float, int, str]:
    """Best seconds to add the page, its size in bytes, and the outcome line."""
    best, line = float("inf"), ""
    with tempfile.TemporaryDirectory(prefix="add-speed-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(html, encoding="utf-8")
        for run in range(repeat):
            seeds = Path(scratch) / f"seeds-{run}"
            seeds.mkdir()
            started = time.perf_counter()
            outcomes = list(add_sources([str(page)], AddOptions(seeds, dt.date(2024, 3, 14))))
            best = min(best, time.perf_counter() - started)
            line = outcomes[0].line
            assert outcomes[0].status == "added", line
        return best, page.stat().st_size, line


def time_cli(html: str) -> float:
    """Seconds of one ``python -m generator add`` of the page, start-up included."""
    with tempfile.TemporaryDirectory(prefix="add-speed-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(html, encoding="utf-8")
        (Path(scratch) / "seeds").mkdir()
        env = {**os.environ, "PYTHONPATH": os.environ.get("CASEFILE_ROOT", str(ROOT)),
               "SOURCE_DATE_EPOCH": "1710417600"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "add", str(page), "--seeds", str(Path(scratch) / "seeds")],
                       check=True, env=env, capture_output=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the best is reported (default 3)")
    parser.add_argument("--cli", action="store_true", help="also time a whole `python -m generator add`")
    args = parser.parse_args()
    time_add(SOURCE.read_text(encoding="utf-8"), 1)  # imports and first-use caches, as after the first page
    seconds = {}
    for name, make in (("bloated", bloated_page), ("long", long_page)):
        html = make()
        seconds[name], size, line = time_add(html, args.repeat)
        print(f"{name}: {size / 1024 / 1024:.2f} MiB added in {seconds[name]:.2f} s — {line.split(': ', 1)[1]}")
        if args.cli:
            print(f"{name}: whole command (start-up included) {time_cli(html):.2f} s")
    met = seconds["bloated"] < TARGET_SECONDS
    print(f"target: a 5 MB news page in under {TARGET_SECONDS:.0f} s — {'met' if met else 'NOT met'} "
          f"({seconds['bloated']:.2f} s); 5 MB of article text, the worst case: {seconds['long']:.2f} s")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

"""Real-browser tests: Debian's Chromium, headless, driven by Playwright.

The built sites (the real case and the hostile one, see ``conftest.py``) are served from a
local ``http.server`` on 127.0.0.1; every request the browser makes is recorded, and any
that leaves the site is refused, so the pages are read as they would be offline.

Selectors these tests rely on (the renderers emit them):

- ``a.cf-entity``: on a source page, a link from an entity mention to its entity page
  (``entities/<slug>/``);
- ``a.cf-passage``: on a discrepancy page (``discrepancies/`` or ``discrepancies/<id>/``), a
  link to the cited passage on a source page (``sources/<slug>/#p3``); the paragraph it
  lands on holds the claim's text (``case.json`` discrepancies[].claims[] with that source
  and anchor);
- ``p.cf-p[id]``, ``span.cf-s[id]``: paragraphs and sentences of a source page;
- ``span.cf-ctl[data-cf-cp]``: an invisible character, isolated and labelled.

A test of a page kind that does not exist yet is skipped, saying so.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """Debian's Chromium, else $CHROMIUM_PATH or another Chromium or Chrome on the PATH (as
    ``.ci/system-deps`` looks for them: GitHub's Ubuntu runners have Google Chrome)."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured and os.access(configured, os.X_OK):
        return configured
    for name in ("chromium", "google-chrome", "google-chrome-stable", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (`make test` installs Debian's chromium package when it can)"
        if os.environ.get("CI") and os.geteuid() == 0:  # the project's CI runs as root: make test installs it
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Served:
    """A built site served on 127.0.0.1."""

    root: Path
    base: str
    host: str

    def url(self, page: Path) -> str:
        rel = page.relative_to(self.root).as_posix()
        return self.base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


@functools.cache
def _serve(root: Path) -> Served:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{server.server_address[1]}"
    return Served(root, f"http://{host}/", host)


@pytest.fixture(scope="session")
def real(real_site) -> Served:
    return _serve(real_site)


@pytest.fixture(scope="session")
def hostile(hostile_site) -> Served:
    return _serve(hostile_site)


@dataclass
class Watched:
    """What one browser context saw."""

    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)
    console: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser):
    """``visit(served)`` → a page whose every request, console line, error and dialog is watched."""
    contexts = []

    def open_page(served: Served):
        watched = Watched()
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block",
                                      java_script_enabled=True)
        contexts.append(context)

        def route(route_, request) -> None:
            if urlsplit(request.url).netloc == served.host or request.url.startswith(("data:", "blob:")):
                route_.continue_()
            else:  # another host: refused, as it would fail offline
                watched.refused.append(request.url)
                route_.abort()

        context.route("**/*", route)
        context.on("request", lambda request: watched.requests.append(request.url))
        # a request cancelled by leaving the page (net::ERR_ABORTED) did not fail
        context.on("requestfailed", lambda request: watched.failed.append(f"{request.failure} {request.url}")
                   if "ERR_ABORTED" not in (request.failure or "") else None)
        context.on("response", lambda response: watched.bad_status.append(f"{response.status} {response.url}")
                   if response.status >= 400 else None)
        page = context.new_page()
        page.on("console", lambda message: watched.console.append((message.type, message.text, page.url)))
        page.on("pageerror", lambda error: watched.errors.append(f"{page.url}: {error}"))

        def dialog(d) -> None:
            watched.dialogs.append(f"{page.url}: {d.type} {d.message}")
            d.dismiss()

        page.on("dialog", dialog)
        return page, watched

    yield open_page
    for context in contexts:
        context.close()


def html_pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if p.name != "404.html")


def assert_styled(page: Any, path: Path) -> None:
    """A site page has the theme's header; the dossier (one standalone HTML file) has its own
    style and not a single script."""
    if path.name == "dossier.html":
        assert page.evaluate("document.scripts.length") == 0, path
        assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none", path
        return
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", path


def assert_stayed_home(watched: Watched, served: Served) -> None:
    assert watched.refused == [], f"requests to other hosts: {watched.refused}"
    outside = [url for url in watched.requests
               if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != served.host]
    assert outside == []
    assert watched.failed == [] and watched.bad_status == [], (watched.failed, watched.bad_status)


# --- the home page, search, offline ------------------------------------------------------------

def test_home_page_loads_with_no_console_error(real, visit):
    page, watched = visit(real)
    response = page.goto(real.base, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("h1").first.inner_text().startswith("Keaton Jones")
    assert page.locator("table a[href*='sources/']").count() == 3
    assert watched.errors == []
    assert [c for c in watched.console if c[0] in ("error", "warning")] == []
    assert_stayed_home(watched, real)


@pytest.mark.parametrize(("word", "source"), [("bullied", "000-01294162fb12b41a"), ("mobbet", "002-2bb91e528b6fe96d")],
                         ids=["English", "Norwegian"])
def test_search_finds_a_word(real, visit, word, source):
    page, watched = visit(real)
    page.goto(real.base, wait_until="networkidle")
    field_ = page.locator("input.md-search__input")
    field_.click()
    field_.press_sequentially(word, delay=20)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    # The list is redrawn as the search settles: read it whole, in one call, until it holds the source.
    hrefs: list[str] = []
    for _ in range(75):
        hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                          "links => links.map(a => a.getAttribute('href') || '')")
        if any(f"sources/{source}/" in href for href in hrefs):
            break
        page.wait_for_timeout(200)
    assert any(f"sources/{source}/" in href for href in hrefs), hrefs
    assert watched.errors == [] and [c for c in watched.console if c[0] == "error"] == []
    assert_stayed_home(watched, real)


def test_every_page_reads_offline_and_requests_nothing_from_another_host(real, visit):
    """Every page of the real case (the hostile site's pages are visited below, with the same checks)."""
    for served in (real,):
        page, watched = visit(served)
        for path in html_pages(served.root):
            response = page.goto(served.url(path), wait_until="load")
            assert response is not None and response.status == 200, path
            # the theme's stylesheet and script are there: the header is laid out and the
            # palette toggle (needs JavaScript) is present; the dossier has its own style
            assert_styled(page, path)
        page.wait_for_load_state("networkidle")
        assert_stayed_home(watched, served)
        fonts = [url for url in watched.requests if url.endswith((".woff", ".woff2", ".ttf", ".otf"))]
        assert fonts == [], "web fonts must not be loaded"


# --- links between pages -------------------------------------------------------------------------

def test_source_page_entity_link_opens_the_entity_page(real, visit):
    page, watched = visit(real)
    sources = [p for p in html_pages(real.root / "sources") if p.parent != real.root / "sources"]
    found = None
    for path in sources:
        page.goto(real.url(path), wait_until="load")
        if page.locator("a.cf-entity").count():
            found = path
            break
    if found is None:
        pytest.skip("no source page has an entity link (a.cf-entity) yet: entity pages are not built")
    link = page.locator("a.cf-entity").first
    name = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("load")
    assert "/entities/" in urlsplit(page.url).path, page.url
    assert page.locator("h1").count() >= 1
    assert name.split()[0].lower() in page.locator("article").inner_text().lower()
    assert watched.errors == []
    assert_stayed_home(watched, real)


def _discrepancy_pages(root: Path) -> list[Path]:
    folder = root / "discrepancies"
    return sorted(folder.rglob("index.html")) if folder.is_dir() else []


def test_discrepancy_passage_link_lands_on_the_right_paragraph(real, visit):
    pages = _discrepancy_pages(real.root)
    if not pages:
        pytest.skip("no discrepancies/ pages yet: discrepancies are not built")
    claims = [claim for item in json.loads((real.root / "data" / "case.json").read_text(encoding="utf-8"))
              ["discrepancies"] for claim in item["claims"]]
    page, watched = visit(real)
    checked = 0
    for path in pages:
        page.goto(real.url(path), wait_until="load")
        links = page.locator("a.cf-passage")
        for index in range(min(links.count(), 4)):
            page.goto(real.url(path), wait_until="load")
            link = page.locator("a.cf-passage").nth(index)
            target = urlsplit(link.get_attribute("href") or "")
            link.click()
            page.wait_for_load_state("load")
            anchor = urlsplit(page.url).fragment
            slug = [part for part in urlsplit(page.url).path.split("/") if part][-1]
            assert anchor and "/sources/" in urlsplit(page.url).path, (page.url, target)
            landed = page.evaluate("(a) => { const e = document.getElementById(a); if (!e) return null;"
                                   " const r = e.getBoundingClientRect();"
                                   " return {text: e.textContent, top: r.top, height: innerHeight,"
                                   " target: document.querySelector(':target') === e}; }", anchor)
            assert landed is not None, f"{page.url}: no element #{anchor}"
            assert landed["target"] and 0 <= landed["top"] < landed["height"], landed
            expected = [c["text"] for c in claims if c["source"] == slug and c["anchor"] == anchor.split("-")[0]]
            assert expected, f"no claim in case.json cites {slug}#{anchor}"
            assert any(" ".join(t.split()) in " ".join(landed["text"].split()) for t in expected), (anchor, expected)
            checked += 1
    if checked == 0:
        pytest.skip("discrepancy pages have no passage links (a.cf-passage) yet")
    assert watched.errors == []
    assert_stayed_home(watched, real)


# --- hostile seeds -----------------------------------------------------------------------------------

def test_a_site_built_from_hostile_seeds_runs_no_script(hostile, visit):
    page, watched = visit(hostile)
    pages = html_pages(hostile.root)
    assert len(pages) > 30
    for path in pages:
        response = page.goto(hostile.url(path), wait_until="load")
        assert response is not None and response.status == 200, path
        assert_styled(page, path)
        page.mouse.move(300, 300)
        page.mouse.move(600, 500)
        assert page.evaluate("typeof window.cfPwned") == "undefined", path
    page.wait_for_timeout(300)
    assert watched.dialogs == [], watched.dialogs
    assert watched.errors == [], watched.errors
    assert watched.console == [], watched.console
    assert_stayed_home(watched, hostile)
    fonts = [url for url in watched.requests if url.endswith((".woff", ".woff2", ".ttf", ".otf"))]
    assert fonts == [], "web fonts must not be loaded"


def test_bidi_overrides_reorder_nothing_and_invisible_characters_are_labelled(hostile, visit):
    page, _ = visit(hostile)
    page.goto(hostile.base + "sources/bidi-overrides-bidi/", wait_until="load")
    order = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.querySelector('.cf-text'), NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const i = node.data.indexOf('gnp.exe');
            if (i < 0) continue;
            const rect = (k) => { const r = document.createRange(); r.setStart(node, k); r.setEnd(node, k + 1);
                                  return r.getBoundingClientRect().left; };
            return {g: rect(i), x: rect(i + 5), lastE: rect(i + 6)};
        }
        return null; }""")
    assert order is not None
    assert order["g"] < order["x"] < order["lastE"], f"'gnp.exe' is shown reordered: {order}"
    labels = page.evaluate("""() => [...document.querySelectorAll('.cf-text span.cf-ctl')].map(
        e => [e.dataset.cfCp, getComputedStyle(e, '::before').content, getComputedStyle(e).unicodeBidi])""")
    assert ["U+202E", '"⟨" "U+202E" "⟩"', "isolate"] in labels or \
        any(cp == "U+202E" and "U+202E" in content and bidi == "isolate" for cp, content, bidi in labels), labels
    page.goto(hostile.base + "sources/zero-width-zw/", wait_until="load")
    shown = page.evaluate("""() => [...document.querySelectorAll('.cf-text span.cf-ctl')].map(
        e => [e.dataset.cfCp, e.getBoundingClientRect().width > 0])""")
    assert {cp for cp, _ in shown} >= {"U+200B", "U+200D", "U+2060", "U+FEFF"}
    assert all(visible for _, visible in shown), "an invisible character has no visible label"


def test_paragraph_text_in_the_browser_is_the_source_text(real, visit):
    from conftest import ROOT

    from generator.read.sources import read_corpus

    corpus, _ = read_corpus(ROOT / "seeds")
    page, _ = visit(real)
    for source in corpus.sources:
        page.goto(real.base + f"sources/{source.slug}/", wait_until="load")
        shown = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('p.cf-p')].map(p => {
            const copy = p.cloneNode(true); copy.querySelectorAll('a.cf-pilcrow').forEach(a => a.remove());
            return [p.id, copy.textContent]; }))""")
        assert shown == {p.anchor: source.text[p.start:p.end] for p in source.paragraphs}


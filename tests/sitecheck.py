"""Helpers for tests that build the site with MkDocs and read the HTML it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent


def _moved(config: str, docs: Path, site: Path) -> str:
    """The repository's mkdocs.yml for ``docs`` (a folder beside the config) and ``site``: the docs
    folder and the generated configuration it inherits (``docs_src/data/mkdocs-site.yml``)."""
    return (config.replace("docs_src/", f"{docs.name}/").replace("docs_dir: docs_src", f"docs_dir: {docs.name}")
            .replace("site_dir: site", f"site_dir: {site}"))


def mkdocs_build(docs: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``docs`` with the repository's mkdocs.yml."""
    config = docs.parent / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = _moved(text, docs, site)
    config.write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          capture_output=True, text=True, env=env, timeout=600)


class PageParser(HTMLParser):
    """Collects ids, links, resources, scripts and event-handler attributes of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.text_parts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name, _ in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"] or "")
        if tag in ("script", "img", "iframe", "link", "source", "video", "audio", "embed", "object"):
            for key in ("src", "href", "data"):
                if values.get(key):
                    self.resources.append(values[key] or "")
        self._in_script = tag == "script" and not values.get("src")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_scripts.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_internal_links(site: Path) -> list[str]:
    """Every internal link of every page whose target page or anchor does not exist, and
    every local resource (script, stylesheet, image, icon) that is not in the site."""
    pages = {p: parse(p) for p in sorted(site.rglob("*.html"))}
    broken = []
    for page, parsed in pages.items():
        for resource in parsed.resources:
            parts = urlsplit(resource)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {resource} (missing resource)")
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # 404.html links from the site root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    return broken


def copy_repo_docs(target: Path) -> Path:
    shutil.copytree(ROOT / "docs_src", target)
    return target


def zensical_build(docs: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``zensical build --strict`` of ``docs`` with the repository's mkdocs.yml (Zensical reads it)."""
    config = docs.parent / "zensical-mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = _moved(text, docs, site)
    config.write_text(text, encoding="utf-8")
    zensical = Path(sys.executable).parent / "zensical"
    return subprocess.run([str(zensical), "build", "--strict", "-f", str(config)], cwd=docs.parent,
                          capture_output=True, text=True, timeout=600)


def pages(site: Path) -> set[str]:
    """Every HTML page of a built site, relative to it."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

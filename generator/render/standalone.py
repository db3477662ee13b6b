"""Standalone HTML files of the site (the dossier, and the side files that hold what a page
of a huge case has no room for): whole documents with their own style, no script and no
request to any host, that MkDocs copies as they are. Their titles and bodies are escaped HTML
made by the renderers."""

from __future__ import annotations

from generator.lang import DISPLAY_LANGUAGE
from generator.render.markup import attr, escape_html, href

# Their style: readable on screen in light or dark mode (AA contrast: the system colours
# GrayText and LinkText are not), compact on paper.
STYLE = """
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #595959; --link: #1a4fb5; }
@media (prefers-color-scheme: dark) { :root { --fg: #e4e4e4; --bg: #161719; --muted: #adadad; --link: #8ab4f8; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
td a, li a { display: inline-block; min-height: 24px; }  /* a tap target of 24 px (WCAG 2.5.8) */
h1 { font-size: 1.7rem; margin: .5rem 0; }
h2 { font-size: 1.35rem; border-bottom: 1px solid GrayText; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin-top: 1.8rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; width: 100%; }
th, td { border: 1px solid GrayText; padding: .25rem .45rem; text-align: left; vertical-align: top; }
table.cf-dossier-counts { width: auto; min-width: 16rem; }
dl.cf-card { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .85rem; }
dl.cf-card dt { font-weight: 600; }
dl.cf-card dd { margin: 0; overflow-wrap: anywhere; }
.cf-back, .cf-dossier-note, .cf-unknown { color: var(--muted); }
.cf-dossier-note { font-size: .9rem; }
nav.cf-contents ol { columns: 2; }
.cf-pilcrow { color: var(--muted); font-size: .75em; margin-right: .3em; }
.cf-dossier-text { border-left: 3px solid GrayText; padding-left: .8rem; }
details.cf-mentions summary { cursor: pointer; }
details.cf-mentions ul { margin: .3rem 0 .8rem; }
@media screen and (max-width: 40rem) {  /* a phone: wide tables scroll in their own box */
  body { padding: .5rem .8rem 3rem; }
  table { display: block; overflow-x: auto; }
  nav.cf-contents ol { columns: 1; }
  dl.cf-card { grid-template-columns: 1fr; }
}
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  .cf-back, nav.cf-contents { display: none; }
  h2 { break-before: page; }
  nav.cf-contents + h2 { break-before: auto; }
  table, dl.cf-card, .cf-p, h3 { break-inside: avoid; }
  h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""



STANDALONE_END = ["</body>", "</html>", ""]


def standalone_start(title: str, back: str, back_label: str = "The case file") -> list[str]:
    """The opening lines of a standalone document up to its ``<h1>`` (``title`` is escaped
    HTML; ``back`` the relative link to the page it belongs to)."""
    return [
        "<!doctype html>",
        f'<html lang="{DISPLAY_LANGUAGE}">',
        '<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="casefile">\n<link rel="icon" href="data:,">',  # no favicon request
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>",
        "<body>",
        f'<p class="cf-back"><a href={attr(back)}>← {escape_html(back_label)}</a></p>',
        f"<h1>{title}</h1>",
    ]


class SideFile:
    """A standalone HTML file beside a page (``<page>-<suffix>.html``) holding what the page has
    no room for in a huge case: the report's links beyond the first few, an entity's mentions
    beyond the first sources. MkDocs parses every tag of a page three times; a side file it only
    copies, and each passage in it is still one click from the page and links to its paragraph."""

    def __init__(self, page: str, page_title: str, title: str, suffix: str) -> None:
        self.page = page
        self.page_title = page_title
        self.title = title
        self.file = page.removesuffix(".md") + f"-{suffix}.html"
        self.sections: list[str] = []

    def add(self, anchor: str, back: str | None, heading: str, body: str) -> str:
        """A section ``anchor`` under ``heading`` (escaped here; it links back to the page, at
        its ``back`` anchor) holding ``body`` (HTML); the section's URL from the page."""
        link = href(self.file, self.page, back)
        self.sections.append(f"<h2 id={attr(anchor)}><a href={attr(link)}>{escape_html(heading)}</a></h2>\n{body}")
        return href(self.page, self.file, anchor)

    def render(self) -> str | None:
        """The file, or ``None`` when nothing was put aside."""
        if not self.sections:
            return None
        return "\n".join([*standalone_start(escape_html(self.title), href(self.file, self.page), self.page_title),
                          *self.sections, *STANDALONE_END])

    def add_to(self, files: dict[str, str]) -> None:
        """Put the file among ``files`` when anything was put aside."""
        text = self.render()
        if text is not None:
            files[self.file] = text

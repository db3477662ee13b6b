"""Long lists in pages: a list of a page goes on pages of its own when it is long, listed on the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from generator.render.markup import SEARCH_EXCLUDED, escape_md, md_link

T = TypeVar("T")


def pages_line(page: str, index: int, pages: Sequence[str]) -> str:
    """``pages: 1 **2** 3``: links from ``page`` (number ``index``) to each of ``pages``."""
    return "pages: " + " ".join(f"**{n + 1}**" if n == index else md_link(str(n + 1), page, other)
                                for n, other in enumerate(pages))


def table(head: str, row: Callable[[str, int, T], str]) -> Callable[[str, int, Sequence[T]], list[str]]:
    """A :class:`Paged` body: a table opening with ``head``, one ``row`` (for the page it is
    on, its number, its item) per item."""
    def body(where: str, first: int, chunk: Sequence[T]) -> list[str]:
        return [head, *(row(where, first + n, item) for n, item in enumerate(chunk)), "</tbody></table>", ""]
    return body


class Paged:
    """A long list of a page: on the page when it is short, else on pages of its own of at most
    ``per_page`` items (``<prefix>1.md`` …), listed on the page with the range each covers.
    Those pages are kept out of search: they are tables whose passages are searched on their
    sources' pages."""

    def __init__(self, page: str, back: str, prefix: str, title: str, count: int, per_page: int) -> None:
        self.page, self.back, self.prefix, self.title = page, back, prefix, title
        self.per_page = per_page
        self.paged = count > per_page
        self.files: dict[str, str] = {}

    def page_of(self, item: int) -> str:
        """The page holding item number ``item``."""
        return f"{self.prefix}{item // self.per_page + 1}.md" if self.paged else self.page

    def render(self, items: Sequence[T], body: Callable[[str, int, Sequence[T]], list[str]],
               span: Callable[[Sequence[T]], str], unit: str) -> list[str]:
        """The lines for the page: the list itself (``body`` of the page, the first item's number
        and the items), or the list of its pages, each made into :attr:`files` and labelled with
        ``span`` of its items."""
        if not self.paged:
            return body(self.page, 0, items)
        starts = range(0, len(items), self.per_page)
        targets = [self.page_of(n) for n in starts]
        listing = []
        for index, first in enumerate(starts):
            chunk = items[first:first + self.per_page]
            target = targets[index]
            listing.append(f"- {md_link(span(chunk), self.page, target)} ({len(chunk)} {unit})")
            pager = f"{md_link(self.back, target, self.page)} · {pages_line(target, index, targets)}"
            self.files[target] = "\n".join([
                SEARCH_EXCLUDED, f"# {self.title} ({index + 1} of {len(targets)}): {escape_md(span(chunk))}", "",
                pager, "", *body(target, first, chunk), pager, ""])
        return [f"{len(items)} {unit} on {len(targets)} pages of at most {self.per_page}:", "", *listing, ""]

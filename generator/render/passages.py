"""Claims shown as their passages: the exact text in its sentence, escaped and marked, linked to its
paragraph; a passage that many sources share is shown once, with links to the others."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from generator.model.finding import Claim
from generator.model.source import Source
from generator.render.markup import Mark, annotate, attr, declares, escape_html, href, value_text
from generator.render.source_page import short_source, source_page_path
from generator.render.standalone import SideFile


def context_span(source: Source, start: int, end: int) -> tuple[int, int]:
    """The sentences around ``[start, end)``: the passage a reader needs to judge a claim."""
    paragraph = source.paragraph_at(start)
    first, last = start, end
    for sentence in paragraph.sentences:
        if sentence.start <= start < sentence.end:
            first = sentence.start
        if sentence.start < end <= sentence.end:
            last = sentence.end
    return min(first, start), max(last, end)


def passage_link(page: str, source: Source, anchor: str, titled: bool = True) -> str:
    """A link to one paragraph of a source, labelled ``VG ¶3`` (titled with the source's title)."""
    link = href(page, source_page_path(source), anchor)
    label = f"{short_source(source)} ¶{anchor[1:]}"
    title = f" title={attr(source.title)}" if titled else ""
    return f'<a class="cf-passage" href={attr(link)}{title}>{escape_html(label)}</a>'


def passage_html(page: str, source: Source, anchor: str, start: int, end: int) -> str:
    """The exact passage in its sentence, escaped and marked, linked to its paragraph."""
    first, last = context_span(source, start, end)
    text = annotate(source.text, first, last, [Mark(start, end, 0, '<mark class="cf-claim-mark">', "</mark>")])
    return (f'{passage_link(page, source, anchor)} '
            f'<span class="cf-passage-text" lang={attr(source.language)}{declares(source.id, first, last)}>'
            f'{text}</span>')


# Links to further sources with the same passage shown before the rest fold away.
ALSO_SHOWN = 8
# Distinct passages shown in full in one finding; the rest are links, folded away.
PASSAGES_SHOWN = 20


class Overflow(SideFile):
    """Links too many for a report page, in a side file beside it
    (``discrepancies/<page>-links.html``): every source beyond the first :data:`ALSO_SHOWN`
    that repeats a passage, and the passages beyond :data:`PASSAGES_SHOWN`. At 5,000 sources
    these were hundreds of thousands of links, most of the report's markup; each claim is still
    one click from its own paragraph."""

    def __init__(self, page: str, title: str) -> None:
        super().__init__(page, title, f"{title}: all links", "links")

    def add_links(self, anchor: str, finding: str | None, heading: str,
                  claims: Sequence[tuple[Source, str]]) -> str:
        """List links to ``claims`` (source, paragraph anchor) under ``heading``, which links back
        to the ``finding`` (its anchor on the page); the URL of the list."""
        links = ", ".join(passage_link(self.file, source, paragraph, titled=False) for source, paragraph in claims)
        return self.add(anchor, finding, heading, f"<p>{links}</p>")


def passages(page: str, claims: Sequence[Claim], sources: Mapping[str, Source], overflow: Overflow,
              anchor: str, finding: str | None, heading: str,
              by_value: bool = False) -> tuple[list[tuple[Claim, str]], str]:
    """Each distinct passage once, with links to every other source that has it word for word,
    and the passages beyond :data:`PASSAGES_SHOWN` as links (HTML, or ""); links beyond the
    first few are in the page's :class:`Overflow` file, listed under ``anchor`` and ``heading``
    (linking back to ``finding``, the finding's anchor on the page, when it has one).

    Wire copy repeats one sentence in hundreds of sources: it is shown once, and each
    source holding it is still a link to its own paragraph. Claims group by role, value
    (with ``by_value``) and the exact text shown (the sentence and the marked span in it).
    A finding across thousands of sources shows the first passage of every role and value
    before the second of any, so what disagrees is always on the page.
    """
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        source = sources[claim.source]
        first, last = context_span(source, claim.start, claim.end)
        group_key: tuple[object, ...] = (claim.role, value_text(claim.value) if by_value else "", source.language,
                                         source.text[first:last], claim.start - first, claim.end - first)
        groups.setdefault(group_key, []).append(claim)
    keys = list(groups)
    rank: dict[tuple[object, ...], int] = {}
    seen: dict[tuple[object, ...], int] = defaultdict(int)
    for key in keys:
        rank[key] = seen[key[:2]]
        seen[key[:2]] += 1
    position = {key: n for n, key in enumerate(keys)}
    chosen = set(sorted(keys, key=lambda k: (rank[k], position[k]))[:PASSAGES_SHOWN])
    out = []
    folded: list[Claim] = []
    for number, key in enumerate(keys, 1):
        members = groups[key]
        claim = members[0]
        if key not in chosen:
            folded += members
            continue
        html = passage_html(page, sources[claim.source], claim.anchor, claim.start, claim.end)
        others = members[1:]
        if others:
            shown = ", ".join(passage_link(page, sources[c.source], c.anchor, titled=False)
                              for c in others[:ALSO_SHOWN])
            if len(others) > ALSO_SHOWN:
                url = overflow.add_links(f"{anchor}-{number}", finding,
                                         f"{heading} — the same words as {short_source(sources[claim.source])} "
                                         f"¶{claim.anchor[1:]} in {len(others)} more sources",
                                         [(sources[c.source], c.anchor) for c in others])
                shown += f' <a class="cf-also-more" href={attr(url)}>and {len(others) - ALSO_SHOWN} more</a>'
            html += f' <span class="cf-also">The same words in {len(others) + 1} sources: also {shown}</span>'
        out.append((claim, html))
    rest = ""
    if folded:
        url = overflow.add_links(f"{anchor}-more", finding, f"{heading} — {len(keys) - len(chosen)} more passages",
                                 [(sources[c.source], c.anchor) for c in folded])
        rest = (f'<a class="cf-more-passages" href={attr(url)}>{len(keys) - len(chosen)} more passages '
                f"({len(folded)} claims), as links</a>")
    return out, rest

"""The discrepancy report: ``discrepancies.md`` (an overview), a page per kind of finding and
``discrepancies/checks.md`` (weekday and date checks).

Every claim is shown as the exact passage from its source (escaped) with a link to the
paragraph that holds it. Renderers are pure: records in, Markdown text out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.extract.measures import with_unit
from generator.model.finding import KINDS, DateCheck, Discrepancy
from generator.model.source import Source
from generator.render.markup import (
    NO_SEARCH,
    SEARCH_EXCLUDED,
    attr,
    breadcrumb,
    escape_html,
    escape_md,
    md_link,
    value_text,
)
from generator.render.paging import pages_line
from generator.render.passages import Overflow, passages

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
STATUS_ORDER = {"open": 0, "explained": 1, "resolved": 2}
KIND_TITLES = {
    "figure": "Figures", "quote": "Quote wording", "paraphrase": "Narrative against quote",
    "date": "Dates", "attribute": "Attributes (ages, spellings)", "contradiction": "Told otherwise",
    "actor": "Who did what, where",
    "coverage": "Only one source",
}
KIND_HELP = {
    "figure": "The same measure about the same subject, given differently.",
    "quote": "One quote, worded differently by different sources (word-level diff).",
    "paraphrase": "A source's own narrative that departs from what another source quotes directly.",
    "date": "The same event dated or timed differently, or a weekday and a date that cannot both be right.",
    "attribute": "The same person's age, or the spelling of their name, given differently.",
    "contradiction": "One thing named differently in the same words (a car, a truck), or asserted by one "
                     "source and denied by another.",
    "actor": "Who did something, where, or on which platform, told differently.",
    "coverage": "Facts, figures and people that only one source reports.",
}
EXPLANATION_HELP = {
    "rounding": "the values agree after rounding",
    "different-time": "a counter that grows (views, shares): sources written at different times",
    "different-scope": "the sources cover different ground",
    "translation": "the difference comes from translating",
    "conflict": "the sources cannot both be right",
}


def _diff_html(discrepancy: Discrepancy) -> str:
    if not discrepancy.diff:
        return ""
    left, right = [], []
    for part in discrepancy.diff:
        if part.op == "equal":
            left.append(escape_html(part.left))
            right.append(escape_html(part.right))
        else:
            if part.left:
                left.append(f"<del>{escape_html(part.left)}</del>")
            if part.right:
                right.append(f"<ins>{escape_html(part.right)}</ins>")
    return ('<div class="cf-diff"><div>' + " ".join(left) + "</div><div>" + " ".join(right) + "</div></div>")


def _discrepancy_block(page: str, discrepancy: Discrepancy, sources: Mapping[str, Source],
                       overflow: Overflow) -> str:
    badges = (f'<span class="cf-badge cf-sev-{discrepancy.severity}">{escape_html(discrepancy.severity)}</span> '
              f'<span class="cf-badge cf-status-{discrepancy.status}">{escape_html(discrepancy.status)}</span> '
              f'<span class="cf-badge" title={attr(EXPLANATION_HELP.get(discrepancy.explanation, ""))}>'
              f"{escape_html(discrepancy.explanation)}</span>")
    if discrepancy.detail:
        badges += f' <span class="cf-badge cf-detail">{escape_html(discrepancy.detail)}</span>'
    sure = discrepancy.confidence == "high"
    badges += (f' <span class="cf-badge cf-conf-{discrepancy.confidence}">'
               f'{"confident" if sure else "to check"}</span>')
    rows = []
    shown, rest = passages(page, discrepancy.claims, sources, overflow, discrepancy.id, discrepancy.id,
                           _title(discrepancy), by_value=True)
    measure = discrepancy.key.split("|")[0] if discrepancy.kind == "figure" else ""
    for claim, passage in shown:
        value = with_unit(value_text(claim.value), measure)  # "25 m/s" for "90 km/h"
        rows.append(f"<tr><td>{passage}</td>"
                    f"<td>{escape_html(claim.role)}</td><td>{escape_html(value)}</td></tr>")
    if rest:
        rows.append(f'<tr><td colspan="3">{rest}</td></tr>')
    parts = ['<div class="cf-disc">', f"<p>{badges}</p>",
             f"<p>{escape_html(discrepancy.summary)}</p>"]
    if discrepancy.note:
        parts.append(f'<p class="cf-note"><strong>Curator:</strong> {escape_html(discrepancy.note)}</p>')
    parts.append(_diff_html(discrepancy))
    if discrepancy.evidence:
        parts.append(f'<p class="cf-evidence-head">{"Why it is confident" if sure else "What speaks for it"}:</p>'
                     f'<ul class="cf-evidence">' + "".join(f"<li>{escape_html(e)}</li>" for e in discrepancy.evidence)
                     + "</ul>")
    parts.append(f'<table class="cf-claims"{NO_SEARCH}><thead><tr><th>Passage</th><th>As</th><th>Value</th>'
                 "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    parts.append(f'<p class="cf-id">id <code>{escape_html(discrepancy.id)}</code></p></div>')
    return "\n".join(p for p in parts if p)


def urgency_order(discrepancy: Discrepancy) -> tuple[int, int, int, str]:
    """Unresolved and most serious first, whatever the kind (the overview and the home page)."""
    return (STATUS_ORDER.get(discrepancy.status, 0), SEVERITY_ORDER.get(discrepancy.severity, 3),
            KINDS.index(discrepancy.kind), discrepancy.id)


def discrepancy_order(discrepancy: Discrepancy) -> tuple[int, int, int, str]:
    """Kind order, then unresolved and most serious first."""
    return (KINDS.index(discrepancy.kind), STATUS_ORDER.get(discrepancy.status, 0),
            SEVERITY_ORDER.get(discrepancy.severity, 3), discrepancy.id)


def confident(discrepancies: Sequence[Discrepancy]) -> list[Discrepancy]:
    """The findings the report leads with: those whose evidence makes them confident."""
    return [d for d in discrepancies if d.confidence == "high"]


def to_check(discrepancies: Sequence[Discrepancy]) -> list[Discrepancy]:
    """The possible disagreements: findings whose evidence leaves them for a reader to check."""
    return sorted((d for d in discrepancies if d.confidence != "high"), key=discrepancy_order)


DISCREPANCIES_PAGE = "discrepancies.md"
CHECKS_PAGE = "discrepancies/checks.md"
TO_CHECK_PAGE = "discrepancies/to-check.md"
"""The possible disagreements, to check (then ``to-check-2.md`` and on, :data:`PER_PAGE` a page)."""
PER_PAGE = 100
"""Findings on one page of a kind: a report of thousands of findings stays in pages a browser reads."""
TOP_FINDINGS = 30
"""Findings listed on the overview, most serious first."""


def kind_page(kind: str, index: int = 0) -> str:
    """The report's page (``index``: from 0) of one kind of finding."""
    return f"discrepancies/{kind}.md" if index == 0 else f"discrepancies/{kind}-{index + 1}.md"


def _to_check_page(index: int) -> str:
    return TO_CHECK_PAGE if index == 0 else TO_CHECK_PAGE.replace(".md", f"-{index + 1}.md")


def _by_kind(discrepancies: Sequence[Discrepancy]) -> dict[str, list[Discrepancy]]:
    """The confident findings by kind, each kind's most serious first."""
    grouped: dict[str, list[Discrepancy]] = defaultdict(list)
    for discrepancy in confident(discrepancies):
        grouped[discrepancy.kind].append(discrepancy)
    return {kind: sorted(grouped[kind], key=discrepancy_order) for kind in KINDS if grouped.get(kind)}


def discrepancy_pages(discrepancies: Sequence[Discrepancy]) -> dict[str, str]:
    """The page holding each finding (by id): a confident one ``discrepancies/<kind>.md``, then
    ``<kind>-2.md`` and on for every :data:`PER_PAGE` findings, most serious first; a possible one
    ``discrepancies/to-check.md`` and on, by kind."""
    where = {d.id: kind_page(kind, n // PER_PAGE)
             for kind, members in _by_kind(discrepancies).items() for n, d in enumerate(members)}
    where.update((d.id, _to_check_page(n // PER_PAGE)) for n, d in enumerate(to_check(discrepancies)))
    return where


def render_discrepancies(discrepancies: Sequence[Discrepancy], checks: Sequence[DateCheck],
                         sources: Sequence[Source]) -> dict[str, str]:
    """The discrepancy report: ``discrepancies.md`` (an overview: kinds, counts and the most
    serious findings), a page per kind (paged by :data:`PER_PAGE`, most serious first, every
    claim linked to its passage) and ``discrepancies/checks.md`` (weekday and date checks).

    Search indexes the overview, whose list names every confident finding; the pages of findings
    are left out of it, as the other lists of passages are: their passages are found on the
    source pages, once, where they were written (they doubled the search index at 1,000 sources
    and held a sixth of the site's build time)."""
    by_id = {s.id: s for s in sources}
    by_kind = _by_kind(discrepancies)
    where = discrepancy_pages(discrepancies)
    pages = {DISCREPANCIES_PAGE: _overview(discrepancies, by_kind, where, checks, sources)}
    kinds = list(by_kind)
    for kind, members in by_kind.items():
        chunks = [members[i:i + PER_PAGE] for i in range(0, len(members), PER_PAGE)]
        for index, chunk in enumerate(chunks):
            page = kind_page(kind, index)
            title = KIND_TITLES[kind] + (f" ({index + 1} of {len(chunks)})" if len(chunks) > 1 else "")
            at = kinds.index(kind)
            trail = [("Overview", "index.md"), ("Discrepancies", DISCREPANCIES_PAGE)]
            parts = [SEARCH_EXCLUDED, breadcrumb(page, trail, title), "",
                     f"# {title}", "", _pager(page, kind, index, len(chunks)), "", KIND_HELP[kind], ""]
            overflow = Overflow(page, title)
            for number, discrepancy in enumerate(chunk, start=index * PER_PAGE + 1):
                parts += [f"## {number}. {escape_md(_title(discrepancy))} {{#{discrepancy.id}}}", "",
                          _discrepancy_block(page, discrepancy, by_id, overflow), ""]
            if len(chunks) > 1:
                parts += [_pager(page, kind, index, len(chunks)), ""]
            steps = [f"{arrow} {md_link(KIND_TITLES[other], page, kind_page(other))}" for arrow, other in
                     (("← Previous kind:", kinds[at - 1] if at else None),
                      ("Next kind:", kinds[at + 1] if at + 1 < len(kinds) else None)) if other is not None]
            if steps:
                parts += [" · ".join(steps), ""]
            pages[page] = "\n".join(parts)
            overflow.add_to(pages)
    pages.update(_to_check_pages(to_check(discrepancies), by_id))
    if checks:
        parts = [SEARCH_EXCLUDED, "# Weekday and date checks", "",
                 md_link("All discrepancies", CHECKS_PAGE, DISCREPANCIES_PAGE), "",
                 "Weekdays and dates about the same event, checked against each other: the years in which "
                 "they agree, or none. Mentions of the same value are checked together.", ""]
        overflow = Overflow(CHECKS_PAGE, "Weekday and date checks")
        for number, check in enumerate(checks, 1):
            shown, rest = passages(CHECKS_PAGE, check.claims, by_id, overflow, f"check-{number}", None,
                                   check.summary)
            rows = "".join(f"<li>{passage}</li>" for _, passage in shown) + (f"<li>{rest}</li>" if rest else "")
            state = "consistent" if check.consistent else "inconsistent"
            parts += [f'<div class="cf-check cf-{state}"><p>{escape_html(check.summary)}</p>'
                      f'<ul{NO_SEARCH}>{rows}</ul></div>', ""]
        pages[CHECKS_PAGE] = "\n".join(parts)
        overflow.add_to(pages)
    return pages


def _to_check_pages(possible: Sequence[Discrepancy], by_id: Mapping[str, Source]) -> dict[str, str]:
    """The possible disagreements, by kind, with what speaks for each: for a reader to check."""
    pages: dict[str, str] = {}
    chunks = [possible[i:i + PER_PAGE] for i in range(0, len(possible), PER_PAGE)] or [[]]
    for index, chunk in enumerate(chunks):
        page = _to_check_page(index)
        title = "Possible disagreements to check" + (f" ({index + 1} of {len(chunks)})" if len(chunks) > 1 else "")
        links = [md_link("All discrepancies", page, DISCREPANCIES_PAGE), md_link("For the curator", page, "review.md")]
        if len(chunks) > 1:
            links.append(pages_line(page, index, [_to_check_page(n) for n in range(len(chunks))]))
        parts = [SEARCH_EXCLUDED, f"# {title}", "", " · ".join(links), "", TO_CHECK_HELP, ""]
        if not chunk:
            parts += ["None: every finding's evidence makes it confident.", ""]
        overflow = Overflow(page, title)
        kind = None
        for number, discrepancy in enumerate(chunk, start=index * PER_PAGE + 1):
            if discrepancy.kind != kind:
                kind = discrepancy.kind
                parts += [f"## {KIND_TITLES[kind]}", ""]
            parts += [f"### {number}. {escape_md(_title(discrepancy))} {{#{discrepancy.id}}}", "",
                      _discrepancy_block(page, discrepancy, by_id, overflow), ""]
        pages[page] = "\n".join(parts)
        overflow.add_to(pages)
    return pages


TO_CHECK_HELP = ("Findings whose evidence does not show that the sources tell one thing: counts of people "
                 "that may be of different groups, dates that may date different events, a quote whose "
                 "speaker is named in one source only, a name one source gives that another may give in its "
                 "own language. Each says what speaks for it. Read the passages: if they do tell one thing, "
                 "the disagreement is real.")


def _pager(page: str, kind: str, index: int, count: int) -> str:
    links = [md_link("All discrepancies", page, DISCREPANCIES_PAGE)]
    if count > 1:
        links.append(pages_line(page, index, [kind_page(kind, n) for n in range(count)]))
    return " · ".join(links)


def _overview(discrepancies: Sequence[Discrepancy], by_kind: Mapping[str, list[Discrepancy]],
              where: Mapping[str, str], checks: Sequence[DateCheck], sources: Sequence[Source]) -> str:
    page = DISCREPANCIES_PAGE
    sure, possible = confident(discrepancies), to_check(discrepancies)
    parts = ["# Discrepancies", "",
             f"Where the {len(sources)} sources disagree, and what only one of them says: "
             f"**{len(sure)}** confident findings, and "
             f"{md_link(f'{len(possible)} possible ones to check', page, TO_CHECK_PAGE)}. A finding is "
             "confident when its evidence shows the sources tell one thing (the same words around a "
             "figure, one speaker's words, one named person); each says why. Each kind has its own page, "
             "most serious first; each finding shows every source's exact passage, linked to its "
             "paragraph, with an explanation class, a severity and the curator's status (set in "
             "`seeds/case.yml`).", ""]
    possible_by_kind = Counter(d.kind for d in possible)
    if by_kind or possible:
        parts += ["| Kind | Confident | To check | Open | What it means |", "|---|---|---|---|---|"]
        parts += [f"| {md_link(KIND_TITLES[k], page, kind_page(k, 0)) if k in by_kind else KIND_TITLES[k]} | "
                  f"{len(by_kind.get(k, []))} | {possible_by_kind.get(k, 0)} | "
                  f"{sum(1 for d in by_kind.get(k, []) if d.status == 'open')} | {KIND_HELP[k]} |"
                  for k in KINDS if k in by_kind or k in possible_by_kind]
        parts.append("")
    if by_kind:
        ranked = sorted(sure, key=urgency_order)
        parts += ["## Most serious" if len(ranked) > TOP_FINDINGS else "## All confident findings", ""]
        for discrepancy in ranked[:TOP_FINDINGS]:
            parts.append(f"- **{KIND_TITLES[discrepancy.kind]}** ({discrepancy.severity}, {discrepancy.status}): "
                         + md_link(_title(discrepancy), page, where[discrepancy.id], discrepancy.id))
        if len(ranked) > TOP_FINDINGS:
            parts.append(f"- … and {len(ranked) - TOP_FINDINGS} more: see each kind's page above.")
        parts.append("")
    if checks:
        agreeing = sum(1 for c in checks if c.consistent)
        parts += ["## Weekday and date checks", "",
                  f"{md_link(f'{len(checks)} check' + ('s' if len(checks) != 1 else ''), page, CHECKS_PAGE)} "
                  "of a weekday against a date of the "
                  f"same event: {agreeing} consistent, {len(checks) - agreeing} not (those are findings under "
                  "Dates).", ""]
    if not discrepancies and not checks:
        parts += ["No discrepancies were found between the sources.", ""]
    elif not sure:
        parts += ["No finding is confident: see the possible ones to check.", ""]
    return "\n".join(parts)


def _title(discrepancy: Discrepancy) -> str:
    summary = discrepancy.summary
    return summary if len(summary) <= 90 else summary[:87].rsplit(" ", 1)[0] + " …"

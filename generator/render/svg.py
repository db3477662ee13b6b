"""Pictures drawn at build time as inline SVG: no script, no request to another host.

Layouts are deterministic: fixed starting positions, a fixed number of iterations and
coordinates rounded to one decimal, so the same data always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.markup import attr, escape_html

# Colours per entity type; readable on light and dark backgrounds.
TYPE_COLOURS = {
    "person": "#1f77b4", "place": "#2ca02c", "organization": "#d62728", "platform": "#9467bd",
    "work": "#ff7f0e", "other": "#7f7f7f",
}


@dataclass(frozen=True)
class GraphNode:
    """One entity in the network picture."""

    id: str
    """Entity id."""
    label: str
    """Name shown beside the dot."""
    type: str
    """Entity type (sets the colour)."""
    weight: int
    """Number of mentions (sets the size)."""
    href: str
    """Link to the entity page, relative to the page holding the picture."""


@dataclass(frozen=True)
class GraphEdge:
    """Two entities mentioned together, and how often."""

    a: str
    """Id of one entity."""
    b: str
    """Id of the other."""
    weight: int
    """Number of sentences (or paragraphs) naming both."""


def _layout(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], width: float, height: float,
            iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from a circle, deterministic."""
    count = len(nodes)
    if count == 0:
        return {}
    index = {node.id: i for i, node in enumerate(nodes)}
    xs = [width / 2 + width * 0.4 * math.cos(2 * math.pi * i / count) for i in range(count)]
    ys = [height / 2 + height * 0.4 * math.sin(2 * math.pi * i / count) for i in range(count)]
    k = math.sqrt(width * height / count) * 0.75
    links = [(index[e.a], index[e.b], 1 + math.log(e.weight)) for e in edges if e.a in index and e.b in index]
    temperature = width / 8
    for _ in range(iterations):
        dx = [0.0] * count
        dy = [0.0] * count
        for i in range(count):
            for j in range(i + 1, count):
                ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                distance = max(math.hypot(ddx, ddy), 0.01)
                force = k * k / distance
                dx[i] += ddx / distance * force
                dy[i] += ddy / distance * force
                dx[j] -= ddx / distance * force
                dy[j] -= ddy / distance * force
        for i, j, strength in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            distance = max(math.hypot(ddx, ddy), 0.01)
            force = distance * distance / k * strength
            dx[i] -= ddx / distance * force
            dy[i] -= ddy / distance * force
            dx[j] += ddx / distance * force
            dy[j] += ddy / distance * force
        for i in range(count):
            # a gentle pull to the centre keeps unconnected nodes on the canvas
            dx[i] += (width / 2 - xs[i]) * 0.05 * k / 10
            dy[i] += (height / 2 - ys[i]) * 0.05 * k / 10
            length = max(math.hypot(dx[i], dy[i]), 0.01)
            xs[i] += dx[i] / length * min(length, temperature)
            ys[i] += dy[i] / length * min(length, temperature)
        temperature = max(temperature * 0.985, 0.5)
    # fit into the canvas with a margin for labels
    margin = 60.0
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span_x = max(max_x - min_x, 1.0)
    span_y = max(max_y - min_y, 1.0)
    return {
        node.id: (round(margin + (xs[i] - min_x) / span_x * (width - 2 * margin), 1),
                  round(margin / 2 + (ys[i] - min_y) / span_y * (height - margin), 1))
        for i, node in enumerate(nodes)
    }


def network_svg(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], title: str,
                width: int = 960, height: int = 640) -> str:
    """The co-mention network: dots sized by mentions, lines by shared sentences."""
    nodes = sorted(nodes, key=lambda n: n.id)
    edges = sorted(edges, key=lambda e: (e.a, e.b))
    positions = _layout(nodes, edges, width, height)
    max_weight = max((n.weight for n in nodes), default=1)
    max_edge = max((e.weight for e in edges), default=1)
    parts = [
        f'<svg class="cf-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={attr(title)}>',
        f"<title>{escape_html(title)}</title>",
        '<g class="cf-edges" stroke="currentColor" stroke-opacity="0.35">',
    ]
    for edge in edges:
        if edge.a not in positions or edge.b not in positions:
            continue
        (x1, y1), (x2, y2) = positions[edge.a], positions[edge.b]
        stroke = round(0.6 + 3 * edge.weight / max_edge, 1)
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{stroke}"/>')
    parts.append("</g>")
    parts.append('<g class="cf-nodes">')
    for node in nodes:
        x, y = positions[node.id]
        radius = round(4 + 10 * math.sqrt(node.weight / max_weight), 1)
        colour = TYPE_COLOURS.get(node.type, TYPE_COLOURS["other"])
        parts.append(
            f'<a href={attr(node.href)}><circle cx="{x}" cy="{y}" r="{radius}" fill="{colour}">'
            f"<title>{escape_html(node.label)} ({escape_html(node.type)}, {node.weight} mentions)</title></circle>"
            f'<text x="{round(x + radius + 3, 1)}" y="{round(y + 4, 1)}" font-size="12" '
            f'fill="currentColor">{escape_html(node.label)}</text></a>')
    parts.append("</g></svg>")
    return "".join(parts)


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event: a day, or a span of days when the date is uncertain."""

    start: str
    """Earliest ISO date (``2017-12-08``)."""
    end: str
    """Latest ISO date; equal to ``start`` when the day is known."""
    label: str
    """What happened."""
    href: str
    """Link to the passage (relative to the page holding the picture)."""
    certain: bool
    """False when the date is inferred or only a range is known."""


def _day_number(iso: str) -> int:
    return dt.date.fromisoformat(iso[:10]).toordinal()


def timeline_svg(events: Sequence[TimelineEvent], title: str, width: int = 960) -> str:
    """Events on a time axis; uncertain dates as hatched bars over their possible span."""
    events = sorted(events, key=lambda e: (e.start, e.end, e.label))
    row = 26
    height = 50 + row * max(len(events), 1)
    if not events:
        return (f'<svg class="cf-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 60" '
                f'role="img" aria-label={attr(title)}><title>{escape_html(title)}</title>'
                '<text x="10" y="30" fill="currentColor">No dated events.</text></svg>')
    first = min(_day_number(e.start) for e in events)
    last = max(_day_number(e.end) for e in events)
    span = max(last - first, 1)
    left, right = 110, 330
    plot = width - left - right

    def x_of(day: int) -> float:
        return round(left + (day - first) / span * plot, 1)

    parts = [
        f'<svg class="cf-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={attr(title)}><title>{escape_html(title)}</title>',
        f'<line x1="{left}" y1="30" x2="{left + plot}" y2="30" stroke="currentColor"/>',
        f'<text x="{left}" y="20" font-size="11" fill="currentColor" text-anchor="middle">'
        f"{dt.date.fromordinal(first).isoformat()}</text>",
        f'<text x="{left + plot}" y="20" font-size="11" fill="currentColor" text-anchor="middle">'
        f"{dt.date.fromordinal(last).isoformat()}</text>",
    ]
    for number, event in enumerate(events):
        y = 50 + number * row
        x1, x2 = x_of(_day_number(event.start)), x_of(_day_number(event.end))
        style = 'fill="currentColor"' if event.certain else 'fill="none" stroke="currentColor" stroke-dasharray="3 2"'
        shape = (f'<circle cx="{x1}" cy="{y}" r="5" {style}/>' if x1 == x2
                 else f'<rect x="{x1}" y="{y - 5}" width="{round(x2 - x1, 1)}" height="10" rx="5" {style}/>')
        date_text = event.start if event.start == event.end else f"{event.start} – {event.end}"
        parts.append(
            f'<a href={attr(event.href)}>{shape}'
            f'<text x="4" y="{y + 4}" font-size="11" fill="currentColor">{escape_html(date_text[:10])}</text>'
            f'<text x="{left + plot + 12}" y="{y + 4}" font-size="12" fill="currentColor">'
            f"{escape_html(event.label[:60])}</text>"
            f"<title>{escape_html(date_text)}: {escape_html(event.label)}"
            f"{'' if event.certain else ' (date uncertain)'}</title></a>")
    parts.append("</svg>")
    return "".join(parts)

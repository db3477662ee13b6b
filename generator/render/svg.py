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
    # fit into the canvas with a margin (labels go beside a dot, on whichever side has room)
    margin = 24.0
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span_x = max(max_x - min_x, 1.0)
    span_y = max(max_y - min_y, 1.0)
    return {
        node.id: (round(margin + (xs[i] - min_x) / span_x * (width - 2 * margin), 1),
                  round(margin / 2 + (ys[i] - min_y) / span_y * (height - margin), 1))
        for i, node in enumerate(nodes)
    }


GRAPH_WIDTH = 400
"""Width of the network picture in its own units. The page draws it at most 1.5 times this and
at a phone's 358 px, so its 14-unit labels render at 12.5 px or more on either."""
GRAPH_FONT = 14
_CHAR = 0.6
"""Width of a character in font sizes: an upper bound for the sans-serif letters of names, so a
label's box holds its text."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the canvas (a label's or a dot's), to keep labels apart."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


def label_box(x: float, y: float, text: str, font: float, anchor: str = "start") -> Box:
    """The box of a one-line label whose baseline starts (``anchor="start"``) or ends at ``x, y``."""
    width = len(text) * font * _CHAR
    left = x if anchor == "start" else x - width
    return Box(left, y - font * 0.85, left + width, y + font * 0.25)


def place_labels(points: Sequence[tuple[float, float, float, str]], width: float, height: float,
                 font: float = GRAPH_FONT) -> list[tuple[float, float, str] | None]:
    """For each dot ``(x, y, radius, label)``, where its label goes: ``(x, y, anchor)`` of a spot
    beside the dot (right, left, below, above, then a line further out) that overlaps no other
    label and no dot and stays on the canvas; None when no spot is free (the label is left off,
    the dot keeps its name for hover and screen readers). Dots are served largest first."""
    dots = [Box(x - r, y - r, x + r, y + r) for x, y, r, _ in points]
    placed: list[Box] = []
    spots: list[tuple[float, float, str] | None] = [None] * len(points)
    order = sorted(range(len(points)), key=lambda i: (-points[i][2], i))
    for i in order:
        x, y, r, text = points[i]
        for cx, cy, anchor in _label_spots(x, y, r, len(text) * font * _CHAR, font):
            cx, cy = round(cx, 1), round(cy, 1)
            box = label_box(cx, cy, text, font, anchor)
            if box.inside(width, height) and not any(box.overlaps(b) for b in placed) and not any(
                    box.overlaps(d) for j, d in enumerate(dots) if j != i):
                placed.append(box)
                spots[i] = (cx, cy, anchor)
                break
    return spots


def _label_spots(x: float, y: float, r: float, width: float, font: float) -> list[tuple[float, float, str]]:
    """Where a label may go, nearest first: right, left, below, above the dot, then on rings
    further out (a leader line joins a label set apart from its dot)."""
    middle = y + font * 0.35
    spots = [(x + r + 3, middle, "start"), (x - r - 3, middle, "end"),
             (x - width / 2, y + r + font, "start"), (x - width / 2, y - r - 4, "start")]
    for ring in range(1, 6):
        away = ring * font * 1.2
        spots += [(x + r + 3, middle - away, "start"), (x + r + 3, middle + away, "start"),
                  (x - r - 3, middle - away, "end"), (x - r - 3, middle + away, "end"),
                  (x - width / 2, y + r + font + away, "start"), (x - width / 2, y - r - 4 - away, "start")]
    return spots


def network_svg(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], title: str,
                width: int = GRAPH_WIDTH, height: int | None = None) -> str:
    """The co-mention network: dots sized by mentions, lines by shared sentences, labels that
    never collide. Taller than wide, so that it reads on a phone. Each dot is a link with a name
    (the picture is a group, not an image, so screen readers reach the links)."""
    nodes = sorted(nodes, key=lambda n: n.id)
    edges = sorted(edges, key=lambda e: (e.a, e.b))
    height = height or max(width, round(width * 1.35))
    positions = _layout(nodes, edges, width, height)
    max_weight = max((n.weight for n in nodes), default=1)
    max_edge = max((e.weight for e in edges), default=1)
    radii = {n.id: round(4 + 8 * math.sqrt(n.weight / max_weight), 1) for n in nodes}
    spots = place_labels([(*positions[n.id], radii[n.id], n.label) for n in nodes], width, height)
    parts = [
        f'<svg class="cf-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="group" aria-label={attr(title)}>',
        '<g class="cf-edges" stroke="currentColor" stroke-opacity="0.35" aria-hidden="true">',
    ]
    for edge in edges:
        if edge.a not in positions or edge.b not in positions:
            continue
        (x1, y1), (x2, y2) = positions[edge.a], positions[edge.b]
        stroke = round(0.6 + 3 * edge.weight / max_edge, 1)
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{stroke}"/>')
    parts.append("</g>")
    parts.append('<g class="cf-nodes">')
    for node, spot in zip(nodes, spots, strict=True):
        x, y = positions[node.id]
        colour = TYPE_COLOURS.get(node.type, TYPE_COLOURS["other"])
        name = f"{node.label} ({node.type}, {node.weight} mentions)"
        anchor = "" if spot is None or spot[2] == "start" else ' text-anchor="end"'
        leader = ""
        if spot is not None and abs(spot[1] - GRAPH_FONT * 0.35 - y) > radii[node.id] + GRAPH_FONT * 1.2:
            edge_y = spot[1] - GRAPH_FONT * 0.85 if spot[1] > y else spot[1] + GRAPH_FONT * 0.25
            leader = (f'<line x1="{x}" y1="{y}" x2="{spot[0]}" y2="{round(edge_y, 1)}" stroke="currentColor" '
                      'stroke-opacity="0.6" stroke-dasharray="2 2"/>')
        label = "" if spot is None else (
            f'<text x="{spot[0]}" y="{spot[1]}" font-size="{GRAPH_FONT}"{anchor} fill="currentColor">'
            f"{escape_html(node.label)}</text>")
        parts.append(
            f'<a href={attr(node.href)} aria-label={attr(name)}><title>{escape_html(name)}</title>'
            f'{leader}<circle cx="{x}" cy="{y}" r="{radii[node.id]}" fill="{colour}"/>{label}</a>')
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
    time: str = ""
    """``HH:MM`` when a source gives the clock time, else empty."""


TIMELINE_WIDTH = 360
"""Width of the timeline picture in its own units: drawn at most 1.5 times this, and at a phone's
358 px, its 13-unit text renders at 12.9 px or more."""
TIMELINE_FONT = 13
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_number(iso: str) -> int:
    return dt.date.fromisoformat(iso[:10]).toordinal()


def _day_text(iso: str, year: bool = False) -> str:
    day = dt.date.fromisoformat(iso[:10])
    return f"{day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def _minutes(event: TimelineEvent) -> int:
    """Minutes since the first day's midnight of the event's day (and time, when known)."""
    hours, _, minutes = event.time.partition(":")
    clock = int(hours) * 60 + int(minutes) if event.time else 0
    return _day_number(event.start) * 24 * 60 + clock


def _gap_text(minutes: int) -> str:
    """A gap between two events, in the unit that reads best ("3 hours", "2 weeks", "4 years")."""
    for unit, size in (("year", 365 * 24 * 60), ("month", 30 * 24 * 60), ("week", 7 * 24 * 60),
                       ("day", 24 * 60), ("hour", 60), ("minute", 1)):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'s' if count > 1 else ''} later"
    return "later"


def _wrap(text: str, chars: int, lines: int = 3) -> list[str]:
    """``text`` in lines of at most ``chars`` characters, broken at spaces; the last line ends
    in an ellipsis when the text is longer."""
    out: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > chars:
            word = word[: chars - 1] + "…"
        if line and len(line) + 1 + len(word) > chars:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: chars - 1].rstrip() + "…"
    return out or [""]


def timeline_svg(events: Sequence[TimelineEvent], title: str, width: int = TIMELINE_WIDTH) -> str:
    """Events down a vertical time axis, one row each, so that no label collides and each sits
    beside its dot. The axis adapts to the story's span: the hours of one day, the days of weeks
    or months (a year heading when the year changes), the dates of years; a long gap between two
    events says how long ("3 weeks later"). Uncertain dates are hollow dashed dots. Each row is a
    link with a name (the picture is a group, not an image, so screen readers reach the links)."""
    events = sorted(events, key=lambda e: (e.start, e.time, e.end, e.label))
    font = TIMELINE_FONT
    head = f'<svg class="cf-timeline" xmlns="http://www.w3.org/2000/svg" role="group" aria-label={attr(title)} '
    if not events:
        return (f'{head}viewBox="0 0 {width} 30"><text x="4" y="20" font-size="{font}" fill="currentColor">'
                "No dated events.</text></svg>")
    one_day = all(e.start == e.end == events[0].start for e in events)
    span = max(_minutes(e) for e in events) - min(_minutes(e) for e in events)
    axis_x, label_x = 92, 104
    chars = int((width - label_x - 4) / (font * 0.56))
    line_height = round(font * 1.3, 1)
    body: list[str] = []
    y = 4.0
    previous: TimelineEvent | None = None
    previous_text = ""
    first_y = last_y = 0.0

    def heading(text: str) -> None:
        nonlocal y
        y += font + 6
        body.append(f'<text x="4" y="{round(y, 1)}" font-size="{font}" font-weight="bold" fill="currentColor">'
                    f"{escape_html(text)}</text>")
        y += 6

    if one_day:
        heading(_day_text(events[0].start, year=True))
    for event in events:
        year = event.start[:4]
        if previous is not None and (not one_day or (previous.time and event.time)):
            gap = _minutes(event) - _minutes(previous)
            if gap > 0 and gap * 8 >= span and gap >= (60 if one_day else 2 * 24 * 60):
                y += font
                body.append(f'<text x="{label_x}" y="{round(y, 1)}" font-size="{font}" font-style="italic" '
                            f'fill="currentColor" opacity="0.85">{escape_html(_gap_text(gap))}</text>')
                y += 4
        if not one_day and (previous is None or previous.start[:4] != year):
            heading(year)
        if one_day:
            when = event.time
        elif event.start != event.end:
            when = f"{_day_text(event.start)}–{_day_text(event.end)}"
        else:
            when = _day_text(event.start) + (f" {event.time}" if event.time else "")
        lines = _wrap(event.label, chars)
        y += line_height
        dot_y = round(y - font * 0.35, 1)
        first_y = first_y or dot_y
        last_y = dot_y
        style = ('fill="currentColor"' if event.certain
                 else 'fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 2"')
        shown_when = "" if when == previous_text else when
        full = (f"{event.start}{' ' + event.time if event.time else ''}"
                f"{'' if event.start == event.end else ' – ' + event.end}: {event.label}"
                f"{'' if event.certain else ' (date uncertain)'}")
        text = "".join(f'<tspan x="{label_x}" dy="{0 if n == 0 else line_height}">{escape_html(line)}</tspan>'
                       for n, line in enumerate(lines))
        body.append(
            f'<a href={attr(event.href)} aria-label={attr(full)}><title>{escape_html(full)}</title>'
            f'<circle cx="{axis_x}" cy="{dot_y}" r="5" {style}/>'
            + (f'<text x="{axis_x - 10}" y="{round(y, 1)}" font-size="{font}" text-anchor="end" '
               f'fill="currentColor">{escape_html(shown_when)}</text>' if shown_when else "")
            + f'<text x="{label_x}" y="{round(y, 1)}" font-size="{font}" fill="currentColor">{text}</text></a>')
        y += line_height * (len(lines) - 1) + 6
        previous, previous_text = event, when
    height = round(y + 6)
    axis = (f'<line x1="{axis_x}" y1="{first_y}" x2="{axis_x}" y2="{last_y}" stroke="currentColor" '
            'stroke-opacity="0.5" aria-hidden="true"/>' if last_y > first_y else "")
    return f'{head}viewBox="0 0 {width} {height}">{axis}{"".join(body)}</svg>'

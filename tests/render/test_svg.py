"""Build-time pictures: deterministic, escaped, linked."""

from __future__ import annotations

import itertools
import re

from sitecheck import PageParser

from generator.render.svg import (
    GRAPH_FONT,
    TIMELINE_FONT,
    GraphEdge,
    GraphNode,
    TimelineEvent,
    label_box,
    network_svg,
    place_labels,
    timeline_svg,
)


def nodes(count: int) -> list[GraphNode]:
    return [GraphNode(f"e{i:02}", f"Entity {i}", "person" if i % 2 else "place", 1 + i % 7,
                      f"../entities/e{i:02}/") for i in range(count)]


def test_network_is_deterministic_and_links_every_node():
    edges = [GraphEdge(f"e{i:02}", f"e{(i * 7) % 60:02}", 1 + i % 3) for i in range(60) if i != (i * 7) % 60]
    first = network_svg(nodes(60), edges, "Who is named with whom")
    assert first == network_svg(list(reversed(nodes(60))), list(reversed(edges)), "Who is named with whom")
    parser = PageParser()
    parser.feed(first)
    assert len(parser.links) == 60 and first.count("<circle") == 60


def test_network_positions_stay_on_the_canvas():
    svg = network_svg(nodes(80), [], "t", width=900, height=600)
    for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg):
        assert 0 <= float(x) <= 900 and 0 <= float(y) <= 600


def test_labels_are_escaped():
    svg = network_svg([GraphNode("x", "<script>alert(1)</script>", "other", 1, "x/")], [], "<b>t</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg


def test_timeline_marks_uncertain_dates_and_orders_events():
    svg = timeline_svg([
        TimelineEvent("2017-12-08", "2017-12-08", "Video posted", "a/#p1", True),
        TimelineEvent("2017-12-01", "2017-12-10", "Bullying <reported>", "b/#p2", False),
    ], "Timeline")
    assert svg.index("Bullying") < svg.index("Video posted")
    assert "stroke-dasharray" in svg and "&lt;reported&gt;" in svg
    assert "No dated events." in timeline_svg([], "Timeline")


def _labels(svg: str) -> list[tuple[float, float, str, str]]:
    return [(float(x), float(y), anchor or "start", text) for x, y, anchor, text in re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)" font-size="\d+"(?: text-anchor="(\w+)")? fill="currentColor">([^<]*)</text>',
        svg)]


def test_graph_labels_never_collide_with_each_other_or_a_dot():
    edges = [GraphEdge(f"e{i:02}", f"e{(i * 7) % 30:02}", 1 + i % 3) for i in range(30) if i != (i * 7) % 30]
    svg = network_svg(nodes(30), edges, "t")
    labels = _labels(svg)
    assert len(labels) >= 25  # a label with no free spot is left off, never drawn over another
    boxes = [label_box(x, y, text, GRAPH_FONT, anchor) for x, y, anchor, text in labels]
    for i, box in enumerate(boxes):
        assert box.inside(400, 540)
        assert not any(box.overlaps(other) for other in boxes[i + 1:]), labels[i]


def test_a_crowded_dot_gets_its_label_further_out_or_none():
    points = [(200.0, 200.0, 6.0, f"Name number {i}") for i in range(12)]
    spots = place_labels(points, 400, 400)
    boxes = [label_box(spot[0], spot[1], points[i][3], GRAPH_FONT, spot[2]) for i, spot in enumerate(spots) if spot]
    assert len(boxes) >= 6
    assert all(not a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_graph_nodes_are_named_links_outside_an_image():
    svg = network_svg(nodes(3), [], "Who is named with whom")
    assert 'role="img"' not in svg and 'role="group" aria-label="Who is named with whom"' in svg
    assert svg.count("<a href=") == svg.count("aria-label=\"Entity ") == 3


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def test_timeline_of_one_day_shows_hours_and_the_date_once():
    svg = timeline_svg([TimelineEvent("2024-03-05", "2024-03-05", "Fire reported", "#a", True, "06:10"),
                        TimelineEvent("2024-03-05", "2024-03-05", "Under control", "#b", True, "14:00")], "t")
    texts = _texts(svg)
    assert texts[0] == "5 Mar 2024" and "06:10" in texts and "14:00" in texts
    assert "7 hours later" in texts and sum("2024" in t for t in texts) == 1


def test_timeline_of_weeks_and_of_years_heads_each_year_and_says_the_gaps():
    weeks = _texts(timeline_svg([TimelineEvent("2017-12-01", "2017-12-01", "Bullying", "#", False),
                                 TimelineEvent("2017-12-08", "2017-12-08", "Video", "#", True),
                                 TimelineEvent("2018-01-02", "2018-01-02", "Follow-up", "#", True)], "t"))
    assert weeks[:2] == ["2017", "1 Dec"] and "1 week later" in weeks and "2018" in weeks and "2 Jan" in weeks
    years = _texts(timeline_svg([TimelineEvent("2015-05-01", "2015-05-01", "Founded", "#", True),
                                 TimelineEvent("2023-11-20", "2023-11-20", "Collapse", "#", True)], "t"))
    assert years == ["2015", "1 May", "Founded", "8 years later", "2023", "20 Nov", "Collapse"]


def test_timeline_rows_never_overlap_and_long_labels_wrap():
    events = [TimelineEvent(f"2020-01-{d:02}", f"2020-01-{d:02}", "A long label " * 6, "#", True) for d in range(1, 20)]
    svg = timeline_svg(events, "t")
    ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)]
    assert all(b - a >= TIMELINE_FONT for a, b in itertools.pairwise(ys))
    assert "<tspan" in svg and 'viewBox="0 0 360 ' in svg

"""Build-time pictures: deterministic, escaped, linked."""

from __future__ import annotations

from sitecheck import PageParser

from generator.render.svg import GraphEdge, GraphNode, TimelineEvent, network_svg, timeline_svg


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
    import re

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

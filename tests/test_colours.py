"""One colour code for handover levels: the swimlane's arrows, the HTML and PDF handover tables and the
terminal table all take theirs from procesmap.colours (issue 15). Checked on the outputs themselves:
the stroke of an organisation arrow in the SVG and the rim of an organisation row in the HTML page."""

from __future__ import annotations

import re

import procesmap
from procesmap.colours import HANDOVER_COLOURS, handover_kind
from procesmap.diagrams.layout import swimlane_layout
from procesmap.diagrams.swimlane import swimlane_svg
from procesmap.render.html import render_html

from .conftest import ROOT


def _stroke_of(svg: str, gid: str) -> str:
    match = re.search(r'<g id="%s"><path d="[^"]*" style="[^"]*stroke: (#[0-9a-f]{6})' % re.escape(gid), svg)
    assert match, gid
    return match.group(1)


def test_diagram_and_html_table_agree_on_every_level() -> None:
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml"))
    svg = swimlane_svg(analysis, "nl")
    page = render_html([analysis], "nl")
    seen: dict[str, str] = {}
    for edge in swimlane_layout(analysis, "nl").edges:
        if edge.boundary in ("organisation", "external", "team") and not edge.back:
            seen.setdefault(edge.boundary, _stroke_of(svg, f"edge-{edge.source}--{edge.target}"))
    assert set(seen) == {"organisation", "external", "team"}  # the map has all three
    for level, colour in seen.items():
        assert colour == HANDOVER_COLOURS[level]
    for level in ("organisation", "external"):
        rim = re.search(r"tr\.%s > th:first-child \{ border-left: 4px \w+ (#[0-9a-f]{6})" % level, page)
        assert rim and rim.group(1) == seen[level], level
    # the organisation handover is red in both, never the orange of a team handover
    assert seen["organisation"] != seen["team"]
    manual = re.search(r"tr\.manual > th:first-child \{ border-left: 4px \w+ (#[0-9a-f]{6})", page)
    assert manual and manual.group(1) == HANDOVER_COLOURS["manual"]
    envelope = re.search(r'<g id="manual-[^"]+"><path d="[^"]*" style="[^"]*stroke: (#[0-9a-f]{6})', svg)
    assert envelope and envelope.group(1) == manual.group(1)


def test_handover_kind_order() -> None:
    assert handover_kind(["team", "organisation", "manual"]) == "organisation"
    assert handover_kind(["manual", "team"]) == "team"
    assert handover_kind(["manual"], ("organisation", "external", "manual")) == "manual"
    assert handover_kind(["role"]) is None

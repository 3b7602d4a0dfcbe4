"""Every element of the swimlane is in the picture, where the layout puts it: PNG pixels, SVG geometry, PDF text.

The expected places come from :func:`procesmap.diagrams.layout.swimlane_layout` (the input of
the renderer) and the colours from the findings of the analysis (handover levels, single
points of failure, the bottleneck, waits); the PNG is read back with Pillow, the SVG with
ElementTree and the PDF with poppler's ``pdftotext``. So a step box, lane, label, arrow,
finding mark or legend entry that the renderer dropped or put elsewhere fails here.
"""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

import procesmap
from procesmap.diagrams.layout import HEADER_WIDTH, ORG_BAND, ROLE_LABEL, TEAM_BAND, swimlane_layout
from procesmap.diagrams.swimlane import COLOURS, MARGIN, TITLE_H, legend_keys, render_swimlane
from tests.conftest import ROOT, bundled, need_tool

SVG = "{http://www.w3.org/2000/svg}"
NAMES = [p.stem for p in bundled()]


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"))


@lru_cache(maxsize=None)
def png_of(name: str) -> tuple[np.ndarray, float]:
    """The PNG as an RGB array, and pixels per point."""
    from PIL import Image

    data = render_swimlane(analysis_of(name), "png", "nl")
    image = Image.open(io.BytesIO(data)).convert("RGB")
    svg = ET.fromstring(render_swimlane(analysis_of(name), "svg", "nl"))
    width = float(svg.get("viewBox", "").split()[2])
    return np.asarray(image).astype(int), image.size[0] / width


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])


class Picture:
    def __init__(self, name: str):
        self.pixels, self.zoom = png_of(name)

    def at(self, x: float, y: float) -> tuple[int, int]:
        """Pixel (column, row) of a layout point."""
        return int((x + MARGIN) * self.zoom), int((y + TITLE_H) * self.zoom)

    def near(self, x: float, y: float, colour: str, radius: int = 1, tolerance: float = 60.0) -> bool:
        """Whether some pixel within ``radius`` of the point has about this colour."""
        c, r = self.at(x, y)
        patch = self.pixels[max(r - radius, 0) : r + radius + 1, max(c - radius, 0) : c + radius + 1]
        return bool((np.abs(patch - rgb(colour)).sum(axis=2) <= tolerance).any())

    def dark_pixels(self, box: tuple[float, float, float, float], below: int = 120) -> int:
        """How many pixels in a layout box are dark (text, lines)."""
        x, y, w, h = box
        c0, r0 = self.at(x, y)
        c1, r1 = self.at(x + w, y + h)
        patch = self.pixels[r0 : r1 + 1, c0 : c1 + 1]
        return int((patch.max(axis=2) < below).sum())

    def grey_pixels(self, box: tuple[float, float, float, float], below: int = 200) -> int:
        """How many pixels in a layout box are grey or black (text in ink or muted grey) and darker than ``below``:
        not the light tints of lanes, nor a coloured mark (a red bar, an orange badge)."""
        x, y, w, h = box
        c0, r0 = self.at(x, y)
        c1, r1 = self.at(x + w, y + h)
        patch = self.pixels[r0 : r1 + 1, c0 : c1 + 1]
        neutral = patch.max(axis=2) - patch.min(axis=2) < 40
        return int(((patch.max(axis=2) < below) & neutral).sum())


def passes(points: tuple[tuple[float, float], ...], x: float, y: float) -> bool:
    """Whether the polyline runs through (x, y), within half a point."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if min(x0, x1) - 0.5 <= x <= max(x0, x1) + 0.5 and min(y0, y1) - 0.5 <= y <= max(y0, y1) + 0.5:
            return True
    return False


@pytest.mark.parametrize("name", NAMES)
def test_png_shows_every_step_lane_label_and_arrow(name: str) -> None:
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    picture = Picture(name)
    ink = COLOURS["ink"]
    for node in layout.nodes:
        cx, cy = node.centre
        if node.type in ("decision", "parallel", "join"):
            # the middle of the upper left side of the diamond, then its fill
            assert picture.near(cx - node.width / 4, cy - node.width / 4, ink), node.step
            assert picture.near(cx - node.width / 4, cy + node.width / 8, COLOURS["gateway_fill"], 0, 12), node.step
        elif node.small:
            assert picture.near(cx, node.y, ink), node.step
            fill = {"start": COLOURS["start_fill"], "end": COLOURS["end_fill"], "wait": "#ffffff"}[node.type]
            assert picture.near(cx - node.width / 5, cy + node.width / 5, fill, 0, 12), node.step
        else:
            assert picture.near(cx, node.y, ink) and picture.near(node.x, cy, ink), node.step
            assert picture.near(node.x + 5, node.y + 4, "#ffffff", 0, 6), node.step
        # its name: text inside the label box
        # 6 pt text gives about 6.6 dark pixels per character per unit of zoom (omgevingsvergunning's
        # parallel gateway label: 937 for 67 characters at zoom 2.13); 5 leaves room for antialiasing
        assert picture.dark_pixels(node.label_box) > 5 * len("".join(node.label_lines)) * picture.zoom, node.step
    for lane in layout.lanes:
        label = (ORG_BAND + TEAM_BAND + 4, lane.y + 2, ROLE_LABEL - 6, lane.height - 4)
        # its name, black or (a role without steps) grey #6b6b6b: grey pixels clearly darker than the lane's tint.
        # At 144 dpi a grey name gives 11-16 such pixels per character per unit of zoom, a black one more (under 120
        # alone, the antialiased grey strokes of a 30-letter name at zoom 1.57 gave only 56); 5 as for the steps
        assert picture.grey_pixels(label) > 5 * len("".join(lane.label_lines)) * picture.zoom, lane.role
        # the lane's top line runs across the picture
        c0, r = picture.at(layout.width - 60, lane.y)
        c1, _ = picture.at(layout.width - 20, lane.y)
        strip = picture.pixels[r - 1 : r + 2, c0:c1]
        assert (strip.max(axis=2) < 225).sum() > (c1 - c0) / 4, lane.role

    def colour_of(edge: object) -> str:
        levels, back = edge.levels, edge.back  # type: ignore[attr-defined]
        if "organisation" in levels:
            return COLOURS["organisation"]
        if "external" in levels:  # to or from an outside party: its own colour, loop or not
            return COLOURS["external"]
        if "team" in levels:
            return COLOURS["team"]
        return COLOURS["rework"] if back else COLOURS["edge"]

    for edge in layout.edges:
        colour = colour_of(edge)
        samples = []
        for (x0, y0), (x1, y1) in zip(edge.points, edge.points[1:]):
            for f in (0.2, 0.35, 0.5, 0.65, 0.8):
                samples.append((x0 + (x1 - x0) * f, y0 + (y1 - y0) * f))
        # where arrows share a stretch (a trunk out of one port), the one drawn last shows
        hits = sum(
            any(
                picture.near(x, y, c, 1, 90)
                for c in {colour} | {colour_of(e) for e in layout.edges if passes(e.points, x, y)}
            )
            for x, y in samples
        )
        assert hits >= len(samples) / 2, (edge.source, edge.target, hits, len(samples))
        # the arrowhead: filled in the arrow's colour just before the target
        (xa, ya), (xb, yb) = edge.points[-2], edge.points[-1]
        length = ((xb - xa) ** 2 + (yb - ya) ** 2) ** 0.5
        # (arrows into one port end in one arrowhead: the last one drawn shows)
        ending_here = {colour_of(e) for e in layout.edges if e.points[-1] == edge.points[-1]}
        assert any(
            picture.near(xb - (xb - xa) / length * 3, yb - (yb - ya) / length * 3, c, 1, 90) for c in ending_here
        ), edge.target


@pytest.mark.parametrize("name", NAMES)
def test_png_shows_every_finding_mark_and_the_legend(name: str) -> None:
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    picture = Picture(name)
    spof = set(analysis.ownership.single_points_of_failure)
    for lane in layout.lanes:
        middle = lane.y + lane.height / 2
        if lane.role in spof:  # the red bar at the left of the lane and the badge under its name
            assert picture.near(ORG_BAND + TEAM_BAND + 1.5, middle, COLOURS["spof"], 0, 20), lane.role
        else:
            assert not picture.near(ORG_BAND + TEAM_BAND + 1.5, middle, COLOURS["spof"], 0, 20), lane.role
        mark = analysis.capacity.marks.get(lane.role or "")  # tinted only where PM303/PM304 found the role
        if mark is not None:
            assert picture.near(layout.width - 3, lane.y + 3, COLOURS[f"{mark}_fill"], 0, 6), lane.role
        else:
            assert not any(
                picture.near(layout.width - 3, lane.y + 3, COLOURS[f"{m}_fill"], 0, 6)
                for m in ("bottleneck", "overloaded")
            ), lane.role
    waits = {w.step: w for w in analysis.time.waits}
    longest = max((w.per_case for w in waits.values()), default=0.0)
    for node in layout.nodes:
        x, y, w, h = node.wait_box
        if node.step in waits and longest > 0:
            assert picture.near(x + 0.9, y + h / 2, COLOURS["wait_fill"], 0, 30), node.step  # bars are at least 1.5 pt
            assert (
                picture.near(x + w - 1, y + h / 2, COLOURS["wait_back"], 0, 12) or waits[node.step].per_case == longest
            ), node.step
            assert picture.dark_pixels((x + 2, y, 40, h)) > 10, node.step  # "wacht 5,9 d (10%)"
    for edge in layout.edges:
        if "manual" in edge.levels:  # the envelope in purple on the longest stretch
            best = max(zip(edge.points, edge.points[1:]), key=lambda s: abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1]))
            mx, my = (best[0][0] + best[1][0]) / 2, (best[0][1] + best[1][1]) / 2
            assert picture.near(mx, my, COLOURS["manual"], int(4 * picture.zoom), 60), edge.target
        if edge.label_box is not None:
            assert picture.dark_pixels(edge.label_box) > 10, (edge.source, edge.target)
    # the legend: one row or more below the lanes, each of its entries (what the picture shows) has its text
    legend = picture.pixels[int((layout.height + TITLE_H + 16) * picture.zoom) :]
    assert (legend.max(axis=2) < 120).sum() > 400 * len(legend_keys(layout)) * picture.zoom / 3
    # the organisation boundaries: thick ink lines over the whole width
    for group in layout.groups:
        if group.kind == "organisation":
            assert picture.near(HEADER_WIDTH + 10, group.y, COLOURS["ink"], 1, 30), group.id


def _numbers(d: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]


@pytest.mark.parametrize("name", NAMES)
def test_svg_geometry_is_the_layout(name: str) -> None:
    """Each arrow is drawn through exactly the layout's points, each step box at the layout's box."""
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    root = ET.fromstring(render_swimlane(analysis, "svg", "nl"))
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    for edge in layout.edges:
        path = groups[f"edge-{edge.source}--{edge.target}"].find(f"{SVG}path")
        assert path is not None
        values = _numbers(path.get("d", ""))
        points = list(zip(values[0::2], values[1::2]))
        expected = [(x + MARGIN, y + TITLE_H) for x, y in edge.points]
        assert len(points) == len(expected)
        assert all(abs(a - c) < 0.01 and abs(b - d) < 0.01 for (a, b), (c, d) in zip(points, expected))
    for node in layout.nodes:
        values = _numbers(groups[f"node-{node.step}"].find(f"{SVG}path").get("d", ""))  # type: ignore[union-attr]
        xs, ys = values[0::2], values[1::2]
        assert abs(min(xs) - (node.x + MARGIN)) < 0.01 and abs(max(xs) - (node.x + node.width + MARGIN)) < 0.01
        assert abs(min(ys) - (node.y + TITLE_H)) < 0.01 and abs(max(ys) - (node.y + node.height + TITLE_H)) < 0.01
    for key in legend_keys(layout):
        assert f"legend-{key}" in groups and f"legendmark-{key}" in groups, key
    ids = set(groups)
    for wait in analysis.time.waits:
        assert {f"waitbar-{wait.step}", f"waitbox-{wait.step}", f"wait-{wait.step}"} <= ids
    for role in analysis.ownership.single_points_of_failure:
        if role in analysis.process.roles:
            assert f"spofbar-{role}" in ids and f"badge-spof-{role}" in ids
    for edge in layout.edges:
        assert (f"manual-{edge.source}--{edge.target}" in ids) == ("manual" in edge.levels)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_has_every_name_as_text(name: str, tmp_path: Path) -> None:
    pdftotext = need_tool("pdftotext", "apt-get install poppler-utils; .ci/run installs it")
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    path = tmp_path / "d.pdf"
    path.write_bytes(render_swimlane(analysis, "pdf", "nl"))
    text = subprocess.run(
        [pdftotext, "-raw", str(path), "-"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    words = set(text.split())
    for node in layout.nodes:
        for line in node.label_lines:
            assert set(line.split()) <= words, (node.step, line)
    for lane in layout.lanes:
        assert set(lane.name.split()) <= words or not lane.name
    for key in legend_keys(layout):
        assert set(procesmap.i18n.t(f"diagram.legend.{key}", "nl").split()) <= words, key

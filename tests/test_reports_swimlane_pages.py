"""The swimlane in the HTML report as `procesmap diagram` draws it (issue 15): a map too big to read as one picture
fitted to a screen (median step name under READABLE_PX) shows the whole with its cuts and then each part as a
figure of its own; a small map stays one picture. Read back from the page: every step in exactly one part."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

import procesmap
from procesmap.diagrams.layout import swimlane_layout
from procesmap.diagrams.pages import split_layout
from procesmap.diagrams.swimlane import READABLE_PX, readable
from procesmap.render.html import render_html

from .conftest import ROOT


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"), cases=300)


def _figures(html: str, anchor: str) -> list[str]:
    start = html.index(f'aria-labelledby="{anchor}"')
    section = html[start : html.index("</section>", start)]
    return re.findall(r"<figure class=\"diagram wide[^\"]*\">(.*?)</figure>", section, re.S)


@pytest.mark.parametrize("name", ["omgevingsvergunning", "bezwaarschrift", "wmo-melding"])
def test_a_map_too_big_for_a_screen_shows_its_parts(name: str) -> None:
    analysis = analysis_of(name)
    html = render_html([analysis], "nl")
    figures = _figures(html, f"p1-{name}-swimlane")
    big = readable(analysis, "nl") < READABLE_PX
    parts = split_layout(swimlane_layout(analysis, "nl"))
    assert big == (name != "wmo-melding")  # 6.0 and 5.7 px against 8.5 (docs/diagrams.md)
    if not big:
        assert len(figures) == 1
        return
    assert len(figures) == 1 + len(parts) and len(parts) >= 2
    steps = [s.id for s in analysis.process.steps]
    # the whole: every step once, the cuts dashed (one fewer than the parts)
    assert sorted(re.findall(r'id="[^"]*-node-([^"]+)"', figures[0])) == sorted(steps)
    assert len(re.findall(r'id="[^"]*-cut-\d+"', figures[0])) == len(parts) - 1
    found: list[str] = []
    for number, figure in enumerate(figures[1:], 1):
        assert f"Deel {number} van {len(parts)}" in figure
        assert 'class="zoom"' in figure
        found += re.findall(r'id="[^"]*-node-([^"]+)"', figure)
        # every lane on every part
        lanes = {lane.role or "none" for lane in parts[0].lanes}
        assert {m for m in re.findall(r'id="[^"]*-lanelabel-([^"]+)"', figure)} == lanes
    assert sorted(found) == sorted(steps)  # every step in exactly one part

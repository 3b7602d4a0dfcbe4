"""The legend shows what the picture shows, no more (issue 15): a draft from ``log discover`` (one lane, no roles)
has no organisation, team, envelope or bottleneck lines in its legend.

The expected items are read from the drawn SVG itself (the shapes of the steps the map has, the stroke colour and
dash of every arrow path, the envelopes, wait bars and lane marks), not from the layout's flags the legend uses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

import procesmap
from procesmap.colours import HANDOVER_COLOURS
from procesmap.diagrams import render_swimlane
from procesmap.diagrams.swimlane import COLOURS, LEGEND_KEYS
from tests.conftest import ROOT, bundled, need_shared

SVG = "{http://www.w3.org/2000/svg}"
DRAFT = "draft-running-example"


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    if name == DRAFT:
        from procesmap.eventlog import discover, read_log

        log = read_log(need_shared("data", "event-logs", "running-example.xes"))
        return procesmap.analyse(procesmap.loads(discover(log, process_id="running-example")), cases=300)
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"), cases=300)


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id")}


def _style(group: ET.Element) -> dict[str, str]:
    path = next(group.iter(f"{SVG}path"))
    return dict(part.split(": ", 1) for part in path.get("style", "").split("; ") if part)


def drawn(root: ET.Element, analysis: procesmap.Analysis) -> set[str]:
    """The legend items the picture needs, from what is drawn."""
    groups = _groups(root)
    types = {step.type for step in analysis.process.steps if f"node-{step.id}" in groups}
    found = {t for t in ("start", "decision", "wait", "end") if t in types}
    if types & {"parallel", "join"}:
        found.add("parallel")
    if "task" in types:
        found.add("task")
    colour_key = {
        HANDOVER_COLOURS["organisation"]: "organisation",
        HANDOVER_COLOURS["external"]: "external",
        HANDOVER_COLOURS["team"]: "team",
    }
    for gid, group in groups.items():
        if gid.startswith("edge-"):
            style = _style(group)
            dash = style.get("stroke-dasharray")
            dotted = dash is not None and len(set(dash.split(","))) == 1
            if dotted:
                found.add("rework")
            if style["stroke"] in colour_key:
                found.add(colour_key[style["stroke"]])
            elif style["stroke"] == COLOURS["edge"] and dash is None:
                found.add("flow")
        elif gid.startswith("manual-"):
            found.add("manual")
        elif gid.startswith("waitbar-"):
            found.add("wait_bar")
        elif gid.startswith("spofbar-"):
            found.add("spof")
        elif gid.startswith("bottlenecklane-"):
            found.add("bottleneck")
        elif gid.startswith("overloadedlane-"):
            found.add("overloaded")
        elif gid.startswith(("stepbadge-", "lanebadge-")):
            found.add("badge_issue" if gid.rsplit("-", 1)[1].startswith("k") else "badge_finding")
    return found


@pytest.mark.parametrize("name", [p.stem for p in bundled()] + [DRAFT])
def test_legend_shows_exactly_what_is_drawn(name: str) -> None:
    analysis = analysis_of(name)
    root = ET.fromstring(render_swimlane(analysis, "svg", "nl"))
    groups = _groups(root)
    legend = {gid[len("legend-") :] for gid in groups if gid.startswith("legend-")}
    marks = {gid[len("legendmark-") :] for gid in groups if gid.startswith("legendmark-")}
    expected = drawn(root, analysis)
    assert legend == marks == expected, (sorted(legend ^ expected), name)
    if name == DRAFT:  # one lane, no roles: none of the handover, envelope or load lines
        assert not legend & {"team", "organisation", "external", "manual", "spof", "bottleneck", "overloaded"}
        assert {"start", "task", "end", "flow"} <= legend


def test_a_full_map_still_shows_its_handover_levels() -> None:
    """Omgevingsvergunning (three organisations, a manual system, a loop through the applicant) keeps those lines,
    and no map gets an item outside LEGEND_KEYS or the two badge keys."""
    root = ET.fromstring(render_swimlane(analysis_of("omgevingsvergunning"), "svg", "nl"))
    legend = {gid[len("legend-") :] for gid in _groups(root) if gid.startswith("legend-")}
    assert {"organisation", "external", "team", "manual", "rework", "spof", "bottleneck"} <= legend
    assert legend <= set(LEGEND_KEYS) | {"badge_finding", "badge_issue"}
    assert "wait" not in legend  # omgevingsvergunning has no wait step (its waits are on the tasks)
    assert not any(s.type == "wait" for s in analysis_of("omgevingsvergunning").process.steps)


def test_each_page_of_a_split_map_keys_its_own_picture(tmp_path: Path) -> None:
    """A part of a map cut into pages shows the legend of that part (bezwaarschrift: 3 parts)."""
    from procesmap.diagrams.swimlane import render_swimlane_pages

    analysis = analysis_of("bezwaarschrift")
    pages = render_swimlane_pages(analysis, "svg", "nl")
    assert len(pages) > 2
    for svg in pages[1:]:
        root = ET.fromstring(svg)
        groups = _groups(root)
        legend = {gid[len("legend-") :] for gid in groups if gid.startswith("legend-")}
        assert legend == drawn(root, analysis)

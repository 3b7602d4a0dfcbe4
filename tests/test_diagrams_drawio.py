"""``procesmap diagram --format drawio``: parsed back, every step, lane and edge is where the map says.

The file is read with a plain XML parser as draw.io reads it (mxGraphModel > root > mxCell):
containers nest organisation > team > lane, every step sits in its role's lane, every
transition is an edge between the right two steps, colours follow the handover levels, and the
geometry (relative to the parent, as draw.io stores it) puts every step inside its lane.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import procesmap
from procesmap.diagrams import drawio
from procesmap.diagrams.layout import swimlane_layout
from procesmap.graph import build_graph

from .conftest import ROOT, bundled


def _cells(data: bytes) -> dict[str, ET.Element]:
    tree = ET.fromstring(data)
    assert tree.tag == "mxfile"
    (root,) = tree.iter("root")
    cells = {cell.get("id"): cell for cell in root.findall("mxCell")}
    assert len(cells) == len(root.findall("mxCell")), "ids are unique"
    return cells


def _absolute(cells: dict[str, ET.Element], cell_id: str) -> tuple[float, float, float, float]:
    """A vertex's box in page coordinates: draw.io stores it relative to its parent container."""
    cell = cells[cell_id]
    geometry = cell.find("mxGeometry")
    assert geometry is not None
    x, y = float(geometry.get("x", 0)), float(geometry.get("y", 0))
    w, h = float(geometry.get("width", 0)), float(geometry.get("height", 0))
    parent = cell.get("parent")
    if parent not in (None, "0", "1"):
        px, py, _, _ = _absolute(cells, parent)
        x, y = x + px, y + py
    return x, y, w, h


def _ancestors(cells: dict[str, ET.Element], cell_id: str) -> list[str]:
    chain = []
    parent = cells[cell_id].get("parent")
    while parent not in (None, "0"):
        chain.append(parent)
        parent = cells[parent].get("parent")
    return chain


def _text(value: str) -> str:
    """The text a person sees in draw.io: HTML label, line breaks as spaces."""
    return html.unescape(re.sub(r"<br>", " ", value))


@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.stem)
def test_every_step_lane_and_edge_parses_back(path: Path) -> None:
    process = procesmap.load(path)
    analysis = procesmap.analyse(process, cases=200)
    cells = _cells(drawio.render_drawio(analysis, "nl"))

    # every role that does a step has a lane container, inside its team's or organisation's container
    roles_with_steps = {step.role for step in process.steps if step.role}
    for role_id in roles_with_steps:
        lane = cells[f"lane-{role_id}"]
        assert "container=1" in lane.get("style", "")
        assert _text(cells[f"lane-{role_id}-name"].get("value", "")) == process.role_name(role_id)
        role = process.roles[role_id]
        chain = _ancestors(cells, f"lane-{role_id}")
        if not role.external and role.team:
            assert any(c.startswith(f"team-{role.team}-") for c in chain), (role_id, chain)
            organisation = process.teams[role.team].organisation
            assert any(c.startswith(f"org-{organisation}-") for c in chain), (role_id, chain)
        elif role.external:
            assert any(c.startswith("org-external-") for c in chain), (role_id, chain)

    # every step is a shape in its role's lane, with its name, inside the lane's box
    for step in process.steps:
        cell = cells[f"step-{step.id}"]
        assert cell.get("vertex") == "1"
        assert re.sub(r"\s", "", _text(cell.get("value", ""))) == re.sub(r"\s", "", step.label)
        if step.role:
            assert f"lane-{step.role}" in _ancestors(cells, f"step-{step.id}")
            lx, ly, lw, lh = _absolute(cells, f"lane-{step.role}")
            x, y, w, h = _absolute(cells, f"step-{step.id}")
            assert lx <= x and x + w <= lx + lw + 0.1 and ly <= y and y + h <= ly + lh + 0.1, step.id

    # every transition is exactly one edge between the right two steps
    graph = build_graph(process)
    expected = sorted((t.source, t.target) for t in graph.transitions)
    edges = [c for c in cells.values() if c.get("edge") == "1"]
    found = sorted((e.get("source", "")[len("step-") :], e.get("target", "")[len("step-") :]) for e in edges)
    assert found == expected
    for edge in edges:
        assert edge.get("source") in cells and edge.get("target") in cells


def test_handover_colours_follow_the_levels_as_in_the_swimlane() -> None:
    """Colours written out here, as the swimlane's legend promises them (one colour code for both)."""
    red, teal, orange, grey, blue = "#c62828", "#00838f", "#e08a00", "#4a4a4a", "#1f5fa8"
    process = procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml")
    analysis = procesmap.analyse(process, cases=200)
    layout = swimlane_layout(analysis, "nl")
    cells = _cells(drawio.render_drawio(analysis, "nl"))
    checked = {"organisation": 0, "external": 0, "team": 0, "manual": 0, "back": 0}
    for edge in layout.edges:
        cell = next(
            c
            for c in cells.values()
            if c.get("edge") == "1"
            and c.get("source") == f"step-{edge.source}"
            and c.get("target") == f"step-{edge.target}"
        )
        style = dict(part.split("=", 1) for part in cell.get("style", "").split(";") if "=" in part)
        colour, width = {"organisation": (red, 2.2), "external": (teal, 2.2), "team": (orange, 1.6)}.get(
            edge.boundary or "", (blue if edge.back else grey, 0.9)
        )
        assert (style["strokeColor"], float(style["strokeWidth"])) == (colour, width), (edge.source, edge.target)
        if edge.boundary in checked:
            checked[edge.boundary] += 1
        if edge.back:
            assert (style.get("dashed"), style.get("dashPattern")) == ("1", "1.5 1.5")  # a loop stays a loop
            checked["back"] += 1
        elif edge.manual:
            assert (style.get("dashed"), style.get("dashPattern")) == ("1", "4 2")
        else:
            assert "dashed" not in style
        if "manual" in edge.levels:
            assert cell.get("value", "").startswith("✉")
            checked["manual"] += 1
        # a branch label is the layout's label, placed where the layout puts it
        if edge.label_lines:
            assert _text(cell.get("value", "")).replace("✉", "").strip() == " ".join(edge.label_lines)
            geometry = cell.find("mxGeometry")
            assert geometry is not None and geometry.find("mxPoint[@as='offset']") is not None
    assert all(checked.values()), checked  # the bundled permit map has every kind of arrow


def test_hostile_names_stay_text(tmp_path: Path) -> None:
    text = (ROOT / "processes" / "wmo-melding.yaml").read_text(encoding="utf-8")
    process = procesmap.loads(text)
    first = process.steps[0]
    hostile = "<script>alert(\"x\")</script> & <b>vet</b> ]]> 'quote'"
    changed = text.replace(f"name: {first.name}", f"name: {hostile!r}".replace("\\'", "''"), 1)
    process = procesmap.loads(changed)
    assert process.steps[0].name == hostile
    data = drawio.render_drawio(procesmap.analyse(process, cases=100), "en")
    assert b"<script" not in data and b"<b>" not in data  # escaped twice: XML and the HTML label
    cells = _cells(data)
    assert re.sub(r"\s", "", _text(cells[f"step-{first.id}"].get("value", ""))) == re.sub(r"\s", "", hostile)


def test_cli_writes_drawio_by_suffix_and_format(tmp_path: Path) -> None:
    target = tmp_path / "plan.drawio"
    path = str(ROOT / "processes" / "kcc-vraag-doorzetten.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "diagram", path, "-o", str(target)], capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<mxfile')
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "diagram", path, "--format", "drawio"], capture_output=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout == target.read_bytes()

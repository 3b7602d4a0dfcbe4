"""The swimlane layout (pure, no matplotlib): structure, exact layers, and no overlaps, for 5 to 60 steps."""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

import procesmap
from procesmap.diagrams.layout import Box, SwimlaneLayout, overlap, swimlane_layout, text_width, wrap_text
from procesmap.diagrams.sample import synthetic_map
from tests.conftest import ROOT, bundled

GENERATED = [(5, 0), (12, 3), (20, 1), (40, 0), (40, 7), (60, 2), (60, 5)]


@lru_cache(maxsize=None)
def bundled_analysis(name: str) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"), cases=500)


@lru_cache(maxsize=None)
def generated_analysis(steps: int, seed: int) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.loads(synthetic_map(steps, seed)), cases=200)


def all_cases() -> list[tuple[str, procesmap.Analysis]]:
    cases = [(p.stem, bundled_analysis(p.stem)) for p in bundled()]
    cases += [(f"generated-{n}-{s}", generated_analysis(n, s)) for n, s in GENERATED]
    return cases


def _shrink(box: Box, by: float) -> Box:
    return (box[0] + by, box[1] + by, box[2] - 2 * by, box[3] - 2 * by)


def check_layout(layout: SwimlaneLayout, analysis: procesmap.Analysis) -> None:
    process = analysis.process
    assert sorted(n.step for n in layout.nodes) == sorted(s.id for s in process.steps)
    assert {lane.role for lane in layout.lanes} >= set(process.roles)
    # lanes stack without gaps; every node lies inside its lane
    y = 0.0
    for lane in layout.lanes:
        assert lane.y == pytest.approx(y) and lane.height > 0
        y += lane.height
    assert y == pytest.approx(layout.height)
    for node in layout.nodes:
        lane = layout.lanes[node.lane]
        assert lane.y <= node.wait_box[1] and node.label_box[1] + node.label_box[3] <= lane.y + lane.height + 0.01
        assert layout.header_width < node.x and node.x + node.width < layout.width
    # no two shapes, labels or wait strips overlap
    boxes: list[tuple[str, Box]] = []
    for node in layout.nodes:
        boxes.append((f"shape {node.step}", (node.x, node.y, node.width, node.height)))
        boxes.append((f"label {node.step}", node.label_box))
        boxes.append((f"wait {node.step}", node.wait_box))
    for edge in layout.edges:
        if edge.label_box is not None:
            boxes.append((f"edge label {edge.source}->{edge.target}", edge.label_box))
    for i, (name_a, a) in enumerate(boxes):
        for name_b, b in boxes[i + 1 :]:
            same_node = name_a.split()[-1] == name_b.split()[-1] and "edge" not in name_a + name_b
            if same_node and {"shape", "label"} == {name_a.split()[0], name_b.split()[0]}:
                continue  # a task's name sits inside its box
            assert overlap(a, b) == 0, f"{name_a} overlaps {name_b}"
    # arrows are orthogonal, start and end at their steps, and pass through no other step
    shapes = {n.step: (n.x, n.y, n.width, n.height) for n in layout.nodes}
    for edge in layout.edges:
        points = edge.points
        assert len(points) >= 2
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            assert abs(x0 - x1) < 0.01 or abs(y0 - y1) < 0.01, f"diagonal segment in {edge.source}->{edge.target}"
            seg = (min(x0, x1), min(y0, y1), abs(x1 - x0) + 0.01, abs(y1 - y0) + 0.01)
            for step, shape in shapes.items():
                if step in (edge.source, edge.target):
                    continue
                assert overlap(seg, _shrink(shape, 0.5)) == 0, f"{edge.source}->{edge.target} crosses {step}"
        src, tgt = shapes[edge.source], shapes[edge.target]
        assert points[0][0] == pytest.approx(src[0] + src[2])
        assert points[-1][0] == pytest.approx(tgt[0])
    # forward arrows go to a later layer; back arrows close a loop
    layer = {n.step: n.layer for n in layout.nodes}
    for edge in layout.edges:
        if not edge.back:
            assert layer[edge.target] > layer[edge.source]


@pytest.mark.parametrize("name,analysis", all_cases(), ids=[c[0] for c in all_cases()])
def test_layout_has_no_overlaps_and_clean_arrows(name: str, analysis: procesmap.Analysis) -> None:
    check_layout(swimlane_layout(analysis), analysis)


def test_layers_lanes_and_loops_of_omgevingsvergunning() -> None:
    layout = swimlane_layout(bundled_analysis("omgevingsvergunning"))
    layer = {n.step: n.layer for n in layout.nodes}
    assert [
        layer[s]
        for s in (
            "ontvangst",
            "toewijzen",
            "volledigheid",
            "aanvullen",
            "inhoudelijke-toets",
            "adviezen-uitzetten",
            "intake-odvr",
            "advies-milieu",
            "adviezen-bundelen",
            "conceptbesluit",
            "collegiale-toets",
            "ondertekenen",
            "verzenden",
        )
    ] == [0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert layout.layers == 14
    assert {(e.source, e.target) for e in layout.edges if e.back} == {
        ("aanvullen", "volledigheid"),
        ("zienswijze-verwerken", "conceptbesluit"),
    }
    # every organisation's lanes are contiguous, externals at an edge, and teams inside their organisation
    orgs = [lane.organisation if not lane.external else "external" for lane in layout.lanes]
    blocks = [o for i, o in enumerate(orgs) if i == 0 or orgs[i - 1] != o]
    assert len(blocks) == len(set(blocks)), orgs  # each organisation (and the externals) in one run of lanes
    assert "external" in blocks and (blocks[0] == "external" or blocks[-1] == "external"), orgs
    assert len(layout.lanes) == len(bundled_analysis("omgevingsvergunning").process.roles)
    teams = [g for g in layout.groups if g.kind == "team" and g.id]
    assert {g.id for g in teams} == set(bundled_analysis("omgevingsvergunning").process.teams)
    # branch labels: probability with a Dutch percentage and the when text
    labels = {(e.source, e.target): e.label for e in layout.edges}
    assert labels[("volledigheid", "aanvullen")] == "30% · aanvraag onvolledig (tekeningen, berekeningen)"
    assert labels[("adviezen-uitzetten", "intake-odvr")] is None
    handover = next(e for e in layout.edges if (e.source, e.target) == ("adviezen-uitzetten", "intake-odvr"))
    assert handover.levels == ("role", "team", "organisation", "manual")


def test_lane_order_puts_talking_roles_together() -> None:
    text = """\
procesmap: 1
id: volgorde
owner: a
organisations: {o1: {name: Een}, o2: {name: Twee}}
teams: {t1: {name: T1, organisation: o1}, t2: {name: T2, organisation: o1}, t3: {name: T3, organisation: o2}}
roles:
  a: {team: t1, people: 2}
  b: {team: t2, people: 2}
  c: {team: t1, people: 2}
  d: {team: t3, people: 2}
steps:
  - {id: s1, type: start, role: a, next: s2}
  - {id: s2, role: c, next: s3}
  - {id: s3, role: d, next: s4}
  - {id: s4, role: c, next: s5}
  - {id: s5, type: end, role: b}
"""
    analysis = procesmap.analyse(procesmap.loads(text), cases=100)
    layout = swimlane_layout(analysis)
    order = [lane.role for lane in layout.lanes]
    # c talks to a, d and b: team t2 (b) goes above t1 so that c sits between b and d
    assert order == ["b", "a", "c", "d"]
    total = sum(
        abs(order.index(analysis.process.step(t.source).role) - order.index(analysis.process.step(t.target).role))
        for t in analysis.graph.transitions
    )
    assert total == 5  # file order (a, c, b | d) would cost 1 + 2 + 2 + 1 = 6


def test_steps_without_role() -> None:
    text = """\
procesmap: 1
id: zonder-rol
owner: a
roles: {a: {people: 2}}
steps:
  - {id: s1, type: start, next: s2}
  - {id: s2, role: a, next: s3}
  - {id: s3, name: Niemand doet dit, next: s4}
  - {id: s4, type: end}
"""
    analysis = procesmap.analyse(procesmap.loads(text), cases=100)
    layout = swimlane_layout(analysis)
    lane_of = {n.step: layout.lanes[n.lane].role for n in layout.nodes}
    assert lane_of == {"s1": "a", "s2": "a", "s3": None, "s4": None}
    check_layout(layout, analysis)


def test_text_wrapping_keeps_every_character() -> None:
    text = "Toets op volledigheid en ontvankelijkheid (Awb 4:5) bijzonderlangwoordzonderspatiesvoorditgeval"
    lines = wrap_text(text, 80, 7)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(text_width(line, 7) <= 80 for line in lines)
    assert text_width("ëéï", 10) > 0


def test_layout_imports_no_matplotlib_or_networkx_itself() -> None:
    code = "import sys, procesmap.diagrams.layout as l; print('matplotlib' in sys.modules, 'networkx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(ROOT), timeout=60)
    assert result.stdout.split() == ["False", "False"], result.stderr

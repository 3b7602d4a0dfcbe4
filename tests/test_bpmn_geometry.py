"""BPMN diagram interchange: the swimlane layout, fitted into pools and lanes.

Every flow node lies inside its lane, lanes inside their pool, no two flow nodes overlap,
arrows are orthogonal and end on the borders of their shapes, sequence flows stay in their
pool, and the steps keep the left-to-right order of ``procesmap diagram``'s swimlane layout
(with the export's relays, the message events it adds to handovers across pools, as small steps).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pytest

import procesmap
from procesmap.bpmn import ExportOptions, export_bpmn, import_bpmn
from procesmap.bpmn._export import plan
from procesmap.diagrams.sample import synthetic_map

from .conftest import bundled

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"
DI = "{http://www.omg.org/spec/DD/20100524/DI}"
OPTIONS = [ExportOptions(p, e) for p in ("organisation", "single") for e in ("pool", "lane")]
NODES = {
    "startEvent",
    "endEvent",
    "intermediateCatchEvent",
    "intermediateThrowEvent",
    "userTask",
    "manualTask",
    "task",
    "callActivity",
    "exclusiveGateway",
    "parallelGateway",
}

# steps without a role (start, end, a decision with only a RACI R, a wait next to an external
# party, a task: the "no role" lane), roles that do no step, and an external party
WITHOUT_ROLES = """\
procesmap: 1
id: zonder-rol
owner: a
organisations: {o1: {name: Een}, o2: {name: Twee}}
teams: {t1: {name: T1, organisation: o1}, t2: {name: T2, organisation: o2}}
roles:
  a: {team: t1, people: 2}
  b: {team: t2, people: 2}
  c: {team: t1, people: 1}
  x: {external: true, name: Burger}
  idle: {team: t1, people: 1}
  idle2: {organisation: o2, people: 1}
steps:
  - {id: s1, type: start, name: Begin met een lange naam die in bpmn-js vier regels nodig heeft, next: s2}
  - {id: s2, role: a, next: s3}
  - {id: s3, name: Niemand doet dit, next: s4}
  - {id: s4, type: decision, raci: {R: b}, next: [{to: s5, when: goed genoeg volgens de regels}, {to: s6, when: fout}]}
  - {id: s5, role: x, next: s7}
  - {id: s6, role: c, next: s2}
  - {id: s7, type: wait, wait: 2d, next: s8}
  - {id: s8, role: b, next: s9}
  - {id: s9, type: end}
"""

# the lane of a role that does no step lies between two lanes, and a rework arrow runs through it
IDLE_BETWEEN = """\
procesmap: 1
id: vulling
owner: a1
organisations: {o0: {name: Nul}, o1: {name: Een}}
teams: {t1: {name: T1, organisation: o1}, t2: {name: T2, organisation: o1}}
roles:
  x: {organisation: o0, people: 2}
  a1: {team: t1, people: 2}
  idle: {team: t1, people: 1}
  a2: {team: t2, people: 2}
steps:
  - {id: s1, type: start, role: x, next: s2}
  - {id: s2, role: x, name: Aanvraag indienen, next: s3}
  - {id: s3, role: a1, name: Eerste stap, next: s3x}
  - {id: s3x, role: x, name: Aanvullen, next: s3y}
  - {id: s3y, role: a1, name: Opnieuw bekijken, next: s3z}
  - {id: s3z, role: x, name: Nog eens aanvullen, next: s3w}
  - {id: s3w, role: a1, name: Weer bekijken, next: s4}
  - {id: s4, role: a2, name: Tweede stap, next: s5}
  - {id: s5, role: a2, name: Derde stap, next: [{to: s3w, when: terug naar een, p: 0.2}, {to: s6, p: 0.8}]}
  - {id: s6, role: a2, name: Vierde stap, next: [{to: s3w, when: ook terug naar een, p: 0.2}, {to: s7, p: 0.8}]}
  - {id: s7, type: end, role: a2}
"""

# handovers across pools that need relays (message events): from a parallel without a role, from a
# decision in the "no role" lane, two branches of one decision to one join in another pool
RELAYS = """\
procesmap: 1
id: relais
owner: a
organisations: {o1: {name: Een}, o2: {name: Twee}}
roles:
  a: {organisation: o1, people: 2}
  b: {organisation: o2, people: 2}
steps:
  - {id: s, type: start, next: p}
  - {id: p, type: parallel, next: [t, u]}
  - {id: t, role: b, next: j}
  - {id: u, role: a, next: d}
  - {id: d, type: decision, next: [{to: q, when: ja}, {to: q, when: ook ja}, {to: j, when: nee}]}
  - {id: q, type: join, role: b, next: j}
  - {id: j, type: join, next: e}
  - {id: e, type: end}
"""

NO_ROLES = (
    "procesmap: 1\nid: klein\nsteps:\n  - {id: a, type: start, next: b}\n  - {id: b, next: c}\n  - {id: c, type: end}\n"
)


@functools.lru_cache(maxsize=None)
def case(name: str) -> procesmap.Process:
    texts = {
        "without-roles": WITHOUT_ROLES,
        "idle-between": IDLE_BETWEEN,
        "no-roles": NO_ROLES,
        "relays": RELAYS,
        # 60-2 with external parties as lanes needs a band moved: a rework arrow ran through another pool
        "synthetic-60-2": synthetic_map(60, 2),
        "synthetic-40-7": synthetic_map(40, 7),
    }
    if name in texts:
        return procesmap.loads(texts[name])
    return procesmap.load(next(p for p in bundled() if p.stem == name))


CASES = [p.stem for p in bundled()] + [
    "without-roles",
    "idle-between",
    "no-roles",
    "relays",
    "synthetic-60-2",
    "synthetic-40-7",
]

Box = tuple[float, float, float, float]


@dataclass
class Diagram:
    shapes: dict[str, Box]
    labels: dict[str, Box]
    edges: dict[str, list[tuple[float, float]]]
    pool_of: dict[str, str]  # flow node id -> participant id
    lane_of: dict[str, str]  # flow node id -> its (deepest) lane id
    lanes: dict[str, str]  # lane id -> id of its parent lane or participant
    flows: dict[str, tuple[str, str, str]]  # flow id -> (kind, source, target)


def read(data: bytes) -> Diagram:
    from lxml import etree

    doc = etree.fromstring(data)
    shapes: dict[str, Box] = {}
    labels: dict[str, Box] = {}
    for shape in doc.iter(f"{BPMNDI}BPMNShape"):
        bounds = shape.find(f"{DC}Bounds")
        shapes[shape.get("bpmnElement")] = tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))
        label = shape.find(f"{BPMNDI}BPMNLabel/{DC}Bounds")
        if label is not None:
            labels[shape.get("bpmnElement")] = tuple(float(label.get(k)) for k in ("x", "y", "width", "height"))
    edges = {
        edge.get("bpmnElement"): [(float(p.get("x")), float(p.get("y"))) for p in edge.iter(f"{DI}waypoint")]
        for edge in doc.iter(f"{BPMNDI}BPMNEdge")
    }
    processes = {p.get("id"): p for p in doc.iter(f"{BPMN}process")}
    diagram = Diagram(shapes, labels, edges, {}, {}, {}, {})

    def walk(parent: object, parent_id: str) -> None:
        for lane in parent.findall(f"{BPMN}lane"):  # type: ignore[attr-defined]
            diagram.lanes[lane.get("id")] = parent_id
            for ref in lane.findall(f"{BPMN}flowNodeRef"):
                diagram.lane_of[ref.text] = lane.get("id")  # deeper lanes are read later and win
            for child in lane.findall(f"{BPMN}childLaneSet"):
                walk(child, lane.get("id"))

    for participant in doc.iter(f"{BPMN}participant"):
        process = processes[participant.get("processRef")]
        for lane_set in process.findall(f"{BPMN}laneSet"):
            walk(lane_set, participant.get("id"))
        for node in process:
            if etree.QName(node).localname in NODES:
                diagram.pool_of[node.get("id")] = participant.get("id")
        for flow in process.findall(f"{BPMN}sequenceFlow"):
            diagram.flows[flow.get("id")] = ("sequence", flow.get("sourceRef"), flow.get("targetRef"))
    for flow in doc.iter(f"{BPMN}messageFlow"):
        diagram.flows[flow.get("id")] = ("message", flow.get("sourceRef"), flow.get("targetRef"))
    return diagram


def inside(inner: Box, outer: Box) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def overlap(a: Box, b: Box) -> bool:
    return min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0]) and min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1])


@pytest.mark.parametrize("options", OPTIONS, ids=[f"{o.pools}-{o.external}" for o in OPTIONS])
@pytest.mark.parametrize("name", CASES)
def test_shapes_lie_in_their_lanes_and_keep_the_swimlane_order(name: str, options: ExportOptions) -> None:
    process = case(name)
    diagram = read(export_bpmn(process, options))
    drawing = plan(process, options)
    nodes = sorted(diagram.pool_of)
    assert sorted([f"Step_{s.id}" for s in process.steps] + [r.element_id for r in drawing.relays.values()]) == nodes
    # every flow node inside its (deepest) lane, every lane inside its parent, all inside the pool
    for node in nodes:
        container = diagram.lane_of.get(node, diagram.pool_of[node])
        assert inside(diagram.shapes[node], diagram.shapes[container]), (node, container)
        assert inside(diagram.shapes[node], diagram.shapes[diagram.pool_of[node]])
    for lane, parent in diagram.lanes.items():
        assert inside(diagram.shapes[lane], diagram.shapes[parent]), (lane, parent)
    # lanes of one parent, and pools, do not overlap; neither do two flow nodes
    siblings: dict[str, list[str]] = {}
    for lane, parent in diagram.lanes.items():
        siblings.setdefault(parent, []).append(lane)
    groups = list(siblings.values()) + [sorted(set(diagram.pool_of.values()))]
    for group in groups + [nodes]:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                assert not overlap(diagram.shapes[a], diagram.shapes[b]), (a, b)
    # the name below an event or gateway covers no other flow node
    for node, label in diagram.labels.items():
        assert not any(overlap(label, diagram.shapes[other]) for other in nodes if other != node), node
    # arrows: orthogonal, out of the source's right border, into the target's left border, past no
    # other flow node; a sequence flow stays in its pool, a message flow goes to another pool
    for flow_id, (kind, source, target) in diagram.flows.items():
        points = diagram.edges[flow_id]
        assert len(points) >= 2
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            assert x0 == x1 or y0 == y1, f"diagonal segment in {flow_id}"
            segment = (min(x0, x1), min(y0, y1), abs(x1 - x0) + 0.01, abs(y1 - y0) + 0.01)
            for node in nodes:
                if node not in (source, target):
                    x, y, w, h = diagram.shapes[node]
                    assert not overlap(segment, (x + 1, y + 1, w - 2, h - 2)), f"{flow_id} crosses {node}"
        sx, sy, sw, sh = diagram.shapes[source]
        tx, ty, tw, th = diagram.shapes[target]
        assert points[0][0] == sx + sw and sy <= points[0][1] <= sy + sh, flow_id
        assert points[-1][0] == tx and ty <= points[-1][1] <= ty + th, flow_id
        if kind == "sequence":
            pool = diagram.shapes[diagram.pool_of[source]]
            assert all(inside((x, y, 0, 0), pool) for x, y in points), f"{flow_id} leaves its pool"
        else:
            assert diagram.pool_of[source] != diagram.pool_of[target]
    # the steps keep the swimlane layout's left-to-right order (same column: same centre); with
    # relays, that is the layout of the map with the relays as small steps
    layout = drawing.layout
    element = drawing.element
    centre = {node: diagram.shapes[node][0] + diagram.shapes[node][2] / 2 for node in nodes}
    swim = {element[n.step]: n.x + n.width / 2 for n in layout.nodes}
    for a in nodes:
        for b in nodes:
            if swim[a] < swim[b] - 0.5:
                assert centre[a] < centre[b], (a, b)
            elif abs(swim[a] - swim[b]) <= 0.5:
                assert abs(centre[a] - centre[b]) <= 1, (a, b)
    # within a pool, the lanes of the steps are in the swimlane layout's order, top to bottom
    band = {lane.role: i for i, lane in enumerate(layout.lanes)}
    role_of = {element[n.step]: layout.lanes[n.lane].role for n in layout.nodes}
    for pool in set(diagram.pool_of.values()):
        mine = sorted((n for n in nodes if diagram.pool_of[n] == pool), key=lambda n: diagram.shapes[n][1])
        containers = sorted({diagram.lane_of.get(n, pool) for n in mine}, key=lambda c: diagram.shapes[c][1])
        first = {c: min(band[role_of[n]] for n in mine if diagram.lane_of.get(n, pool) == c) for c in containers}
        assert [first[c] for c in containers] == sorted(first.values())
    # a relay sits in the lane of the step it belongs to: a "send" right after the step it follows, a
    # "receive" before the step it leads to (after it, when the handover is a rework loop back to it)
    back = {(e.source, e.target) for e in layout.edges if e.back}
    for node, relay in drawing.relays.items():
        chain = drawing.chains[(relay.step, relay.index)]
        own = chain[0] if relay.kind == "send" else chain[-1]
        mine, theirs = element[node], element[own]
        assert diagram.lane_of.get(mine, diagram.pool_of[mine]) == diagram.lane_of.get(theirs, diagram.pool_of[theirs])
        assert diagram.pool_of[mine] == diagram.pool_of[theirs]
        if relay.kind == "send":
            assert centre[theirs] < centre[mine], (theirs, mine)
        else:
            after = chain[chain.index(node) + 1]
            assert (centre[mine] < centre[theirs]) != ((node, after) in back), (mine, theirs)


def test_relays_sit_next_to_their_steps() -> None:
    """The relays of the "relays" map: which there are, and in which lane (the "no role" lane too)."""
    drawing = plan(case("relays"))
    diagram = read(export_bpmn(case("relays")))
    where = {r.element_id: diagram.lane_of.get(r.element_id) for r in drawing.relays.values()}
    # p and j have no role: they sit in the lane of b (their neighbour t's); d has neither role nor R
    assert diagram.lane_of["Step_p"] == diagram.lane_of["Step_j"] == "Lane_role_b"
    assert diagram.lane_of["Step_d"] == "Lane_no_role"
    assert where == {
        "Send_p_1": "Lane_role_b",  # p -> u (role a, the other organisation)
        "Send_d_0": "Lane_no_role",
        "Receive_d_0": "Lane_role_b",  # d -> q, twice
        "Send_d_1": "Lane_no_role",
        "Receive_d_1": "Lane_role_b",
        "Send_d_2": "Lane_no_role",
        "Receive_d_2": "Lane_role_b",
    }  # d -> j


def test_bands_follow_the_swimlane_picture() -> None:
    """omgevingsvergunning: the role lanes, top to bottom, are the swimlane lanes that have steps."""
    from procesmap.bpmn._diagram import SCALE_Y, swimlane

    process = case("omgevingsvergunning")
    layout = swimlane(process)
    diagram = read(export_bpmn(process, ExportOptions("single", "lane")))
    leaves = [lane for lane in diagram.lanes if lane not in diagram.lanes.values()]
    ordered = sorted(leaves, key=lambda lane: diagram.shapes[lane][1])
    assert [lane.removeprefix("Lane_role_") for lane in ordered] == [
        lane.role for lane in layout.lanes if lane.has_steps
    ]
    for lane in layout.lanes:
        if lane.has_steps:
            assert diagram.shapes[f"Lane_role_{lane.role}"][3] == pytest.approx(lane.height * SCALE_Y, abs=1)


def test_steps_without_a_role_sit_in_a_neighbours_lane_and_come_back_without_one() -> None:
    from lxml import etree

    process = case("without-roles")
    data = export_bpmn(process)
    diagram = read(data)
    assert diagram.lane_of["Step_s1"] == "Lane_role_a"  # start: the lane of its next step
    assert diagram.lane_of["Step_s9"] == "Lane_role_b"  # end: the lane of the step before
    assert diagram.lane_of["Step_s4"] == "Lane_role_b"  # a decision by its RACI R
    assert diagram.lane_of["Step_s3"] == "Lane_no_role"  # a task without anyone
    assert diagram.pool_of["Step_s7"] == "Pool_role_x"  # a wait next to the external party, in its pool
    assert "Lane_role_idle" not in diagram.shapes and "Lane_role_idle2" not in diagram.shapes
    again = procesmap.loads(import_bpmn(data).yaml_text)
    assert again.model_dump(mode="json") == process.model_dump(mode="json")
    assert again.step("s1").role is None and again.step("s4").raci.R == "b"
    # moved to another lane in a modeller: the step gets that lane's role
    doc = etree.fromstring(data)
    ref = next(r for r in doc.iter(f"{BPMN}flowNodeRef") if r.text == "Step_s1")
    target = next(lane for lane in doc.iter(f"{BPMN}lane") if lane.get("id") == "Lane_role_c")
    ref.getparent().remove(ref)
    target.append(ref)
    moved = procesmap.loads(import_bpmn(etree.tostring(doc)).yaml_text)
    assert moved.step("s1").role == "c"


def test_flow_names_are_placed_clear_of_steps() -> None:
    """The names of flows get a BPMNLabel where bpmn-js's 90-pixel-wide text covers no step."""
    from lxml import etree

    from procesmap.bpmn._diagram import LABEL_WIDTH, text_box

    data = export_bpmn(case("omgevingsvergunning"))
    diagram = read(data)
    doc = etree.fromstring(data)
    named = {
        f.get("id"): f.get("name")
        for tag in ("sequenceFlow", "messageFlow")
        for f in doc.iter(f"{BPMN}{tag}")
        if f.get("name")
    }
    assert named
    steps = list(diagram.pool_of)
    for edge in doc.iter(f"{BPMNDI}BPMNEdge"):
        flow_id = edge.get("bpmnElement")
        bounds = edge.find(f"{BPMNDI}BPMNLabel/{DC}Bounds")
        assert (bounds is not None) == (flow_id in named), flow_id
        if bounds is None:
            continue
        box = tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))
        assert box[2:] == text_box(named[flow_id]) and box[2] <= LABEL_WIDTH
        assert not any(overlap(box, diagram.shapes[step]) for step in steps), flow_id

"""BPMN diagram interchange (BPMNDI) from procesmap's own swimlane layout.

The picture of ``procesmap diagram`` and the diagram in the BPMN file come from one layout,
:func:`procesmap.diagrams.layout.swimlane_layout`: the columns of the steps (their x), the
order of the lanes, the tracks within a lane, the sizes of the shapes and the orthogonal
routes of the arrows. This module fits that layout into BPMN's structure of pools and
(nested) lanes:

- every BPMN leaf lane (a role, or "no role") and every pool without lanes (an external
  party) takes the band of its role's swimlane lane, just as high;
- pools, and lanes within their parent, are ordered by their first swimlane band. Where BPMN
  groups differently from the swimlane picture (external parties as lanes of the main pool,
  the "no role" lane in the main pool, one pool for everything), a band moves as a whole to
  keep every pool's and every lane's bands together; steps keep their x;
- a role that does no step has a slim swimlane lane but no BPMN lane. Its band is left out,
  unless an arrow runs through it: then it joins the neighbouring lane, of the arrow's pool
  where that matters;
- a pool has a header band on the left, and so has each level of lanes (bpmn-js and Camunda
  Modeler write the names there); pools are stacked with a gap between them;
- every y moves with its band and every x by one offset, scaled by :data:`SCALE_X` and
  :data:`SCALE_Y` (the swimlane layout is measured in points for small print; bpmn-js writes
  11 and 12 pixel text, and needs the height for the names below events and gateways).
  Moving whole bands keeps every arrow orthogonal and off other shapes: its vertical runs lie
  in the channels between columns, each horizontal run within one band. Its ends are put on
  the borders of their shapes. A sequence flow that ran through a band now in another pool
  runs along the free margin of its own pool instead;
- relays (the message end and start events the export adds where a handover across pools
  leaves from or arrives at a gateway, a start, end or timer event): the layout is then that of
  the map with the relays as small steps on their branches (:func:`swimlane_with_relays`), every
  step pinned to its lane, so a relay sits in its step's lane, in a column of its own next to it;
- names: bpmn-js writes the name of an event, a gateway or a flow outside the shape, 90 pixels
  wide (:func:`text_box`); events and gateways get theirs below them, flows beside their arrow
  where it covers no step (:func:`place_flow_labels`).

The swimlane layout is horizontal (the flow runs left to right, lanes are horizontal bands),
as BPMN diagrams are, so nothing needs to be transposed. Coordinates are integers in BPMN DI
units (pixels at 100 %).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from procesmap.diagrams.layout import SMALL, text_width, wrap_text
from procesmap.durations import Amount, Fixed
from procesmap.model import Branch, Step

if TYPE_CHECKING:
    from procesmap.bpmn._export import Lane, Pool
    from procesmap.diagrams.layout import Edge, SwimlaneLayout
    from procesmap.model import Process

__all__ = [
    "Placement",
    "swimlane",
    "swimlane_with_relays",
    "step_lanes",
    "place",
    "place_flow_labels",
    "text_box",
    "SCALE_X",
    "SCALE_Y",
]

SCALE_X = 1.25
"""BPMN pixels per swimlane point along the flow..."""
SCALE_Y = 2.0
"""...and across it: room for bpmn-js's names below events and gateways (see :data:`LABEL_WIDTH`)."""
MARGIN = 20
HEADER = 30
"""Width of the name band of a pool and of each level of lanes (as bpmn-js draws them)."""
POOL_GAP = 30
CASES = 0
"""Simulated cases for the analysis behind the layout: none, since the layout uses only the graph and the
handovers (with 100 cases the queueing simulation still ran its warm-up of 2,000 cases, minutes for a map
of 2,000 steps and 1,000 roles)."""
LABEL_WIDTH = 90
"""bpmn-js and Camunda Modeler wrap the name of an event, a gateway or a flow at 90 pixels..."""
LABEL_FONT = 11.0
"""...in 11-pixel text..."""
LABEL_LINE = 13
"""...with lines 13 pixels apart."""
LABEL_GAP = 4
"""Between an event or gateway and its name below it."""

Box = tuple[int, int, int, int]
Point = tuple[int, int]


@dataclass
class Placement:
    """Where everything goes in the BPMN diagram: ``(x, y, width, height)`` boxes and waypoints."""

    nodes: dict[str, Box] = field(default_factory=dict)  # step id -> its shape
    labels: dict[str, Box] = field(default_factory=dict)  # step id -> its name below an event/gateway
    lanes: dict[str, Box] = field(default_factory=dict)  # BPMN lane id -> box
    pools: dict[str, Box] = field(default_factory=dict)  # BPMN participant id -> box
    edges: dict[tuple[str, str], list[Point]] = field(default_factory=dict)  # (source, target) -> waypoints


def swimlane(process: "Process", lang: str | None = None) -> "SwimlaneLayout":
    """The swimlane layout of ``process``, as ``procesmap diagram`` draws it."""
    from procesmap.diagrams.layout import swimlane_layout  # lazy: loads only for this step of a BPMN import or export
    from procesmap.pipeline import analyse  # lazy: loads only for this step of a BPMN import or export
    from procesmap.settings import Settings  # lazy: loads only for this step of a BPMN import or export

    return swimlane_layout(analyse(process, Settings(cases=CASES)), lang or process.language)


def swimlane_with_relays(
    process: "Process",
    chains: dict[tuple[str, int], list[str]],
    relay_lane: dict[str, str | None],
    step_lane: dict[str, str | None],
    lang: str | None = None,
) -> tuple["Process", "SwimlaneLayout"]:
    """The swimlane layout of ``process`` with the export's relays as small steps on their branches.

    ``chains`` gives, for every branch ``(step, index)``, the nodes from the step to its target
    (relays in between); ``relay_lane`` the role of each relay's lane (its step's), ``step_lane``
    each step's (:func:`step_lanes` of the plain layout). Every step and relay is pinned to that
    lane: one in a role's lane gets the role, one in the "no role" lane a ``work`` (the layout puts
    a step without a role there when it has work), so that the layout's search for a neighbour's
    lane moves nothing to another lane or pool. A relay so gets a column of its own, right after
    the step it follows (``send``) or right before the one it leads to (``receive``), and its
    arrows are routed like any other. Returns the map with the relays (for the pools) and its layout.
    """

    steps: list[Step] = []
    for step in process.steps:
        update: dict[str, object] = {}
        lane = step_lane[step.id]
        if lane is not None and (step.role or step.raci.R) != lane:
            update["role"] = lane
        elif lane is None and step.type not in ("task", "decision") and step.work is None:
            update["work"] = Fixed(Amount())
        update["next"] = [
            branch.model_copy(update={"to": chains[(step.id, index)][1]})
            if len(chains[(step.id, index)]) > 2
            else branch
            for index, branch in enumerate(step.next)
        ]
        steps.append(step.model_copy(update=update))
    following = {node: chain[i + 1] for chain in chains.values() for i, node in enumerate(chain[1:-1], start=1)}
    for node, lane in relay_lane.items():
        pin = {"role": lane} if lane is not None else {"work": Fixed(Amount())}
        steps.append(Step(id=node, type="wait", next=[Branch(to=following[node])], **pin))
    drawn = process.model_copy(update={"steps": steps})
    return drawn, swimlane(drawn, lang)


def step_lanes(layout: "SwimlaneLayout") -> dict[str, str | None]:
    """The role of the lane every step sits in (None: the "no role" lane).

    That is the step's role, else its RACI ``R``; a step without either that is an event or
    a gateway sits in the lane of a neighbouring step.
    """
    return {node.step: layout.lanes[node.lane].role for node in layout.nodes}


def _round(value: float) -> int:
    """Half up, so that ``_round(a + n) == _round(a) + n`` for whole ``n`` (borders stay on borders)."""
    return math.floor(value + 0.5)


def place(
    pools: list["Pool"], layout: "SwimlaneLayout", pool_of: dict[str, "Pool"], names: dict[str, str]
) -> Placement:
    """Fit ``layout`` into ``pools`` (whose leaf lanes hold exactly the roles of :func:`step_lanes`).

    ``pool_of`` is the pool of every step, ``names`` the name BPMN shows for it.
    """
    bands = layout.lanes
    band_of_role = {lane.role: i for i, lane in enumerate(bands)}
    tops = [lane.y for lane in bands]

    def band_at(y: float) -> int:
        return max(0, bisect.bisect_right(tops, y) - 1)

    # 1. the BPMN containers of steps (leaf lanes, pools without lanes) and their bands
    leaf_band: dict[str, int] = {}
    owner: dict[int, "Pool"] = {}

    def leaves(pool: "Pool", lanes: list["Lane"]) -> None:
        for lane in lanes:
            if lane.children:
                leaves(pool, lane.children)
            else:
                band = band_of_role[None if lane.none else lane.role]
                leaf_band[lane.id] = band
                owner[band] = pool

    for pool in pools:
        if pool.lanes:
            leaves(pool, pool.lanes)
        else:
            band = band_of_role[pool.role]
            leaf_band[pool.id] = band
            owner[band] = pool

    # 2. bands of roles that do no step: left out, or joined to a neighbour when an arrow runs through
    through: dict[int, list["Edge"]] = {}
    for edge in layout.edges:
        ys = {y for _, y in edge.points}
        for band in sorted({band_at(y) for y in ys}):
            through.setdefault(band, []).append(edge)
    members: dict[int, list[int]] = {band: [band] for band in owner}  # a leaf's band -> the bands it spans
    for band in range(len(bands)):
        if band in owner or band not in through:
            continue
        above = next((b for b in range(band - 1, -1, -1) if b in owner), None)
        below = next((b for b in range(band + 1, len(bands)) if b in owner), None)
        sequence_pools = {id(pool_of[e.source]) for e in through[band] if pool_of[e.source] is pool_of[e.target]}
        lane = bands[band]
        candidates = []
        for b in (above, below):
            if b is None:
                continue
            other = bands[b]
            rank = (
                bool(sequence_pools) and id(owner[b]) not in sequence_pools,  # keep a sequence flow in its pool
                (other.organisation, other.external) != (lane.organisation, lane.external),
                b != above,
            )
            candidates.append((rank, b))
        if candidates:
            chosen = min(candidates)[1]
            members[chosen] = sorted(members[chosen] + [band])

    # 3. order: pools, and lanes within their parent, by their first band
    def first_band(pool: "Pool | None" = None, lane: "Lane | None" = None) -> int:
        if lane is not None:
            if lane.children:
                return min(first_band(lane=child) for child in lane.children)
            return leaf_band[lane.id]
        assert pool is not None
        if pool.lanes:
            return min(first_band(lane=child) for child in pool.lanes)
        return leaf_band[pool.id]

    def depth(lanes: list["Lane"]) -> int:
        return max((1 + depth(lane.children) for lane in lanes), default=0)

    levels = max((depth(pool.lanes) for pool in pools), default=0)
    x0 = MARGIN + HEADER * (1 + levels)

    def tx(x: float) -> float:
        return x0 + SCALE_X * (x - layout.header_width)

    right = _round(tx(layout.width))

    # 4. stack the bands: every kept band gets its new top
    new_top: dict[int, float] = {}
    pool_spans: dict[str, tuple[float, float]] = {}
    lane_spans: dict[str, tuple[float, float, int]] = {}

    def stack_leaf(leaf_id: str, y: float) -> float:
        for band in members[leaf_band[leaf_id]]:
            new_top[band] = y
            y += SCALE_Y * bands[band].height
        return y

    def stack(lanes: list["Lane"], level: int, y: float) -> float:
        for lane in sorted(lanes, key=lambda item: first_band(lane=item)):
            top = y
            y = stack(lane.children, level + 1, y) if lane.children else stack_leaf(lane.id, y)
            lane_spans[lane.id] = (top, y, level)
        return y

    y = float(MARGIN)
    for pool in sorted(pools, key=lambda item: first_band(pool=item)):
        top = y
        y = stack(pool.lanes, 0, y) if pool.lanes else stack_leaf(pool.id, y)
        pool_spans[pool.id] = (top, y)
        y += POOL_GAP

    def ty(value: float, band: int | None = None) -> float:
        band = band_at(value) if band is None else band
        return new_top[band] + SCALE_Y * (value - tops[band])

    result = Placement()
    for pool in pools:
        top, bottom = pool_spans[pool.id]
        result.pools[pool.id] = (MARGIN, _round(top), right - MARGIN, _round(bottom) - _round(top))
    for lane_id, (top, bottom, level) in lane_spans.items():
        x = MARGIN + HEADER * (1 + level)
        result.lanes[lane_id] = (x, _round(top), right - x, _round(bottom) - _round(top))

    # 5. steps: tasks scaled, events and gateways round (their size from the x scale) on their centre
    small = 2 * _round(SMALL * SCALE_X / 2)
    for node in layout.nodes:
        band = band_at(node.y + node.height / 2)
        if node.small:
            cx, cy = node.centre
            left, top = _round(tx(cx)) - small // 2, _round(ty(cy, band)) - small // 2
            result.nodes[node.step] = (left, top, small, small)
            name = names.get(node.step, "")
            width, height = text_box(name)
            result.labels[node.step] = (left + small // 2 - width // 2, top + small + LABEL_GAP, width, height)
        else:
            left, top = _round(tx(node.x)), _round(ty(node.y, band))
            result.nodes[node.step] = (
                left,
                top,
                _round(tx(node.x + node.width)) - left,
                _round(ty(node.y + node.height, band)) - top,
            )

    def margin(pool: "Pool", above: bool) -> int:
        """The middle of the free strip along the top (or bottom) of ``pool``, between its border and its steps."""
        x, top, width, height = result.pools[pool.id]
        inside = [box for step, box in result.nodes.items() if pool_of[step] is pool]
        inside += [box for step, box in result.labels.items() if pool_of[step] is pool]
        if above:
            return (top + min((b[1] for b in inside), default=top + height)) // 2
        return (top + height + max((b[1] + b[3] for b in inside), default=top)) // 2

    # 6. arrows: every point moves with its band; the ends sit on the borders of their shapes. A
    #    sequence flow stays in its pool: a run through a band of another pool (one that moved
    #    away) goes along the free margin at the near edge of its own pool instead.
    band_pool = {band: owner[leaf] for leaf, spanned in members.items() for band in spanned}
    for edge in layout.edges:
        own = pool_of[edge.source] if pool_of[edge.source] is pool_of[edge.target] else None
        points: list[tuple[int, int]] = []
        for px, py in edge.points:
            band = band_at(py)
            if own is not None and band_pool.get(band) is not own:
                points.append((_round(tx(px)), margin(own, above=new_top[band] < pool_spans[own.id][0])))
            else:
                points.append((_round(tx(px)), _round(ty(py, band))))
        source, target = result.nodes[edge.source], result.nodes[edge.target]
        if points[0][1] == points[1][1]:  # leaves on the right
            points[0] = (source[0] + source[2], points[0][1])
        if points[-1][1] == points[-2][1]:  # enters on the left
            points[-1] = (target[0], points[-1][1])
        result.edges[(edge.source, edge.target)] = _simplify(points)
    return result


def text_box(text: str) -> tuple[int, int]:
    """Width and height (pixels) of a name as bpmn-js writes it outside a shape (a little generously)."""
    if not text.strip():
        return (0, 0)
    lines = wrap_text(text, LABEL_WIDTH, LABEL_FONT)
    width = LABEL_WIDTH if len(lines) > 1 else min(LABEL_WIDTH, math.ceil(text_width(text, LABEL_FONT)))
    return (width + (width % 2), len(lines) * LABEL_LINE + 2)


def place_flow_labels(placement: Placement, flows: list[tuple[str, tuple[str, str], str]]) -> dict[str, Box]:
    """A spot for each flow's name along its arrow (near its end first), covering as little as possible.

    ``flows`` are ``(flow id, (source, target), name)``. bpmn-js writes a name at 90 pixels wide
    and 11 pixels high, larger than the swimlane picture's labels, so the spots are chosen here:
    above or below a horizontal run, beside a vertical one, avoiding steps, names, other
    arrows and (less important) lane borders.
    """
    hard: list[Box] = [(x - 3, y - 3, w + 6, h + 6) for x, y, w, h in placement.nodes.values()]
    hard += [box for box in placement.labels.values() if box[2] > 0]
    lines: list[Box] = []
    for points in placement.edges.values():
        for (xa, ya), (xb, yb) in zip(points, points[1:]):
            lines.append((min(xa, xb) - 1, min(ya, yb) - 1, abs(xb - xa) + 2, abs(yb - ya) + 2))
    borders = [(x, y, w, 1) for x, y, w, _ in list(placement.lanes.values()) + list(placement.pools.values())]
    borders += [(x, y + h - 1, w, 1) for x, y, w, h in list(placement.lanes.values()) + list(placement.pools.values())]
    area = (
        0,
        0,
        max((x + w for x, _, w, _ in placement.pools.values()), default=0) + MARGIN,
        max((y + h for _, y, _, h in placement.pools.values()), default=0) + MARGIN,
    )
    placed: dict[str, Box] = {}
    for flow_id, key, name in flows:
        width, height = text_box(name)
        route = placement.edges.get(key)
        if not route or width == 0:
            continue
        best: tuple[tuple[int, int, int], Box] | None = None
        for candidate in _candidates(route, width, height):
            inside = (
                area[0] <= candidate[0]
                and area[1] <= candidate[1]
                and candidate[0] + candidate[2] <= area[2]
                and candidate[1] + candidate[3] <= area[3]
            )
            score = (
                sum(1 for box in hard + list(placed.values()) if _overlap(candidate, box)) + (0 if inside else 1),
                sum(1 for box in lines if _overlap(candidate, box)),
                sum(1 for box in borders if _overlap(candidate, box)),
            )
            if best is None or score < best[0]:
                best = (score, candidate)
            if score == (0, 0, 0):
                break
        assert best is not None
        placed[flow_id] = best[1]
    return placed


def _candidates(points: list[Point], width: int, height: int) -> list[Box]:
    """Spots beside the arrow's runs, from its end backwards."""
    spots: list[Box] = []
    for (xa, ya), (xb, yb) in reversed(list(zip(points, points[1:]))):
        if ya == yb:
            left, right = min(xa, xb), max(xa, xb)
            near_end = right - width - 8 if xb >= xa else left + 8
            near_start = left + 8 if xb >= xa else right - width - 8
            for x in (near_end, (left + right - width) // 2, near_start):
                spots.append((x, ya - height - 3, width, height))
                spots.append((x, ya + 4, width, height))
        else:
            top, bottom = min(ya, yb), max(ya, yb)
            near_end = bottom - height - 8 if yb >= ya else top + 8
            near_start = top + 8 if yb >= ya else bottom - height - 8
            for y in ((top + bottom - height) // 2, near_end, near_start):
                spots.append((xa + 5, y, width, height))
                spots.append((xa - width - 5, y, width, height))
    return spots


def _overlap(a: Box, b: Box) -> bool:
    return (min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0])) and (min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1]))


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    result: list[Point] = []
    for point in points:
        if not result or result[-1] != point:
            result.append(point)
    i = 1
    while i < len(result) - 1:
        (x0, y0), (x1, y1), (x2, y2) = result[i - 1], result[i], result[i + 1]
        if (x0 == x1 == x2) or (y0 == y1 == y2):
            del result[i]
        else:
            i += 1
    return result

"""procesmap's own swimlane layout for BPMN diagram interchange (BPMNDI).

One small function, :func:`layout`, so that another layout can replace it: steps
go into columns by their longest distance from the start (loops are cut at their
back edges, so rework arrows point left), and into the row of their lane; steps
of one lane in one column stack. Pools stack vertically, lanes nest inside their
pool with a 30-unit header per level, as bpmn-js and Camunda Modeler draw them.
Coordinates are integers in BPMN DI units (pixels at 100%).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procesmap.bpmn._export import Lane, Pool
    from procesmap.model import Process

__all__ = ["Layout", "layout", "SIZES"]

MARGIN = 20
HEADER = 30
COLUMN = 160
ROW = 110
POOL_GAP = 40
SIZES = {"task": (100, 80), "gateway": (50, 50), "event": (36, 36)}

Box = tuple[int, int, int, int]


@dataclass
class Layout:
    nodes: dict[str, Box] = field(default_factory=dict)  # step id -> x, y, width, height
    lanes: dict[str, Box] = field(default_factory=dict)  # BPMN lane id -> box
    pools: dict[str, Box] = field(default_factory=dict)  # BPMN participant id -> box
    edges: dict[tuple[str, int], list[tuple[int, int]]] = field(default_factory=dict)  # (step, branch) -> points


def shape_kind(step_type: str) -> str:
    if step_type in ("decision", "parallel", "join"):
        return "gateway"
    if step_type in ("start", "end", "wait"):
        return "event"
    return "task"


def _columns(process: "Process") -> dict[str, int]:
    """Longest-path layering over the map with its back edges removed (iterative DFS, step order)."""
    succ = {s.id: [b.to for b in s.next] for s in process.steps}
    order: list[str] = []
    state: dict[str, int] = {}  # 1 on stack, 2 done
    back: set[tuple[str, str]] = set()
    starts = [s.id for s in process.steps if s.type == "start"] + [s.id for s in process.steps]
    for root in starts:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            advanced = False
            for child in children:
                if child not in succ:
                    continue
                if state.get(child) == 1:
                    back.add((node, child))
                elif child not in state:
                    state[child] = 1
                    stack.append((child, iter(succ[child])))
                    advanced = True
                    break
            if not advanced:
                state[node] = 2
                order.append(node)
                stack.pop()
    column = {n: 0 for n in succ}
    for node in reversed(order):
        for child in succ[node]:
            if child in column and (node, child) not in back:
                column[child] = max(column[child], column[node] + 1)
    return column


def layout(process: "Process", pools: list["Pool"]) -> Layout:
    """Place pools, lanes, steps and the arrows between steps."""
    result = Layout()
    column = _columns(process)
    columns = max(column.values(), default=0) + 1

    def depth(lanes: list["Lane"]) -> int:
        return max((1 + depth(lane.children) for lane in lanes), default=0)

    levels = max((depth(pool.lanes) for pool in pools), default=0)
    x0 = MARGIN + HEADER + levels * HEADER + 10
    right = x0 + columns * COLUMN + 10
    y = MARGIN

    def place_steps(steps: list[str], top: int) -> int:
        """Place the steps of one row (a leaf lane or a lane-less pool); returns the row height."""
        slots: dict[int, int] = {}
        for step_id in steps:
            col = column[step_id]
            slot = slots.get(col, 0)
            slots[col] = slot + 1
            width, height = SIZES[shape_kind(process.step(step_id).type)]
            cx = x0 + col * COLUMN + COLUMN // 2
            cy = top + slot * ROW + ROW // 2
            result.nodes[step_id] = (cx - width // 2, cy - height // 2, width, height)
        return max(slots.values(), default=1) * ROW

    def place_lanes(lanes: list["Lane"], level: int, top: int) -> int:
        for lane in lanes:
            x = MARGIN + HEADER + level * HEADER
            if lane.children:
                height = place_lanes(lane.children, level + 1, top)
            else:
                height = place_steps(lane.steps, top)
            result.lanes[lane.id] = (x, top, right - x, height)
            top += height
        return top

    for pool in pools:
        if pool.lanes:
            bottom = place_lanes(pool.lanes, 0, y)
        else:
            bottom = y + place_steps(pool.steps, y)
        result.pools[pool.id] = (MARGIN, y, right - MARGIN, bottom - y)
        y = bottom + POOL_GAP

    for step in process.steps:
        for index, branch in enumerate(step.next):
            if branch.to in result.nodes and step.id in result.nodes:
                result.edges[(step.id, index)] = _route(result.nodes[step.id], result.nodes[branch.to])
    return result


def _route(source: Box, target: Box) -> list[tuple[int, int]]:
    sx, sy, sw, sh = source
    tx, ty, tw, th = target
    s_mid, t_mid = sy + sh // 2, ty + th // 2
    if tx >= sx + sw:  # forward: out on the right, in on the left, bend halfway
        start, end = (sx + sw, s_mid), (tx, t_mid)
        if s_mid == t_mid:
            return [start, end]
        middle = start[0] + (end[0] - start[0]) // 2
        return [start, (middle, s_mid), (middle, t_mid), end]
    # back or same column: out at the bottom, along underneath, in at the bottom
    below = max(sy + sh, ty + th) + 15
    s_cx, t_cx = sx + sw // 2, tx + tw // 2
    if source == target:
        return [(s_cx, sy + sh), (s_cx, below), (sx + sw + 15, below), (sx + sw + 15, s_mid), (sx + sw, s_mid)]
    if s_cx == t_cx:
        t_cx += 10
    return [(s_cx, sy + sh), (s_cx, below), (t_cx, below), (t_cx, ty + th)]

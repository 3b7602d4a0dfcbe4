"""A wide swimlane split into pages that can be read on a screen or printed for the wall (issue 15).

A map of 50-150 steps is ten thousand pixels wide as one picture; fitted to a screen nothing is
readable. :func:`split_layout` cuts the layout between columns into parts no wider than
:data:`PAGE_BODY` points (about eight columns), each with all lanes and their names, so every page
is as readable as a small map. Arrows that cross a cut stop at the page's edge with the number of the
page where they go on (or come from). Page 0 is the overview: the whole map small, with the cuts drawn
and numbered, as a key to the pages.

Pure geometry on a :class:`~procesmap.diagrams.layout.SwimlaneLayout`; the painter draws each part as
it draws a whole map.
"""

from __future__ import annotations

from dataclasses import replace

from procesmap.diagrams.layout import (
    BOLD,
    HEADER_WIDTH,
    Box,
    Mark,
    Edge,
    SwimlaneLayout,
    text_width,
)

__all__ = ["PAGE_BODY", "cuts", "split_layout"]

PAGE_BODY = 1150.0
"""The most points of map (right of the lane names) on one page: with the names about 1,320 points, which
fitted to a 1920-pixel screen shows 8-point step names about 11 pixels tall (less where the map is so tall that the
screen's height limits it: omgevingsvergunning's first part 7.2), and fits A3 landscape."""

_LEFT = HEADER_WIDTH + 4.0


def _boxes(layout: SwimlaneLayout) -> list[Box]:
    boxes: list[Box] = []
    for node in layout.nodes:
        boxes += [(node.x, node.y, node.width, node.height), node.label_box]
        if node.wait_label:
            boxes.append(node.wait_box)
        boxes += [b.box for b in node.badges]
    for edge in layout.edges:
        boxes += [b for b in (edge.label_box, edge.mark_box) if b is not None]
    return boxes


def cuts(layout: SwimlaneLayout, page_body: float = PAGE_BODY) -> list[float]:
    """The x positions where pages end: in a channel between two columns, where the cut crosses no name,
    label, wait strip, badge or envelope (or as few as there are); empty when the map fits one page."""
    columns = list(layout.columns)
    if not columns or layout.width - _LEFT <= page_body:
        return []
    boxes = _boxes(layout)
    # as many pages as needed, about equally wide
    count = -(-int(layout.width - _LEFT) // int(page_body))
    target = (layout.width - _LEFT) / count + 60.0  # (half a column over the mean, so the last page is not a sliver)
    result: list[float] = []
    start = _LEFT
    i = 0
    while i < len(columns):
        # the last column that still ends within this page (at least one per page)
        j = i
        while j + 1 < len(columns) and columns[j + 1][0] + columns[j + 1][1] - start <= target:
            j += 1
        if j == len(columns) - 1:
            break
        left = columns[j][0] + columns[j][1] + 0.5
        right = columns[j + 1][0] - 0.5
        candidates = [left + k * (right - left) / 12 for k in range(13)]
        cut = min(candidates, key=lambda x: (sum(1 for b in boxes if b[0] < x < b[0] + b[2]), x))
        result.append(cut)
        start = cut
        i = j + 1
    return result


def _clip(
    points: tuple[tuple[float, float], ...], a: float, b: float
) -> list[tuple[list[tuple[float, float]], bool, bool]]:
    """The pieces of an orthogonal polyline inside a <= x <= b: (points, starts at a cut, ends at a cut)."""
    pieces: list[tuple[list[tuple[float, float]], bool, bool]] = []
    current: list[tuple[float, float]] = []
    cut_start = False
    for index, ((x0, y0), (x1, y1)) in enumerate(zip(points, points[1:])):
        lo, hi = min(x0, x1), max(x0, x1)
        if hi < a or lo > b or (abs(y0 - y1) >= 0.01 and not a <= x0 <= b):
            if current:
                pieces.append((current, cut_start, True))
                current = []
            continue
        cx0, cx1 = min(max(x0, a), b), min(max(x1, a), b)
        if not current:
            current = [(cx0, y0)]
            cut_start = index > 0 or cx0 != x0
        current.append((cx1, y1))
        if cx1 != x1:  # leaves the page here
            pieces.append((current, cut_start, True))
            current = []
    if current:
        pieces.append((current, cut_start, False))
    return [p for p in pieces if len(p[0]) >= 2 and any(p[0][k] != p[0][k + 1] for k in range(len(p[0]) - 1))]


def _inside(box: Box, a: float, b: float) -> bool:
    return a <= box[0] + box[2] / 2 <= b


def split_layout(layout: SwimlaneLayout, page_body: float = PAGE_BODY) -> list[SwimlaneLayout]:
    """The parts of ``layout``, each a layout of its own (lanes and groups as in the whole; the steps, arrows
    and labels of its columns moved to the left). One part (the layout itself) when it fits one page."""
    edges_x = [_LEFT] + cuts(layout, page_body) + [layout.width]
    if len(edges_x) == 2:
        return [layout]
    parts: list[SwimlaneLayout] = []
    count = len(edges_x) - 1
    for number in range(1, count + 1):
        a, b = edges_x[number - 1], edges_x[number]
        dx = _LEFT - a

        def move(box: Box, dx: float = dx) -> Box:
            return (box[0] + dx, box[1], box[2], box[3])

        nodes = [
            replace(
                n,
                x=n.x + dx,
                label_box=move(n.label_box),
                wait_box=move(n.wait_box),
                badges=tuple(replace(g, box=move(g.box)) for g in n.badges),
            )
            for n in layout.nodes
            if a <= n.x + n.width / 2 <= b
        ]
        edges: list[Edge] = []
        for edge in layout.edges:
            for points, from_cut, to_cut in _clip(edge.points, a, b):

                def neighbour(x: float, number: int = number, a: float = a) -> int:
                    return number - 1 if abs(x - a) < 0.01 else number + 1

                moved = tuple((x + dx, y) for x, y in points)
                label = edge.label_box if edge.label_box is not None and _inside(edge.label_box, a, b) else None
                mark = edge.mark_box if edge.mark_box is not None and _inside(edge.mark_box, a, b) else None
                edges.append(
                    replace(
                        edge,
                        points=moved,
                        label_box=move(label) if label else None,
                        mark_box=move(mark) if mark else None,
                        continued_from=neighbour(points[0][0]) if from_cut else None,
                        continues_to=neighbour(points[-1][0]) if to_cut else None,
                    )
                )
        columns = tuple((x + dx, w) for x, w in layout.columns if a <= x + w / 2 <= b)
        shown = {n.step for n in nodes}
        part = replace(
            layout,
            width=b - a + _LEFT + 4.0,
            nodes=nodes,
            edges=edges,
            columns=columns,
            part=(number, count),
            findings=_marks_on(layout, shown),
        )
        parts.append(_compact(part))
    return parts


def _marks_on(layout: SwimlaneLayout, shown: set[str]) -> tuple[Mark, ...]:
    """The key of a page: the marks of its steps (a shared line names only the page's steps)."""
    marks = []
    for mark in layout.findings:
        if mark.kind == "role":
            marks.append(mark)
            continue
        steps = mark.steps or (mark.step,)
        keep = [i for i, s in enumerate(steps) if s in shown]
        if not keep:
            continue
        if len(steps) > 1:
            kept = tuple(steps[i] for i in keep)
            names = tuple(mark.names[i] for i in keep) if mark.names else ()
            mark = replace(mark, step=kept[0], steps=kept, names=names)
        marks.append(mark)
    return tuple(marks)


GAP = 10.0
"""What is left of an empty stretch of a lane on a page (a track or corridor busy only on other pages)."""


def _compact(layout: SwimlaneLayout) -> SwimlaneLayout:
    """The page's lanes as tall as what this page shows in them: empty stretches shrink to :data:`GAP`, a lane
    keeps the height its name needs, a team or organisation the height of its name. Everything moves with a
    monotonic map of y, so arrows stay orthogonal and nothing changes order."""
    taken: list[tuple[float, float]] = []
    for node in layout.nodes:
        top = node.wait_box[1] if node.wait_label else node.y
        bottom = max(
            [node.y + node.height, node.label_box[1] + node.label_box[3]] + [g.box[1] + g.box[3] for g in node.badges]
        )
        taken.append((top - 3, bottom + 3))
    for edge in layout.edges:
        for (_x0, y0), (_x1, y1) in zip(edge.points, edge.points[1:]):
            if abs(y0 - y1) < 0.01:
                taken.append((y0 - 5, y0 + 5))
        for taken_box in (edge.label_box, edge.mark_box):
            if taken_box is not None:
                taken.append((taken_box[1] - 2, taken_box[1] + taken_box[3] + 2))
    gaps: list[tuple[float, float, float]] = []  # (from, to, new length)
    new_height: dict[int, float] = {}
    for index, lane in enumerate(layout.lanes):
        top, bottom = lane.y, lane.y + lane.height
        spans = sorted((max(a, top), min(b, bottom)) for a, b in taken if b > top and a < bottom)
        free: list[list[float]] = []
        cursor = top
        for a, b in spans:
            if a > cursor:
                free.append([cursor, a, min(a - cursor, GAP)])
            cursor = max(cursor, b)
        if cursor < bottom:
            free.append([cursor, bottom, min(bottom - cursor, GAP)])
        label = lane.label_height + 6
        height = lane.height - sum(g[1] - g[0] - g[2] for g in free)
        for gap in reversed(free):  # give back what the lane's name needs, from the bottom up
            if height >= label:
                break
            grow = min(label - height, gap[1] - gap[0] - gap[2])
            gap[2] += grow
            height += grow
        gaps += [(g[0], g[1], g[2]) for g in free]
        new_height[index] = lane.height - sum(g[1] - g[0] - g[2] for g in free)
    # a team or organisation stays as tall as its name (teams first, they sit inside organisations)
    for kind in ("team", "organisation"):
        for group in layout.groups:
            if group.kind != kind or not group.label_lines:
                continue
            factor = BOLD if kind == "organisation" else 1.0
            need = max(text_width(line, group.label_size) * factor for line in group.label_lines) + 10
            members = [
                i
                for i, lane in enumerate(layout.lanes)
                if group.y - 0.01 <= lane.y and lane.y + lane.height <= group.y + group.height + 0.01
            ]
            have = sum(new_height[i] for i in members)
            for i in reversed(members):  # give back squeezed space, from the bottom up
                if have >= need:
                    break
                lane = layout.lanes[i]
                own = [g for g in gaps if lane.y <= g[0] and g[1] <= lane.y + lane.height + 0.01]
                for g0, g1, length in reversed(own):
                    if have >= need:
                        break
                    grow = min(need - have, g1 - g0 - length)
                    gaps[gaps.index((g0, g1, length))] = (g0, g1, length + grow)
                    new_height[i] += grow
                    have += grow
    gaps.sort()

    def f(y: float) -> float:
        shift = 0.0
        for g0, g1, length in gaps:
            if y <= g0:
                break
            if y < g1:
                return y - shift - (y - g0) * (1 - length / (g1 - g0))
            shift += (g1 - g0) - length
        return y - shift

    def box(b: Box) -> Box:
        return (b[0], f(b[1] + b[3] / 2) - b[3] / 2, b[2], b[3])

    nodes = []
    for node in layout.nodes:
        dy = f(node.y + node.height / 2) - (node.y + node.height / 2)
        nodes.append(
            replace(
                node,
                y=node.y + dy,
                label_box=_dy(node.label_box, dy),
                wait_box=_dy(node.wait_box, dy),
                badges=tuple(replace(g, box=_dy(g.box, dy)) for g in node.badges),
            )
        )
    edges = [
        replace(
            e,
            points=tuple((x, f(y)) for x, y in e.points),
            label_box=box(e.label_box) if e.label_box is not None else None,
            mark_box=box(e.mark_box) if e.mark_box is not None else None,
        )
        for e in layout.edges
    ]
    lanes = [replace(lane, y=f(lane.y), height=f(lane.y + lane.height) - f(lane.y)) for lane in layout.lanes]
    groups = [replace(g, y=f(g.y), height=f(g.y + g.height) - f(g.y)) for g in layout.groups]
    return replace(layout, nodes=nodes, edges=edges, lanes=lanes, groups=groups, height=f(layout.height))


def _dy(b: Box, dy: float) -> Box:
    return (b[0], b[1] + dy, b[2], b[3])

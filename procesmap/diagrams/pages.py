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

from procesmap.diagrams.layout import HEADER_WIDTH, Box, Edge, SwimlaneLayout

__all__ = ["PAGE_BODY", "cuts", "split_layout"]

PAGE_BODY = 1150.0
"""The most points of map (right of the lane names) on one page: with the names about 1,320 points, which
fitted to a 1920-pixel screen shows 8-point step names about 11 pixels tall, and fits A3 landscape."""

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


def _clip(points: tuple[tuple[float, float], ...], a: float, b: float) -> list[tuple[list[tuple[float, float]], bool, bool]]:
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

        def move(box: Box) -> Box:
            return (box[0] + dx, box[1], box[2], box[3])

        nodes = [replace(n, x=n.x + dx, label_box=move(n.label_box), wait_box=move(n.wait_box),
                         badges=tuple(replace(g, box=move(g.box)) for g in n.badges))
                 for n in layout.nodes if a <= n.x + n.width / 2 <= b]
        edges: list[Edge] = []
        for edge in layout.edges:
            for points, from_cut, to_cut in _clip(edge.points, a, b):
                def neighbour(x: float) -> int:
                    return number - 1 if abs(x - a) < 0.01 else number + 1
                moved = tuple((x + dx, y) for x, y in points)
                label = edge.label_box if edge.label_box is not None and _inside(edge.label_box, a, b) else None
                mark = edge.mark_box if edge.mark_box is not None and _inside(edge.mark_box, a, b) else None
                edges.append(replace(edge, points=moved,
                                     label_box=move(label) if label else None,
                                     mark_box=move(mark) if mark else None,
                                     continued_from=neighbour(points[0][0]) if from_cut else None,
                                     continues_to=neighbour(points[-1][0]) if to_cut else None))
        columns = tuple((x + dx, w) for x, w in layout.columns if a <= x + w / 2 <= b)
        shown = {n.step for n in nodes}
        parts.append(replace(layout, width=b - a + _LEFT + 4.0, nodes=nodes, edges=edges, columns=columns,
                             part=(number, count), findings=tuple(m for m in layout.findings if m.step in shown)))
    return parts

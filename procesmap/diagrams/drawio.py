"""The swimlane as an editable draw.io (diagrams.net) file, which Visio opens through draw.io.

Why: after the workshop someone tidies the picture for the intranet or a presentation, in the
tool the organisation already has. draw.io reads this file as it is, and exports to Visio
(``.vsdx``), PNG and PDF. The picture is procesmap's own swimlane layout
(:func:`procesmap.diagrams.layout.swimlane_layout`), so it looks like ``procesmap diagram``:

* every organisation (and the external parties) is a horizontal ``swimlane`` container, its
  teams are containers inside it, and every role's lane is a container inside its team; moving
  a lane in draw.io moves its steps along;
* every step is a shape inside its role's lane (task: rounded box; start, end and wait events:
  circles; decision: diamond; parallel and join: diamond with a thick border), with the step's name;
* every transition is an orthogonal edge from step to step through the layout's bends, with
  its branch label, coloured by handover level as in the swimlane: red and thick between
  organisations, teal and thick to and from external parties, orange between teams, dashed with ✉
  outside the case system, blue dotted for rework loops (:func:`procesmap.diagrams.swimlane.edge_style`).

Ids are stable (``lane-<role>``, ``step-<id>``, ``edge-<source>--<target>-<n>``), so a test or a
script can find every element. Labels are draw.io's wrapping HTML labels holding escaped text
(``&lt;script&gt;``), and the XML writer escapes once more, so a step called ``<script>`` is text
in draw.io, never markup.
No figure is computed here: handover levels and the layout come from the analysis.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from procesmap.diagrams.layout import ORG_BAND, ROLE_LABEL, TEAM_BAND, SwimlaneLayout, swimlane_layout
from procesmap.diagrams.swimlane import COLOURS, edge_style, org_colours
from procesmap.i18n import t

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_drawio", "drawio_tree"]

_Box = tuple[float, float, float, float]
INK, TASK_FILL, START_FILL, END_FILL, GATEWAY_FILL = (
    COLOURS[k] for k in ("ink", "task_fill", "start_fill", "end_fill", "gateway_fill")
)


def _style(**parts: object) -> str:
    """draw.io's ``key=value;`` style string; a value of None writes the bare key (``swimlane;``)."""
    return "".join(key + ";" if value is None else f"{key}={value};" for key, value in parts.items())


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _geometry(cell: ET.Element, box: _Box) -> None:
    x, y, w, h = box
    ET.SubElement(
        cell, "mxGeometry", {"x": _num(x), "y": _num(y), "width": _num(w), "height": _num(h), "as": "geometry"}
    )


class _Writer:
    def __init__(self, analysis: "Analysis", layout: SwimlaneLayout, lang: str):
        self.analysis = analysis
        self.layout = layout
        self.lang = lang
        self.root = ET.Element("root")
        ET.SubElement(self.root, "mxCell", {"id": "0"})
        ET.SubElement(self.root, "mxCell", {"id": "1", "parent": "0"})
        self.absolute: dict[str, _Box] = {"1": (0.0, 0.0, 0.0, 0.0)}

    def cell(self, cell_id: str, parent: str, box: _Box, value: str, style: str) -> ET.Element:
        """A vertex at absolute ``box``; draw.io wants it relative to its parent container."""
        px, py, _, _ = self.absolute[parent]
        x, y, w, h = box
        element = ET.SubElement(
            self.root, "mxCell", {"id": cell_id, "value": value, "style": style, "vertex": "1", "parent": parent}
        )
        _geometry(element, (x - px, y - py, w, h))
        self.absolute[cell_id] = box
        return element

    def containers(self) -> dict[str | None, str]:
        """Organisation, team and lane containers; returns the container id of each role's lane."""
        layout = self.layout
        width = layout.width
        organisations = [g for g in layout.groups if g.kind == "organisation"]
        teams = [g for g in layout.groups if g.kind == "team"]
        org_ids: list[tuple[float, float, str]] = []
        colour = 0
        for index, group in enumerate(organisations):
            if group.external:
                fill, head = COLOURS["external_fill"], COLOURS["header_external"]
            else:
                fill, head = org_colours(colour)
                colour += 1
            name = group.name or t("diagram.external" if group.external else "diagram.no_organisation", self.lang)
            cell_id = f"org-{group.id or 'external'}-{index}"
            self.cell(
                cell_id,
                "1",
                (0.0, group.y, width, group.height),
                name,
                _style(
                    swimlane=None,
                    shape="swimlane",
                    horizontal=0,
                    startSize=_num(ORG_BAND),
                    fillColor=head,
                    swimlaneFillColor=fill,
                    strokeColor=INK,
                    strokeWidth=2,
                    fontStyle=1,
                    html=0,
                    collapsible=0,
                    foldable=0,
                    container=1,
                ),
            )
            org_ids.append((group.y, group.y + group.height, cell_id))
        team_ids: list[tuple[float, float, str]] = []
        for index, group in enumerate(teams):
            parent = _containing(org_ids, group.y) or "1"
            cell_id = f"team-{group.id or 'none'}-{index}"
            self.cell(
                cell_id,
                parent,
                (ORG_BAND, group.y, width - ORG_BAND, group.height),
                group.name or "",
                _style(
                    swimlane=None,
                    shape="swimlane",
                    horizontal=0,
                    startSize=_num(TEAM_BAND),
                    fillColor="#ffffff",
                    swimlaneFillColor="none",
                    strokeColor="#6b6b6b",
                    html=0,
                    collapsible=0,
                    foldable=0,
                    container=1,
                ),
            )
            team_ids.append((group.y, group.y + group.height, cell_id))
        lanes: dict[str | None, str] = {}
        x = ORG_BAND + TEAM_BAND
        for lane in layout.lanes:
            parent = _containing(team_ids, lane.y) or _containing(org_ids, lane.y) or "1"
            cell_id = f"lane-{lane.role or 'none'}"
            name = lane.name or t("diagram.no_role", self.lang)
            # A plain container with the role's name in a header cell of its own: draw.io's swimlane
            # shape would turn the name on its side; the swimlane picture writes it across.
            self.cell(
                cell_id,
                parent,
                (x, lane.y, width - x, lane.height),
                "",
                _style(
                    rounded=0,
                    container=1,
                    collapsible=0,
                    foldable=0,
                    fillColor="none",
                    strokeColor="#9e9e9e",
                    dashed=1,
                    html=1,
                ),
            )
            self.cell(
                f"{cell_id}-name",
                cell_id,
                (x, lane.y, ROLE_LABEL, lane.height),
                _html(name),
                _style(
                    text=None,
                    html=1,
                    whiteSpace="wrap",
                    align="left",
                    verticalAlign="middle",
                    spacingLeft=6,
                    fillColor="#ffffff",
                    opacity=70,
                    strokeColor="none",
                    fontStyle=1 if lane.has_steps else 0,
                    fontSize=8,
                    fontColor=INK if lane.has_steps else "#6b6b6b",
                    movable=0,
                    resizable=0,
                    deletable=0,
                ),
            )
            lanes[lane.role] = cell_id
        return lanes

    def steps(self, lanes: dict[str | None, str]) -> None:
        process = self.analysis.process
        lane_roles = [lane.role for lane in self.layout.lanes]
        for node in self.layout.nodes:
            step = process.steps_by_id[node.step]
            parent = lanes.get(lane_roles[node.lane], "1")
            common = {"html": 1, "whiteSpace": "wrap", "fontSize": _num(node.label_size + 1), "strokeColor": INK}
            # the layout's own line breaks, so the text sits in draw.io as in the swimlane picture
            value = "<br>".join(_html(line) for line in node.label_lines) if node.label_lines else _html(step.label)
            if node.type in ("decision", "parallel", "join"):
                style = _style(
                    rhombus=None,
                    shape="rhombus",
                    perimeter="rhombusPerimeter",
                    fillColor=GATEWAY_FILL,
                    strokeWidth=2 if node.type != "decision" else 1,
                    verticalLabelPosition="bottom",
                    verticalAlign="top",
                    **common,
                )
            elif node.type in ("start", "end", "wait"):
                fill = {"start": START_FILL, "end": END_FILL, "wait": "#ffffff"}[node.type]
                width = {"start": 1, "end": 3, "wait": 1}[node.type]
                shape = "doubleEllipse" if node.type == "wait" else "ellipse"
                style = _style(
                    ellipse=None,
                    shape=shape,
                    perimeter="ellipsePerimeter",
                    aspect="fixed",
                    fillColor=fill,
                    strokeWidth=width,
                    verticalLabelPosition="bottom",
                    verticalAlign="top",
                    **common,
                )
            else:
                style = _style(rounded=1, arcSize=12, fillColor=TASK_FILL, **common)
            self.cell(f"step-{node.step}", parent, (node.x, node.y, node.width, node.height), value, style)

    def edges(self) -> None:
        seen: dict[tuple[str, str], int] = {}
        for edge in self.layout.edges:
            n = seen.get((edge.source, edge.target), 0) + 1
            seen[(edge.source, edge.target)] = n
            colour, width, dash = edge_style(edge)
            parts: dict[str, object] = {
                "edgeStyle": "orthogonalEdgeStyle",
                "rounded": 0,
                "html": 1,
                "endArrow": "block",
                "endFill": 1,
                "strokeColor": colour,
                "strokeWidth": _num(width),
                "fontSize": 7,
                "labelBackgroundColor": "#ffffff",
            }
            if dash:
                parts.update(dashed=1, dashPattern=" ".join(_num(d) for d in dash))
            label = " ".join(edge.label_lines) if edge.label_lines else (edge.label or "")
            if "manual" in edge.levels:
                label = f"✉ {label}".strip()
            element = ET.SubElement(
                self.root,
                "mxCell",
                {
                    "id": f"edge-{edge.source}--{edge.target}-{n}",
                    "value": _html(label),
                    "style": _style(**parts),
                    "edge": "1",
                    "parent": "1",
                    "source": f"step-{edge.source}",
                    "target": f"step-{edge.target}",
                },
            )
            geometry = ET.SubElement(element, "mxGeometry", {"relative": "1", "as": "geometry"})
            inner = edge.points[1:-1]
            if inner:
                array = ET.SubElement(geometry, "Array", {"as": "points"})
                for x, y in inner:
                    ET.SubElement(array, "mxPoint", {"x": _num(x), "y": _num(y)})
            if label and edge.label_box is not None:
                # draw.io puts an edge's label at the middle of its path; move it to the layout's place
                lx, ly, lw, lh = edge.label_box
                mx, my = _midpoint(edge.points)
                ET.SubElement(
                    geometry, "mxPoint", {"x": _num(lx + lw / 2 - mx), "y": _num(ly + lh / 2 - my), "as": "offset"}
                )


def _html(text: str) -> str:
    """A label as draw.io's HTML labels want it: escaped text, never markup (the XML writer escapes again)."""
    return html.escape(text, quote=False)


def _midpoint(points: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    """The point halfway along a polyline, where draw.io anchors an edge's label."""
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(points, points[1:])]
    half = sum(lengths) / 2
    for (a, b), length in zip(zip(points, points[1:]), lengths):
        if half <= length and length > 0:
            f = half / length
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
        half -= length
    return points[-1]


def _containing(ranges: list[tuple[float, float, str]], y: float) -> str | None:
    for top, bottom, cell_id in ranges:
        if top - 0.01 <= y < bottom - 0.01:
            return cell_id
    return None


def drawio_tree(analysis: "Analysis", lang: str = "nl") -> ET.Element:
    """The ``<mxfile>`` element of the map's swimlane (for callers that want to add pages)."""
    layout = swimlane_layout(analysis, lang)
    writer = _Writer(analysis, layout, lang)
    lanes = writer.containers()
    writer.steps(lanes)
    writer.edges()
    process = analysis.process
    mxfile = ET.Element("mxfile", {"host": "procesmap", "type": "device"})
    diagram = ET.SubElement(
        mxfile, "diagram", {"id": f"procesmap-{process.id}", "name": (process.name or process.id)[:80]}
    )
    model = ET.SubElement(
        diagram,
        "mxGraphModel",
        {
            "grid": "1",
            "gridSize": "10",
            "guides": "1",
            "tooltips": "1",
            "connect": "1",
            "arrows": "1",
            "fold": "1",
            "page": "1",
            "pageScale": "1",
            "pageWidth": _num(layout.width + 20),
            "pageHeight": _num(layout.height + 20),
            "math": "0",
            "shadow": "0",
        },
    )
    model.append(writer.root)
    return mxfile


def render_drawio(analysis: "Analysis", lang: str = "nl") -> bytes:
    """The draw.io file (UTF-8 XML, uncompressed, which draw.io and diagrams.net open as it is)."""
    tree = drawio_tree(analysis, lang)
    ET.indent(tree)
    xml: bytes = ET.tostring(tree, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml + b"\n"

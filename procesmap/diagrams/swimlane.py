"""Draw a :class:`~procesmap.diagrams.layout.SwimlaneLayout` with matplotlib: PNG, SVG or PDF.

Why matplotlib: it ships DejaVu Sans (ë, é, ï, ✉, ⚠), writes all three formats from one
drawing, and embeds fonts (TrueType in PDF). It is imported only inside
:func:`render_swimlane`, with the Agg backend, so nothing global changes.

Where the figures come from: handover levels, single points of failure, the bottleneck and
its utilisation, and the waits are read from the :class:`~procesmap.analysis.Analysis`; this
module only scales a wait bar to the longest wait, and formats numbers through
:mod:`procesmap.i18n`.

Every artist of a step has a ``gid`` (``node-<step>``, ``label-<step>``), every lane
``lane-<role>``, every arrow ``edge-<source>--<target>``, so that tests and other tools can
find them in the SVG. The SVG keeps text as text (searchable, selectable) and embeds a
subset of DejaVu Sans as a WOFF ``@font-face``, so it looks the same everywhere, also when
put inline in an HTML page; it scales through its ``viewBox``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from procesmap.diagrams.layout import (
    HEADER_WIDTH,
    LINE,
    ORG_BAND,
    ROLE_LABEL,
    TEAM_BAND,
    Node,
    SwimlaneLayout,
    swimlane_layout,
    text_width,
    wrap_text,
)
from procesmap.i18n import number, percent, t

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_swimlane", "draw_swimlane", "FORMATS", "DPI", "COLOURS"]

FORMATS = ("png", "svg", "pdf")
DPI = 200
MAX_PIXELS = 16_000_000
"""Above this many pixels a PNG is drawn smaller (still at 200 dpi): big maps stay fast and light."""
MARGIN = 12.0
TITLE_H = 46.0
LEGEND_ROW = 20.0
FONT_FAMILY = "DejaVu Sans"
EMBEDDED_FAMILY = "procesmap-sans"

COLOURS = {
    "ink": "#2b2b2b",
    "muted": "#6b6b6b",
    "edge": "#4a4a4a",
    "team": "#e08a00",
    "organisation": "#c62828",
    "rework": "#1f5fa8",
    "manual": "#6a1b9a",
    "spof": "#c62828",
    "bottleneck": "#c62828",
    "bottleneck_fill": "#fdecea",
    "wait_fill": "#f9c784",
    "wait_back": "#f1f1f1",
    "task_fill": "#ffffff",
    "start_fill": "#e8f5e9",
    "end_fill": "#fce4ec",
    "gateway_fill": "#fff8e1",
    "org_fills": ("#eef3fa", "#f4f0fa", "#eef7f1", "#fbf4ea", "#f0f7f8"),
    "external_fill": "#f3f3f3",
    "header_org": ("#c9d8ee", "#ddd1ee", "#cce6d4", "#f1dcbf", "#cfe6ea"),
    "header_external": "#d9d9d9",
}


def render_swimlane(analysis: "Analysis", fmt: str = "png", lang: str = "nl") -> bytes:
    """The swimlane diagram of ``analysis`` as ``png`` (200 dpi), ``svg`` or ``pdf`` bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format {fmt!r}; use one of {', '.join(FORMATS)}")
    import matplotlib

    rc = {
        "svg.fonttype": "none",
        "svg.hashsalt": "procesmap",
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY],
        "path.simplify": False,
    }
    with matplotlib.rc_context(rc):
        figure = draw_swimlane(analysis, lang)
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"svg": {"Date": None, "Creator": "procesmap"},
                                    "pdf": {"CreationDate": None, "Creator": "procesmap", "Producer": "procesmap"},
                                    "png": {"Software": "procesmap"}}[fmt]
        if fmt == "png":
            return _png(figure, metadata)
        figure.savefig(buffer, format=fmt, dpi=72, metadata=metadata)
    data = buffer.getvalue()
    if fmt == "svg":
        data = _embed_fonts(data.decode("utf-8")).encode("utf-8")
    return data


def _png(figure: Any, metadata: dict[str, Any]) -> bytes:
    """The figure drawn by Agg at print resolution, written by :mod:`procesmap.diagrams._png` (fast, lossless)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from procesmap.diagrams._png import encode_png

    figure.set_dpi(DPI * png_scale(figure.get_figwidth() * figure.get_figheight()))
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return encode_png(np.asarray(canvas.buffer_rgba()), DPI, metadata)


def png_scale(area_square_inches: float) -> float:
    """1.0, or less when the picture at 200 dpi would have more than :data:`MAX_PIXELS` pixels."""
    pixels = area_square_inches * DPI * DPI
    return 1.0 if pixels <= MAX_PIXELS else (MAX_PIXELS / pixels) ** 0.5


def draw_swimlane(analysis: "Analysis", lang: str = "nl") -> Any:
    """The matplotlib ``Figure`` of the diagram (no pyplot state), for notebooks that want to add to it."""
    from matplotlib.figure import Figure

    layout = swimlane_layout(analysis, lang)
    legend_rows = _legend_rows(layout.width, lang)
    width = layout.width + 2 * MARGIN
    height = TITLE_H + layout.height + 14 + len(legend_rows) * LEGEND_ROW + MARGIN
    figure = Figure(figsize=(width / 72.0, height / 72.0), dpi=72)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    _Painter(ax, analysis, layout, lang, MARGIN, TITLE_H).paint(legend_rows)
    return figure


class _Painter:
    """Draws one layout on one axes whose data units are points, y downwards."""

    def __init__(self, ax: Any, analysis: "Analysis", layout: SwimlaneLayout, lang: str, dx: float, dy: float):
        self.ax = ax
        self.analysis = analysis
        self.process = analysis.process
        self.layout = layout
        self.lang = lang
        self.dx = dx
        self.dy = dy

    # helpers ----------------------------------------------------------------------------------
    def _t(self, key: str, **args: Any) -> str:
        return t(key, self.lang, **args)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (x + self.dx, y + self.dy)

    def rect(self, x: float, y: float, w: float, h: float, **style: Any) -> Any:
        from matplotlib.patches import Rectangle

        patch = Rectangle(self.xy(x, y), w, h, **style)
        self.ax.add_patch(patch)
        return patch

    def text(self, x: float, y: float, text: str, size: float, **style: Any) -> Any:
        style.setdefault("color", COLOURS["ink"])
        return self.ax.text(*self.xy(x, y), text, fontsize=size, parse_math=False, **style)

    def lines(self, x: float, y: float, lines: tuple[str, ...] | list[str], size: float, gid: str,
              ha: str = "center", **style: Any) -> Any:
        """A block of lines whose first line's top is at ``y``."""
        return self.text(x, y, "\n".join(lines), size, ha=ha, va="top", linespacing=LINE * 0.98,
                         multialignment=ha, gid=gid, **style)

    # the picture ------------------------------------------------------------------------------
    def paint(self, legend_rows: list[list[str]]) -> None:
        self.title()
        self.lanes()
        for edge in self.layout.edges:
            self.edge(edge)
        waits = {w.step: w for w in self.analysis.time.waits}
        longest = max((w.per_case for w in waits.values()), default=0.0)
        for node in self.layout.nodes:
            self.node(node)
            if node.step in waits and longest > 0:
                self.wait(node, waits[node.step], longest)
        for edge in self.layout.edges:
            if edge.label_box is not None:
                self.edge_label(edge)
        self.legend(legend_rows)

    def title(self) -> None:
        process = self.process
        self.text(0, -TITLE_H + 8, process.name or process.id, 13, weight="bold", va="top", gid="title")
        parts = [self._t("diagram.subtitle.steps", steps=len(process.steps), roles=len(process.roles))]
        time = self.analysis.time
        if time.term is not None:
            parts.append(self._t("diagram.subtitle.term", term=number(time.term, self.lang, 0)))
        mean = time.cycle_time.get("mean")
        if mean is not None:
            parts.append(self._t("diagram.subtitle.cycle", days=number(mean, self.lang, 1)))
        org = self.analysis.handovers.expected_per_case.get("organisation")
        if org:
            parts.append(self._t("diagram.subtitle.org_handovers", count=number(org, self.lang, 1)))
        self.text(0, -TITLE_H + 27, "  ·  ".join(parts), 8, color=COLOURS["muted"], va="top", gid="subtitle")

    def lanes(self) -> None:
        layout = self.layout
        right = layout.width
        spof = set(self.analysis.ownership.single_points_of_failure)
        bottleneck = self.analysis.capacity.bottleneck
        org_index = 0
        organisations = [g for g in layout.groups if g.kind == "organisation"]
        for group in organisations:
            if group.external:
                fill, head = COLOURS["external_fill"], COLOURS["header_external"]
            else:
                fill = COLOURS["org_fills"][org_index % len(COLOURS["org_fills"])]
                head = COLOURS["header_org"][org_index % len(COLOURS["header_org"])]
                org_index += 1
            self.rect(ORG_BAND, group.y, right - ORG_BAND, group.height, facecolor=fill, edgecolor="none",
                      zorder=0, gid=f"org-{group.id or 'external'}")
            teamless = not any(g.kind == "team" and g.id and group.y <= g.y < group.y + group.height
                               for g in layout.groups)
            band = ORG_BAND + TEAM_BAND if teamless else ORG_BAND
            self.rect(0, group.y, band, group.height, facecolor=head, edgecolor="none", zorder=1.5)
            name = group.name or self._t("diagram.external" if group.external else "diagram.no_organisation")
            if teamless and text_width(name, 8.0) > group.height - 8:
                wrapped = wrap_text(name, band - 6, 6.5)
                self.lines(band / 2, group.y + 4, wrapped, 6.5, f"orglabel-{group.id or 'external'}",
                           weight="bold", zorder=3)
            else:
                self.vertical(band / 2, group.y, group.height, name, 8.0, "bold")
        for group in layout.groups:
            if group.kind != "team":
                continue
            self.rect(ORG_BAND, group.y, TEAM_BAND, group.height, facecolor="white", edgecolor="none",
                      alpha=0.55, zorder=1, gid=f"team-{group.id or 'none'}")
            if group.name:
                self.vertical(ORG_BAND + TEAM_BAND / 2, group.y, group.height, group.name, 7.0, "normal")
            self.hline(group.y, 0.8, COLOURS["muted"], ORG_BAND)
        for lane in layout.lanes:
            gid = f"lane-{lane.role or 'none'}"
            if lane.role is not None and lane.role == bottleneck:
                self.rect(ORG_BAND + TEAM_BAND, lane.y, right - ORG_BAND - TEAM_BAND, lane.height,
                          facecolor=COLOURS["bottleneck_fill"], edgecolor="none", zorder=0.5)
            self.rect(ORG_BAND + TEAM_BAND, lane.y, ROLE_LABEL, lane.height, facecolor="white",
                      edgecolor="none", alpha=0.7, zorder=1, gid=gid)
            self.hline(lane.y, 0.4, "#9e9e9e", ORG_BAND + TEAM_BAND, dashes=(3, 2))
            name = lane.name or self._t("diagram.no_role")
            badges: list[tuple[str, list[str]]] = []
            if lane.role in spof:
                badges.append(("spof", wrap_text("⚠ " + self._t("diagram.badge.spof"), ROLE_LABEL - 24, 6.2)))
            if lane.role is not None and lane.role == bottleneck:
                load = self.analysis.capacity.roles.get(lane.role)
                util = percent(load.utilisation, self.lang) if load and load.utilisation is not None else "-"
                text = "▲ " + self._t("diagram.badge.bottleneck", utilisation=util)
                badges.append(("bottleneck", wrap_text(text, ROLE_LABEL - 24, 6.2)))
            size = 7.5 if lane.has_steps else 6.5
            wrapped = wrap_text(name, ROLE_LABEL - 12, size)
            badge_count = sum(len(lines) for _, lines in badges)
            block = len(wrapped) * size * LINE + badge_count * 6.2 * LINE + (3 if badges else 0)
            top = lane.y + max(3.0, (lane.height - block) / 2)
            x = ORG_BAND + TEAM_BAND + 6
            self.lines(x, top, wrapped, size, f"lanelabel-{lane.role or 'none'}", ha="left",
                       weight="bold" if lane.has_steps else "normal",
                       color=COLOURS["ink"] if lane.has_steps else COLOURS["muted"], zorder=3)
            y = top + len(wrapped) * size * LINE + 3
            for kind, badge in badges:
                self.lines(x, y, badge, 6.2, f"badge-{kind}-{lane.role}", ha="left", color=COLOURS[kind],
                           weight="bold", zorder=3)
                y += len(badge) * 6.2 * LINE
            if lane.role in spof:
                self.rect(ORG_BAND + TEAM_BAND, lane.y + 2, 3, lane.height - 4, facecolor=COLOURS["spof"],
                          edgecolor="none", zorder=2)
        # organisation boundaries: the thickest lines of the picture
        for group in organisations:
            self.hline(group.y, 2.2, COLOURS["ink"], 0)
        self.hline(layout.height, 2.2, COLOURS["ink"], 0)
        self.ax.plot([self.dx + HEADER_WIDTH, self.dx + HEADER_WIDTH], [self.dy, self.dy + layout.height],
                     color=COLOURS["muted"], linewidth=0.8, zorder=2)
        self.rect(0, 0, right, layout.height, facecolor="none", edgecolor=COLOURS["ink"], linewidth=1.2, zorder=2)

    def hline(self, y: float, width: float, colour: str, x0: float, dashes: tuple[float, float] | None = None) -> None:
        style: dict[str, Any] = {"color": colour, "linewidth": width, "zorder": 2, "solid_capstyle": "butt"}
        if dashes:
            style["dashes"] = dashes
        self.ax.plot([self.dx + x0, self.dx + self.layout.width], [self.dy + y, self.dy + y], **style)

    def vertical(self, x: float, y: float, height: float, text: str, size: float, weight: str) -> None:
        lines = wrap_text(text, max(height - 8, 20), size)[:2]
        if len(lines) == 2 and len(wrap_text(text, max(height - 8, 20), size)) > 2:
            lines[1] = lines[1][:-1] + "…"
        self.text(x, y + height / 2, "\n".join(lines), size, rotation=90, ha="center", va="center",
                  weight=weight, multialignment="center", linespacing=1.05, zorder=3)

    def node(self, node: Node) -> None:
        from matplotlib.patches import Circle, FancyBboxPatch, Polygon

        x, y = self.xy(node.x, node.y)
        cx, cy = x + node.width / 2, y + node.height / 2
        r = node.width / 2
        gid = f"node-{node.step}"
        ink = COLOURS["ink"]
        if node.type in ("decision", "parallel", "join"):
            points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
            self.ax.add_patch(Polygon(points, closed=True, facecolor=COLOURS["gateway_fill"], edgecolor=ink,
                                      linewidth=1.1, zorder=5, gid=gid))
            if node.type != "decision":
                k = r * 0.5
                self.ax.plot([cx - k, cx + k], [cy, cy], color=ink, linewidth=1.6, zorder=6)
                self.ax.plot([cx, cx], [cy - k, cy + k], color=ink, linewidth=1.6, zorder=6)
        elif node.type in ("start", "end", "wait"):
            fill = {"start": COLOURS["start_fill"], "end": COLOURS["end_fill"], "wait": "white"}[node.type]
            width = {"start": 1.0, "end": 2.6, "wait": 1.0}[node.type]
            self.ax.add_patch(Circle((cx, cy), r, facecolor=fill, edgecolor=ink, linewidth=width, zorder=5, gid=gid))
            if node.type == "wait":
                self.ax.add_patch(Circle((cx, cy), r - 3, facecolor="none", edgecolor=ink, linewidth=0.8, zorder=6))
                self.ax.plot([cx, cx, cx + r * 0.45], [cy - r * 0.55, cy, cy], color=ink, linewidth=1.0, zorder=6)
        else:
            self.ax.add_patch(FancyBboxPatch((x, y), node.width, node.height, boxstyle="round,pad=0,rounding_size=6",
                                             facecolor=COLOURS["task_fill"], edgecolor=ink, linewidth=1.0, zorder=5,
                                             gid=gid))
        lx, ly, lw, lh = node.label_box
        self.lines(lx + lw / 2, ly, node.label_lines, node.label_size, f"label-{node.step}", zorder=7)

    def wait(self, node: Node, wait: Any, longest: float) -> None:
        x, y, w, h = node.wait_box
        self.rect(x, y, w, h, facecolor=COLOURS["wait_back"], edgecolor="none", zorder=4, gid=f"waitbox-{node.step}")
        self.rect(x, y, max(1.0, w * wait.per_case / longest), h, facecolor=COLOURS["wait_fill"], edgecolor="none",
                  zorder=4, gid=f"waitbar-{node.step}")
        share = percent(wait.share_of_cycle_time, self.lang) if wait.share_of_cycle_time is not None else "-"
        if wait.per_case < 1.0:
            label = self._t("diagram.wait_hours", hours=number(wait.per_case * 24.0, self.lang, 1), share=share)
        else:
            label = self._t("diagram.wait", days=number(wait.per_case, self.lang, 1), share=share)
        self.text(x + 3, y + h / 2, label, 6.0, va="center", ha="left", zorder=5, gid=f"wait-{node.step}")

    def edge(self, edge: Any) -> None:
        colour, width = COLOURS["edge"], 0.9
        if "organisation" in edge.levels:
            colour, width = COLOURS["organisation"], 2.2
        elif "team" in edge.levels:
            colour, width = COLOURS["team"], 1.6
        style: dict[str, Any] = {"color": colour, "linewidth": width, "zorder": 3, "solid_joinstyle": "miter"}
        if "manual" in edge.levels:
            style["dashes"] = (4, 2)
        elif edge.back:
            style["dashes"] = (1.5, 1.5)
            if colour == COLOURS["edge"]:
                style["color"] = colour = COLOURS["rework"]
        xs = [p[0] + self.dx for p in edge.points]
        ys = [p[1] + self.dy for p in edge.points]
        gid = f"edge-{edge.source}--{edge.target}"
        self.ax.plot(xs, ys, gid=gid, **style)
        self.arrowhead(edge.points[-2], edge.points[-1], colour, width)
        if "manual" in edge.levels:
            self.manual_mark(edge, colour)

    def arrowhead(self, a: tuple[float, float], b: tuple[float, float], colour: str, width: float) -> None:
        from matplotlib.patches import Polygon

        (x0, y0), (x1, y1) = self.xy(*a), self.xy(*b)
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-6)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        size = 5.5 + width
        half = size * 0.42
        base = (x1 - ux * size, y1 - uy * size)
        points = [(x1, y1), (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
        self.ax.add_patch(Polygon(points, closed=True, facecolor=colour, edgecolor=colour, linewidth=0.3, zorder=4))

    def manual_mark(self, edge: Any, colour: str) -> None:
        """An envelope on the longest stretch of a handover outside the case system."""
        best = max(zip(edge.points, edge.points[1:]), key=lambda s: abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1]))
        mx, my = (best[0][0] + best[1][0]) / 2, (best[0][1] + best[1][1]) / 2
        self.text(mx, my, "✉", 8.0, ha="center", va="center", color=COLOURS["manual"], zorder=6,
                  bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": COLOURS["manual"],
                        "linewidth": 0.6})

    def edge_label(self, edge: Any) -> None:
        x, y, w, h = edge.label_box
        self.rect(x, y, w, h, facecolor="white", edgecolor="none", alpha=0.85, zorder=6)
        self.lines(x + 2, y + 1, edge.label_lines, edge.label_size, f"edgelabel-{edge.source}--{edge.target}",
                   ha="left", color=COLOURS["ink"], zorder=7)

    # legend -------------------------------------------------------------------------------------
    def legend(self, rows: list[list[str]]) -> None:
        y = self.layout.height + 14
        for row in rows:
            x = 0.0
            for key in row:
                width = _legend_width(key, self.lang)
                self.legend_item(key, x, y + LEGEND_ROW / 2)
                x += width
            y += LEGEND_ROW

    def legend_item(self, key: str, x: float, y: float) -> None:
        from matplotlib.patches import Circle, FancyBboxPatch, Polygon

        ax = self.ax
        X, Y = self.xy(x, y)
        ink = COLOURS["ink"]
        sample = 26.0
        if key in ("start", "end", "wait"):
            fill = {"start": COLOURS["start_fill"], "end": COLOURS["end_fill"], "wait": "white"}[key]
            ax.add_patch(Circle((X + 8, Y), 6.5, facecolor=fill, edgecolor=ink,
                                linewidth=2.2 if key == "end" else 0.9, zorder=5))
            if key == "wait":
                ax.add_patch(Circle((X + 8, Y), 4.5, facecolor="none", edgecolor=ink, linewidth=0.7, zorder=6))
            sample = 20.0
        elif key == "task":
            ax.add_patch(FancyBboxPatch((X, Y - 6), 20, 12, boxstyle="round,pad=0,rounding_size=3",
                                        facecolor="white", edgecolor=ink, linewidth=0.9, zorder=5))
        elif key in ("decision", "parallel"):
            ax.add_patch(Polygon([(X + 8, Y - 7), (X + 15, Y), (X + 8, Y + 7), (X + 1, Y)], closed=True,
                                 facecolor=COLOURS["gateway_fill"], edgecolor=ink, linewidth=0.9, zorder=5))
            if key == "parallel":
                ax.plot([X + 5, X + 11], [Y, Y], color=ink, linewidth=1.2, zorder=6)
                ax.plot([X + 8, X + 8], [Y - 3, Y + 3], color=ink, linewidth=1.2, zorder=6)
            sample = 20.0
        elif key in ("flow", "team", "organisation", "manual", "rework"):
            colour = {"flow": COLOURS["edge"], "team": COLOURS["team"], "organisation": COLOURS["organisation"],
                      "manual": COLOURS["edge"], "rework": COLOURS["rework"]}[key]
            width = {"team": 1.6, "organisation": 2.2}.get(key, 0.9)
            style: dict[str, Any] = {"color": colour, "linewidth": width, "zorder": 5}
            if key == "manual":
                style["dashes"] = (4, 2)
            if key == "rework":
                style["dashes"] = (1.5, 1.5)
            ax.plot([X, X + 20], [Y, Y], **style)
            self.arrowhead((x + 14, y), (x + 22, y), colour, width)
            if key == "manual":
                self.text(x + 10, y, "✉", 7.0, ha="center", va="center", color=COLOURS["manual"], zorder=6,
                          bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": COLOURS["manual"],
                                "linewidth": 0.5})
            sample = 28.0
        elif key == "wait_bar":
            self.rect(x, y - 4, 22, 8, facecolor=COLOURS["wait_back"], edgecolor="none", zorder=4)
            self.rect(x, y - 4, 13, 8, facecolor=COLOURS["wait_fill"], edgecolor="none", zorder=4)
            sample = 28.0
        elif key == "spof":
            self.rect(x + 2, y - 7, 3, 14, facecolor=COLOURS["spof"], edgecolor="none", zorder=4)
            self.text(x + 8, y, "⚠", 8.0, ha="left", va="center", color=COLOURS["spof"], zorder=5)
            sample = 22.0
        elif key == "bottleneck":
            self.rect(x, y - 7, 18, 14, facecolor=COLOURS["bottleneck_fill"], edgecolor="none", zorder=4)
            self.text(x + 3, y, "▲", 8.0, ha="left", va="center", color=COLOURS["bottleneck"], zorder=5)
            sample = 24.0
        self.text(x + sample, y, self._t(f"diagram.legend.{key}"), 7.0, ha="left", va="center",
                  color=COLOURS["ink"], zorder=5, gid=f"legend-{key}")


LEGEND_KEYS = ("start", "task", "decision", "parallel", "wait", "end", "flow", "team", "organisation",
               "manual", "rework", "wait_bar", "spof", "bottleneck")


def _legend_width(key: str, lang: str) -> float:
    from procesmap.diagrams.layout import text_width

    sample = {"start": 20.0, "end": 20.0, "wait": 20.0, "decision": 20.0, "parallel": 20.0, "spof": 22.0,
              "bottleneck": 24.0}.get(key, 28.0 if key not in ("task",) else 26.0)
    return sample + text_width(t(f"diagram.legend.{key}", lang), 7.0) + 16.0


def _legend_rows(width: float, lang: str) -> list[list[str]]:
    """The legend items, wrapped into rows that fit the picture's width."""
    rows: list[list[str]] = [[]]
    used = 0.0
    for key in LEGEND_KEYS:
        item = _legend_width(key, lang)
        if rows[-1] and used + item > width:
            rows.append([])
            used = 0.0
        rows[-1].append(key)
        used += item
    return rows


# -- fonts in the SVG -------------------------------------------------------------------------

_FONT_STACK = re.compile(r"font-family: 'DejaVu Sans'")


def _embed_fonts(svg: str) -> str:
    """Put the used glyphs of DejaVu Sans (regular and bold) into the SVG as WOFF ``@font-face``."""
    import html

    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    used = set(html.unescape("".join(texts)))
    characters = _COMMON_CHARACTERS if used <= set(_COMMON_CHARACTERS) else "".join(sorted(used | set(_COMMON_CHARACTERS)))
    faces = []
    for weight, bold in (("normal", False), ("bold", True)):
        data = _subset_font(bold, characters)
        if data:
            faces.append("@font-face{font-family:'%s';font-weight:%s;src:url(data:font/woff;base64,%s) format('woff');}"
                         % (EMBEDDED_FAMILY, weight, base64.b64encode(data).decode("ascii")))
    if not faces:
        return svg
    svg = _FONT_STACK.sub(f"font-family: '{EMBEDDED_FAMILY}', 'DejaVu Sans', 'Bitstream Vera Sans', Verdana", svg)
    style = '<defs>\n  <style type="text/css">' + "".join(faces) + "</style>\n </defs>\n"
    marker = svg.find("<metadata>")
    if marker < 0:
        marker = svg.find(">", svg.find("<svg")) + 1
    return svg[:marker] + style + " " + svg[marker:]


# Latin-1 and Latin Extended-A (Dutch, German, French names) and the symbols the diagram uses:
# one subset serves every diagram of a run (cached), instead of one per diagram.
_COMMON_CHARACTERS = "".join(sorted(
    {chr(c) for c in range(0x20, 0x17F) if chr(c).isprintable()} | set("–—‘’‚“”„…•·→←↑↓↻⇄✉▶◀▲▼█░×≈≤≥€")
))


@functools.lru_cache(maxsize=8)
def _subset_font(bold: bool, characters: str) -> bytes | None:
    """The WOFF subset of matplotlib's DejaVu Sans with ``characters``; None when fontTools cannot.

    Subsetting costs about 0.15 s a face (fontTools walks the whole kerning table), more than
    drawing a diagram; so the result is kept in the user's cache folder (see :func:`cache_folder`)
    under a key of the font file, its size and time, fontTools' version and the characters.
    """
    try:
        import fontTools
        from matplotlib.font_manager import FontProperties, findfont
    except ImportError:  # pragma: no cover - matplotlib always brings fontTools
        return None
    path = findfont(FontProperties(family=FONT_FAMILY, weight="bold" if bold else "normal"), fallback_to_default=True)
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = hashlib.sha256(f"{_SUBSET_VERSION}|{path}|{stat.st_size}|{stat.st_mtime_ns}|{fontTools.version}|{characters}"
                         .encode("utf-8")).hexdigest()[:32]
    folder = cache_folder()
    cached = folder / "fonts" / f"{key}.woff" if folder else None
    if cached is not None:
        try:
            data = cached.read_bytes()
            if data[:4] == b"wOFF":
                return data
        except OSError:
            pass
    data = _make_subset(path, characters)
    if cached is not None:
        _write_quietly(cached, data)
    return data


_SUBSET_VERSION = 1  # raise when the subsetting options below change


def _make_subset(path: str, characters: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.drop_tables = list(options.drop_tables) + ["FFTM"]
    font = subset.load_font(path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def cache_folder() -> Path | None:
    """Where procesmap keeps what it can make again: ``$PROCESMAP_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/procesmap``, else ``~/.cache/procesmap``; ``PROCESMAP_CACHE_DIR=""`` turns it off."""
    configured = os.environ.get("PROCESMAP_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "procesmap"


def _write_quietly(path: Path, data: bytes) -> None:
    """Write a cache file atomically (:func:`procesmap._io.write_atomic`); a cache that cannot be written is no error."""
    from procesmap._io import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        pass

"""Draw a :class:`~procesmap.diagrams.layout.SwimlaneLayout` as SVG, PNG or PDF, without matplotlib.

How: :class:`_Painter` turns the layout into a short list of drawing primitives (paths and
lines of text, in points, y downwards, in painting order). Two small writers take that
list: :func:`_svg` writes it as SVG text (as the report charts are written, see
:mod:`procesmap.render.charts`), :func:`swimlane_drawing` builds a ReportLab ``Drawing``
from it (the PDF, drawn once, with DejaVu embedded as TrueType subsets). The PNG is the SVG
rasterised by resvg (its Python binding ``resvg``, a Rust SVG renderer) at 144 dpi (:data:`DPI`) with the DejaVu Sans
files that matplotlib ships (:data:`FONT_FILES`, found without importing matplotlib), so text
looks the same in all three.

Why not matplotlib any more: importing it cost 0.3-0.6 s and drawing the figure 1-1.5 s for
a 40-step map; the picture is a few hundred rectangles, lines and labels whose places the
layout has already decided.

Where the figures come from: handover levels, single points of failure, the bottleneck and
its utilisation, and the waits are read from the :class:`~procesmap.analysis.Analysis`; this
module only scales a wait bar to the longest wait, and formats numbers through
:mod:`procesmap.i18n`.

Every element of a step has an SVG ``id`` (``node-<step>``, ``label-<step>``), every lane
``lane-<role>``, every arrow ``edge-<source>--<target>``, so that tests and other tools can
find them. Shapes are SVG paths with absolute ``M``/``L``/``C`` coordinates only. The SVG
keeps text as text (searchable, selectable) and embeds a subset of DejaVu Sans as a WOFF
``@font-face``, so it looks the same everywhere, also when put inline in an HTML page; it
scales through its ``viewBox``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from procesmap._cache import cache_folder, write_quietly
from procesmap.colours import HANDOVER_COLOURS
from procesmap.diagrams import bounds
from procesmap.diagrams.bounds import check_area, check_png_pixels
from procesmap.diagrams.layout import (
    BOLD,
    BADGE_FONT,
    BADGE_H,
    HEADER_WIDTH,
    LANE_BADGE_FONT,
    LANE_KEY_GAP,
    LINE,
    ORG_BAND,
    Mark,
    ROLE_LABEL,
    TEAM_BAND,
    Node,
    SwimlaneLayout,
    swimlane_layout,
    text_width,
    wrap_text,
)
from procesmap.i18n import number, t
import importlib.util
from procesmap.i18n import Count, percent
import weakref

if TYPE_CHECKING:
    from procesmap.analysis import Analysis
    from procesmap.diagrams._raster import PngJob

__all__ = [
    "render_swimlane",
    "swimlane_svg",
    "swimlane_drawing",
    "FORMATS",
    "DPI",
    "COLOURS",
    "ORG_FILLS",
    "HEADER_ORG",
    "org_colours",
    "FONT_FILES",
    "font_file",
]

FORMATS = ("png", "svg", "pdf")
DPI = 144
"""The PNG's resolution unless asked otherwise (``diagram --dpi``): 2 pixels a point, so a line on a whole or half point
falls on whole pixels, 8-point step names are 16 pixels tall, and a page of a split map (about 1,320 points) is 2,640
pixels wide: sharp fitted to a 1920 x 1080 beamer or screen and at its natural size on a high-density laptop screen.
PNG is the picture for screens and slides; for paper the PDF is vector (any size), or ask for ``--dpi 300``. Was 200
(3.7 times the pixels of a 1920-pixel-wide page, each pixel costing resvg time)."""
MAX_PIXELS = 16_000_000
"""Above this many pixels a PNG at the default resolution is drawn at a lower one, to fill exactly this many: a map
too wide to read as one picture (drawn as pages unless ``--single``) stays light, e.g. a 40-step map of 4,573 x 1,316
points at 117 dpi, and big maps keep their sharpness when zoomed in (every bundled map is within it at 144 dpi)."""
MARGIN = 12.0
TITLE_H = 50.0
LEGEND_ROW = 20.0
FONT_FAMILY = "DejaVu Sans"
EMBEDDED_FAMILY = "procesmap-sans"
FONT_STACK = f"'{EMBEDDED_FAMILY}', 'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"

FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold-italic": "DejaVuSans-BoldOblique.ttf",
    "mono": "DejaVuSansMono.ttf",
}
"""DejaVu Sans (Bitstream Vera licence), the files matplotlib ships in ``mpl-data/fonts/ttf``.

Why matplotlib's copies: procesmap commits only files its own team wrote, and matplotlib is a
well-kept dependency that carries exactly these files; only its location is looked up, matplotlib
itself is never imported (that would cost 0.3-0.6 s)."""

# Text placement, measured on DejaVu Sans: the first baseline of a block whose top is at y lies
# at y + TOP_BASELINE * size; the baseline of a line centred on y at y + CENTRE_BASELINE * size;
# lines follow each other at linespacing * size.
TOP_BASELINE = 0.864
CENTRE_BASELINE = 0.26
BLOCK_SPACING = LINE * 0.98

COLOURS: dict[str, str] = {
    "ink": "#2b2b2b",
    "muted": "#6b6b6b",
    "edge": "#4a4a4a",
    "team": HANDOVER_COLOURS["team"],
    "organisation": HANDOVER_COLOURS["organisation"],
    "rework": "#1f5fa8",
    "manual": HANDOVER_COLOURS["manual"],
    "spof": "#c62828",
    "bottleneck": "#e65100",
    "bottleneck_fill": "#fff3e0",
    "overloaded": "#c62828",
    "overloaded_fill": "#fdecea",
    "highest": "#6b6b6b",
    "external": HANDOVER_COLOURS["external"],
    "wait_fill": "#f9c784",
    "finding_badge": "#b26a00",
    "issue_badge": "#1f3f77",
    "wait_back": "#f1f1f1",
    "task_fill": "#ffffff",
    "start_fill": "#e8f5e9",
    "end_fill": "#fce4ec",
    "gateway_fill": "#fff8e1",
    "external_fill": "#f3f3f3",
    "header_external": "#d9d9d9",
}
ORG_FILLS: tuple[str, ...] = ("#eef3fa", "#f4f0fa", "#eef7f1", "#fbf4ea", "#f0f7f8")
"""Band fills of the organisations in turn (an external party has ``COLOURS["external_fill"]``)."""
HEADER_ORG: tuple[str, ...] = ("#c9d8ee", "#ddd1ee", "#cce6d4", "#f1dcbf", "#cfe6ea")
"""Header fills of the organisations in turn (an external party has ``COLOURS["header_external"]``)."""


def org_colours(index: int) -> tuple[str, str]:
    """Band fill and header fill of the ``index``-th organisation (the palettes repeat)."""
    return ORG_FILLS[index % len(ORG_FILLS)], HEADER_ORG[index % len(HEADER_ORG)]


def font_folder() -> Path:
    """The folder with matplotlib's DejaVu files, found from its package spec without importing it."""

    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("procesmap needs matplotlib's DejaVu fonts: pip install matplotlib")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def font_file(face: str = "regular") -> str:
    """The path of one of the DejaVu files (``regular``, ``bold``, ``italic``, ``bold-italic``, ``mono``)."""
    return str(font_folder() / FONT_FILES[face])


# -- primitives ---------------------------------------------------------------------------------

Command = tuple[Any, ...]  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)


def edge_style(edge: Any) -> tuple[str, float, tuple[float, float] | None]:
    """Colour, line width and dash pattern of an arrow by the seam it crosses: one colour code for the
    swimlane and the draw.io file (:mod:`procesmap.diagrams.drawio`)."""
    colour, width = COLOURS["edge"], 0.9
    if edge.boundary in ("organisation", "external"):
        colour, width = COLOURS[edge.boundary], 2.2
    elif edge.boundary == "team":
        colour, width = COLOURS["team"], 1.6
    dash: tuple[float, float] | None = None
    if edge.back:  # a loop stays a loop, whatever seam it crosses
        dash = (1.5, 1.5)
        if colour == COLOURS["edge"]:
            colour = COLOURS["rework"]
    elif edge.manual:
        dash = (4, 2)
    return colour, width, dash


@dataclass
class _Path:
    commands: list[Command]
    fill: str | None = None
    stroke: str | None = None
    width: float = 1.0
    dash: tuple[float, float] | None = None
    opacity: float = 1.0
    cap: str = "butt"
    join: str = "miter"
    evenodd: bool = False  # the fill rule (the PNG's rings, :func:`_ringed`)


@dataclass
class _Text:
    x: float
    y: float  # the baseline (unrotated), or the anchor point of a rotated line
    text: str
    size: float
    colour: str
    bold: bool = False
    anchor: str = "start"  # start | middle
    rotated: bool = False  # turned 90 degrees counter-clockwise around (x, y)


@dataclass
class _Item:
    """Something painted as one piece: its elements, an optional id, and its place in the stack."""

    z: float
    elements: list[Any]
    gid: str | None = None


@dataclass
class _Picture:
    width: float
    height: float
    items: list[_Item] = field(default_factory=list)

    def ordered(self) -> list[_Item]:
        return sorted(self.items, key=lambda item: item.z)  # stable: equal z keeps the painting order


def _rect(x: float, y: float, w: float, h: float) -> list[Command]:
    return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]


_K = 0.5522847498  # a quarter circle as one cubic Bézier


def _circle(cx: float, cy: float, r: float) -> list[Command]:
    k = r * _K
    return [
        ("M", cx + r, cy),
        ("C", cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        ("C", cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ("Z",),
    ]


def _rounded(x: float, y: float, w: float, h: float, r: float) -> list[Command]:
    r = min(r, w / 2, h / 2)
    k = r * (1 - _K)
    return [
        ("M", x + r, y),
        ("L", x + w - r, y),
        ("C", x + w - k, y, x + w, y + k, x + w, y + r),
        ("L", x + w, y + h - r),
        ("C", x + w, y + h - k, x + w - k, y + h, x + w - r, y + h),
        ("L", x + r, y + h),
        ("C", x + k, y + h, x, y + h - k, x, y + h - r),
        ("L", x, y + r),
        ("C", x, y + k, x + k, y, x + r, y),
        ("Z",),
    ]


def _polyline(points: Iterable[tuple[float, float]], closed: bool = False) -> list[Command]:
    commands: list[Command] = []
    for i, (x, y) in enumerate(points):
        commands.append(("M" if i == 0 else "L", x, y))
    if closed:
        commands.append(("Z",))
    return commands


# -- the public functions -------------------------------------------------------------------------


def render_swimlane(
    analysis: "Analysis", fmt: str = "png", lang: str = "nl", all_arrows: bool = False, dpi: float | None = None
) -> bytes:
    """The swimlane diagram of ``analysis`` as ``png`` (:data:`DPI` or ``dpi``, see :func:`png_dpi`), ``svg`` or
    ``pdf`` bytes. A dense map (a draft from ``log discover``) shows only its most frequent arrows unless
    ``all_arrows`` (:func:`procesmap.diagrams.layout.thin_arrows`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format {fmt!r}; use one of {', '.join(FORMATS)}")
    picture = _paint(analysis, lang, thin=not all_arrows)
    if fmt == "svg":
        return _svg(picture, embed_fonts=True).encode("utf-8")
    if fmt == "png":
        return _png(picture, dpi)
    return _pdf(picture)


def swimlane_svg(analysis: "Analysis", lang: str = "nl") -> str:
    """The diagram as an SVG document (text), with its font embedded."""
    return _svg(_paint(analysis, lang), embed_fonts=True)


def swimlane_drawing(analysis: "Analysis", lang: str = "nl", key_under: bool = False) -> Any:
    """The diagram as a ReportLab ``Drawing`` (vector, DejaVu fonts registered), for a PDF or a report.
    ``key_under``: the badges' key under the legend, not beside it (a picture cut into parts then cuts no key
    line: the legend and the key stay within the left :data:`LEGEND_WIDTH` points)."""
    return _drawing(_paint(analysis, lang, key_under))


def _paint(analysis: "Analysis", lang: str, key_under: bool = False, thin: bool = True) -> _Picture:
    return _paint_layout(analysis, _layout(analysis, lang, thin), lang, key_under=key_under)


_LAST_LAYOUT: list[tuple[Any, str, bool, SwimlaneLayout]] = []


def _layout(analysis: "Analysis", lang: str, thin: bool) -> SwimlaneLayout:
    """:func:`swimlane_layout`, made once for uses one after the other of the same analysis: ``diagram`` asks
    whether one picture is readable (:func:`readable`) and then draws it or its pages, from one layout instead of
    two (issue #19). The analysis is held weakly and compared by identity; a layout is never changed once made."""
    if _LAST_LAYOUT:
        ref, last_lang, last_thin, layout = _LAST_LAYOUT[0]
        if ref() is analysis and last_lang == lang and last_thin == thin:
            return layout
    layout = swimlane_layout(analysis, lang, thin)
    _LAST_LAYOUT[:] = [(weakref.ref(analysis), lang, thin, layout)]
    return layout


def _paint_layout(
    analysis: "Analysis",
    layout: SwimlaneLayout,
    lang: str,
    cuts: list[float] | None = None,
    key_under: bool = False,
) -> _Picture:
    check_area(layout.width, layout.height)  # before a shape is painted (procesmap.diagrams.bounds)
    legend = legend_plan(layout, lang, key_under)
    width = layout.width + 2 * MARGIN
    top = TITLE_H + (CUT_LABEL_H if cuts else 0.0)  # the parts' numbers above the map get a line of their own
    height = top + layout.height + 14 + legend.height + MARGIN
    picture = _Picture(width, height)
    _Painter(picture, analysis, layout, lang, MARGIN, top).paint(legend, cuts or [])
    return picture


CUT_LABEL_H = 14.0
"""Room above the map of a split map's whole picture for "deel 1 van 3" over each part (under the subtitle)."""


def render_swimlane_pages(
    analysis: "Analysis", fmt: str = "pdf", lang: str = "nl", all_arrows: bool = False, dpi: float | None = None
) -> list[bytes]:
    """A wide map as pages (:mod:`procesmap.diagrams.pages`): the overview with the cuts numbered, then each
    part with all lanes. ``pdf``: one document with every page (a list of one); ``png``/``svg``: one picture
    a page. A map that fits one page gives that one page. The PDF of a split map of two organisations or more
    opens with the overview per organisation (:mod:`procesmap.diagrams.overview`)."""
    from procesmap.diagrams.pages import cuts, split_layout  # lazy: the page splitter loads only for --pages

    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format {fmt!r}; use one of {', '.join(FORMATS)}")
    layout = _layout(analysis, lang, not all_arrows)
    check_area(layout.width, layout.height)  # before the cuts and a shape are made (procesmap.diagrams.bounds)
    parts = split_layout(layout)
    pictures = [_paint_layout(analysis, layout, lang, cuts(layout) if len(parts) > 1 else None)]
    if len(parts) > 1:
        pictures += [_paint_layout(analysis, part, lang) for part in parts]
    if fmt == "pdf":
        if len(parts) > 1:  # the printed set opens with the organisations as boxes (maps of two or more)
            from procesmap.diagrams.overview import (  # lazy: the organisation overview (which imports this module) loads only for the PDF of a split map
                overview_picture,
            )

            first = overview_picture(analysis, lang, layout)
            if first is not None:
                pictures.insert(0, first)
        return [_pdf(*pictures)]
    if fmt == "svg":
        return [_svg(picture, embed_fonts=True).encode("utf-8") for picture in pictures]
    check_png_pixels(len(pictures), sum(_pixels(picture, dpi) for picture in pictures))  # before one is rasterised
    return _pngs(pictures, dpi)


@dataclass
class PaperPart:
    """One part of a map cut between columns for paper (:func:`swimlane_paper`): its ReportLab ``drawing`` (the
    part's title, every lane with its name, the steps of its columns, its legend), and the ``seams``: where the part
    may be cut across when it is too tall for a page, as (y from the drawing's top in points, how many names, labels,
    wait strips, badges or group names the cut would cross): between lanes, inside a lane where no step, name,
    label, wait strip or badge is (between its rows), and above the legend."""

    drawing: Any
    seams: tuple[tuple[float, int], ...]
    picture: "_Picture | None" = None
    layout: SwimlaneLayout | None = None  # the part's geometry (drawn at MARGIN, TITLE_H)

    def sheet(self, top: float, bottom: float) -> Any:
        """The part's drawing with only what lies (partly) between ``top`` and ``bottom`` (points from the top): a
        text goes on the sheet that holds its middle, so a PDF reader finds each name on the one page that shows it
        (a clipped page would still hold, and find, every hidden word)."""
        if self.picture is None:
            return self.drawing
        kept = _Picture(self.picture.width, self.picture.height)
        for item in self.picture.items:
            elements = [e for e in item.elements if _within(e, top, bottom)]
            if elements:
                kept.items.append(_Item(item.z, elements, item.gid))
        return _drawing(kept)


def _within(element: Any, top: float, bottom: float) -> bool:
    if isinstance(element, _Text):
        middle = element.y if element.rotated else element.y - 0.35 * element.size
        return top <= middle < bottom
    ys = [c[i] for c in element.commands for i in range(2, len(c), 2)]
    return not ys or (min(ys) <= bottom and max(ys) >= top)


def swimlane_paper(
    analysis: "Analysis", lang: str = "nl", page_body: float | None = None
) -> tuple[Any, list[PaperPart]]:
    """A map for printing: the whole picture with its cuts drawn and numbered (the key of the parts; ReportLab
    ``Drawing``), and its parts cut between columns as ``procesmap diagram --pages`` cuts them
    (:func:`procesmap.diagrams.pages.split_layout`; ``page_body`` points of map a part, default
    :data:`procesmap.diagrams.pages.PAGE_BODY`). A map that fits one part gives its one picture as the only part,
    and the key is then that same picture."""
    from procesmap.diagrams.pages import PAGE_BODY, _boxes, cuts, split_layout  # lazy: only for a printed map

    layout = swimlane_layout(analysis, lang, True)
    check_area(layout.width, layout.height)  # before the cuts and a shape are made (procesmap.diagrams.bounds)
    body = PAGE_BODY if page_body is None else page_body
    parts = split_layout(layout, body)
    whole = _drawing(_paint_layout(analysis, layout, lang, cuts(layout, body) if len(parts) > 1 else None))
    result = []
    for part in parts:
        picture = _paint_layout(analysis, part, lang)
        boxes = [(b[1], b[1] + b[3]) for b in _boxes(part)]
        for group in part.groups:  # a group's name, turned, is as tall as its longest line, centred in the group
            if group.label_lines:
                need = max(text_width(line, group.label_size) for line in group.label_lines) * BOLD
                middle = group.y + group.height / 2
                boxes.append((middle - need / 2, middle + need / 2))
        for lane in part.lanes:
            top = lane.y + max(3.0, (lane.height - lane.label_height) / 2)
            boxes.append((top, top + lane.label_height))
        # between lanes, and inside a lane between the rows of its steps (a draft from `log discover` is one lane)
        places = [lane.y for lane in part.lanes[1:]]
        taken = sorted((a, b) for a, b in boxes if b > 0 and a < part.height)
        reach = 0.0
        for a, b in taken:
            if a - reach >= 6.0:
                places.append((reach + a) / 2)
            reach = max(reach, b)
        seams = [
            (TITLE_H + y, sum(1 for a, b in boxes if a < y < b)) for y in sorted(set(places)) if 0 < y < part.height
        ]
        seams.append((TITLE_H + part.height + 7.0, 0))
        result.append(PaperPart(_drawing(picture), tuple(seams), picture, part))
    return whole, result


def readable(analysis: "Analysis", lang: str = "nl", all_arrows: bool = False) -> float:
    """How tall, in pixels, the median step name is when the whole picture (title and legend included) is fitted to a
    1920 x 1080 screen. Under :data:`READABLE_PX` ``procesmap diagram`` draws the map as pages."""

    layout = _layout(analysis, lang, not all_arrows)
    check_area(layout.width, layout.height)  # before the legend is planned (procesmap.diagrams.bounds)
    legend = legend_plan(layout, lang)
    width = layout.width + 2 * MARGIN
    height = TITLE_H + layout.height + 14 + legend.height + MARGIN
    scale = min(1920 / width, 1080 / height)
    return _median([n.label_size for n in layout.nodes]) * scale if layout.nodes else 99.0


def _median(values: list[float]) -> float:
    """The median (as ``statistics.median``, whose import costs more than the whole layout of a small map)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


READABLE_PX = 7.0
"""The smallest median height (pixels) of the step names, with the whole picture fitted to a 1920 x 1080 screen, at
which ``procesmap diagram`` draws one picture; below it pages (each part 7-12 px on the bundled maps and drafts). 7 px is about the size of a
browser's smallest default text (9-10 px) shrunk once more by a beamer; omgevingsvergunning and bezwaarschrift as one
picture are 5.5-6 px, wmo-melding 8 px."""


def png_dpi(width: float, height: float, dpi: float | None = None) -> float:
    """The resolution a PNG of a picture of ``width`` x ``height`` points is drawn at: ``dpi`` as asked (``diagram
    --dpi``), else :data:`DPI` lowered to keep to :data:`MAX_PIXELS` pixels; either way lowered to keep to
    :data:`procesmap.diagrams.bounds.MAX_PNG_PIXELS`, the work limit of PNG pixels of one ``diagram`` command."""
    square_inches = width / 72.0 * height / 72.0
    if square_inches <= 0:
        return float(dpi or DPI)
    if dpi is None:
        dpi = min(float(DPI), math.sqrt(MAX_PIXELS / square_inches))
    return min(float(dpi), math.sqrt(bounds.MAX_PNG_PIXELS / square_inches))  # read when used: tests lower it


def _pixels(picture: _Picture, dpi: float | None = None) -> float:
    """The pixels of ``picture`` as a PNG (:func:`_png` at :func:`png_dpi`)."""
    resolution = png_dpi(picture.width, picture.height, dpi)
    return picture.width / 72.0 * picture.height / 72.0 * resolution * resolution


# -- the painter --------------------------------------------------------------------------------


class _Painter:
    """Turns one layout into primitives: points, y downwards, offset by the margin and the title."""

    def __init__(
        self, picture: _Picture, analysis: "Analysis", layout: SwimlaneLayout, lang: str, dx: float, dy: float
    ):
        self.picture = picture
        self.analysis = analysis
        self.process = analysis.process
        self.layout = layout
        self.lang = lang
        self.dx = dx
        self.dy = dy

    # helpers ----------------------------------------------------------------------------------
    def _t(self, key: str, **args: Any) -> str:
        return t(key, self.lang, **args)

    def add(self, z: float, elements: list[Any], gid: str | None = None) -> None:
        self.picture.items.append(_Item(z, elements, gid))

    def shape(self, commands: list[Command], z: float, gid: str | None = None, **style: Any) -> None:
        """A path given in layout coordinates."""
        moved = [(c[0], *[v + (self.dx if i % 2 == 0 else self.dy) for i, v in enumerate(c[1:])]) for c in commands]
        if style.get("dash") and style.get("stroke"):  # dashes grow with the line, as they always have here
            width = style.get("width", 1.0)
            style["dash"] = (style["dash"][0] * width, style["dash"][1] * width)
        self.add(z, [_Path(moved, **style)], gid)

    def rect(self, x: float, y: float, w: float, h: float, z: float, gid: str | None = None, **style: Any) -> None:
        self.shape(_rect(x, y, w, h), z, gid, **style)

    def line(
        self,
        points: list[tuple[float, float]],
        colour: str,
        width: float,
        z: float,
        gid: str | None = None,
        dash: tuple[float, float] | None = None,
        cap: str = "butt",
    ) -> None:
        self.shape(_polyline(points), z, gid, stroke=colour, width=width, dash=dash, cap=cap)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        z: float,
        gid: str | None = None,
        colour: str = COLOURS["ink"],
        bold: bool = False,
        anchor: str = "start",
        va: str = "center",
    ) -> None:
        """One line; ``va`` ``center`` puts its middle at ``y``, ``top`` its top."""
        offset = CENTRE_BASELINE if va == "center" else TOP_BASELINE
        self.add(z, [_Text(x + self.dx, y + self.dy + offset * size, text, size, colour, bold, anchor)], gid)

    def lines(
        self,
        x: float,
        y: float,
        lines: Iterable[str],
        size: float,
        gid: str | None,
        z: float,
        anchor: str = "middle",
        colour: str = COLOURS["ink"],
        bold: bool = False,
    ) -> None:
        """A block of lines whose first line's top is at ``y``."""
        first = y + self.dy + TOP_BASELINE * size
        step = BLOCK_SPACING * size
        self.add(
            z,
            [_Text(x + self.dx, first + i * step, line, size, colour, bold, anchor) for i, line in enumerate(lines)],
            gid,
        )

    # the picture ------------------------------------------------------------------------------
    def paint(self, legend: "LegendPlan", cuts: list[float] | None = None) -> None:
        self.title()
        self.lanes()
        if cuts:
            self.cut_lines(cuts)
        for edge in self.layout.edges:
            self.edge(edge)
        waits = {w.step: w for w in self.analysis.time.waits}
        longest = max((w.per_case for w in waits.values()), default=0.0)
        for node in self.layout.nodes:
            self.node(node)
            if node.step in waits and longest > 0 and node.wait_label:
                self.wait(node, waits[node.step], longest)
            for badge in node.badges:
                self.badge(node, badge)
        for edge in self.layout.edges:
            if edge.label_box is not None:
                self.edge_label(edge)
        self.legend(legend)

    def cut_lines(self, cuts: list[float]) -> None:
        """On the overview of a split map: where each page ends, and each page's number over its part."""
        edges = [HEADER_WIDTH + 4.0] + cuts + [self.layout.width]
        for x in cuts:
            self.line([(x, -4), (x, self.layout.height + 4)], COLOURS["ink"], 1.4, 9, f"cut-{x:.0f}", dash=(4, 3))
        for page, (a, b) in enumerate(zip(edges, edges[1:]), start=1):
            self.text(
                (a + b) / 2,
                -9,
                self._t("diagram.page", number=page, count=len(edges) - 1),
                10,
                9,
                f"part-{page}",
                bold=True,
                anchor="middle",
            )

    def title(self) -> None:
        process = self.process
        self.text(0, -self.dy + 6, process.name or process.id, 16, 3, "title", bold=True, va="top")
        parts = [self._t("diagram.subtitle.steps", steps=len(process.steps), roles=len(process.roles))]
        if self.layout.part is not None:
            parts.insert(0, self._t("diagram.page", number=self.layout.part[0], count=self.layout.part[1]))
        time = self.analysis.time
        if time.term is not None:
            parts.append(self._t("diagram.subtitle.term", term=number(time.term, self.lang, 0)))
        mean = time.cycle_time.get("mean")
        if mean is not None:
            parts.append(self._t("diagram.subtitle.cycle", days=number(mean, self.lang, 1)))
        org = self.analysis.handovers.expected_per_case.get("organisation")
        if org:
            parts.append(self._t("diagram.subtitle.org_handovers", count=number(org, self.lang, 1)))
        hidden, share, total = self.layout.hidden
        if hidden:
            parts.append(
                self._t(
                    "diagram.subtitle.thinned",
                    shown=Count(total - hidden),
                    total=Count(total),
                    hidden=Count(hidden),
                    share=percent(share, self.lang, 1),
                )
            )
        subtitle = "  ·  ".join(parts)
        self.text(0, -self.dy + 29, subtitle, 10, 3, "subtitle", colour=COLOURS["muted"], va="top")
        # a narrow page of a split map: the picture as wide as its title and subtitle, so neither is cut off
        name = process.name or process.id
        need = max(text_width(name, 16) * BOLD, text_width(subtitle, 10)) + 2 * self.dx
        self.picture.width = max(self.picture.width, need)

    def lanes(self) -> None:
        layout = self.layout
        right = layout.width
        spof = set(self.analysis.ownership.single_points_of_failure)
        org_index = 0
        organisations = [g for g in layout.groups if g.kind == "organisation"]
        for group in organisations:
            if group.external:
                fill, head = COLOURS["external_fill"], COLOURS["header_external"]
            else:
                fill, head = org_colours(org_index)
                org_index += 1
            self.rect(ORG_BAND, group.y, right - ORG_BAND, group.height, 0, f"org-{group.id or 'external'}", fill=fill)
            band = ORG_BAND + TEAM_BAND if group.teamless else ORG_BAND
            self.rect(0, group.y, band, group.height, 1.5, fill=head)
            self.vertical(
                band / 2,
                group.y,
                group.height,
                group.label_lines,
                group.label_size,
                True,
                f"orglabel-{group.id or 'external'}",
            )
        for group in layout.groups:
            if group.kind != "team":
                continue
            self.rect(
                ORG_BAND,
                group.y,
                TEAM_BAND,
                group.height,
                1,
                f"team-{group.id or 'none'}",
                fill="#ffffff",
                opacity=0.55,
            )
            if group.label_lines:
                self.vertical(
                    ORG_BAND + TEAM_BAND / 2,
                    group.y,
                    group.height,
                    group.label_lines,
                    group.label_size,
                    False,
                    f"teamlabel-{group.id}",
                )
            self.hline(group.y, 0.8, COLOURS["muted"], ORG_BAND)
        for lane in layout.lanes:
            gid = f"lane-{lane.role or 'none'}"
            if lane.load_mark in ("bottleneck", "overloaded"):  # only where PM303/PM304 found it
                self.rect(
                    ORG_BAND + TEAM_BAND,
                    lane.y,
                    right - ORG_BAND - TEAM_BAND,
                    lane.height,
                    0.5,
                    f"{lane.load_mark}lane-{lane.role}",
                    fill=COLOURS[f"{lane.load_mark}_fill"],
                )
            self.rect(ORG_BAND + TEAM_BAND, lane.y, ROLE_LABEL, lane.height, 1, gid, fill="#ffffff", opacity=0.7)
            self.hline(lane.y, 0.4, "#9e9e9e", ORG_BAND + TEAM_BAND, dash=(3, 2))
            badges = lane.badges
            size = lane.label_size
            wrapped = lane.label_lines
            block = lane.label_height
            top = lane.y + max(3.0, (lane.height - block) / 2)
            x = ORG_BAND + TEAM_BAND + 6
            self.lines(
                x,
                top,
                wrapped,
                size,
                f"lanelabel-{lane.role or 'none'}",
                3,
                anchor="start",
                bold=lane.has_steps,
                colour=COLOURS["ink"] if lane.has_steps else COLOURS["muted"],
            )
            y = top + len(wrapped) * size * LINE + 3
            keys = lane.keys or (None,) * len(badges)
            for (kind, badge), key in zip(badges, keys):
                shift = 0.0
                if key:  # its number in the key, as on the steps
                    bw = _key_badge_width(key)
                    top_badge = y + (LANE_BADGE_FONT * LINE - BADGE_H) / 2 + LANE_KEY_GAP / 2
                    self.shape(
                        _rounded(x, top_badge, bw, BADGE_H, BADGE_H / 2),
                        8,
                        f"lanebadge-{lane.role}-{key}",
                        fill=COLOURS["finding_badge"],
                        stroke="#ffffff",
                        width=0.6,
                    )
                    self.text(
                        x + bw / 2,
                        top_badge + BADGE_H / 2,
                        key,
                        BADGE_FONT,
                        8,
                        colour="#ffffff",
                        bold=True,
                        anchor="middle",
                    )
                    shift = bw + 3
                    y += LANE_KEY_GAP / 2
                self.lines(
                    x + shift,
                    y,
                    badge,
                    LANE_BADGE_FONT,
                    f"badge-{kind}-{lane.role}",
                    3,
                    anchor="start",
                    colour=COLOURS[kind],
                    bold=True,
                )
                y += len(badge) * LANE_BADGE_FONT * LINE + (LANE_KEY_GAP / 2 if key else 0.0)
            if lane.role in spof:
                self.rect(
                    ORG_BAND + TEAM_BAND,
                    lane.y + 2,
                    3,
                    lane.height - 4,
                    2,
                    f"spofbar-{lane.role}",
                    fill=COLOURS["spof"],
                )
        # organisation boundaries: the thickest lines of the picture
        for group in organisations:
            self.hline(group.y, 2.2, COLOURS["ink"], 0)
        self.hline(layout.height, 2.2, COLOURS["ink"], 0)
        self.line([(HEADER_WIDTH, 0), (HEADER_WIDTH, layout.height)], COLOURS["muted"], 0.8, 2)
        self.rect(0, 0, right, layout.height, 2, "frame", stroke=COLOURS["ink"], width=1.2)

    def hline(self, y: float, width: float, colour: str, x0: float, dash: tuple[float, float] | None = None) -> None:
        self.line([(x0, y), (self.layout.width, y)], colour, width, 2, dash=dash)

    def vertical(
        self, x: float, y: float, height: float, lines: tuple[str, ...], size: float, bold: bool, gid: str
    ) -> None:
        """The layout's lines turned a quarter to the left, centred on (x, middle of the band); the layout made
        the band tall enough for them."""
        step = 1.05 * size
        centre = y + height / 2 + self.dy
        elements = []
        for i, line in enumerate(lines):
            # in the turned frame "down" is +x: the block's middle on x, each baseline below its line's middle
            offset = (i - (len(lines) - 1) / 2) * step + CENTRE_BASELINE * size
            elements.append(_Text(x + self.dx + offset, centre, line, size, COLOURS["ink"], bold, "middle", True))
        self.add(3, elements, gid)

    def node(self, node: Node) -> None:
        x, y = node.x, node.y
        cx, cy = x + node.width / 2, y + node.height / 2
        r = node.width / 2
        gid = f"node-{node.step}"
        ink = COLOURS["ink"]
        if node.type in ("decision", "parallel", "join"):
            points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
            self.shape(_polyline(points, closed=True), 5, gid, fill=COLOURS["gateway_fill"], stroke=ink, width=1.1)
            if node.type != "decision":
                k = r * 0.5
                self.shape(
                    _polyline([(cx - k, cy), (cx + k, cy)]) + _polyline([(cx, cy - k), (cx, cy + k)]),
                    6,
                    stroke=ink,
                    width=1.6,
                )
        elif node.type in ("start", "end", "wait"):
            fill = {"start": COLOURS["start_fill"], "end": COLOURS["end_fill"], "wait": "#ffffff"}[node.type]
            width = {"start": 1.0, "end": 2.6, "wait": 1.0}[node.type]
            self.shape(_circle(cx, cy, r), 5, gid, fill=fill, stroke=ink, width=width)
            if node.type == "wait":
                self.shape(_circle(cx, cy, r - 3), 6, stroke=ink, width=0.8)
                self.shape(_polyline([(cx, cy - r * 0.55), (cx, cy), (cx + r * 0.45, cy)]), 6, stroke=ink, width=1.0)
        else:
            self.shape(
                _rounded(x, y, node.width, node.height, 6), 5, gid, fill=COLOURS["task_fill"], stroke=ink, width=1.0
            )
        lx, ly, lw, lh = node.label_box
        self.lines(lx + lw / 2, ly, node.label_lines, node.label_size, f"label-{node.step}", 7)

    def wait(self, node: Node, wait: Any, longest: float) -> None:
        """The wait strip: a bar of the wait per case (scaled to the longest), the layout's label on it."""
        x, y, w, h = node.wait_box
        self.rect(x, y, w, h, 4, f"waitbox-{node.step}", fill=COLOURS["wait_back"])
        self.rect(x, y, max(1.5, w * wait.per_case / longest), h, 4, f"waitbar-{node.step}", fill=COLOURS["wait_fill"])
        self.text(x + 3, y + h / 2, node.wait_label or "", node.wait_size, 5, f"wait-{node.step}")

    def badge(self, node: Node, badge: Any) -> None:
        """A numbered finding (white on the severity colour) or a knelpunt (white on dark blue) at a step."""
        x, y, w, h = badge.box
        fill = COLOURS["issue_badge"] if badge.kind == "issue" else COLOURS["finding_badge"]
        self.shape(
            _rounded(x, y, w, h, h / 2), 8, f"stepbadge-{node.step}-{badge.key}", fill=fill, stroke="#ffffff", width=0.6
        )
        self.text(x + w / 2, y + h / 2, badge.key, BADGE_FONT, 8, colour="#ffffff", bold=True, anchor="middle")

    def edge(self, edge: Any) -> None:
        colour, width, dash = edge_style(edge)
        gid = f"edge-{edge.source}--{edge.target}"
        if edge.continued_from is not None or edge.continues_to is not None:  # a piece on a page of a split map
            gid += f"-{edge.points[0][0]:.0f}-{edge.points[0][1]:.0f}"
        self.shape(_polyline(edge.points), 3, gid, stroke=colour, width=width, dash=dash)
        if edge.continues_to is None:
            self.arrowhead(edge.points[-2], edge.points[-1], colour, width)
        else:
            self.page_mark(edge.points[-1], edge.continues_to, colour)
        if edge.continued_from is not None:
            self.page_mark(edge.points[0], edge.continued_from, colour)
        if "manual" in edge.levels and edge.mark_box is not None:
            self.manual_mark(edge)

    def page_mark(self, at: tuple[float, float], page: int, colour: str) -> None:
        """Where an arrow leaves the page: a disc with the number of the page where it goes on."""
        x, y = at
        self.shape(_circle(x, y, 5.5), 8, fill=colour, stroke="#ffffff", width=0.8)
        self.text(x, y, str(page), 6.8, 8, colour="#ffffff", bold=True, anchor="middle")

    def arrowhead(
        self, a: tuple[float, float], b: tuple[float, float], colour: str, width: float, gid: str | None = None
    ) -> None:
        (x0, y0), (x1, y1) = a, b
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-6)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        size = 5.5 + width
        half = size * 0.42
        base = (x1 - ux * size, y1 - uy * size)
        points = [(x1, y1), (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
        self.shape(_polyline(points, closed=True), 4, gid, fill=colour, stroke=colour, width=0.3)

    def envelope(self, x: float, y: float, size: float, z: float, gid: str | None = None) -> None:
        """✉ in a small white box with a purple rim, centred on (x, y)."""
        w, h = size * 1.0 + 2 * size * 0.12 * 1.2, size * 1.17 * 0.9 + 2 * size * 0.12
        self.shape(
            _rounded(x - w / 2, y - h / 2, w, h, size * 0.12 * 1.2),
            z,
            gid,
            fill="#ffffff",
            stroke=COLOURS["manual"],
            width=0.6 if size >= 8 else 0.5,
        )
        self.text(x, y, "✉", size, z, colour=COLOURS["manual"], anchor="middle")

    def manual_mark(self, edge: Any) -> None:
        """The envelope where the layout put it (on the longest stretch; labels keep clear of it)."""
        x, y, w, h = edge.mark_box
        self.envelope(x + w / 2, y + h / 2, 8.0, 6, f"manual-{edge.source}--{edge.target}")

    def edge_label(self, edge: Any) -> None:
        x, y, w, h = edge.label_box
        self.rect(x, y, w, h, 6, fill="#ffffff", opacity=0.85)
        self.lines(
            x + 2,
            y + 1,
            edge.label_lines,
            edge.label_size,
            f"edgelabel-{edge.source}--{edge.target}",
            7,
            anchor="start",
        )

    # legend -------------------------------------------------------------------------------------
    def legend(self, plan: "LegendPlan") -> None:
        """The legend in rows no wider than :data:`LEGEND_WIDTH`, the badges' key beside it (or under it)."""
        top = self.layout.height + 14
        y = top
        for row in plan.rows:
            x = 0.0
            for key in row:
                width = _legend_width(key, self.lang)
                self.legend_item(key, x, y + LEGEND_ROW / 2)
                x += width
            y += LEGEND_ROW
        x0, y = plan.key_origin
        for title, entries, kind in plan.key_blocks:
            self.text(x0, top + y, title, KEY_FONT + 0.5, 5, f"key-{kind}", bold=True, va="top")
            y += (KEY_FONT + 0.5) * LINE + 3
            for key, lines in entries:
                bw = _key_badge_width(key)
                fill = COLOURS["issue_badge"] if kind == "issue" else COLOURS["finding_badge"]
                self.shape(_rounded(x0, top + y, bw, BADGE_H, BADGE_H / 2), 5, f"keybadge-{key}", fill=fill)
                self.text(
                    x0 + bw / 2, top + y + BADGE_H / 2, key, BADGE_FONT, 6, colour="#ffffff", bold=True, anchor="middle"
                )
                self.lines(x0 + KEY_INDENT, top + y, lines, KEY_FONT, f"keytext-{key}", 5, anchor="start")
                y += max(BADGE_H, len(lines) * KEY_FONT * LINE) + 3
            y += 6

    def legend_item(self, key: str, x: float, y: float) -> None:
        ink = COLOURS["ink"]
        sample = 26.0
        gid = f"legendmark-{key}"
        if key in ("start", "end", "wait"):
            fill = {"start": COLOURS["start_fill"], "end": COLOURS["end_fill"], "wait": "#ffffff"}[key]
            self.shape(_circle(x + 8, y, 6.5), 5, gid, fill=fill, stroke=ink, width=2.2 if key == "end" else 0.9)
            if key == "wait":
                self.shape(_circle(x + 8, y, 4.5), 6, stroke=ink, width=0.7)
            sample = 20.0
        elif key == "task":
            self.shape(_rounded(x, y - 6, 20, 12, 3), 5, gid, fill="#ffffff", stroke=ink, width=0.9)
        elif key in ("decision", "parallel"):
            self.shape(
                _polyline([(x + 8, y - 7), (x + 15, y), (x + 8, y + 7), (x + 1, y)], closed=True),
                5,
                gid,
                fill=COLOURS["gateway_fill"],
                stroke=ink,
                width=0.9,
            )
            if key == "parallel":
                self.shape(
                    _polyline([(x + 5, y), (x + 11, y)]) + _polyline([(x + 8, y - 3), (x + 8, y + 3)]),
                    6,
                    stroke=ink,
                    width=1.2,
                )
            sample = 20.0
        elif key in ("flow", "team", "organisation", "external", "manual", "rework"):
            colour = {
                "flow": COLOURS["edge"],
                "team": COLOURS["team"],
                "organisation": COLOURS["organisation"],
                "external": COLOURS["external"],
                "manual": COLOURS["edge"],
                "rework": COLOURS["rework"],
            }[key]
            width = {"team": 1.6, "organisation": 2.2, "external": 2.2}.get(key, 0.9)
            dash = (4.0, 2.0) if key == "manual" else (1.5, 1.5) if key == "rework" else None
            self.line([(x, y), (x + 20, y)], colour, width, 5, gid, dash=dash)
            self.arrowhead((x + 14, y), (x + 22, y), colour, width)
            if key == "manual":
                self.envelope(x + 10, y, 7.0, 6)
            sample = 28.0
        elif key == "wait_bar":
            self.rect(x, y - 4, 22, 8, 4, gid, fill=COLOURS["wait_back"])
            self.rect(x, y - 4, 13, 8, 4, fill=COLOURS["wait_fill"])
            sample = 28.0
        elif key == "spof":
            self.rect(x + 2, y - 7, 3, 14, 4, gid, fill=COLOURS["spof"])
            self.text(x + 8, y, "⚠", 8.0, 5, colour=COLOURS["spof"])
            sample = 22.0
        elif key in ("bottleneck", "overloaded"):
            self.rect(x, y - 7, 18, 14, 4, gid, fill=COLOURS[f"{key}_fill"])
            self.text(
                x + 2,
                y,
                "▲" if key == "bottleneck" else "▲▲",
                8.0 if key == "bottleneck" else 6.8,
                5,
                colour=COLOURS[key],
            )
            sample = 24.0
        elif key in ("badge_finding", "badge_issue"):
            label = "1" if key == "badge_finding" else "k1"
            bw = _key_badge_width(label)
            self.shape(
                _rounded(x, y - BADGE_H / 2, bw, BADGE_H, BADGE_H / 2),
                5,
                gid,
                fill=COLOURS["finding_badge" if key == "badge_finding" else "issue_badge"],
            )
            self.text(x + bw / 2, y, label, BADGE_FONT, 6, colour="#ffffff", bold=True, anchor="middle")
            sample = 22.0
        self.text(x + sample, y, self._t(f"diagram.legend.{key}"), LEGEND_FONT, 5, f"legend-{key}")


LEGEND_KEYS = (
    "start",
    "task",
    "decision",
    "parallel",
    "wait",
    "end",
    "flow",
    "team",
    "organisation",
    "external",
    "manual",
    "rework",
    "wait_bar",
    "spof",
    "bottleneck",
    "overloaded",
)


LEGEND_FONT = 8.0
LEGEND_WIDTH = 760.0
"""The legend wraps at this width (or the picture's, if narrower): a block under the picture, not one long line."""
KEY_FONT = 7.5
KEY_WIDTH = 520.0
KEY_INDENT = 22.0


def _legend_width(key: str, lang: str) -> float:
    sample = {
        "start": 20.0,
        "end": 20.0,
        "wait": 20.0,
        "decision": 20.0,
        "parallel": 20.0,
        "spof": 22.0,
        "bottleneck": 24.0,
        "overloaded": 24.0,
        "badge_finding": 22.0,
        "badge_issue": 22.0,
    }.get(key, 28.0 if key not in ("task",) else 26.0)
    return sample + text_width(t(f"diagram.legend.{key}", lang), LEGEND_FONT) + 16.0


def _key_badge_width(key: str) -> float:
    return max(BADGE_H, text_width(key, BADGE_FONT) * 1.08 + 5)


@dataclass
class LegendPlan:
    """Where the legend goes: rows of items, and the key of the step badges (beside the rows when the picture
    is wide enough, else under them), in points from the top of the legend area."""

    rows: list[list[str]]
    key_origin: tuple[float, float]
    key_blocks: list[tuple[str, list[tuple[str, tuple[str, ...]]], str]]
    height: float


KEY_NAMES = 12
"""A key line of identical findings names at most this many of their steps, then says how many more."""


def key_text(mark: Mark, lang: str) -> str:
    """A badge's line in the key: the finding; for identical findings at several steps one line that names the
    steps (the first :data:`KEY_NAMES`, then how many more)."""
    if len(mark.steps) <= 1 or not mark.names:
        return mark.text
    names = ", ".join(mark.names[:KEY_NAMES])
    if len(mark.names) > KEY_NAMES:
        names += " " + t("diagram.key.more", lang, count=len(mark.names) - KEY_NAMES)
    return t("diagram.key.group", lang, text=mark.text, count=len(mark.names), steps=names)


def legend_keys(layout: SwimlaneLayout) -> list[str]:
    """The legend's items for what this picture (a whole map or a page of one) shows, in :data:`LEGEND_KEYS`'
    order, then the badges: a draft from ``log discover`` (one lane, no roles, no handovers) gets no
    organisation, team, envelope or bottleneck lines it cannot have. Each item is shown exactly when the painter
    draws its mark: a node type, an arrow style (:func:`edge_style`), an envelope, a wait bar, a lane mark."""
    types = {node.type for node in layout.nodes}
    edges = layout.edges
    lane_marks = {kind for lane in layout.lanes for kind, _ in lane.badges}
    shown = {
        "start": "start" in types,
        "task": bool(types - {"start", "end", "wait", "decision", "parallel", "join"}),
        "decision": "decision" in types,
        "parallel": bool(types & {"parallel", "join"}),
        "wait": "wait" in types,
        "end": "end" in types,
        "flow": any(
            e.boundary not in ("organisation", "external", "team") and not e.back and not e.manual for e in edges
        ),
        "team": any(e.boundary == "team" for e in edges),
        "organisation": any(e.boundary == "organisation" for e in edges),
        "external": any(e.boundary == "external" for e in edges),
        "manual": any("manual" in e.levels and e.mark_box is not None for e in edges),
        "rework": any(e.back for e in edges),
        "wait_bar": any(node.wait_label for node in layout.nodes),
        "spof": "spof" in lane_marks,
        "bottleneck": any(lane.load_mark == "bottleneck" for lane in layout.lanes),
        "overloaded": any(lane.load_mark == "overloaded" for lane in layout.lanes),
    }
    keys = [key for key in LEGEND_KEYS if shown[key]]
    if any(m.kind in ("finding", "role") for m in layout.findings):
        keys.append("badge_finding")
    if any(m.kind == "issue" for m in layout.findings):
        keys.append("badge_issue")
    return keys


def legend_plan(layout: SwimlaneLayout, lang: str, key_under: bool = False) -> LegendPlan:
    keys = legend_keys(layout)
    wrap_at = min(layout.width, LEGEND_WIDTH)
    rows: list[list[str]] = [[]]
    used = widest = 0.0
    for key in keys:
        item = _legend_width(key, lang)
        if rows[-1] and used + item > wrap_at:
            rows.append([])
            used = 0.0
        rows[-1].append(key)
        used += item
        widest = max(widest, used)
    rows_height = len(rows) * LEGEND_ROW
    room = layout.width - widest - 24
    beside = room >= 320.0 and not key_under
    key_width = min(KEY_WIDTH, room) if beside else min(KEY_WIDTH, max(layout.width, 300.0))
    origin = (widest + 24, 0.0) if beside else (0.0, rows_height + 8)
    blocks: list[tuple[str, list[tuple[str, tuple[str, ...]]], str]] = []
    key_height = 0.0
    for kind, title in (
        ("finding", "diagram.key.findings"),
        ("role", "diagram.key.roles"),
        ("issue", "diagram.key.issues"),
    ):
        entries = [
            (m.key, tuple(wrap_text(key_text(m, lang), key_width - KEY_INDENT, KEY_FONT)))
            for m in layout.findings
            if m.kind == kind
        ]
        if entries:
            blocks.append((t(title, lang), entries, kind))
            key_height += (KEY_FONT + 0.5) * LINE + 3 + 6
            key_height += sum(max(BADGE_H, len(lines) * KEY_FONT * LINE) + 3 for _, lines in entries)
    height = max(rows_height, key_height) if beside else rows_height + (8 + key_height if blocks else 0)
    return LegendPlan(rows, origin, blocks, height)


# -- SVG ------------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (what ``xml.sax.saxutils.escape`` does; importing that module loads
    ``urllib.request``, ``http.client`` and ``ssl``, 10-30 ms a ``diagram`` command)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _d(commands: list[Command]) -> str:
    return " ".join(c[0] + (" " + " ".join(_n(v) for v in c[1:]) if len(c) > 1 else "") for c in commands)


def _svg_element(element: Any, exact_turn: bool = False) -> str:
    if isinstance(element, _Path):
        style = [f"fill: {element.fill or 'none'}"]
        if element.stroke:
            style.append(f"stroke: {element.stroke}; stroke-width: {_n(element.width)}")
            style.append(f"stroke-linecap: {element.cap}; stroke-linejoin: {element.join}")
            if element.dash:
                style.append(f"stroke-dasharray: {_n(element.dash[0])},{_n(element.dash[1])}")
        if element.opacity < 1.0:  # not "opacity": resvg would paint the element on a layer of its own
            if element.fill:
                style.append(f"fill-opacity: {_n(element.opacity)}")
            if element.stroke:
                style.append(f"stroke-opacity: {_n(element.opacity)}")
        if element.evenodd:
            style.append("fill-rule: evenodd")
        return f'<path d="{_d(element.commands)}" style="{"; ".join(style)}"/>'
    weight = ' font-weight="bold"' if element.bold else ""
    anchor = ' text-anchor="middle"' if element.anchor == "middle" else ""
    x, y = _n(element.x), _n(element.y)
    turn = f' transform="rotate(-90 {x} {y})"' if element.rotated else ""
    if element.rotated and exact_turn:  # the same quarter turn with exact zeros (procesmap.diagrams._raster)
        x, y, turn = _n(-element.y), x, ' transform="matrix(0 -1 1 0 0 0)"'
    return (
        f'<text x="{x}" y="{y}" font-size="{_n(element.size)}" fill="{element.colour}"'
        f"{weight}{anchor}{turn}>{_escape(element.text)}</text>"
    )


def _svg(picture: _Picture, embed_fonts: bool, unit: str = "pt") -> str:
    """The picture as an SVG document: one unit a point, a ``viewBox`` to scale it."""
    w, h = _n(picture.width), _n(picture.height)
    return (
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}{unit}" height="{h}{unit}" viewBox="0 0 {w} {h}" '
        'version="1.1" xml:space="preserve">\n' + _svg_body(picture, embed_fonts) + "\n</svg>\n"
    )


def _svg_body(picture: _Picture, embed_fonts: bool, exact_turn: bool = False) -> str:
    """What the SVG root holds (in points): metadata, the fonts if embedded, the white page and the elements.
    ``exact_turn``: turned text as ``matrix(0 -1 1 0 0 0)`` (for the PNG, :mod:`procesmap.diagrams._raster`)."""
    body: list[str] = []
    characters: set[str] = set()
    for item in picture.ordered():
        parts = [_svg_element(e, exact_turn) for e in item.elements]
        for element in item.elements:
            if isinstance(element, _Text):
                characters.update(element.text)
        if item.gid:
            body.append(f'<g id="{_escape(item.gid)}">' + "".join(parts) + "</g>")
        else:
            body.extend(parts)
    w, h = _n(picture.width), _n(picture.height)
    style = _font_faces("".join(sorted(characters))) if embed_fonts else ""
    return (
        "<metadata>procesmap</metadata>\n"
        + (f'<defs><style type="text/css">{style}</style></defs>\n' if style else "")
        + f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>\n'
        + f'<g font-family="{FONT_STACK}">\n'
        + "\n".join(body)
        + "\n</g>"
    )


def _font_faces(used: str) -> str:
    """``@font-face`` rules with WOFF subsets of DejaVu Sans (regular and bold) holding ``used``."""
    characters = (
        _COMMON_CHARACTERS
        if set(used) <= set(_COMMON_CHARACTERS)
        else "".join(sorted(set(used) | set(_COMMON_CHARACTERS)))
    )
    faces = []
    for weight, bold in (("normal", False), ("bold", True)):
        data = _subset_font(bold, characters)
        if data:
            faces.append(
                "@font-face{font-family:'%s';font-weight:%s;src:url(data:font/woff;base64,%s) format('woff');}"
                % (EMBEDDED_FAMILY, weight, base64.b64encode(data).decode("ascii"))
            )
    return "".join(faces)


# Latin-1 and Latin Extended-A (Dutch, German, French names) and the symbols the diagram uses:
# one subset serves every diagram of a run (cached), instead of one per diagram.
_COMMON_CHARACTERS = "".join(
    sorted({chr(c) for c in range(0x20, 0x17F) if chr(c).isprintable()} | set("–—‘’‚“”„…•·→←↑↓↻⇄✉▶◀▲▼█░×≈≤≥€⚠"))
)


@functools.lru_cache(maxsize=8)
def _subset_font(bold: bool, characters: str) -> bytes | None:
    """The WOFF subset of DejaVu Sans with ``characters``; None when fontTools cannot.

    Subsetting costs about 0.15 s a face (fontTools walks the whole kerning table), more than
    drawing a diagram; so the result is kept in the user's cache folder (see :func:`cache_folder`)
    under a key of the font file, its size and time, fontTools' version and the characters.
    """
    try:
        import fontTools  # lazy: fontTools loads only when fonts are embedded
    except ImportError:  # pragma: no cover - a dependency
        return None
    path = font_file("bold" if bold else "regular")
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = hashlib.sha256(
        f"{_SUBSET_VERSION}|{path}|{stat.st_size}|{stat.st_mtime_ns}|{fontTools.version}|{characters}".encode("utf-8")
    ).hexdigest()[:32]
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
        write_quietly(cached, data)
    return data


_SUBSET_VERSION = 1  # raise when the subsetting options below change


def _make_subset(path: str, characters: str) -> bytes:
    from fontTools import subset  # lazy: fontTools loads only when fonts are embedded

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


# -- PNG --------------------------------------------------------------------------------------------


def _png(picture: _Picture, dpi: float | None = None, band_pixels: int | None = None) -> bytes:
    """The picture drawn by resvg at :func:`png_dpi` (``dpi`` or :data:`DPI`, less for a very big map), with that
    resolution recorded; a big picture in two bands at once (:mod:`procesmap.diagrams._raster`, pixels identical to
    one piece; ``band_pixels`` overrides its threshold). resvg writes the PNG (Pillow is not involved); about 20 ns
    of CPU a pixel."""
    from procesmap.diagrams import _raster  # lazy: the rasteriser loads only when a PNG is drawn

    job = _png_job(picture, dpi)
    return _raster.render_png(
        job.body,
        job.area,
        job.dpi,
        _png_fonts(),
        job.blockers,
        PNG_TEXT,
        _raster.BAND_PIXELS if band_pixels is None else band_pixels,
    )


def _pngs(pictures: list[_Picture], dpi: float | None = None) -> list[bytes]:
    """The pictures of a map's pages as PNGs, each as :func:`_png` draws it; on two cores shared whole between
    this process and a child (:func:`procesmap.diagrams._raster.render_pngs`)."""
    from procesmap.diagrams import _raster  # lazy: the rasteriser loads only when a PNG is drawn

    return _raster.render_pngs([_png_job(picture, dpi) for picture in pictures], _png_fonts(), PNG_TEXT)


PNG_TEXT = {"Software": "procesmap"}
"""The PNG's text entries."""


def _png_fonts() -> list[str]:
    return [font_file("regular"), font_file("bold")]


def _png_job(picture: _Picture, dpi: float | None) -> "PngJob":
    """What the rasteriser needs of ``picture``: its SVG body with boxes as rings (:func:`_ringed`), its canvas at
    :func:`png_dpi` and where a band's seam may not go (:class:`_Blockers`, found only if a seam is looked for)."""
    from procesmap.diagrams import _raster  # lazy: the rasteriser loads only when a PNG is drawn

    resolution = png_dpi(picture.width, picture.height, dpi)
    picture = _ringed(picture)
    area = _raster.canvas(picture.width, picture.height, resolution)
    return _raster.PngJob(
        _svg_body(picture, embed_fonts=False, exact_turn=True),
        area,
        resolution,
        _Blockers(picture, max(area.sx, area.sy)),
    )


class _Blockers:
    """:func:`_blockers` of a picture, found when first read: only a picture drawn in two bands needs them (10-20 ms
    a page of the 40-step map, which pages drawn whole side by side would spend before the child starts)."""

    def __init__(self, picture: _Picture, scale: float) -> None:
        self.picture, self.scale = picture, scale
        self.found: list[tuple[float, float]] | None = None

    def __iter__(self) -> Iterator[tuple[float, float]]:
        if self.found is None:
            self.found = _blockers(self.picture, self.scale)
        return iter(self.found)


_ROUNDED = ["M", "L", "C", "L", "C", "L", "C", "L", "C", "Z"]


def _ringed(picture: _Picture) -> _Picture:
    """The picture for the PNG: each stroked rounded box (:func:`_rounded`, a step, a badge, a label box) drawn as its
    fill and its border as a ring, filled (the outline of the stroke: rounded boxes half a line width larger and
    smaller, even-odd). The same shape as resvg's stroke, but a band's seam may cross it
    (:mod:`procesmap.diagrams._raster`): resvg strokes a box anew when a band cuts it, and a corner far from the seam
    could come out one level different; a filled quarter circle stays the same."""
    ringed = _Picture(picture.width, picture.height)
    for item in picture.items:
        elements: list[Any] = []
        for element in item.elements:
            if (
                not (isinstance(element, _Path) and element.stroke and not element.dash)
                or [c[0] for c in element.commands] != _ROUNDED
            ):
                elements.append(element)
                continue
            xs = [v for c in element.commands for v in c[1::2]]
            ys = [v for c in element.commands for v in c[2::2]]
            x, y, w, h = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
            r, half = element.commands[2][6] - y, element.width / 2  # the first turn ends at (x + w, y + r)
            if element.fill:
                elements.append(_Path(element.commands, fill=element.fill, opacity=element.opacity))
            outer = _rounded(x - half, y - half, w + 2 * half, h + 2 * half, r + half)
            inner = _rounded(x + half, y + half, w - 2 * half, h - 2 * half, max(r - half, 0.0))
            elements.append(_Path(outer + inner, fill=element.stroke, opacity=element.opacity, evenodd=True))
        ringed.items.append(_Item(item.z, elements, item.gid))
    return ringed


def _blockers(picture: _Picture, scale: float) -> list[tuple[float, float]]:
    """The ranges of y (points) a band's seam must not cross (:func:`procesmap.diagrams._raster.seam`) in a picture
    drawn at ``scale`` pixels a point: where a letter, a stroked curve, a filled curve that turns, a slanted or
    round-ended line, a line of a pixel or less, a corner or the end of a line is; a filled quarter circle only
    blocks its own rows. Straight vertical edges (lane
    and box sides, vertical arrows and lines, dashed or not) may be cut: cut, they stay the same edges."""
    ranges: list[tuple[float, float]] = []
    for item in picture.items:
        for element in item.elements:
            if isinstance(element, _Text):
                if element.rotated:
                    half = text_width(element.text, element.size) * BOLD * 0.6 + element.size
                    ranges.append((element.y - half, element.y + half))
                else:
                    ranges.append((element.y - 1.4 * element.size, element.y + 0.6 * element.size))
                continue
            ranges.extend(_path_blockers(element, scale))
    return ranges


def _path_blockers(path: _Path, scale: float) -> list[tuple[float, float]]:
    pad = (2.5 * path.width if path.stroke else 0.0) + 1.0  # a miter (limit 4) reaches 2 widths; then the blur
    ys = [float(_n(c[i])) for c in path.commands for i in range(2, len(c), 2)]
    if not ys:
        return []
    whole = [(min(ys) - pad, max(ys) + pad)]
    if path.cap != "butt" or path.join != "miter":
        return whole  # round ends and joins are curves resvg would split where a band cuts the path
    if path.stroke and path.width * scale <= 1.05:
        return whole  # a line of a pixel or less is a hairline, drawn in pieces that depend on where it is cut
    ranges = []
    start = last = None
    for command in path.commands:
        point = start if command[0] == "Z" else (float(_n(command[-2])), float(_n(command[-1])))
        if point is None:
            continue
        if command[0] == "C":
            if path.stroke or last is None:
                return whole  # resvg strokes a curve anew when a band cuts its path, also far from the seam
            xs = [last[0], *(float(_n(command[i])) for i in (1, 3, 5))]
            hull = [last[1], *(float(_n(command[i])) for i in (2, 4, 6))]
            if not (_one_way(xs) and _one_way(hull)):
                return whole  # a filled curve that turns: resvg splits it at the turn when a band cuts its path
            ranges.append((min(hull) - pad, max(hull) + pad))  # a filled quarter circle: only its own rows
        elif command[0] == "M":
            start = point
        elif last is not None and point[0] != last[0]:  # slanted or horizontal: its rows
            ranges.append((min(point[1], last[1]) - pad, max(point[1], last[1]) + pad))
        ranges.append((point[1] - pad, point[1] + pad))  # a corner or an end
        last = point
    return ranges


def _one_way(values: list[float]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:])) or all(a >= b for a, b in zip(values, values[1:]))


# -- ReportLab (PDF) -------------------------------------------------------------------------------


def register_fonts() -> None:
    """Register procesmap's DejaVu files with ReportLab once (embedded as TrueType subsets)."""
    from reportlab.lib.fonts import addMapping  # lazy: ReportLab loads only when a PDF is written
    from reportlab.pdfbase import pdfmetrics  # lazy: ReportLab loads only when a PDF is written
    from reportlab.pdfbase.ttfonts import TTFont  # lazy: ReportLab loads only when a PDF is written

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    names = {
        "DejaVuSans": "regular",
        "DejaVuSans-Bold": "bold",
        "DejaVuSans-Oblique": "italic",
        "DejaVuSans-BoldOblique": "bold-italic",
        "DejaVuSansMono": "mono",
    }
    for name, face in names.items():
        pdfmetrics.registerFont(TTFont(name, font_file(face)))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-BoldOblique")


def _drawing(picture: _Picture) -> Any:
    """The picture as a ReportLab Drawing: y upwards, so every y becomes ``height - y``."""
    from reportlab.graphics.shapes import (  # lazy: ReportLab loads only when a PDF is written
        Drawing,
        Group,
        Path,
        String,
    )
    from reportlab.lib.colors import HexColor  # lazy: ReportLab loads only when a PDF is written

    register_fonts()
    height = picture.height
    drawing = Drawing(picture.width, height)
    colours: dict[str, Any] = {}

    def colour(value: str | None) -> Any:
        if value is None:
            return None
        if value not in colours:
            colours[value] = HexColor(value)
        return colours[value]

    for item in picture.ordered():
        for element in item.elements:
            if isinstance(element, _Path):
                path = Path(
                    fillColor=colour(element.fill),
                    strokeColor=colour(element.stroke),
                    strokeWidth=element.width if element.stroke else 0,
                    strokeLineCap={"butt": 0, "round": 1, "square": 2}[element.cap],
                    strokeLineJoin={"miter": 0, "round": 1, "bevel": 2}[element.join],
                    strokeDashArray=list(element.dash) if element.dash else None,
                    fillOpacity=element.opacity if element.fill else None,
                    strokeOpacity=element.opacity if element.stroke else None,
                )
                for command in element.commands:
                    op = command[0]
                    if op == "M":
                        path.moveTo(command[1], height - command[2])
                    elif op == "L":
                        path.lineTo(command[1], height - command[2])
                    elif op == "C":
                        path.curveTo(
                            command[1],
                            height - command[2],
                            command[3],
                            height - command[4],
                            command[5],
                            height - command[6],
                        )
                    else:
                        path.closePath()
                if element.fill is None:
                    path.fillColor = None
                drawing.add(path)
            else:
                font = "DejaVuSans-Bold" if element.bold else "DejaVuSans"
                anchor = "middle" if element.anchor == "middle" else "start"
                if element.rotated:
                    group = Group(
                        String(
                            0,
                            0,
                            element.text,
                            fontName=font,
                            fontSize=element.size,
                            fillColor=colour(element.colour),
                            textAnchor=anchor,
                        )
                    )
                    group.transform = (0, 1, -1, 0, element.x, height - element.y)
                    drawing.add(group)
                else:
                    drawing.add(
                        String(
                            element.x,
                            height - element.y,
                            element.text,
                            fontName=font,
                            fontSize=element.size,
                            fillColor=colour(element.colour),
                            textAnchor=anchor,
                        )
                    )
    return drawing


def _pdf(*pictures: _Picture) -> bytes:
    """One page the size of each picture, vector, fonts embedded, the same bytes for the same map."""
    from reportlab.graphics import renderPDF  # lazy: ReportLab loads only when a PDF is written
    from reportlab.pdfgen.canvas import Canvas  # lazy: ReportLab loads only when a PDF is written

    drawings = [_drawing(picture) for picture in pictures]
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(drawings[0].width, drawings[0].height),
        invariant=1,
        pageCompression=1,
        initialFontName="DejaVuSans",
    )
    canvas.setCreator("procesmap")
    canvas.setProducer("procesmap")
    from reportlab.graphics.shapes import STATE_DEFAULTS  # lazy: ReportLab loads only when a PDF is written

    previous = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = "DejaVuSans"  # else the drawing starts in Helvetica, a font never embedded
    try:
        for drawing in drawings:
            canvas.setPageSize((drawing.width, drawing.height))
            renderPDF.draw(drawing, canvas, 0, 0)
            canvas.showPage()
    finally:
        STATE_DEFAULTS["fontName"] = previous
    canvas.save()
    return buffer.getvalue()

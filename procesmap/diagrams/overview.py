"""The map per organisation: one box per organisation, the handovers between them as counted arrows (issue 15).

For the facilitator of a workshop with several organisations: before the steps, who hands the case to whom and how
often. Each organisation of the swimlane (its lane groups: the organisations, "Externe partijen", and the lane of
steps without a role when there is one) is one box with its name and how many steps and roles it holds; each pair
that hands cases over gets one arrow with how often a case goes that way (the analysis's expected handovers per case,
summed over the transitions between the two) and over how many transitions of the map. Boxes stand in a row in the
order the case first reaches them; arrows forward (to a later box) run above the row, arrows back below it, each at
its own height so no two runs or labels overlap.

Pure geometry (:func:`organisation_overview`) plus a painter that uses the swimlane's writers (SVG, PNG, PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from procesmap.diagrams.layout import BOLD, LINE, SwimlaneLayout, swimlane_layout, text_width, wrap_text
from procesmap.i18n import Count, number, t
from procesmap.diagrams.swimlane import (
    _drawing,
    _pdf,
    _png,
    _svg,
    CENTRE_BASELINE,
    COLOURS,
    TOP_BASELINE,
    _circle,
    _Item,
    _Path,
    _Picture,
    _polyline,
    _rounded,
    _Text,
    org_colours,
)

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = [
    "OrgBox",
    "OrgArrow",
    "OrganisationOverview",
    "organisation_overview",
    "render_overview",
    "overview_in_report",
]

Box = tuple[float, float, float, float]

BOX_W = 190.0
GAP = 120.0  # between two boxes in the row
LEVEL = 30.0  # between two heights of arrows
NAME_FONT = 10.0
DETAIL_FONT = 8.0
LABEL_FONT = 8.0
PAD = 8.0
MARGIN = 12.0
TITLE_H = 50.0
NOTE_FONT = 8.0


@dataclass(frozen=True)
class OrgBox:
    """One organisation (or the external parties, or the steps without a role), collapsed."""

    key: str  # organisation id, "__external__" or "__none__"
    name: str
    external: bool
    x: float
    y: float
    width: float
    height: float
    name_lines: tuple[str, ...]
    detail: str  # "7 stappen · 4 rollen"
    steps: tuple[str, ...]
    roles: tuple[str, ...]
    fill: int  # index of the organisation's colour in the swimlane (-1: external grey)


@dataclass(frozen=True)
class OrgArrow:
    """The handovers from one box to another: how often a case goes that way, over how many transitions."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]
    per_case: float
    transitions: tuple[tuple[str, str], ...]
    label: str
    label_box: Box
    kind: str  # "organisation" | "external"
    back: bool  # to an earlier box (runs below the row)


@dataclass
class OrganisationOverview:
    width: float
    height: float
    boxes: list[OrgBox] = field(default_factory=list)
    arrows: list[OrgArrow] = field(default_factory=list)
    per_case: float = 0.0  # all handovers between the boxes, per case


def _groups(layout: SwimlaneLayout) -> list[tuple[str, str | None, bool, list[int]]]:
    """The organisation groups of the swimlane: (key, name, external, lane indexes), top to bottom."""
    result = []
    for group in layout.groups:
        if group.kind != "organisation":
            continue
        lanes = [
            i
            for i, lane in enumerate(layout.lanes)
            if group.y - 0.01 <= lane.y and lane.y + lane.height <= group.y + group.height + 0.01
        ]
        key = "__external__" if group.external else (group.id or "__none__")
        result.append((key, group.name, group.external, lanes))
    return result


#: The narrowest box, the gap as a share of a box, and the narrowest gap, when the overview is fitted to a width.
MIN_BOX_W = 112.0
GAP_SHARE = 0.6
MIN_GAP = 30.0


def box_sizes(count: int, fit_width: float | None, least_box: float = MIN_BOX_W) -> tuple[float, float]:
    """The box width and the gap between boxes: :data:`BOX_W` and :data:`GAP`, or, to fit ``fit_width`` points
    (a PDF report's page, where the picture must not shrink its text under 6 pt), narrower boxes (never under
    ``least_box``: the longest word of a name) with a gap of :data:`GAP_SHARE` of a box, then narrower gaps (never
    under :data:`MIN_GAP`)."""
    if fit_width is None or count < 2 or MARGIN * 2 + count * BOX_W + (count - 1) * GAP <= fit_width:
        return max(BOX_W, least_box), GAP
    box = max((fit_width - 2 * MARGIN) / (count + (count - 1) * GAP_SHARE), MIN_BOX_W, least_box)
    gap = box * GAP_SHARE
    if MARGIN * 2 + count * box + (count - 1) * gap > fit_width:
        gap = max((fit_width - 2 * MARGIN - count * box) / (count - 1), MIN_GAP)
    return box, gap


def organisation_overview(
    analysis: "Analysis", lang: str = "nl", layout: SwimlaneLayout | None = None, fit_width: float | None = None
) -> OrganisationOverview | None:
    """The overview per organisation, or None when the map has fewer than two organisation groups. ``fit_width``:
    narrower boxes so the picture is about that wide (:func:`box_sizes`)."""

    layout = layout or swimlane_layout(analysis, lang, thin=True)
    groups = _groups(layout)
    if len(groups) < 2:
        return None
    # never narrower than the longest word of a name: a name wraps between words, never inside one
    words = [
        word
        for _, name, external, _ in groups
        for word in (name or t("diagram.external" if external else "diagram.no_organisation", lang)).split()
    ]
    longest = max([text_width(word, NAME_FONT) * BOLD + 2 * PAD + 2 for word in words] + [0.0])
    box_w, gap = box_sizes(len(groups), fit_width, longest)
    group_of_lane = {lane: g for g, (_, _, _, lanes) in enumerate(groups) for lane in lanes}
    group_of_step = {node.step: group_of_lane[node.lane] for node in layout.nodes}
    first = {
        g: min((n.layer for n in layout.nodes if group_of_step[n.step] == g), default=10**9)
        for g in group_of_lane.values()
    }
    order = sorted(range(len(groups)), key=lambda g: (first.get(g, 10**9), g))
    slot = {g: k for k, g in enumerate(order)}
    # the handovers between two boxes, from the analysis
    pairs: dict[tuple[int, int], list[Any]] = {}
    for handover in analysis.handovers.handovers:
        a, b = group_of_step.get(handover.source), group_of_step.get(handover.target)
        if a is None or b is None or a == b:
            continue
        pairs.setdefault((a, b), []).append(handover)
    # boxes
    org_index = 0
    fills: dict[int, int] = {}
    for g, (_, _, external, _) in enumerate(groups):
        if external:
            fills[g] = -1
        else:
            fills[g] = org_index
            org_index += 1
    names: dict[int, tuple[str, ...]] = {}
    details: dict[int, str] = {}
    box_h = 0.0
    for g, (key, name, external, lanes) in enumerate(groups):
        label = name or (t("diagram.external", lang) if external else t("diagram.no_organisation", lang))
        names[g] = tuple(wrap_text(label, (box_w - 2 * PAD) / BOLD, NAME_FONT))
        group_steps = [s for s, gg in group_of_step.items() if gg == g]
        group_roles = [layout.lanes[i].role for i in lanes if layout.lanes[i].role]
        details[g] = t("diagram.overview.box", lang, steps=Count(len(group_steps)), roles=Count(len(group_roles)))
        box_h = max(box_h, 2 * PAD + len(names[g]) * NAME_FONT * LINE + 4 + DETAIL_FONT * LINE)
    # ports: each box side holds the ends of its arrows, spread by where the other end is
    keys = sorted(pairs, key=lambda p: (abs(slot[p[0]] - slot[p[1]]), slot[p[0]], slot[p[1]]))

    def box_x(g: int) -> float:
        return MARGIN + slot[g] * (box_w + gap)

    ends: dict[tuple[int, bool], list[tuple[float, tuple[int, int], int]]] = {}
    for pair in keys:
        a, b = pair
        back = slot[b] < slot[a]
        ends.setdefault((a, back), []).append((box_x(b), pair, 0))
        ends.setdefault((b, back), []).append((box_x(a), pair, 1))
    port: dict[tuple[tuple[int, int], int], float] = {}
    for (g, _back), items in ends.items():
        items.sort(key=lambda item: (item[0], item[2]))
        for k, (_, pair, end) in enumerate(items):
            port[(pair, end)] = box_x(g) + (k + 1) * box_w / (len(items) + 1)
    # heights: interval colouring of the runs and their labels, above (forward) and below (back) the row
    placed: list[tuple[tuple[int, int], bool, int, float, float, str, float]] = []
    taken: dict[tuple[bool, int], list[tuple[float, float]]] = {}
    for pair in keys:
        a, b = pair
        back = slot[b] < slot[a]
        x0, x1 = port[(pair, 0)], port[(pair, 1)]
        per_case = sum(h.per_case for h in pairs[pair])
        label = t(
            "diagram.overview.arrow",
            lang,
            per_case=number(per_case, lang, 2),
            transitions=Count(len(pairs[pair])),
        )
        width = text_width(label, LABEL_FONT) + 6
        mid = (x0 + x1) / 2
        lo, hi = min(x0, x1, mid - width / 2) - 4, max(x0, x1, mid + width / 2) + 4
        level = 0
        while any(not (hi < u or lo > v) for u, v in taken.get((back, level), [])):
            level += 1
        taken.setdefault((back, level), []).append((lo, hi))
        placed.append((pair, back, level, x0, x1, label, per_case))
    above = 1 + max((lv for _, bk, lv, *_ in placed if not bk), default=-1)
    below = 1 + max((lv for _, bk, lv, *_ in placed if bk), default=-1)
    top = TITLE_H + (above * LEVEL + 20.0 if above else 10.0)
    boxes = []
    for g, (key, name, external, lanes) in enumerate(groups):
        steps = tuple(s for s, gg in group_of_step.items() if gg == g)
        roles = tuple(layout.lanes[i].role or "" for i in lanes if layout.lanes[i].role)
        boxes.append(
            OrgBox(
                key,
                " ".join(names[g]),
                external,
                box_x(g),
                top,
                box_w,
                box_h,
                names[g],
                details[g],
                steps,
                roles,
                fills[g],
            )
        )
    boxes.sort(key=lambda b: b.x)
    arrows = []
    label_h = LABEL_FONT * LINE + 2
    for pair, back, level, x0, x1, label, per_case in placed:
        a, b = pair
        if back:  # below the row, its label under its run
            y_run = top + box_h + 20.0 + level * LEVEL
            y0 = y1 = top + box_h
            label_y = y_run + 2
        else:  # above the row, its label over its run
            y_run = top - 20.0 - level * LEVEL
            y0 = y1 = top
            label_y = y_run - 2 - label_h
        width = text_width(label, LABEL_FONT) + 6
        mid = (x0 + x1) / 2
        kind = "external" if groups[a][2] or groups[b][2] else "organisation"
        arrows.append(
            OrgArrow(
                groups[a][0],
                groups[b][0],
                ((x0, y0), (x0, y_run), (x1, y_run), (x1, y1)),
                per_case,
                tuple((h.source, h.target) for h in pairs[pair]),
                label,
                (mid - width / 2, label_y, width, label_h),
                kind,
                back,
            )
        )
    width = MARGIN * 2 + len(groups) * box_w + (len(groups) - 1) * gap
    note = len(wrap_text(t("diagram.overview.note", lang), width - 2 * MARGIN, NOTE_FONT))
    height = top + box_h + (20.0 + (below - 1) * LEVEL + label_h + 4 if below else 0.0) + 16
    height += note * NOTE_FONT * LINE + MARGIN
    total = sum(a.per_case for a in arrows)
    return OrganisationOverview(width, height, boxes, arrows, total)


def render_overview(analysis: "Analysis", fmt: str = "png", lang: str = "nl", dpi: float | None = None) -> bytes | None:
    """The overview per organisation as ``png`` (at ``dpi``, else the swimlane's default, see
    :func:`procesmap.diagrams.swimlane.png_dpi`), ``svg`` or ``pdf`` bytes; None for a map of one organisation."""

    picture = overview_picture(analysis, lang)
    if picture is None:
        return None
    if fmt == "svg":
        return _svg(picture, embed_fonts=True).encode("utf-8")
    if fmt == "png":
        return _png(picture, dpi)
    return _pdf(picture)


def overview_in_report(analysis: "Analysis", lang: str, fmt: str = "svg", fit_width: float | None = None) -> Any:
    """The overview as a report shows it: ``svg`` bytes (fonts embedded, for HTML) or a ReportLab ``drawing``
    (for the PDF), at most ``fit_width`` points wide; None for a map of one organisation."""
    picture = overview_picture(analysis, lang, fit_width=fit_width)
    if picture is None:
        return None
    return _drawing(picture) if fmt == "drawing" else _svg(picture, embed_fonts=True).encode("utf-8")


def overview_picture(
    analysis: "Analysis", lang: str, layout: SwimlaneLayout | None = None, fit_width: float | None = None
) -> Any:
    """The overview painted with the swimlane's primitives (a ``_Picture``), or None. ``fit_width``: see
    :func:`organisation_overview`."""

    overview = organisation_overview(analysis, lang, layout, fit_width)
    if overview is None:
        return None
    picture = _Picture(overview.width, overview.height)
    ink = COLOURS["ink"]
    add = picture.items.append
    process = analysis.process
    add(_Item(3, [_Text(MARGIN, 6 + TOP_BASELINE * 16, process.name or process.id, 16, ink, True)], "title"))
    subtitle = t("diagram.overview.subtitle", lang, per_case=number(overview.per_case, lang, 1))
    add(_Item(3, [_Text(MARGIN, 29 + TOP_BASELINE * 10, subtitle, 10, COLOURS["muted"])], "subtitle"))
    biggest = max((a.per_case for a in overview.arrows), default=1.0) or 1.0
    for box in overview.boxes:
        fill, head = (COLOURS["external_fill"], COLOURS["header_external"]) if box.fill < 0 else org_colours(box.fill)
        add(
            _Item(
                5,
                [_Path(_rounded(box.x, box.y, box.width, box.height, 6), fill=fill, stroke=ink, width=1.4)],
                f"orgbox-{box.key}",
            )
        )
        add(_Item(5.5, [_Path(_rounded(box.x, box.y, 6, box.height, 3), fill=head)]))
        cx = box.x + box.width / 2
        y = box.y + PAD
        lines = [
            _Text(cx, y + TOP_BASELINE * NAME_FONT + i * NAME_FONT * LINE, line, NAME_FONT, ink, True, "middle")
            for i, line in enumerate(box.name_lines)
        ]
        add(_Item(7, lines, f"orgname-{box.key}"))
        y += len(box.name_lines) * NAME_FONT * LINE + 4
        add(
            _Item(
                7,
                [_Text(cx, y + TOP_BASELINE * DETAIL_FONT, box.detail, DETAIL_FONT, COLOURS["muted"], False, "middle")],
                f"orgdetail-{box.key}",
            )
        )
    for arrow in overview.arrows:
        colour = COLOURS[arrow.kind]
        width = 1.2 + 3.0 * arrow.per_case / biggest
        gid = f"orgarrow-{arrow.source}--{arrow.target}"
        (_, ya), (xb, yb) = arrow.points[-2], arrow.points[-1]
        direction = 1.0 if yb > ya else -1.0
        size = 6.0 + width
        line = list(arrow.points[:-1]) + [(xb, yb - direction * size * 0.6)]  # the line stops inside the head
        add(_Item(3, [_Path(_polyline(line), stroke=colour, width=width)], gid))
        tip = [(xb, yb), (xb - size * 0.45, yb - direction * size), (xb + size * 0.45, yb - direction * size)]
        add(_Item(4, [_Path(_polyline(tip, closed=True), fill=colour, stroke=colour, width=0.3)]))
        x0, y0 = arrow.points[0]
        add(_Item(4, [_Path(_circle(x0, y0, 2.2 + width / 2), fill=colour)]))
        lx, ly, lw, lh = arrow.label_box
        add(_Item(6, [_Path(_rounded(lx, ly, lw, lh, 2), fill="#ffffff", opacity=0.9)]))
        add(
            _Item(
                7,
                [
                    _Text(
                        lx + lw / 2,
                        ly + lh / 2 + CENTRE_BASELINE * LABEL_FONT,
                        arrow.label,
                        LABEL_FONT,
                        ink,
                        False,
                        "middle",
                    )
                ],
                f"orglabel-{arrow.source}--{arrow.target}",
            )
        )
    note = t("diagram.overview.note", lang)
    note_lines = wrap_text(note, overview.width - 2 * MARGIN, NOTE_FONT)
    y = overview.height - MARGIN - len(note_lines) * NOTE_FONT * LINE
    texts = [
        _Text(MARGIN, y + TOP_BASELINE * NOTE_FONT + i * NOTE_FONT * LINE, note_line, NOTE_FONT, COLOURS["muted"])
        for i, note_line in enumerate(note_lines)
    ]
    add(_Item(3, texts, "orgnote"))
    return picture

"""Work limits of a drawing (issue #19): checked before the work starts, with a message that names the limit and
how to lower the work.

* :data:`MAX_DRAWN_STEPS` and :data:`MAX_DRAWN_BRANCHES`, before the swimlane layout starts (every swimlane
  picture, draw.io, ``--pages``, the BPMN export's diagram, the pictures of the HTML and PDF reports): the
  layout grows with the steps, and with the square of the branches one step fans out to (a decision of
  9,990 branches ran past 100 s in the layout alone).
* :data:`MAX_PICTURE_AREA`, after the layout (a few seconds at most within the limits above) and before a
  shape is painted (PNG, SVG, PDF, pages, the reports' pictures): rasterising grows with the picture's area
  (its dotted lane lines are drawn dash by dash), not with the pixels: 2,000 steps in 1,000 lanes, a
  picture of 97 x 36 m, ran past 150 s for a PNG of 16 million pixels.

* :data:`MAX_PNG_PIXELS`, after the pages are cut and painted and before one is rasterised (``diagram -f png`` of
  a map drawn as pages, its default when one picture would be unreadable): rasterising costs about 70 ms of CPU
  a million pixels, and every page of a part is up to 10 million; a chain of 200 steps made 27 PNG files (247
  million pixels) in 29 s, one of 800 steps 101 files in 96 s. SVG and PDF pages take seconds.

A command that only draws (``diagram``, ``export bpmn``) ends with exit code 2 and the message; a report leaves
the picture out, says why, and keeps every figure. Mermaid (``diagram -f mermaid``) is text without a layout
and has no limit of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from procesmap.errors import UsageError

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = [
    "MAX_DRAWN_STEPS",
    "MAX_DRAWN_BRANCHES",
    "MAX_PICTURE_AREA",
    "MAX_PNG_PIXELS",
    "DrawingTooLarge",
    "check_layout",
    "check_area",
    "check_png_pixels",
]

#: The most steps one swimlane layout places (a 5,000-step chain lays out in about 2 s).
MAX_DRAWN_STEPS = 5_000
#: The most branches (``next`` entries) of one step a swimlane layout places.
MAX_DRAWN_BRANCHES = 500
#: The largest picture painted, in square points (1/72 inch): 300 million, about 37 m² at full size, e.g. a
#: chain of 2,000 steps in 10 lanes (its PNG: about 7 s).
MAX_PICTURE_AREA = 300_000_000
#: The most pixels of all PNG pictures of one ``diagram`` together (the whole map and its pages): about 6 s of CPU;
#: the bundled maps drawn as pages take 21-39 million.
MAX_PNG_PIXELS = 80_000_000


class DrawingTooLarge(UsageError):
    """A drawing over one of the limits above: exit code 2 for a command, a note in a report."""


def check_layout(analysis: "Analysis") -> None:
    """Raise :class:`DrawingTooLarge` when the map has more steps, or a step more branches, than one layout
    places. Checked before the layout starts."""
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    steps = analysis.process.steps
    if len(steps) > MAX_DRAWN_STEPS:
        raise DrawingTooLarge(
            "bounds.drawing_steps",
            "bounds.hint.drawing_steps",
            steps=Count(len(steps)),
            limit=Count(MAX_DRAWN_STEPS),
        )
    widest = max(steps, key=lambda s: len(s.next), default=None)
    if widest is not None and len(widest.next) > MAX_DRAWN_BRANCHES:
        raise DrawingTooLarge(
            "bounds.drawing_branches",
            "bounds.hint.drawing_branches",
            step=widest.id,
            branches=Count(len(widest.next)),
            limit=Count(MAX_DRAWN_BRANCHES),
        )


def check_area(width: float, height: float) -> None:
    """Raise :class:`DrawingTooLarge` when a laid-out picture of ``width`` x ``height`` points is larger than
    :data:`MAX_PICTURE_AREA`. Checked before a shape is painted."""
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    area = width * height
    if area > MAX_PICTURE_AREA:
        raise DrawingTooLarge(
            "bounds.drawing_area",
            "bounds.hint.drawing_area",
            width=round(width / 72 * 0.0254, 1),
            height=round(height / 72 * 0.0254, 1),
            area=Count(round(area / 1e6)),
            limit=Count(MAX_PICTURE_AREA // 1_000_000),
        )


def check_png_pixels(pictures: int, pixels: float) -> None:
    """Raise :class:`DrawingTooLarge` when ``pictures`` PNG pictures of ``pixels`` pixels together are more than
    :data:`MAX_PNG_PIXELS`. Checked before one is rasterised."""
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    if pixels > MAX_PNG_PIXELS:
        raise DrawingTooLarge(
            "bounds.png_pixels",
            "bounds.hint.png_pixels",
            pictures=Count(pictures),
            pixels=Count(round(pixels / 1e6)),
            limit=Count(MAX_PNG_PIXELS // 1_000_000),
        )

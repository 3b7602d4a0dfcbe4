"""One colour code for handover levels, used by the swimlane, draw.io, the HTML, PDF and terminal reports.

An arrow or a table row gets the colour of the most important seam it crosses
(:func:`handover_kind`): another organisation, an external party, another team, and a
handover outside the case system (``manual``, drawn as a dashed arrow with an envelope ✉).
No heavy imports: the terminal report and ``--help`` load this module.
"""

from __future__ import annotations

from typing import Iterable

__all__ = ["HANDOVER_COLOURS", "HANDOVER_ORDER", "handover_kind"]

HANDOVER_COLOURS = {
    "organisation": "#c62828",  # red, "over de schutting"
    "external": "#00838f",  # teal, to or from an outside party
    "team": "#e08a00",  # orange, to another team
    "manual": "#6a1b9a",  # purple envelope: outside the case system
}
"""Hex colours by handover level; the same in the picture, its legend, the tables and the HTML."""

HANDOVER_ORDER = ("organisation", "external", "team", "manual")
"""Which level colours a handover that is several at once (first wins)."""


def handover_kind(levels: Iterable[str], order: tuple[str, ...] = HANDOVER_ORDER) -> str | None:
    """The level whose colour a handover with ``levels`` gets, or None."""
    present = set(levels)
    return next((level for level in order if level in present), None)

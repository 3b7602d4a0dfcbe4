"""Diagrams of a process map: swimlanes (PNG, SVG, PDF) and Mermaid flowcharts.

* :func:`procesmap.diagrams.layout.swimlane_layout` places lanes, steps and arrows in
  abstract units (pure Python; also used for BPMN diagram interchange).
* :func:`render_swimlane` draws that layout as SVG, PDF (ReportLab) or PNG (resvg).
* :func:`render_mermaid` writes a Mermaid flowchart for GitLab and GitHub markdown.
* :func:`render_drawio` writes the swimlane as an editable draw.io file (opens in
  diagrams.net, and through it in Visio).

Renderers compute no figures: handovers, single points of failure, waits and the
bottleneck come from the :class:`~procesmap.analysis.Analysis`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["DIAGRAM_FORMATS", "SUFFIXES", "render_diagram", "render_swimlane", "render_mermaid", "render_drawio"]

DIAGRAM_FORMATS = ("png", "svg", "pdf", "mermaid", "drawio")
SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".mmd": "mermaid", ".mermaid": "mermaid", ".drawio": "drawio"}


def render_swimlane(
    analysis: "Analysis", fmt: str = "png", lang: str = "nl", all_arrows: bool = False, dpi: float | None = None
) -> bytes:
    """The swimlane diagram as PNG (144 dpi unless ``dpi``; a very big map at less, see
    :func:`procesmap.diagrams.swimlane.png_dpi`), SVG or PDF bytes (a dense map's rare arrows left out unless
    ``all_arrows``)."""
    from procesmap.diagrams.swimlane import (  # lazy: each format's code loads only when that format is drawn
        render_swimlane as _render,
    )

    return _render(analysis, fmt, lang, all_arrows, dpi)


def render_mermaid(analysis: "Analysis", lang: str = "nl") -> str:
    """The map as a Mermaid flowchart with subgraphs per organisation, team and role."""
    from procesmap.diagrams.mermaid import (  # lazy: each format's code loads only when that format is drawn
        render_mermaid as _render,
    )

    return _render(analysis, lang)


def render_drawio(analysis: "Analysis", lang: str = "nl") -> bytes:
    """The swimlane as a draw.io file (UTF-8 XML): lanes as containers, steps as shapes, edges with labels."""
    from procesmap.diagrams.drawio import (  # lazy: each format's code loads only when that format is drawn
        render_drawio as _render,
    )

    return _render(analysis, lang)


def render_diagram(
    analysis: "Analysis", fmt: str = "png", lang: str = "nl", all_arrows: bool = False, dpi: float | None = None
) -> bytes:
    """Any diagram format of :data:`DIAGRAM_FORMATS` as bytes (Mermaid and draw.io as UTF-8 text; they hold every
    arrow, ``all_arrows`` is for the pictures; ``dpi`` for a PNG)."""
    if fmt == "mermaid":
        return render_mermaid(analysis, lang).encode("utf-8")
    if fmt == "drawio":
        return render_drawio(analysis, lang)
    return render_swimlane(analysis, fmt, lang, all_arrows, dpi)

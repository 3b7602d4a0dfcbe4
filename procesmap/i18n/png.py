"""Catalogue entries of the PNG resolution of ``procesmap diagram`` (``--dpi``; merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_PNG: dict[str, dict[str, str]] = {
    "cli.diagram.dpi_format": {
        "en": "--dpi sets the resolution of a PNG picture, not of {format}",
        "nl": "--dpi zet de resolutie van een PNG-plaat, niet van {format}",
    },
    "hint.cli.diagram.dpi_format": {
        "en": "leave out --dpi, or draw a PNG (--format png); SVG and PDF are vectors and sharp at any size",
        "nl": "laat --dpi weg, of teken een PNG (--format png); SVG en PDF zijn vectoren en scherp op elke grootte",
    },
    "cli.diagram.dpi_range": {
        "en": "--dpi {dpi} is outside {low} to {high}",
        "nl": "--dpi {dpi} valt buiten {low} tot {high}",
    },
    "hint.cli.diagram.dpi_range": {
        "en": "the default, 144 dpi, is sharp on a screen or beamer; 300 is print quality (the PDF, -f pdf, is "
        "vector and sharp at any size)",
        "nl": "de standaard, 144 dpi, is scherp op een scherm of beamer; 300 is drukkwaliteit (de PDF, -f pdf, is "
        "vector en scherp op elke grootte)",
    },
}

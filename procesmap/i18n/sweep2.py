"""Catalogue entries of the second user-eyed defect sweep (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SWEEP2: dict[str, dict[str, str]] = {
    "sweep2.volume.thousands": {
        "en": "`volume: {value}` has a thousands point, but a point in a number is a decimal point",
        "nl": "`volume: {value}` heeft een punt als duizendtalscheiding, maar een punt in een getal is een "
        "decimaalteken",
    },
    "hint.sweep2.volume.thousands": {
        "en": "write `{example}` ({count} cases), without the point; a fraction takes a point: `1.5/day`",
        "nl": "schrijf `{example}` ({count} zaken), zonder punt; een breuk schrijf je met een punt: `1.5/day`",
    },
}

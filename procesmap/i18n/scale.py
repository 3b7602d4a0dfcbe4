"""Catalogue entries for big maps: what the terminal report leaves out of a long table. Keys start with ``scale.``."""

from __future__ import annotations

__all__ = ["MESSAGES_SCALE"]

MESSAGES_SCALE: dict[str, dict[str, str]] = {
    "scale.more_handovers": {
        "en": "… and {count} more handovers with fewer per case; `--format json` lists every one",
        "nl": "… en nog {count} overdrachten met minder per zaak; `--format json` toont ze allemaal",
    },
    "scale.more_findings": {
        "en": "… and {count} more; `--format json` lists every finding",
        "nl": "… en nog {count}; `--format json` toont elke bevinding",
    },
}

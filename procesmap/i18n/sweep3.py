"""Catalogue entries of the third user-eyed defect sweep (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SWEEP3: dict[str, dict[str, str]] = {
    "hint.sweep3.output_no_folder": {
        "en": "create the folder first (mkdir {path}), or name the file to write: --output {path}<name>",
        "nl": "maak eerst de map (mkdir {path}), of noem het bestand dat geschreven moet worden: --output {path}<naam>",
    },
}

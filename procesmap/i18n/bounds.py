"""Catalogue entries of the work limits of drawing and exporting huge maps, and of lists in messages that
are cut to their first items (issue #19). Every key starts with ``bounds.``."""

from __future__ import annotations

__all__ = ["MESSAGES_BOUNDS"]

MESSAGES_BOUNDS: dict[str, dict[str, str]] = {
    # -- a list in a message, cut to its first items (procesmap.findings.listing) ------------------------------
    "bounds.list_more": {
        "en": "{items} and {more:plural:# more|# more}",
        "nl": "{items} en nog {more}",
    },
}

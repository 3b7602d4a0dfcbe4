"""Which language procesmap speaks when nobody said: a module of its own, so that ``procesmap --help`` can ask
without loading the message catalogue (:mod:`procesmap.i18n`, which re-exports both names)."""

from __future__ import annotations

import os

__all__ = ["LANGUAGES", "default_language"]

LANGUAGES = ("nl", "en")


def default_language(explicit: str | None = None) -> str:
    """``--lang`` if given, else ``PROCESMAP_LANG``, else the locale (``LANG``), else English."""
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    for variable in ("PROCESMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value[:2].lower() in LANGUAGES:
            return value[:2].lower()
    return "en"

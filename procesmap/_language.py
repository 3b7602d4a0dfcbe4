"""Which language procesmap speaks when nobody said (a module of its own, so that ``procesmap --help`` can ask
without loading the message catalogue, :mod:`procesmap.i18n`, which re-exports these names), and a number a
Dutch user wrote the Dutch way."""

from __future__ import annotations

import os
import re

__all__ = ["LANGUAGES", "default_language", "with_decimal_point"]

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


#: A number written the Dutch way, with a decimal comma (``0,8``): in a map YAML reads it as the text "0,8"
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def with_decimal_point(text: str) -> str | None:
    """``"0.8"`` for ``" 0,8 "``: the number a Dutch user meant, to show in a hint (``fte: 0,8`` in a map,
    ``--set roles.x.fte=0,8``, ``--activities 0,5``); None for any other text."""
    stripped = text.strip()
    return stripped.replace(",", ".") if _DECIMAL_COMMA.fullmatch(stripped) else None

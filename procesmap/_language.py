"""Which language procesmap speaks when nobody said (a module of its own, so that ``procesmap --help`` can ask
without loading the message catalogue, :mod:`procesmap.i18n`, which re-exports these names), and a number a
Dutch user wrote the Dutch way."""

from __future__ import annotations

import os
import re

__all__ = ["LANGUAGES", "declared_language", "default_language", "with_decimal_point"]

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


#: A map's own top-level ``language: nl`` line (quoted or not, a comment after it), read from the text so that a
#: map whose YAML or model is broken still says which language its author speaks
_DECLARED = re.compile(r"^language:[ \t]*(['\"]?)(nl|en)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def declared_language(paths: "list[object] | tuple[object, ...]") -> str | None:
    """The ``language`` the first process file among ``paths`` declares on a top-level line of its own (files as
    given, folders searched as :func:`procesmap.loading.discover` does), also when the file does not load; None
    when none does, or a path cannot be read. Only ``.yaml``/``.yml`` files are read, each at most as far as a
    map may be long."""
    from pathlib import Path

    from procesmap._decode import MAX_BYTES
    from procesmap._files import discover
    from procesmap._io import read_limited

    try:
        files = discover([Path(p) for p in paths])  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a folder that cannot be read: the loader says so, in the fallback language
        return None
    for file in files:
        if file.suffix.lower() not in (".yaml", ".yml"):
            continue
        try:
            text = read_limited(file, MAX_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
        except (OSError, ValueError):
            continue
        match = _DECLARED.search(text)
        if match:
            return match.group(2)
    return None

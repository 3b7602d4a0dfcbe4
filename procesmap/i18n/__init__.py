"""One message catalogue, Dutch and English, and number formats per language.

Every user-facing sentence is a key in :data:`procesmap.i18n.messages.MESSAGES`
with a Dutch and an English text; analysers and rules only ever produce keys
and arguments. Numbers in Dutch text use a decimal comma (through Babel).
"""

from __future__ import annotations

import os
from typing import Any

from procesmap.i18n.messages import MESSAGES

__all__ = ["LANGUAGES", "Key", "t", "number", "percent", "default_language", "MESSAGES"]

LANGUAGES = ("nl", "en")
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


class Key(str):
    """An argument that is itself a catalogue key: shown translated (``Key("kind.role")`` -> "rol")."""


class _Args(dict):  # type: ignore[type-arg]
    """Format arguments; numbers are written the language's way."""

    def __init__(self, lang: str, values: dict[str, Any]):
        super().__init__(values)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, Key):
            return t(value, self.lang)
        if isinstance(value, float):
            return number(value, self.lang)
        return value

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str = "en", /, **args: Any) -> str:
    """The text of ``key`` in ``lang`` with ``args`` filled in. Unknown keys show as themselves."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry["en"]
    return template.format_map(_Args(lang, args))


def number(value: float | int | None, lang: str = "en", digits: int = 1) -> str:
    """``1234.5`` -> ``1,234.5`` (en) or ``1.234,5`` (nl); ``None`` -> ``-``."""
    if value is None:
        return "-"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    if isinstance(value, int) and not isinstance(value, bool):
        pattern = "#,##0"
    return format_decimal(value, format=pattern, locale=_LOCALES.get(lang, "en_GB"))


def percent(value: float | None, lang: str = "en", digits: int = 0) -> str:
    """``0.123`` -> ``12%`` (en) or ``12%`` (nl, with a decimal comma when digits > 0)."""
    if value is None:
        return "-"
    return number(value * 100.0, lang, digits) + "%"


def default_language(explicit: str | None = None) -> str:
    """``--lang`` if given, else ``PROCESMAP_LANG``, else the locale (``LANG``), else English."""
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    for variable in ("PROCESMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value[:2].lower() in LANGUAGES:
            return value[:2].lower()
    return "en"

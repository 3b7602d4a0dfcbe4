"""One message catalogue, Dutch and English, and number formats per language.

Every user-facing sentence is a key in :data:`procesmap.i18n.messages.MESSAGES`
with a Dutch and an English text; analysers and rules only ever produce keys
and arguments. Numbers in Dutch text use a decimal comma (through Babel).

Plurals
-------
A count and its noun agree through a plural field in the template::

    "report.count.warning": {"en": "{count:plural:# warning|# warnings}",
                             "nl": "{count:plural:# waarschuwing|# waarschuwingen}"}

``{name:plural:FORMS}`` picks one of the ``|``-separated ``FORMS`` by the value of the
argument ``name`` and the language's CLDR plural rules (Babel): for Dutch and English the
forms are ``one|other``. In the chosen form ``#`` stands for the number, written exactly as
``{name}`` would be (so ``1`` gives "1 waarschuwing", ``1.0`` written as "1,0" gives "1,0
dagen"). A sentence may hold several plural fields (``"{steps:plural:# step|# steps},
{roles:plural:# role|# roles}"``); a form may hold any text but ``{``, ``}`` and ``|``. The argument may
be an int, a float or a number already written the language's way (``number(1200.0, "nl", 0)``).
:func:`plural` gives the category itself, for code that needs it.

Arguments
---------
A float is written the language's way (``1.234,5``); a plain int as it is (a line number, a
year), a :class:`Count` grouped the language's way (``18.400``). :class:`Key` (a catalogue key)
and :class:`Message` (a key with arguments) are shown in the language of the text around them.
A ``reason`` argument that is the English text of a common operating-system error
(``err.strerror``) is shown translated too (see :func:`procesmap.reasons.os_reason`, which
callers should prefer). A form with ``#`` must not also hold a literal ``#``.
"""

from __future__ import annotations

import errno as _errno
import math
import os
import re
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Any

from procesmap._language import LANGUAGES, default_language
from procesmap.i18n.messages import MESSAGES, merge
from procesmap.i18n.problems import MESSAGES_PROBLEMS

__all__ = [
    "LANGUAGES",
    "Key",
    "Message",
    "Count",
    "t",
    "number",
    "percent",
    "plural",
    "plural_forms",
    "default_language",
    "MESSAGES",
    "OS_ERRORS",
    "translate_strerror",
]

merge(MESSAGES, MESSAGES_PROBLEMS)  # here, so that messages.py need not know of it; a key twice is an error

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
#: ``{name:plural:one|other}``: not preceded by ``{`` (``{{`` is a literal brace)
_PLURAL_FIELD = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_][A-Za-z0-9_]*):plural:(?P<forms>[^{}]*)\}")


class Key(str):
    """An argument that is itself a catalogue key: shown translated (``Key("kind.role")`` -> "rol")."""


class Count(int):
    """A whole number written the language's way in a text: ``Count(18400)`` -> "18.400" (nl), "18,400" (en).

    A plain ``int`` argument is written as it is (it may be a line number or a year).
    """


class Message(str):
    """An argument that is itself a catalogue message with arguments, shown in the language of the text
    around it: ``t("load.yaml", "nl", detail=Message("yaml.problem.no_colon"))``.

    As a plain string it is the English text, so that logs and ``str()`` stay readable.
    """

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, /, **args: Any) -> "Message":
        self = super().__new__(cls, t(key, "en", **args))
        self.key = key
        self.args = args
        return self

    def text(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.args)

    def __reduce__(self) -> Any:  # pickles (multiprocessing) keep key and arguments
        return (_message, (self.key, self.args))


def _message(key: str, args: dict[str, Any]) -> Message:
    return Message(key, **args)


class _Args(dict):  # type: ignore[type-arg]
    """Format arguments; numbers are written the language's way."""

    def __init__(self, lang: str, values: dict[str, Any]):
        super().__init__(values)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, Message):
            return value.text(self.lang)
        if isinstance(value, Key):
            return t(value, self.lang)
        if isinstance(value, (float, Count)):
            return number(value, self.lang)
        if key == "reason" and isinstance(value, str):
            return translate_strerror(value, self.lang)
        return value

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str = "en", /, **args: Any) -> str:
    """The text of ``key`` in ``lang`` with ``args`` filled in. Unknown keys show as themselves."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry["en"]
    if ":plural:" in template:
        template = _choose_plurals(template, lang, args)
    return template.format_map(_Args(lang, args))


def _choose_plurals(template: str, lang: str, args: dict[str, Any]) -> str:
    """Replace every ``{name:plural:...}`` field by the form the value of ``name`` takes."""

    def choose(match: "re.Match[str]") -> str:
        name = match["name"]
        forms = match["forms"].split("|")
        category = plural(args[name], lang) if name in args else "other"
        return _form(forms, category, lang).replace("#", "{" + name + "}")

    chosen = _PLURAL_FIELD.sub(choose, template)
    return chosen if type(template) is str else type(template)(chosen)  # keep a str subclass (WholeNumbers)


def _form(forms: list[str], category: str, lang: str) -> str:
    categories = plural_forms(lang)
    if category in categories and categories.index(category) < len(forms):
        return forms[categories.index(category)]
    return forms[-1]  # "other" comes last


@lru_cache(maxsize=None)
def plural_forms(lang: str) -> tuple[str, ...]:
    """The CLDR plural categories of ``lang``, in the order a plural field lists its forms (nl, en: one, other)."""
    if lang in _SEPARATORS:
        return ("one", "other")
    tags = _plural_rule(lang).tags
    return tuple(c for c in _CLDR_ORDER if c in tags or c == "other")


def plural(value: Any, lang: str = "en") -> str:
    """The CLDR plural category (``one``, ``other``, ...) of ``value`` as the text shows it in ``lang``.

    Decided on the number as written: ``1`` is "one", but ``1.0`` (written "1.0"/"1,0") is "other",
    as CLDR wants ("1,0 dagen"). Text that is not a number is "other".

    Dutch and English share CLDR's rule "one: i = 1 and v = 0" (the whole part 1, no decimals written),
    applied here without Babel (its import and locale data cost 56 ms, a tenth of ``procesmap analyse``
    of the bundled maps): an int or a Decimal of 1 or -1 without decimals; a float never (it is written
    with a decimal); a text when it is a sign and digits that make 1 ("1", "+1", "01"). Tests compare
    this with Babel's rule.
    """
    if lang in _SEPARATORS:
        return "one" if _plain_one(value) else "other"
    operand = _operand(value, lang)
    return _plural_rule(lang)(operand) if operand is not None else "other"


_PLAIN_ONE = re.compile(r"[+-]?0*1")


def _plain_one(value: Any) -> bool:
    """Whether ``value`` as written is 1 (or -1) without decimals: CLDR's "i = 1 and v = 0"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) == 1
    if isinstance(value, Decimal):
        return value.is_finite() and int(value.as_tuple().exponent) >= 0 and abs(value) == 1
    if isinstance(value, str):
        return _PLAIN_ONE.fullmatch(value.strip().replace("\u00a0", "").replace("\u202f", "")) is not None
    return False  # a float is written with a decimal ("1,0"); anything else is no number


@lru_cache(maxsize=None)
def _plural_rule(lang: str) -> Any:
    from babel import Locale  # lazy: Babel loads only when a number or locale is formatted

    return Locale.parse(_LOCALES.get(lang, "en_GB")).plural_form


def _operand(value: Any, lang: str) -> int | Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        value = number(value, lang)  # as t() writes it: one decimal
    if isinstance(value, str):
        from babel.numbers import (  # lazy: Babel loads only when a number or locale is formatted
            NumberFormatError,
            parse_decimal,
        )

        text = value.strip().replace("\u00a0", "").replace("\u202f", "")
        try:
            return parse_decimal(text, locale=_LOCALES.get(lang, "en_GB"), strict=True)
        except (NumberFormatError, ValueError, ArithmeticError):
            return None
    return None


def number(value: float | int | None, lang: str = "en", digits: int = 1) -> str:
    """``1234.5`` -> ``1,234.5`` (en) or ``1.234,5`` (nl); ``None`` -> ``-``.

    The text Babel's ``format_decimal`` gives with the pattern ``#,##0.0…`` in the language's locale (a test
    compares the two on random numbers), written here with Python's own decimal formatting: a report writes
    a thousand numbers, and Babel's formatter was a tenth of the terminal report's time. Babel's rounding:
    the number as Python prints it (``repr``), rounded half to even to ``digits`` decimals. Numbers of 10^15
    and more, and anything but a finite float or an int, go to Babel itself.
    """
    if value is None:
        return "-"
    separators = _SEPARATORS.get(lang)
    if separators is not None and not isinstance(value, bool):
        if isinstance(value, int):
            return format(value, ",").translate(separators)
        if isinstance(value, float) and math.isfinite(value) and abs(value) < 1e15:
            quantum = _QUANTUM.get(digits) or Decimal(1).scaleb(-max(digits, 0))
            exact = Decimal(float.__repr__(value))  # a numpy float's own repr is "np.float64(…)"
            return format(exact.quantize(quantum, ROUND_HALF_EVEN), ",f").translate(separators)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    if isinstance(value, int) and not isinstance(value, bool):
        pattern = "#,##0"
    parsed = _NUMBER_FORMATS.get((pattern, lang))
    if parsed is None:
        parsed = _NUMBER_FORMATS[(pattern, lang)] = _number_format(pattern, lang)
    number_pattern, locale = parsed
    text: str = number_pattern.apply(value, locale)  # what babel.numbers.format_decimal does after parsing both
    return text


#: The group and decimal separators of each language's locale for :func:`number`: Python writes "," and "."
_SEPARATORS = {"en": str.maketrans({}), "nl": str.maketrans({",": ".", ".": ","})}
_QUANTUM = {digits: Decimal(1).scaleb(-digits) for digits in range(1, 10)}

#: (pattern, language) -> Babel's parsed number pattern and locale: a report formats a thousand numbers in a few
#: patterns, and parsing them again for each number was a tenth of the terminal report's time.
_NUMBER_FORMATS: dict[tuple[str, str], tuple[Any, Any]] = {}


def _number_format(pattern: str, lang: str) -> tuple[Any, Any]:
    from babel import Locale  # lazy: Babel loads only when a number or locale is formatted
    from babel.numbers import parse_pattern  # lazy: Babel loads only when a number or locale is formatted

    return parse_pattern(pattern), Locale.parse(_LOCALES.get(lang, "en_GB"))


def percent(value: float | None, lang: str = "en", digits: int = 0) -> str:
    """``0.123`` -> ``12%`` (en) or ``12%`` (nl, with a decimal comma when digits > 0)."""
    if value is None:
        return "-"
    return number(value * 100.0, lang, digits) + "%"


# -- what the operating system said ----------------------------------------------------------------

#: errno names with a text of their own in the catalogue (``os.error.<NAME>``)
OS_ERRORS = ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST", "ENAMETOOLONG")


def _strerror_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name in OS_ERRORS:
        code = getattr(_errno, name, None)
        if code is not None:
            names.setdefault(os.strerror(code), name)
    return names


_STRERROR: dict[str, str] | None = None


def translate_strerror(text: str, lang: str) -> str:
    """``"No such file or directory"`` (an ``err.strerror`` passed as text) in ``lang``; other text as it is.

    The catalogue applies this to every ``reason`` argument, so that callers that still pass
    ``err.strerror`` are translated too; :func:`os_reason` is the way to write new code.
    """
    global _STRERROR
    if _STRERROR is None:
        _STRERROR = _strerror_names()
    name = _STRERROR.get(text)
    if name is None:
        return text
    return t("os.error." + name, lang)

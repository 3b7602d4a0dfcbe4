"""Durations as workshops write them: ``15m``, ``1.5d``, ``P8W``, ``{min, mode, max}``, ``{samples: [...]}``.

A day means two things in a process file: 24 elapsed hours for ``wait``,
``lead`` and terms, but ``calendar.hours_per_day`` working hours for ``work``
(effort). So a parsed amount keeps its units apart (:class:`Amount`) and only
turns into days or hours when asked, with the calendar at hand.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Union

__all__ = [
    "iso_days",
    "Amount",
    "Fixed",
    "Triangular",
    "Samples",
    "Gamma",
    "MAX_CV",
    "Duration",
    "DurationError",
    "parse_amount",
    "parse_duration",
    "format_amount",
    "format_duration",
    "Calendar",
    "MAX_ELAPSED_DAYS",
    "MAX_WORK_YEARS",
    "bounded",
    "max_work_hours",
]

#: No duration in a process file is longer than 10 years of 365 days (elapsed): a longer one is a
#: typo (a unit or a few digits too many), and would only turn the figures into nonsense.
MAX_ELAPSED_DAYS = 3650
#: ``work`` is effort: at most 10 years of working time on the process's calendar (:func:`max_work_hours`).
MAX_WORK_YEARS = 10


class DurationError(ValueError):
    """A duration that cannot be read; ``key``/``hint_key`` are catalogue keys.

    Inside a mapping (``{min, mode, max}``, ``{samples: [...]}``) ``args_["at"]`` is the path of
    the bad item within the mapping, e.g. ``("mode",)`` or ``("samples", 2)``, so that the loader
    can point at the item itself.
    """

    def __init__(self, key: str, hint_key: str | None = None, **args: Any):
        super().__init__(key)
        self.key = key
        self.hint_key = hint_key
        self.args_ = args

    def inside(self, *path: Any) -> "DurationError":
        """This error, located at ``path`` within a duration mapping."""
        self.args_["at"] = tuple(path) + tuple(self.args_.get("at", ()))
        return self


@dataclass(frozen=True)
class Calendar:
    """How effort turns into capacity (docs/format.md, 'Units and calendars')."""

    hours_per_day: float = 8.0
    days_per_week: float = 5.0
    weeks_per_year: float = 46.0


@dataclass(frozen=True)
class Amount:
    """A non-negative amount of time with its units kept apart.

    ``minutes`` holds the clock units (s, m, h), which mean the same for effort
    and elapsed time; ``days`` and ``weeks`` differ between the two.
    """

    minutes: float = 0.0
    days: float = 0.0
    weeks: float = 0.0

    def elapsed_days(self) -> float:
        return self.minutes / 1440.0 + self.days + 7.0 * self.weeks

    def effort_hours(self, calendar: Calendar) -> float:
        return (
            self.minutes / 60.0
            + self.days * calendar.hours_per_day
            + self.weeks * calendar.days_per_week * calendar.hours_per_day
        )


@dataclass(frozen=True)
class Fixed:
    """One fixed duration."""

    value: Amount

    def amounts(self) -> tuple[Amount, ...]:
        return (self.value,)


@dataclass(frozen=True)
class Triangular:
    """A triangular distribution; its mean is (min + mode + max) / 3."""

    min: Amount
    mode: Amount
    max: Amount

    def amounts(self) -> tuple[Amount, ...]:
        return (self.min, self.mode, self.max)


@dataclass(frozen=True)
class Samples:
    """A fixed list of observed values, drawn from uniformly; its mean is their mean."""

    values: tuple[Amount, ...]

    def amounts(self) -> tuple[Amount, ...]:
        return self.values


@dataclass(frozen=True)
class Gamma:
    """A gamma distribution with this mean and coefficient of variation (``{mean: 3h, cv: 1}``).

    ``cv`` 1 is the exponential distribution, ``cv`` 0 a fixed duration; between and above, the
    gamma with shape ``1/cv**2`` and scale ``mean * cv**2``. Its mean is ``mean``.
    """

    mean: Amount
    cv: float

    def amounts(self) -> tuple[Amount, ...]:
        return (self.mean,)


#: The largest coefficient of variation of ``{mean, cv}``: beyond this the gamma is almost all
#: zeros and a rare huge value, which no workshop means (and no simulation of 10,000 cases shows).
MAX_CV = 10.0

Duration = Union[Fixed, Triangular, Samples, Gamma]

# Digits are ASCII digits ([0-9], not Python's \d, which takes any script's digits and float() reads them): the
# JSON Schema of `procesmap schema` writes the same patterns (procesmap.model), and an editor's \d is [0-9].
_SHORT = re.compile(r"^(?P<num>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<unit>[mhdw])$")
_ISO = re.compile(
    r"^P(?!$)(?:(?P<y>[0-9]+(?:[.,][0-9]+)?)Y)?(?:(?P<mo>[0-9]+(?:[.,][0-9]+)?)M)?(?:(?P<w>[0-9]+(?:[.,][0-9]+)?)W)?"
    r"(?:(?P<d>[0-9]+(?:[.,][0-9]+)?)D)?"
    r"(?:T(?=[0-9])(?:(?P<h>[0-9]+(?:[.,][0-9]+)?)H)?(?:(?P<mi>[0-9]+(?:[.,][0-9]+)?)M)?(?:(?P<s>[0-9]+(?:[.,][0-9]+)?)S)?)?$"
)
_WORDS = {
    "min": "m",
    "minuut": "m",
    "minuten": "m",
    "minute": "m",
    "minutes": "m",
    "mins": "m",
    "u": "h",
    "uur": "h",
    "uren": "h",
    "hour": "h",
    "hours": "h",
    "hr": "h",
    "hrs": "h",
    "dag": "d",
    "dagen": "d",
    "day": "d",
    "days": "d",
    "werkdag": "d",
    "werkdagen": "d",
    "wk": "w",
    "week": "w",
    "weken": "w",
    "weeks": "w",
    "mnd": "month",
    "maand": "month",
    "maanden": "month",
    "month": "month",
    "months": "month",
    "jaar": "year",
    "year": "year",
    "years": "year",
    "s": "s",
    "sec": "s",
    "seconds": "s",
    "seconden": "s",
}
_LOOSE = re.compile(r"^(?P<sign>-)?\s*(?P<num>[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)\s*(?P<unit>[A-Za-z]+)\.?$")


def _amount(number: float, unit: str) -> Amount:
    if unit == "m":
        return Amount(minutes=number)
    if unit == "h":
        return Amount(minutes=number * 60.0)
    if unit == "d":
        return Amount(days=number)
    return Amount(weeks=number)


def max_work_hours(calendar: "Calendar") -> float:
    """The most effort one ``work`` may hold: :data:`MAX_WORK_YEARS` years of working time on ``calendar``."""
    return MAX_WORK_YEARS * calendar.weeks_per_year * calendar.days_per_week * calendar.hours_per_day


def bounded(duration: "Duration", raw: Any = None) -> "Duration":
    """``duration`` if none of its amounts is longer than :data:`MAX_ELAPSED_DAYS` (10 years), else a
    :class:`DurationError` located at the amount (``raw`` is the value as written, for the message).

    The parser reads any amount (``parse_amount(format_amount(a)) == a``); a process file may not
    hold one this long (the model calls this).
    """
    if isinstance(duration, Triangular):
        places: list[tuple[Amount, tuple[Any, ...]]] = [
            (duration.min, ("min",)),
            (duration.mode, ("mode",)),
            (duration.max, ("max",)),
        ]
    elif isinstance(duration, Gamma):
        places = [(duration.mean, ("mean",))]
    elif isinstance(duration, Samples):
        places = [(amount, ("samples", i)) for i, amount in enumerate(duration.values)]
    else:
        places = [(duration.value, ())]
    for amount, at in places:
        if amount.elapsed_days() > MAX_ELAPSED_DAYS:
            from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

            written = raw
            for part in at:
                try:
                    written = written[part]
                except (KeyError, IndexError, TypeError):
                    written = None
            text = written.strip() if isinstance(written, str) else format_amount(amount)
            error = DurationError(
                "duration.too_long", "hint.duration.too_long", value=text, limit=Count(MAX_ELAPSED_DAYS)
            )
            raise error.inside(*at) if at else error
    return duration


def parse_amount(text: Any) -> Amount:
    """Read one amount: ``15m``, ``2h``, ``1.5d``, ``8w`` or ISO 8601 ``P8W``/``PT30M``/``P1DT2H``."""
    if isinstance(text, bool) or text is None:
        raise DurationError("duration.not_text", "hint.duration.forms", value=str(text))
    if isinstance(text, (int, float)):
        number = str(text) if isinstance(text, int) else _fmt_number(text)
        if isinstance(text, float) and not math.isfinite(text):
            raise DurationError("duration.invalid", "hint.duration.forms", value=number)
        if text < 0:
            raise DurationError("duration.negative", "hint.duration.negative", value=number)
        raise DurationError("duration.no_unit", "hint.duration.add_unit", value=number, example=f"{number}d")
    if not isinstance(text, str):
        raise DurationError("duration.not_text", "hint.duration.forms", value=str(text))
    raw = text.strip()
    match = _SHORT.match(raw)
    if match:
        value = float(match["num"])
        if not math.isfinite(value):
            raise DurationError("duration.invalid", "hint.duration.forms", value=raw)
        return _amount(value, match["unit"])
    # ASCII only: upper() turns the long s `ſ` into `S` (`PT45ſ`)
    iso = _ISO.match(raw.upper()) if raw[:1] in "Pp" and raw.isascii() else None
    if iso:
        if iso["y"] is not None or iso["mo"] is not None:  # also `P0Y2D`: a designator of no fixed length
            raise DurationError("duration.iso_calendar", "hint.duration.iso_calendar", value=raw)
        parts = {k: float(v.replace(",", ".")) if v else 0.0 for k, v in iso.groupdict().items()}
        amount = Amount(
            minutes=parts["h"] * 60.0 + parts["mi"] + parts["s"] / 60.0,
            days=parts["d"],
            weeks=parts["w"],
        )
        if not all(math.isfinite(v) for v in (amount.minutes, amount.days, amount.weeks)):
            raise DurationError("duration.invalid", "hint.duration.forms", value=raw)
        return amount
    raise _explain(raw)


#: hours and minutes in one text: `1h30m`, `1u30`, `1 uur 30 min`
_HOURS_MINUTES = re.compile(r"^(?P<h>[0-9]+)\s*(?:h|u|uur|hours?)\s*(?P<m>[0-9]+)\s*(?:m|min|minuten|minutes?)?$")


_CLOCK = re.compile(r"^(?P<h>[0-9]+):(?P<m>[0-5][0-9])$")


def _explain(raw: str) -> DurationError:
    """The most helpful error for a duration we could not read."""
    compound = _HOURS_MINUTES.match(raw.lower()) or _CLOCK.match(raw)
    if compound:  # `1h30m`, `0:45` (YAML reads 1:30 as the number 90: the loader says so, procesmap._map_text)
        total = int(compound["h"]) * 60 + int(compound["m"])
        return DurationError("duration.invalid", "hint.duration.did_you_mean", value=raw, example=f"{total}m")
    loose = _LOOSE.match(raw)
    if loose:
        number = loose["num"].replace(",", ".")
        if number.startswith("."):
            number = "0" + number
        unit = _WORDS.get(loose["unit"].lower(), loose["unit"].lower() if loose["unit"].lower() in "mhdw" else None)
        if loose["sign"]:
            return DurationError("duration.negative", "hint.duration.negative", value=raw)
        if unit in ("month", "year"):
            return DurationError("duration.iso_calendar", "hint.duration.iso_calendar", value=raw)
        if not math.isfinite(float(number)):
            return DurationError("duration.invalid", "hint.duration.forms", value=raw)
        if unit == "s":
            minutes = _fmt_number(float(number) / 60.0)
            return DurationError("duration.invalid", "hint.duration.did_you_mean", value=raw, example=f"{minutes}m")
        if unit in ("m", "h", "d", "w"):
            return DurationError("duration.invalid", "hint.duration.did_you_mean", value=raw, example=f"{number}{unit}")
    if raw.startswith("-"):
        return DurationError("duration.negative", "hint.duration.negative", value=raw)
    return DurationError("duration.invalid", "hint.duration.forms", value=raw)


def parse_duration(value: Any) -> Duration:
    """Read any duration form of docs/format.md into a :data:`Duration`."""
    if isinstance(value, dict):
        keys = set(value)
        if keys == {"samples"}:
            samples = value["samples"]
            if not isinstance(samples, list) or not samples:
                raise DurationError("duration.samples_empty", "hint.duration.samples")
            return Samples(tuple(_item(item, "samples", index) for index, item in enumerate(samples)))
        if keys == {"min", "mode", "max"}:
            low, mode, high = (_item(value[k], k) for k in ("min", "mode", "max"))
            if not _ordered(low, mode, high):
                raise DurationError("duration.triangle_order", "hint.duration.triangle_order")
            return Triangular(low, mode, high)
        if "mean" in keys and keys <= {"mean", "cv"}:
            if "cv" not in keys:
                raise DurationError("duration.cv_missing", "hint.duration.gamma")
            return Gamma(_item(value["mean"], "mean"), _cv(value["cv"]))
        raise DurationError(
            "duration.bad_mapping", "hint.duration.forms", keys=", ".join(sorted(map(str, keys))) or "-"
        )
    return Fixed(parse_amount(value))


def _cv(value: Any) -> float:
    """The ``cv`` of ``{mean, cv}``: a number from 0 to :data:`MAX_CV`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DurationError(
            "duration.cv_invalid", "hint.duration.gamma", value=str(value), limit=_fmt_number(MAX_CV)
        ).inside("cv")
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > MAX_CV:
        raise DurationError(
            "duration.cv_invalid",
            "hint.duration.gamma",
            value=_fmt_number(number) if math.isfinite(number) else str(value),
            limit=_fmt_number(MAX_CV),
        ).inside("cv")
    return number


def _item(value: Any, *path: Any) -> Amount:
    try:
        return parse_amount(value)
    except DurationError as err:
        raise err.inside(*path) from None


def _ordered(low: Amount, mode: Amount, high: Amount) -> bool:
    """min <= mode <= max as elapsed time.

    For ``work`` a day is a working day, so the loader checks the order again in effort
    hours with the process's own calendar (:func:`ordered_effort`).
    """
    a, b, c = (x.elapsed_days() for x in (low, mode, high))
    return a <= b + 1e-12 and b <= c + 1e-12


def ordered_effort(duration: "Duration", calendar: Calendar) -> bool:
    """For ``work``: min <= mode <= max in effort hours with the process's calendar."""
    if not isinstance(duration, Triangular):
        return True
    a, b, c = (x.effort_hours(calendar) for x in (duration.min, duration.mode, duration.max))
    return a <= b + 1e-12 and b <= c + 1e-12


def _fmt_number(number: float) -> str:
    """Shortest decimal text that reads back as the same float, without an exponent.

    ``repr`` writes ``1e-05`` and ``1e+16``, which the short form (``15m``) does not read;
    so the shortest digits are written out in full: ``0.00001``, ``10000000000000000``.
    """
    if not math.isfinite(number):
        return repr(number)
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    text = format(Decimal(repr(number)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_amount(amount: Amount) -> str:
    """Canonical text of an amount; ``parse_amount(format_amount(a)) == a``."""
    parts = [(amount.minutes, "m"), (amount.days, "d"), (amount.weeks, "w")]
    nonzero = [(v, u) for v, u in parts if v]
    if not nonzero:
        return "0m"
    if len(nonzero) == 1:
        value, unit = nonzero[0]
        if unit == "m" and (value / 60.0) * 60.0 == value and value % 60 == 0:
            return f"{_fmt_number(value / 60.0)}h"
        return f"{_fmt_number(value)}{unit}"
    text = "P"
    if amount.weeks:
        text += f"{_fmt_number(amount.weeks)}W"
    if amount.days:
        text += f"{_fmt_number(amount.days)}D"
    if amount.minutes:
        text += f"T{_fmt_number(amount.minutes)}M"
    return text


def format_duration(duration: Duration) -> Any:
    """The YAML value for a duration (a string or a mapping)."""
    if isinstance(duration, Fixed):
        return format_amount(duration.value)
    if isinstance(duration, Triangular):
        return {
            "min": format_amount(duration.min),
            "mode": format_amount(duration.mode),
            "max": format_amount(duration.max),
        }
    if isinstance(duration, Gamma):
        cv = duration.cv
        return {"mean": format_amount(duration.mean), "cv": int(cv) if cv == int(cv) else cv}
    return {"samples": [format_amount(v) for v in duration.values]}


def mean_elapsed_days(duration: Duration | None) -> float:
    if duration is None:
        return 0.0
    values = [a.elapsed_days() for a in duration.amounts()]
    return sum(values) / len(values)


def mean_effort_hours(duration: Duration | None, calendar: Calendar) -> float:
    if duration is None:
        return 0.0
    values = [a.effort_hours(calendar) for a in duration.amounts()]
    return sum(values) / len(values)


def iso_days(duration: Any) -> str | None:
    """A fixed map duration as the API writes it: ``8w`` -> ``P56D``; hours -> ``P1DT2H``."""
    if duration is None:
        return None
    days = mean_elapsed_days(duration)
    whole = int(days)
    rest_minutes = round((days - whole) * 1440)
    if rest_minutes >= 1440:
        whole, rest_minutes = whole + 1, 0
    text = f"P{whole}D" if whole or not rest_minutes else "P"
    if rest_minutes:
        hours, minutes = divmod(rest_minutes, 60)
        text += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text

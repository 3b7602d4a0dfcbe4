"""The JSON Schema of `procesmap schema` (for editors) and the loader take exactly the same spellings of the
fields with a unit: durations (`work`, `wait`, `lead`, the amounts of a distribution), terms and `volume`; and
the numbers and booleans (`people`, `fte`, a branch's `p`, the calendar, `external`, `suspends_term`).

Before, `volume: 30/Week` loaded but the schema refused it (its pattern was lower-case only), the schema refused
`p8w` and `P1.5D` that load, took `PT` and a triangular `term` that do not, and the loader took a `volume`
mapping and digits of other scripts that no editor's schema takes, and numbers and true/false in quotes
(`p: "0.3"`, `suspends_term: "yes"`) and `p: true` as 1. Each spelling below has the verdict
docs/format.md gives it, by hand; the loader and the schema must both give that verdict. Bounds that are no
spelling (the 10 years of a duration, `work` on the map's calendar) are the loader's alone (docs/format.md).
"""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from procesmap.durations import DurationError, parse_amount
from procesmap.errors import LoadError
from procesmap.loading import loads
from procesmap.model import _to_volume, json_schema  # _to_volume: the loader's own reading of a volume

from .conftest import the_one_problem

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _map(field: str, value: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "procesmap": 1,
        "id": "v",
        "owner": "r",
        "roles": {"r": {"people": 2}},
        "steps": [{"id": "a", "type": "start", "role": "r", "next": "b"}, {"id": "b", "type": "end", "role": "r"}],
    }
    if field in ("volume", "term", "term_extension", "service_norm"):
        data[field] = value
    elif field in ("work", "wait", "lead"):
        data["steps"][0][field] = value
    elif field == "min":  # an amount inside a triangular duration
        data["steps"][0]["work"] = {"min": value, "mode": "3w", "max": "4w"}
    elif field == "samples":
        data["steps"][0]["wait"] = {"samples": ["1d", value]}
    elif field in ("people", "fte", "external"):
        data["roles"]["r"][field] = value
    elif field == "p":
        data["steps"][0]["next"] = [{"to": "b", "p": value}, {"to": "a"}]
    elif field in ("suspends_term", "extends_term"):
        data["steps"][0][field] = value
    elif field in ("hours_per_day", "days_per_week", "weeks_per_year"):
        data["calendar"] = {field: value}
    else:
        raise AssertionError(field)
    return data


def _loads(data: dict[str, Any]) -> bool:
    try:
        loads(json.dumps(data), "v.json")  # a map written as JSON is YAML: the loader reads exactly these values
    except LoadError:
        return False
    return True


def _schema_takes(data: dict[str, Any]) -> bool:
    return not list(VALIDATOR.iter_errors(data))


# (field, value, taken) as docs/format.md says: 'Durations' and the `volume` row of 'The process'
SPELLINGS = [
    # volume: a number, `/`, a unit (English or Dutch), spaces around the slash; the unit in any case
    ("volume", "1200/year", True),
    ("volume", "30/week", True),
    ("volume", "30/Week", True),
    ("volume", "30/WEEK", True),
    ("volume", "12/Maand", True),
    ("volume", "100/Jaar", True),
    ("volume", "5/DAG", True),
    ("volume", "1200 / year", True),
    ("volume", "1.5/day", True),
    ("volume", "0.250/week", True),
    ("volume", "1.000/jaar", False),  # a thousands point
    ("volume", "12.000/Year", False),
    ("volume", "1,5/dag", False),  # a decimal comma
    ("volume", "1200", False),
    ("volume", "1200/decade", False),
    ("volume", "30/weken", False),
    ("volume", "30/wk", False),
    ("volume", "30 per week", False),
    ("volume", ".5/day", False),
    ("volume", "1234567890123/year", False),  # 13 digits: a typo, not a volume
    ("volume", "\u0663/week", False),  # an Arabic-Indic 3: Python's \d and float() take it, an editor's schema not
    ("volume", {"amount": 3, "unit": "year"}, False),  # volume is text, not a mapping
    # durations: the short form with a lower-case unit, ISO 8601 in either case, decimals
    ("work", "2d", True),
    ("work", "1.5d", True),
    ("work", ".5h", True),
    ("work", "15m", True),
    ("work", "0m", True),
    ("work", "P8W", True),
    ("work", "p8w", True),
    ("work", "P1DT2H", True),
    ("work", "pt1h30m", True),
    ("work", "PT45S", True),
    ("work", "P1W2D", True),
    ("work", "P1.5D", True),
    ("work", "P1,5D", True),
    ("work", "PT1.5H", True),
    ("wait", " 3d ", True),
    ("work", "2D", False),
    ("work", "2 d", False),
    ("work", "3 werkdagen", False),
    ("work", "3 dagen", False),
    ("work", "3 days", False),
    ("work", "1,5d", False),
    ("work", "3", False),
    ("work", "-1h", False),
    ("work", "5min", False),
    ("work", "3u", False),
    ("work", "1e3h", False),
    ("work", "P", False),
    ("work", "PT", False),  # a T without a time after it
    ("work", "P1DT", False),
    ("work", "P2D1W", False),  # ISO's order is weeks, then days
    ("work", "P1Y", False),  # years and months have no fixed length
    ("work", "P1M", False),
    ("work", "P0Y2D", False),
    ("work", "\u0663d", False),
    ("lead", "PT45\u017f", False),  # a long s, which upper() makes an S
    ("min", "1d", True),
    ("min", "P1D", True),
    ("min", "1D", False),
    ("samples", "p2d", True),
    ("samples", "2 dagen", False),
    # terms: one fixed amount, no distribution
    ("term", "8w", True),
    ("term", "p8w", True),
    ("term_extension", "P6W", True),
    ("service_norm", "42d", True),
    ("term", "8W", False),
    ("term", "8 weken", False),
    ("term", {"min": "1d", "mode": "2d", "max": "3d"}, False),
    ("service_norm", {"samples": ["3d"]}, False),
    # numbers and true/false are numbers and booleans, not text in quotes, and a boolean is no number
    ("people", 3, True),
    ("people", 3.0, True),
    ("people", "3", False),
    ("people", True, False),
    ("fte", 0.8, True),
    ("fte", 1, True),
    ("fte", "0.8", False),
    ("fte", True, False),
    ("p", 0.3, True),
    ("p", 1, True),
    ("p", "0.3", False),
    ("p", "30%", False),
    ("p", True, False),
    ("hours_per_day", 7.6, True),
    ("hours_per_day", "8", False),
    ("weeks_per_year", True, False),
    ("external", True, True),
    ("external", "true", False),
    ("external", 1, False),
    ("suspends_term", "yes", False),
    ("extends_term", False, True),
    ("extends_term", 0, False),
]


@pytest.mark.parametrize(("field", "value", "taken"), SPELLINGS, ids=[f"{f}={v}" for f, v, _ in SPELLINGS])
def test_the_loader_and_the_schema_take_the_same_spellings(field: str, value: Any, taken: bool) -> None:
    data = _map(field, value)
    assert (_loads(data), _schema_takes(data)) == (taken, taken)


@pytest.mark.parametrize(
    ("field", "value", "meant"),
    [("p", "0.3", "0.3"), ("people", " 3 ", "3"), ("hours_per_day", "8", "8"), ("external", "true", "true")],
)
def test_a_number_or_boolean_in_quotes_gets_the_hint_to_drop_them(field: str, value: Any, meant: str) -> None:
    problem = the_one_problem(json.dumps(_map(field, value)), "v.json")
    assert problem.hint_key == "hint.value.unquote"
    assert f"`{field}: {meant}`" in problem.hint("en") and f"`{field}: {meant}`" in problem.hint("nl")


def test_a_capitalised_volume_unit_means_the_unit() -> None:
    process = loads(json.dumps(_map("volume", "30/Week")), "v.json")
    assert process.volume is not None
    assert process.volume.per_year(process.calendar.calendar()) == 30 * 52  # /week x 52 (docs/format.md)


def test_the_schema_does_not_check_the_ten_years() -> None:
    """The one documented difference: a duration of more than 10 years is a spelling the schema takes."""
    data = _map("wait", "99999d")
    assert (_loads(data), _schema_takes(data)) == (False, True)


def _pattern(node: dict[str, Any]) -> re.Pattern[str]:
    (pattern,) = {item["pattern"] for item in node.get("anyOf", [node]) if "pattern" in item}
    return re.compile(pattern)


AMOUNT = _pattern(SCHEMA["properties"]["term"])
VOLUME = _pattern(SCHEMA["properties"]["volume"])


def _parses(text: str) -> bool:
    try:
        parse_amount(text)
    except DurationError:
        return False
    return True


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789.,-PpTtWwDdHhMmSsYy u\u00a0\u0663\u017f", max_size=10))
def test_any_text_is_an_amount_to_both_or_to_neither(text: str) -> None:
    assert _parses(text) == bool(AMOUNT.search(text)), text


def _volume_takes(text: str) -> bool:
    try:
        _to_volume(text)
    except PydanticCustomError:
        return False
    return True


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet="0123456789.,", max_size=15),
    st.sampled_from(["", " ", "\t"]),
    st.sampled_from(["year", "Jaar", "MONTH", "maand", "Week", "dAy", "dag", "wk", "dagen", "yeaR"]),
)
def test_any_volume_is_a_volume_to_both_or_to_neither(number: str, space: str, unit: str) -> None:
    text = f"{space}{number}{space}/{unit}"
    assert _volume_takes(text) == bool(VOLUME.search(text)), text

"""Durations: a day is 24 hours for waits and a working day for work."""

from __future__ import annotations

import pytest

import procesmap
from procesmap.durations import Calendar, Triangular, mean_elapsed_days, parse_duration

BASE = """\
procesmap: 1
id: x
owner: a
calendar: {{hours_per_day: {hours}}}
roles: {{a: {{people: 2}}}}
steps:
  - {{id: s, type: start, role: a, {field}, next: e}}
  - {{id: e, type: end, role: a}}
"""


def test_triangular_wait_is_ordered_as_elapsed_time() -> None:
    # 4h <= 12h <= 24h as elapsed time, though 12h is more than one 8-hour working day (a `work` would be refused)
    process = procesmap.loads(BASE.format(hours=8, field="wait: {min: 4h, mode: 12h, max: 1d}"), "x.yaml")
    wait = process.steps[0].wait
    assert isinstance(wait, Triangular)
    assert [a.elapsed_days() for a in wait.amounts()] == pytest.approx([4 / 24, 12 / 24, 1.0])
    assert mean_elapsed_days(wait) == pytest.approx((4 / 24 + 12 / 24 + 1.0) / 3)


def test_triangular_work_is_ordered_in_working_hours() -> None:
    with pytest.raises(procesmap.LoadError) as err:
        procesmap.loads(BASE.format(hours=8, field="work: {min: 4h, mode: 12h, max: 1d}"), "x.yaml")
    problem = err.value.problems[0]
    assert (problem.key, problem.line, problem.column) == ("duration.triangle_order", 7, 41)
    # with 12-hour days the same work is in order
    assert procesmap.loads(BASE.format(hours=12, field="work: {min: 4h, mode: 12h, max: 1d}"), "x.yaml")


def test_units_in_both_readings() -> None:
    week = parse_duration("1.5w")
    assert week.value.elapsed_days() == pytest.approx(10.5)
    assert week.value.effort_hours(Calendar(8, 4, 46)) == pytest.approx(1.5 * 4 * 8)
    iso = parse_duration("P1DT2H30M")
    assert iso.value.elapsed_days() == pytest.approx(1 + 2.5 / 24)
    assert iso.value.effort_hours(Calendar()) == pytest.approx(8 + 2.5)


@pytest.mark.parametrize(
    ("volume", "people", "fte", "key"),
    [
        ("1000/year", "2", ".inf", "value.expected_number"),
        ("9" * 40 + "/year", "2", "1", "volume.invalid"),
        (".inf", "2", "1", "volume.no_unit"),
        ("10/year", "1" + "0" * 30, "1", "value.max"),
    ],
)
def test_absurd_numbers_are_refused(volume: str, people: str, fte: str, key: str) -> None:
    text = (
        f"procesmap: 1\nid: x\nowner: a\nvolume: {volume}\nroles: {{a: {{people: {people}, fte: {fte}}}}}\n"
        "steps:\n  - {id: s, type: start, role: a, next: e}\n  - {id: e, type: end, role: a}\n"
    )
    with pytest.raises(procesmap.LoadError) as err:
        procesmap.loads(text, "x.yaml")
    assert [p.key for p in err.value.problems] == [key]

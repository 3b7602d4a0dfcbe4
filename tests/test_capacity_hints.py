"""An impossible capacity (`fte: 0`, `people: 1.5`, `hours_per_day: 25`) was an error with the generic hint "see
`procesmap schema` or the example in processes/": now the hint says, in Dutch and English, what the number means,
which values it takes, and what to write when it is not known or the party is outside the organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap, the_one_problem

ROLE = "procesmap: 1\nid: p\nowner: r\nroles:\n  r: {{name: R, {value}}}\nsteps:\n  - {{id: a, type: start, role: r, work: 1h}}\n"
CALENDAR = (
    "procesmap: 1\nid: p\nowner: r\ncalendar: {{{value}}}\nroles:\n  r: {{name: R, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h}}\n"
)


@pytest.mark.parametrize(
    ("value", "key", "hint_key", "en", "nl"),
    [
        ("fte: 0", "value.above", "hint.capacity.fte", "`fte: 0.8` is one person four days", "vier van de vijf dagen"),
        ("fte: -1", "value.above", "hint.capacity.fte", "more than 0", "meer dan 0"),
        ("fte: 200000", "value.max", "hint.capacity.fte", "at most 100,000", "hoogstens 100.000"),
        ("people: 0", "value.min", "hint.capacity.people", "from 1 to 100,000", "van 1 tot 100.000"),
        ("people: 1.5", "value.expected_int", "hint.capacity.people", "`people: 2, fte: 1.5`", "deeltijd"),
        ("people: 200000", "value.max", "hint.capacity.people", "from 1 to 100,000", "van 1 tot 100.000"),
    ],
)
def test_a_role_capacity_out_of_range_says_what_it_means(value: str, key: str, hint_key: str, en: str, nl: str) -> None:
    text = ROLE.format(value=value)
    problem = the_one_problem(text)
    number = value.split(": ")[1]
    assert (problem.line, problem.column) == (5, text.splitlines()[4].index(f": {number}") + 3)
    assert (problem.key, problem.hint_key) == (key, hint_key)
    assert en in problem.hint("en") and nl in problem.hint("nl")
    assert "external: true" in problem.hint("en") and "external: true" in problem.hint("nl")


@pytest.mark.parametrize(
    ("value", "field", "en", "nl"),
    [
        ("hours_per_day: 0", "hours_per_day", "at most 24 (default 8)", "hoogstens 24 (standaard 8)"),
        ("hours_per_day: 25", "hours_per_day", "at most 24 (default 8)", "hoogstens 24 (standaard 8)"),
        ("days_per_week: 8", "days_per_week", "at most 7 (default 5)", "hoogstens 7 (standaard 5)"),
        ("weeks_per_year: 60", "weeks_per_year", "at most 53 (default 46)", "hoogstens 53 (standaard 46)"),
    ],
)
def test_a_calendar_out_of_range_says_what_it_means(value: str, field: str, en: str, nl: str) -> None:
    problem = the_one_problem(CALENDAR.format(value=value))
    assert (problem.line, problem.column) == (4, len("calendar: {") + len(field) + 3)
    assert problem.hint_key == f"hint.capacity.{field}"
    assert en in problem.hint("en") and nl in problem.hint("nl")


def test_the_decimal_comma_keeps_its_own_hint() -> None:
    problem = the_one_problem(ROLE.format(value="fte: '0,8'"))
    assert problem.hint_key == "hint.value.decimal_comma"


def test_the_cli_prints_the_hint_in_dutch_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(ROLE.format(value="fte: 0").replace("id: p\n", "id: p\nlanguage: nl\n"), "utf-8")
    result = run_procesmap("check", "p.yaml", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "p.yaml:6:21: " in output and "laat `fte` weg als het niet bekend is" in output, output
    assert "Traceback" not in output

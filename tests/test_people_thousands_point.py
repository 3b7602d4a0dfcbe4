"""`people: 1.000` in a role is a thousand persons to a Dutch writer, but YAML reads the float 1.0 and the map
loaded with one person (a single point of failure, PM204, and a role 1,000 times too busy). A `people` written
with thousands points is now an error at the value, with the number meant as hint, as `volume: 1.000/jaar` is."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap
from procesmap.errors import LoadError
from procesmap.loading import load, loads

MAP = (
    "procesmap: 1\nid: p\nlanguage: nl\nowner: r\n"
    "roles:\n"
    "  r:\n"
    "    name: Rol\n"
    "    people: {people}\n"
    "  s: {{name: Ander, people: {people}}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: b}}\n  - {{id: b, type: end, role: s}}\n"
)
# line 8 `    people: 1.000` -> column 13; line 9 `  s: {name: Ander, people: 1.000}` -> column 28 (counted by hand)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("1.000", "1000"), ("12.000", "12000"), ("1.500", "1500"), ('"2.000"', "2000"), ("1.000.000", "1000000")],
)
def test_a_thousands_point_in_people_is_an_error_with_the_number_meant(written: str, meant: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads(MAP.format(people=written), "p.yaml")
    problems = caught.value.problems
    assert [(p.line, p.column, p.key) for p in problems] == [
        (8, 13, "value.people_thousands"),
        (9, 28, "value.people_thousands"),
    ]
    for problem in problems:
        assert f"people: {meant}`" in problem.hint("nl") and f"people: {meant}`" in problem.hint("en")
        assert "duizendtal" in problem.message("nl") and "thousands" in problem.message("en")


@pytest.mark.parametrize(("written", "people"), [("1", 1), ("1000", 1000), ("12", 12), ("3.0", 3)])
def test_people_without_a_thousands_point_keep_their_value(written: str, people: int) -> None:
    process = loads(MAP.format(people=written), "p.yaml")
    assert process.roles["r"].people == people and process.roles["s"].people == people


@pytest.mark.parametrize("written", ["1.5", "0.500", "12.34"])
def test_a_fraction_of_a_person_is_still_no_whole_number(written: str) -> None:
    """A decimal point that is no thousands group (a leading 0, not three digits): 'a whole number', as before."""
    with pytest.raises(LoadError) as caught:
        loads(MAP.format(people=written), "p.yaml")
    assert {p.key for p in caught.value.problems} == {"value.expected_int"}


def test_in_a_shared_organisation_file_too(tmp_path: Path) -> None:
    (tmp_path / "organisatie.yaml").write_text(
        "procesmap: 1\nkind: organisation\nroles:\n  r: {name: Rol, people: 1.000}\n", encoding="utf-8"
    )
    (tmp_path / "p.yaml").write_text(
        "procesmap: 1\nid: p\nowner: r\nsteps:\n  - {id: a, type: start, role: r, work: 1h}\n", encoding="utf-8"
    )
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "p.yaml")
    (problem,) = caught.value.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("organisatie.yaml", 4, 26)
    assert "`people: 1000`" in problem.hint("en")


def test_the_cli_says_it_in_dutch_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(MAP.format(people="1.000"), encoding="utf-8")
    result = run_procesmap("check", "p.yaml", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "p.yaml:8:13: " in output and "schrijf `people: 1000`" in output, output
    assert "Traceback" not in output

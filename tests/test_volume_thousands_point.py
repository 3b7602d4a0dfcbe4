"""`volume` as a Dutch workshop writes it: `1.000/jaar` is a thousand cases, not one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from .conftest import run_procesmap
from procesmap.errors import LoadError
from procesmap.loading import loads as load_text

MAP = (
    "procesmap: 1\nid: v\nname: V\nlanguage: nl\nowner: r\nvolume: {volume}\n"
    "roles:\n  r: {{name: Rol, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: b}}\n  - {{id: b, type: end, role: r}}\n"
)


@pytest.mark.parametrize("volume", ["1.000/year", "12.000/jaar", "1.250.000/year", "2.500 / dag"])
def test_a_thousands_point_is_an_error_at_the_volume_with_the_number_meant(volume: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_text(MAP.format(volume=volume), "v.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("v.yaml", 6, 9)
    meant = volume.split("/")[0].strip().replace(".", "")  # the thousands points taken out, by hand
    assert meant in problem.hint("nl") and meant in problem.hint("en")
    assert "duizendtal" in problem.message("nl") and "thousands" in problem.message("en")


@pytest.mark.parametrize(
    ("volume", "per_year"),
    [
        ("1000/year", 1000.0),
        ("1.5/day", 1.5 * 5 * 52),  # 5 working days a week, 52 weeks (docs/format.md)
        ("0.250/week", 0.25 * 52),  # a decimal point with three decimals but a leading 0 is no thousands group
        ("12/maand", 144.0),
    ],
)
def test_plain_volumes_keep_their_value(volume: str, per_year: float) -> None:
    process = load_text(MAP.format(volume=volume), "v.yaml")
    assert process.volume is not None
    assert process.volume.per_year(process.calendar.calendar()) == pytest.approx(per_year)


def test_a_decimal_comma_gets_the_number_with_a_point() -> None:
    with pytest.raises(LoadError) as caught:
        load_text(MAP.format(volume="1,5/dag"), "v.yaml")
    (problem,) = caught.value.problems
    assert "1.5/dag" in problem.hint("nl")


def test_the_cli_says_it_in_dutch_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "v.yaml").write_text(MAP.format(volume="1.000/jaar"), encoding="utf-8")
    result = run_procesmap("analyse", "v.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("v.yaml:6:9: ") and "1000/jaar" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_json_schema_takes_what_the_tool_takes(tmp_path: Path) -> None:
    schema = json.loads(run_procesmap("schema", cwd=tmp_path).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    base = {
        "procesmap": 1,
        "id": "v",
        "name": "V",
        "owner": "r",
        "roles": {"r": {"people": 2}},
        "steps": [{"id": "a", "type": "start", "role": "r", "next": "b"}, {"id": "b", "type": "end", "role": "r"}],
    }
    for good in ["1200/year", "100/jaar", "3/maand", "5/dag", "25/week", "1.5/day", "1200 / year"]:
        load_text(MAP.format(volume=good), "v.yaml")  # the tool takes it ...
        assert list(validator.iter_errors({**base, "volume": good})) == [], good  # ... and so does the schema
    for bad in ["1.000/year", "12.000/jaar", "1200", "1200/decade"]:
        with pytest.raises(LoadError):
            load_text(MAP.format(volume=bad), "v.yaml")
        assert list(validator.iter_errors({**base, "volume": bad})) != [], bad

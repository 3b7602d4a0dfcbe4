"""Mistakes a workshop makes in a map, each with a hint that says what to write (they had "see `procesmap schema`"
or no suggestion): a branch's `p` written as a percentage (`p: 30%`, `p: 30`), `external: ja`, and a fixed value
in another case (`language: NL`, `type: End`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap, the_one_problem
from procesmap.errors import LoadError
from procesmap.loading import loads

MAP = (
    "procesmap: 1\nid: m\nlanguage: nl\nowner: r\nroles:\n  r: {name: R, people: 2}\n"
    "steps:\n  - id: a\n    type: start\n    role: r\n    work: 1h\n    next: b\n"
    "  - id: b\n    type: end\n    role: r\n"
)


@pytest.mark.parametrize(
    ("written", "share"),
    [("30%", "0.3"), ("30", "0.3"), ('"30 %"', "0.3"), ("'12,5%'", "0.125"), ("0.5%", "0.005"), ("100", "1")],
)
def test_a_percentage_as_p_gets_the_share_to_write(written: str, share: str) -> None:
    text = MAP.replace("    next: b\n", f"    next:\n      - {{to: b, p: {written}}}\n")
    problem = the_one_problem(text, "m.yaml")
    assert (problem.line, problem.column) == (13, len("      - {to: b, p: ") + 1)
    assert problem.hint_key == "hint.value.p_percent"
    assert f"`p: {share}`" in problem.hint("en") and f"`p: {share}`" in problem.hint("nl")
    assert "percentage" in problem.hint("en") and "percentage" in problem.hint("nl")


@pytest.mark.parametrize("written", ["1.5", "-1", "250", "veel"])
def test_a_p_that_is_no_percentage_gets_what_p_means(written: str) -> None:
    text = MAP.replace("    next: b\n", f"    next:\n      - {{to: b, p: {written}}}\n")
    problem = the_one_problem(text, "m.yaml")
    assert problem.hint_key == "hint.value.p"
    assert "from 0 to 1" in problem.hint("en") and "van 0 tot 1" in problem.hint("nl")


@pytest.mark.parametrize(("written", "meant"), [("ja", "true"), ("Nee", "false"), ("waar", "true")])
def test_dutch_yes_and_no_get_true_and_false(written: str, meant: str) -> None:
    problem = the_one_problem(MAP.replace("people: 2}", f"people: 2, external: {written}}}"), "m.yaml")
    assert (problem.key, problem.hint_key) == ("value.expected_bool", "hint.value.bool_dutch")
    assert f"`external: {meant}`" in problem.hint("en") and f"`external: {meant}`" in problem.hint("nl")


@pytest.mark.parametrize(
    ("old", "new", "meant"),
    [
        ("language: nl", "language: NL", "nl"),
        ("type: end", "type: End", "end"),
        ("type: start", "type: START", "start"),
    ],
)
def test_a_fixed_value_in_another_case_suggests_that_value(old: str, new: str, meant: str) -> None:
    problem = the_one_problem(MAP.replace(old, new), "m.yaml")
    assert (problem.key, problem.hint_key) == ("value.not_allowed", "hint.did_you_mean")
    assert problem.hint_args["suggestion"] == meant


def test_the_cli_says_it_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MAP.replace("    next: b\n", "    next: [{to: b, p: 30%}]\n"), encoding="utf-8")
    result = run_procesmap("check", "m.yaml", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "m.yaml:12:23: " in output and "schrijf `p: 0.3`" in output, output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("written", "meant"),
    [("1:30", "90m"), ("2:00", "120m"), ("1:30:00", "90m"), ("10:05", "605m")],  # h:mm -> h x 60 + mm minutes
)
def test_a_time_of_the_clock_as_work_gets_its_minutes_not_days(written: str, meant: str) -> None:
    """YAML 1.1 reads `1:30` as the number 90 (base 60): the hint was `90d`, ninety days."""
    problem = the_one_problem(MAP.replace("    work: 1h\n", f"    work: {written}\n"), "m.yaml")
    assert (problem.line, problem.column, problem.key) == (11, 11, "duration.clock")
    assert f"`{meant}`" in problem.hint("en") and f"`{meant}`" in problem.hint("nl")
    assert "d`" not in problem.hint("en")


def test_a_time_of_the_clock_inside_a_distribution_is_pointed_at() -> None:
    text = MAP.replace("    work: 1h\n", "    work: {min: 0:30, mode: 1:00, max: 2:00}\n")
    with pytest.raises(LoadError) as caught:
        loads(text, "m.yaml")
    found = [(p.line, p.column, p.key, p.hint_args.get("example")) for p in caught.value.problems]
    # 0:30 is text to YAML (a leading 0 is no base-60 number), 1:00 and 2:00 are the numbers 60 and 120
    assert found == [
        (11, 17, "duration.invalid", "30m"),
        (11, 29, "duration.clock", "60m"),
        (11, 40, "duration.clock", "120m"),
    ]


@pytest.mark.parametrize(
    ("written", "meant"), [("1h30m", "90m"), ("1u30", "90m"), ("1 uur 30 min", "90m"), ("'0:45'", "45m")]
)
def test_hours_and_minutes_in_one_text_get_the_minutes(written: str, meant: str) -> None:
    problem = the_one_problem(MAP.replace("    work: 1h\n", f"    work: {written}\n"), "m.yaml")
    assert (problem.key, problem.hint_key) == ("duration.invalid", "hint.duration.did_you_mean")
    assert problem.hint_args["example"] == meant


@pytest.mark.parametrize("written", ["NL", "Nl", "'NL'"])
def test_language_nl_in_capitals_is_told_in_dutch(tmp_path: Path, written: str) -> None:
    """`language: NL` is an error with the hint `nl`, and the map means Dutch: the message is Dutch (was English
    under LANG=C, the language check took only `nl`)."""
    (tmp_path / "m.yaml").write_text(MAP.replace("language: nl", f"language: {written}"), encoding="utf-8")
    result = run_procesmap("check", "m.yaml", cwd=tmp_path, env={"LANG": "C"})
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "tip:" in output and "hint:" not in output, output
    assert "Traceback" not in output

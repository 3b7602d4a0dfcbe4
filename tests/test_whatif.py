"""What-if scenarios (``--set``): a new validated map, the input untouched, clear errors with hints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from procesmap.pipeline import analyse
from procesmap.settings import Settings
from procesmap.errors import UsageError
from procesmap.loading import load
from procesmap.whatif import OverrideError, apply_overrides, parse_assignment, valid_paths

from tests.conftest import ROOT, bundled

OMGEVING = ROOT / "processes" / "omgevingsvergunning.yaml"
FAST = Settings(cases=1000, seed=0)


def run(*args: str, cwd: Path = ROOT, lang: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROCESMAP_LANG": lang, "LANG": "C.UTF-8", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "procesmap", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def test_values_are_read_as_yaml_scalars() -> None:
    assert parse_assignment("roles.a.people=2") == (["roles", "a", "people"], 2)
    assert parse_assignment("steps.x.suspends_term=true") == (["steps", "x", "suspends_term"], True)
    assert parse_assignment("steps.x.work=15m") == (["steps", "x", "work"], "15m")
    assert parse_assignment("steps.x.log=[a, b]") == (["steps", "x", "log"], ["a", "b"])
    assert parse_assignment("steps.x.wait={min: 1d, mode: 2d, max: 5d}")[1] == {"min": "1d", "mode": "2d", "max": "5d"}
    assert parse_assignment("roles.a.fte=") == (["roles", "a", "fte"], None)
    assert parse_assignment("name=a=b") == (["name"], "a=b")


def test_apply_changes_a_copy_and_keeps_positions() -> None:
    process = load(OMGEVING)
    before = process.model_dump(mode="json")
    scenario = apply_overrides(
        process,
        [
            "roles.adviseur-milieu-odvr.people=2",
            "steps.intake-odvr.via=squit",
            "volume=1500/year",
            "steps.volledigheid.next.aanvullen.p=0.1",
            "steps.volledigheid.next.inhoudelijke-toets.p=0.85",
            "calendar.hours_per_day=7.5",
            "steps.advies-milieu.raci.A=teamleider-vth",
        ],
    )
    assert process.model_dump(mode="json") == before  # the input is never changed
    assert scenario is not process
    assert scenario.roles["adviseur-milieu-odvr"].people == 2
    assert scenario.step("intake-odvr").via == "squit"
    assert str(scenario.volume) == "1500/year"
    assert [b.p for b in scenario.step("volledigheid").next] == [0.1, 0.85, 0.05]
    assert scenario.calendar.hours_per_day == 7.5
    assert scenario.step("advies-milieu").raci.A == "teamleider-vth"
    assert scenario.file == process.file
    assert scenario.locate_step("advies-milieu") == process.locate_step("advies-milieu")


def test_empty_value_removes_the_field() -> None:
    process = load(OMGEVING)
    scenario = apply_overrides(process, ["roles.adviseur-milieu-odvr.fte="])
    assert scenario.roles["adviseur-milieu-odvr"].fte is None
    figures = analyse(scenario, FAST).capacity.roles["adviseur-milieu-odvr"]
    assert figures.capacity_hours == 1 * 8 * 5 * 46


def test_scenario_changes_exactly_the_figures_it_should() -> None:
    process = load(OMGEVING)
    base = analyse(process, FAST)
    scenario = analyse(
        apply_overrides(process, ["roles.adviseur-milieu-odvr.people=2", "roles.adviseur-milieu-odvr.fte=1.6"]), FAST
    )
    old = base.capacity.roles["adviseur-milieu-odvr"].utilisation
    new = scenario.capacity.roles["adviseur-milieu-odvr"].utilisation
    assert new == pytest.approx(old / 2)
    # capacity drives waiting: the adviser's queue shrinks, the other wait of the step is kept
    before, after = base.queueing.steps["advies-milieu"], scenario.queueing.steps["advies-milieu"]
    assert after.other_wait == before.other_wait
    assert after.queue_mean < before.queue_mean
    assert scenario.time.cycle_time["mean"] < base.time.cycle_time["mean"]
    assert scenario.time.cycle_time["p85"] < base.time.cycle_time["p85"]


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_no_op_override_gives_the_same_analysis(file: Path) -> None:
    process = load(file)
    scenario = apply_overrides(process, [f"id={process.id}"])
    assert analyse(scenario, FAST).to_dict("en") == analyse(process, FAST).to_dict("en")


@pytest.mark.parametrize(
    ("assignment", "hint"),
    [
        ("roles.adviseur-milieu-odv.people=2", "roles.adviseur-milieu-odvr.people"),
        ("roles.adviseur-milieu-odvr.peple=2", "roles.adviseur-milieu-odvr.people"),
        ("steps.advies-milie.via=squit", "steps.advies-milieu.via"),
        ("steps.volledigheid.next.aanvulen.p=0.2", "steps.volledigheid.next.aanvullen.p"),
        ("volum=1500/year", "volume"),
    ],
)
def test_unknown_path_hints_the_nearest(assignment: str, hint: str) -> None:
    with pytest.raises(UsageError) as caught:
        apply_overrides(load(OMGEVING), [assignment])
    assert f"did you mean `{hint}`?" in caught.value.format("en")
    assert f"bedoel je `{hint}`?" in caught.value.format("nl")


def test_unknown_path_without_near_match_lists_what_is_valid() -> None:
    with pytest.raises(UsageError) as caught:
        apply_overrides(load(OMGEVING), ["steps.ontvangst.work.max.x=1"])
    assert "names nothing" in caught.value.format("en")
    with pytest.raises(UsageError) as caught:
        apply_overrides(load(OMGEVING), ["zzzzzzzz=1"])
    assert "valid here: procesmap, " in caught.value.format("en")


@pytest.mark.parametrize(
    ("assignment", "message", "hint"),
    [
        ("steps.intake-odvr.via=zaaksysteem", "unknown system `zaaksysteem`", "known ids: omgevingsloket"),
        ("roles.adviseur-milieu-odvr.people=0", "`people`", None),
        ("steps.intake-odvr.wait=3 dagen", "`3 dagen`", "did you mean `3d`?"),
        ("steps.intake-odvr.type=taak", "taak", "did you mean `task`?"),
        ("roles.teamleider-vth.team=vthh", "unknown team `vthh`", "did you mean `vth`?"),
    ],
)
def test_value_that_does_not_validate(assignment: str, message: str, hint: str | None) -> None:
    with pytest.raises(OverrideError) as caught:
        apply_overrides(load(OMGEVING), [assignment])
    text = caught.value.format("en")
    assert text.startswith(f"{OMGEVING}: --set `{assignment}`: ")
    assert message in text
    if hint:
        assert hint in text.split("hint:")[1]


def test_bad_assignment_text() -> None:
    with pytest.raises(UsageError, match="has no `=`"):
        apply_overrides(load(OMGEVING), ["roles.adviseur-milieu-odvr.people"])
    with pytest.raises(UsageError, match="not valid YAML"):
        apply_overrides(load(OMGEVING), ["volume=[a"])


def test_valid_paths_cover_sections_steps_and_branches() -> None:
    paths = valid_paths(load(OMGEVING).model_dump(mode="json"))
    for path in (
        "volume",
        "calendar.hours_per_day",
        "roles.aanvrager.external",
        "teams.vth.organisation",
        "systems.mail.kind",
        "steps.ontvangst.raci.A",
        "steps.volledigheid.next.aanvullen.p",
        "issues.k1.owner",
        "organisations.odvr.name",
    ):
        assert path in paths


def test_cli_analyse_with_set() -> None:
    base = json.loads(run("analyse", "processes/omgevingsvergunning.yaml", "-f", "json", "--cases", "500").stdout)
    result = run(
        "analyse",
        "processes/omgevingsvergunning.yaml",
        "-f",
        "json",
        "--cases",
        "500",
        "--set",
        "roles.adviseur-milieu-odvr.people=2",
        "--set",
        "roles.adviseur-milieu-odvr.fte=1.6",
    )
    scenario = json.loads(result.stdout)
    assert scenario["capacity"]["roles"]["adviseur-milieu-odvr"]["utilisation"] == pytest.approx(
        base["capacity"]["roles"]["adviseur-milieu-odvr"]["utilisation"] / 2, abs=1e-4
    )
    assert "adviseur-milieu-odvr" not in scenario["ownership"]["single_points_of_failure"]
    assert (ROOT / "processes" / "omgevingsvergunning.yaml").read_text(encoding="utf-8").count(
        "people: 1, fte: 0.8"
    ) == 1


def test_cli_bad_set_is_exit_2_with_hint() -> None:
    # the error is printed by cli.main, which takes the language from PROCESMAP_LANG / LANG
    result = run("analyse", "processes/omgevingsvergunning.yaml", "--set", "roles.adviseur-milieu.people=2", lang="nl")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bedoel je `roles.adviseur-milieu-odvr.people`?" in result.stderr


def test_assignments_are_validated_together_in_any_order(tmp_path: Path) -> None:
    """`fte` above `people` is a load error; raising both at once works whichever comes first."""
    path = tmp_path / "p.yaml"
    path.write_text(
        "procesmap: 1\nid: p\nowner: a\nroles:\n  a: {people: 1}\nsteps:\n"
        "  - {id: s, type: start, role: a, next: t}\n  - {id: t, role: a, work: 1h, next: e}\n"
        "  - {id: e, type: end, role: a}\n",
        encoding="utf-8",
    )
    process = load(path)
    for order in (["roles.a.fte=1.6", "roles.a.people=2"], ["roles.a.people=2", "roles.a.fte=1.6"]):
        changed = apply_overrides(process, order)
        assert changed.roles["a"].people == 2 and changed.roles["a"].fte == 1.6
    with pytest.raises(OverrideError) as caught:  # the culprit is named, not the harmless one before it
        apply_overrides(process, ["roles.a.people=2", "roles.a.fte=5"])
    assert "roles.a.fte=5" in caught.value.format("en")
    with pytest.raises(OverrideError):  # the work limit applies to what-ifs as to files
        apply_overrides(process, ["steps.t.work=99999999h"])

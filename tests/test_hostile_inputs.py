"""Hostile inputs of issue #19, generated at test time (small and fast): every reader and every command stays
bounded, refuses with ``file:line:column: message`` + hint and exit code 2, and never shows a traceback.

The fuzzers that mutate valid inputs at random are in ``benchmarks/hostile_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import procesmap
from procesmap.analysis import Settings
from procesmap.analysis.limits import MAX_SIMULATION_WORK
from procesmap.cli import app


def invoke(*args: str, cwd: Path | None = None) -> "object":
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, [*args], catch_exceptions=True)
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


# -- the simulation: a work limit checked before the work starts ---------------------------------------------


def loop_map(exit_p: str, stay_p: str) -> str:
    return f"""\
procesmap: 1
id: lus
owner: mw
term: 8w
roles:
  mw: {{people: 2}}
steps:
  - {{id: a, type: start, role: mw, work: 1h, next: b}}
  - id: b
    type: decision
    role: mw
    work: 10m
    next:
      - {{to: b, p: {stay_p}}}
      - {{to: e, p: {exit_p}}}
  - {{id: e, type: end, role: mw, work: 1h}}
"""


def test_a_near_endless_loop_skips_the_simulation_and_keeps_the_exact_figures() -> None:
    process = procesmap.loads(loop_map("0.000000001", "0.999999999"), "lus.yaml")
    analysis = procesmap.analyse(process, Settings(cases=10_000))
    # a geometric number of visits: 1 / P(exit) = 1e9 expected visits of b (within float rounding of 1 - p)
    assert analysis.visits is not None and analysis.visits["b"] == pytest.approx(1e9, rel=1e-6)
    [skipped] = [m for m in analysis.missing if m.key.startswith("limits.simulation_work")]
    assert skipped.key == "limits.simulation_work_loop"
    assert "MAX_SIMULATION_WORK" in skipped.text("en") and "loop" in skipped.text("en")
    assert analysis.time.cycle_time["p50"] is None and analysis.time.share_over_term is None
    assert analysis.time.cycle_time["mean"] is not None  # exact: visits x mean durations, no simulation needed


def test_the_limit_names_the_cases_that_fit() -> None:
    process = procesmap.loads(loop_map("0.001", "0.999"), "lus.yaml")
    per_case = 1 + 1 / 0.001 + 1  # a, b (geometric), e
    cases = int(MAX_SIMULATION_WORK / per_case) + 1000
    analysis = procesmap.analyse(process, Settings(cases=cases))
    [skipped] = [m for m in analysis.missing if m.key == "limits.simulation_work"]
    assert int(skipped.args["fits"]) == int(MAX_SIMULATION_WORK // per_case)
    assert int(skipped.args["cases"]) == cases
    below = procesmap.analyse(process, Settings(cases=2_000))  # 2,000 x 1,002 visits: simulated
    assert below.time.cycle_time["p50"] is not None
    assert not [m for m in below.missing if m.key.startswith("limits.")]


def test_check_and_analyse_of_the_endless_loop_finish(tmp_path: Path) -> None:
    path = tmp_path / "lus.yaml"
    path.write_text(loop_map("0.000000001", "0.999999999"), encoding="utf-8")
    result = invoke("analyse", str(path), "--lang", "en", "-f", "markdown")
    assert result.exit_code in (0, 1) and "MAX\\_SIMULATION\\_WORK" in result.output
    result = invoke("check", str(path), "--lang", "en")
    assert result.exit_code in (0, 1)

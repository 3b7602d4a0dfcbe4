"""The compiled event loop (procesmap/analysis/_simkernel.c) against the reference loop in Python.

The two must give the same figures to the last bit: the compiled loop is only a faster way to run the
same events. Every comparison here is exact (``==`` on every float), on the plans of every bundled map
(both passes of the queueing model) and on generated networks that use every rule of the loop:
routing, rework loops past the pre-drawn visits, parallel blocks (nested, and branches that end
inside their block), queues with several people, background jobs of other processes, suspended and
extended legal clocks, and office-hours and round-the-clock calendars.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import procesmap
from procesmap.analysis import Settings
from procesmap.analysis import simulation
from procesmap.analysis.sampling import ZERO, Spec
from procesmap.analysis.simulation import (
    KERNEL_ENV,
    Background,
    NetworkPlan,
    QueuePlan,
    SimulationResult,
    StepPlan,
    simulate_network,
)
from procesmap.analysis.worktime import WorkClock
from procesmap.durations import Calendar
from procesmap.loading import load
from tests.conftest import invoke_cli, need

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "processes").glob("*.yaml"))


@pytest.fixture(autouse=True)
def _kernel_built() -> None:
    problem = simulation.kernel_problem()
    need(problem is None, problem or "")


def _run(plan: NetworkPlan, cases: int, seed: int, kernel: str, monkeypatch: pytest.MonkeyPatch) -> SimulationResult:
    monkeypatch.setenv(KERNEL_ENV, kernel)
    return simulate_network(plan, cases, seed)


def assert_identical(a: SimulationResult, b: SimulationResult) -> None:
    assert a.cases == b.cases
    for name in ("cycle", "term", "extended", "where"):
        left, right = getattr(a, name), getattr(b, name)
        assert left.dtype == right.dtype and left.tolist() == right.tolist(), name
    assert np.array_equal(a.decided, b.decided, equal_nan=True)  # type: ignore[arg-type]
    assert a.step_queue.keys() == b.step_queue.keys()
    for step, values in a.step_queue.items():
        assert values.tolist() == b.step_queue[step].tolist(), f"queue samples of step {step}"
    assert a.step_wait == b.step_wait
    assert a.queue_utilisation == b.queue_utilisation
    assert a.queue_mean == b.queue_mean
    assert a.queue_p85 == b.queue_p85


def _plans_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[NetworkPlan, int, int]]:
    """The plans the queueing model simulates for one map (the explaining pass and the final one)."""
    from procesmap.analysis import simcache

    seen: list[tuple[NetworkPlan, int, int]] = []

    def record(plan: NetworkPlan, cases: int, seed: int) -> SimulationResult:
        seen.append((plan, cases, seed))
        return simulation.simulate_network(plan, cases, seed)

    monkeypatch.setattr(simcache, "simulate_network", record)
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", "")
    monkeypatch.setenv(KERNEL_ENV, "python")
    procesmap.analyse(load(path), Settings(cases=2_000))
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_map_simulates_identically_in_both_loops(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = _plans_of(path, monkeypatch)
    assert plans, f"{path.name}: no queueing simulation ran"
    for plan, cases, seed in plans:
        assert_identical(
            _run(plan, cases, seed, "python", monkeypatch), _run(plan, cases, seed, "compiled", monkeypatch)
        )


def _spec(draw: st.DrawFn, top: float) -> Spec:
    kind = draw(st.sampled_from(["tri", "gamma", "samples", "zero"]))
    if kind == "zero":
        return ZERO
    if kind == "tri":
        low = draw(st.floats(0.0, top))
        high = draw(st.floats(low, low + top))
        return Spec("tri", (low, draw(st.floats(low, high)), high))
    if kind == "gamma":
        return Spec("gamma", (draw(st.floats(0.01, top)), draw(st.sampled_from([0.0, 0.5, 1.0, 2.0]))))
    return Spec("samples", tuple(draw(st.lists(st.floats(0.0, top), min_size=1, max_size=5))))


@st.composite
def networks(draw: st.DrawFn) -> NetworkPlan:
    """A network with every kind of step the loop knows, in random combinations.

    Layout: a spine of steps 0..n-1, each going to the next (the last ends). Some spine steps also go
    back (a rework loop: every step it spans is marked looped), some end early, and some open a parallel
    block of two or three branches that meet at a join (a branch may be a nested block, or end at once).
    """
    queues = [
        QueuePlan(f"role{k}", draw(st.integers(1, 3)), draw(st.sampled_from([1.0, 0.8, 0.5])))
        for k in range(draw(st.integers(1, 3)))
    ]
    steps: list[StepPlan] = []

    def add(**fields: object) -> int:
        index = len(steps)
        queue = draw(st.integers(-1, len(queues) - 1))
        steps.append(
            StepPlan(
                id=f"s{index}",
                targets=[],
                probabilities=[],
                wait=_spec(draw, 30.0),
                lead=_spec(draw, 20.0) if draw(st.booleans()) else None,
                work_elapsed=_spec(draw, 8.0),
                work=_spec(draw, 6.0) if queue >= 0 else ZERO,
                queue=queue,
                suspends=draw(st.integers(0, 5)) == 0,
                extends=draw(st.integers(0, 6)) == 0,
                **fields,  # type: ignore[arg-type]
            )
        )
        return index

    def block(depth: int) -> tuple[int, int]:
        """A parallel block: (its parallel step, its join)."""
        parallel = add(parallel=True)
        join = add()
        heads = []
        for _ in range(draw(st.integers(2, 3))):
            shape = draw(st.sampled_from(["step", "ends", "nested"] if depth < 2 else ["step", "ends"]))
            if shape == "nested":
                inner, inner_join = block(depth + 1)
                steps[inner_join].targets, steps[inner_join].probabilities = [join], [1.0]
                heads.append(inner)
            else:
                branch = add()
                if shape == "step":
                    steps[branch].targets, steps[branch].probabilities = [join], [1.0]
                heads.append(branch)  # "ends": no next step, the token goes to the join of its block
        steps[parallel].targets = heads
        steps[parallel].probabilities = [1.0] * len(heads)
        steps[parallel].join = join
        steps[join].join_need = len(heads)
        return parallel, join

    spine: list[tuple[int, int]] = []  # (entry, exit) of each spine element
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 3)) == 0:
            spine.append(block(0))
        else:
            one = add()
            spine.append((one, one))
    for k, (_, exit_) in enumerate(spine[:-1]):
        steps[exit_].targets, steps[exit_].probabilities = [spine[k + 1][0]], [1.0]
        if steps[exit_].parallel:
            continue
        extra = draw(st.sampled_from(["none", "back", "end"]))
        if extra == "back" and k > 0:
            back = draw(st.integers(0, k))
            stay = draw(st.floats(0.05, 0.6))
            steps[exit_].targets.append(spine[back][0])
            steps[exit_].probabilities = [1.0 - stay, stay]
            first = spine[back][0]
            for s in steps[first : exit_ + 1]:
                s.looped = True
    if len(spine) > 1 and draw(st.booleans()):  # a step that may also end the case early
        entry, exit_ = spine[0]
        if not steps[exit_].parallel and len(steps[exit_].targets) == 1:
            end_step = add()
            steps[exit_].targets.append(end_step)
            steps[exit_].probabilities.append(draw(st.floats(0.05, 0.5)))
    hours, days = draw(st.sampled_from([(8.0, 5.0), (7.5, 4.5), (24.0, 7.0), (20.0, 5.0)]))
    clock = WorkClock.of(Calendar(hours, days, 46.0))
    background = [
        Background(draw(st.integers(0, len(queues) - 1)), draw(st.floats(0.0, 0.5)), _spec(draw, 2.0))
        for _ in range(draw(st.integers(0, 2)))
    ]
    return NetworkPlan(steps, spine[0][0], queues, clock, draw(st.floats(0.002, 0.05)), background)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=networks(), cases=st.integers(1, 300), seed=st.integers(0, 2**31))
def test_generated_networks_simulate_identically_in_both_loops(
    plan: NetworkPlan, cases: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_identical(_run(plan, cases, seed, "python", monkeypatch), _run(plan, cases, seed, "compiled", monkeypatch))


def test_a_loop_taken_more_often_than_drawn_reads_the_pool_the_same_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rework taken 90% of the time: most cases visit the step more than MAX_VISITS_DRAWN times."""
    clock = WorkClock.of(Calendar())
    steps = [
        StepPlan("intake", [1], [1.0], wait=Spec("tri", (1.0, 2.0, 4.0))),
        StepPlan(
            "check", [2, 1], [0.1, 0.9], queue=0, work=Spec("gamma", (0.5, 1.0)), looped=True,
            wait=Spec("tri", (0.0, 1.0, 2.0)), lead=Spec("tri", (0.0, 0.5, 3.0)),
        ),
        StepPlan("decide", [], [], queue=0, work=Spec("tri", (0.5, 1.0, 2.0)), extends=True),
    ]  # fmt: skip
    plan = NetworkPlan(steps, 0, [QueuePlan("team", 2, 0.8)], clock, 0.02, [Background(0, 0.1, Spec("tri", (1, 2, 3)))])
    python = _run(plan, 500, 7, "python", monkeypatch)
    assert len(python.step_queue[1]) > 4 * 500  # visits beyond the drawn ones happened
    assert_identical(python, _run(plan, 500, 7, "compiled", monkeypatch))


def test_the_kernel_setting_chooses_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KERNEL_ENV, "python")
    assert simulation.compiled_kernel() is None
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    assert simulation.compiled_kernel() is not None
    monkeypatch.delenv(KERNEL_ENV)
    assert simulation.compiled_kernel() is not None  # by default the compiled loop runs where it was built


def test_without_the_compiled_loop_the_python_loop_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """An install without a C compiler has no _simkernel: the default is then the Python loop, no error."""
    import builtins
    import sys

    real_import = builtins.__import__

    def no_kernel(name: str, *args: object, **kwargs: object) -> object:
        if name.endswith("_simkernel") or (args and args[2] and "_simkernel" in args[2]):  # type: ignore[operator]
            raise ImportError("no compiled loop in this install")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delenv(KERNEL_ENV, raising=False)
    monkeypatch.delitem(sys.modules, "procesmap.analysis._simkernel", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_kernel)
    monkeypatch.setattr(simulation, "_KERNEL_PROBLEM", [])
    assert simulation.compiled_kernel() is None
    assert "not built" in (simulation.kernel_problem() or "")
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    with pytest.raises(ImportError, match="not built"):
        simulation.compiled_kernel()


def test_a_loop_built_from_an_older_source_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_simkernel.c`` changed and not built again: the Python loop runs, and ``compiled`` says to rebuild."""
    from procesmap.analysis import _simkernel

    assert _simkernel.SOURCE_SHA256 == simulation.kernel_source_sha256(
        Path(simulation.__file__).with_name("_simkernel.c")
    )  # this install: built from the source beside it
    monkeypatch.setattr(_simkernel, "SOURCE_SHA256", "0" * 64)
    monkeypatch.setattr(simulation, "_KERNEL_PROBLEM", [])
    monkeypatch.delenv(KERNEL_ENV, raising=False)
    assert simulation.compiled_kernel() is None
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    with pytest.raises(ImportError, match="another version of _simkernel.c: pip install -e . builds it"):
        simulation.compiled_kernel()


def test_the_source_hash_ignores_line_ends(tmp_path: Path) -> None:
    unix, windows = tmp_path / "unix.c", tmp_path / "windows.c"
    unix.write_bytes(b"int a;\nint b;\n")
    windows.write_bytes(b"int a;\r\nint b;\r\n")
    assert simulation.kernel_source_sha256(unix) == simulation.kernel_source_sha256(windows)
    other = tmp_path / "other.c"
    other.write_bytes(b"int a;\nint c;\n")
    assert simulation.kernel_source_sha256(unix) != simulation.kernel_source_sha256(other)


def _plan(**change: object) -> NetworkPlan:
    """A small good plan (a queue step in a rework loop), with ``s<step>__<field>=value`` changed."""
    steps = [
        StepPlan("intake", [1], [1.0], wait=Spec("tri", (1.0, 2.0, 4.0))),
        StepPlan("check", [2, 0], [0.8, 0.2], queue=0, work=Spec("tri", (1.0, 2.0, 3.0)), looped=True),
        StepPlan("decide", [], [], queue=0, work=Spec("tri", (1.0, 2.0, 3.0))),
    ]
    for name, value in change.items():
        step, field = name.split("__")
        setattr(steps[int(step[1:])], field, value)
    return NetworkPlan(steps, 0, [QueuePlan("team", 1, 1.0)], WorkClock.of(Calendar()), 0.05)


def _bad_plans() -> list[tuple[str, NetworkPlan]]:
    plan = _plan
    no_people = plan()
    no_people.queues[0].servers = 0
    no_hours = plan()
    no_hours.clock = WorkClock((), (), (), 0.0, False)
    return [
        ("a working week without hours", no_hours),
        ("a target past the last step", plan(s0__targets=[7])),
        ("a negative target", plan(s1__targets=[2, -3])),
        ("a queue that is not there", plan(s2__queue=4)),
        ("a parallel step whose join is not there", plan(s0__parallel=True, s0__join=9)),
        ("a queue without people", no_people),
    ]


@pytest.mark.parametrize("label, plan", _bad_plans(), ids=[label for label, _ in _bad_plans()])
def test_a_wrong_plan_is_an_error_of_the_compiled_loop_not_a_crash(
    label: str, plan: NetworkPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plans come from checked maps, so this never happens in use; if a bug ever makes one, the
    compiled loop must raise instead of reading outside its arrays (a crash would lose the user's session)."""
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    with pytest.raises((ValueError, IndexError)):  # from the loop ("... is out of range") or from the setup before it
        simulate_network(plan, 50, 1)


def _kernel_call(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, tuple[object, ...]]:
    """The compiled loop's ``run`` and the arguments simulate_network gives it for :func:`_plan` (50 cases)."""
    from procesmap.analysis import _simkernel

    calls: list[tuple[object, ...]] = []
    real_run = _simkernel.run

    def record(*args: object) -> tuple[list[bytes], list[bytes]]:
        calls.append(args)
        return real_run(*args)

    monkeypatch.setattr(_simkernel, "run", record)
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    simulate_network(_plan(), 50, 1)
    (args,) = calls
    return real_run, args


def test_the_compiled_loop_refuses_arrays_of_another_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every array goes in as float64 or int64; another kind (float32, int32) is a TypeError, never misread."""
    real_run, args = _kernel_call(monkeypatch)
    arrival, ints, table, *rest = args
    with pytest.raises(TypeError, match="float64"):
        real_run(np.asarray(arrival, dtype=np.float32), ints, table, *rest)
    with pytest.raises(TypeError, match="int64"):
        real_run(arrival, ints, np.asarray(table, dtype=np.int32), *rest)
    real_run(*args)  # the same arguments as they were: accepted


@pytest.mark.parametrize("command", [["analyse"], ["check"], ["advise"]])
def test_an_unknown_kernel_setting_is_a_message_not_a_traceback(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KERNEL_ENV, "fortran")
    result = invoke_cli(*command, str(BUNDLED[0]), "--lang", "en")
    assert result.exit_code == 2
    assert "PROCESMAP_SIMULATION_KERNEL=fortran is not a simulation loop" in result.output
    assert "use compiled, python or auto" in result.output


def test_compiled_where_it_cannot_run_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.analysis import _simkernel

    monkeypatch.setattr(_simkernel, "SOURCE_SHA256", "0" * 64)  # built from another source
    monkeypatch.setattr(simulation, "_KERNEL_PROBLEM", [])
    monkeypatch.setenv(KERNEL_ENV, "compiled")
    result = invoke_cli("analyse", str(BUNDLED[0]), "--lang", "nl")
    assert result.exit_code == 2
    assert "de gecompileerde simulatielus" in result.output and "is gebouwd uit een andere versie" in result.output
    assert "pip install -e . bouwt hem" in result.output


@pytest.mark.parametrize("value", ["python", "compiled", "auto", "Python", " compiled ", ""])
def test_the_kernel_settings_that_run(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KERNEL_ENV, value)
    simulation.check_kernel_setting()  # no error
    assert (simulation.compiled_kernel() is None) == (value.strip().lower() == "python")


def test_the_compiled_loop_refuses_outputs_too_short_for_the_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loop writes one figure a measured case into each output: a shorter one is refused before it runs."""
    real_run, args = _kernel_call(monkeypatch)
    *head, outputs = args
    cycle, term, decided_at, decided_where, busy = outputs  # type: ignore[misc]
    for short in range(4):
        cut = [cycle, term, decided_at, decided_where]
        cut[short] = cut[short][:-1]
        with pytest.raises(ValueError, match="inconsistent sizes"):
            real_run(*head, (*cut, busy))

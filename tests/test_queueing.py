"""Queueing (docs/queueing.md): the simulation against Erlang C and against Ciw, an independent simulator;
the analytic formulas against textbook values; the split of declared waits; what-if with common random numbers.

Confidence intervals are batch means (20 batches of consecutive jobs, after the simulation's warm-up):
a figure agrees when the difference is within 3 standard errors (of both sides, for Ciw).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import procesmap
from procesmap.analysis import Settings, simcache
from procesmap.analysis.queueing import _plan, analytic_queueing, erlang_c, mgc_queue, role_demands
from procesmap.analysis.simulation import simulate_network
from procesmap.errors import LoadError
from procesmap.graph import build_graph
from procesmap.whatif import apply_overrides

from .conftest import need

YEAR_HOURS = 8760.0
ALWAYS_OPEN = "{hours_per_day: 24, days_per_week: 7, weeks_per_year: 52.142857142857146}"  # 365/7 weeks: pace 1


def _load(text: str) -> procesmap.Process:
    return procesmap.loads(text, "queue.yaml")


def _run(process: procesmap.Process, cases: int, seed: int = 0):  # type: ignore[no-untyped-def]
    """One pass of the simulation, every role with a queue, the declared waits before the queues."""
    pg = build_graph(process)
    volume = process.volume.per_year(process.calendar.calendar())
    demands = role_demands(process, pg.visits, volume)
    plan, roles = _plan(pg, demands, set(demands), volume, None, None)
    result = simulate_network(plan, cases, seed)
    ids = {s.id: i for i, s in enumerate(plan.steps)}
    return result, ids, roles


def batch_means(values: np.ndarray, batches: int = 20) -> tuple[float, float]:
    """Mean and standard error by batch means."""
    parts = np.array_split(np.asarray(values, dtype=float), batches)
    means = np.array([p.mean() for p in parts])
    return float(means.mean()), float(means.std(ddof=1) / math.sqrt(batches))


def _mmc(servers: int, rho: float) -> procesmap.Process:
    per_year = rho * servers * YEAR_HOURS  # work 1 hour: lambda = rho x c per hour
    return _load(f"""\
procesmap: 1
id: mmc
owner: r
volume: {per_year:.6f}/year
calendar: {ALWAYS_OPEN}
roles:
  r: {{people: {servers}}}
steps:
  - {{id: s, type: start, next: a}}
  - {{id: a, role: r, work: {{mean: 1h, cv: 1}}, next: e}}
  - {{id: e, type: end}}
""")


# -- analytic formulas -------------------------------------------------------------------------------


def test_erlang_c_textbook_values() -> None:
    assert erlang_c(1, 0.7) == pytest.approx(0.7)  # M/M/1: the probability of waiting is rho
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)  # a = 1, c = 2: (1/2 x 2/1) / (1 + 1 + 1) = 1/3
    # c = 5, a = 4: by the sum formula
    a, c = 4.0, 5
    top = a**c / math.factorial(c) * c / (c - a)
    assert erlang_c(c, a) == pytest.approx(top / (sum(a**k / math.factorial(k) for k in range(c)) + top))
    assert erlang_c(3, 3.0) == 1.0


def test_pollaczek_khinchine_for_one_server() -> None:
    # M/D/1: Wq = rho / (2 mu (1 - rho)); M/M/1: rho / (mu (1 - rho))
    assert mgc_queue(0.8, 1.0, 0.0, 1).wait == pytest.approx(0.8 / (2 * 0.2))
    assert mgc_queue(0.8, 1.0, 1.0, 1).wait == pytest.approx(0.8 / 0.2)
    assert not mgc_queue(1.2, 1.0, 1.0, 1).stable


def test_analytic_role_queue_on_a_working_week() -> None:
    # one person, 8 x 5 x 46 weeks: pace 46 / (365/7); work fixed 2 h; 400 jobs a year
    process = _load("""\
procesmap: 1
id: w
owner: r
volume: 400/year
roles:
  r: {people: 1}
steps:
  - {id: s, type: start, next: a}
  - {id: a, role: r, work: 2h, next: e}
  - {id: e, type: end}
""")
    estimate = analytic_queueing(process)["r"]
    pace = 46 / (365 / 7)
    service = 2 / pace  # working hours
    per_working_hour = 400 / (40 * 365 / 7)
    rho = per_working_hour * service
    assert estimate.utilisation == pytest.approx(400 * 2 / (8 * 5 * 46))
    assert rho == pytest.approx(estimate.utilisation)
    wait_working = rho / (1 - rho) * service / 2  # M/D/1
    closed = (4 * 16**2 / 2 + 64**2 / 2) / 168  # nights of 16 h, a weekend of 64 h
    assert estimate.queue_mean == pytest.approx((closed + wait_working * 168 / 40) / 24)


# -- the simulation against Erlang C --------------------------------------------------------------------


@pytest.mark.parametrize("servers", [1, 2, 5])
@pytest.mark.parametrize("rho", [0.5, 0.8, 0.9])
def test_simulation_matches_erlang_c(servers: int, rho: float) -> None:
    cases = 40_000 if rho >= 0.9 else 20_000
    result, ids, _ = _run(_mmc(servers, rho), cases, seed=servers * 10 + int(rho * 10))
    waits = result.step_queue[ids["a"]] * 24.0  # hours
    mean, se = batch_means(waits)
    exact = erlang_c(servers, rho * servers) / (servers - rho * servers)  # Wq with mu = 1 per hour
    assert abs(mean - exact) <= 3 * se + 1e-9, (mean, se, exact)
    # simulated utilisation = demand / capacity, within 3.5 standard errors: the work of `cases` jobs
    # (exponential, relative sd 1/sqrt(cases)) over the time of `cases` arrivals (the same)
    assert result.queue_utilisation[0] == pytest.approx(rho, abs=3.5 * rho * math.sqrt(2 / cases))


# -- the simulation against Ciw ---------------------------------------------------------------------


def _ciw():  # type: ignore[no-untyped-def]
    try:
        import ciw
    except ImportError:
        ciw = None
    need(ciw, "Ciw is not installed (pip install -c constraints.txt -e '.[test]')")
    return ciw


def _ciw_waits(network, hours: float, warmup: float, seed: int) -> dict[int, np.ndarray]:  # type: ignore[no-untyped-def]
    ciw = _ciw()
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(hours)
    records = sorted((r for r in sim.get_all_records() if r.arrival_date > warmup), key=lambda r: r.arrival_date)
    nodes: dict[int, list[float]] = {}
    for r in records:
        nodes.setdefault(r.node, []).append(r.waiting_time)
    return {node: np.asarray(values) for node, values in nodes.items()}


def _agree(ours: np.ndarray, theirs: np.ndarray) -> None:
    m1, s1 = batch_means(ours)
    m2, s2 = batch_means(theirs)
    assert abs(m1 - m2) <= 3 * math.sqrt(s1 * s1 + s2 * s2), (m1, s1, m2, s2)


def test_tandem_line_agrees_with_ciw() -> None:
    ciw = _ciw()
    # lambda 1 per hour; role r: 2 people, 1 h; role s: 1 person, 48 min (utilisation 0.5 and 0.8)
    process = _load(f"""\
procesmap: 1
id: tandem
owner: r
volume: {YEAR_HOURS:.0f}/year
calendar: {ALWAYS_OPEN}
roles:
  r: {{people: 2}}
  s: {{people: 1}}
steps:
  - {{id: begin, type: start, next: a}}
  - {{id: a, role: r, work: {{mean: 1h, cv: 1}}, next: b}}
  - {{id: b, role: s, work: {{mean: 48m, cv: 1}}, next: e}}
  - {{id: e, type: end}}
""")
    result, ids, _ = _run(process, 20_000, seed=3)
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(1.0), None],
        service_distributions=[ciw.dists.Exponential(1.0), ciw.dists.Exponential(1 / 0.8)],
        routing=[[0.0, 1.0], [0.0, 0.0]],
        number_of_servers=[2, 1],
    )
    theirs = _ciw_waits(network, 21_000.0, 1_000.0, seed=7)
    _agree(result.step_queue[ids["a"]] * 24, theirs[1])
    _agree(result.step_queue[ids["b"]] * 24, theirs[2])


def test_two_steps_sharing_one_role_agree_with_ciw() -> None:
    ciw = _ciw()
    # a case visits role r twice (a, then c after s's step b): one FIFO queue at r for both steps
    process = _load(f"""\
procesmap: 1
id: shared
owner: r
volume: {0.8 * YEAR_HOURS:.0f}/year
calendar: {ALWAYS_OPEN}
roles:
  r: {{people: 2}}
  s: {{people: 1}}
steps:
  - {{id: begin, type: start, next: a}}
  - {{id: a, role: r, work: {{mean: 1h, cv: 1}}, next: b}}
  - {{id: b, role: s, work: {{mean: 48m, cv: 1}}, next: c}}
  - {{id: c, role: r, work: {{mean: 30m, cv: 1}}, next: e}}
  - {{id: e, type: end}}
""")
    result, ids, roles = _run(process, 20_000, seed=4)
    same = {"A": {"A": 1.0, "B": 0.0}, "B": {"A": 0.0, "B": 1.0}}
    network = ciw.create_network(
        arrival_distributions={"A": [ciw.dists.Exponential(0.8), None], "B": [None, None]},
        service_distributions={
            "A": [ciw.dists.Exponential(1.0), ciw.dists.Exponential(1 / 0.8)],
            "B": [ciw.dists.Exponential(2.0), ciw.dists.Exponential(1.0)],
        },
        routing={"A": [[0.0, 1.0], [0.0, 0.0]], "B": [[0.0, 0.0], [1.0, 0.0]]},
        class_change_matrices=[same, {"A": {"A": 0.0, "B": 1.0}, "B": {"A": 0.0, "B": 1.0}}],
        number_of_servers=[2, 1],
    )
    theirs = _ciw_waits(network, 26_000.0, 1_000.0, seed=8)
    ours_r = np.concatenate([result.step_queue[ids["a"]], result.step_queue[ids["c"]]]) * 24
    _agree(ours_r, theirs[1])
    _agree(result.step_queue[ids["b"]] * 24, theirs[2])
    # utilisation of r: 0.8 x (1 h + 0.5 h) / 2 people
    assert result.queue_utilisation[roles.index("r")] == pytest.approx(0.6, abs=3.5 * 0.6 * math.sqrt(2 / 20_000))


# -- the split of declared waits, scenarios, stability ----------------------------------------------------

SPLIT = """\
procesmap: 1
id: split
owner: r
volume: 1500/year
term: 20d
roles:
  r: {people: 3}
  x: {external: true}
steps:
  - {id: begin, type: start, next: a}
  - {id: a, role: r, wait: 3d, work: {mean: 1h, cv: 1}, next: b}
  - {id: b, role: x, wait: 4d, next: c}
  - {id: c, role: r, work: {mean: 30m, cv: 0.5}, next: e}
  - {id: e, type: end}
"""


def test_declared_wait_is_split_and_a_scenario_keeps_the_other_wait() -> None:
    process = _load(SPLIT)
    base = procesmap.analyse(process, Settings(cases=3000))
    a = base.queueing.steps["a"]
    assert base.queueing.model == "simulation" and base.queueing.stable
    assert a.declared_wait == 3.0
    assert a.other_wait is not None and a.queue_mean is not None
    assert a.other_wait == pytest.approx(3.0 - a.queue_mean, abs=0.15)  # declared = explained + other
    assert base.queueing.steps["c"].other_wait == 0.0  # no declared wait: only the queue
    assert "b" not in base.queueing.steps  # an external role has no queue
    one = procesmap.analyse(apply_overrides(process, ["roles.r.people=2"]), Settings(cases=3000))
    assert one.queueing.steps["a"].other_wait == a.other_wait  # kept from the map the scenario came from
    assert one.queueing.steps["a"].queue_mean > a.queue_mean
    assert one.time.cycle_time["p85"] > base.time.cycle_time["p85"]
    slower = procesmap.analyse(apply_overrides(process, ["steps.c.work=2h"]), Settings(cases=3000))
    assert slower.queueing.roles["r"].utilisation > base.queueing.roles["r"].utilisation
    assert slower.queueing.steps["a"].queue_mean > a.queue_mean
    more = procesmap.analyse(apply_overrides(process, ["volume=2500/year"]), Settings(cases=3000))
    assert more.queueing.roles["r"].queue_mean > base.queueing.roles["r"].queue_mean


def test_an_irrelevant_change_gives_identical_figures() -> None:
    process = _load(SPLIT)
    base = procesmap.analyse(process, Settings(cases=2000)).to_dict("en")
    renamed = procesmap.analyse(
        apply_overrides(process, ["roles.r.name=Behandelaar", "steps.b.name=Elders"]), Settings(cases=2000)
    ).to_dict("en")
    assert renamed["time"] == base["time"]
    assert renamed["queueing"] == base["queueing"]
    # another role's capacity changes nothing of r's steps' draws: only the figures it should
    other = procesmap.analyse(apply_overrides(process, ["roles.x.name=Adviseur"]), Settings(cases=2000)).to_dict("en")
    assert other["time"] == base["time"]


def test_utilisation_above_one_has_no_finite_queue() -> None:
    process = _load(SPLIT.replace("r: {people: 3}", "r: {people: 1, fte: 0.5}"))
    analysis = procesmap.analyse(process, Settings(cases=1000))
    role = analysis.queueing.roles["r"]
    # demand 1500 x 1.5 h = 2250 h against 0.5 x 8 x 5 x 46 = 920 h
    rho = 2250 / 920
    assert role.utilisation == pytest.approx(rho)
    assert not role.stable and not analysis.queueing.stable
    assert role.queue_mean is None and role.analytic_queue_mean is None
    assert role.backlog_per_month == pytest.approx(3000 * (1 - 1 / rho) / 12)  # jobs a year: 2 visits per case
    assert analysis.queueing.steps["a"].queue_mean is None
    assert any("no steady state" in m.text("en") for m in analysis.missing)
    data = analysis.to_dict("en")["queueing"]
    assert data["stable"] is False and data["roles"]["r"]["queue_mean"] is None


def test_extends_term_is_judged_as_in_the_monte_carlo() -> None:
    # ample capacity around the clock: the queues are negligible, so both engines see the same process
    text = f"""\
procesmap: 1
id: verdaging
owner: r
volume: 2000/year
term: 8w
term_extension: 6w
calendar: {ALWAYS_OPEN}
roles:
  r: {{people: 40}}
steps:
  - {{id: begin, type: start, next: toets}}
  - id: toets
    role: r
    wait: {{min: 10d, mode: 30d, max: 60d}}
    work: 1m
    next: [{{to: verdagen, p: 0.5}}, {{to: besluit, p: 0.5}}]
  - {{id: verdagen, role: r, work: 1m, extends_term: true, next: besluit}}
  - {{id: besluit, role: r, wait: {{min: 5d, mode: 20d, max: 50d}}, work: 1m, next: e}}
  - {{id: e, type: end}}
"""
    process = _load(text)
    queued = procesmap.analyse(process, Settings(cases=8000)).time
    declared = procesmap.analyse(process, Settings(cases=8000, queueing=False)).time
    assert queued.share_deferred is not None and declared.share_deferred is not None
    for name in ("share_over_term", "share_over_extended_term", "share_deferred", "share_deferred_after_term"):
        assert getattr(queued, name) == pytest.approx(getattr(declared, name), abs=0.025), name


# -- {mean, cv} --------------------------------------------------------------------------------------


def test_gamma_duration_is_read_checked_and_kept() -> None:
    process = _load(SPLIT.replace("work: {mean: 30m, cv: 0.5}", "work: {mean: 30m, cv: 0}"))
    assert process.step("c").work.cv == 0.0
    with pytest.raises(LoadError) as caught:
        _load(SPLIT.replace("cv: 0.5", "cv: -1"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (13, 44)  # the -1 after `cv: ` on the line of step c
    assert "coefficient of variation" in problem.message("en") and "mean: 3h, cv: 1" in problem.hint("en")
    with pytest.raises(LoadError) as caught:
        _load(SPLIT.replace("{mean: 30m, cv: 0.5}", "{mean: 30m}"))
    assert "`cv`" in caught.value.problems[0].message("en")
    schema = procesmap.model.json_schema()
    assert "mean" in str(schema) and "cv" in str(schema)


def test_a_role_shared_by_two_maps_has_one_queue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from procesmap.api import analyse_paths

    text = """\
procesmap: 1
id: {id}
owner: r
volume: {volume}/year
roles:
  r: {{people: 2}}
steps:
  - {{id: s, type: start, next: t}}
  - {{id: t, role: r, wait: 2d, work: {{mean: 1h, cv: 1}}, next: e}}
  - {{id: e, type: end}}
"""
    (tmp_path / "a.yaml").write_text(text.format(id="a", volume=2000), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.format(id="b", volume=1000), encoding="utf-8")
    together, problems = analyse_paths([tmp_path], Settings(cases=3000))
    assert not problems
    alone = procesmap.analyse(procesmap.load(tmp_path / "a.yaml"), Settings(cases=3000))
    # one queue for both: (2,000 + 1,000) jobs x 1 h against 2 people x 8 x 5 x 46 h
    for analysis in together:
        assert analysis.queueing.roles["r"].utilisation == pytest.approx(3000 / 3680)
        assert analysis.queueing.roles["r"].simulated_utilisation == pytest.approx(3000 / 3680, abs=0.03)
    assert alone.queueing.roles["r"].utilisation == pytest.approx(2000 / 3680)
    a = next(x for x in together if x.process.id == "a")
    assert a.queueing.roles["r"].queue_mean > alone.queueing.roles["r"].queue_mean


def test_other_processes_work_is_poisson_and_joins_the_queue_in_time_order() -> None:
    """Background work at a shared role (two other processes' steps) with the map's own cases: one M/M/2 queue
    at the summed rate, so Erlang C, whatever the split of the load (independent streams, not one stream
    copied per load)."""
    from procesmap.analysis.queueing import ExtraLoad
    from procesmap.analysis.sampling import Spec

    process = _mmc(2, 0.2)  # own cases: 0.4 jobs per hour of 1 h on 2 people
    exponential = Spec("gamma", (1.0, 1.0))
    extra = {"r": [ExtraLoad("b", 0.6 * YEAR_HOURS, exponential), ExtraLoad("c", 0.6 * YEAR_HOURS, exponential)]}
    pg = build_graph(process)
    volume = process.volume.per_year(process.calendar.calendar())
    demands = role_demands(process, pg.visits, volume, extra)
    assert demands["r"].utilisation == pytest.approx(0.8)
    plan, _ = _plan(pg, demands, set(demands), volume, None, extra)
    result = simulate_network(plan, 20_000, seed=5)
    mean, se = batch_means(result.step_queue[1] * 24.0)
    exact = erlang_c(2, 1.6) / (2 - 1.6)  # Wq in hours, mu = 1 per hour
    assert abs(mean - exact) <= 3 * se, (mean, se, exact)
    assert result.queue_utilisation[0] == pytest.approx(0.8, abs=0.02)


def test_working_time_of_many_moments_is_the_working_time_of_each() -> None:
    from procesmap.analysis.worktime import WorkClock
    from procesmap.durations import Calendar

    moments = np.concatenate([np.random.default_rng(1).random(20_000) * 3000.0, np.arange(0.0, 400.0, 0.25)])
    for calendar in (Calendar(), Calendar(7.5, 4.5, 46), Calendar(20, 5, 46), Calendar(24, 7, 52)):
        clock = WorkClock.of(calendar)
        assert clock.worked_array(moments).tolist() == [clock.worked(t) for t in moments]


def test_a_map_too_big_for_the_work_bound_is_simulated_with_fewer_cases(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from procesmap.analysis import queueing

    process = _load(SPLIT)
    visits = sum(build_graph(process).visits.values())  # 5 step visits per case
    monkeypatch.setattr(queueing, "MAX_QUEUE_WORK", 2_500 * visits)  # 2,500 cases with warm-up and cool-down
    # below 1,000 cases the warm-up and the cool-down are as many as the cases: 833 x 3 = 2,499 <= 2,500 < 834 x 3
    assert queueing.queue_cases(10_000, visits) == 833
    assert queueing.queue_cases(800, visits) == 800
    analysis = procesmap.analyse(process, Settings(cases=10_000))
    assert analysis.queueing.model == "simulation"
    assert analysis.queueing.cases == analysis.time.cases == 833
    reduced = [m for m in analysis.missing if m.key == "missing.queue_cases_reduced"]
    assert len(reduced) == 1 and int(reduced[0].args["simulated"]) == 833
    report = analysis.to_dict("en")
    assert report["queueing"]["cases"] == report["time"]["simulation"]["cases"] == 833
    monkeypatch.setattr(queueing, "MAX_QUEUE_WORK", 800 * visits)  # fewer than MIN_QUEUE_CASES (300) fit: analytic
    assert queueing.queue_cases(10_000, visits) == 0
    analytic = procesmap.analyse(process, Settings(cases=10_000))
    assert analytic.queueing.model == "analytic"
    assert any(m.key == "missing.queue_too_costly" for m in analytic.missing)


def test_maps_simulated_side_by_side_give_the_figures_of_one_after_the_other(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json
    import os
    import sys
    import threading

    from procesmap.analysis import queueing
    from procesmap.api import analyse_paths

    text = """\
procesmap: 1
id: {id}
owner: r
volume: {volume}/year
roles:
  r: {{people: 2}}
  s: {{people: 1}}
steps:
  - {{id: begin, type: start, next: t}}
  - {{id: t, role: r, wait: 2d, work: {{mean: 1h, cv: 1}}, next: u}}
  - {{id: u, role: s, wait: 1d, work: 30m, next: e}}
  - {{id: e, type: end}}
"""
    for name, volume in (("a", 1500), ("b", 900), ("c", 400)):
        (tmp_path / f"{name}.yaml").write_text(text.format(id=name, volume=volume), encoding="utf-8")
    done = []
    original = queueing.prefetch_queueing

    def spy(jobs):  # type: ignore[no-untyped-def]
        done.append(original(jobs))
        return done[-1]

    monkeypatch.setattr(queueing, "prefetch_queueing", spy)
    monkeypatch.setattr(queueing, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", "")  # every run simulated
    side_by_side, _ = analyse_paths([tmp_path], Settings(cases=2000))
    forks = (os.cpu_count() or 1) >= 2 and sys.platform.startswith("linux") and threading.active_count() == 1
    assert done == [3 if forks else 0]
    monkeypatch.setattr(queueing, "PARALLEL_MIN_WORK", 10**15)
    one_by_one, _ = analyse_paths([tmp_path], Settings(cases=2000))
    assert done[-1] == 0

    def report(analysis) -> str:  # type: ignore[no-untyped-def]
        return json.dumps(analysis.to_dict("en"), sort_keys=True, default=str)

    assert [report(a) for a in side_by_side] == [report(a) for a in one_by_one]
    assert side_by_side[0].queueing.model == "simulation" and side_by_side[0].queueing.roles["r"].queue_mean > 0
    assert not any(key[0] == "prefetched" for a in side_by_side for key in a.process._queue_cache)  # taken once
    # with the simulation cache: the first folder run simulates (side by side), the second reads every run back
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(queueing, "PARALLEL_MIN_WORK", 0)
    filled, _ = analyse_paths([tmp_path], Settings(cases=2000))
    assert list((tmp_path / "cache" / "simulation").glob("*" + simcache.SUFFIX))
    again, _ = analyse_paths([tmp_path], Settings(cases=2000))
    if forks:
        assert done[-1] == 3  # all three from the cache, no worker started
    assert [report(a) for a in filled] == [report(a) for a in again] == [report(a) for a in one_by_one]

"""Queueing: how much of each declared wait the roles' capacity explains, analytically and simulated.

Each internal role with ``people`` is a pool of ``people`` servers (docs/queueing.md). Two
computations, both from the same inputs (:func:`role_demands`):

- :func:`analytic_queueing`: per role an M/G/c approximation, instant, for screening (``advise``):
  Erlang C for the probability of waiting and the mean wait with exponential times, scaled by
  (1 + cs^2) / 2 for other service times (Allen-Cunneen with Poisson arrivals, ca^2 = 1). It treats
  arrivals as Poisson in *working* time and adds the mean time to the next opening; weak where the
  night's arrivals meet the morning as a batch (short working days, utilisation above ~0.8), and for
  service times far from exponential with many servers.
- :func:`compute_queueing`: the discrete-event simulation of :mod:`procesmap.analysis.simulation`,
  the figure the report trusts.

The declared ``wait`` of a step of a role with a queue is split into the queueing that capacity
explains (simulated, the mean per visit) and ``other_wait`` = declared - explained, never below 0.
A scenario (``--set``) keeps the ``other_wait`` of the map it started from and recomputes the
queueing. A role with utilisation >= 1 has no steady state: no queue is computed for it (its steps
keep their declared waits in the time figures) and its backlog grows by ``backlog_per_month``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from procesmap.analysis.sampling import Spec, effort_spec, elapsed_spec
from procesmap.analysis.worktime import WEEKS_PER_YEAR, WorkClock, availability
from procesmap.graph import build_graph, strongly_connected_components
from procesmap.findings import Missing
from procesmap.durations import mean_elapsed_days
import os
import threading
import sys
import multiprocessing

if TYPE_CHECKING:
    from procesmap.findings import Missing
    from procesmap.analysis.simulation import NetworkPlan, SimulationResult
    from procesmap.graph import ProcessGraph
    from procesmap.model import Process

__all__ = [
    "QueueEstimate",
    "RoleDemand",
    "RoleEstimate",
    "StepQueue",
    "RoleQueue",
    "QueueingFigures",
    "erlang_c",
    "mgc_queue",
    "role_demands",
    "analytic_queue",
    "analytic_queueing",
    "compute_queueing",
    "ExtraLoad",
    "queue_cases",
    "MAX_QUEUE_WORK",
    "MIN_QUEUE_CASES",
    "MAX_QUEUE_DRAWS",
    "prefetch_queueing",
]

HOURS_PER_YEAR = 365.0 * 24.0
#: The most step visits one pass of the queueing simulation draws (warm-up and cool-down included), checked
#: before it starts, as the engine-independent bound of :mod:`procesmap.analysis.limits`: about 2 s per pass
#: on the machine of benchmarks/bench_analyse.py (two passes: the split of the declared waits, then the
#: figures). A map whose ``cases`` would draw more is simulated with as many cases as fit (never fewer than
#: :data:`MIN_QUEUE_CASES`), and the report says so; when not even those fit, the queues are only computed
#: analytically and the time figures keep the declared waits (with a ``missing`` entry saying so).
MAX_QUEUE_WORK = 2_000_000
#: The fewest cases a queueing simulation cut to :data:`MAX_QUEUE_WORK` runs with.
MIN_QUEUE_CASES = 300
#: The most values one pass draws in advance (issue #19): every step draws its times (wait, work, route) for
#: every case, visited or not, so a decision of 10,000 branches drew 240 million values (5.5 GB, 109 s) while
#: its cases visited only 4 steps each. Counted as :data:`DRAWS_PER_STEP` values per step and case.
MAX_QUEUE_DRAWS = 20_000_000
DRAWS_PER_STEP = 3


def queue_cases(cases: int, visits_per_case: float, steps: int = 0) -> int:
    """The cases the queueing simulation runs: ``cases``, or the most that fit :data:`MAX_QUEUE_WORK` step visits
    and :data:`MAX_QUEUE_DRAWS` values drawn (``steps`` x :data:`DRAWS_PER_STEP` a case) per pass with their
    warm-up and cool-down (:func:`~procesmap.analysis.simulation.extra_cases`); 0 when fewer than
    :data:`MIN_QUEUE_CASES` (and fewer than ``cases``) fit."""
    from procesmap.analysis.simulation import (  # lazy: the queue simulation loads only when queues are simulated
        extra_cases,
    )

    per_case = max(visits_per_case, 1.0)
    draws = steps * DRAWS_PER_STEP

    def fits(n: int) -> bool:
        total = n + 2 * extra_cases(n)
        return total * per_case <= MAX_QUEUE_WORK and total * draws <= MAX_QUEUE_DRAWS

    if cases <= 0 or fits(cases):
        return max(cases, 0)
    low, high = 0, cases  # fits(low), not fits(high): the work grows with the cases
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low if low >= MIN_QUEUE_CASES else 0


@dataclass(frozen=True)
class QueueEstimate:
    """An M/G/c queue in steady state, in the time unit of its inputs."""

    utilisation: float
    stable: bool
    wait_probability: float | None
    wait: float | None  # mean time in the queue; None without steady state


def erlang_c(servers: int, offered: float) -> float:
    """Probability that an arrival waits in M/M/c with ``servers`` and offered load ``offered`` (= lambda/mu).

    Through the Erlang B recursion (no factorials, stable for thousands of servers). 1.0 when
    ``offered >= servers``.
    """
    if servers < 1:
        raise ValueError("servers must be at least 1")
    if offered <= 0:
        return 0.0
    if offered >= servers:
        return 1.0
    b = 1.0
    for k in range(1, servers + 1):
        b = offered * b / (k + offered * b)
    rho = offered / servers
    return b / (1.0 - rho * (1.0 - b))


def mgc_queue(arrival_rate: float, service_mean: float, service_scv: float, servers: int) -> QueueEstimate:
    """Mean wait in an M/G/c FIFO queue: Erlang C (exact for exponential service, ``service_scv`` 1),
    times (1 + scv) / 2 otherwise (Allen-Cunneen; exact for c = 1, the Pollaczek-Khinchine formula)."""
    offered = arrival_rate * service_mean
    rho = offered / servers
    if rho >= 1.0:
        return QueueEstimate(rho, False, None, None)
    if offered <= 0:
        return QueueEstimate(rho, True, 0.0, 0.0)
    pw = erlang_c(servers, offered)
    wait = pw * service_mean / (servers * (1.0 - rho)) * (1.0 + service_scv) / 2.0
    return QueueEstimate(rho, True, pw, wait)


@dataclass(frozen=True)
class ExtraLoad:
    """Work a role gets from another process analysed with this one: jobs per year and their effort (hours)."""

    process: str
    jobs_per_year: float
    work: Spec


@dataclass(frozen=True)
class RoleDemand:
    """What a role's queue is fed with, per year, and what serves it."""

    role: str
    servers: int
    fte: float
    pace: float  # hours of work per working hour of one person: fte / people x weeks_per_year / (365/7)
    jobs_per_year: float  # visits that need this role's work (this process and others analysed with it)
    work_mean: float  # effort hours per job
    work_second: float  # E[work^2]
    capacity_hours: float  # fte x hours_per_day x days_per_week x weeks_per_year
    steps: tuple[str, ...]

    @property
    def utilisation(self) -> float:
        return self.jobs_per_year * self.work_mean / self.capacity_hours if self.capacity_hours else math.inf

    @property
    def scv(self) -> float:
        """Squared coefficient of variation of the effort per job (the mixture over the role's steps)."""
        if self.work_mean <= 0:
            return 0.0
        return max(self.work_second / (self.work_mean**2) - 1.0, 0.0)


@dataclass(frozen=True)
class RoleEstimate:
    """The analytic figures of one role's queue; days are elapsed days."""

    role: str
    utilisation: float
    stable: bool
    wait_probability: float | None
    queue_mean: float | None  # days; None without steady state
    backlog_per_month: float | None  # jobs per month the backlog grows by; None when stable


def _doer(step: Any) -> str | None:
    doer: str | None = step.role or step.raci.R
    return doer


def role_demands(
    process: "Process",
    visits: Mapping[str, float],
    volume_per_year: float,
    extra: Mapping[str, list[ExtraLoad]] | None = None,
) -> dict[str, RoleDemand]:
    """Every role that gets a queue: internal, with ``people``, doing ``work`` on a step that cases visit."""
    calendar = process.calendar.calendar()
    parts: dict[str, list[tuple[float, Spec, str]]] = {}
    for step in process.steps:
        role_id = _doer(step)
        role = process.roles.get(role_id or "")
        if role is None or role.external or role.people is None or step.work is None:
            continue
        spec = effort_spec(step.work, calendar)
        jobs = volume_per_year * visits.get(step.id, 0.0)
        if spec.mean <= 0 or jobs <= 0:
            continue
        parts.setdefault(role_id, []).append((jobs, spec, step.id))  # type: ignore[arg-type]
    for role_id, loads in (extra or {}).items():
        if role_id in parts:
            parts[role_id].extend((load.jobs_per_year, load.work, "") for load in loads if load.jobs_per_year > 0)
    demands = {}
    for role_id, items in parts.items():
        role = process.roles[role_id]
        people = role.people
        assert people is not None, "the loop above keeps only roles with people"
        fte = role.fte if role.fte is not None else float(people)
        jobs = sum(j for j, _, _ in items)
        mean = sum(j * s.mean for j, s, _ in items) / jobs
        second = sum(j * s.second_moment for j, s, _ in items) / jobs
        capacity = fte * calendar.hours_per_day * calendar.days_per_week * calendar.weeks_per_year
        pace = fte / people * availability(calendar)
        demands[role_id] = RoleDemand(
            role_id,
            int(people),
            fte,
            pace,
            jobs,
            mean,
            second,
            capacity,
            tuple(sid for _, _, sid in items if sid),
        )
    return demands


def analytic_queue(demand: RoleDemand, clock: WorkClock) -> RoleEstimate:
    """One role's queue by formula (module docstring): arrivals per working hour, service in working hours
    at the role's pace, the wait turned into elapsed days with the week's layout."""
    per_working_hour = demand.jobs_per_year / (clock.per_week * WEEKS_PER_YEAR)
    service = demand.work_mean / demand.pace
    estimate = mgc_queue(per_working_hour, service, demand.scv, demand.servers)
    utilisation = demand.utilisation
    if not estimate.stable or utilisation >= 1.0:
        backlog = demand.jobs_per_year * (1.0 - 1.0 / utilisation) / 12.0 if utilisation > 0 else 0.0
        return RoleEstimate(demand.role, utilisation, False, None, None, backlog)
    elapsed_hours = clock.closed_delay_hours() + (estimate.wait or 0.0) * 168.0 / clock.per_week
    return RoleEstimate(demand.role, utilisation, True, estimate.wait_probability, elapsed_hours / 24.0, None)


def analytic_queueing(
    process: "Process",
    visits: Mapping[str, float] | None = None,
    volume_per_year: float | None = None,
    extra: Mapping[str, list[ExtraLoad]] | None = None,
) -> dict[str, RoleEstimate]:
    """The analytic queue of every role with a queue (instant; for screening what-if scenarios).

    ``visits`` and ``volume_per_year`` default to the process's own (solved visits, ``volume``);
    without them there is no queue and the result is empty. ``extra`` adds other processes' work at
    shared roles.
    """
    if visits is None:
        visits = build_graph(process).visits
    if volume_per_year is None and process.volume is not None:
        volume_per_year = process.volume.per_year(process.calendar.calendar())
    if visits is None or not volume_per_year:
        return {}
    clock = WorkClock.of(process.calendar.calendar())
    return {role: analytic_queue(d, clock) for role, d in role_demands(process, visits, volume_per_year, extra).items()}


# -- the simulated figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepQueue:
    """One step of a role with a queue; days per visit."""

    role: str
    declared_wait: float  # mean of the declared wait (0 when none)
    queue_mean: float | None  # simulated queueing capacity explains; None without steady state
    queue_p85: float | None
    other_wait: float | None  # declared - explained (kept from the map a scenario started from)
    analytic_queue_mean: float | None

    @property
    def explained(self) -> bool | None:
        """Does capacity explain the declared wait (at least half of it)? None when there is nothing to say."""
        if self.queue_mean is None or self.declared_wait <= 0:
            return None
        return self.queue_mean >= 0.5 * self.declared_wait


@dataclass(frozen=True)
class RoleQueue:
    servers: int
    utilisation: float  # demand / capacity
    simulated_utilisation: float | None
    queue_mean: float | None  # days per job; None without steady state or simulation
    queue_p85: float | None
    analytic_queue_mean: float | None
    backlog_per_month: float | None  # None when stable
    stable: bool
    steps: tuple[str, ...] = ()


@dataclass
class QueueingFigures:
    model: str = "none"  # "simulation" | "analytic" | "none"
    cases: int = 0
    seed: int = 0
    stable: bool = True
    steps: dict[str, StepQueue] = field(default_factory=dict)
    roles: dict[str, RoleQueue] = field(default_factory=dict)


@dataclass
class QueueRun:
    """What the time figures need from the simulation."""

    result: "SimulationResult"
    wait_per_visit: dict[str, float]  # days: other wait + queue (queue steps) or declared wait (others)


def _plan(
    pg: "ProcessGraph",
    demands: Mapping[str, RoleDemand],
    queued: set[str],
    volume_per_year: float,
    other_factor: Mapping[str, float] | None,
    extra: Mapping[str, list[ExtraLoad]] | None,
) -> tuple[NetworkPlan, list[str]]:
    from procesmap.analysis.simulation import (  # lazy: the queue simulation loads only when queues are simulated
        Background,
        NetworkPlan,
        QueuePlan,
        StepPlan,
    )

    process = pg.process
    calendar = process.calendar.calendar()
    clock = WorkClock.of(calendar)
    ids = [s.id for s in process.steps]
    index = {sid: i for i, sid in enumerate(ids)}
    roles = sorted(queued)
    queue_index = {r: k for k, r in enumerate(roles)}
    queues = [QueuePlan(r, demands[r].servers, demands[r].pace) for r in roles]
    looped: set[str] = set()
    for component in strongly_connected_components(pg.succ):
        if len(component) > 1:
            looped |= component
        else:
            node = next(iter(component))
            if node in pg.succ.get(node, {}):
                looped.add(node)
    hours = 1.0 / 24.0
    plans = []
    for step in process.steps:
        out = pg.outgoing(step.id)
        plan = StepPlan(
            step.id,
            [index[t.target] for t in out],
            [t.p for t in out],
            parallel=step.type == "parallel",
            suspends=step.suspends_term,
            extends=step.extends_term,
            looped=step.id in looped,
        )
        if plan.parallel and step.id in pg.join_of:
            plan.join = index[pg.join_of[step.id]]
        role_id = _doer(step)
        work = effort_spec(step.work, calendar)
        plan.work_elapsed = work
        plan.lead = elapsed_spec(step.lead, hours) if step.lead is not None else None
        wait = elapsed_spec(step.wait, hours)
        if role_id in queue_index and work.mean > 0:
            plan.queue = queue_index[role_id]
            plan.work = work
            if other_factor is not None:  # None: the whole declared wait before the queue (the first pass)
                wait = wait.scaled(other_factor.get(step.id, 0.0))
        plan.wait = wait
        plans.append(plan)
    for parallel, join in pg.join_of.items():
        plans[index[join]].join_need = len(process.step(parallel).next)
    background = []
    for role, loads in (extra or {}).items():
        if role not in queue_index:
            continue
        for load in loads:
            if load.jobs_per_year > 0:
                background.append(Background(queue_index[role], load.jobs_per_year / HOURS_PER_YEAR, load.work))
    return NetworkPlan(plans, index[pg.start], queues, clock, volume_per_year / HOURS_PER_YEAR, background), roles


def _explained(
    pg: "ProcessGraph",
    demands: Mapping[str, RoleDemand],
    queued: set[str],
    volume: float,
    cases: int,
    seed: int,
    extra: Mapping[str, list[ExtraLoad]] | None,
) -> dict[str, float]:
    """Per step: the queueing capacity explains (days per visit), simulated with the declared waits before the queues.

    Why with the declared waits: the queue a case meets depends on when it arrives (a case that
    arrives at night waits for the morning); the declared waits spread arrivals over the day as
    they really are, so this pass meets the queues the map's cases meet.
    """
    from procesmap.analysis.simcache import (  # lazy: the queue simulation loads only when queues are simulated
        simulate_cached,
    )

    plan, _ = _plan(pg, demands, queued, volume, None, extra)
    result = simulate_cached(plan, cases, seed)
    explained = {}
    for i, values in result.step_queue.items():
        explained[plan.steps[i].id] = float(values.mean()) if len(values) else 0.0
    return explained


def _baseline_explained(
    baseline: "Process",
    cases: int,
    seed: int,
    extra: Mapping[str, list[ExtraLoad]] | None,
    graph: "ProcessGraph | None" = None,
) -> tuple[dict[str, float], set[str]]:
    """The explained queueing of the map a scenario started from (cached on that map), and its unstable roles.

    ``graph`` is the baseline's graph when the caller has it (the map is its own baseline)."""

    key = (id(baseline), cases, seed, _extra_key(extra))
    cache = baseline._queue_cache
    if key in cache and cache[key][0] is baseline:
        cached: tuple[dict[str, float], set[str]] = cache[key][1]
        return cached
    pg = graph if graph is not None and graph.process is baseline else build_graph(baseline)
    volume = baseline.volume.per_year(baseline.calendar.calendar()) if baseline.volume else None
    if pg.visits is None or not volume or pg.unmatched:
        value: tuple[dict[str, float], set[str]] = ({}, set())
    else:
        demands = role_demands(baseline, pg.visits, volume, extra)
        queued = {r for r, d in demands.items() if d.utilisation < 1.0}
        unstable = set(demands) - queued
        explained = _explained(pg, demands, queued, volume, cases, seed, extra) if queued and cases > 0 else {}
        value = (explained, unstable)
    cache[key] = (baseline, value)
    return value


def _extra_key(extra: Mapping[str, list[ExtraLoad]] | None) -> tuple[Any, ...]:
    if not extra:
        return ()
    return tuple(
        sorted(
            (role, tuple((l.process, round(l.jobs_per_year, 9), l.work) for l in loads))
            for role, loads in extra.items()
        )
    )


#: Below this many step visits (all maps together, both passes) the maps are simulated one after the other:
#: starting worker processes costs more than it saves.
PARALLEL_MIN_WORK = 200_000
_JOBS: list[tuple["Process", int, int, Any]] = []  # what the forked workers of prefetch_queueing compute


def _prefetch_key(cases: int, seed: int, extra: Mapping[str, list[ExtraLoad]] | None, baseline: Any) -> tuple[Any, ...]:
    return ("prefetched", cases, seed, _extra_key(extra), id(baseline))


def _queue_job(index: int) -> tuple[QueueingFigures, "QueueRun | None", "list[Missing]"]:
    return _queue_figures(*_JOBS[index])


def _queue_figures(
    process: "Process", cases: int, seed: int, extra: Mapping[str, list[ExtraLoad]] | None
) -> tuple[QueueingFigures, "QueueRun | None", "list[Missing]"]:
    volume = process.volume.per_year(process.calendar.calendar()) if process.volume else None
    missing: list[Missing] = []
    figures, run = compute_queueing(build_graph(process), volume, cases, seed, missing, process.baseline, extra)
    return figures, run, missing


def prefetch_queueing(jobs: "list[tuple[Process, int, int, Mapping[str, list[ExtraLoad]] | None]]") -> int:
    """Run the queueing simulations of several maps (``(process, cases, seed, extra)`` each) side by side in
    worker processes, one per processor, before they are analysed one by one: :func:`compute_queueing`
    then takes each map's result instead of simulating it again. The results are the same as one after the
    other (every simulation is seeded and independent of the others; other maps' work at a shared role is
    ``extra``, known before). Only where it pays and is safe: two or more processors and maps with enough
    work (:data:`PARALLEL_MIN_WORK`), Linux (where a fork is safe and cheap), and no other thread in this process (a fork
    copies only the calling thread: ``serve`` analyses one after the other). Anything that goes wrong here
    leaves the maps to be simulated as before. Returns the number of maps computed ahead.
    """

    global _JOBS

    cpus = os.cpu_count() or 1
    if len(jobs) < 2 or cpus < 2 or threading.active_count() > 1 or not sys.platform.startswith("linux"):
        return 0  # (macOS can fork, but libraries of the system are not safe in a forked child)
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return 0
    from procesmap.analysis.simcache import (  # lazy: the queue simulation loads only when queues are simulated
        NotCached,
        cache_dir,
        cached_only,
    )

    work: list[tuple[float, int]] = []
    ready: list[tuple[int, tuple[QueueingFigures, QueueRun | None, list[Missing]]]] = []
    caching = cache_dir() is not None  # with the cache off no map was simulated before: no need to look
    for index, (process, cases, seed, extra) in enumerate(jobs):
        visits = build_graph(process).visits if process.volume is not None and cases > 0 else None
        if visits:
            if caching:
                try:
                    with cached_only():  # simulated before: no worker needed
                        ready.append((index, _queue_figures(process, cases, seed, extra)))
                    continue
                except NotCached:
                    pass
            work.append((2.0 * queue_cases(cases, sum(visits.values())) * max(sum(visits.values()), 1.0), index))
    for index, result in ready:
        process, cases, seed, extra = jobs[index]
        process._queue_cache[_prefetch_key(cases, seed, extra, process.baseline)] = (process, result)
    if len(work) < 2 or sum(w for w, _ in work) < PARALLEL_MIN_WORK:
        return len(ready)
    work.sort(reverse=True)  # the longest first: the workers finish together
    from concurrent.futures import (  # lazy: a process pool starts only when a folder is simulated in parallel
        ProcessPoolExecutor,
    )

    _JOBS = list(jobs)
    try:
        with ProcessPoolExecutor(max_workers=min(cpus, len(work)), mp_context=context) as pool:
            futures = [(index, pool.submit(_queue_job, index)) for _, index in work]
            results = [(index, future.result()) for index, future in futures]
    except Exception:  # noqa: BLE001 - a worker that fails: the maps are simulated one by one, as before
        return len(ready)
    finally:
        _JOBS = []
    for index, result in results:
        process, cases, seed, extra = jobs[index]
        process._queue_cache[_prefetch_key(cases, seed, extra, process.baseline)] = (process, result)
    return len(results) + len(ready)


def compute_queueing(
    pg: "ProcessGraph",
    volume_per_year: float | None,
    cases: int,
    seed: int,
    missing: "list[Missing]",
    baseline: "Process | None" = None,
    extra: Mapping[str, list[ExtraLoad]] | None = None,
) -> tuple[QueueingFigures, QueueRun | None]:
    """The queueing figures of a process, and the simulation run the time figures come from.

    ``baseline`` is the map a scenario started from (``None``: this map itself): its explained
    queueing fixes each step's ``other_wait``. ``extra`` is other processes' work at shared roles.
    A result of :func:`prefetch_queueing` for the same inputs is taken (once) instead of simulating.
    """
    ahead = pg.process._queue_cache.pop(_prefetch_key(cases, seed, extra, baseline), None)
    if ahead is not None and ahead[0] is pg.process:
        figures_ahead, run_ahead, missing_ahead = ahead[1]
        missing.extend(missing_ahead)
        return figures_ahead, run_ahead
    from procesmap.analysis.simcache import (  # lazy: the queue simulation loads only when queues are simulated
        simulate_cached,
    )

    process = pg.process
    figures = QueueingFigures(cases=cases, seed=seed)
    if pg.visits is None or volume_per_year is None or pg.unmatched:
        return figures, None
    demands = role_demands(process, pg.visits, volume_per_year, extra)
    if not demands:
        return figures, None
    clock = WorkClock.of(process.calendar.calendar())
    estimates = {r: analytic_queue(d, clock) for r, d in demands.items()}
    queued = {r for r, d in demands.items() if d.utilisation < 1.0}
    unstable = sorted(set(demands) - queued)
    figures.stable = not unstable
    for role_id in unstable:
        missing.append(
            Missing(
                "missing.queue_unstable",
                {
                    "role": role_id,
                    "utilisation": round(demands[role_id].utilisation * 100.0),
                    "backlog": round(estimates[role_id].backlog_per_month or 0.0),
                },
            )
        )
    other: dict[str, float] = {}
    factor: dict[str, float] = {}
    per_case = max(sum(pg.visits.values()), 1.0)
    simulated = queue_cases(cases, per_case, len(process.steps)) if queued else cases
    too_costly = cases > 0 and simulated == 0
    if queued and (too_costly or simulated < cases):
        from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

        fits = int(MAX_QUEUE_WORK / per_case / 3)  # below 1,000 cases the warm-up and cool-down are as many
        draws = len(process.steps) * DRAWS_PER_STEP
        if too_costly and queue_cases(cases, per_case) > 0:  # the visits fit; the steps drawing for every case not
            missing.append(
                Missing(
                    "bounds.queue_too_many_steps",
                    {
                        "cases": Count(cases),
                        "steps": Count(len(process.steps)),
                        "limit": Count(MAX_QUEUE_DRAWS),
                        "fits": Count(int(MAX_QUEUE_DRAWS / draws / 3)),
                    },
                )
            )
        elif too_costly:
            missing.append(
                Missing(
                    "missing.queue_too_costly",
                    {"cases": Count(cases), "limit": Count(MAX_QUEUE_WORK), "fits": Count(fits)},
                )
            )
        else:
            missing.append(
                Missing(
                    "missing.queue_cases_reduced",
                    {"cases": Count(cases), "simulated": Count(simulated), "limit": Count(MAX_QUEUE_WORK)},
                )
            )
    if cases > 0 and queued and not too_costly:
        cases = simulated
        figures.cases = simulated
        explained, base_unstable = _baseline_explained(
            baseline if baseline is not None else process, cases, seed, extra, pg
        )
        role_of_base = {}
        if baseline is not None:
            role_of_base = {s.id: _doer(s) for s in baseline.steps}
        for step in process.steps:
            role = _doer(step)
            if role is None or role not in queued or step.id not in demands[role].steps:
                continue
            declared = mean_elapsed_days(step.wait)
            if role_of_base.get(step.id, role) in base_unstable:
                other_wait = 0.0  # the declared wait was all queue (and more)
            else:
                other_wait = max(0.0, declared - explained.get(step.id, 0.0))
            other[step.id] = other_wait
            factor[step.id] = other_wait / declared if declared > 0 else 0.0
        plan, roles = _plan(pg, demands, queued, volume_per_year, factor, extra)
        result = simulate_cached(plan, cases, seed)
        figures.model = "simulation"
    else:
        plan, roles, result = None, [], None
        figures.model = "analytic"
    # roles
    sim_role: dict[str, int] = {r: k for k, r in enumerate(roles)}
    for role_id, demand in sorted(demands.items()):
        est = estimates[role_id]
        k = sim_role.get(role_id)
        figures.roles[role_id] = RoleQueue(
            servers=demand.servers,
            utilisation=demand.utilisation,
            simulated_utilisation=result.queue_utilisation[k] if result is not None and k is not None else None,
            queue_mean=result.queue_mean[k] if result is not None and k is not None else None,
            queue_p85=result.queue_p85[k] if result is not None and k is not None else None,
            analytic_queue_mean=est.queue_mean,
            backlog_per_month=est.backlog_per_month,
            stable=est.stable,
            steps=demand.steps,
        )
    # steps
    by_id = {}
    if plan is not None:
        by_id = {plan.steps[i].id: i for i in result.step_queue}  # type: ignore[union-attr]
    from procesmap.analysis.percentile import percentile  # lazy: numpy loads only when figures are computed

    for step in process.steps:
        role = _doer(step)
        if role is None or role not in demands or step.id not in demands[role].steps:
            continue
        declared = mean_elapsed_days(step.wait)
        i = by_id.get(step.id)
        values = result.step_queue[i] if result is not None and i is not None else None
        queue_mean: float | None = None
        queue_p85: float | None = None
        if values is not None and len(values) > 0:
            queue_mean, queue_p85 = float(values.mean()), percentile(values, 85)
        figures.steps[step.id] = StepQueue(
            role=role,
            declared_wait=declared,
            queue_mean=queue_mean,
            queue_p85=queue_p85,
            other_wait=other.get(step.id) if role in queued and result is not None else None,
            analytic_queue_mean=estimates[role].queue_mean,
        )
    if result is None:
        return figures, None
    waits: dict[str, float] = {}
    for step in process.steps:
        sq = figures.steps.get(step.id)
        if sq is not None and sq.queue_mean is not None:
            i = by_id[step.id]
            waits[step.id] = result.step_wait[i] + sq.queue_mean
        else:
            waits[step.id] = mean_elapsed_days(step.wait)
    return figures, QueueRun(result, waits)

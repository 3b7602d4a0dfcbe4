"""The queueing simulation: cases flow through the map and wait for the people of each role.

A discrete-event simulation, seeded and reproducible (docs/queueing.md):

- cases arrive as a Poisson stream at the map's ``volume`` (elapsed time, day and night);
- a step whose role has a queue (:class:`QueuePlan`) waits its ``other_wait`` (the part of the
  declared wait that capacity does not explain), then joins the role's one FIFO queue, shared by
  all the role's steps, rework loops and parallel branches; one of the role's ``people`` does its
  ``work`` in working time (:class:`~procesmap.analysis.worktime.WorkClock`) at the pace
  ``fte / people x weeks_per_year / 52.14``; the step ends when the work is done, or after its
  ``lead`` when that is declared and longer;
- every other step takes its declared ``wait`` plus its ``lead`` (by default its ``work`` read as
  elapsed hours), as in the model without queues;
- ``parallel`` sends a token down each branch, the matching ``join`` waits for all of them;
  ``suspends_term`` steps stop the legal clock.

Why it is fast: in a FIFO queue whose service times are drawn in advance, a job's start is known
the moment it joins the queue (the earliest free person, Kiefer-Wolfowitz). So the only events
that must be handled in time order are "a case joins a queue" and "a case arrives"; everything
between two queues is walked straight through. One heap of plain tuples, integer ids, and every
random number drawn ahead in bulk with numpy. The event loop exists twice: :func:`_loop_python`, the
reference where every rule above is written, and the same loop in C (``_simkernel.c``, built by
``pip install`` where a C compiler is found), which gives bit-identical figures several times sooner;
:func:`compiled_kernel` chooses (``PROCESMAP_SIMULATION_KERNEL``).

Common random numbers: every draw belongs to (step, purpose, case, visit of that case to that
step), from a stream seeded by the seed, the purpose and the step's id. Two scenarios of a map
(``diff --set``) give each case the same routing, waits and work wherever the scenario did not
change them, so a difference is the change, never noise.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from procesmap.analysis.sampling import ZERO, Spec, quantiles
from procesmap.errors import UsageError
from procesmap.analysis.worktime import WorkClock
from procesmap.analysis.timing import _Run

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

__all__ = [
    "StepPlan",
    "QueuePlan",
    "NetworkPlan",
    "SimulationResult",
    "simulate_network",
    "extra_cases",
    "MAX_VISITS_DRAWN",
    "compiled_kernel",
    "check_kernel_setting",
    "kernel_problem",
    "KERNEL_ENV",
]

#: Visits of one case to one step that get their own random numbers; later visits (rare: a loop
#: taken this often) draw from a shared pool of the step.
MAX_VISITS_DRAWN = 4
_POOL = 4096
_SMALL_POOL = 64
_PURPOSE = {"arrivals": 1, "wait": 2, "work": 3, "lead": 4, "route": 5, "background": 6}


def extra_cases(cases: int) -> int:
    """Cases simulated before (warm-up) and after (cool-down) the ``cases`` that are measured.

    The first cases would meet empty queues and the last ones queues that no longer fill, so
    neither is counted: a tenth of the cases, at least 1,000 (or as many as are measured, when fewer).
    """
    return max(cases // 10, min(cases, 1000))


@dataclass
class StepPlan:
    """One step as the simulation sees it (durations in hours)."""

    id: str
    targets: list[int]
    probabilities: list[float]
    parallel: bool = False
    join_need: int = 0  # a join: the number of branch tokens it waits for
    join: int = -1  # a parallel: the index of its join
    suspends: bool = False
    extends: bool = False  # extends_term: leaving it is the verdagingsbesluit
    wait: Spec = ZERO  # elapsed; for a queue step: the other wait
    lead: Spec | None = None  # elapsed, when declared
    work_elapsed: Spec = ZERO  # work read as elapsed hours (the lead of a step without queue and lead)
    work: Spec = ZERO  # effort hours (queue steps)
    queue: int = -1  # index of the role's queue, or -1
    looped: bool = False  # on a cycle: a case may come back


@dataclass
class QueuePlan:
    """A role's queue: ``servers`` people at ``pace`` (hours of work per working hour) on ``clock``."""

    role: str
    servers: int
    pace: float


@dataclass
class Background:
    """Jobs at a shared role from other processes: Poisson at ``per_hour``, effort ``work`` (hours)."""

    queue: int
    per_hour: float
    work: Spec


@dataclass
class NetworkPlan:
    steps: list[StepPlan]
    start: int
    queues: list[QueuePlan]
    clock: WorkClock
    arrivals_per_hour: float
    background: list[Background] = field(default_factory=list)


@dataclass
class SimulationResult:
    """Figures of the measured cases, in days (utilisation as a share)."""

    cases: int
    cycle: "np.ndarray"
    term: "np.ndarray"
    step_queue: dict[int, "np.ndarray"]  # per queue step: the queue time of every measured visit
    step_wait: dict[int, float]  # per queue step: mean other wait per visit
    queue_utilisation: list[float]
    queue_mean: list[float | None]  # per queue: mean queue time per job
    queue_p85: list[float | None]
    extended: "np.ndarray | None" = None  # per measured case: passed a step with extends_term
    decided: "np.ndarray | None" = None  # the term clock (days) when it first left such a step (NaN: never)
    where: "np.ndarray | None" = None  # that step's index (-1: none)

    def as_run(self) -> _Run:
        """The cases as :class:`procesmap.analysis.timing._Run`, for the term shares."""

        extended, decided, where = self.extended, self.decided, self.where
        # simulate_network and the run cache (simcache) fill all three for every result they make
        assert extended is not None and decided is not None and where is not None, "a run has its term arrays"
        return _Run(self.cycle, self.term, extended, decided, where)


def _stream(seed: int, purpose: str, key: str) -> "np.random.Generator":
    import numpy as np  # lazy: numpy loads only when figures are computed

    return np.random.default_rng([seed, _PURPOSE[purpose], zlib.crc32(key.encode("utf-8"))])


class _Draws:
    """Values of one (step, purpose) by (case, visit): pre-drawn in bulk, read as Python floats."""

    __slots__ = ("values", "visits", "pool", "pool_array", "used")

    def __init__(
        self, spec: Spec | None, seed: int, purpose: str, key: str, total: int, visits: int, scale: float = 1.0
    ):
        rng = _stream(seed, purpose, key)
        # a step off every cycle is visited at most once a case and never reads the pool: a small one keeps
        # 20,000 steps from holding 4,096 floats each; the values drawn first are the same
        u = rng.random(total * visits + (_POOL if visits > 1 else _SMALL_POOL))
        drawn = u if spec is None else quantiles(spec, u) * scale
        self.values = drawn[: total * visits].copy().data  # memoryview(array), typed as one
        self.pool_array = drawn[total * visits :].copy()
        self.pool: list[float] | None = None  # the pool as Python floats, made when the Python loop first needs it
        self.visits = visits
        self.used = 0

    def get(self, case: int, visit: int) -> float:
        if visit < self.visits:
            return self.values[case * self.visits + visit]
        self.used += 1
        if self.pool is None:
            self.pool = self.pool_array.tolist()
        value: float = self.pool[self.used % _POOL]
        return value

    def as_kernel_slot(self) -> tuple[memoryview, "np.ndarray", int]:
        return self.values, self.pool_array, self.visits


def simulate_network(plan: NetworkPlan, cases: int, seed: int) -> SimulationResult:
    """Simulate ``cases`` measured cases (plus warm-up and cool-down, :func:`extra_cases`)."""
    import numpy as np  # lazy: numpy loads only when figures are computed
    from procesmap.analysis.percentile import percentile  # lazy: numpy loads only when figures are computed

    extra = extra_cases(cases)
    total = cases + 2 * extra
    first, last = extra, extra + cases  # measured: first <= case < last
    steps = plan.steps
    clock = plan.clock
    worked = clock.worked
    visits_drawn = [MAX_VISITS_DRAWN if s.looped else 1 for s in steps]

    gaps = _stream(seed, "arrivals", "").exponential(1.0 / plan.arrivals_per_hour, total)
    arrival = np.cumsum(gaps).tolist()

    wait_d: list[_Draws | None] = []
    lead_d: list[_Draws | None] = []
    work_d: list[_Draws | None] = []
    route_d: list[_Draws | None] = []
    for i, s in enumerate(steps):
        v = visits_drawn[i]
        wait_d.append(_Draws(s.wait, seed, "wait", s.id, total, v) if s.wait.mean > 0 else None)
        if s.queue >= 0:
            pace = plan.queues[s.queue].pace
            work_d.append(_Draws(s.work, seed, "work", s.id, total, v, 1.0 / pace))
            lead_d.append(
                _Draws(s.lead, seed, "lead", s.id, total, v) if s.lead is not None and s.lead.mean > 0 else None
            )
        elif s.lead is not None:
            work_d.append(None)
            lead_d.append(_Draws(s.lead, seed, "lead", s.id, total, v) if s.lead.mean > 0 else None)
        else:  # the work read as elapsed hours, from the work's own stream (the same numbers as with a queue)
            work_d.append(None)
            lead_d.append(_Draws(s.work_elapsed, seed, "work", s.id, total, v) if s.work_elapsed.mean > 0 else None)
        if not s.parallel and len(s.targets) > 1:
            route_d.append(_Draws(None, seed, "route", s.id, total, v))
        else:
            route_d.append(None)
    cumulative: list[list[float]] = []
    for s in steps:
        acc, cum = 0.0, []
        total_p = sum(s.probabilities) or 1.0
        for p in s.probabilities:
            acc += p / total_p
            cum.append(acc)
        if cum:
            cum[-1] = 2.0
        cumulative.append(cum)
    queues = plan.queues
    window_start = worked(arrival[first]) if cases else 0.0
    window_end = worked(arrival[last - 1]) if cases else 0.0
    # background jobs of other processes at shared queues: never events. Their arrival times, work and
    # working time are drawn and computed up front, vectorised; a queue takes in its background jobs up to
    # the moment a case joins it (and the rest at the end), so it sees every job in time order, as with events.
    empty = np.zeros(0)
    background: list[tuple["np.ndarray", "np.ndarray", "np.ndarray"]] = [(empty, empty, empty) for _ in plan.queues]
    horizon = arrival[-1]
    by_queue: dict[int, list[Background]] = {}
    for bg in plan.background:
        if bg.per_hour > 0:
            by_queue.setdefault(bg.queue, []).append(bg)
    for q, loads in by_queue.items():
        # the loads at one queue are independent Poisson streams: together one Poisson stream at the summed
        # rate whose every job is of load k with probability rate_k / sum (superposition and thinning)
        role = plan.queues[q].role
        rate = sum(bg.per_hour for bg in loads)
        count = int(rate * horizon * 1.2) + 10
        times = np.cumsum(_stream(seed, "background", role).exponential(1.0 / rate, count))
        times = times[times <= horizon]
        kind = np.searchsorted(
            np.cumsum([bg.per_hour / rate for bg in loads])[:-1],
            _stream(seed, "background", role + "/load").random(len(times)),
            side="right",
        )
        shares = _stream(seed, "background", role + "/work").random(len(times))
        work = np.zeros(len(times))
        for k, bg in enumerate(loads):
            mine = kind == k
            work[mine] = quantiles(bg.work, shares[mine]) / plan.queues[q].pace
        background[q] = (times, clock.worked_array(times), work)
    cases_span = (first, last, total)
    slots = (wait_d, lead_d, work_d, route_d)
    window = (window_start, window_end)
    kernel = compiled_kernel() if total > 0 else None
    if kernel is not None:  # the same loop, compiled (_simkernel.c): the same figures, several times sooner
        samples = _loop_compiled(kernel, plan, arrival, cases_span, slots, cumulative, background, window)
    else:
        samples = _loop_python(plan, arrival, cases_span, slots, cumulative, background, window)
    busy, cycle, term, decided_at, decided_where, queue_samples, wait_samples = samples

    to_days = 1.0 / 24.0
    result_queue = {i: np.asarray(v) * to_days for i, v in queue_samples.items()}
    step_wait = {i: (sum(v) / len(v) * to_days if v else 0.0) for i, v in wait_samples.items()}
    hours = window_end - window_start
    utilisation = [busy[k] / (q.servers * hours) if hours > 0 else 0.0 for k, q in enumerate(queues)]
    per_queue: list[list["np.ndarray"]] = [[] for _ in queues]
    for i, values in result_queue.items():
        per_queue[steps[i].queue].append(values)
    means: list[float | None] = []
    p85: list[float | None] = []
    for parts in per_queue:
        joined = np.concatenate(parts) if parts else np.zeros(0)
        means.append(float(joined.mean()) if len(joined) else None)
        p85.append(percentile(joined, 85) if len(joined) else None)
    decided = np.asarray(decided_at)
    extended = decided >= 0
    decided = np.where(extended, decided * to_days, np.nan)
    return SimulationResult(
        cases,
        np.asarray(cycle) * to_days,
        np.asarray(term) * to_days,
        result_queue,
        step_wait,
        utilisation,
        means,
        p85,
        extended,
        decided,
        np.asarray(decided_where, dtype=np.int64),
    )


class _Samples(NamedTuple):
    """What an event loop leaves for the figures (hours): per queue the work done in the window, per
    measured case its cycle, term and verdaging, per queue step its queue and other-wait samples."""

    busy: list[float]
    cycle: "Sequence[float] | np.ndarray"
    term: "Sequence[float] | np.ndarray"
    decided_at: "Sequence[float] | np.ndarray"
    decided_where: "Sequence[int] | np.ndarray"
    queue_samples: "dict[int, list[float]] | dict[int, np.ndarray]"
    wait_samples: dict[int, list[float]]


Slots = tuple[list[_Draws | None], list[_Draws | None], list[_Draws | None], list[_Draws | None]]
BackgroundJobs = list[tuple["np.ndarray", "np.ndarray", "np.ndarray"]]


def _loop_python(
    plan: NetworkPlan,
    arrival: list[float],
    span: tuple[int, int, int],
    slots: Slots,
    cumulative: list[list[float]],
    background: BackgroundJobs,
    window: tuple[float, float],
) -> _Samples:
    """The event loop of :func:`simulate_network`, the reference: every rule of the simulation is here.

    ``span`` is (first measured case, last + 1, all cases), ``slots`` the draws of each step (wait, lead,
    work, route), ``background`` per queue the jobs of other processes (elapsed hour, working hour, work),
    ``window`` the working hours between the first and last measured arrival (utilisation is counted there).
    """
    first, last, total = span
    cases = last - first
    steps, queues, clock = plan.steps, plan.queues, plan.clock
    wait_d, lead_d, work_d, route_d = slots
    window_start, window_end = window
    counters: list[list[int] | None] = [[0] * total if s.looped else None for s in steps]

    free = [[0.0] * q.servers for q in queues]  # per queue: the working hour each person is free (a heap)
    busy = [0.0] * len(queues)
    queue_samples: dict[int, list[float]] = {i: [] for i, s in enumerate(steps) if s.queue >= 0}
    wait_samples: dict[int, list[float]] = {i: [] for i in queue_samples}
    cycle = [0.0] * cases
    term = [0.0] * cases
    decided_at = [-1.0] * cases
    decided_where = [-1] * cases
    joins: dict[tuple[int, int], list[float]] = {}

    heap: list[tuple[float, int, int, int, float, tuple[int, ...], int, float, int]] = []
    push, pop, replace = heapq.heappush, heapq.heappop, heapq.heapreplace
    seq = 0
    start = plan.start
    bg_t = [times.tolist() for times, _, _ in background]
    bg_w = [worked.tolist() for _, worked, _ in background]
    bg_s = [work.tolist() for _, _, work in background]
    bg_pos = [0] * len(plan.queues)
    push(heap, (arrival[0], seq, -1, 0, 0.0, (), 0, -1.0, -1))
    seq += 1

    # the hot loop: everything local, the clock and the draws inlined (see WorkClock and _Draws)
    continuous = clock.continuous
    c_starts, c_ends, c_cum, c_week = clock.starts, clock.ends, clock.cumulative, clock.per_week
    s_queue = [s.queue for s in steps]
    s_need = [s.join_need for s in steps]
    s_susp = [s.suspends for s in steps]
    s_ext = [s.extends for s in steps]
    s_targets = [s.targets for s in steps]
    s_parallel = [s.parallel for s in steps]
    s_join = [s.join for s in steps]
    WEEK = 168.0
    pending: list[tuple[int, float, float, tuple[int, ...], float, int]] = []
    append = pending.append

    while heap:
        t, _, code, case, susp, ctx, visit, dec, dw = pop(heap)
        measured = first <= case < last
        if code == -1:  # a new case
            if case + 1 < total:
                push(heap, (arrival[case + 1], seq, -1, case + 1, 0.0, (), 0, -1.0, -1))
                seq += 1
            append((start, t, 0.0, (), -1.0, -1))
        else:  # a case joins the queue of step `code`
            i = code
            q = s_queue[i]
            if continuous:
                w = t
            else:
                week, rest = divmod(t, WEEK)
                k = bisect_right(c_starts, rest) - 1
                if k < 0:
                    w = week * c_week
                else:
                    inside = rest - c_starts[k]
                    length = c_ends[k] - c_starts[k]
                    w = week * c_week + c_cum[k] + (inside if inside < length else length)
            servers = free[q]
            p = bg_pos[q]
            bt = bg_t[q]
            if p < len(bt) and bt[p] < t:  # the background jobs that came before this case
                end = bisect_left(bt, t, p)
                bw, bs = bg_w[q], bg_s[q]
                for j in range(p, end):
                    f = servers[0]
                    sw = bw[j]
                    if f > sw:
                        sw = f
                    replace(servers, sw + bs[j])
                    if window_start <= sw < window_end:
                        busy[q] += bs[j]
                bg_pos[q] = end
            f = servers[0]
            sw = w if f <= w else f
            d = work_d[i]
            svc = d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit)  # type: ignore[union-attr]
            done = sw + svc
            replace(servers, done)
            if continuous:
                begin = sw
                leave = done
            else:
                week, rest = divmod(sw, c_week)
                k = bisect_right(c_cum, rest) - 1
                begin = week * WEEK + c_starts[k] + (rest - c_cum[k])
                if svc > 0:
                    week, rest = divmod(done, c_week)
                    k = bisect_left(c_cum, rest) - 1
                    if k < 0:
                        leave = (week - 1) * WEEK + c_ends[-1] if week else c_starts[0]
                    else:
                        leave = week * WEEK + c_starts[k] + (rest - c_cum[k])
                else:
                    leave = begin
            d = lead_d[i]
            if d is not None:
                lt = begin + (d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit))
                if lt > leave:
                    leave = lt
            if measured:
                queue_samples[i].append(begin - t)
            if window_start <= sw < window_end:
                busy[q] += svc
            if s_susp[i]:
                susp += leave - t
            if s_ext[i] and dec < 0:
                dec, dw = (leave - arrival[case]) - susp, i
            targets = s_targets[i]
            if s_parallel[i]:
                inner = ctx + (s_join[i],)
                for target in targets:
                    append((target, leave, susp, inner, dec, dw))
            elif not targets:
                append((-1, leave, susp, ctx, dec, dw))
            elif len(targets) == 1:
                append((targets[0], leave, susp, ctx, dec, dw))
            else:
                d = route_d[i]
                u = d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit)  # type: ignore[union-attr]
                cum = cumulative[i]
                k = 0
                while u >= cum[k]:
                    k += 1
                append((targets[k], leave, susp, ctx, dec, dw))
        while pending:  # walk the tokens straight through, up to their next queue
            i, t, susp, ctx, dec, dw = pending.pop()
            if i < 0:  # the token left a step without next
                if ctx:  # a branch that ends inside a parallel block ends at its join
                    append((ctx[-1], t, susp, ctx, dec, dw))
                elif measured:
                    c = t - arrival[case]
                    cycle[case - first] = c
                    term[case - first] = c - susp
                    decided_at[case - first] = dec
                    decided_where[case - first] = dw
                continue
            need = s_need[i]
            if need:
                key = (case, i)
                mine = t - arrival[case] - susp
                state = joins.get(key)
                if state is None:
                    state = joins[key] = [1.0, t, mine, dec, dw]
                else:
                    state[0] += 1.0
                    if t > state[1]:
                        state[1] = t
                    if mine > state[2]:
                        state[2] = mine
                    if dec >= 0 and (state[3] < 0 or dec < state[3]):  # the earliest verdaging of the branches
                        state[3], state[4] = dec, dw
                if state[0] < need:
                    continue
                del joins[key]
                t = state[1]
                susp = (t - arrival[case]) - state[2]
                dec, dw = state[3], int(state[4])
                ctx = ctx[:-1]
            cnt = counters[i]
            if cnt is not None:
                visit = cnt[case]
                cnt[case] = visit + 1
            else:
                visit = 0
            d = wait_d[i]
            if d is None:
                wait = 0.0
            else:
                wait = d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit)
            if s_queue[i] >= 0:
                if measured:
                    wait_samples[i].append(wait)
                if s_susp[i]:
                    susp += wait
                push(heap, (t + wait, seq, i, case, susp, ctx, visit, dec, dw))
                seq += 1
                continue
            d = lead_d[i]
            if d is None:
                leave = t + wait
            else:
                leave = t + wait + (d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit))
            if s_susp[i]:
                susp += leave - t
            if s_ext[i] and dec < 0:
                dec, dw = (leave - arrival[case]) - susp, i
            targets = s_targets[i]
            if s_parallel[i]:
                inner = ctx + (s_join[i],)
                for target in targets:
                    append((target, leave, susp, inner, dec, dw))
            elif not targets:
                append((-1, leave, susp, ctx, dec, dw))
            elif len(targets) == 1:
                append((targets[0], leave, susp, ctx, dec, dw))
            else:
                d = route_d[i]
                u = d.values[case * d.visits + visit] if visit < d.visits else d.get(case, visit)  # type: ignore[union-attr]
                cum = cumulative[i]
                k = 0
                while u >= cum[k]:
                    k += 1
                append((targets[k], leave, susp, ctx, dec, dw))

    for q, bt in enumerate(bg_t):  # the background jobs after the last case joined this queue
        servers = free[q]
        bw, bs = bg_w[q], bg_s[q]
        for j in range(bg_pos[q], len(bt)):
            f = servers[0]
            sw = bw[j]
            if f > sw:
                sw = f
            replace(servers, sw + bs[j])
            if window_start <= sw < window_end:
                busy[q] += bs[j]
    return _Samples(busy, cycle, term, decided_at, decided_where, queue_samples, wait_samples)


#: Set to ``python`` to run the reference loop in Python, ``compiled`` to require the compiled one
#: (tests do both); by default the compiled loop runs when it was built (setup.py), else the Python one.
KERNEL_ENV = "PROCESMAP_SIMULATION_KERNEL"


KERNEL_CHOICES = ("auto", "compiled", "python")


def _kernel_choice() -> str:
    """:data:`KERNEL_ENV` as written, in lower case without spaces; ``auto`` when not set or empty."""
    return os.environ.get(KERNEL_ENV, "").strip().lower() or "auto"


def check_kernel_setting() -> None:
    """Refuse a :data:`KERNEL_ENV` that cannot be followed (an unknown value, or ``compiled`` where the compiled
    loop is not built or is older than its source), with a :class:`~procesmap.errors.UsageError` that says why:
    the commands check it before they simulate, so the setting never ends in a traceback."""
    choice = _kernel_choice()
    if choice not in KERNEL_CHOICES:
        raise UsageError("kernel.unknown", "hint.kernel", value=os.environ.get(KERNEL_ENV))
    problem = _kernel_problem() if choice == "compiled" else None
    if problem is not None:
        raise UsageError(problem[0], "hint.kernel_build", **problem[1])


def compiled_kernel() -> ModuleType | None:
    """The compiled event loop (``procesmap/analysis/_simkernel.c``), or ``None`` to run the Python one.

    Why two: the Python loop is the reference that documents every rule and runs everywhere; the
    compiled one is optional (an install without a C compiler has none) and gives bit-identical
    figures several times sooner (tests/test_simulation_kernel.py holds them equal). A compiled loop
    older than the source beside it (``_simkernel.c`` changed, ``pip install -e .`` not run again) is
    not used: :func:`kernel_problem` says why."""
    choice = _kernel_choice()
    if choice == "python":
        return None
    problem = kernel_problem()
    if problem is not None:
        if choice == "compiled":
            raise ImportError(problem)
        return None
    from procesmap.analysis import _simkernel  # lazy: only simulations load the compiled loop

    return _simkernel


#: computed once a process: [] not yet, [None] none, [(key, args)] the problem as a catalogue message
_KERNEL_PROBLEM: list[tuple[str, dict[str, str]] | None] = []


def _kernel_problem() -> tuple[str, dict[str, str]] | None:
    if not _KERNEL_PROBLEM:
        _KERNEL_PROBLEM.append(_find_kernel_problem())
    return _KERNEL_PROBLEM[0]


def kernel_problem() -> str | None:
    """Why the compiled loop cannot be used (not built, or built from another source) and what builds it, in
    English, or ``None``."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    problem = _kernel_problem()
    if problem is None:
        return None
    return f"{t(problem[0], 'en', **problem[1])}: {t('hint.kernel_build', 'en')}"


def kernel_source_sha256(path: Path) -> str:
    """The SHA-256 of the loop's C source with its line ends as ``\\n`` (as setup.py builds it in)."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def _find_kernel_problem() -> tuple[str, dict[str, str]] | None:
    try:
        from procesmap.analysis import _simkernel  # lazy: only simulations load the compiled loop
    except ImportError as error:
        return "kernel.not_built", {"error": str(error)}
    source = Path(__file__).with_name("_simkernel.c")
    if not source.exists():  # an installed wheel ships the module, not its source: nothing to compare
        return None
    if getattr(_simkernel, "SOURCE_SHA256", "") != kernel_source_sha256(source):
        return "kernel.stale", {"module": str(_simkernel.__file__), "source": source.name}
    return None


def _loop_compiled(
    kernel: ModuleType,
    plan: NetworkPlan,
    arrival: list[float],
    span: tuple[int, int, int],
    slots: Slots,
    cumulative: list[list[float]],
    background: BackgroundJobs,
    window: tuple[float, float],
) -> _Samples:
    """:func:`_loop_python` in ``_simkernel.run``: the plan goes in as flat arrays, the samples come out
    as the Python loop leaves them (the queue samples as arrays)."""
    import numpy as np  # lazy: numpy loads only when figures are computed

    first, last, total = span
    cases = last - first
    steps, queues, clock = plan.steps, plan.queues, plan.clock
    table = np.array(
        [[s.queue, s.join_need, s.suspends, s.extends, s.parallel, s.join, s.looped] for s in steps], dtype=np.int64
    ).reshape(-1)
    sizes = [len(s.targets) for s in steps]
    tgt_off = np.zeros(len(steps) + 1, dtype=np.int64)
    tgt_off[1:] = np.cumsum(sizes)
    tgt = np.array([t for s in steps for t in s.targets], dtype=np.int64)
    # a routing step's cumulative shares, one per target; other steps never read theirs (zeros keep the offsets)
    cum = np.array(
        [c for i, n in enumerate(sizes) for c in (cumulative[i] if len(cumulative[i]) == n else [0.0] * n)],
        dtype=np.float64,
    )
    flat = [d.as_kernel_slot() if d is not None else None for i in range(len(steps)) for d in (s[i] for s in slots)]
    bg_off = np.zeros(len(queues) + 1, dtype=np.int64)
    bg_off[1:] = np.cumsum([len(times) for times, _, _ in background])

    def joined(column: int) -> "np.ndarray":
        return np.concatenate([np.zeros(0)] + [np.asarray(part[column], dtype=np.float64) for part in background])

    cycle = np.zeros(cases)
    term = np.zeros(cases)
    decided_at = np.full(cases, -1.0)
    decided_where = np.full(cases, -1, dtype=np.int64)
    busy = np.zeros(len(queues))
    queued, waited = kernel.run(
        np.asarray(arrival, dtype=np.float64),
        (total, first, last, plan.start, int(clock.continuous)),
        table,
        tgt_off,
        tgt,
        cum,
        flat,
        np.array([q.servers for q in queues], dtype=np.int64),
        (
            np.asarray(clock.starts, dtype=np.float64),
            np.asarray(clock.ends, dtype=np.float64),
            np.asarray(clock.cumulative, dtype=np.float64),
            float(clock.per_week),
        ),
        (bg_off, joined(0), joined(1), joined(2)),
        window,
        (cycle, term, decided_at, decided_where, busy),
    )
    queue_steps = [i for i, s in enumerate(steps) if s.queue >= 0]
    return _Samples(
        busy.tolist(),
        cycle,
        term,
        decided_at,
        decided_where,
        {i: np.frombuffer(queued[i], dtype=np.float64) for i in queue_steps},
        {i: np.frombuffer(waited[i], dtype=np.float64).tolist() for i in queue_steps},
    )

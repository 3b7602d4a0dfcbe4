"""Cycle time and term time: exact means, and a seeded vectorised Monte Carlo for the rest.

Exact: without parallel blocks the mean cycle time is the sum over steps of
visits x (mean wait + mean lead), and the mean term time leaves out the steps
with ``suspends_term``. Percentiles and the share of cases over the legal
term need the distribution, so we simulate: all cases move through the map
together as numpy arrays (one array operation per round of moves, never a
Python loop per case). A ``parallel`` block takes the longest of its
branches; each branch is simulated the same way, for all cases at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from procesmap.findings import Missing, listing
from procesmap.durations import (
    Calendar,
    Duration,
    Fixed,
    Gamma,
    Samples,
    Triangular,
    mean_effort_hours,
    mean_elapsed_days,
)
from procesmap.graph import ProcessGraph
from procesmap.model import Step
from procesmap.analysis.sampling import Spec, quantiles
from procesmap.analysis.limits import simulation_too_costly
from procesmap.analysis.histogram import cycle_histogram, reference_days

if TYPE_CHECKING:
    import numpy as np

    from procesmap.analysis.sampling import Spec

__all__ = [
    "TimeFigures",
    "Wait",
    "compute_time",
    "lead_days",
    "simulate",
    "simulate_cases",
    "term_shares",
    "MAX_ROUNDS",
]

MAX_ROUNDS = 200_000


@dataclass(frozen=True)
class Wait:
    step: str
    per_case: float
    share_of_cycle_time: float | None
    per_visit: float | None = None  # the mean wait each time a case reaches the step (days)
    visits: float | None = None  # expected visits per case: per_case = per_visit * visits


@dataclass
class TimeFigures:
    cycle_time: dict[str, float | None] = field(default_factory=dict)
    term_time: dict[str, float | None] = field(default_factory=dict)
    term: float | None = None
    term_extension: float | None = None
    service_norm: float | None = None
    share_over_term: float | None = None
    share_over_extended_term: float | None = None
    deferral_modelled: bool = False  # the map has a step with extends_term (a verdagingsbesluit)
    share_deferred: float | None = None
    share_deferred_after_term: float | None = None
    deferred_after_term: dict[str, float] = field(default_factory=dict)  # verdaging step -> share of all cases
    late_per_year: dict[str, float | None] = field(default_factory=lambda: {"term": None, "extended_term": None})
    flow_efficiency: float | None = None
    work_per_case_hours: float | None = None
    cases: int = 0
    seed: int = 0
    means_exact: bool = True
    means_source: str = "exact"  # "exact", "simulated" (parallel blocks) or "queues" (the queueing simulation)
    waits: list[Wait] = field(default_factory=list)
    wip: dict[str, float] | None = None
    wip_total: float | None = None
    cycle_samples: Any = None  # numpy array of simulated cycle times (days), for charts
    #: the cycle-time distribution in bins (:class:`procesmap.analysis.histogram.Histogram`), for the chart
    cycle_histogram: Any = None


def _days(duration: Duration | None) -> Duration | None:
    return duration


def lead_days(step: Step, calendar: Calendar) -> float:
    """Mean elapsed lead time in days; defaults to the work in effort hours, read as elapsed hours."""
    if step.lead is not None:
        return mean_elapsed_days(step.lead)
    return mean_effort_hours(step.work, calendar) / 24.0


def _lead_values(step: Step, calendar: Calendar) -> tuple[str, list[float]]:
    """The lead time distribution in elapsed days: ('tri', [a, c, b]) or ('samples', [...])."""
    if step.lead is not None:
        return _elapsed(step.lead)
    if step.work is None:
        return ("tri", [0.0, 0.0, 0.0])
    if isinstance(step.work, Gamma):
        return ("gamma", [step.work.mean.effort_hours(calendar) / 24.0, step.work.cv])
    values = [a.effort_hours(calendar) / 24.0 for a in step.work.amounts()]
    return (
        ("samples", values)
        if isinstance(step.work, Samples)
        else ("tri", values * (3 if isinstance(step.work, Fixed) else 1))
    )


def _elapsed(duration: Duration | None) -> tuple[str, list[float]]:
    if duration is None:
        return ("tri", [0.0, 0.0, 0.0])
    if isinstance(duration, Gamma):
        return ("gamma", [duration.mean.elapsed_days(), duration.cv])
    values = [a.elapsed_days() for a in duration.amounts()]
    if isinstance(duration, Samples):
        return ("samples", values)
    if isinstance(duration, Triangular):
        return ("tri", values)
    return ("tri", values * 3)


class _Sampler:
    """Vectorised draws of many different step durations in one call."""

    def __init__(self, specs: list[tuple[str, list[float]]]):
        import numpy as np  # lazy: numpy loads only when figures are computed

        n = len(specs)
        self.low = np.zeros(n)
        self.mode = np.zeros(n)
        self.high = np.zeros(n)
        self.is_samples = np.zeros(n, dtype=bool)
        self.offset = np.zeros(n, dtype=np.int64)
        self.length = np.ones(n, dtype=np.int64)
        pool: list[float] = []
        self.gammas: dict[int, "Spec"] = {}
        for i, (kind, values) in enumerate(specs):
            if kind == "gamma":
                self.gammas[i] = Spec("gamma", (values[0], values[1]))
                self.low[i] = self.mode[i] = self.high[i] = values[0]
                if self.gammas[i].constant:
                    del self.gammas[i]
            elif kind == "samples":
                self.is_samples[i] = True
                self.offset[i] = len(pool)
                self.length[i] = len(values)
                pool.extend(values)
            else:
                self.low[i], self.mode[i], self.high[i] = values
        self.pool = np.asarray(pool if pool else [0.0])
        self.any_samples = bool(self.is_samples.any())
        self.constant = (self.low == self.high) & ~self.is_samples
        self.is_gamma = np.zeros(n, dtype=bool)
        for i in self.gammas:
            self.is_gamma[i] = True
            self.constant[i] = False

    def draw(self, steps: "np.ndarray", rng: "np.random.Generator") -> "np.ndarray":
        import numpy as np  # lazy: numpy loads only when figures are computed

        u = rng.random(len(steps))
        values: np.ndarray = self.low[steps]
        varying = ~self.constant[steps]
        if varying.any():
            s, uu = steps[varying], u[varying]
            a, c, b = self.low[s], self.mode[s], self.high[s]
            width = b - a
            split = (c - a) / np.where(width > 0, width, 1.0)
            left = a + np.sqrt(uu * width * (c - a))
            right = b - np.sqrt((1.0 - uu) * width * (b - c))
            drawn = np.where(uu < split, left, right)
            if self.any_samples:
                picks = self.offset[s] + np.minimum((uu * self.length[s]).astype(np.int64), self.length[s] - 1)
                drawn = np.where(self.is_samples[s], self.pool[picks], drawn)
            if self.gammas:
                gamma = self.is_gamma[s]
                if gamma.any():
                    for i in np.unique(s[gamma]):
                        at = s == i
                        drawn[at] = quantiles(self.gammas[int(i)], uu[at])
            values[varying] = drawn
        return values


class _Engine:
    def __init__(self, pg: ProcessGraph, rng: "np.random.Generator"):
        import numpy as np  # lazy: numpy loads only when figures are computed

        process = pg.process
        self.rng = rng
        self.ids = [s.id for s in process.steps]
        self.index = {s: i for i, s in enumerate(self.ids)}
        calendar = process.calendar.calendar()
        self.wait = _Sampler([_elapsed(s.wait) for s in process.steps])
        self.lead = _Sampler([_lead_values(s, calendar) for s in process.steps])
        self.counts_for_term = np.array([not s.suspends_term for s in process.steps])
        self.extends = np.array([s.extends_term for s in process.steps], dtype=bool)
        self.any_extends = bool(self.extends.any())
        self.is_parallel = np.array([s.type == "parallel" for s in process.steps])
        n = len(self.ids)
        targets: list[list[int]] = [[] for _ in range(n)]
        probs: list[list[float]] = [[] for _ in range(n)]
        for t in pg.transitions:
            if not t.parallel:
                targets[self.index[t.source]].append(self.index[t.target])
                probs[self.index[t.source]].append(t.p)
        self.absorbing = np.array([not targets[i] and not self.is_parallel[i] for i in range(n)])
        # per step its branches, one after the other in flat arrays (not a steps x widest-branching matrix: a
        # decision of 10,000 branches in a map of 20,000 steps made two of 1.6 GB each): the cumulative branch
        # probabilities, the last one 2.0 (it takes whatever rounding leaves), as 4 x step + cumulative, so one
        # sorted search finds the branch of every moving case at once; and their targets
        keys: list[float] = []
        flat_targets: list[int] = []
        for i in range(n):
            if targets[i]:
                total = sum(probs[i]) or 1.0
                cumulative = np.cumsum(np.asarray(probs[i]) / total)
                cumulative[-1] = 2.0
                keys.extend((4.0 * i + cumulative).tolist())
                flat_targets.extend(targets[i])
        self.keys = np.asarray(keys, dtype=float)
        self.targets = np.asarray(flat_targets, dtype=np.int64)
        self.branches = {self.index[p]: [self.index[b.to] for b in process.step(p).next] for p in pg.join_of}
        self.join = {self.index[p]: self.index[j] for p, j in pg.join_of.items()}
        self.rounds = 0

    def run(self, entry: "np.ndarray", stop: int = -1, term0: "np.ndarray | None" = None) -> "_Run":
        """Move tokens from ``entry`` until they are absorbed (or reach ``stop``).

        Their cycle and term days (the term clock starts at ``term0``), whether they passed a
        step with ``extends_term`` and the term clock when they first left it (NaN if never).
        """
        import numpy as np  # lazy: numpy loads only when figures are computed

        n = len(entry)
        cycle = np.zeros(n)
        term = np.zeros(n) if term0 is None else np.array(term0, dtype=float)
        extended = np.zeros(n, dtype=bool)
        decided = np.full(n, np.nan)
        where = np.full(n, -1, dtype=np.int64)
        ids = np.arange(n)
        pos = entry.astype(np.int64).copy()
        while len(ids):
            if stop >= 0:
                keep = pos != stop
                ids, pos = ids[keep], pos[keep]
                if not len(ids):
                    break
            self.rounds += 1
            if self.rounds > MAX_ROUNDS:
                raise _TooLong()
            spent = self.wait.draw(pos, self.rng) + self.lead.draw(pos, self.rng)
            cycle[ids] += spent
            term[ids] += spent * self.counts_for_term[pos]
            if self.any_extends:
                first = self.extends[pos] & ~extended[ids]
                if first.any():
                    extended[ids[first]] = True
                    decided[ids[first]] = term[ids[first]]
                    where[ids[first]] = pos[first]
            parallel = self.is_parallel[pos]
            if parallel.any():
                for p in np.unique(pos[parallel]):
                    at = pos == p
                    sub = ids[at]
                    start = term[sub]
                    best_c = np.zeros(len(sub))
                    best_t = np.zeros(len(sub))
                    ext_sub = np.zeros(len(sub), dtype=bool)
                    dec_sub = np.full(len(sub), np.nan)
                    where_sub = np.full(len(sub), -1, dtype=np.int64)
                    for target in self.branches[int(p)]:
                        branch = self.run(np.full(len(sub), target), self.join[int(p)], start)
                        best_c = np.maximum(best_c, branch.cycle)
                        best_t = np.maximum(best_t, branch.term - start)
                        earlier = branch.extended & ~(dec_sub <= branch.decided)
                        where_sub[earlier] = branch.where[earlier]
                        ext_sub |= branch.extended
                        dec_sub = np.fmin(dec_sub, branch.decided)
                    new = ext_sub & ~extended[sub]
                    extended[sub[new]] = True
                    decided[sub[new]] = dec_sub[new]
                    where[sub[new]] = where_sub[new]
                    cycle[sub] += best_c
                    term[sub] += best_t
                    pos[at] = self.join[int(p)]
            moving = ~parallel & ~self.absorbing[pos]
            ids_m, pos_m = ids[moving], pos[moving]
            if len(ids_m):
                u = self.rng.random(len(ids_m))
                pos_m = self.targets[np.searchsorted(self.keys, 4.0 * pos_m + u, side="right")]
            ids = np.concatenate([ids_m, ids[parallel]])
            pos = np.concatenate([pos_m, pos[parallel]])
        return _Run(cycle, term, extended, decided, where)


@dataclass
class _Run:
    """Per simulated case: cycle and term days, whether it passed a verdaging step, and when (term days)."""

    cycle: "np.ndarray"
    term: "np.ndarray"
    extended: "np.ndarray"
    decided: "np.ndarray"
    where: "np.ndarray"  # index of the verdaging step a case passed first (-1: none)


class _TooLong(Exception):
    pass


def simulate(pg: ProcessGraph, cases: int, seed: int) -> tuple["np.ndarray", "np.ndarray"] | None:
    """Cycle and term time (days) of ``cases`` simulated cases; ``None`` if they do not finish."""
    run = simulate_cases(pg, cases, seed)
    return None if run is None else (run.cycle, run.term)


def simulate_cases(pg: ProcessGraph, cases: int, seed: int) -> "_Run | None":
    """Every simulated case: cycle and term days, and its verdaging (``extends_term``); ``None`` if they do not finish."""
    import numpy as np  # lazy: numpy loads only when figures are computed

    engine = _Engine(pg, np.random.default_rng(seed))
    try:
        return engine.run(np.full(cases, engine.index[pg.start]))
    except _TooLong:
        return None


def term_shares(run: "_Run", term: float, extension: float | None) -> dict[str, float | None]:
    """The legal clock over simulated cases (docs/format.md, 'The legal term').

    A case may take ``term + extension`` only when it passed a step with ``extends_term``
    and left that step (the verdagingsbesluit) before its term ended; every other case has
    the term. ``over_term`` is the share over the term that applies to each case,
    ``over_extended_term`` the share over term + extension, ``deferred`` the share with a
    valid verdaging, ``deferred_after_term`` the share whose verdaging came after the term.
    """
    eps = 1e-9
    extended = run.extended
    after = extended & ~(run.decided <= term + eps)
    valid = extended & ~after
    limit = term + (extension or 0.0) * valid
    shares: dict[str, float | None] = {
        "over_term": float((run.term > limit + eps).mean()),
        "over_extended_term": float((run.term > term + extension + eps).mean()) if extension is not None else None,
        "deferred": float(valid.mean()),
        "deferred_after_term": float(after.mean()),
    }
    return shares


def deferred_after_term_by_step(run: "_Run", term: float, steps: list[str]) -> dict[str, float]:
    """Per verdaging step: the share of all cases whose verdagingsbesluit there came after the term ended."""
    import numpy as np  # lazy: numpy loads only when figures are computed

    after = run.extended & ~(run.decided <= term + 1e-9)
    counts = np.bincount(run.where[after], minlength=len(steps)) if after.any() else np.zeros(len(steps))
    total = len(run.term) or 1
    return {steps[i]: float(counts[i]) / total for i in range(len(steps)) if counts[i]}


def compute_time(
    pg: ProcessGraph, cases: int, seed: int, volume_per_year: float | None, missing: list[Missing], run: Any = None
) -> TimeFigures:
    """Time figures; with ``run`` (a :class:`~procesmap.analysis.queueing.QueueRun`) the cycle and term
    times, their means and the waits come from the queueing simulation instead of the declared waits."""
    from procesmap.analysis.percentile import percentiles  # lazy: numpy loads only when figures are computed

    process = pg.process
    calendar = process.calendar.calendar()
    figures = TimeFigures(cases=run.result.cases if run is not None else cases, seed=seed)
    figures.term = process.term.value.elapsed_days() if process.term else None
    figures.term_extension = process.term_extension.value.elapsed_days() if process.term_extension else None
    figures.service_norm = process.service_norm.value.elapsed_days() if process.service_norm else None
    figures.deferral_modelled = any(s.extends_term for s in process.steps)
    if figures.deferral_modelled and process.term_extension is None:
        missing.append(
            Missing(
                "missing.extends_term_no_extension", {"steps": listing(s.id for s in process.steps if s.extends_term)}
            )
        )
    empty = {"mean": None, "p50": None, "p85": None, "p95": None}
    figures.cycle_time, figures.term_time = dict(empty), dict(empty)
    if process.term is None:
        missing.append(Missing("missing.term"))
    visits = pg.visits
    if visits is None:
        missing.append(Missing("missing.time_no_visits"))
        return figures

    steps = process.steps
    wait_mean = {s.id: mean_elapsed_days(s.wait) for s in steps}
    if run is not None:
        wait_mean.update(run.wait_per_visit)
    lead_mean = {s.id: lead_days(s, calendar) for s in steps}
    figures.work_per_case_hours = sum(
        visits[s.id] * mean_effort_hours(s.work, calendar) for s in steps if not process.is_external(s.role)
    )
    exact = run is None and not pg.join_of and not any(s.type == "parallel" for s in steps)
    figures.means_exact = exact
    figures.means_source = "exact" if exact else "queues" if run is not None else "simulated"
    mean_cycle = sum(visits[s.id] * (wait_mean[s.id] + lead_mean[s.id]) for s in steps)
    mean_term = sum(visits[s.id] * (wait_mean[s.id] + lead_mean[s.id]) for s in steps if not s.suspends_term)

    if pg.unmatched:
        missing.append(Missing("missing.time_unmatched", {"steps": listing(pg.unmatched)}))
        result = None
    elif run is not None:
        result = run.result.as_run()
    else:
        too_costly = simulation_too_costly(pg, cases)  # checked before any case is drawn, whatever the engine
        if too_costly is not None:
            missing.append(too_costly)
            result = None
        else:
            result = simulate_cases(pg, cases, seed) if cases > 0 else None
        if result is None and cases > 0 and too_costly is None:
            missing.append(Missing("missing.simulation_too_long", {"rounds": MAX_ROUNDS}))
        if cases <= 0:
            missing.append(Missing("missing.simulation_off"))
    if result is not None:
        cycle, term = result.cycle, result.term
        figures.cycle_samples = cycle

        figures.cycle_histogram = cycle_histogram([cycle], reference_days(figures))
        p_cycle = percentiles(cycle, [50, 85, 95])
        p_term = percentiles(term, [50, 85, 95])
        if not exact:
            mean_cycle, mean_term = float(cycle.mean()), float(term.mean())
        figures.cycle_time.update(p50=float(p_cycle[0]), p85=float(p_cycle[1]), p95=float(p_cycle[2]))
        figures.term_time.update(p50=float(p_term[0]), p85=float(p_term[1]), p95=float(p_term[2]))
        if figures.term is not None:
            shares = term_shares(result, figures.term, figures.term_extension)
            figures.share_over_term = shares["over_term"]
            over_term = shares["over_term"]
            figures.share_over_extended_term = shares["over_extended_term"]
            if figures.deferral_modelled:
                figures.share_deferred = shares["deferred"]
                figures.share_deferred_after_term = shares["deferred_after_term"]
                figures.deferred_after_term = deferred_after_term_by_step(result, figures.term, [s.id for s in steps])
            if figures.term_extension is None:
                missing.append(Missing("missing.term_extension"))
            if volume_per_year is None:
                missing.append(Missing("missing.late_per_year"))
            else:
                figures.late_per_year = {
                    "term": volume_per_year * over_term if over_term is not None else None,
                    "extended_term": (
                        volume_per_year * figures.share_over_extended_term
                        if figures.share_over_extended_term is not None
                        else None
                    ),
                }
    if exact or result is not None:
        figures.cycle_time["mean"] = mean_cycle
        figures.term_time["mean"] = mean_term

    cycle_mean = figures.cycle_time["mean"]
    if cycle_mean:
        figures.flow_efficiency = sum(visits[s.id] * lead_mean[s.id] for s in steps) / cycle_mean
    elif cycle_mean is not None:
        missing.append(Missing("missing.flow_efficiency_zero"))
    for s in steps:
        per_case = visits[s.id] * wait_mean[s.id]
        if per_case > 0:
            share = per_case / cycle_mean if cycle_mean else None
            figures.waits.append(Wait(s.id, per_case, share, wait_mean[s.id], visits[s.id]))
    figures.waits.sort(key=lambda w: -w.per_case)
    if volume_per_year is None:
        missing.append(Missing("missing.wip_volume"))
    else:
        arrivals = volume_per_year / 365.0
        figures.wip = {s.id: arrivals * visits[s.id] * (wait_mean[s.id] + lead_mean[s.id]) for s in steps}
        figures.wip_total = arrivals * cycle_mean if cycle_mean is not None else None
    return figures

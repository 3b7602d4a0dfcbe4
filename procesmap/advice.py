"""What helps most: candidate interventions generated from a map, scored, ranked.

After the workshop a manager asks "if we add half an fte to the adviser, or give the teamleider a
back-up, how many fewer cases break the beslistermijn?". This module answers it from the map alone:

1. :func:`candidates` lists the interventions a consultant would try first, each as the ``--set``
   assignments that reproduce it (:mod:`procesmap.whatif`), with its cost in fte:

   - ``add_person``: +1 person (a full-time one) for each internal role with capacity, that is with
     ``people`` and at least one step it does (a role with a queue);
   - ``add_fte``: +0.2 fte for each such role; ``add_fte_person`` when its ``fte`` would then exceed
     its ``people``: one more person, a part-timer;
   - ``backup``: a back-up for each single point of failure (what PM204 finds), the internal role with
     people in the same team (else organisation, else anywhere) with the most spare hours; the back-up
     shares that role's capacity, so it costs no fte;
   - ``halve_rework``: half the rework of each rework loop: the decision branch that sends a case back
     round the loop gets half its probability, the other branches of that decision share the rest in
     their old proportions;
   - ``digital_handover``: a handover outside the case system (a ``via`` of ``kind: manual``, PM103)
     moved into the digital system the map already names for that step (its ``system``, else the
     ``system`` of the step before it);
   - ``halve_external_wait``: a turnaround agreement with an outside party: the declared wait of one
     of the two steps of an external role (or a role without ``people``: no queue the map can compute)
     with the longest wait per case, halved. Steps that suspend the term are left out: their wait
     does not count against the term.

2. :func:`advise` scores every candidate by the figures a manager reads, before and after: the share
   of cases over the term and over term + extension, the p85 and the mean cycle time. It screens all
   candidates cheaply (:func:`screen`), simulates the best ``simulate`` of them in full with the same
   seed and number of cases as the baseline, ranks them (:func:`rank_key`) and keeps the ``top``.

Every "after" figure is exactly what ``procesmap.analyse(apply_overrides(process, set), settings)``
gives: the scores come from the product's own analysis, so when the analysis learns something (a
queueing model in which people and fte drive the waits), the advice follows with no change here.
Both sides use the same seed and cases: whatever common random numbers the simulation keeps between
two versions of a map, the advice keeps.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from procesmap.errors import Problem
from procesmap._version import __version__
from procesmap.durations import _fmt_number, format_amount, format_duration, parse_amount, mean_elapsed_days
from procesmap.settings import Settings
from dataclasses import replace
from procesmap.whatif import apply_overrides
from procesmap.errors import ProcessmapError, LoadError
from pathlib import Path

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Settings
    from procesmap.graph import ProcessGraph
    from procesmap.model import Process

__all__ = [
    "KINDS",
    "TOP",
    "SIMULATE",
    "SCREEN_CASES",
    "ADD_FTE",
    "Candidate",
    "Figures",
    "Intervention",
    "Advice",
    "candidates",
    "rework_branches",
    "screen",
    "score",
    "rank_key",
    "advise",
    "advise_paths",
    "attach_advice",
    "advice_dicts",
    "queue_roles",
    "screening_method",
    "NO_TIME_FIELDS",
    "SHARE_STEP",
    "DAYS_STEP",
]


#: The kinds of candidates, in the order they are generated.
KINDS = ("add_person", "add_fte", "add_fte_person", "backup", "halve_rework", "digital_handover", "halve_external_wait")
#: How many interventions :func:`advise` returns.
TOP = 10
#: How many of the best screened candidates are simulated in full.
SIMULATE = 10
#: Cases of the cheap screening simulation (at most the full number of cases).
SCREEN_CASES = 2_000
#: The fte of the ``add_fte`` candidate.
ADD_FTE = 0.2
#: Ranking resolution: differences in a share smaller than this count as equal (0.1 percentage point) ...
SHARE_STEP = 0.001
#: ... and differences in days smaller than this (a tenth of a day).
DAYS_STEP = 0.1
#: External waits: how many of the longest are halved.
EXTERNAL_WAITS = 2


@dataclass(frozen=True)
class Candidate:
    """One intervention: what it changes (``set``, the ``--set`` assignments), what it costs and why.

    ``subject`` is the role id, step id or ``source -> target`` it is about; ``args`` fill in its
    description (catalogue key ``advise.kind.<kind>``).
    """

    kind: str
    subject: str
    set: tuple[str, ...]
    fte: float
    args: tuple[tuple[str, Any], ...] = ()

    def description(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        return t(f"advise.kind.{self.kind}", lang, **dict(self.args))


@dataclass(frozen=True)
class Figures:
    """The four figures an intervention is judged by; shares are fractions (0-1), times in days."""

    share_over_term: float | None
    share_over_extended_term: float | None
    cycle_p85: float | None
    cycle_mean: float | None

    @classmethod
    def of(cls, analysis: "Analysis") -> "Figures":
        time = analysis.time
        return cls(
            time.share_over_term, time.share_over_extended_term, time.cycle_time.get("p85"), time.cycle_time.get("mean")
        )

    def as_tuple(self) -> tuple[float | None, float | None, float | None, float | None]:
        return (self.share_over_term, self.share_over_extended_term, self.cycle_p85, self.cycle_mean)


@dataclass
class Intervention:
    """A scored candidate: the figures before and after (full simulation), and what its screening estimated."""

    candidate: Candidate
    before: Figures
    after: Figures
    screened: Figures | None = None
    resolves: list[str] = field(default_factory=list)  # "PM204 role-id": findings gone after the change
    cycle_samples: Any = None  # simulated cycle times after the change (days), for the chart of the best

    @property
    def helps(self) -> bool:
        """Whether one of the four figures gets better by at least the ranking resolution."""
        return any(step < 0 for step in _steps(self.before, self.after))

    def to_dict(self, lang: str = "en", rank: int | None = None) -> dict[str, Any]:
        """The documented JSON shape of one intervention (docs/advise.md)."""
        names = ("share_over_term", "share_over_extended_term", "cycle_p85", "cycle_mean")
        data: dict[str, Any] = {
            "rank": rank,
            "kind": self.candidate.kind,
            "subject": self.candidate.subject,
            "set": list(self.candidate.set),
            "description": self.candidate.description(lang),
            "fte": _r(self.candidate.fte),
        }
        for name, before, after in zip(names, self.before.as_tuple(), self.after.as_tuple()):
            data[name] = {"before": _r(before), "after": _r(after)}
        data["helps"] = self.helps
        data["resolves"] = list(self.resolves)
        return data


@dataclass
class Advice:
    """The advice for one map: the baseline analysis and the ranked interventions (best first)."""

    analysis: "Analysis"
    interventions: list[Intervention]
    candidates: int
    simulated: int
    screening: str  # "simulation" (a short one) or "analytic"
    screen_cases: int
    seed: int
    cases: int

    @property
    def before(self) -> Figures:
        return Figures.of(self.analysis)

    @property
    def best(self) -> Intervention | None:
        """The first intervention that helps, or ``None``."""
        return next((i for i in self.interventions if i.helps), None)

    def best_histogram(self) -> Any:
        """The cycle times before and after the best intervention in shared bins
        (:class:`procesmap.analysis.histogram.Histogram`, shares before then after), or ``None``."""
        from procesmap.analysis.histogram import (  # lazy: the analysis loads only when a map is analysed
            cycle_histogram,
            reference_days,
        )

        best = self.best
        if best is None or best.cycle_samples is None or self.analysis.time.cycle_samples is None:
            return None
        return cycle_histogram(
            [self.analysis.time.cycle_samples, best.cycle_samples],
            reference_days(self.analysis.time, service_norm=False),
        )

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON of ``procesmap advise`` for this map (docs/advise.md); keys are never removed."""

        process = self.analysis.process
        before = self.before
        return {
            "format": 1,
            "tool": {"name": "procesmap", "version": __version__},
            "process": {"id": process.id, "name": process.name or process.id, "file": process.file},
            "simulation": {
                "cases": self.cases,
                "seed": self.seed,
                "screening": self.screening,
                "screen_cases": self.screen_cases,
            },
            "candidates": self.candidates,
            "simulated": self.simulated,
            "before": {
                "share_over_term": _r(before.share_over_term),
                "share_over_extended_term": _r(before.share_over_extended_term),
                "cycle_p85": _r(before.cycle_p85),
                "cycle_mean": _r(before.cycle_mean),
            },
            "interventions": [item.to_dict(lang, rank) for rank, item in enumerate(self.interventions, 1)],
        }


def _r(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), 4) + 0.0


def _num(value: float) -> str:
    """A number for a ``--set`` value: at most four decimals, no float noise (0.8 + 0.2 -> 1)."""

    return _fmt_number(round(value, 4) + 0.0)


# -- candidates ---------------------------------------------------------------------------------------


def _doers(process: "Process") -> dict[str, list[str]]:
    """Role id -> the steps it does (its ``role``, else RACI ``R``), in file order."""
    from procesmap.analysis.ownership import doer  # lazy: the analysis loads only when a map is analysed

    result: dict[str, list[str]] = {}
    for step in process.steps:
        who = doer(step.role, step.raci.R)
        if who is not None:
            result.setdefault(who, []).append(step.id)
    return result


def queue_roles(process: "Process") -> list[str]:
    """Internal roles with ``people`` that do at least one step: the roles with a queue, in file order."""
    doers = _doers(process)
    return [r for r, role in process.roles.items() if r in doers and not role.external and role.people is not None]


def _capacity_candidates(process: "Process") -> list[Candidate]:
    found: list[Candidate] = []
    for role_id in queue_roles(process):
        role = process.roles[role_id]
        people = int(role.people or 0)
        name = process.role_name(role_id)
        current = role.fte if role.fte is not None else float(people)
        person = [f"roles.{role_id}.people={people + 1}"]
        if role.fte is not None:
            person.append(f"roles.{role_id}.fte={_num(role.fte + 1.0)}")
        found.append(
            Candidate(
                "add_person", role_id, tuple(person), 1.0, (("role", name), ("people", people), ("after", people + 1))
            )
        )
        fte = current + ADD_FTE
        more = [f"roles.{role_id}.fte={_num(fte)}"]
        if fte > people + 1e-9:
            more.insert(0, f"roles.{role_id}.people={people + 1}")
        kind = "add_fte" if fte <= people + 1e-9 else "add_fte_person"
        found.append(
            Candidate(
                kind,
                role_id,
                tuple(more),
                ADD_FTE,
                (
                    ("role", name),
                    ("fte", _plain(current)),
                    ("after", _plain(fte)),
                    ("people", people),
                    ("people_after", people + 1),
                ),
            )
        )
    return found


def _plain(value: float) -> float | int:
    value = round(value, 4)
    return int(value) if value == int(value) else value


def _backup_candidates(analysis: "Analysis") -> list[Candidate]:
    process = analysis.process
    found: list[Candidate] = []
    spare: dict[str, float] = {}
    from procesmap.analysis.capacity import (  # lazy: the analysis loads only when a map is analysed
        yearly_capacity_hours,
    )

    for role_id, role in process.roles.items():
        if role.external or role.people is None:
            continue
        load = analysis.capacity.roles.get(role_id)
        capacity = yearly_capacity_hours(analysis.graph, role_id) or 0.0
        demand = load.demand_hours if load is not None and load.demand_hours is not None else 0.0
        spare[role_id] = capacity - demand
    # every role's rank as a backup: most spare hours first, then file order; and the ranked roles of each team
    # and organisation, so that each single point of failure takes its backup in a few steps (a role per role
    # made this quadratic: 1,000 roles, 999,000 comparisons, issue #19)
    order = {r: i for i, r in enumerate(process.roles)}
    ranked = sorted(spare, key=lambda r: (-spare[r], order[r]))
    by_team: dict[str, list[str]] = {}
    by_organisation: dict[str, list[str]] = {}
    for other in ranked:
        other_team, other_organisation = process.team_of(other), process.organisation_of(other)
        if other_team is not None:
            by_team.setdefault(other_team, []).append(other)
        if other_organisation is not None:
            by_organisation.setdefault(other_organisation, []).append(other)

    def best(group: list[str], role_id: str) -> str | None:
        """The first role of ``group`` (ranked) that is not ``role_id``: at most two looked at."""
        return next((other for other in group if other != role_id), None)

    for role_id in analysis.ownership.single_points_of_failure:
        team, organisation = process.team_of(role_id), process.organisation_of(role_id)
        # the same team first, then the same organisation, then any role
        backup = (
            (best(by_team.get(team, []), role_id) if team is not None else None)
            or (best(by_organisation.get(organisation, []), role_id) if organisation is not None else None)
            or best(ranked, role_id)
        )
        if backup is None:
            continue
        found.append(
            Candidate(
                "backup",
                role_id,
                (f"roles.{role_id}.backup={backup}",),
                0.0,
                (("role", process.role_name(role_id)), ("backup", process.role_name(backup))),
            )
        )
    return found


def rework_branches(pg: "ProcessGraph") -> list[tuple[str, str]]:
    """The branch that sends a case back round each rework loop: ``(decision, target)`` pairs.

    A depth-first walk from the start (branches in file order) finds each loop as an arrow back to a
    step still on the walk's path; the branch taken is the last decision on that loop (a step with
    several branches that is not a ``parallel``) before the arrow back, and its branch into the loop.
    Loops without such a decision (an endless loop, PM404) give none.
    """
    steps = pg.process.steps_by_id
    outgoing: dict[str, list[str]] = {}
    for transition in pg.transitions:
        outgoing.setdefault(transition.source, []).append(transition.target)
    state: dict[str, int] = {}
    path: list[str] = []
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Iterable[str]]] = [(pg.start, iter(outgoing.get(pg.start, [])))]
    state[pg.start] = 1
    path.append(pg.start)
    while stack:
        node, targets = stack[-1]
        target = next(iter(targets), None)  # type: ignore[call-overload]
        if target is None:
            stack.pop()
            path.pop()
            state[node] = 2
            continue
        if target not in steps:
            continue
        if state.get(target) == 1:
            loop = path[path.index(target) :] + [target]
            for index in range(len(loop) - 2, -1, -1):
                source, into = loop[index], loop[index + 1]
                step = steps[source]
                targets_of = [b.to for b in step.next]
                if step.type != "parallel" and len(targets_of) > 1 and targets_of.count(into) == 1:
                    if (source, into) not in found:
                        found.append((source, into))
                    break
        elif target not in state:
            state[target] = 1
            path.append(target)
            stack.append((target, iter(outgoing.get(target, []))))
    return found


def _rework_candidates(analysis: "Analysis") -> list[Candidate]:
    pg = analysis.graph
    if pg.probability_problems:
        return []
    found: list[Candidate] = []
    for source, target in rework_branches(pg):
        branches = [t for t in pg.outgoing(source) if not t.parallel]
        if len({t.target for t in branches}) != len(branches):
            continue
        p = next(t.p for t in branches if t.target == target)
        if p <= 0:
            continue
        new = {t.target: t.p for t in branches}
        new[target] = p / 2.0
        others = [t.target for t in branches if t.target != target]
        rest = sum(new[o] for o in others)
        for other in others:
            new[other] = new[other] * (1.0 - p / 2.0) / rest if rest > 0 else (p / 2.0) / len(others)
        rounded = {k: round(v, 4) for k, v in new.items()}
        largest = max(others, key=lambda o: rounded[o])
        rounded[largest] = round(1.0 - sum(v for k, v in rounded.items() if k != largest), 4)
        assignments = tuple(f"steps.{source}.next.{t.target}.p={_num(rounded[t.target])}" for t in branches)
        label = pg.process.step(source).label
        found.append(
            Candidate(
                "halve_rework",
                f"{source} -> {target}",
                assignments,
                0.0,
                (
                    ("step", label),
                    ("target", pg.process.step(target).label),
                    ("before", _plain(p * 100.0)),
                    ("after", _plain(rounded[target] * 100.0)),
                ),
            )
        )
    return found


def _digital_candidates(analysis: "Analysis") -> list[Candidate]:
    process = analysis.process
    found: list[Candidate] = []
    seen: set[str] = set()
    for handover in analysis.handovers.handovers:
        if "manual" not in handover.levels or handover.target in seen:
            continue
        seen.add(handover.target)
        target, source = process.step(handover.target), process.step(handover.source)
        system = next(
            (s for s in (target.system, source.system) if s and s in process.systems and not process.is_manual(s)), None
        )
        if system is None:
            continue
        old = process.systems[handover.via] if handover.via in process.systems else None  # type: ignore[index]
        found.append(
            Candidate(
                "digital_handover",
                target.id,
                (f"steps.{target.id}.via={system}",),
                0.0,
                (
                    ("step", target.label),
                    ("via", (old.name if old and old.name else handover.via) or "-"),
                    ("system", process.systems[system].name or system),
                ),
            )
        )
    return found


def _halved(duration: Any) -> Any:
    """A duration's YAML value with every amount halved (other keys, such as a ``cv``, kept)."""

    def half(value: Any) -> Any:
        if isinstance(value, str):
            amount = parse_amount(value)
            return format_amount(type(amount)(amount.minutes / 2.0, amount.days / 2.0, amount.weeks / 2.0))
        if isinstance(value, list):
            return [half(v) for v in value]
        if isinstance(value, dict):
            return {
                k: (half(v) if k in ("min", "mode", "max", "samples", "mean", "value") else v) for k, v in value.items()
            }
        return value

    return half(format_duration(duration))


def _flow(value: Any) -> str:
    """A YAML flow value: ``7d``, ``{min: 1d, mode: 2d, max: 5d}``, ``{samples: [1d, 2d]}``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


def _external_wait_candidates(analysis: "Analysis") -> list[Candidate]:
    from procesmap.analysis.ownership import doer  # lazy: the analysis loads only when a map is analysed

    process = analysis.process
    visits = analysis.graph.visits or {}
    scored = []
    for index, step in enumerate(process.steps):
        who = doer(step.role, step.raci.R)
        role = process.roles.get(who or "")
        if step.wait is None or step.suspends_term or role is None:
            continue
        if not (role.external or role.people is None):
            continue
        per_case = visits.get(step.id, 0.0) * mean_elapsed_days(step.wait)
        if per_case > 0:
            scored.append((-per_case, index, step))
    found: list[Candidate] = []
    for _, _, step in sorted(scored)[:EXTERNAL_WAITS]:
        halved = _flow(_halved(step.wait))
        found.append(
            Candidate(
                "halve_external_wait",
                step.id,
                (f"steps.{step.id}.wait={halved}",),
                0.0,
                (
                    ("step", step.label),
                    ("role", process.role_name(doer(step.role, step.raci.R))),
                    ("before", float(mean_elapsed_days(step.wait))),
                    ("after", float(mean_elapsed_days(step.wait)) / 2.0),
                ),
            )
        )
    return found


def candidates(process: "Process", analysis: "Analysis | None" = None) -> list[Candidate]:
    """Every candidate intervention for ``process``, in the order of :data:`KINDS` (and of the file within a kind).

    ``analysis`` (of ``process``) is reused when given; only its structure is read (roles, single points of
    failure, handovers, visits), never a simulated figure, so the list does not depend on seed or cases.
    """
    from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed

    if analysis is None:
        analysis = analyse(process, Settings(cases=0))
    return [
        *_capacity_candidates(process),
        *_backup_candidates(analysis),
        *_rework_candidates(analysis),
        *_digital_candidates(analysis),
        *_external_wait_candidates(analysis),
    ]


# -- scoring -------------------------------------------------------------------------------------------


def _steps(before: Figures, after: Figures) -> tuple[int, int, int, int]:
    """The change of each figure in ranking steps (negative: better); a figure one side lacks counts 0."""
    result = []
    for index, (b, a) in enumerate(zip(before.as_tuple(), after.as_tuple())):
        if a is None or b is None:
            result.append(0)
            continue
        unit = SHARE_STEP if index < 2 else DAYS_STEP
        result.append(int(math.floor((a - b) / unit + 0.5)))
    return tuple(result)  # type: ignore[return-value]


def rank_key(intervention: Intervention, order: int = 0) -> tuple[Any, ...]:
    """The ranking rule (smaller ranks first).

    1. the change in the share of cases over the term, then over term + extension, then in the p85 and
       then in the mean cycle time, each counted in whole steps of :data:`SHARE_STEP` (0.1 percentage
       point) or :data:`DAYS_STEP` (0.1 day), so that a difference below what anyone would act on is a tie;
    2. on a tie, the lower cost in fte, then the more findings it resolves;
    3. then the order in which :func:`candidates` generated it: the ranking never depends on chance.
    """
    return (
        *_steps(intervention.before, intervention.after),
        intervention.candidate.fte,
        -len(intervention.resolves),
        order,
    )


def _settings(settings: "Settings", cases: int) -> "Settings":
    return replace(settings, cases=cases)


def _analytic() -> Any:
    """The analytic queueing of the analysis (Erlang C / Allen-Cunneen per role), or ``None`` before it exists."""
    try:
        from procesmap.analysis.queueing import (  # lazy: the analysis loads only when a map is analysed
            analytic_queueing,
        )
    except ImportError:
        return None
    return analytic_queueing


def screening_method() -> str:
    """``"analytic"`` when the analysis has an analytic queueing model to screen with, else ``"simulation"``."""
    return "analytic" if _analytic() is not None else "simulation"


def screen(process: "Process", settings: "Settings", baseline: "Process | None" = None, extra: Any = None) -> Figures:
    """The cheap estimate used to choose which candidates to simulate in full (the screening hook).

    With the analysis's analytic queueing (:func:`procesmap.analysis.queueing.analytic_queueing`): the mean
    cycle time as the sum over steps of visits x (wait + lead), where the wait of a step whose role has a
    queue is its ``other_wait`` (the declared wait less the queue the ``baseline`` map's capacity explains)
    plus the queue of this map's capacity; steps of a role that cannot keep up keep their declared wait,
    as in the analysis. Parallel branches are added up instead of taking the longest, and the shares and
    the p85 are left out (``None``): a screen, never a reported figure. Instant.

    Without it: a short simulation (:data:`SCREEN_CASES` cases, the same seed) through the ordinary analysis.
    """
    analytic = _analytic()
    if analytic is None:
        return Figures.of(_analyse(process, _settings(settings, min(settings.cases, SCREEN_CASES)), extra))
    return Figures(None, None, None, _analytic_mean(process, baseline or process, analytic, extra))


def _analytic_mean(process: "Process", baseline: "Process", analytic: Any, extra: Any = None) -> float | None:
    from procesmap.analysis.ownership import doer  # lazy: the analysis loads only when a map is analysed
    from procesmap.analysis.timing import lead_days  # lazy: the analysis loads only when a map is analysed
    from procesmap.graph import build_graph  # lazy: the graph and the model (pydantic) load only when a map is analysed

    visits = build_graph(process).visits
    if visits is None:
        return None
    now = analytic(process, visits, None, extra)
    before = now if baseline is process else analytic(baseline, None, None, extra)
    calendar = process.calendar.calendar()
    total = 0.0
    for step in process.steps:
        wait = mean_elapsed_days(step.wait)
        role = doer(step.role, step.raci.R)
        estimate, base = now.get(role or ""), before.get(role or "")
        if estimate is not None and estimate.stable and step.work is not None:
            explained = base.queue_mean if base is not None and base.stable else (wait if base is not None else 0.0)
            wait = max(wait - (explained or 0.0), 0.0) + (estimate.queue_mean or 0.0)
        total += visits.get(step.id, 0.0) * (wait + lead_days(step, calendar))
    return total


#: Fields that neither the routing, the timing nor the queueing of the analysis reads: a candidate that changes
#: only these gives exactly the figures of the map it starts from, so it is not simulated again.
NO_TIME_FIELDS = frozenset({"backup", "via"})


def _changes_no_time(candidate: Candidate) -> bool:
    return all(a.partition("=")[0].rsplit(".", 1)[-1] in NO_TIME_FIELDS for a in candidate.set)


def score(process: "Process", candidate: Candidate, settings: "Settings", extra: Any = None) -> "Analysis":
    """The full analysis of ``process`` with ``candidate`` applied: what ``--set`` on the command line gives."""

    return _analyse(apply_overrides(process, list(candidate.set)), settings, extra)


def _analyse(process: "Process", settings: "Settings", extra: Any = None) -> "Analysis":
    """:func:`procesmap.pipeline.analyse`, with the work of other processes at shared roles when there is any."""
    from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed

    return analyse(process, settings, extra) if extra else analyse(process, settings)


def _finding_keys(analysis: "Analysis") -> set[str]:
    return {f"{f.code} {f.subject}" for f in analysis.findings}


def advise(
    process: "Process",
    settings: "Settings | None" = None,
    *,
    top: int = TOP,
    simulate: int = SIMULATE,
    analysis: "Analysis | None" = None,
    extra: Any = None,
) -> Advice:
    """Generate, screen, simulate and rank the interventions for one map; the ``top`` best first.

    ``settings`` gives the cases and seed of the full simulation (both sides use them) and the rule
    severities; ``analysis`` is the baseline analysis of ``process`` with those settings, when the caller
    has it already; ``extra`` the work other processes of a repository bring to shared roles (as
    :func:`procesmap.pipeline.analyse` takes it), the same before and after. Every candidate is screened with :func:`screen`, the best ``simulate`` are analysed
    in full (:func:`score`) and ranked with :func:`rank_key`. Deterministic: the same map and settings give
    the same advice.
    """
    from procesmap.analysis import Settings  # lazy: the analysis loads only when a map is analysed

    from procesmap.advice_bounds import check_advice  # lazy: the limits load only when advice is asked

    settings = settings or Settings()
    if analysis is None:
        # the candidates the map alone gives (two per role with a queue) are fewer than all of them: a map over
        # the limit with these alone is refused before its baseline analysis (2,000 steps x 1,000 roles: 7 s)
        check_advice(process, len(_capacity_candidates(process)), simulate)
        analysis = _analyse(process, settings, extra)
    found = candidates(process, analysis)
    check_advice(process, len(found), simulate)  # its work limit, before a candidate is screened
    method = screening_method()
    screen_settings = _settings(settings, min(settings.cases, SCREEN_CASES))
    if method == "simulation" and settings.cases <= SCREEN_CASES:
        screen_before = Figures.of(analysis)
    else:
        screen_before = screen(process, screen_settings, None, extra)
    screened: list[tuple[Intervention, int, "Process"]] = []
    for order, candidate in enumerate(found):
        try:
            changed = apply_overrides(process, list(candidate.set))
        except ProcessmapError:  # a candidate the map's own checks refuse (a limit): not offered
            continue
        estimate = screen_before if _changes_no_time(candidate) else screen(changed, screen_settings, process, extra)
        screened.append((Intervention(candidate, screen_before, estimate, screened=estimate), order, changed))
    screened.sort(key=lambda item: rank_key(item[0], item[1]))
    before = Figures.of(analysis)
    keys_before = _finding_keys(analysis)
    cheap_before: "Analysis | None" = None
    scored: list[tuple[Intervention, int]] = []
    simulated = 0
    for item, order, changed in screened[: max(simulate, 0)]:
        if _changes_no_time(item.candidate):
            # the same time inputs: the figures are the baseline's; the findings from an analysis without simulation
            if cheap_before is None:
                cheap_before = _analyse(process, _settings(settings, 0), extra)
            cheap = _analyse(changed, _settings(settings, 0), extra)
            resolves = sorted(_finding_keys(cheap_before) - _finding_keys(cheap))
            scored.append(
                (
                    Intervention(
                        item.candidate,
                        before,
                        before,
                        screened=item.screened,
                        resolves=resolves,
                        cycle_samples=analysis.time.cycle_samples,
                    ),
                    order,
                )
            )
            continue
        after = _analyse(changed, settings, extra)
        simulated += 1
        resolves = sorted(keys_before - _finding_keys(after))
        scored.append(
            (
                Intervention(
                    item.candidate,
                    before,
                    Figures.of(after),
                    screened=item.screened,
                    resolves=resolves,
                    cycle_samples=after.time.cycle_samples,
                ),
                order,
            )
        )
    scored.sort(key=lambda pair: rank_key(*pair))
    ranked = [item for item, _ in scored[: max(top, 0)]]
    best = next((i for i in ranked if i.helps), None)
    for item in ranked:
        if item is not best:
            item.cycle_samples = None  # only the best one's distribution is drawn
    return Advice(
        analysis=analysis,
        interventions=ranked,
        candidates=len(found),
        simulated=simulated,
        screening=method,
        screen_cases=screen_settings.cases if method == "simulation" else 0,
        seed=settings.seed,
        cases=settings.cases,
    )


def advise_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: str | os.PathLike[str] | None = None,
    cases: int | None = None,
    seed: int | None = None,
    top: int = TOP,
    simulate: int = SIMULATE,
) -> tuple[list[Advice], list[Problem]]:
    """Load every map under ``paths`` and advise on each (a folder is one repository, as for ``analyse``).

    Each map gets the configuration found from its folder upwards (``config`` names one file for all);
    ``cases``/``seed`` win over it. Returns the advice per map and every problem (load errors, configuration
    errors), like :func:`procesmap.api.check_paths`.
    """
    from procesmap.config import (  # lazy: the configuration and rule registry load only when settings are read
        Config,
        find_config,
        load_config,
    )
    from procesmap.loading import load_many  # lazy: the loader loads only when a file is read

    from procesmap.repository import shared_load  # lazy: the folder overview loads only when a folder is analysed

    processes, problems = load_many(paths)
    # one queue per role across the maps of a repository, before and after, as analyse has it
    extras = dict(zip(map(id, processes), shared_load(processes)))
    result: list[Advice] = []
    failed: set[str] = set()
    for process in processes:
        where = Path(config) if config is not None else find_config(process.file)
        try:
            configured = load_config(where) if where is not None else Config()
        except LoadError as err:
            if str(where) not in failed:
                failed.add(str(where))
                problems.extend(err.problems)
            continue
        result.append(
            advise(
                process,
                configured.settings(cases, seed),
                top=top,
                simulate=simulate,
                extra=extras.get(id(process)) or None,
            )
        )
    return result, problems


def attach_advice(
    analyses: Sequence["Analysis"],
    *,
    config: str | os.PathLike[str] | None = None,
    cases: int | None = None,
    seed: int | None = None,
    top: int = TOP,
    simulate: int = SIMULATE,
) -> list[Advice]:
    """Advise on analyses already made (``analyse --advise``) and set each one's ``advice``, which the reports
    render as the section "What helps most". Each map's configuration gives its settings, as in :func:`advise_paths`;
    the analysis is the baseline (with any ``--set`` scenario already in it)."""
    from procesmap.config import (  # lazy: the configuration and rule registry load only when settings are read
        config_for,
    )
    from procesmap.repository import shared_load  # lazy: the folder overview loads only when a folder is analysed

    extras = shared_load([a.process for a in analyses])  # the shared queues the analyses were made with
    result = []
    for analysis, extra in zip(analyses, extras):
        settings = config_for(analysis.process.file, config).settings(cases, seed)
        analysis.advice = advise(
            analysis.process, settings, top=top, simulate=simulate, analysis=analysis, extra=extra or None
        )
        result.append(analysis.advice)
    return result


def advice_dicts(advices: Sequence[Advice], lang: str) -> Any:
    """One object for one map, a list for several (as the JSON of ``analyse``)."""
    items = [a.to_dict(lang) for a in advices]
    return items[0] if len(items) == 1 else items

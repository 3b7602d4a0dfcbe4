"""A repository of processes: shared organisation files, subprocesses, and the load across processes.

Teams keep their maps in one folder. Three things only make sense across files:

- a shared file with ``kind: organisation`` holds organisations, teams, roles and systems
  used by several maps (merged into each map of its folder by the loader);
- ``subprocess: other-id`` on a step stands for the whole of another process: the step
  hands the case to the other process's start, and that process's ends hand it back to
  the step's ``next`` (:func:`expand_subprocesses`);
- a role that works in several processes has one capacity: its demand adds up across
  them (:func:`overview`), so a team that is fine in each process but overloaded
  across all of them is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from procesmap import subprocesses as _subprocesses
from procesmap.rules import RuleContext, run_checks
from procesmap.settings import Settings
from dataclasses import replace

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding
    from procesmap.analysis.queueing import ExtraLoad
    from procesmap.model import Process

__all__ = ["SEPARATOR", "expand_subprocesses", "Overview", "ProcessSummary", "RoleAcross", "overview", "shared_load"]

SEPARATOR = _subprocesses.SEPARATOR
expand_subprocesses = _subprocesses.expand_subprocesses


# -- the load across processes -----------------------------------------------------------------


@dataclass(frozen=True)
class ProcessSummary:
    """The key figures of one process, for the overview table."""

    id: str
    name: str
    file: str
    steps: int
    cycle_time_mean: float | None
    term: float | None
    share_over_term: float | None
    organisation_handovers_per_case: float | None
    bottleneck: str | None
    errors: int
    warnings: int
    infos: int
    share_over_extended_term: float | None = None
    late_per_year: dict[str, float | None] = field(default_factory=lambda: {"term": None, "extended_term": None})
    highest: str | None = None  # the role with the highest utilisation (a plain figure)
    highest_utilisation: float | None = None
    highest_mark: str | None = None  # "bottleneck" (PM303) or "overloaded" (PM304) where a finding says so


@dataclass
class RoleAcross:
    """A role's yearly demand summed over every process it works in, against its one capacity."""

    role: str
    name: str
    team: str | None
    demand_hours: float | None
    capacity_hours: float | None
    utilisation: float | None
    per_process: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Overview:
    processes: list[ProcessSummary]
    roles: list[RoleAcross]
    teams: dict[str, tuple[float | None, float | None, float | None]]
    findings: list["Finding"]


def _highest(a: "Analysis") -> dict[str, Any]:
    """The most utilised role of one process: the marked one (PM303/PM304) first, else the highest plain figure."""
    cap = a.capacity
    role = cap.bottleneck or cap.highest
    load = cap.roles.get(role) if role else None
    return {
        "highest": role,
        "highest_utilisation": load.utilisation if load else None,
        "highest_mark": cap.marks.get(role) if role else None,
    }


def overview(analyses: Sequence["Analysis"], settings: "Settings | None" = None) -> Overview:
    """Key figures per process, and per role and team the load across all processes.

    A role's capacity is taken from its first definition (a shared organisation file
    defines it once). Processes without a ``volume`` add no demand; that is listed as
    ``None`` in ``per_process``. Findings PM303/PM304 are raised for roles that work in
    two or more processes and cross the threshold only when their demand is added up.
    """
    settings = settings or Settings()
    summaries = []
    for a in analyses:
        counts = {
            level: sum(1 for f in a.findings if f.severity.value == level) for level in ("error", "warning", "info")
        }
        summaries.append(
            ProcessSummary(
                id=a.process.id,
                name=a.process.name or a.process.id,
                file=a.process.file,
                steps=len(a.process.steps),
                cycle_time_mean=a.time.cycle_time.get("mean"),
                term=a.time.term,
                share_over_term=a.time.share_over_term,
                organisation_handovers_per_case=a.handovers.expected_per_case.get("organisation"),
                bottleneck=a.capacity.bottleneck,
                errors=counts["error"],
                warnings=counts["warning"],
                infos=counts["info"],
                share_over_extended_term=a.time.share_over_extended_term,
                late_per_year=dict(a.time.late_per_year),
                **_highest(a),
            )
        )
    roles: dict[str, RoleAcross] = {}
    owner_of: dict[str, "Analysis"] = {}
    for a in analyses:
        for role_id, load in a.capacity.roles.items():
            entry = roles.get(role_id)
            if entry is None:
                entry = RoleAcross(
                    role_id, a.process.role_name(role_id), a.process.team_of(role_id), 0.0, load.capacity_hours, None
                )
                roles[role_id] = entry
                owner_of[role_id] = a
            entry.per_process[a.process.id] = load.demand_hours
            if load.demand_hours is not None and entry.demand_hours is not None:
                entry.demand_hours += load.demand_hours
    for entry in roles.values():
        if entry.capacity_hours and entry.demand_hours is not None:
            entry.utilisation = entry.demand_hours / entry.capacity_hours
    teams: dict[str, tuple[float | None, float | None, float | None]] = {}
    for entry in roles.values():
        if entry.team is None:
            continue
        demand, capacity, _ = teams.get(entry.team, (0.0, 0.0, None))
        demand = None if demand is None or entry.demand_hours is None else demand + entry.demand_hours
        capacity = None if capacity is None or entry.capacity_hours is None else capacity + entry.capacity_hours
        teams[entry.team] = (demand, capacity, demand / capacity if demand is not None and capacity else None)

    across = {
        entry.role: entry
        for entry in roles.values()
        if entry.utilisation is not None and len([d for d in entry.per_process.values() if d]) >= 2
    }
    findings = _findings_across(across, owner_of, settings)
    return Overview(summaries, sorted(roles.values(), key=lambda r: -(r.utilisation or 0.0)), teams, findings)


@dataclass
class _AcrossCapacity:
    roles: dict[str, RoleAcross]


@dataclass
class _AcrossAnalysis:
    """What PM303/PM304 read of an analysis (``capacity.roles`` with a ``utilisation`` each, ``process.roles`` and
    ``process.where_role``), for the roles summed across processes: their own check runs on it."""

    capacity: _AcrossCapacity
    process: "_AcrossProcess"


@dataclass
class _AcrossProcess:
    roles: dict[str, RoleAcross]
    owner_of: dict[str, "Analysis"]
    file: str = ""

    def where_role(self, role_id: str) -> tuple[str, int, int]:
        return self.owner_of[role_id].process.where_role(role_id)


def _findings_across(
    across: dict[str, RoleAcross], owner_of: dict[str, "Analysis"], settings: "Settings"
) -> list["Finding"]:
    """PM303/PM304 over the roles that work in two or more processes, by the rules' own check (and thresholds,
    severities and the boundary between them, from ``settings`` as for one map); each finding says across which
    processes (``message_across``). The findings are in role order."""

    context = _AcrossAnalysis(_AcrossCapacity(across), _AcrossProcess(across, owner_of))

    def ctx_for(spec: Any, level: Any, enabled: dict[str, dict[str, Any]]) -> RuleContext:
        return RuleContext(context, spec.code, spec.name, level, enabled[spec.code], enabled)  # type: ignore[arg-type]

    found = run_checks(ctx_for, settings, "map", only=("PM303", "PM304"))
    findings = []
    for finding in sorted(found, key=lambda f: (f.subject, f.code)):
        entry = across[finding.subject]
        worked = [pid for pid, demand in entry.per_process.items() if demand]
        findings.append(
            replace(
                finding,
                message_key=f"{finding.code}.message_across",
                hint_key=None,
                args={
                    "role": entry.role,
                    "utilisation": (entry.utilisation or 0.0) * 100.0,
                    "count": len(worked),
                    "processes": ", ".join(worked),
                },
            )
        )
    return findings


# -- one queue per role across processes ----------------------------------------------------------


def shared_load(processes: Sequence["Process"]) -> list[dict[str, list["ExtraLoad"]]]:
    """Per process (same order): the work the *other* processes bring to its roles with a queue.

    A role that works in several maps analysed together has one queue (docs/queueing.md): its
    jobs from every other process with a ``volume`` join it, each step's visits per year with
    that step's ``work`` (in working hours of its own map's calendar). Roles are matched by id, as
    for the load across processes. The result goes to :func:`procesmap.pipeline.analyse` as
    ``extra``; a process whose roles are shared with no other gets an empty mapping.
    """
    if len(processes) < 2:  # no other process brings work: nothing to compute (a big map's visits cost seconds)
        return [{} for _ in processes]
    # numpy and the model load with the first analysis, not with this module (procesmap check imports it)
    from procesmap.analysis.queueing import ExtraLoad  # lazy: the analysis loads only when a map is analysed
    from procesmap.analysis.sampling import effort_spec  # lazy: the analysis loads only when a map is analysed
    from procesmap.graph import build_graph  # lazy: the graph and the model (pydantic) load only when a map is analysed

    loads: list[dict[str, list[tuple[str, float, object]]]] = []
    for process in processes:
        mine: dict[str, list[tuple[str, float, object]]] = {}
        if process.volume is not None:
            visits = build_graph(process).visits
            calendar = process.calendar.calendar()
            volume = process.volume.per_year(calendar)
            for step in process.steps if visits else ():
                role_id = step.role or step.raci.R
                role = process.roles.get(role_id or "")
                if role is None or role.external or role.people is None or step.work is None:
                    continue
                jobs = volume * visits.get(step.id, 0.0)  # type: ignore[union-attr]
                if jobs > 0:
                    mine.setdefault(role_id, []).append((process.id, jobs, effort_spec(step.work, calendar)))  # type: ignore[arg-type]
        loads.append(mine)
    result: list[dict[str, list[ExtraLoad]]] = []
    for index, process in enumerate(processes):
        extra: dict[str, list[ExtraLoad]] = {}
        for other_index, other in enumerate(loads):
            if other_index == index:
                continue
            for role_id, items in other.items():
                role = process.roles.get(role_id)
                if role is None or role.external or role.people is None:
                    continue
                extra.setdefault(role_id, []).extend(ExtraLoad(pid, jobs, spec) for pid, jobs, spec in items)  # type: ignore[arg-type]
        result.append(extra)
    return result

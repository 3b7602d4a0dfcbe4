"""Capacity: yearly demand against yearly capacity per role, and the bottleneck."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procesmap.findings import Missing
from procesmap.analysis.ownership import doer
from procesmap.durations import mean_effort_hours
from procesmap.graph import ProcessGraph

__all__ = ["RoleLoad", "CapacityFigures", "compute_capacity", "yearly_capacity_hours", "MARK_OF_RULE"]


@dataclass(frozen=True)
class RoleLoad:
    demand_hours: float | None
    capacity_hours: float | None
    utilisation: float | None


#: The mark a role's load gets, by the rule that found it (docs/format.md, 'Load marks and the bottleneck').
MARK_OF_RULE = {"PM304": "overloaded", "PM303": "bottleneck"}


@dataclass
class CapacityFigures:
    """Utilisation per role. ``highest`` is the role with the highest utilisation, a plain figure;
    ``marks`` the roles a finding marks (PM303: ``bottleneck``, PM304: ``overloaded``), and
    ``bottleneck`` the most utilised marked role (``None`` when no finding marks one); ``thresholds`` the
    utilisation from which each mark is given (PM303's and PM304's configured ``threshold``; a mark whose
    rule is off has none), for the lines of the utilisation chart."""

    roles: dict[str, RoleLoad] = field(default_factory=dict)
    bottleneck: str | None = None
    highest: str | None = None
    marks: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def mark_roles(self, findings: "list[Any]", thresholds: dict[str, float] | None = None) -> None:
        """Mark the roles PM303/PM304 found (each with its own mark); the bottleneck is the most utilised of them."""
        self.marks = {
            f.subject: MARK_OF_RULE[f.code] for f in findings if f.code in MARK_OF_RULE and f.subject in self.roles
        }
        marked = [(self.roles[r].utilisation or 0.0, r) for r in self.marks]
        self.bottleneck = max(marked)[1] if marked else None
        if thresholds is not None:
            self.thresholds = dict(thresholds)


def yearly_capacity_hours(pg: ProcessGraph, role_id: str) -> float | None:
    """fte (default: people) x hours_per_day x days_per_week x weeks_per_year."""
    role = pg.process.roles[role_id]
    heads = role.fte if role.fte is not None else role.people
    if heads is None:
        return None
    cal = pg.process.calendar
    return heads * cal.hours_per_day * cal.days_per_week * cal.weeks_per_year


def compute_capacity(pg: ProcessGraph, volume_per_year: float | None, missing: list[Missing]) -> CapacityFigures:
    process = pg.process
    calendar = process.calendar.calendar()
    figures = CapacityFigures()
    if volume_per_year is None:
        missing.append(Missing("missing.volume"))
    if pg.visits is None:
        missing.append(Missing("missing.capacity_no_visits"))
    work: dict[str, float] = {}
    for step in process.steps:
        who = doer(step.role, step.raci.R)
        if who is None or who not in process.roles:
            continue
        visits = pg.visits.get(step.id, 0.0) if pg.visits is not None else 0.0
        work[who] = work.get(who, 0.0) + visits * mean_effort_hours(step.work, calendar)
    for role_id in work:
        if process.is_external(role_id):
            missing.append(Missing("missing.capacity_external", {"role": role_id}))
            continue
        capacity = yearly_capacity_hours(pg, role_id)
        if capacity is None:
            missing.append(Missing("missing.capacity_people", {"role": role_id}))
        demand = volume_per_year * work[role_id] if volume_per_year is not None and pg.visits is not None else None
        utilisation = demand / capacity if demand is not None and capacity else None
        figures.roles[role_id] = RoleLoad(demand, capacity, utilisation)
    loads = [(load.utilisation, role_id) for role_id, load in figures.roles.items() if load.utilisation]
    if loads:
        figures.highest = max(loads)[1]
    return figures

"""Handovers: where a case moves between roles, teams, organisations, to outsiders, or outside the case system."""

from __future__ import annotations

from dataclasses import dataclass, field

from procesmap.graph import ProcessGraph

__all__ = ["LEVELS", "Handover", "HandoverFigures", "handover_levels", "compute_handovers"]

LEVELS = ("role", "team", "organisation", "external", "manual")


@dataclass(frozen=True)
class Handover:
    source: str
    target: str
    levels: tuple[str, ...]
    via: str | None
    per_case: float | None


@dataclass
class HandoverFigures:
    transitions: dict[str, int] = field(default_factory=dict)
    expected_per_case: dict[str, float | None] = field(default_factory=dict)
    handovers: list[Handover] = field(default_factory=list)


def handover_levels(pg: ProcessGraph, source: str, target: str) -> tuple[str, ...]:
    """The levels a transition counts in (docs/format.md, 'Handovers'); empty when it is no handover.

    Both steps need a role. ``manual`` counts where the target's ``via`` is a
    ``kind: manual`` system and the roles differ: a handover outside the case system.
    """
    process = pg.process
    u, v = process.step(source), process.step(target)
    if not u.role or not v.role or u.role == v.role:
        return ()
    levels = ["role"]
    ext_u, ext_v = process.is_external(u.role), process.is_external(v.role)
    if not ext_u and not ext_v:
        team_u, team_v = process.team_of(u.role), process.team_of(v.role)
        if team_u and team_v and team_u != team_v:
            levels.append("team")
        org_u, org_v = process.organisation_of(u.role), process.organisation_of(v.role)
        if org_u and org_v and org_u != org_v:
            levels.append("organisation")
    if ext_u != ext_v:
        levels.append("external")
    if process.is_manual(v.via):
        levels.append("manual")
    return tuple(levels)


def compute_handovers(pg: ProcessGraph) -> HandoverFigures:
    figures = HandoverFigures(
        transitions={level: 0 for level in LEVELS},
        expected_per_case={level: (0.0 if pg.visits is not None else None) for level in LEVELS},
    )
    merged: dict[tuple[str, str], float | None] = {}
    for transition in pg.transitions:
        key = (transition.source, transition.target)
        per_case = pg.per_case(transition)
        if key in merged:
            previous = merged[key]
            merged[key] = None if previous is None or per_case is None else previous + per_case
        else:
            merged[key] = per_case
    for (source, target), per_case in merged.items():
        levels = handover_levels(pg, source, target)
        if not levels:
            continue
        for level in levels:
            figures.transitions[level] += 1
            if per_case is not None and figures.expected_per_case[level] is not None:
                figures.expected_per_case[level] = figures.expected_per_case[level] + per_case  # type: ignore[operator]
        figures.handovers.append(Handover(source, target, levels, pg.process.step(target).via, per_case))
    return figures

"""Ownership: the RACI per step (with defaults applied) and the single points of failure."""

from __future__ import annotations

from dataclasses import dataclass, field

from procesmap.model import Process

__all__ = ["RaciRow", "OwnershipFigures", "compute_ownership", "doer", "single_points_of_failure"]


@dataclass(frozen=True)
class RaciRow:
    R: str | None
    A: str | None
    C: tuple[str, ...]
    I: tuple[str, ...]  # noqa: E741
    A_defaulted: bool


@dataclass
class OwnershipFigures:
    owner: str | None
    owner_resolves: bool
    single_points_of_failure: list[str] = field(default_factory=list)
    raci: dict[str, RaciRow] = field(default_factory=dict)


def doer(step_role: str | None, raci_r: str | None) -> str | None:
    """Who does a step: its ``role``, else its RACI ``R``."""
    return step_role or raci_r


def single_points_of_failure(process: Process) -> list[str]:
    """Internal roles with ``people: 1`` and no ``backup`` that do at least one step."""
    doers = {doer(s.role, s.raci.R) for s in process.steps}
    result = []
    for role_id, role in process.roles.items():
        if role_id in doers and not role.external and role.people == 1 and not role.backup:
            result.append(role_id)
    return result


def compute_ownership(process: Process) -> OwnershipFigures:
    owner = process.owner
    resolves = bool(owner and owner in process.roles and not process.is_external(owner))
    figures = OwnershipFigures(
        owner=owner, owner_resolves=resolves, single_points_of_failure=single_points_of_failure(process)
    )
    for step in process.steps:
        responsible = step.raci.R or step.role
        accountable = step.raci.A or (owner if resolves else None)
        if responsible is None and accountable is None and not step.raci.C and not step.raci.I:
            continue
        figures.raci[step.id] = RaciRow(
            responsible,
            accountable,
            tuple(step.raci.C),
            tuple(step.raci.I),
            A_defaulted=step.raci.A is None and accountable is not None,
        )
    return figures

"""The figures of an analysis as pandas DataFrames, for notebook users (pandas is imported only here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["dataframes"]


def dataframes(analysis: "Analysis") -> dict[str, Any]:
    """``steps``, ``handovers``, ``roles``, ``raci`` and ``findings`` as DataFrames (durations in days)."""
    import pandas as pd  # lazy: pandas loads only when data frames are asked for

    process = analysis.process
    visits = analysis.visits or {}
    waits = {w.step: w for w in analysis.time.waits}
    wip = analysis.time.wip or {}
    steps = pd.DataFrame(
        [
            {
                "step": s.id,
                "name": s.label,
                "type": s.type,
                "role": s.role,
                "visits": visits.get(s.id) if analysis.visits is not None else None,
                "wait_per_case": waits[s.id].per_case if s.id in waits else 0.0,
                "share_of_cycle_time": waits[s.id].share_of_cycle_time if s.id in waits else 0.0,
                "wip": wip.get(s.id),
            }
            for s in process.steps
        ]
    ).set_index("step")
    handovers = pd.DataFrame(
        [
            {"from": h.source, "to": h.target, "levels": ", ".join(h.levels), "via": h.via, "per_case": h.per_case}
            for h in analysis.handovers.handovers
        ],
        columns=["from", "to", "levels", "via", "per_case"],
    )
    roles = pd.DataFrame(
        [
            {
                "role": r,
                "name": process.role_name(r),
                "demand_hours": load.demand_hours,
                "capacity_hours": load.capacity_hours,
                "utilisation": load.utilisation,
                "bottleneck": r == analysis.capacity.bottleneck,
                "mark": analysis.capacity.marks.get(r),
            }
            for r, load in analysis.capacity.roles.items()
        ],
        columns=["role", "name", "demand_hours", "capacity_hours", "utilisation", "bottleneck", "mark"],
    ).set_index("role")
    raci = pd.DataFrame(
        [
            {"step": step, "R": row.R, "A": row.A, "C": ", ".join(row.C), "I": ", ".join(row.I)}
            for step, row in analysis.ownership.raci.items()
        ],
        columns=["step", "R", "A", "C", "I"],
    ).set_index("step")
    findings = pd.DataFrame(
        [
            {
                "code": f.code,
                "rule": f.rule,
                "severity": f.severity.value,
                "subject": f.subject,
                "line": f.line,
                "column": f.column,
                "message": f.message(process.language),
            }
            for f in analysis.findings
        ],
        columns=["code", "rule", "severity", "subject", "line", "column", "message"],
    )
    return {"steps": steps, "handovers": handovers, "roles": roles, "raci": raci, "findings": findings}

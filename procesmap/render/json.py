"""The JSON report of docs/format.md, format 1. Keys never disappear within a format version."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, Sequence

from procesmap._version import __version__

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding

__all__ = ["report_dict", "render_json", "finding_dict", "DIGITS"]

DIGITS = 4


def _r(value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return round(float(value), DIGITS) + 0.0


def finding_dict(finding: "Finding", lang: str) -> dict[str, Any]:
    """One finding as in the report's ``findings`` list (also used by check, diff and overview output)."""
    return finding.to_dict(lang)


def report_dict(analysis: "Analysis", lang: str) -> dict[str, Any]:
    """One process's report as plain data, in the documented shape."""
    process = analysis.process
    visits = analysis.visits
    handovers = analysis.handovers
    time = analysis.time
    capacity = analysis.capacity
    teams = {process.team_of(r) for r in process.roles} - {None}
    data = {
        "format": 1,
        "tool": {"name": "procesmap", "version": __version__},
        "process": {
            "id": process.id,
            "name": process.name or process.id,
            "file": process.file,
            "owner": process.owner,
            "language": process.language,
        },
        "counts": {
            "steps": len(process.steps),
            "roles": len(process.roles),
            "teams": len(process.teams) or len(teams),
            "organisations": len(process.organisations),
            "transitions": len(analysis.graph.transitions),
        },
        "visits": {k: _r(v) for k, v in visits.items()} if visits is not None else None,
        "handovers": {
            "transitions": dict(handovers.transitions),
            "expected_per_case": {k: _r(v) for k, v in handovers.expected_per_case.items()},
            "list": [
                {"from": h.source, "to": h.target, "levels": list(h.levels), "via": h.via, "per_case": _r(h.per_case)}
                for h in handovers.handovers
            ],
        },
        "ownership": {
            "owner": analysis.ownership.owner,
            "single_points_of_failure": list(analysis.ownership.single_points_of_failure),
            "raci": {
                step: {"R": row.R, "A": row.A, "C": list(row.C), "I": list(row.I)}
                for step, row in analysis.ownership.raci.items()
            },
        },
        "time": {
            "cycle_time": {k: _r(v) for k, v in time.cycle_time.items()},
            "term_time": {k: _r(v) for k, v in time.term_time.items()},
            "term": _r(time.term),
            "term_extension": _r(time.term_extension),
            "service_norm": _r(time.service_norm),
            "share_over_term": _r(time.share_over_term),
            "share_over_extended_term": _r(time.share_over_extended_term),
            "late_per_year": {
                "term": _r(time.late_per_year.get("term")),
                "extended_term": _r(time.late_per_year.get("extended_term")),
            },
            "deferral": {
                "modelled": time.deferral_modelled,
                "share_deferred": _r(time.share_deferred),
                "share_deferred_after_term": _r(time.share_deferred_after_term),
            },
            "flow_efficiency": _r(time.flow_efficiency),
            "work_per_case_hours": _r(time.work_per_case_hours),
            "simulation": {
                "cases": time.cases,
                "seed": time.seed,
                "means": "exact" if time.means_exact else "simulated",
            },
            "waits": [
                {
                    "step": w.step,
                    "per_case": _r(w.per_case),
                    "share_of_cycle_time": _r(w.share_of_cycle_time),
                    "per_visit": _r(w.per_visit),
                    "visits": _r(w.visits),
                }
                for w in time.waits
            ],
            "wip": {k: _r(v) for k, v in time.wip.items()} if time.wip is not None else None,
            "wip_total": _r(time.wip_total),
        },
        "capacity": {
            "volume_per_year": _r(analysis.volume_per_year),
            "roles": {
                role: {
                    "demand_hours": _r(load.demand_hours),
                    "capacity_hours": _r(load.capacity_hours),
                    "utilisation": _r(load.utilisation),
                }
                for role, load in capacity.roles.items()
            },
            "bottleneck": capacity.bottleneck,
            "highest": capacity.highest,
            "marks": dict(capacity.marks),
        },
        "queueing": queueing_dict(analysis),
        "findings": [finding_dict(f, lang) for f in analysis.findings],
        "missing": [m.text(lang) for m in analysis.missing],
    }
    if getattr(analysis, "advice", None) is not None:  # analyse --advise: "What helps most" (docs/advise.md)
        data["advice"] = analysis.advice.to_dict(lang)
    return data


def queueing_dict(analysis: "Analysis") -> dict[str, Any]:
    """The ``queueing`` object of the JSON report (docs/queueing.md); days, utilisation as a share."""
    q = analysis.queueing
    return {
        "model": q.model,
        "cases": q.cases,
        "seed": q.seed,
        "stable": q.stable,
        "steps": {
            step: {
                "queue_mean": _r(s.queue_mean),
                "queue_p85": _r(s.queue_p85),
                "other_wait": _r(s.other_wait),
                "declared_wait": _r(s.declared_wait),
                "analytic_queue_mean": _r(s.analytic_queue_mean),
                "role": s.role,
                "explained": s.explained,
            }
            for step, s in q.steps.items()
        },
        "roles": {
            role: {
                "utilisation": _r(r.utilisation),
                "queue_mean": _r(r.queue_mean),
                "analytic_queue_mean": _r(r.analytic_queue_mean),
                "backlog_per_month": _r(r.backlog_per_month),
                "simulated_utilisation": _r(r.simulated_utilisation),
                "queue_p85": _r(r.queue_p85),
                "servers": r.servers,
                "stable": r.stable,
            }
            for role, r in q.roles.items()
        },
    }


def render_json(analyses: "Sequence[Analysis]", lang: str) -> str:
    """One object for one process, a list for several (docs/format.md)."""
    reports = [report_dict(a, lang) for a in analyses]
    data: Any = reports[0] if len(reports) == 1 else reports
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

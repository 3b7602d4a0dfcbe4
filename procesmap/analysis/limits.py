"""Work limits of the analysis, checked before the work starts (docs/format.md, "Limits of every reader").

The simulation's cost grows with the number of step visits it draws: ``cases`` times the expected
visits of one case, which the exact visit solution (:attr:`procesmap.graph.ProcessGraph.visits`) gives
before a single case is drawn. A legal map can make that endless: a decision that loops back with
``p: 0.999999999`` has a billion expected visits per case. Above :data:`MAX_SIMULATION_WORK` the
simulation is skipped, whatever engine runs it; the exact figures (visits, handovers, mean times where
they are exact, utilisation) are still reported, and the report lists what was left out and how to
lower the work (fewer cases, or a loop probability the workshop really means).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from procesmap.findings import Missing

if TYPE_CHECKING:
    from procesmap.graph import ProcessGraph

__all__ = ["MAX_SIMULATION_WORK", "MAX_SIMULATED_CASES", "simulation_work", "simulation_too_costly"]

#: The most step visits one simulation draws (cases x expected visits per case): about 10 s with the engine
#: of this release (benchmarks/bench_analyse.py: a 2,000-step map, 10,000 cases, about 5 s).
MAX_SIMULATION_WORK = 50_000_000
#: The most cases one simulation holds in memory: about 150 bytes each (the kcc map: 4 million cases 680 MB,
#: 10 million cases 1.5 GB), so that a run stays under 1 GB.
MAX_SIMULATED_CASES = 5_000_000


def simulation_work(pg: "ProcessGraph", cases: int) -> float | None:
    """Step visits the simulation of ``cases`` cases would draw, from the exact visit solution (``None``
    when the visits cannot be solved: the engine's own bound on rounds applies then)."""
    visits = pg.visits
    if visits is None:
        return None
    per_case = sum(visits.values())
    if not math.isfinite(per_case):
        return math.inf
    return cases * max(per_case, 1.0)


def simulation_too_costly(pg: "ProcessGraph", cases: int) -> Missing | None:
    """Why the simulation of ``cases`` cases is skipped (a :class:`Missing` naming the limit and how to
    lower the work), or ``None`` when it is within :data:`MAX_SIMULATION_WORK`."""
    if cases <= 0:
        return None
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    work = simulation_work(pg, cases)
    if (work is None or work <= MAX_SIMULATION_WORK) and cases <= MAX_SIMULATED_CASES:
        return None
    if work is None or work <= MAX_SIMULATION_WORK:  # within the work, but too many cases for the memory
        return Missing("limits.simulation_cases", {"cases": Count(cases), "limit": Count(MAX_SIMULATED_CASES)})
    per_case = work / cases
    fits = min(int(MAX_SIMULATION_WORK // per_case), MAX_SIMULATED_CASES) if math.isfinite(per_case) else 0
    if fits < 1:
        return Missing("limits.simulation_work_loop", {"visits": _round(per_case), "limit": Count(MAX_SIMULATION_WORK)})
    return Missing(
        "limits.simulation_work",
        {
            "cases": Count(cases),
            "visits": _round(per_case),
            "limit": Count(MAX_SIMULATION_WORK),
            "fits": Count(fits),
        },
    )


def _round(value: float) -> object:
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    if not math.isfinite(value) or value >= 1e15:
        return "> 10^15"
    return Count(round(value))

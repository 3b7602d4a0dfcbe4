"""Process -> Analysis: the figures (plain data).

:func:`compute` builds the graph and computes handovers, ownership, time, queueing and
capacity figures once. The rules run over them in :func:`procesmap.pipeline.analyse`: this
package never imports the rules nor the renderers (tests/test_layers.py). Nothing here writes
a sentence: renderers do that from catalogue keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from procesmap.analysis.capacity import CapacityFigures, RoleLoad, compute_capacity
from procesmap.findings import Finding, Missing, Severity
from procesmap.analysis.handovers import LEVELS, Handover, HandoverFigures, compute_handovers
from procesmap.analysis.ownership import OwnershipFigures, RaciRow, compute_ownership
from procesmap.analysis.queueing import ExtraLoad, QueueingFigures, RoleQueue, StepQueue, compute_queueing
from procesmap.analysis.timing import TimeFigures, Wait, compute_time
from procesmap.settings import MAX_CASES, Settings, check_simulation
from procesmap.graph import ProcessGraph, build_graph
from procesmap.model import Process

__all__ = [
    "Analysis",
    "Settings",
    "compute",
    "Finding",
    "Missing",
    "Severity",
    "HandoverFigures",
    "Handover",
    "OwnershipFigures",
    "RaciRow",
    "TimeFigures",
    "Wait",
    "CapacityFigures",
    "RoleLoad",
    "QueueingFigures",
    "StepQueue",
    "RoleQueue",
    "ExtraLoad",
    "LEVELS",
    "MAX_CASES",
    "check_simulation",
]


@dataclass
class Analysis:
    """Everything procesmap knows about one process: figures, findings and what it could not compute."""

    process: Process
    graph: ProcessGraph
    volume_per_year: float | None
    handovers: HandoverFigures
    ownership: OwnershipFigures
    time: TimeFigures
    capacity: CapacityFigures
    queueing: QueueingFigures = field(default_factory=QueueingFigures)
    findings: list[Finding] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    #: "What helps most" (:class:`procesmap.advice.Advice`) when it was asked for (``analyse --advise``);
    #: the report renders it as a section, never computes it.
    advice: Any = None

    @property
    def visits(self) -> dict[str, float] | None:
        return self.graph.visits

    def findings_at_or_above(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= severity]


A = TypeVar("A", bound=Analysis)


def compute(
    process: Process,
    settings: Settings,
    extra: "dict[str, list[ExtraLoad]] | None" = None,
    *,
    factory: Callable[..., A] = Analysis,  # type: ignore[assignment]
) -> A:
    """The figures of one process, computed once (no findings: :func:`procesmap.pipeline.analyse` runs the rules).

    ``extra`` is the work other processes analysed with this one bring to its roles
    (:func:`procesmap.repository.shared_load`): a role's queue serves them all. ``factory`` is the class made
    (:class:`procesmap.pipeline.Analysis`, which adds the JSON report and the DataFrames).
    """
    missing: list[Missing] = []
    graph = build_graph(process)
    missing.extend(Missing(key, args) for key, args in graph.visits_missing)
    volume = process.volume.per_year(process.calendar.calendar()) if process.volume else None
    if settings.queueing:
        queueing, run = compute_queueing(graph, volume, settings.cases, settings.seed, missing, process.baseline, extra)
    else:
        queueing, run = QueueingFigures(cases=settings.cases, seed=settings.seed), None
    return factory(
        process=process,
        graph=graph,
        volume_per_year=volume,
        handovers=compute_handovers(graph),
        ownership=compute_ownership(process),
        time=compute_time(graph, settings.cases, settings.seed, volume, missing, run),
        capacity=compute_capacity(graph, volume, missing),
        queueing=queueing,
        missing=missing,
    )

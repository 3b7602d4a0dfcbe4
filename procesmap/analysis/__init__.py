"""Process -> Analysis: the figures (plain data) and the findings of every rule.

``analyse`` builds the graph, computes handovers, ownership, time and
capacity figures once, and then runs every enabled rule over them. Nothing
here writes a sentence: renderers do that from catalogue keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procesmap.analysis.capacity import MARK_OF_RULE, CapacityFigures, RoleLoad, compute_capacity
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
    "analyse",
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

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON report of docs/format.md as plain data."""
        from procesmap.render.json import report_dict

        return report_dict(self, lang or self.process.language)

    def dataframes(self) -> dict[str, Any]:
        """The figures as pandas DataFrames, for notebooks: steps, handovers, roles, raci, findings."""
        from procesmap.render.frames import dataframes

        return dataframes(self)


def analyse(process: Process, settings: Settings | None = None,
            extra: "dict[str, list[ExtraLoad]] | None" = None) -> Analysis:
    """Analyse one process: figures and findings, computed once.

    ``extra`` is the work other processes analysed with this one bring to its roles
    (:func:`procesmap.repository.shared_load`): a role's queue serves them all. A scenario made by
    :func:`procesmap.whatif.apply_overrides` keeps the ``other_wait`` of the map it came from.
    """
    from procesmap.rules import enabled_options, run_rules

    settings = settings or Settings()
    missing: list[Missing] = []
    graph = build_graph(process)
    missing.extend(Missing(key, args) for key, args in graph.visits_missing)
    volume = process.volume.per_year(process.calendar.calendar()) if process.volume else None
    if settings.queueing:
        queueing, run = compute_queueing(graph, volume, settings.cases, settings.seed, missing, process.baseline, extra)
    else:
        queueing, run = QueueingFigures(cases=settings.cases, seed=settings.seed), None
    analysis = Analysis(
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
    analysis.findings = run_rules(analysis, settings)
    thresholds = {}
    for code, mark in MARK_OF_RULE.items():
        options = enabled_options(settings, code)
        if options is not None and "threshold" in options:
            thresholds[mark] = float(options["threshold"])  # type: ignore[arg-type]
    analysis.capacity.mark_roles(analysis.findings, thresholds)
    return analysis

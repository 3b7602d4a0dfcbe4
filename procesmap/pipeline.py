"""One map analysed: the figures (:mod:`procesmap.analysis`), then the findings of every rule (:mod:`procesmap.rules`).

The analysis computes figures and never imports the rules; the rules read the figures they are given
and never import the analysis. This module, above both, runs one after the other, and marks the roles
the findings name (PM303 ``bottleneck``, PM304 ``overloaded``) on the capacity figures.

:class:`Analysis` here is the analysis as the public API returns it (``procesmap.analyse``): the
figures and findings of :class:`procesmap.analysis.Analysis`, with :meth:`Analysis.to_dict` (the JSON
report) and :meth:`Analysis.dataframes` (pandas), which need the renderers and so cannot live in the
analysis layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import procesmap.analysis as _analysis
from procesmap.analysis.capacity import MARK_OF_RULE
from procesmap.rules import enabled_options, run_rules
from procesmap.settings import Settings
from procesmap.render.frames import dataframes

if TYPE_CHECKING:
    from procesmap.analysis import ExtraLoad
    from procesmap.model import Process

__all__ = ["Analysis", "analyse"]


class Analysis(_analysis.Analysis):
    """Everything procesmap knows about one process: figures, findings and what it could not compute."""

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON report of docs/format.md as plain data."""
        from procesmap.render.json import report_dict  # lazy: the renderers load only when asked for

        return report_dict(self, lang or self.process.language)

    def dataframes(self) -> dict[str, Any]:
        """The figures as pandas DataFrames, for notebooks: steps, handovers, roles, raci, findings."""

        return dataframes(self)


def analyse(
    process: "Process", settings: Settings | None = None, extra: "dict[str, list[ExtraLoad]] | None" = None
) -> Analysis:
    """Analyse one process: figures and findings, computed once.

    ``extra`` is the work other processes analysed with this one bring to its roles
    (:func:`procesmap.repository.shared_load`): a role's queue serves them all. A scenario made by
    :func:`procesmap.whatif.apply_overrides` keeps the ``other_wait`` of the map it came from.
    """
    settings = settings or Settings()
    analysis = _analysis.compute(process, settings, extra, factory=Analysis)
    analysis.findings = run_rules(analysis, settings)
    thresholds = {}
    for code, mark in MARK_OF_RULE.items():
        options = enabled_options(settings, code)
        if options is not None and "threshold" in options:
            thresholds[mark] = float(options["threshold"])
    analysis.capacity.mark_roles(analysis.findings, thresholds)
    return analysis

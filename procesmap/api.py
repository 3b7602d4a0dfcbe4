"""The public functions behind the commands; each usable from a notebook too."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable, Sequence

from procesmap.errors import Problem

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Settings

__all__ = ["analyse_paths", "report"]


def analyse_paths(
    paths: Iterable[str | os.PathLike[str]],
    settings: "Settings | None" = None,
    assignments: Sequence[str] = (),
) -> tuple[list["Analysis"], list[Problem]]:
    """Load every process under ``paths`` and analyse those that load; also return every load problem.

    ``assignments`` (``roles.x.people=2``) change each map before the analysis: a what-if
    scenario without editing the file (see :mod:`procesmap.whatif`).
    """
    from procesmap.analysis import analyse
    from procesmap.loading import load_many

    processes, problems = load_many(paths)
    if assignments:
        from procesmap.whatif import apply_overrides

        processes = [apply_overrides(p, list(assignments)) for p in processes]
    return [analyse(p, settings) for p in processes], problems


def report(analyses: "Analysis | Sequence[Analysis]", fmt: str = "markdown", lang: str | None = None) -> str:
    """Render analyses as ``terminal``, ``markdown`` or ``json`` text."""
    from procesmap.analysis import Analysis
    from procesmap.render import render

    items = [analyses] if isinstance(analyses, Analysis) else list(analyses)
    return render(items, fmt, lang or items[0].process.language)

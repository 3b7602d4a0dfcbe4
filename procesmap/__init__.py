"""procesmap: turn process maps from workshops into findings.

Usage::

    import procesmap
    process = procesmap.load("processes/omgevingsvergunning.yaml")
    analysis = procesmap.analyse(process)
    analysis.to_dict()            # the JSON report as plain data
    analysis.dataframes()         # the figures as pandas DataFrames
    print(procesmap.report(analysis, "markdown", lang="nl"))

Heavy libraries are imported only when a function needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procesmap._version import __version__
from procesmap.errors import LoadError, Problem, ProcessmapError, UsageError

if TYPE_CHECKING:
    from procesmap.findings import Finding, Severity
    from procesmap.model import Process
    from procesmap.pipeline import Analysis
    from procesmap.settings import Settings

__all__ = sorted([
    "Analysis",
    "Finding",
    "LoadError",
    "Problem",
    "Process",
    "ProcessmapError",
    "Settings",
    "Severity",
    "UsageError",
    "__version__",
    "analyse",
    "analyse_paths",
    "load",
    "load_many",
    "loads",
    "report",
    "schema",
])


def load(path: Any) -> "Process":
    """Load one process file; raises :class:`LoadError` with file:line:column and a hint."""
    from procesmap.loading import load as _load

    return _load(path)


def loads(text: str, file: str = "<string>") -> "Process":
    """Load a process from YAML text."""
    from procesmap.loading import loads as _loads

    return _loads(text, file)


def load_many(paths: Any) -> Any:
    """Load every process file under ``paths``: ``(processes, problems)``."""
    from procesmap.loading import load_many as _load_many

    return _load_many(paths)


def analyse(process: "Process", settings: "Settings | None" = None, **options: Any) -> "Analysis":
    """Analyse one process. ``options`` (``cases=``, ``seed=``) are a shortcut for :class:`Settings`."""
    from procesmap.pipeline import analyse as _analyse
    from procesmap.settings import Settings

    if settings is None:
        settings = Settings(**options)
    return _analyse(process, settings)


def analyse_paths(paths: Any, settings: "Settings | None" = None) -> Any:
    """Load and analyse every process file under ``paths``: ``(analyses, problems)``."""
    from procesmap.api import analyse_paths as _analyse_paths

    return _analyse_paths(paths, settings)


def report(analyses: Any, fmt: str = "markdown", lang: str | None = None) -> str:
    """Render analyses as ``terminal``, ``markdown`` or ``json`` text."""
    from procesmap.api import report as _report

    return _report(analyses, fmt, lang)


def schema() -> dict[str, Any]:
    """The JSON Schema of process files, format 1."""
    from procesmap.model import json_schema

    return json_schema()


def __getattr__(name: str) -> Any:
    if name in ("Finding", "Severity"):
        import procesmap.findings as findings

        return getattr(findings, name)
    if name == "Settings":
        from procesmap.settings import Settings

        return Settings
    if name == "Analysis":
        from procesmap.pipeline import Analysis

        return Analysis
    if name == "Process":
        from procesmap.model import Process

        return Process
    raise AttributeError(name)

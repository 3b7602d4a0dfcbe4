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

import os as _os
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any
from typing import Iterable as _Iterable
from typing import Literal as _Literal
from typing import Sequence as _Sequence
from typing import overload as _overload

from procesmap._version import __version__
from procesmap.errors import LoadError, Problem, ProcessmapError, UsageError

if _TYPE_CHECKING:
    from procesmap.findings import Finding, Severity
    from procesmap.model import Process
    from procesmap.pipeline import Analysis
    from procesmap.settings import Settings

#: The public API, a literal list (tests/test_public_api.py checks it against what the module holds).
__all__ = [
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
]

_Paths = _Iterable["str | _os.PathLike[str]"]


def load(path: "str | _os.PathLike[str]") -> "Process":
    """Load one process file; raises :class:`LoadError` with file:line:column and a hint."""
    from procesmap.loading import load as _load  # lazy: `import procesmap` stays light

    return _load(path)


def loads(text: str, file: str = "<string>") -> "Process":
    """Load a process from YAML text."""
    from procesmap.loading import loads as _loads  # lazy: `import procesmap` stays light

    return _loads(text, file)


def load_many(paths: _Paths) -> "tuple[list[Process], list[Problem]]":
    """Load every process file under ``paths`` (files, or folders searched for ``*.yaml``):
    ``(processes, problems)``; a file that cannot be loaded adds its problems and no process."""
    from procesmap.loading import load_many as _load_many  # lazy: `import procesmap` stays light

    return _load_many(paths)


def analyse(process: "Process", settings: "Settings | None" = None, **options: _Any) -> "Analysis":
    """Analyse one process. ``options`` (``cases=``, ``seed=``) are a shortcut for :class:`Settings`."""
    from procesmap.pipeline import analyse as _analyse  # lazy: `import procesmap` stays light
    from procesmap.settings import Settings  # lazy: `import procesmap` stays light

    if settings is None:
        settings = Settings(**options)
    return _analyse(process, settings)


def analyse_paths(paths: _Paths, settings: "Settings | None" = None) -> "tuple[list[Analysis], list[Problem]]":
    """Load and analyse every process file under ``paths``: ``(analyses, problems)``."""
    from procesmap.api import analyse_paths as _analyse_paths  # lazy: `import procesmap` stays light

    return _analyse_paths(paths, settings)


@_overload
def report(analyses: "Analysis | _Sequence[Analysis]", fmt: _Literal["pdf"], lang: str | None = None) -> bytes: ...
@_overload
def report(
    analyses: "Analysis | _Sequence[Analysis]",
    fmt: _Literal["terminal", "markdown", "json", "html"] = ...,
    lang: str | None = None,
) -> str: ...
@_overload
def report(analyses: "Analysis | _Sequence[Analysis]", fmt: str = ..., lang: str | None = None) -> str | bytes: ...
def report(analyses: "Analysis | _Sequence[Analysis]", fmt: str = "markdown", lang: str | None = None) -> str | bytes:
    """Render analyses as ``terminal``, ``markdown``, ``json`` or ``html`` text, or ``pdf`` bytes."""
    from procesmap.api import report as _report  # lazy: `import procesmap` stays light

    return _report(analyses, fmt, lang)


def schema() -> dict[str, _Any]:
    """The JSON Schema of process files, format 1."""
    from procesmap.model import json_schema  # lazy: `import procesmap` stays light

    return json_schema()


def __getattr__(name: str) -> _Any:
    # The classes load with their modules (pydantic, the analysis) when first asked for: `import procesmap`
    # and `procesmap --help` stay fast.
    if name in ("Finding", "Severity"):
        import procesmap.findings as findings  # lazy: `import procesmap` stays light

        return getattr(findings, name)
    if name == "Settings":
        from procesmap.settings import Settings  # lazy: `import procesmap` stays light

        return Settings
    if name == "Analysis":
        from procesmap.pipeline import Analysis  # lazy: `import procesmap` stays light

        return Analysis
    if name == "Process":
        from procesmap.model import Process  # lazy: `import procesmap` stays light

        return Process
    raise AttributeError(name)


def __dir__() -> list[str]:
    return sorted(__all__)


# `from procesmap.errors import ...` above bound the submodule as an attribute of this package: it is no public name
del errors  # type: ignore[name-defined]  # noqa: F821

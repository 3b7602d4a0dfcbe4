"""The public functions behind the commands; each usable from a notebook too."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from procesmap.errors import Problem
from procesmap.whatif import apply_overrides
from procesmap.settings import Settings
from procesmap.render import render
from pathlib import Path
from procesmap.errors import LoadError
from procesmap._io import looks_like_map, open_regular, output_clash as clash
from procesmap.render.json import report_dict
from procesmap.findings import Severity
from procesmap.render.terminal import print_terminal
import json

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding, Settings
    from procesmap.model import Process
    from procesmap.pipeline import Analysis as Analysed
    from procesmap.repository import Overview
    from procesmap.suppress import CheckResult
    from rich.console import Console

__all__ = [
    "analyse_paths",
    "check_paths",
    "exit_code",
    "report",
    "report_language",
    "report_results",
    "output_clash",
    "across_processes",
    "failing_findings",
    "analyse_exit_code",
    "analyse_report",
    "print_analyse_report",
]


def analyse_paths(
    paths: Iterable[str | os.PathLike[str]],
    settings: "Settings | None" = None,
    assignments: Sequence[str] = (),
) -> tuple[list["Analysed"], list[Problem]]:
    """Load every process under ``paths`` and analyse those that load; also return every load problem.

    ``assignments`` (``roles.x.people=2``) change each map before the analysis: a what-if
    scenario without editing the file (see :mod:`procesmap.whatif`).
    """
    from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed
    from procesmap.loading import load_many  # lazy: the loader loads only when a file is read

    processes, problems = load_many(paths)
    if assignments:
        processes = [apply_overrides(p, list(assignments)) for p in processes]
    from procesmap.repository import shared_load  # lazy: the folder overview loads only when a folder is analysed

    extras = shared_load(processes)  # a role's queue serves its work from every process (docs/queueing.md)
    if settings is None:
        settings = Settings()
    _prefetch([(p, settings, extra or None) for p, extra in zip(processes, extras)])
    return [analyse(p, settings, extra or None) for p, extra in zip(processes, extras)], problems


def _prefetch(jobs: Sequence[tuple["Process", "Settings", Any]]) -> None:
    """The queueing simulations of the maps side by side on the machine's processors, before each map is
    analysed (:func:`procesmap.analysis.queueing.prefetch_queueing`: the same figures, sooner)."""
    from procesmap.analysis.queueing import prefetch_queueing  # lazy: the analysis loads only when a map is analysed

    prefetch_queueing([(p, s.cases, s.seed, extra) for p, s, extra in jobs if s.queueing])


def report(analyses: "Analysis | Sequence[Analysis]", fmt: str = "markdown", lang: str | None = None) -> str | bytes:
    """Render analyses as ``terminal``, ``markdown``, ``json`` or ``html`` text, or ``pdf`` bytes."""
    from procesmap.analysis import Analysis  # lazy: the analysis loads only when a map is analysed

    items = [analyses] if isinstance(analyses, Analysis) else list(analyses)
    return render(items, fmt, lang or items[0].process.language)


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: str | os.PathLike[str] | None = None,
    cases: int | None = None,
    seed: int | None = None,
    assignments: Sequence[str] = (),
    only_maps: bool = False,
    zaaktype: str | os.PathLike[str] | None = None,
) -> tuple[list["CheckResult"], list[Problem]]:
    """Load, configure, analyse and apply suppression comments: what ``check`` and ``analyse`` run.

    Each file gets the configuration found from its folder upwards (``config`` names one
    file for all instead, see :mod:`procesmap.config`); ``cases``/``seed`` (the command
    line) win over it. ``only_maps`` skips files without a top-level ``procesmap:`` key (for a
    pre-commit hook that is handed every YAML file). ``zaaktype`` names the zaaksysteem's zaaktypen
    (a Catalogi API JSON or an Open Zaak export, :func:`procesmap.zgw.read_catalogue`) that the PM7xx rules
    check each map against; without it, a configuration's ``zaaktypen`` does. Returns the results and every
    problem: load errors of process files and errors in configuration files (each file's problems once).
    """
    from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed
    from procesmap.config import (  # lazy: the configuration and rule registry load only when settings are read
        Config,
        find_config,
        load_config,
    )
    from procesmap.loading import decode, load_many  # lazy: the loader loads only when a file is read
    from procesmap.suppress import apply_suppressions  # lazy: suppressions load only when a suppression file is read

    if only_maps:
        paths = _process_maps(paths)
    processes, problems = load_many(paths)
    results: list[CheckResult] = []
    failed: set[str] = set()
    catalogues: dict[str, object] = {}

    def catalogue(path: str | os.PathLike[str]) -> object:
        from procesmap.zgw import read_catalogue  # lazy: the zaaksysteem's reader loads only when a catalogue is read

        name = str(path)
        if name not in catalogues:
            try:
                catalogues[name] = read_catalogue(path)
            except LoadError as err:
                catalogues[name] = None
                problems.extend(err.problems)
        return catalogues[name]

    explicit = catalogue(zaaktype) if zaaktype is not None else None
    if zaaktype is not None and explicit is None:
        return results, problems
    if assignments:
        processes = [apply_overrides(process, list(assignments)) for process in processes]
    from procesmap.repository import shared_load  # lazy: the folder overview loads only when a folder is analysed

    extras = dict(zip(map(id, processes), shared_load(processes)))  # one queue per role across the maps
    todo = []
    for process in processes:
        where = Path(config) if config is not None else find_config(process.file)
        try:
            settings_config = load_config(where) if where is not None else Config()
        except LoadError as err:
            name = str(where)
            if name not in failed:
                failed.add(name)
                problems.extend(err.problems)
            continue
        settings = settings_config.settings(cases, seed)
        if explicit is not None:
            settings.catalogue = explicit
        elif settings_config.zaaktypen:
            settings.catalogue = catalogue(settings_config.zaaktypen)
            if settings.catalogue is None:
                continue
        todo.append((process, settings, settings_config))
    _prefetch([(process, settings, extras.get(id(process)) or None) for process, settings, _ in todo])
    for process, settings, settings_config in todo:
        analysis = analyse(process, settings, extras.get(id(process)) or None)
        try:
            text = decode(Path(process.file).read_bytes(), process.file).removeprefix("\ufeff")
        except (OSError, LoadError):
            text = ""
        results.append(apply_suppressions(analysis, text, settings_config))
    return results, problems


def _process_maps(paths: Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    """The files under ``paths`` that declare ``procesmap:`` at the top level, or have a top-level ``id:`` and
    ``steps:`` (a map with a typo in its first line); others are not maps."""
    from procesmap.loading import discover  # lazy: the loader loads only when a file is read

    paths = list(paths)
    try:
        files = discover(paths)
    except LoadError:
        return paths  # let load_many report the problem

    kept: list[str | os.PathLike[str]] = []
    for file in files:
        try:
            with open_regular(file, record=False) as handle:  # a FIFO is refused by the loader, never waited on
                head = handle.read(1 << 20)
        except OSError:
            kept.append(file)  # unreadable: the loader says why
            continue
        if looks_like_map(head):
            kept.append(file)
    return kept


def report_results(results: Sequence["CheckResult"], fmt: str, lang: str, *, paper: str | None = None) -> str | bytes:
    """A report of checked results: the report formats, with the suppressed findings added.

    JSON gets a ``suppressed`` list per process (a compatible extension); terminal text and
    Markdown get a count and a list at the end. Other formats are rendered as they are.
    """
    from procesmap.render.ci import suppressed_dicts, suppressed_text  # lazy: the renderers load only when asked for

    analyses = [r.analysis for r in results]
    if fmt == "json":
        reports = []
        for result in results:
            report = report_dict(result.analysis, lang)
            report["suppressed"] = suppressed_dicts(result, lang)
            reports.append(report)
        document = reports[0] if len(reports) == 1 else reports
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    data = render(analyses, fmt, lang, paper=paper)
    if fmt in ("terminal", "markdown") and isinstance(data, str):
        extra = suppressed_text(results, lang, markdown=fmt == "markdown")
        if extra:
            data = data.rstrip("\n") + "\n\n" + extra
    return data


def report_language(
    explicit: str | None,
    results: Sequence["CheckResult"],
    fallback: str = "en",
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    declared: bool = True,
    config: str | os.PathLike[str] | None = None,
) -> str:
    """``--lang``, else ``PROCESMAP_LANG``, else the first configured ``language``, else the first
    process's; when nothing loaded, the ``language`` of the configuration (``config``, the file a command's
    ``--config`` names, else the one found for the first path), else the ``language`` the first process file
    among ``paths`` declares (also a file that does not load, and a map an export command reads; not with
    ``declared=False``, for a problem of the command line), else ``fallback``.
    """
    if explicit in ("nl", "en"):
        return explicit  # type: ignore[return-value]
    environment = os.environ.get("PROCESMAP_LANG", "")[:2].lower()
    if environment in ("nl", "en"):
        return environment
    for result in results:
        if result.language:
            return result.language
    if results:
        return results[0].analysis.process.language
    from procesmap.config import (  # lazy: the configuration and rule registry load only when settings are read
        find_config,
        load_config,
    )

    for path in list(paths)[:1] if config is None else [config]:
        try:
            found = find_config(path) if config is None else Path(config)
            language = load_config(found).language if found is not None else None
        except (LoadError, OSError):
            language = None
        if language:
            return language
    from procesmap._files import declared_language  # lazy: reads a file only when nothing else decided

    return (declared_language(list(paths)) if declared else None) or fallback


def exit_code(results: Sequence["CheckResult"], problems: Sequence[Problem], fail_on: str | None = None) -> int:
    """docs/format.md's exit code: 2 when anything was invalid; 1 when a finding that counts is at or
    above the threshold; else 0. The threshold is ``fail_on`` (the command line), else each
    file's configured ``fail_on``, else ``error``. Suppressed findings never count.
    """
    from procesmap.analysis import Severity  # lazy: the analysis loads only when a map is analysed

    if problems:
        return 2
    for result in results:
        threshold = Severity(fail_on or result.fail_on or "error")
        if result.analysis.findings_at_or_above(threshold):
            return 1
    return 0


def output_clash(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | None] = ()) -> str | None:
    """The input that writing ``output`` would replace, or ``None``: :func:`procesmap._io.output_clash`.

    ``inputs`` are the files and folders a command names (``None`` entries are skipped; a folder stands
    for every ``*.yaml``/``*.yml`` file below it); every file the run has read so far (shared organisation
    files, ``subprocess:`` maps, the configuration in force, a roles file, ...) counts too. "The same file"
    is the same device and inode: another spelling of the path, a symbolic link or a hard link count too.
    """

    return clash(output, inputs)


def across_processes(results: Sequence["CheckResult"], config: str | os.PathLike[str] | None = None) -> "Overview":
    """The load of each role across the checked maps (:func:`procesmap.repository.overview`), with the
    severities and options of the first map's configuration (``config`` names one file for all)."""
    from procesmap.analysis import Settings  # lazy: the analysis loads only when a map is analysed
    from procesmap.config import (  # lazy: the configuration and rule registry load only when settings are read
        Config,
        config_for,
    )
    from procesmap.repository import overview  # lazy: the folder overview loads only when a folder is analysed

    settings = Settings()
    if results:
        try:
            settings = config_for(results[0].file, config).settings()
        except (LoadError, OSError):  # already reported as a problem of the run
            settings = Config().settings()
    return overview([r.analysis for r in results], settings)


def failing_findings(results: Sequence["CheckResult"], fail_on: str | None = None) -> list["Finding"]:
    """The findings that make :func:`exit_code` 1: per map those at or above ``fail_on`` (else the map's
    configured ``fail_on``, else ``error``); suppressed findings never count."""
    from procesmap.analysis import Severity  # lazy: the analysis loads only when a map is analysed

    failing = []
    for result in results:
        threshold = Severity(fail_on or result.fail_on or "error")
        failing.extend(result.analysis.findings_at_or_above(threshold))
    return failing


def analyse_exit_code(
    results: Sequence["CheckResult"],
    problems: Sequence[Problem],
    fail_on: str | None = None,
    across: "Overview | None" = None,
) -> int:
    """``analyse``'s exit code: :func:`exit_code`, and 1 as well when a finding across the maps (``across``,
    :func:`across_processes`) is at or above ``fail_on`` (else the first map's configured ``fail_on``, else
    ``error``)."""

    code = exit_code(results, problems, fail_on)
    if code == 0 and across is not None and results:
        threshold = Severity(fail_on or results[0].fail_on or "error")
        code = 1 if any(f.severity >= threshold for f in across.findings) else 0
    return code


def analyse_report(
    results: Sequence["CheckResult"], fmt: str, lang: str, *, advice: bool = False, paper: str | None = None
) -> str | bytes:
    """``analyse``'s report in ``fmt`` as one document: :func:`report_results` (``paper``: the PDF swimlane's
    paper). "What helps most" (``advice``, attached to the analyses) is a section of every format's report,
    named in each map's summary (render/_document.py): nothing is spliced on here."""
    return report_results(results, fmt, lang, paper=paper)


def print_analyse_report(
    results: Sequence["CheckResult"], lang: str, console: "Console", *, advice: bool = False
) -> None:
    """``analyse``'s report on a terminal (colours, tables that fit the width): the maps (for several, the load
    of the roles they share first), "What helps most" (when ``advice``) and the suppressed findings."""
    from procesmap.render.ci import suppressed_text  # lazy: the renderers load only when asked for

    print_terminal([r.analysis for r in results], lang, console)  # with "What helps most" inside, when advised
    extra = suppressed_text(results, lang)
    if extra:
        console.print()
        console.print(extra.rstrip("\n"), markup=False, soft_wrap=True)

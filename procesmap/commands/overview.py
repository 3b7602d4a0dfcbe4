"""``procesmap overview``: the key figures of every process and the load of each role across them.

Options, languages, exit codes and ``--output`` work as for ``analyse`` (the same enums and helpers):
the maps are checked with their configuration and suppression comments (:func:`procesmap.api.check_paths`),
and the exit code is 1 when a finding counts at or above ``--fail-on``, a finding across processes or
one of a single map. The terminal and Markdown output list every finding that sets that exit code, so
that a CI log shows why it failed (see docs/repository.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional
from dataclasses import replace

import typer

from procesmap.cli import (
    FailOn,
    Language,
    _check_simulation,
    _fail,
    _guard_output,
    _lang,
    _output_format,
    _run_lang,
    _write,
    app,
    output_path,
)
from procesmap.errors import ProcessmapError, UsageError

OVERVIEW_FORMATS = ("terminal", "markdown", "json")


@app.command("overview")
def overview(
    paths: List[Path] = typer.Argument(
        ..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help="terminal, markdown or json (default: from --output's suffix, else terminal)."
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write to this file (atomically); never one of the inputs.",
        readable=False,
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).",
    ),
    fail_on: Optional[FailOn] = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error).",
    ),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the simulation (default: configuration, else 0)."),
    cases: Optional[int] = typer.Option(
        None, "--cases", help="Number of simulated cases (default: configuration, else 10000)."
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml for every file instead of searching upwards.",
        readable=False,
    ),
) -> None:
    """Across processes: key figures per process, and per role and team the load of all processes together."""
    from procesmap.analysis import Severity  # lazy: keeps `procesmap --help` fast
    from procesmap.api import (  # lazy: keeps `procesmap --help` fast
        across_processes,
        check_paths,
        exit_code,
        failing_findings,
        report_language,
    )
    from procesmap.render.ci import path_for_ci  # lazy: keeps `procesmap --help` fast
    from procesmap.render.overview import render_overview  # lazy: keeps `procesmap --help` fast
    from procesmap.render import suffix_problem  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    if fmt is not None and fmt not in OVERVIEW_FORMATS:
        raise _fail(
            UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt, allowed=", ".join(OVERVIEW_FORMATS)),
            error_lang,
        )
    _check_simulation(cases, seed, error_lang)
    _guard_output(output, [*paths, config], error_lang)
    suffix_error = suffix_problem(output, OVERVIEW_FORMATS) if fmt is None else None
    if suffix_error is not None:
        raise _fail(suffix_error, error_lang)  # `-o advies.pdf`: terminal text in a file called .pdf
    try:
        results, problems = check_paths([str(p) for p in paths], config=config, cases=cases, seed=seed)
    except ProcessmapError as err:
        raise _fail(err, _run_lang(lang, [], paths)) from None
    language = report_language(lang.value if lang else None, results, error_lang, paths)
    for problem in problems:
        typer.echo(problem.format(language), err=True)
    if not results:
        raise typer.Exit(code=2)
    across = across_processes(results, config)
    chosen = fmt or _output_format(output, OVERVIEW_FORMATS)
    threshold = Severity(fail_on.value if fail_on else (results[0].fail_on or "error"))
    failing = failing_findings(results, fail_on.value if fail_on else None)
    shown = across
    if chosen != "json" and failing:
        # the findings of single maps that set exit code 1 are listed with the findings across processes;
        # the JSON keeps its shape: per process the counts by severity, and the findings across processes
        failing = sorted(failing, key=lambda f: (path_for_ci(f.file), f.line, f.column, f.code, f.subject))
        shown = replace(across, findings=[*across.findings, *failing])  # type: ignore[type-var]
    if output is None and chosen == "terminal":
        from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast
        from procesmap.render.overview import print_overview  # lazy: keeps `procesmap --help` fast

        print_overview(shown, language, make_console())  # type: ignore[arg-type]  # at the terminal's width
    else:
        text = render_overview(shown, chosen, language)  # type: ignore[arg-type]
        if output is not None:
            _write(output, text, error_lang)
        else:
            sys.stdout.write(text)
    code = exit_code(results, problems, fail_on.value if fail_on else None)
    if code == 0 and any(f.severity >= threshold for f in across.findings):  # type: ignore[attr-defined]
        code = 1
    if code:
        raise typer.Exit(code=code)

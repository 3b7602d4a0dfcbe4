"""``procesmap analyse PATH...``: the report of one or more maps (a few lines over :mod:`procesmap.api`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from procesmap.cli import (
    FailOn,
    Language,
    Paper,
    _check_simulation,
    _fail,
    _guard_output,
    _lang,
    _write,
    app,
    output_path,
)
from procesmap.errors import ProcessmapError, UsageError

__all__ = ["analyse"]


@app.command("analyse")
def analyse(
    paths: List[Path] = typer.Argument(
        ..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="terminal, markdown, json, html or pdf (default: from --output's suffix, else terminal).",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the report to this file (atomically) instead of the screen; never one of the inputs.",
        readable=False,
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Report language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).",
    ),
    fail_on: Optional[FailOn] = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error).",
    ),
    seed: Optional[int] = typer.Option(
        None,
        "--seed",
        help="Seed of the simulation: the same file and seed give the same report (default: configuration, else 0).",
    ),
    cases: Optional[int] = typer.Option(
        None,
        "--cases",
        help="Number of simulated cases for percentiles and shares over the term (default: configuration, else 10000).",
    ),
    assignments: List[str] = typer.Option(
        [],
        "--set",
        help="What-if: change the map without editing the file, e.g. --set roles.adviseur-odr.people=2 (repeatable).",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml for every file instead of searching upwards from each file.",
        readable=False,
    ),
    advise: bool = typer.Option(
        False,
        "--advise",
        help="Add 'What helps most': candidate interventions ranked by their effect (as `procesmap advise`; takes a few seconds per map).",
    ),
    paper: Paper = typer.Option(
        Paper.a3,
        "--paper",
        help="PDF: the paper of the swimlane's landscape pages (the rest is A4); its text stays at least 6 pt, split over pages where it must.",
    ),
) -> None:
    """Analyse process maps and report handovers, ownership, time, capacity and findings."""
    from procesmap.api import (  # lazy: keeps `procesmap --help` fast
        across_processes,
        analyse_exit_code,
        analyse_report,
        check_paths,
        print_analyse_report,
        report_language,
    )
    from procesmap.render import FORMATS, SUFFIXES, is_binary  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    _check_simulation(cases, seed, error_lang)
    if fmt is not None and fmt not in FORMATS:
        raise _fail(
            UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt, allowed=", ".join(FORMATS)), error_lang
        )
    if output is None and fmt is not None and is_binary(fmt) and sys.stdout.isatty():
        # PDF bytes on a terminal are garbage (and may upset it): a file, or a redirection, is what was meant
        raise _fail(UsageError("cli.pdf_needs_output", "hint.cli.pdf_needs_output"), error_lang)
    _guard_output(output, [*paths, config], error_lang)
    try:
        results, problems = check_paths(
            [str(p) for p in paths], config=config, cases=cases, seed=seed, assignments=assignments
        )
    except (
        ProcessmapError
    ) as err:  # a --set that does not fit a map: in that map's language (after --lang, env, config)
        language = report_language(
            lang.value if lang else None, [], getattr(err, "language", None) or error_lang, paths, config=config
        )
        raise _fail(err, language) from None
    report_lang = report_language(lang.value if lang else None, results, error_lang, paths, config=config)
    for problem in problems:
        typer.echo(problem.format(report_lang), err=True)
    if not results:
        raise typer.Exit(code=2)
    chosen = fmt or (SUFFIXES.get(output.suffix.lower(), "terminal") if output else "terminal")
    if advise:
        from procesmap.advice import attach_advice  # lazy: keeps `procesmap --help` fast

        try:
            attach_advice([r.analysis for r in results], config=config, cases=cases, seed=seed)
        except UsageError as err:  # its work limit (procesmap.advice_bounds): exit 2, nothing written
            raise _fail(err, report_lang) from None
    # the load of the roles the maps share opens the report of several maps (render/_document.py); here it
    # counts for the exit code
    across = across_processes(results, config) if len(results) > 1 and chosen in ("terminal", "markdown") else None
    if output is None and chosen == "terminal":
        from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast

        print_analyse_report(results, report_lang, make_console(), advice=advise)
    else:
        try:
            data = analyse_report(results, chosen, report_lang, advice=advise, paper=paper.value)
        except UsageError as err:  # a work limit of the report (procesmap.render.bounds): exit 2, nothing written
            raise _fail(err, report_lang) from None
        if output is not None:
            _write(output, data, error_lang)
        elif is_binary(chosen):
            sys.stdout.buffer.write(data)  # type: ignore[arg-type]
        else:
            sys.stdout.write(data)  # type: ignore[arg-type]
    code = analyse_exit_code(results, problems, fail_on.value if fail_on else None, across)
    if code:
        raise typer.Exit(code=code)

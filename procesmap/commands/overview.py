"""``procesmap overview``: the key figures of every process and the load of each role across them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from procesmap.cli import app


@app.command()
def overview(
    paths: List[Path] = typer.Argument(..., help="Process files, or folders searched for *.yaml.", show_default=False),
    fmt: str = typer.Option("terminal", "--format", "-f", help="terminal, markdown or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="nl or en."),
    fail_on: str = typer.Option("error", "--fail-on", help="Exit 1 when a finding is at or above this severity."),
    seed: int = typer.Option(0, "--seed", help="Seed of the simulation."),
    cases: int = typer.Option(10_000, "--cases", help="Number of simulated cases."),
) -> None:
    """Across processes: key figures per process, and per role and team the load of all processes together."""
    from procesmap._io import write_atomic
    from procesmap.analysis import Settings, Severity
    from procesmap.api import analyse_paths
    from procesmap.errors import UsageError
    from procesmap.i18n import default_language
    from procesmap.render.overview import render_overview
    from procesmap.repository import overview as build_overview

    language = default_language(lang)
    if fmt not in ("terminal", "markdown", "json"):
        typer.echo(UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt,
                              allowed="terminal, markdown, json").format(language), err=True)
        raise typer.Exit(code=2)
    if fail_on not in ("error", "warning", "info"):
        typer.echo(UsageError("cli.bad_format", "hint.cli.bad_format", value=fail_on,
                              allowed="error, warning, info").format(language), err=True)
        raise typer.Exit(code=2)
    settings = Settings(cases=cases, seed=seed)
    analyses, problems = analyse_paths([str(p) for p in paths], settings)
    for problem in problems:
        typer.echo(problem.format(language), err=True)
    if not analyses:
        raise typer.Exit(code=2)
    result = build_overview(analyses, settings)
    text = render_overview(result, fmt, language)
    if output is not None:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    if problems:
        raise typer.Exit(code=2)
    threshold = Severity(fail_on)
    if any(f.severity >= threshold for f in result.findings) or any(a.findings_at_or_above(threshold) for a in analyses):
        raise typer.Exit(code=1)

"""``procesmap advise``: what helps most, a few lines over :func:`procesmap.advice.advise_paths`.

Options, languages, exit codes and ``--output`` work as for ``analyse`` (the same helpers): exit 2 when a
file cannot be read or is invalid (every problem as ``file:line:column: message`` with a hint), else 0.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional
import os

import typer

from procesmap.cli import (
    Language,
    _check_simulation,
    _fail,
    _guard_output,
    _lang,
    _output_format,
    _write,
    app,
    output_path,
)
from procesmap.errors import ProcessmapError, UsageError
from procesmap.errors import LoadError


@app.command("advise")
def advise_command(
    paths: List[Path] = typer.Argument(
        ..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="terminal, markdown, json or html (default: from --output's suffix, else terminal).",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write to this file (atomically) instead of the screen; never one of the inputs.",
        readable=False,
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).",
    ),
    seed: Optional[int] = typer.Option(
        None,
        "--seed",
        help="Seed of the simulation, the same before and after every intervention (default: configuration, else 0).",
    ),
    cases: Optional[int] = typer.Option(
        None, "--cases", help="Simulated cases of each full simulation (default: configuration, else 10000)."
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml for every file instead of searching upwards.",
        readable=False,
    ),
) -> None:
    """What helps most: candidate interventions (people, fte, back-ups, rework, handovers, waits), each scored by its
    effect on the share of cases over the term and on the cycle time, ranked, the ten best with their --set."""
    from procesmap.advice import advise_paths  # lazy: keeps `procesmap --help` fast
    from procesmap.render.advice import ADVICE_FORMATS, render_advice  # lazy: keeps `procesmap --help` fast
    from procesmap.render import suffix_problem  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    if fmt is not None and fmt not in ADVICE_FORMATS:
        raise _fail(
            UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt, allowed=", ".join(ADVICE_FORMATS)),
            error_lang,
        )
    _check_simulation(cases, seed, error_lang)
    _guard_output(output, [*paths, config], error_lang)
    suffix_error = suffix_problem(output, ADVICE_FORMATS) if fmt is None else None
    if suffix_error is not None:
        raise _fail(suffix_error, error_lang)  # `-o advies.pdf`: terminal text in a file called .pdf
    try:
        advices, problems = advise_paths([str(p) for p in paths], config=config, cases=cases, seed=seed)
    except ProcessmapError as err:
        raise _fail(err, error_lang) from None
    language = _language(lang, advices, paths, config, error_lang)
    for problem in problems:
        typer.echo(problem.format(language), err=True)
    if not advices:
        raise typer.Exit(code=2)
    chosen = fmt or _output_format(output, ADVICE_FORMATS)
    if output is None and chosen == "terminal":
        from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast
        from procesmap.render.advice import print_advice  # lazy: keeps `procesmap --help` fast

        print_advice(advices, language, make_console())  # at the terminal's width
    else:
        text = render_advice(advices, chosen, language)
        if output is not None:
            _write(output, text, error_lang)
        else:
            sys.stdout.write(text)
    if problems:
        raise typer.Exit(code=2)


def _language(
    lang: Optional[Language],
    advices: list,  # type: ignore[type-arg]
    paths: List[Path],
    config: Optional[Path],
    fallback: str,
) -> str:
    """As ``analyse``: --lang, PROCESMAP_LANG, the configuration's ``language``, the first map's, the locale."""
    from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast
    from procesmap.config import config_for  # lazy: keeps `procesmap --help` fast

    if lang is not None:
        return lang.value
    environment = os.environ.get("PROCESMAP_LANG", "")[:2].lower()
    if environment in ("nl", "en"):
        return environment
    if not advices:
        return report_language(None, [], fallback, paths)
    process = advices[0].analysis.process
    try:
        configured = config_for(process.file, config).language
    except (LoadError, OSError):
        configured = None
    return configured or process.language or fallback

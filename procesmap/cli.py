"""The command line: each command a few lines over the public API (:mod:`procesmap`).

Heavy libraries (numpy, pandas, networkx, matplotlib) are imported inside the
commands that need them, so ``procesmap --help`` starts fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence

import typer

from procesmap.errors import ProcessmapError, UsageError, os_reason

if TYPE_CHECKING:
    from procesmap.repository import Overview
    from procesmap.suppress import CheckResult

app = typer.Typer(
    name="procesmap",
    help="Turn process maps from workshops into findings: handovers, ownership, waits and capacity.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Language(str, Enum):
    nl = "nl"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Paper(str, Enum):
    a3 = "a3"
    a4 = "a4"


def _lang(explicit: Optional[Language]) -> str:
    from procesmap.i18n import default_language

    return default_language(explicit.value if explicit else None)


def _fail(error: ProcessmapError, lang: str) -> "typer.Exit":
    message = error.format(lang) if hasattr(error, "format") else str(error)
    typer.echo(message, err=True)
    return typer.Exit(code=2)


def _run_lang(explicit: Optional[Language], results: Sequence[object] = (), paths: Sequence[object] = ()) -> str:
    """The language of a run's messages once files are read (load errors, reports, write errors): ``--lang``,
    ``PROCESMAP_LANG``, the configuration's ``language``, the first loaded process's ``language``, the
    locale, English (docs/format.md, 'Messages and language'). Before any file is read, :func:`_lang` (no configuration)."""
    from procesmap.api import report_language

    return report_language(explicit.value if explicit else None, results, _lang(None), paths)  # type: ignore[arg-type]


def _check_simulation(cases: Optional[int], seed: Optional[int], lang: str) -> None:
    """``--cases`` 0..MAX_CASES and ``--seed`` 0 or more (the library's check, with the option names)."""
    from procesmap.analysis import check_simulation

    try:
        check_simulation(cases, seed, cases_name="--cases", seed_name="--seed")
    except UsageError as err:
        raise _fail(err, lang) from None


def _guard_output(output: Optional[Path], inputs: Iterable[object], lang: str) -> None:
    """Refuse an ``--output`` that is one of the inputs (also a file found in an input folder, and every file
    read so far: :func:`procesmap._io.output_clash`): the report would replace the map. Every command with
    inputs and ``--output`` calls this before it reads anything, and :func:`_write` again before it writes,
    when the files read indirectly (shared organisation files, subprocess maps, configuration, roles) are known."""
    if output is None:
        return
    from procesmap._io import output_clash

    clash = output_clash(output, [p for p in inputs if p is not None])  # type: ignore[misc]
    if clash is not None:
        raise _fail(UsageError("cli.output_is_input", "hint.cli.output_is_input", path=str(output), input=clash), lang)


def _refuse_existing(output: Optional[Path], force: bool, lang: str) -> None:
    """Commands that write a draft (``import bpmn``, ``log discover``): an existing ``--output`` needs ``--force``."""
    if output is not None and not force and (output.exists() or output.is_symlink()):
        raise _fail(UsageError("cli.output_exists", "hint.cli.output_exists", path=str(output)), lang)


def _output_format(output: Optional[Path], supported: Sequence[str], default: str = "terminal") -> str:
    """The format an ``--output`` suffix names (``.md`` markdown, ``.json`` json, ``.html`` html, ...) when the
    command supports it, else ``default``."""
    from procesmap.render import SUFFIXES

    if output is None:
        return default
    chosen = SUFFIXES.get(output.suffix.lower())
    return chosen if chosen is not None and chosen in supported else default


@app.command()
def analyse(
    paths: List[Path] = typer.Argument(..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="terminal, markdown, json, html or pdf (default: from --output's suffix, else terminal)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file (atomically) instead of the screen; never one of the inputs.", readable=False),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Report language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the simulation: the same file and seed give the same report (default: configuration, else 0)."),
    cases: Optional[int] = typer.Option(None, "--cases", help="Number of simulated cases for percentiles and shares over the term (default: configuration, else 10000)."),
    assignments: List[str] = typer.Option([], "--set", help="What-if: change the map without editing the file, e.g. --set roles.adviseur-odr.people=2 (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this procesmap.toml or pyproject.toml for every file instead of searching upwards from each file.", readable=False),
    advise: bool = typer.Option(False, "--advise", help="Add 'What helps most': candidate interventions ranked by their effect (as `procesmap advise`; takes a few seconds per map)."),
    paper: Paper = typer.Option(Paper.a3, "--paper", help="PDF: the paper of the swimlane's landscape pages (the rest is A4); its text stays at least 6 pt, split over pages where it must."),
) -> None:
    """Analyse process maps and report handovers, ownership, time, capacity and findings."""
    from procesmap.api import check_paths, exit_code, report_language, report_results
    from procesmap.render import FORMATS, SUFFIXES, is_binary

    error_lang = _lang(lang)
    _check_simulation(cases, seed, error_lang)
    if fmt is not None and fmt not in FORMATS:
        raise _fail(UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt, allowed=", ".join(FORMATS)), error_lang)
    _guard_output(output, [*paths, config], error_lang)
    try:
        results, problems = check_paths([str(p) for p in paths], config=config, cases=cases, seed=seed,
                                        assignments=assignments)
    except ProcessmapError as err:  # a --set that does not fit a map: in that map's language (after --lang, env, config)
        from procesmap.api import report_language

        language = report_language(lang.value if lang else None, [], getattr(err, "language", None) or error_lang, paths)
        raise _fail(err, language) from None
    report_lang = report_language(lang.value if lang else None, results, error_lang, paths)
    for problem in problems:
        typer.echo(problem.format(report_lang), err=True)
    if not results:
        raise typer.Exit(code=2)
    chosen = fmt or (SUFFIXES.get(output.suffix.lower(), "terminal") if output else "terminal")
    if advise:
        from procesmap.advice import attach_advice

        attach_advice([r.analysis for r in results], config=config, cases=cases, seed=seed)
    # the load of the roles the maps share opens the report of several maps (render/_document.py); here it
    # counts for the exit code
    across = _across(results, config) if chosen in ("terminal", "markdown") else None
    if output is None and chosen == "terminal":
        from rich.console import Console

        from procesmap.render.ci import suppressed_text
        from procesmap.render.terminal import print_terminal

        console = Console(highlight=False, emoji=False)
        print_terminal([r.analysis for r in results], report_lang, console)
        if advise:
            from procesmap.render.advice import print_advice

            console.print()
            print_advice([r.analysis.advice for r in results], report_lang, console)
        extra = suppressed_text(results, report_lang)
        if extra:
            console.print()
            console.print(extra.rstrip("\n"), markup=False, soft_wrap=True)
    else:
        data = report_results(results, chosen, report_lang, paper=paper.value)
        if advise and chosen in ("terminal", "markdown") and isinstance(data, str):
            from procesmap.render.advice import render_advice

            data = data.rstrip("\n") + "\n\n" + render_advice([r.analysis.advice for r in results], chosen, report_lang)
        if output is not None:
            _write(output, data, error_lang)
        elif is_binary(chosen):
            sys.stdout.buffer.write(data)  # type: ignore[arg-type]
        else:
            sys.stdout.write(data)  # type: ignore[arg-type]
    code = exit_code(results, problems, fail_on.value if fail_on else None)
    if code == 0 and across is not None:
        from procesmap.analysis import Severity

        threshold = Severity(fail_on.value if fail_on else (results[0].fail_on or "error"))
        code = 1 if any(f.severity >= threshold for f in across.findings) else 0  # type: ignore[attr-defined]
    if code:
        raise typer.Exit(code=code)


def _across(results: "list[CheckResult]", config: Optional[Path] = None) -> "Overview | None":
    """With several maps, the load of each role across all of them (see :mod:`procesmap.repository`)."""
    if len(results) < 2:
        return None
    from procesmap.api import across_processes

    return across_processes(results, config)


def _write(path: Path, text: str | bytes, lang: str, *, overwrite: bool = True) -> None:
    """The one way commands write ``--output``: atomically; a missing folder, a folder as target or no
    permission is a message with a hint (exit 2). ``overwrite=False`` never replaces an existing file."""
    from procesmap._io import write_atomic

    _guard_output(path, (), lang)  # every file this run has read, however it was found
    try:
        write_atomic(path, text, overwrite=overwrite)
    except FileExistsError:
        raise _fail(UsageError("cli.output_exists", "hint.cli.output_exists", path=str(path)), lang) from None
    except OSError as err:
        raise _fail(UsageError("cli.write_failed", "hint.cli.write_failed", path=str(path),
                               reason=os_reason(err)), lang) from None


@app.command()
def rules(
    code: Optional[str] = typer.Argument(None, help="A rule code (PM204) or name (single-point-of-failure) to explain."),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of the explanation."),
) -> None:
    """List every finding rule, or explain one with its example."""
    from rich.console import Console

    from procesmap.rules_docs import explain_rule, list_rules

    language = _lang(lang)
    console = Console(highlight=False, emoji=False)
    if code is None:
        list_rules(console, language)
        return
    try:
        explain_rule(console, code, language)
    except UsageError as err:
        raise _fail(err, language) from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of process files (format 1), for editors with a YAML language server."""
    import json

    from procesmap.model import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
) -> None:
    """procesmap: process maps from workshops, turned into findings."""
    from procesmap._io import begin_reads

    end_reads = begin_reads()  # a fresh record of the files this command reads: --output is never one of them
    ctx.call_on_close(end_reads)
    if version:
        from procesmap._version import __version__

        typer.echo(f"procesmap {__version__}")
        raise typer.Exit()


def _register_commands() -> None:
    """Import the command modules of each area; they add their commands to ``app``."""
    import importlib
    import pkgutil

    import procesmap.commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"procesmap.commands.{info.name}")


_register_commands()


def main() -> None:
    """Entry point: never a traceback for a user's input."""
    try:
        app()
    except ProcessmapError as err:
        typer.echo(err.format(_lang(None)) if hasattr(err, "format") else str(err), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)

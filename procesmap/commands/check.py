"""``procesmap check PATH...``: terse output for CI and pre-commit (see docs/ci.md).

A few lines over :func:`procesmap.api.check_paths` and :mod:`procesmap.render.ci`.
Exit codes (docs/format.md): 0 no finding at or above ``--fail-on``, 1 there are, 2 a file
(or a configuration) could not be read or is invalid.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from procesmap.cli import FailOn, Language, _check_simulation, _fail, _guard_output, _lang, _write, app, output_path
from procesmap.errors import UsageError

__all__ = ["check"]


@app.command("check")
def check(
    ctx: typer.Context,
    paths: List[Path] = typer.Argument(
        ..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False
    ),
    fmt: str = typer.Option("plain", "--format", "-f", help="plain, github, gitlab or sarif."),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the output to this file (atomically); never one of the inputs.",
        readable=False,
    ),
    fail_on: Optional[FailOn] = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error).",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml for every file instead of searching upwards.",
        readable=False,
    ),
    lang: Optional[Language] = typer.Option(
        None, "--lang", help="Language of the messages (default: PROCESMAP_LANG, the configuration, the process)."
    ),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the simulation (default: configuration, else 0)."),
    cases: Optional[int] = typer.Option(None, "--cases", help="Simulated cases (default: configuration, else 10000)."),
    only_maps: bool = typer.Option(
        False,
        "--only-maps",
        help="Skip YAML files without a top-level `procesmap:` key (for hooks that get every YAML file).",
    ),
    zaaktype: Optional[Path] = typer.Option(
        None,
        "--zaaktype",
        help="Check each map against its zaaktype in this file (Catalogi API JSON or Open Zaak export ZIP): PM701-PM705. Default: the configuration's `zaaktypen`.",
        readable=False,
    ),
) -> None:
    """Check process maps for CI and pre-commit: one line per finding, exit 1 on findings at or above --fail-on."""
    from procesmap.api import check_paths, exit_code, report_language  # lazy: keeps `procesmap --help` fast
    from procesmap.render.ci import CHECK_FORMATS, render_check, summary  # lazy: keeps `procesmap --help` fast
    from procesmap.render import SUFFIXES  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    if fmt not in CHECK_FORMATS:
        raise _fail(
            UsageError(
                "cli.check_bad_format", "hint.cli.check_bad_format", value=fmt, allowed=", ".join(CHECK_FORMATS)
            ),
            error_lang,
        )
    _check_simulation(cases, seed, error_lang)
    _guard_output(output, [*paths, config, zaaktype], error_lang)
    results, problems = check_paths(
        [str(p) for p in paths], config=config, cases=cases, seed=seed, only_maps=only_maps, zaaktype=zaaktype
    )
    if output is not None and _default(ctx, "fmt"):
        _guard_output(output, (), error_lang)  # an input read on the way (a shared file) first: that is worse
        # without --format the suffix of --output decides: `.sarif` is SARIF; a suffix of another format (.json,
        # .html, .md, .pdf) would get plain lines that its reader rejects
        suffix = output.suffix.lower()
        if suffix == ".sarif":
            fmt = "sarif"
        elif suffix in SUFFIXES and SUFFIXES[suffix] != "terminal":
            raise _fail(
                UsageError("cli.check_suffix", "hint.cli.check_suffix", path=str(output), suffix=suffix),
                error_lang,
            )
    report_lang = report_language(lang.value if lang else None, results, error_lang, paths, config=config)
    text = render_check(results, problems, fmt, report_lang)
    if output is not None:
        _write(output, text, error_lang)
        typer.echo(summary(results, problems, report_lang), err=fmt in ("gitlab", "sarif"))
    else:
        sys.stdout.write(text)
        if fmt in ("gitlab", "sarif"):
            typer.echo(summary(results, problems, report_lang), err=True)
    raise typer.Exit(code=exit_code(results, problems, fail_on.value if fail_on else None))


def _default(ctx: typer.Context, name: str) -> bool:
    """Whether option ``name`` kept its default (the user did not give it)."""
    source = ctx.get_parameter_source(name)
    return source is None or source.name in ("DEFAULT", "DEFAULT_MAP")

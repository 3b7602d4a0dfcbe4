"""``procesmap diff``: what changed in a map (two files, two git revisions or a what-if scenario) and in its figures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional
import os

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


@app.command("diff")
def diff_command(
    paths: List[Path] = typer.Argument(
        ..., help="OLD NEW, or one FILE with --from/--to or --set.", show_default=False, readable=False
    ),
    rev_from: Optional[str] = typer.Option(None, "--from", help="Git revision of the old map (e.g. HEAD~3, main)."),
    rev_to: Optional[str] = typer.Option(None, "--to", help="Git revision of the new map (default: the working tree)."),
    assignments: List[str] = typer.Option(
        [], "--set", help="What-if on the new side: --set roles.adviseur-odr.people=2 (repeatable)."
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help="terminal, markdown or json (default: from --output's suffix, else terminal)."
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the diff to this file (atomically); never one of the maps.",
        parser=output_path,
    ),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language (default: the process's `language`)."),
    fail_on: Optional[FailOn] = typer.Option(
        None, "--fail-on", help="Exit 1 when a NEW finding is at or above this severity."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the simulation, the same for both sides."),
    cases: int = typer.Option(10_000, "--cases", help="Simulated cases, the same for both sides."),
) -> None:
    """Compare two versions of a map: changes in steps, roles, transitions and RACI, and in the figures."""
    from procesmap.analysis import Settings, Severity  # lazy: keeps `procesmap --help` fast
    from procesmap.diff import diff_paths  # lazy: keeps `procesmap --help` fast
    from procesmap.render.diff import DIFF_FORMATS, print_diff, render_diff  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    if fmt is not None and fmt not in DIFF_FORMATS:
        raise _fail(
            UsageError(
                "versions.diff.bad_format", "versions.hint.diff.formats", value=fmt, allowed=", ".join(DIFF_FORMATS)
            ),
            error_lang,
        )
    _check_simulation(cases, seed, error_lang)
    _guard_output(output, paths, error_lang)
    try:
        difference = diff_paths(
            [str(p) for p in paths], rev_from, rev_to, assignments, Settings(cases=cases, seed=seed)
        )
    except ProcessmapError as err:  # a --set that does not fit: in the map's language (after --lang, env, config)
        from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast

        if isinstance(err, UsageError) and getattr(err, "language", None) is None:
            # two maps missing, --to without --from, no git: the command line's problem (docs/format.md)
            raise _fail(
                err, report_language(lang.value if lang else None, [], error_lang, paths, declared=False)
            ) from None
        raise _fail(
            err,
            report_language(
                lang.value if lang else None, [], getattr(err, "language", None) or _run_lang(lang, [], paths), paths
            ),
        ) from None
    report_lang = (lang.value if lang else None) or _env_lang() or difference.language
    chosen = fmt or _output_format(output, DIFF_FORMATS)
    if output is None and chosen == "terminal":
        from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast

        print_diff(difference.diff, report_lang, make_console())
    else:
        text = render_diff(difference.diff, chosen, report_lang)
        if output is not None:
            _write(output, text, error_lang)
        else:
            sys.stdout.write(text)
    if fail_on is not None and difference.diff.new_findings_at_or_above(Severity(fail_on.value)):
        raise typer.Exit(code=1)


def _env_lang() -> str | None:
    value = os.environ.get("PROCESMAP_LANG", "")[:2].lower()
    return value if value in ("nl", "en") else None

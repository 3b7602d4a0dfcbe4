"""``procesmap fmt PATH... [--check]``: the canonical layout, comments kept (see :mod:`procesmap.fmt`)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from procesmap.cli import Language, _run_lang, app


@app.command("fmt")
def fmt_command(
    paths: List[Path] = typer.Argument(
        ..., help="Process files, or folders searched for *.yaml.", show_default=False, readable=False
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; exit 1 when a file would be reformatted (for CI)."
    ),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of the messages."),
) -> None:
    """Lay out process files the canonical way (key order, indentation), keeping every comment."""
    from procesmap.fmt import format_paths  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    language = _run_lang(lang, [], paths)
    results, problems = format_paths([str(p) for p in paths], check=check)
    for result in results:
        if result.changed:
            typer.echo(
                t("versions.fmt.would_change" if check else "versions.fmt.changed", language, path=result.path),
                err=check,
            )
    changed = sum(1 for r in results if r.changed)
    if results:
        key = "versions.fmt.summary_check" if check else "versions.fmt.summary"
        typer.echo(t(key, language, changed=changed, total=len(results)), err=True)
    for problem in problems:
        typer.echo(problem.format(language), err=True)
    if problems:
        raise typer.Exit(code=2)
    if check and changed:
        raise typer.Exit(code=1)

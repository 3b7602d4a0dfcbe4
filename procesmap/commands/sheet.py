"""``procesmap import xlsx`` and ``procesmap export xlsx``: a few lines over :mod:`procesmap.sheet`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from procesmap.cli import Language, _fail, _guard_output, _lang, _refuse_existing, _run_lang, _write, output_path
from procesmap.commands.bpmn import _t, emit_draft, export_app, import_app
from procesmap.errors import LoadError, ProcessmapError, UsageError
from procesmap.cli import _check_simulation


@import_app.command("xlsx")
def import_xlsx_command(
    file: Path = typer.Argument(
        ...,
        help="The process table (.xlsx): a row per step, Dutch or English column names.",
        show_default=False,
        readable=False,
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the map here (atomically); default: the screen.",
        readable=False,
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of messages and of the map (default: PROCESMAP_LANG, the configuration's `language`, the workbook's own, else the locale).",
    ),
) -> None:
    """Import a process table from Excel as a map; problems as file!sheet!cell with a hint."""
    from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast
    from procesmap.sheet import import_xlsx, workbook_language  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [file], _lang(lang))
    # --lang, PROCESMAP_LANG, the configuration (an empty answer: none of them said); else the language the workbook
    # is in (its process sheet's `taal`, else its sheet and column names), as a map's `language:` is; else the locale
    language = (
        report_language(lang.value if lang else None, [], "", [file], declared=False)
        or workbook_language(file)
        or _lang(None)
    )
    _refuse_existing(output, force, language)
    try:
        result = import_xlsx(file, lang=language, display=str(file))
    except ProcessmapError as err:
        raise _fail(err, language) from None
    emit_draft(result.yaml_text, [], output, force, language, "sheet")


@export_app.command("xlsx")
def export_xlsx_command(
    file: Optional[Path] = typer.Argument(
        None, help="The process map (YAML); not with --template.", show_default=False, readable=False
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the workbook here (atomically). Never the map itself.",
        readable=False,
    ),
    template: bool = typer.Option(
        False, "--template", help="Write an empty workbook to fill in (the tables with their headers)."
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of sheet names, headers and findings "
        "(default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).",
    ),
    seed: Optional[int] = typer.Option(
        None, "--seed", help="Seed of the simulation behind the key figures (default: configuration, else 0)."
    ),
    cases: Optional[int] = typer.Option(
        None, "--cases", help="Simulated cases behind the key figures (default: configuration, else 10000)."
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml instead of searching upwards from the map (its rules, settings and language decide the findings and key figures, as for analyse).",
        readable=False,
    ),
) -> None:
    """Export a map as an Excel workbook: steps (importable again), roles, RACI matrix, findings, key figures."""

    error_lang = _lang(lang)
    _check_simulation(cases, seed, error_lang)
    if output is None:
        raise _fail(UsageError("sheet.cli.needs_output", "hint.sheet.cli.needs_output"), error_lang)
    if template:
        from procesmap.sheet import template_xlsx  # lazy: keeps `procesmap --help` fast

        _write(output, template_xlsx(lang.value if lang else error_lang), error_lang)
        typer.echo(_t("sheet.cli.written", error_lang, path=str(output)), err=True)
        return
    if file is None:
        raise _fail(UsageError("sheet.cli.no_map", "hint.sheet.cli.no_map"), error_lang)
    _guard_output(output, [file, config], error_lang)
    from procesmap.api import check_paths  # lazy: keeps `procesmap --help` fast
    from procesmap.loading import load  # lazy: keeps `procesmap --help` fast
    from procesmap.sheet import export_xlsx  # lazy: keeps `procesmap --help` fast

    # the map as `analyse` sees it: its configuration (rules, settings, language) and suppression comments
    # decide the findings and key figures in the workbook
    try:
        if file.is_dir():
            load(file)  # the loader's own message: a folder is no process file
        results, problems = check_paths([str(file)], config=config, cases=cases, seed=seed)
        if problems or not results:
            raise LoadError(problems)
        # docs/format.md's one order: --lang, PROCESMAP_LANG, the configuration's `language`, the map's
        language = _run_lang(lang, results, [file], config)
        data = export_xlsx(results[0].analysis, language)
    except ProcessmapError as err:
        # a map that does not load: its messages in the language --config names too, as a good map's run is
        raise _fail(err, _run_lang(lang, [], [file], config)) from None
    _write(output, data, language)
    typer.echo(_t("sheet.cli.written", language, path=str(output)), err=True)

"""``procesmap import zaaktype`` and ``procesmap export zaaktype``: a few lines over :mod:`procesmap.zgw`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional
import datetime

import typer

from procesmap.cli import Language, _fail, _guard_output, _lang, _refuse_existing, _run_lang, _write, output_path
from procesmap.commands.bpmn import _t, emit_draft, export_app, import_app
from procesmap.errors import ProcessmapError, UsageError


@import_app.command("zaaktype")
def import_zaaktype_command(
    source: Path = typer.Argument(
        ...,
        help="A Catalogi API ZaakType JSON (one or a list) or an Open Zaak catalogue export (ZIP).",
        show_default=False,
        readable=False,
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the draft map here (atomically); default: the screen.",
        readable=False,
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    identificatie: Optional[str] = typer.Option(
        None, "--identificatie", help="The zaaktype to import when the file holds several."
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of messages, comments and the map (default: PROCESMAP_LANG, the configuration's `language`, else Dutch: a zaaktype is Dutch).",
    ),
) -> None:
    """Import a zaaktype of the zaaksysteem as a draft process map; what cannot be mapped is listed."""
    from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast
    from procesmap.zgw import import_zaaktype  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [source], _lang(lang))
    # a zaaktype is Dutch (its omschrijving, statustypen, the Awb terms), whatever the machine's locale
    language = report_language(lang.value if lang else None, [], "nl", [source], declared=False)
    _refuse_existing(output, force, language)
    try:
        result = import_zaaktype(source, identificatie=identificatie, lang=language, display=str(source))
    except ProcessmapError as err:
        raise _fail(err, language) from None
    emit_draft(result.yaml_text, list(result.unmapped), output, force, language, "zgw")


@export_app.command("zaaktype")
def export_zaaktype_command(
    file: Path = typer.Argument(..., help="The process map (YAML).", show_default=False, readable=False),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the ZaakType JSON here (atomically); default: the screen. Never the map itself.",
        readable=False,
    ),
    catalogus: Optional[str] = typer.Option(
        None, "--catalogus", help="URL of the catalogus in the Catalogi API (default: a placeholder to fill in)."
    ),
    date: Optional[str] = typer.Option(
        None, "--date", help="beginGeldigheid and versiedatum, YYYY-MM-DD (default: today)."
    ),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of messages."),
) -> None:
    """Export a process map as a ZaakType body of the ZGW Catalogi API 1.3 (durations as P56D)."""
    from procesmap.loading import load  # lazy: keeps `procesmap --help` fast
    from procesmap.zgw import export_zaaktype  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [file], _lang(lang))
    language = _run_lang(lang, [], [file])
    day = None
    if date is not None:
        try:
            day = datetime.date.fromisoformat(date)
        except ValueError:
            # a command-line problem: in the language before any file is read (docs/format.md)
            raise _fail(UsageError("zgw.cli.bad_date", "hint.zgw.cli.bad_date", value=date), _lang(lang)) from None
    try:
        result = export_zaaktype(load(file), catalogus=catalogus, date=day)
    except ProcessmapError as err:
        raise _fail(err, language) from None
    if output is None:
        sys.stdout.write(result.json_text())
    else:
        _write(output, result.json_text(), language)
        typer.echo(_t("zgw.cli.written", language, path=str(output)), err=True)
    if result.defaults:
        typer.echo(_t("zgw.cli.defaults", language, fields=", ".join(result.defaults)), err=True)

"""``procesmap export bpmn`` and ``procesmap import bpmn``: a few lines over :mod:`procesmap.bpmn`.

The ``export`` and ``import`` groups are shared with other areas: a group that another
command module registered already is reused, not registered twice.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from procesmap.cli import app
from procesmap.errors import ProcessmapError, UsageError


def _group(name: str, help_text: str) -> typer.Typer:
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help_text, no_args_is_help=True, add_completion=False, rich_markup_mode=None)
    app.add_typer(group, name=name)
    return group


export_app = _group("export", "Export a process map to another tool's format.")
import_app = _group("import", "Import a model from another tool as a draft process map.")


class Pools(str, Enum):
    organisation = "organisation"
    single = "single"


class External(str, Enum):
    pool = "pool"
    lane = "lane"


class Language(str, Enum):
    nl = "nl"
    en = "en"


def _language(explicit: Optional[Language]) -> str:
    from procesmap.i18n import default_language

    return default_language(explicit.value if explicit else None)


def _fail(error: ProcessmapError, lang: str) -> typer.Exit:
    typer.echo(error.format(lang) if hasattr(error, "format") else str(error), err=True)
    return typer.Exit(code=2)


def _write(path: Path, data: str | bytes, lang: str) -> None:
    from procesmap._io import write_atomic

    try:
        write_atomic(path, data)
    except OSError as err:
        raise _fail(UsageError("bpmn.cli.write_failed", "hint.bpmn.write_failed", path=str(path),
                               reason=err.strerror or str(err)), lang) from None


@export_app.command("bpmn")
def export_bpmn_command(
    file: Path = typer.Argument(..., help="The process map (YAML).", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the .bpmn file here (atomically); default: the screen."),
    pools: Pools = typer.Option(Pools.organisation, "--pools", help="One pool per organisation, or a single pool with lanes."),
    external: External = typer.Option(External.pool, "--external", help="External parties as their own pool (message flows) or as a lane."),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of messages (default: PROCESMAP_LANG, else the locale)."),
) -> None:
    """Export a process map as BPMN 2.0 XML, laid out, for Camunda Modeler, Signavio and bpmn-js."""
    from procesmap.bpmn import ExportOptions, export_bpmn
    from procesmap.loading import load

    language = _language(lang)
    try:
        process = load(file)
        data = export_bpmn(process, ExportOptions(pools=pools.value, external=external.value,  # type: ignore[arg-type]
                                                  lang=lang.value if lang else None))
    except ProcessmapError as err:
        raise _fail(err, language) from None
    if output is None:
        sys.stdout.buffer.write(data)
        return
    _write(output, data, language)
    typer.echo(_t("bpmn.cli.written", language, path=str(output)), err=True)


@import_app.command("bpmn")
def import_bpmn_command(
    file: Path = typer.Argument(..., help="The BPMN 2.0 XML file (.bpmn).", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the draft map here (atomically); default: the screen."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of messages, comments and the map (default: PROCESMAP_LANG, else the locale)."),
) -> None:
    """Import a BPMN 2.0 model as a draft process map; what cannot be mapped is listed."""
    from procesmap.bpmn import import_bpmn

    language = _language(lang)
    if output is not None and output.exists() and not force:
        raise _fail(UsageError("bpmn.cli.exists", "hint.bpmn.exists", path=str(output)), language)
    try:
        result = import_bpmn(file, lang=language, process_id=file.stem, display=str(file))
    except ProcessmapError as err:
        raise _fail(err, language) from None
    if output is None:
        sys.stdout.write(result.yaml_text)
    else:
        _write(output, result.yaml_text, language)
        typer.echo(_t("bpmn.cli.written", language, path=str(output)), err=True)
    if result.unmapped:
        typer.echo(_t("bpmn.cli.unmapped", language, count=len(result.unmapped)), err=True)
        for item in result.unmapped:
            typer.echo("  - " + " ".join(item.text(language).split()), err=True)


def _t(key: str, lang: str, **args: object) -> str:
    from procesmap.i18n import t

    return t(key, lang, **args)

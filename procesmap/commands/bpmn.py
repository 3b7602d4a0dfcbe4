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

from procesmap.cli import Language, _fail, _guard_output, _lang, _refuse_existing, _run_lang, _write, app, output_path
from procesmap.errors import ProcessmapError


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


def _language(explicit: Optional[Language], path: Path) -> str:
    """The language of messages: ``--lang``, ``PROCESMAP_LANG``, the configuration's, the locale (docs/format.md, 'Messages and language')."""
    return _run_lang(explicit, [], [path])


@export_app.command("bpmn")
def export_bpmn_command(
    file: Path = typer.Argument(..., help="The process map (YAML).", show_default=False, readable=False),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the .bpmn file here (atomically); default: the screen. Never the map itself.",
        readable=False,
    ),
    pools: Pools = typer.Option(
        Pools.organisation, "--pools", help="One pool per organisation, or a single pool with lanes."
    ),
    external: External = typer.Option(
        External.pool, "--external", help="External parties as their own pool (message flows) or as a lane."
    ),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of messages (default: PROCESMAP_LANG, the configuration's `language`, else the locale).",
    ),
) -> None:
    """Export a process map as BPMN 2.0 XML, laid out, for Camunda Modeler, Signavio and bpmn-js."""
    from procesmap.bpmn import ExportOptions, export_bpmn  # lazy: keeps `procesmap --help` fast
    from procesmap.loading import load  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [file], _lang(lang))
    language = _language(lang, file)
    try:
        process = load(file)
        data = export_bpmn(
            process,
            ExportOptions(
                pools=pools.value,
                external=external.value,  # type: ignore[arg-type]
                lang=lang.value if lang else None,
            ),
        )
    except ProcessmapError as err:
        raise _fail(err, language) from None
    if output is None:
        sys.stdout.buffer.write(data)
        return
    _write(output, data, language)
    typer.echo(_t("bpmn.cli.written", language, path=str(output)), err=True)


@import_app.command("bpmn")
def import_bpmn_command(
    file: Path = typer.Argument(..., help="The BPMN 2.0 XML file (.bpmn).", show_default=False, readable=False),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help="Write the draft map here (atomically); default: the screen.",
        readable=False,
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of messages, comments and the map (default: PROCESMAP_LANG, the configuration's `language`, else the locale).",
    ),
) -> None:
    """Import a BPMN 2.0 model as a draft process map; what cannot be mapped is listed."""
    from procesmap.bpmn import import_bpmn  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [file], _lang(lang))
    language = _language(lang, file)
    _refuse_existing(output, force, language)
    try:
        result = import_bpmn(file, lang=language, process_id=file.stem, display=str(file))
    except ProcessmapError as err:
        raise _fail(err, language) from None
    emit_draft(result.yaml_text, list(result.unmapped), output, force, language, "bpmn")


def emit_draft(
    yaml_text: str, unmapped: "list[object]", output: Optional[Path], force: bool, language: str, area: str
) -> None:
    """Write an importer's draft map to ``output`` (atomically) or the screen, then list on stderr what the
    source held that the map cannot (``<area>.cli.written`` / ``<area>.cli.unmapped`` in the catalogue)."""
    if output is None:
        sys.stdout.write(yaml_text)
    else:
        _write(output, yaml_text, language, overwrite=force, writes_map=True)
        typer.echo(_t(f"{area}.cli.written", language, path=str(output)), err=True)
    if unmapped:
        typer.echo(_t(f"{area}.cli.unmapped", language, count=len(unmapped)), err=True)
        for item in unmapped:
            typer.echo("  - " + " ".join(item.text(language).split()), err=True)  # type: ignore[attr-defined]


def _t(key: str, lang: str, **args: object) -> str:
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    return t(key, lang, **args)

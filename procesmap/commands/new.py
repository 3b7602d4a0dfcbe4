"""``procesmap new ID [--lang nl|en] [--output PATH]``: a commented starter map for the next workshop."""

from __future__ import annotations

from typing import Optional

import typer

from procesmap.cli import Language, _fail, _lang, app
from procesmap.errors import UsageError


@app.command("new")
def new_command(
    process_id: str = typer.Argument(
        ..., metavar="ID", help="The process id: a lower-case slug, e.g. omgevingsvergunning-2."
    ),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of the map and its comments (default: nl)."),
    output: Optional[str] = typer.Option(  # text, not a Path: `kaarten/` keeps the `/` that says "a folder"
        None, "--output", "-o", metavar="FILE", help="Where to write (default: ./ID.yaml). Never overwrites."
    ),
) -> None:
    """Write a commented starter map (start, a task, a decision, an end) that analyses as it is."""
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast
    from procesmap.starter import write_starter  # lazy: keeps `procesmap --help` fast

    language = lang.value if lang else "nl"
    messages = _lang(lang)
    try:
        path = write_starter(process_id, language, output)
    except UsageError as err:
        raise _fail(err, messages) from None
    typer.echo(t("versions.new.written", language, path=str(path)), err=True)  # in the language of the map it wrote

"""``procesmap serve``: the live map for the workshop (see :mod:`procesmap.serve` and docs/serve.md)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Optional

import typer

from procesmap.cli import Language, _check_simulation, _fail, _lang, app
from procesmap.errors import UsageError


@app.command("serve")
def serve(
    path: Path = typer.Argument(
        ..., help="A process file (.yaml), or a folder of them.", show_default=False, readable=False
    ),
    port: int = typer.Option(8765, "--port", help="Port to listen on (0: any free port)."),
    host: Optional[str] = typer.Option(
        None,
        "--host",
        help="Listen on this address instead of 127.0.0.1 only (e.g. 0.0.0.0); then a token printed once is required.",
    ),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    lang: Optional[Language] = typer.Option(
        None,
        "--lang",
        help="Language of the page (default: PROCESMAP_LANG, the configuration's `language`, the map's `language`).",
    ),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the simulation (default: configuration, else 0)."),
    cases: Optional[int] = typer.Option(
        None, "--cases", help="Number of simulated cases (default: configuration, else 10000)."
    ),
    config: Optional[Path] = typer.Option(
        None, "--config", help="Use this procesmap.toml or pyproject.toml for every map.", readable=False
    ),
) -> None:
    """Serve a live page of a map (or a folder of maps) that redraws on every save, with what-if controls."""
    error_lang = _lang(lang)
    _check_simulation(cases, seed, error_lang)
    if not path.exists():
        raise _fail(UsageError("serve.missing_path", "serve.hint.missing_path", path=str(path)), error_lang)
    from procesmap.serve import serve as run  # lazy: keeps `procesmap --help` fast

    gc.enable()  # the server runs for hours: the collector main() turned off for a short command is needed again
    try:
        run(
            path,
            host=host,
            port=port,
            open_browser=open_browser,
            lang=lang.value if lang else None,
            config=config,
            cases=cases,
            seed=seed,
            echo=lambda text: typer.echo(text, err=False),
        )
    except UsageError as err:
        raise _fail(err, error_lang) from None

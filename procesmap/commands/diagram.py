"""``procesmap diagram``: the swimlane picture (PNG, SVG, PDF) or a Mermaid flowchart of one map.

Where the diagram goes, as a user expects it:

* ``--output PATH``: written there, atomically; without ``--format`` the suffix decides
  (``.png``, ``.svg``, ``.pdf``, ``.mmd``/``.mermaid``, ``.drawio``; another suffix means PNG).
* no ``--output``: SVG, Mermaid and draw.io (text) go to standard output; PNG and PDF go to standard
  output only when it is a pipe or a file (``> plan.png``); on a terminal they are written
  to ``<process-id>.<ext>`` in the current folder, and the command says so.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from procesmap.cli import Language, _fail, _guard_output, _lang, _run_lang, _write, app
from procesmap.errors import LoadError, UsageError


class DiagramFormat(str, Enum):
    png = "png"
    svg = "svg"
    pdf = "pdf"
    mermaid = "mermaid"
    drawio = "drawio"


EXTENSIONS = {"png": ".png", "svg": ".svg", "pdf": ".pdf", "mermaid": ".mmd", "drawio": ".drawio"}


@app.command("diagram")
def diagram(
    path: Path = typer.Argument(..., help="The process file (.yaml).", show_default=False, readable=False),
    fmt: Optional[DiagramFormat] = typer.Option(
        None,
        "--format",
        "-f",
        help="png, svg, pdf (swimlanes), drawio (editable swimlanes) or mermaid (default: from --output's suffix, else png).",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the diagram to this file (atomically); never the map itself.",
        readable=False,
    ),
    lang: Optional[Language] = typer.Option(
        None, "--lang", help="Language of the labels (default: the process's `language`)."
    ),
    pages: bool = typer.Option(
        False,
        "--pages",
        help="A wide map as readable pages: an overview with the cuts numbered, then each part with all lanes (pdf: one document; png/svg: NAME-0, NAME-1, .. files).",
    ),
) -> None:
    """Draw a process map as swimlanes (png, svg, pdf, editable drawio) or as a Mermaid flowchart, with its findings on it."""
    from procesmap.pipeline import analyse  # lazy: keeps `procesmap --help` fast
    from procesmap.diagrams import SUFFIXES, render_diagram  # lazy: keeps `procesmap --help` fast
    from procesmap.loading import load  # lazy: keeps `procesmap --help` fast

    error_lang = _lang(lang)
    chosen = fmt.value if fmt else None
    if output is not None:
        from_suffix = SUFFIXES.get(output.suffix.lower())
        if chosen is not None and from_suffix is not None and from_suffix != chosen:
            raise _fail(
                UsageError(
                    "cli.diagram.suffix_mismatch", "hint.cli.diagram.suffix_mismatch", format=chosen, path=str(output)
                ),
                error_lang,
            )
        chosen = chosen or from_suffix or "png"
    chosen = chosen or "png"
    _guard_output(output, [path], error_lang)
    try:
        process = load(path)
    except LoadError as err:
        raise _fail(err, _run_lang(lang, [], [path])) from None
    report_lang = (lang.value if lang else None) or _env_lang() or process.language
    if pages:
        if chosen not in ("png", "svg", "pdf"):
            raise _fail(
                UsageError("cli.diagram.pages_format", "hint.cli.diagram.pages_format", format=chosen), error_lang
            )
        _write_pages(analyse(process), chosen, report_lang, output, process.id, error_lang)
        return
    data = render_diagram(analyse(process), chosen, report_lang)
    if output is None and chosen in ("png", "pdf") and sys.stdout.isatty():
        output = Path(f"{process.id}{EXTENSIONS[chosen]}")
        _write(output, data, error_lang)
        from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

        typer.echo(t("cli.diagram.written", error_lang, path=str(output)), err=True)
        return
    if output is not None:
        _write(output, data, error_lang)
        return
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _write_pages(
    analysis: object, fmt: str, lang: str, output: Optional[Path], process_id: str, error_lang: str
) -> None:
    """``--pages``: one PDF with every page, or one PNG/SVG a page named ``<stem>-<n><suffix>`` (0: the overview)."""
    from procesmap.diagrams.swimlane import render_swimlane_pages  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    documents = render_swimlane_pages(analysis, fmt, lang)  # type: ignore[arg-type]
    if fmt == "pdf":
        if output is None and not sys.stdout.isatty():
            sys.stdout.buffer.write(documents[0])
            sys.stdout.buffer.flush()
            return
        target = output or Path(f"{process_id}.pdf")
        _write(target, documents[0], error_lang)
        typer.echo(t("cli.diagram.written", error_lang, path=str(target)), err=True)
        return
    base = output or Path(f"{process_id}{EXTENSIONS[fmt]}")
    for number, data in enumerate(documents):
        target = base.with_name(f"{base.stem}-{number}{base.suffix or EXTENSIONS[fmt]}")
        _write(target, data, error_lang)
        typer.echo(t("cli.diagram.written", error_lang, path=str(target)), err=True)


def _env_lang() -> str | None:
    value = os.environ.get("PROCESMAP_LANG", "")
    return value if value in ("nl", "en") else None

"""``procesmap diagram``: the swimlane picture (PNG, SVG, PDF) or a Mermaid flowchart of one map.

Where the diagram goes, as a user expects it:

* ``--output PATH``: written there, atomically; without ``--format`` the suffix decides
  (``.png``, ``.svg``, ``.pdf``, ``.mmd``/``.mermaid``, ``.drawio``; another suffix means PNG).
* no ``--output``: SVG, Mermaid and draw.io (text) go to standard output; PNG and PDF go to standard
  output only when it is a pipe or a file (``> plan.png``); on a terminal they are written
  to ``<process-id>.<ext>`` in the current folder, and the command says so.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from procesmap.cli import Language, _fail, _guard_output, _lang, _run_lang, _write, app, output_path
from procesmap.errors import LoadError, ProcessmapError, UsageError


class DiagramFormat(str, Enum):
    png = "png"
    svg = "svg"
    pdf = "pdf"
    mermaid = "mermaid"
    drawio = "drawio"


EXTENSIONS = {"png": ".png", "svg": ".svg", "pdf": ".pdf", "mermaid": ".mmd", "drawio": ".drawio"}
DPI_RANGE = (36, 1200)
"""``--dpi`` accepted: from half a pixel a point to 1,200 (a picture over the PNG work limit is drawn smaller, see
:func:`procesmap.diagrams.swimlane.png_dpi`)."""


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
        parser=output_path,
    ),
    lang: Optional[Language] = typer.Option(
        None, "--lang", help="Language of the labels (default: the process's `language`)."
    ),
    pages: Optional[bool] = typer.Option(
        None,
        "--pages/--single",
        help="--pages: the map as readable pages, an overview with the cuts numbered, then each part with all lanes (pdf: one document; png/svg: NAME.png the overview, NAME-1.png, .. the parts). --single: one picture. Default: pages when one picture would be unreadable on a 1920x1080 screen (step names under 7 px).",
        show_default=False,
    ),
    organisations: bool = typer.Option(
        False,
        "--organisations",
        help="Draw the map per organisation instead: one box per organisation (and the external parties), the handovers between them as arrows with how often a case takes them (png, svg, pdf).",
    ),
    all_arrows: bool = typer.Option(
        False,
        "--all-arrows",
        help="Draw every arrow of a dense map (a draft from `log discover`); by default it shows its most frequent ones and says how many it left out.",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Use this procesmap.toml or pyproject.toml instead of searching upwards from the file (its rules, settings and language decide the findings drawn, as for analyse).",
        readable=False,
    ),
    dpi: Optional[int] = typer.Option(
        None,
        "--dpi",
        help="Resolution of a PNG (default 144: sharp on a screen or beamer; a map over 16 million pixels at less). 300 for print; the PDF is vector.",
        show_default=False,
    ),
) -> None:
    """Draw a process map as swimlanes (png, svg, pdf, editable drawio) or as a Mermaid flowchart, with its findings on it."""
    from procesmap.api import check_paths  # lazy: keeps `procesmap --help` fast
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
    if dpi is not None:
        if chosen != "png":
            raise _fail(UsageError("cli.diagram.dpi_format", "hint.cli.diagram.dpi_format", format=chosen), error_lang)
        if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
            raise _fail(
                UsageError(
                    "cli.diagram.dpi_range", "hint.cli.diagram.dpi_range", dpi=dpi, low=DPI_RANGE[0], high=DPI_RANGE[1]
                ),
                error_lang,
            )
    _guard_output(output, [path, config], error_lang)
    # the map as `analyse` sees it: its configuration (rules, settings, language, zaaktypen) and suppression
    # comments decide which findings the picture shows
    try:
        if path.is_dir():
            load(path)  # the loader's own message: a folder is no process file
        results, problems = check_paths([str(path)], config=config)
        if problems or not results:
            raise LoadError(problems)
    except ProcessmapError as err:
        raise _fail(err, _run_lang(lang, [], [path], config)) from None
    analysis = results[0].analysis
    process = analysis.process
    report_lang = _run_lang(lang, results, [path], config)
    error_lang = report_lang  # the map is read: what follows (written, refused, too large) speaks its language
    if pages and chosen not in ("png", "svg", "pdf"):
        raise _fail(UsageError("cli.diagram.pages_format", "hint.cli.diagram.pages_format", format=chosen), error_lang)
    from procesmap.diagrams.bounds import DrawingTooLarge  # lazy: keeps `procesmap --help` fast

    try:  # a work limit (procesmap.diagrams.bounds) is checked before its work: exit 2, nothing written
        if organisations:  # (its boxes come from the swimlane's layout, so the same limits hold)
            _write_organisations(analysis, chosen, report_lang, output, process.id, error_lang, path, dpi)
            return
        if pages is None and chosen in ("png", "svg", "pdf"):
            # several pictures need files: to a pipe a png or svg stays one picture
            to_files = chosen == "pdf" or output is not None or sys.stdout.isatty()
            if to_files:
                from procesmap.diagrams.swimlane import READABLE_PX, readable  # lazy: keeps `procesmap --help` fast

                pages = readable(analysis, report_lang, all_arrows) < READABLE_PX
        if pages:
            _write_pages(analysis, chosen, report_lang, output, process.id, error_lang, all_arrows, dpi)
            return
        data = render_diagram(analysis, chosen, report_lang, all_arrows=all_arrows, dpi=dpi)
    except DrawingTooLarge as err:
        raise _fail(err, report_lang) from None
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


def _write_organisations(
    analysis: object,
    fmt: str,
    lang: str,
    output: Optional[Path],
    process_id: str,
    error_lang: str,
    path: Path,
    dpi: Optional[int] = None,
) -> None:
    """``--organisations``: the overview per organisation as one picture, where a picture goes."""
    from procesmap.diagrams.overview import render_overview  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    if fmt not in ("png", "svg", "pdf"):
        raise _fail(
            UsageError("cli.diagram.organisations_format", "hint.cli.diagram.organisations_format", format=fmt),
            error_lang,
        )
    data = render_overview(analysis, fmt, lang, dpi)  # type: ignore[arg-type]
    if data is None:
        raise _fail(
            UsageError("cli.diagram.one_organisation", "hint.cli.diagram.one_organisation", path=str(path)), error_lang
        )
    if output is None and (fmt == "svg" or not sys.stdout.isatty()):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = output or Path(f"{process_id}-organisations{EXTENSIONS[fmt]}")
    _write(target, data, error_lang)
    typer.echo(t("cli.diagram.written", error_lang, path=str(target)), err=True)


def _write_pages(
    analysis: object,
    fmt: str,
    lang: str,
    output: Optional[Path],
    process_id: str,
    error_lang: str,
    all_arrows: bool = False,
    dpi: Optional[int] = None,
) -> None:
    """Pages: one PDF with every page, or one PNG/SVG a page: the overview under the asked name, the parts as
    ``<stem>-1<suffix>``, ``<stem>-2<suffix>``, .. (a map that fits one page: that one picture)."""
    from procesmap.diagrams.swimlane import render_swimlane_pages  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    documents = render_swimlane_pages(analysis, fmt, lang, all_arrows, dpi)  # type: ignore[arg-type]
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
    if output is None and not sys.stdout.isatty() and len(documents) == 1:
        sys.stdout.buffer.write(documents[0])
        sys.stdout.buffer.flush()
        return
    for number, data in enumerate(documents):
        name = base.name if number == 0 and base.suffix else f"{base.stem}-{number}{base.suffix or EXTENSIONS[fmt]}"
        target = base.with_name(name)
        _write(target, data, error_lang)
        typer.echo(t("cli.diagram.written", error_lang, path=str(target)), err=True)

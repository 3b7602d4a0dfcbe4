"""Renderers: Analysis -> text or bytes. They format figures; they never compute them.

:data:`FORMATS` is the registry of report formats: name -> (module, function, binary).
A renderer function takes ``(analyses, lang)`` and returns ``str`` (text formats) or
``bytes`` (binary formats such as PDF).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import os

    from procesmap.analysis import Analysis
    from procesmap.errors import UsageError

__all__ = ["FORMATS", "SUFFIXES", "render", "is_binary", "suffix_problem"]

FORMATS: dict[str, tuple[str, str, bool]] = {
    "terminal": ("procesmap.render.terminal", "render_terminal", False),
    "markdown": ("procesmap.render.markdown", "render_markdown", False),
    "json": ("procesmap.render.json", "render_json", False),
    "html": ("procesmap.render.html", "render_html", False),
    "pdf": ("procesmap.render.pdf", "render_pdf", True),
}

SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "terminal",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


def suffix_problem(output: "os.PathLike[str] | None", supported: "Sequence[str]") -> "UsageError | None":
    """The problem with an ``--output`` (given without ``--format``) whose suffix names a format the command does
    not write: ``advise -o advies.pdf`` would write terminal text into a file called .pdf. None when the suffix
    names a supported format, or none at all (``.txt``, no suffix: the command's terminal text)."""
    from pathlib import Path  # lazy: only a command with --output asks

    from procesmap.errors import UsageError  # lazy: only a command with --output asks

    if output is None:
        return None
    suffix = Path(output).suffix.lower()
    named = SUFFIXES.get(suffix)
    if named is None or named in supported or named == "terminal":
        return None
    suffixes = [f"{s} ({f})" for s, f in SUFFIXES.items() if f in supported and s not in (".markdown", ".htm")]
    return UsageError(
        "cli.output_suffix",
        "hint.cli.output_suffix",
        path=str(output),
        suffix=suffix,
        allowed=", ".join(suffixes),
        formats=", ".join(supported),
    )


def is_binary(fmt: str) -> bool:
    return FORMATS[fmt][2]


def render(analyses: "Sequence[Analysis]", fmt: str, lang: str, *, paper: str | None = None) -> str | bytes:
    """Render one or more analyses in ``fmt`` (see :data:`FORMATS`) and ``lang`` (nl, en).

    ``paper`` (``a3`` or ``a4``) is the paper of the PDF's swimlane pages (default A3); other formats ignore it.
    """
    if fmt not in FORMATS:
        raise ValueError(fmt)
    module, function, _ = FORMATS[fmt]
    renderer = getattr(importlib.import_module(module), function)
    if fmt == "pdf" and paper is not None:
        return renderer(analyses, lang, paper=paper)  # type: ignore[no-any-return]
    return renderer(analyses, lang)  # type: ignore[no-any-return]

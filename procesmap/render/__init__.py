"""Renderers: Analysis -> text or bytes. They format figures; they never compute them.

:data:`FORMATS` is the registry of report formats: name -> (module, function, binary).
A renderer function takes ``(analyses, lang)`` and returns ``str`` (text formats) or
``bytes`` (binary formats such as PDF).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["FORMATS", "SUFFIXES", "render", "is_binary"]

FORMATS: dict[str, tuple[str, str, bool]] = {
    "terminal": ("procesmap.render.terminal", "render_terminal", False),
    "markdown": ("procesmap.render.markdown", "render_markdown", False),
    "json": ("procesmap.render.json", "render_json", False),
    "html": ("procesmap.render.html", "render_html", False),
    "pdf": ("procesmap.render.pdf", "render_pdf", True),
}

SUFFIXES: dict[str, str] = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".txt": "terminal",
                             ".html": "html", ".htm": "html", ".pdf": "pdf"}


def is_binary(fmt: str) -> bool:
    return FORMATS[fmt][2]


def render(analyses: "Sequence[Analysis]", fmt: str, lang: str) -> str | bytes:
    """Render one or more analyses in ``fmt`` (see :data:`FORMATS`) and ``lang`` (nl, en)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    module, function, _ = FORMATS[fmt]
    return getattr(importlib.import_module(module), function)(analyses, lang)  # type: ignore[no-any-return]

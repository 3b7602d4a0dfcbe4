"""Renderers: Analysis -> text. They format figures; they never compute them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["FORMATS", "render"]

FORMATS = ("terminal", "markdown", "json")


def render(analyses: "Sequence[Analysis]", fmt: str, lang: str, *, width: int | None = None, color: bool = False) -> str:
    """Render one or more analyses in ``fmt`` (terminal, markdown, json) and ``lang`` (nl, en)."""
    if fmt == "json":
        from procesmap.render.json import render_json

        return render_json(analyses, lang)
    if fmt == "markdown":
        from procesmap.render.markdown import render_markdown

        return render_markdown(analyses, lang)
    if fmt == "terminal":
        from procesmap.render.terminal import render_terminal

        return render_terminal(analyses, lang, width=width, color=color)
    raise ValueError(fmt)

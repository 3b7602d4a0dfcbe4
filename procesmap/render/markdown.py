"""The Markdown report (Jinja2), for a wiki page or a merge-request comment."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.render._labels import Labels

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_markdown", "md"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(text: Any) -> str:
    """Escape user text for a Markdown table cell: no markup, no HTML, no broken tables."""
    value = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", value)


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("procesmap", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.globals["md"] = md
    return env


def render_markdown(analyses: "Sequence[Analysis]", lang: str) -> str:
    items = []
    for analysis in analyses:
        roles = sorted(((r, load) for r, load in analysis.capacity.roles.items() if load.utilisation is not None),
                       key=lambda kv: -(kv[1].utilisation or 0.0))
        from procesmap.render.queueing import queueing_view

        labels = Labels(analysis, lang)
        items.append({"analysis": analysis, "labels": labels, "roles": roles,
                      "queueing": queueing_view(analysis, labels)})
    text = _environment().get_template("report.md.j2").render(analyses=items)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text

"""The one way procesmap makes a rich ``Console``: text from a map or a log is printed as it is written.

A process's name, a role's, a step's, a knelpunt's text or an activity in an event log is workshop text:
``Team [BRP]`` or ``Wacht op [/]`` must print as typed. Rich reads ``[...]`` as markup by default
(a closing tag with nothing to close raised ``MarkupError``, a traceback instead of a report) and
``:name:`` as an emoji, and it colours numbers and paths on its own. Every console procesmap makes comes
from here with all three off; styles are given as ``Text``/``Style`` objects, never as markup. The renderers
also pass user text as ``Text`` so that a console a notebook user makes keeps it literal too.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["make_console", "PLAIN_WIDTH"]

#: The width of terminal text written to a file (``--output report.txt``): no terminal to measure.
PLAIN_WIDTH = 120


def make_console(
    file: IO[str] | None = None, *, width: int | None = None, stderr: bool = False, color: bool | None = None
) -> "Console":
    """A console without markup, emoji codes or highlighting.

    ``file`` None writes to the terminal (stdout, or stderr with ``stderr``) at its width and with its
    colours; with a ``file`` (a buffer for ``--output``) the text is plain at ``width`` (:data:`PLAIN_WIDTH`)
    unless ``color`` asks for ANSI colours.
    """
    from rich.console import Console  # lazy: rich loads only for terminal output

    if file is None:
        return Console(stderr=stderr, width=width, markup=False, highlight=False, emoji=False)
    return Console(
        file=file,
        width=width or PLAIN_WIDTH,
        force_terminal=bool(color),
        color_system="standard" if color else None,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )

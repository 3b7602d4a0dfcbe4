"""``procesmap rules [CODE]``: every finding rule, or one explained with its example (:mod:`procesmap.rules_docs`)."""

from __future__ import annotations

from typing import Optional

import typer

from procesmap.cli import Language, _fail, _lang, app
from procesmap.errors import UsageError

__all__ = ["rules"]


@app.command("rules")
def rules(
    code: Optional[str] = typer.Argument(
        None, help="A rule code (PM204) or name (single-point-of-failure) to explain."
    ),
    lang: Optional[Language] = typer.Option(None, "--lang", help="Language of the explanation."),
) -> None:
    """List every finding rule, or explain one with its example."""
    from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast

    from procesmap.rules_docs import explain_rule, list_rules  # lazy: keeps `procesmap --help` fast

    language = _lang(lang)
    console = make_console()
    if code is None:
        list_rules(console, language)
        return
    try:
        explain_rule(console, code, language)
    except UsageError as err:
        raise _fail(err, language) from None

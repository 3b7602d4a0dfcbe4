"""User-eyed sweep 3: `procesmap rules` on a narrow terminal. At COLUMNS=60 the table left its description column
3 characters wide ("een", "pr…", "of"): no description could be read. Every word of every rule's description
must be on the screen, and no line wider than the terminal."""

from __future__ import annotations

import pytest

from procesmap.i18n import MESSAGES
from procesmap.rules_docs import all_codes

from .conftest import run_procesmap


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_description_is_readable_at_any_width(lang: str, columns: int) -> None:
    result = run_procesmap("rules", "--lang", lang, env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "…" not in out  # nothing cut off
    assert max(len(line.rstrip()) for line in out.splitlines()) <= columns
    words = set(out.replace("│", " ").split())
    for code, name, _level, _ in all_codes():
        assert code in words and name in words
        for word in MESSAGES[f"{code}.summary"][lang].split():
            assert word in words, (code, word)

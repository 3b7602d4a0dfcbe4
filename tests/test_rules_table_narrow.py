"""`procesmap rules` on a narrow terminal. At COLUMNS=60 the table left its description column
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


@pytest.mark.parametrize("code", ["PM701", "PM101", "PM605"])
@pytest.mark.parametrize("columns", [60, 80])
def test_why_it_matters_is_wrapped_to_the_terminal(code: str, columns: int) -> None:
    # `procesmap rules PM701` at 80 columns broke each of the docstring's 90-character lines in two: a long row
    # and a short one ("every case and"), line after line
    result = run_procesmap("rules", code, "--lang", "en", env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Why this matters") + 1
    end = start + next(i for i, line in enumerate(lines[start:]) if not line.strip())
    why = [line.rstrip() for line in lines[start:end]]
    assert len(why) >= 2 and all(len(line) <= columns for line in why)
    # filled greedily: no line would have had room for the first word of the line after it
    for line, after in zip(why, why[1:]):
        assert len(line) + 1 + len(after.split()[0]) > columns, (line, after)

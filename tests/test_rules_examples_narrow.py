"""`procesmap rules CODE` in a narrow terminal: the examples are copied into a map,
so every line of them must be printed whole, as docs/rules/ shows it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from procesmap.render._console import make_console
from procesmap.rules_docs import explain_rule

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs" / "rules").glob("PM*.md")) + sorted((ROOT / "docs" / "rules" / "log").glob("PM*.md"))
FENCE = re.compile(r"```(?:yaml|json|csv|text)?\n(.*?)```", re.S)


def _code_lines(page: Path) -> list[str]:
    """Every line of the page's code blocks (the examples), as the docs page shows them."""
    return [line for block in FENCE.findall(page.read_text(encoding="utf-8")) for line in block.splitlines() if line]


def test_some_examples_are_wider_than_80_columns() -> None:
    # the premise of the tests below: otherwise a narrow terminal would not matter
    assert any(len(line) > 80 for page in PAGES for line in _code_lines(page))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name.split("-")[0])
def test_rule_examples_print_whole_at_80_columns(page: Path) -> None:
    code = page.name.split("-")[0]
    buffer = io.StringIO()
    explain_rule(make_console(buffer, width=80), code, "en")
    printed = {line.rstrip() for line in buffer.getvalue().splitlines()}
    missing = [line for line in _code_lines(page) if line.rstrip() not in printed]
    assert not missing, missing


def test_rules_command_at_80_columns_prints_the_long_example_line_whole() -> None:
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8", "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "rules", "PM303", "--lang", "nl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    line = "  - {id: aanvraag, type: start, role: baliemedewerker, work: 20m, next: uitgifte}"
    assert line in result.stdout.splitlines()

"""An --output whose suffix names a format the command does not write: `advise -o advies.pdf`
wrote terminal text into a file called .pdf (a PDF reader calls it damaged), `overview -o overzicht.html` text
that a browser runs together, and `check -o procesmap.sarif` plain lines that code scanning rejects. Without
--format such an --output is refused (exit 2, nothing written) with the formats the command has; `check` reads
`.sarif` as --format sarif."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import PROCESSES, run_procesmap

MAP = str(PROCESSES / "kcc-vraag-doorzetten.yaml")


@pytest.mark.parametrize(
    ("command", "name", "allowed"),
    [
        (["advise", MAP, "--cases", "100"], "advies.pdf", ".md"),
        (["overview", MAP, "--cases", "100"], "overzicht.pdf", ".json"),
        (["overview", MAP, "--cases", "100"], "overzicht.html", ".md"),
        (["check", MAP, "--cases", "100"], "check.html", ".sarif"),
        (["check", MAP, "--cases", "100"], "check.md", "--format gitlab"),
        (["check", MAP, "--cases", "100"], "check.json", "--format gitlab"),
    ],
)
def test_a_suffix_the_command_cannot_write_is_refused(
    tmp_path: Path, command: list[str], name: str, allowed: str
) -> None:
    result = run_procesmap(*command, "-o", name, cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
    assert result.returncode == 2, result.stderr
    first, second = result.stderr.strip().splitlines()[:2]
    assert name in first and "--format" in first, first
    assert second.startswith("  hint: ") and allowed in second, second
    assert not (tmp_path / name).exists()


def test_check_writes_sarif_for_a_sarif_suffix(tmp_path: Path) -> None:
    result = run_procesmap("check", MAP, "--cases", "100", "-o", "procesmap.sarif", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    data = json.loads((tmp_path / "procesmap.sarif").read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0" and data["runs"][0]["tool"]["driver"]["name"] == "procesmap"


@pytest.mark.parametrize(
    "command",
    [
        ["advise", MAP, "--cases", "100", "-f", "markdown", "-o", "advies.pdf"],  # an explicit --format wins
        ["overview", MAP, "--cases", "100", "-o", "overzicht.txt"],
        ["check", MAP, "--cases", "100", "-o", "check.txt"],
        ["check", MAP, "--cases", "100", "-f", "gitlab", "-o", "gl-code-quality.json"],
    ],
)
def test_what_a_command_writes_is_still_written(tmp_path: Path, command: list[str]) -> None:
    result = run_procesmap(*command, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / command[-1]).stat().st_size > 0

"""`--output` that names a folder: the message says it is a folder and what to write instead,
in every command that writes a report or an export, exit 2, and the folder is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PROCESSES, run_procesmap

MAP = str(PROCESSES / "kcc-vraag-doorzetten.yaml")


@pytest.mark.parametrize(
    "command",
    [
        ["analyse", MAP, "--cases", "100"],
        ["analyse", MAP, "--cases", "100", "-f", "html"],
        ["overview", MAP, "--cases", "100"],
        ["export", "bpmn", MAP],
        ["export", "xlsx", MAP],
        ["check", MAP, "--cases", "100"],
    ],
)
def test_output_that_is_a_folder_says_so(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "rapporten"
    folder.mkdir()
    result = run_procesmap(*command, "--output", str(folder), cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"cannot write {folder}: ") and "is a folder" in first, result.stderr
    assert "not a regular file" not in result.stderr
    assert list(folder.iterdir()) == []
    dutch = run_procesmap(*command, "--output", str(folder), cwd=tmp_path, env={"PROCESMAP_LANG": "nl"})
    assert dutch.returncode == 2 and "is een map" in dutch.stderr, dutch.stderr

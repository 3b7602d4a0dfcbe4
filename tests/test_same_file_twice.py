"""One map named twice: a pre-commit hook with `args: [processen/]` gets the changed files
appended, so `check processen processen/x.yaml` is what it runs. The file was read twice: a false "process id
also used by" the same file (exit 2) and every finding counted twice. Naming a file twice is naming it once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import PROCESSES, run_procesmap


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    folder = tmp_path / "processen"
    folder.mkdir()
    for name in ("wmo-melding.yaml", "kcc-vraag-doorzetten.yaml"):
        shutil.copy(PROCESSES / name, folder / name)
    return tmp_path


@pytest.mark.parametrize(
    ("twice", "once"),
    [
        (["processen", "processen/wmo-melding.yaml"], ["processen"]),
        (["processen/wmo-melding.yaml", "./processen/wmo-melding.yaml"], ["processen/wmo-melding.yaml"]),
        (["processen", "processen"], ["processen"]),
    ],
)
@pytest.mark.parametrize("command", ["check", "analyse"])
def test_a_file_named_twice_is_read_once(maps: Path, twice: list[str], once: list[str], command: str) -> None:
    extra = ["--cases", "300"] + (["-f", "json"] if command == "analyse" else [])
    single = run_procesmap(command, *once, *extra, cwd=maps)
    double = run_procesmap(command, *twice, *extra, cwd=maps)
    assert "ook gebruikt door" not in double.stdout + double.stderr
    assert double.returncode == single.returncode
    assert double.stdout == single.stdout

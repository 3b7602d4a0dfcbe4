"""A model of another tool given where a map is expected: `analyse model.bpmn` said "the file
holds a single value, not a process"; now it says what the file is and which command imports it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import PROCESSES, need_shared, run_procesmap


def _bpmn(folder: Path) -> Path:
    source = need_shared("data", "bpmn", "camunda-invoice.v2.bpmn")
    target = folder / "factuur.bpmn"
    shutil.copy(source, target)
    return target


def _xlsx(folder: Path) -> Path:
    target = folder / "kaart.xlsx"
    result = run_procesmap(
        "export", "xlsx", str(PROCESSES / "kcc-vraag-doorzetten.yaml"), "-o", str(target), "--cases", "100"
    )
    assert result.returncode == 0, result.stderr
    return target


def _zaaktype(folder: Path) -> Path:
    target = folder / "zaaktype.json"
    target.write_text(json.dumps({"identificatie": "x", "doorlooptijd": "P56D", "omschrijving": "X"}), encoding="utf-8")
    return target


def _log(folder: Path) -> Path:
    source = need_shared("data", "event-logs", "running-example.csv")
    target = folder / "log.csv"
    shutil.copy(source, target)
    return target


@pytest.mark.parametrize(
    ("make", "command"),
    [
        (_bpmn, "procesmap import bpmn factuur.bpmn -o factuur.yaml"),
        (_xlsx, "procesmap import xlsx kaart.xlsx -o kaart.yaml"),
        (_zaaktype, "procesmap import zaaktype zaaktype.json -o zaaktype.yaml"),
        (_log, "procesmap log discover log.csv -o log.yaml"),
    ],
)
@pytest.mark.parametrize("tool", ["analyse", "check"])
def test_a_foreign_file_names_the_command_that_imports_it(tmp_path: Path, make, command: str, tool: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run_procesmap(tool, path.name, cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
    assert result.returncode == 2
    out = result.stdout + result.stderr
    first = out.splitlines()[0]
    assert first.startswith(f"{path.name}:1:1: ") and "not a process map" in first, out
    assert f"hint: {command}" in out.replace("\n  ", " "), out
    assert "Traceback" not in out
    dutch = run_procesmap(tool, path.name, cwd=tmp_path, env={"PROCESMAP_LANG": "nl"})
    assert "geen proceskaart" in dutch.stdout + dutch.stderr


def test_a_map_written_as_json_still_loads_and_its_own_errors_stay(tmp_path: Path) -> None:
    data = {
        "procesmap": 1,
        "id": "j",
        "name": "J",
        "owner": "r",
        "roles": {"r": {"people": 2}},
        "steps": [{"id": "a", "type": "start", "role": "r", "next": "bb"}, {"id": "b", "type": "end", "role": "r"}],
    }
    (tmp_path / "j.json").write_text(json.dumps(data), encoding="utf-8")
    result = run_procesmap("check", "j.json", cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
    assert result.returncode == 2 and "unknown step `bb`" in result.stdout and "not a process map" not in result.stdout

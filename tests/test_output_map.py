"""No command puts its output where a process map is, unless the output is a map itself and --force says so:
``analyse a.yaml -o b.yaml`` replaced the map b.yaml with a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap._io import is_process_map, looks_like_map
from tests.conftest import ROOT, run_procesmap

MAP = (ROOT / "processes" / "wmo-melding.yaml").read_bytes()
OTHER = (ROOT / "processes" / "bezwaarschrift.yaml").read_bytes()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_bytes(MAP)
    (tmp_path / "b.yaml").write_bytes(OTHER)
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["analyse", "a.yaml"],
        ["analyse", "a.yaml", "--format", "json"],
        ["advise", "a.yaml", "--format", "markdown"],
        ["check", "a.yaml"],
        ["diagram", "a.yaml", "--format", "svg"],
        ["diff", "a.yaml", "a.yaml"],
        ["export", "bpmn", "a.yaml"],
        ["export", "xlsx", "a.yaml"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_no_report_replaces_a_map(folder: Path, command: list[str]) -> None:
    done = run_procesmap(*command, "--output", "b.yaml", cwd=folder, env={"PROCESMAP_LANG": "en"})
    assert done.returncode == 2, done.stderr
    assert "b.yaml is a process map" in done.stderr and "hint: choose another --output" in done.stderr
    assert "Traceback" not in done.stderr
    assert (folder / "b.yaml").read_bytes() == OTHER  # untouched


def test_a_yaml_file_that_is_no_map_may_be_replaced(folder: Path) -> None:
    (folder / "notes.yaml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    done = run_procesmap("analyse", "a.yaml", "--format", "json", "--output", "notes.yaml", cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    assert (folder / "notes.yaml").read_text(encoding="utf-8").lstrip().startswith("{")


def test_a_draft_may_replace_a_map_with_force(folder: Path) -> None:
    csv = folder / "log.csv"
    csv.write_text(
        "case,activity,timestamp\n1,Ontvangen,2024-03-04T09:00:00\n1,Besluit,2024-03-05T09:00:00\n", encoding="utf-8"
    )
    refused = run_procesmap("log", "discover", "log.csv", "--output", "b.yaml", cwd=folder)
    assert refused.returncode == 2 and (folder / "b.yaml").read_bytes() == OTHER  # exists: --force needed
    done = run_procesmap("log", "discover", "log.csv", "--output", "b.yaml", "--force", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert (folder / "b.yaml").read_bytes() != OTHER and is_process_map(folder / "b.yaml")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"procesmap: 1\nid: x\n", True),
        (b"\xef\xbb\xbfprocesmap: 1\n", True),  # with a byte order mark
        (b"# comment\nprocesmap : 1\n", True),
        (b"procesmpa: 1\nid: x\nsteps:\n  - {id: a}\n", True),  # a typo in the first key: id and steps say map
        (b"trigger: [main]\nsteps:\n  - script: make\n", False),  # an Azure pipeline: steps, no id
        (b"on: push\njobs:\n  b:\n    steps: []\nid: 1\n", False),  # a workflow: steps only inside a job
        (b"services:\n  web: {}\n", False),
        (b"  procesmap: 1\n", False),  # not at the top level
    ],
)
def test_what_looks_like_a_map(head: bytes, expected: bool) -> None:
    assert looks_like_map(head) is expected


def test_what_cannot_be_read_is_no_map(tmp_path: Path) -> None:
    assert not is_process_map(tmp_path / "missing.yaml")
    assert not is_process_map(tmp_path)  # a folder


def test_a_folder_as_output_gets_the_hint_to_name_a_file(folder: Path) -> None:
    done = run_procesmap("analyse", "a.yaml", "--output", str(folder), cwd=folder, env={"PROCESMAP_LANG": "en"})
    assert done.returncode == 2 and "it is a folder" in done.stderr
    assert f"hint: name a file in that folder: --output {folder}/<name>" in done.stderr
    assert "exists and is writable" not in done.stderr

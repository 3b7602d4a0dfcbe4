"""`procesmap check` as a CI job sees it: the summary line counts each file once."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

MAP = (
    "procesmap: 1\nid: loket\nname: {name}\nlanguage: en\nowner: r\n"
    "roles:\n  r: {{name: Rol, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: b}}\n  - {{id: b, type: end, role: r}}\n"
)


@pytest.mark.parametrize("fmt", ["plain", "github", "gitlab", "sarif"])
def test_two_maps_with_one_id_are_two_files(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.yaml").write_text(MAP.format(name="A"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MAP.format(name="B"), encoding="utf-8")  # a copy that kept the id
    result = run_procesmap("check", "a.yaml", "b.yaml", "--format", fmt, cwd=tmp_path)
    assert result.returncode == 2
    summary = (result.stdout if fmt in ("plain", "github") else result.stderr).strip().splitlines()[-1]
    # two files were given; one of them (b.yaml, the second with id loket) is invalid
    assert summary.startswith("procesmap: files: 2, "), summary
    assert summary.endswith("invalid files: 1 (problems: 1)"), summary


def test_a_folder_with_one_broken_and_one_good_map(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MAP.format(name="A"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(MAP.format(name="C").replace("next: b", "next: x"), encoding="utf-8")
    result = run_procesmap("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("procesmap: files: 2, ") and summary.endswith("invalid files: 1 (problems: 1)"), summary

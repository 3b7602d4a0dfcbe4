"""`check --only-maps` (the pre-commit hook over every YAML file) and a map whose first line has a typo:
`procesmpa: 1` made the map "not a map", skipped without a word, exit 0. A file with a
top-level `id:` and `steps:` is a map whatever its first line says, so it is checked and its typo reported."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_procesmap

MAP = (
    "{first}\nid: loket\nname: Loket\nlanguage: en\nowner: r\nroles:\n  r: {{name: Rol, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: b}}\n  - {{id: b, type: end, role: r}}\n"
)


def test_a_map_with_a_typo_in_its_first_key_is_still_checked(tmp_path: Path) -> None:
    (tmp_path / "loket.yaml").write_text(MAP.format(first="procesmpa: 1"), encoding="utf-8")
    result = run_procesmap("check", "--only-maps", "loket.yaml", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "loket.yaml:1:1: error `procesmap:` (the format version) is missing" in result.stdout, result.stdout


def test_other_yaml_is_still_skipped(tmp_path: Path) -> None:
    (tmp_path / "docker-compose.yaml").write_text("services:\n  web: {image: x}\n", encoding="utf-8")
    # an Azure pipeline has top-level steps, but no top-level id
    (tmp_path / "azure-pipelines.yml").write_text("trigger: [main]\nsteps:\n  - script: make\n", encoding="utf-8")
    (tmp_path / "workflow.yaml").write_text("on: push\njobs:\n  t:\n    id: x\n    steps: []\n", encoding="utf-8")
    result = run_procesmap(
        "check", "--only-maps", "docker-compose.yaml", "azure-pipelines.yml", "workflow.yaml", cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().startswith("procesmap: files: 0,"), result.stdout


def test_a_good_map_is_checked_as_before(tmp_path: Path) -> None:
    (tmp_path / "loket.yaml").write_text(MAP.format(first="procesmap: 1"), encoding="utf-8")
    result = run_procesmap("check", "--only-maps", "loket.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "files: 1," in result.stdout, result.stdout

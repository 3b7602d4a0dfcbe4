"""The language of a run that names a Dutch map and an empty folder. Every run has
LANG=C.UTF-8 and no PROCESMAP_LANG, as in a CI container; the map declares `language: nl`."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_procesmap

DUTCH = (
    "procesmap: 1\nid: loket\nname: Loket\nlanguage: nl\nowner: r\nvolume: 100/year\n"
    "roles:\n  r: {name: Rol, people: 2}\n"
    "steps:\n  - {id: a, type: start, role: r, work: 1h, next: b}\n  - {id: b, type: end, role: r}\n"
)


def test_diff_of_a_dutch_map_and_an_empty_folder_is_dutch(tmp_path: Path) -> None:
    # `procesmap diff loket.yaml leeg` said "leeg is a folder, not a process file" in a Dutch run
    (tmp_path / "loket.yaml").write_text(DUTCH, encoding="utf-8")
    (tmp_path / "leeg").mkdir()
    result = run_procesmap("diff", "loket.yaml", "leeg", cwd=tmp_path)
    assert result.returncode == 2
    assert "leeg:1:1: leeg is een map, geen procesbestand" in result.stderr, result.stderr
    assert "tip: " in result.stderr and "hint:" not in result.stderr


def test_check_of_a_dutch_map_and_an_empty_folder_is_dutch(tmp_path: Path) -> None:
    (tmp_path / "loket.yaml").write_text(DUTCH, encoding="utf-8")
    (tmp_path / "leeg").mkdir()
    result = run_procesmap("check", "loket.yaml", "leeg", cwd=tmp_path)
    assert result.returncode == 2
    out = result.stdout + result.stderr
    assert "leeg:1:1: fout geen procesbestanden (*.yaml, *.yml) in leeg" in out, out
    assert "bestanden: 1" in out and "files:" not in out

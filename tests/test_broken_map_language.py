"""A Dutch map that does not load is told about in Dutch: the `language: nl` it declares
counts before the locale, in `check`, `analyse` and the export commands (docs/format.md, 'Messages and
language'). Every run has LANG=C.UTF-8 and no PROCESMAP_LANG, as in a CI container."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

GOOD = (
    "procesmap: 1\nid: loket\nname: Loket\nlanguage: {lang}\nowner: r\nvolume: 100/year\n"
    "roles:\n  r: {{name: Rol, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: {next}}}\n  - {{id: b, type: end, role: r}}\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "analyse"])
def test_a_broken_dutch_map_is_told_in_dutch(tmp_path: Path, command: str) -> None:
    text = GOOD.format(lang="nl", next="bb")  # a typo: no step bb
    _write(tmp_path, "loket.yaml", text)
    line = text.splitlines()[9]
    assert "next: bb" in line  # line 10; the column of `bb` (1-based), counted on the text itself:
    column = line.index("bb") + 1
    result = run_procesmap(command, "loket.yaml", cwd=tmp_path)
    assert result.returncode == 2
    out = result.stdout + result.stderr
    assert f"loket.yaml:10:{column}: " in out and "onbekende stap `bb`" in out and "tip: bedoel je `b`?" in out, out
    assert "unknown" not in out and "hint:" not in out


def test_a_dutch_map_that_is_not_yaml_is_told_in_dutch(tmp_path: Path) -> None:
    _write(tmp_path, "loket.yaml", "procesmap: 1\nlanguage: nl  # Nederlands\nid: loket\n  name: [\n")
    result = run_procesmap("check", "loket.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "loket.yaml:4:7: fout " in result.stdout and "bestanden: 1" in result.stdout, result.stdout


def test_an_english_map_stays_english_and_lang_still_wins(tmp_path: Path) -> None:
    _write(tmp_path, "desk.yaml", GOOD.format(lang="en", next="bb"))
    result = run_procesmap("check", "desk.yaml", cwd=tmp_path)
    assert "unknown step `bb`" in result.stdout and "files: 1" in result.stdout
    _write(tmp_path, "loket.yaml", GOOD.format(lang="nl", next="bb"))
    result = run_procesmap("check", "loket.yaml", "--lang", "en", cwd=tmp_path)
    assert "unknown step `bb`" in result.stdout
    result = run_procesmap("check", "loket.yaml", cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
    assert "unknown step `bb`" in result.stdout


def test_export_messages_about_a_dutch_map_are_dutch(tmp_path: Path) -> None:
    _write(tmp_path, "loket.yaml", GOOD.format(lang="nl", next="b"))
    result = run_procesmap("export", "bpmn", "loket.yaml", "-o", "loket.bpmn", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr.strip() == "geschreven: loket.bpmn", result.stderr
    result = run_procesmap("export", "xlsx", "loket.yaml", "-o", "loket.xlsx", cwd=tmp_path)
    assert result.returncode == 0 and "geschreven: loket.xlsx" in result.stderr, result.stderr


def test_export_zaaktype_of_a_map_without_term_names_the_place_in_dutch(tmp_path: Path) -> None:
    _write(tmp_path, "loket.yaml", GOOD.format(lang="nl", next="b"))  # no term
    result = run_procesmap("export", "zaaktype", "loket.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    first, second = result.stderr.strip().splitlines()
    # the place is the top-level `id:` of the map (line 2, column 1): the map has no term to point at
    assert first == "loket.yaml:2:1: kaart loket heeft geen termijn: een zaaktype heeft een doorlooptijd nodig", first
    assert second.startswith("  tip: ") and "term: 8w" in second

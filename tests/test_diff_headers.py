"""`procesmap diff`: the table of the map's changes names every column (was an empty last header in the terminal
and in Markdown, and `id` untranslated), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, run_procesmap

HEADERS = {"en": ["What", "Id", "Change", "Details"], "nl": ["Wat", "Id", "Wijziging", "Details"]}


def _changed_map(tmp_path: Path) -> Path:
    text = (ROOT / "processes" / "omgevingsvergunning.yaml").read_text(encoding="utf-8")
    changed = text.replace("team: vth, people: 6, fte: 5.2}", "team: vth, people: 6, fte: 4.2}")
    assert changed != text
    path = tmp_path / "omgevingsvergunning.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_terminal_table_has_a_header_for_every_column(tmp_path: Path, lang: str) -> None:
    done = run_procesmap(
        "diff", str(ROOT / "processes" / "omgevingsvergunning.yaml"), str(_changed_map(tmp_path)), "--lang", lang
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    title = {"en": "Changes in the map", "nl": "Wijzigingen in de kaart"}[lang]
    header = lines[lines.index(title) + 1]
    row = lines[lines.index(title) + 3]
    headers = [cell.strip() for cell in header.split("┃")]
    cells = [cell.strip() for cell in row.split("│")]
    assert headers == HEADERS[lang]
    assert len(cells) == len(headers) and all(cells), cells  # the row has as many columns, each filled
    assert cells[1] == "vergunningverlener"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_table_has_a_header_for_every_column(tmp_path: Path, lang: str) -> None:
    done = run_procesmap(
        "diff",
        str(ROOT / "processes" / "omgevingsvergunning.yaml"),
        str(_changed_map(tmp_path)),
        "--lang",
        lang,
        "--format",
        "markdown",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith(f"| {HEADERS[lang][0]} |"))
    assert [cell.strip() for cell in header.strip("|").split("|")] == HEADERS[lang]

"""``import xlsx`` speaks the language the workbook is in when neither ``--lang``, ``PROCESMAP_LANG`` nor the
configuration set one (docs/spreadsheet.md), as a map's own ``language:`` line does for ``analyse``: the
Dutch template (docs/procesmap-sjabloon.xlsx) filled in gives Dutch messages and a map with ``language: nl``
under ``LANG=C``, the English one (docs/procesmap-template.xlsx) English under a Dutch locale. Before, the
locale decided: ``LANG=C procesmap import xlsx ingevuld-sjabloon.xlsx`` wrote ``language: en`` and English
messages about a table with Dutch sheet and column names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from procesmap.sheet import import_xlsx, workbook_language

from .conftest import ROOT, run_procesmap

TEMPLATES = {"nl": ROOT / "docs" / "procesmap-sjabloon.xlsx", "en": ROOT / "docs" / "procesmap-template.xlsx"}
#: The steps the test types into the template: id, name, type, role, next (the columns by their header).
STEPS = [("a", "Ontvangen", "start", "behandelaar", "{next}"), ("b", "Besluiten", "end", "behandelaar", None)]
HEADERS = {"nl": ("id", "naam", "type", "rol", "volgende"), "en": ("id", "name", "type", "role", "next")}


def _fill(template: str, folder: Path, next_step: str = "b", language_field: str | None = None) -> Path:
    """The template ``template`` (``nl``/``en``) as a user fills it in: two steps in its steps sheet (the second
    sheet), the columns found by the template's own headers; ``language_field`` in its process sheet's
    taal/language row when given."""
    book = load_workbook(TEMPLATES[template])
    process, steps = book.worksheets[0], book.worksheets[1]
    header = [cell.value for cell in steps[1]]
    for row, values in enumerate(STEPS, start=2):
        for name, value in zip(HEADERS[template], values):
            if value is not None:
                steps.cell(row, header.index(name) + 1, value.format(next=next_step))
    if language_field is not None:
        label = "taal" if template == "nl" else "language"
        row = next(r for r in range(1, process.max_row + 1) if process.cell(r, 1).value == label)
        process.cell(row, 2, language_field)
    path = folder / f"{template}.xlsx"
    book.save(path)
    return path


def _column_letter(template: str, name: str) -> str:
    header = [cell.value for cell in load_workbook(TEMPLATES[template]).worksheets[1][1]]
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index(name)]


def test_the_templates_are_in_their_own_language() -> None:
    assert workbook_language(TEMPLATES["nl"]) == "nl"
    assert workbook_language(TEMPLATES["en"]) == "en"


def test_a_filled_in_dutch_template_is_imported_in_dutch_under_lang_c(tmp_path: Path) -> None:
    _fill("nl", tmp_path)
    result = run_procesmap("import", "xlsx", "nl.xlsx", cwd=tmp_path)  # LANG=C.UTF-8, no PROCESMAP_LANG
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Kaart overgenomen uit de spreadsheet nl.xlsx"), result.stdout
    assert yaml.safe_load(result.stdout)["language"] == "nl"
    # a problem, and the message about an existing --output, in Dutch too: the whole run in one language
    _fill("nl", tmp_path, next_step="bb")
    result = run_procesmap("import", "xlsx", "nl.xlsx", cwd=tmp_path)
    cell = f"{_column_letter('nl', 'volgende')}2"  # the `volgende` cell of the first step (row 2)
    assert result.returncode == 2
    assert f"nl.xlsx!Stappen!{cell}: er is geen stap bb" in result.stderr, result.stderr
    assert "hint:" not in result.stderr and "tip: " in result.stderr
    (tmp_path / "kaart.yaml").write_text("x\n", encoding="utf-8")
    result = run_procesmap("import", "xlsx", "nl.xlsx", "-o", "kaart.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "kaart.yaml bestaat al" in result.stderr, result.stderr


def test_a_filled_in_english_template_is_imported_in_english_under_a_dutch_locale(tmp_path: Path) -> None:
    _fill("en", tmp_path, next_step="bb")
    result = run_procesmap("import", "xlsx", "en.xlsx", cwd=tmp_path, env={"LANG": "nl_NL.UTF-8"})
    cell = f"{_column_letter('en', 'next')}2"
    assert result.returncode == 2
    assert f"en.xlsx!Steps!{cell}: there is no step bb" in result.stderr and "hint: " in result.stderr, result.stderr
    _fill("en", tmp_path)
    result = run_procesmap("import", "xlsx", "en.xlsx", cwd=tmp_path, env={"LANG": "nl_NL.UTF-8"})
    assert result.stdout.startswith("# Map imported from the spreadsheet en.xlsx"), result.stdout
    assert yaml.safe_load(result.stdout)["language"] == "en"


def test_the_process_sheets_language_field_decides_first(tmp_path: Path) -> None:
    _fill("nl", tmp_path, language_field="en")  # Dutch names, but the workbook says its map is English
    result = run_procesmap("import", "xlsx", "nl.xlsx", cwd=tmp_path, env={"LANG": "nl_NL.UTF-8"})
    assert result.stdout.startswith("# Map imported from"), result.stdout
    assert yaml.safe_load(result.stdout)["language"] == "en"


@pytest.mark.parametrize(
    ("args", "env", "config"),
    [(("--lang", "en"), {}, None), ((), {"PROCESMAP_LANG": "en"}, None), ((), {}, 'language = "en"\n')],
)
def test_lang_procesmap_lang_and_configuration_come_before_the_workbook(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], config: str | None
) -> None:
    _fill("nl", tmp_path)
    if config is not None:
        (tmp_path / ".git").mkdir()  # the configuration is searched no higher than this folder
        (tmp_path / "procesmap.toml").write_text(config, encoding="utf-8")
    result = run_procesmap("import", "xlsx", "nl.xlsx", *args, cwd=tmp_path, env=env)
    assert result.stdout.startswith("# Map imported from"), result.stdout
    assert yaml.safe_load(result.stdout)["language"] == "en"


def test_the_library_takes_the_workbooks_language_without_lang(tmp_path: Path) -> None:
    assert yaml.safe_load(import_xlsx(_fill("en", tmp_path)).yaml_text)["language"] == "en"
    assert yaml.safe_load(import_xlsx(_fill("nl", tmp_path)).yaml_text)["language"] == "nl"


def test_a_workbook_that_says_nothing_leaves_the_locale(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blad1"  # no known sheet name, and headers alike in both languages
    book.active.append(["id", "type"])
    book.active.append(["a", "start"])
    book.save(tmp_path / "t.xlsx")
    assert workbook_language(tmp_path / "t.xlsx") is None
    assert workbook_language(tmp_path / "missing.xlsx") is None

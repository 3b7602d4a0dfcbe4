"""``procesmap export xlsx`` lists the findings ``procesmap analyse`` reports: the configuration (found upwards
from the map, or ``--config``) and the map's suppression comments decide them (it analysed with the default
settings only), and the configuration's simulation settings and language are used (docs/spreadsheet.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import ONE_PERSON_MAP as MAP
from .conftest import invoke_cli


def _findings(folder: Path, *args: str) -> dict[str, list[Any]]:
    """The workbook's findings sheet: code -> its row (the header row left out)."""
    import openpyxl

    target = folder / "out.xlsx"
    result = invoke_cli("export", "xlsx", str(folder / "melding.yaml"), "-o", str(target), "--cases", "200", *args)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book["Bevindingen"] if "Bevindingen" in book.sheetnames else book["Findings"]
    rows = list(sheet.iter_rows(values_only=True))[1:]
    return {str(row[0]): list(row) for row in rows}


def _map(folder: Path, comment: str = "") -> None:
    (folder / "melding.yaml").write_text(MAP.replace("{comment}", comment), encoding="utf-8")


def test_a_rule_the_configuration_switches_off_is_not_in_the_workbook(tmp_path: Path) -> None:
    _map(tmp_path)
    # PM204 by hand: behandelaar is one person (people: 1) and no other role does its step
    assert "PM204" in _findings(tmp_path, "--lang", "en")
    (tmp_path / "procesmap.toml").write_text('[rules]\nPM204 = "off"\n', encoding="utf-8")
    assert "PM204" not in _findings(tmp_path, "--lang", "en")  # found upwards from the map, as analyse does


def test_config_names_one_file_for_the_map(tmp_path: Path) -> None:
    _map(tmp_path)
    (tmp_path / "elders.toml").write_text('[rules]\nsingle-point-of-failure = "error"\n', encoding="utf-8")
    row = _findings(tmp_path, "--lang", "en", "--config", str(tmp_path / "elders.toml"))["PM204"]
    assert row[1] == "error"  # the configured severity, not the rule's default (warning)
    (tmp_path / "elders.toml").write_text('[rules]\nsingle-point-of-failure = "off"\n', encoding="utf-8")
    assert "PM204" not in _findings(tmp_path, "--lang", "en", "--config", str(tmp_path / "elders.toml"))


def test_a_finding_a_comment_suppresses_is_not_in_the_workbook(tmp_path: Path) -> None:
    _map(tmp_path, "   # procesmap: ignore[PM204] tijdelijk")
    findings = _findings(tmp_path, "--lang", "en")
    assert "PM204" not in findings
    assert "PM001" not in findings  # the comment suppresses something: it is no unused suppression


def test_the_configuration_language_names_the_sheets(tmp_path: Path) -> None:
    _map(tmp_path)
    (tmp_path / "procesmap.toml").write_text('language = "nl"\n', encoding="utf-8")
    import openpyxl

    target = tmp_path / "out.xlsx"
    result = invoke_cli("export", "xlsx", str(tmp_path / "melding.yaml"), "-o", str(target), "--cases", "200")
    assert result.exit_code == 0, result.output
    assert "Bevindingen" in openpyxl.load_workbook(target).sheetnames


def test_a_configuration_that_does_not_load_is_exit_2_with_its_place(tmp_path: Path) -> None:
    _map(tmp_path)
    (tmp_path / "procesmap.toml").write_text('[rules]\nPM204 = "loud"\n', encoding="utf-8")
    target = tmp_path / "out.xlsx"
    result = invoke_cli("export", "xlsx", str(tmp_path / "melding.yaml"), "-o", str(target))
    assert result.exit_code == 2
    assert "procesmap.toml:2:" in result.output and not target.exists()

"""docs/format.md, "Messages and language": one order decides the language in every command once a map is read:
`--lang`, `PROCESMAP_LANG`, the configuration's `language`, the map's `language`. `export xlsx` wrote its workbook
in the map's language whatever `PROCESMAP_LANG` or the configuration said.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from .conftest import format_example, run_procesmap

DUTCH = ["Proces", "Stappen", "Rollen", "Teams", "Organisaties", "Systemen", "Knelpunten", "RACI", "Bevindingen"]
ENGLISH = ["Process", "Steps", "Roles", "Teams", "Organisations", "Systems", "Issues", "RACI", "Findings"]


@pytest.mark.parametrize(
    ("configured", "environment", "option", "sheets"),
    [
        (None, "", [], DUTCH),  # the map's `language: nl`
        ("en", "", [], ENGLISH),  # the configuration before the map
        (None, "en", [], ENGLISH),  # PROCESMAP_LANG before the map
        ("nl", "en", [], ENGLISH),  # PROCESMAP_LANG before the configuration
        ("en", "en", ["--lang", "nl"], DUTCH),  # --lang before everything
    ],
)
def test_export_xlsx_takes_the_language_in_the_documented_order(
    tmp_path: Path, configured: str | None, environment: str, option: list[str], sheets: list[str]
) -> None:
    (tmp_path / "omgevingsvergunning.yaml").write_text(format_example(), encoding="utf-8")
    if configured:
        (tmp_path / "procesmap.toml").write_text(f'language = "{configured}"\n', encoding="utf-8")
    result = run_procesmap(
        "export", "xlsx", "omgevingsvergunning.yaml", "-o", "kaart.xlsx", "--cases", "200", *option,
        cwd=tmp_path, env={"PROCESMAP_LANG": environment},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(tmp_path / "kaart.xlsx").sheetnames[: len(sheets)] == sheets
    assert ("written" if sheets is ENGLISH else "geschreven") in result.stderr

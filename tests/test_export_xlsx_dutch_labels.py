"""`export xlsx` of a Dutch map: the key-figures sheet is Dutch in every label."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from .conftest import PROCESSES, run_procesmap


@pytest.mark.parametrize(
    ("lang", "sheet", "mean", "other"),
    [("nl", "Kengetallen", "gemiddeld", "mean"), ("en", "Key figures", "mean", "gemiddeld")],
)
def test_the_figures_sheet_says_mean_in_the_maps_language(
    tmp_path: Path, lang: str, sheet: str, mean: str, other: str
) -> None:
    out = tmp_path / "kaart.xlsx"
    result = run_procesmap(
        "export", "xlsx", str(PROCESSES / "wmo-melding.yaml"), "-o", str(out), "--cases", "300", "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    labels = [row[0] for row in book[sheet].iter_rows(min_row=2, values_only=True)]
    timed = [label for label in labels if label and ("(dagen)" in label or "(days)" in label)]
    assert len(timed) == 8  # cycle time and term time, each mean, p50, p85, p95
    assert sum(f", {mean} (" in label for label in timed) == 2, timed
    assert not any(f", {other} (" in label for label in timed), timed

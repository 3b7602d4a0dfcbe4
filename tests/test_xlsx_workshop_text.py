"""`export xlsx` / `import xlsx` with workshop text that starts with `=`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import Workbook

import procesmap
from procesmap.loading import load
from procesmap.sheet import export_xlsx, import_xlsx

NAME = '=HYPERLINK("http://example.invalid/","klik")'
ROLE = "=> behandelaar"
TEXT = "=1+1 is niet de uitkomst"

MAP = f"""procesmap: 1
id: formule
name: Formules in de tekst
owner: beh
volume: 100/year
roles:
  beh: {{name: '{ROLE}', people: 2}}
steps:
  - {{id: start, name: '{NAME}', type: start, role: beh, work: 1h, next: einde}}
  - {{id: einde, type: end, role: beh, work: 1h}}
issues:
  - {{id: k1, step: start, text: '{TEXT}', owner: beh}}
"""

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _formulas(data: bytes) -> list[str]:
    """Every formula in every worksheet of the .xlsx, read from its XML (not with openpyxl)."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                found += [f"{name}: {f.text}" for f in root.iter(f"{MAIN}f")]
    return found


def test_export_writes_text_starting_with_equals_as_text_not_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "formule.yaml"
    path.write_text(MAP, encoding="utf-8")
    data = export_xlsx(procesmap.analyse(load(path), cases=200, seed=0), "nl")
    assert _formulas(data) == []  # Excel would run =HYPERLINK(...) on opening the workbook


def test_export_then_import_gives_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "formule.yaml"
    path.write_text(MAP, encoding="utf-8")
    workbook = tmp_path / "formule.xlsx"
    workbook.write_bytes(export_xlsx(procesmap.analyse(load(path), cases=200, seed=0), "nl"))
    (tmp_path / "terug.yaml").write_text(import_xlsx(workbook).yaml_text, encoding="utf-8")
    back = load(tmp_path / "terug.yaml")
    assert back.steps[0].name == NAME
    assert back.roles["beh"].name == ROLE
    assert back.issues[0].text == TEXT


def test_import_reads_a_text_cell_typed_with_a_leading_equals_sign(tmp_path: Path) -> None:
    # what Excel stores for '=> doorsturen typed with an apostrophe: a text cell (openpyxl writes the same)
    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    sheet.append(["id", "name", "type", "role", "work"])
    sheet.append(["a", None, "start", "clerk", "1h"])
    sheet.append(["b", None, "end", "clerk", "1h"])
    cell = sheet["B2"]
    cell.value = "=> doorsturen"
    cell.data_type = "s"
    cell.quotePrefix = True
    workbook = tmp_path / "tabel.xlsx"
    book.save(workbook)
    (tmp_path / "terug.yaml").write_text(import_xlsx(workbook).yaml_text, encoding="utf-8")
    assert load(tmp_path / "terug.yaml").steps[0].name == "=> doorsturen"


def test_import_reads_excel_times_and_dates_as_typed(tmp_path: Path) -> None:
    # Excel turns `1:30` typed in a duration column into a time, and `1-3` in a name column into a date
    import datetime

    from procesmap.durations import mean_effort_hours

    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    sheet.append(["id", "name", "type", "role", "work", "wait"])
    sheet.append(["a", datetime.datetime(2024, 3, 1), "start", "clerk", datetime.time(1, 30), None])
    sheet.append(["b", "Einde", "end", "clerk", datetime.time(0, 20), datetime.timedelta(hours=26)])
    sheet["E2"].number_format = "h:mm"
    sheet["E3"].number_format = "h:mm"
    sheet["F3"].number_format = "[h]:mm"
    workbook = tmp_path / "tabel.xlsx"
    book.save(workbook)
    (tmp_path / "terug.yaml").write_text(import_xlsx(workbook).yaml_text, encoding="utf-8")
    process = load(tmp_path / "terug.yaml")
    steps, calendar = process.steps, process.calendar.calendar()
    assert steps[0].name == "2024-03-01"
    assert mean_effort_hours(steps[0].work, calendar) == 1.5  # 1:30 is an hour and a half
    assert mean_effort_hours(steps[1].work, calendar) == 20 / 60
    assert mean_effort_hours(steps[1].wait, calendar) == 26  # [h]:mm, 26 hours of waiting

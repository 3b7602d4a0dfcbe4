"""Process tables in Excel (issue 17): round trip of every bundled map, a consultant's table, problems at cells,
and hostile workbooks (formulas, external links, macros, ZIP bombs)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import procesmap
from procesmap.cli import app
from procesmap.durations import mean_effort_hours, mean_elapsed_days
from procesmap.sheet import export_xlsx, import_xlsx, template_xlsx

from .conftest import PROCESSES, bundled

runner = CliRunner()


def _book_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.stem)
def test_round_trip_keeps_every_field(path: Path, lang: str) -> None:
    original = procesmap.load(path)
    data = export_xlsx(procesmap.analyse(original, cases=200), lang)
    back = procesmap.loads(import_xlsx(data, lang=lang, display="map.xlsx").yaml_text, "back.yaml")
    assert back.model_dump(mode="json") == original.model_dump(mode="json")


def test_workbook_sheets_raci_and_print_setup() -> None:
    process = procesmap.load(PROCESSES / "omgevingsvergunning.yaml")
    book = load_workbook(io.BytesIO(export_xlsx(procesmap.analyse(process, cases=200), "nl")))
    assert book.sheetnames == [
        "Proces",
        "Stappen",
        "Rollen",
        "Teams",
        "Organisaties",
        "Systemen",
        "Knelpunten",
        "RACI",
        "Bevindingen",
        "Kengetallen",
    ]
    steps = book["Stappen"]
    assert [c.value for c in steps[1]][:8] == [
        "id",
        "naam",
        "type",
        "rol",
        "team",
        "organisatie",
        "volgende",
        "wachttijd",
    ]
    assert steps.max_row == len(process.steps) + 1
    for sheet in book.worksheets:
        assert sheet.print_title_rows in ("1:1", "$1:$1") and sheet.freeze_panes is not None
    assert steps.page_setup.orientation == "landscape" and steps.sheet_properties.pageSetUpPr.fitToPage
    # the RACI matrix against the defaults of FORMAT.md: R is the step's role unless raci.R says, A the owner
    raci = book["RACI"]
    roles = [c.value for c in raci[1]][1:]
    names = {process.role_name(r): r for r in process.roles}
    for row, step in zip(raci.iter_rows(min_row=2, values_only=True), process.steps):
        cells = {names[roles[i]]: (v or "") for i, v in enumerate(row[1:])}
        responsible = step.raci.R or step.role
        accountable = step.raci.A or process.owner
        if responsible:
            assert "R" in cells[responsible].split("/"), step.id
        assert "A" in cells[accountable].split("/"), step.id
        for role in step.raci.C:
            assert "C" in cells[role].split("/")
    findings = book["Bevindingen"]
    assert findings.max_row - 1 == len(procesmap.analyse(process, cases=200).findings)


def test_consultants_table_in_dutch(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Processtappen"
    sheet.append(
        [
            "Stap",
            "Soort",
            "Wie",
            "Afdeling",
            "Organisatie",
            "Volgende stap",
            "Wachttijd",
            "Werk",
            "Systeem",
            "C",
            "Schort termijn op",
            "Toelichting",
        ]
    )
    sheet.append(
        [
            "Aanvraag ontvangen",
            "start",
            "Medewerker KCC",
            "KCC",
            "Gemeente",
            "Toets volledigheid",
            None,
            "15m",
            "Zaaksysteem",
            None,
            None,
            None,
        ]
    )
    sheet.append(
        [
            "Toets volledigheid",
            "decision",
            "Vergunningverlener",
            "VTH",
            "Gemeente",
            "Besluit (80%): volledig\nAanvullen (0,2): onvolledig",
            "2d",
            "1h",
            "zaaksysteem",
            None,
            None,
            None,
        ]
    )
    sheet.append(
        [
            "Aanvullen",
            "wait",
            None,
            None,
            None,
            "Toets volledigheid",
            "1d / 5d / 20d",
            None,
            None,
            None,
            "ja",
            "aanvrager vult aan",
        ]
    )
    sheet.append(
        [
            "Besluit",
            "end",
            "Vergunningverlener",
            "VTH",
            "Gemeente",
            None,
            "[1d, 3d]",
            "4h",
            None,
            "medewerker-kcc, Juridisch adviseur",
            None,
            None,
        ]
    )
    path = tmp_path / "tabel.xlsx"
    path.write_bytes(_book_bytes(book))
    result = runner.invoke(app, ["import", "xlsx", str(path), "-o", str(tmp_path / "kaart.yaml"), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    process = procesmap.load(tmp_path / "kaart.yaml")
    assert process.id == "tabel" and process.language == "nl"
    assert [s.id for s in process.steps] == ["aanvraag-ontvangen", "toets-volledigheid", "aanvullen", "besluit"]
    toets = process.step("toets-volledigheid")
    assert [(b.to, b.p, b.when) for b in toets.next] == [("besluit", 0.8, "volledig"), ("aanvullen", 0.2, "onvolledig")]
    assert process.roles["vergunningverlener"].name == "Vergunningverlener"
    assert process.team_of("vergunningverlener") == "vth" and process.organisation_of("medewerker-kcc") == "gemeente"
    assert process.teams["kcc"].name == "KCC" and process.teams["vth"].organisation == "gemeente"
    # "Zaaksysteem" and "zaaksysteem" are one system id
    assert process.step("aanvraag-ontvangen").system == process.step("toets-volledigheid").system == "zaaksysteem"
    aanvullen = process.step("aanvullen")
    assert aanvullen.suspends_term and aanvullen.description == "aanvrager vult aan"
    assert mean_elapsed_days(aanvullen.wait) == pytest.approx((1 + 5 + 20) / 3)
    assert mean_elapsed_days(process.step("besluit").wait) == pytest.approx(2.0)
    assert mean_effort_hours(process.step("besluit").work, process.calendar.calendar()) == 4
    assert process.step("besluit").raci.C == ["medewerker-kcc", "juridisch-adviseur"]
    analysed = runner.invoke(app, ["analyse", str(tmp_path / "kaart.yaml")])
    assert analysed.exit_code in (0, 1), analysed.output


def _problems(book: Workbook | bytes, tmp_path: Path, name: str = "t.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(book if isinstance(book, bytes) else _book_bytes(book))
    result = runner.invoke(app, ["import", "xlsx", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "hint:" in result.output
    return result.output


def test_problems_at_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    sheet.append(["id", "type", "role", "next", "work", "colour"])
    sheet.append(["a", "start", "clerk", "b (x%)", "3 dagen", "red"])
    sheet.append(["b", "finish", "clerk", "nowhere", "1h", None])
    output = _problems(book, tmp_path)
    path = tmp_path / "t.xlsx"
    assert f'{path}!Steps!F1: unknown column "colour"' in output
    assert f"{path}!Steps!D3: there is no step nowhere" in output
    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    sheet.append(["id", "type", "role", "next", "work"])
    sheet.append(["a", "start", "clerk", "b", "3 dagen"])
    sheet.append(["b", "finish", "clerk", None, "1h"])
    output = _problems(book, tmp_path)
    assert f"{path}!Steps!E2: " in output and "3d" in output  # the duration's own message and hint
    assert f"{path}!Steps!B3: " in output and "finish" in output


def test_formulas_are_never_evaluated(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    sheet.append(["id", "type", "work"])
    sheet.append(["a", "start", '=WEBSERVICE("http://example.invalid/")'])
    sheet.append(["b", "end", "1h"])
    output = _problems(book, tmp_path)
    assert "!Steps!C2: the cell holds a formula" in output and "does not evaluate" in output


def _with_entries(data: bytes, extra: dict[str, bytes], content_types_extra: bytes = b"") -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml" and content_types_extra:
                content = content.replace(b"</Types>", content_types_extra + b"</Types>")
            target.writestr(info.filename, content)
        for name, content in extra.items():
            target.writestr(name, content)
    return buffer.getvalue()


def test_external_links_macros_and_not_xlsx(tmp_path: Path) -> None:
    base = export_xlsx(procesmap.analyse(procesmap.load(PROCESSES / "wmo-melding.yaml"), cases=100), "en")
    linked = _with_entries(
        base,
        {
            "xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
        },
    )
    assert "links to 1 other file" in _problems(linked, tmp_path)
    macro = _with_entries(base, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake vba"})
    assert "contains macros" in _problems(macro, tmp_path, "m.xlsm")
    typed = _with_entries(
        base, {}, b'<Override PartName="/xl/x.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
    )
    assert "contains macros" in _problems(typed, tmp_path, "m2.xlsm")
    assert "old Excel file" in _problems(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, tmp_path, "old.xls")
    assert "not an Excel workbook" in _problems(b"id,name\n", tmp_path, "t.csv")
    slip = _with_entries(base, {"../../evil.xml": b"<x/>"})
    assert "leaves the folder" in _problems(slip, tmp_path)
    doctype = _with_entries(base, {"xl/evil.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x/>'})
    assert "DOCTYPE" in _problems(doctype, tmp_path)


def test_zip_bomb_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import procesmap.zgw._safe as safe

    base = export_xlsx(procesmap.analyse(procesmap.load(PROCESSES / "wmo-melding.yaml"), cases=100), "en")
    bomb = _with_entries(base, {"xl/media/padding.bin": b"\0" * (3 * 1024 * 1024)})
    assert len(bomb) < len(base) + 20_000
    monkeypatch.setattr(safe, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    assert "ZIP bomb" in _problems(bomb, tmp_path)


def test_template_and_cli(tmp_path: Path) -> None:
    template = tmp_path / "sjabloon.xlsx"
    made = runner.invoke(app, ["export", "xlsx", "--template", "-o", str(template), "--lang", "nl"])
    assert made.exit_code == 0, made.output
    book = load_workbook(template)
    assert "Stappen" in book.sheetnames and "Uitleg" in book.sheetnames
    assert book["Stappen"].max_row == 1 and book["Stappen"]["C1"].value == "type"
    assert book["Stappen"].data_validations.dataValidation[0].formula1.startswith('"start,task')
    assert template_xlsx("en") != template_xlsx("nl")
    assert "has no step" in _problems(template.read_bytes(), tmp_path)
    # fill in the template: two steps, read back
    book["Stappen"].append(["a", "Begin", "start", "rol-a", None, None, "b"])
    book["Stappen"].append(["b", "Einde", "end", "rol-a"])
    filled = tmp_path / "ingevuld.xlsx"
    book.save(filled)
    out = tmp_path / "kaart.yaml"
    assert runner.invoke(app, ["import", "xlsx", str(filled), "-o", str(out)]).exit_code == 0
    assert [s.id for s in procesmap.load(out).steps] == ["a", "b"]
    again = runner.invoke(app, ["import", "xlsx", str(filled), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(app, ["import", "xlsx", str(filled), "-o", str(out), "--force"]).exit_code == 0
    # --output is never an input
    copy = tmp_path / "map.yaml"
    copy.write_text((PROCESSES / "wmo-melding.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = copy.read_bytes()
    clash = runner.invoke(app, ["export", "xlsx", str(copy), "-o", str(copy)])
    assert clash.exit_code == 2 and copy.read_bytes() == before
    no_map = runner.invoke(app, ["export", "xlsx", "-o", str(tmp_path / "x.xlsx")])
    assert no_map.exit_code == 2 and "--template" in no_map.output
    written = runner.invoke(app, ["export", "xlsx", str(copy), "-o", str(tmp_path / "wmo.xlsx"), "--cases", "100"])
    assert written.exit_code == 0 and (tmp_path / "wmo.xlsx").read_bytes()[:2] == b"PK"


def test_openpyxl_is_lazy() -> None:
    import subprocess
    import sys

    code = "import sys, procesmap.cli; assert 'openpyxl' not in sys.modules, 'openpyxl imported at start'"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


@pytest.mark.parametrize("lang,name", [("nl", "procesmap-sjabloon.xlsx"), ("en", "procesmap-template.xlsx")])
def test_docs_templates_are_current(lang: str, name: str) -> None:
    """docs/ holds the templates of `procesmap export xlsx --template` (regenerate them when this fails)."""
    from .conftest import ROOT

    def cells(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
        book = load_workbook(io.BytesIO(data))
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}

    assert cells((ROOT / "docs" / name).read_bytes()) == cells(template_xlsx(lang)), (
        f"run: procesmap export xlsx --template --lang {lang} -o docs/{name}"
    )

"""What the seeded mutation fuzzers of benchmarks/hostile_fuzz.py found (issue #19), one small case each:
every one ended in a traceback (or in the product's own "bug" refusal) before it was fixed. The inputs are
built here, small; the fuzzers themselves run as a benchmark, never in the suite."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from procesmap.errors import LoadError
from procesmap.loading import loads


# -- xlsx: openpyxl parses a sheet's XML while its rows are read ---------------------------------------------


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Steps"
    for row in [
        ["id", "name", "type", "role", "next"],
        ["in", "Intake", "start", "Front office", "done"],
        ["done", "Done", "end", "Front office", None],
    ]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_sheet(data: bytes, edit: "callable") -> bytes:  # type: ignore[valid-type]
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = edit(content)
            target.writestr(info.filename, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("label", "edit", "row"),
    [
        # not well-formed XML after the first row (xml.etree ParseError)
        ("broken XML", lambda xml: xml.replace(b'<row r="2"', b'<row r="2" <', 1), 1),
        # a number cell whose value is no number (ValueError in openpyxl's _cast_number)
        (
            "a number that is none",
            lambda xml: xml.replace(b"</sheetData>", b'<row r="4"><c r="A4"><v>x</v></c></row></sheetData>'),
            3,
        ),
    ],
)
def test_a_damaged_sheet_is_a_problem_at_the_sheet_and_row(tmp_path: Path, label: str, edit: object, row: int) -> None:
    from procesmap.sheet import CellProblem, import_xlsx

    assert import_xlsx(_workbook(), display="steps.xlsx").data["steps"][0]["id"] == "in"  # the workbook reads
    path = tmp_path / "steps.xlsx"
    path.write_bytes(_with_sheet(_workbook(), edit))  # type: ignore[arg-type]
    with pytest.raises(LoadError) as caught:
        import_xlsx(path, display="steps.xlsx")
    problem = caught.value.problems[0]
    assert isinstance(problem, CellProblem) and problem.key == "sheet.damaged"
    assert (problem.sheet, problem.cell, problem.args["last"]) == ("Steps", f"{row + 1}:{row + 1}", row)
    assert caught.value.format("en").startswith(f"steps.xlsx!Steps!{row + 1}:{row + 1}: the sheet is damaged")
    assert "het werkblad is beschadigd" in caught.value.format("nl") and "tip:" in caught.value.format("nl")


def test_a_damaged_sheet_through_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from procesmap.cli import app

    path = tmp_path / "steps.xlsx"
    path.write_bytes(_with_sheet(_workbook(), lambda xml: xml.replace(b"<pageSetup", b'<pageSetup orientation="x"')))
    if b'orientation="x"' not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml"):  # no pageSetup written
        path.write_bytes(_with_sheet(_workbook(), lambda xml: xml.replace(b"</sheetData>", b"</sheetData><x")))
    result = CliRunner().invoke(app, ["import", "xlsx", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "the sheet is damaged" in result.output and "Traceback" not in result.output


# -- zaaktype: JSON may hold characters a YAML file may not -------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"verantwoordelijke": "Team\x1b[2J"},  # a control character in a value noted in a comment
        {"verantwoordelijke": "a\ud800b"},  # a lone surrogate ("\\ud800" in the JSON)
        {"omschrijving": "a\ud800b"},  # ... in the map's name
        {"verantwoordelijke": "x\ufffey"},  # a non-character
        {"identificatie": "z\x1bt"},  # a control character in the identificatie (the header and zaaktype:)
    ],
)
def test_a_zaaktype_with_characters_yaml_cannot_hold_imports_a_draft_that_loads(fields: dict[str, str]) -> None:
    from procesmap.zgw import import_zaaktype

    body = {"identificatie": "zt", "omschrijving": "Vergunning", "doorlooptijd": "P56D", **fields}
    result = import_zaaktype(json.dumps(body).encode(), display="zaaktype.json")
    process = loads(result.yaml_text, "draft.yaml")
    assert "term: 56d" in result.yaml_text and process.zaaktype  # the term read, the identificatie kept
    assert not any(0xD800 <= ord(ch) <= 0xDFFF or ch in "\x1b\ufffe" for ch in result.yaml_text)


def test_a_zaaktype_file_name_with_a_line_break_stays_in_the_comment() -> None:
    from procesmap.zgw import import_zaaktype

    body = {"identificatie": "zt", "omschrijving": "Vergunning", "doorlooptijd": "P56D"}
    result = import_zaaktype(json.dumps(body).encode(), display="zaak\nsteps: 1.json")
    assert loads(result.yaml_text, "draft.yaml").id == "zt"

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


# -- event logs: timestamps DuckDB reads but no duration can hold ------------------------------------------

_FAR = ["infinity", "-infinity", "294246-01-01", "-290000-01-01"]


@pytest.mark.parametrize("far", [_FAR[:2], _FAR[2:]])
def test_timestamps_outside_years_1_to_9999_are_bad_timestamps(tmp_path: Path, far: list[str]) -> None:
    """'infinity' or year 294,246 in a CSV log: DuckDB's subtraction of two such overflowed in log stats."""
    from procesmap.eventlog import LogMapping, log_stats, read_log

    log = tmp_path / "log.csv"
    log.write_text(
        f"case,activity,timestamp\nc1,a,{far[0]}\nc1,b,{far[1]}\nc2,a,2024-01-01T10:00:00\nc2,b,2024-01-02\n",
        encoding="utf-8",
    )
    stats = log_stats(read_log(log, LogMapping())).to_dict()
    assert stats["quality"]["bad_timestamp"] == 2
    assert stats["counts"]["cases_with_timestamps"] == 1
    assert stats["case_duration"]["max"] == pytest.approx(14 / 24)  # c2 only: 10:00 to midnight


def _parquet_log(path: Path, timestamp: object) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table({"case": ["c1", "c1", "c2", "c2"], "activity": ["a", "b", "a", "b"], "timestamp": timestamp}), path
    )
    return path


def test_parquet_timestamps_past_year_9999_and_infinite_floats(tmp_path: Path) -> None:
    import pyarrow as pa

    from procesmap.eventlog import LogMapping, log_stats, read_log

    start = 1_704_103_200_000  # 2024-01-01T10:00:00Z in milliseconds
    far = _parquet_log(
        tmp_path / "far.parquet", pa.array([2**62, -(2**62), start, start + 50_400_000], pa.timestamp("ms"))
    )
    stats = log_stats(read_log(far, LogMapping())).to_dict()
    assert stats["quality"]["bad_timestamp"] == 2
    assert stats["case_duration"]["max"] == pytest.approx(14 / 24)
    floats = _parquet_log(tmp_path / "floats.parquet", pa.array([float("inf"), float("-inf"), 0.5, float("nan")]))
    stats = log_stats(read_log(floats, LogMapping())).to_dict()
    assert stats["quality"]["bad_timestamp"] == 4 and stats["counts"]["cases_with_timestamps"] == 0


@pytest.mark.parametrize(
    ("columns", "row_group", "key"),
    [(1001, None, "limits.parquet_columns"), (201, 1, "limits.parquet_chunks")],  # 201 columns x 101 row groups
)
def test_parquet_of_many_columns_or_column_chunks_is_refused_from_its_footer(
    tmp_path: Path, columns: int, row_group: int | None, key: str
) -> None:
    """3,000 columns in 24 row groups (12 MB, 24 events) took 1.9 GB in Arrow's reader."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from procesmap.errors import UsageError
    from procesmap.eventlog import LogMapping, read_log

    rows = 101
    data = {
        "case": [f"c{i % 7}" for i in range(rows)],
        "activity": ["a"] * rows,
        "timestamp": pa.array(range(rows), pa.timestamp("s")),
    }
    data.update({f"extra{i}": ["x"] * rows for i in range(columns - 3)})
    path = tmp_path / "wide.parquet"
    pq.write_table(pa.table(data), path, row_group_size=row_group)
    with pytest.raises(UsageError) as caught:
        read_log(path, LogMapping())
    assert caught.value.key == key
    assert "Parquet" in caught.value.format("nl") and "{" not in caught.value.format("en")


@pytest.mark.parametrize("zone", [None, "UTC"])
def test_the_direct_parquet_reader_counts_far_timestamps_as_the_general_reader(
    tmp_path: Path, zone: str | None
) -> None:
    """DuckDB reads microseconds up to year 294,247 itself: it leaves those past 9999 empty, as Arrow's path does."""
    import pyarrow as pa

    from procesmap.eventlog import LogMapping, log_stats, read_log
    from procesmap.eventlog._common import EventLog, _standardise
    from procesmap.eventlog._engine import arrow_store
    from procesmap.eventlog._parquet import _read_parquet

    start = 1_704_103_200_000_000  # 2024-01-01T10:00:00Z in microseconds
    stamps = pa.array([2**62, -(2**62), start, start + 50_400_000_000], pa.timestamp("us", tz=zone))
    path = _parquet_log(tmp_path / "far.parquet", stamps)
    direct = read_log(path, LogMapping())
    table, chosen, quality = _standardise(_read_parquet(path), path, "parquet", LogMapping())
    general = EventLog(str(path), "parquet", chosen, quality, arrow_store(table), table.num_rows, table=table)
    assert direct._table is None  # the direct path read it
    assert direct.quality == general.quality and direct.quality["bad_timestamp"] == 2
    assert direct.quality["naive_timestamps"] == (2 if zone is None else 0)
    assert log_stats(direct).to_dict()["case_duration"]["max"] == pytest.approx(14 / 24)
    assert log_stats(direct).to_dict() == log_stats(general).to_dict()


def test_a_gzip_log_not_utf8_and_damaged_further_on(tmp_path: Path) -> None:
    """The reader found a byte that is not UTF-8; looking for its place, the .gz ended in zlib.error."""
    from procesmap.errors import UsageError
    from procesmap.eventlog import LogMapping, read_log

    tail = b'}\xceIj\x031\x10\x85\xe1\xbd\xaf\x12\x19\xaaJ\x13\xf1\xd2\x17\xc8&\x17\x10\x9d"4\xf4`\xd4\xb2!\xb7\x8f\x07\x0c\x06\xbf\x12\x08'
    path = (
        tmp_path / "log.csv.gz"
    )  # the gzip fuzzer's case 399 of seed 2: a header, 10,000 brackets, a truncated stream
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + b"[" * 5000 + b"]" * 5000 + tail)
    with pytest.raises(UsageError) as caught:
        read_log(path, LogMapping())
    assert caught.value.key == "text.not_utf8" and "log.csv.gz" in caught.value.format("nl")


# -- fmt: its layout is a fixed point --------------------------------------------------------------------------


def test_fmt_of_a_map_that_starts_with_blank_lines_is_idempotent() -> None:
    """ruamel kept all but one of the blank lines above the first comment: every `fmt` run removed one more."""
    from procesmap.fmt import format_text

    root = Path(__file__).resolve().parent.parent
    text = "\n" * 9 + (root / "processes" / "wmo-melding.yaml").read_text(encoding="utf-8")
    once = format_text(text, "wmo.yaml")
    assert not once.startswith("\n") and once.startswith("#")
    assert format_text(once, "wmo.yaml") == once

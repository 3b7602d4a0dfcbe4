"""``procesmap log compare``: every column of a table with row labels has a header, in the terminal (also written
with ``-o report.txt``) and in Markdown, in Dutch and English (the first column's header was empty)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SHARED, invoke_cli, need_shared

LOG = SHARED / "data" / "event-logs" / "running-example.csv"
HEADERS = {
    "en": {
        "Cycle time and term time (days): observed vs map": ["figure", "mean", "p50", "p85", "p95"],
        "Legal term: not on the map": ["figure", "observed", "map"],
        "Handovers per case: observed vs map": ["handovers", "observed", "map"],
    },
    "nl": {
        "Doorlooptijd en termijntijd (dagen): waargenomen en kaart": ["kengetal", "gemiddeld", "p50", "p85", "p95"],
        "Wettelijke termijn: niet op de kaart": ["kengetal", "waargenomen", "kaart"],
        "Overdrachten per zaak: waargenomen en kaart": ["overdrachten", "waargenomen", "kaart"],
    },
}


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A map of the log, from `log discover` (its steps are the log's activities)."""
    target = tmp_path_factory.mktemp("compare") / "draft.yaml"
    result = invoke_cli("log", "discover", str(need_shared(LOG)), "-o", str(target), "--lang", "en")
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_terminal_table_header_has_a_text_in_every_column(draft: Path, lang: str) -> None:
    out = draft.parent / f"compare.{lang}.txt"
    result = invoke_cli("log", "compare", str(draft), str(LOG), "--cases", "200", "--lang", lang, "-o", str(out))
    assert result.exit_code in (0, 1), result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    header_lines = [line for line in lines if "┃" in line]  # rich draws a header row with heavy bars
    assert len(header_lines) >= 5
    for line in header_lines:
        assert all(cell.strip() for cell in line.split("┃")), line
    for title, expected in HEADERS[lang].items():
        header = lines[lines.index(title) + 1]
        assert [cell.strip() for cell in header.split("┃")] == expected


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_markdown_tables_have_the_same_headers(draft: Path, lang: str) -> None:
    result = invoke_cli("log", "compare", str(draft), str(LOG), "--cases", "200", "--lang", lang, "-f", "markdown")
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    for title, expected in HEADERS[lang].items():
        at = lines.index(f"## {title}")
        assert lines[at + 2] == "| " + " | ".join(expected) + " |"

"""A rule configured twice in [rules] (by code and by name, or by code in two cases) is a configuration error at
the place of the later entry, with a hint naming the first, exit 2 (it was accepted and the last one won)."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.config import parse_config
from procesmap.errors import LoadError

from .conftest import ROOT, invoke_cli


def _problems(text: str, file: str = "procesmap.toml", table: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    with pytest.raises(LoadError) as caught:
        parse_config(text, file, table)
    return [(p.line, p.column, p.format("en")) for p in caught.value.problems]


def test_code_and_name_are_one_rule() -> None:
    problems = _problems('[rules]\nPM204 = "error"\nsingle-point-of-failure = "warning"\n')
    assert [(line, column) for line, column, _ in problems] == [(3, 1)]  # by hand: the third line
    text = problems[0][2]
    assert "`single-point-of-failure` in [rules] configures rule PM204 a second time" in text
    assert "`PM204` (line 2, column 1) configures it already" in text


def test_the_later_in_the_file_is_reported_also_for_a_table_and_another_case() -> None:
    text = '[rules]\nsingle-point-of-failure = "warning"\nPM303 = "info"\n\n[rules.pm204]\nseverity = "off"\n'
    problems = _problems(text)
    assert [(line, column) for line, column, _ in problems] == [(5, 1)]  # the `[rules.pm204]` header
    assert "`single-point-of-failure` (line 2, column 1)" in problems[0][2]
    # in pyproject.toml under [tool.procesmap.rules]: the places are those of the file
    text = '[tool.procesmap.rules]\nPM204 = "error"\n"PM204 " = "off"\n'
    problems = _problems(text, "pyproject.toml", ("tool", "procesmap"))
    assert [(line, column) for line, column, _ in problems] == [(3, 1)]


def test_different_rules_and_one_entry_per_rule_are_accepted() -> None:
    config = parse_config('[rules]\nPM204 = "error"\nping-pong = "info"\nPM303 = { threshold = 0.9 }\n')
    assert config.severities == {"PM204": "error", "PM104": "info"}
    assert config.options == {"PM303": {"threshold": 0.9}}


@pytest.mark.parametrize("command", ["check", "analyse"])
def test_the_commands_exit_2_with_the_place_in_dutch_and_english(tmp_path: Path, command: str) -> None:
    (tmp_path / "bezwaar.yaml").write_text(
        (ROOT / "processes" / "bezwaarschrift.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "procesmap.toml").write_text(
        '[rules]\nPM204 = "error"\nsingle-point-of-failure = "warning"\n', encoding="utf-8"
    )
    result = invoke_cli(command, "bezwaar.yaml", "--lang", "nl", cwd=tmp_path)
    assert result.exit_code == 2
    assert "procesmap.toml:3:1:" in result.output
    assert "stelt regel PM204 een tweede keer in" in result.output
    assert "`PM204` (regel 2, kolom 1) stelt hem al in" in result.output

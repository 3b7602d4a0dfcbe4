"""``--force`` without ``--output`` (``log discover``, ``import bpmn``, ``import xlsx``, ``import zaaktype``) has no
file to overwrite: a usage error with a hint, exit 2, nothing on stdout (it was silently ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SHARED, invoke_cli, need_shared

LOG = SHARED / "data" / "event-logs" / "running-example.csv"


def test_log_discover_force_without_output_is_refused_in_both_languages() -> None:
    log = str(need_shared(LOG))
    result = invoke_cli("log", "discover", log, "--force", "--lang", "en")
    assert result.exit_code == 2
    assert "--force overwrites the file --output names, and no --output was given" in result.output
    assert "add `--output FILE`" in result.output
    assert "procesmap: 1" not in result.stdout  # no draft on the screen
    result = invoke_cli("log", "discover", log, "--force", "--lang", "nl")
    assert result.exit_code == 2
    assert "--force overschrijft het bestand dat bij --output staat, en er staat geen --output" in result.output


def test_log_discover_force_with_output_still_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    target.write_text("old\n", encoding="utf-8")
    result = invoke_cli("log", "discover", str(need_shared(LOG)), "--force", "-o", str(target), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "procesmap: 1" in target.read_text(encoding="utf-8")
    assert "procesmap: 1" in invoke_cli("log", "discover", str(LOG), "--lang", "en").stdout  # without --force


@pytest.mark.parametrize("command", ["bpmn", "xlsx", "zaaktype"])
def test_the_import_commands_refuse_it_too(tmp_path: Path, command: str) -> None:
    source = tmp_path / f"bron.{command}"
    source.write_text("", encoding="utf-8")  # refused before it is read
    result = invoke_cli("import", command, str(source), "--force", "--lang", "en")
    assert result.exit_code == 2
    assert "no --output was given" in result.output

"""`procesmap overview` in an 80-column terminal (a beamer's terminal at a large font is
narrow): the table of seven columns left the process ids four characters ("bezw/aars/chri/ft"). Below 90
columns each process is a block of its own: its id on a line, then one line per figure."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import PROCESSES, ROOT, run_procesmap

LABELS_NL = ["Doorlooptijd (dagen)", "Zaken over de termijn", "Org.-overdrachten / zaak", "Hoogste bezetting"]


@pytest.mark.parametrize("columns", [60, 80])
def test_each_process_is_a_readable_block(columns: int) -> None:
    result = run_procesmap("overview", "processes", "--cases", "300", cwd=ROOT, env={"COLUMNS": str(columns)})
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    head = result.stdout.split("Bezetting per rol")[0]
    data = json.loads(run_procesmap("overview", "processes", "--cases", "300", "-f", "json", cwd=ROOT).stdout)
    for process in data["processes"]:
        ident = process["id"]
        assert re.search(rf"^ ?{re.escape(ident)}\s*$", head, re.M), ident  # the id whole, on a line of its own
    for label in LABELS_NL:
        assert head.count(label) == len(data["processes"]), label  # one line per figure per process
    # a figure of the first process, as the JSON has it, written the Dutch way (one decimal, decimal comma)
    first = data["processes"][0]
    shown = f"{first['cycle_time_mean']:.1f}".replace(".", ",")
    assert shown in head.split(data["processes"][1]["id"])[0]
    assert len(list(PROCESSES.glob("*.yaml"))) == len(data["processes"])


def test_a_wide_terminal_keeps_the_table() -> None:
    result = run_procesmap("overview", "processes", "--cases", "300", cwd=ROOT, env={"COLUMNS": "160"})
    head = result.stdout.split("Bezetting per rol")[0]
    assert "┃" in head and "Org.-overdrachten" in head

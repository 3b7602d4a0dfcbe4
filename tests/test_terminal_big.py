"""A big map's terminal report: long tables summarised (top rows and a note), JSON complete."""

from __future__ import annotations

import json
import re

import procesmap
from procesmap.diagrams.sample import synthetic_map
from procesmap.render.terminal import MAX_TERMINAL_ROWS


def test_long_tables_are_summarised_in_the_terminal_and_complete_in_json() -> None:
    analysis = procesmap.analyse(procesmap.loads(synthetic_map(400, 2), "groot.yaml"), cases=200)
    handovers = analysis.handovers.handovers
    by_level: dict[str, list[procesmap.analysis.Finding]] = {}
    for finding in analysis.findings:
        by_level.setdefault(finding.severity.value, []).append(finding)
    assert len(handovers) > MAX_TERMINAL_ROWS and max(map(len, by_level.values())) > MAX_TERMINAL_ROWS
    text = procesmap.report(analysis, "terminal", lang="en")
    assert f"… and {len(handovers) - MAX_TERMINAL_ROWS} more handovers" in text
    for level, findings in by_level.items():
        if len(findings) > MAX_TERMINAL_ROWS:
            assert f"… and {len(findings) - MAX_TERMINAL_ROWS:,} more; `--format json`" in text, level
    # each severity shows its first MAX_TERMINAL_ROWS findings (one line each starts with the code)
    shown = re.findall(r"^  PM\d{3} ", text, re.MULTILINE)
    assert len(shown) == sum(min(len(f), MAX_TERMINAL_ROWS) for f in by_level.values())
    data = json.loads(procesmap.report(analysis, "json", lang="en"))
    assert len(data["handovers"]["list"]) == len(handovers) and len(data["findings"]) == len(analysis.findings)

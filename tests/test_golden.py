"""Golden files: the JSON and Markdown reports of every bundled map.

Regenerate after an intended change with ``PROCESMAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import procesmap

from .conftest import GOLDEN, bundled, check_golden


def _check(path: Path, text: str) -> None:
    check_golden(path, text)


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_json_report(file: Path, in_root: Path) -> None:
    analysis = procesmap.analyse(procesmap.load(Path("processes") / file.name))
    text = procesmap.report(analysis, "json", "en")
    data = json.loads(text)
    assert set(data) >= {
        "format",
        "tool",
        "process",
        "counts",
        "visits",
        "handovers",
        "ownership",
        "time",
        "capacity",
        "findings",
        "missing",
    }
    _check(GOLDEN / f"{file.stem}.json", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_markdown_report(file: Path, lang: str, in_root: Path) -> None:
    analysis = procesmap.analyse(procesmap.load(Path("processes") / file.name))
    _check(GOLDEN / f"{file.stem}.{lang}.md", procesmap.report(analysis, "markdown", lang))

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
SHARED = Path(os.environ.get("PROCESMAP_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("PROCESMAP_UPDATE_GOLDEN") == "1"


def bundled() -> list[Path]:
    return sorted(PROCESSES.glob("*.yaml"))


def format_example() -> str:
    """The example process of FORMAT.md, with its one unquoted comma quoted (see docs/format-notes.md)."""
    text = (SHARED / "FORMAT.md").read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]
    return text.replace("name: Vergunningen, toezicht en handhaving", 'name: "Vergunningen, toezicht en handhaving"')


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT

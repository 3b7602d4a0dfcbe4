"""Reports and messages in the user's language (issue 15): Dutch figures the Dutch way, messages about a map
in the map's language where docs/format.md promises it, English text without Dutch jargon, and an --output
suffix that names no format giving each command's default (terminal text)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import procesmap
from procesmap.i18n import t

from .conftest import need_shared

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PROCESMAP_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    environment.update({"LANG": "C.UTF-8", **env})
    return subprocess.run(
        [sys.executable, "-m", "procesmap", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=environment,
    )


def test_volume_in_words_not_a_unit_code() -> None:
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / "wmo-melding.yaml"), cases=500)  # volume: 30/week
    nl = procesmap.report(analysis, "terminal", "nl")
    en = procesmap.report(analysis, "terminal", "en")
    per_year = 30 * 52  # by hand: a year of 52 weeks
    assert "30 per week = 1.560 zaken per jaar" in nl and "/week" not in nl and "/year" not in nl
    assert f"30 a week = {per_year:,} cases a year" in en


def test_english_hints_say_backlog_not_werkvoorraad() -> None:
    from procesmap.i18n.messages import MESSAGES

    english = [key for key, texts in MESSAGES.items() if "werkvoorraad" in texts.get("en", "")]
    assert english == []
    assert "werkvoorraad" in t("PM305.hint", "nl")


def test_set_that_fits_no_map_is_told_in_the_maps_language(tmp_path: Path) -> None:
    result = _run("analyse", "processes/bezwaarschrift.yaml", "--set", "roles.nope.people=2")  # a Dutch map, LANG=C
    assert result.returncode == 2
    assert "verwijst naar niets in deze kaart" in result.stderr and "tip:" in result.stderr
    result = _run("analyse", "processes/bezwaarschrift.yaml", "--set", "roles.nope.people=2", "--lang", "en")
    assert "names nothing in this map" in result.stderr
    result = _run("analyse", "processes/bezwaarschrift.yaml", "--set", "roles.nope.people=2", PROCESMAP_LANG="en")
    assert "names nothing in this map" in result.stderr


def test_new_says_what_it_wrote_in_the_language_of_the_map(tmp_path: Path) -> None:
    result = _run("new", "loket", cwd=tmp_path)  # a Dutch starter map (the default), LANG=C
    assert result.returncode == 0 and "loket.yaml geschreven" in result.stderr
    result = _run("new", "desk", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0 and "wrote desk.yaml" in result.stderr


def test_unknown_output_suffix_gives_terminal_text(tmp_path: Path) -> None:
    log = need_shared("data", "event-logs", "receipt.xes")
    out = tmp_path / "stats.txt"
    result = _run("log", "stats", str(log), "-o", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert not text.startswith("#") and "Counts" in text.splitlines()[2] and "│" in text  # terminal, not Markdown
    out = tmp_path / "report.txt"
    result = _run("analyse", "processes/kcc-vraag-doorzetten.yaml", "--cases", "300", "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    assert out.read_text(encoding="utf-8").startswith("╭─ KCC-vraag")  # the terminal report's summary panel

"""Logs linked to maps (issue 17): suggested links, written as log: names, and Disco-style thresholds for discover.

Real logs from ../shared/data/event-logs: the CoSeLoG WABO log (a Dutch municipality's building permits) against the
bundled omgevingsvergunning map, and BPIC15_1 for discover.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import procesmap
from procesmap.cli import app
from procesmap.eventlog._discover import keep_paths
from procesmap.eventlog._links import name_similarity
from procesmap.fmt import comments

from .conftest import PROCESSES, SHARED, need_shared

LOGS = SHARED / "data" / "event-logs"
WABO = LOGS / "CoSeLoG_WABO_1.xes.gz"
BPIC = LOGS / "BPIC15_1.xes.gz"
runner = CliRunner()


def _need(path: Path) -> None:
    need_shared(path)


def test_name_similarity_by_hand() -> None:
    # {aanvraag, ontvangen} against {fase, aanvraag, ontvangen}: 2 + 2 matched of 2 + 3 words
    assert name_similarity(["Aanvraag ontvangen"], "Fase Aanvraag ontvangen") == pytest.approx(4 / 5)
    # "ontvangst" and "ontvangen" share a stem; "en", "de" are left out
    assert name_similarity(["Ontvangst en registratie"], "Registratie van de ontvangen aanvraag") == pytest.approx(
        4 / 5
    )
    # a compound is no stem match: ontvangstbevestiging is not ontvangen
    assert name_similarity(["ontvangen"], "ontvangstbevestiging") == 0
    assert name_similarity(["Besluit"], "Advies") == 0


def test_keep_paths_by_hand() -> None:
    pairs = [("a", "b", 50), ("a", "c", 5), ("b", "d", 40), ("c", "d", 3), ("d", "", 48), ("b", "c", 2)]
    # total 148; 50 + 48 = 98 >= 74 (0.5): a->b, d->end; then each activity's best way out and in:
    # a->b, b->d, c->d, d->end out; b<-a, c<-a, d<-b in
    kept = keep_paths(pairs, 0.5)
    assert kept == [("a", "b", 50), ("a", "c", 5), ("b", "d", 40), ("c", "d", 3), ("d", "", 48)]
    assert keep_paths(pairs, 1.0) == pairs


def _compare_counts(map_path: Path) -> dict[str, Any]:
    from procesmap.eventlog import LogMapping, compare, read_log

    result = compare(
        procesmap.load(map_path), read_log(WABO, LogMapping(activity="taskName")), procesmap.Settings(cases=200)
    )
    return result.to_dict()


def test_suggest_and_write_links_on_wabo(tmp_path: Path) -> None:
    _need(WABO)
    copy = tmp_path / "omgevingsvergunning.yaml"
    original = (PROCESSES / "omgevingsvergunning.yaml").read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")
    before = _compare_counts(copy)
    assert before["counts"]["steps_linked"] == 0 and before["counts"]["steps"] == 20
    shown = runner.invoke(
        app, ["log", "compare", str(copy), str(WABO), "--activity", "taskName", "--suggest-links", "--lang", "en"]
    )
    assert shown.exit_code == 0, shown.output
    lines = re.findall(r"^  (\S+)  <-  \"(.+)\"  \(score ([\d.]+)", shown.output, re.MULTILINE)
    assert 8 <= len(lines) <= 20
    suggested = {step: activity for step, activity, _ in lines}
    assert suggested["ontvangst"] == "Fase Aanvraag ontvangen"
    assert suggested["aanvullen"] == "Aanvullende gegevens ontvangen"
    assert all(float(score) >= 0.5 for _, _, score in lines)
    assert copy.read_text(encoding="utf-8") == original  # showing writes nothing
    written = runner.invoke(
        app, ["log", "compare", str(copy), str(WABO), "--activity", "taskName", "--write-links", "--lang", "en"]
    )
    assert written.exit_code == 0, written.output
    text = copy.read_text(encoding="utf-8")
    assert Counter(comments(text)) == Counter(comments(original))  # every comment kept
    new, old = procesmap.load(copy), procesmap.load(PROCESSES / "omgevingsvergunning.yaml")
    for step_new, step_old in zip(new.steps, old.steps):
        assert step_new.model_dump(exclude={"log"}) == step_old.model_dump(exclude={"log"})
        added = [name for name in step_new.log if name not in step_old.log]
        assert added == ([suggested[step_new.id]] if step_new.id in suggested else [])
    after = _compare_counts(copy)
    assert after["counts"]["steps_linked"] == len(suggested)
    # once linked, nothing more to suggest for those steps
    again = runner.invoke(app, ["log", "compare", str(copy), str(WABO), "--activity", "taskName", "--suggest-links"])
    assert not set(re.findall(r"^  (\S+)  <-", again.output, re.MULTILINE)) & set(suggested)
    bad = runner.invoke(app, ["log", "compare", str(copy), str(WABO), "--suggest-links", "--min-score", "2"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("log", [WABO, BPIC], ids=["wabo", "bpic15-1"])
def test_discover_thresholds_give_a_workshop_sized_draft(log: Path, tmp_path: Path) -> None:
    _need(log)
    out = tmp_path / "draft.yaml"
    result = runner.invoke(
        app, ["log", "discover", str(log), "--activities", "0.7", "--paths", "0.5", "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    draft = procesmap.load(out)
    assert 10 <= len(draft.steps) <= 20, len(draft.steps)
    assert "Left out (--activities)" in out.read_text(encoding="utf-8")
    analysed = runner.invoke(app, ["analyse", str(out), "--cases", "200"])
    assert analysed.exit_code in (0, 1), analysed.output
    strict = tmp_path / "strict.yaml"
    fewer = runner.invoke(app, ["log", "discover", str(log), "--activities", "0.9", "-o", str(strict)])
    assert fewer.exit_code == 0 and len(procesmap.load(strict).steps) < len(draft.steps)
    refused = runner.invoke(app, ["log", "discover", str(log), "--paths", "0", "-o", str(tmp_path / "x.yaml")])
    assert refused.exit_code == 2 and "--paths" in refused.output

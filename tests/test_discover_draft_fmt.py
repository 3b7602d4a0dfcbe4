"""A draft of `procesmap log discover` failed `procesmap fmt --check` (each step's `log:` before
its `next:`, `language:` before `owner:`), so a draft committed as it came failed the fmt check of CI. A draft is
now in fmt's layout: with roles and without, with decisions, a loop and a parallel block."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap


def _log(with_roles: bool) -> str:
    rows = ["case,activity,timestamp,resource,role"]
    for case in range(1, 13):
        # every case: ontvangst; two advices in either order (a parallel block); a decision; sometimes a loop
        advices = ["Advies milieu", "Advies brandweer"] if case % 2 else ["Advies brandweer", "Advies milieu"]
        route = ["Aanvraag ontvangen", *advices, "Besluit nemen"]
        if case % 3 == 0:
            route += ["Aanvulling vragen", "Besluit nemen"]
        route += ["Besluit verzenden"] if case % 4 else ["Buiten behandeling"]
        for hour, activity in enumerate(route):
            role = ("intake" if hour == 0 else "jurist") if with_roles else ""
            rows.append(f"{case},{activity},2024-02-{case:02d}T{8 + hour:02d}:00:00,p{case % 3},{role}")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("with_roles", [True, False])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_discovered_draft_is_in_fmt_layout(tmp_path: Path, with_roles: bool, lang: str) -> None:
    (tmp_path / "log.csv").write_text(_log(with_roles), encoding="utf-8")
    result = run_procesmap("log", "discover", "log.csv", "-o", "draft.yaml", "--lang", lang, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert "type: parallel" in text and "type: decision" in text  # the shapes the test means to cover
    assert ("owner: " in text) == with_roles
    check = run_procesmap("fmt", "--check", "draft.yaml", "--lang", "en", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == text  # --check writes nothing

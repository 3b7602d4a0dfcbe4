"""A procesmap.toml that is not valid TOML, beside a Dutch map. `procesmap serve` (and
`analyse`, `log compare`) said "dit is geen geldige TOML: Expected ']' at the end of a table declaration": the
reason was tomllib's English. The reason is now in the run's language, at the place tomllib names."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

MAP = (
    "procesmap: 1\nid: loket\nname: Loket\nlanguage: nl\nowner: r\nvolume: 100/year\n"
    "roles:\n  r: {name: Rol, people: 2}\n"
    "steps:\n  - {id: a, type: start, role: r, work: 1h, next: b}\n  - {id: b, type: end, role: r}\n"
)


@pytest.mark.parametrize(
    ("toml", "where", "dutch", "english"),
    [
        ('[rules\nPM204 = "off"\n', "1:7", "de kop `[sectie]` mist de sluitende `]`", "has no closing `]`"),
        ("[rules]\nPM204 = off\n", "2:9", "dit is geen TOML-waarde", "this is not a TOML value"),
        ('[rules]\nPM204 = "off"\n[rules]\n', "3:7", "`rules` staat er twee keer", "`rules` is declared twice"),
    ],
)
def test_the_reason_a_configuration_is_not_toml_is_in_the_runs_language(
    tmp_path: Path, toml: str, where: str, dutch: str, english: str
) -> None:
    (tmp_path / "loket.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "procesmap.toml").write_text(toml, encoding="utf-8")
    result = run_procesmap("analyse", "loket.yaml", "--cases", "100", cwd=tmp_path)
    assert result.returncode == 2
    out = result.stdout + result.stderr
    assert f"procesmap.toml:{where}: dit is geen geldige TOML: {dutch}" in out, out
    assert "Expected" not in out and "Invalid" not in out and "Cannot" not in out
    result = run_procesmap("analyse", "loket.yaml", "--cases", "100", "--lang", "en", cwd=tmp_path)
    assert f"procesmap.toml:{where}: this is not valid TOML: " in result.stderr and english in result.stderr

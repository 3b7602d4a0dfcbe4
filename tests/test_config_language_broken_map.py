"""The configuration a command's ``--config`` names decides the language of a map that does not load, as it does
for a map that loads (docs/format.md, 'Messages and language': --lang, PROCESMAP_LANG, the configuration's
``language``, ...). Before, only a configuration found upwards from the map counted for a broken map: under
``LANG=C`` with ``--config nl.toml`` (``language = "nl"``) ``export xlsx`` of a broken map told the error in
English, while the same run with a good map was Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

#: A map without its own `language:`, the step `a` pointing at a step `bb` that does not exist (line 7).
MAP = (
    "procesmap: 1\nid: loket\nname: Loket\nowner: r\nvolume: 100/year\nroles:\n"
    "  r: {{name: Rol, people: 2}}\nsteps:\n"
    "  - {{id: a, type: start, role: r, work: 1h, next: {next}}}\n  - {{id: b, type: end, role: r}}\n"
)


def _folders(tmp_path: Path, next_step: str) -> tuple[Path, Path]:
    """The map in ``maps/`` (a .git there: no configuration is searched above it) and ``settings/nl.toml``."""
    maps, settings = tmp_path / "maps", tmp_path / "settings"
    maps.mkdir()
    (maps / ".git").mkdir()
    settings.mkdir()
    (maps / "loket.yaml").write_text(MAP.format(next=next_step), encoding="utf-8")
    (settings / "nl.toml").write_text('language = "nl"\n', encoding="utf-8")
    return maps, settings / "nl.toml"


@pytest.mark.parametrize(
    "command",
    [
        ("export", "xlsx", "loket.yaml", "-o", "loket.xlsx"),
        ("analyse", "loket.yaml"),
        ("check", "loket.yaml"),
    ],
)
def test_a_broken_map_is_told_in_the_language_of_config(tmp_path: Path, command: tuple[str, ...]) -> None:
    maps, config = _folders(tmp_path, "bb")
    line = MAP.format(next="bb").splitlines()[8]
    column = line.index("bb") + 1  # 1-based, counted on the text
    result = run_procesmap(*command, "--config", str(config), cwd=maps)
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert f"loket.yaml:9:{column}: " in out and "onbekende stap `bb`" in out and "tip: bedoel je `b`?" in out, out
    assert "unknown" not in out and "hint:" not in out, out
    # without --config the locale (C) decides: English, so it is the configuration that made it Dutch
    result = run_procesmap(*command, cwd=maps)
    assert "unknown step `bb`" in result.stdout + result.stderr


def test_export_xlsx_of_a_good_map_with_that_config_is_dutch_too(tmp_path: Path) -> None:
    maps, config = _folders(tmp_path, "b")
    result = run_procesmap("export", "xlsx", "loket.yaml", "-o", "loket.xlsx", "--config", str(config), cwd=maps)
    assert result.returncode == 0 and result.stderr.strip() == "geschreven: loket.xlsx", result.stderr


def test_lang_and_procesmap_lang_still_come_before_config(tmp_path: Path) -> None:
    maps, config = _folders(tmp_path, "bb")
    args = ("export", "xlsx", "loket.yaml", "-o", "loket.xlsx", "--config", str(config))
    assert "unknown step `bb`" in run_procesmap(*args, "--lang", "en", cwd=maps).stderr
    assert "unknown step `bb`" in run_procesmap(*args, cwd=maps, env={"PROCESMAP_LANG": "en"}).stderr

"""``procesmap diagram`` draws the findings ``procesmap analyse`` reports: the configuration (found upwards or
``--config``) and suppression comments decide them, and the configuration's language labels the picture."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ONE_PERSON_MAP as MAP
from tests.conftest import run_procesmap

SPOF = ">PM204 "  # the key of the role's mark: "PM204 role behandelaar is one person without a backup, ..."
ROLES = {"en": "Findings about roles", "nl": "Bevindingen bij rollen"}  # the key's heading


def draw(folder: Path, *args: str) -> str:
    done = run_procesmap("diagram", str(folder / "melding.yaml"), "--format", "svg", "--single", *args, cwd=folder)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_badge_of_a_finding_follows_the_configuration_and_suppressions(tmp_path: Path) -> None:
    (tmp_path / "melding.yaml").write_text(MAP.replace("{comment}", ""), encoding="utf-8")
    assert SPOF in draw(tmp_path)  # PM204: one person, no backup (by hand: people 1, no other doer)
    (tmp_path / "procesmap.toml").write_text('[rules]\nPM204 = "off"\n', encoding="utf-8")
    assert SPOF not in draw(tmp_path)  # found upwards from the map, as analyse finds it
    (tmp_path / "procesmap.toml").unlink()
    (tmp_path / "elders.toml").write_text('[rules]\nsingle-point-of-failure = "off"\n', encoding="utf-8")
    assert SPOF not in draw(tmp_path, "--config", str(tmp_path / "elders.toml"))
    comment = "   # procesmap: ignore[PM204] tijdelijk"
    (tmp_path / "melding.yaml").write_text(MAP.replace("{comment}", comment), encoding="utf-8")
    assert SPOF not in draw(tmp_path)  # suppressed in the map: not drawn, as analyse does not count it


def test_the_configuration_language_labels_the_picture(tmp_path: Path) -> None:
    (tmp_path / "melding.yaml").write_text(MAP.replace("{comment}", ""), encoding="utf-8")
    (tmp_path / "procesmap.toml").write_text('language = "nl"\n', encoding="utf-8")
    svg = draw(tmp_path)
    assert ROLES["nl"] in svg and ROLES["en"] not in svg
    assert ROLES["en"] in draw(tmp_path, "--lang", "en")  # --lang first


def test_a_configuration_that_does_not_load_is_exit_2_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "melding.yaml").write_text(MAP.replace("{comment}", ""), encoding="utf-8")
    (tmp_path / "procesmap.toml").write_text('[rules]\nPM204 = "loud"\n', encoding="utf-8")
    done = run_procesmap("diagram", str(tmp_path / "melding.yaml"), "-f", "svg", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "procesmap.toml:2:" in done.stderr and done.stdout == ""


def test_a_folder_or_a_missing_file_keeps_its_message(tmp_path: Path) -> None:
    done = run_procesmap("diagram", str(tmp_path), "-f", "svg", cwd=tmp_path)
    assert done.returncode == 2 and "is a folder" in done.stderr and "Traceback" not in done.stderr
    done = run_procesmap("diagram", str(tmp_path / "nope.yaml"), "-f", "svg", cwd=tmp_path)
    assert done.returncode == 2 and "nope.yaml:1:1:" in done.stderr

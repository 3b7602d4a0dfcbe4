"""``procesmap new``: a commented starter map that analyses, in Dutch or English; never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_procesmap

from procesmap.pipeline import analyse
from procesmap.settings import Settings
from procesmap.errors import UsageError
from procesmap.fmt import comments, format_text
from procesmap.loading import load
from procesmap.starter import starter_text, write_starter


run = run_procesmap


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_starter_loads_analyses_and_is_canonical(lang: str, tmp_path: Path) -> None:
    path = write_starter("omgevingsvergunning-2", lang, tmp_path / "omgevingsvergunning-2.yaml")
    process = load(path)
    assert process.id == "omgevingsvergunning-2" and process.language == lang
    assert [s.type for s in process.steps] == ["start", "decision", "task", "end"]
    assert [b.p for b in process.steps[1].next] == [0.2, 0.8]
    assert process.term is not None and process.volume is not None and process.organisations and process.teams
    analysis = analyse(process, Settings(cases=500))
    assert not analysis.missing or all("external" in m.text("en") for m in analysis.missing)
    assert not [f for f in analysis.findings if f.severity.value == "error"]
    text = path.read_text(encoding="utf-8")
    assert len(comments(text)) >= 20
    assert format_text(text) == text  # fmt leaves a fresh starter as it is


def test_comments_are_in_the_chosen_language() -> None:
    assert "beslistermijn" in starter_text("x", "nl") and "decision term" not in starter_text("x", "nl")
    assert "decision term" in starter_text("x", "en") and "beslistermijn" not in starter_text("x", "en")


@pytest.mark.parametrize("bad", ["Omgevingsvergunning", "a b", "../x", "-x", "", "x" * 101])
def test_id_must_be_a_slug(bad: str) -> None:
    with pytest.raises(UsageError):
        starter_text(bad)


def test_cli_writes_id_yaml_and_analyse_works(tmp_path: Path) -> None:
    result = run("new", "wmo-melding-2", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote wmo-melding-2.yaml" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["wmo-melding-2.yaml"]
    analysed = run("analyse", "wmo-melding-2.yaml", "-f", "json", "--cases", "500", cwd=tmp_path)
    assert analysed.returncode == 0, analysed.stderr
    assert json.loads(analysed.stdout)["process"]["id"] == "wmo-melding-2"


def test_cli_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "bezwaar.yaml"
    existing.write_bytes(b"mijn werk\n")
    result = run("new", "bezwaar", "--lang", "nl", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "bezwaar.yaml already exists" in result.stderr or "bezwaar.yaml bestaat al" in result.stderr
    assert existing.read_bytes() == b"mijn werk\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bezwaar.yaml"]
    other = run("new", "bezwaar", "--output", str(tmp_path / "kaarten" / "b.yaml"), cwd=tmp_path)
    assert other.returncode == 2 and "Traceback" not in other.stderr  # the folder does not exist


def test_cli_output_and_bad_id(tmp_path: Path) -> None:
    result = run("new", "kcc-2", "--output", "kaart.yaml", cwd=tmp_path)
    assert result.returncode == 0 and load(tmp_path / "kaart.yaml").language == "nl"
    bad = run("new", "KCC Vraag", cwd=tmp_path)
    assert bad.returncode == 2 and "kcc-vraag" in bad.stderr


def test_versions_catalogue_both_languages_same_placeholders() -> None:
    import string

    from procesmap.i18n.versions import MESSAGES_VERSIONS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, entry in MESSAGES_VERSIONS.items():
        assert key.startswith("versions.") and set(entry) == {"en", "nl"}, key
        assert entry["en"].strip() and entry["nl"].strip()
        assert fields(entry["en"]) == fields(entry["nl"]), key

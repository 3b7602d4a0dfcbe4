"""`procesmap new ID --output EXISTING.yaml`: the hint is about --output (the id does not name that file), in both
languages; without --output it still says to choose another id. Nothing is overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.errors import UsageError
from procesmap.starter import write_starter

from .conftest import invoke_cli

OLD = "procesmap: 1\n# de kaart van gisteren\n"


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        (
            "en",
            "hint: `new` never overwrites: give --output another file name, or move kaart.yaml out of the way first",
        ),
        (
            "nl",
            "tip: `new` overschrijft nooit: geef --output een andere bestandsnaam, of zet kaart.yaml eerst ergens anders",
        ),
    ],
)
def test_output_that_exists_gets_an_output_hint(tmp_path: Path, lang: str, hint: str) -> None:
    (tmp_path / "kaart.yaml").write_text(OLD, encoding="utf-8")
    result = invoke_cli("new", "aanvraag", "--output", "kaart.yaml", "--lang", lang, cwd=tmp_path)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith("kaart.yaml ")
    assert lines[1].strip() == hint
    assert "id" not in lines[1].split()  # "choose another id" does not fit: the id does not name the file
    assert (tmp_path / "kaart.yaml").read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaart.yaml"]  # no temporary file left


def test_without_output_the_hint_is_still_about_the_id(tmp_path: Path) -> None:
    (tmp_path / "aanvraag.yaml").write_text(OLD, encoding="utf-8")
    result = invoke_cli("new", "aanvraag", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2
    assert "hint: choose another id, or write elsewhere with --output PATH" in result.output
    assert (tmp_path / "aanvraag.yaml").read_text(encoding="utf-8") == OLD


def test_the_library_says_which_hint(tmp_path: Path) -> None:
    target = tmp_path / "kaart.yaml"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        write_starter("aanvraag", "en", target)
    assert caught.value.hint_key == "versions.hint.new.output_exists"

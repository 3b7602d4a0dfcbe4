"""`procesmap new ID --output FOLDER`: a folder is refused with what went wrong and the file to name instead
(exit 2, both languages); `--output kaarten/` (a folder that is not there) no longer becomes a file `kaarten`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from procesmap.errors import UsageError
from procesmap.starter import write_starter

from .conftest import run_procesmap


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        ("en", "--output . is a folder; `procesmap new` writes one file, the map", "--output y.yaml"),
        ("nl", "--output . is een map; `procesmap new` schrijft één bestand, de kaart", "--output y.yaml"),
    ],
)
def test_the_current_folder(tmp_path: Path, lang: str, message: str, hint: str) -> None:
    done = run_procesmap("new", "y", "--output", ".", cwd=tmp_path, env={"PROCESMAP_LANG": lang})
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0] == message
    assert lines[1].endswith(hint), lines
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left


def test_a_folder_with_and_without_slash(tmp_path: Path) -> None:
    (tmp_path / "kaarten").mkdir()
    for given in ("kaarten", "kaarten/"):
        done = run_procesmap("new", "y", "-o", given, cwd=tmp_path, env={"PROCESMAP_LANG": "en"})
        assert done.returncode == 2
        assert f"--output {given} is a folder" in done.stderr
        assert f"--output {os.path.join('kaarten', 'y.yaml')}" in done.stderr
    assert list((tmp_path / "kaarten").iterdir()) == []


def test_a_folder_name_that_is_not_there_is_not_written_as_a_file(tmp_path: Path) -> None:
    done = run_procesmap("new", "y", "-o", "nieuw/", cwd=tmp_path, env={"PROCESMAP_LANG": "nl"})
    assert done.returncode == 2
    assert "--output nieuw/ eindigt op `/`" in done.stderr
    assert "maak eerst de map" in done.stderr
    assert list(tmp_path.iterdir()) == []  # was: a file named `nieuw` holding the map


def test_the_library_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        write_starter("y", "nl", tmp_path)
    assert caught.value.key == "versions.new.output_folder"
    assert caught.value.args_["file"] == str(tmp_path / "y.yaml")
    assert list(tmp_path.iterdir()) == []
    assert write_starter("y", "nl", tmp_path / "y.yaml") == tmp_path / "y.yaml"  # a file in it is fine

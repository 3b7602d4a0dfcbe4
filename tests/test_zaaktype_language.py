"""A zaaktype is imported as a Dutch map whatever the machine's locale (LANG=C on a server or in CI): --lang,
PROCESMAP_LANG and the configuration still decide first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_procesmap


@pytest.fixture
def zaaktype(tmp_path: Path) -> Path:
    """A Catalogi API zaaktype of our own (the export of a bundled map), so no third-party data is needed."""
    target = tmp_path / "zaaktype.json"
    done = run_procesmap("export", "zaaktype", str(ROOT / "processes" / "omgevingsvergunning.yaml"), "-o", str(target))
    assert done.returncode == 0, done.stderr
    return target


def language_of(draft: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in draft.splitlines() if line.startswith("language:"))


def test_dutch_under_an_english_locale(zaaktype: Path, tmp_path: Path) -> None:
    done = run_procesmap("import", "zaaktype", str(zaaktype), cwd=tmp_path, env={"LANG": "C.UTF-8", "LC_ALL": "C"})
    assert done.returncode == 0, done.stderr
    assert language_of(done.stdout) == "nl"


@pytest.mark.parametrize(
    ("args", "env", "config"),
    [
        (["--lang", "en"], {}, None),
        ([], {"PROCESMAP_LANG": "en"}, None),
        ([], {}, 'language = "en"\n'),
    ],
    ids=["--lang", "PROCESMAP_LANG", "configuration"],
)
def test_what_is_asked_for_comes_first(
    zaaktype: Path, tmp_path: Path, args: list[str], env: dict[str, str], config: str | None
) -> None:
    if config is not None:
        (zaaktype.parent / "procesmap.toml").write_text(config, encoding="utf-8")
    done = run_procesmap("import", "zaaktype", str(zaaktype), *args, cwd=tmp_path, env={"LANG": "nl_NL.UTF-8", **env})
    assert done.returncode == 0, done.stderr
    assert language_of(done.stdout) == "en"

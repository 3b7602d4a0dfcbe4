"""An ``--output`` that ends in ``/`` names a folder. Where there is no such folder,
`diagram`, `diff` and `log` wrote a file of the folder's name (``-o kaarten/`` made the file ``kaarten``);
now exit 2 with a hint, and nothing is written. The same for every other command with ``--output`` (analyse,
advise, check, overview, export and import wrote the file ``kaarten`` too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

MAP = (
    "procesmap: 1\nid: loket\nname: Loket\nlanguage: {lang}\nowner: r\nvolume: 100/year\n"
    "roles:\n  r: {{name: Rol, people: 2}}\n"
    "steps:\n  - {{id: a, type: start, role: r, work: 1h, next: b}}\n  - {{id: b, type: end, role: r}}\n"
)
LOG = "case,activity,timestamp\n1,a,2024-01-01T10:00:00\n1,b,2024-01-02T10:00:00\n"


@pytest.mark.parametrize(
    "args",
    [
        ("diagram", "-f", "drawio", "loket.yaml"),
        ("diagram", "-f", "mermaid", "loket.yaml"),
        ("diff", "loket.yaml", "loket.yaml", "--cases", "200"),
        ("log", "stats", "log.csv"),
        ("log", "discover", "log.csv"),
        ("log", "compare", "loket.yaml", "log.csv", "--cases", "200"),
        ("analyse", "loket.yaml", "--cases", "200"),
        ("advise", "loket.yaml", "--cases", "200"),
        ("check", "loket.yaml"),
        ("overview", "loket.yaml"),
        ("export", "bpmn", "loket.yaml"),
        ("export", "xlsx", "loket.yaml"),
        ("export", "zaaktype", "loket.yaml"),
        ("import", "bpmn", "loket.bpmn"),
    ],
)
def test_an_output_ending_in_a_slash_is_a_folder_that_must_exist(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "loket.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    if "loket.bpmn" in args:
        assert run_procesmap("export", "bpmn", "loket.yaml", "-o", "loket.bpmn", cwd=tmp_path).returncode == 0
    result = run_procesmap(*args, "-o", "kaarten/", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert not (tmp_path / "kaarten").exists()  # no file named after the folder
    assert "--output kaarten/ ends in `/`" in result.stderr, result.stderr
    assert "hint: create the folder first (mkdir kaarten/)" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_output_ending_in_a_slash_is_told_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "loket.yaml").write_text(MAP.format(lang="nl"), encoding="utf-8")
    result = run_procesmap("diagram", "-f", "mermaid", "loket.yaml", "-o", "kaarten/", "--lang", "nl", cwd=tmp_path)
    assert result.returncode == 2
    assert "--output kaarten/ eindigt op `/`" in result.stderr and "tip: maak eerst de map" in result.stderr


def test_an_existing_folder_with_a_slash_is_still_refused_and_a_file_still_written(tmp_path: Path) -> None:
    (tmp_path / "loket.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (tmp_path / "kaarten").mkdir()
    result = run_procesmap("diagram", "-f", "mermaid", "loket.yaml", "-o", "kaarten/", cwd=tmp_path)
    assert result.returncode == 2 and "it is a folder" in result.stderr
    result = run_procesmap("diagram", "-f", "mermaid", "loket.yaml", "-o", "kaarten/loket.mmd", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kaarten" / "loket.mmd").read_text(encoding="utf-8").splitlines()[1] == "flowchart LR"


def test_a_diagram_of_a_dutch_map_says_written_in_dutch(tmp_path: Path) -> None:
    """The map is read, so the run speaks its language (docs/format.md, 'Messages and language'), also under LANG=C."""
    source = Path(__file__).resolve().parent.parent / "processes" / "omgevingsvergunning.yaml"  # language: nl, pages
    (tmp_path / "ov.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_procesmap("diagram", "ov.yaml", "-f", "svg", "-o", "ov.svg", cwd=tmp_path, env={"LANG": "C"})
    assert result.returncode == 0, result.stderr
    assert "diagram geschreven naar ov.svg" in result.stderr and "written" not in result.stderr, result.stderr


def test_a_diagram_of_a_broken_map_speaks_the_language_of_its_config(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("procesmap: 1\nid: kapot\nsteps: [\n", encoding="utf-8")
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "procesmap.toml").write_text('language = "nl"\n', encoding="utf-8")
    result = run_procesmap("diagram", "kapot.yaml", "--config", "cfg/procesmap.toml", cwd=tmp_path, env={"LANG": "C"})
    assert result.returncode == 2
    assert "tip:" in result.stderr and "hint:" not in result.stderr, result.stderr

"""--output is never a file the run reads (issue #19): one decision (:func:`procesmap._io.output_clash`) for
every command that writes, over the files named on the command line AND the files read indirectly: shared
organisation files, ``subprocess:`` maps, the configuration in force, a roles file, files found in a folder;
by any spelling, symbolic link or hard link. Every refusal leaves the file as it was (byte for byte)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procesmap._io import output_clash, read_limited, track_reads
from procesmap.cli import app

ORGANISATION = """\
procesmap: 1
kind: organisation
organisations:
  gemeente: {name: Gemeente Voorbeeld}
teams:
  vth: {name: Vergunningen, organisation: gemeente}
roles:
  behandelaar: {name: Behandelaar, team: vth, people: 3}
  secretaris: {name: Secretaris, team: vth, people: 2}
"""

PARENT = """\
procesmap: 1
id: vergunning
owner: behandelaar
volume: 100/year
steps:
  - {id: aanvraag, type: start, role: behandelaar, work: 1h, next: advies}
  - {id: advies, role: behandelaar, wait: 1d, subprocess: advies-welstand, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 2h}
"""

SUB = """\
procesmap: 1
id: advies-welstand
owner: secretaris
steps:
  - {id: ontvangen, type: start, role: secretaris, work: 30m, next: klaar}
  - {id: klaar, type: end, role: secretaris, work: 1h}
"""

CONFIG = "[simulation]\ncases = 200\n"
ROLES = "Anna: behandelaar\nBram: secretaris\n"
LOG = """\
case,activity,timestamp,resource
1,aanvraag,2024-03-04T09:00:00+01:00,Anna
1,besluit,2024-03-06T09:00:00+01:00,Anna
2,aanvraag,2024-03-04T09:00:00+01:00,Bram
2,besluit,2024-03-07T09:00:00+01:00,Anna
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    files = {
        "organisatie.yaml": ORGANISATION,
        "vergunning.yaml": PARENT,
        "advies-welstand.yaml": SUB,
        "procesmap.toml": CONFIG,
        "roles.yaml": ROLES,
        "log.csv": LOG,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    return tmp_path


def _invoke(repo: Path, *args: str) -> "object":
    old = os.getcwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(app, [*args, "--lang", "en"], catch_exceptions=False)
    finally:
        os.chdir(old)


def _snapshot(repo: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}


def _refused(repo: Path, *args: str) -> None:
    before = _snapshot(repo)
    result = _invoke(repo, *args)
    assert result.exit_code == 2, (args, result.output)
    assert "choose another --output" in result.output, (args, result.output)
    assert "Traceback" not in result.output
    assert _snapshot(repo) == before, args  # nothing written, nothing replaced


MAP = "vergunning.yaml"
#: (command line without -o, the indirect inputs it reads)
COMMANDS = {
    "analyse": (("analyse", MAP), ("organisatie.yaml", "advies-welstand.yaml", "procesmap.toml")),
    "check": (("check", MAP), ("organisatie.yaml", "advies-welstand.yaml", "procesmap.toml")),
    "overview": (("overview", MAP), ("organisatie.yaml", "advies-welstand.yaml", "procesmap.toml")),
    "diagram": (("diagram", MAP, "--format", "svg"), ("organisatie.yaml", "advies-welstand.yaml")),
    "export-bpmn": (("export", "bpmn", MAP), ("organisatie.yaml", "advies-welstand.yaml")),
    "diff": (
        ("diff", MAP, "--set", "roles.behandelaar.people=4", "--cases", "100"),
        ("organisatie.yaml", "advies-welstand.yaml"),
    ),
    "log-compare": (
        ("log", "compare", MAP, "log.csv", "--roles", "roles.yaml", "--cases", "100"),
        ("organisatie.yaml", "advies-welstand.yaml", "roles.yaml"),
    ),
    "log-stats": (("log", "stats", "log.csv", "--roles", "roles.yaml"), ("roles.yaml",)),
    "log-discover": (("log", "discover", "log.csv", "--roles", "roles.yaml", "--force"), ("roles.yaml",)),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_refuses_an_output_that_it_reads_indirectly(repo: Path, command: str) -> None:
    args, indirect = COMMANDS[command]
    for target in indirect:
        _refused(repo, *args, "-o", target)


@pytest.mark.parametrize("command", ["analyse", "check", "export-bpmn", "log-stats"])
def test_another_spelling_a_symbolic_or_a_hard_link_of_an_indirect_input_is_refused(repo: Path, command: str) -> None:
    args, indirect = COMMANDS[command]
    target = indirect[0]
    (repo / "out").mkdir()
    os.symlink(repo / target, repo / "out" / "symlink.md")
    os.link(repo / target, repo / "out" / "hardlink.md")
    for spelling in (f"./out/../{target}", str(repo / target), "out/symlink.md", "out/hardlink.md"):
        _refused(repo, *args, "-o", spelling)


def test_explicit_config_and_a_file_found_in_a_folder_are_refused(repo: Path) -> None:
    (repo / "other.toml").write_text(CONFIG, encoding="utf-8")
    _refused(repo, "check", MAP, "--config", "other.toml", "-o", "other.toml")
    _refused(repo, "analyse", ".", "-o", "advies-welstand.yaml")
    _refused(repo, "overview", ".", "-o", "organisatie.yaml")


def test_import_bpmn_refuses_its_own_input_even_with_force(repo: Path) -> None:
    exported = _invoke(repo, "export", "bpmn", MAP, "-o", "model.bpmn")
    assert exported.exit_code == 0, exported.output
    _refused(repo, "import", "bpmn", "model.bpmn", "-o", "model.bpmn", "--force")


def test_files_the_run_does_not_read_may_be_written(repo: Path) -> None:
    # diagram reads no configuration: procesmap.toml is no input of it (written here on purpose)
    result = _invoke(repo, "diagram", MAP, "--format", "svg", "-o", "plan.svg")
    assert result.exit_code == 0, result.output
    assert (repo / "plan.svg").read_text(encoding="utf-8").lstrip().startswith("<")
    result = _invoke(repo, "analyse", MAP, "-o", "report.md")
    assert result.exit_code in (0, 1), result.output
    assert (repo / "report.md").read_text(encoding="utf-8").startswith("# ")


def test_the_library_decision(repo: Path) -> None:
    with track_reads() as reads:
        read_limited(repo / "roles.yaml", 1000)
        assert output_clash(repo / "roles.yaml") == str(repo / "roles.yaml")
        assert output_clash(repo / "log.csv") is None
        assert output_clash(repo / "log.csv", [repo / "log.csv"]) == str(repo / "log.csv")
        assert output_clash(repo / "does-not-exist.md") is None
    assert output_clash(repo / "roles.yaml") is None  # outside the block nothing is recorded
    assert output_clash(repo / "roles.yaml", reads=reads) == str(repo / "roles.yaml")
    assert output_clash(repo / "organisatie.yaml", [repo]) == str(repo / "organisatie.yaml")

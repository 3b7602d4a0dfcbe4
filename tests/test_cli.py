"""The command line as a user runs it: exit codes, formats, languages, files written."""

from __future__ import annotations

import json
from typing import Any
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, bundled, format_example, run_procesmap


run = run_procesmap


def test_help_lists_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("analyse", "rules", "schema"):
        assert command in result.stdout


def test_analyse_bundled_folder_terminal() -> None:
    result = run("analyse", "processes/", "--lang", "en")
    assert result.returncode == 1, result.stderr  # the bundled maps have error findings on purpose
    assert "Traceback" not in result.stderr
    for file in bundled():
        assert f"({file.stem})" in result.stdout
    for heading in (
        "Handovers",
        "Ownership and RACI",
        "Cycle time and term time",
        "Where cases wait",
        "Utilisation per role",
        "Findings",
        "bottleneck",
    ):
        assert heading in result.stdout


def test_analyse_dutch_terminal_uses_decimal_comma() -> None:
    result = run("analyse", "processes/omgevingsvergunning.yaml", "--lang", "nl")
    assert "Overdrachten" in result.stdout and "Doorlooptijd" in result.stdout
    assert "1.200 zaken per jaar" in result.stdout
    assert "," in result.stdout.split("Doorlooptijd (dagen)")[1].split("\n")[0]


def test_json_to_stdout_is_a_list_for_several_files() -> None:
    result = run("analyse", "processes/", "--format", "json", "--lang", "en")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == len(bundled())
    single = json.loads(run("analyse", "processes/wmo-melding.yaml", "--format", "json").stdout)
    assert isinstance(single, dict) and single["process"]["id"] == "wmo-melding"


def test_fail_on_controls_exit_code(tmp_path: Path) -> None:
    clean = tmp_path / "schoon.yaml"
    clean.write_text(
        """\
procesmap: 1
id: schoon
owner: a
roles: {a: {people: 2}, b: {people: 2}}
steps:
  - {id: s, type: start, role: a, work: 1h, next: e}
  - {id: e, type: end, role: a, work: 1h, raci: {I: [b]}}
""",
        encoding="utf-8",
    )
    assert run("analyse", str(clean)).returncode == 0
    assert run("analyse", str(clean), "--fail-on", "info").returncode == 0
    spof = tmp_path / "spof.yaml"
    spof.write_text(clean.read_text().replace("a: {people: 2}", "a: {people: 1}"), encoding="utf-8")
    assert run("analyse", str(spof)).returncode == 0
    assert run("analyse", str(spof), "--fail-on", "warning").returncode == 1


def test_output_file_and_format_from_suffix(tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    result = run("analyse", "processes/wmo-melding.yaml", "--output", str(out), "--lang", "nl")
    assert result.returncode in (0, 1)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Bevindingen" in text
    out_json = tmp_path / "r.json"
    run("analyse", "processes/wmo-melding.yaml", "-o", str(out_json))
    assert json.loads(out_json.read_text(encoding="utf-8"))["format"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_to_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run("analyse", "processes/wmo-melding.yaml", "-o", str(tmp_path / "nope" / "r.json"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_seed_and_cases_change_only_the_simulation(tmp_path: Path) -> None:
    a = json.loads(
        run("analyse", "processes/omgevingsvergunning.yaml", "-f", "json", "--seed", "1", "--cases", "500").stdout
    )
    b = json.loads(
        run("analyse", "processes/omgevingsvergunning.yaml", "-f", "json", "--seed", "1", "--cases", "500").stdout
    )
    assert a == b
    assert a["time"]["simulation"] == {"cases": 500, "seed": 1, "means": a["time"]["simulation"]["means"]}
    bad = run("analyse", "processes/omgevingsvergunning.yaml", "--cases", "-5")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_bad_file_exit_2_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(
        format_example().replace("wait: 5d", "wait: 5 dagen").replace("role: adviseur-odr", "role: adviseur-odx"),
        encoding="utf-8",
    )
    result = run("analyse", str(bad), "--lang", "nl")
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr and "bedoel je `5d`?" in result.stderr and "adviseur-odr" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_file_in_a_folder_still_reports_the_others(tmp_path: Path) -> None:
    (tmp_path / "goed.yaml").write_text(format_example(), encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("procesmap: 1\nid: kapot\nsteps: [\n", encoding="utf-8")
    result = run("analyse", str(tmp_path), "--format", "json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["process"]["id"] == "omgevingsvergunning"
    assert "kapot.yaml:" in result.stderr


def test_missing_path_and_directory_without_maps(tmp_path: Path) -> None:
    result = run("analyse", str(tmp_path / "bestaat-niet.yaml"))
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run("analyse", str(tmp_path))
    assert result.returncode == 2 and "no process files" in result.stderr


def test_rules_list_and_explain() -> None:
    listing = run("rules", "--lang", "en")
    assert listing.returncode == 0
    for code in ("PM101", "PM204", "PM405", "PM501"):
        assert code in listing.stdout
    explain = run("rules", "PM204", "--lang", "nl")
    assert explain.returncode == 0
    assert "Waarom dit ertoe doet" in explain.stdout and "people: 1" in explain.stdout
    assert "single-point-of-failure" in explain.stdout
    unknown = run("rules", "PM999")
    assert unknown.returncode == 2 and "PM999" in unknown.stderr


def test_schema_validates_bundled_maps_and_rejects_bad_ones() -> None:
    import jsonschema
    import yaml

    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for file in bundled():
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert not errors, f"{file.name}: {errors[0].message}"
    bad = yaml.safe_load(format_example().replace("wait: 5d", "wait: 5 dagen"))
    assert list(validator.iter_errors(bad))


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; sys.argv=['procesmap','--help']\n"
        "from procesmap.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', sorted(m for m in ('numpy','pandas','matplotlib','networkx','pydantic') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_language_from_process_file_and_env(lang: str) -> None:
    result = run("analyse", "processes/wmo-melding.yaml", env={"PROCESMAP_LANG": lang})
    assert ("Bevindingen" if lang == "nl" else "Findings") in result.stdout
    default = run("analyse", "processes/wmo-melding.yaml")
    assert "Bevindingen" in default.stdout  # the map says language: nl


def test_help_names_what_an_option_takes() -> None:
    """``--set KEY=VALUE`` and ``--seed N``, never the Python type (``--set <list[str]>``, ``--seed <int>``); the
    choices of a fixed set stay (``--lang <nl|en>``)."""
    from typer.main import get_command

    from procesmap.cli import app

    def commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
        found: list[tuple[str, ...]] = []
        for name, command in getattr(group, "commands", {}).items():
            found += commands(command, (*path, name)) if hasattr(command, "commands") else [(*path, name)]
        return found

    listed = commands(get_command(app))
    assert len(listed) >= 19 and ("log", "stats") in listed
    for path in listed:
        result = run(*path, "--help", env={"COLUMNS": "200"})
        assert result.returncode == 0, (path, result.stderr)
        options = [line.split()[:3] for line in result.stdout.splitlines() if line.lstrip().startswith("-")]
        assert options, path
        for words in options:
            taken = [w for w in words if w.startswith("<")]
            assert all("|" in w for w in taken), (path, words)  # a Python type instead of a name
    analyse = run("analyse", "--help", env={"COLUMNS": "200"}).stdout
    assert "--set KEY=VALUE" in analyse and "--seed N" in analyse and "--lang <nl|en>" in analyse

"""The examples of README.md and docs/ run and give what the pages say.

- Every fenced `python` block runs as it stands, from the root of a clone, with exit code 0.
- The configuration example of docs/ci.md is valid and sets what its comments say.
- The shared organisation file of docs/repository.md serves a map in its folder.
- The README's two commands are those `.ci/run` runs, for the Python `pyproject.toml` asks for.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import procesmap
from procesmap.config import load_config
from procesmap.errors import LoadError

from .conftest import ROOT, format_example, run_procesmap

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(language: str, pages: list[Path] = PAGES) -> list[tuple[str, str]]:
    """(page:line, text) of every fenced block of `language`."""
    found = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for block in FENCE.finditer(text):
            if block.group(1) == language:
                where = f"{page.relative_to(ROOT).as_posix()}:{text.count(chr(10), 0, block.start()) + 1}"
                found.append((where, block.group(2)))
    return found


PYTHON = _blocks("python")


def test_the_pages_have_python_examples() -> None:
    assert {where.split(":")[0] for where, _ in PYTHON} >= {"README.md", "docs/bpmn.md", "docs/diagrams.md"}


@pytest.mark.parametrize(("where", "code"), PYTHON, ids=[where for where, _ in PYTHON])
def test_python_example_runs(where: str, code: str) -> None:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{where}:\n{result.stderr[-2000:]}"


def test_a_broken_python_example_fails() -> None:
    """The runner sees an example that uses a name it never defines (docs/bpmn.md's did: `process`)."""
    code = "from procesmap.bpmn import export_bpmn\nexport_bpmn(process)\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "NameError" in result.stderr


def test_the_configuration_example_does_what_its_comments_say(tmp_path: Path) -> None:
    [(where, text)] = _blocks("toml", [ROOT / "docs" / "ci.md"])[:1]
    assert text.startswith("# procesmap.toml"), where
    (tmp_path / "procesmap.toml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path / "procesmap.toml")
    assert (config.extends, config.language, config.fail_on) == ("recommended", "nl", "error")
    assert (config.cases, config.seed) == (10000, 0)
    assert config.zaaktypen is not None and Path(config.zaaktypen).resolve() == tmp_path / "catalogus.zip"
    # each rule once: by code (PM102, PM204, PM303, PM601) or by name (ping-pong is PM104)
    assert config.severities == {"PM102": "off", "PM204": "error", "PM303": "warning", "PM104": "info", "PM601": "off"}
    assert config.options == {"PM303": {"threshold": 0.9}, "PM302": {"share": 0.1}, "PM305": {"share": 0.3}}


def test_the_shared_organisation_file_serves_a_map(tmp_path: Path) -> None:
    [(where, shared)] = _blocks("yaml", [ROOT / "docs" / "repository.md"])[:1]
    assert "kind: organisation" in shared, where
    (tmp_path / "organisatie.yaml").write_text(shared, encoding="utf-8")
    (tmp_path / "vraag.yaml").write_text(
        "procesmap: 1\nid: vraag\nowner: kcc-medewerker\nsteps:\n"
        "  - {id: ontvangst, type: start, role: kcc-medewerker, work: 10m, system: zaaksysteem, next: klaar}\n"
        "  - {id: klaar, type: end, role: kcc-medewerker, work: 5m}\n",
        encoding="utf-8",
    )
    result = run_procesmap("analyse", ".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"organisations": 1' in result.stdout and '"kcc-medewerker"' in result.stdout


def _readme_commands() -> list[str]:
    """The README's fenced shell commands that start from a fresh virtual environment."""
    return [code.strip() for _, code in _blocks("sh", [ROOT / "README.md"]) if code.startswith("python3 -m venv")]


def test_the_readme_commands_are_those_ci_runs() -> None:
    install, tests = _readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert install == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -c constraints.txt -e . && procesmap analyse processes/"
    )
    # the test command is .ci/run's, step for step (its pip is quiet: -q)
    for step in tests.split(" && "):
        assert step in steps or step.replace("pip install ", "pip install -q ") in steps, step
    assert "Python 3.11" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


QUALIFIED = re.compile(r"`(procesmap(?:\.[A-Za-z_]\w*)+)(?:\(\))?`")


def _resolves(name: str) -> bool:
    """`procesmap.loading.MAX_BYTES` names a module and an attribute in it (a file such as procesmap.toml: no)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for part in parts[cut:]:
                found = getattr(found, part)
        except AttributeError:
            return False
        return True
    return False


def _unresolved(pages: list[Path]) -> list[str]:
    problems = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for match in QUALIFIED.finditer(text):
            if match.group(1) != "procesmap.toml" and not _resolves(match.group(1)):
                where = f"{page.relative_to(ROOT).as_posix()}:{text.count(chr(10), 0, match.start()) + 1}"
                problems.append(f"{where}: `{match.group(1)}` is no module or name of procesmap")
    return problems


def test_every_python_name_the_docs_give_exists() -> None:
    """Modules, functions and limits the pages name (`procesmap.render.bounds.MAX_PDF_TABLE_ROWS`) exist."""
    assert _unresolved(PAGES) == []
    assert _resolves("procesmap.analysis.limits.MAX_SIMULATION_WORK")
    assert not _resolves("procesmap.analysis.limits.MAX_SIMULATION_WORKS")
    assert not _resolves("procesmap.no_such_module")


FILE = re.compile(r"`((?:procesmap|tests|benchmarks|scripts|docs|examples|processes|\.ci)/[\w./-]*)`")


def _missing_files(pages: list[Path], text: str | None = None) -> list[str]:
    """Paths of the repository the pages name in backticks (`procesmap/analysis/queueing.py`) that are not there."""
    problems = []
    for page in pages:
        content = page.read_text(encoding="utf-8") if text is None else text
        for match in FILE.finditer(content):
            path = match.group(1)
            if not (ROOT / path).exists() and not (page.parent / path).exists():
                where = f"{page.relative_to(ROOT).as_posix()}:{content.count(chr(10), 0, match.start()) + 1}"
                problems.append(f"{where}: `{path}` is not in the repository")
    return problems


def test_every_file_the_docs_name_is_there() -> None:
    assert _missing_files(PAGES) == []
    broken = "`procesmap/model.py` `tests/test_eventlog_pm4py.py` `docs/rules/` `procesmap/<area>.py`"
    assert _missing_files([ROOT / "README.md"], broken) == [
        "README.md:1: `tests/test_eventlog_pm4py.py` is not in the repository"
    ]


def _concrete_commands() -> list[tuple[str, list[str]]]:
    """The command lines of the pages that analyse a bundled map with `--set`, as a user would copy them."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"procesmap (analyse processes/[\w.-]+\.yaml(?: --set [\w.=-]+)+)", text):
            where = f"{page.relative_to(ROOT).as_posix()}:{text.count(chr(10), 0, match.start()) + 1}"
            found.append((where, match.group(1).split()))
    return found


CONCRETE = _concrete_commands()


def test_the_pages_show_what_if_commands() -> None:
    assert {where.split(":")[0] for where, _ in CONCRETE} >= {"docs/advise.md", "docs/serve.md"}


@pytest.mark.parametrize(("where", "args"), CONCRETE, ids=[where for where, _ in CONCRETE])
def test_what_if_command_runs(where: str, args: list[str]) -> None:
    """Every path and value such a command sets exists in the bundled map (exit 0 or 1, never 2)."""
    result = run_procesmap(*args, "--format", "json", "--cases", "500")
    assert result.returncode in (0, 1), f"{where}: {result.stderr}"


def test_the_readme_what_if_runs_on_the_format_example(tmp_path: Path) -> None:
    """README: `--set roles.adviseur-odr.people=2 --set steps.advies.via=zaaksysteem`, on the map of format.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sets = re.search(r"What-if: `(--set [^`]+)`", readme)
    assert sets, "README.md's what-if example"
    (tmp_path / "omgevingsvergunning.yaml").write_text(format_example(), encoding="utf-8")
    result = run_procesmap("analyse", "omgevingsvergunning.yaml", *sets.group(1).split(), "-f", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["handovers"]["transitions"]["manual"] == 0  # advies is no longer reached by mail
    assert report["capacity"]["roles"]["adviseur-odr"]["capacity_hours"] == 2 * 1840  # two people now


def test_the_out_of_order_work_example_is_out_of_order() -> None:
    """docs/format.md, Durations: its triangular `work` that is out of order on 8-hour days is refused as
    work and read as a wait (elapsed time). The page's example had been in order on both clocks."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = re.search(r"`(\{min: [^`]+\})` is out of order with 8-hour days", text)
    assert example, "docs/format.md's out-of-order work example"
    advice = "work: {min: 2h, mode: 4h, max: 12h}"
    assert advice in format_example()
    with pytest.raises(LoadError, match="min <= mode <= max"):
        procesmap.loads(format_example().replace(advice, f"work: {example.group(1)}"), "o.yaml")
    as_wait = format_example().replace(advice, f"wait: {example.group(1)}").replace("    wait: 5d\n", "")
    assert procesmap.loads(as_wait, "o.yaml").steps[3].wait is not None

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
SHARED = Path(os.environ.get("PROCESMAP_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("PROCESMAP_UPDATE_GOLDEN") == "1"
# In CI (`.ci/run`) every test must run: a missing tool or data set fails the test instead of
# skipping it. Locally, without the variable, such a test skips with the one reason `need` gives.
STRICT = os.environ.get("PROCESMAP_STRICT") == "1"
# The simulation cache (procesmap/analysis/simcache.py) of a test run lives in a folder of its own that
# goes with the run: tests never read nor fill a developer's ~/.cache/procesmap. Maps that many tests
# analyse are simulated once and then read back, so the read path is exercised by the whole suite.
_CACHE = tempfile.mkdtemp(prefix="procesmap-test-cache-")
os.environ["PROCESMAP_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def unavailable(reason: str) -> NoReturn:
    """Skip the running test because something it needs is missing; fail instead under PROCESMAP_STRICT=1."""
    if STRICT:
        pytest.fail(f"PROCESMAP_STRICT=1 and {reason}", pytrace=False)
    pytest.skip(reason)


def need(available: object, reason: str) -> None:
    """Go on when `available` is true, else skip with `reason` (fail under PROCESMAP_STRICT=1).

    `reason` names what is missing and how to get it, e.g.
    `need(shutil.which("pdffonts"), "pdffonts is not installed (apt-get install poppler-utils)")`.
    Use this for every test that needs a tool or data set outside the package; never a bare
    `pytest.skip`, `skipif` or an early `return`.
    """
    if not available:
        unavailable(reason)


def need_tool(name: str, install: str) -> str:
    """The path of the program `name`; skips (or fails under PROCESMAP_STRICT=1) when it is not on PATH."""
    path = shutil.which(name)
    need(path, f"{name} is not installed ({install})")
    assert path is not None
    return path


def need_shared(*parts: str | Path) -> Path:
    """A path in the third-party data set (`../shared` or PROCESMAP_SHARED): `need_shared("data", "bpmn")`,
    or a path built from SHARED already. Skips (fails under PROCESMAP_STRICT=1) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not (SHARED / "data").is_dir():
        need(
            False,
            f"needs the third-party data set {SHARED / 'data'}, which is not here "
            "(put ../shared beside the clone or set PROCESMAP_SHARED)",
        )
    need(path.exists(), f"needs {path} of the third-party data set, which is not there")
    return path


def shared_files(*patterns: str) -> list[Path]:
    """The files of the shared data set matching `patterns` (relative to its `data/`), for `parametrize`.

    Without the data set this is one placeholder path, so that the test is collected and its
    `need_shared(path)` skips it with the reason (or fails it under PROCESMAP_STRICT=1) instead of
    pytest's silent "empty parameter set".
    """
    base = SHARED / "data"
    files = [file for pattern in patterns for file in sorted(base.glob(pattern))]
    return files or [base / patterns[0]]


def check_golden(path: Path, actual: str | bytes) -> None:
    """`actual` must equal the golden file `path`. With PROCESMAP_UPDATE_GOLDEN=1 the file is (re)written
    instead; a missing golden file fails (it is never written silently, so a test cannot pass on its
    own output)."""
    binary = isinstance(actual, bytes)
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        if binary:
            path.write_bytes(actual)  # type: ignore[arg-type]
        else:
            path.write_text(actual, encoding="utf-8")  # type: ignore[arg-type]
        return
    if not path.exists():
        pytest.fail(
            f"golden file {path.relative_to(ROOT)} is missing: write it with PROCESMAP_UPDATE_GOLDEN=1 "
            "and read it before committing",
            pytrace=False,
        )
    expected = path.read_bytes() if binary else path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs (PROCESMAP_UPDATE_GOLDEN=1 to accept a deliberate change)"


def bundled() -> list[Path]:
    return sorted(PROCESSES.glob("*.yaml"))


def format_example() -> str:
    """The example map of docs/format.md ("A map in one look"): its first YAML block."""
    return (ROOT / "docs" / "format.md").read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def the_one_problem(text: str, name: str = "p.yaml") -> Any:
    """The one :class:`procesmap.errors.Problem` that loading ``text`` (as the file ``name``) raises; fails on
    a text that loads or gives more than one."""
    from procesmap.errors import LoadError
    from procesmap.loading import loads

    with pytest.raises(LoadError) as caught:
        loads(text, name)
    (problem,) = caught.value.problems
    return problem


def run_procesmap(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m procesmap ARGS`` in a child process, as from a user's shell: no ``PROCESMAP_LANG`` (the map's
    or the configuration's language, else English), UTF-8, 120 columns; ``env`` adds to that or overrides it."""
    environment = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8", "COLUMNS": "120", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "procesmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """``git ARGS`` in ``repo`` as a test author (no user configuration read); its output. Fails on an error."""
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        **(env or {}),
    }
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=environment).stdout


def invoke_cli(*args: str, cwd: Path | None = None) -> Any:
    """``procesmap ARGS`` through typer's runner (in ``cwd`` if given); fails the test on any exception but the exit
    (a traceback is never a user's answer). The result has ``exit_code`` and ``output``."""
    from typer.testing import CliRunner

    from procesmap.cli import app

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, [*args], catch_exceptions=True)
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


#: A small map whose role `behandelaar` is one person without a backup (PM204); `{comment}` marks the end of
#: that role's line, for a suppression comment (tests of diagram and export xlsx through the configuration).
ONE_PERSON_MAP = """\
procesmap: 1
id: melding
name: Melding
language: en
owner: behandelaar
volume: 200/year
roles:
  behandelaar: {name: Behandelaar, people: 1}{comment}
  teamleider: {name: Teamleider, people: 2}
steps:
  - {id: start, name: Ontvangen, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, name: Besluit, type: end, role: teamleider, wait: 1d, work: 1h}
"""

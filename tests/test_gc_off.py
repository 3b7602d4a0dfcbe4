"""A command runs without the cyclic garbage collector (procesmap.cli.collector_off); serve turns it on again."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import procesmap.cli as cli
from tests.conftest import ROOT


@pytest.fixture
def collector_restored() -> object:
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_a_command_runs_with_the_collector_off_and_it_is_on_again_after(
    monkeypatch: pytest.MonkeyPatch, collector_restored: object
) -> None:
    seen: list[bool] = []

    def command(**kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "app", command)
    gc.enable()
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0 and seen == [False] and gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    with pytest.raises(SystemExit):
        cli.main()
    assert seen == [False, False] and not gc.isenabled()


def test_a_failing_command_also_turns_it_on_again(monkeypatch: pytest.MonkeyPatch, collector_restored: object) -> None:
    def command(**kwargs: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", command)
    gc.enable()
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 130 and gc.isenabled()


def test_serve_runs_with_the_collector_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, collector_restored: object
) -> None:
    import procesmap.serve

    seen: list[bool] = []

    def serving(*args: object, **kwargs: object) -> None:
        seen.append(gc.isenabled())

    monkeypatch.setattr(procesmap.serve, "serve", serving)
    monkeypatch.setattr(sys, "argv", ["procesmap", "serve", str(ROOT / "processes" / "wmo-melding.yaml")])
    gc.enable()
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0 and seen == [True]


def test_python_m_procesmap_turns_it_off_before_the_command_line_is_imported() -> None:
    code = (
        "import gc, runpy, sys\n"
        "sys.argv = ['procesmap', '--version']\n"
        "try:\n"
        "    runpy.run_module('procesmap', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('cli' , 'procesmap.cli' in sys.modules, 'collector', gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "cli True collector False"

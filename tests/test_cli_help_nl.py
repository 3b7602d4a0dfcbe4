"""``--help`` in Dutch: every help text through the catalogue procesmap/i18n/cli_help.py, chosen by the environment.

The help texts are read from the command tree typer builds (``typer.main.get_command(app)``, groups included) in a
child process per language, so that the language of this test process does not matter.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest

from procesmap.i18n.cli_help import HELP_LABELS_NL, HELP_NL

from .conftest import ROOT, run_procesmap

#: A child process that prints every help text of the command line, and every command's help page, as JSON.
_DUMP = """
import json
import typer
from procesmap.cli import app

texts, pages = [], {}

def walk(command, path, parent):
    ctx = command.make_context(path[-1] if path else "procesmap", [], parent=parent, resilient_parsing=True)
    where = " ".join(path) or "procesmap"
    if command.help:
        texts.append([where, "help", command.help])
    if command.short_help:
        texts.append([where, "short_help", command.short_help])
    for param in command.params:
        if getattr(param, "help", None):
            texts.append([where, param.name, param.help])
    pages[where] = command.get_help(ctx)
    for name, sub in getattr(command, "commands", {}).items():
        walk(sub, [*path, name], ctx)

walk(typer.main.get_command(app), [], None)
print(json.dumps({"texts": texts, "pages": pages}))
"""

#: Environment variables that decide the language (procesmap.i18n.default_language): cleared, then set per test.
_NO_LANGUAGE = {"PROCESMAP_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def _dump(env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _DUMP],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **_NO_LANGUAGE, "COLUMNS": "120", **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    dump: dict[str, Any] = json.loads(result.stdout)
    return dump


@pytest.fixture(scope="module")
def english() -> dict[str, Any]:
    return _dump({"PROCESMAP_LANG": "en"})


@pytest.fixture(scope="module")
def dutch() -> dict[str, Any]:
    return _dump({"PROCESMAP_LANG": "nl"})


def _flat(text: str) -> str:
    """Text without its whitespace: help is wrapped at the terminal's width (and after a hyphen)."""
    return "".join(text.split())


def test_every_help_text_has_a_dutch_entry(english: dict[str, Any]) -> None:
    texts = english["texts"]
    commands = {where for where, _, _ in texts}
    assert {"procesmap", "analyse", "log", "log stats", "export", "export bpmn", "import zaaktype"} <= commands
    assert len(texts) >= 150  # every command, group, option and argument with a help text
    missing = sorted({text for _, _, text in texts if text not in HELP_NL})
    assert not missing, "help texts without a Dutch entry in procesmap/i18n/cli_help.py:\n" + "\n".join(missing)


def test_no_entry_is_stale(english: dict[str, Any]) -> None:
    shown = {text for _, _, text in english["texts"]}
    stale = sorted(set(HELP_NL) - shown)
    assert not stale, "entries of procesmap/i18n/cli_help.py that no command shows:\n" + "\n".join(stale)


def test_dutch_replaces_every_help_text(english: dict[str, Any], dutch: dict[str, Any]) -> None:
    """Under PROCESMAP_LANG=nl each command, group, option and argument shows the Dutch entry of its English text."""
    assert len(dutch["texts"]) == len(english["texts"])
    for (where, field, text), (where_nl, field_nl, text_nl) in zip(english["texts"], dutch["texts"]):
        assert (where_nl, field_nl) == (where, field)
        assert text_nl == HELP_NL.get(text), (where, field, text)


#: What must stay as it is in a translation: option names, code literals, file names and suffixes, keys with
#: ``_`` or ``:`` (``fail_on``, ``case:concept:name``), ``--set`` paths, environment variables and numbers.
_LITERAL = re.compile(
    r"--[\w-]+|`[^`]+`|[\w./~-]*\.(?:yaml|yml|toml|png|svg|pdf|bpmn|xlsx|xes|gz|csv|parquet|json)\b"
    r"|\b\w+(?:[_:=.]\w+)+\b(?<!e\.g)|\d+"
)


@pytest.mark.parametrize("english_text", sorted(HELP_NL))
def test_dutch_keeps_options_literals_and_numbers(english_text: str) -> None:
    dutch_text = HELP_NL[english_text]
    assert dutch_text.strip() and dutch_text != english_text
    for literal in _LITERAL.findall(english_text):
        assert literal in dutch_text, (literal, dutch_text)
    assert dutch_text.count("`") == english_text.count("`")
    assert dutch_text.rstrip()[-1] == english_text.rstrip()[-1]  # a sentence stays a sentence


def test_dutch_pages_have_no_english_labels(english: dict[str, Any], dutch: dict[str, Any]) -> None:
    """typer's own labels in Dutch on every help page; in English under PROCESMAP_LANG=en."""
    assert dutch["pages"].keys() == english["pages"].keys()
    for where, page in dutch["pages"].items():
        assert page.startswith("Gebruik: "), where
        for label in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message and exit.", "[required]"):
            assert label not in page, (where, label)
        assert "[default:" not in _flat(page), where
        assert "Opties:" in page and _flat(HELP_LABELS_NL["Show this message and exit."]) in _flat(page), where
    for where, page in english["pages"].items():
        assert page.startswith("Usage: ") and "Show this message and exit." in page, where
        assert "Gebruik:" not in page and "Opties:" not in page, where


def test_analyse_help_in_dutch_from_procesmap_lang() -> None:
    result = run_procesmap("analyse", "--help", env={**_NO_LANGUAGE, "PROCESMAP_LANG": "nl"})
    assert result.returncode == 0, result.stderr
    page = result.stdout
    for english_text in (
        "Analyse process maps and report handovers, ownership, time, capacity and findings.",
        "Process files, or folders searched for *.yaml.",
        "What-if: change the map without editing the file, e.g. --set roles.adviseur-odr.people=2 (repeatable).",
    ):
        assert _flat(HELP_NL[english_text]) in _flat(page)
        assert _flat(english_text) not in _flat(page)
    assert page.startswith("Gebruik: ") and "procesmap analyse [OPTIONS]" in page  # python -m procesmap analyse
    assert "Argumenten:" in page and "Opties:" in page
    assert "[verplicht]" in page and "[standaard:a3]" in _flat(page)  # PATHS; --paper's default
    assert "Toon deze hulp en stop." in page
    # what an option takes stays as it is (tests/test_cli.py, test_help_names_what_an_option_takes)
    assert "--set KEY=VALUE" in page and "--seed N" in page and "--lang <nl|en>" in page


def test_analyse_help_in_english_from_procesmap_lang() -> None:
    result = run_procesmap("analyse", "--help", env={**_NO_LANGUAGE, "PROCESMAP_LANG": "en", "LANG": "nl_NL.UTF-8"})
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert _flat("Analyse process maps and report handovers, ownership, time, capacity and findings.") in _flat(page)
    assert page.startswith("Usage: ") and "Options:" in page and "[required]" in page
    assert "Show this message and exit." in page and "[default:a3]" in _flat(page)
    assert "Gebruik:" not in page and "Analyseer" not in page
    assert "--set KEY=VALUE" in page and "--seed N" in page


@pytest.mark.parametrize("variable", ["LANG", "LC_ALL", "LC_MESSAGES"])
def test_dutch_locale_without_procesmap_lang(variable: str) -> None:
    """``LANG=nl_NL.UTF-8`` (or LC_ALL, LC_MESSAGES) without PROCESMAP_LANG gives Dutch help, the overview too."""
    result = run_procesmap("--help", env={**_NO_LANGUAGE, variable: "nl_NL.UTF-8"})
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("Gebruik: ") and "procesmap [OPTIONS] COMMAND [ARGS]..." in page
    app_help = "Turn process maps from workshops into findings: handovers, ownership, waits and capacity."
    assert _flat(HELP_NL[app_help]) in _flat(page)
    assert "Opdrachten:" in page and "Opties:" in page
    assert "Toon de versie en stop." in page
    # the short help of each command in the overview: the start of its Dutch help
    assert "analyse   Analyseer proceskaarten" in page
    assert "log       Eventlogs (XES, CSV, Parquet): statistieken" in page
    assert "Turn process maps" not in page and "Commands:" not in page


def test_group_help_and_no_arguments_in_dutch() -> None:
    """A group's page (``log``) and the page ``procesmap`` prints without arguments."""
    log = run_procesmap("log", "--help", env={**_NO_LANGUAGE, "PROCESMAP_LANG": "nl"})
    assert log.returncode == 0, log.stderr
    log_help = "Event logs (XES, CSV, Parquet): statistics, the map against the log, a draft map."
    assert _flat(HELP_NL[log_help]) in _flat(log.stdout)
    assert "stats     Zaken, events, varianten" in log.stdout and "Opdrachten:" in log.stdout
    bare = run_procesmap(env={**_NO_LANGUAGE, "PROCESMAP_LANG": "nl"})
    assert bare.stderr.startswith("Gebruik: ") and "procesmap [OPTIONS] COMMAND [ARGS]..." in bare.stderr
    assert "Opdrachten:" in bare.stderr

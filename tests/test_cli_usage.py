"""A command line typer cannot read: procesmap's own message in the user's language with a hint, exit 2.

typer wrote these in English only ("Error: Invalid value for '--cases': Input should be a valid integer"), under
a usage line that was Dutch once --help was: a Dutch user typing ``--cases veel`` or ``--activities 0,5`` got
half a sentence in each language.
"""

from __future__ import annotations

import pytest

from .conftest import run_procesmap

CASES = [
    (
        ("analyse", "processes", "--cases", "veel"),
        "procesmap analyse: `--cases` verwacht een geheel getal, geen `veel`",
        "procesmap analyse: `--cases` takes a whole number, not `veel`",
        "`procesmap analyse --help`",
    ),
    (
        ("analyse", "processes", "--cases=1,5"),
        "procesmap analyse: `--cases` verwacht een geheel getal, geen `1,5`",
        "procesmap analyse: `--cases` takes a whole number, not `1,5`",
        "`procesmap analyse --help`",
    ),
    (
        ("log", "discover", "log.csv", "--activities", "0,5"),
        "procesmap log discover: `--activities` verwacht een getal, geen `0,5`",
        "procesmap log discover: `--activities` takes a number, not `0,5`",
        "`--activities 0.5`",
    ),
    (
        ("analyse", "processes", "--lang", "de"),
        "procesmap analyse: `--lang` is een van nl, en, niet `de`",
        "procesmap analyse: `--lang` is one of nl, en, not `de`",
        "`procesmap analyse --help`",
    ),
    (
        ("analyse", "processes", "--fial-on", "info"),
        "procesmap analyse: onbekende optie `--fial-on`",
        "procesmap analyse: unknown option `--fial-on`",
        "`--fail-on`",
    ),
    (
        ("analyse", "processes", "--bogus"),
        "procesmap analyse: onbekende optie `--bogus`",
        "procesmap analyse: unknown option `--bogus`",
        "`procesmap analyse --help`",
    ),
    (("analyse",), "procesmap analyse: PATHS ontbreekt", "procesmap analyse: PATHS is missing", "--help"),
    (
        ("analyse", "processes", "--fail-on"),
        "procesmap analyse: `--fail-on` heeft een waarde nodig",
        "procesmap analyse: `--fail-on` needs a value",
        "`procesmap analyse --help`",
    ),
    (
        ("analys", "processes"),
        "procesmap: onbekende opdracht `analys`",
        "procesmap: unknown command `analys`",
        "`analyse`",
    ),
    (
        ("diagram", "a.yaml", "b.yaml"),
        "procesmap diagram: onverwacht argument `b.yaml`",
        "procesmap diagram: unexpected argument `b.yaml`",
        "`procesmap diagram --help`",
    ),
]


@pytest.mark.parametrize(
    ("args", "dutch", "english", "hint"), CASES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None
)
def test_a_command_line_typer_cannot_read_is_a_message_in_the_users_language(
    args: tuple[str, ...], dutch: str, english: str, hint: str
) -> None:
    for lang, expected, label in (("nl", dutch, "tip: "), ("en", english, "hint: ")):
        result = run_procesmap(*args, env={"PROCESMAP_LANG": lang})
        assert result.returncode == 2, (lang, result.stderr)
        lines = result.stderr.splitlines()
        assert lines[0] == expected, (lang, result.stderr)
        assert lines[1].startswith("  " + label) and hint in lines[1], (lang, result.stderr)
        assert "Traceback" not in result.stderr and "Usage" not in result.stderr and "Error:" not in result.stderr
        assert result.stdout == ""


def test_help_and_a_bare_group_still_print_their_help() -> None:
    assert run_procesmap("--help").returncode == 0
    bare = run_procesmap("log")
    assert bare.returncode == 2 and "discover" in bare.stdout + bare.stderr  # typer's help of the group, as before
    assert run_procesmap("--version").stdout.startswith("procesmap ")

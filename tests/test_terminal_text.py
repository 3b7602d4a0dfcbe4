"""Terminal output: workshop text prints as written, and every table fits the terminal's width.

Names of processes, roles, systems and organisations, knelpunt texts, and activity and resource names in an
event log are typed by people: ``[/]`` or ``[bold]`` in them is text, not rich markup. Before, a map named
``Wmo [/] melding`` made ``analyse``, ``advise``, ``overview`` and ``log stats`` end in a ``MarkupError``
traceback. ``advise`` and ``overview`` printed at a fixed 120 or 140 columns whatever the terminal; advise's
last column was cut off (its header ended in "Do").
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PROCESSES, ROOT, run_procesmap

HOSTILE = {
    "name: Wmo-melding tot beschikking maatwerkvoorziening": 'name: "Wmo [/] melding [bold]x :smile:"',
    "name: Wijkconsulent,": 'name: "Wijk[/]consulent [red]",',
    "name: Beveiligde e-mail (Zivver)": 'name: "Zivver [/b]"',
    "name: Gemeente Veenendijk": 'name: "Gemeente [/] V"',
    "Aanvraag en advies gaan per Zivver": "Aanvraag [/] en [link=x]advies gaan per Zivver",
}


def run(*args: str, cwd: Path, columns: int = 120) -> subprocess.CompletedProcess[str]:
    return run_procesmap(*args, cwd=cwd, env={"PROCESMAP_LANG": "nl", "COLUMNS": str(columns)})


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    text = (PROCESSES / "wmo-melding.yaml").read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text, old
        text = text.replace(old, new)
    (folder / "wmo-melding.yaml").write_text(text, encoding="utf-8")
    (folder / "log.csv").write_text(
        "case,activity,timestamp,resource\n"
        "1,[/] start,2024-01-01T10:00:00,[bold]anna\n"
        "1,eind [/b],2024-01-02T10:00:00,piet [/]\n"
        "2,[/] start,2024-01-01T10:00:00,[bold]anna\n"
        "2,eind [/b],2024-01-03T10:00:00,piet [/]\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    ("args", "codes", "expected"),
    [
        (("analyse", "wmo-melding.yaml", "--cases", "200"), {0, 1}, ["Wmo [/] melding [bold]x :smile:", "Zivver [/b]"]),
        (("analyse", "wmo-melding.yaml", "--cases", "200", "-o", "report.txt"), {0, 1}, []),
        (("advise", "wmo-melding.yaml", "--cases", "200"), {0}, ["Wmo [/] melding [bold]x :smile:"]),
        (("overview", "wmo-melding.yaml", "--cases", "200", "--fail-on", "info"), {1}, ["Aanvraag [/] en [link=x]"]),
        (("log", "stats", "log.csv"), {0}, ["[/] start", "eind [/b]", "piet [/]", "[bold]anna"]),
        (("log", "stats", "log.csv", "-o", "stats.txt"), {0}, []),
        (("diff", str(PROCESSES / "wmo-melding.yaml"), "wmo-melding.yaml", "--cases", "200"), {0, 1}, ["[/]"]),
    ],
    ids=["analyse", "analyse-to-file", "advise", "overview", "log-stats", "log-stats-to-file", "diff"],
)
def test_workshop_text_with_brackets_prints_as_written(
    hostile: Path, args: tuple[str, ...], codes: set[int], expected: list[str]
) -> None:
    result = run(*args, cwd=hostile, columns=200)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in codes, (result.returncode, result.stderr)
    written = {"report.txt", "stats.txt"} & set(args)
    output = (hostile / written.pop()).read_text(encoding="utf-8") if written else result.stdout
    assert output.strip()
    for text in expected:
        assert text in output, text


def test_a_console_a_notebook_user_makes_keeps_names_literal() -> None:
    """The renderers pass names as ``Text``: with rich's own default console (markup on) they still print."""
    import io

    from rich.console import Console

    from procesmap.api import analyse_paths
    from procesmap.render.terminal import print_terminal
    from procesmap.settings import Settings

    [analysis], problems = analyse_paths([PROCESSES / "kcc-vraag-doorzetten.yaml"], Settings(cases=200))
    assert not problems
    analysis.process.name = "KCC [/] vraag [bold]"
    out = io.StringIO()
    print_terminal([analysis], "nl", Console(file=out, width=120))
    assert "KCC [/] vraag [bold]" in out.getvalue()


def _widest(text: str) -> int:
    """The longest line, but for the commands that replay an intervention: one line each, to copy whole."""
    return max(len(line.rstrip()) for line in text.splitlines() if "procesmap analyse" not in line)


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_advise_fits_the_terminal_and_keeps_every_figure(columns: int) -> None:
    result = run("advise", "processes/omgevingsvergunning.yaml", "--cases", "500", cwd=ROOT, columns=columns)
    assert result.returncode == 0, result.stderr
    assert _widest(result.stdout) <= columns
    # the map has a term and an extension: every figure of the first intervention is there, before and after
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\s+1\.?\s", line))
    end = next(i for i, line in enumerate(lines) if re.match(r"\s+2\.?\s", line))
    first = "\n".join(lines[start:end])
    assert first.count("→") >= 4 + 1, first  # four figures and the description's own "14,0 → 7,0 dagen"
    words = " ".join(result.stdout.split())
    for header in ("Over termijn", "verdaging", "Doorlooptijd", "p85 (d)", "gem. (d)"):
        assert header in words, header


def test_advise_leaves_out_the_term_columns_of_a_map_without_a_term() -> None:
    result = run("advise", "processes/kcc-vraag-doorzetten.yaml", "--cases", "500", cwd=ROOT, columns=120)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("Naspelen")[0]
    assert "- → -" not in table
    assert "Over termijn" not in table.split("Maatregel")[1]
    assert "Doorlooptijd" in table and re.search(r"\d,\d → \d,\d", table)


def test_advise_written_to_a_file_keeps_every_column(tmp_path: Path) -> None:
    """``-o advice.txt``: plain text at 120 columns, never a column cut at the edge."""
    from procesmap.render._console import PLAIN_WIDTH

    target = tmp_path / "advice.txt"
    result = run("advise", "processes/omgevingsvergunning.yaml", "--cases", "500", "-o", str(target), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert _widest(text) <= PLAIN_WIDTH
    header = " ".join(text.split("  1 ")[0].split())
    for word in ("Over termijn", "verdaging", "p85 (d)", "gem. (d)"):
        assert word in header, word


@pytest.mark.parametrize("columns", [90, 160])
def test_overview_fits_the_terminal_and_keeps_every_id(columns: int) -> None:
    result = run("overview", "processes", "--cases", "500", cwd=ROOT, columns=columns)
    assert result.returncode in (0, 1), result.stderr
    assert _widest(result.stdout) <= columns
    table = result.stdout.split("Bezetting per rol")[0]
    # the first column's pieces, one after the other: an id folded over lines is whole again
    first = "".join(line.split("│")[0].strip() for line in table.splitlines() if "│" in line)
    for path in sorted(PROCESSES.glob("*.yaml")):
        assert path.stem in first, path.stem
    assert "Org.-overdrachten" in table and "(F/W/I)" in table


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_folder_report_cuts_no_word_off(columns: int) -> None:
    """A word wider than its column folds onto the next line: ``maatwerkvoorziening`` in the load of the roles
    the maps share was printed as ``maatwerkvoorzie…`` at 80 columns."""
    result = run("analyse", "processes", "--cases", "500", "--lang", "en", cwd=ROOT, columns=columns)
    assert result.returncode in (0, 1), result.stderr
    assert "…" not in result.stdout
    if columns >= 80:
        shared = result.stdout.split("Load of the roles the maps share")[1].split("───")[0]
        rows = shared.split("KCC-medewerker", 1)[1]  # the one row: its other cells are on its first line
        assert "maatwerkvoorziening" in "".join(rows.split())


#: pieces of names that mean something to rich, str.format, %-formatting, HTML, Markdown or a terminal
HOSTILE_PIECES = [
    "[/]",
    "[bold]",
    "[/b]",
    "[link=x]",
    "[",
    "]",
    ":smile:",
    "{0}",
    "{role}",
    "%s",
    "%(x)s",
    "<b>",
    "&amp;",
    "`x`",
    "*y*",
    "|",
    "\\",
    "\u200f",
    "😀",
    "é",
    "ĳ",
    " ",
    "a",
    "Team",
]
NAMES = st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=8).map("".join).filter(str.strip)


@pytest.fixture(scope="module")
def small_analysis() -> Any:
    from procesmap.api import analyse_paths
    from procesmap.settings import Settings

    [analysis], problems = analyse_paths([PROCESSES / "kcc-vraag-doorzetten.yaml"], Settings(cases=200))
    assert not problems
    return analysis


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    process=NAMES,
    role=NAMES,
)
def test_any_name_prints_as_written_on_any_console(small_analysis: Any, process: str, role: str) -> None:
    """Names made of markup, format and escape pieces: the terminal report (on rich's default
    console, markup on) prints them as written, and Markdown and HTML reports are made."""
    import io

    from rich.console import Console

    from procesmap.render import render
    from procesmap.render.terminal import print_terminal

    analysis = small_analysis
    first_role = next(iter(analysis.process.roles.values()))
    old = analysis.process.name, first_role.name
    analysis.process.name, first_role.name = process, role
    try:
        out = io.StringIO()
        print_terminal([analysis], "en", Console(file=out, width=400))
        flat = " ".join(out.getvalue().split())
        assert " ".join(process.split()) in flat
        render([analysis], "markdown", "en")
        render([analysis], "html", "en")
    finally:
        analysis.process.name, first_role.name = old

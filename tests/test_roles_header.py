"""A roles CSV without its header line: the first resource was dropped without a word (the first line is always
the header). When that line is plainly a resource and a role another line gives too, it is an error at line 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.errors import LoadError
from procesmap.eventlog import read_roles


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rollen.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_roles_csv_without_header_is_an_error_at_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, "piet,jurist\nanna,jurist\nkees,behandelaar\n")
    with pytest.raises(LoadError) as caught:
        read_roles(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 1)
    assert "`piet,jurist`" in problem.message("en") and "header" in problem.message("en")
    assert "regel 2" in (problem.hint("nl") or "") and "`medewerker,rol`" in (problem.hint("nl") or "")


@pytest.mark.parametrize(
    "text",
    [
        "resource,role\npiet,jurist\nanna,jurist\n",
        "medewerker;rol\npiet;rol\n",  # a role called "rol": the first line is still a header
        "Naam,Team\npiet,Team\n",
        "piet,jurist\nanna,behandelaar\n",  # no role repeats: nothing tells it from a header, as before
    ],
)
def test_a_header_or_a_first_line_that_cannot_be_told_apart_is_read_as_before(tmp_path: Path, text: str) -> None:
    lines = text.splitlines()
    expected = {row.split(";" if ";" in row else ",")[0]: row.split(";" if ";" in row else ",")[1] for row in lines[1:]}
    assert read_roles(write(tmp_path, text)) == expected

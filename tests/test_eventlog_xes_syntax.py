"""XES files that are not well-formed XML: ``file:line:column: message`` with a hint, exit 2, no traceback.

Where each error is expected is computed here from the bytes written (the line of the offending
token, and a column range around it), not taken from the product; plain and gzipped files alike.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procesmap.errors import UsageError
from procesmap.eventlog import read_log
from tests.conftest import ROOT

GOOD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n'
    b'  <trace>\n    <string key="concept:name" value="Z1"/>\n'
    b'    <event>\n      <string key="concept:name" value="Intake"/>\n'
    b'      <date key="time:timestamp" value="2024-01-02T09:00:00+01:00"/>\n    </event>\n'
    b'    <event>\n      <string key="concept:name" value="Besluit"/>\n'
    b'      <date key="time:timestamp" value="2024-01-09T09:00:00+01:00"/>\n    </event>\n'
    b"  </trace>\n</log>\n"
)


def _place(data: bytes, token: bytes) -> tuple[int, int]:
    """1-based line and column of the first ``token``."""
    at = data.index(token)
    line = data.count(b"\n", 0, at) + 1
    return line, at - (data.rfind(b"\n", 0, at) + 1) + 1


CASES = [  # (what is broken, bytes, the token the error is on, English words of the message)
    ("tag mismatch", GOOD.replace(b"</event>\n  </trace>", b"</evnt>\n  </trace>"), b"</evnt>", "is closed by </evnt>"),
    ("ampersand", GOOD.replace(b'value="Intake"', b'value="Intake & toets"'), b"& toets", "does not start an entity"),
    ("unquoted", GOOD.replace(b'value="Besluit"', b"value=Besluit"), b"value=Besluit", "without quotes"),
    ("less than", GOOD.replace(b'value="Besluit"', b'value="a < b"'), b"< b", "write &lt;"),
    ("extra content", GOOD + b"<log/>\n", b"<log/>", "after the end of the <log>"),
]


@pytest.mark.parametrize("gz", [False, True], ids=["xes", "xes.gz"])
@pytest.mark.parametrize("what,data,token,words", CASES, ids=[c[0] for c in CASES])
def test_syntax_error_names_file_line_and_column(
    tmp_path: Path, what: str, data: bytes, token: bytes, words: str, gz: bool
) -> None:
    path = tmp_path / ("kapot.xes.gz" if gz else "kapot.xes")
    path.write_bytes(gzip.compress(data) if gz else data)
    with pytest.raises(UsageError) as err:
        read_log(path)
    text = err.value.format("en")
    match = re.match(re.escape(str(path)) + r":(\d+):(\d+): the XES file is not well-formed XML: (.+)\n  hint: ", text)
    assert match, text
    line, column = _place(data, token)
    assert int(match[1]) == line, text
    assert column <= int(match[2]) <= column + len(token) + 2, (text, column)
    assert words in match[3]
    dutch = err.value.format("nl")
    assert dutch.startswith(f"{path}:{line}:") and "geen geldige XML" in dutch and "\n  tip: " in dutch
    assert "<string>" not in text and "(" + str(path.name) not in text  # not lxml's "(<string>, line 3)"


def test_a_cut_off_file_says_where_it_ends(tmp_path: Path) -> None:
    data = GOOD[: GOOD.index(b'    <event>\n      <string key="concept:name" value="Besluit"') + 30]
    path = tmp_path / "afgekapt.xes"
    path.write_bytes(data)
    with pytest.raises(UsageError) as err:
        read_log(path)
    text = err.value.format("en")
    last_line = data.count(b"\n") + 1
    match = re.match(re.escape(str(path)) + r":(\d+):(\d+): ", text)
    assert match and int(match[1]) in (last_line, last_line + 1), text


@pytest.fixture(scope="module")
def cut_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every cut (Hypothesis runs many examples in one test); pytest removes it, as any tmp_path."""
    return tmp_path_factory.mktemp("xes-cut")


@settings(max_examples=40, deadline=None)
@given(st.integers(1, len(GOOD) - 9))
def test_any_cut_is_an_error_with_a_place_inside_the_file(cut_folder: Path, cut: int) -> None:
    data = GOOD[:cut]
    path = cut_folder / "cut.xes"
    path.write_bytes(data)
    with pytest.raises(UsageError) as err:
        read_log(path)
    text = err.value.format("en")
    match = re.match(re.escape(str(path)) + r":(\d+):(\d+): ", text)
    assert match, text
    assert 1 <= int(match[1]) <= data.count(b"\n") + 2 and int(match[2]) >= 1
    assert "hint: " in text


def test_cli_exit_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xes"
    path.write_bytes(CASES[0][1])
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "procesmap", "log", "stats", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    line, _ = _place(CASES[0][1], b"</evnt>")
    assert f"{path}:{line}:" in done.stderr + done.stdout

"""`analyse --format pdf` without --output on a terminal: PDF bytes would fill the screen
with garbage, so it is refused with a hint (exit 2); redirected to a file or a pipe, the bytes still go out."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from .conftest import PROCESSES

MAP = str(PROCESSES / "kcc-vraag-doorzetten.yaml")


def _on_a_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """``procesmap ARGS`` with its standard output on a pseudo-terminal: exit code, what reached the terminal, stderr."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8", "COLUMNS": "120"}
    process = subprocess.Popen(
        [sys.executable, "-m", "procesmap", *args], cwd=cwd, stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the child has gone
            break
        if not chunk:
            break
        seen += chunk
    _, err = process.communicate(timeout=300)
    os.close(leader)
    return process.returncode, seen.decode("latin-1"), err.decode("utf-8")


def test_pdf_to_a_terminal_is_refused_with_a_hint(tmp_path: Path) -> None:
    code, screen, err = _on_a_terminal("analyse", MAP, "--format", "pdf", "--cases", "200", cwd=tmp_path)
    assert code == 2
    assert "%PDF" not in screen
    first, second = err.strip().splitlines()
    assert "PDF" in first and "--output" in first
    assert second.startswith("  hint: ") and "-o" in second
    assert list(tmp_path.iterdir()) == []  # nothing written behind the user's back


def test_pdf_to_a_terminal_in_dutch(tmp_path: Path) -> None:
    code, _, err = _on_a_terminal("analyse", MAP, "-f", "pdf", "--lang", "nl", cwd=tmp_path)
    assert code == 2 and "binair" in err and "tip: " in err


def test_pdf_to_a_pipe_still_gives_the_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "analyse", MAP, "-f", "pdf", "--cases", "200"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")

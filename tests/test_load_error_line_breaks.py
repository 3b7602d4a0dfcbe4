"""Load errors whose message quotes workshop text with a line break: every command prints
`file:line:column: message` on one line, the hint on the next, as `check`'s plain format does."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap
from procesmap.errors import Problem

MAP = (
    "procesmap: 1\nid: x\nname: X\nowner: a\nroles:\n"
    '  a: {people: 1, "Regel een\\r\\nregel twee\\tmet tab": 1}\n'
    "steps:\n  - {id: s, type: start, role: a, next: e}\n  - {id: e, type: end, role: a}\n"
)


@pytest.mark.parametrize(
    "command", [["analyse"], ["fmt"], ["diagram", "-o", "x.svg"], ["export", "bpmn", "-o", "x.bpmn"]]
)
def test_load_error_with_a_line_break_in_a_key_is_one_line(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "kaart.yaml").write_text(MAP, encoding="utf-8")
    arguments = [*command[:-2], "kaart.yaml", *command[-2:]] if "-o" in command else [*command, "kaart.yaml"]
    result = run_procesmap(*arguments, cwd=tmp_path, env={"PROCESMAP_LANG": "en"}, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.replace("\r", "\n").splitlines()
    assert lines[0] == "kaart.yaml:6:18: unknown key `Regel een regel twee met tab`", lines
    assert lines[1].startswith("  hint: ") and len(lines) == 2, lines


def test_problem_format_keeps_one_line_per_message_and_hint() -> None:
    problem = Problem(
        "f.yaml", 3, 5, "value.unknown_key", {"field": "a\nb"}, "hint.allowed_keys", {"allowed": "x\r\ny"}
    )
    first, second = problem.format("en").split("\n")
    assert first.startswith("f.yaml:3:5: ") and "a b" in first
    assert second.startswith("  hint: ") and "x y" in second

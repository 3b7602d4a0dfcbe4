"""`procesmap fmt` and characters one cannot see: an escape the author wrote stays an escape."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import yaml

from procesmap.fmt import format_text

HEAD = "procesmap: 1\nid: x\n"
TAIL = "owner: a\nroles:\n  a: {people: 1}\nsteps:\n  - {id: s, type: start, role: a, next: e}\n  - {id: e, type: end, role: a}\n"


def _invisible(text: str) -> list[str]:
    """Characters a reader of the file cannot see: format, separator and control characters (not space/newline)."""
    return [
        f"U+{ord(c):04X}"
        for c in text
        if c not in " \n" and unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn")
    ]


def test_escaped_invisible_characters_stay_escaped() -> None:
    source = HEAD + 'name: "zw\\u200bsp rlm\\u200f nbsp\\u00a0 bom\\ufeff één 🙂 café"\n' + TAIL
    result = format_text(source)
    assert _invisible(result) == []
    assert yaml.safe_load(result) == yaml.safe_load(source)  # PyYAML: the same data
    assert "één 🙂 café" in result  # visible letters stay letters


def test_invisible_characters_typed_in_a_double_quoted_text_become_escapes() -> None:
    source = HEAD + 'name: "zw\u200bsp rlm\u200f nbsp\u00a0 één"\n' + TAIL
    result = format_text(source)
    assert _invisible(result) == []
    assert yaml.safe_load(result) == yaml.safe_load(source)
    assert "één" in result


def test_visible_text_and_escaped_visible_letters_are_as_before() -> None:
    # the documented layout does not change for visible text: fmt of a formatted file is the file
    source = HEAD + 'name: "Wacht op [/] & één 🙂 \\"x\\" tab\\there"\n' + TAIL
    assert format_text(source) == source


def test_a_layout_ruamel_cannot_write_back_is_refused_and_the_file_left_as_it_is(tmp_path: Path) -> None:
    # docs/versions.md, known limitations: ruamel.yaml writes the block item `to: m` / `p: 0.5` as `to: m p: 0.5`
    text = (
        "procesmap: 1\nid: w\nowner: a\nroles:\n  a: {people: 2}\nsteps:\n"
        "  - id: s\n    type: start\n    role: a\n    next:   # takken\n"
        "      - {to: e, p: 0.5}   # helft\n      - to: m\n        p: 0.5\n"
        "  - id: m\n    role: a\n    next: e\n  - {id: e, type: end, role: a}\n"
    )
    path = tmp_path / "kaart.yaml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "fmt", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == text

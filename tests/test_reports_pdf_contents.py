"""The PDF's contents are built in one pass: every page number it shows is the page its heading is on.

The numbers are PDF forms that each heading fills in when it is placed; here poppler reads the
contents pages back and, for every entry, the page it names must show that heading (an
independent reading of the finished file, not of what the builder thought).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import procesmap
from procesmap.render.pdf import render_pdf

from .conftest import bundled, need_tool


def _text(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout


def test_every_contents_entry_points_at_its_page(tmp_path: Path) -> None:
    need_tool("pdftotext", "apt-get install poppler-utils; .ci/run installs it")
    analyses = [procesmap.analyse(procesmap.load(path)) for path in bundled()]
    path = tmp_path / "all.pdf"
    path.write_bytes(render_pdf(analyses, "nl"))
    entries: list[tuple[str, int]] = []
    page = 2
    while True:  # the contents start on page 2 and run until the first page without dot leaders
        lines = [
            m
            for m in (
                re.match(r"^\s*(\S.*?)\s*(?:\.\s)+\s*\.?\s*(\d+)\s*$", line) for line in _text(path, page).splitlines()
            )
            if m
        ]
        if not lines:
            break
        entries += [(m.group(1).strip(" ."), int(m.group(2))) for m in lines]
        page += 1
    assert len(entries) > 60
    assert [n for _, n in entries] == sorted(n for _, n in entries)  # in the order of the pages
    flat = {}
    for heading, number in entries:
        if number not in flat:
            flat[number] = re.sub(r"\s+", "", _text(path, number))
        assert re.sub(r"\s+", "", heading) in flat[number], (heading, number)

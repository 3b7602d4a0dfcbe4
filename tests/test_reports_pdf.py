"""The PDF report, read back as a user's tools see it (poppler: pdfinfo, pdffonts, pdftoppm, pdftotext).

Checks: a title page with process, file version and date; contents; page count equal to the
PNG pages; every step name in the text layer; every font embedded; deterministic bytes;
hostile names as plain text; several processes with an overview; the CLI by suffix.
`.ci/run` installs poppler-utils; without it the tests that read PDFs back skip with that reason
(and fail under PROCESMAP_STRICT=1, as in CI).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import procesmap
from procesmap.render import _document
from procesmap.render._document import FileVersion
from procesmap.render.pdf import render_pdf

from .conftest import bundled, need_tool
from .test_reports_html import hostile_analysis


@pytest.fixture
def poppler() -> None:
    for tool in ("pdfinfo", "pdffonts", "pdftoppm", "pdftotext"):
        need_tool(tool, "apt-get install poppler-utils; .ci/run installs it")


needs_poppler = pytest.mark.usefixtures("poppler")


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def _pages(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M).group(1))  # type: ignore[union-attr]


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple["procesmap.Analysis", Path]]:
    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for file in bundled():
        analysis = procesmap.analyse(procesmap.load(file))
        path = folder / f"{file.stem}.pdf"
        path.write_bytes(render_pdf([analysis], "nl"))
        result[file.stem] = (analysis, path)
    return result


@needs_poppler
@pytest.mark.parametrize("stem", [p.stem for p in bundled()])
def test_pdf_pages_text_and_fonts(stem: str, pdfs: dict, tmp_path: Path) -> None:
    analysis, path = pdfs[stem]
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = _pages(path)
    assert pages >= 4  # the summary and the sections, the swimlane
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages
    text = _run("pdftotext", "-raw", str(path), "-")
    flat = _flat(text)
    for step in analysis.process.steps:
        assert _flat(step.label) in flat, step.label
    for finding in analysis.findings:
        assert finding.code in flat
    # page 1: process name, file and its version, and the summary; a single map's report has no contents page
    first = _run("pdftotext", "-f", "1", "-l", "1", "-raw", str(path), "-")
    assert _flat(analysis.process.name or analysis.process.id) in _flat(first)
    assert analysis.process.file.replace(" ", "") in _flat(first)
    assert re.search(r"\d{4}-\d{2}-\d{2}", first)
    assert "Samenvatting" in first and "Inhoud" not in text
    if analysis.time.term is not None:
        assert procesmap.i18n.percent(analysis.time.share_over_term, "nl", 1) in first
    # every font embedded (DejaVu subsets), none of the 14 standard fonts
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "DejaVu" in line and re.search(r"\byes\s+yes\b", line), line
    # the outline (bookmarks) holds the sections too
    assert b"/Outlines" in data


def test_pdf_is_deterministic(in_root: Path) -> None:
    analysis = procesmap.analyse(procesmap.load("processes/kcc-vraag-doorzetten.yaml"))
    assert render_pdf([analysis], "en") == render_pdf([analysis], "en")


def test_pdf_diagram_and_charts_are_vector(pdfs: dict) -> None:
    _, path = pdfs["omgevingsvergunning"]
    data = path.read_bytes()
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data  # no raster pictures at all


@needs_poppler
def test_pdf_hostile_names_are_text(tmp_path: Path) -> None:
    analysis = hostile_analysis(tmp_path)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(render_pdf([analysis], "en"))
    text = _run("pdftotext", "-raw", str(path), "-")
    for hostile in (
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "<svg onload=alert(1)>",
        "{{ 7*7 }} {% raw %}",
        "&amp; ë é € ĳ",
    ):
        assert _flat(hostile) in _flat(text), hostile
    assert "JavaScript:      no" in _run("pdfinfo", str(path))


@needs_poppler
def test_pdf_several_processes_with_overview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_document, "file_versions", lambda paths: [FileVersion("abc1234", "2024-02-29") for _ in paths])
    analyses = [procesmap.analyse(procesmap.load(p)) for p in bundled()[:3]]
    path = tmp_path / "all.pdf"
    path.write_bytes(render_pdf(analyses, "en"))
    first = _run("pdftotext", "-f", "1", "-l", "1", "-raw", str(path), "-")
    assert "All processes" in first and "All maps at a glance" in first  # the table of all maps opens the report
    contents = _run("pdftotext", "-f", "2", "-l", "2", "-raw", str(path), "-")
    assert "Contents" in contents  # after the first screen, never before it
    for analysis in analyses:
        assert _flat(analysis.process.name or analysis.process.id) in _flat(contents)
        assert _flat(analysis.process.name or analysis.process.id) in _flat(first)
    text = _flat(_run("pdftotext", "-raw", str(path), "-"))
    # each map names its version twice, under its title and in "about this map": both from one git call
    assert text.count("commitabc1234of2024-02-29") == 2 * len(analyses)
    assert _pages(path) > 3 * 3


def test_cli_writes_pdf_by_suffix(tmp_path: Path, in_root: Path) -> None:
    from procesmap.cli import app

    out = tmp_path / "rapport.pdf"
    result = CliRunner().invoke(app, ["analyse", "processes/bezwaarschrift.yaml", "-o", str(out), "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written atomically

"""The PDF as a document people print, read back with poppler (pdftotext, pdfinfo) as a reader's tools see it.

- no near-empty page: every page holds at least a few lines, except the last page of a chapter (before the
  swimlane's pages, before the next map, or the document's last);
- no orphaned heading: no page ends with a heading (every section and map title of the report model);
- the swimlane on landscape pages of its own, A3 by default and A4 with ``paper="a4"``, its text at least 6 pt
  at 100% (the height of each word's box, which poppler measures from the font size);
- the RACI matrix has role initials in its header and a key that names each role.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import procesmap
from procesmap.diagrams.layout import swimlane_layout
from procesmap.render._document import Section, build_document
from procesmap.render.pdf import MIN_TEXT_PT, render_pdf, swimlane_plan

from .conftest import bundled, need_tool

#: fewer non-empty lines than this (the footer not counted) make a page near empty
MIN_LINES = 5
A3_LANDSCAPE = (1190.55, 841.89)
A4_LANDSCAPE = (841.89, 595.28)


@pytest.fixture(scope="module")
def poppler() -> None:
    for tool in ("pdftotext", "pdfinfo"):
        need_tool(tool, "apt-get install poppler-utils; .ci/run installs it")


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=120).stdout


def _sizes(path: Path) -> list[tuple[float, float]]:
    info = _run("pdfinfo", "-f", "1", "-l", "9999", str(path))
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _lines(path: Path, page: int) -> list[str]:
    """The page's non-empty text lines, without the footer (the last line: title and page number)."""
    lines = [
        line.strip()
        for line in _run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-").splitlines()
        if line.strip()
    ]
    return lines[:-1]


def _titles(blocks: list) -> set[str]:
    found = set()
    for block in blocks:
        if isinstance(block, Section):
            found.add(block.title)
            found |= _titles(block.blocks)
    return found


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1 and abs(a[1] - b[1]) < 1


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory, poppler: None) -> dict[str, tuple[Path, object]]:
    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("pdf-layout")
    made = {}
    for file in bundled():
        analysis = procesmap.analyse(procesmap.load(root / "processes" / file.name), cases=2000)
        path = out / f"{file.stem}.pdf"
        path.write_bytes(render_pdf([analysis], "nl"))
        made[file.stem] = (path, analysis)
    return made


@pytest.mark.parametrize("stem", [p.stem for p in bundled()])
def test_no_near_empty_page_and_no_heading_ends_a_page(stem: str, documents: dict) -> None:
    path, analysis = documents[stem]
    doc = build_document([analysis], "nl")
    headings = _titles(doc.processes[0].sections) | {doc.processes[0].title}
    sizes = _sizes(path)
    assert len(sizes) >= 3
    for page in range(1, len(sizes) + 1):
        lines = _lines(path, page)
        if lines:
            assert lines[-1] not in headings, (page, lines[-1])
        # the page before the swimlane's landscape pages may end a chapter short; the document's last page may not
        # (the closing "made with" line once took a page of its own after the swimlane)
        chapter_end = page < len(sizes) and not _close(sizes[page], sizes[page - 1])
        if not chapter_end:
            assert len(lines) >= MIN_LINES, (page, lines)
    # the summary opens page 1, before any contents
    first = " ".join(_lines(path, 1))
    assert "Samenvatting" in first and "Inhoud" not in first
    if analysis.time.term is not None:
        assert procesmap.i18n.percent(analysis.time.share_over_term, "nl", 1) in first


@pytest.mark.parametrize("paper, size", [("a3", A3_LANDSCAPE), ("a4", A4_LANDSCAPE)])
def test_swimlane_on_landscape_pages_with_readable_text(
    paper: str, size: tuple[float, float], tmp_path: Path, poppler: None
) -> None:
    analysis = procesmap.analyse(
        procesmap.load(Path(__file__).resolve().parent.parent / "processes" / "bezwaarschrift.yaml"), cases=2000
    )
    path = tmp_path / f"{paper}.pdf"
    path.write_bytes(render_pdf([analysis], "nl", paper=paper))
    sizes = _sizes(path)
    wide = [page for page, s in enumerate(sizes, 1) if _close(s, size)]
    assert wide, sizes
    assert all(_close(s, (595.28, 841.89)) for page, s in enumerate(sizes, 1) if page not in wide)
    assert wide == list(range(wide[0], wide[-1] + 1))  # the swimlane's pages follow each other
    words = 0
    for page in wide:
        text = _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-")
        boxes = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)', text)
        if "Het hele beeld" in " ".join(word for _, _, word in boxes):  # the key map: the whole picture, parts numbered
            continue
        for y_min, y_max, word in boxes:
            words += 1
            assert float(y_max) - float(y_min) >= MIN_TEXT_PT - 0.05, (page, word, float(y_max) - float(y_min))
    assert words > 50  # the step names are there


def test_swimlane_plan_fits_or_splits() -> None:
    """By hand: a 1000 x 500 drawing whose smallest text is 6 pt fits a 1100 x 700 frame at scale 1.1 (no split);
    with 3 pt text it needs at least scale 2, so 2000 x 1000: 2 frames across and 2 down; those 4 pages take it up to
    scale min(2 x 1100 / 1000, 2 x 700 / 500) = 2.2 (2200 x 1100, the pages full across), in equal parts of
    1100 x 550. (Before, the parts were 1000 x 500 at scale 2: each page a tenth empty across and a quarter down.)"""
    plan = swimlane_plan(1000, 500, 6.0, 1100, 700)
    assert plan.scale == pytest.approx(1.1) and plan.tiles == [(0.0, 0.0)] and plan.part is None
    plan = swimlane_plan(1000, 500, 3.0, 1100, 700)
    assert plan.scale == pytest.approx(2.2) and plan.part == pytest.approx((1100.0, 550.0))
    expected = [(0.0, 0.0), (1100.0, 0.0), (0.0, 550.0), (1100.0, 550.0)]
    assert [c for tile in plan.tiles for c in tile] == pytest.approx([c for tile in expected for c in tile])
    # a long, low drawing: 3 across and 1 down at the least scale (2); full across at 3 x 1100 / 1500 = 2.2
    plan = swimlane_plan(1500, 300, 3.0, 1100, 700)
    assert plan.scale == pytest.approx(2.2) and len(plan.tiles) == 3


def test_raci_header_abbreviated_with_a_key(documents: dict) -> None:
    path, analysis = documents["bezwaarschrift"]
    text = re.sub(r"\s+", " ", _run("pdftotext", "-raw", str(path), "-"))
    from procesmap.render._labels import Labels

    labels = Labels(analysis, "nl")
    roles = labels.raci_roles()
    short = labels.role_abbreviations(roles)
    assert len(set(short.values())) == len(roles)
    assert all(len(s) <= 5 for s in short.values())
    assert short["teamleider-juridische-zaken"] == "TJZ"  # Teamleider Juridische Zaken
    for role in roles:
        assert f"{short[role]} = {labels.role(role)}" in text, role


def test_cli_paper_option(tmp_path: Path, poppler: None) -> None:
    from typer.testing import CliRunner

    from procesmap.cli import app

    root = Path(__file__).resolve().parent.parent
    for paper, size in (("a4", A4_LANDSCAPE), ("a3", A3_LANDSCAPE)):
        out = tmp_path / f"{paper}.pdf"
        result = CliRunner().invoke(
            app,
            [
                "analyse",
                str(root / "processes" / "wmo-melding.yaml"),
                "--cases",
                "500",
                "--paper",
                paper,
                "-o",
                str(out),
            ],
        )
        assert result.exit_code in (0, 1), result.output
        sizes = _sizes(out)
        assert any(_close(s, size) for s in sizes) and _close(sizes[0], (595.28, 841.89))
    result = CliRunner().invoke(
        app, ["analyse", str(root / "processes" / "wmo-melding.yaml"), "--paper", "a5", "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 2


def _swimlane_pages(path: Path, size: tuple[float, float]) -> tuple[list[int], int | None]:
    """The swimlane's landscape pages of ``size`` (without the organisations' own page) and which one is the key."""
    pages, key = [], None
    for page, s in enumerate(_sizes(path), 1):
        if not _close(s, size):
            continue
        text = _run("pdftotext", "-f", str(page), "-l", str(page), "-raw", str(path), "-")
        if "Zwembaandiagram" not in text and "Swimlane" not in text:
            continue
        if "Het hele beeld" in text:
            key = page
        pages.append(page)
    return pages, key


def _step_counts(path: Path, pages: list[int], analysis: "procesmap.Analysis") -> dict[str, list[int]]:
    """For each step, the pages whose text holds its whole name as drawn (its lines one after the other)."""
    layout = swimlane_layout(analysis, "nl")
    texts = {
        page: " ".join(_run("pdftotext", "-f", str(page), "-l", str(page), "-raw", str(path), "-").split())
        for page in pages
    }
    return {
        node.step: [page for page, text in texts.items() if " ".join(node.label_lines) in text] for node in layout.nodes
    }


@pytest.mark.parametrize("stem", [p.stem for p in bundled()])
def test_swimlane_pages_cut_between_columns(stem: str, documents: dict) -> None:
    """Every step of a map split over pages is on exactly one page, whole (a cut through a step leaves its name on
    none or in pieces on two), every page but the key shows every lane's name, and its text is 6 pt or more."""
    path, analysis = documents[stem]
    pages, key = _swimlane_pages(path, A3_LANDSCAPE)
    assert pages, stem
    parts = [page for page in pages if page != key]
    counts = _step_counts(path, parts, analysis)
    names = [step.label for step in analysis.process.steps]
    for step, found in counts.items():
        label = next(s.label for s in analysis.process.steps if s.id == step)
        assert len(found) == names.count(label), (step, found)
    if key is not None:  # the key holds the whole map: each name once
        whole = _step_counts(path, [key], analysis)
        assert all(found == [key] for found in whole.values()), whole
    # every part (its sheets together) shows every lane's name, and opens with the map's title
    lanes = swimlane_layout(analysis, "nl").lanes
    by_part: dict[str, str] = {}
    for page in parts:
        text = " ".join(_run("pdftotext", "-f", str(page), "-l", str(page), "-raw", str(path), "-").split())
        number = re.search(r"deel (\d+) van (\d+)", text)
        by_part[number.group(1) if number else "1"] = by_part.get(number.group(1) if number else "1", "") + text
    for text in by_part.values():
        assert analysis.process.name in text
        for lane in lanes:
            assert " ".join(lane.label_lines) in text, lane.name
    for page in parts:
        for y_min, y_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)',
            _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"),
        ):
            assert float(y_max) - float(y_min) >= MIN_TEXT_PT - 0.05, (page, word)


def test_swimlane_parts_fill_their_pages(documents: dict, tmp_path: Path) -> None:
    """The swimlane of omgevingsvergunning in parts on A3 (its lanes are too tall for one A3 page at 6 pt: each part
    on two sheets cut between lanes). Each sheet but a part's last fills its page's frame across or down.
    Measured on the rendered page (pdftoppm, 20 dpi): the extent of the non-white pixels of the picture."""
    from PIL import Image

    need_tool("pdftoppm", "apt-get install poppler-utils")
    path, _ = documents["omgevingsvergunning"]
    pages, key = _swimlane_pages(path, A3_LANDSCAPE)
    parts = [page for page in pages if page != key]
    assert key is not None and 2 <= len(parts) <= 8, (key, parts)
    frame_w, frame_h = 1190.55 - 2 * 34.02, 841.89 - 2 * 34.02 - 17.01 - 60  # margins, footer, heading room
    for page in parts:
        text = _run("pdftotext", "-f", str(page), "-l", str(page), "-raw", str(path), "-")
        last = re.search(r"blad (\d+) van (\d+)", text)
        if last and last.group(1) == last.group(2):
            continue
        prefix = tmp_path / f"p{page}"
        _run("pdftoppm", "-r", "20", "-f", str(page), "-l", str(page), "-png", str(path), str(prefix))
        image = Image.open(next(tmp_path.glob(f"p{page}*.png"))).convert("L")
        scale = image.size[0] / 1190.55
        top, bottom = int(40 * scale), int((841.89 - 40) * scale)  # below the part's note, above the footer
        band = image.crop((0, top, image.size[0], bottom))
        xs = [x for x in range(band.size[0]) if min(band.getpixel((x, y)) for y in range(band.size[1])) < 235]
        ys = [y for y in range(band.size[1]) if min(band.getpixel((x, y)) for x in range(band.size[0])) < 235]
        width, height = (xs[-1] - xs[0]) / scale, (ys[-1] - ys[0]) / scale
        assert width >= 0.9 * frame_w or height >= 0.9 * frame_h, (page, round(width), round(height))


def _bpic15_draft() -> "procesmap.Analysis":
    from procesmap.eventlog import discover, read_log

    from .conftest import need_shared

    log = read_log(need_shared("data", "event-logs", "BPIC15_1.xes.gz"))
    return procesmap.analyse(procesmap.loads(discover(log, process_id="bpic15")), cases=300)


@pytest.mark.parametrize(
    "source, paper", [("omgevingsvergunning", "a3"), ("omgevingsvergunning", "a4"), ("bpic15", "a3")]
)
def test_sheets_cut_between_lanes_or_rows(source: str, paper: str) -> None:
    """A part too tall for its page is cut across where no step's shape or name is: omgevingsvergunning between its
    lanes (A3 and A4), the BPIC15_1 draft (one lane, no roles) between the rows of its steps. Every part fits the
    page's width with its smallest text at 6 pt or more; every step is on one part."""
    from procesmap.diagrams.swimlane import TITLE_H, swimlane_paper
    from procesmap.render.pdf import HEADING_ROOM, _cut_rows, _sheets, _smallest_font, paper_body

    from .conftest import ROOT

    if source == "bpic15":
        analysis = _bpic15_draft()
    else:
        analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / f"{source}.yaml"), cases=300)
    page = A3_LANDSCAPE if paper == "a3" else A4_LANDSCAPE
    margin = 12 * 72 / 25.4
    width, height = page[0] - 2 * margin, page[1] - 2 * margin - 6 * 72 / 25.4 - HEADING_ROOM
    smallest = _smallest_font(procesmap.diagrams.swimlane.swimlane_drawing(analysis, "nl"))
    _, parts = swimlane_paper(analysis, "nl", paper_body(width, MIN_TEXT_PT / smallest))
    assert len(parts) >= 2
    steps = [node.step for part in parts for node in part.layout.nodes]
    assert sorted(steps) == sorted(step.id for step in analysis.process.steps)
    cut_any = False
    for part in parts:
        sheets = _sheets(part, width, height)
        cut_any = cut_any or len(sheets) > 1  # these maps are too tall for a page at 6 pt
        for scale, top, bottom, _, _ in sheets:
            assert scale * (_smallest_font(part.drawing) or 99) >= MIN_TEXT_PT - 1e-6
            assert part.drawing.width * scale <= width + 0.01 and (bottom - top) * scale <= height + 0.01
        # the actual cuts, and those for pages of every height at which a seam always fits (from the widest gap
        # between two seams up): never through a step or its name
        ys = [0.0] + sorted(y for y, _ in part.seams) + [part.drawing.height]
        need = max(b - a for a, b in zip(ys, ys[1:])) + 41.0
        rooms = [need + 23.0 * k for k in range(60)]
        for _, _, bottom, sheet, count in sheets:  # and the sheets the report prints
            y = bottom - TITLE_H
            if sheet < count:
                assert any(abs(bottom - seam) < 0.01 for seam, _ in part.seams), (bottom, part.seams)  # at a seam
                assert not any(
                    n.y < y < n.y + n.height or n.label_box[1] < y < sum(n.label_box[1::2]) for n in part.layout.nodes
                )
        for room in rooms:
            for _, bottom in _cut_rows(part, room)[:-1]:
                y = bottom - TITLE_H
                for node in part.layout.nodes:
                    for box in ((node.x, node.y, node.width, node.height), node.label_box):
                        assert not box[1] < y < box[1] + box[3], (node.step, room, y, box)
    assert cut_any


@pytest.mark.parametrize("stem", [p.stem for p in bundled()])
def test_portrait_pages_are_filled(stem: str, documents: dict) -> None:
    """A portrait page followed by another portrait page has text down to at least 55% of its height (the lowest
    word above the footer): a heading and the chart under it no longer start a new page when they fit (a
    KeepTogether inside another measured as endless and left e.g. 55% of a page empty before "Waar zaken
    wachten")."""
    path, _ = documents[stem]
    sizes = _sizes(path)
    for page, (width, height) in enumerate(sizes[:-1], 1):
        following = sizes[page]
        if width > height or following[0] > following[1]:
            continue  # a landscape page, or the last page before the swimlane's landscape pages
        words = _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-")
        lowest = max(float(y) for y in re.findall(r'yMax="([\d.]+)"', words) if float(y) < height - 60)
        assert lowest >= 0.55 * height, (page, round(lowest / height, 2))


def test_the_table_of_all_maps_breaks_no_word(documents: dict, tmp_path: Path) -> None:
    """Page 1 of a folder's PDF: the table of all maps (ten columns) in 7-point cells, every map's name in whole
    words ("Evenementenvergun / ning" before) and each figure on one line ("41 /" over "41" before)."""
    from procesmap.render._document import _late_cell
    from procesmap.render._labels import Labels

    analyses = [analysis for _, analysis in documents.values()]
    path = tmp_path / "all.pdf"
    path.write_bytes(render_pdf(analyses, "nl"))
    page = _run("pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-")
    words = set(page.split())
    for analysis in analyses:
        for word in (analysis.process.name or analysis.process.id).split():
            assert word in words, word
        if analysis.time.term is not None:
            assert _late_cell(analysis, Labels(analysis, "nl")) in page

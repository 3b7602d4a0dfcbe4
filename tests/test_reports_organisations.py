"""The per-organisation picture in the reports (issue 15): a map with handovers between organisations opens its
handovers section with one box per organisation and the handovers between them, in the HTML and the PDF report,
with the same figures as ``procesmap diagram --organisations`` and the handover table; the PDF sets its text at
6 pt or more (read back with poppler); a map without organisation handovers has none."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

import procesmap
from procesmap.diagrams.overview import organisation_overview, render_overview
from procesmap.i18n import number
from procesmap.render.html import render_html
from procesmap.render.pdf import MIN_TEXT_PT, render_pdf

from .conftest import ROOT, need_shared, need_tool

SVG = "{http://www.w3.org/2000/svg}"


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"), cases=500)


def _by_hand(analysis: procesmap.Analysis) -> float:
    """Handovers per case between organisations or with external parties, from the model: expected visits of the
    source times the probability, over the transitions whose roles sit in different organisation groups."""
    process = analysis.process
    roles = {s.id: s.role for s in process.steps}

    def group(step_id: str) -> str | None:
        role = roles[step_id]
        if role is None:
            return None
        if process.is_external(role):
            return "__external__"
        return process.organisation_of(role)

    total = 0.0
    for step in process.steps:
        for nxt in step.next:
            a, b = group(step.id), group(nxt.to)
            if a is not None and b is not None and a != b:
                total += analysis.visits[step.id] * (nxt.p if nxt.p is not None else 1.0)
    return total


class _Sections(HTMLParser):
    """The text and svg ids inside the handovers section, and the order of its figures and tables."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.inside = 0
        self.ids: list[str] = []
        self.order: list[str] = []
        self.figure_classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and (values.get("aria-labelledby") or "").endswith("-handovers"):
            self.inside = 1
            return
        if not self.inside:
            return
        if tag == "section":
            self.inside += 1
        if tag in ("figure", "table"):
            self.order.append(tag)
        if tag == "figure":
            self.figure_classes.append(values.get("class") or "")
        if values.get("id"):
            self.ids.append(values["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "section":
            self.inside -= 1


@pytest.mark.parametrize("name", ["omgevingsvergunning", "evenementenvergunning", "wmo-melding"])
def test_html_handovers_open_with_the_organisations(name: str) -> None:
    analysis = analysis_of(name)
    html = render_html([analysis], "nl")
    parser = _Sections()
    parser.feed(html)
    assert parser.order[0] == "figure" and "table" in parser.order, parser.order
    assert "organisations" in parser.figure_classes[0] and "wide" not in parser.figure_classes[0]
    boxes = {i.split("orgbox-", 1)[1] for i in parser.ids if "orgbox-" in i}
    # drawn for the report's column (1,064 px = 798 pt): shown at its own size, its labels about 10 px
    from procesmap.render.html import COLUMN_PT

    section_svg = re.search(r'<figure class="diagram organisations">.*?<svg[^>]*viewBox="([^"]+)"', html, re.S)
    assert section_svg is not None and float(section_svg.group(1).split()[2]) <= COLUMN_PT + 0.5
    overview = organisation_overview(analysis, "nl")
    assert overview is not None and boxes == {b.key for b in overview.boxes}
    # the same figures as `procesmap diagram --organisations`, label for label
    root = ET.fromstring(render_overview(analysis, "svg", "nl") or b"")
    labels = sorted(
        " ".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("id", "").startswith("orglabel-")
    )
    section = html[re.search(r'<section[^>]*aria-labelledby="[^"]*-handovers"', html).start() :]  # type: ignore[union-attr]
    section = section[: section.index("</section>")]
    for label in labels:
        assert label in section, label
    # and the subtitle's total is the handover table's organisation + external figure, and the model's
    per_case = analysis.handovers.expected_per_case
    assert overview.per_case == pytest.approx(per_case["organisation"] + per_case["external"], abs=1e-9)
    assert overview.per_case == pytest.approx(_by_hand(analysis), rel=1e-6)
    assert number(overview.per_case, "nl", 1) + " overdrachten per zaak" in section


def test_no_picture_without_organisation_handovers(tmp_path: Path) -> None:
    """A draft from `log discover` (no roles) has no organisation boxes in its reports."""
    from procesmap.eventlog import discover, read_log

    log = read_log(need_shared("data", "event-logs", "running-example.xes"))
    analysis = procesmap.analyse(procesmap.loads(discover(log, process_id="running-example")), cases=200)
    assert "orgbox-" not in render_html([analysis], "nl")


def _words(path: Path, page: int) -> list[tuple[float, float, str]]:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [
        (float(a), float(b), w)
        for a, b, w in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)', text)
    ]


@pytest.mark.parametrize("name, landscape", [("omgevingsvergunning", False), ("evenementenvergunning", True)])
def test_pdf_organisations_readable_under_the_handovers_heading(name: str, landscape: bool, tmp_path: Path) -> None:
    """Omgevingsvergunning's four boxes fit the portrait page at 6 pt or more under the heading "Overdrachten";
    evenementenvergunning's five take a landscape A4 page of their own, the heading with them."""
    need_tool("pdftotext", "apt-get install poppler-utils")
    analysis = analysis_of(name)
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf([analysis], "nl"))
    overview = organisation_overview(analysis, "nl")
    assert overview is not None
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    pages = [
        p
        for p in range(1, len(sizes) + 1)
        if re.search(r"× per zaak · \d+ overgang", " ".join(w for _, _, w in _words(path, p)))
    ]
    assert len(pages) == 1, pages
    page = pages[0]
    words = _words(path, page)
    text = " ".join(w for _, _, w in words)
    assert "Overdrachten" in text.split()[:3]  # the section's heading opens the page, the picture under it
    for box in overview.boxes:
        assert set(box.name.split()) <= set(text.split()), box.name
    for arrow in overview.arrows:
        assert arrow.label.split(" · ")[0].split()[0] in text
    picture = [(a, b, w) for a, b, w in words if w in ("overgang", "overgangen", "stappen", "stap", "rollen", "rol")]
    assert picture and all(b - a >= MIN_TEXT_PT - 0.05 for a, b, _ in picture), min(b - a for a, b, _ in picture)
    width, height = sizes[page - 1]
    assert (width > height) == landscape
    if landscape:  # A4 landscape whatever the paper, and the tables go on after it on a portrait page
        assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1
        assert sizes[page][0] < sizes[page][1]

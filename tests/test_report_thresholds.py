"""Renderers mark what the findings and the settings say, never a threshold of their own (issue 14).

A map with one role at 1,300 of 1,840 hours a year (70.7%, worked out below by hand) is analysed
with PM303's threshold lowered to 0.5: PM303 finds the role, so every report marks its row, and
the utilisation chart draws its bottleneck line at 50%, not at 85%. With the defaults nothing is marked.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Settings

MAP = """procesmap: 1
id: loket
name: Loket
owner: medewerker
volume: 1000/year
roles:
  medewerker: {people: 1, fte: 1}
  controleur: {people: 1, fte: 1}
steps:
  - {id: aanvraag, type: start, role: medewerker, work: 48m, next: toets}
  - {id: toets, type: task, role: controleur, work: 30m, next: klaar}
  - {id: klaar, type: end, role: medewerker, work: 30m}
"""

# by hand: 1,000 cases x (48 + 30) minutes = 1,300 hours; 1 fte x 8 h x 5 d x 46 weeks = 1,840 hours
UTILISATION = 1300 / 1840
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture()
def loket(tmp_path: Path) -> Path:
    path = tmp_path / "loket.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def _analyse(path: Path, **options: object) -> "procesmap.Analysis":
    return procesmap.analyse(procesmap.load(path), Settings(cases=500, options=dict(options)))  # type: ignore[arg-type]


def test_the_map_has_the_load_worked_out_by_hand(loket: Path) -> None:
    analysis = _analyse(loket)
    assert math.isclose(analysis.capacity.roles["medewerker"].utilisation or 0.0, UTILISATION, rel_tol=1e-9)
    assert not [f for f in analysis.findings if f.code in ("PM303", "PM304")]


def test_a_lowered_pm303_threshold_marks_the_row_everywhere(loket: Path) -> None:
    analysis = _analyse(loket, PM303={"threshold": 0.5})
    assert [f.subject for f in analysis.findings if f.code == "PM303"] == ["medewerker"]
    # terminal: the row carries the mark; the other role does not
    text = procesmap.report(analysis, "terminal", "en")
    rows = [line for line in text.splitlines() if "█" in line]  # the capacity table's rows have a bar
    marked = {line.split()[0]: "bottleneck" in line for line in rows}
    assert marked == {"medewerker": True, "controleur": False}, rows
    # Markdown: the capacity row says it
    markdown = procesmap.report(analysis, "markdown", "en")
    assert re.search(r"^\| medewerker \(bottleneck\) \| 1,300 \| 1,840 \| 71% \|$", markdown, re.M), markdown
    # HTML: the capacity and the queueing rows are classed as PM303 marks them
    html = procesmap.report(analysis, "html", "en")
    classes = re.findall(r'<tr class="(\w+)">\s*<th scope="row">medewerker', html)
    assert classes == ["warning", "warning"]  # the capacity table, then the queueing table
    assert not re.search(r'<tr class="\w+">\s*<th scope="row">controleur', html)


def test_the_chart_draws_the_configured_thresholds(loket: Path) -> None:
    from procesmap.render.charts import chart_svg

    analysis = _analyse(loket, PM303={"threshold": 0.5}, PM304={"threshold": 0.9})
    root = ET.fromstring(chart_svg("utilisation_chart", analysis, "en") or "")
    texts = " ".join(e.text or "" for e in root.iter(f"{SVG}text"))
    assert "50%: bottleneck" in texts and "90%: overloaded" in texts and "85%" not in texts
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    left = float(bars[0].get("x", "0"))
    scale = float(bars[0].get("width", "0")) / UTILISATION
    vertical = {
        round(float(e.get("x1", "0")))
        for e in root.iter(f"{SVG}line")
        if e.get("x1") == e.get("x2") and e.get("stroke") in ("#e08a00", "#c0392b") and e.get("stroke-width") == "1.2"
    }
    assert vertical == {round(left + 0.5 * scale), round(left + 0.9 * scale)}
    assert bars[0].get("fill") == "#e08a00"  # the PM303 colour, from the finding


def test_a_rule_that_is_off_draws_no_line_and_marks_nothing(loket: Path) -> None:
    from procesmap.render.charts import chart_svg

    analysis = procesmap.analyse(
        procesmap.load(loket), Settings(cases=500, severities={"PM303": "off"}, options={"PM303": {"threshold": 0.5}})
    )
    assert analysis.capacity.thresholds == {"overloaded": 1.0}
    root = ET.fromstring(chart_svg("utilisation_chart", analysis, "en") or "")
    texts = " ".join(e.text or "" for e in root.iter(f"{SVG}text"))
    assert "bottleneck" not in texts and "100%: overloaded" in texts
    assert "bottleneck" not in procesmap.report(analysis, "terminal", "en")


def test_the_histogram_bins_come_from_the_analysis(loket: Path) -> None:
    """The chart draws ``time.cycle_histogram``; its bins hold every simulated case (counted again here)."""
    analysis = _analyse(loket)
    histogram = analysis.time.cycle_histogram
    samples = sorted(float(v) for v in analysis.time.cycle_samples)
    assert len(histogram.edges) == len(histogram.shares[0]) + 1 == 41
    assert histogram.edges[0] <= samples[0] and histogram.edges[-1] >= samples[-1]
    for index, share in enumerate(histogram.shares[0]):
        low, high = histogram.edges[index], histogram.edges[index + 1]
        last = index == len(histogram.shares[0]) - 1
        count = sum(1 for v in samples if low <= v < high or (last and v == high))
        assert math.isclose(share, count / len(samples))

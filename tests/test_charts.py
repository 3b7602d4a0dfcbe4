"""The report charts (procesmap.render.charts): geometry read back from the SVG, ticks, escaping.

The charts are written as SVG by hand, so the tests read the coordinates back and check
that they say what the Analysis says: one bar per shown step or role, bar lengths in the
ratio of the figures, reference lines at their values, histogram shares summing to one.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import procesmap
from procesmap.render.charts import CHARTS, MAX_BARS, chart_svg, nice_ticks

from .conftest import bundled

SVG = "{http://www.w3.org/2000/svg}"


def _analysis(name: str) -> "procesmap.Analysis":
    return procesmap.analyse(procesmap.load(Path(__file__).resolve().parent.parent / "processes" / f"{name}.yaml"))


def _svg(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    return root


def _bars(root: ET.Element) -> list[ET.Element]:
    """The data bars: rects that carry a tooltip."""
    return [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


@given(st.floats(-1e6, 1e6), st.floats(1e-3, 1e6), st.integers(2, 10))
def test_nice_ticks_are_round_even_and_inside(low: float, span: float, most: int) -> None:
    high = low + span
    ticks = nice_ticks(low, high, most)
    assert 1 <= len(ticks) <= most
    assert all(low - 1e-6 * span <= tick <= high + 1e-6 * span for tick in ticks)
    steps = [b - a for a, b in zip(ticks, ticks[1:])]
    if steps:
        step = steps[0]
        assert all(math.isclose(s, step, rel_tol=1e-6, abs_tol=1e-9 * max(abs(low), abs(high))) for s in steps)
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1.0, 2.0, 2.5, 5.0, 10.0))
    # enough ticks to read the axis: a step never wider than half the range (unless one fits)
    assert len(ticks) >= 2 or span < 1e-2 or most < 3


def test_nice_ticks_examples() -> None:
    assert nice_ticks(0.0, 1.18) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(0.0, 18.9) == [0.0, 5.0, 10.0, 15.0]
    assert nice_ticks(0.0, 0.0) == [0.0]


def test_waits_chart_bars_follow_the_figures() -> None:
    analysis = _analysis("omgevingsvergunning")
    root = _svg(chart_svg("waits_chart", analysis, "nl") or "")
    waits = analysis.time.waits[:MAX_BARS]
    bars = _bars(root)
    assert len(bars) == len(waits) == min(len(analysis.time.waits), MAX_BARS)
    widths = [float(b.get("width", "0")) for b in bars]
    for bar, wait, width in zip(bars, waits, widths):
        assert math.isclose(width / widths[0], wait.per_case / waits[0].per_case, rel_tol=0.02, abs_tol=0.02)
    # longest wait on top, Dutch decimal comma in the figures, the "more in the table" note
    ys = [float(b.get("y", "0")) for b in bars]
    assert ys == sorted(ys)
    texts = _texts(root)
    assert any("," in text and text.replace(",", "").isdigit() for text in texts)
    if len(analysis.time.waits) > MAX_BARS:
        assert any("meer" in text for text in texts)


def test_utilisation_chart_colours_and_reference_lines() -> None:
    analysis = _analysis("omgevingsvergunning")
    root = _svg(chart_svg("utilisation_chart", analysis, "en") or "")
    bars = _bars(root)
    values = sorted(
        (load.utilisation for load in analysis.capacity.roles.values() if load.utilisation is not None), reverse=True
    )[:MAX_BARS]
    assert len(bars) == len(values)
    for bar, value in zip(bars, values):
        expected = "#c0392b" if value >= 1.0 else "#e08a00" if value >= 0.85 else "#2f6db5"
        assert bar.get("fill") == expected
    left = float(bars[0].get("x", "0"))
    scale = float(bars[0].get("width", "0")) / values[0]
    vertical = {
        round(float(l.get("x1", "0")), 0)
        for l in root.iter(f"{SVG}line")
        if l.get("x1") == l.get("x2") and l.get("stroke") in ("#e08a00", "#c0392b") and l.get("stroke-width") == "1.2"
    }
    assert vertical == {round(left + 0.85 * scale, 0), round(left + 1.0 * scale, 0)}
    assert "85%: bottleneck" in " ".join(_texts(root))


def test_cycle_time_histogram_shares_sum_to_one_and_term_line() -> None:
    analysis = _analysis("omgevingsvergunning")
    root = _svg(chart_svg("cycle_time_chart", analysis, "en") or "")
    bars = _bars(root)
    assert 1 <= len(bars) <= 40
    shares = [float(b.find(f"{SVG}title").text.rsplit(": ", 1)[1].rstrip("%")) for b in bars]  # type: ignore[union-attr]
    assert math.isclose(sum(shares), 100.0, abs_tol=0.05 * len(shares))
    texts = " ".join(_texts(root))
    assert f"({analysis.time.term:.0f} d)" in texts


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_stays_inside_its_picture(file: Path, name: str) -> None:
    from procesmap.diagrams.layout import text_width

    analysis = procesmap.analyse(procesmap.load(file))
    text = chart_svg(name, analysis, "nl")
    if text is None:
        return
    root = _svg(text)
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    for rect in root.iter(f"{SVG}rect"):
        x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
        assert 0 <= x and x + w <= width + 0.5 and 0 <= y and y + h <= height + 0.5
    for element in root.iter(f"{SVG}text"):
        if element.get("transform"):
            continue
        x, y, size = float(element.get("x", "0")), float(element.get("y", "0")), float(element.get("font-size", "0"))
        span = text_width(element.text or "", size)
        start = {"start": x, "middle": x - span / 2, "end": x - span}[element.get("text-anchor", "start")]
        assert -1 <= start and start + span <= width + 1, (element.text, start, span, width)
        assert size <= y <= height


def test_chart_text_is_escaped(tmp_path: Path) -> None:
    from .test_reports_html import HOSTILE_TEXTS, hostile_analysis

    analysis = hostile_analysis(tmp_path)
    drawn = 0
    for name in CHARTS:
        text = chart_svg(name, analysis, "en")
        if text is None:
            continue
        drawn += 1
        root = _svg(text)  # well-formed although the names hold markup
        assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "img", "foreignObject")]
        assert not any(name.startswith("on") for e in root.iter() for name in e.attrib)
    assert drawn >= 2
    shown = " ".join(_texts(_svg(chart_svg("waits_chart", analysis, "en") or "")))
    assert any(hostile.split()[0] in shown for hostile in HOSTILE_TEXTS)


def test_tick_labels_show_the_decimals_they_need() -> None:
    from procesmap.render.charts import tick_digits

    assert tick_digits([0.0, 5.0, 10.0]) == 0
    assert tick_digits([0.0, 2.5, 5.0, 7.5]) == 1
    assert tick_digits([0.0, 0.25, 0.5]) == 2
    assert tick_digits([0.0, 0.2, 0.4], scale=100) == 0
    root = _svg(chart_svg("cycle_time_chart", _analysis("kcc-vraag-doorzetten"), "nl") or "")
    labels = [
        e.text or "" for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "middle" and not e.get("transform")
    ]
    numbers = [label for label in labels if label.replace(",", "").replace(".", "").isdigit()]
    assert len(numbers) == len(set(numbers)) >= 3  # no two ticks rounded to the same label


def test_bar_and_histogram_chart_draw_the_figures_they_are_given() -> None:
    """The shared drawing the event-log report uses too: bar lengths and bin heights follow the figures."""
    from procesmap.render.charts import bar_chart, histogram_chart

    root = _svg(bar_chart(["a", "b & c"], [300.0, 100.0], lambda v: f"{v:.0f}", "zaken", "Zaken per activiteit"))
    widths = [float(b.get("width", "0")) for b in _bars(root)]
    assert len(widths) == 2 and math.isclose(widths[0] / widths[1], 3.0, rel_tol=1e-3)
    assert "b & c" in _texts(root) and "300" in _texts(root)
    root = _svg(histogram_chart([0.0, 0.01, 0.02, 0.03], [0.5, 0.0, 0.5], "nl", "dagen", "Doorlooptijden"))
    bins = _bars(root)
    assert len(bins) == 2  # an empty bin draws nothing
    assert [b.find(f"{SVG}title").text for b in bins] == ["0,00–0,01: 50,0%", "0,02–0,03: 50,0%"]  # type: ignore[union-attr]
    assert float(bins[0].get("height", "0")) == float(bins[1].get("height", "0")) > 0

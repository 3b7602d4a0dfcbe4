"""Charts for the HTML and PDF reports, written directly as small SVG documents.

Where people would rather look than read: where cases wait, the utilisation
per role, and the distribution of cycle time against the legal term. Every
figure comes from the Analysis (``time.waits``, ``capacity.roles``,
``time.cycle_samples``); here it is only drawn.

Why SVG by hand and not matplotlib: these are three plain charts (bars and a
histogram), and matplotlib spent about as long drawing them as the whole
swimlane (each figure drawn twice for its layout), which put the HTML report of
all bundled maps over its 3-second budget. Written here they cost milliseconds,
the labels stay real text (searchable, selectable, translated, escaped), and
the output is deterministic. The same SVG goes inline into the HTML page and,
through svglib, as vector graphics with embedded DejaVu into the PDF; so only
what svglib understands is used: no CSS classes, no ``dominant-baseline``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

from procesmap.i18n import number, percent, t

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = [
    "CHARTS",
    "chart_svg",
    "waits_chart",
    "utilisation_chart",
    "cycle_time_chart",
    "nice_ticks",
    "tick_digits",
    "bar_chart",
    "histogram_chart",
    "advice_chart",
]

MAX_BARS = 12
MAX_LABEL = 44
WIDTH = 720.0
FONT = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
LABEL_SIZE = 11.0
SMALL_SIZE = 10.0
_BLUE, _ORANGE, _RED, _GREY, _DARK, _GRID = "#2f6db5", "#e08a00", "#c0392b", "#7f7f7f", "#333333", "#e3e3e3"


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _width(text: str, size: float) -> float:
    from procesmap.diagrams.layout import (  # lazy: the diagram layout (text widths) loads only when a chart is drawn
        text_width,
    )

    return text_width(text, size)


def nice_ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 times a power of ten) covering ``low``..``high``, at most ``most`` of them."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else [0.0]
    span = high - low
    for step in sorted(
        m * 10.0**e
        for e in range(math.floor(math.log10(span / most)) - 1, math.floor(math.log10(span)) + 2)
        for m in (1.0, 2.0, 2.5, 5.0)
    ):
        first = math.ceil(low / step - 1e-9)
        last = math.floor(high / step + 1e-9)
        if last - first + 1 <= most:
            return [round(i * step, 12) for i in range(first, last + 1)]
    return [low, high]  # pragma: no cover - the loop always finds a step


def tick_digits(ticks: Sequence[float], scale: float = 1.0) -> int:
    """The fewest decimals (0-3) that show every tick (times ``scale``) exactly: 2.5 needs one, 5 none."""
    for digits in range(4):
        if all(abs(tick * scale - round(tick * scale, digits)) < 1e-9 * max(1.0, abs(tick * scale)) for tick in ticks):
            return digits
    return 3


@dataclass
class _Svg:
    """A tiny SVG writer: coordinates in pixels, y downwards, text on its baseline."""

    width: float
    height: float
    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, tip: str | None = None) -> None:
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0.0):.1f}" height="{h:.1f}" fill="{fill}">{title}</rect>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1.0, dash: str | None = None
    ) -> None:
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width}"{dashes}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = LABEL_SIZE,
        anchor: str = "start",
        colour: str = _DARK,
        rotate: bool = False,
    ) -> None:
        turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" '
            f'fill="{colour}"{turn}>{escape(text)}</text>'
        )

    def legend(self, right: float, top: float, entries: Sequence[tuple[str, str, str | None]]) -> float:
        """Legend entries (label, colour, dash) right-aligned at ``right``, wrapped into rows; returns its height."""
        rows: list[list[tuple[str, str, str | None, float]]] = [[]]
        used = 0.0
        for label, colour, dash in entries:
            item = 26.0 + _width(label, SMALL_SIZE) + 14.0
            if rows[-1] and used + item > right - 8.0:
                rows.append([])
                used = 0.0
            rows[-1].append((label, colour, dash, item))
            used += item
        for index, row in enumerate(rows):
            x = right - sum(item for *_, item in row) + 14.0
            y = top + 8.0 + index * 16.0
            for label, colour, dash, item in row:
                self.line(x, y, x + 20.0, y, colour, 1.5, dash)
                self.text(x + 26.0, y + 3.5, label, SMALL_SIZE)
                x += item
        return len(rows) * 16.0

    def document(self, label: str) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width:.0f}" height="{self.height:.0f}" '
            f'viewBox="0 0 {self.width:.0f} {self.height:.0f}" font-family={quoteattr(FONT)}>'
            f"<title>{escape(label)}</title>" + "".join(self.parts) + "</svg>\n"
        )


def _bars(
    labels: list[str],
    values: list[float],
    colours: list[str],
    value_text: Callable[[float], str],
    axis_label: str,
    title: str,
    note: str | None = None,
    lines: Sequence[tuple[float, str, str, str | None]] = (),
    tick_text: Callable[[float, int], str] | None = None,
) -> str:
    """Horizontal bars, largest on top: the common drawing of the waits and the utilisation chart.

    ``lines`` are reference lines (value, label, colour, dash) drawn across the bars and named in a legend;
    ``tick_text(value, digits)`` formats the axis ticks with the decimals they need (default: like the values).
    """
    label_width = min(max((_width(label, LABEL_SIZE) for label in labels), default=0.0) + 14.0, WIDTH * 0.45)
    left, right = label_width, WIDTH - 16.0
    top = 8.0
    svg = _Svg(WIDTH, 0.0)
    header = 0.0
    if lines:
        header = svg.legend(right, top, [(label, colour, dash) for _, label, colour, dash in lines])
    if note:
        svg.text(left if lines else right, top + header + 11.0, note, SMALL_SIZE, "start" if lines else "end", _GREY)
        header += 16.0
    plot_top = top + header + (6.0 if header else 0.0)
    pitch, bar = 30.0, 19.0
    plot_bottom = plot_top + pitch * len(values)
    highest = max([*values, *(value for value, *_ in lines)], default=0.0)
    limit = highest * 1.18 if highest > 0 else 1.0
    ticks = [tick for tick in nice_ticks(0.0, limit) if tick <= limit + 1e-12]
    digits = tick_digits(ticks)

    def tick_label(value: float) -> str:
        return tick_text(value, digits) if tick_text else value_text(value)

    def x_of(value: float) -> float:
        return left + (right - left) * max(value, 0.0) / limit

    for tick in ticks:
        svg.line(x_of(tick), plot_top, x_of(tick), plot_bottom, _GRID)
        svg.line(x_of(tick), plot_bottom, x_of(tick), plot_bottom + 4.0, _DARK)
        svg.text(x_of(tick), plot_bottom + 17.0, tick_label(tick), SMALL_SIZE, "middle")
    rows = [
        (plot_top + index * pitch + (pitch - bar) / 2.0, label, value, colour)
        for index, (label, value, colour) in enumerate(zip(labels, values, colours))
    ]
    for y, label, value, colour in rows:
        svg.rect(left, y, x_of(value) - left, bar, colour, f"{label}: {value_text(value)}")
        svg.text(left - 7.0, y + bar / 2.0 + 4.0, label, LABEL_SIZE, "end")
    for value, _, colour, dash in lines:  # over the bars, under the figures
        svg.line(x_of(value), plot_top - 2.0, x_of(value), plot_bottom, colour, 1.2, dash)
    for y, _, value, _ in rows:
        svg.text(x_of(value) + 4.0, y + bar / 2.0 + 3.5, value_text(value), SMALL_SIZE)
    svg.line(left, plot_top, left, plot_bottom, _DARK)
    svg.line(left, plot_bottom, right, plot_bottom, _DARK)
    svg.text((left + right) / 2.0, plot_bottom + 36.0, axis_label, LABEL_SIZE, "middle")
    svg.height = plot_bottom + 46.0
    return svg.document(title)


def waits_chart(analysis: "Analysis", lang: str) -> str | None:
    """Horizontal bars: the wait per case of the steps where cases wait longest (days)."""
    waits = analysis.time.waits
    if not waits:
        return None
    steps = analysis.process.steps_by_id
    shown = waits[:MAX_BARS]
    labels = [_short(steps[w.step].label if w.step in steps else w.step) for w in shown]
    values = [float(w.per_case) for w in shown]
    more = t("report.chart.more", lang, count=len(waits) - MAX_BARS) if len(waits) > MAX_BARS else None

    return _bars(
        labels,
        values,
        [_BLUE] * len(values),
        lambda value: number(value, lang, 1),
        t("report.wait_per_case", lang),
        t("report.waits", lang),
        note=more,
        tick_text=lambda value, digits: number(value, lang, digits),
    )


def utilisation_chart(analysis: "Analysis", lang: str) -> str | None:
    """Horizontal bars: utilisation per role, with lines where PM303 (bottleneck) and PM304 (overloaded) start."""
    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        utilisation_order,
    )

    roles = utilisation_order(analysis)
    if not roles:
        return None
    shown = roles[:MAX_BARS]
    labels = [_short(analysis.process.role_name(r)) for r, _ in shown]
    values = [float(load.utilisation or 0.0) for _, load in shown]  # utilisation_order keeps only roles with one
    marks = analysis.capacity.marks  # coloured where PM304 (red) or PM303 (orange) found the role, as the tables
    colours = [{"overloaded": _RED, "bottleneck": _ORANGE}.get(marks.get(r, ""), _BLUE) for r, _ in shown]
    more = t("report.chart.more", lang, count=len(roles) - MAX_BARS) if len(roles) > MAX_BARS else None
    # the lines where PM303 (bottleneck) and PM304 (overloaded) start, as configured; a rule that is off has none
    thresholds = analysis.capacity.thresholds
    lines = [
        (thresholds[mark], t(f"report.chart.{mark}_line", lang, share=percent(thresholds[mark], lang, 0)), colour, dash)
        for mark, colour, dash in (("bottleneck", _ORANGE, "5,3"), ("overloaded", _RED, None))
        if mark in thresholds
    ]
    return _bars(
        labels,
        values,
        colours,
        lambda v: percent(v, lang, 0),
        t("report.utilisation", lang),
        t("report.capacity", lang),
        note=more,
        lines=lines,
        tick_text=lambda value, digits: percent(value, lang, max(digits - 2, 0)),
    )


def cycle_time_chart(analysis: "Analysis", lang: str) -> str | None:
    """Histogram of the simulated cycle times (bins from ``time.cycle_histogram``), with the legal term,
    term + extension and the service norm."""
    time = analysis.time
    histogram = time.cycle_histogram
    if histogram is None:
        return None
    marks: list[tuple[float, str, str, str | None]] = []
    if time.service_norm is not None:
        marks.append(
            (
                float(time.service_norm),
                t("report.chart.service_norm", lang, days=number(time.service_norm, lang, 0)),
                _GREY,
                "2,3",
            )
        )
    marks += _term_marks(time, lang)
    return histogram_chart(
        histogram.edges,
        histogram.shares[0],
        lang,
        t("report.chart.cycle_axis", lang),
        t("report.cycle_distribution", lang),
        marks,
    )


def bar_chart(
    labels: list[str],
    values: list[float],
    value_text: Callable[[float], str],
    axis_label: str,
    title: str,
    tick_text: Callable[[float, int], str] | None = None,
) -> str:
    """Horizontal bars in one colour, largest first as given (the event-log report's counts, for one)."""
    return _bars(labels, values, [_BLUE] * len(values), value_text, axis_label, title, tick_text=tick_text)


def histogram_chart(
    edges: Sequence[float],
    shares: Sequence[float],
    lang: str,
    x_label: str,
    title: str,
    marks: Sequence[tuple[float, str, str, str | None]] = (),
    compare: tuple[Sequence[float], str, str] | None = None,
) -> str:
    """Vertical bars of the share of cases per bin (``edges`` one longer than ``shares``), with optional
    reference lines ``marks`` (value, label, colour, dash) named in a legend. Bins narrower than a unit get the
    decimals that tell them apart (cases of a few hours have bins of 0.006 days).

    ``compare`` = (shares, label of the bars, label of these shares) draws a second distribution over the same
    bins as an orange outline (before and after a change), both named in the legend.
    """
    low, high = float(edges[0]), float(edges[-1])
    high = high if high > low else low + 1.0
    width = (high - low) / max(len(shares), 1)
    bin_digits = 0 if width >= 1 else min(3, math.ceil(-math.log10(width)))
    svg = _Svg(WIDTH, 0.0)
    if compare is not None:
        marks = [(math.nan, compare[1], _BLUE, None), (math.nan, compare[2], _ORANGE, None), *marks]
    top_share = max([*shares, *(compare[0] if compare else ())], default=0.0) * 1.08 or 1.0
    y_ticks = [tick for tick in nice_ticks(0.0, top_share, 6) if tick <= top_share + 1e-12]
    share_digits = max(tick_digits(y_ticks) - 2, 0)
    left = max(_width(percent(tick, lang, share_digits), SMALL_SIZE) for tick in y_ticks) + 34.0
    right = WIDTH - 16.0
    header = svg.legend(right, 8.0, [(label, colour, dash) for _, label, colour, dash in marks]) if marks else 0.0
    plot_top = 8.0 + header + 10.0
    plot_bottom = plot_top + 200.0

    def x_of(value: float) -> float:
        return left + (right - left) * (value - low) / (high - low)

    def y_of(share: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * share / top_share

    for tick in y_ticks:
        svg.line(left, y_of(tick), right, y_of(tick), _GRID)
        svg.line(left - 4.0, y_of(tick), left, y_of(tick), _DARK)
        svg.text(left - 7.0, y_of(tick) + 3.5, percent(tick, lang, share_digits), SMALL_SIZE, "end")
    for index, share in enumerate(shares):
        if share > 0:
            start, end = float(edges[index]), float(edges[index + 1])
            tip = f"{number(start, lang, bin_digits)}–{number(end, lang, bin_digits)}: {percent(float(share), lang, 1)}"
            svg.rect(
                x_of(start) + 0.5,
                y_of(float(share)),
                x_of(end) - x_of(start) - 1.0,
                plot_bottom - y_of(float(share)),
                _BLUE,
                tip,
            )
    x_ticks = [tick for tick in nice_ticks(low, high) if low - 1e-9 <= tick <= high + 1e-9]
    for tick in x_ticks:
        svg.line(x_of(tick), plot_bottom, x_of(tick), plot_bottom + 4.0, _DARK)
        svg.text(x_of(tick), plot_bottom + 17.0, number(tick, lang, tick_digits(x_ticks)), SMALL_SIZE, "middle")
    if compare is not None:  # the second distribution: a step outline over the bars
        level = plot_bottom
        for index, share in enumerate(compare[0]):
            start, end = x_of(float(edges[index])), x_of(float(edges[index + 1]))
            y = y_of(float(share))
            svg.line(start, level, start, y, _ORANGE, 2.0)
            svg.line(start, y, end, y, _ORANGE, 2.0)
            level = y
        svg.line(x_of(float(edges[-1])), level, x_of(float(edges[-1])), plot_bottom, _ORANGE, 2.0)
    for value, _, colour, dash in marks:
        if math.isfinite(value):
            svg.line(x_of(value), plot_top - 4.0, x_of(value), plot_bottom, colour, 1.5, dash)
    svg.line(left, plot_top, left, plot_bottom, _DARK)
    svg.line(left, plot_bottom, right, plot_bottom, _DARK)
    svg.text((left + right) / 2.0, plot_bottom + 36.0, x_label, LABEL_SIZE, "middle")
    svg.text(
        14.0, (plot_top + plot_bottom) / 2.0, t("report.chart.share_of_cases", lang), LABEL_SIZE, "middle", rotate=True
    )
    svg.height = plot_bottom + 46.0
    return svg.document(title)


def _term_marks(time: object, lang: str) -> list[tuple[float, str, str, str | None]]:
    """The legal term and term + extension as reference lines of a cycle-time chart."""
    marks: list[tuple[float, str, str, str | None]] = []
    term, extension = getattr(time, "term", None), getattr(time, "term_extension", None)
    if term is not None:
        marks.append((float(term), t("report.chart.term", lang, days=number(term, lang, 0)), _RED, None))
        if extension is not None:
            extended = float(term + extension)
            marks.append((extended, t("report.chart.extended", lang, days=number(extended, lang, 0)), _RED, "6,3"))
    return marks


def advice_chart(analysis: "Analysis", lang: str) -> str | None:
    """The cycle time before (bars) and after the best intervention (outline) of the analysis's advice
    (:class:`procesmap.advice.Advice`, bins from ``Advice.best_histogram``), against the term and term + extension."""
    advice = getattr(analysis, "advice", None)
    histogram = advice.best_histogram() if advice is not None else None
    if advice is None or histogram is None:
        return None
    return histogram_chart(
        histogram.edges,
        histogram.shares[0],
        lang,
        t("report.chart.cycle_axis", lang),
        t("advise.chart_title", lang, intervention=advice.best.candidate.description(lang)),
        _term_marks(analysis.time, lang),
        compare=(histogram.shares[1], t("advise.chart.before", lang), t("advise.chart.after", lang)),
    )


CHARTS: dict[str, Callable[["Analysis", str], str | None]] = {
    "waits_chart": waits_chart,
    "utilisation_chart": utilisation_chart,
    "cycle_time_chart": cycle_time_chart,
    "advice_chart": advice_chart,
}


def chart_svg(name: str, analysis: "Analysis", lang: str) -> str | None:
    """The chart ``name`` (a key of :data:`CHARTS`) as an SVG string, or ``None`` when there is nothing to draw."""
    return CHARTS[name](analysis, lang)

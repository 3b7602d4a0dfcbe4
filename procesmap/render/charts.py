"""Charts for the HTML and PDF reports, drawn with matplotlib as SVG strings.

Where people would rather look than read: where cases wait, the utilisation
per role, and the distribution of cycle time against the legal term. Every
figure comes from the Analysis (``time.waits``, ``capacity.roles``,
``time.cycle_samples``); here it is only drawn.

Why SVG from a bare ``Figure`` (no pyplot): no global state, no GUI backend,
safe to call from anywhere; the same SVG goes inline into the HTML page and,
through svglib, as vector graphics into the PDF. ``text_as_paths`` draws the
glyphs as paths (for the PDF, where fonts must be embedded); without it the
labels stay real, searchable SVG text (for the HTML). Output is deterministic:
a fixed hash salt for ids and no date in the metadata.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Callable

from procesmap.i18n import number, percent, t

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["CHARTS", "chart_svg", "waits_chart", "utilisation_chart", "cycle_time_chart"]

MAX_BARS = 12
MAX_LABEL = 44
_BLUE, _ORANGE, _RED, _GREY, _DARK = "#2f6db5", "#e08a00", "#c0392b", "#7f7f7f", "#333333"


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _figure(height_in: float, width_in: float = 7.2) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")  # one draw, no bbox_inches="tight"
    fig.patch.set_alpha(0.0)
    return fig


def _style(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=_DARK, labelsize=9)
    ax.xaxis.label.set_color(_DARK)
    ax.yaxis.label.set_color(_DARK)


def _to_svg(fig: Any, text_as_paths: bool) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path" if text_as_paths else "none", "svg.hashsalt": "procesmap",
                                "svg.id": None}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def _rc() -> dict[str, Any]:
    return {"font.family": ["DejaVu Sans"], "font.size": 9, "axes.titlesize": 10, "axes.labelsize": 9}


def waits_chart(analysis: "Analysis", lang: str, text_as_paths: bool = False) -> str | None:
    """Horizontal bars: the wait per case of the steps where cases wait longest (days)."""
    import matplotlib
    from matplotlib.ticker import FuncFormatter

    waits = analysis.time.waits
    if not waits:
        return None
    steps = analysis.process.steps_by_id
    shown = waits[:MAX_BARS]
    labels = [_short(steps[w.step].label if w.step in steps else w.step) for w in shown][::-1]
    values = [w.per_case for w in shown][::-1]
    with matplotlib.rc_context(_rc()):
        fig = _figure(0.9 + 0.32 * len(shown))
        ax = fig.add_subplot()
        bars = ax.barh(range(len(values)), values, color=_BLUE, height=0.62)
        ax.set_yticks(range(len(values)), labels)
        ax.set_xlabel(t("report.wait_per_case", lang))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: number(x, lang, 0 if abs(x - round(x)) < 1e-9 else 1)))
        top = max(values) if values else 1.0
        ax.set_xlim(0, top * 1.18 if top > 0 else 1.0)
        for bar, value in zip(bars, values):
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, number(value, lang, 1),
                    va="center", ha="left", fontsize=8, color=_DARK)
        if len(waits) > MAX_BARS:
            ax.set_title(t("report.chart.more", lang, count=len(waits) - MAX_BARS), loc="right", fontsize=8, color=_GREY)
        _style(ax)
        return _to_svg(fig, text_as_paths)


def utilisation_chart(analysis: "Analysis", lang: str, text_as_paths: bool = False) -> str | None:
    """Horizontal bars: utilisation per role, with the 85% (bottleneck) and 100% (full) lines."""
    import matplotlib
    from matplotlib.ticker import FuncFormatter

    from procesmap.render._document import utilisation_order

    roles = utilisation_order(analysis)
    if not roles:
        return None
    shown = roles[:MAX_BARS]
    labels = [_short(analysis.process.role_name(r)) for r, _ in shown][::-1]
    values = [float(load.utilisation) for _, load in shown][::-1]  # type: ignore[attr-defined]
    colours = [_RED if v >= 1.0 else _ORANGE if v >= 0.85 else _BLUE for v in values]
    with matplotlib.rc_context(_rc()):
        fig = _figure(1.1 + 0.32 * len(shown))
        ax = fig.add_subplot()
        bars = ax.barh(range(len(values)), values, color=colours, height=0.62)
        ax.set_yticks(range(len(values)), labels)
        top = max(max(values), 1.0)
        ax.set_xlim(0, top * 1.18)
        ax.axvline(0.85, color=_ORANGE, linestyle="--", linewidth=1, label=t("report.chart.bottleneck_line", lang))
        ax.axvline(1.0, color=_RED, linestyle="-", linewidth=1, label=t("report.chart.full_line", lang))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: percent(x, lang, 0)))
        ax.set_xlabel(t("report.utilisation", lang))
        for bar, value in zip(bars, values):
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, percent(value, lang, 0),
                    va="center", ha="left", fontsize=8, color=_DARK)
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, frameon=False, fontsize=8, borderaxespad=0.2)
        if len(roles) > MAX_BARS:
            ax.set_title(t("report.chart.more", lang, count=len(roles) - MAX_BARS), loc="left", fontsize=8, color=_GREY)
        _style(ax)
        return _to_svg(fig, text_as_paths)


def cycle_time_chart(analysis: "Analysis", lang: str, text_as_paths: bool = False) -> str | None:
    """Histogram of the simulated cycle times, with the legal term, term + extension and the service norm."""
    import matplotlib
    import numpy as np
    from matplotlib.ticker import FuncFormatter

    samples = analysis.time.cycle_samples
    if samples is None or len(samples) == 0:
        return None
    values = np.asarray(samples, dtype=float)
    time = analysis.time
    with matplotlib.rc_context(_rc()):
        fig = _figure(3.0)
        ax = fig.add_subplot()
        lines = [v for v in (time.term, (time.term + time.term_extension) if time.term is not None and time.term_extension is not None else None,
                             time.service_norm) if v is not None]
        high = max([float(values.max())] + lines)
        low = min(0.0, float(values.min()))
        bins = np.linspace(low, high if high > low else low + 1.0, 41)
        ax.hist(values, bins=bins, weights=np.full(len(values), 1.0 / len(values)), color=_BLUE, alpha=0.85)
        if time.service_norm is not None:
            ax.axvline(time.service_norm, color=_GREY, linestyle=":", linewidth=1.5,
                       label=t("report.chart.service_norm", lang, days=number(time.service_norm, lang, 0)))
        if time.term is not None:
            ax.axvline(time.term, color=_RED, linestyle="-", linewidth=1.5,
                       label=t("report.chart.term", lang, days=number(time.term, lang, 0)))
            if time.term_extension is not None:
                extended = time.term + time.term_extension
                ax.axvline(extended, color=_RED, linestyle="--", linewidth=1.5,
                           label=t("report.chart.extended", lang, days=number(extended, lang, 0)))
        ax.set_xlabel(t("report.chart.cycle_axis", lang))
        ax.set_ylabel(t("report.chart.share_of_cases", lang))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: number(x, lang, 0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: percent(y, lang, 0)))
        if lines:
            ax.legend(loc="upper right", frameon=False, fontsize=8)
        _style(ax)
        return _to_svg(fig, text_as_paths)


CHARTS: dict[str, Callable[..., str | None]] = {
    "waits_chart": waits_chart,
    "utilisation_chart": utilisation_chart,
    "cycle_time_chart": cycle_time_chart,
}


def chart_svg(name: str, analysis: "Analysis", lang: str, text_as_paths: bool = False) -> str | None:
    """The chart ``name`` (a key of :data:`CHARTS`) as an SVG string, or ``None`` when there is nothing to draw."""
    return CHARTS[name](analysis, lang, text_as_paths)

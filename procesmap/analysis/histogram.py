"""The distribution of simulated cycle times as bins: computed here, drawn by :mod:`procesmap.render.charts`.

Why in the analysis: a renderer draws figures, it does not decide them (issue 14). The bins
span from 0 (or the shortest case, if below 0) to the longest case or the furthest reference
line the chart shows (the service norm, the legal term, term + extension), so every line
falls on the axis; 40 bins of equal width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

__all__ = ["Histogram", "BINS", "cycle_histogram", "reference_days"]

BINS = 40


@dataclass(frozen=True)
class Histogram:
    """``edges`` (one more than the bins, days) and per distribution the share of its cases in each bin."""

    edges: list[float]
    shares: list[list[float]]


def reference_days(time: Any, service_norm: bool = True) -> list[float]:
    """The days a cycle-time chart marks: the service norm (unless ``service_norm`` is false), the legal term
    and term + extension (those the map has)."""
    days = []
    if service_norm and getattr(time, "service_norm", None) is not None:
        days.append(float(time.service_norm))
    if getattr(time, "term", None) is not None:
        days.append(float(time.term))
        if getattr(time, "term_extension", None) is not None:
            days.append(float(time.term + time.term_extension))
    return days


def cycle_histogram(samples: Sequence[Any], marks: Sequence[float] = (), bins: int = BINS) -> Histogram | None:
    """Bins shared by every sample set in ``samples`` (arrays of days), wide enough for ``marks``;
    ``None`` when a set is empty or missing."""
    import numpy as np  # lazy: numpy loads only when figures are computed, not for `procesmap --help`

    arrays = [np.asarray(s, dtype=float) for s in samples if s is not None]
    if not arrays or len(arrays) != len(samples) or any(not len(a) for a in arrays):
        return None
    high = max([float(a.max()) for a in arrays] + [float(m) for m in marks])
    low = min([0.0] + [float(a.min()) for a in arrays])
    high = high if high > low else low + 1.0
    edges = np.linspace(low, high, bins + 1)
    shares = [[float(c) / len(a) for c in np.histogram(a, bins=edges)[0]] for a in arrays]
    return Histogram([float(e) for e in edges], shares)

"""Percentiles of simulated figures, exactly as ``np.percentile`` (its default, linear method) gives them.

Why not ``np.percentile`` itself: it calls ``np.unique``, which asks ``np.ma.is_masked`` and so imports
``numpy.ma`` (5-15 ms) in every process that reports a percentile, for arrays that are never masked. The
same figures come from one ``np.partition`` and numpy's own interpolation, written out: the virtual index
``(n - 1) * q`` with ``q = percent / 100``, the values below and above it, and numpy's ``_lerp`` (``a + (b -
a) * t``, or ``b - (b - a) * (1 - t)`` from ``t = 0.5`` on). Tests hold every result to ``np.percentile``
bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["percentile", "percentiles"]


def percentiles(values: "np.ndarray | Sequence[float]", percents: Sequence[float]) -> list[float]:
    """``np.percentile(values, percents)`` as floats, for a non-empty array of numbers (NaN if one is NaN)."""
    array = np.asarray(values, dtype=float).ravel()
    count = array.size
    if count == 0:
        raise ValueError("the percentile of no values")
    spots = []
    for percent in percents:
        virtual = (count - 1) * (percent / 100.0)
        if virtual >= count - 1:  # numpy takes the last value on both sides, as index -1
            below, above, gamma = count - 1, count - 1, virtual + 1
        elif virtual < 0:
            below, above, gamma = 0, 0, virtual
        else:
            below = math.floor(virtual)
            above, gamma = below + 1, virtual - below
        spots.append((below, above, gamma))
    order = np.partition(array, sorted({0, count - 1, *(s[0] for s in spots), *(s[1] for s in spots)}))
    if math.isnan(order[count - 1]):  # partition puts NaN last, as a sort does
        return [math.nan] * len(spots)
    out = []
    for below, above, gamma in spots:
        a, b = float(order[below]), float(order[above])
        difference = b - a
        out.append(b - difference * (1 - gamma) if gamma >= 0.5 else a + difference * gamma)
    return out


def percentile(values: "np.ndarray | Sequence[float]", percent: float) -> float:
    """``np.percentile(values, percent)`` as a float (see :func:`percentiles`)."""
    return percentiles(values, [percent])[0]

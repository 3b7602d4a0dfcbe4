"""Durations as distributions in one unit, and draws from them by inverse transform.

Both engines (the vectorised Monte Carlo of :mod:`procesmap.analysis.timing` and the queueing
simulation of :mod:`procesmap.analysis.simulation`) draw every duration from a uniform number
through its quantile function. A scenario that changes one step's duration therefore keeps
every uniform number: common random numbers, so a difference between two runs is the change,
never noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from procesmap.durations import Calendar, Duration, Fixed, Gamma, Samples, Triangular

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Spec", "elapsed_spec", "effort_spec", "quantiles", "ZERO"]


@dataclass(frozen=True)
class Spec:
    """A distribution in one unit: ``tri`` (low, mode, high), ``samples`` (values...) or ``gamma`` (mean, cv)."""

    kind: str
    values: tuple[float, ...]

    @property
    def mean(self) -> float:
        if self.kind == "tri":
            return sum(self.values) / 3.0
        if self.kind == "gamma":
            return self.values[0]
        return sum(self.values) / len(self.values)

    @property
    def second_moment(self) -> float:
        """E[X^2], for the analytic queue (the squared coefficient of variation of service)."""
        if self.kind == "tri":
            a, c, b = self.values
            variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0
            return variance + self.mean**2
        if self.kind == "gamma":
            mean, cv = self.values
            return mean * mean * (1.0 + cv * cv)
        return sum(v * v for v in self.values) / len(self.values)

    @property
    def constant(self) -> bool:
        if self.kind == "tri":
            return self.values[0] == self.values[2]
        if self.kind == "gamma":
            return self.values[1] == 0.0 or self.values[0] == 0.0
        return len(set(self.values)) == 1

    def scaled(self, factor: float) -> "Spec":
        """The same shape with every value times ``factor`` (cv unchanged)."""
        if self.kind == "gamma":
            return Spec("gamma", (self.values[0] * factor, self.values[1]))
        return Spec(self.kind, tuple(v * factor for v in self.values))


ZERO = Spec("tri", (0.0, 0.0, 0.0))


def _spec(duration: Duration | None, convert) -> Spec:  # type: ignore[no-untyped-def]
    if duration is None:
        return ZERO
    if isinstance(duration, Gamma):
        return Spec("gamma", (convert(duration.mean), float(duration.cv)))
    values = tuple(convert(a) for a in duration.amounts())
    if isinstance(duration, Samples):
        return Spec("samples", values)
    if isinstance(duration, Triangular):
        return Spec("tri", values)
    assert isinstance(duration, Fixed)
    return Spec("tri", values * 3)


def elapsed_spec(duration: Duration | None, unit_days: float = 1.0) -> Spec:
    """An elapsed duration (``wait``, ``lead``) in days (``unit_days=1/24``: in hours)."""
    return _spec(duration, lambda a: a.elapsed_days() / unit_days)


def effort_spec(duration: Duration | None, calendar: Calendar) -> Spec:
    """Effort (``work``) in working hours of ``calendar``."""
    return _spec(duration, lambda a: a.effort_hours(calendar))


def quantiles(spec: Spec, u: "np.ndarray") -> "np.ndarray":
    """The values of ``spec`` at the uniform numbers ``u`` (its quantile function, vectorised)."""
    import numpy as np  # lazy: numpy loads only when figures are computed, not for `procesmap --help`

    if spec.constant:
        return np.full(len(u), spec.mean)
    if spec.kind == "tri":
        a, c, b = spec.values
        width = b - a
        left = a + np.sqrt(u * width * (c - a))
        right = b - np.sqrt((1.0 - u) * width * (b - c))
        return np.where(u < (c - a) / width, left, right)
    if spec.kind == "samples":
        pool = np.asarray(spec.values)
        return pool[np.minimum((u * len(pool)).astype(np.int64), len(pool) - 1)]
    mean, cv = spec.values
    if cv == 1.0:
        exponential: np.ndarray = -mean * np.log1p(-u)
        return exponential
    from scipy.special import gammaincinv  # lazy: SciPy loads only when this computation runs

    shape = 1.0 / (cv * cv)
    gamma: np.ndarray = gammaincinv(shape, u) * (mean / shape)
    return gamma

"""The simulated cycle- and term-time distribution against an independent computation.

A small map without role capacity (no `people`, so nothing queues: whatever engine simulates it,
a case's time is the sum of the waits and leads it meets) with a triangular wait, observed
samples, a fixed lead, a decision, a suspended step and a rework loop. Its exact distribution
is computed here by numerical convolution (docs/format.md, 'The figures'):

one pass through the map      C = T + 1 + B      T ~ triangular(1, 2, 6) days (wait of s), 1 day lead of s,
                                                B = a sample of {1, 3} days (branch b, p 0.5) or 2 days (c, p 0.5)
its term time                 S = T + 1 + B'     B' = 0 on branch b (suspends the term), 2 on c
number of passes              N ~ geometric      P(N = n) = 0.8 * 0.2^(n - 1)  (rework back to s with p 0.2)
cycle, term time of a case    sum of N independent passes

The sum over N is done in Fourier space (the generating function 0.8 φ / (1 - 0.2 φ) of the
pass's distribution φ) on a grid of 0.002 days. The tolerance of each simulated figure is four
standard errors of a Monte Carlo estimate from n cases, computed from the exact distribution:
sqrt(q (1 - q) / n) / f(x_q) for the q-percentile x_q with density f, sqrt(s (1 - s) / n) for a
share s. A wrong distribution (a triangular drawn as uniform, samples weighted wrongly, the
suspension or the loop mishandled) moves a figure by far more.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import procesmap

MAP = """\
procesmap: 1
id: klein
owner: a
term: 8d
term_extension: 4d
roles:
  a: {name: Behandelaar}
  x: {name: Aanvrager, external: true}
steps:
  - {id: s, type: start, role: a, wait: {min: 1d, mode: 2d, max: 6d}, lead: 1d, next: k}
  - {id: k, type: decision, role: a, next: [{to: b, p: 0.5}, {to: c, p: 0.5}]}
  - {id: b, role: x, wait: {samples: [1d, 3d]}, suspends_term: true, next: r}
  - {id: c, role: a, wait: 2d, next: r}
  - {id: r, type: decision, role: a, next: [{to: s, p: 0.2}, {to: e, p: 0.8}]}
  - {id: e, type: end, role: a}
"""
DX = 0.002  # days per grid cell
SPAN = 200.0  # days on the grid; P(more than 20 passes) < 1e-14
CASES = 100_000
REWORK = 0.2


def _triangular_masses(low: float, mode: float, high: float) -> np.ndarray:
    """Probability of each grid cell [i*DX, (i+1)*DX) under triangular(low, mode, high): exact CDF differences."""
    edges = np.arange(0.0, SPAN + DX / 2, DX)
    cdf = np.where(
        edges <= low,
        0.0,
        np.where(
            edges <= mode,
            (edges - low) ** 2 / ((high - low) * (mode - low)),
            np.where(edges < high, 1.0 - (high - edges) ** 2 / ((high - low) * (high - mode)), 1.0),
        ),
    )
    return np.diff(cdf)


def _shifted(masses: np.ndarray, days: float) -> np.ndarray:
    cells = int(round(days / DX))
    out = np.zeros_like(masses)
    out[cells:] = masses[: len(masses) - cells]
    return out


def _exact(extra: dict[float, float]) -> np.ndarray:
    """Cell masses of the time of a whole case: N passes of T + 1 + (an extra time with the given probabilities)."""
    one = _triangular_masses(1.0, 2.0, 6.0)
    one_pass = sum(p * _shifted(one, 1.0 + days) for days, p in extra.items())
    size = 2 * len(one_pass)  # zero padding: no wrap-around
    phi = np.fft.rfft(one_pass, size)
    total = np.fft.irfft((1 - REWORK) * phi / (1 - REWORK * phi), size)[: len(one_pass)]
    return np.clip(total, 0.0, None)


CYCLE = _exact({1.0: 0.25, 3.0: 0.25, 2.0: 0.5})
TERM = _exact({0.0: 0.5, 2.0: 0.5})


def _percentile(masses: np.ndarray, q: float) -> tuple[float, float]:
    """The q-quantile (days) and the density there (per day), from the cell masses (linear inside a cell)."""
    cdf = np.cumsum(masses)
    i = int(np.searchsorted(cdf, q))
    below = cdf[i - 1] if i else 0.0
    x = (i + (q - below) / masses[i]) * DX
    return x, masses[i] / DX


def _share_over(masses: np.ndarray, limit: float) -> float:
    return float(masses[int(round(limit / DX)) :].sum())


@pytest.fixture(scope="module")
def simulated() -> procesmap.Analysis:
    return procesmap.analyse(procesmap.loads(MAP, "klein.yaml"), cases=CASES, seed=11)


def test_the_independent_distribution_is_a_distribution() -> None:
    for masses in (CYCLE, TERM):
        assert masses.sum() == pytest.approx(1.0, abs=1e-9)
    mean = float((CYCLE * (np.arange(len(CYCLE)) + 0.5) * DX).sum())
    assert mean == pytest.approx((3 + 1 + 2) / (1 - REWORK), abs=1e-3)  # E[N] E[C] = 1.25 x 6 = 7.5


def test_means_are_exact(simulated: procesmap.Analysis) -> None:
    time = simulated.time
    assert time.cycle_time["mean"] == pytest.approx(6.0 / (1 - REWORK), rel=1e-9)  # 7.5
    assert time.term_time["mean"] == pytest.approx(5.0 / (1 - REWORK), rel=1e-9)  # (3 + 1 + 1) x 1.25 = 6.25


@pytest.mark.parametrize("which", ["cycle_time", "term_time"])
@pytest.mark.parametrize("q", [50, 85, 95])
def test_percentiles_match_the_exact_distribution(simulated: procesmap.Analysis, which: str, q: int) -> None:
    masses = CYCLE if which == "cycle_time" else TERM
    expected, density = _percentile(masses, q / 100)
    tolerance = 4 * math.sqrt(q / 100 * (1 - q / 100) / CASES) / density
    got = getattr(simulated.time, which)[f"p{q}"]
    assert abs(got - expected) <= tolerance, (which, q, got, expected, tolerance)


def test_shares_over_the_term_match_the_exact_distribution(simulated: procesmap.Analysis) -> None:
    time = simulated.time
    for got, limit in ((time.share_over_term, 8.0), (time.share_over_extended_term, 12.0)):
        expected = _share_over(TERM, limit)
        tolerance = 4 * math.sqrt(expected * (1 - expected) / CASES)
        assert 0.005 < expected < 0.995  # a share the test can see move
        assert got is not None and abs(got - expected) <= tolerance, (limit, got, expected, tolerance)


def test_the_comparison_would_catch_a_wrong_distribution() -> None:
    """Drawing the triangular wait as uniform(1, 6) instead moves p95 of the cycle time far outside the tolerance."""
    wrong_one = np.diff(np.clip((np.arange(0.0, SPAN + DX / 2, DX) - 1.0) / 5.0, 0.0, 1.0))
    one_pass = sum(p * _shifted(wrong_one, 1.0 + d) for d, p in {1.0: 0.25, 3.0: 0.25, 2.0: 0.5}.items())
    phi = np.fft.rfft(one_pass, 2 * len(one_pass))
    wrong = np.fft.irfft((1 - REWORK) * phi / (1 - REWORK * phi), 2 * len(one_pass))[: len(one_pass)]
    right, density = _percentile(CYCLE, 0.95)
    tolerance = 4 * math.sqrt(0.95 * 0.05 / CASES) / density
    assert abs(_percentile(wrong, 0.95)[0] - right) > 5 * tolerance

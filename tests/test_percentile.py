"""procesmap.analysis.percentile gives np.percentile's figures bit for bit (numpy is the oracle), without numpy.ma."""

from __future__ import annotations

import math
import struct
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from procesmap.analysis.percentile import percentile, percentiles

PERCENTS = st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=6)


def bits(value: float) -> bytes:
    return struct.pack("<d", value)


def same(mine: list[float], theirs: "np.ndarray") -> bool:
    """Equal to the last bit (NaN to NaN; -0.0 is not 0.0)."""
    return [bits(v) for v in mine] == [bits(float(v)) for v in np.atleast_1d(theirs)]


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=60), PERCENTS)
def test_any_numbers_at_any_percents(values: list[float], percents: list[float]) -> None:
    assert same(percentiles(values, percents), np.percentile(values, percents))


@given(
    st.lists(
        st.sampled_from([0.0, -0.0, 1.5, 2.0, 1e300, -1e300, 1e-300, math.inf, -math.inf]), min_size=1, max_size=12
    ),
    PERCENTS,
)
def test_ties_signed_zeros_and_infinities(values: list[float], percents: list[float]) -> None:
    with np.errstate(invalid="ignore"):  # inf - inf: numpy warns and gives NaN, as percentiles does
        expected = np.percentile(values, percents)
    assert same(percentiles(values, percents), expected)


@given(st.lists(st.floats(min_value=0, max_value=400), min_size=1, max_size=30), st.integers(min_value=0, max_value=29))
def test_a_nan_anywhere_gives_nan(values: list[float], where: int) -> None:
    values.insert(min(where, len(values)), math.nan)
    assert all(math.isnan(v) for v in percentiles(values, [0, 50, 85, 100]))
    assert np.isnan(np.percentile(values, [0, 50, 85, 100])).all()


def test_simulated_figures_at_the_reported_percents() -> None:
    rng = np.random.default_rng(18)
    for size in (1, 2, 3, 7, 100, 9_999, 10_000, 10_001):
        cycle = rng.gamma(2.0, 30.0, size)
        assert same(percentiles(cycle, [50, 85, 95]), np.percentile(cycle, [50, 85, 95])), size
        assert bits(percentile(cycle, 85)) == bits(float(np.percentile(cycle, 85)))
    whole = np.arange(11, dtype=float)  # by hand: 85% of the way from 0 to 10 is 8.5
    assert percentiles(whole, [0, 50, 85, 100]) == [0.0, 5.0, 8.5, 10.0]


def test_the_input_is_left_as_it_was() -> None:
    values = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    percentile(values, 50)
    assert values.tolist() == [5.0, 1.0, 4.0, 2.0, 3.0]


def test_no_values_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentile([], 50)


def test_numpy_ma_is_not_imported() -> None:
    code = (
        "import sys, numpy as np; from procesmap.analysis.percentile import percentiles; "
        "percentiles(np.random.default_rng(1).random(1000), [50, 85, 95]); print('numpy.ma' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

"""`procesmap diff` showed a change smaller than its shown precision as `−0,0` (work per case 8.9166
-> 8.8824 hours in the omgevingsvergunning scenario: "8,9 | 8,9 | −0,0"), a changed figure that reads as no change.
The change now shows its first digit that is not 0, to at most 4 decimals (the precision of `changed`)."""

from __future__ import annotations

import pytest

from procesmap.diff import FigureChange
from procesmap.render.diff import _delta


@pytest.mark.parametrize(
    ("unit", "before", "after", "nl", "en"),
    [
        ("hours", 8.9166, 8.8824, "−0,03", "−0.03"),  # -0.0342 hours
        ("days", 138.2, 138.2004, "+0,0004", "+0.0004"),
        ("days", 56.1, 50.9, "−5,2", "−5.2"),  # a change the usual precision shows: unchanged
        ("share", 0.4060, 0.4064, "+0,04 pp", "+0.04 pp"),  # 0.0004 of all cases = 0.04 percentage points
        ("count", 1.0, 1.004, "+0,004", "+0.004"),
        ("count", 196.09, 246.12, "+50,03", "+50.03"),
    ],
)
def test_a_small_change_shows_its_first_digit(unit: str, before: float, after: float, nl: str, en: str) -> None:
    figure = FigureChange("x", unit, before, after, round(after - before, 4), True, {})
    assert _delta(figure, "nl") == nl
    assert _delta(figure, "en") == en

"""Working time: how a calendar's week is laid out, and the clock that turns elapsed time into working time.

``calendar: {hours_per_day, days_per_week, weeks_per_year}`` says how much people work, not when.
For queueing the simulation needs *when*, so procesmap lays the week out in one documented way
(docs/queueing.md):

- the elapsed clock starts on a Monday at 00:00 and runs in hours;
- a working day starts at 08:00 (earlier when ``hours_per_day`` does not fit before midnight:
  at ``24 - hours_per_day``) and lasts ``hours_per_day`` hours;
- the working days are Monday, Tuesday, ... : ``days_per_week`` of them, a fraction (4.5) being a
  shorter last day (Friday morning);
- weeks are all alike: the non-productive weeks (holidays, illness, training: the weeks between
  ``weeks_per_year`` and the 365/7 = 52.14 weeks of a year) are spread evenly over the year as a
  slower pace of every person, never as a closed fortnight (see :func:`availability`).

:class:`WorkClock` maps an elapsed time *t* (hours since the start) to the working hours done
before it (``worked(t)``), and back: ``start_of(w)`` is the moment working hour *w* begins (at
an opening when *w* falls on a closing time), ``end_of(w)`` the moment it is reached (at the
closing time). Work of *h* hours that starts when ``worked`` says *w* ends at ``end_of(w + h)``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from procesmap.durations import Calendar

if TYPE_CHECKING:
    import numpy as np

__all__ = ["WorkClock", "WEEK_HOURS", "WEEKS_PER_YEAR", "availability", "day_start"]

WEEK_HOURS = 168.0
#: Weeks in a year of 365 days: the year the volume is counted in.
WEEKS_PER_YEAR = 365.0 / 7.0


def day_start(hours_per_day: float) -> float:
    """The hour a working day starts: 08:00, or earlier when the day would run past midnight."""
    return min(8.0, 24.0 - hours_per_day)


def availability(calendar: Calendar) -> float:
    """The share of the year's weeks a person works: ``weeks_per_year / (365/7)`` (46 weeks: 0.882).

    Applied as a pace: a person with availability 0.882 needs 1/0.882 hours of working time for an
    hour of work. So capacity over a year is exactly ``fte x hours_per_day x days_per_week x
    weeks_per_year`` hours, as in the capacity figure. (53 weeks, the most a calendar allows, gives
    a pace slightly above 1.)
    """
    return calendar.weeks_per_year / WEEKS_PER_YEAR


@dataclass(frozen=True)
class WorkClock:
    """The working intervals of one week (hours since Monday 00:00) and the mapping to working time."""

    starts: tuple[float, ...]  # interval openings within the week
    ends: tuple[float, ...]  # interval closings within the week
    cumulative: tuple[float, ...]  # working hours before each opening
    per_week: float  # working hours per week
    continuous: bool  # open around the clock (24 x 7): working time is elapsed time

    @classmethod
    def of(cls, calendar: Calendar) -> "WorkClock":
        hours, days = calendar.hours_per_day, calendar.days_per_week
        begin = day_start(hours)
        intervals: list[list[float]] = []
        full = int(days)
        for day in range(full):
            intervals.append([day * 24.0 + begin, day * 24.0 + begin + hours])
        part = days - full
        if part > 1e-12:
            intervals.append([full * 24.0 + begin, full * 24.0 + begin + hours * part])
        merged: list[list[float]] = []
        for start, end in intervals:  # 24-hour days touch: one long interval
            if merged and abs(merged[-1][1] - start) < 1e-9:
                merged[-1][1] = end
            else:
                merged.append([start, end])
        cumulative, total = [], 0.0
        for start, end in merged:
            cumulative.append(total)
            total += end - start
        continuous = len(merged) == 1 and merged[0][0] <= 1e-9 and merged[0][1] >= WEEK_HOURS - 1e-9
        return cls(tuple(s for s, _ in merged), tuple(e for _, e in merged), tuple(cumulative), total, continuous)

    def worked(self, t: float) -> float:
        """Working hours in [0, t): flat while closed."""
        if self.continuous:
            return t
        week, rest = divmod(t, WEEK_HOURS)
        k = bisect_right(self.starts, rest) - 1
        base = week * self.per_week
        if k < 0:
            return base
        inside = rest - self.starts[k]
        length = self.ends[k] - self.starts[k]
        return base + self.cumulative[k] + (inside if inside < length else length)

    def worked_array(self, t: "np.ndarray") -> "np.ndarray":
        """:meth:`worked` of every element of ``t`` (the same arithmetic, vectorised)."""
        import numpy as np  # lazy: numpy loads only when figures are computed, not for `procesmap --help`

        t = np.asarray(t, dtype=float)
        if self.continuous:
            return t.copy()
        week, rest = np.divmod(t, WEEK_HOURS)
        k = np.searchsorted(np.asarray(self.starts), rest, side="right") - 1
        inside_k = np.maximum(k, 0)
        starts, ends, cumulative = (np.asarray(v) for v in (self.starts, self.ends, self.cumulative))
        inside = rest - starts[inside_k]
        length = ends[inside_k] - starts[inside_k]
        base = week * self.per_week
        return np.where(k < 0, base, base + cumulative[inside_k] + np.minimum(inside, length))

    def start_of(self, w: float) -> float:
        """The elapsed moment working hour ``w`` begins (the next opening when ``w`` is a closing time)."""
        if self.continuous:
            return w
        week, rest = divmod(w, self.per_week)
        k = bisect_right(self.cumulative, rest) - 1
        return week * WEEK_HOURS + self.starts[k] + (rest - self.cumulative[k])

    def end_of(self, w: float) -> float:
        """The elapsed moment working hour ``w`` is reached (the closing time when ``w`` is one)."""
        if self.continuous:
            return w
        week, rest = divmod(w, self.per_week)
        k = bisect_left(self.cumulative, rest) - 1
        if k < 0:  # exactly at the start of a week: the last closing of the week before
            if week == 0:
                return self.starts[0]
            return (week - 1) * WEEK_HOURS + self.ends[-1]
        return week * WEEK_HOURS + self.starts[k] + (rest - self.cumulative[k])

    def closed_delay_hours(self) -> float:
        """Mean hours from a random moment to the next working moment (0 inside working time)."""
        gaps = []
        for k in range(len(self.starts)):
            nxt = self.starts[k + 1] if k + 1 < len(self.starts) else self.starts[0] + WEEK_HOURS
            gaps.append(nxt - self.ends[k])
        return sum(g * g / 2.0 for g in gaps) / WEEK_HOURS

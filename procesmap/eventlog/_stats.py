"""``log_stats``: the figures of one event log (definitions in ``docs/eventlog.md``).

Everything is computed by DuckDB over the Arrow table (group-bys and window
functions), never with a Python loop over events; Python only sees the results
(one row per activity, pair of activities, pair of resources, variant).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procesmap.eventlog._engine import US_PER_DAY, connect, rows, scalar
from procesmap.eventlog._read import EventLog

__all__ = ["LogStats", "log_stats", "case_durations"]

SEP = "\x1f"


@dataclass
class LogStats:
    """The figures of ``procesmap log stats`` as plain data; ``to_dict()`` is the JSON report (format 1)."""

    source: str
    kind: str
    columns: dict[str, str | None]
    quality: dict[str, Any]
    counts: dict[str, int]
    case_duration: dict[str, float | None]
    histogram: dict[str, list[float]]
    activities: list[dict[str, Any]]
    directly_follows: list[dict[str, Any]]
    start_activities: list[dict[str, Any]]
    end_activities: list[dict[str, Any]]
    handovers: dict[str, Any]
    variants: list[dict[str, Any]]
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from procesmap._version import __version__

        return {
            "format": 1,
            "report": "log-stats",
            "tool": {"name": "procesmap", "version": __version__},
            "log": {"file": self.source, "kind": self.kind, "columns": dict(self.columns)},
            "quality": dict(self.quality),
            "counts": dict(self.counts),
            "case_duration": dict(self.case_duration),
            "case_duration_histogram": dict(self.histogram),
            "activities": list(self.activities),
            "start_activities": list(self.start_activities),
            "end_activities": list(self.end_activities),
            "directly_follows": list(self.directly_follows),
            "handovers": self.handovers,
            "variants": list(self.variants),
        }


def _days(value: Any) -> float | None:
    return None if value is None else float(value) / US_PER_DAY


def case_durations(con: Any) -> dict[str, float | None]:
    """Mean, p50, p85, p95, min and max of (last timestamp - first timestamp) per case, in days (usable events)."""
    result = rows(con, """
        WITH d AS (SELECT max(t) - min(t) AS us FROM ev GROUP BY c)
        SELECT avg(us), quantile_cont(us, 0.5), quantile_cont(us, 0.85), quantile_cont(us, 0.95), min(us), max(us)
        FROM d
    """)[0]
    keys = ("mean", "p50", "p85", "p95", "min", "max")
    return {key: _days(value) for key, value in zip(keys, result)}


def _pairs(con: Any, left: str, right: str) -> dict[str, Any]:
    """Handovers between consecutive instances of a case, by the ``left``/``right`` columns (resource or role)."""
    totals = rows(con, f"""
        SELECT count(*) FILTER (WHERE {left} IS NOT NULL AND {right} IS NOT NULL AND {left} <> {right}),
               count(*) FILTER (WHERE {left} IS NOT NULL AND {right} IS NOT NULL AND {left} = {right}),
               count(*) FILTER (WHERE {left} IS NULL OR {right} IS NULL),
               count(DISTINCT c) FILTER (WHERE {left} IS NOT NULL AND {right} IS NOT NULL AND {left} <> {right})
        FROM inst WHERE na IS NOT NULL
    """)[0]
    pairs = rows(con, f"""
        SELECT {left}, {right}, count(*) AS n FROM inst
        WHERE na IS NOT NULL AND {left} IS NOT NULL AND {right} IS NOT NULL
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2
    """)
    cases = scalar(con, "SELECT count(DISTINCT c) FROM inst") or 0
    return {
        "handovers": int(totals[0]),
        "self_handovers": int(totals[1]),
        "unknown": int(totals[2]),
        "cases_with_handover": int(totals[3]),
        "per_case": (totals[0] / cases) if cases else None,
        "pairs": [{"from": a, "to": b, "count": int(n)} for a, b, n in pairs if a != b],
        "self": [{"resource": a, "count": int(n)} for a, b, n in pairs if a == b],
    }


def log_stats(log: EventLog, top_variants: int = 20, bins: int = 20) -> LogStats:
    """Cases, events, activities, resources, variants, case durations, directly-follows, handovers."""
    con = connect(log)
    try:
        return _log_stats(con, log, top_variants, bins)
    finally:
        con.close()


def _log_stats(con: Any, log: EventLog, top_variants: int, bins: int) -> LogStats:
    quality = dict(log.quality)
    quality["other_lifecycle"] = int(scalar(con, "SELECT count(*) FROM ev WHERE kind = 'o'") or 0)
    quality["unclosed_starts"] = int(scalar(con, "SELECT count(*) FROM inst WHERE unclosed") or 0)
    quality["timed_instances"] = int(scalar(con, "SELECT count(*) FROM inst WHERE timed") or 0)
    cases, with_time = rows(con, """SELECT count(DISTINCT "case"), count(DISTINCT "case") FILTER (WHERE "timestamp" IS NOT NULL)
                                    FROM events""")[0]
    inst_count, inst_cases = rows(con, "SELECT count(*), count(DISTINCT c) FROM inst")[0]
    con.execute("CREATE TEMP TABLE variant_of AS SELECT c, string_agg(a, chr(31) ORDER BY i) AS v FROM inst GROUP BY c")
    con.execute("CREATE TEMP TABLE variant_counts AS SELECT v, count(*) AS n FROM variant_of GROUP BY v")
    variants_total = int(scalar(con, "SELECT count(*) FROM variant_counts") or 0)
    counts = {
        "cases": int(cases),
        "cases_with_timestamps": int(with_time),
        "cases_with_instances": int(inst_cases),
        "events": int(log.events),
        "instances": int(inst_count),
        "activities": int(scalar(con, "SELECT count(DISTINCT activity) FROM events") or 0),
        "resources": int(scalar(con, "SELECT count(DISTINCT resource) FROM events") or 0),
        "roles": int(scalar(con, "SELECT count(DISTINCT role) FROM events") or 0),
        "variants": variants_total,
    }
    durations = case_durations(con)
    histogram: dict[str, list[float]] = {"edges": [], "counts": []}
    if durations["max"] is not None and inst_cases:
        low, high = durations["min"] or 0.0, durations["max"] or 0.0
        width = (high - low) / bins if high > low else 1.0
        found = dict(rows(con, f"""
            WITH d AS (SELECT (max(t) - min(t)) / {US_PER_DAY} AS days FROM ev GROUP BY c)
            SELECT least(CAST(floor((days - ?) / ?) AS INTEGER), {bins - 1}) AS b, count(*) FROM d GROUP BY b
        """, low, width))
        histogram = {"edges": [low + width * i for i in range(bins + 1)],
                     "counts": [int(found.get(i, 0)) for i in range(bins)]}
    activities = [
        {"activity": a, "instances": int(n), "cases": int(k), "share_of_cases": (k / inst_cases) if inst_cases else None,
         "service_time_mean": _days(sm), "service_time_median": _days(sd), "timed_instances": int(timed)}
        for a, n, k, sm, sd, timed in rows(con, """
            SELECT a, count(*), count(DISTINCT c), avg(te - ts) FILTER (WHERE timed),
                   quantile_cont(te - ts, 0.5) FILTER (WHERE timed), count(*) FILTER (WHERE timed)
            FROM inst GROUP BY a ORDER BY count(*) DESC, a""")
    ]
    dfg = [
        {"from": a, "to": b, "count": int(n), "wait_mean": _days(wm), "wait_median": _days(wd)}
        for a, b, n, wm, wd in rows(con, """
            SELECT a, na, count(*), avg(greatest(nts - te, 0)), quantile_cont(greatest(nts - te, 0), 0.5)
            FROM inst WHERE na IS NOT NULL GROUP BY a, na ORDER BY count(*) DESC, a, na""")
    ]
    starts = [{"activity": a, "cases": int(n)} for a, n in rows(con, """
        SELECT a, count(*) FROM inst WHERE i = 1 GROUP BY a ORDER BY count(*) DESC, a""")]
    ends = [{"activity": a, "cases": int(n)} for a, n in rows(con, """
        SELECT a, count(*) FROM inst WHERE na IS NULL GROUP BY a ORDER BY count(*) DESC, a""")]
    handovers: dict[str, Any] = {"resources": _pairs(con, "r", "nr"), "roles": None}
    if counts["roles"]:
        handovers["roles"] = _pairs(con, "g", "ng")
    variants = [
        {"activities": v.split(SEP), "cases": int(n), "share": n / inst_cases if inst_cases else None}
        for v, n in rows(con, f"""
            SELECT v, n FROM variant_counts ORDER BY n DESC, v LIMIT {int(top_variants)}""")
    ]
    return LogStats(source=log.source, kind=log.kind, columns=log.columns, quality=quality, counts=counts,
                    case_duration=durations, histogram=histogram, activities=activities, directly_follows=dfg,
                    start_activities=starts, end_activities=ends, handovers=handovers, variants=variants)

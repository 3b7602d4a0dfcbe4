"""``log_stats``: the figures of one event log (definitions in ``docs/eventlog.md``).

Everything is computed by DuckDB over the log's compact ``base`` table (integer codes;
see :mod:`procesmap.eventlog._engine`): one window pass orders the instances of each case
and gives every instance its successor (directly-follows, waits, handovers of resources and
roles all come from that one table); one pass per case gives its variant, its handovers and its
span, and the per-case figures (cases per activity, start and end activities) come from the variants.
Never a Python loop over events; Python only sees the results (one row per activity, pair of
activities, pair of resources, variant) and turns codes back into names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procesmap._version import __version__
from procesmap.errors import UsageError
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


def case_durations(
    con: Any, table: str = "(SELECT max(t) - min(t) AS us FROM ev GROUP BY c)"
) -> dict[str, float | None]:
    """Mean, p50, p85, p95, min and max of (last timestamp - first timestamp) per case, in days (usable events).

    ``table`` may name a table of those per-case spans in microseconds (column ``us``) made earlier."""
    result = rows(
        con,
        f"""
        SELECT avg(us), quantile_cont(us, 0.5), quantile_cont(us, 0.85), quantile_cont(us, 0.95), min(us), max(us)
        FROM {table} d
    """,
    )[0]
    keys = ("mean", "p50", "p85", "p95", "min", "max")
    return {key: _days(value) for key, value in zip(keys, result)}


class _Names:
    """Codes -> names (``Store.names``: code ``k`` is ``names[k - 1]``)."""

    def __init__(self, names: list[str]):
        self.names = names

    def __call__(self, code: int | None) -> str | None:
        return None if code is None else self.names[code - 1]


def _pairs(con: Any, left: str, right: str, cases: int, with_handover: int, name: _Names) -> dict[str, Any]:
    """Handovers between consecutive instances of a case, by the ``left``/``right`` columns (resource or role);
    ``with_handover`` is the number of cases with at least one (counted per case beforehand)."""
    totals = rows(
        con,
        f"""
        SELECT count(*) FILTER (WHERE {left} IS NOT NULL AND {right} IS NOT NULL AND {left} <> {right}),
               count(*) FILTER (WHERE {left} IS NOT NULL AND {right} IS NOT NULL AND {left} = {right}),
               count(*) FILTER (WHERE {left} IS NULL OR {right} IS NULL)
        FROM inst WHERE na IS NOT NULL
    """,
    )[0]
    pairs = rows(
        con,
        f"""
        SELECT {left}, {right}, count(*) AS n FROM inst
        WHERE na IS NOT NULL AND {left} IS NOT NULL AND {right} IS NOT NULL
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2
    """,
    )
    return {
        "handovers": int(totals[0]),
        "self_handovers": int(totals[1]),
        "unknown": int(totals[2]),
        "cases_with_handover": int(with_handover),
        "per_case": (totals[0] / cases) if cases else None,
        "pairs": [{"from": name(a), "to": name(b), "count": int(n)} for a, b, n in pairs if a != b],
        "self": [{"resource": name(a), "count": int(n)} for a, b, n in pairs if a == b],
    }


def log_stats(log: EventLog, top_variants: int = 20, bins: int = 20) -> LogStats:
    """Cases, events, activities, resources, variants, case durations, directly-follows, handovers."""
    if isinstance(top_variants, bool) or not isinstance(top_variants, int) or top_variants < 0:
        raise UsageError("limits.negative_top", "limits.hint.negative_top", value=top_variants)
    con = connect(log, coded=True)
    try:
        return _log_stats(con, log, top_variants, bins)
    finally:
        con.close()


def _top_variants(con: Any, activity: _Names, top: int, k: int) -> list[tuple[list[str], int]]:
    """The ``top`` most frequent variants, ties by their activity names joined with ``SEP`` (as text sorts).

    Codes are numbered in name order, so a list of codes sorts like its names joined with ``SEP`` as long
    as no name holds a character at or below ``SEP`` (a control character); then DuckDB sorts the keys.
    Otherwise all variants are sorted here by their joined names."""

    def names(key: list[int]) -> list[str]:
        return [activity(x % k) for x in key]  # type: ignore[misc]

    if all(min(name) > SEP for name in activity.names):
        found = rows(con, f"SELECT key, n FROM variant_counts ORDER BY n DESC, key LIMIT {int(top)}")
        return [(names(key), int(n)) for key, n in found]
    named = [(names(key), int(n)) for key, n in rows(con, "SELECT key, n FROM variant_counts")]
    named.sort(key=lambda item: (-item[1], SEP.join(item[0])))
    return named[:top]


def _log_stats(con: Any, log: EventLog, top_variants: int, bins: int) -> LogStats:
    store = log.store
    activity, resource, role = _Names(store.names["a"]), _Names(store.names["r"]), _Names(store.names["g"])
    quality = dict(log.quality)
    quality["other_lifecycle"] = (
        int(scalar(con, "SELECT count(*) FROM ev WHERE kind = 'o'") or 0) if store.has_other else 0
    )
    unclosed, timed, inst_count = rows(
        con,
        """
        SELECT count(*) FILTER (WHERE unclosed), count(*) FILTER (WHERE timed), count(*) FROM inst""",
    )[0]
    quality["unclosed_starts"] = int(unclosed)
    quality["timed_instances"] = int(timed)
    all_timed = quality.get("without_timestamp", 0) == 0 and quality.get("bad_timestamp", 0) == 0
    if all_timed and store.distinct is not None:
        with_time, (activities_n, resources_n, roles_n) = store.cases, store.distinct
    else:
        with_time, activities_n, resources_n, roles_n = rows(
            con,
            f"""
            SELECT {store.cases if all_timed else "count(DISTINCT c) FILTER (WHERE t IS NOT NULL)"},
                   count(DISTINCT a), count(DISTINCT r), count(DISTINCT g) FROM base""",
        )[0]
    # One pass over the instances per case. Its variant: the list of activity codes of its instances, in order
    # (most figures per case come from the variants), made without an ordered aggregate (slow): ``key`` holds
    # i * k + a, which sorts by the place i and gives the activity a back as ``% k``; two keys compare like
    # their code lists. Its handovers between resources and between roles. And its span (last - first
    # timestamp) where the instances are all its usable events (no start events, no other lifecycle values).
    k = len(store.names["a"]) + 1
    spans_here = not store.has_starts and quality["other_lifecycle"] == 0
    con.execute(f"""
        CREATE TEMP TABLE per_case AS
        SELECT list_sort(list(i * {k} + a)) AS key, {"max(te) - min(te)" if spans_here else "NULL"} AS us,
               count(*) FILTER (WHERE na IS NOT NULL AND r IS NOT NULL AND nr IS NOT NULL AND r <> nr) AS moved_r,
               count(*) FILTER (WHERE na IS NOT NULL AND g IS NOT NULL AND ng IS NOT NULL AND g <> ng) AS moved_g
        FROM inst GROUP BY c
    """)
    con.execute("""
        CREATE TEMP TABLE variant_counts AS
        SELECT row_number() OVER () AS id, key, n FROM (SELECT key, count(*) AS n FROM per_case GROUP BY key)
    """)
    with_handover_r, with_handover_g = rows(
        con,
        """
        SELECT count(*) FILTER (WHERE moved_r > 0), count(*) FILTER (WHERE moved_g > 0) FROM per_case""",
    )[0]
    variants_total, inst_cases = rows(con, "SELECT count(*), coalesce(sum(n), 0) FROM variant_counts")[0]
    inst_cases = int(inst_cases)
    counts = {
        "cases": int(store.cases),
        "cases_with_timestamps": int(with_time),
        "cases_with_instances": inst_cases,
        "events": int(log.events),
        "instances": int(inst_count),
        "activities": int(activities_n),
        "resources": int(resources_n),
        "roles": int(roles_n),
        "variants": int(variants_total),
    }
    if spans_here:
        con.execute("CREATE TEMP VIEW case_spans AS SELECT us FROM per_case")
    else:
        con.execute("CREATE TEMP TABLE case_spans AS SELECT max(t) - min(t) AS us FROM ev GROUP BY c")
    durations = case_durations(con, "case_spans")
    histogram: dict[str, list[float]] = {"edges": [], "counts": []}
    if durations["max"] is not None and inst_cases:
        low, high = durations["min"] or 0.0, durations["max"] or 0.0
        width = (high - low) / bins if high > low else 1.0
        found = dict(
            rows(
                con,
                f"""
            WITH d AS (SELECT us / {US_PER_DAY} AS days FROM case_spans)
            SELECT least(CAST(floor((days - ?) / ?) AS INTEGER), {bins - 1}) AS b, count(*) FROM d GROUP BY b
        """,
                low,
                width,
            )
        )
        histogram = {
            "edges": [low + width * i for i in range(bins + 1)],
            "counts": [int(found.get(i, 0)) for i in range(bins)],
        }
    case_counts = dict(
        rows(
            con,
            f"""
        SELECT x, sum(n) FROM (SELECT DISTINCT id, n, e % {k} AS x FROM (SELECT id, n, unnest(key) AS e FROM variant_counts))
        GROUP BY x""",
        )
    )
    activities = [
        {
            "activity": activity(a),
            "instances": int(n),
            "cases": int(case_counts[a]),
            "share_of_cases": (case_counts[a] / inst_cases) if inst_cases else None,
            "service_time_mean": _days(sm),
            "service_time_median": _days(sd),
            "timed_instances": int(k),
        }
        for a, n, sm, sd, k in rows(
            con,
            """
            SELECT a, count(*), avg(te - ts) FILTER (WHERE timed), quantile_cont(te - ts, 0.5) FILTER (WHERE timed),
                   count(*) FILTER (WHERE timed)
            FROM inst GROUP BY a ORDER BY count(*) DESC, a""",
        )
    ]
    dfg = [
        {"from": activity(a), "to": activity(b), "count": int(n), "wait_mean": _days(wm), "wait_median": _days(wd)}
        for a, b, n, wm, wd in rows(
            con,
            """
            SELECT a, na, count(*), avg(greatest(nts - te, 0)), quantile_cont(greatest(nts - te, 0), 0.5)
            FROM inst WHERE na IS NOT NULL GROUP BY a, na ORDER BY count(*) DESC, a, na""",
        )
    ]
    starts = [
        {"activity": activity(a), "cases": int(n)}
        for a, n in rows(
            con,
            f"""
        SELECT CAST(key[1] % {k} AS INTEGER), sum(n) FROM variant_counts GROUP BY 1 ORDER BY 2 DESC, 1""",
        )
    ]
    ends = [
        {"activity": activity(a), "cases": int(n)}
        for a, n in rows(
            con,
            f"""
        SELECT CAST(key[len(key)] % {k} AS INTEGER), sum(n) FROM variant_counts GROUP BY 1 ORDER BY 2 DESC, 1""",
        )
    ]
    handovers: dict[str, Any] = {
        "resources": _pairs(con, "r", "nr", inst_cases, with_handover_r, resource),
        "roles": None,
    }
    if counts["roles"]:
        handovers["roles"] = _pairs(con, "g", "ng", inst_cases, with_handover_g, role)
    variants = [
        {"activities": names, "cases": n, "share": n / inst_cases if inst_cases else None}
        for names, n in _top_variants(con, activity, top_variants, k)
    ]
    return LogStats(
        source=log.source,
        kind=log.kind,
        columns=log.columns,
        quality=quality,
        counts=counts,
        case_duration=durations,
        histogram=histogram,
        activities=activities,
        directly_follows=dfg,
        start_activities=starts,
        end_activities=ends,
        handovers=handovers,
        variants=variants,
    )

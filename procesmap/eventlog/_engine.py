"""The one place that turns events into activity instances (DuckDB over the Arrow table).

An *activity instance* is one execution of an activity in a case:

- a ``start`` event paired with a ``complete`` event of the same activity in the same case
  (the k-th start with the k-th complete, both in time order: first in, first out);
- or a lone ``complete`` event (or an event without lifecycle): start = complete;
- or a lone ``start`` event (never completed): start = complete = its timestamp.

Lifecycle values are read case-insensitively; ``start``/``begin`` open an instance,
``complete``/``completed``/``end``/none close one; other values (``schedule``,
``assign``, ``suspend`` ...) are counted and left out. Events without an activity or a
timestamp are counted and left out. The instances of a case are ordered by their
complete (or only) timestamp, ties by the order in the file; this is the order
pm4py uses for a log of complete events.
"""

from __future__ import annotations

from typing import Any

__all__ = ["connect", "START", "COMPLETE", "rows", "scalar"]

START = ("start", "begin", "started")
COMPLETE = ("complete", "completed", "end")
US_PER_DAY = 86_400_000_000.0


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def connect(log: Any) -> Any:
    """A DuckDB connection with the tables ``events`` (all events with a case), ``ev`` (usable events),
    ``inst`` (activity instances, ordered per case: ``i``, with the next instance's fields ``na``, ``nts``,
    ``nr``, ``ng``) and ``lifecycle_counts``."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    try:
        con.execute("SET preserve_insertion_order=false")
    except Exception:  # pragma: no cover - older DuckDB
        pass
    table = log.table.select(["case", "activity", "timestamp", "resource", "role", "lifecycle", "pos"])
    con.register("events", table)
    con.execute(f"""
        CREATE TEMP TABLE ev AS
        SELECT "case" AS c, activity AS a, epoch_us("timestamp") AS t, resource AS r, role AS g, pos,
               CASE WHEN lifecycle IS NULL OR lifecycle IN ({_quoted(COMPLETE)}) THEN 'c'
                    WHEN lifecycle IN ({_quoted(START)}) THEN 's' ELSE 'o' END AS kind
        FROM events WHERE activity IS NOT NULL AND "timestamp" IS NOT NULL
    """)
    has_starts = con.execute("SELECT count(*) FROM ev WHERE kind = 's'").fetchone()[0] > 0
    if not has_starts:  # complete events only (the usual case): every event is an instance, no pairing needed
        con.execute("""
            CREATE TEMP TABLE inst0 AS
            SELECT c, a, t AS ts, t AS te, r, g, pos, false AS timed, false AS unclosed FROM ev WHERE kind = 'c'
        """)
    else:
        con.execute("""
            CREATE TEMP TABLE inst0 AS
            WITH n AS (
                SELECT *, row_number() OVER (PARTITION BY c, a, kind ORDER BY t, pos) AS k FROM ev WHERE kind <> 'o'
            ), comp AS (SELECT * FROM n WHERE kind = 'c'), st AS (SELECT * FROM n WHERE kind = 's')
            SELECT coalesce(comp.c, st.c) AS c, coalesce(comp.a, st.a) AS a,
                   CASE WHEN st.t IS NOT NULL AND (comp.t IS NULL OR st.t <= comp.t) THEN st.t ELSE comp.t END AS ts,
                   coalesce(comp.t, st.t) AS te,
                   coalesce(comp.r, st.r) AS r, coalesce(comp.g, st.g) AS g, coalesce(comp.pos, st.pos) AS pos,
                   (st.t IS NOT NULL AND comp.t IS NOT NULL AND st.t <= comp.t) AS timed,
                   (comp.t IS NULL) AS unclosed
            FROM comp FULL OUTER JOIN st ON comp.c = st.c AND comp.a = st.a AND comp.k = st.k
        """)
    con.execute("""
        CREATE TEMP TABLE inst AS
        SELECT *, row_number() OVER w AS i,
               lead(a) OVER w AS na, lead(ts) OVER w AS nts, lead(r) OVER w AS nr, lead(g) OVER w AS ng
        FROM inst0 WINDOW w AS (PARTITION BY c ORDER BY te, pos)
    """)
    con.execute("DROP TABLE inst0")
    return con


def rows(con: Any, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return con.execute(sql, list(params)).fetchall() if params else con.execute(sql).fetchall()


def scalar(con: Any, sql: str, *params: Any) -> Any:
    result = rows(con, sql, *params)
    return result[0][0] if result else None

"""The one place that turns events into activity instances (DuckDB).

Every log is held in a small DuckDB database (:class:`Store`) as one compact table ``base``:
one row per event that has a case, with integer codes instead of text::

    c     BIGINT/UBIGINT  the case (a 64-bit hash of the case id, checked to be collision-free, else a dense code)
    a     INTEGER         the activity: 1-based index into ``Store.names["a"]`` (sorted), NULL without one
    t     BIGINT          the timestamp in microseconds since 1970-01-01 UTC, NULL without a valid one
    r, g  INTEGER         resource and role, 1-based indexes into ``names["r"]`` / ``names["g"]``
    l     INTEGER         the lifecycle value, index into ``names["l"]`` (lower case), NULL without one
    kind  VARCHAR         ``c`` (closes an instance: complete or no lifecycle), ``s`` (start) or ``o`` (other)
    pos   BIGINT          the event's place in the file

The names are sorted (code point order, the order DuckDB sorts text in), so ordering by a code
orders by the name. A Parquet log is read by DuckDB straight from the file (``read_parquet``:
no pandas or Python objects per event); an XES or CSV log is handed over as an Arrow table.

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

import itertools
import os
import tempfile
from dataclasses import dataclass
from typing import Any

__all__ = [
    "connect",
    "START",
    "COMPLETE",
    "rows",
    "scalar",
    "Store",
    "new_database",
    "arrow_store",
    "WHITESPACE",
    "THREADS",
    "MEMORY_LIMIT",
]

START = ("start", "begin", "started")
COMPLETE = ("complete", "completed", "end")
US_PER_DAY = 86_400_000_000.0
#: What is trimmed from text values: Python's ``str.isspace`` set, the same as pyarrow's ``utf8_trim_whitespace``.
WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
#: DuckDB's worker threads and memory limit (beyond it, sorts and aggregates spill to a temporary folder).
_WANTED = os.environ.get("PROCESMAP_THREADS", "")
THREADS = max(1, min(os.cpu_count() or 1, int(_WANTED) if _WANTED.isdigit() and int(_WANTED) > 0 else 8))
MEMORY_LIMIT = os.environ.get("PROCESMAP_MEMORY_LIMIT", "1GB")
_DATABASES = itertools.count(1)


def kind_of(lifecycle: str | None) -> str:
    """``c``, ``s`` or ``o`` for a (lower-case) lifecycle value."""
    if lifecycle is None or lifecycle in COMPLETE:
        return "c"
    return "s" if lifecycle in START else "o"


@dataclass
class Store:
    """A log in DuckDB: the table ``base`` (see the module docstring) and the names behind its codes."""

    db: Any  # duckdb.DuckDBPyConnection holding ``base``
    names: dict[str, list[str]]
    cases: int  # distinct cases
    has_starts: bool = False  # some usable or unusable event has a start lifecycle
    has_other: bool = True  # some event may have another lifecycle value (schedule, assign ...)
    distinct: tuple[int, int, int] | None = None  # distinct activities, resources, roles in ``base``, where known

    def close(self) -> None:
        self.db.close()


def new_database() -> Any:
    """An in-memory DuckDB database with procesmap's settings: UTC, threads, a memory limit, spilling to temp."""
    import duckdb  # lazy: DuckDB loads only when a log is read

    # a folder of its own (DuckDB makes it only when it spills, and removes it when the database closes)
    spill = os.path.join(tempfile.gettempdir(), f"procesmap-duckdb-{os.getpid()}-{next(_DATABASES)}")
    con = duckdb.connect(config={"threads": THREADS, "memory_limit": MEMORY_LIMIT, "temp_directory": spill})
    con.execute("SET TimeZone='UTC'")
    try:
        con.execute("SET preserve_insertion_order=false")
    except Exception:  # pragma: no cover - older DuckDB
        pass
    return con


def sorted_names(values: Any) -> list[str]:
    """The distinct non-null strings of an Arrow array, sorted by code point."""
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    return sorted(v for v in pc.unique(values).to_pylist() if v is not None)


def codes(values: Any, names: list[str]) -> Any:
    """1-based codes of ``values`` in ``names`` (NULL stays NULL), as int32."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    index = pc.index_in(values, value_set=pa.array(names, pa.string()))
    return pc.add(index, pa.scalar(1, pa.int32()))


def arrow_store(table: Any) -> Store:
    """A :class:`Store` from the standard Arrow table of :mod:`procesmap.eventlog._read` (every row has a case)."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    case = table.column("case")
    unique_cases = pc.unique(case)
    lifecycle = table.column("lifecycle")
    life_names = sorted_names(lifecycle)
    names = {
        "a": sorted_names(table.column("activity")),
        "r": sorted_names(table.column("resource")),
        "g": sorted_names(table.column("role")),
        "l": life_names,
    }
    l_codes = codes(lifecycle, life_names)
    kinds = pa.array(["c"] + [kind_of(v) for v in life_names], pa.string())
    base = pa.table(
        {
            "c": pc.index_in(case, value_set=unique_cases).cast(pa.int64()),
            "a": codes(table.column("activity"), names["a"]),
            "t": table.column("timestamp").cast(pa.int64()),
            "r": codes(table.column("resource"), names["r"]),
            "g": codes(table.column("role"), names["g"]),
            "l": l_codes,
            "kind": pc.take(kinds, pc.fill_null(l_codes, 0)),
            "pos": table.column("pos"),
        }
    )
    db = new_database()
    db.register("base_arrow", base)
    db.execute("CREATE TABLE base AS SELECT * FROM base_arrow")
    db.unregister("base_arrow")
    has_starts = any(kind_of(v) == "s" for v in life_names)
    has_other = any(kind_of(v) == "o" for v in life_names)
    return Store(db=db, names=names, cases=len(unique_cases), has_starts=has_starts, has_other=has_other)


def _name_tables(con: Any, store: Store) -> None:
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    for key in ("a", "r", "g"):
        values = store.names[key]
        con.register(
            f"names_{key}",
            pa.table({"code": pa.array(range(1, len(values) + 1), pa.int32()), "name": pa.array(values, pa.string())}),
        )


def connect(log: Any, coded: bool = False) -> Any:
    """A DuckDB connection (a cursor on the log's database) with ``base``, the views ``ev`` (usable events)
    and ``inst0``, and the table ``inst``: activity instances ordered per case (``i``), with the next
    instance's fields ``na``, ``nts``, ``nr``, ``ng``, and ``ts``/``te`` (start, complete), ``timed``, ``unclosed``.

    With ``coded`` the columns ``a``, ``na``, ``r``, ``nr``, ``g``, ``ng`` of ``inst`` are the integer codes
    (``log.store.names``); otherwise the names. ``c`` is always a code; ``ev`` always has codes.
    """
    store: Store = log.store
    con = store.db.cursor()
    con.execute("SET TimeZone='UTC'")
    con.execute("""
        CREATE TEMP VIEW ev AS
        SELECT c, a, t, r, g, pos, kind FROM base WHERE a IS NOT NULL AND t IS NOT NULL
    """)
    if not store.has_starts:  # complete events only (the usual case): every event is an instance, no pairing needed
        con.execute("""
            CREATE TEMP VIEW inst0 AS
            SELECT c, a, t AS ts, t AS te, r, g, pos, false AS timed, false AS unclosed FROM ev WHERE kind = 'c'
        """)
        # the window carries only what differs per instance; start = complete, so ``ts`` is added by a view
        con.execute("""
            CREATE TEMP TABLE inst_w AS
            SELECT c, a, t AS te, r, g, pos, row_number() OVER w AS i,
                   lead(a) OVER w AS na, lead(t) OVER w AS nts, lead(r) OVER w AS nr, lead(g) OVER w AS ng
            FROM ev WHERE kind = 'c' WINDOW w AS (PARTITION BY c ORDER BY t, pos)
        """)
        con.execute(f"""
            CREATE TEMP VIEW {"inst" if coded else "inst_coded"} AS
            SELECT c, a, te AS ts, te, r, g, pos, false AS timed, false AS unclosed, i, na, nts, nr, ng FROM inst_w
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
        con.execute(f"""
            CREATE TEMP TABLE {"inst" if coded else "inst_coded"} AS
            SELECT *, row_number() OVER w AS i,
                   lead(a) OVER w AS na, lead(ts) OVER w AS nts, lead(r) OVER w AS nr, lead(g) OVER w AS ng
            FROM inst0 WINDOW w AS (PARTITION BY c ORDER BY te, pos)
        """)
    if not coded:
        _name_tables(con, store)
        con.execute("""
            CREATE TEMP TABLE inst AS
            SELECT x.c, a1.name AS a, x.ts, x.te, r1.name AS r, g1.name AS g, x.pos, x.timed, x.unclosed, x.i,
                   a2.name AS na, x.nts, r2.name AS nr, g2.name AS ng
            FROM inst_coded x
            LEFT JOIN names_a a1 ON x.a = a1.code LEFT JOIN names_a a2 ON x.na = a2.code
            LEFT JOIN names_r r1 ON x.r = r1.code LEFT JOIN names_r r2 ON x.nr = r2.code
            LEFT JOIN names_g g1 ON x.g = g1.code LEFT JOIN names_g g2 ON x.ng = g2.code
        """)
    return con


def rows(con: Any, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    fetched: list[tuple[Any, ...]] = (
        con.execute(sql, list(params)).fetchall() if params else con.execute(sql).fetchall()
    )
    return fetched


def scalar(con: Any, sql: str, *params: Any) -> Any:
    result = rows(con, sql, *params)
    return result[0][0] if result else None

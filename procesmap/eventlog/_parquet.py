"""Reading a Parquet event log (``.parquet``, ``.pq``): straight from the file by DuckDB where the columns
allow it, else through Arrow and the standard table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from procesmap._safe_text import strip_control
from procesmap.errors import ProcessmapError, UsageError
from procesmap.eventlog._csv import MAX_LOG_COLUMNS
from procesmap.i18n import Count
from procesmap.eventlog._common import (
    EARLIEST,
    LATEST,
    EventLog,
    LogMapping,
    _check_events,
    _choose,
    _standardise,
)
from procesmap.eventlog._engine import WHITESPACE, Store, kind_of, new_database


#: A Parquet log's limits (docs/format.md, limits), checked from its last bytes and its footer before a row is
#: read: the footer's size, the columns (as a CSV header's, ``MAX_LOG_COLUMNS``), and the column chunks (columns x
#: row groups). Arrow reads a file of many small row groups column chunk by column chunk: 3,000 columns in 24 row
#: groups (12 MB on disk, 24 events) took 1.9 GB.
MAX_PARQUET_FOOTER = 16 * 1024 * 1024
MAX_PARQUET_CHUNKS = 20_000


def check_parquet_layout(file: Path) -> None:
    """Refuse a Parquet file whose footer, columns or column chunks pass the limits (a :class:`UsageError`);
    a file that is not Parquet at all is left to the readers (they say it is corrupt)."""
    with open(file, "rb") as handle:
        size = handle.seek(0, 2)
        if size < 12:
            return
        handle.seek(size - 8)
        tail = handle.read(8)
    if tail[4:] != b"PAR1":
        return
    footer = int.from_bytes(tail[:4], "little")
    if footer > MAX_PARQUET_FOOTER:
        raise UsageError(
            "limits.parquet_footer", "limits.hint.parquet_layout", path=str(file), limit=Count(MAX_PARQUET_FOOTER)
        )
    import pyarrow.parquet as pq  # lazy: pyarrow loads only when a log is read

    try:
        metadata = pq.ParquetFile(str(file)).metadata
    except Exception:  # a damaged footer: the readers say so, with the reason
        return
    if metadata.num_columns > MAX_LOG_COLUMNS:
        raise UsageError(
            "limits.parquet_columns",
            "limits.hint.log_columns",
            path=str(file),
            count=Count(metadata.num_columns),
            limit=Count(MAX_LOG_COLUMNS),
        )
    if metadata.num_columns * metadata.num_row_groups > MAX_PARQUET_CHUNKS:
        raise UsageError(
            "limits.parquet_chunks",
            "limits.hint.parquet_layout",
            path=str(file),
            columns=Count(metadata.num_columns),
            groups=Count(metadata.num_row_groups),
            limit=Count(MAX_PARQUET_CHUNKS),
        )


def _read_parquet(file: Path) -> Any:
    import pyarrow.parquet as pq  # lazy: pyarrow loads only when a log is read

    _check_events(file, pq.ParquetFile(str(file)).metadata.num_rows, text=True)  # from the footer, before reading
    return pq.read_table(str(file))


#: How the Parquet reader codes a case id (SQL over ``s.cc``, the cleaned id); checked to be collision-free.
CASE_CODE = "hash(s.cc)"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _tidy(value: str) -> str:
    """SQL: true where ``value`` certainly needs no trimming (its first and last characters are printable
    ASCII, U+0021 to U+0084; every whitespace character is at or below U+0020 or from U+0085 on)."""
    return (
        f"(unicode({value}) > 32 AND unicode({value}) < 133 AND unicode(reverse({value})) > 32 "
        f"AND unicode(reverse({value})) < 133)"
    )


def _trimmed(value: str, whitespace: str) -> str:
    """SQL for ``value`` trimmed of ``whitespace``, empty -> NULL. DuckDB's ``trim`` with a set of characters
    is slow, so it runs only where the value is not :func:`_tidy`."""
    assert all(ord(ch) <= 32 or ord(ch) >= 133 for ch in whitespace)
    return f"CASE WHEN {_tidy(value)} THEN {value} ELSE nullif(trim({value}, {_literal(whitespace)}), '') END"


_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")


def _clean(value: str | None, lower: bool = False) -> str | None:
    """One text as :func:`clean_text` cleans it: whitespace trimmed (``str.strip`` trims the same characters
    as pyarrow), empty -> ``None``; ``lower`` as pyarrow's ``utf8_lower`` (the same as ``str.lower`` for ASCII)."""
    if value is None:
        return None
    value = strip_control(value.strip())
    if lower and value:
        if value.isascii():
            value = value.lower()
        else:
            import pyarrow as pa  # lazy: pyarrow loads only when a log is read
            import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

            value = pc.utf8_lower(pa.array([value], pa.string()))[0].as_py()
    return value or None


def _read_parquet_direct(file: Path, mapping: LogMapping) -> EventLog | None:
    """A Parquet log read by DuckDB straight from the file into the compact ``base`` table (see ``_engine``).

    Only the standard columns are read, once, and no Python object is made per event: the texts of
    activity, resource, role and lifecycle are cleaned (trimmed, empty -> none) on their distinct values
    and become integer codes; the case id becomes a 64-bit hash, checked against the number of distinct
    case ids (a dense code where two would collide). Neither pandas nor pyarrow is needed; the full Arrow
    table (``EventLog.table``) is built only when asked for. Returns ``None`` for a file this path does not
    handle (a timestamp stored as text, unusual column types, repeated column names): the general reader
    takes it then, with the same results.
    """

    db = new_database()
    try:
        path = _literal(str(file))
        described = db.execute(f"DESCRIBE SELECT * FROM read_parquet({path})").fetchall()
        names = [str(row[0]) for row in described]
        kinds = {str(row[0]): str(row[1]).upper() for row in described}
        in_file = {str(row[0]) for row in db.execute(f"SELECT name FROM parquet_schema({path})").fetchall()}
        num_rows = int(db.execute(f"SELECT count(*) FROM read_parquet({path})").fetchall()[0][0])
        _check_events(file, num_rows)  # from the footer, before a row is read
        chosen = _choose(names, file, "parquet", mapping, num_rows)
        types = {what: kinds[column] for what, column in chosen.items() if column is not None}
        if (
            not set(names) <= in_file
            or "file_row_number" in names
            or not types["timestamp"].startswith("TIMESTAMP")
            or types["case"] not in ("VARCHAR",) + _INTEGERS
            or any(types[what] != "VARCHAR" for what in ("activity", "resource", "role", "lifecycle") if what in types)
        ):
            db.close()
            return None
        source = f"read_parquet({path}, file_row_number=true)"
        # one pass over the case ids: how many distinct, and whether any needs trimming (else they are used as
        # they are); and the missing timestamps
        timestamp_sql = _ident(chosen["timestamp"])  # type: ignore[arg-type]
        naive = "TIME ZONE" not in types["timestamp"] and not types["timestamp"].startswith("TIMESTAMPTZ")
        micros = f"epoch_us(CAST(s.ts AS {'TIMESTAMP' if naive else 'TIMESTAMPTZ'}))"  # any unit -> microseconds
        case_sql = _ident(chosen["case"])  # type: ignore[arg-type]
        untidy_sql = f"count(*) FILTER (WHERE NOT {_tidy(case_sql)})" if types["case"] == "VARCHAR" else "0"
        kind = "TIMESTAMP" if naive else "TIMESTAMPTZ"
        years = (  # a timestamp outside years 1-9999 is bad, as in the general reader (_common.EARLIEST)
            f"BETWEEN {kind} '{EARLIEST[:-3] if naive else EARLIEST}' AND {kind} '{LATEST[:-3] if naive else LATEST}'"
        )
        cases, untidy, without_timestamp, outside = db.execute(f"""
            SELECT count(DISTINCT {case_sql}), {untidy_sql}, count(*) FILTER (WHERE {timestamp_sql} IS NULL),
                   count(*) FILTER (WHERE CAST({timestamp_sql} AS {kind}) NOT {years})
            FROM {source}""").fetchall()[0]
        if outside:  # left empty: two of them far apart overflow every duration
            micros = f"CASE WHEN CAST(s.ts AS {kind}) {years} THEN {micros} END"
        if untidy:
            case_sql = _trimmed(case_sql, WHITESPACE)
            cases = db.execute(f"SELECT count(DISTINCT {case_sql}) FROM {source}").fetchall()[0][0]
        # the distinct texts of each coded column, cleaned and numbered here (a few rows each)
        store_names: dict[str, list[str]] = {"a": [], "r": [], "g": [], "l": []}
        joins: list[str] = []
        select = {"a": "NULL::INTEGER", "r": "NULL::INTEGER", "g": "NULL::INTEGER", "l": "NULL::INTEGER", "kind": "'c'"}
        for key, what in (("a", "activity"), ("r", "resource"), ("g", "role"), ("l", "lifecycle")):
            column = chosen[what]
            if column is None or (what == "role" and mapping.roles):
                continue
            raw = [v for (v,) in db.execute(f"SELECT DISTINCT {_ident(column)} FROM {source}").fetchall()]
            clean = [_clean(v, lower=what == "lifecycle") for v in raw]
            store_names[key] = sorted({v for v in clean if v is not None})
            code_of = {name: i + 1 for i, name in enumerate(store_names[key])}
            mapped: dict[str, tuple[str, list[Any]]] = {
                "raw": ("VARCHAR", raw),
                "code": ("INTEGER", [code_of.get(v) if v is not None else None for v in clean]),
            }
            if what == "lifecycle":
                mapped["kind"] = ("VARCHAR", [kind_of(v) for v in clean])
                select["kind"] = f"coalesce(m_{key}.kind, 'c')"
            if what == "resource" and mapping.roles:
                roles = [mapping.roles.get(v) if v is not None else None for v in clean]
                store_names["g"] = sorted({role for role in roles if role is not None})
                role_code = {role: i + 1 for i, role in enumerate(store_names["g"])}
                mapped["role"] = ("INTEGER", [role_code.get(role) if role is not None else None for role in roles])
                select["g"] = f"m_{key}.role"
            columns = ", ".join(f"unnest(?::{kind}[]) AS {name}" for name, (kind, _values) in mapped.items())
            db.execute(
                f"CREATE TEMP TABLE map_{key} AS SELECT {columns}", [values for _kind, values in mapped.values()]
            )
            joins.append(f"LEFT JOIN map_{key} m_{key} ON s.v_{key} = m_{key}.raw")
            select[key] = f"m_{key}.code"
        inner = ", ".join(
            [f"{case_sql} AS cc", f"{timestamp_sql} AS ts", "file_row_number AS pos"]
            + [
                f"{_ident(chosen[what])} AS v_{key}"  # type: ignore[arg-type]
                for key, what in (("a", "activity"), ("r", "resource"), ("g", "role"), ("l", "lifecycle"))
                if chosen[what] is not None and not (what == "role" and mapping.roles)
            ]
        )

        def build(case_code: str, case_join: str = "") -> None:
            db.execute(f"""
                CREATE OR REPLACE TABLE base AS
                SELECT {case_code} AS c, {select["a"]} AS a, {micros} AS t, {select["r"]} AS r, {select["g"]} AS g,
                       {select["l"]} AS l, {select["kind"]} AS kind, s.pos
                FROM (SELECT {inner} FROM {source}) s {case_join} {" ".join(joins)}
                WHERE s.cc IS NOT NULL
            """)

        build(CASE_CODE)
        figures = """SELECT count(DISTINCT c), count(*), count(*) FILTER (WHERE a IS NULL), count(*) FILTER (WHERE r IS NULL),
                            count(*) FILTER (WHERE g IS NULL), count(DISTINCT a), count(DISTINCT r), count(DISTINCT g)
                     FROM base"""
        coded_cases, events, no_activity, no_resource, no_role, *distinct = db.execute(figures).fetchall()[0]
        if coded_cases != cases:
            _dense_cases(db, build, case_sql, source)
        for key in ("a", "r", "g", "l"):
            db.execute(f"DROP TABLE IF EXISTS map_{key}")
        if chosen["lifecycle"] is None:
            life = [(None, events)]
        else:
            life = db.execute("SELECT l, count(*) FROM base GROUP BY l ORDER BY min(pos)").fetchall()
    except ProcessmapError:
        db.close()
        raise
    except Exception as err:  # DuckDB cannot read a value (a timestamp past its range): the general reader says
        db.close()
        if not (type(err).__module__ or "").startswith(("duckdb", "_duckdb")):
            raise
        return None
    except BaseException:
        db.close()
        raise
    quality: dict[str, Any] = {
        "events": int(num_rows),
        "naive_timestamps": int(num_rows - without_timestamp - outside) if naive else 0,
        "utc_offsets": [],
        "bad_timestamp": int(outside),
        "without_timestamp": int(without_timestamp),
        "without_case": int(num_rows - events),
        "without_activity": int(no_activity),
        "without_resource": int(no_resource),
        "without_role": int(no_role),
        "lifecycle": {store_names["l"][code - 1] if code is not None else "none": int(n) for code, n in life},
    }
    has_starts = any(code is not None and kind_of(store_names["l"][code - 1]) == "s" for code, _ in life)
    store = Store(
        db=db,
        names=store_names,
        cases=int(cases),
        has_starts=has_starts,
        has_other=any(code is not None and kind_of(store_names["l"][code - 1]) == "o" for code, _ in life),
        distinct=tuple(int(x) for x in distinct),  # type: ignore[arg-type]
    )

    def load_table() -> Any:
        return _standardise(_read_parquet(file), file, "parquet", mapping)[0]

    return EventLog(str(file), "parquet", chosen, quality, store, int(events), load_table=load_table)


def _dense_cases(db: Any, build: Callable[..., None], case_sql: str, source: str) -> None:
    """Two case ids share a hash: number the distinct case ids instead (exact, a little slower)."""
    db.execute(f"""
        CREATE OR REPLACE TABLE case_codes AS
        SELECT cc, row_number() OVER () AS code FROM (SELECT DISTINCT {case_sql} AS cc FROM {source}) WHERE cc IS NOT NULL
    """)
    build("case_codes.code", "JOIN case_codes ON s.cc = case_codes.cc")
    db.execute("DROP TABLE case_codes")

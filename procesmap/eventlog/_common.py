"""What every event-log reader shares: the mapping of columns (:class:`LogMapping`), the result and its
store (:class:`EventLog`), the limits on events, the checks before a reader opens a file, the mapping of
engine errors to messages, and the one standard table every format is turned into (:func:`_standardise`).

The formats: :mod:`._xes`, :mod:`._csv`, :mod:`._parquet`; gzip: :mod:`._gzip`; the entry point: :mod:`._read`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from procesmap._io import NotRegularFile, check_regular, not_regular_problem
from procesmap._safe_text import CONTROL_PATTERN, REPLACEMENT
from procesmap.errors import LoadError, UsageError
from procesmap.eventlog._gzip import _check_unpacked
from procesmap.i18n import Count
from procesmap.reasons import os_reason

#: The most events of a Parquet log read by DuckDB straight from the file (docs/format.md, limits): 5.7 million
#: events take about 3 s and 900 MB in ``log stats``; a Parquet file of 100 MB can hold billions of repeated rows.
MAX_LOG_EVENTS = 6_000_000
#: The most events of a log read as text first (CSV, XES, a Parquet log with unusual columns): every value is a
#: string in memory, so about 300 bytes an event (benchmarks/bench_reader_bounds.py).
MAX_TEXT_LOG_EVENTS = 3_000_000
LOG_SUFFIXES = (".xes", ".xes.gz", ".csv", ".csv.gz", ".parquet", ".pq")

#: Column names recognised without options, in order of preference (pm4py's and Disco's usual names).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "case": ("case:concept:name", "case_id", "case id", "caseid", "case", "zaak", "zaaknummer", "zaak_id"),
    "activity": ("concept:name", "activity", "activiteit", "activity name", "task", "taak"),
    "timestamp": ("time:timestamp", "timestamp", "complete timestamp", "tijdstip", "time", "datetime", "date"),
    "resource": ("org:resource", "resource", "user", "medewerker", "behandelaar"),
    "role": ("org:group", "org:role", "role", "group", "rol", "afdeling", "team"),
    "lifecycle": ("lifecycle:transition", "lifecycle", "event type", "transition"),
}
STANDARD = ("case", "activity", "timestamp", "resource", "role", "lifecycle")


@dataclass(frozen=True)
class LogMapping:
    """Which column (or XES attribute) holds what; ``None`` means: use the usual names.

    ``roles`` maps resources to roles (``--roles FILE``); where given it decides the role
    of an event, else the role column (``org:group``) does.
    """

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    resource: str | None = None
    role: str | None = None
    lifecycle: str | None = None
    roles: dict[str, str] | None = None

    def explicit(self, what: str) -> str | None:
        value: str | None = getattr(self, what)
        return value


class EventLog:
    """An event log: its events in DuckDB (``store``, see :mod:`procesmap.eventlog._engine`), the columnar
    table (``table``, a ``pyarrow.Table``, built on first use for a Parquet log), and what reading found.

    ``quality`` counts (all integers): ``events`` read, ``without_case`` (dropped),
    ``without_activity``, ``without_timestamp`` (no value), ``bad_timestamp`` (a value
    that is not a date), ``without_resource``, ``without_role``, ``naive_timestamps``
    (no UTC offset: read as UTC); ``utc_offsets`` lists the distinct offsets seen;
    ``lifecycle`` counts the lifecycle values (``none`` where there is none).
    """

    def __init__(
        self,
        source: str,
        kind: str,
        columns: dict[str, str | None],
        quality: dict[str, Any],
        store: Any,
        events: int,
        table: Any = None,
        load_table: Callable[[], Any] | None = None,
    ):
        self.source, self.kind, self.columns, self.quality = source, kind, columns, quality
        self.store = store
        self._events = events
        self._table = table
        self._load_table = load_table

    @property
    def table(self) -> Any:
        """The events as a ``pyarrow.Table`` (columns in the module docstring)."""
        if self._table is None and self._load_table is not None:
            self._table = self._load_table()
        return self._table

    @property
    def events(self) -> int:
        """Events with a case (the rows of ``table``)."""
        return int(self._events)


def _check_file(file: Path, unpacked: bool = True) -> None:
    """Before any reader opens the log: a regular file (a FIFO or a device is refused without blocking),
    recorded as read (an ``--output`` is never the log), and (with ``unpacked``) a gzip file that unpacks to at
    most :data:`MAX_LOG_UNPACKED` bytes (a gzip bomb is refused after reading that much, in bounded memory). The
    XES reader counts the unpacked bytes as it reads, with the same limit and message, so it passes ``False``."""

    try:
        check_regular(file)
        with open(file, "rb") as handle:
            packed = handle.read(2) == b"\x1f\x8b"
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, str(file))]) from None
    except OSError as err:
        raise UsageError("log.unreadable", "hint.log.unreadable", path=str(file), reason=os_reason(err)) from None
    if packed and unpacked:
        _check_unpacked(file)


def _check_events(file: Path, events: int, text: bool = False) -> None:
    """Refuse a log of more than :data:`MAX_LOG_EVENTS` events (:data:`MAX_TEXT_LOG_EVENTS` where every value is
    read as text first) with ``file:1:1`` + hint, before the statistics."""
    limit, name = (MAX_TEXT_LOG_EVENTS, "MAX_TEXT_LOG_EVENTS") if text else (MAX_LOG_EVENTS, "MAX_LOG_EVENTS")
    if events > limit:
        raise LoadError.single(
            str(file),
            1,
            1,
            "limits.log_events",
            {"events": Count(events), "limit": Count(limit), "name": name},
            "limits.hint.log_events",
            {},
        )


#: The timestamps an event log may hold (UTC): years 1 to 9999, as Python, Excel and the ISO 8601 basic format
#: have them. Outside them (DuckDB's 'infinity', a year of six digits, 2**62 seconds) a timestamp is counted as
#: bad and left empty: two of them 580,000 years apart overflow every duration (docs/format.md, limits).
EARLIEST = "0001-01-01 00:00:00+00"
LATEST = "9999-12-31 23:59:59.999999+00"
_SECONDS = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}
_EARLIEST_S, _LATEST_S = -62_135_596_800, 253_402_300_800  # 0001-01-01 and 10000-01-01, seconds since 1970


def _in_years(column: Any) -> Any:
    """A timestamp column with the values outside :data:`EARLIEST`..:data:`LATEST` made null."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    per_second = _SECONDS[column.type.unit]
    low, high = max(_EARLIEST_S * per_second, -(2**63)), min(_LATEST_S * per_second - 1, 2**63 - 1)
    ticks = pc.cast(column, pa.int64())
    outside = pc.or_(pc.less(ticks, low), pc.greater(ticks, high))
    if not pc.any(outside).as_py():
        return column
    return pc.if_else(outside, pa.scalar(None, column.type), column)


def engine_error(err: BaseException, path: str | os.PathLike[str]) -> UsageError | None:
    """An error of DuckDB or Arrow (out of memory, a type it cannot cast, ...) as our own message, or ``None``
    for any other error (a bug: let it show)."""
    module = type(err).__module__ or ""
    if not module.startswith(("duckdb", "pyarrow", "_duckdb")) and not isinstance(err, MemoryError):
        return None
    return UsageError("limits.log_engine", "limits.hint.log_engine", path=str(path), reason=_reason(err))


_CORRUPT_HINTS = {"xes": "hint.log.corrupt_xes", "csv": "hint.log.corrupt_csv", "parquet": "hint.log.corrupt_parquet"}


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return text[:300]


# -- one shape for every source ------------------------------------------------------------------


def _find(names: list[str], what: str, explicit: str | None, file: Path) -> str | None:
    if explicit:
        if explicit in names:
            return explicit
        lowered = {n.lower(): n for n in names}
        if explicit.lower() in lowered:
            return lowered[explicit.lower()]
        raise UsageError(
            "log.no_column",
            "hint.log.no_column",
            path=str(file),
            column=explicit,
            what=what,
            columns=", ".join(names[:30]),
        )
    lowered = {n.strip().lower(): n for n in names}
    for candidate in DEFAULT_COLUMNS[what]:
        if candidate in lowered:
            return lowered[candidate]
    return None


_OFFSET = r"(Z|[+-]\d\d:?\d\d)$"


def _choose(names: list[str], file: Path, kind: str, mapping: LogMapping, num_rows: int) -> dict[str, str | None]:
    """The column of each standard field; a clear error for an empty log or a missing case/activity/timestamp."""
    chosen: dict[str, str | None] = {}
    for what in STANDARD:
        chosen[what] = _find(names, what, mapping.explicit(what), file)
    absent = [what for what in ("case", "activity", "timestamp") if chosen[what] is None]
    if num_rows == 0:
        raise UsageError("log.empty", "hint.log.empty", path=str(file))
    if absent:
        flag = absent[0]
        raise UsageError(
            "log.missing_column",
            "hint.log.missing_column",
            path=str(file),
            what=", ".join(absent),
            option=f"--{flag}",
            columns=", ".join(names[:30]),
        )
    if kind == "xes" and chosen["case"] == "case:concept:name" and "case:concept:name" not in names:
        raise UsageError(
            "log.missing_column",
            "hint.log.missing_column",
            path=str(file),
            what="case",
            option="--case",
            columns=", ".join(names[:30]),
        )
    return chosen


def clean_text(array: Any) -> Any:
    """Text as procesmap reads it: cast to string, whitespace trimmed, empty -> null."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        if pa.types.is_timestamp(array.type) or pa.types.is_date(array.type):
            array = pc.cast(array, pa.timestamp("us", tz="UTC")) if not getattr(array.type, "tz", None) else array
        array = pc.cast(array, pa.string())
    if len(array) >= 100_000:  # a long column has few distinct texts (activities, resources): each cleaned once
        whole = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
        encoded = pc.dictionary_encode(whole)
        if len(encoded.dictionary) <= len(whole) // 2:
            return pc.take(_clean_each(encoded.dictionary), encoded.indices)
    return _clean_each(array)


def _clean_each(array: Any) -> Any:
    """Text arrays element by element: whitespace trimmed, control characters replaced, empty -> null."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    array = pc.utf8_trim_whitespace(array)
    array = pc.replace_substring_regex(array, CONTROL_PATTERN, REPLACEMENT)  # no ESC sequence reaches a terminal
    return pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)


def _standardise(
    raw: Any, file: Path, kind: str, mapping: LogMapping
) -> tuple[Any, dict[str, str | None], dict[str, Any]]:
    """The standard table (module docstring), the chosen columns and the quality counts, from any raw Arrow table."""
    import duckdb  # lazy: DuckDB loads only when a log is read
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    names = list(raw.column_names)
    chosen = _choose(names, file, kind, mapping, raw.num_rows)

    def text(column: str | None) -> Any:
        if column is None:
            return pa.nulls(raw.num_rows, type=pa.string())
        values = raw.column(column)
        if not _readable_type(values.type):
            raise UsageError(
                "limits.log_column_type",
                "limits.hint.log_column_type",
                path=str(file),
                column=column,
                type=str(values.type),
            )
        try:
            return clean_text(values)
        except pa.ArrowException as err:  # binary that is not UTF-8 text, a value that has no text form
            raise UsageError(
                "limits.log_column_value",
                "limits.hint.log_column_type",
                path=str(file),
                column=column,
                type=str(values.type),
                reason=_reason(err),
            ) from None

    quality: dict[str, Any] = {"events": int(raw.num_rows)}
    case = text(chosen["case"])
    activity = text(chosen["activity"])
    resource = text(chosen["resource"])
    role = text(chosen["role"])
    lifecycle = pc.utf8_lower(text(chosen["lifecycle"]))
    ts_column = raw.column(chosen["timestamp"])  # type: ignore[arg-type]
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    if pa.types.is_timestamp(ts_column.type):
        without = int(ts_column.null_count)
        ts_column = _in_years(ts_column)  # year 40,000 or 2**62 seconds: a bad timestamp, as text would be
        timestamp = ts_column if ts_column.type.tz else pc.assume_timezone(ts_column, "UTC")
        timestamp = pc.cast(timestamp, pa.timestamp("us", tz="UTC"))
        quality["naive_timestamps"] = 0 if ts_column.type.tz else int(pc.count(ts_column).as_py())
        quality["utc_offsets"] = []
        quality["bad_timestamp"] = int(ts_column.null_count) - without
        quality["without_timestamp"] = without
    else:
        ts_text = text(chosen["timestamp"])
        frame = pa.table({"s": ts_text})  # noqa: F841 (read by DuckDB by name)
        # DuckDB reads 'infinity' and years far outside 1-9999: bad timestamps here (their differences overflow)
        parsed = (
            con.sql(f"""SELECT CASE WHEN x BETWEEN TIMESTAMPTZ '{EARLIEST}' AND TIMESTAMPTZ '{LATEST}' THEN x END
                        FROM (SELECT TRY_CAST(s AS TIMESTAMPTZ) AS x FROM frame)""")
            .to_arrow_table()
            .column(0)
        )
        timestamp = pc.cast(parsed, pa.timestamp("us", tz="UTC"))
        offsets = (
            pc.struct_field(pc.extract_regex(ts_text, r"(?P<o>Z|[+-]\d\d:?\d\d)$"), [0])
            if ts_text.null_count < len(ts_text)
            else None
        )
        present = int(pc.count(ts_text).as_py())
        quality["without_timestamp"] = len(ts_text) - present
        quality["bad_timestamp"] = present - int(pc.count(timestamp).as_py())
        if offsets is not None:
            # offsets of readable timestamps only: an unreadable Dutch date `15-01-2024` ends in `-2024`,
            # which is no UTC offset (it was listed as one, and made the naive timestamps count too few)
            readable = pc.is_valid(timestamp)
            offsets = pc.if_else(readable, offsets, pa.scalar(None, offsets.type))
            quality["naive_timestamps"] = int(pc.sum(readable).as_py() or 0) - int(pc.count(offsets).as_py())
            quality["utc_offsets"] = sorted(str(v) for v in pc.unique(offsets.drop_null()).to_pylist())
        else:
            quality["naive_timestamps"], quality["utc_offsets"] = 0, []

    if mapping.roles:
        keys = pa.array(list(mapping.roles), type=pa.string())
        values = pa.array(list(mapping.roles.values()), type=pa.string())
        index = pc.index_in(resource, value_set=keys)
        role = pc.take(values, index)
    n = raw.num_rows
    data: dict[str, Any] = {
        "case": case,
        "activity": activity,
        "timestamp": timestamp,
        "resource": resource,
        "role": role,
        "lifecycle": lifecycle,
        "pos": pa.array(range(n), type=pa.int64()) if n < 50_000 else _arange(n),
    }
    used = {c for c in chosen.values() if c}
    for name in names:
        if name not in used and name not in data:
            data[name] = raw.column(name)
    table = pa.table(data)
    quality["without_case"] = int(case.null_count)
    if quality["without_case"]:
        table = table.filter(pc.is_valid(table.column("case")))
    quality["without_activity"] = int(table.column("activity").null_count)
    quality["without_resource"] = int(table.column("resource").null_count)
    quality["without_role"] = int(table.column("role").null_count)
    counts = pc.value_counts(table.column("lifecycle")).to_pylist()
    quality["lifecycle"] = {str(c["values"]) if c["values"] is not None else "none": int(c["counts"]) for c in counts}
    con.close()
    return table, chosen, quality


def _readable_type(kind: Any) -> bool:
    """Whether a column of this Arrow type can be read as text (ids, names) or as a time: text, numbers,
    booleans, dates and times (a dictionary of those too); never lists, structs, maps or unions."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return not pa.types.is_nested(kind)  # lists, structs, maps and unions


def _arange(n: int) -> Any:
    import numpy as np  # lazy: numpy loads only when this runs
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    return pa.array(np.arange(n, dtype=np.int64))

"""Reading event logs (XES, CSV, Parquet) into one columnar table.

The table (a ``pyarrow.Table``) has one row per event and these columns:

- ``case`` (string), ``activity`` (string), ``timestamp`` (timestamp[us, UTC]),
  ``resource`` (string), ``role`` (string: ``org:group`` or the ``--role`` column),
  ``lifecycle`` (string, lower case), ``pos`` (int64: the event's place in the file);
- every other attribute as a string column (XES trace attributes get the prefix ``case:``).

XES is streamed with ``lxml.etree.iterparse``: only ``<event>`` and ``<trace>``
elements are handed to Python, each is cleared (with its earlier siblings) once
read, and the values are turned into Arrow arrays every ``CHUNK`` events, so
memory holds the Arrow table plus at most one chunk of Python strings.
Timestamps are parsed by DuckDB (``TRY_CAST(... AS TIMESTAMPTZ)``) into UTC; values
that do not parse are counted and left empty.
"""

from __future__ import annotations

import gzip
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from procesmap.errors import ProcessmapError, UsageError
from procesmap.reasons import not_utf8, os_reason, yaml_detail

__all__ = ["LogMapping", "EventLog", "read_log", "DEFAULT_COLUMNS", "LOG_SUFFIXES"]

CHUNK = 100_000
#: At most this many cells (rows x attribute keys) of Python strings are held before they become Arrow arrays:
#: an XES log whose events use many different keys is turned into Arrow in smaller chunks.
MAX_CHUNK_CELLS = 2_000_000
#: The most columns a CSV log may have, and the longest header line read (docs/format.md, limits).
MAX_LOG_COLUMNS = 1_000
MAX_HEADER_CHARS = 1024 * 1024
#: The most different attribute keys of an XES log (events and traces together; docs/format.md, limits). An XES
#: event carries only its own keys, yet every key is a column for every event: 990 keys in 99 MB took 29 s and
#: 1.8 GB; the shared logs have at most 29.
MAX_XES_KEYS = 200
#: The largest ``--roles`` file read (docs/format.md, limits); its YAML has the nesting and size limits of a map.
MAX_ROLES_BYTES = 5 * 1024 * 1024
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
        return getattr(self, what)


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


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return "xes"
    if name.endswith((".csv", ".csv.gz", ".txt")):
        return "csv"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise UsageError("log.unknown_format", "hint.log.unknown_format", path=str(path))


def read_log(
    path: str | os.PathLike[str], mapping: LogMapping | None = None, progress: Callable[[int, int], None] | None = None
) -> EventLog:
    """Read an XES, CSV or Parquet event log. ``progress(done, total)`` is called with bytes read.

    Raises :class:`~procesmap.errors.UsageError` (exit 2 in the CLI) when the file cannot
    be read, is corrupt, or lacks a case, activity or timestamp column.
    """
    mapping = mapping or LogMapping()
    file = Path(path)
    if not file.exists():
        raise UsageError("log.missing", "hint.log.missing", path=str(file))
    if file.is_dir():
        raise UsageError("log.is_directory", "hint.log.is_directory", path=str(file))
    _check_file(file)  # a FIFO or a device: refused before its name is even looked at
    kind = _kind(file)
    try:
        if kind == "parquet":
            fast = _read_parquet_direct(file, mapping)
            if fast is not None:
                return fast
        if kind == "xes":
            raw = _read_xes(file, progress)
        elif kind == "csv":
            raw = _read_csv(file)
        else:
            raw = _read_parquet(file)
    except ProcessmapError:  # our own message (a limit, a missing column): as it is
        raise
    except UnicodeDecodeError as err:  # a CSV saved as Windows-1252 (Excel): say where, and how to save it
        raise not_utf8(file, err) from None
    except PermissionError as err:
        raise UsageError("log.unreadable", "hint.log.unreadable", path=str(file), reason=os_reason(err)) from None
    except Exception as err:  # OSError, EOFError, gzip/lxml/pyarrow/DuckDB errors: a corrupt or truncated file
        if kind == "xes" and type(err).__name__ == "XMLSyntaxError":
            raise xes_syntax_error(file, err) from None
        raise UsageError("log.corrupt", _CORRUPT_HINTS[kind], path=str(file), reason=_reason(err)) from None
    _check_events(file, raw.num_rows, text=True)
    try:
        table, chosen, quality = _standardise(raw, file, kind, mapping)
    except UsageError:
        raise
    except Exception as err:  # an Arrow or DuckDB error on an unusual column: a message, never a traceback
        translated = engine_error(err, file)
        if translated is None:
            raise
        raise translated from None
    del raw
    from procesmap.eventlog._engine import arrow_store

    return EventLog(str(file), kind, chosen, quality, arrow_store(table), table.num_rows, table=table)


def _check_file(file: Path) -> None:
    """Before any reader opens the log: a regular file (a FIFO or a device is refused without blocking),
    recorded as read (an ``--output`` is never the log), and a gzip file that unpacks to at most
    :data:`MAX_LOG_UNPACKED` bytes (a gzip bomb is refused after reading that much, in bounded memory)."""
    from procesmap._io import NotRegularFile, check_regular, not_regular_problem
    from procesmap.errors import LoadError

    try:
        check_regular(file)
        with open(file, "rb") as handle:
            packed = handle.read(2) == b"\x1f\x8b"
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, str(file))]) from None
    except OSError as err:
        raise UsageError("log.unreadable", "hint.log.unreadable", path=str(file), reason=os_reason(err)) from None
    if packed:
        _check_unpacked(file)


#: The most bytes a gzip-compressed log may unpack to (docs/format.md, limits): 200 MiB, about 10 s of XES (the
#: Road Traffic Fines log unpacks to 177 MiB); 1 GiB of XES took 48 s and 2.4 GB (benchmarks/bench_reader_bounds.py).
MAX_LOG_UNPACKED = 200 * 1024 * 1024


def _check_unpacked(file: Path) -> None:
    import zlib

    from procesmap.errors import LoadError, Problem
    from procesmap.i18n import Count

    total = 0
    try:
        with open(file, "rb") as handle:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while True:
                chunk = handle.read(1 << 20)
                if not chunk:
                    break
                while chunk:
                    if inflater.eof:  # a second gzip member follows
                        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    total += len(inflater.decompress(chunk, 1 << 24))
                    if total > MAX_LOG_UNPACKED:
                        raise LoadError(
                            [
                                Problem(
                                    str(file),
                                    1,
                                    1,
                                    "limits.unpacked_too_large",
                                    {"limit": Count(MAX_LOG_UNPACKED)},
                                    "limits.hint.unpacked_too_large",
                                    {},
                                )
                            ]
                        )
                    chunk = inflater.unconsumed_tail or (inflater.unused_data if inflater.eof else b"")
    except zlib.error:
        return  # a corrupt file: the reader says so, with its own message


def _check_events(file: Path, events: int, text: bool = False) -> None:
    """Refuse a log of more than :data:`MAX_LOG_EVENTS` events (:data:`MAX_TEXT_LOG_EVENTS` where every value is
    read as text first) with ``file:1:1`` + hint, before the statistics."""
    limit, name = (MAX_TEXT_LOG_EVENTS, "MAX_TEXT_LOG_EVENTS") if text else (MAX_LOG_EVENTS, "MAX_LOG_EVENTS")
    if events > limit:
        from procesmap.errors import LoadError, Problem
        from procesmap.i18n import Count

        raise LoadError(
            [
                Problem(
                    str(file),
                    1,
                    1,
                    "limits.log_events",
                    {"events": Count(events), "limit": Count(limit), "name": name},
                    "limits.hint.log_events",
                    {},
                )
            ]
        )


def engine_error(err: BaseException, path: str | os.PathLike[str]) -> UsageError | None:
    """An error of DuckDB or Arrow (out of memory, a type it cannot cast, ...) as our own message, or ``None``
    for any other error (a bug: let it show)."""
    module = type(err).__module__ or ""
    if not module.startswith(("duckdb", "pyarrow", "_duckdb")) and not isinstance(err, MemoryError):
        return None
    return UsageError("limits.log_engine", "limits.hint.log_engine", path=str(path), reason=_reason(err))


def xes_syntax_error(file: Path, err: Any) -> UsageError:
    """``file:line:column: message`` and a hint for an XML syntax error in an XES file (of its XML, also when
    the file is gzipped); libxml2's common messages in the user's language (:mod:`procesmap.i18n.xes`)."""
    from procesmap.i18n import Message

    line, column = getattr(err, "position", None) or (getattr(err, "lineno", 1), getattr(err, "offset", 1))
    text = re.sub(r",\s*line \d+, column \d+\s*(\(.*\))?\s*$", "", str(getattr(err, "msg", "") or err)).strip()
    reason: Message
    match = re.match(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)", text)
    if match:
        reason = Message("xes.syntax.tag_mismatch", open=match[1], opened=match[2], close=match[3])
    elif match := re.match(r"Premature end of data in tag (\S+) line (\d+)", text):
        reason = Message("xes.syntax.premature_end", tag=match[1], opened=match[2])
    elif match := re.match(r"Couldn't find end of Start Tag (\S+)", text):
        reason = Message("xes.syntax.unclosed_tag", tag=match[1])
    elif text.startswith("Extra content at the end of the document"):
        reason = Message("xes.syntax.extra_content")
    elif text.startswith(("Document is empty", "Start tag expected", "no element found")):
        reason = Message("xes.syntax.empty")
    elif text.startswith(("xmlParseEntityRef: no name", "EntityRef: expecting ';'")):
        reason = Message("xes.syntax.ampersand")
    elif text.startswith(("Resource limit exceeded", "Excessive depth in document", "xmlSAX2Characters: huge text")):
        reason = Message("xes.syntax.limit")
    elif text.startswith("AttValue: \" or ' expected"):
        reason = Message("xes.syntax.quote")
    elif text.startswith("Unescaped '<' not allowed in attributes values"):
        reason = Message("xes.syntax.less_than")
    else:
        reason = Message("xes.syntax.other", text=text[:300] or type(err).__name__)
    # line and column as text: a position is no amount (no thousands separator in Dutch)
    return UsageError(
        "log.xes_syntax",
        "hint.log.xes_syntax",
        path=str(file),
        line=str(max(int(line or 1), 1)),
        column=str(max(int(column or 1), 1)),
        reason=reason,
    )


_CORRUPT_HINTS = {"xes": "hint.log.corrupt_xes", "csv": "hint.log.corrupt_csv", "parquet": "hint.log.corrupt_parquet"}


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return text[:300]


# -- XES ---------------------------------------------------------------------------------------


class _Counting:
    """A binary file wrapper that reports how many bytes were read (for the progress bar)."""

    def __init__(self, handle: Any, total: int, progress: Callable[[int, int], None] | None):
        self.handle, self.total, self.progress, self.done = handle, total, progress, 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.done += len(data)
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)
        return data


_ATTRIBUTE_TAGS = {"string", "date", "int", "float", "boolean", "id"}
_ATTRIBUTE_TAG_CACHE: set[str] = set()


def _attribute_tag(tag: Any) -> bool:
    """Whether an element tag (with or without the XES namespace) is a simple attribute."""
    if tag in _ATTRIBUTE_TAG_CACHE:
        return True
    if _local(tag) in _ATTRIBUTE_TAGS:
        _ATTRIBUTE_TAG_CACHE.add(tag)
        return True
    return False


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _read_xes(file: Path, progress: Callable[[int, int], None] | None) -> Any:
    import array

    import pyarrow as pa
    import pyarrow.compute  # noqa: F401
    from lxml import etree

    total = file.stat().st_size
    with open(file, "rb") as raw_handle:
        gz = raw_handle.read(2) == b"\x1f\x8b"
    chunks: list[Any] = []
    columns: dict[str, list[Any]] = {}
    rows = 0
    trace_of = array.array("q")  # per event: the index of its trace (-1: outside a trace)
    traces: dict[str, list[Any]] = {}  # trace attributes, one list entry per trace
    trace_count = 0
    current = -1
    seen_log = False
    keys: set[str] = set()  # every attribute key seen (events and traces): at most MAX_XES_KEYS
    chunk_rows = CHUNK  # fewer rows a chunk when there are many keys: at most MAX_CHUNK_CELLS

    def new_key(key: str, elem: Any) -> None:
        nonlocal chunk_rows
        keys.add(key)
        if len(keys) > MAX_XES_KEYS:
            from procesmap.errors import LoadError, Problem
            from procesmap.i18n import Count

            raise LoadError(
                [
                    Problem(
                        str(file),
                        int(elem.sourceline or 1),
                        1,
                        "limits.xes_keys",
                        {"limit": Count(MAX_XES_KEYS)},
                        "limits.hint.xes_keys",
                        {},
                    )
                ]
            )
        chunk_rows = max(1000, min(CHUNK, MAX_CHUNK_CELLS // len(keys)))

    def flush() -> None:
        nonlocal columns, rows
        if rows == 0:
            return
        data = {}
        for key, values in columns.items():
            if len(values) < rows:
                values.extend([None] * (rows - len(values)))
            data[key] = pa.array(values, type=pa.string())
        data["__trace"] = pa.array(trace_of[len(trace_of) - rows :], type=pa.int64())
        chunks.append(pa.table(data))
        columns, rows = {}, 0

    with open(file, "rb") as raw_handle:
        counted = _Counting(raw_handle, total, progress)
        source: Any = gzip.GzipFile(fileobj=counted) if gz else counted  # type: ignore[arg-type,call-overload]
        context = etree.iterparse(
            source,
            events=("end",),
            tag=("{*}event", "{*}trace"),
            huge_tree=False,
            resolve_entities=False,
            no_network=True,
        )  # libxml2's limits: 10 MB a value, depth 256
        is_event: dict[str, bool] = {}
        for _action, elem in context:
            tag = elem.tag
            kind = is_event.get(tag)
            if kind is None:
                kind = is_event[tag] = _local(tag) == "event"
            if kind:  # an <event>: its attributes become one row; the case comes from its trace
                for child in elem:
                    key = child.get("key")
                    if key is None or (child.tag not in _ATTRIBUTE_TAG_CACHE and not _attribute_tag(child.tag)):
                        continue
                    column = columns.get(key)
                    if column is None:
                        if key not in keys:
                            new_key(key, child)
                        column = columns[key] = [None] * rows
                    elif len(column) < rows:
                        column.extend([None] * (rows - len(column)))
                    column.append(child.get("value"))
                rows += 1
                trace_of.append(trace_count)
                elem.clear()
                if rows >= chunk_rows:
                    flush()
            else:  # a <trace> ends: its attributes belong to the events just read
                seen_log = True
                current = trace_count
                for child in elem:
                    key = child.get("key")
                    if key is None or not _attribute_tag(child.tag):
                        continue
                    column = traces.get(key)
                    if column is None:
                        if "case:" + key not in keys:
                            new_key("case:" + key, child)
                        column = traces[key] = [None] * current
                    elif len(column) < current:
                        column.extend([None] * (current - len(column)))
                    column.append(child.get("value"))
                trace_count += 1
                elem.clear()
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
        root = context.root if hasattr(context, "root") else None
        if root is not None and _local(root.tag) == "log":
            seen_log = True
        if not seen_log:
            raise ValueError("no <log> element: this is not an XES file")
        del context
    flush()
    if not chunks:
        return pa.table({"case:concept:name": pa.array([], pa.string())})
    table = pa.concat_tables(chunks, promote_options="default") if len(chunks) > 1 else chunks[0]
    trace_index = table.column("__trace")
    table = table.drop_columns(["__trace"])
    valid = pa.compute.greater_equal(trace_index, 0)
    safe_index = pa.compute.if_else(valid, trace_index, pa.scalar(None, pa.int64()))
    if "concept:name" not in traces:
        traces["concept:name"] = []
    for key, values in traces.items():
        if len(values) < trace_count:
            values.extend([None] * (trace_count - len(values)))
        column = pa.compute.take(pa.array(values, type=pa.string()), safe_index)
        table = table.append_column("case:" + key, column)
    return table


# -- CSV and Parquet -------------------------------------------------------------------------


def _read_csv(file: Path) -> Any:
    import csv

    import pyarrow as pa
    from pyarrow import csv as pacsv

    opener = gzip.open if file.name.lower().endswith(".gz") else open
    with opener(file, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]
        header_line = handle.readline(MAX_HEADER_CHARS + 1)  # bounded: a header of one endless line is refused
    if not header_line.strip():
        raise UsageError("log.empty", "hint.log.empty", path=str(file))
    delimiter = max((",", ";", "\t"), key=header_line.count)
    if len(header_line) > MAX_HEADER_CHARS or header_line.count(delimiter) >= MAX_LOG_COLUMNS:
        from procesmap.i18n import Count

        raise UsageError("limits.log_columns", "limits.hint.log_columns", path=str(file), limit=Count(MAX_LOG_COLUMNS))
    names = next(csv.reader([header_line], delimiter=delimiter))
    names = [name if name else f"column_{i}" for i, name in enumerate(names)]
    if len(set(names)) != len(names):
        raise UsageError("log.duplicate_columns", "hint.log.duplicate_columns", path=str(file))
    read = pacsv.ReadOptions(column_names=names, skip_rows=1, encoding="utf-8", block_size=1 << 24)
    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True)
    table = pacsv.read_csv(str(file), read_options=read, parse_options=parse, convert_options=convert)
    if names and names[0].startswith("\ufeff"):
        table = table.rename_columns([names[0].lstrip("\ufeff")] + names[1:])
    return table


def _read_parquet(file: Path) -> Any:
    import pyarrow.parquet as pq

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
    from procesmap._safe_text import strip_control

    value = strip_control(value.strip())
    if lower and value:
        if value.isascii():
            value = value.lower()
        else:
            import pyarrow as pa
            import pyarrow.compute as pc

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
    from procesmap.eventlog._engine import WHITESPACE, Store, kind_of, new_database

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
        cases, untidy, without_timestamp = db.execute(f"""
            SELECT count(DISTINCT {case_sql}), {untidy_sql}, count(*) FILTER (WHERE {timestamp_sql} IS NULL)
            FROM {source}""").fetchall()[0]
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
    except BaseException:
        db.close()
        raise
    quality: dict[str, Any] = {
        "events": int(num_rows),
        "naive_timestamps": int(num_rows - without_timestamp) if naive else 0,
        "utc_offsets": [],
        "bad_timestamp": 0,
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
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        if pa.types.is_timestamp(array.type) or pa.types.is_date(array.type):
            array = pc.cast(array, pa.timestamp("us", tz="UTC")) if not getattr(array.type, "tz", None) else array
        array = pc.cast(array, pa.string())
    array = pc.utf8_trim_whitespace(array)
    from procesmap._safe_text import CONTROL_PATTERN, REPLACEMENT

    array = pc.replace_substring_regex(array, CONTROL_PATTERN, REPLACEMENT)  # no ESC sequence reaches a terminal
    return pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)


def _standardise(
    raw: Any, file: Path, kind: str, mapping: LogMapping
) -> tuple[Any, dict[str, str | None], dict[str, Any]]:
    """The standard table (module docstring), the chosen columns and the quality counts, from any raw Arrow table."""
    import duckdb
    import pyarrow as pa
    import pyarrow.compute as pc

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
        timestamp = ts_column if ts_column.type.tz else pc.assume_timezone(ts_column, "UTC")
        timestamp = pc.cast(timestamp, pa.timestamp("us", tz="UTC"))
        quality["naive_timestamps"] = 0 if ts_column.type.tz else int(pc.count(ts_column).as_py())
        quality["utc_offsets"] = []
        quality["bad_timestamp"] = 0
        quality["without_timestamp"] = int(ts_column.null_count)
    else:
        ts_text = text(chosen["timestamp"])
        frame = pa.table({"s": ts_text})  # noqa: F841 (read by DuckDB by name)
        parsed = con.sql("SELECT TRY_CAST(s AS TIMESTAMPTZ) AS t FROM frame").to_arrow_table().column(0)
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
            with_offset = pc.count(offsets).as_py()
            quality["naive_timestamps"] = (
                int(present - with_offset - quality["bad_timestamp"]) if with_offset <= present else 0
            )
            quality["naive_timestamps"] = max(quality["naive_timestamps"], 0)
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
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return not pa.types.is_nested(kind)  # lists, structs, maps and unions


def _arange(n: int) -> Any:
    import numpy as np
    import pyarrow as pa

    return pa.array(np.arange(n, dtype=np.int64))


def read_roles(path: str | os.PathLike[str]) -> dict[str, str]:
    """A resource -> role mapping from YAML/JSON (``{resource: role}``) or CSV (two columns, header)."""
    from procesmap.i18n import Message

    from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited
    from procesmap.errors import LoadError, Problem

    file = Path(path)
    try:
        text = read_limited(file, MAX_ROLES_BYTES).decode("utf-8-sig")  # a FIFO or /dev/zero: refused, not read
    except UnicodeDecodeError as err:
        raise not_utf8(file, err) from None
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, str(file))]) from None
    except TooLarge:
        from procesmap.i18n import Count, Key

        raise LoadError(
            [
                Problem(
                    str(file),
                    1,
                    1,
                    "limits.too_large",
                    {"limit": Count(MAX_ROLES_BYTES), "what": Key("limits.what.roles")},
                    "limits.hint.too_large",
                    {},
                )
            ]
        ) from None
    except OSError as err:
        raise UsageError(
            "log.roles_unreadable", "hint.log.roles_unreadable", path=str(file), reason=os_reason(err)
        ) from None
    if file.suffix.lower() == ".csv":
        import csv

        rows = list(csv.reader(text.splitlines(), delimiter=";" if text.count(";") > text.count(",") else ","))
        from procesmap._safe_text import strip_control

        pairs = {
            strip_control(r[0].strip()): strip_control(r[1].strip()) for r in rows[1:] if len(r) >= 2 and r[0].strip()
        }
    else:
        import yaml

        from procesmap.loading import _loader_class, scan_limits

        scan_limits(text, str(file))  # nesting and expanded size (aliases) bounded before anything is built
        try:  # libyaml where installed, as for maps: PyYAML's pure-Python loader took 44 s for 300,000 names
            data = yaml.load(text, Loader=_loader_class())  # noqa: S506 (a safe loader: CSafeLoader or SafeLoader)
        except yaml.YAMLError as err:
            found = yaml_detail(err, text)
            raise UsageError(
                "log.roles_yaml",
                found.hint_key,
                path=str(file),
                line=found.position[0],
                column=found.position[1],
                detail=found.detail,
                **found.hint_args,
            ) from None
        if not isinstance(data, dict):
            raise UsageError(
                "log.roles_unreadable",
                "hint.log.roles",
                path=str(file),
                reason=Message("log.roles_empty" if data is None else "log.roles_not_mapping"),
            )
        from procesmap._safe_text import strip_control

        pairs = {strip_control(str(k)): strip_control(str(v)) for k, v in data.items()}
    if not pairs:
        raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason=Message("log.roles_empty"))
    return pairs


_ = re  # kept for readers of _OFFSET

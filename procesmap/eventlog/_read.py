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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from procesmap.errors import UsageError

__all__ = ["LogMapping", "EventLog", "read_log", "DEFAULT_COLUMNS", "LOG_SUFFIXES"]

CHUNK = 100_000
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


@dataclass
class EventLog:
    """An event log as a columnar table, with what reading it found (``quality``).

    ``quality`` counts (all integers): ``events`` read, ``without_case`` (dropped),
    ``without_activity``, ``without_timestamp`` (no value), ``bad_timestamp`` (a value
    that is not a date), ``without_resource``, ``without_role``, ``naive_timestamps``
    (no UTC offset: read as UTC); ``utc_offsets`` lists the distinct offsets seen;
    ``lifecycle`` counts the lifecycle values (``none`` where there is none).
    """

    table: Any  # pyarrow.Table
    source: str
    kind: str  # xes | csv | parquet
    columns: dict[str, str | None] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return int(self.table.num_rows)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return "xes"
    if name.endswith((".csv", ".csv.gz", ".txt")):
        return "csv"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise UsageError("log.unknown_format", "hint.log.unknown_format", path=str(path))


def read_log(path: str | os.PathLike[str], mapping: LogMapping | None = None,
             progress: Callable[[int, int], None] | None = None) -> EventLog:
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
    kind = _kind(file)
    try:
        if kind == "xes":
            raw = _read_xes(file, progress)
        elif kind == "csv":
            raw = _read_csv(file)
        else:
            raw = _read_parquet(file)
    except UsageError:
        raise
    except PermissionError as err:
        raise UsageError("log.unreadable", "hint.log.unreadable", path=str(file), reason=err.strerror or str(err)) from None
    except Exception as err:  # OSError, EOFError, gzip/lxml/pyarrow errors: a corrupt or truncated file
        raise UsageError("log.corrupt", _CORRUPT_HINTS[kind], path=str(file), reason=_reason(err)) from None
    return _standardise(raw, file, kind, mapping)


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
    trace_of = array.array("q")          # per event: the index of its trace (-1: outside a trace)
    traces: dict[str, list[Any]] = {}    # trace attributes, one list entry per trace
    trace_count = 0
    current = -1
    seen_log = False

    def flush() -> None:
        nonlocal columns, rows
        if rows == 0:
            return
        data = {}
        for key, values in columns.items():
            if len(values) < rows:
                values.extend([None] * (rows - len(values)))
            data[key] = pa.array(values, type=pa.string())
        data["__trace"] = pa.array(trace_of[len(trace_of) - rows:], type=pa.int64())
        chunks.append(pa.table(data))
        columns, rows = {}, 0

    with open(file, "rb") as raw_handle:
        counted = _Counting(raw_handle, total, progress)
        source: Any = gzip.GzipFile(fileobj=counted) if gz else counted  # type: ignore[arg-type]
        context = etree.iterparse(source, events=("end",), tag=("{*}event", "{*}trace"),
                                  huge_tree=True, resolve_entities=False, no_network=True)
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
                        column = columns[key] = [None] * rows
                    elif len(column) < rows:
                        column.extend([None] * (rows - len(column)))
                    column.append(child.get("value"))
                rows += 1
                trace_of.append(trace_count)
                elem.clear()
                if rows >= CHUNK:
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
        header_line = handle.readline()
    if not header_line.strip():
        raise UsageError("log.empty", "hint.log.empty", path=str(file))
    delimiter = max((",", ";", "\t"), key=header_line.count)
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

    return pq.read_table(str(file))


# -- one shape for every source ------------------------------------------------------------------


def _find(names: list[str], what: str, explicit: str | None, file: Path) -> str | None:
    if explicit:
        if explicit in names:
            return explicit
        lowered = {n.lower(): n for n in names}
        if explicit.lower() in lowered:
            return lowered[explicit.lower()]
        raise UsageError("log.no_column", "hint.log.no_column", path=str(file), column=explicit, what=what,
                         columns=", ".join(names[:30]))
    lowered = {n.strip().lower(): n for n in names}
    for candidate in DEFAULT_COLUMNS[what]:
        if candidate in lowered:
            return lowered[candidate]
    return None


_OFFSET = r"(Z|[+-]\d\d:?\d\d)$"


def _standardise(raw: Any, file: Path, kind: str, mapping: LogMapping) -> EventLog:
    import duckdb
    import pyarrow as pa
    import pyarrow.compute as pc

    names = list(raw.column_names)
    chosen: dict[str, str | None] = {}
    for what in STANDARD:
        chosen[what] = _find(names, what, mapping.explicit(what), file)
    absent = [what for what in ("case", "activity", "timestamp") if chosen[what] is None]
    if raw.num_rows == 0:
        raise UsageError("log.empty", "hint.log.empty", path=str(file))
    if absent:
        flag = absent[0]
        raise UsageError("log.missing_column", "hint.log.missing_column", path=str(file), what=", ".join(absent),
                         option=f"--{flag}", columns=", ".join(names[:30]))
    if kind == "xes" and chosen["case"] == "case:concept:name" and "case:concept:name" not in names:
        raise UsageError("log.missing_column", "hint.log.missing_column", path=str(file), what="case",
                         option="--case", columns=", ".join(names[:30]))

    def text(column: str | None) -> Any:
        if column is None:
            return pa.nulls(raw.num_rows, type=pa.string())
        array = raw.column(column)
        if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
            if pa.types.is_timestamp(array.type) or pa.types.is_date(array.type):
                array = pc.cast(array, pa.timestamp("us", tz="UTC")) if not getattr(array.type, "tz", None) else array
            array = pc.cast(array, pa.string())
        array = pc.utf8_trim_whitespace(array)
        return pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)

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
        offsets = pc.struct_field(pc.extract_regex(ts_text, r"(?P<o>Z|[+-]\d\d:?\d\d)$"), [0]) if ts_text.null_count < len(ts_text) else None
        present = int(pc.count(ts_text).as_py())
        quality["without_timestamp"] = len(ts_text) - present
        quality["bad_timestamp"] = present - int(pc.count(timestamp).as_py())
        if offsets is not None:
            with_offset = pc.count(offsets).as_py()
            quality["naive_timestamps"] = int(present - with_offset - quality["bad_timestamp"]) if with_offset <= present else 0
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
        "case": case, "activity": activity, "timestamp": timestamp, "resource": resource, "role": role,
        "lifecycle": lifecycle, "pos": pa.array(range(n), type=pa.int64()) if n < 50_000 else _arange(n),
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
    return EventLog(table=table, source=str(file), kind=kind, columns=chosen, quality=quality)


def _arange(n: int) -> Any:
    import numpy as np
    import pyarrow as pa

    return pa.array(np.arange(n, dtype=np.int64))


def read_roles(path: str | os.PathLike[str]) -> dict[str, str]:
    """A resource -> role mapping from YAML/JSON (``{resource: role}``) or CSV (two columns, header)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason=_reason(err)) from None
    if file.suffix.lower() == ".csv":
        import csv

        rows = list(csv.reader(text.splitlines(), delimiter=";" if text.count(";") > text.count(",") else ","))
        pairs = {r[0].strip(): r[1].strip() for r in rows[1:] if len(r) >= 2 and r[0].strip()}
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason=_reason(err)) from None
        if not isinstance(data, dict):
            raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason="not a mapping")
        pairs = {str(k): str(v) for k, v in data.items()}
    if not pairs:
        raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason="empty")
    return pairs


_ = re  # kept for readers of _OFFSET

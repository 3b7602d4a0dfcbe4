"""Reading an XES event log (``.xes``, ``.xes.gz``) into the raw Arrow table that :func:`._common._standardise`
turns into the standard one.

XES is streamed with ``lxml.etree.iterparse``: only ``<event>`` and ``<trace>``
elements are handed to Python, each is cleared (with its earlier siblings) once
read, and the values are turned into Arrow arrays every ``CHUNK`` events, so
memory holds the Arrow table plus at most one chunk of Python strings.
"""

from __future__ import annotations

import array
import gzip
import re
from pathlib import Path
from typing import Any, Callable

from procesmap.errors import LoadError, Problem, UsageError
from procesmap.i18n import Count, Message

CHUNK = 100_000
#: At most this many cells (rows x attribute keys) of Python strings are held before they become Arrow arrays:
#: an XES log whose events use many different keys is turned into Arrow in smaller chunks.
MAX_CHUNK_CELLS = 2_000_000
#: The most different attribute keys of an XES log (events and traces together; docs/format.md, limits). An XES
#: event carries only its own keys, yet every key is a column for every event: 990 keys in 99 MB took 29 s and
#: 1.8 GB; the shared logs have at most 29.
MAX_XES_KEYS = 200


def xes_syntax_error(file: Path, err: Any) -> UsageError:
    """``file:line:column: message`` and a hint for an XML syntax error in an XES file (of its XML, also when
    the file is gzipped); libxml2's common messages in the user's language (:mod:`procesmap.i18n.xes`)."""
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
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute  # noqa: F401
    from lxml import etree  # lazy: lxml loads only for an XES log

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

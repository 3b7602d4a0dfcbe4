"""Reading an XES event log (``.xes``, ``.xes.gz``) into the raw Arrow table that :func:`._common._standardise`
turns into the standard one.

Two readers give the same table. The fast path (bottom of this module) reads a file of the regular shape
programs write (traces and events of simple attributes, one level of nested ones) without a Python step per
event: one regular-expression check of each chunk of whole traces, then numpy and Arrow on the places of its
``<`` and ``"`` bytes. Anything else goes to the full reader, streamed with ``lxml.etree.iterparse``: only
``<event>`` and ``<trace>`` elements are handed to Python, each is cleared (with its earlier siblings) once
read, and the values are turned into Arrow arrays every ``CHUNK`` events, so memory holds the Arrow table plus
at most one chunk of Python strings. The full reader decides every error and limit.
"""

from __future__ import annotations

import array
import gzip
import re
from pathlib import Path
from typing import Any, Callable

from procesmap.errors import LoadError, UsageError
from procesmap.eventlog import _gzip
from procesmap.i18n import Count, Message
import zlib

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
        data: bytes = self.handle.read(size)
        self.done += len(data)
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)
        return data


class _Limited:
    """An unpacking gzip file that refuses (:func:`._gzip.too_large`) to give more than MAX_LOG_UNPACKED bytes."""

    def __init__(self, file: Path, handle: Any):
        self.file, self.handle, self.done = file, handle, 0

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.handle.read(size)
        self.done += len(data)
        if self.done > _gzip.MAX_LOG_UNPACKED:
            raise _gzip.too_large(self.file)
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


def _read_xes_full(file: Path, progress: Callable[[int, int], None] | None) -> Any:
    """The raw table of any XES file, read with lxml (an XML syntax error raises lxml's ``XMLSyntaxError``)."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute  # noqa: F401  # lazy: pyarrow loads only when a log is read
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
            raise LoadError.single(
                str(file),
                int(elem.sourceline or 1),
                1,
                "limits.xes_keys",
                {"limit": Count(MAX_XES_KEYS)},
                "limits.hint.xes_keys",
                {},
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
        source: Any = _Limited(file, gzip.GzipFile(fileobj=counted)) if gz else counted  # type: ignore[arg-type,call-overload]
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
                    elif len(column) > rows:  # the key again in the same event: the last value counts (as in pm4py)
                        column[rows] = child.get("value")
                        continue
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
                    elif len(column) > current:  # the key again in the same trace: the last value counts
                        column[current] = child.get("value")
                        continue
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
    for values in traces.values():
        if len(values) < trace_count:
            values.extend([None] * (trace_count - len(values)))
    return _assemble(chunks, {key: pa.array(values, type=pa.string()) for key, values in traces.items()}, trace_count)


def _assemble(chunks: list[Any], traces: dict[str, Any], trace_count: int) -> Any:
    """The raw table: the event tables one after the other, each trace attribute ``key`` (an Arrow array of one
    value a trace) as the column ``case:key`` of the trace's events."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute  # noqa: F401  # lazy: pyarrow loads only when a log is read

    if not chunks:
        return pa.table({"case:concept:name": pa.array([], pa.string())})
    table = pa.concat_tables(chunks, promote_options="default") if len(chunks) > 1 else chunks[0]
    trace_index = table.column("__trace")
    table = table.drop_columns(["__trace"])
    valid = pa.compute.greater_equal(trace_index, 0)
    safe_index = pa.compute.if_else(valid, trace_index, pa.scalar(None, pa.int64()))
    if "concept:name" not in traces:
        traces["concept:name"] = pa.nulls(trace_count, pa.string())
    for key, values in traces.items():
        table = table.append_column("case:" + key, pa.compute.take(values, safe_index))
    return table


def _read_xes(file: Path, progress: Callable[[int, int], None] | None) -> Any:
    """The raw table of an XES file: by the fast path where the file has the regular shape, else by lxml."""
    fast = _read_xes_fast(file, progress)
    if fast is not None:
        return fast
    with open(file, "rb") as handle:
        if handle.read(2) == b"\x1f\x8b":  # a gzip bomb is refused as a bomb before lxml calls it "not XML"
            _gzip._check_unpacked(file)
    return _read_xes_full(file, progress)


# -- the fast path ---------------------------------------------------------------------------------
#
# Almost every XES file is written by a program (OpenXES, ProM, pm4py, a zaaksysteem's export) in one regular
# shape: a header, then ``<trace>`` elements holding simple attributes (``<string key="..." value="..."/>``) and
# ``<event>`` elements holding simple attributes. For such a file a Python step per event or per attribute is the
# cost (see docs/eventlog.md): the fast path below has none. Each chunk of whole traces is checked against a
# regular expression of exactly that shape (one ``fullmatch``, in C), and then cut up with numpy from the places
# of its ``<`` and ``"`` bytes: the values become Arrow arrays straight from the bytes, and the events, traces
# and keys are numbered with cumulative sums. Anything else (a comment, CDATA, an entity or character reference,
# a tab or newline inside a value, nested attributes, a prefixed tag, a DOCTYPE, another encoding, a key twice in
# one event, invalid UTF-8, more than MAX_XES_KEYS keys, a value of 10 MB) makes the fast path give up, and the
# whole file is read again by the full parser above (lxml), which decides every error and every limit. So the
# fast path can only ever return what the full parser returns (tests/test_eventlog_xes_fast.py checks this on
# generated documents and every shared log).

#: Bytes of unpacked XML cut up at a time by the fast path (at the end of the last whole trace in it).
FAST_CHUNK = 4 * 1024 * 1024
#: The most bytes before the first ``<trace>`` the fast path looks at; a longer header goes to the full parser.
FAST_MAX_HEADER = 64 * 1024 * 1024
#: libxml2's longest attribute value without ``huge_tree`` (XML_MAX_TEXT_LENGTH); a longer one goes to the full
#: parser, which reports it.
_LIBXML2_MAX_VALUE = 10_000_000

_WS = rb"[ \t\r\n]*+"
# Inside a value the expression accepts anything but '"' (the quickest loop of Python's regular expressions); the
# bytes of the values and keys are checked afterwards with numpy: no '<', no '&' (a reference) and no control
# character (refused by the parser, or a tab or newline it would turn into a space).
_VALUE = rb'[^"]*+'
_KEY_VALUE = (
    rb'(?: key="|[ \t\r\n]++key[ \t\r\n]*+=[ \t\r\n]*+")'  # the usual spelling first
    + _VALUE
    + rb'(?:" value="|"[ \t\r\n]++value[ \t\r\n]*+=[ \t\r\n]*+")'
    + _VALUE
    + rb'"'
)
_TYPES = (b"string", b"date", b"int", b"float", b"boolean", b"id")
_SIMPLE = rb"<(?:" + b"|".join(_TYPES) + rb")" + _KEY_VALUE + rb"[ \t\r\n]*+/>"
# a simple attribute, or one with one level of simple attributes nested in it (then ``">`` exactly: the reader
# tells the two apart by the byte after the value); nested ones are skipped, as the full parser skips them
_ATTR = (
    rb"<(?:"
    + b"|".join(
        kind + _KEY_VALUE + rb"(?:[ \t\r\n]*+/>|>(?:" + _WS + _SIMPLE + rb")*+" + _WS + rb"</" + kind + rb">)"
        for kind in _TYPES
    )
    + rb")"
)
_TRACES = re.compile(
    (
        rb"(?:"
        + _WS
        + rb"<trace>(?:"
        + _WS
        + _ATTR
        + rb"|"
        + _WS
        + rb"<event>(?:"
        + _WS
        + _ATTR
        + rb")*+"
        + _WS
        + rb"</event>)*+"
        + _WS
        + rb"</trace>)*+"
        + _WS
    )
)
_TAIL = re.compile(_WS + rb"</log>" + _WS)


class _Decline(Exception):
    """The fast path does not read this file: the full parser does."""


def _unpacked_pieces(file: Path, gz: bool, counted: Any) -> Any:
    """The file's bytes (unpacked when gzipped) in pieces of about FAST_CHUNK bytes."""

    if not gz:
        while piece := counted.read(FAST_CHUNK):
            yield piece
        return
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    done = 0
    while True:
        packed = counted.read(1 << 18)
        if not packed:
            if not inflater.eof:
                raise _Decline  # cut off: the full parser says so
            return
        while packed:
            if inflater.eof:  # a second gzip member follows
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            piece = inflater.decompress(packed, FAST_CHUNK)
            done += len(piece)
            if done > _gzip.MAX_LOG_UNPACKED:
                raise _gzip.too_large(file)
            yield piece
            packed = inflater.unconsumed_tail or (inflater.unused_data if inflater.eof else b"")


def _check_header(header: bytes) -> None:
    """The part before the first ``<trace>``: well-formed XML once ``</log>`` is added, rooted in ``<log>``, in
    UTF-8, without a DOCTYPE (entities, default attributes) and without events of its own."""
    from lxml import etree  # lazy: lxml loads only for an XES log

    if b"<!DOCTYPE" in header or b"<event" in header:
        raise _Decline
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(header + b"</log>", parser)
    except etree.XMLSyntaxError:
        raise _Decline from None
    tree = root.getroottree()
    if _local(root.tag) != "log" or tree.docinfo.doctype or (tree.docinfo.encoding or "UTF-8").upper() != "UTF-8":
        raise _Decline
    if root.prefix is not None:
        raise _Decline  # <xes:log>: the traces would be <xes:trace>


def _spans(data: Any, starts: Any, ends: Any) -> Any:
    """The bytes ``data[starts[i]:ends[i]]`` one after the other (numpy uint8 ``data``) and their offsets, without
    a Python object per span; a span holding '<', a control character, U+FFFE or U+FFFF declines (the shape has
    none of them outside the values and keys, so only the spans are checked)."""
    import numpy as np  # lazy: numpy loads only when a log is read

    if len(data) >= 1 << 31:
        raise _Decline
    starts = starts.astype(np.int32)
    lengths = ends.astype(np.int32) - starts
    offsets = np.zeros(len(lengths) + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    gather = np.repeat(starts - offsets[:-1], lengths)  # for each byte of the result: its place in data
    gather += np.arange(len(gather), dtype=np.int32)
    raw = data[gather]
    if (raw < 0x20).any() or (raw == ord("<")).any():
        raise _Decline  # a control character (a tab or newline the parser would turn into a space) or markup
    if (raw >= 0xEF).any() and re.search(rb"\xef\xbf[\xbe\xbf]", raw) is not None:
        raise _Decline  # U+FFFE or U+FFFF: no XML characters
    return raw, offsets


def _strings(data: Any, starts: Any, ends: Any) -> Any:
    """An Arrow string array of the spans (see :func:`_spans`), references (``&amp;``, ``&#233;``) replaced as
    the XML parser replaces them; invalid UTF-8 or a reference the parser refuses declines."""
    import numpy as np  # lazy: numpy loads only when a log is read
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    raw, offsets = _spans(data, starts, ends)
    array = pa.Array.from_buffers(pa.string(), len(offsets) - 1, [None, pa.py_buffer(offsets), pa.py_buffer(raw)])
    try:
        array.validate(full=True)  # UTF-8
    except pa.ArrowInvalid:
        raise _Decline from None
    if (raw == ord("&")).any():  # a few values with references: those in Python, each checked as the parser does
        mask = pc.match_substring(array, "&")
        places = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
        texts = [_unescape(text) for text in array.take(pa.array(places)).to_pylist()]
        array = pc.replace_with_mask(array, mask, pa.array(texts, type=pa.string()))
    return array


_REFERENCE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,10})|#x([0-9a-fA-F]{1,8}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _character(match: re.Match[str]) -> str:
    if match[1]:
        return _NAMED[match[1]]
    code = int(match[2], 10) if match[2] else int(match[3], 16)
    if not (
        code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF
    ):
        raise _Decline  # not an XML character: the parser refuses it
    return chr(code)


def _unescape(text: str) -> str:
    """An attribute value with its references replaced, as libxml2 does; any other '&' declines (an undefined
    entity, a bare '&': the parser's error)."""
    replaced = _REFERENCE.sub(_character, text)
    if text.count("&") != len(_REFERENCE.findall(text)):
        raise _Decline
    return replaced


class _FastState:
    """What the fast path has read so far."""

    def __init__(self) -> None:
        self.chunks: list[Any] = []  # Arrow tables of events, as the full parser's flush makes them
        self.rows = 0
        self.traces = 0
        self.event_keys: set[str] = set()
        self.trace_parts: list[tuple[Any, list[str], Any, Any]] = []  # (trace index, key names, key codes, values)
        self.trace_keys: set[str] = set()
        self.header = True  # the bytes before the first <trace> are still to come


def _fast_chunk(buffer: bytes, end: int, state: _FastState) -> None:
    """Read ``buffer[:end]``, whole traces, into ``state``, or decline."""
    import numpy as np  # lazy: numpy loads only when a log is read
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    import pyarrow.compute as pc  # lazy: pyarrow loads only when a log is read

    chunk = memoryview(buffer)[:end]
    if _TRACES.fullmatch(chunk) is None:
        raise _Decline  # not the regular shape
    data = np.frombuffer(chunk, dtype=np.uint8)
    quotes = np.flatnonzero(data == ord('"')).reshape(-1, 4)  # the shape has two quoted values a tag, no others
    if len(quotes) and int(np.diff(quotes, axis=1)[:, ::2].max()) > _LIBXML2_MAX_VALUE:
        raise _Decline  # a key or value libxml2 refuses (without huge_tree)
    has_parents = bool((data[quotes[:, 3] + 1] == ord(">")).any())
    if has_parents:  # nested attributes: check every value before the tags are counted (values hold no '<')
        _strings(data, quotes.reshape(-1, 2)[:, 0] + 1, quotes.reshape(-1, 2)[:, 1])
    tags = np.flatnonzero(data == ord("<"))  # the tags, and '<' in a value (then the spans decline below)
    first, second = data[tags + 1], data[tags + 2]
    closing = first == ord("/")
    opens_event = first == ord("e")
    closes_event = closing & (second == ord("e"))
    opens_trace = first == ord("t")
    attribute = ~(closing | opens_event | opens_trace)
    if len(quotes) != int(np.count_nonzero(attribute)):
        raise _Decline
    events_so_far = np.cumsum(opens_event)
    traces_so_far = np.cumsum(opens_trace)
    in_event = ((events_so_far - np.cumsum(closes_event)) == 1)[attribute]
    if has_parents:
        closes_parent = closing & ~(closes_event | (second == ord("t")))  # </string> after nested attributes
        parent = np.zeros(len(tags), dtype=bool)
        parent[attribute] = data[quotes[:, 3] + 1] == ord(">")
        depth = np.cumsum(parent, dtype=np.int64) - np.cumsum(closes_parent, dtype=np.int64) - parent
        direct = (depth == 0)[attribute]  # an attribute of the event or trace itself, not nested in another
        in_event = in_event[direct]
        quotes = quotes[direct]
        attribute[attribute] = direct
    keys = pc.dictionary_encode(_strings(data, quotes[:, 0] + 1, quotes[:, 1]))
    values = _strings(data, quotes[:, 2] + 1, quotes[:, 3])
    names = keys.dictionary.to_pylist()
    codes = keys.indices.to_numpy(zero_copy_only=False).astype(np.int16)  # at most MAX_XES_KEYS: a radix sort
    # events: one row each; the trace of an event is the number of traces finished before it (the full parser's)
    count = int(events_so_far[-1])
    event_attributes = np.flatnonzero(in_event)
    rows = events_so_far[attribute][in_event] - 1
    event_codes = codes[event_attributes]
    if count:
        data_columns: dict[str, Any] = {}
        seen, first_at = np.unique(event_codes, return_index=True)
        order = np.argsort(event_codes, kind="stable")
        bounds = np.searchsorted(event_codes[order], seen)
        bounds = np.append(bounds, len(order))
        for place in np.argsort(first_at, kind="stable"):  # the keys in the order they first occur
            chosen = order[bounds[place] : bounds[place + 1]]
            at = rows[chosen]
            if len(at) > 1 and not (np.diff(at) > 0).all():
                raise _Decline  # a key twice in one event
            key = names[int(seen[place])]
            state.event_keys.add(key)
            index = np.full(count, -1, dtype=np.int64)
            index[at] = event_attributes[chosen]
            data_columns[key] = values.take(pa.array(index, mask=index < 0))
        if len(state.event_keys | state.trace_keys) > MAX_XES_KEYS:
            raise _Decline  # the full parser refuses it at its place
        data_columns["__trace"] = pa.array(traces_so_far[opens_event] - 1 + state.traces, type=pa.int64())
        state.chunks.append(pa.table(data_columns))
        state.rows += count
    trace_attributes = np.flatnonzero(~in_event)
    if len(trace_attributes):
        trace_codes = codes[trace_attributes]
        state.trace_keys.update("case:" + names[int(c)] for c in np.unique(trace_codes))
        if len(state.event_keys | state.trace_keys) > MAX_XES_KEYS:
            raise _Decline
        trace_index = traces_so_far[attribute][~in_event] - 1 + state.traces
        state.trace_parts.append((trace_index, names, trace_codes, values.take(pa.array(trace_attributes))))
    state.traces += int(traces_so_far[-1])


def _fast_traces(state: _FastState) -> dict[str, Any]:
    """The trace attributes, one Arrow array of ``state.traces`` values per key, in the order the keys first
    occur."""
    import numpy as np  # lazy: numpy loads only when a log is read
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    if not state.trace_parts:
        return {}
    number: dict[str, int] = {}
    index_parts, code_parts, value_parts = [], [], []
    offset = 0
    for trace_index, names, codes, values in state.trace_parts:
        mapping = np.array([number.setdefault(name, len(number)) for name in names], dtype=np.int64)
        index_parts.append(trace_index)
        code_parts.append(mapping[codes])
        value_parts.append(values)
        offset += len(values)
    index = np.concatenate(index_parts)
    codes = np.concatenate(code_parts)
    values = pa.concat_arrays(value_parts)
    names = list(number)
    result: dict[str, Any] = {}
    seen, first_at = np.unique(codes, return_index=True)
    for place in np.argsort(first_at, kind="stable"):
        chosen = np.flatnonzero(codes == seen[place])
        at = index[chosen]
        if len(at) > 1 and not (np.diff(at) > 0).all():
            raise _Decline  # a trace attribute twice in one trace
        take = np.full(state.traces, -1, dtype=np.int64)
        take[at] = chosen
        result[names[int(seen[place])]] = values.take(pa.array(take, mask=take < 0))
    return result


def _read_xes_fast(file: Path, progress: Callable[[int, int], None] | None) -> Any:
    """The raw table of an XES file of the regular shape, as :func:`_read_xes_full` would return it, or ``None``
    when the file has anything else (then nothing of it is kept)."""
    total = file.stat().st_size
    with open(file, "rb") as raw_handle:
        gz = raw_handle.read(2) == b"\x1f\x8b"
    state = _FastState()
    try:
        with open(file, "rb") as raw_handle:
            counted = _Counting(raw_handle, total, progress)
            pieces: list[bytes] = []
            size = 0
            pending = b""
            for piece in _unpacked_pieces(file, gz, counted):
                pieces.append(piece)
                size += len(piece)
                if size < FAST_CHUNK:
                    continue
                pending, pieces, size = _fast_pieces(b"".join(pieces), state), [], 0
                pieces, size = [pending], len(pending)
            pending = _fast_pieces(b"".join(pieces), state, last=True)
            if state.header or _TAIL.fullmatch(pending) is None:
                raise _Decline
        traces = _fast_traces(state)
    except LoadError:  # a gzip bomb
        raise
    except Exception:  # _Decline, or anything unforeseen: the full parser reads the file and has the last word
        return None
    return _assemble(state.chunks, traces, state.traces)


def _fast_pieces(buffer: bytes, state: _FastState, last: bool = False) -> bytes:
    """Read the whole traces at the start of ``buffer`` (after the header, the first time) into ``state``; the
    rest, to be read with the next bytes."""
    if state.header:
        start = buffer.find(b"<trace>")
        if start < 0:
            if len(buffer) > FAST_MAX_HEADER or last:
                raise _Decline
            return buffer
        _check_header(buffer[:start])
        buffer, state.header = buffer[start:], False
    end = buffer.rfind(b"</trace>")
    if end < 0:
        return buffer
    end += len(b"</trace>")
    _fast_chunk(buffer, end, state)
    return buffer[end:]

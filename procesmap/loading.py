"""YAML text -> :class:`~procesmap.model.Process`, with ``file:line:column`` on every problem.

Workshop YAML is hand-written, so bad input is the normal case. The loader:

1. reads bytes and refuses what is not a UTF-8 text file (binary, invalid
   UTF-8, empty); a BOM and CRLF line endings are fine;
2. refuses tabs in indentation, absurd nesting and more than one document
   with one streaming pass over the parser events (bounded time and memory);
3. composes the YAML node tree (marks kept) and turns it into plain data
   itself: no YAML tag ever builds a Python object, aliases may expand to at
   most :data:`MAX_NODES` nodes (alias bombs are refused), duplicate keys are
   errors. Plain YAML (nearly every map) skips steps 2-3: one pass over the
   parser's events builds the same data and places (:func:`_read_plain`); a file
   it does not take (anchors, tags, an error, a limit) goes through 2-3;
4. validates with the pydantic model and checks every reference between ids.

Every problem found in steps 3-4 is reported, not only the first. Jobs in their own modules:
pydantic's errors as problems at their place (:mod:`procesmap._model_problems`), references between
ids (:mod:`procesmap._references`), ``subprocess:`` expansion (:mod:`procesmap.subprocesses`), the
problem collector (:mod:`procesmap._collect`); decoding, scanning, composing and the folder of
maps (organisation files, subprocesses) stay here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from procesmap._safe_text import CONTROL, strip_control
from procesmap.errors import LoadError, Problem
from procesmap.reasons import os_reason
from procesmap.i18n import Count, Key, Message
from procesmap.model import SHARED_SECTIONS, OrganisationFile, Process, SourceMap
from procesmap._collect import Collector as _Collector
from procesmap._model_problems import _describe, _report_pydantic, _validate
from procesmap._references import _check_references
from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited, open_regular
from procesmap.reasons import yaml_detail
from procesmap.durations import Fixed, Gamma, Samples, Triangular, format_amount, max_work_hours, ordered_effort
from pydantic import ValidationError
from procesmap.subprocesses import expand_subprocesses

__all__ = ["load", "loads", "load_many", "discover", "scan_limits", "MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "MAX_STEPS"]

#: Limits of one YAML file, each with its reason in docs/format.md ('Limits of the loader'). A generated
#: 10,000-step map is 2.6 MB and 271,000 values; 1 million values take about 380 MB and 4 s CPU to load in
#: one pass (:func:`_read_plain`), 660 MB and 11 s through the full reader.
MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 1_000_000
#: The most steps one map may have (docs/format.md, limits): the analysis, the reports and the swimlane grow
#: with the steps; a 20,000-step chain takes about 12 s (check, analyse -f json) and 25 s (analyse -f html).
MAX_STEPS = 20_000
_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "binary")
}
Path_ = tuple[Any, ...]


def _yaml() -> Any:
    import yaml  # lazy: PyYAML loads with the first file read, not with the CLI

    return yaml


def _loader_class() -> Any:
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_CACHED_LOADERS: dict[Any, Any] = {}
_STR = "tag:yaml.org,2002:str"


def _caching(loader: Any) -> Any:
    """``loader`` with a memo on the tag resolution of plain scalars.

    The composer asks the resolver (Python regular expressions, also under libyaml) for the tag of
    every scalar; a map repeats its ids, durations and role names thousands of times, so a memo makes
    composing a 10,000-step map about 2 s faster. The answer depends only on the text and its style.
    """
    cached = _CACHED_LOADERS.get(loader)
    if cached is None:
        yaml = _yaml()
        scalar = yaml.ScalarNode
        memo: dict[tuple[str, Any], str] = {}
        resolve = loader.resolve

        def fast_resolve(self: Any, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not scalar or not isinstance(value, str) or len(value) > 200:
                return resolve(self, kind, value, implicit)
            key = (value, implicit)
            tag = memo.get(key)
            if tag is None:
                tag = resolve(self, kind, value, implicit)
                if len(memo) < 100_000:
                    memo[key] = tag
            return tag

        cached = _CACHED_LOADERS[loader] = type(f"Caching{loader.__name__}", (loader,), {"resolve": fast_resolve})
    return cached


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _read_text(path: Path, display: str) -> str:
    out = _Collector(display)
    try:
        exists = path.exists()
    except (OSError, ValueError) as err:  # a NUL byte or an over-long name in the path
        out.add((1, 1), "load.unreadable", "hint.load.unreadable", reason=os_reason(err))
        raise out.fail() from None
    if not exists:
        out.add((1, 1), "load.missing", "hint.load.missing", path=display)
        raise out.fail()
    if path.is_dir():
        out.add((1, 1), "load.is_directory", "hint.load.is_directory", path=display)
        raise out.fail()

    try:
        data = read_limited(path, MAX_BYTES)  # a FIFO or a device (/dev/zero) is refused without blocking
    except NotRegularFile as err:
        out.problems.append(not_regular_problem(err, display))
        raise out.fail() from None
    except TooLarge as err:
        size = Count(err.size) if err.size is not None else Message("text.more_than", count=Count(MAX_BYTES))
        out.add((1, 1), "load.too_large", "hint.load.too_large", size=size, limit=Count(MAX_BYTES))
        raise out.fail() from None
    except OSError as err:
        out.add((1, 1), "load.unreadable", "hint.load.unreadable", reason=os_reason(err))
        raise out.fail() from None
    return decode(data, display)


#: the messages of :func:`decode` per kind of file: (binary, its hint, not UTF-8, its hint)
_DECODE_KEYS = {
    "process": ("load.binary", "hint.load.binary", "load.encoding", "hint.load.encoding"),
    "config": ("config.binary", "config.hint.binary", "load.encoding", "config.hint.encoding"),
}


def decode(data: bytes, display: str, kind: str = "process") -> str:
    """Bytes -> text; UTF-8 (with or without BOM) only.

    ``kind`` names what the file should be, for the message: ``"process"`` (a process map or a
    shared organisation file) or ``"config"`` (``procesmap.toml``, ``pyproject.toml``).
    """
    binary, binary_hint, encoding, encoding_hint = _DECODE_KEYS.get(kind, _DECODE_KEYS["process"])
    out = _Collector(display)
    if b"\x00" in data:
        offset = data.index(b"\x00")
        out.add(_byte_position(data, offset), binary, binary_hint)
        raise out.fail()
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:  # err.start counts from after the BOM
        offset = bom + err.start
        out.add(_byte_position(data, offset), encoding, encoding_hint, byte=f"0x{data[offset]:02x}")
        raise out.fail() from None
    return text


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as editors and YAML marks count) of byte ``offset``.

    Everything before ``offset`` is valid UTF-8 (it is the first bad byte, or the first NUL).
    A BOM is not counted: the loader drops it before YAML sees the text.
    """
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    if start == 0 and data.startswith(b"\xef\xbb\xbf") and offset >= 3:
        start = 3
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return (line, column)


_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML (and of its marks)


def _lines(text: str) -> list[str]:
    return _BREAKS.split(text)


def _text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index``, counting lines the way YAML does."""
    line, start = 1, 0
    for match in _BREAKS.finditer(text, 0, max(index, 0)):
        if match.end() > index:
            break
        line, start = line + 1, match.end()
    return (line, index - start + 1)


def _tab_at(text: str, line: int, column: int) -> tuple[int, int] | None:
    """Where a YAML error is caused by a tab: one in the indentation of its line, or right at it."""
    lines = _lines(text)
    if not 1 <= line <= len(lines):
        return None
    current = lines[line - 1]
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    if "\t" in indent:
        return (line, indent.index("\t") + 1)
    if current[column - 1 : column] == "\t":
        return (line, column)
    return None


def _yaml_problem(err: Any, text: str, out: _Collector) -> None:
    """A PyYAML error as a problem: a tab where it is the cause, else what PyYAML found, translated."""

    yaml = _yaml()
    found = yaml_detail(err, text)
    position = found.position
    if isinstance(err, yaml.reader.ReaderError):
        # no mark; ``position`` counts bytes in libyaml and characters in the Python reader,
        # so find the first occurrence of the refused character itself
        character = err.character if isinstance(err.character, int) else None
        index = text.find(chr(character)) if character is not None and 0 <= character < 0x110000 else -1
        if index < 0 and isinstance(err.position, int):
            index = min(err.position, len(text))
        position = _text_position(text, max(index, 0))
    else:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        tab = _tab_at(text, *(_mark(mark) if mark is not None else position))
        if tab is not None:
            out.add(tab, "load.tab", "hint.load.tab")
            return
    hint_args = dict(found.hint_args)
    out.problems.append(
        Problem(out.file, position[0], position[1], "load.yaml", {"detail": found.detail}, found.hint_key, hint_args)
    )


def scan_limits(text: str, display: str) -> None:
    """Refuse YAML text (any YAML file procesmap reads, not only maps) that nests deeper than
    :data:`MAX_DEPTH`, holds more than one document or expands (aliases counted in full) to more than
    :data:`MAX_NODES` values: :class:`LoadError` with the place. Bounded time and memory, nothing built."""
    out = _Collector(display)
    yaml = _yaml()
    try:
        _scan(text, out)
    except yaml.YAMLError as err:
        _yaml_problem(err, text, out)
        raise out.fail() from None
    except RecursionError:
        out.add((1, 1), "load.too_deep", "hint.load.too_deep", limit=MAX_DEPTH)
        raise out.fail() from None


def _scan(text: str, out: _Collector, max_steps: int | None = None) -> None:
    """One streaming pass over parser events: nesting depth, document count and expanded size.

    The size counts every value the document expands to, an alias as the whole of its anchored
    value, so an alias bomb is refused at the alias that passes :data:`MAX_NODES`, before any
    node tree is built.
    """
    yaml = _yaml()
    loader = _loader_class()
    try:
        _scan_events(yaml.parse(text, Loader=loader), yaml, out, max_steps)
    except yaml.YAMLError as err:
        if loader is yaml.SafeLoader or "nesting depth" not in str(getattr(err, "problem", "") or err):
            raise
        # libyaml (0.2.5+) stops flow nesting at its own limit of 1000 while it scans ahead,
        # before a single event reaches us: the pure-Python parser, which has no such limit
        # and builds no tree, finds the place where *our* limit is passed.
        _scan_events(yaml.parse(text, Loader=yaml.SafeLoader), yaml, out, max_steps)


def _scan_events(events: Iterable[Any], yaml: Any, out: _Collector, max_steps: int | None = None) -> None:
    """See :func:`_scan`; with ``max_steps``, a top-level ``steps:`` list of more items is refused at the
    first item past the limit (:data:`MAX_STEPS`), before anything is built or analysed."""
    depth = 0
    expect_key = False  # in the top-level mapping: whether the next value at depth 1 is a key
    key: Any = None  # the top-level key whose value is being read
    nested_key = False  # the collection open at depth 1 is a (complex) key
    in_steps = False  # inside the top-level ``steps:`` list
    steps = 0
    documents = 0
    expanded = 0
    aliased = 0  # how much of ``expanded`` comes from aliases
    sizes: dict[str, int] = {}  # anchor -> number of values it expands to
    open_: list[tuple[str | None, int]] = []  # (anchor, expanded before it) per open collection
    for event in events:
        if max_steps is not None:
            if (
                depth == 2
                and in_steps
                and isinstance(
                    event, (yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.ScalarEvent, yaml.AliasEvent)
                )
            ):
                steps += 1
                if steps > max_steps:
                    out.add(
                        _mark(event.start_mark),
                        "limits.too_many_steps",
                        "limits.hint.too_many_steps",
                        limit=Count(max_steps),
                    )
                    raise out.fail()
            if depth == 1:
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    nested_key = expect_key
                    in_steps = not expect_key and key == "steps" and isinstance(event, yaml.SequenceStartEvent)
                    expect_key = False
                elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                    if expect_key:
                        key = getattr(event, "value", None)
                    expect_key = not expect_key
            elif depth == 0 and isinstance(event, yaml.MappingStartEvent):
                expect_key = True
            elif depth == 2 and isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                in_steps = False
                expect_key = not nested_key
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                out.add(_mark(event.start_mark), "load.too_deep", "hint.load.too_deep", limit=MAX_DEPTH)
                raise out.fail()
            open_.append((event.anchor, expanded))
            expanded += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            if open_:
                anchor, before = open_.pop()
                if anchor is not None:
                    sizes[anchor] = expanded - before
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)  # an alias inside its own anchor: the builder bounds it
            expanded += size
            aliased += size
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                out.add(_mark(event.start_mark), "load.many_documents", "hint.load.many_documents")
                raise out.fail()
        if expanded > MAX_NODES:
            if aliased * 2 > expanded:  # most of it comes from aliases: an alias bomb, or nearly
                out.add(
                    _mark(event.start_mark), "load.too_many_nodes", "hint.load.too_many_nodes", limit=Count(MAX_NODES)
                )
            else:  # a plain large file
                out.add(
                    _mark(event.start_mark),
                    "limits.too_many_values",
                    "limits.hint.too_many_values",
                    limit=Count(MAX_NODES),
                )
            raise out.fail()


class _Builder:
    """Node tree -> plain data, recording where every value and key came from."""

    def __init__(self, out: _Collector):
        yaml = _yaml()
        self.yaml = yaml
        self.out = out
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.count = 0
        self.open: set[int] = set()  # ids of the collection nodes being built (a cycle is refused)
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: Any, path: Path_ = (), depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.out.add(
                _mark(node.start_mark), "load.too_many_nodes", "hint.load.too_many_nodes", limit=Count(MAX_NODES)
            )
            raise self.out.fail()
        if not isinstance(node, self.yaml.ScalarNode) and (depth > MAX_DEPTH or id(node) in self.open):
            # aliases can nest deeper than the text does, even in a cycle (&a [*a]): refuse at the anchor
            self.out.add(_mark(node.start_mark), "load.too_deep", "hint.load.too_deep", limit=MAX_DEPTH)
            raise self.out.fail()
        if path not in self.values:
            self.values[path] = _mark(node.start_mark)
        tag = node.tag
        if tag not in _SAFE_TAGS:
            shown = "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
            self.out.add(_mark(node.start_mark), "load.tag", "hint.load.tag", tag=shown)
            return None
        if tag == _STR:  # most values: the text itself, as SafeConstructor would give it (control characters replaced)
            text = node.value
            return strip_control(text) if CONTROL.search(text) else text
        yaml = self.yaml
        if isinstance(node, yaml.ScalarNode):
            if tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"):
                return node.value
            try:
                value = self.constructor.construct_object(node)
            except Exception:  # a scalar the safe constructor cannot read: keep its text
                value = node.value
            if isinstance(value, str) and CONTROL.search(value):  # "\e]0;..." would reach a terminal
                value = strip_control(value)
            return value
        self.open.add(id(node))
        try:
            return self._collection(node, path, depth)
        finally:
            self.open.discard(id(node))

    def _collection(self, node: Any, path: Path_, depth: int) -> Any:
        if isinstance(node, self.yaml.SequenceNode):
            return [self.build(child, path + (index,), depth + 1) for index, child in enumerate(node.value)]
        result: dict[Any, Any] = {}
        for key_node, value_node in self._pairs(node, depth):
            key = self.build(key_node, path + ("<key>",), depth + 1)
            if isinstance(key, (list, dict)):
                self.out.add(_mark(key_node.start_mark), "load.complex_key", "hint.load.complex_key")
                continue
            if key in result:
                first = self.keys.get(path + (key,), (0, 0))
                self.out.add(
                    _mark(key_node.start_mark),
                    "load.duplicate_key",
                    "hint.load.duplicate_key",
                    key=_describe(key),
                    line=first[0],
                )
                continue
            self.keys[path + (key,)] = _mark(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def _pairs(self, node: Any, depth: int) -> list[tuple[Any, Any]]:
        """Mapping pairs with YAML merge keys (``<<: *defaults``) applied: explicit keys win.

        A merged mapping's own merge keys are applied too (bounded: ``&a {<<: *a}`` is too deep).
        """
        if depth > MAX_DEPTH:
            self.out.add(_mark(node.start_mark), "load.too_deep", "hint.load.too_deep", limit=MAX_DEPTH)
            raise self.out.fail()
        merged: list[tuple[Any, Any]] = []
        own: list[tuple[Any, Any]] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                sources = value_node.value if isinstance(value_node, self.yaml.SequenceNode) else [value_node]
                for source in sources:
                    if isinstance(source, self.yaml.MappingNode):
                        merged.extend(self._pairs(source, depth + 1))
                    else:
                        self.out.add(_mark(source.start_mark), "load.merge", "hint.load.merge")
            else:
                own.append((key_node, value_node))
        if not merged:
            return own
        scalar = self.yaml.ScalarNode
        own_keys = {k.value for k, _ in own if isinstance(k, scalar)}
        seen: set[Any] = set()
        result = list(own)
        for key_node, value_node in merged:
            if not isinstance(key_node, scalar):  # a complex key: reported when built
                result.append((key_node, value_node))
            elif key_node.value not in own_keys and key_node.value not in seen:
                seen.add(key_node.value)
                result.append((key_node, value_node))
        return result


class _Fallback(Exception):
    """The one-pass reader met something only the full reader handles: see :func:`_read_plain`."""


_SCALAR_TAGS = {"tag:yaml.org,2002:" + name: name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_RESOLVED: dict[str, str] = {}  # plain scalar text -> its tag: the resolver's answer
_CONSTRUCTED: dict[tuple[str, str], Any] = {}  # (tag, text) -> int, float, bool or None as SafeConstructor reads it


def _read_plain(text: str) -> tuple[Any, SourceMap, bool]:
    """The document, its places and whether it has ``x-`` keys, in one pass over libyaml's events.

    For the plain YAML of nearly every map: no anchors, aliases, merge keys or tags, no duplicate or
    complex keys, inside the limits. It builds exactly what the full reader (:func:`_scan`, compose,
    :class:`_Builder`) builds, the same values and the same places, without the node tree; anything
    else (an error or a limit included) raises :class:`_Fallback` and the full reader reads the file
    again and reports it with its place. Three to four times faster on a big map: the composer asks
    the Python resolver for every node, here a memo answers.
    """
    yaml = _yaml()
    events = yaml.events
    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    mapping_start, sequence_start = events.MappingStartEvent, events.SequenceStartEvent
    collection_end = (events.MappingEndEvent, events.SequenceEndEvent)
    document_start = events.DocumentStartEvent
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    resolved, constructed = _RESOLVED, _CONSTRUCTED
    resolve = yaml.resolver.Resolver().resolve  # the implicit types of YAML 1.1, as every PyYAML loader has them
    scalar_node = yaml.ScalarNode
    str_tag, timestamp_tag = _STR, "tag:yaml.org,2002:timestamp"
    constructor = None
    control = CONTROL.search
    may_extend = "x-" in text  # else no key can start with x-
    extensions = False
    nothing = _Fallback  # a sentinel: no root yet, no key waiting
    # the collection being filled: the container, its path, whether it is a mapping, the key read and waiting
    # for its value, whether its first key's place is recorded; the collections around it on ``stack``
    container: Any = None
    at: Path_ = ()
    in_mapping = False
    pending: Any = nothing
    first_key = False
    stack: list[tuple[Any, Path_, bool, Any, bool]] = []
    root: Any = nothing
    count = documents = 0
    parser = _loader_class()(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Fallback
                raw = event.value
                if not event.implicit[0]:  # quoted, or tagged "!": text (Resolver.resolve's answer)
                    value: Any = strip_control(raw) if control(raw) else raw
                else:
                    tag = resolved.get(raw) if len(raw) <= 200 else None
                    if tag is None:
                        tag = resolve(scalar_node, raw, (True, False))
                        if len(raw) <= 200 and len(resolved) < 100_000:
                            resolved[raw] = tag
                    if tag == str_tag:
                        value = strip_control(raw) if control(raw) else raw
                    elif tag == timestamp_tag:
                        value = raw
                    elif tag in _SCALAR_TAGS:
                        try:
                            value = constructed[(tag, raw)]
                        except KeyError:
                            if constructor is None:
                                constructor = yaml.constructor.SafeConstructor()
                            try:
                                value = constructor.construct_object(scalar_node(tag, raw, None, None))
                            except Exception:  # a scalar the safe constructor cannot read: its text, as _Builder
                                value = raw
                            if isinstance(value, str) and control(value):
                                value = strip_control(value)
                            if len(constructed) < 10_000:
                                constructed[(tag, raw)] = value
                    else:  # a merge key (<<), a value key (=): the full reader says what they do
                        raise _Fallback
                is_collection = False
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Fallback
                if len(stack) >= MAX_DEPTH:
                    raise _Fallback
                value = {} if kind is mapping_start else []
                is_collection = True
            elif kind in collection_end:
                container, at, in_mapping, pending, first_key = stack.pop()
                continue
            elif kind is alias_event:
                raise _Fallback
            elif kind is document_start:
                documents += 1
                if documents > 1:
                    raise _Fallback
                continue
            else:
                continue
            count += 1
            if count > MAX_NODES:
                raise _Fallback
            mark = event.start_mark
            place = (mark.line + 1, mark.column + 1)
            if in_mapping:
                if pending is nothing:  # this is a key
                    if is_collection or value in container or value == "<key>":
                        raise _Fallback  # a complex or duplicate key; "<key>" is where _Builder keeps the first key
                    if not first_key:
                        values[at + ("<key>",)] = place
                        first_key = True
                    keys[at + (value,)] = place
                    pending = value
                    if may_extend and type(value) is str and value.startswith("x-"):
                        extensions = True
                    continue
                path = at + (pending,)
                container[pending] = value
                pending = nothing
            elif stack or container is not None:
                path = at + (len(container),)
                container.append(value)
            else:  # the root
                path = ()
                root = value
            values[path] = place  # every path once: no aliases, no duplicate keys, no key "<key>"
            if is_collection:
                stack.append((container, at, in_mapping, pending, first_key))
                container, at, in_mapping, pending, first_key = value, path, kind is mapping_start, nothing, False
    except yaml.YAMLError:
        raise _Fallback from None
    finally:
        parser.dispose()
    if root is nothing:  # no document: the full reader says so
        raise _Fallback
    steps = root.get("steps") if isinstance(root, dict) else None
    if isinstance(steps, list) and len(steps) > MAX_STEPS:
        raise _Fallback
    return root, SourceMap("", values, keys), extensions


def _compose(text: str, out: _Collector) -> tuple[Any, SourceMap]:
    data, source, _ = _compose_marked(text, out)
    return data, source


def _compose_marked(text: str, out: _Collector) -> tuple[Any, SourceMap, bool]:
    """The document, where each value came from, and whether it may have ``x-`` keys.

    Plain YAML in one pass (:func:`_read_plain`); anything else by the full reader, which refuses what
    is bad with its place.
    """
    try:
        data, source, extensions = _read_plain(text)
    except _Fallback:
        return _compose_full(text, out)
    source.file = out.file
    return data, source, extensions


def _compose_full(text: str, out: _Collector) -> tuple[Any, SourceMap, bool]:
    """Any YAML: limits scanned first, the node tree composed with its marks, then built into plain data."""
    yaml = _yaml()
    try:
        _scan(text, out, MAX_STEPS)
        node = yaml.compose(text, Loader=_caching(_loader_class()))
    except yaml.YAMLError as err:
        _yaml_problem(err, text, out)
        raise out.fail() from None
    except RecursionError:
        out.add((1, 1), "load.too_deep", "hint.load.too_deep", limit=MAX_DEPTH)
        raise out.fail() from None
    if node is None:
        out.add((1, 1), "load.empty", "hint.load.empty")
        raise out.fail()
    builder = _Builder(out)
    data = builder.build(node)
    return data, SourceMap(out.file, builder.values, builder.keys), True


def loads(
    text: str, file: str = "<string>", *, repository: Path | None = None, shared: Sequence[OrganisationFile] = ()
) -> Process:
    """Load a process from YAML text. Raises :class:`LoadError` with every problem found.

    ``shared`` are organisation files (``kind: organisation``) whose organisations, teams,
    roles and systems this process may use; ``repository`` is the folder in which
    ``subprocess:`` ids must exist as files.
    """
    result = _load_text(text, file, repository=repository, shared=shared)
    if isinstance(result, OrganisationFile):
        raise LoadError([Problem(file, 1, 1, "load.organisation_file", {}, "hint.load.organisation_file", {})])
    return result


def _load_text(
    text: str, file: str, *, repository: Path | None = None, shared: Sequence[OrganisationFile] = ()
) -> "Process | OrganisationFile":
    """A process or, for ``kind: organisation``, a shared organisation file."""
    out = _Collector(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate: no file can hold it as UTF-8
        out.add(
            _text_position(text, err.start), "load.encoding", "hint.load.encoding", byte=f"U+{ord(text[err.start]):04X}"
        )
        raise out.fail() from None
    data, source, extensions = _compose_marked(text, out)
    if not isinstance(data, dict):
        kind = Key("kind.list" if isinstance(data, list) else "kind.scalar")
        out.add((1, 1), "load.not_mapping", "hint.load.not_mapping", kind=kind)
        raise out.fail()
    version = data.get("procesmap")
    if "procesmap" not in data:
        out.add((1, 1), "load.no_version", "hint.load.no_version")
    elif version != 1 or isinstance(version, bool):
        out.add(source.locate(("procesmap",)), "load.version", "hint.load.version", version=_describe(version))
        raise out.fail()
    if data.get("kind") == "organisation":
        return _organisation_file(_strip_extensions(data) if extensions else data, source, out)
    if "steps" not in data:
        out.add((1, 1), "load.no_steps", "hint.load.no_steps")
    if extensions:  # keys the user keeps for themselves (x-...): read past them
        data = _strip_extensions(data)
    origins = _merge_shared(data, shared, source, out)
    process = _validate(data, source, out)
    if process is not None:
        _check_work(process, data, source, out)
    _check_references(data, source, out, repository)
    if out.problems or process is None:
        raise out.fail()
    process._source = source
    process._origins = origins
    return process


def _check_work(process: Process, data: dict[Any, Any], source: SourceMap, out: _Collector) -> None:
    """``work`` read with the process's calendar: a triangular ``work`` must be ordered in working hours
    too (``{min: 4h, mode: 6h, max: 1d}`` is out of order with 8-hour days, though fine as elapsed
    time), and no amount may be more than 10 years of working time (:func:`~procesmap.durations.max_work_hours`)."""

    calendar = process.calendar.calendar()
    limit = max_work_hours(calendar)
    for index, step in enumerate(process.steps):
        work = step.work
        if work is None:
            continue
        base: Path_ = ("steps", index, "work")
        if isinstance(work, Triangular):
            places: list[tuple[Any, Path_]] = [(work.min, ("min",)), (work.mode, ("mode",)), (work.max, ("max",))]
        elif isinstance(work, Samples):
            places = [(amount, ("samples", i)) for i, amount in enumerate(work.values)]
        elif isinstance(work, Gamma):
            places = [(work.mean, ("mean",))]
        else:
            places = [(work.value, ())] if isinstance(work, Fixed) else []
        too_long = next(((a, at) for a, at in places if a.effort_hours(calendar) > limit + 1e-9), None)
        if too_long is not None:
            amount, at = too_long
            out.add(
                source.locate(base + at),
                "duration.work_too_long",
                "hint.duration.work_too_long",
                value=_raw_text(data, base + at, format_amount(amount)),
                limit=Count(round(limit)),
            )
        elif not ordered_effort(work, calendar):
            out.add(source.locate(base), "duration.triangle_order", "hint.duration.triangle_order")


def _raw_text(data: Any, path: Path_, fallback: str) -> str:
    """The value at ``path`` as the file wrote it (a string there), else ``fallback``."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return fallback
    return data.strip() if isinstance(data, str) else fallback


def _organisation_file(data: dict[Any, Any], source: SourceMap, out: _Collector) -> OrganisationFile:
    try:
        shared = OrganisationFile.model_validate(data)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            _report_pydantic(error, data, source, out, model=OrganisationFile)
        raise out.fail() from None
    _check_references(data, source, out, None)
    if out.problems:
        raise out.fail()
    shared._source = source
    return shared


def _merge_shared(
    data: dict[Any, Any], shared: Sequence[OrganisationFile], source: SourceMap, out: _Collector
) -> dict[tuple[str, str], tuple[str, int, int]]:
    """Add the shared definitions to the process's own; an id defined in both places is an error."""
    origins: dict[tuple[str, str], tuple[str, int, int]] = {}
    for organisation_file in shared:
        for section in SHARED_SECTIONS:
            items = getattr(organisation_file, section)
            if not items:
                continue
            own = data.get(section)
            if own is None:
                own = data[section] = {}
            if not isinstance(own, dict):
                continue
            for item_id, item in items.items():
                line, column = organisation_file.source.locate((section, item_id), key=True)
                if item_id in own:
                    if (section, item_id) not in origins:
                        out.add(
                            source.locate((section, item_id), key=True),
                            "ref.shared_conflict",
                            "hint.ref.shared_conflict",
                            id=item_id,
                            other=organisation_file.file,
                            line=line,
                        )
                    continue
                own[item_id] = item.model_dump(mode="json", exclude_defaults=True)
                origins[(section, item_id)] = (organisation_file.file, line, column)
    return origins


def load(path: str | os.PathLike[str]) -> Process:
    """Load one process file. Raises :class:`LoadError` (file:line:column, message, hint).

    Shared organisation files (``kind: organisation``) in the same folder are merged in,
    and ``subprocess:`` steps are expanded with the other process files of that folder.
    """
    repository = _Repository()
    process = repository.load_process(Path(path), str(path))
    if repository.problems:
        raise LoadError(repository.problems)
    if process is None:
        raise LoadError([Problem(str(path), 1, 1, "load.organisation_file", {}, "hint.load.organisation_file", {})])
    return repository.expand(process)


_KIND_ORGANISATION = re.compile(r"^kind:[ \t]*['\"]?organisation['\"]?[ \t]*(#.*)?$", re.MULTILINE)


def _is_organisation_file(path: Path) -> bool:
    """A cheap look at the head of a file: is it a shared organisation file?"""

    try:
        with open_regular(path, record=False) as handle:  # never blocks on a FIFO
            head = handle.read(16384).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_KIND_ORGANISATION.search(head))


class _Repository:
    """The files of one run: shared organisation files per folder (read once), processes by id."""

    def __init__(self) -> None:
        self.shared: dict[str, list[OrganisationFile]] = {}
        self.broken: dict[str, list[Problem]] = {}  # folder -> problems of its shared files
        self.by_id: dict[str, Process] = {}
        self.problems: list[Problem] = []

    def shared_for(self, folder: Path) -> list[OrganisationFile]:
        key = str(folder)
        if key not in self.shared:
            loaded: list[OrganisationFile] = []
            candidates = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            for candidate in candidates:
                if not _is_organisation_file(candidate):
                    continue
                display = str(candidate) if str(folder) != "." else candidate.name
                try:
                    result = _load_text(_read_text(candidate, display), display)
                except LoadError as err:
                    self.problems.extend(err.problems)
                    self.broken.setdefault(key, []).extend(err.problems)
                    continue
                if isinstance(result, OrganisationFile):
                    loaded.append(result)
            self.shared[key] = loaded
        return self.shared[key]

    def load_process(self, file: Path, display: str) -> Process | None:
        """A process, or ``None`` for a shared organisation file."""
        text = _read_text(file, display)
        folder = file.parent
        shared = [] if _is_organisation_file(file) else self.shared_for(folder)
        if str(folder) in self.broken and not _is_organisation_file(file):
            # the maps of this folder lean on a shared file that does not load: its errors say why
            raise LoadError(self.broken[str(folder)])
        result = _load_text(text, display, repository=folder, shared=shared)
        if isinstance(result, OrganisationFile):
            return None
        self.by_id.setdefault(result.id, result)
        return result

    def expand(self, process: Process) -> Process:
        if not any(step.subprocess for step in process.steps):
            return process
        folder = Path(process.file).parent

        def lookup(process_id: str) -> Process | None:
            if process_id in self.by_id:
                return self.by_id[process_id]
            for suffix in (".yaml", ".yml"):
                candidate = folder / f"{process_id}{suffix}"
                if candidate.is_file():
                    return self.load_process(candidate, str(candidate))
            return None

        return expand_subprocesses(process, lookup)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The process files named by ``paths``: files as given, folders searched for ``*.yaml``/``*.yml``."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                os.scandir(path).close()  # rglob passes over a folder it may not read: say so instead
            except OSError as err:
                raise LoadError(
                    [
                        Problem(
                            str(path),
                            1,
                            1,
                            "load.unreadable_folder",
                            {"reason": os_reason(err)},
                            "hint.load.unreadable_folder",
                            {},
                        )
                    ]
                ) from None
            children = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".yaml", ".yml")
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not children:
                raise LoadError(
                    [Problem(str(path), 1, 1, "load.empty_folder", {"path": str(path)}, "hint.load.empty_folder", {})]
                )
            found.extend(children)
        else:
            found.append(path)
    return found


def load_many(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Process], list[Problem]]:
    """Load every process file under ``paths``; returns the processes and every problem found.

    Files with ``kind: organisation`` are shared definitions, not processes; subprocesses
    are expanded once every file has been read.
    """
    repository = _Repository()
    loaded: list[Process] = []
    problems: list[Problem] = []
    try:
        files = discover(paths)
    except LoadError as err:
        return [], err.problems
    for file in files:
        try:
            process = repository.load_process(file, str(file))
        except LoadError as err:
            problems.extend(err.problems)
            continue
        if process is not None:
            loaded.append(process)
    seen: dict[str, Process] = {}
    for process in loaded:
        if process.id in seen:
            line, column = process.source.locate(("id",))
            problems.append(
                Problem(
                    process.file,
                    line,
                    column,
                    "load.duplicate_process",
                    {"id": process.id, "other": seen[process.id].file},
                    "hint.load.duplicate_process",
                    {},
                )
            )
        seen[process.id] = process
    processes: list[Process] = []
    for process in loaded:
        try:
            processes.append(repository.expand(process))
        except LoadError as err:
            problems.extend(err.problems)
    unique = {(p.file, p.line, p.column, p.key): p for p in repository.problems + problems}
    return processes, list(unique.values())


def _strip_extensions(data: dict[Any, Any]) -> Any:
    """Keys starting with ``x-`` are the user's own (like OpenAPI): kept in the file, ignored here."""
    if isinstance(data, dict):
        return {k: _strip_extensions(v) for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
    if isinstance(data, list):
        return [_strip_extensions(v) for v in data]
    return data

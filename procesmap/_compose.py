"""YAML text -> plain data (dicts, lists, str, int, float, bool, None) and where every value and key came
from (:class:`~procesmap.model.SourceMap`). No YAML tag ever builds a Python object, aliases expand to at
most :data:`~procesmap._scan.MAX_NODES` values, duplicate and complex keys are errors. Plain YAML (nearly
every map) in one pass over libyaml's events (:func:`_read_plain`); anything else is scanned
(:mod:`procesmap._scan`), composed with its marks and built (:class:`_Builder`). The third step of
:mod:`procesmap.loading`."""

from __future__ import annotations

from typing import Any

from procesmap._collect import Collector as _Collector
import procesmap._decode as _decode
from procesmap._decode import _mark, _yaml
from procesmap._model_problems import _describe
from procesmap._safe_text import CONTROL, strip_control
from procesmap._scan import MAX_DEPTH, MAX_NODES, MAX_STEPS, _scan, yaml_errors
from procesmap.i18n import Count
from procesmap.model import SourceMap

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


_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "binary")
}
Path_ = tuple[Any, ...]


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
    parser = _decode._loader_class()(text)
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
    with yaml_errors(text, out):
        _scan(text, out, MAX_STEPS)
        node = yaml.compose(text, Loader=_caching(_decode._loader_class()))
    if node is None:
        out.add((1, 1), "load.empty", "hint.load.empty")
        raise out.fail()
    builder = _Builder(out)
    data = builder.build(node)
    return data, SourceMap(out.file, builder.values, builder.keys), True

"""One streaming pass over YAML parser events that refuses, before anything is built, what no map may
be: nesting deeper than :data:`MAX_DEPTH`, more than one document, more than :data:`MAX_NODES` values
(aliases counted in full, so an alias bomb is refused at its alias) and more than :data:`MAX_STEPS`
steps. The second step of :mod:`procesmap.loading` for YAML the one-pass reader does not take."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Iterable

from procesmap._collect import Collector as _Collector
import procesmap._decode as _decode
from procesmap._decode import _mark, _yaml, _yaml_problem
from procesmap.i18n import Count

__all__ = ["MAX_DEPTH", "MAX_NODES", "MAX_STEPS", "scan_limits"]

#: Limits of one YAML file, each with its reason in docs/format.md ('Limits of the loader'). 1 million values
#: take about 380 MB and 4 s CPU to load in one pass (:func:`procesmap._compose._read_plain`), 660 MB and
#: 11 s through the full reader.
MAX_DEPTH = 40
MAX_NODES = 1_000_000
#: The most steps one map may have (docs/format.md, limits): the analysis, the reports and the swimlane grow
#: with the steps; a 20,000-step chain takes about 12 s (check, analyse -f json) and 25 s (analyse -f html).
MAX_STEPS = 20_000


def scan_limits(text: str, display: str) -> None:
    """Refuse YAML text (any YAML file procesmap reads, not only maps) that nests deeper than
    :data:`MAX_DEPTH`, holds more than one document or expands (aliases counted in full) to more than
    :data:`MAX_NODES` values: :class:`LoadError` with the place. Bounded time and memory, nothing built."""
    out = _Collector(display)
    with yaml_errors(text, out):
        _scan(text, out)


@contextmanager
def yaml_errors(text: str, out: _Collector) -> Iterator[None]:
    """PyYAML's errors while reading ``text`` as problems at their place (and a parser's recursion as nesting
    past :data:`MAX_DEPTH`), raised as :class:`~procesmap.errors.LoadError` with every problem ``out`` holds."""
    yaml = _yaml()
    try:
        yield
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
    loader = _decode._loader_class()
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

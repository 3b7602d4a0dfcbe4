"""The loader's one-pass reader (:func:`procesmap._compose._read_plain`) against its full reader.

The one-pass reader builds plain YAML straight from libyaml's events; the full reader (limits scanned,
node tree composed, :class:`procesmap._compose._Builder`) is the independent implementation it must
equal: the same data (types included), the same place of every value and key, in the same order. For
anything else (anchors, aliases, tags, merge keys, duplicate keys, errors, limits) it must give way,
so that the full reader reports it with its place, as before.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procesmap import _compose
from procesmap._collect import Collector
from procesmap.errors import LoadError
from procesmap.loading import MAX_DEPTH, MAX_STEPS, loads

from .conftest import bundled


def _same(a: Any, b: Any) -> bool:
    """Equal values of equal types (``1`` is not ``True`` nor ``1.0``), keys in the same order; NaN equals NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def _full(text: str) -> tuple[Any, Any]:
    data, source, _ = _compose._compose_full(text, Collector("map.yaml"))
    return data, source


def _assert_equal_or_gives_way(text: str) -> bool:
    """True when the one-pass reader read ``text`` (and then equals the full reader)."""
    try:
        data, source, extensions = _compose._read_plain(text)
    except _compose._Fallback:
        return False
    full_data, full_source = _full(text)
    assert _same(data, full_data), text
    assert list(source.values.items()) == list(full_source.values.items()), text
    assert source.keys == full_source.keys, text
    assert extensions == _has_extension_key(full_data), text
    return True


def _has_extension_key(data: Any) -> bool:
    if isinstance(data, dict):
        return any(isinstance(k, str) and k.startswith("x-") for k in data) or any(
            _has_extension_key(v) for v in data.values()
        )
    if isinstance(data, list):
        return any(_has_extension_key(v) for v in data)
    return False


# plain scalars of every kind YAML 1.1 resolves (and some it does not), each valid as a plain value
PLAIN = [
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "",
    "0",
    "-1",
    "+5",
    "1_000",
    "0x1F",
    "0o17",
    "017",
    "0b101",
    "1:30",
    "190:20:30",
    "1.5",
    "1.5e3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    "1e5",
    "1_000.5",
    "2024-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "2024-1-1",
    "12:00",
    "15m",
    "1.5d",
    "P8W",
    "8w",
    "abc",
    "Behandelaar",
    "s0001-aanvraag-beoordelen",
    "<<",
    "=",
    "x-notes",
    "<key>",
    "steps",
    "a b c",
    "ë-ü",
    "'",
    "a'b",
]
QUOTED = ["yes", "1", "", "\x1b]0;title\x07", "tab\there", "\u2028", "x" * 250, "12:00", "<<", "héé", "\x7f"]
KEYS = ["id", "name", "steps", "next", "x-own", "<key>", "1", "yes", "null", "1.5", "a b", "<<", "=", "2024-01-01"]


def _scalar() -> Any:
    plain = st.sampled_from(PLAIN)
    quoted = st.sampled_from(QUOTED + PLAIN).map(json.dumps)
    single = st.sampled_from(PLAIN + ["a: b", "# not a comment"]).map(lambda s: "'" + s.replace("'", "''") + "'")
    return st.one_of(plain, quoted, single)


def _tree() -> Any:
    return st.recursive(
        _scalar(),
        lambda children: st.one_of(
            st.lists(children, max_size=4).map(lambda items: ("seq", items)),
            st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=4).map(lambda pairs: ("map", pairs)),
        ),
        max_leaves=25,
    )


def _emit(node: Any, indent: int, flow: bool) -> str:
    """YAML text of a generated tree: block style, or flow style below ``flow``."""
    if isinstance(node, str):
        return node if not flow or node[:1] in "'\"" or node.isalnum() else json.dumps(node)
    kind, items = node
    if flow or not items:
        if kind == "seq":
            return "[" + ", ".join(_emit(i, 0, True) for i in items) + "]"
        return "{" + ", ".join(f"{json.dumps(k)}: {_emit(v, 0, True)}" for k, v in items) + "}"
    pad = " " * indent
    lines = []
    for item in items:
        key, value = item if kind == "map" else (None, item)
        head = f"{pad}- " if kind == "seq" else f"{pad}{key}:"
        if isinstance(value, str) or not value[1]:
            lines.append(f"{head}{' ' if kind == 'map' else ''}{_emit(value, 0, True)}")
        elif kind == "seq":
            lines.append(f"{head}{_emit(value, 0, True)}")
        else:
            lines.append(head + "\n" + _emit(value, indent + 2, False))
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tree(), st.booleans())
def test_one_pass_equals_the_full_reader(tree: Any, comment: bool) -> None:
    text = _emit(tree, 0, False) + "\n"
    if comment:
        text = "# a comment\n" + text
    try:
        _assert_equal_or_gives_way(text)
    except LoadError:  # the full reader refuses a text the one-pass reader read: that must not happen
        pytest.fail(f"the one-pass reader read a text the full reader refuses:\n{text}")


def test_plain_maps_take_the_one_pass_reader_and_equal_the_full_one() -> None:
    """Every bundled map is plain YAML: read in one pass, to the same data and places as before."""
    texts = [path.read_text(encoding="utf-8") for path in bundled()]
    assert texts
    for text in texts:
        assert _assert_equal_or_gives_way(text)


def test_a_loaded_map_is_the_same_by_either_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    text = bundled()[0].read_text(encoding="utf-8")
    fast = loads(text, "map.yaml")

    def give_way(_: str) -> Any:
        raise _compose._Fallback

    monkeypatch.setattr(_compose, "_read_plain", give_way)
    full = loads(text, "map.yaml")
    assert fast.model_dump() == full.model_dump()
    assert fast.source.values == full.source.values and fast.source.keys == full.source.keys


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!str 1\n",  # a tag
        "a: !custom 1\n",
        "base: &b {x: 1}\nc:\n  <<: *b\n",  # a merge key
        "a: 1\na: 2\n",  # a duplicate key
        "1: a\ntrue: b\n",  # 1 and true are the same key to Python
        "? [a]\n: 1\n",  # a complex key
        "a: 1\n---\nb: 2\n",  # two documents
        "",  # no document
        "# only a comment\n",
        "a: [1, 2\n",  # a syntax error
        "a:\n\tb: 1\n",  # a tab in the indentation
        "a: =\n",  # the value key
        "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",  # too deep
        "steps:\n" + "- s\n" * (MAX_STEPS + 1),  # too many steps
    ],
)
def test_everything_else_goes_to_the_full_reader(text: str) -> None:
    with pytest.raises(_compose._Fallback):
        _compose._read_plain(text)


def test_a_problem_keeps_its_place_through_the_fall_back() -> None:
    """A duplicate key: the one-pass reader gives way, the full reader names the place of the second key."""
    text = "procesmap: 1\nid: a\nid: b\nsteps:\n  - {id: s, type: start, next: e}\n  - {id: e, type: end}\n"
    with pytest.raises(LoadError) as caught:
        loads(text, "map.yaml")
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column, problem.key) == ("map.yaml", 3, 1, "load.duplicate_key")
    assert problem.hint_key


def test_extension_keys_are_flagged_at_any_depth() -> None:
    assert _compose._read_plain("a: 1\nb: {c: [1, {x-d: 2}]}\n")[2] is True
    assert _compose._read_plain("a: 1\nb: {c: [1, {d: x-2}]}\n")[2] is False

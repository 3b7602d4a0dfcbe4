"""Property tests: durations round-trip, visits agree with random walks, the loader never crashes.

(a) ``parse_amount(format_amount(a)) == a`` for any non-negative finite amount, and the
    short forms (``15m``, ``1.5d``) and ISO forms read as they say;
(b) the exact visits of :func:`procesmap.graph.build_graph` (an absorbing Markov chain)
    agree with a brute-force simulation of random walks through random process maps;
(c) no input, however broken, makes :func:`procesmap.loading.loads` raise anything but
    :class:`~procesmap.errors.LoadError`.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procesmap.durations import Amount, DurationError, format_amount, parse_amount, parse_duration
from procesmap.errors import LoadError
from procesmap.graph import build_graph
from procesmap.loading import decode, loads
from procesmap.model import Process

# -- (a) durations -------------------------------------------------------------------------------

finite = st.floats(min_value=0.0, allow_nan=False, allow_infinity=False)
# values a workshop writes (whole and halves, small) as well as any float at all
friendly = st.one_of(st.integers(0, 10_000).map(float), st.integers(0, 2_000).map(lambda n: n / 4))
component = st.one_of(finite, friendly, st.just(0.0))


@st.composite
def amounts(draw: Any) -> Amount:
    minutes, days, weeks = draw(component), draw(component), draw(component)
    keep = draw(st.sampled_from(["m", "d", "w", "md", "mw", "dw", "mdw"]))
    return Amount(
        minutes=minutes if "m" in keep else 0.0, days=days if "d" in keep else 0.0, weeks=weeks if "w" in keep else 0.0
    )


@settings(max_examples=300, deadline=None)
@given(amounts())
def test_format_then_parse_is_identity(amount: Amount) -> None:
    text = format_amount(amount)
    assert "e" not in text.lower().replace("p", ""), text  # never an exponent: the short form does not read it
    assert parse_amount(text) == amount, text


@pytest.mark.parametrize(
    "amount",
    [
        Amount(minutes=1e-05),
        Amount(days=1e16),
        Amount(weeks=5e-324),
        Amount(minutes=1.7976931348623157e308),
        Amount(minutes=120.0),
        Amount(minutes=90.0),
        Amount(minutes=0.1, days=0.2, weeks=0.3),
        Amount(),
    ],
)
def test_format_then_parse_edge_cases(amount: Amount) -> None:
    assert parse_amount(format_amount(amount)) == amount


def decimal_text(draw: Any) -> str:
    whole = draw(st.integers(0, 10**6))
    if draw(st.booleans()):
        return str(whole)
    digits = draw(st.text(alphabet="0123456789", min_size=1, max_size=6))
    return f"{whole}.{digits}" if draw(st.booleans()) else f".{digits}"


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from("mhdw"))
def test_short_form(data: Any, unit: str) -> None:
    number = data.draw(st.composite(decimal_text)())
    value = float(number)
    expected = {
        "m": Amount(minutes=value),
        "h": Amount(minutes=value * 60.0),
        "d": Amount(days=value),
        "w": Amount(weeks=value),
    }[unit]
    assert parse_amount(f"{number}{unit}") == expected
    assert parse_amount(f"  {number}{unit} ") == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500))
def test_iso_form(weeks: int, days: int, hours: int, minutes: int, seconds: int) -> None:
    text = f"P{weeks}W{days}DT{hours}H{minutes}M{seconds}S"
    expected = Amount(minutes=hours * 60.0 + minutes + seconds / 60.0, days=float(days), weeks=float(weeks))
    assert parse_amount(text) == expected
    assert parse_amount(text.lower()) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(
            st.sampled_from(["min", "mode", "max", "samples", "x"]),
            st.one_of(st.text(max_size=6), st.floats(), st.lists(st.text(max_size=4))),
            max_size=4,
        ),
    )
)
def test_duration_parser_only_raises_duration_error(value: Any) -> None:
    try:
        parsed = parse_duration(value)
    except DurationError as err:
        assert err.key.startswith("duration.")
        return
    for amount in parsed.amounts():
        for part in (amount.minutes, amount.days, amount.weeks):
            assert part >= 0 and part == part and part != float("inf")


# -- (b) visits against a brute-force random walk -----------------------------------------------

WALKS = 20_000


@st.composite
def process_maps(draw: Any) -> tuple[str, dict[str, list[tuple[str, float]]], str]:
    """A random map: a start, tasks and decisions (with loops that have a way out) and one or more ends.

    Every non-end step has a branch to a later step, with probability at least 0.7, so every loop
    has a way out and the expected number of visits stays small enough to simulate.
    """
    count = draw(st.integers(3, 8))
    ends = draw(st.integers(1, min(2, count - 1)))
    ids = [f"s{i}" for i in range(count)]
    routes: dict[str, list[tuple[str, float]]] = {}
    lines = ["procesmap: 1", "id: random", "steps:"]
    for index, step_id in enumerate(ids):
        kind = "start" if index == 0 else "end" if index >= count - ends else "task"
        branches: list[tuple[str, float]] = []
        if kind != "end":
            forward = ids[draw(st.integers(index + 1, count - 1))]
            others = draw(st.lists(st.sampled_from(ids), max_size=2))  # anywhere: back, to itself, ahead
            if not others:
                branches = [(forward, 1.0)]
            else:
                # in twentieths: the forward branch keeps at least 14/20, each other branch at least 1/20
                rest = draw(st.integers(len(others), 6))
                cuts = (
                    sorted(
                        draw(
                            st.lists(
                                st.integers(1, rest - 1),
                                min_size=len(others) - 1,
                                max_size=len(others) - 1,
                                unique=True,
                            )
                        )
                    )
                    if len(others) > 1
                    else []
                )
                parts = [b - a for a, b in zip([0, *cuts], [*cuts, rest])]
                branches = [(forward, (20 - rest) / 20)] + [(target, part / 20) for target, part in zip(others, parts)]
                if draw(st.booleans()):
                    branches.reverse()
                kind = "decision" if kind == "task" else kind
        routes[step_id] = branches
        lines += [f"  - id: {step_id}", f"    type: {kind}"]
        if len(branches) == 1 and draw(st.booleans()):
            lines.append(f"    next: {branches[0][0]}")
        elif branches:
            lines.append("    next:")
            lines += [f"      - {{to: {target}, p: {p!r}}}" for target, p in branches]
    return "\n".join(lines) + "\n", routes, ids[0]


def simulate(routes: dict[str, list[tuple[str, float]]], start: str, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    counts = dict.fromkeys(routes, 0)
    for _ in range(WALKS):
        step = start
        while True:
            counts[step] += 1
            branches = routes[step]
            if not branches:
                break
            draw = rng.random()
            for target, p in branches:
                draw -= p
                if draw < 0:
                    break
            step = target  # the last branch takes any rounding left over
    return {step: count / WALKS for step, count in counts.items()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(process_maps(), st.integers(0, 2**32 - 1))
def test_visits_agree_with_random_walks(
    generated: tuple[str, dict[str, list[tuple[str, float]]], str], seed: int
) -> None:
    text, routes, start = generated
    graph = build_graph(loads(text))
    assert graph.visits is not None, graph.visits_missing
    assert graph.visits[start] >= 1.0 - 1e-9
    walked = simulate(routes, start, seed)
    for step, mean in walked.items():
        exact = graph.visits[step]
        assert abs(exact - mean) <= 0.05 + 0.05 * exact, (step, exact, mean, text)


def test_visits_of_a_known_loop() -> None:
    """Rework with p = 0.3 back: the decision is visited 1 / 0.7 times per case."""
    text = """\
procesmap: 1
id: loop
steps:
  - {id: in, type: start, next: check}
  - id: check
    type: decision
    next: [{to: fix, p: 0.3}, {to: out, p: 0.7}]
  - {id: fix, next: check}
  - {id: out, type: end}
"""
    visits = build_graph(loads(text)).visits
    assert visits is not None
    assert visits["check"] == pytest.approx(1 / 0.7)
    assert visits["fix"] == pytest.approx(0.3 / 0.7)
    assert visits["out"] == pytest.approx(1.0)


# -- (c) the loader raises LoadError and nothing else -------------------------------------------

VALID = Path(__file__).resolve().parents[1] / "processes" / "omgevingsvergunning.yaml"
VALID_TEXT = VALID.read_text(encoding="utf-8") if VALID.exists() else None
SMALL_VALID = """\
procesmap: 1
id: proef
owner: behandelaar
roles:
  behandelaar: {name: Behandelaar, people: 2, backup: [teamleider]}
  teamleider: {people: 1}
systems: {mail: {kind: manual}}
steps:
  - id: start
    type: start
    role: behandelaar
    raci: {A: teamleider, C: behandelaar, I: [teamleider]}
    work: 15m
    wait: {min: 1d, mode: 2d, max: 5d}
    next: keuze
  - id: keuze
    type: decision
    role: teamleider
    via: mail
    work: {samples: [1h, 2h]}
    next:
      - {to: start, p: 0.25, when: terug}
      - {to: einde, p: 0.75}
  - {id: einde, type: end, role: behandelaar, lead: P1DT2H}
issues:
  - {id: k1, step: keuze, text: Traag, owner: teamleider, level: tactical, action: start}
"""
SEEDS = [SMALL_VALID] + ([VALID_TEXT] if VALID_TEXT else [])


def loads_or_load_error(text: str) -> None:
    try:
        result = loads(text, "<generated>")
    except LoadError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.line >= 1 and problem.column >= 1
            problem.format("en")
            problem.format("nl")
        return
    assert isinstance(result, Process)


def test_seeds_are_valid() -> None:
    for text in SEEDS:
        assert isinstance(loads(text, "<seed>"), Process)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    loads_or_load_error(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{},&*!|>'\"#?%@` \t\n\r\ufeff\x85\u2028012.~<")), max_size=80))
def test_yaml_punctuation(text: str) -> None:
    loads_or_load_error(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        text = decode(data, "<generated>")
    except LoadError as err:
        assert err.problems and err.problems[0].key in ("load.binary", "load.encoding")
        return
    loads_or_load_error(text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["1d", "-2d", "3 dagen", "P1M", "start", "end", "1200/year", "s0", "x-a"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "procesmap",
            "id",
            "steps",
            "next",
            "to",
            "p",
            "role",
            "roles",
            "teams",
            "wait",
            "work",
            "lead",
            "raci",
            "A",
            "C",
            "type",
            "issues",
            "x-ext",
        ]
    ),
    st.text(max_size=8),
    st.integers(-2, 2),
    st.booleans(),
    st.none(),
)
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(structures)
def test_random_structures(value: Any) -> None:
    loads_or_load_error(yaml.safe_dump(value, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, structures, max_size=6), st.booleans())
def test_random_structures_with_a_version(value: dict[Any, Any], with_steps: bool) -> None:
    value = {"procesmap": 1, "id": "x", **value}
    if with_steps:
        value.setdefault("steps", [{"id": "a"}])
    loads_or_load_error(yaml.safe_dump(value, allow_unicode=True, default_flow_style=False))


def paths_of(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, path + (index,))
    return found


SEED_VALUES = [yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) for text in SEEDS]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(SEED_VALUES))), st.data())
def test_valid_file_with_one_value_replaced(seed: int, data: Any) -> None:
    value = copy.deepcopy(SEED_VALUES[seed])
    path = data.draw(st.sampled_from(paths_of(value)[1:]))
    new = data.draw(structures)
    target = value
    for part in path[:-1]:
        target = target[part]
    if data.draw(st.booleans()) or not isinstance(target, dict):
        target[path[-1]] = new
    else:
        del target[path[-1]]
    loads_or_load_error(yaml.dump(value, Dumper=DUMPER, allow_unicode=True, sort_keys=False))


@st.composite
def mutated(draw: Any) -> str:
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut", "indent"]))
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap" and len(line) >= 2:
            i = draw(st.integers(0, len(line) - 2))
            lines[index] = line[:i] + line[i + 1] + line[i] + line[i + 2 :]
        elif operation == "insert":
            i = draw(st.integers(0, len(line)))
            insert = draw(st.sampled_from(list(":-[]{},&*!|>'\"#\t\x00\ufeff") + ["  ", "*a", "&a", "<<: "]))
            lines[index] = line[:i] + insert + line[i:]
        elif operation == "cut":
            i = draw(st.integers(0, len(line)))
            lines[index] = line[:i]
        elif operation == "indent":
            lines[index] = draw(st.sampled_from([" ", "  ", "\t"])) + line
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=200, deadline=None)
@given(mutated())
def test_mutated_valid_files(text: str) -> None:
    loads_or_load_error(text)


@settings(max_examples=200, deadline=None)
@given(mutated())
def test_mutated_valid_files_as_bytes(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        decoded = decode(data, "<generated>")
    except LoadError:
        return
    loads_or_load_error(decoded)

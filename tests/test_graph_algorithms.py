"""procesmap.graph's own reachability and strongly connected components against networkx (the oracle).

procesmap no longer imports networkx at run time; these property tests hold the hand-written
iterative algorithms to networkx's results on random graphs (self-loops, isolated nodes, long
chains that would overflow a recursive version), and check that an analysis imports no networkx.
"""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

import procesmap
from procesmap.graph import descendants, strongly_connected_components
from tests.conftest import ROOT, bundled

graphs = st.integers(1, 25).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60).map(
        lambda edges: (n, edges)
    )
)


def _both(n: int, edges: list[tuple[int, int]]) -> tuple[dict[str, list[str]], nx.DiGraph]:
    succ: dict[str, list[str]] = {str(i): [] for i in range(n)}
    graph = nx.DiGraph()
    graph.add_nodes_from(succ)
    for a, b in edges:
        if str(b) not in succ[str(a)]:
            succ[str(a)].append(str(b))
        graph.add_edge(str(a), str(b))
    return succ, graph


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_components_are_networkx_components(case: tuple[int, list[tuple[int, int]]]) -> None:
    succ, graph = _both(*case)
    ours = sorted(sorted(c) for c in strongly_connected_components(succ))
    theirs = sorted(sorted(c) for c in nx.strongly_connected_components(graph))
    assert ours == theirs


@settings(max_examples=300, deadline=None)
@given(graphs, st.integers(0, 24))
def test_descendants_are_networkx_descendants(case: tuple[int, list[tuple[int, int]]], source: int) -> None:
    succ, graph = _both(*case)
    node = str(source % case[0])
    assert descendants(succ, node) == set(nx.descendants(graph, node))


def test_a_chain_of_5000_needs_no_recursion() -> None:
    succ = {str(i): [str(i + 1)] for i in range(5000)}
    succ["5000"] = ["0"]
    assert strongly_connected_components(succ) == [set(succ)]
    assert descendants(succ, "0") == set(succ) - {"0"}  # as networkx: never the source itself


def test_to_networkx_is_the_routing() -> None:
    for file in bundled():
        analysis = procesmap.analyse(procesmap.load(file), cases=50)
        graph = analysis.graph.to_networkx()
        assert set(graph.nodes) == {s.id for s in analysis.process.steps}
        expected: dict[tuple[str, str], float] = {}
        for t in analysis.graph.transitions:
            expected[(t.source, t.target)] = expected.get((t.source, t.target), 0.0) + t.p
        assert {(u, v): d["p"] for u, v, d in graph.edges(data=True)} == expected
        reachable = set(nx.descendants(graph, analysis.graph.start)) | {analysis.graph.start}
        assert analysis.graph.reachable == reachable


def test_analysis_imports_no_networkx() -> None:
    code = (
        "import sys, procesmap; procesmap.analyse(procesmap.load(sys.argv[1]), cases=50); "
        "print('networkx' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "processes" / "omgevingsvergunning.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "False", out.stderr

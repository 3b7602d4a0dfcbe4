"""Process -> ProcessGraph: the routing as a directed graph and the expected visits per case.

The routing is an absorbing Markov chain (docs/format.md, 'Visits'): the start is
visited once per case, a decision sends a case along each branch with its
``p``, a ``parallel`` sends it along every branch, and its matching ``join``
is visited once per visit of the parallel. Visits are solved exactly with
linear algebra; when they cannot be computed (an endless loop, branch
probabilities that do not add up) they are ``None`` with the reason, never
a guess.

The graph is plain dictionaries (``succ``: step -> {next step: summed p}) walked by the few
algorithms the analysis needs (reachability, ancestors, strongly connected components,
written here iteratively): importing networkx took a quarter of ``procesmap analyse``'s
start-up. :meth:`ProcessGraph.to_networkx` gives the same graph as a ``networkx.DiGraph``
for notebooks (networkx is imported only then).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
import warnings

from procesmap.findings import listing
from procesmap.model import Process

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ProcessGraph", "Transition", "build_graph", "P_TOLERANCE", "descendants", "strongly_connected_components"]

P_TOLERANCE = 0.001


@dataclass(frozen=True)
class Transition:
    """One arrow u -> v of the map, with the probability a visit of u takes it."""

    source: str
    target: str
    p: float
    when: str | None
    index: int
    parallel: bool


@dataclass
class ProcessGraph:
    process: Process
    succ: dict[str, dict[str, float]]
    """step -> {next step: probability (branches to the same step added up)}, every step a key, in file order."""
    start: str
    transitions: list[Transition]
    join_of: dict[str, str] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    probability_problems: dict[str, float] = field(default_factory=dict)
    defaulted_probabilities: list[str] = field(default_factory=list)
    reachable: set[str] = field(default_factory=set)
    endless: list[list[str]] = field(default_factory=list)
    visits: dict[str, float] | None = None
    visits_missing: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    _outgoing: dict[str, list[Transition]] | None = field(default=None, repr=False)

    def to_networkx(self) -> "nx.DiGraph":
        """The routing as a ``networkx.DiGraph`` (nodes carry ``step``, edges ``p`` and ``parallel``)."""
        import networkx as nx  # lazy: networkx loads only when a graph is built, not for `procesmap --help`

        graph = nx.DiGraph()
        for step in self.process.steps:
            graph.add_node(step.id, step=step)
        parallel: dict[tuple[str, str], bool] = {}
        for t in self.transitions:
            parallel.setdefault((t.source, t.target), t.parallel)
        for source, targets in self.succ.items():
            for target, p in targets.items():
                graph.add_edge(source, target, p=p, parallel=parallel[(source, target)])
        return graph

    def outgoing(self, step_id: str) -> list[Transition]:
        if self._outgoing is None:
            table: dict[str, list[Transition]] = {}
            for t in self.transitions:
                table.setdefault(t.source, []).append(t)
            self._outgoing = table
        return self._outgoing.get(step_id, [])

    def per_case(self, transition: Transition) -> float | None:
        """Expected number of times a case takes ``transition``: visits(u) x p(u -> v)."""
        if self.visits is None:
            return None
        return self.visits.get(transition.source, 0.0) * transition.p


def build_graph(process: Process) -> ProcessGraph:
    """Build the routing graph and solve the visits."""
    steps = process.steps
    succ: dict[str, dict[str, float]] = {step.id: {} for step in steps}
    start = next((s.id for s in steps if s.type == "start"), steps[0].id)

    transitions: list[Transition] = []
    problems: dict[str, float] = {}
    defaulted: list[str] = []
    for step in steps:
        if not step.next:
            continue
        if step.type == "parallel":
            for index, branch in enumerate(step.next):
                transitions.append(Transition(step.id, branch.to, 1.0, branch.when, index, True))
            continue
        given = [b.p for b in step.next if b.p is not None]
        free = [b for b in step.next if b.p is None]
        rest = 1.0 - sum(given)
        if free:
            if len(step.next) > 1:
                defaulted.append(step.id)
            share = rest / len(free) if rest > -P_TOLERANCE else 0.0
            if rest < -P_TOLERANCE or (rest < P_TOLERANCE and len(free) > 0 and len(step.next) > 1):
                problems[step.id] = sum(given)
        elif abs(rest) > P_TOLERANCE:
            problems[step.id] = sum(given)
            share = 0.0
        else:
            share = 0.0
        for index, branch in enumerate(step.next):
            p = branch.p if branch.p is not None else max(share, 0.0)
            transitions.append(Transition(step.id, branch.to, p, branch.when, index, False))

    for t in transitions:
        targets = succ.setdefault(t.source, {})
        targets[t.target] = targets.get(t.target, 0.0) + t.p
        succ.setdefault(t.target, {})

    result = ProcessGraph(
        process, succ, start, transitions, probability_problems=problems, defaulted_probabilities=defaulted
    )
    result.reachable = descendants(succ, start) | {start}
    _match_parallels(result)
    _find_endless(result)
    _solve_visits(result)
    return result


def _match_parallels(pg: ProcessGraph) -> None:
    """Each ``parallel`` matches the one ``join`` that all of its branches reach first."""
    steps = pg.process.steps_by_id
    memo: dict[str, str | None] = {}

    def join_for(parallel: str, stack: tuple[str, ...] = ()) -> str | None:
        if parallel in memo:
            return memo[parallel]
        if parallel in stack:
            return None
        found: set[str] = set()
        for branch in steps[parallel].next:
            found |= first_joins(branch.to, stack + (parallel,))
        result = found.pop() if len(found) == 1 else None
        memo[parallel] = result
        return result

    def first_joins(entry: str, stack: tuple[str, ...]) -> set[str]:
        joins: set[str] = set()
        seen: set[str] = set()
        todo = [entry]
        while todo:
            node = todo.pop()
            if node in seen or node not in steps:
                continue
            seen.add(node)
            step = steps[node]
            if step.type == "join":
                joins.add(node)
                continue
            if step.type == "parallel":
                inner = join_for(node, stack)
                if inner is not None:
                    todo.extend(b.to for b in steps[inner].next)
                continue
            todo.extend(b.to for b in step.next)
        return joins

    for step in pg.process.steps:
        if step.type == "parallel":
            join = join_for(step.id)
            if join is None:
                pg.unmatched.append(step.id)
            else:
                pg.join_of[step.id] = join
    matched = set(pg.join_of.values())
    for step in pg.process.steps:
        if step.type == "join" and step.id not in matched:
            pg.unmatched.append(step.id)


def _find_endless(pg: ProcessGraph) -> None:
    """Reachable steps from which no end can be reached: each strongly connected group is one loop."""
    live = {u: [v for v, p in targets.items() if p > 0] for u, targets in pg.succ.items()}
    before: dict[str, list[str]] = {u: [] for u in live}
    for u, targets in live.items():
        for v in targets:
            before[v].append(u)
    exits = [n for n, targets in live.items() if not targets]
    can_finish: set[str] = set(exits)
    for node in exits:
        can_finish |= descendants(before, node)
    stuck = [n for n in pg.reachable if n not in can_finish]
    if not stuck:
        return
    inside = set(stuck)
    sub = {u: [v for v in live[u] if v in inside] for u in live if u in inside}
    order = {s.id: i for i, s in enumerate(pg.process.steps)}
    for component in strongly_connected_components(sub):
        first = next(iter(component))
        if len(component) > 1 or first in sub[first]:
            pg.endless.append(sorted(component, key=order.__getitem__))
    if not pg.endless:  # stuck only because they lead into a loop: report that loop's entry
        pg.endless.append(sorted(stuck, key=order.__getitem__))


def descendants(succ: dict[str, Any], source: str) -> set[str]:
    """Every node reachable from ``source`` by one arrow or more, never ``source`` itself (as networkx)."""
    seen: set[str] = set()
    todo = list(succ.get(source, ()))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(v for v in succ.get(node, ()) if v not in seen)
    seen.discard(source)
    return seen


def strongly_connected_components(succ: dict[str, Any]) -> list[set[str]]:
    """The strongly connected components of a graph ``{node: successors}`` (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components


DENSE_LIMIT = 400


def _solve(n: int, rows: list[int], cols: list[int], weights: list[float], rhs: Any) -> Any:
    """Solve (I - P) v = rhs for the visits.

    Dense (numpy) for maps of up to :data:`DENSE_LIMIT` steps, where it is fastest and spares
    the SciPy import; sparse (SciPy) beyond, because real maps have few arrows per step.
    """
    import numpy as np  # lazy: numpy loads only when figures are computed, not for `procesmap --help`

    if n <= DENSE_LIMIT:
        matrix = np.eye(n)
        np.subtract.at(matrix, (rows, cols), weights)
        try:
            solution = np.linalg.solve(matrix, rhs)
        except np.linalg.LinAlgError:
            return None
        return solution
    from scipy.sparse import coo_matrix, identity  # lazy: SciPy loads only when this computation runs
    from scipy.sparse.linalg import MatrixRankWarning, spsolve  # lazy: SciPy loads only when this computation runs

    matrix = coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsc()
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatrixRankWarning)
        try:
            solution = spsolve((identity(n, format="csc") - matrix).tocsc(), rhs)
        except (MatrixRankWarning, RuntimeError, ValueError):
            return None
    return np.atleast_1d(solution)


def _solve_visits(pg: ProcessGraph) -> None:
    import numpy as np  # lazy: numpy loads only when figures are computed, not for `procesmap --help`

    if pg.probability_problems:
        for step_id, total in pg.probability_problems.items():
            pg.visits_missing.append(("missing.visits_probabilities", {"step": step_id, "total": round(total, 4)}))
        return
    if pg.endless:
        for loop in pg.endless:
            pg.visits_missing.append(("missing.visits_endless", {"steps": listing(loop)}))
        return
    nodes = [s.id for s in pg.process.steps if s.id in pg.reachable]
    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    branches = {p: len(pg.process.step(p).next) for p in pg.join_of}
    scale = {join: 1.0 / branches[parallel] for parallel, join in pg.join_of.items()}
    rows, cols, weights = [], [], []
    for t in pg.transitions:
        if t.source in index and t.target in index:
            rows.append(index[t.target])
            cols.append(index[t.source])
            weights.append(t.p * scale.get(t.target, 1.0))
    rhs = np.zeros(n)
    rhs[index[pg.start]] = 1.0
    solution = _solve(n, rows, cols, weights, rhs)
    if solution is None or not np.all(np.isfinite(solution)):
        pg.visits_missing.append(("missing.visits_singular", {}))
        return
    visits = {s.id: 0.0 for s in pg.process.steps}
    for node, value in zip(nodes, solution):
        visits[node] = float(max(value, 0.0))
    pg.visits = visits

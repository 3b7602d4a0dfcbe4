"""Swimlane layout of a process map, in abstract units (points, 1/72 inch), without matplotlib.

This module decides *where* everything goes; the renderers (:mod:`procesmap.diagrams.swimlane`,
and the BPMN diagram interchange of :mod:`procesmap.bpmn`) only draw or write it. It is pure
Python: importing it pulls in neither matplotlib nor networkx.

Coordinates: origin top-left, ``x`` to the right, ``y`` downwards, units are points (so a
renderer at 72 dpi draws 1 unit as 1 pixel; BPMNDI can use them as they are). Every box is
``(x, y, width, height)`` with ``(x, y)`` its top-left corner.

How the layout is made (each step deterministic, so the same map gives the same picture):

1. **Lanes.** One lane per role (roles that do no step get a slim lane), grouped by
   organisation and then team; external roles form their own group, at the top or the
   bottom. Steps without a role that are events or gateways sit in the lane of a
   neighbour; tasks and decisions without a role get a lane "no role" (that is a finding).
2. **Layers.** Back edges (rework loops) are found by a depth-first search from the start,
   following the branches in file order; without them the graph is acyclic, and each step
   gets the layer of its longest path from the start (a column in the picture).
3. **Lane order.** Groups, teams and roles are ordered (all permutations for up to six
   siblings, adjacent swaps beyond) to minimise the summed lane distance of all
   transitions, so most arrows go to a neighbouring lane.
4. **Tracks.** Steps in the same lane and layer are stacked in tracks, ordered by the
   barycentre of their predecessors.
5. **Routing.** Arrows are orthogonal. They run vertically only in the channels between
   columns and horizontally either along an empty stretch of a track or in a corridor
   between tracks, never through a step. Back edges always use a corridor, so rework loops
   run between the lanes instead of across the steps. Parallel segments in one channel or
   corridor get their own slot; a channel or corridor widens to fit them.
6. **Labels.** Branch labels (probability and ``when``) are wrapped and placed at the first
   free spot along their arrow, next to the target first; they never cover a step.

Text widths are estimated from DejaVu Sans advance widths (a little generously), so that a
renderer using that font never overflows a box.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from procesmap.diagrams.bounds import check_layout

if TYPE_CHECKING:
    from procesmap.analysis import Analysis
    from procesmap.model import Process

__all__ = [
    "SwimlaneLayout",
    "Lane",
    "LaneGroup",
    "Node",
    "Edge",
    "Badge",
    "Mark",
    "Box",
    "swimlane_layout",
    "text_width",
    "wrap_text",
    "SMALL_TYPES",
    "HEADER_WIDTH",
]

Box = tuple[float, float, float, float]
"""``(x, y, width, height)``, top-left corner, in points."""

SMALL_TYPES = ("start", "end", "decision", "parallel", "join", "wait")
"""Step types drawn as a small shape (event or gateway) with the name below it."""

# -- dimensions (points) ---------------------------------------------------------------------
SLOT_W = 126.0  # width of a column with a task box
SMALL_SLOT = 100.0  # width of a column of events and gateways (their names wrap to it)
MAX_WAIT_W = 124.0  # the widest a wait label may be
BOX_W = 112.0  # task box
BOX_H = 50.0
SMALL = 28.0  # diameter of an event, diagonal of a gateway
WAIT_H = 12.0  # the wait strip above a step
SHAPE_AREA = 68.0  # below the wait strip: shape (and the label of a small shape)
BAND_H = WAIT_H + SHAPE_AREA
CORRIDOR = 14.0  # minimum height of a corridor between tracks
CHANNEL = 22.0  # minimum width of a channel between columns
SPACING = 6.0  # distance between parallel segments in a channel or corridor
PAD = 8.0
EDGE_LABEL_W = 92.0  # wrap width of a branch label
LABEL_ROOM = EDGE_LABEL_W + 10.0
ORG_BAND = 22.0
TEAM_BAND = 22.0
ROLE_LABEL = 118.0
HEADER_WIDTH = ORG_BAND + TEAM_BAND + ROLE_LABEL
TASK_FONT = 8.0
TASK_SIZES = (TASK_FONT, 7.5, 7.0)
SMALL_FONT = 7.5
SMALL_SIZES = (SMALL_FONT, 7.0)
EDGE_FONT = 7.0
WAIT_FONT = 6.8
WAIT_SIZES = (WAIT_FONT, 6.4, 6.0, 5.6)
LANE_FONT = 8.5  # a role's name
SLIM_FONT = 7.0  # the name of a role that does no step
LANE_BADGE_FONT = 6.8  # "kwetsbaar", "bottleneck" under a role's name
ORG_FONT = 8.5  # organisation names (bold, turned a quarter)
TEAM_FONT = 7.5  # team names (turned a quarter)
BADGE_FONT = 6.8  # the number or knelpunt id on a step's badge
BADGE_H = 10.0
ENVELOPE = 11.0  # the box of the envelope on a handover outside the case system
ROLE_MARKS = {"PM204": "spof", "PM303": "bottleneck", "PM304": "overloaded"}
"""The findings whose mark is on a role's lane; the key numbers them after the steps' findings."""
LANE_KEY_GAP = 2.0  # below a lane mark with a numbered badge (the badge is taller than the mark's line)
GROUP_FROM = 3  # identical findings at this many steps or more share one badge number and one key line
LINE = 1.2  # line height as a multiple of the font size
BOLD = 1.08  # bold DejaVu is this much wider than regular

EXTERNAL = "__external__"
NO_ORG = "__none__"
NO_TEAM = "__none__"


@dataclass(frozen=True)
class LaneGroup:
    """A band of lanes that belong together: an organisation (or the external parties) or a team."""

    kind: str  # "organisation" | "team"
    id: str | None  # organisation/team id; None for "no team"/"no organisation"/externals
    name: str | None  # the map's name for it (None: the renderer says "external" etc.)
    external: bool
    y: float
    height: float
    label_lines: tuple[str, ...] = ()  # the name as drawn, turned a quarter (the group is tall enough)
    label_size: float = ORG_FONT
    teamless: bool = False  # an organisation without teams: its band takes the team band's width too


@dataclass(frozen=True)
class Lane:
    """One role's lane. ``role`` is None for the lane of steps that have no role."""

    role: str | None
    name: str
    team: str | None
    organisation: str | None
    external: bool
    y: float
    height: float
    tracks: int
    has_steps: bool
    load_mark: str | None = None  # "overloaded" (PM304), "bottleneck" (PM303), "highest" (a plain figure) or None
    utilisation: float | None = None
    label_lines: tuple[str, ...] = ()  # the name as drawn (wrapped)
    label_size: float = LANE_FONT
    badges: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (spof|bottleneck|overloaded|highest, lines)
    keys: tuple[str | None, ...] = ()  # per badge its number in the legend's key (None: a plain figure, no finding)

    @property
    def label_height(self) -> float:
        """The height of the lane's name and its marks (a keyed mark's badge is a little taller than its line)."""
        return lane_label_height(len(self.label_lines), self.label_size, self.badges, self.keys)


@dataclass(frozen=True)
class Node:
    """One step: its shape's box, and where its name and its wait indicator go."""

    step: str
    type: str
    x: float
    y: float
    width: float
    height: float
    lane: int
    layer: int
    track: int
    label_lines: tuple[str, ...]
    label_box: Box
    label_size: float
    wait_box: Box  # the wait strip (height 0: the step has no wait)
    wait_label: str | None = None  # "wacht 2,0 d per keer · 0,42× per zaak"
    wait_size: float = WAIT_FONT
    badges: tuple["Badge", ...] = ()  # numbered findings and knelpunten of the step

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def small(self) -> bool:
        return self.type in SMALL_TYPES


@dataclass(frozen=True)
class Edge:
    """One arrow source -> target along ``points`` (orthogonal polyline, arrowhead at the end)."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]
    label: str | None
    label_lines: tuple[str, ...]
    label_box: Box | None
    label_size: float
    back: bool  # a rework loop (goes against the flow)
    p: float | None
    when: str | None
    levels: tuple[str, ...]  # handover levels from the analysis (empty: no handover)
    mark_box: Box | None = None  # the envelope of a handover outside the case system (labels keep clear of it)
    continued_from: int | None = None  # on a page of a split map: the page the arrow comes from (no arrowhead there)
    continues_to: int | None = None  # ... and the page it goes on to (drawn without arrowhead, with that number)

    @property
    def boundary(self) -> str | None:
        """The seam the arrow crosses, which sets its colour and weight: ``organisation``, ``external``
        (to or from an outside party: as heavy as an organisation handover, in its own colour),
        ``team`` or ``None``. A rework loop keeps its loop style on top of this."""
        for level in ("organisation", "external", "team"):
            if level in self.levels:
                return level
        return None

    @property
    def manual(self) -> bool:
        """A handover outside the case system (drawn with an envelope mark)."""
        return "manual" in self.levels


@dataclass(frozen=True)
class Badge:
    """A small numbered mark at a step: a finding (``1``, ``2``..) or a workshop knelpunt (``k1``)."""

    key: str
    kind: str  # "finding" | "issue"
    box: Box


@dataclass(frozen=True)
class Mark:
    """What a badge stands for, for the legend's key."""

    key: str
    kind: str  # "finding" | "issue" | "role"
    step: str  # the (first) step it is about; for a mark about a role: the role's id
    text: str
    severity: str | None
    steps: tuple[str, ...] = ()  # every step with this badge (identical findings share one number and key line)
    names: tuple[str, ...] = ()  # their names, for the key ("PM202 ... (01_HOOFD_011, 01_HOOFD_020, ...)")
    lane_mark: str | None = None  # a mark about a role: the lane's mark it keys (spof, bottleneck, overloaded)


@dataclass
class SwimlaneLayout:
    """The whole picture: lanes and their groups, steps, arrows, and the total size."""

    width: float
    height: float
    header_width: float
    lanes: list[Lane] = field(default_factory=list)
    groups: list[LaneGroup] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    layers: int = 0
    findings: tuple[Mark, ...] = ()  # the badges' key: numbered step findings, then knelpunten
    columns: tuple[tuple[float, float], ...] = ()  # (x, width) of each column, left to right
    part: tuple[int, int] | None = None  # (number, of how many) when this is one page of a split map
    hidden: tuple[int, float, int] = (0, 0.0, 0)  # a thinned picture: arrows left out, their share of the flow, of all

    def node(self, step_id: str) -> Node:
        for node in self.nodes:
            if node.step == step_id:
                return node
        raise KeyError(step_id)

    def lane_of(self, role_id: str | None) -> Lane:
        for lane in self.lanes:
            if lane.role == role_id:
                return lane
        raise KeyError(role_id)


# -- text measurement ------------------------------------------------------------------------

_NARROW = set("iljtf.,;:'|!()[]1 ìíïîI/")
_SEMI = set('rsczJ-"*')
_WIDE = set("mwMW%@▲⚠✉")


def text_width(text: str, size: float) -> float:
    """Estimated width in points of ``text`` in DejaVu Sans at ``size`` points (slightly generous)."""
    total = 0.0
    for char in text:
        if char in _NARROW:
            total += 0.34
        elif char in _SEMI:
            total += 0.55
        elif char in _WIDE:
            total += 0.98
        elif char.isupper() or char.isdigit():
            total += 0.72 if char.isupper() else 0.64
        else:
            total += 0.63
    return total * size


def wrap_text(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap to ``width`` points; a word longer than a line is cut (nothing is lost)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, size) > width:
            cut = len(word)
            while cut > 1 and text_width(word[:cut], size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def _whole_words(text: str, width: float, size: float) -> bool:
    """Whether every word of ``text`` fits on a line of ``width`` (so wrapping cuts none)."""
    return all(text_width(word, size) <= width for word in text.split())


def _fit(text: str, width: float, height: float, sizes: tuple[float, ...]) -> tuple[list[str], float]:
    """Wrapped lines at the largest font size that fits ``height`` without cutting a word; else the largest
    size that cuts no word (the shape grows to hold it); a word is cut only when even the smallest size needs it."""
    for size in sizes:
        lines = wrap_text(text, width, size)
        if len(lines) * size * LINE <= height and _whole_words(text, width, size):
            return lines, size
    for size in sizes:
        if _whole_words(text, width, size):
            return wrap_text(text, width, size), size
    return wrap_text(text, width, sizes[-1]), sizes[-1]


# -- the layout --------------------------------------------------------------------------------


def swimlane_layout(analysis: "Analysis", lang: str | None = None, thin: bool = False) -> SwimlaneLayout:
    """Lay out ``analysis``'s process as swimlanes; ``lang`` formats branch probabilities (nl: 30%).
    ``thin``: a dense map (more than :data:`THIN_FROM` arrows a step, a draft from ``log discover``) keeps only its
    most frequent arrows (:func:`thin_arrows`); the layout says how many it left out and their share of the flow.
    A map over a work limit of :mod:`procesmap.diagrams.bounds` raises ``DrawingTooLarge`` before the layout starts."""
    check_layout(analysis)
    return _Builder(analysis, lang or analysis.process.language, thin).build()


THIN_FROM = 2.0
"""Arrows a step (on average) above which a picture is thinned: hand-made maps have 1-1.5, a draft from
``procesmap log discover`` on a real log 10-16 (BPIC15_1: 2,336 arrows between 148 steps)."""
THIN_KEEP = 1.5
"""A thinned picture keeps this many arrows a step: each step's most frequent way in and out, then the most frequent
others."""


def thin_arrows(
    arrows: list[tuple[str, str]], flow: dict[tuple[str, str], float], steps: list[str]
) -> set[tuple[str, str]]:
    """The arrows a thinned picture keeps: each step's most frequent way in and way out (so no step floats loose),
    then the most frequent others up to :data:`THIN_KEEP` a step. ``flow``: how often a case takes each arrow."""
    order = {a: i for i, a in enumerate(arrows)}

    def rank(a: tuple[str, str]) -> tuple[float, int]:
        return (-flow.get(a, 0.0), order[a])

    keep: set[tuple[str, str]] = set()
    for step in steps:
        outs = [a for a in arrows if a[0] == step]
        ins = [a for a in arrows if a[1] == step]
        keep |= {min(x, key=rank) for x in (outs, ins) if x}
    budget = max(len(keep), int(THIN_KEEP * len(steps)))
    for a in sorted(arrows, key=rank):
        if len(keep) >= budget:
            break
        keep.add(a)
    return keep


@dataclass
class _Route:
    """An arrow in grid terms, before coordinates: which channels and corridor it uses."""

    index: int
    source: str
    target: str
    back: bool
    first: int | None = None  # channel of the vertical leaving the source (or the only one)
    corridor: int | None = None  # corridor row of the horizontal part
    second: int | None = None  # channel of the vertical into the target (with a corridor)
    out_port: float = 0.0
    in_port: float = 0.0
    slot_first: int = 0
    slot_corridor: int = 0
    slot_second: int = 0

    def channels(self) -> tuple[int, int]:
        """The two channels of a route through a corridor, lowest first."""
        assert self.first is not None and self.second is not None, "a route with a corridor has both verticals"
        return min(self.first, self.second), max(self.first, self.second)


class _Builder:
    def __init__(self, analysis: "Analysis", lang: str, thin: bool = False):
        self.analysis = analysis
        self.process: "Process" = analysis.process
        self.lang = lang
        self._marks: tuple[Mark, ...] | None = None
        self.steps = [s.id for s in self.process.steps]
        self.order = {s: i for i, s in enumerate(self.steps)}
        # one arrow per (source, target), probabilities of duplicate branches added up
        self.arrows: list[dict[str, Any]] = []
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for t in analysis.graph.transitions:
            if t.target not in self.order:
                continue
            key = (t.source, t.target)
            if key in seen:
                seen[key]["p"] = (seen[key]["p"] or 0.0) + t.p
                seen[key]["share"] += t.p
                continue
            step = self.process.step(t.source)
            labelled = not t.parallel and len(step.next) > 1
            item = {
                "source": t.source,
                "target": t.target,
                "p": t.p if labelled else None,
                "when": t.when,
                "parallel": t.parallel,
                "share": t.p,  # the share of the source's cases that take it (also where no label shows it)
            }
            seen[key] = item
            self.arrows.append(item)
        self.hidden = (
            0,
            0.0,
            len(self.arrows),
        )  # arrows left out of a thinned picture, their share of the flow, of all
        if thin and len(self.arrows) > THIN_FROM * len(self.steps):
            visits = analysis.visits or {}
            flow = {
                (a["source"], a["target"]): visits.get(a["source"], 0.0) * (1.0 if a["parallel"] else a["share"])
                for a in self.arrows
            }
            kept = thin_arrows([(a["source"], a["target"]) for a in self.arrows], flow, self.steps)
            total = sum(flow.values()) or 1.0
            left = [a for a in self.arrows if (a["source"], a["target"]) not in kept]
            self.hidden = (len(left), sum(flow[(a["source"], a["target"])] for a in left) / total, len(self.arrows))
            self.arrows = [a for a in self.arrows if (a["source"], a["target"]) in kept]
        self.succ: dict[str, list[str]] = {s: [] for s in self.steps}
        self.pred: dict[str, list[str]] = {s: [] for s in self.steps}
        for a in self.arrows:
            self.succ[a["source"]].append(a["target"])
            self.pred[a["target"]].append(a["source"])

    # 1. lanes ---------------------------------------------------------------------------------
    def _lanes_of_steps(self) -> dict[str, str | None]:
        from procesmap.analysis.ownership import doer  # lazy: the analysis loads only when a map is analysed

        process = self.process
        lane: dict[str, str | None] = {}
        pending: list[str] = []
        for step in process.steps:
            who = doer(step.role, step.raci.R)
            if who is not None and who in process.roles:
                lane[step.id] = who
            elif step.type in ("task", "decision") or step.work is not None:
                lane[step.id] = None  # the "no role" lane: PM202 reports it
            else:
                pending.append(step.id)
        changed = True
        while pending and changed:
            changed = False
            for step_id in list(pending):
                for other in self.pred[step_id] + self.succ[step_id]:
                    if other in lane:
                        lane[step_id] = lane[other]
                        pending.remove(step_id)
                        changed = True
                        break
        for step_id in pending:
            lane[step_id] = None
        return lane

    def _lane_tree(self, step_lane: dict[str, str | None]) -> list[tuple[str, list[tuple[str, list[str | None]]]]]:
        """[(org key, [(team key, [role ids])])], in file order, the owner's organisation first."""
        process = self.process
        orgs: dict[str, dict[str, list[str | None]]] = {}
        for org_id in process.organisations:
            orgs[org_id] = {}
        for role_id, role in process.roles.items():
            if role.external:
                orgs.setdefault(EXTERNAL, {}).setdefault(NO_TEAM, []).append(role_id)
                continue
            org = process.organisation_of(role_id) or NO_ORG
            team = role.team if role.team in process.teams else NO_TEAM
            orgs.setdefault(org, {}).setdefault(team or NO_TEAM, []).append(role_id)
        if None in step_lane.values():
            orgs.setdefault(NO_ORG, {}).setdefault(NO_TEAM, []).append(None)
        # teams in file order within their organisation
        team_order = {t: i for i, t in enumerate(process.teams)}
        tree = []
        for org, teams in orgs.items():
            if not teams:
                continue
            ordered = sorted(teams.items(), key=lambda kv: team_order.get(kv[0], len(team_order)))
            tree.append((org, ordered))
        owner_org = process.organisation_of(process.owner) if process.owner else None
        tree.sort(key=lambda kv: (kv[0] == NO_ORG, kv[0] != owner_org))
        return tree

    def _order_lanes(self, tree: list[Any], step_lane: dict[str, str | None]) -> list[Any]:
        """Permute organisations, teams and roles to minimise the lane distance of all arrows."""
        pairs = [
            (step_lane[a["source"]], step_lane[a["target"]])
            for a in self.arrows
            if step_lane[a["source"]] != step_lane[a["target"]]
        ]
        used = set(step_lane.values())

        def flat(t: list[Any]) -> list[str | None]:
            return [r for _, teams in t for _, roles in teams for r in roles]

        def cost(t: list[Any]) -> float:
            position = {r: i for i, r in enumerate(flat(t))}
            total = float(sum(abs(position[a] - position[b]) for a, b in pairs))
            # roles without steps go last in their team: a tiny cost for each one early
            total += sum(0.001 * (len(position) - i) for r, i in position.items() if r not in used)
            return total

        def permute(items: list[Any], rebuild: Any, allowed: Any = lambda seq: True) -> list[Any]:
            best, best_cost = items, cost(rebuild(items))
            if len(items) <= 6:
                candidates: Any = itertools.permutations(items)
            else:
                candidates = []
                for i in range(len(items) - 1):
                    swapped = list(items)
                    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
                    candidates.append(swapped)
            for candidate in candidates:
                candidate = list(candidate)
                if not allowed(candidate):
                    continue
                value = cost(rebuild(candidate))
                if value < best_cost - 1e-9:
                    best, best_cost = candidate, value
            return best

        def external_at_edge(seq: list[Any]) -> bool:
            keys = [k for k, _ in seq]
            return EXTERNAL not in keys or keys.index(EXTERNAL) in (0, len(keys) - 1)

        for _ in range(4):
            before = flat(tree)
            tree = permute(tree, lambda items: items, external_at_edge)
            for oi in range(len(tree)):
                org, teams = tree[oi]

                def with_teams(items: list[Any], oi: int = oi, org: str = org, tree: list[Any] = tree) -> list[Any]:
                    return tree[:oi] + [(org, items)] + tree[oi + 1 :]

                teams = permute(teams, with_teams)
                tree = with_teams(teams)
                for ti in range(len(teams)):
                    team, roles = teams[ti]

                    def with_roles(
                        items: list[Any],
                        oi: int = oi,
                        org: str = org,
                        ti: int = ti,
                        team: str = team,
                        tree: list[Any] = tree,
                    ) -> list[Any]:
                        new_teams = tree[oi][1][:ti] + [(team, items)] + tree[oi][1][ti + 1 :]
                        return tree[:oi] + [(org, new_teams)] + tree[oi + 1 :]

                    roles = permute(roles, with_roles)
                    tree = with_roles(roles)
                    teams = tree[oi][1]
            if flat(tree) == before:
                break
        return tree

    # 2. layers --------------------------------------------------------------------------------
    def _back_edges(self) -> set[tuple[str, str]]:
        """Edges to a step on the current DFS path (from the start, branches in file order)."""
        back: set[tuple[str, str]] = set()
        state: dict[str, int] = {}
        roots = [self.analysis.graph.start] + self.steps
        for root in roots:
            if root in state:
                continue
            stack: list[tuple[str, int]] = [(root, 0)]
            state[root] = 1
            while stack:
                node, i = stack[-1]
                if i < len(self.succ[node]):
                    stack[-1] = (node, i + 1)
                    nxt = self.succ[node][i]
                    if state.get(nxt) == 1:
                        back.add((node, nxt))
                    elif nxt not in state:
                        state[nxt] = 1
                        stack.append((nxt, 0))
                else:
                    state[node] = 2
                    stack.pop()
        return back

    def _layers(self, back: set[tuple[str, str]]) -> dict[str, int]:
        indegree = {s: 0 for s in self.steps}
        forward = {s: [t for t in self.succ[s] if (s, t) not in back] for s in self.steps}
        for s in self.steps:
            for t in forward[s]:
                indegree[t] += 1
        layer = {s: 0 for s in self.steps}
        ready = [s for s in self.steps if indegree[s] == 0]
        while ready:
            node = ready.pop(0)
            for t in forward[node]:
                layer[t] = max(layer[t], layer[node] + 1)
                indegree[t] -= 1
                if indegree[t] == 0:
                    ready.append(t)
        return layer

    # 4. tracks --------------------------------------------------------------------------------
    def _tracks(self, layer: dict[str, int], lane_index: dict[str, int], back: set[tuple[str, str]]) -> dict[str, int]:
        track: dict[str, int] = {}
        cells: dict[tuple[int, int], list[str]] = {}
        for s in self.steps:
            cells.setdefault((lane_index[s], layer[s]), []).append(s)
        by_layer: dict[int, list[tuple[int, list[str]]]] = {}  # once, not per layer: a 20,000-step chain was quadratic
        for (lane, lyr), members in sorted(cells.items()):
            by_layer.setdefault(lyr, []).append((lane, members))
        for depth in range(max(layer.values()) + 1):
            for lane, members in by_layer.get(depth, ()):

                def desired(s: str, lane: int = lane) -> float:
                    same = [
                        track[p] for p in self.pred[s] if (p, s) not in back and p in track and lane_index[p] == lane
                    ]
                    return sum(same) / len(same) if same else 0.0

                ranked = sorted(members, key=lambda s: (desired(s), self.order[s]))
                nxt = 0
                for s in ranked:
                    track[s] = max(nxt, round(desired(s)))
                    nxt = track[s] + 1
        return track

    # the whole ------------------------------------------------------------------------------
    def build(self) -> SwimlaneLayout:
        """The layout, step by step: grid, shapes, routes, rows, channels, columns, nodes, arrows, lanes."""
        grid = self._grid()
        shapes = self._shapes()
        routes = self._routes(grid)
        self._ports(grid, routes)
        rows = self._rows(grid, routes, shapes)
        channel_slots = self._channel_slots(grid, routes, rows)
        # branch labels first look for room beside their arrow; a channel widens only for a label that found none
        room: set[int] = set()
        for _ in range(4):
            columns = self._columns(grid, channel_slots, shapes, room)
            nodes = self._nodes(grid, rows, shapes, columns)
            points = self._points(routes, rows, columns, nodes)
            edges, crowded = self._edges(routes, points, nodes, columns.width, rows.height, grid)
            if crowded <= room:
                break
            room |= crowded
        lanes, groups = self._lanes_and_groups(grid, rows)
        return SwimlaneLayout(
            width=columns.width,
            height=rows.height,
            header_width=HEADER_WIDTH,
            lanes=lanes,
            groups=groups,
            nodes=list(nodes.values()),
            edges=edges,
            layers=grid.n_layers,
            findings=self._numbered_findings(),
            hidden=self.hidden,
            columns=tuple((columns.column_x[j], columns.column_w[j]) for j in range(grid.n_layers)),
        )

    # grid: lanes, layers, tracks and the rows they make ------------------------------------------
    def _grid(self) -> "_Grid":
        step_lane = self._lanes_of_steps()
        tree = self._order_lanes(self._lane_tree(step_lane), step_lane)
        lane_roles: list[str | None] = [r for _, teams in tree for _, roles in teams for r in roles]
        lane_pos = {r: i for i, r in enumerate(lane_roles)}
        lane_index = {s: lane_pos[step_lane[s]] for s in self.steps}
        back = self._back_edges()
        layer = self._layers(back)
        track = self._tracks(layer, lane_index, back)
        tracks_per_lane = [0] * len(lane_roles)
        for s in self.steps:
            tracks_per_lane[lane_index[s]] = max(tracks_per_lane[lane_index[s]], track[s] + 1)
        # rows: per lane a corridor, then (band, corridor) per track; slim lanes have one corridor
        rows: list[tuple[str, int, int]] = []  # (kind, lane, track)
        band_row: dict[tuple[int, int], int] = {}
        for li, n in enumerate(tracks_per_lane):
            rows.append(("corridor", li, -1))
            for tr in range(n):
                band_row[(li, tr)] = len(rows)
                rows.append(("band", li, tr))
                rows.append(("corridor", li, tr))
        return _Grid(
            tree, lane_roles, lane_index, back, layer, track, max(layer.values()) + 1, tracks_per_lane, rows, band_row
        )

    # shapes: each step's size and name, before it has a place --------------------------------------
    def _shapes(self) -> dict[str, "_Shape"]:
        process = self.process
        waits = {w.step: w for w in self.analysis.time.waits}
        badges = self._badges()
        shapes: dict[str, _Shape] = {}
        for s in self.steps:
            step = process.step(s)
            if step.type in SMALL_TYPES:
                lines, size = _fit(step.label, SMALL_SLOT - 4, 3 * SMALL_FONT * LINE, SMALL_SIZES)
                w = h = SMALL
            else:
                lines, size = _fit(step.label, BOX_W - 10, BOX_H - 6, TASK_SIZES)
                w, h = BOX_W, max(BOX_H, len(lines) * size * LINE + 8)
            wait_text, wait_size = self._wait_label(waits.get(s))
            shapes[s] = _Shape(
                step.type, w, h, tuple(lines), size, len(lines) * size * LINE, wait_text, wait_size, badges.get(s, ())
            )
        return shapes

    def _wait_label(self, wait: Any) -> tuple[str | None, float]:
        """``wacht 2,0 d per keer · 0,4× per zaak``: the wait each time a case comes here, and how often it does."""
        from procesmap.i18n import number, t  # lazy: the catalogue loads when a message is made

        if wait is None or wait.per_case <= 0:
            return None, WAIT_FONT
        per_visit = wait.per_visit if wait.per_visit is not None else wait.per_case
        if per_visit < 1.0:
            amount = t("diagram.amount_hours", self.lang, hours=number(per_visit * 24.0, self.lang, 1))
        else:
            amount = t("diagram.amount_days", self.lang, days=number(per_visit, self.lang, 1))
        visits = wait.visits
        candidates = []
        if visits is not None and abs(visits - 1.0) >= 0.005:
            candidates.append(t("diagram.wait_visits", self.lang, amount=amount, visits=number(visits, self.lang, 2)))
        candidates.append(t("diagram.wait_per_visit", self.lang, amount=amount))
        for text in candidates:
            for size in WAIT_SIZES:
                if text_width(text, size) + 6 <= MAX_WAIT_W:
                    return text, size
        return candidates[-1], WAIT_SIZES[-1]

    def _numbered_findings(self) -> tuple["Mark", ...]:
        """The findings about a step, numbered in the analysis's order (their badges and the legend's key).
        Identical findings (same rule and message but for the step they name, e.g. PM202 on a draft without
        roles) at :data:`GROUP_FROM` or more steps share one number and one key line that lists their steps."""
        if self._marks is not None:
            return self._marks
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        steps = set(self.steps)
        about = [f for f in self.analysis.findings if f.subject in steps]
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for finding in about:
            groups.setdefault(self._same(finding), []).append(finding)
        marks: list[Mark] = []
        done: set[tuple[Any, ...]] = set()
        for finding in about:
            same = self._same(finding)
            if same in done:
                continue
            members = groups[same]
            key = str(len(marks) + 1)
            if len(members) >= GROUP_FROM:
                done.add(same)
                title = t(f"{finding.code}.title", self.lang)
                text = f"{finding.code} {title}" if title != f"{finding.code}.title" else finding.message(self.lang)
                ids = tuple(dict.fromkeys(f.subject for f in members))
                names = tuple(self.process.step(s).label for s in ids)
                marks.append(Mark(key, "finding", ids[0], text, finding.severity.value, ids, names))
            else:
                text = f"{finding.code} {finding.message(self.lang)}"
                marks.append(Mark(key, "finding", finding.subject, text, finding.severity.value, (finding.subject,)))
        # the marks on the lanes (single point of failure, bottleneck, overloaded), numbered after the steps'
        spof = set(self.analysis.ownership.single_points_of_failure)
        lanes = set(self.process.roles)
        for finding in self.analysis.findings:
            kind = ROLE_MARKS.get(finding.code)
            role = finding.subject
            if kind is None or role not in lanes:
                continue
            if (kind == "spof" and role not in spof) or (kind != "spof" and _load_mark(self.analysis, role)[0] != kind):
                continue  # the lane shows no such mark
            key = str(sum(1 for m in marks if m.kind in ("finding", "role")) + 1)
            text = f"{finding.code} {finding.message(self.lang)}"
            marks.append(Mark(key, "role", role, text, finding.severity.value, lane_mark=kind))
        for issue in self.process.issues:
            if issue.step in steps:
                marks.append(Mark(issue.id, "issue", issue.step, " ".join(issue.text.split()), None, (issue.step,)))
        self._marks = tuple(marks)
        return self._marks

    def _same(self, finding: Any) -> tuple[Any, ...]:
        """What makes two findings identical but for their step: rule, message and the arguments that do not
        name the step."""
        step = self.process.step(finding.subject)
        own = {str(finding.subject), str(step.label), str(step.name)}
        args = tuple(sorted((k, str(v)) for k, v in finding.args.items() if str(v) not in own))
        return (finding.code, finding.message_key, args)

    def _badges(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Per step its badges: (number or knelpunt id, kind)."""
        badges: dict[str, list[tuple[str, str]]] = {}
        for mark in self._numbered_findings():
            if mark.kind == "role":
                continue  # drawn on the lane
            for step in mark.steps or (mark.step,):
                badges.setdefault(step, []).append((mark.key, mark.kind))
        return {s: tuple(b) for s, b in badges.items()}

    # 5a. routes in grid terms ---------------------------------------------------------------------
    def _routes(self, grid: "_Grid") -> list["_Route"]:
        layer, track, lane_index = grid.layer, grid.track, grid.lane_index
        corridor_rows = [i for i, r in enumerate(grid.rows) if r[0] == "corridor"]
        occupied = {(lane_index[s], track[s], layer[s]) for s in self.steps}
        routes: list[_Route] = []
        corridor_load: dict[int, list[tuple[int, int]]] = {}
        for index, arrow in enumerate(self.arrows):
            s, t = arrow["source"], arrow["target"]
            is_back = (s, t) in grid.back or layer[t] <= layer[s]
            route = _Route(index, s, t, is_back)
            ls, lt = layer[s], layer[t]
            rs, rt = grid.row_of(s), grid.row_of(t)
            if not is_back:
                between = range(ls + 1, lt)
                src_free = all((lane_index[s], track[s], k) not in occupied for k in between)
                tgt_free = all((lane_index[t], track[t], k) not in occupied for k in between)
                if lt == ls + 1 or src_free:
                    route.first = lt - 1
                elif tgt_free:
                    route.first = ls
                else:
                    route.first, route.second = ls, lt - 1
            else:
                route.first, route.second = ls, lt - 1
            if route.second is not None:
                lo, hi = min(rs, rt), max(rs, rt)
                span = (min(route.first, route.second), max(route.first, route.second))

                def corridor_cost(
                    k: int, rs: int = rs, rt: int = rt, lo: int = lo, span: tuple[int, int] = span
                ) -> tuple[float, int, int]:
                    distance = abs(k - rs) + abs(k - rt)
                    load = sum(1 for a, b in corridor_load.get(k, []) if a <= span[1] and span[0] <= b)
                    return (distance + 0.75 * load, 0 if k < lo else 1, k)

                candidates = [k for k in corridor_rows if lo - 1 <= k <= hi + 1]
                route.corridor = min(candidates, key=corridor_cost)
                corridor_load.setdefault(route.corridor, []).append(span)
            routes.append(route)
        return routes

    def _ports(self, grid: "_Grid", routes: list["_Route"]) -> None:
        """Spread several arrows over a task box's side, ordered by where they come from."""

        def approach(route: _Route, end: str) -> float:
            if route.corridor is not None:
                return float(route.corridor)
            return float(grid.row_of(route.target if end == "out" else route.source))

        leaving: dict[str, list[_Route]] = {}  # per step once, not a scan of every route per step (quadratic)
        arriving: dict[str, list[_Route]] = {}
        for route in routes:
            leaving.setdefault(route.source, []).append(route)
            arriving.setdefault(route.target, []).append(route)
        for s in self.steps:
            step_type = self.process.step(s).type
            outs = sorted(leaving.get(s, ()), key=lambda r: (approach(r, "out"), r.index))
            ins = sorted(arriving.get(s, ()), key=lambda r: (approach(r, "in"), r.index))
            for group, attr in ((outs, "out_port"), (ins, "in_port")):
                if step_type in SMALL_TYPES or len(group) < 2:
                    continue
                step = min(11.0, (BOX_H - 16.0) / (len(group) - 1))
                for i, route in enumerate(group):
                    setattr(route, attr, (i - (len(group) - 1) / 2) * step)

    # 5b. corridor slots (interval colouring over channel spans) -> row heights -> y ----------------
    def _rows(self, grid: "_Grid", routes: list["_Route"], shapes: dict[str, "_Shape"]) -> "_Rows":
        by_corridor: dict[int, list[_Route]] = {}
        for route in routes:
            if route.corridor is not None:
                by_corridor.setdefault(route.corridor, []).append(route)
        corridor_slots: dict[int, int] = {}
        for k, members in by_corridor.items():
            members.sort(key=lambda r: (*r.channels(), r.index))
            ends: list[int] = []
            for route in members:
                a, b = route.channels()
                for slot, end in enumerate(ends):
                    if end < a:
                        ends[slot] = b
                        route.slot_corridor = slot
                        break
                else:
                    route.slot_corridor = len(ends)
                    ends.append(b)
            corridor_slots[k] = len(ends)
        # a band is as tall as what it holds: its tallest shape, the names under small shapes, badges
        in_band: dict[int, list[str]] = {}
        for s in self.steps:
            in_band.setdefault(grid.row_of(s), []).append(s)
        centre_offset: dict[int, float] = {}
        row_h: list[float] = []
        for i, (kind, li, _) in enumerate(grid.rows):
            if kind == "band":
                band_shapes = [shapes[s] for s in in_band.get(i, [])]
                top = WAIT_H if any(m.wait_text for m in band_shapes) else 3.0
                half = max(m.height / 2 for m in band_shapes)
                below = max(
                    (SMALL / 2 + 2 + m.label_h if m.type in SMALL_TYPES else m.height / 2)
                    + (BADGE_H + 2 if m.badges and m.type not in SMALL_TYPES else 0)
                    for m in band_shapes
                )
                centre_offset[i] = top + 3 + half
                row_h.append(top + 3 + half + below + 4)
            else:
                height = max(CORRIDOR, (corridor_slots.get(i, 0) + 1) * SPACING)
                row_h.append(height)
        # a lane is at least as tall as its name and badges; a team or organisation as its name
        lane_rows: dict[int, list[int]] = {}
        for i, (_, li, _) in enumerate(grid.rows):
            lane_rows.setdefault(li, []).append(i)
        self._lane_text = [
            self._lane_label(role_id, grid.tracks_per_lane[li] > 0) for li, role_id in enumerate(grid.lane_roles)
        ]
        for li, rows_of_lane in lane_rows.items():
            need = self._lane_text[li].height + 6
            have = sum(row_h[i] for i in rows_of_lane)
            if have < need:
                row_h[rows_of_lane[-1]] += need - have
        self._group_text: dict[tuple[str, int], _GroupText] = {}
        cursor = 0
        for oi, (org, teams) in enumerate(grid.tree):
            org_start = cursor
            teamless = all(team == NO_TEAM for team, _ in teams)
            for ti, (team, roles) in enumerate(teams):
                team_start = cursor
                cursor += len(roles)
                if team != NO_TEAM and not teamless:
                    name = self._team_name(team)
                    text = _vertical_text(name, TEAM_BAND, TEAM_FONT, False) if name else _GroupText((), TEAM_FONT, 0.0)
                    self._group_text[("team", oi * 1000 + ti)] = text
                    self._grow(row_h, lane_rows, team_start, cursor, text.height)
            name = self._org_name(org)
            text = _vertical_text(name, ORG_BAND + TEAM_BAND if teamless else ORG_BAND, ORG_FONT, True)
            self._group_text[("organisation", oi)] = text
            self._grow(row_h, lane_rows, org_start, cursor, text.height)
        row_y: list[float] = []
        y = 0.0
        for height in row_h:
            row_y.append(y)
            y += height
        return _Rows(row_y, row_h, y, corridor_slots, centre_offset)

    @staticmethod
    def _grow(row_h: list[float], lane_rows: dict[int, list[int]], first: int, end: int, need: float) -> None:
        """Make lanes ``first``..``end`` at least ``need`` tall together (the last lane's last row grows)."""
        have = sum(row_h[i] for li in range(first, end) for i in lane_rows[li])
        if have < need:
            row_h[lane_rows[end - 1][-1]] += need - have

    def _team_name(self, team: str) -> str | None:
        teams = self.process.teams
        return (teams[team].name or team) if team in teams else None

    def _org_name(self, org: str) -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        if org == EXTERNAL:
            return t("diagram.external", self.lang)
        if org in self.process.organisations:
            return self.process.organisations[org].name or org
        return t("diagram.no_organisation", self.lang)

    def _lane_label(self, role_id: str | None, has_steps: bool) -> "_LaneText":
        """A lane's name (wrapped) and its badges: single point of failure, bottleneck or overloaded."""
        from procesmap.i18n import percent, t  # lazy: the catalogue loads when a message is made

        role = self.process.roles.get(role_id or "")
        name = ((role.name or role_id) if role and role_id else "") or t("diagram.no_role", self.lang)
        sizes = (LANE_FONT, 8.0, 7.5, 7.0, 6.5) if has_steps else (SLIM_FONT, 6.5, 6.0)
        size = next((z for z in sizes if _whole_words(name, (ROLE_LABEL - 12) / BOLD, z)), sizes[-1])
        lines = tuple(wrap_text(name, (ROLE_LABEL - 12) / BOLD, size))
        badges: list[tuple[str, tuple[str, ...]]] = []
        keys: list[str | None] = []
        numbers = {(m.step, m.lane_mark): m.key for m in self._numbered_findings() if m.kind == "role"}
        room = (ROLE_LABEL - 12) / BOLD

        def add(kind: str, text: str) -> None:
            key = numbers.get((role_id or "", kind))
            width = room - ((_badge_width(key) + 3) / BOLD if key else 0.0)
            badges.append((kind, tuple(wrap_text(text, width, LANE_BADGE_FONT))))
            keys.append(key)

        if role_id in self.analysis.ownership.single_points_of_failure:
            add("spof", "⚠ " + t("diagram.badge.spof", self.lang))
        mark, utilisation = _load_mark(self.analysis, role_id)
        if mark is not None:
            util = percent(utilisation, self.lang) if utilisation is not None else "-"
            symbol = {"overloaded": "▲▲ ", "bottleneck": "▲ "}.get(mark, "")
            add(mark, symbol + t(f"diagram.badge.{mark}", self.lang, utilisation=util))
        height = lane_label_height(len(lines), size, tuple(badges), tuple(keys))
        return _LaneText(lines, size, tuple(badges), height, tuple(keys))

    # 5c. channel slots (interval colouring over y spans; arrows leaving one port share one) --------
    def _channel_slots(self, grid: "_Grid", routes: list["_Route"], rows: "_Rows") -> dict[int, int]:
        layer = grid.layer
        levels_of = {(h.source, h.target): h.levels for h in self.analysis.handovers.handovers}

        def look(route: _Route) -> tuple[bool, ...]:
            """Arrows share a trunk only when they are drawn alike (same handover kind, both loops or not)."""
            levels = levels_of.get((route.source, route.target), ())
            return ("organisation" in levels, "external" in levels, "team" in levels, "manual" in levels, route.back)

        segments: dict[int, list[tuple[float, float, Any, _Route, str]]] = {}
        for route in routes:
            ys = rows.centre(grid, route.source) + route.out_port
            yt = rows.centre(grid, route.target) + route.in_port
            if route.second is None:
                assert route.first is not None
                if abs(ys - yt) < 0.01 and route.first == layer[route.target] - 1:
                    route.first = None  # a straight arrow
                    continue
                key = (
                    ("out", route.source, route.out_port, look(route))
                    if route.first == layer[route.source]
                    else ("e", route.index)
                )
                segments.setdefault(route.first, []).append((min(ys, yt), max(ys, yt), key, route, "first"))
            else:
                yc = rows.corridor_y(route)
                assert route.first is not None, "a route with a corridor has both verticals"
                segments.setdefault(route.first, []).append(
                    (min(ys, yc), max(ys, yc), ("out", route.source, route.out_port, look(route)), route, "first")
                )
                segments.setdefault(route.second, []).append(
                    (min(yc, yt), max(yc, yt), ("e2", route.index), route, "second")
                )
        channel_slots: dict[int, int] = {}
        for j, items in segments.items():
            nets: dict[Any, list[Any]] = {}
            for lo, hi, key, route, which in items:
                nets.setdefault(key, []).append((lo, hi, route, which))
            spans = sorted(
                ((min(i[0] for i in v), max(i[1] for i in v), k, v) for k, v in nets.items()),
                key=lambda n: (n[0], n[1], str(n[2])),
            )
            ends_y: list[float] = []
            for lo, hi, _, members in spans:
                for slot, end in enumerate(ends_y):
                    if end < lo - 3.0:
                        ends_y[slot] = hi
                        chosen = slot
                        break
                else:
                    chosen = len(ends_y)
                    ends_y.append(hi)
                for _, _, route, which in members:
                    setattr(route, "slot_first" if which == "first" else "slot_second", chosen)
            channel_slots[j] = len(ends_y)
        return channel_slots

    def _columns(
        self, grid: "_Grid", channel_slots: dict[int, int], shapes: dict[str, "_Shape"], room: set[int]
    ) -> "_Columns":
        """Column widths from what they hold (a column of gateways and events is narrower than one with a task),
        channel widths from their arrows, plus room for labels in the channels of ``room``."""
        column_w = {j: SMALL_SLOT for j in range(grid.n_layers)}
        for s in self.steps:
            shape = shapes[s]
            need = (BOX_W if shape.type not in SMALL_TYPES else SMALL_SLOT - 4) + 4
            if shape.wait_text:
                need = max(need, text_width(shape.wait_text, shape.wait_size) + 10)
            if shape.badges and shape.type in SMALL_TYPES:
                need = max(need, 2 * (SMALL / 2 + 4 + sum(_badge_width(k) + 2 for k, _ in shape.badges)))
            column_w[grid.layer[s]] = max(column_w[grid.layer[s]], need)
        columns = _Columns({}, {}, {}, 0.0, column_w)
        x = HEADER_WIDTH + 4.0
        for j in range(-1, grid.n_layers):
            if j >= 0:
                columns.column_x[j] = x
                x += column_w[j]
            width = max(CHANNEL, (channel_slots.get(j, 0) + 1) * SPACING + PAD)
            if j in room:
                width += LABEL_ROOM
            columns.channel_x[j] = x
            columns.channel_w[j] = width
            x += width
        columns.width = x
        return columns

    def _nodes(self, grid: "_Grid", rows: "_Rows", shapes: dict[str, "_Shape"], columns: "_Columns") -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        for s in self.steps:
            shape = shapes[s]
            cx = columns.column_x[grid.layer[s]] + columns.column_w[grid.layer[s]] / 2
            cy = rows.centre(grid, s)
            band_top = rows.row_y[grid.row_of(s)]
            w, h = shape.width, shape.height
            if shape.wait_text:
                wait_w = min(
                    max(w, text_width(shape.wait_text, shape.wait_size) + 6), columns.column_w[grid.layer[s]] - 4
                )
                wait_box = (cx - wait_w / 2, band_top + 1.5, wait_w, WAIT_H - 3.0)
            else:
                wait_box = (cx - BOX_W / 2, band_top + 1.5, BOX_W, 0.0)
            if shape.type in SMALL_TYPES:
                label_box = (cx - SMALL_SLOT / 2 + 2, cy + SMALL / 2 + 2, SMALL_SLOT - 4, shape.label_h)
            else:
                label_box = (cx - BOX_W / 2 + 5, cy - shape.label_h / 2, BOX_W - 10, shape.label_h)
            badges = []
            if shape.type in SMALL_TYPES:  # beside the shape's lower right, under the arrow that leaves it
                bx, by = cx + SMALL / 2 + 1, cy + 3
                for key, kind in shape.badges:
                    bw = _badge_width(key)
                    badges.append(Badge(key, kind, (bx, by, bw, BADGE_H)))
                    bx += bw + 2
            else:  # under the box, from its right corner leftwards
                bx, by = cx + w / 2, cy + h / 2 + 2
                for key, kind in shape.badges:
                    bw = _badge_width(key)
                    bx -= bw
                    badges.append(Badge(key, kind, (bx, by, bw, BADGE_H)))
                    bx -= 2
            nodes[s] = Node(
                s,
                shape.type,
                cx - w / 2,
                cy - h / 2,
                w,
                h,
                grid.lane_index[s],
                grid.layer[s],
                grid.track[s],
                shape.lines,
                label_box,
                shape.size,
                wait_box,
                shape.wait_text,
                shape.wait_size,
                tuple(badges),
            )
        return nodes

    # 5d. points -------------------------------------------------------------------------------------
    def _points(
        self, routes: list["_Route"], rows: "_Rows", columns: "_Columns", nodes: dict[str, Node]
    ) -> dict[int, list[tuple[float, float]]]:
        def slot_x(j: int, slot: int) -> float:
            return columns.channel_x[j] + PAD / 2 + SPACING * (slot + 0.5) + 2.0

        edges_points: dict[int, list[tuple[float, float]]] = {}
        for route in routes:
            src, tgt = nodes[route.source], nodes[route.target]
            ys, yt = src.centre[1] + route.out_port, tgt.centre[1] + route.in_port
            start = (src.x + src.width, ys)
            end = (tgt.x, yt)
            if route.first is None:
                points = [start, end]
            elif route.second is None:
                xv = slot_x(route.first, route.slot_first)
                points = [start, (xv, ys), (xv, yt), end]
            else:
                x1 = slot_x(route.first, route.slot_first)
                x2 = slot_x(route.second, route.slot_second)
                yc = rows.corridor_y(route)
                points = [start, (x1, ys), (x1, yc), (x2, yc), (x2, yt), end]
            edges_points[route.index] = _simplify(points)
        return edges_points

    # 6. arrows: envelopes, then labels where they cover nothing ---------------------------------------
    def _edges(
        self,
        routes: list["_Route"],
        points: dict[int, list[tuple[float, float]]],
        nodes: dict[str, Node],
        width: float,
        height: float,
        grid: "_Grid",
    ) -> tuple[list[Edge], set[int]]:
        """The arrows with their envelopes and labels, and the channels where a label found no free spot."""
        levels_of = {(h.source, h.target): h.levels for h in self.analysis.handovers.handovers}
        obstacles: list[Box] = []
        for node in nodes.values():
            obstacles.append((node.x, node.y, node.width, node.height))
            obstacles.append(node.label_box)
            if node.wait_box[3] > 0:
                obstacles.append(node.wait_box)
            obstacles.extend(b.box for b in node.badges)
        marks: dict[int, Box] = {}
        for route in routes:
            if "manual" in levels_of.get((route.source, route.target), ()):
                marks[route.index] = _envelope_box(points[route.index])
        obstacles.extend(marks.values())
        strokes = _BoxIndex()
        for r in routes:
            for segment in _segment_boxes(points[r.index]):
                strokes.add(segment, r.index)
        hard = _BoxIndex()
        for obstacle in obstacles:
            hard.add(obstacle, -1)
        labelled_in: dict[str, int] = {}
        for route in routes:
            if _label_text(self.arrows[route.index], self.lang):
                labelled_in[route.target] = labelled_in.get(route.target, 0) + 1
        placed: list[Box] = []
        edges: list[Edge] = []
        crowded: set[int] = set()
        for route in routes:
            arrow = self.arrows[route.index]
            text = _label_text(arrow, self.lang)
            lines: tuple[str, ...] = ()
            box: Box | None = None
            if text:
                wrapped = wrap_text(text, EDGE_LABEL_W, EDGE_FONT)
                lines = tuple(wrapped)
                w = max(text_width(line, EDGE_FONT) for line in wrapped) + 4
                h = len(wrapped) * EDGE_FONT * LINE + 2
                # only what lies near a spot can be in a label's way (a grid of buckets keeps big maps fast)
                own = route.index

                def taken(box: Box) -> list[Box]:
                    return [b for b, _ in hard.near(box)]

                def others(box: Box, own: int = own) -> list[Box]:
                    return [b for b, index in strokes.near(box) if index != own]

                # several labelled arrows into one step: each label near its own arrow's start, not stacked
                box = _place_label(
                    points[route.index],
                    w,
                    h,
                    taken,
                    (HEADER_WIDTH, 0.0, width, height),
                    others,
                    from_start=labelled_in[route.target] > 1,
                )
                if any(overlap(box, other) > 0 for other in taken(box) + others(box)):
                    crowded.add(grid.layer[route.target] - 1)
                placed.append(box)
                hard.add(box, -1)
            edges.append(
                Edge(
                    route.source,
                    route.target,
                    tuple(points[route.index]),
                    text,
                    lines,
                    box,
                    EDGE_FONT,
                    route.back,
                    arrow["p"],
                    arrow["when"],
                    levels_of.get((route.source, route.target), ()),
                    marks.get(route.index),
                )
            )
        return edges, crowded

    # lanes and groups -------------------------------------------------------------------------------
    def _lanes_and_groups(self, grid: "_Grid", rows: "_Rows") -> tuple[list[Lane], list[LaneGroup]]:
        process = self.process
        lanes: list[Lane] = []
        lane_top: list[float] = []
        lane_height: list[float] = []
        first_row: dict[int, int] = {}
        last_row: dict[int, int] = {}
        for i, r in enumerate(grid.rows):  # one pass, not one per lane
            first_row.setdefault(r[1], i)
            last_row[r[1]] = i
        for li, role_id in enumerate(grid.lane_roles):
            first, last = first_row[li], last_row[li]
            top, bottom = rows.row_y[first], rows.row_y[last] + rows.row_h[last]
            lane_top.append(top)
            lane_height.append(bottom - top)
            role = process.roles.get(role_id or "")
            mark, utilisation = _load_mark(self.analysis, role_id)
            lane_text = self._lane_text[li]
            lanes.append(
                Lane(
                    role_id,
                    (role.name or role_id) if role and role_id else "",
                    role.team if role else None,
                    process.organisation_of(role_id) if role_id else None,
                    bool(role and role.external),
                    top,
                    bottom - top,
                    grid.tracks_per_lane[li],
                    grid.tracks_per_lane[li] > 0,
                    mark,
                    utilisation,
                    lane_text.lines,
                    lane_text.size,
                    lane_text.badges,
                    lane_text.keys,
                )
            )
        groups: list[LaneGroup] = []
        cursor = 0
        for oi, (org, teams) in enumerate(grid.tree):
            org_start = cursor
            teamless = all(team == NO_TEAM for team, _ in teams)
            for ti, (team, roles) in enumerate(teams):
                team_start = cursor
                cursor += len(roles)
                y0 = lane_top[team_start]
                y1 = lane_top[cursor - 1] + lane_height[cursor - 1]
                team_id = None if team == NO_TEAM else team
                team_text = self._group_text.get(("team", oi * 1000 + ti), _GroupText((), TEAM_FONT, 0.0))
                groups.append(
                    LaneGroup(
                        "team",
                        team_id,
                        self._team_name(team) if team_id else None,
                        org == EXTERNAL,
                        y0,
                        y1 - y0,
                        team_text.lines,
                        team_text.size,
                    )
                )
            y0 = lane_top[org_start]
            y1 = lane_top[cursor - 1] + lane_height[cursor - 1]
            org_id = None if org in (EXTERNAL, NO_ORG) else org
            org_name = (process.organisations[org_id].name or org_id) if org_id in process.organisations else None
            org_text = self._group_text[("organisation", oi)]
            groups.append(
                LaneGroup(
                    "organisation",
                    org_id,
                    org_name,
                    org == EXTERNAL,
                    y0,
                    y1 - y0,
                    org_text.lines,
                    org_text.size,
                    teamless,
                )
            )
        return lanes, groups


@dataclass
class _Grid:
    """Lanes, layers and tracks: where each step goes before anything has a size."""

    tree: list[Any]
    lane_roles: list[str | None]
    lane_index: dict[str, int]
    back: set[tuple[str, str]]
    layer: dict[str, int]
    track: dict[str, int]
    n_layers: int
    tracks_per_lane: list[int]
    rows: list[tuple[str, int, int]]
    band_row: dict[tuple[int, int], int]

    def row_of(self, step: str) -> int:
        return self.band_row[(self.lane_index[step], self.track[step])]


@dataclass
class _Shape:
    type: str
    width: float
    height: float
    lines: tuple[str, ...]
    size: float
    label_h: float
    wait_text: str | None
    wait_size: float
    badges: tuple[tuple[str, str], ...]


@dataclass
class _Rows:
    row_y: list[float]
    row_h: list[float]
    height: float
    corridor_slots: dict[int, int]
    centre_offset: dict[int, float]

    def centre(self, grid: _Grid, step: str) -> float:
        row = grid.row_of(step)
        return self.row_y[row] + self.centre_offset[row]

    def corridor_y(self, route: "_Route") -> float:
        k = route.corridor
        assert k is not None
        n = self.corridor_slots[k]
        top = self.row_y[k] + (self.row_h[k] - (n - 1) * SPACING) / 2
        return top + route.slot_corridor * SPACING


@dataclass
class _Columns:
    column_x: dict[int, float]
    channel_x: dict[int, float]
    channel_w: dict[int, float]
    width: float
    column_w: dict[int, float] = field(default_factory=dict)


@dataclass
class _LaneText:
    lines: tuple[str, ...]
    size: float
    badges: tuple[tuple[str, tuple[str, ...]], ...]
    height: float
    keys: tuple[str | None, ...] = ()


@dataclass
class _GroupText:
    lines: tuple[str, ...]
    size: float
    height: float  # the band height the lines need (they run upwards, turned a quarter)


class _BoxIndex:
    """Boxes in buckets of a coarse grid, to find the few near a spot without looking at all of them."""

    CELL = 96.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Box, int]]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        x0, y0 = int(box[0] // self.CELL), int(box[1] // self.CELL)
        x1, y1 = int((box[0] + box[2]) // self.CELL), int((box[1] + box[3]) // self.CELL)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, box: Box, tag: int) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((box, tag))

    def near(self, region: Box) -> list[tuple[Box, int]]:
        seen: set[int] = set()
        found: list[tuple[Box, int]] = []
        for key in self._keys(region):
            for item in self.cells.get(key, ()):
                if id(item) not in seen:
                    seen.add(id(item))
                    found.append(item)
        return found


def _vertical_text(name: str, band: float, size: float, bold: bool) -> _GroupText:
    """A group's name turned a quarter: as many lines as the band holds, never a word cut; the height it needs."""
    max_lines = max(1, int((band - 4) // (1.05 * size)))
    factor = BOLD if bold else 1.0
    longest_word = max((text_width(word, size) * factor for word in name.split()), default=0.0)
    length = max(longest_word, 20.0)
    total = text_width(name, size) * factor
    while True:
        lines = wrap_text(name, length / factor, size)
        if len(lines) <= max_lines:
            break
        length += max(4.0, (total - length) / 4)
    needed = max(text_width(line, size) * factor for line in lines) + 10 if lines and lines[0] else 0.0
    return _GroupText(tuple(lines), size, needed)


def _badge_width(key: str) -> float:
    return max(BADGE_H, text_width(key, BADGE_FONT) * 1.08 + 5)


def _envelope_box(points: list[tuple[float, float]]) -> Box:
    """Where the envelope ✉ of a handover outside the case system goes: the middle of the arrow's longest stretch."""
    best = max(zip(points, points[1:]), key=lambda s: abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1]))
    mx, my = (best[0][0] + best[1][0]) / 2, (best[0][1] + best[1][1]) / 2
    return (mx - ENVELOPE / 2, my - ENVELOPE / 2, ENVELOPE, ENVELOPE)


def _segment_boxes(points: list[tuple[float, float]]) -> list[Box]:
    """An arrow's stretches as thin boxes (a label on top of another arrow is hard to read)."""
    boxes = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        boxes.append((min(x0, x1) - 0.8, min(y0, y1) - 0.8, abs(x1 - x0) + 1.6, abs(y1 - y0) + 1.6))
    return boxes


def _label_text(arrow: dict[str, Any], lang: str) -> str | None:
    """``30% · aanvraag onvolledig``: the branch probability and its condition, where there are."""
    from procesmap.i18n import percent  # lazy: the catalogue loads when a message is made

    parts = []
    if arrow["p"] is not None:
        parts.append(percent(arrow["p"], lang, 0 if abs(arrow["p"] * 100 - round(arrow["p"] * 100)) < 1e-9 else 1))
    if arrow["when"]:
        parts.append(arrow["when"])
    return " · ".join(parts) if parts else None


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop repeated points and points in the middle of a straight run."""
    result: list[tuple[float, float]] = []
    for point in points:
        if result and abs(result[-1][0] - point[0]) < 0.01 and abs(result[-1][1] - point[1]) < 0.01:
            continue
        result.append(point)
    i = 1
    while i < len(result) - 1:
        (x0, y0), (x1, y1), (x2, y2) = result[i - 1], result[i], result[i + 1]
        if (abs(x0 - x1) < 0.01 and abs(x1 - x2) < 0.01) or (abs(y0 - y1) < 0.01 and abs(y1 - y2) < 0.01):
            del result[i]
        else:
            i += 1
    return result


def lane_label_height(
    lines: int, size: float, badges: tuple[tuple[str, tuple[str, ...]], ...], keys: tuple[str | None, ...]
) -> float:
    """The height of a lane's name block: its lines, its marks' lines, 3 points between, 2 more a keyed mark."""
    height = lines * size * LINE + sum(len(b) for _, b in badges) * LANE_BADGE_FONT * LINE
    return height + (3 if badges else 0) + LANE_KEY_GAP * sum(1 for k in keys if k)


def overlap(a: Box, b: Box) -> float:
    """The area two boxes share (0 when they only touch)."""
    dx = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    dy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _place_label(
    points: list[tuple[float, float]],
    w: float,
    h: float,
    taken: Any,
    area: Box,
    others: Any = None,
    from_start: bool = False,
) -> Box:
    """The first spot along the arrow where the label covers nothing (no step, name, wait strip, badge,
    envelope or other label), and where it can, no other arrow either. From the arrow's end backwards,
    or with ``from_start`` from its beginning (labels of arrows that converge on one step spread apart)."""
    candidates: list[Box] = []
    segments = list(zip(points, points[1:]))
    for (x0, y0), (x1, y1) in segments if from_start else list(reversed(segments)):
        if abs(y0 - y1) < 0.01:  # horizontal: above, then below; near the end (or start) first
            left, right = min(x0, x1), max(x0, x1)
            xs = (
                (left + 4, (left + right - w) / 2, right - w - 6)
                if from_start
                else (right - w - 6, left + 4, (left + right - w) / 2)
            )
            for x in xs:
                if x < left - 1 or x + w > right + 1:
                    continue
                candidates.append((x, y0 - h - 1.5, w, h))
                candidates.append((x, y0 + 1.5, w, h))
        else:  # vertical: to the right, then to the left, in the middle
            top, bottom = min(y0, y1), max(y0, y1)
            for y in ((top + bottom - h) / 2, top + 2, bottom - h - 2):
                if y < top - 1 or y + h > bottom + 1:
                    continue
                candidates.append((x0 + 2, y, w, h))
                candidates.append((x0 - w - 2, y, w, h))
    ax, ay, aw, ah = area
    inside = [c for c in candidates if c[0] >= ax and c[1] >= ay and c[0] + c[2] <= aw and c[1] + c[3] <= ah]
    if isinstance(taken, list):  # a list of boxes, or a function giving the boxes near a spot
        boxes = taken
        taken = lambda box: boxes  # noqa: E731
    if isinstance(others, list):
        lines = others
        others = lambda box: lines  # noqa: E731
    free = [c for c in inside if all(overlap(c, other) == 0 for other in taken(c))]
    for box in free:
        if others is None or all(overlap(box, line) == 0 for line in others(box)):
            return box
    if free:
        return min(free, key=lambda c: sum(overlap(c, line) for line in (others(c) if others else [])))
    pool = inside or candidates
    if not pool:
        x0, y0 = points[-1]
        return (x0 - w - 6, y0 - h - 1.5, w, h)
    return min(pool, key=lambda c: sum(overlap(c, other) for other in taken(c)))


def _load_mark(analysis: "Analysis", role_id: str | None) -> tuple[str | None, float | None]:
    """A lane's load mark: the finding's (PM304 ``overloaded``, PM303 ``bottleneck``); where no finding marks
    any role, the most utilised role gets ``highest``, shown as a plain figure."""
    capacity = analysis.capacity
    load = capacity.roles.get(role_id or "")
    utilisation = load.utilisation if load else None
    if role_id is not None and role_id in capacity.marks:
        return capacity.marks[role_id], utilisation
    if not capacity.marks and role_id is not None and role_id == capacity.highest:
        return "highest", utilisation
    return None, None

"""A Mermaid flowchart of a process map, for GitLab and GitHub markdown (```mermaid blocks).

Structure: ``flowchart LR`` with nested subgraphs organisation > team > role (external
parties in their own subgraph), one node per step with a shape per type, one arrow per
transition with its probability and ``when`` text.

The findings, as far as Mermaid can show them: handovers between organisations are thick
red arrows (``==>`` plus a ``linkStyle``), between teams orange, outside the case system
dotted (``-.->``); to or from an external party thick teal;
rework loops blue; a single point of failure's and a bottleneck's (PM303) or overloaded (PM304)
role subgraph red with a note in its title; each step's wait in its label.

Safety: every label is quoted, and ``"``, ``<``, ``>``, ``&``, ``#``, backticks and the
like are written as Mermaid entity codes (``#34;``), so a step called
``<script>alert(1)</script>`` is text, never HTML. Ids are ``s_``/``g_`` plus a slug of
the map's id (letters, digits, underscores), never a Mermaid keyword such as ``end``.
Only syntax that Mermaid 10 (GitLab) and 11 (GitHub) both parse is used.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from procesmap.diagrams.bounds import DrawingTooLarge, check_layout
from procesmap.colours import HANDOVER_COLOURS
from procesmap.i18n import number, percent, t
from procesmap.diagrams.layout import swimlane_layout

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_mermaid", "mermaid_text", "mermaid_id"]

SHAPES = {
    "start": ("([", "])"),
    "end": ("(((", ")))"),
    "task": ("[", "]"),
    "decision": ("{", "}"),
    "parallel": ("{{", "}}"),
    "join": ("{{", "}}"),
    "wait": ("[/", "/]"),
}
_SAFE = re.compile(r"[A-Za-z0-9 ,.:;!?()'/_+=*%@€\-\u00c0-\u024f\u2013\u2014\u00b7\u2026\u2018\u2019\u201c\u201d]")


def mermaid_text(text: str) -> str:
    """``text`` safe inside a quoted Mermaid label: everything unusual as an entity code ``#nnn;``."""
    text = " ".join(text.split())
    return "".join(ch if _SAFE.fullmatch(ch) else f"#{ord(ch)};" for ch in text)


def mermaid_id(prefix: str, value: str, taken: set[str]) -> str:
    """A unique, safe Mermaid id: ``prefix`` + the value with anything but [A-Za-z0-9_] as ``_``."""
    base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", value)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def render_mermaid(analysis: "Analysis", lang: str = "nl") -> str:
    """The Mermaid source of the flowchart (ends with a newline)."""
    from procesmap.analysis.ownership import doer  # lazy: the analysis loads only when a map is analysed

    process = analysis.process
    taken: set[str] = set()
    node_id = {s.id: mermaid_id("s_", s.id, taken) for s in process.steps}
    waits = {w.step: w for w in analysis.time.waits}
    spof = set(analysis.ownership.single_points_of_failure)
    marks = analysis.capacity.marks
    highest = analysis.capacity.highest if not marks else None  # a plain figure where no finding marks a role

    lines = [f"%% {mermaid_text(process.name or process.id)} ({process.id}), procesmap", "flowchart LR"]

    def node_line(step_id: str, indent: str) -> str:
        step = process.step(step_id)
        label = step.label
        if step_id in waits:
            days = waits[step_id].per_case
            label += " · " + (
                t("diagram.mermaid.wait_hours", lang, hours=number(days * 24.0, lang, 1))
                if days < 1.0
                else t("diagram.mermaid.wait", lang, days=number(days, lang, 1))
            )
        left, right = SHAPES.get(step.type, ("[", "]"))
        return f'{indent}{node_id[step_id]}{left}"{mermaid_text(label)}"{right}'

    # steps per lane (role), lanes per team, teams per organisation, externals apart
    lane_of: dict[str, str | None] = {}
    for step in process.steps:
        who = doer(step.role, step.raci.R)
        lane_of[step.id] = who if who in process.roles else None
    by_role: dict[str | None, list[str]] = {}
    for step in process.steps:
        by_role.setdefault(lane_of[step.id], []).append(step.id)

    tree: dict[str, dict[str, list[str]]] = {}
    for role_id, role in process.roles.items():
        if role_id not in by_role:
            continue
        if role.external:
            org, team = "__external__", ""
        else:
            org = process.organisation_of(role_id) or ""
            team = role.team if role.team in process.teams else ""
        tree.setdefault(org, {}).setdefault(team, []).append(role_id)

    role_subgraph: dict[str, str] = {}
    for org, teams in tree.items():
        indent = "  "
        if org:
            title = (
                (process.organisations[org].name or org)
                if org in process.organisations
                else t("diagram.external", lang)
            )
            lines.append(f'{indent}subgraph {mermaid_id("g_org_", org.strip("_"), taken)}["{mermaid_text(title)}"]')
            indent += "  "
        for team, roles in teams.items():
            team_indent = indent
            if team:
                title = process.teams[team].name or team
                lines.append(f'{team_indent}subgraph {mermaid_id("g_team_", team, taken)}["{mermaid_text(title)}"]')
                team_indent += "  "
            for role_id in roles:
                title = process.roles[role_id].name or role_id
                notes = []
                if role_id in spof:
                    notes.append(t("diagram.mermaid.spof", lang))
                if role_id in marks or role_id == highest:
                    load = analysis.capacity.roles.get(role_id)
                    util = percent(load.utilisation, lang) if load and load.utilisation is not None else "-"
                    notes.append(t(f"diagram.mermaid.{marks.get(role_id, 'highest')}", lang, utilisation=util))
                if notes:
                    title += " (" + ", ".join(notes) + ")"
                sub = mermaid_id("g_role_", role_id, taken)
                role_subgraph[role_id] = sub
                lines.append(f'{team_indent}subgraph {sub}["{mermaid_text(title)}"]')
                for step_id in by_role[role_id]:
                    lines.append(node_line(step_id, team_indent + "  "))
                lines.append(f"{team_indent}end")
            if team:
                lines.append(f"{indent}end")
        if org:
            lines.append("  end")
    for step_id in by_role.get(None, []):
        lines.append(node_line(step_id, "  "))

    # arrows
    levels = {(h.source, h.target): h.levels for h in analysis.handovers.handovers}
    back = _back_edges(analysis)
    seen: set[tuple[str, str]] = set()
    styles: list[tuple[int, str]] = []
    index = 0
    chance: dict[tuple[str, str], float] = {}  # per arrow the sum of its transitions' p, in one pass
    for transition in analysis.graph.transitions:
        key = (transition.source, transition.target)
        chance[key] = chance.get(key, 0) + transition.p
    for transition in analysis.graph.transitions:
        key = (transition.source, transition.target)
        if key in seen or transition.target not in node_id:
            continue
        seen.add(key)
        step = process.step(transition.source)
        parts = []
        if not transition.parallel and len(step.next) > 1:
            p = chance[key]
            parts.append(percent(p, lang, 0 if abs(p * 100 - round(p * 100)) < 1e-9 else 1))
        if transition.when:
            parts.append(transition.when)
        level = levels.get(key, ())
        arrow = "-->"
        if "organisation" in level:
            arrow = "==>"
            styles.append((index, f"stroke:{HANDOVER_COLOURS['organisation']},stroke-width:3px"))
        elif "external" in level:  # over the wall to an outside party: as heavy as an organisation, its own colour
            arrow = "==>"
            styles.append((index, f"stroke:{HANDOVER_COLOURS['external']},stroke-width:3px"))
        elif "team" in level:
            styles.append((index, f"stroke:{HANDOVER_COLOURS['team']},stroke-width:2px"))
        elif key in back:
            styles.append((index, "stroke:#1f5fa8"))
        if "manual" in level:
            arrow = "-.->"
        label = f'|"{mermaid_text(" · ".join(parts))}"|' if parts else ""
        lines.append(f"  {node_id[transition.source]} {arrow}{label} {node_id[transition.target]}")
        index += 1
    for i, style in styles:
        lines.append(f"  linkStyle {i} {style}")

    flagged = [role_subgraph[r] for r in process.roles if r in role_subgraph and (r in spof or r in marks)]
    for sub in flagged:
        lines.append(f"  style {sub} fill:#fdecea,stroke:#c62828,stroke-width:2px")
    return "\n".join(lines) + "\n"


def _back_edges(analysis: "Analysis") -> set[tuple[str, str]]:

    try:
        check_layout(analysis)
    except DrawingTooLarge:  # over the layout's work limit: the back edges of a depth-first search, in linear time
        return _searched_back_edges(analysis)
    return {(e.source, e.target) for e in swimlane_layout(analysis).edges if e.back}


def _searched_back_edges(analysis: "Analysis") -> set[tuple[str, str]]:
    """The arrows that close a cycle in a depth-first search from the start (then from every step not reached)."""
    following: dict[str, list[str]] = {}
    for transition in analysis.graph.transitions:
        following.setdefault(transition.source, []).append(transition.target)
    order = [s.id for s in analysis.process.steps]
    state: dict[str, int] = {}  # 1: on the path, 2: done
    back: set[tuple[str, str]] = set()
    for root in [analysis.graph.start, *order]:
        if root is None or root in state:
            continue
        state[root] = 1
        stack = [(root, iter(following.get(root, ())))]
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                state[node] = 2
                stack.pop()
            elif state.get(target) == 1:
                back.add((node, target))
            elif target not in state:
                state[target] = 1
                stack.append((target, iter(following.get(target, ()))))
    return back

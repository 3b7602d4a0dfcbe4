"""``compare``: a workshop map held against an event log (definitions in ``docs/eventlog.md``).

Steps are linked to log activities by their ``log:`` names, else by their name or id
(case-insensitive, spaces folded). Consecutive instances of activities of the same step
form one *visit*; an activity that no step claims is a visit of its own (and never fits).
The map's allowed successions between logged steps pass through steps that the log
does not show (gateways, ``parallel``/``join``, steps whose activities never occur);
steps in different branches of one ``parallel`` block may follow each other in any order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from procesmap._version import __version__
from procesmap.eventlog._engine import US_PER_DAY, connect, rows, scalar
from procesmap.eventlog._read import EventLog
from procesmap.eventlog._stats import case_durations
from procesmap.durations import mean_elapsed_days

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding, Settings
    from procesmap.model import Process

__all__ = ["Comparison", "compare", "link_steps", "allowed_successions"]


@dataclass
class Comparison:
    """Map vs log as plain data; ``to_dict()`` is the JSON report (format 1); ``findings`` are PM6xx."""

    process: "Process"
    analysis: "Analysis"
    source: str
    links: dict[str, list[str]]
    counts: dict[str, int]
    fitness: dict[str, Any]
    unmapped_activities: list[dict[str, Any]]
    steps_not_observed: list[str]
    transitions_not_on_map: list[dict[str, Any]]
    map_transitions_not_observed: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    waits: list[dict[str, Any]]
    cycle_time: dict[str, Any]
    term: dict[str, Any]
    handovers: dict[str, Any]
    findings: list["Finding"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "report": "log-compare",
            "tool": {"name": "procesmap", "version": __version__},
            "process": {"id": self.process.id, "name": self.process.name, "file": self.process.file},
            "log": {"file": self.source},
            "counts": dict(self.counts),
            "links": {step: list(names) for step, names in self.links.items()},
            "fitness": dict(self.fitness),
            "activities_not_on_map": list(self.unmapped_activities),
            "steps_not_observed": list(self.steps_not_observed),
            "transitions_not_on_map": list(self.transitions_not_on_map),
            "map_transitions_not_observed": list(self.map_transitions_not_observed),
            "visits": list(self.visits),
            "waits": list(self.waits),
            "cycle_time": self.cycle_time,
            "term": self.term,
            "handovers": self.handovers,
            "findings": [_finding_dict(f) for f in self.findings],
        }


def _finding_dict(finding: "Finding") -> dict[str, Any]:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "subject": finding.subject,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message("en"),
        "message_nl": finding.message("nl"),
        "hint": finding.hint("en"),
        "hint_nl": finding.hint("nl"),
        "docs": finding.docs_url,
    }


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def link_steps(process: "Process", activities: list[str]) -> dict[str, list[str]]:
    """Step id -> the log activities it stands for (by ``log:``, else by name or id). An activity goes to
    the first step that claims it."""
    by_fold: dict[str, list[str]] = {}
    for activity in activities:
        by_fold.setdefault(_fold(activity), []).append(activity)
    taken: set[str] = set()
    links: dict[str, list[str]] = {}
    for step in process.steps:
        names = step.log or [n for n in (step.name, step.id) if n]
        found: list[str] = []
        for name in names:
            for activity in by_fold.get(_fold(name), []):
                if activity not in taken and activity not in found:
                    found.append(activity)
            if found and not step.log:
                break
        taken.update(found)
        links[step.id] = found
    return links


def allowed_successions(
    process: "Process", logged: set[str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[str], set[str]]:
    """(map successions, parallel interleavings, allowed first steps, allowed last steps) between logged steps."""
    nexts = {s.id: [b.to for b in s.next] for s in process.steps}
    start = next((s.id for s in process.steps if s.type == "start"), process.steps[0].id)

    def reach(entries: list[str]) -> set[str]:
        found: set[str] = set()
        seen: set[str] = set()
        stack = list(entries)
        while stack:
            node = stack.pop()
            if node in seen or node not in nexts:
                continue
            seen.add(node)
            if node in logged:
                found.add(node)
            else:
                stack.extend(nexts[node])
        return found

    def ends_through(node: str) -> bool:
        seen: set[str] = set()
        stack = list(nexts.get(node, []))
        if not nexts.get(node):
            return True
        while stack:
            x = stack.pop()
            if x in seen or x not in nexts:
                continue
            seen.add(x)
            if x in logged:
                continue
            if not nexts[x]:
                return True
            stack.extend(nexts[x])
        return False

    pairs = {(u, v) for u in logged for v in reach(nexts.get(u, []))}
    starts = reach([start])
    ends = {u for u in logged if ends_through(u)}
    interleavings: set[tuple[str, str]] = set()
    for step in process.steps:
        if step.type != "parallel" or len(step.next) < 2:
            continue
        branch_sets = []
        for branch in step.next:
            members: set[str] = set()
            stack, seen = [branch.to], set()
            while stack:
                x = stack.pop()
                if x in seen or x not in nexts:
                    continue
                seen.add(x)
                if process.step(x).type == "join":
                    continue
                members.add(x)
                stack.extend(nexts[x])
            branch_sets.append(members & logged)
        for i, left in enumerate(branch_sets):
            for j, right in enumerate(branch_sets):
                if i != j:
                    interleavings.update((u, v) for u in left for v in right if (u, v) not in pairs)
    return pairs, interleavings, starts, ends


def compare(
    process: "Process", log: EventLog, settings: "Settings | None" = None, analysis: "Analysis | None" = None
) -> Comparison:
    """Hold ``process`` against ``log``: fitness, transitions, visits, waits, cycle time, term, handovers, PM6xx."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    from procesmap.pipeline import analyse  # lazy: the map analysis loads only when a log is compared with a map
    from procesmap.settings import Settings  # lazy: the map analysis loads only when a log is compared with a map

    settings = settings or Settings()
    analysis = analysis or analyse(process, settings)
    con = connect(log)
    try:
        activities = [a for (a,) in rows(con, "SELECT DISTINCT a FROM inst ORDER BY a")]
        links = link_steps(process, activities)
        step_of = {a: s for s, names in links.items() for a in names}
        logged = {s for s, names in links.items() if names}
        pairs, interleavings, starts, ends = allowed_successions(process, logged)
        suspends = [s.id for s in process.steps if s.suspends_term]
        con.register(
            "links",
            pa.table({"a": pa.array(list(step_of), pa.string()), "s": pa.array(list(step_of.values()), pa.string())}),
        )
        allowed = sorted(pairs | interleavings)
        con.register(
            "allowed",
            pa.table(
                {
                    "s": pa.array([p[0] for p in allowed], pa.string()),
                    "t": pa.array([p[1] for p in allowed], pa.string()),
                }
            ),
        )
        con.register("starts", pa.table({"s": pa.array(sorted(starts), pa.string())}))
        con.register("ends", pa.table({"s": pa.array(sorted(ends), pa.string())}))
        con.register("suspended", pa.table({"s": pa.array(suspends, pa.string())}))
        con.execute("""
            CREATE TEMP TABLE u AS
            SELECT inst.*, links.s, coalesce(links.s, '\x1e' || inst.a) AS unit FROM inst LEFT JOIN links USING (a)
        """)
        con.execute("""
            CREATE TEMP TABLE v0 AS
            WITH f AS (SELECT *, CASE WHEN lag(unit) OVER (PARTITION BY c ORDER BY i) = unit THEN 0 ELSE 1 END AS new
                       FROM u),
                 g AS (SELECT *, sum(new) OVER (PARTITION BY c ORDER BY i ROWS UNBOUNDED PRECEDING) AS j FROM f)
            SELECT c, j, any_value(unit) AS unit, any_value(s) AS s, min(ts) AS ts, max(te) AS te,
                   arg_max(r, i) AS r, arg_min(r, i) AS r0, bool_or(timed) AS timed
            FROM g GROUP BY c, j
        """)
        con.execute("""
            CREATE TEMP TABLE v AS
            SELECT *, lead(unit) OVER w AS nu, lead(s) OVER w AS ns, lead(r0) OVER w AS nr,
                   lag(te) OVER w AS pte, count(*) OVER (PARTITION BY c) AS n
            FROM v0 WINDOW w AS (PARTITION BY c ORDER BY j)
        """)
        cases = int(scalar(con, "SELECT count(DISTINCT c) FROM v") or 0)
        transitions_total, transitions_ok = rows(
            con,
            """
            SELECT count(*), count(allowed.s) FROM v LEFT JOIN allowed ON v.s = allowed.s AND v.ns = allowed.t
            WHERE v.nu IS NOT NULL""",
        )[0]
        fitting = int(
            scalar(
                con,
                """
            WITH p AS (
                SELECT v.c, bool_and(v.s IS NOT NULL) AS mapped,
                       bool_and(v.nu IS NULL OR allowed.s IS NOT NULL) AS ok,
                       bool_or(v.j = 1 AND v.s IN (SELECT s FROM starts)) AS first_ok,
                       bool_or(v.nu IS NULL AND v.s IN (SELECT s FROM ends)) AS last_ok
                FROM v LEFT JOIN allowed ON v.s = allowed.s AND v.ns = allowed.t GROUP BY v.c)
            SELECT count(*) FROM p WHERE mapped AND ok AND first_ok AND last_ok""",
            )
            or 0
        )
        fitness = {
            "cases": fitting / cases if cases else None,
            "transitions": transitions_ok / transitions_total if transitions_total else None,
            "cases_fitting": fitting,
            "cases_total": cases,
            "transitions_explained": int(transitions_ok),
            "transitions_total": int(transitions_total),
        }
        unmapped = [
            {"activity": a, "instances": int(n), "cases": int(k), "share_of_cases": k / cases if cases else None}
            for a, n, k in rows(
                con,
                """SELECT a, count(*), count(DISTINCT c) FROM u WHERE s IS NULL
                                        GROUP BY a ORDER BY count(DISTINCT c) DESC, a""",
            )
        ]
        not_on_map = []
        for unit, next_unit, n, k in rows(
            con,
            """
                SELECT v.unit, v.nu, count(*), count(DISTINCT v.c) FROM v
                LEFT JOIN allowed ON v.s = allowed.s AND v.ns = allowed.t
                WHERE v.nu IS NOT NULL AND v.s IS NOT NULL AND v.ns IS NOT NULL AND allowed.s IS NULL
                GROUP BY 1, 2 ORDER BY count(DISTINCT v.c) DESC, 1, 2""",
        ):
            not_on_map.append(
                {
                    "from": unit,
                    "to": next_unit,
                    "count": int(n),
                    "cases": int(k),
                    "share_of_cases": k / cases if cases else None,
                }
            )
        observed_pairs = {
            (a, b) for a, b in rows(con, "SELECT DISTINCT s, ns FROM v WHERE s IS NOT NULL AND ns IS NOT NULL")
        }
        never = [{"from": a, "to": b} for a, b in sorted(pairs) if (a, b) not in observed_pairs]
        visit_counts = dict(rows(con, "SELECT s, count(*) FROM v WHERE s IS NOT NULL GROUP BY s"))
        modelled_visits = analysis.visits or {}
        visits = [
            {
                "step": s.id,
                "activities": links[s.id],
                "observed": (visit_counts.get(s.id, 0) / cases) if cases else None,
                "modelled": modelled_visits.get(s.id) if analysis.visits is not None else None,
            }
            for s in process.steps
            if links[s.id]
        ]
        wait_rows = {
            s: (n, m, md, lm)
            for s, n, m, md, lm in rows(
                con,
                f"""
            SELECT s, count(pte), avg(greatest(ts - pte, 0)) FILTER (WHERE pte IS NOT NULL) / {US_PER_DAY},
                   quantile_cont(greatest(ts - pte, 0), 0.5) FILTER (WHERE pte IS NOT NULL) / {US_PER_DAY},
                   avg(te - ts) FILTER (WHERE timed) / {US_PER_DAY}
            FROM v WHERE s IS NOT NULL GROUP BY s""",
            )
        }
        calendar = process.calendar.calendar()
        from procesmap.analysis.timing import (  # lazy: the map analysis loads only when a log is compared with a map
            lead_days,
        )

        waits = []
        for step in process.steps:
            if step.id not in wait_rows:
                continue
            n, mean, median, lead_mean = wait_rows[step.id]
            waits.append(
                {
                    "step": step.id,
                    "measured": int(n),
                    "observed_mean": mean,
                    "observed_median": median,
                    "modelled": mean_elapsed_days(step.wait),
                    "observed_lead_mean": lead_mean,
                    "modelled_lead": lead_days(step, calendar),
                }
            )
        durations = case_durations(con)
        cycle = {
            "observed": durations,
            "modelled": {k: analysis.time.cycle_time.get(k) for k in ("mean", "p50", "p85", "p95")},
        }
        term_days, extension = analysis.time.term, analysis.time.term_extension
        con.execute(f"""
            CREATE TEMP TABLE ct AS
            WITH d AS (SELECT c, (max(t) - min(t)) / {US_PER_DAY} AS days FROM ev GROUP BY c),
                 sus AS (SELECT c, sum(te - coalesce(pte, ts)) / {US_PER_DAY} AS days FROM v
                         WHERE s IN (SELECT s FROM suspended) GROUP BY c)
            SELECT d.c, d.days, greatest(d.days - coalesce(sus.days, 0), 0) AS term_days FROM d LEFT JOIN sus USING (c)
        """)
        term: dict[str, Any] = {
            "term": term_days,
            "term_extension": extension,
            "observed_share_over_term": None,
            "observed_share_over_extended_term": None,
            "modelled_share_over_term": analysis.time.share_over_term,
            "modelled_share_over_extended_term": analysis.time.share_over_extended_term,
            "observed_term_time": {"mean": None, "p50": None, "p85": None, "p95": None},
            "modelled_term_time": {k: analysis.time.term_time.get(k) for k in ("mean", "p50", "p85", "p95")},
            "suspending_steps": suspends,
        }
        mean_t, p50, p85, p95 = rows(
            con,
            """SELECT avg(term_days), quantile_cont(term_days, 0.5),
            quantile_cont(term_days, 0.85), quantile_cont(term_days, 0.95) FROM ct""",
        )[0]
        term["observed_term_time"] = {"mean": mean_t, "p50": p50, "p85": p85, "p95": p95}
        if term_days is not None:
            term["observed_share_over_term"] = scalar(
                con, "SELECT avg(CASE WHEN term_days > ? THEN 1.0 ELSE 0.0 END) FROM ct", term_days + 1e-9
            )
            if extension is not None:
                term["observed_share_over_extended_term"] = scalar(
                    con,
                    "SELECT avg(CASE WHEN term_days > ? THEN 1.0 ELSE 0.0 END) FROM ct",
                    term_days + extension + 1e-9,
                )
        from procesmap.analysis.handovers import (  # lazy: the map analysis loads only when a log is compared with a map
            LEVELS,
            handover_levels,
        )

        step_pairs = rows(con, "SELECT s, ns, count(*) FROM v WHERE s IS NOT NULL AND ns IS NOT NULL GROUP BY s, ns")
        linked_pairs = sum(int(n) for _, _, n in step_pairs)
        per_level = {level: 0 for level in LEVELS}
        for a, b, n in step_pairs:
            for level in handover_levels(analysis.graph, a, b):
                per_level[level] += int(n)
        observed_people, people_known = rows(
            con,
            """
            SELECT count(*) FILTER (WHERE r IS NOT NULL AND nr IS NOT NULL AND r <> nr),
                   count(*) FILTER (WHERE r IS NOT NULL AND nr IS NOT NULL)
            FROM v WHERE nu IS NOT NULL""",
        )[0]
        observed_levels = {level: (per_level[level] / cases if cases and linked_pairs else None) for level in LEVELS}
        modelled_levels = {level: analysis.handovers.expected_per_case.get(level) for level in LEVELS}
        handovers = {
            "modelled_role_per_case": modelled_levels["role"],
            "observed_role_per_case": observed_levels["role"],
            "observed_resource_per_case": observed_people / cases if cases and people_known else None,
            "resource_pairs_known": int(people_known),
            "step_pairs": linked_pairs,
            "observed_per_case": observed_levels,
            "modelled_per_case": modelled_levels,
        }
        counts = {
            "cases": cases,
            "steps": len(process.steps),
            "steps_linked": len(logged),
            "activities": len(activities),
            "activities_linked": len(step_of),
        }
        comparison = Comparison(
            process=process,
            analysis=analysis,
            source=log.source,
            links=links,
            counts=counts,
            fitness=fitness,
            unmapped_activities=unmapped,
            steps_not_observed=[s.id for s in process.steps if s.log and not links[s.id]],
            transitions_not_on_map=not_on_map,
            map_transitions_not_observed=never,
            visits=visits,
            waits=waits,
            cycle_time=cycle,
            term=term,
            handovers=handovers,
        )
    finally:
        con.close()
    from procesmap.eventlog.rules import run_log_rules  # lazy: the PM6xx rules load only when a log is compared

    comparison.findings = run_log_rules(comparison, settings)
    return comparison

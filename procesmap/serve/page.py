"""The pages of ``procesmap serve`` as HTML: whole pages and the fragments the live page swaps in.

Nothing is computed here: every figure is taken from the :class:`~procesmap.analysis.Analysis` (or the
:class:`~procesmap.repository.Overview` of a folder) and formatted with the catalogue's number formats.
Every user text reaches the page through Jinja2's autoescape; the swimlane is not inlined but served
as an SVG image (``/diagram/...``), so the page needs no inline style and no inline script and its
Content-Security-Policy can forbid both.
"""

from __future__ import annotations

import shlex
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Sequence
from urllib.parse import quote, urlencode

from procesmap.i18n import Count, number, percent, t
from procesmap.render._labels import SEVERITY_ORDER, Labels
from markupsafe import Markup
from procesmap.errors import LoadError

if TYPE_CHECKING:
    from procesmap.analysis import Analysis
    from procesmap.errors import Problem, ProcessmapError
    from procesmap.serve.state import MapEntry, Snapshot, Workspace

__all__ = ["map_page", "map_view", "index_page", "index_view", "controls", "command_line", "problem_lines"]


@lru_cache(maxsize=1)
def _macros() -> Any:
    """The macros of ``serve.html.j2``, compiled once per process (the report's autoescaping environment)."""
    from procesmap.render.html import _environment  # lazy: the HTML renderer (Jinja2) loads only when HTML is asked for

    return _environment().get_template("serve.html.j2").module


def _macro(name: str, **args: Any) -> Markup:
    """A macro of ``serve.html.j2`` rendered: :class:`markupsafe.Markup` (already escaped HTML, a ``str``)."""

    return Markup(getattr(_macros(), name)(**args))


def map_url(key: str) -> str:
    return "/map/" + quote(key)


def diagram_url(key: str, generation: int, assignments: Sequence[str]) -> str:
    query = [("g", str(generation))] + [("set", a) for a in assignments]
    return "/diagram/" + quote(key) + "?" + urlencode(query)


# -- figures ---------------------------------------------------------------------------------------------


def _figures(analysis: "Analysis", lang: str, base: "Analysis | None") -> dict[str, Any]:
    """The key figures as formatted text: cards on top, a row per role below; ``base`` (the file's own
    analysis, under a scenario) gives the value each figure had in the file."""
    lb = Labels(analysis, lang)
    time, handovers = analysis.time, analysis.handovers

    def was(value: str, before: str | None) -> str | None:
        return t("serve.was", lang, value=before) if before is not None and before != value else None

    def cell(label: str, value: str, before: str | None = None) -> dict[str, Any]:
        return {"label": label, "value": value, "was": was(value, before)}

    cycle = [
        cell(k, lb.num(time.cycle_time.get(k)), Labels(base, lang).num(base.time.cycle_time.get(k)) if base else None)
        for k in ("p50", "p85", "p95")
    ]
    cards = [
        {
            "key": "cycle",
            "title": t("serve.cycle_time", lang),
            "cells": cycle,
            "note": t("serve.mean", lang, value=lb.num(time.cycle_time.get("mean"))),
        }
    ]
    if time.term is not None:
        share = lb.pct(time.share_over_term, 1)
        before = Labels(base, lang).pct(base.time.share_over_term, 1) if base else None
        codes = {f.code for f in analysis.findings}  # the term rules judge; the page only shows their verdict
        level = "error" if "PM301" in codes else "warning" if "PM302" in codes else "ok"
        note = t("serve.term_of", lang, days=lb.num(time.term, 0))
        if time.term_extension is not None:
            note += " · " + t("serve.over_extension", lang, share=lb.pct(time.share_over_extended_term, 1))
        late = getattr(time, "late_per_year", None) or {}
        if late.get("term") is not None:
            note += " · " + t("serve.late_per_year", lang, count=lb.num(late["term"], 0))
        cards.append(
            {
                "key": "term",
                "title": t("serve.term", lang),
                "cells": [cell("", share, before)],
                "note": note,
                "level": level,
            }
        )
    else:
        cards.append(
            {"key": "term", "title": t("serve.term", lang), "cells": [cell("", "-")], "note": t("serve.no_term", lang)}
        )
    per_case = handovers.expected_per_case
    before = Labels(base, lang).num(base.handovers.expected_per_case.get("role"), 1) if base else None
    cards.append(
        {
            "key": "handovers",
            "title": t("serve.handovers", lang),
            "cells": [cell("", lb.num(per_case.get("role"), 1), before)],
            "note": t(
                "serve.handovers_detail",
                lang,
                organisation=lb.num(per_case.get("organisation"), 1),
                manual=lb.num(per_case.get("manual"), 1),
            ),
        }
    )
    counts = {level: sum(1 for f in analysis.findings if f.severity.value == level) for level in SEVERITY_ORDER}
    cards.append(
        {
            "key": "findings",
            "title": t("serve.findings_count", lang),
            "cells": [cell("", str(sum(counts.values())))],
            "note": t("serve.findings_detail", lang, **counts),
            "level": "error" if counts["error"] else "warning" if counts["warning"] else "ok",
        }
    )
    queueing = getattr(analysis, "queueing", None)
    return {
        "cards": cards,
        "roles": _roles(analysis, lang, base),
        "queueing": queueing is not None and queueing.model != "none" and bool(queueing.roles),
    }


def _roles(analysis: "Analysis", lang: str, base: "Analysis | None") -> list[dict[str, Any]]:
    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        utilisation_order,
    )

    lb = Labels(analysis, lang)
    process = analysis.process
    rows = []
    for role_id, load in utilisation_order(analysis):
        u = load.utilisation or 0.0  # type: ignore[attr-defined]
        role = process.roles.get(role_id)
        before = None
        if base is not None and role_id in base.capacity.roles:
            before = lb.pct(base.capacity.roles[role_id].utilisation)
        value = lb.pct(u)
        rows.append(
            {
                "id": role_id,
                "name": lb.role(role_id),
                "people": str(role.people) if role and role.people is not None else "-",
                "fte": lb.num(role.fte, 1) if role and role.fte is not None else "-",
                "utilisation": value,
                "was": t("serve.was", lang, value=before) if before is not None and before != value else None,
                "bar": f"{min(u, 1.5) / 1.5 * 100:.1f}",
                "full": f"{1 / 1.5 * 100:.1f}",
                "level": "error" if u >= 1.0 else "warning" if u >= 0.85 else "ok",
                "bottleneck": role_id == analysis.capacity.bottleneck,
                "queue": _queue_text(analysis, role_id, lang),
            }
        )
    return rows


def _queue_text(analysis: "Analysis", role_id: str, lang: str) -> str:
    """The role's queue from the analysis's queueing section (docs/queueing.md): the mean wait in days, or
    by how many cases a month the backlog grows when the role has no steady state."""
    queueing = getattr(analysis, "queueing", None)
    queue = queueing.roles.get(role_id) if queueing is not None else None
    if queue is None:
        return ""
    if not queue.stable:
        return (
            t("serve.backlog", lang, count=number(queue.backlog_per_month, lang, 0)) if queue.backlog_per_month else ""
        )
    return number(queue.queue_mean if queue.queue_mean is not None else queue.analytic_queue_mean, lang, 1)


def _findings(analysis: "Analysis", lang: str) -> list[dict[str, str]]:
    lb = Labels(analysis, lang)
    items = []
    for level, findings in lb.findings_by_severity():
        for f in findings:
            items.append(
                {
                    "level": level,
                    "severity": t(f"report.severity.{level}", lang),
                    "code": f.code,
                    "rule": f.rule,
                    "message": f.message(lang),
                    "hint": f.hint(lang) or "",
                    "where": lb.where(f),
                }
            )
    return items


def problem_lines(problems: "Sequence[Problem]", lang: str) -> list[dict[str, str]]:
    """``file:line:column: message`` and the hint of each problem, as the command line prints them."""
    return [
        {"where": f"{p.file}:{p.line}:{p.column}", "message": p.message(lang), "hint": p.hint(lang) or ""}
        for p in problems
    ]


def error_lines(error: "ProcessmapError", lang: str) -> list[dict[str, str]]:
    if isinstance(error, LoadError):
        return problem_lines(error.problems, lang)
    text = error.format(lang) if hasattr(error, "format") else str(error)
    message, _, hint = text.partition("\n")
    return [{"where": "", "message": message, "hint": hint.strip().partition(": ")[2] if hint else ""}]


# -- what-if ---------------------------------------------------------------------------------------------


def controls(analysis: "Analysis", lang: str) -> dict[str, Any]:
    """The what-if controls of a map: people and fte of each role of its own file, and the probability of
    each branch of its own decisions (what ``--set`` can change and the file can take back)."""
    process = analysis.process
    lb = Labels(analysis, lang)
    roles = []
    for role_id, role in process.roles.items():
        if role.external or process.origin("roles", role_id):
            continue
        roles.append(
            {
                "id": role_id,
                "name": lb.role(role_id),
                "people": "" if role.people is None else str(role.people),
                "fte": "" if role.fte is None else _plain(role.fte),
            }
        )
    decisions = []
    for step in process.steps:
        if len(step.next) < 2 or step.type in ("parallel", "join") or process.origin("steps", step.id):
            continue
        if not all(b.p is not None for b in step.next) and step.type != "decision":
            continue
        decisions.append(
            {
                "id": step.id,
                "name": step.label,
                "branches": [
                    {"to": b.to, "name": lb.step(b.to), "p": "" if b.p is None else _plain(b.p)} for b in step.next
                ],
            }
        )
    return {"roles": roles, "decisions": decisions}


def _plain(value: float) -> str:
    """A number as ``--set`` and an ``<input type=number>`` read it: ``0.35``, ``2``."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def command_line(display: str, assignments: Sequence[str]) -> str:
    """The command that reproduces the scenario: ``procesmap analyse FILE --set ... --set ...``."""
    parts = ["procesmap", "analyse", display]
    for assignment in assignments:
        parts += ["--set", assignment]
    return " ".join(shlex.quote(p) for p in parts)


# -- the map page ----------------------------------------------------------------------------------------


def map_view(
    ws: "Workspace",
    entry: "MapEntry",
    assignments: Sequence[str] = (),
    scenario: "Snapshot | None" = None,
    scenario_error: "ProcessmapError | None" = None,
) -> dict[str, Any]:
    """The live parts of a map page as JSON: status, figures, findings, controls, command line, diagram URL."""
    good = entry.good
    lang = good.lang if good else ws.language()
    shown = scenario if scenario is not None and scenario_error is None else good
    base = good.analysis if shown is not good and good is not None else None
    view: dict[str, Any] = {
        "key": entry.key,
        "generation": ws.generation,
        "broken": entry.broken,
        "digest": entry.digest,
        "status": _macro("status", problems=problem_lines(entry.problems, lang), had_good=good is not None, t=_t(lang)),
        "command": command_line(entry.display, assignments),
        "scenario_error": (
            _macro("scenario_error", lines=error_lines(scenario_error, lang), t=_t(lang))
            if scenario_error is not None
            else ""
        ),
        "figures": "",
        "findings": "",
        "controls": "",
        "diagram": "",
        "diagram_alt": "",
        "diagram_note": "",
        "preliminary": False,
    }
    if shown is not None:
        analysis = shown.analysis
        view["figures"] = _macro("figures", f=_figures(analysis, lang, base), t=_t(lang))
        if shown.preliminary:  # the quick analysis after a save: say so (a notice over the page, serve.css)
            note = t("serve.preliminary", lang, cases=Count(analysis.time.cases))
            view["figures"] = Markup('<p class="note preliminary">{}</p>').format(note) + view["figures"]
        view["preliminary"] = shown.preliminary
        view["findings"] = _macro(
            "findings", items=_findings(analysis, lang), missing=[m.text(lang) for m in analysis.missing], t=_t(lang)
        )
        problem = shown.drawing_problem()
        if problem is not None:  # over a drawing limit: the page says which, as the command line does
            view["diagram_note"] = Markup('<p class="note">{}</p>').format(problem)
        else:
            view["diagram"] = diagram_url(entry.key, shown.generation, assignments if shown is scenario else ())
            view["diagram_alt"] = (
                t("serve.diagram_alt", lang, name=good.analysis.process.name or good.analysis.process.id)
                if good
                else ""
            )
    if good is not None:
        view["controls"] = _macro("controls", c=controls(good.analysis, lang), t=_t(lang))
    return view


def _t(lang: str) -> Any:
    return lambda key, **args: t(key, lang, **args)


def map_page(ws: "Workspace", entry: "MapEntry", csrf: str) -> str:
    good = entry.good
    lang = good.lang if good else ws.language()
    title = (good.analysis.process.name or good.analysis.process.id) if good else entry.display
    view = map_view(ws, entry)
    return _macro(
        "map_page",
        lang=lang,
        title=title,
        file=entry.display,
        key=entry.key,
        csrf=csrf,
        view=view,
        folder=ws.folder,
        t=_t(lang),
    )


# -- the folder index ------------------------------------------------------------------------------------


def index_view(ws: "Workspace") -> dict[str, Any]:
    lang = ws.language()
    maps = []
    for entry in ws.entries.values():
        item: dict[str, Any] = {
            "url": map_url(entry.key),
            "file": entry.display,
            "broken": entry.broken,
            "problems": problem_lines(entry.problems[:3], lang),
            "level": "none",
            "cycle": "",
            "term": "",
            "handovers": "",
            "bottleneck": "",
            "counts": "",
        }
        if entry.good is not None:
            a = entry.good.analysis
            lb = Labels(a, lang)
            counts = {level: sum(1 for f in a.findings if f.severity.value == level) for level in SEVERITY_ORDER}
            bottleneck = a.capacity.bottleneck
            load = a.capacity.roles.get(bottleneck) if bottleneck else None
            item.update(
                name=a.process.name or a.process.id,
                cycle=lb.num(a.time.cycle_time.get("p85")),
                term=lb.pct(a.time.share_over_term, 1) if a.time.term is not None else "-",
                handovers=lb.num(a.handovers.expected_per_case.get("role"), 1),
                bottleneck=f"{lb.role(bottleneck)} ({lb.pct(load.utilisation if load else None)})"
                if bottleneck
                else "-",
                counts=t("serve.findings_detail", lang, **counts),
                level="error" if counts["error"] else "warning" if counts["warning"] else "ok",
            )
        else:
            item.update(name=entry.display)
        maps.append(item)
    across = None
    if ws.overview is not None:
        ov = ws.overview
        across = {
            "roles": [
                {
                    "name": r.name,
                    "team": r.team or "",
                    "demand": number(r.demand_hours, lang, 0),
                    "capacity": number(r.capacity_hours, lang, 0),
                    "utilisation": percent(r.utilisation, lang),
                    "level": "error"
                    if (r.utilisation or 0) >= 1
                    else "warning"
                    if (r.utilisation or 0) >= 0.85
                    else "ok",
                }
                for r in ov.roles
            ],
            "findings": [
                {
                    "level": f.severity.value,
                    "severity": t(f"report.severity.{f.severity.value}", lang),
                    "code": f.code,
                    "rule": f.rule,
                    "message": f.message(lang),
                    "hint": f.hint(lang) or "",
                    "where": f"{f.file}:{f.line}:{f.column}",
                }
                for f in ov.findings
            ],
        }
    body = _macro("index_body", maps=maps, across=across, problems=problem_lines(ws.general_problems, lang), t=_t(lang))
    return {"generation": ws.generation, "body": body}


def index_page(ws: "Workspace", csrf: str) -> str:
    lang = ws.language()
    return _macro(
        "index_page",
        lang=lang,
        title=t("serve.index_title", lang, folder=ws.display),
        csrf=csrf,
        view=index_view(ws),
        t=_t(lang),
    )

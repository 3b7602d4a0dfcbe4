"""The terminal report (rich): what a consultant reads right after the workshop."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Sequence

from procesmap.render._labels import Labels

if TYPE_CHECKING:
    from rich.console import Console

    from procesmap.analysis import Analysis

__all__ = ["render_terminal", "print_terminal"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_terminal(analyses: "Sequence[Analysis]", lang: str, *, width: int | None = None, color: bool = False) -> str:
    """Plain text (no colour) of the terminal report, e.g. for ``--output report.txt``."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width or 120, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False, soft_wrap=False)
    print_terminal(analyses, lang, console)
    return buffer.getvalue()


def print_terminal(analyses: "Sequence[Analysis]", lang: str, console: "Console") -> None:
    for index, analysis in enumerate(analyses):
        if index:
            console.rule()
        _one(analysis, Labels(analysis, lang), console)
    if len(analyses) > 1:
        _summary(analyses, lang, console)


def _one(analysis: "Analysis", lb: Labels, console: "Console") -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    process = analysis.process
    time = analysis.time
    lines = [
        f"{lb.t('report.file')}: {process.file}",
        f"{lb.t('report.owner')}: " + (lb.role(process.owner) if process.owner else lb.t("report.none")),
        lb.t("report.counts", steps=len(process.steps), roles=len(process.roles), teams=len(process.teams),
             organisations=len(process.organisations), transitions=len(analysis.graph.transitions)),
    ]
    if analysis.volume_per_year is not None:
        lines.append(f"{lb.t('report.volume')}: {process.volume} = " + lb.t("report.per_year", value=lb.num(analysis.volume_per_year, 0)))
    term = lb.term_line()
    if term:
        lines.append(f"{lb.t('report.term')}: {term}")
    if time.service_norm is not None:
        lines.append(f"{lb.t('report.service_norm')}: " + lb.t("report.term_value", term=lb.num(time.service_norm, 0)))
    counts = {level: len(items) for level, items in lb.findings_by_severity()}
    summary = Text()
    for level in ("error", "warning", "info"):
        if counts.get(level):
            summary.append(lb.t("report.count." + level, count=counts[level]) + "  ", style=_STYLE[level])
    title = f"{process.name or process.id} ({process.id})"
    console.print(Panel(Text("\n".join(lines)) + Text("\n") + summary if counts else Text("\n".join(lines)),
                        title=title, title_align="left"))

    # handovers
    console.print(Text(lb.t("report.handovers"), style="bold"))
    handovers = analysis.handovers
    if handovers.handovers:
        table = Table(show_edge=False, box=None, padding=(0, 2))
        table.add_column(lb.t("report.level"))
        table.add_column(lb.t("report.transitions"), justify="right")
        table.add_column(lb.t("report.per_case"), justify="right")
        for level, count in handovers.transitions.items():
            table.add_row(lb.t(f"report.level.{level}"), str(count), lb.num(handovers.expected_per_case[level], 2))
        console.print(table)
        table = Table(show_edge=False, box=None, padding=(0, 2))
        for key in ("report.from", "report.to", "report.levels", "report.via"):
            table.add_column(lb.t(key))
        table.add_column(lb.t("report.per_case"), justify="right")
        for h in handovers.handovers:
            table.add_row(lb.step(h.source), lb.step(h.target), lb.levels(h.levels), h.via or "", lb.num(h.per_case, 2))
        console.print(table)
    else:
        console.print(lb.t("report.no_handovers"))
    console.print()

    # ownership
    console.print(Text(lb.t("report.ownership"), style="bold"))
    roles = lb.raci_roles()
    if analysis.ownership.raci:
        table = Table(show_edge=False, box=None, padding=(0, 1))
        table.add_column(lb.t("report.step"))
        for role in roles:
            table.add_column(role, justify="center")
        for step_id in analysis.ownership.raci:
            table.add_row(lb.step(step_id), *(lb.raci_cell(step_id, role) for role in roles))
        console.print(table)
        console.print(Text(lb.t("report.raci_legend"), style="dim"))
    spofs = analysis.ownership.single_points_of_failure
    console.print(f"{lb.t('report.spof')}: " + (", ".join(lb.role(r) for r in spofs) if spofs else lb.t("report.spof_none")))
    console.print()

    # time
    console.print(Text(lb.t("report.time"), style="bold"))
    table = Table(show_edge=False, box=None, padding=(0, 2))
    table.add_column("")
    for col in (lb.t("report.mean"), "p50", "p85", "p95"):
        table.add_column(col, justify="right")
    for key, values in (("report.cycle_time", time.cycle_time), ("report.term_time", time.term_time)):
        table.add_row(f"{lb.t(key)} ({lb.t('report.days')})",
                      *(lb.num(values.get(k)) for k in ("mean", "p50", "p85", "p95")))
    console.print(table)
    rows = lb.term_rows()
    rows.append((lb.t("report.flow_efficiency"), lb.pct(time.flow_efficiency, 1)))
    rows.append((lb.t("report.work_per_case"), f"{lb.num(time.work_per_case_hours)} {lb.t('report.hours')}"))
    if time.wip_total is not None:
        rows.append((lb.t("report.wip_total"), lb.num(time.wip_total)))
    for label, value in rows:
        console.print(f"{label}: {value}")
    console.print(Text(lb.t("report.simulation", cases=lb.num(time.cases, 0), seed=time.seed,
                            means=lb.t("report.means.exact" if time.means_exact else "report.means.simulated")), style="dim"))
    console.print()

    console.print(Text(lb.t("report.waits"), style="bold"))
    if time.waits:
        table = Table(show_edge=False, box=None, padding=(0, 2))
        table.add_column(lb.t("report.step"))
        table.add_column(lb.t("report.wait_per_case"), justify="right")
        table.add_column(lb.t("report.share_of_cycle"), justify="right")
        table.add_column(lb.t("report.wip"), justify="right")
        for wait in time.waits[:8]:
            wip = time.wip.get(wait.step) if time.wip else None
            table.add_row(lb.step(wait.step), lb.num(wait.per_case), lb.pct(wait.share_of_cycle_time), lb.num(wip))
        console.print(table)
    else:
        console.print(lb.t("report.no_waits"))
    console.print()

    console.print(Text(lb.t("report.capacity"), style="bold"))
    capacity = analysis.capacity
    if any(load.utilisation is not None for load in capacity.roles.values()):
        table = Table(show_edge=False, box=None, padding=(0, 2))
        table.add_column(lb.t("report.role"))
        table.add_column(lb.t("report.demand"), justify="right")
        table.add_column(lb.t("report.capacity_hours"), justify="right")
        table.add_column(lb.t("report.utilisation"), justify="right")
        table.add_column("", no_wrap=True)
        table.add_column("", no_wrap=True)
        for role_id, load in sorted(capacity.roles.items(), key=lambda kv: -(kv[1].utilisation or 0.0)):
            u = load.utilisation
            bar = "█" * min(int(round((u or 0.0) * 20)), 30) + ("▶" if (u or 0.0) > 1.5 else "")
            style = "red" if u is not None and u >= 1 else "yellow" if u is not None and u >= 0.85 else "green"
            mark = f"← {lb.t('report.bottleneck')}" if role_id == capacity.bottleneck else ""
            table.add_row(lb.role(role_id), lb.num(load.demand_hours, 0), lb.num(load.capacity_hours, 0), lb.pct(u),
                          Text(bar, style=style), Text(mark, style="bold"))
        console.print(table)
    else:
        console.print(lb.t("report.no_capacity"))
    console.print()

    if process.issues:
        console.print(Text(lb.t("report.knelpunten"), style="bold"))
        table = Table(show_edge=False, box=None, padding=(0, 2))
        for key in ("report.code", "report.level_col", "report.action", "report.step", "report.message", "report.issue_owner"):
            table.add_column(lb.t(key))
        for issue in process.issues:
            table.add_row(issue.id, lb.t(f"report.issue.{issue.level}") if issue.level else "",
                          lb.t(f"report.issue.{issue.action}") if issue.action else "",
                          lb.step(issue.step) if issue.step else "", issue.text, lb.role(issue.owner) if issue.owner else "")
        console.print(table)
        console.print()

    console.print(Text(lb.t("report.findings"), style="bold"))
    groups = lb.findings_by_severity()
    if not groups:
        console.print(lb.t("report.no_findings"))
    for level, findings in groups:
        console.print(Text(f"{lb.t('report.severity.' + level)} ({len(findings)})", style=_STYLE[level]))
        for f in findings:
            line = Text("  ")
            line.append(f.code, style=_STYLE[level])
            line.append(f" {f.rule}  ", style="dim")
            line.append(lb.where(f), style="dim")
            console.print(line)
            console.print(Text(f"    {f.message(lb.lang)}"))
            console.print(Text(f"    {lb.t('label.hint')}: {f.hint(lb.lang)}", style="dim"))
    if analysis.missing:
        console.print()
        console.print(Text(lb.t("report.missing"), style="bold"))
        for item in analysis.missing:
            console.print(Text(f"  - {item.text(lb.lang)}", style="dim"))


def _summary(analyses: "Sequence[Analysis]", lang: str, console: "Console") -> None:
    from procesmap.i18n import t

    counts = {"error": 0, "warning": 0, "info": 0}
    for analysis in analyses:
        for finding in analysis.findings:
            counts[finding.severity.value] += 1
    console.rule()
    console.print(t("report.summary", lang, processes=len(analyses), errors=counts["error"],
                    warnings=counts["warning"], infos=counts["info"]))

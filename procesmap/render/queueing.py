"""The queueing section of every report, as formatted rows (docs/queueing.md).

One place that turns :class:`~procesmap.analysis.queueing.QueueingFigures` into table cells, so
that the terminal, Markdown, HTML and PDF reports show the same section. Nothing is computed
here: every figure (and whether capacity explains a wait) comes from the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procesmap.analysis import Analysis
    from procesmap.render._labels import Labels

__all__ = ["QueueingView", "queueing_view"]


@dataclass
class QueueingView:
    title: str
    note: str
    role_header: list[str] = field(default_factory=list)
    role_header_short: list[str] = field(default_factory=list)  # for the terminal
    step_header_short: list[str] = field(default_factory=list)
    role_rows: list[list[str]] = field(default_factory=list)
    role_kinds: list[str] = field(default_factory=list)
    step_header: list[str] = field(default_factory=list)
    step_rows: list[list[str]] = field(default_factory=list)
    step_kinds: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # which waits capacity explains, which not
    unstable: list[str] = field(default_factory=list)  # roles without steady state

    @property
    def empty(self) -> bool:
        return not self.role_rows


def queueing_view(a: "Analysis", lb: "Labels") -> QueueingView:
    q = a.queueing
    title = lb.t("report.queueing")
    if q.model == "none" or not q.roles:
        return QueueingView(title, lb.t("report.queueing.none"))
    if q.model == "simulation":
        note = lb.t("report.queueing.note_simulation", cases=lb.num(q.cases, 0), seed=q.seed)
    else:
        note = lb.t("report.queueing.note_analytic")
    view = QueueingView(title, note)
    view.role_header = [
        lb.t("report.role"),
        lb.t("report.queueing.people"),
        lb.t("report.utilisation"),
        lb.t("report.queueing.simulated_utilisation"),
        lb.t("report.queueing.queue_mean"),
        lb.t("report.queueing.queue_p85"),
        lb.t("report.queueing.analytic"),
    ]
    view.role_header_short = [
        lb.t("report.role"),
        lb.t("report.queueing.people"),
        lb.t("report.queueing.util_short"),
        lb.t("report.queueing.sim_short"),
        lb.t("report.queueing.queue_short"),
        "p85",
        lb.t("report.queueing.analytic_short"),
    ]
    view.step_header_short = [
        lb.t("report.step"),
        lb.t("report.role"),
        lb.t("report.queueing.declared_short"),
        lb.t("report.queueing.queue_short"),
        "p85",
        lb.t("report.queueing.other_short"),
        lb.t("report.queueing.explains_short"),
    ]
    for role_id, r in sorted(q.roles.items(), key=lambda kv: -kv[1].utilisation):
        if not r.stable:
            view.unstable.append(
                lb.t("report.queueing.unstable", role=lb.role(role_id), backlog=lb.num(r.backlog_per_month, 0))
            )
            view.role_rows.append([lb.role(role_id), str(r.servers), lb.pct(r.utilisation), "", "-", "-", "-"])
            view.role_kinds.append("error")
            continue
        view.role_rows.append(
            [
                lb.role(role_id),
                str(r.servers),
                lb.pct(r.utilisation),
                lb.pct(r.simulated_utilisation),
                lb.num(r.queue_mean),
                lb.num(r.queue_p85),
                lb.num(r.analytic_queue_mean),
            ]
        )
        # marked as the capacity table: where PM303 (bottleneck) or PM304 (overloaded) found the role
        view.role_kinds.append(
            {"overloaded": "error", "bottleneck": "warning"}.get(a.capacity.marks.get(role_id, ""), "")
        )
    view.step_header = [
        lb.t("report.step"),
        lb.t("report.role"),
        lb.t("report.queueing.declared"),
        lb.t("report.queueing.queue_mean"),
        lb.t("report.queueing.queue_p85"),
        lb.t("report.queueing.other_wait"),
        lb.t("report.queueing.explains"),
    ]
    explained, not_explained = [], []
    for step_id, s in q.steps.items():
        if s.explained is None:
            verdict = ""
        elif s.explained:
            verdict = lb.t("report.queueing.yes")
            explained.append(lb.step(step_id))
        else:
            verdict = lb.t("report.queueing.no")
            not_explained.append(lb.step(step_id))
        view.step_rows.append(
            [
                lb.step(step_id),
                lb.role(s.role),
                lb.num(s.declared_wait) if s.declared_wait else "",
                lb.num(s.queue_mean),
                lb.num(s.queue_p85),
                lb.num(s.other_wait),
                verdict,
            ]
        )
        view.step_kinds.append("warning" if s.explained else "")
    view.summary.extend(view.unstable)
    if explained:
        view.summary.append(lb.t("report.queueing.explained", steps=", ".join(explained)))
    if not_explained:
        view.summary.append(lb.t("report.queueing.not_explained", steps=", ".join(not_explained)))
    return view

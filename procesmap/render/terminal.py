"""The terminal report (rich): what a consultant reads right after the workshop."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.colours import HANDOVER_COLOURS, handover_kind
from procesmap.render._labels import Labels

if TYPE_CHECKING:
    from rich.console import Console

    from procesmap.analysis import Analysis

__all__ = ["render_terminal", "print_terminal"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class _Table:
    """A table printed exactly as rich prints ``Table(show_edge=False, box=None, padding=(0, pad))``, faster.

    Rich measures every cell of a table two or three times (minimum and maximum width, then
    again at the chosen width) and renders each through its own console pipeline: for the
    RACI table of a 20-step map that was most of ``procesmap analyse``'s time. Here each
    cell's widths are taken once (its widest line and its longest word), the column widths
    follow rich's own rules (:meth:`rich.table.Table._collapse_widths`, ``ratio_reduce``),
    only a cell wider than its column is wrapped (by rich's ``Text.wrap``), and the lines go
    out as styled segments: the same characters and styles as rich's ``Table``
    (``tests/test_terminal_tables.py`` compares them on random tables and on every bundled
    report). Cells are text, never rich markup.
    """

    def __init__(self, pad: int = 2):
        self.pad = pad
        self.headers: list[str] = []
        self.justify: list[str] = []
        self.no_wrap: list[bool] = []
        self.rows: list[list[Any]] = []

    def add_column(self, header: str = "", justify: str = "left", no_wrap: bool = False) -> None:
        self.headers.append(header)
        self.justify.append(justify)
        self.no_wrap.append(no_wrap)

    def add_row(self, *cells: Any) -> None:
        self.rows.append(list(cells))

    def rich_table(self) -> Any:
        """The same table as a rich ``Table`` (what this class must print alike)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(show_edge=False, box=None, padding=(0, self.pad))
        for header, justify, no_wrap in zip(self.headers, self.justify, self.no_wrap):
            table.add_column(Text(header), justify=justify, no_wrap=no_wrap)  # type: ignore[arg-type]
        for row in self.rows:
            table.add_row(*(Text(c) if isinstance(c, str) else c for c in row))
        return table

    def widths(self, max_width: int) -> list[int] | None:
        """Column widths with padding, as rich chooses them; None where rich would do more than this does."""
        from rich._ratio import ratio_reduce
        from rich.cells import cell_len
        from rich.table import Table

        pad = 2 * self.pad
        if max_width - pad < 1:
            return None
        minimum, maximum = [], []
        for i, header in enumerate(self.headers):
            low = high = 0
            for text in [header] + [c if isinstance(c, str) else c.plain for c in (row[i] for row in self.rows)]:
                lines = text.splitlines()
                widest = max((cell_len(line) for line in lines), default=0)
                words = text.split()
                longest = max((cell_len(word) for word in words), default=widest)
                low = max(low, min(min(longest, max_width) + pad, max_width))
                high = max(high, min(min(widest, max_width) + pad, max_width))
            minimum.append(min(low, max_width))
            maximum.append(min(high, max_width))
        widths = [m or 1 for m in maximum]
        if any(w - pad < 1 for w in widths):
            return None  # an empty column: rich's own way
        if sum(widths) > max_width:
            widths = Table._collapse_widths(widths, [not no_wrap for no_wrap in self.no_wrap], max_width)
            if sum(widths) > max_width:
                widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
            if any(w - pad < 1 for w in widths):
                return None
            widths = [min(high, w) for high, w in zip(maximum, widths)]
        return widths

    def print(self, console: "Console") -> None:
        from rich.cells import cell_len
        from rich.segment import Segment, Segments
        from rich.style import Style
        from rich.text import Text

        cells = [[(c, None) if isinstance(c, str) else (c.plain, c.style) for c in row] for row in self.rows]
        texts = [self.headers] + [[text for text, _ in row] for row in cells]
        widths = None
        if not any("\t" in text or "\r" in text or text != text.strip() for row in texts for text in row):
            widths = self.widths(console.width)
        if widths is None:
            console.print(self.rich_table())
            return
        header_style = console.get_style("table.header")
        space = " " * self.pad
        null = Style()
        segments: list[Any] = []

        def row_lines(row: list[tuple[str, Any]], style: Any, bottom: bool = False) -> None:
            """One row; cells of fewer lines are filled with blank lines below (a header's above)."""
            blocks: list[tuple[list[str], Any, int]] = []
            for (text, cell_style), width, justify, no_wrap in zip(row, widths, self.justify, self.no_wrap):
                inner = width - 2 * self.pad
                body = style
                if cell_style:
                    body = (style or null) + (console.get_style(cell_style) if isinstance(cell_style, str)
                                              else cell_style)
                if "\n" not in text and cell_len(text) <= inner:
                    excess = inner - cell_len(text)
                    if justify == "right":
                        text = " " * excess + text
                    elif justify == "center":
                        text = " " * (excess // 2) + text + " " * (excess - excess // 2)
                    else:
                        text += " " * excess
                    lines = [text]
                else:
                    wrapped = Text(text).wrap(console, inner, justify=justify, overflow="ellipsis",  # type: ignore[arg-type]
                                              no_wrap=no_wrap)
                    lines = [line.plain for line in wrapped]
                blocks.append((lines, body, width))  # the cell's own style is its text's, not its padding's
            height = max(len(lines) for lines, _, _ in blocks)
            for index in range(height):
                for lines, body, width in blocks:
                    at = index - (height - len(lines)) if bottom else index
                    if 0 <= at < len(lines):
                        segments.extend((Segment(space, style), Segment(lines[at], body), Segment(space, style)))
                    else:
                        segments.append(Segment(" " * width, style))
                segments.append(Segment.line())

        row_lines([(h, None) for h in self.headers], header_style, bottom=True)
        for row in cells:
            row_lines(row, None)
        console.print(Segments(segments))


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


#: The most rows the terminal report shows of the handover list and of each severity's findings; the rest
#: is one line that says how many more and points to JSON and HTML, which list every one (docs/format.md).
MAX_TERMINAL_ROWS = 50
#: The largest RACI matrix (steps x roles) the terminal report draws; beyond it, a line points to the other formats.
MAX_TERMINAL_RACI_CELLS = 20_000


def _one(analysis: "Analysis", lb: Labels, console: "Console") -> None:
    from procesmap.i18n import Count
    from rich.panel import Panel
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
        table = _Table(2)
        table.add_column(lb.t("report.level"))
        table.add_column(lb.t("report.transitions"), justify="right")
        table.add_column(lb.t("report.per_case"), justify="right")
        for level, count in handovers.transitions.items():
            table.add_row(lb.t(f"report.level.{level}"), str(count), lb.num(handovers.expected_per_case[level], 2))
        table.print(console)
        table = _Table(2)
        for key in ("report.from", "report.to", "report.levels", "report.via"):
            table.add_column(lb.t(key))
        table.add_column(lb.t("report.per_case"), justify="right")
        shown = handovers.handovers
        if len(shown) > MAX_TERMINAL_ROWS:  # the ones a case meets most often
            shown = sorted(shown, key=lambda h: -(h.per_case or 0.0))[:MAX_TERMINAL_ROWS]
        for h in shown:
            # "over de schutting": to another organisation or to or from an external party, each its own colour
            kind = handover_kind(h.levels, ("organisation", "external"))
            style = HANDOVER_COLOURS[kind] if kind else None
            levels = Text(lb.levels(h.levels), style=style) if style else lb.levels(h.levels)
            table.add_row(lb.step(h.source), lb.step(h.target), levels, h.via or "", lb.num(h.per_case, 2))
        table.print(console)
        if len(handovers.handovers) > len(shown):
            console.print(Text(lb.t("scale.more_handovers", count=Count(len(handovers.handovers) - len(shown))),
                               style="dim"))
    else:
        console.print(lb.t("report.no_handovers"))
    console.print()

    # ownership
    console.print(Text(lb.t("report.ownership"), style="bold"))
    roles = lb.raci_roles()
    cells = len(analysis.ownership.raci) * len(roles)
    if analysis.ownership.raci and cells > MAX_TERMINAL_RACI_CELLS:  # docs/format.md, limits of the work
        from procesmap.i18n import Count

        console.print(Text(lb.t("limits.raci_too_large", steps=Count(len(analysis.ownership.raci)),
                                roles=Count(len(roles)), limit=Count(MAX_TERMINAL_RACI_CELLS)), style="dim"))
    elif analysis.ownership.raci:
        table = _Table(1)
        table.add_column(lb.t("report.step"))
        for role in roles:
            table.add_column(role, justify="center")
        for step_id in analysis.ownership.raci:
            table.add_row(lb.step(step_id), *(lb.raci_cell(step_id, role) for role in roles))
        table.print(console)
        console.print(Text(lb.t("report.raci_legend"), style="dim"))
    spofs = analysis.ownership.single_points_of_failure
    console.print(f"{lb.t('report.spof')}: " + (", ".join(lb.role(r) for r in spofs) if spofs else lb.t("report.spof_none")))
    console.print()

    # time
    console.print(Text(lb.t("report.time"), style="bold"))
    table = _Table(2)
    table.add_column("")
    for col in (lb.t("report.mean"), "p50", "p85", "p95"):
        table.add_column(col, justify="right")
    for key, values in (("report.cycle_time", time.cycle_time), ("report.term_time", time.term_time)):
        table.add_row(f"{lb.t(key)} ({lb.t('report.days')})",
                      *(lb.num(values.get(k)) for k in ("mean", "p50", "p85", "p95")))
    table.print(console)
    rows = lb.term_rows()
    rows.append((lb.t("report.flow_efficiency"), lb.pct(time.flow_efficiency, 1)))
    rows.append((lb.t("report.work_per_case"), f"{lb.num(time.work_per_case_hours)} {lb.t('report.hours')}"))
    if time.wip_total is not None:
        rows.append((lb.t("report.wip_total"), lb.num(time.wip_total)))
    for label, value in rows:
        console.print(f"{label}: {value}")
    console.print(Text(lb.t("report.simulation", cases=lb.num(time.cases, 0), seed=time.seed,
                            means=lb.t("report.means." + time.means_source)), style="dim"))
    console.print()

    console.print(Text(lb.t("report.waits"), style="bold"))
    if time.waits:
        table = _Table(2)
        table.add_column(lb.t("report.step"))
        table.add_column(lb.t("report.wait_per_case"), justify="right")
        table.add_column(lb.t("report.share_of_cycle"), justify="right")
        table.add_column(lb.t("report.wip"), justify="right")
        for wait in time.waits[:8]:
            wip = time.wip.get(wait.step) if time.wip else None
            table.add_row(lb.step(wait.step), lb.num(wait.per_case), lb.pct(wait.share_of_cycle_time), lb.num(wip))
        table.print(console)
    else:
        console.print(lb.t("report.no_waits"))
    console.print()

    console.print(Text(lb.t("report.capacity"), style="bold"))
    capacity = analysis.capacity
    if any(load.utilisation is not None for load in capacity.roles.values()):
        table = _Table(2)
        table.add_column(lb.t("report.role"))
        table.add_column(lb.t("report.demand"), justify="right")
        table.add_column(lb.t("report.capacity_hours"), justify="right")
        table.add_column(lb.t("report.utilisation"), justify="right")
        table.add_column("", no_wrap=True)
        table.add_column("", no_wrap=True)
        for role_id, load in sorted(capacity.roles.items(), key=lambda kv: -(kv[1].utilisation or 0.0)):
            u = load.utilisation
            bar = "█" * min(int(round((u or 0.0) * 20)), 30) + ("▶" if (u or 0.0) > 1.5 else "")
            marked = capacity.marks.get(role_id)
            style = {"overloaded": "red", "bottleneck": "yellow"}.get(marked or "", "green")
            mark = f"← {lb.mark(role_id)}" if marked else ""
            table.add_row(lb.role(role_id), lb.num(load.demand_hours, 0), lb.num(load.capacity_hours, 0), lb.pct(u),
                          Text(bar, style=style), Text(mark, style="bold"))
        table.print(console)
    else:
        console.print(lb.t("report.no_capacity"))
    console.print()

    from procesmap.render.queueing import queueing_view

    view = queueing_view(analysis, lb)
    console.print(Text(view.title, style="bold"))
    console.print(Text(view.note, style="dim"))
    if not view.empty:
        steps = [[row[0]] + row[2:] for row in view.step_rows]  # the role is in the table above
        step_header = [view.step_header_short[0]] + view.step_header_short[2:]
        for header, rows, kinds, text_columns in ((view.role_header_short, view.role_rows, view.role_kinds, 1),
                                                  (step_header, steps, view.step_kinds, 1)):
            table = _Table(2)
            for index, title in enumerate(header):
                table.add_column(title, justify="left" if index < text_columns or index == len(header) - 1 else "right")
            for row, kind in zip(rows, kinds):
                table.add_row(*row)
            table.print(console)
        for line in view.summary:
            console.print(Text(f"- {line}"))
    console.print()

    if process.issues:
        console.print(Text(lb.t("report.knelpunten"), style="bold"))
        table = _Table(2)
        for key in ("report.code", "report.level_col", "report.action", "report.step", "report.message", "report.issue_owner"):
            table.add_column(lb.t(key))
        for issue in process.issues:
            table.add_row(issue.id, lb.t(f"report.issue.{issue.level}") if issue.level else "",
                          lb.t(f"report.issue.{issue.action}") if issue.action else "",
                          lb.step(issue.step) if issue.step else "", issue.text, lb.role(issue.owner) if issue.owner else "")
        table.print(console)
        console.print()

    console.print(Text(lb.t("report.findings"), style="bold"))
    groups = lb.findings_by_severity()
    if not groups:
        console.print(lb.t("report.no_findings"))
    for level, findings in groups:
        # one Text of many lines, printed once: rich wraps each line as it would a print of its own
        block = Text()
        block.append(f"{lb.t('report.severity.' + level)} ({len(findings)})", style=_STYLE[level])
        for f in findings[:MAX_TERMINAL_ROWS]:
            block.append("\n  ")
            block.append(f.code, style=_STYLE[level])
            block.append(f" {f.rule}  ", style="dim")
            block.append(lb.where(f), style="dim")
            block.append(f"\n    {f.message(lb.lang)}")
            block.append("\n")
            block.append(f"    {lb.t('label.hint')}: {f.hint(lb.lang)}", style="dim")
        if len(findings) > MAX_TERMINAL_ROWS:
            block.append("\n  " + lb.t("scale.more_findings", count=Count(len(findings) - MAX_TERMINAL_ROWS)), style="dim")
        console.print(block)
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

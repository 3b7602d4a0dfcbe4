"""The overview across the processes of a repository: key figures per process, load per role and team."""

from __future__ import annotations

import io
import json
import textwrap
from typing import TYPE_CHECKING, Any

from procesmap.i18n import number, percent, t
from procesmap.render.json import finding_dict

if TYPE_CHECKING:
    from rich.console import Console

    from procesmap.repository import Overview

__all__ = ["overview_dict", "render_overview", "print_overview"]


def _r(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4) + 0.0


def overview_dict(result: "Overview", lang: str) -> dict[str, Any]:
    """The overview as plain data (the JSON of ``procesmap overview``; durations in days)."""
    return {
        "format": 1,
        "processes": [
            {
                "id": p.id,
                "name": p.name,
                "file": p.file,
                "steps": p.steps,
                "cycle_time_mean": _r(p.cycle_time_mean),
                "term": _r(p.term),
                "share_over_term": _r(p.share_over_term),
                "share_over_extended_term": _r(p.share_over_extended_term),
                "late_per_year": {k: _r(v) for k, v in p.late_per_year.items()},
                "organisation_handovers_per_case": _r(p.organisation_handovers_per_case),
                "bottleneck": p.bottleneck,
                "highest_utilisation": (
                    {"role": p.highest, "utilisation": _r(p.highest_utilisation), "mark": p.highest_mark}
                    if p.highest
                    else None
                ),
                "findings": {"error": p.errors, "warning": p.warnings, "info": p.infos},
            }
            for p in result.processes
        ],
        "roles": [
            {
                "role": r.role,
                "name": r.name,
                "team": r.team,
                "demand_hours": _r(r.demand_hours),
                "capacity_hours": _r(r.capacity_hours),
                "utilisation": _r(r.utilisation),
                "per_process": {k: _r(v) for k, v in r.per_process.items()},
            }
            for r in result.roles
        ],
        "teams": {
            team: {"demand_hours": _r(d), "capacity_hours": _r(c), "utilisation": _r(u)}
            for team, (d, c, u) in sorted(result.teams.items())
        },
        "findings": [finding_dict(f, lang) for f in result.findings],
    }


def render_overview(result: "Overview", fmt: str, lang: str) -> str:
    if fmt == "json":
        return json.dumps(overview_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(result, lang)
    return _terminal(result, lang)


def _late(late: dict[str, float | None], lang: str) -> str:
    """Late cases per year over the term (and over term + extension, where the process has one)."""
    term, extended = late.get("term"), late.get("extended_term")

    def one(value: float | None) -> str:
        return "-" if value is None else number(value, lang, 0 if value >= 10 else 1)

    return one(term) if extended is None else f"{one(term)} / {one(extended)}"


def _highest(p: Any, lang: str) -> str:
    """``role 87% (bottleneck)`` where PM303/PM304 marked it, else the plain figure ``role 36%``."""
    if not p.highest:
        return "-"
    text = f"{p.highest} {percent(p.highest_utilisation, lang)}"
    return f"{text} ({t('load.mark.' + p.highest_mark, lang)})" if p.highest_mark else text


def _rows(result: "Overview", lang: str) -> tuple[list[str], list[list[str]], list[str], list[list[str]]]:
    head = [
        t("report.process", lang),
        t("report.cycle_time", lang) + f" ({t('report.days', lang)})",
        t("report.share_over_term", lang),
        t("legal.late_short", lang),
        t("summary.col.organisation", lang),
        t("load.highest", lang),
        t("summary.col.findings", lang),
    ]
    rows = [
        [
            p.id,
            number(p.cycle_time_mean, lang),
            percent(p.share_over_term, lang, 1),
            _late(p.late_per_year, lang),
            number(p.organisation_handovers_per_case, lang, 2),
            _highest(p, lang),
            f"{p.errors}/{p.warnings}/{p.infos}",
        ]
        for p in result.processes
    ]
    role_head = [
        t("report.role", lang),
        t("report.demand", lang),
        t("report.capacity_hours", lang),
        t("report.utilisation", lang),
        t("report.processes", lang),
    ]
    role_rows = [
        [
            r.role,
            number(r.demand_hours, lang, 0),
            number(r.capacity_hours, lang, 0),
            percent(r.utilisation, lang),
            ", ".join(f"{pid} {number(v, lang, 0)}" for pid, v in r.per_process.items()),
        ]
        for r in result.roles
    ]
    return head, rows, role_head, role_rows


def _markdown(result: "Overview", lang: str) -> str:
    from procesmap.render.markdown import md  # lazy: the Markdown renderer loads only when Markdown is asked for

    head, rows, role_head, role_rows = _rows(result, lang)
    lines = [f"# {t('report.overview_title', lang)}", ""]
    for header, body in ((head, rows), (role_head, role_rows)):
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines.extend("| " + " | ".join(md(cell) for cell in row) + " |" for row in body)
        lines.append("")
    lines.append(f"## {t('report.findings', lang)}")
    lines.append("")
    if not result.findings:
        lines.append(t("report.no_findings", lang))
    for f in result.findings:
        lines.append(f"- **{f.code}** `{f.file}:{f.line}:{f.column}` {md(f.message(lang))}")
    return "\n".join(lines).rstrip() + "\n"


def _terminal(result: "Overview", lang: str) -> str:
    """Plain text at 140 columns (``--output overview.txt``): :func:`print_overview` into a buffer."""
    from procesmap.render._console import make_console  # lazy: rich loads only for terminal output

    buffer = io.StringIO()
    print_overview(result, lang, make_console(buffer, width=140))
    return buffer.getvalue()


#: below this many columns the seven columns of the processes' table leave an id a few characters per line
#: ("bezw", "aars", ...): each process is a block of its own instead (:func:`_print_blocks`)
NARROW = 90


def _print_blocks(title: str, header: list[str], rows: list[list[str]], console: "Console") -> None:
    """The processes' table for a narrow terminal: per process its id on a line of its own, then one
    ``label  value`` line per figure (a label or value too long for the width folds onto the next line)."""
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    labels = [" ".join(label.split()) for label in header[1:]]
    # one width for the labels of every block, so that the values line up; at most half the terminal
    width = min(max(len(label) for label in labels), max(console.width // 2 - 3, 10))
    console.print(Text(title))
    for row in rows:
        console.print(Text(" " + row[0]))
        grid = Table.grid(padding=(0, 2, 0, 0))
        grid.add_column(width=1)
        grid.add_column(overflow="fold", width=width)
        grid.add_column(overflow="fold", ratio=1)
        for label, value in zip(labels, row[1:]):
            grid.add_row("", Text(label), Text(value))
        console.print(grid)
    console.print()


def print_overview(result: "Overview", lang: str, console: "Console") -> None:
    """The overview on ``console`` at its width: a cell too wide for its column folds onto the next line (a
    process or role id stays whole, as it is typed after ``--set``); names and messages print as written."""
    from rich.cells import cell_len  # lazy: rich loads only for terminal output
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    head, rows, role_head, role_rows = _rows(result, lang)
    tables = [
        (t("report.overview_title", lang), head, rows, {0, 5, len(head) - 1}),
        (t("report.capacity_across", lang), role_head, role_rows, {0, len(role_head) - 1}),
    ]
    if console.width < NARROW:
        _print_blocks(t("report.overview_title", lang), head, rows, console)
        tables = tables[1:]
    # the columns of ids and names (process, highest load, findings; role, processes): the rest are figures
    for title, header, body, texts in tables:
        table = Table(title=Text(title), title_justify="left", show_edge=False)
        for index, column in enumerate(header):
            # a figure stays on one line under a header wrapped to its width (at least 10 columns); ids and names
            # take the rest of the width and fold where they must (an id stays whole in its characters)
            text = index in texts
            widest = max([cell_len(row[index]) for row in body] + [10])
            label = column if text else "\n".join(textwrap.wrap(column, widest, break_long_words=False))
            table.add_column(
                Text(label),
                justify="left" if text else "right",
                overflow="fold",
                no_wrap=not text,
                ratio=1 if text else None,
            )
        for row in body:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        console.print()
    console.print(Text(t("report.findings", lang)))
    if not result.findings:
        console.print(Text("  " + t("report.no_findings", lang)))
    for f in result.findings:
        console.print(Text(f"  {f.code} {f.rule}  {f.file}:{f.line}:{f.column}"))
        console.print(Text(f"    {f.message(lang)}"))
        console.print(Text(f"    {t('label.hint', lang)}: {f.hint(lang)}"))

"""Rendering a :class:`~procesmap.diff.MapDiff`: terminal (rich), Markdown (a merge-request comment), JSON.

Formatting only: every figure, delta and match was computed by :func:`procesmap.diff.compare`.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.i18n import number, percent, t
from procesmap.diff import diff_dict

if TYPE_CHECKING:
    from rich.console import Console

    from procesmap.analysis import Finding
    from procesmap.diff import FigureChange, MapDiff

__all__ = [
    "DIFF_FORMATS",
    "render_diff",
    "diff_dict",
    "render_diff_json",
    "render_diff_markdown",
    "render_diff_terminal",
    "print_diff",
    "HEADLINE",
]


DIFF_FORMATS = ("terminal", "markdown", "json")
HEADLINE = (
    "handovers.per_case.role",
    "handovers.per_case.organisation",
    "handovers.per_case.manual",
    "time.cycle_time.mean",
    "time.term_time.mean",
    "time.term_time.p95",
    "time.share_over_term",
    "time.late_per_year_term",
    "capacity.bottleneck",
)
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_diff(diff: "MapDiff", fmt: str, lang: str) -> str:
    """``fmt``: terminal (plain text), markdown or json."""
    if fmt == "json":
        return render_diff_json(diff, lang)
    if fmt == "markdown":
        return render_diff_markdown(diff, lang)
    if fmt == "terminal":
        return render_diff_terminal(diff, lang)
    raise ValueError(fmt)


# -- values --------------------------------------------------------------------------------------


def _scalar(value: Any, lang: str) -> str:
    if value is None:
        return t("versions.diff.unset", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", ",") if lang == "nl" else text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v, lang)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v, lang) for v in value) + "]"
    return str(value)


def _figure_label(figure: "FigureChange", lang: str) -> str:
    head = figure.id.rsplit(".", 1)[0]
    if head == "handovers.per_case":
        return t("versions.diff.handovers_per_case", lang, level=t(f"report.level_short.{figure.args['level']}", lang))
    if head in ("time.cycle_time", "time.term_time"):
        stat = figure.args["stat"]
        shown = t("report.mean", lang) if stat == "mean" else stat
        return t(f"versions.diff.{head.split('.')[1]}", lang, stat=shown)
    if head == "capacity.utilisation":
        return t("versions.diff.utilisation", lang, role=figure.args["role"])
    return t(f"versions.diff.{figure.id.split('.')[-1]}", lang)


def _value(figure: "FigureChange", value: Any, lang: str) -> str:
    if value is None:
        return "-"
    if figure.unit in ("share", "utilisation"):
        return percent(value, lang, 1)
    if figure.unit in ("days", "hours"):
        return number(value, lang, 1)
    if figure.unit == "count":
        return number(value, lang, 2)
    return str(value)


def _delta(figure: "FigureChange", lang: str) -> str:
    if figure.delta is None:
        return "≠" if figure.changed else "="
    if figure.delta == 0:
        return "="
    sign = "+" if figure.delta > 0 else "−"
    size = abs(figure.delta)
    share = figure.unit in ("share", "utilisation")
    shown = size * 100.0 if share else size
    digits = 2 if figure.unit == "count" else 1
    while digits < 4 and round(shown, digits) == 0:  # a change that rounds to 0 shows its first digit: −0,04, not −0,0
        digits += 1
    return f"{sign}{number(shown, lang, digits)}" + (" pp" if share else "")


def _field_text(fields: Any, lang: str) -> str:
    return "; ".join(
        t(
            "versions.diff.field_change",
            lang,
            field=f.field,
            before=_scalar(f.before, lang),
            after=_scalar(f.after, lang),
        )
        for f in fields
    )


def _map_headers(lang: str) -> tuple[str, str, str, str]:
    """The headers of the map's changes (:func:`_map_rows`), one for every column, in both formats."""
    return (
        t("versions.diff.what", lang),
        t("versions.diff.id", lang),
        t("versions.diff.change", lang),
        t("versions.diff.details", lang),
    )


def _map_rows(diff: "MapDiff", lang: str) -> list[tuple[str, str, str, str]]:
    """(kind, subject, change, details) for every change in the map."""
    rows = []
    for entity in diff.entities:
        rows.append(
            (
                t(f"versions.diff.kind.{entity.kind}", lang),
                entity.id,
                t(f"versions.diff.{entity.change}", lang),
                _field_text(entity.fields, lang),
            )
        )
    for transition in diff.transitions:
        rows.append(
            (
                t("versions.diff.kind.transition", lang),
                f"{transition.source} -> {transition.target}",
                t(f"versions.diff.{transition.change}", lang),
                _field_text(transition.fields, lang),
            )
        )
    for change in diff.raci:
        rows.append(
            (
                t("versions.diff.kind.raci", lang),
                change.step,
                t("versions.diff.changed", lang),
                t(
                    "versions.diff.field_change",
                    lang,
                    field=change.letter,
                    before=_scalar(change.before, lang),
                    after=_scalar(change.after, lang),
                ),
            )
        )
    return rows


def _counts(diff: "MapDiff", lang: str) -> str:
    return t(
        "versions.diff.findings_counts",
        lang,
        new=len(diff.new_findings),
        resolved=len(diff.resolved_findings),
        unchanged=len(diff.unchanged_findings),
    )


# -- JSON ----------------------------------------------------------------------------------------


def render_diff_json(diff: "MapDiff", lang: str) -> str:
    return json.dumps(diff_dict(diff, lang), ensure_ascii=False, indent=2) + "\n"


# -- Markdown ------------------------------------------------------------------------------------


def _md(text: Any) -> str:
    from procesmap.render.markdown import md  # lazy: the Markdown renderer loads only when Markdown is asked for

    return md(text)


def _md_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return lines


def _finding_line(finding: "Finding", lang: str) -> str:
    return (
        f"- **{finding.code}** {t('label.' + finding.severity.value, lang)} {_md(finding.subject)}: "
        f"{_md(finding.message(lang))}"
    )


def render_diff_markdown(diff: "MapDiff", lang: str) -> str:
    """A merge-request comment: a short summary table on top, then the details."""
    by_id = {f.id: f for f in diff.figures}
    lines = [
        f"## {_md(t('versions.diff.title', lang, process=diff.new.process))}",
        "",
        _md(t("versions.diff.compared", lang, old=diff.old.label, new=diff.new.label)),
        "",
    ]
    if not diff.changed:
        lines += [t("versions.diff.no_changes", lang)]
        return "\n".join(lines) + "\n"
    summary: list[tuple[str, ...]] = []
    for figure_id in HEADLINE:
        figure = by_id.get(figure_id)
        if figure is not None:
            summary.append(
                (
                    _figure_label(figure, lang),
                    _value(figure, figure.before, lang),
                    _value(figure, figure.after, lang),
                    _delta(figure, lang),
                )
            )
    lines += _md_table(
        (
            t("versions.diff.figure", lang),
            t("versions.diff.before", lang),
            t("versions.diff.after", lang),
            t("versions.diff.delta", lang),
        ),
        summary,
    )
    rows = _map_rows(diff, lang)
    lines += [
        "",
        f"{t('versions.diff.map_counts', lang, count=len(rows))} · {t('versions.diff.findings', lang)}: "
        f"{_counts(diff, lang)}",
        "",
        f"### {t('versions.diff.map', lang)}",
        "",
    ]
    if rows:
        lines += _md_table(_map_headers(lang), rows)
    else:
        lines.append(t("versions.diff.map_none", lang))
    lines += ["", f"### {t('versions.diff.figures', lang)}", ""]
    changed = diff.changed_figures
    if changed:
        lines += _md_table(
            (
                t("versions.diff.figure", lang),
                t("versions.diff.before", lang),
                t("versions.diff.after", lang),
                t("versions.diff.delta", lang),
            ),
            [
                (_figure_label(f, lang), _value(f, f.before, lang), _value(f, f.after, lang), _delta(f, lang))
                for f in changed
            ],
        )
    else:
        lines.append(t("versions.diff.figures_none", lang))
    lines += ["", f"### {t('versions.diff.findings', lang)}", ""]
    for key, items in (("findings_new", diff.new_findings), ("findings_resolved", diff.resolved_findings)):
        lines.append(f"**{t('versions.diff.' + key, lang)}** ({len(items)})")
        lines.append("")
        lines += [_finding_line(f, lang) for f in items] or [f"- {t('versions.diff.none', lang)}"]
        lines.append("")
    if diff.unchanged_findings:
        lines += [
            f"<details><summary>{t('versions.diff.findings_unchanged', lang)} "
            f"({len(diff.unchanged_findings)})</summary>",
            "",
        ]
        lines += [_finding_line(f, lang) for f in diff.unchanged_findings]
        lines += ["", "</details>"]
    return "\n".join(lines).rstrip() + "\n"


# -- terminal ------------------------------------------------------------------------------------


def render_diff_terminal(diff: "MapDiff", lang: str, *, width: int = 120) -> str:
    """The terminal diff as plain text (no colour)."""
    from procesmap.render._console import make_console  # lazy: rich loads only for terminal output

    buffer = io.StringIO()
    print_diff(diff, lang, make_console(buffer, width=width))
    return buffer.getvalue()


def print_diff(diff: "MapDiff", lang: str, console: "Console") -> None:
    from rich.padding import Padding  # lazy: rich loads only for terminal output
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    console.print(Text(t("versions.diff.title", lang, process=diff.new.process), style="bold"))
    console.print(Text(t("versions.diff.compared", lang, old=diff.old.label, new=diff.new.label)))
    if not diff.changed:
        console.print(Text(t("versions.diff.no_changes", lang)))
        return
    rows = _map_rows(diff, lang)
    console.print(
        Text(
            f"{t('versions.diff.map_counts', lang, count=len(rows))}; "
            f"{t('versions.diff.findings', lang).lower()}: {_counts(diff, lang)}"
        )
    )
    console.print()
    console.print(Text(t("versions.diff.map", lang), style="bold"))
    if rows:
        table = Table(show_edge=False, pad_edge=False)
        for header in _map_headers(lang):
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
    else:
        console.print(Text(t("versions.diff.map_none", lang)))
    console.print()
    console.print(Text(t("versions.diff.figures", lang), style="bold"))
    changed = diff.changed_figures
    if changed:
        table = Table(show_edge=False, pad_edge=False)
        table.add_column(t("versions.diff.figure", lang))
        for header in ("before", "after", "delta"):
            table.add_column(t(f"versions.diff.{header}", lang), justify="right")
        for figure in changed:
            table.add_row(
                Text(_figure_label(figure, lang)),
                _value(figure, figure.before, lang),
                _value(figure, figure.after, lang),
                _delta(figure, lang),
            )
        console.print(table)
    else:
        console.print(Text(t("versions.diff.figures_none", lang)))
    console.print()
    console.print(Text(f"{t('versions.diff.findings', lang)}: {_counts(diff, lang)}", style="bold"))
    for key, items in (("findings_new", diff.new_findings), ("findings_resolved", diff.resolved_findings)):
        if not items:
            continue
        console.print(Text(t("versions.diff." + key, lang), style="bold"))
        # a grid: a message wider than the terminal goes on under its own text, not at column 0
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for finding in items:
            grid.add_row(
                Text(
                    f"{finding.code} {t('label.' + finding.severity.value, lang)}",
                    style=_STYLE.get(finding.severity.value, ""),
                ),
                Text(f"{finding.subject}: {finding.message(lang)}"),
            )
        console.print(Padding(grid, (0, 0, 0, 2)))

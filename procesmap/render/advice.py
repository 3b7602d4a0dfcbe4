"""What helps most, rendered: the ``procesmap advise`` output and the report section.

Nothing is computed here: every figure comes from :class:`procesmap.advice.Advice` (the interventions,
ranked, with their figures before and after); this module only formats them, in one language.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.i18n import number, percent, t
from procesmap.i18n import Count
import shlex
import textwrap

if TYPE_CHECKING:
    from procesmap.advice import Advice, Intervention
    from procesmap.render._document import Section
    from procesmap.render._labels import Labels

__all__ = ["ADVICE_FORMATS", "render_advice", "advice_section", "advice_rows", "reproduce"]

ADVICE_FORMATS = ("terminal", "markdown", "json", "html")


def _share(value: float | None, lang: str) -> str:
    return percent(value, lang, 1)


def _days(value: float | None, lang: str) -> str:
    return number(value, lang, 1)


def advice_header(lang: str) -> list[str]:
    return [
        t("advise.rank", lang),
        t("advise.intervention", lang),
        t("advise.fte", lang),
        t("advise.over_term", lang),
        t("advise.over_extended", lang),
        t("advise.p85", lang),
        t("advise.mean", lang),
    ]


def advice_rows(advice: "Advice", lang: str) -> list[list[str]]:
    """One row of formatted strings per intervention: rank, description, fte, and each figure before → after."""
    rows = []
    for rank, item in enumerate(advice.interventions, 1):
        b, a = item.before, item.after
        rows.append(
            [
                str(rank),
                item.candidate.description(lang),
                number(item.candidate.fte, lang, 1),
                t("advise.change", lang, before=_share(b.share_over_term, lang), after=_share(a.share_over_term, lang)),
                t(
                    "advise.change",
                    lang,
                    before=_share(b.share_over_extended_term, lang),
                    after=_share(a.share_over_extended_term, lang),
                ),
                t("advise.change", lang, before=_days(b.cycle_p85, lang), after=_days(a.cycle_p85, lang)),
                t("advise.change", lang, before=_days(b.cycle_mean, lang), after=_days(a.cycle_mean, lang)),
            ]
        )
    return rows


def reproduce(advice: "Advice", item: "Intervention") -> str:
    """The command line that reproduces an intervention's "after" figures."""

    parts = ["procesmap", "analyse", advice.analysis.process.file]
    for assignment in item.candidate.set:
        parts += ["--set", assignment]
    if advice.seed:
        parts += ["--seed", str(advice.seed)]
    if advice.cases != 10_000:
        parts += ["--cases", str(advice.cases)]
    return " ".join(shlex.quote(p) for p in parts)


def _before_line(advice: "Advice", lang: str) -> str:
    b = advice.before
    return t(
        "advise.before_line",
        lang,
        over_term=_share(b.share_over_term, lang),
        over_extended=_share(b.share_over_extended_term, lang),
        p85=_days(b.cycle_p85, lang),
        mean=_days(b.cycle_mean, lang),
    )


def _method(advice: "Advice", lang: str) -> str:
    key = "advise.method_analytic" if advice.screening == "analytic" else "advise.method"
    return t(
        key,
        lang,
        candidates=Count(advice.candidates),
        screen=Count(advice.screen_cases),
        simulated=advice.simulated,
        cases=Count(advice.cases),
        seed=advice.seed,
    )


def _notes(advice: "Advice", lang: str) -> list[str]:
    notes = []
    if not advice.interventions:
        notes.append(t("advise.none", lang))
    elif advice.best is None:
        notes.append(t("advise.nothing_helps", lang))
    if advice.analysis.time.term is None:
        notes.append(t("advise.no_term", lang))
    return notes


def advice_section(advice: "Advice", lb: "Labels") -> "Section":
    """The report section "What helps most": the ranked table, how to reproduce each row, and the chart of
    the cycle time before and after the best intervention."""
    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        Chart,
        Section,
        Table,
        Text,
    )

    lang = lb.lang
    section = Section("advice", t("advise.title", lang))
    section.blocks.append(Text(_before_line(advice, lang)))
    for note in _notes(advice, lang):
        section.blocks.append(Text(note))
    if advice.interventions:
        rows = advice_rows(advice, lang)
        kinds = ["" if item.helps else "muted" for item in advice.interventions]
        section.blocks.append(Table(advice_header(lang), rows, numeric=frozenset({0, 2, 3, 4, 5, 6}), row_kinds=kinds))
        commands = Table(
            [t("advise.rank", lang), t("advise.set", lang)],
            [[str(rank), reproduce(advice, item)] for rank, item in enumerate(advice.interventions, 1)],
            numeric=frozenset({0}),
            kind="code",
        )
        section.blocks.append(commands)
    best = advice.best
    if best is not None and best.cycle_samples is not None and advice.analysis.time.cycle_samples is not None:
        section.blocks.append(
            Chart("advice_chart", t("advise.chart_title", lang, intervention=best.candidate.description(lang)))
        )
    section.blocks.append(Text(_method(advice, lang), "note"))
    return section


def render_advice(advices: "Sequence[Advice]", fmt: str, lang: str) -> str:
    """``procesmap advise`` output in ``fmt`` (one of :data:`ADVICE_FORMATS`)."""
    if fmt == "json":
        from procesmap.advice import advice_dicts  # lazy: the advice loads only with --advise

        return json.dumps(advice_dicts(advices, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return "\n".join(_markdown(a, lang) for a in advices)
    if fmt == "html":
        from procesmap.render.html import (  # lazy: the HTML renderer (Jinja2) loads only when HTML is asked for
            render_html,
        )

        analyses = []
        for advice in advices:
            advice.analysis.advice = advice
            analyses.append(advice.analysis)
        return render_html(analyses, lang, sections=("advice",))
    if fmt == "terminal":
        from procesmap.render._console import make_console  # lazy: rich loads only for terminal output

        buffer = io.StringIO()
        print_advice(advices, lang, make_console(buffer))
        return buffer.getvalue()
    raise ValueError(fmt)


def print_advice(advices: "Sequence[Advice]", lang: str, console: Any) -> None:
    """The terminal table of each map's advice."""
    from rich.text import Text  # lazy: rich loads only for terminal output

    for index, advice in enumerate(advices):
        if index:
            console.rule()
        process = advice.analysis.process
        console.print(Text(f"{t('advise.title', lang)}: {process.name or process.id} ({process.file})", style="bold"))
        console.print(Text(_before_line(advice, lang)))
        for note in _notes(advice, lang):
            console.print(Text(note))
        if advice.interventions:
            _print_interventions(advice, lang, console)
            console.print(Text(t("advise.set", lang), style="bold"))
            for rank, item in enumerate(advice.interventions, 1):
                console.print(Text(f"{rank:>3}. {reproduce(advice, item)}"), soft_wrap=True)
        console.print(Text(_method(advice, lang), style="dim"))


def _print_interventions(advice: "Advice", lang: str, console: Any) -> None:
    """The ranked interventions as a table at the console's width.

    A figure "before → after" stays on one line and its header wraps to the figures' width, which leaves the
    room to the descriptions (at least :data:`_MIN_DESCRIPTION` columns). On a screen too narrow for that, each
    intervention is a block instead: its rank and description, then its figures on a line of their own.
    """
    from rich.cells import cell_len  # lazy: rich loads only for terminal output
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    rows = advice_rows(advice, lang)
    header = advice_header(lang)
    shown = _terminal_columns(advice)
    widest = {c: max(cell_len(row[c]) for row in rows) for c in shown if c != 1}
    if sum(widest.values()) + _MIN_DESCRIPTION + 2 * len(shown) > console.width:
        blocks = Table.grid(padding=(0, 1))
        blocks.add_column(justify="right", min_width=3)
        blocks.add_column(ratio=1, overflow="fold")
        for row, item in zip(rows, advice.interventions):
            figures = " · ".join(f"{header[c]}: {row[c]}" for c in shown if c > 2)
            cost = f" ({row[2]} {header[2]})" if item.candidate.fte else ""  # no "(0,0 fte)" after a rework or a wait
            text = Text(f"{row[1]}{cost}\n{figures}")
            blocks.add_row(Text(f"{row[0]}."), text, style=None if item.helps else "dim")
        console.print(blocks)
        return
    table = Table(show_edge=False, box=None, padding=(0, 1))
    for c in shown:
        if c == 1:
            table.add_column(Text(header[c]), min_width=_MIN_DESCRIPTION, ratio=1, overflow="fold")
        else:
            head = "\n".join(textwrap.wrap(header[c], width=widest[c], break_long_words=False)) or header[c]
            table.add_column(Text(head), justify="right", no_wrap=True)
    for row, item in zip(rows, advice.interventions):
        table.add_row(*(Text(row[c]) for c in shown), style=None if item.helps else "dim")
    console.print(table)


#: The narrowest the descriptions' column of the terminal table may be (a screen narrower gets blocks).
_MIN_DESCRIPTION = 24


def _terminal_columns(advice: "Advice") -> list[int]:
    """The columns of :func:`advice_header` the terminal shows: a share over the term (or over term +
    extension) that no intervention has, before or after, because the map has no term (or no extension),
    is left out there; the note above the table says why. Markdown, HTML and JSON keep every column."""
    outcomes = [advice.before] + [o for item in advice.interventions for o in (item.before, item.after)]
    shown = [0, 1, 2]
    for column, field in ((3, "share_over_term"), (4, "share_over_extended_term")):
        if any(getattr(o, field) is not None for o in outcomes):
            shown.append(column)
    return shown + [5, 6]


def _markdown(advice: "Advice", lang: str) -> str:
    from procesmap.render.markdown import md  # lazy: the Markdown renderer loads only when Markdown is asked for

    process = advice.analysis.process
    lines = [
        f"## {md(t('advise.title', lang))}: {md(process.name or process.id)}",
        "",
        md(_before_line(advice, lang)),
        "",
    ]
    for note in _notes(advice, lang):
        lines += [md(note), ""]
    if advice.interventions:
        header = advice_header(lang)
        lines.append("| " + " | ".join(md(h) for h in header) + " |")
        lines.append("|" + "|".join("---:" if c != 1 else "---" for c in range(len(header))) + "|")
        for row in advice_rows(advice, lang):
            lines.append("| " + " | ".join(md(cell) for cell in row) + " |")
        lines += ["", f"**{md(t('advise.set', lang))}**", ""]
        for rank, item in enumerate(advice.interventions, 1):
            lines.append(f"{rank}. `{reproduce(advice, item)}`")
        lines.append("")
    lines += [f"_{md(_method(advice, lang))}_", ""]
    return "\n".join(lines)

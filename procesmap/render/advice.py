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
        from rich.console import Console  # lazy: rich loads only for terminal output

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=120,
            force_terminal=False,
            color_system=None,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
        print_advice(advices, lang, console)
        return buffer.getvalue()
    raise ValueError(fmt)


def print_advice(advices: "Sequence[Advice]", lang: str, console: Any) -> None:
    """The terminal table of each map's advice."""
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    for index, advice in enumerate(advices):
        if index:
            console.rule()
        process = advice.analysis.process
        console.print(Text(f"{t('advise.title', lang)}: {process.name or process.id} ({process.file})", style="bold"))
        console.print(_before_line(advice, lang), markup=False)
        for note in _notes(advice, lang):
            console.print(note, markup=False)
        if advice.interventions:
            table = Table(show_edge=False, box=None, padding=(0, 1))
            for c, head in enumerate(advice_header(lang)):
                if c == 1:
                    table.add_column(head, min_width=44, ratio=1, overflow="fold")
                else:
                    table.add_column(head, justify="right", no_wrap=True)
            for row, item in zip(advice_rows(advice, lang), advice.interventions):
                table.add_row(*row, style=None if item.helps else "dim")
            console.print(table)
            console.print(Text(t("advise.set", lang), style="bold"))
            for rank, item in enumerate(advice.interventions, 1):
                console.print(f"{rank:>3}. {reproduce(advice, item)}", markup=False, soft_wrap=True)
        console.print(Text(_method(advice, lang), style="dim"), soft_wrap=True)


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

"""The Markdown report, for a wiki page or a merge-request comment.

Built from the same section model as the HTML, PDF and terminal reports
(:mod:`procesmap.render._document`): the summary first, then every section; tables
become Markdown tables, pictures are left out (their figures are in the tables).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.render._document import (
    Bullets,
    Chart,
    Diagram,
    Facts,
    ProcessDoc,
    ReportDoc,
    Section,
    Table,
    Text,
    build_document,
)
from procesmap.i18n import t

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_markdown", "md"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(text: Any) -> str:
    """Escape user text for a Markdown table cell: no markup, no HTML, no broken tables."""
    value = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", value)


def _table(table: Table) -> list[str]:
    align = [
        "---:" if c in table.numeric else ":---:" if table.kind == "raci" and c else "---"
        for c in range(len(table.header))
    ]
    lines = ["| " + " | ".join(md(h) for h in table.header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in table.rows]
    if table.key:
        lines += ["", "; ".join(f"{md(short)} = {md(name)}" for short, name in table.key)]
    return lines + [""]


def _blocks(blocks: Sequence[Any], level: int) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Section):
            if block.blocks and all(isinstance(b, (Chart, Diagram)) for b in block.blocks):
                continue  # a picture only (the swimlane): the other formats draw it
            lines += [f"{'#' * min(level, 6)} {md(block.title)}", ""]
            lines += _blocks(block.blocks, level + 1)
        elif isinstance(block, Table):
            lines += _table(block)
        elif isinstance(block, Facts):
            lines += [f"- **{md(label)}**: {md(value)}" for label, value in block.items] + [""]
        elif isinstance(block, Bullets):
            lines += [f"- {md(item)}" for item in block.items] + [""]
        elif isinstance(block, Text):
            lines += [f"_{md(block.text)}_" if block.kind == "note" else md(block.text), ""]
        elif isinstance(block, (Chart, Diagram)):
            continue  # pictures: their figures are in the tables
    return lines


def _process(pdoc: ProcessDoc, level: int) -> list[str]:
    lines = [f"{'#' * level} {md(pdoc.title)} (`{pdoc.subtitle}`)", ""]
    return lines + _blocks(pdoc.sections, level + 1)


def markdown_document(doc: ReportDoc) -> str:
    lines: list[str] = []
    top = 1
    if doc.overview is not None:
        lines += [f"# {md(t('report.all_processes', doc.lang))}", ""]
        lines += _blocks(doc.overview_sections, 2)
        top = 2
    for pdoc in doc.processes:
        lines += _process(pdoc, top)
    if doc.overview is not None:  # the last line: every finding counted, those on the maps together too
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in [f for pdoc in doc.processes for f in pdoc.analysis.findings] + list(doc.across_findings):
            counts[finding.severity.value] += 1
        lines += [
            "---",
            "",
            t(
                "report.summary",
                doc.lang,
                processes=len(doc.processes),
                errors=counts["error"],
                warnings=counts["warning"],
                infos=counts["info"],
            ),
        ]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_markdown(analyses: "Sequence[Analysis]", lang: str) -> str:
    return markdown_document(build_document(analyses, lang))

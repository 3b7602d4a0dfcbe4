"""Work limits of the PDF report (issue #19), checked before a page is laid out.

ReportLab lays out a table row by row and splits long tables over pages again and again: the PDF report of a
20,000-step chain (tables of 20,000 rows) took 243 s, and a RACI matrix of 1,000 roles ended in a ReportLab
error (no width left for a column). Above :data:`MAX_PDF_TABLE_ROWS` rows in one table, or
:data:`MAX_PDF_RACI_ROLES` roles in the RACI matrix, ``analyse -f pdf`` ends with exit code 2 and a message
that names the limit and the formats that hold any map (HTML, Markdown, JSON), before any work on the PDF.

The HTML, Markdown and terminal reports are built from the same section model (:mod:`procesmap.render._document`),
which bounds them as it builds them: a RACI matrix of more than :data:`MAX_REPORT_RACI_CELLS` cells (steps x
roles; 2,000 x 1,000 made the HTML report take 11.6 s) becomes a list of each step's roles, and a table of more
than :data:`MAX_REPORT_TABLE_ROWS` rows keeps its most important rows (or its first); a note in the report's
language says what was left out and that the JSON report holds every figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from procesmap.errors import UsageError

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = [
    "MAX_PDF_TABLE_ROWS",
    "MAX_PDF_RACI_ROLES",
    "MAX_REPORT_TABLE_ROWS",
    "MAX_REPORT_RACI_CELLS",
    "ReportTooLarge",
    "check_pdf_report",
]

#: The most rows of one table of the PDF report (steps, handovers, findings, the RACI matrix).
MAX_PDF_TABLE_ROWS = 1_000
#: The most roles (columns) of the RACI matrix of the PDF report: on an A4 page each keeps room for its letter.
MAX_PDF_RACI_ROLES = 60
#: The most rows of one table of the HTML, Markdown and terminal reports; the rest is left out with a note.
MAX_REPORT_TABLE_ROWS = 5_000
#: The most cells (steps x roles) of the RACI matrix of the HTML, Markdown and terminal reports; above, a list.
MAX_REPORT_RACI_CELLS = 200_000


class ReportTooLarge(UsageError):
    """A report over one of its work limits: exit code 2, nothing written."""


def check_pdf_report(analyses: "Sequence[Analysis]") -> None:
    """Raise :class:`ReportTooLarge` when a map's PDF report would pass a limit above; before any page work."""
    from procesmap.i18n import Count, Key  # lazy: the catalogue loads when a message is made

    for analysis in analyses:
        tables = {
            "steps": len(analysis.process.steps),
            "handovers": len(analysis.handovers.handovers),
            "findings": len(analysis.findings),
        }
        kind, rows = max(tables.items(), key=lambda item: item[1])
        if rows > MAX_PDF_TABLE_ROWS:
            raise ReportTooLarge(
                "bounds.pdf_rows",
                "bounds.hint.pdf_rows",
                process=analysis.process.id,
                rows=Count(rows),
                table=Key(f"bounds.table.{kind}"),
                limit=Count(MAX_PDF_TABLE_ROWS),
            )
        used: set[str] = set()
        for row in analysis.ownership.raci.values():
            used.update(r for r in (row.R, row.A, *row.C, *row.I) if r)
        if len(used) > MAX_PDF_RACI_ROLES:
            raise ReportTooLarge(
                "bounds.pdf_raci",
                "bounds.hint.pdf_rows",
                process=analysis.process.id,
                roles=Count(len(used)),
                limit=Count(MAX_PDF_RACI_ROLES),
            )

"""A map -> an Excel workbook (openpyxl): the tables that read back into the same map, and for reading and
printing the RACI matrix, the findings and the key figures. ``template_xlsx`` gives the empty tables."""

from __future__ import annotations

import datetime
import io
from typing import Any

from procesmap.i18n import t
from procesmap.model import STEP_TYPES
from procesmap.sheet._layout import COLUMNS, PROCESS_FIELDS, SHEETS, duration_text, list_text, next_text

__all__ = ["export_xlsx", "template_xlsx"]


def _t(key: str, lang: str, **args: Any) -> str:
    return t(key, lang, **args)


def _style_table(sheet: Any, widths: list[int], rows: int, *, landscape: bool = True) -> None:
    """Header bold on grey, frozen, filtered, wrapped text, columns sized; printed landscape on one page wide
    with the header repeated on every page."""
    from openpyxl.styles import (  # lazy: openpyxl loads only when a workbook is read or written
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )
    from openpyxl.utils import get_column_letter  # lazy: openpyxl loads only when a workbook is read or written

    thin = Side(style="thin", color="BBBBBB")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        head = sheet.cell(row=1, column=index)
        head.font = Font(bold=True)
        head.fill = PatternFill("solid", fgColor="DDE4EE")
        head.alignment = Alignment(vertical="top", wrap_text=True)
        head.border = Border(bottom=thin)
    for row in sheet.iter_rows(min_row=2, max_row=rows + 1, max_col=len(widths)) if rows else ():
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "B2" if len(widths) > 1 else "A2"
    if widths:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{max(rows, 1) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True


def _table(book: Any, kind: str, lang: str, rows: list[list[Any]]) -> Any:
    sheet = book.create_sheet(SHEETS[kind][1 if lang == "nl" else 0])
    columns = COLUMNS[kind]
    sheet.append([c.header(lang) for c in columns])
    for row in rows:
        sheet.append(row)
    _style_table(sheet, [c.width for c in columns], len(rows))
    return sheet


def _cell(column_kind: str, value: Any, lang: str) -> Any:
    if value is None or value == [] or value is False:
        return None
    if column_kind == "duration":
        return duration_text(value)
    if column_kind in ("ids",):
        return list_text(value)
    if column_kind == "lines":
        return "\n".join(str(v) for v in value) if value else None
    if column_kind == "next":
        return next_text(value)
    if column_kind == "bool":
        return _t("sheet.yes", lang)
    return value


def _step_rows(data: dict[str, Any], process: Any, lang: str) -> list[list[Any]]:
    rows = []
    for step in data["steps"]:
        raci = step.get("raci", {})
        role = step.get("role")
        row = []
        for column in COLUMNS["steps"]:
            if column.key in ("R", "A", "C", "I"):
                value = raci.get(column.key)
            elif column.key == "team":
                value = process.team_of(role) if role else None
            elif column.key == "organisation":
                value = process.organisation_of(role) if role else None
            else:
                value = step.get(column.key)
            row.append(_cell(column.kind, value, lang))
        rows.append(row)
    return rows


def _section_rows(section: dict[str, Any], kind: str, lang: str) -> list[list[Any]]:
    rows = []
    for item_id, item in section.items():
        row = []
        for column in COLUMNS[kind]:
            value = item_id if column.key == "id" else item.get(column.key)
            if column.key == "kind" and value == "digital":
                value = None  # the default
            row.append(_cell(column.kind, value, lang))
        rows.append(row)
    return rows


def _process_sheet(book: Any, data: dict[str, Any], lang: str, template: bool = False) -> None:
    sheet = book.create_sheet(SHEETS["process"][1 if lang == "nl" else 0], 0)
    sheet.append([_t("sheet.field", lang), _t("sheet.value", lang)])
    for path, en, nl, kind in PROCESS_FIELDS:
        value: Any = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        sheet.append([nl if lang == "nl" else en, None if template else _cell(kind, value, lang)])
    _style_table(sheet, [22, 70], len(PROCESS_FIELDS), landscape=False)


def _book() -> Any:
    from openpyxl import Workbook  # lazy: openpyxl loads only when a workbook is read or written

    book = Workbook()
    book.remove(book.active)
    return book


def _as_text(book: Any) -> None:
    """A map's text that starts with ``=`` (a step ``=> doorsturen``, a name ``=HYPERLINK(...)``) stays text.

    openpyxl stores every string that starts with ``=`` as a formula, which Excel then runs when the workbook
    opens and ``import xlsx`` refuses; procesmap writes no formula of its own, so every such cell becomes a
    text cell with the quote prefix (as Excel stores ``'=...`` typed by hand).
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True


def _bytes(book: Any) -> bytes:
    _as_text(book)
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "procesmap"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_xlsx(lang: str = "nl") -> bytes:
    """An empty process workbook: the process sheet and the tables with their headers, a list of step types."""
    from openpyxl.worksheet.datavalidation import (  # lazy: openpyxl loads only when a workbook is read or written
        DataValidation,
    )

    book = _book()
    _process_sheet(book, {}, lang, template=True)
    for kind in ("steps", "roles", "teams", "organisations", "systems", "issues"):
        sheet = _table(book, kind, lang, [])
        if kind == "steps":
            types = DataValidation(type="list", formula1='"' + ",".join(STEP_TYPES) + '"', allow_blank=True)
            sheet.add_data_validation(types)
            types.add("C2:C1000")
    help_sheet = book.create_sheet(_t("sheet.help_title", lang))
    for line in _t("sheet.help", lang).split("\n"):
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    return _bytes(book)


def export_xlsx(analysis: Any, lang: str | None = None) -> bytes:
    """The workbook of an analysed map (``procesmap.analyse``): process, steps, roles, teams, organisations,
    systems and issues (these read back into the same map with :func:`procesmap.sheet.import_xlsx`), and the
    RACI matrix, the findings and the key figures, formatted for printing."""
    process = analysis.process
    language = lang or process.language
    data = process.model_dump(mode="json", exclude_defaults=True)
    data["language"] = process.language  # also the default: the workbook says which
    book = _book()
    _process_sheet(book, data, language)
    _table(book, "steps", language, _step_rows(data, process, language))
    _table(book, "roles", language, _section_rows(data.get("roles", {}), "roles", language))
    _table(book, "teams", language, _section_rows(data.get("teams", {}), "teams", language))
    _table(book, "organisations", language, _section_rows(data.get("organisations", {}), "organisations", language))
    _table(book, "systems", language, _section_rows(data.get("systems", {}), "systems", language))
    issues = [
        [_cell(c.kind, issue.get(c.key), language) for c in COLUMNS["issues"]] for issue in data.get("issues", [])
    ]
    _table(book, "issues", language, issues)
    _raci_sheet(book, analysis, language)
    _findings_sheet(book, analysis, language)
    _figures_sheet(book, analysis, language)
    return _bytes(book)


def _raci_sheet(book: Any, analysis: Any, lang: str) -> None:
    from procesmap.render.json import report_dict  # lazy: loads only for this part of a workbook

    report = report_dict(analysis, lang)
    raci = report["ownership"]["raci"]
    roles = list(analysis.process.roles)
    sheet = book.create_sheet(SHEETS["raci"][0])
    sheet.append([_t("sheet.step", lang)] + [analysis.process.role_name(r) for r in roles])
    for step in analysis.process.steps:
        letters = raci.get(step.id, {})
        row: list[Any] = [step.label]
        for role in roles:
            marks = [k for k in ("R", "A") if letters.get(k) == role]
            marks += [k for k in ("C", "I") if role in (letters.get(k) or [])]
            row.append("/".join(marks) or None)
        sheet.append(row)
    _style_table(sheet, [28] + [8] * len(roles), len(analysis.process.steps))
    from openpyxl.styles import Alignment  # lazy: openpyxl loads only when a workbook is read or written

    for cell in sheet[1][1:]:
        cell.alignment = Alignment(text_rotation=90, vertical="bottom", horizontal="center")
    sheet.row_dimensions[1].height = 110


def _findings_sheet(book: Any, analysis: Any, lang: str) -> None:
    sheet = book.create_sheet(SHEETS["findings"][1 if lang == "nl" else 0])
    sheet.append(
        [
            _t(k, lang)
            for k in ("sheet.code", "sheet.severity", "sheet.subject", "sheet.message", "sheet.hint", "sheet.line")
        ]
    )
    for finding in analysis.findings:
        sheet.append(
            [
                finding.code,
                _t(f"label.{finding.severity.value}", lang),
                finding.subject,
                finding.message(lang),
                finding.hint(lang),
                finding.line,
            ]
        )
    _style_table(sheet, [8, 12, 22, 70, 50, 7], len(analysis.findings))


def _figures_sheet(book: Any, analysis: Any, lang: str) -> None:
    from procesmap.render.json import report_dict  # lazy: loads only for this part of a workbook

    report = report_dict(analysis, lang)
    time = report["time"]
    rows: list[tuple[str, Any, str]] = []
    for name in ("steps", "roles", "teams", "organisations", "transitions"):
        rows.append((_t(f"sheet.figure.count.{name}", lang), report["counts"].get(name), "0"))
    for kind in ("cycle_time", "term_time"):
        for stat in ("mean", "p50", "p85", "p95"):
            label = _t("sheet.stat.mean", lang) if stat == "mean" else stat  # p50, p85, p95 read alike
            rows.append((_t(f"sheet.figure.{kind}", lang, stat=label), (time.get(kind) or {}).get(stat), "0.0"))
    for name in ("share_over_term", "share_over_extended_term"):
        rows.append((_t(f"sheet.figure.{name}", lang), time.get(name), "0.0%"))
    for level, value in report["handovers"]["expected_per_case"].items():
        rows.append((_t("sheet.figure.handovers", lang, level=_t(f"sheet.level.{level}", lang)), value, "0.00"))
    for role, load in report["capacity"]["roles"].items():
        if load.get("utilisation") is not None:
            rows.append(
                (_t("sheet.figure.utilisation", lang, role=analysis.process.role_name(role)), load["utilisation"], "0%")
            )
    sheet = book.create_sheet(SHEETS["figures"][1 if lang == "nl" else 0])
    sheet.append([_t("sheet.figure", lang), _t("sheet.value", lang)])
    for label, value, number_format in rows:
        sheet.append([label, value if value is not None else "-"])
        if value is not None:
            sheet.cell(row=sheet.max_row, column=2).number_format = number_format
    _style_table(sheet, [50, 14], len(rows), landscape=False)

"""Process tables in Excel (issue 17): ``import_xlsx`` reads a row per step (Dutch or English column names)
into a map, ``export_xlsx`` writes a map's tables (which read back into the same map), its RACI matrix, findings
and key figures, ``template_xlsx`` the empty tables. openpyxl is imported only when a function runs.
See docs/spreadsheet.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["import_xlsx", "workbook_language", "export_xlsx", "template_xlsx", "CellProblem", "SheetImport"]


def __getattr__(name: str) -> Any:
    if name in ("import_xlsx", "workbook_language", "CellProblem", "SheetImport", "MAX_ROWS", "MAX_COLUMNS"):
        from procesmap.sheet import _read  # lazy: loads only for this part of a workbook

        return getattr(_read, name)
    if name in ("export_xlsx", "template_xlsx"):
        from procesmap.sheet import _write  # lazy: loads only for this part of a workbook

        return getattr(_write, name)
    raise AttributeError(name)

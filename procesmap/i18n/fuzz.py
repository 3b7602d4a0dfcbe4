"""Catalogue entries for the readers' refusals found by the seeded mutation fuzzers of issue #19
(benchmarks/hostile_fuzz.py): damaged workbook parts, Parquet files the engines cannot read, zaaktype values
that cannot become a map. Merged into MESSAGES by :mod:`procesmap.i18n.messages`."""

from __future__ import annotations

__all__ = ["MESSAGES_FUZZ"]

MESSAGES_FUZZ: dict[str, dict[str, str]] = {
    "sheet.damaged": {
        "en": "the sheet is damaged and cannot be read after row {last}: {reason}",
        "nl": "het werkblad is beschadigd en kan na rij {last} niet gelezen worden: {reason}",
    },
    "hint.sheet.damaged": {
        "en": "Open the workbook in Excel or LibreOffice and save it again as .xlsx (that repairs or reports the "
        "damage), or export the table again.",
        "nl": "Open de werkmap in Excel of LibreOffice en sla hem opnieuw op als .xlsx (dat herstelt of meldt de "
        "schade), of exporteer de tabel opnieuw.",
    },
}

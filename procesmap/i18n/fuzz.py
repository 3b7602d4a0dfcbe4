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
    "limits.parquet_footer": {
        "en": "{path}: the Parquet file's footer (its table of contents) is larger than {limit:plural:# byte|# bytes}",
        "nl": "{path}: de voettekst (de inhoudsopgave) van het Parquet-bestand is groter dan "
        "{limit:plural:# byte|# bytes}",
    },
    "limits.parquet_columns": {
        "en": "{path}: the Parquet file has {count} columns, more than {limit}",
        "nl": "{path}: het Parquet-bestand heeft {count} kolommen, meer dan {limit}",
    },
    "limits.parquet_chunks": {
        "en": "{path}: the Parquet file has {columns} columns in {groups} row groups: more than {limit} column chunks",
        "nl": "{path}: het Parquet-bestand heeft {columns} kolommen in {groups} rijgroepen: meer dan {limit} "
        "kolomblokken",
    },
    "limits.hint.parquet_layout": {
        "en": "write the log again with fewer, larger row groups and only the columns of the events (pandas: "
        "df.to_parquet(path); DuckDB: COPY ... TO 'log.parquet'); the limits are in docs/format.md (Limits)",
        "nl": "schrijf het log opnieuw met minder, grotere rijgroepen en alleen de kolommen van de gebeurtenissen "
        "(pandas: df.to_parquet(pad); DuckDB: COPY ... TO 'log.parquet'); de grenzen staan in docs/format.md "
        "(Limits)",
    },
}

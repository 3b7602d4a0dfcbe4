"""Reading a CSV event log (``.csv``, ``.csv.gz``, ``.txt``): every value as text."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path
from typing import Any

from procesmap.errors import UsageError
from procesmap.i18n import Count

#: The most columns a CSV log may have, and the longest header line read (docs/format.md, limits).
MAX_LOG_COLUMNS = 1_000
MAX_HEADER_CHARS = 1024 * 1024


def _read_csv(file: Path) -> Any:
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read
    from pyarrow import csv as pacsv  # lazy: pyarrow loads only when a log is read

    opener = gzip.open if file.name.lower().endswith(".gz") else open
    with opener(file, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]
        header_line = handle.readline(MAX_HEADER_CHARS + 1)  # bounded: a header of one endless line is refused
    if not header_line.strip():
        raise UsageError("log.empty", "hint.log.empty", path=str(file))
    delimiter = max((",", ";", "\t"), key=header_line.count)
    if len(header_line) > MAX_HEADER_CHARS or header_line.count(delimiter) >= MAX_LOG_COLUMNS:
        raise UsageError("limits.log_columns", "limits.hint.log_columns", path=str(file), limit=Count(MAX_LOG_COLUMNS))
    names = next(csv.reader([header_line], delimiter=delimiter))
    names = [name if name else f"column_{i}" for i, name in enumerate(names)]
    if len(set(names)) != len(names):
        raise UsageError("log.duplicate_columns", "hint.log.duplicate_columns", path=str(file))
    read = pacsv.ReadOptions(column_names=names, skip_rows=1, encoding="utf-8", block_size=1 << 24)
    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True)
    table = pacsv.read_csv(str(file), read_options=read, parse_options=parse, convert_options=convert)
    if names and names[0].startswith("\ufeff"):
        table = table.rename_columns([names[0].lstrip("\ufeff")] + names[1:])
    return table

"""Gzip-compressed logs (``.xes.gz``, ``.csv.gz``): the unpacked size is counted, in bounded memory, before a
reader opens the file (a gzip bomb is refused)."""

from __future__ import annotations

import zlib
from pathlib import Path

from procesmap.errors import LoadError
from procesmap.i18n import Count

#: The most bytes a gzip-compressed log may unpack to (docs/format.md, limits): 200 MiB, about 10 s of XES (the
#: Road Traffic Fines log unpacks to 177 MiB); 1 GiB of XES took 48 s and 2.4 GB (benchmarks/bench_reader_bounds.py).
MAX_LOG_UNPACKED = 200 * 1024 * 1024


def too_large(file: Path) -> LoadError:
    """The error for a gzip-compressed log that unpacks to more than :data:`MAX_LOG_UNPACKED` bytes."""
    return LoadError.single(
        str(file),
        1,
        1,
        "limits.unpacked_too_large",
        {"limit": Count(MAX_LOG_UNPACKED)},
        "limits.hint.unpacked_too_large",
        {},
    )


def _check_unpacked(file: Path) -> None:

    total = 0
    try:
        with open(file, "rb") as handle:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while True:
                chunk = handle.read(1 << 20)
                if not chunk:
                    break
                while chunk:
                    if inflater.eof:  # a second gzip member follows
                        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    total += len(inflater.decompress(chunk, 1 << 24))
                    if total > MAX_LOG_UNPACKED:
                        raise too_large(file)
                    chunk = inflater.unconsumed_tail or (inflater.unused_data if inflater.eof else b"")
    except zlib.error:
        return  # a corrupt file: the reader says so, with its own message

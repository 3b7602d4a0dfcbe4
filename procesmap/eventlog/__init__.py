"""Event logs from the case system, held against the map (issue 6).

Public API (heavy libraries are imported inside the functions)::

    read_log(path, mapping=None) -> EventLog        XES (.xes, .xes.gz), CSV, Parquet
    log_stats(log, top=None) -> LogStats            cases, variants, durations, directly-follows, handovers
    compare(process, log, settings=None) -> Comparison   map vs log, with PM6xx findings
    discover(log, coverage=0.8, ...) -> str         a draft map (format 1 YAML)
    check_discover_options(coverage, ...)           discover's options refused before a log is read
    suggest_links(process, log) -> [LinkSuggestion] steps -> activities by name and place; write_links(path, ...)

The definitions of every figure are in ``docs/eventlog.md``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "LogMapping",
    "EventLog",
    "read_log",
    "read_roles",
    "LogStats",
    "log_stats",
    "Comparison",
    "compare",
    "discover",
    "check_discover_options",
    "suggest_links",
    "write_links",
    "LinkSuggestion",
    "LOG_REPORT_FORMAT",
]

LOG_REPORT_FORMAT = 1

_LAZY = {
    "LogMapping": "procesmap.eventlog._read",
    "EventLog": "procesmap.eventlog._read",
    "read_log": "procesmap.eventlog._read",
    "read_roles": "procesmap.eventlog._read",
    "LogStats": "procesmap.eventlog._stats",
    "log_stats": "procesmap.eventlog._stats",
    "Comparison": "procesmap.eventlog._compare",
    "compare": "procesmap.eventlog._compare",
    "discover": "procesmap.eventlog._discover",
    "check_discover_options": "procesmap.eventlog._discover",
    "suggest_links": "procesmap.eventlog._links",
    "write_links": "procesmap.eventlog._links",
    "LinkSuggestion": "procesmap.eventlog._links",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)

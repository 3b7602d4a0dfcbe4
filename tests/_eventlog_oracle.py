"""The event-log figures that share pm4py's definitions, computed plainly from a log file: the oracle of
tests/test_eventlog_oracle.py. Independent of procesmap's readers and engine on purpose: the standard
library's ElementTree and csv modules, a dictionary per case, no DuckDB, no Arrow, no lxml.

pm4py's definitions, as ``benchmarks/pm4py_reference.py`` asks pm4py for them (and
``benchmarks/check_pm4py_references.py`` holds this module equal to pm4py's own output, in a throwaway venv):

- events without an activity (``concept:name``) are left out; a case is a ``case:concept:name`` with events;
- a case's duration is its last timestamp minus its first, in seconds (``pm4py.get_all_case_durations``);
- directly-follows: consecutive events of a case, in timestamp order, ties in file order
  (``pm4py.discover_dfg``); in a log with ``start`` events only its ``complete`` events;
- handover of work (``pm4py.discover_handover_of_work_network``, beta=0, times its number of pairs): the
  resources of consecutive events, self-pairs included, in logs whose every event has a resource and that
  have no ``start`` events.
"""

from __future__ import annotations

import csv
import gzip
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

#: The shared event logs the oracle is held against: procesmap's figures (tests/test_eventlog_oracle.py) and pm4py's
#: (benchmarks/check_pm4py_references.py hands this list to benchmarks/pm4py_reference.py)
ORACLE_LOGS = [
    "running-example.xes",
    "running-example.csv",
    "receipt.xes",
    "repairExample.xes.gz",
    "BPIC15_1.xes.gz",
    "CoSeLoG_WABO_1.xes.gz",
    "roadtraffic100traces.xes",
]

# (case, position in the file, activity, timestamp in seconds, lifecycle transition, resource)
Event = tuple[str, int, str, float, str | None, str | None]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _seconds(text: str) -> float:
    return datetime.fromisoformat(text.strip()).timestamp()


def _xes_events(path: Path) -> Iterator[Event]:
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    stream = gzip.open(path, "rb") if gzipped else open(path, "rb")
    position = 0
    pending: list[dict[str, str]] = []
    with stream:
        for _, element in ET.iterparse(stream, events=("end",)):
            tag = _local(element.tag)
            if tag == "event":
                pending.append(
                    {child.get("key", ""): child.get("value", "") for child in element if child.get("key") is not None}
                )
                element.clear()
            elif tag == "trace":
                case = next((c.get("value", "") for c in element if c.get("key") == "concept:name"), "")
                for attributes in pending:
                    if "concept:name" in attributes and "time:timestamp" in attributes:
                        yield (
                            case,
                            position,
                            attributes["concept:name"],
                            _seconds(attributes["time:timestamp"]),
                            attributes.get("lifecycle:transition"),
                            attributes.get("org:resource"),
                        )
                    position += 1
                pending = []
                element.clear()


def _csv_events(path: Path) -> Iterator[Event]:
    with open(path, newline="", encoding="utf-8") as handle:
        for position, row in enumerate(csv.DictReader(handle)):
            if row.get("concept:name"):
                yield (
                    row["case:concept:name"],
                    position,
                    row["concept:name"],
                    _seconds(row["time:timestamp"]),
                    row.get("lifecycle:transition") or None,
                    row.get("org:resource") or None,
                )


def reference(path: Path) -> dict[str, Any]:
    """The figures of the log at ``path`` (.xes, .xes.gz or .csv), in the shape pm4py_reference.py writes."""
    events = list(_csv_events(path) if path.suffix == ".csv" else _xes_events(path))
    by_case: dict[str, list[Event]] = {}
    for event in events:
        by_case.setdefault(event[0], []).append(event)
    for case_events in by_case.values():
        case_events.sort(key=lambda e: (e[3], e[1]))
    has_start = any((e[4] or "").lower() == "start" for e in events)
    follows: Counter[tuple[str, str]] = Counter()
    handovers: Counter[tuple[str, str]] = Counter()
    for case_events in by_case.values():
        chain = [e for e in case_events if (e[4] or "").lower() == "complete"] if has_start else case_events
        for a, b in zip(chain, chain[1:]):
            follows[(a[2], b[2])] += 1
            handovers[(str(a[5]), str(b[5]))] += 1
    result: dict[str, Any] = {
        "log": path.name,
        "cases": len(by_case),
        "events": len(events),
        "case_durations_seconds": sorted(
            max(e[3] for e in case_events) - min(e[3] for e in case_events) for case_events in by_case.values()
        ),
        "directly_follows": sorted([a, b, n] for (a, b), n in follows.items()),
    }
    if not has_start and all(e[5] is not None for e in events):
        result["handover_pairs_total"] = sum(handovers.values())
        result["handover_of_work"] = sorted([a, b, n] for (a, b), n in handovers.items())
    return result

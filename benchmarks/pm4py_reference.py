"""pm4py's own figures of the shared logs, for benchmarks/check_pm4py_references.py (run ONLY in a throwaway
venv: pm4py is AGPL). Nothing it writes is committed: the figures are derived from third-party logs.

    python3 -m venv /tmp/pm4py-venv && /tmp/pm4py-venv/bin/pip install pm4py
    /tmp/pm4py-venv/bin/python benchmarks/pm4py_reference.py OUT_FOLDER LOG...   # the names: ORACLE_LOGS

Writes ``pm4py-<log>.json`` with: the case durations (seconds, sorted; pm4py.get_all_case_durations),
the directly-follows counts (pm4py.discover_dfg) and the handover-of-work counts
(pm4py.discover_handover_of_work_network, beta=0: its values times the number of pairs).
For repairExample (start/complete events) the directly-follows relation is taken on the
complete events only, which is procesmap's definition on activity instances.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pm4py

LOGS = Path(os.environ.get("PROCESMAP_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "data" / "event-logs"


def read(name: str):  # type: ignore[no-untyped-def]
    import pandas as pd

    path = LOGS / name
    if name.endswith(".csv"):
        df = pd.read_csv(path)
        return pm4py.format_dataframe(
            df, case_id="case:concept:name", activity_key="concept:name", timestamp_key="time:timestamp"
        )
    return pm4py.read_xes(str(path))


def reference(name: str) -> dict:  # type: ignore[type-arg]
    df = read(name)
    df = df[df["concept:name"].notna()]  # pm4py refuses events without activity; procesmap leaves them out too
    durations = sorted(float(d) for d in pm4py.get_all_case_durations(df))
    dfg_log = df
    if "lifecycle:transition" in df.columns and (df["lifecycle:transition"].str.lower() == "start").any():
        dfg_log = df[df["lifecycle:transition"].str.lower() == "complete"]
    dfg, _, _ = pm4py.discover_dfg(dfg_log)
    result = {
        "log": name,
        "cases": int(df["case:concept:name"].nunique()),
        "events": int(len(df)),
        "case_durations_seconds": durations,
        "directly_follows": sorted([[a, b, int(n)] for (a, b), n in dfg.items()]),
    }
    if "org:resource" in df.columns and df["org:resource"].notna().all() and dfg_log is df:
        sna = pm4py.discover_handover_of_work_network(df, beta=0)
        pairs = sum(n for n in dfg.values())
        result["handover_pairs_total"] = int(pairs)
        result["handover_of_work"] = sorted([[a, b, int(round(v * pairs))] for (a, b), v in sna.connections.items()])
    return result


if __name__ == "__main__":
    out = Path(sys.argv[1])
    names = sys.argv[2:]  # the logs of tests/_eventlog_oracle.py's ORACLE_LOGS, from check_pm4py_references.py
    if not names:
        sys.exit("usage: pm4py_reference.py OUT_FOLDER LOG...")
    for name in names:
        data = reference(name)
        target = out / f"pm4py-{name.split('.')[0]}-{name.split('.')[1]}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(target)

"""Speed and memory of the event-log commands, with ratios measured in the same run.

    python benchmarks/bench_eventlog.py [--sizes 10000,100000,500000] [--skip-xes]

1. `log stats` end to end from Parquet (read_log + log_stats) on seeded logs of 10k, 100k and
   500k cases (~12 events per case; benchmarks/gen_eventlog.py), each in a fresh process, with
   peak memory (ru_maxrss). Compared with pm4py doing the same statistics (case durations,
   directly-follows, variants, handover of work) when a throwaway venv with pm4py exists
   (/tmp/pm4py-venv, or PROCESMAP_PM4PY_PYTHON), and always with a plain pandas implementation.
   Targets: >= 10x faster than pm4py on 500k cases, peak memory < 1.5 GB.
2. Reading the Road Traffic Fines XES (561,470 events) with procesmap vs pm4py.read_xes.
   Target: >= 3x faster, bounded memory.
pm4py is AGPL: it runs only in its own venv, in a subprocess, never imported here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("PROCESMAP_SHARED", ROOT.parent / "shared"))
PM4PY = Path(os.environ.get("PROCESMAP_PM4PY_PYTHON", "/tmp/pm4py-venv/bin/python"))

PROCESMAP = """
import resource, sys, time, json
t = time.perf_counter()
from procesmap.eventlog import read_log, log_stats
log = read_log(sys.argv[1])
stats = log_stats(log).to_dict()
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "events": log.events}))
"""
PANDAS = """
import resource, sys, time, json
t = time.perf_counter()
import pandas as pd
df = pd.read_parquet(sys.argv[1]).sort_values(["case:concept:name", "time:timestamp"], kind="stable")
g = df.groupby("case:concept:name", sort=False)
durations = (g["time:timestamp"].max() - g["time:timestamp"].min()).dt.total_seconds()
nxt = g["concept:name"].shift(-1); nres = g["org:resource"].shift(-1); nts = g["time:timestamp"].shift(-1)
pairs = pd.DataFrame({"a": df["concept:name"], "b": nxt, "w": (nts - df["time:timestamp"]).dt.total_seconds()}).dropna()
dfg = pairs.groupby(["a", "b"])["w"].agg(["count", "mean", "median"])
variants = g["concept:name"].agg(tuple).value_counts()
hand = pd.DataFrame({"r": df["org:resource"], "n": nres}).dropna().value_counts()
acts = df.groupby("concept:name")["case:concept:name"].agg(["size", "nunique"])
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
PM4PY_STATS = """
import resource, sys, time, json
t = time.perf_counter()
import pandas as pd, pm4py
df = pm4py.format_dataframe(pd.read_parquet(sys.argv[1]), case_id="case:concept:name", activity_key="concept:name",
                            timestamp_key="time:timestamp")
durations = pm4py.get_all_case_durations(df)
dfg = pm4py.discover_dfg(df)
perf = pm4py.discover_performance_dfg(df)
variants = pm4py.get_variants(df)
hand = pm4py.discover_handover_of_work_network(df)
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
READ_XES = """
import resource, sys, time, json
t = time.perf_counter()
from procesmap.eventlog import read_log
log = read_log(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "events": log.events}))
"""
PM4PY_XES = """
import resource, sys, time, json
t = time.perf_counter()
import pm4py
df = pm4py.read_xes(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "events": len(df)}))
"""


def run(python: str, code: str, *args: str) -> dict | None:  # type: ignore[type-arg]
    result = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "TQDM_DISABLE": "1"})
    if result.returncode != 0:
        print("   failed:", result.stderr.strip().splitlines()[-1:] if result.stderr else "?")
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    sizes = [10_000, 100_000, 500_000]
    if "--sizes" in sys.argv:
        sizes = [int(x) for x in sys.argv[sys.argv.index("--sizes") + 1].split(",")]
    have_pm4py = PM4PY.exists()
    print(f"pm4py venv: {PM4PY if have_pm4py else 'absent (ratios against plain pandas only)'}")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"log-{n}.parquet"
            # generated in a child process: Linux keeps a parent's peak RSS in its children's ru_maxrss,
            # so the benchmark's own process must stay small for the peak-memory figures to be right
            made = subprocess.run([sys.executable, str(HERE / "gen_eventlog.py"), str(n), str(path), "--seed", "0"],
                                  capture_output=True, text=True, check=True)
            print(f"\nlog stats from Parquet: {made.stdout.strip()}")
            mine = run(sys.executable, PROCESMAP, str(path))
            plain = run(sys.executable, PANDAS, str(path))
            theirs = run(str(PM4PY), PM4PY_STATS, str(path)) if have_pm4py else None
            if mine:
                print(f"  procesmap (DuckDB): {mine['seconds']:.2f} s, peak {mine['peak_mb']:.0f} MB "
                      f"(target < 1536 MB: {'ok' if mine['peak_mb'] < 1536 else 'MISSED'})")
            if plain and mine:
                print(f"  plain pandas:       {plain['seconds']:.2f} s, peak {plain['peak_mb']:.0f} MB; "
                      f"ratio {plain['seconds'] / mine['seconds']:.1f}x")
            if theirs and mine:
                ratio = theirs["seconds"] / mine["seconds"]
                print(f"  pm4py:              {theirs['seconds']:.2f} s, peak {theirs['peak_mb']:.0f} MB; ratio {ratio:.1f}x "
                      f"(target >= 10x: {'ok' if ratio >= 10 else 'MISSED'})")
    if "--skip-xes" in sys.argv:
        return
    xes = SHARED / "data" / "event-logs" / "Road_Traffic_Fine_Management_Process.xes.gz"
    print(f"\nreading {xes.name}")
    mine = run(sys.executable, READ_XES, str(xes))
    theirs = run(str(PM4PY), PM4PY_XES, str(xes)) if have_pm4py else None
    if mine:
        print(f"  procesmap (lxml iterparse): {mine['seconds']:.2f} s, peak {mine['peak_mb']:.0f} MB, {mine['events']:,} events")
    if mine and theirs:
        ratio = theirs["seconds"] / mine["seconds"]
        print(f"  pm4py.read_xes:             {theirs['seconds']:.2f} s, peak {theirs['peak_mb']:.0f} MB; ratio {ratio:.1f}x "
              f"(target >= 3x: {'ok' if ratio >= 3 else 'MISSED'})")


if __name__ == "__main__":
    main()

"""Speed of the queueing simulation (docs/queueing.md), against its targets and against Prosimos.

Run from the repository root with the project's virtualenv:

    .venv/bin/python benchmarks/bench_queueing.py            # our figures and Prosimos (installs it once)
    .venv/bin/python benchmarks/bench_queueing.py --no-prosimos

Targets (issue #12): 10,000 cases of a bundled map under 1 s, 100,000 under 10 s (one simulation
pass: the engine; `analyse` runs two, see docs/queueing.md), and at least 10x faster than Prosimos on
an equivalent model in the same run. Prosimos is installed into a throwaway virtualenv under the
system's temporary folder (never a dependency of procesmap) and run in a subprocess; the model is
the same for both: Poisson arrivals, three roles with 2, 2 and 1 people open around the clock,
exponential work, a parallel block and a rework loop. Both engines' mean waits per role are printed
beside the timings, so that "equivalent" can be checked.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from statistics import median

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROSIMOS = "prosimos==2.1.0"

# The equivalent model: arrivals 1 per hour; a (r1, 1 h) -> parallel b (r2, 1 h) and c (r3, 36 min) -> join
# -> d (r1, 48 min) with rework back to d at 20% -> f (r2, 30 min) -> end.
ARRIVALS_PER_HOUR = 1.0
TASKS = {  # id: (role, mean hours)
    "a": ("r1", 1.0),
    "b": ("r2", 1.0),
    "c": ("r3", 0.6),
    "d": ("r1", 0.8),
    "f": ("r2", 0.5),
}
PEOPLE = {"r1": 3, "r2": 3, "r3": 1}
REWORK = 0.2

YAML = f"""\
procesmap: 1
id: equivalent
owner: r1
volume: {ARRIVALS_PER_HOUR * 8760:.0f}/year
calendar: {{hours_per_day: 24, days_per_week: 7, weeks_per_year: 52.142857142857146}}
roles:
  r1: {{people: {PEOPLE["r1"]}}}
  r2: {{people: {PEOPLE["r2"]}}}
  r3: {{people: {PEOPLE["r3"]}}}
steps:
  - {{id: start, type: start, next: a}}
  - {{id: a, role: r1, work: {{mean: 60m, cv: 1}}, next: split}}
  - {{id: split, type: parallel, next: [b, c]}}
  - {{id: b, role: r2, work: {{mean: 60m, cv: 1}}, next: join}}
  - {{id: c, role: r3, work: {{mean: 36m, cv: 1}}, next: join}}
  - {{id: join, type: join, next: d}}
  - {{id: d, role: r1, work: {{mean: 48m, cv: 1}}, next: check}}
  - {{id: check, type: decision, next: [{{to: d, p: {REWORK}}}, {{to: f, p: {1 - REWORK}}}]}}
  - {{id: f, role: r2, work: {{mean: 30m, cv: 1}}, next: end}}
  - {{id: end, type: end}}
"""


def bpmn() -> str:
    """The same model as BPMN for Prosimos."""
    nodes = [
        ("startEvent", "start"),
        ("task", "a"),
        ("parallelGateway", "split"),
        ("task", "b"),
        ("task", "c"),
        ("parallelGateway", "join"),
        ("exclusiveGateway", "merge"),
        ("task", "d"),
        ("exclusiveGateway", "check"),
        ("task", "f"),
        ("endEvent", "end"),
    ]
    flows = [
        ("f1", "start", "a"),
        ("f2", "a", "split"),
        ("f3", "split", "b"),
        ("f4", "split", "c"),
        ("f5", "b", "join"),
        ("f6", "c", "join"),
        ("f7", "join", "merge"),
        ("f8", "merge", "d"),
        ("f9", "d", "check"),
        ("f10", "check", "merge"),
        ("f11", "check", "f"),
        ("f12", "f", "end"),
    ]
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for fid, source, target in flows:
        outgoing.setdefault(source, []).append(fid)
        incoming.setdefault(target, []).append(fid)
    parts = []
    for kind, nid in nodes:
        inner = "".join(f"<bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(nid, []))
        inner += "".join(f"<bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(nid, []))
        parts.append(f'<bpmn:{kind} id="{nid}" name="{nid}">{inner}</bpmn:{kind}>')
    for fid, source, target in flows:
        parts.append(f'<bpmn:sequenceFlow id="{fid}" sourceRef="{source}" targetRef="{target}"/>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" '
        'targetNamespace="http://bpmn.io/schema/bpmn"><bpmn:process id="p" isExecutable="false">'
        + "".join(parts)
        + "</bpmn:process></bpmn:definitions>"
    )


def scenario() -> dict:
    """Prosimos's simulation parameters for the same model (seconds)."""
    always = {
        "id": "always",
        "name": "24/7",
        "time_periods": [{"from": "MONDAY", "to": "SUNDAY", "beginTime": "00:00:00.000", "endTime": "23:59:59.999"}],
    }

    def expon(hours: float) -> dict:
        return {
            "distribution_name": "expon",
            "distribution_params": [{"value": hours * 3600}, {"value": 0}, {"value": 1e9}],
        }

    profiles = []
    for role, people in PEOPLE.items():
        tasks = [t for t, (r, _) in TASKS.items() if r == role]
        profiles.append(
            {
                "id": role,
                "name": role,
                "resource_list": [
                    {
                        "id": f"{role}_{k}",
                        "name": f"{role}_{k}",
                        "cost_per_hour": 0,
                        "amount": 1,
                        "calendar": "always",
                        "assignedTasks": tasks,
                    }
                    for k in range(people)
                ],
            }
        )
    return {
        "resource_profiles": profiles,
        "arrival_time_distribution": expon(1 / ARRIVALS_PER_HOUR),
        "arrival_time_calendar": always["time_periods"],
        "gateway_branching_probabilities": [
            {
                "gateway_id": "check",
                "probabilities": [
                    {"path_id": "f10", "value": str(REWORK)},
                    {"path_id": "f11", "value": str(1 - REWORK)},
                ],
            }
        ],
        "task_resource_distribution": [
            {"task_id": t, "resources": [dict(resource_id=f"{role}_{k}", **expon(hours)) for k in range(PEOPLE[role])]}
            for t, (role, hours) in TASKS.items()
        ],
        "resource_calendars": [always],
        "event_distribution": [],
        "batch_processing": [],
        "case_attributes": [],
        "prioritisation_rules": [],
    }


RUNNER = textwrap.dedent("""\
    import csv, json, sys, time, collections
    from datetime import datetime
    from prosimos.simulation_engine import run_simulation
    bpmn, params, cases, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    start = time.perf_counter()
    run_simulation(bpmn, params, cases, stat_out_path=None, log_out_path=log, starting_at="2026-01-05T00:00:00.000000+00:00")
    seconds = time.perf_counter() - start
    waits = collections.defaultdict(list)
    with open(log, newline="") as f:
        for row in csv.DictReader(f):
            enable = datetime.fromisoformat(row["enable_time"]); begin = datetime.fromisoformat(row["start_time"])
            waits[row["activity"]].append((begin - enable).total_seconds() / 3600)
    print(json.dumps({"seconds": seconds, "waits": {k: sum(v) / len(v) for k, v in waits.items()}}))
""")


def ours(cases: int, repeats: int = 3) -> tuple[float, dict[str, float]]:
    import procesmap
    from procesmap.analysis.queueing import _plan, role_demands
    from procesmap.analysis.simulation import simulate_network
    from procesmap.graph import build_graph

    process = procesmap.loads(YAML, "equivalent.yaml")
    pg = build_graph(process)
    volume = process.volume.per_year(process.calendar.calendar())
    demands = role_demands(process, pg.visits, volume)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        plan, _roles = _plan(pg, demands, set(demands), volume, None, None)
        result = simulate_network(plan, cases, 0)
        times.append(time.perf_counter() - start)
    waits = {plan.steps[i].id: float(v.mean()) * 24 for i, v in result.step_queue.items()}
    return median(times), waits


def bundled(name: str, cases: int, repeats: int) -> tuple[float, float, float]:
    """One simulation pass, and the whole analyse() (two passes, the rest of the figures), median seconds."""
    import procesmap
    from procesmap.analysis.queueing import _plan, role_demands
    from procesmap.analysis.simulation import simulate_network
    from procesmap.graph import build_graph

    process = procesmap.load(ROOT / "processes" / name)
    pg = build_graph(process)
    volume = process.volume.per_year(process.calendar.calendar())
    demands = role_demands(process, pg.visits, volume)
    queued = {r for r, d in demands.items() if d.utilisation < 1}
    one, whole, cpu = [], [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        plan, _ = _plan(pg, demands, queued, volume, None, None)
        simulate_network(plan, cases, 0)
        one.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        fresh = procesmap.load(ROOT / "processes" / name)  # no cached first pass
        start = time.perf_counter()
        procesmap.analyse(fresh, procesmap.Settings(cases=cases))
        whole.append(time.perf_counter() - start)
    return median(one), median(whole), median(cpu)


def prosimos(cases: int) -> dict | None:
    venv = Path(tempfile.gettempdir()) / "procesmap-bench-prosimos"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"installing {PROSIMOS} into the throwaway virtualenv {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run([str(python), "-m", "pip", "install", "-q", PROSIMOS], capture_output=True, text=True)
        if done.returncode != 0:
            print("Prosimos could not be installed:", done.stderr.strip()[-500:])
            return None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "model.bpmn").write_text(bpmn(), encoding="utf-8")
        (folder / "params.json").write_text(json.dumps(scenario()), encoding="utf-8")
        (folder / "run.py").write_text(RUNNER, encoding="utf-8")
        done = subprocess.run(
            [
                str(python),
                str(folder / "run.py"),
                str(folder / "model.bpmn"),
                str(folder / "params.json"),
                str(cases),
                str(folder / "log.csv"),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        if done.returncode != 0:
            print("Prosimos failed:", done.stderr.strip()[-1500:])
            return None
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    print(
        f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows every figure)"
    )
    from procesmap.analysis.simulation import KERNEL_ENV, compiled_kernel

    parser = argparse.ArgumentParser()
    parser.add_argument("--no-prosimos", action="store_true")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-case run")
    args = parser.parse_args()

    for name in ("omgevingsvergunning.yaml", "kcc-vraag-doorzetten.yaml"):
        for cases, target in ((10_000, 1.0), (100_000, 10.0)):
            if args.quick and cases > 10_000:
                continue
            one, whole, cpu = bundled(name, cases, 3 if cases <= 10_000 else 1)
            flag = "" if one < target else "  MISSED"
            print(
                f"{name} {cases:,} cases: one simulation pass {one:.2f} s, CPU {cpu:.2f} s (target < {target:.0f} s: "
                f"{one / target:.2f}x){flag}; analyse() with both passes {whole:.2f} s"
            )
            if compiled_kernel() is not None:  # the same pass with the reference loop in Python (same figures)
                os.environ[KERNEL_ENV] = "python"
                try:
                    py_one, py_whole, py_cpu = bundled(name, cases, 3 if cases <= 10_000 else 1)
                finally:
                    del os.environ[KERNEL_ENV]
                print(
                    f"  the same with the Python loop: one pass {py_one:.2f} s, CPU {py_cpu:.2f} s, analyse() "
                    f"{py_whole:.2f} s; the compiled loop is {py_one / one:.1f}x faster a pass, "
                    f"{py_whole / whole:.1f}x for analyse()"
                )
            else:
                print("  (the compiled loop is not built: these are the Python loop's figures)")

    cases = 10_000
    mine, waits = ours(cases)
    print(f"equivalent model, {cases:,} cases: procesmap {mine:.3f} s")
    if args.no_prosimos:
        return
    theirs = prosimos(cases)
    if theirs is None:
        print("Prosimos: no figure (see above)")
        return
    ratio = theirs["seconds"] / mine
    flag = "" if ratio >= 10 else "  MISSED"
    print(
        f"equivalent model, {cases:,} cases: Prosimos {theirs['seconds']:.2f} s; procesmap is {ratio:.1f}x faster "
        f"(target >= 10x){flag}"
    )
    print("mean wait per task in hours (procesmap | Prosimos):")
    for task in TASKS:
        print(f"  {task}: {waits.get(task, float('nan')):.3f} | {theirs['waits'].get(task, float('nan')):.3f}")


if __name__ == "__main__":
    main()

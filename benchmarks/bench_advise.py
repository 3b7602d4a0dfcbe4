"""Benchmark of "what helps most" (a script, not a test).

Run from the repository root with the project's virtualenv::

    .venv/bin/python benchmarks/bench_advise.py          # every bundled map, 10,000 cases
    .venv/bin/python benchmarks/bench_advise.py --repeat 1

Target (issue 12): twenty candidates on a bundled map in under 15 s. For every bundled map it prints the
number of candidates, the median time of :func:`procesmap.advice.advise` (generate, screen every candidate,
simulate the best ten in full, rank), and as a baseline measured in the same run the time of one
``analyse()`` of that map with the same settings, with the ratio. Then the cost of the report section:
``procesmap analyse FILE --format html`` with and without ``--advise`` (end to end, a fresh process).
Prints figures; exits 0 when the measurements ran (a missed target is a figure, marked MISSED).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 15.0
TARGET_CANDIDATES = 20


def _median(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _cli(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "procesmap", *args], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median shown)")
    parser.add_argument("--cases", type=int, default=10_000, help="cases of each full simulation")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import procesmap
    from procesmap.advice import advise, candidates
    from procesmap.pipeline import analyse
    from procesmap.settings import Settings

    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    settings = Settings(cases=args.cases, seed=0)
    biggest: tuple[int, str] = (0, "")
    for path in sorted((ROOT / "processes").glob("*.yaml")):
        process = procesmap.load(path)
        analyse(process, settings)  # warm the imports
        count = len(candidates(process))
        biggest = max(biggest, (count, str(path.relative_to(ROOT))))
        baseline = _median(lambda process=process: analyse(process, settings), args.repeat)
        result = {}

        def run(result: dict = result, process=process) -> None:
            result["advice"] = advise(process, settings)

        took = _median(run, args.repeat)
        advice = result["advice"]
        flag = "" if took < TARGET_S else "  MISSED"
        print(
            f"advise {path.name}: {count} candidates, {advice.simulated} simulated in full, "
            f"{took:.2f} s  (target < {TARGET_S:.0f} s: {took / TARGET_S:.2f}x){flag}; "
            f"one analyse() {baseline:.3f} s, advise = {took / baseline:.1f}x analyse"
        )
    count, name = biggest
    note = "" if count >= TARGET_CANDIDATES else f"  (fewer than {TARGET_CANDIDATES}: the target asks for twenty)"
    print(f"most candidates: {count} on {name}{note}")

    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "report.html")
        name = "processes/omgevingsvergunning.yaml"  # the richest map: parallel advice, two loops, three organisations
        target = str(ROOT / name)
        _cli(["analyse", target, "--format", "html", "--output", out])  # font cache
        plain = statistics.median(
            _cli(["analyse", target, "--format", "html", "--output", out]) for _ in range(args.repeat)
        )
        advised = statistics.median(
            _cli(["analyse", target, "--advise", "--format", "html", "--output", out]) for _ in range(args.repeat)
        )
        print(
            f"procesmap analyse {name} --format html: {plain:.2f} s; with --advise: {advised:.2f} s "
            f"(+{advised - plain:.2f} s, {advised / plain:.1f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

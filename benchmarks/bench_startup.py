"""Start-up of the commands users wait for, against floors measured in the same run (a script, not a test).

    .venv/bin/python benchmarks/bench_startup.py [--runs 7]

Targets (issue 18):
- ``procesmap analyse processes/`` (the terminal report of all bundled maps, stdout to a pipe) at
  most 3x the floor ``python -c "import numpy, yaml"`` (what reading YAML and computing with numpy
  costs at the least);
  measured cold (every map simulated, ``PROCESMAP_CACHE_DIR=``) and again with the maps unchanged
  (the simulation cache of procesmap/analysis/simcache.py filled by the first run);
- ``procesmap --help`` under 2x a bare ``python -c "import typer"``.

For reference (no target): the cold run and the run with the cache filled against the import of the
libraries procesmap is built on (``import numpy, yaml, pydantic, rich, typer``: the floor proposed in
the notes on issue 18), and the cold run with the simulation's event loop in
Python instead of the compiled one (docs/queueing.md; the same figures).

Each command runs ``--runs`` times in a fresh process, alternating with its floor, so that both
see the same machine. Printed: the median wall time, the median CPU time (user + system of the
child, less sensitive to other work on a shared machine), the ratios to the floor for both, and
the load average before and after. Exits 0 whenever the measurements ran (a missed target is a
figure, marked MISSED).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


#: Cold runs by default: every run simulates (caches off); the warm run sets its own cache folder.
COLD = {"PROCESMAP_CACHE_DIR": ""}
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``args`` (stdout and stderr to pipes, as when piped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    extra = COLD if env is None else env
    subprocess.run(
        args,
        cwd=ROOT,
        capture_output=True,
        check=False,
        env={**os.environ, "COLUMNS": "120", "PROCESMAP_LANG": "nl", **extra},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _compare(
    label: str,
    command: list[str],
    floor_label: str,
    floor: list[str],
    target: float | None,
    runs: int,
    env: dict[str, str] | None = None,
) -> None:
    """Print ``command`` against ``floor``; ``target`` None: a figure for reference, with no target."""
    ours: list[tuple[float, float]] = []
    base: list[tuple[float, float]] = []
    _run(command, env)  # warm the file cache (and, with a cache folder in env, fill the simulation cache)
    _run(floor)
    for _ in range(runs):
        ours.append(_run(command, env))
        base.append(_run(floor))
    wall, cpu = statistics.median(w for w, _ in ours), statistics.median(c for _, c in ours)
    floor_wall, floor_cpu = statistics.median(w for w, _ in base), statistics.median(c for _, c in base)
    ratio_wall, ratio_cpu = wall / floor_wall, cpu / floor_cpu
    print(f"{label}: median {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  floor {floor_label}: median {floor_wall:.2f} s wall, {floor_cpu:.2f} s CPU")
    if target is None:
        print(f"  ratio {ratio_wall:.2f}x wall, {ratio_cpu:.2f}x CPU (for reference, no target)")
        return
    print(
        f"  ratio {ratio_wall:.2f}x wall, {ratio_cpu:.2f}x CPU (target at most {target:g}x)"
        + ("" if min(ratio_wall, ratio_cpu) <= target else "  MISSED")
    )


BREAKDOWN = """
import io, sys, time
from pathlib import Path
T = time.process_time
c0 = T()
import procesmap, procesmap.cli, numpy, yaml
from procesmap.analysis import Settings
from procesmap.render.terminal import render_terminal
c1 = T()
processes = [procesmap.load(p) for p in sorted(Path("processes").glob("*.yaml"))]
c2 = T()
[procesmap.analyse(p, Settings(queueing=False)) for p in processes]  # first: it pays the lazy imports
c3 = T()
analyses = [procesmap.analyse(p) for p in processes]
c4 = T()
render_terminal(analyses, "nl", width=120)
c5 = T()
print(f"imports {c1 - c0:.2f} s, load {c2 - c1:.2f} s, analyse without the queueing simulation {c3 - c2:.2f} s, "
      f"with it {c4 - c3:.2f} s, terminal rendering {c5 - c4:.2f} s (CPU)")
print("networkx imported:", "networkx" in sys.modules)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    python = sys.executable
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    _compare(
        "procesmap analyse processes/ (terminal, cold: every map simulated)",
        [python, "-m", "procesmap", "analyse", "processes/"],
        'python -c "import numpy, yaml"',
        [python, "-c", "import numpy, yaml"],
        3.0,
        runs,
    )
    _compare(  # for reference: the same against what procesmap's required libraries cost to import
        "procesmap analyse processes/ (cold), against the import of the libraries it is built on",
        [python, "-m", "procesmap", "analyse", "processes/"],
        'python -c "import numpy, yaml, pydantic, rich, typer"',
        [python, "-c", "import numpy, yaml, pydantic, rich, typer"],
        None,
        runs,
    )
    _compare(  # for reference: the simulation's event loop in Python instead of the compiled one (same figures)
        "procesmap analyse processes/ (cold, PROCESMAP_SIMULATION_KERNEL=python)",
        [python, "-m", "procesmap", "analyse", "processes/"],
        'python -c "import numpy, yaml"',
        [python, "-c", "import numpy, yaml"],
        None,
        runs,
        {**COLD, "PROCESMAP_SIMULATION_KERNEL": "python"},
    )
    with tempfile.TemporaryDirectory() as cache:
        _compare(
            "procesmap analyse processes/ (terminal, again with the maps unchanged: simulation cache filled)",
            [python, "-m", "procesmap", "analyse", "processes/"],
            'python -c "import numpy, yaml"',
            [python, "-c", "import numpy, yaml"],
            3.0,
            runs,
            {"PROCESMAP_CACHE_DIR": cache},
        )
        _compare(  # for reference: the proposed floor of the library imports, with the cache filled
            "procesmap analyse processes/ (again with the maps unchanged), against the import of its libraries",
            [python, "-m", "procesmap", "analyse", "processes/"],
            'python -c "import numpy, yaml, pydantic, rich, typer"',
            [python, "-c", "import numpy, yaml, pydantic, rich, typer"],
            None,
            runs,
            {"PROCESMAP_CACHE_DIR": cache},
        )
    done = subprocess.run(
        [python, "-c", BREAKDOWN], cwd=ROOT, capture_output=True, text=True, env={**os.environ, **COLD}
    )
    print("  where the CPU goes, in one process: " + (done.stdout.strip() or done.stderr.strip()[-500:]))
    _compare(
        "procesmap --help",
        [python, "-m", "procesmap", "--help"],
        'python -c "import typer"',
        [python, "-c", "import typer"],
        2.0,
        runs,
    )
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

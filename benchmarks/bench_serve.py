"""Benchmark of ``procesmap serve``: from saving a 40-step map to the redrawn page (a script, not a test).

Run from the repository root with the project's virtualenv (needs Debian's chromium and playwright)::

    .venv/bin/python benchmarks/bench_serve.py            # 10 saves
    .venv/bin/python benchmarks/bench_serve.py --saves 3  # quick

Target (issue 16): within 1 s of a save every open page redraws. Measured as the room sees it: a
real ``procesmap serve`` in a child process, the page open in headless chromium, the map saved as an
editor saves it (a new file renamed over the old one, with one role's people changed so that the
figures change); the clock stops when the page shows the new figures and the new swimlane picture
has loaded. serve first shows a quick analysis (``QUICK_CASES``) and then the analysis with every case
(docs/serve.md): the script prints both, the median, the best and the worst save, the ratio of the first
to the target (``MISSED`` when the median is over it), and as baselines measured in the same run the
work a redraw must do in one process: load + analyse + SVG of the same map with the default cases and
with the quick cases (``procesmap diagram --format svg`` without the interpreter start). The difference
is what file watching, events, the page and the browser add. Other work on a 2-core machine changes
every figure: the load average is printed before and after. Exits 0 whenever the measurements ran.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
sys.path.insert(0, str(ROOT))
TARGET_S = 1.0
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: the page shows the figures of a generation after ``g`` and the swimlane picture of that same generation
DRAWN = (
    "(g) => { const i = document.querySelector('#diagram');"
    " return Number(document.body.dataset.generation) > g && i &&"
    " i.dataset.generation === document.body.dataset.generation && i.complete && i.naturalWidth > 0; }"
)
ROLE_LINE = re.compile(r"^(  behandelaar: \{.*people: )(\d+)(\}.*)$", re.M)


def _baseline(path: Path, runs: int, cases: int | None) -> list[float]:
    import procesmap
    from procesmap.analysis import Settings
    from procesmap.diagrams import render_swimlane

    settings = Settings() if cases is None else Settings(cases=cases)
    times = []
    render_swimlane(procesmap.analyse(procesmap.load(path), settings), "svg", "nl")  # imports and font cache warm
    for _ in range(runs):
        start = time.perf_counter()
        render_swimlane(procesmap.analyse(procesmap.load(path), settings), "svg", "nl")
        times.append(time.perf_counter() - start)
    return times


def _save(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _line(label: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    text = f"{label:<52} median {median:6.3f} s   best {min(times):6.3f} s   worst {max(times):6.3f} s"
    if target is not None:
        text += f"   ratio to {target:.0f} s target {median / target:5.2f}" + ("   MISSED" if median > target else "")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    saves = parser.parse_args().saves
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    from procesmap.diagrams.sample import synthetic_map
    from procesmap.serve.state import QUICK_CASES

    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetisch-40.yaml"
        text = synthetic_map(40, 0)
        assert ROLE_LINE.search(text), "the generated map has no behandelaar role line"
        path.write_text(text, encoding="utf-8")
        steps = len(re.findall(r"^  - id: ", text, re.M))
        server = subprocess.Popen(
            [sys.executable, "-m", "procesmap", "serve", str(path), "--port", "0"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            line = server.stdout.readline()  # type: ignore[union-attr]
            match = re.search(r"http://\S+", line)
            if match is None:
                raise SystemExit("procesmap serve did not start: " + line + server.stderr.read())  # type: ignore[union-attr]
            times: list[float] = []
            figures: list[float] = []
            full: list[float] = []
            with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
                context = p.chromium.launch_persistent_context(
                    profile,
                    executable_path=chromium,
                    args=FLAGS,
                    headless=True,
                    viewport={"width": 1600, "height": 1000},
                )
                page = context.new_page()
                page.goto(match.group(0), wait_until="load")
                page.wait_for_function(
                    "() => document.querySelector('#diagram') && document.querySelector('#diagram').naturalWidth > 0",
                    timeout=60_000,
                )
                page.wait_for_timeout(1500)  # the server's warm-up has drawn once
                people = int(ROLE_LINE.search(text).group(2))  # type: ignore[union-attr]
                for index in range(saves):
                    people = people + 1 if index % 2 == 0 else people - 1
                    generation = int(page.evaluate("document.body.dataset.generation"))
                    new = ROLE_LINE.sub(lambda m, people=people: f"{m.group(1)}{people}{m.group(3)}", text)
                    start = time.perf_counter()
                    _save(path, new)
                    page.wait_for_function(
                        "(g) => Number(document.body.dataset.generation) > g",
                        arg=generation,
                        timeout=30_000,
                        polling="raf",
                    )
                    figures.append(time.perf_counter() - start)
                    page.wait_for_function(DRAWN, arg=generation, timeout=30_000, polling="raf")
                    times.append(time.perf_counter() - start)
                    # then the analysis with every case replaces the quick one (docs/serve.md)
                    page.wait_for_function(
                        "(g) => Number(document.body.dataset.generation) > g && "
                        "document.body.dataset.preliminary === '0'",
                        arg=generation,
                        timeout=60_000,
                        polling="raf",
                    )
                    later = int(page.evaluate("document.body.dataset.generation"))
                    page.wait_for_function(DRAWN, arg=later - 1, timeout=30_000, polling="raf")
                    full.append(time.perf_counter() - start)
                    page.wait_for_timeout(300)
                context.close()
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        print(_line(f"serve, {steps} steps: save -> redrawn page (target < 1 s)", times, TARGET_S))
        print(_line("  of which: save -> new figures on the page", figures))
        print(_line("  then: save -> figures of every case, redrawn", full))
        baseline = _baseline(path, max(3, saves // 2), None)
        print(_line("baseline: load + analyse + SVG in one process", baseline))
        quick = _baseline(path, max(3, saves // 2), QUICK_CASES)
        print(_line(f"baseline: the same with the quick {QUICK_CASES} cases", quick))
        print(
            f"ratio redrawn page / baseline: {statistics.median(times) / statistics.median(baseline):5.2f}; "
            f"what serve adds to the quick baseline (watching, events, page, browser): median "
            f"{statistics.median(times) - statistics.median(quick):6.3f} s"
        )
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
